"""The dashboard's Time-lapse and Download image control, run headless with AppTest."""

from __future__ import annotations

import datetime as dt

import pytest

from apptest import app, plain
from geo import load_theatre
from mapmedia import service
from mapmedia.service import PageMedia

pytestmark = pytest.mark.slow  # every test runs the whole page


@pytest.fixture(autouse=True)
def fresh_caches(monkeypatch):
    """Empty caches: another test's theatre with the same files has the same data version."""
    monkeypatch.setattr(service, "_clips", service._Cache(max_items=4, max_bytes=10**8))
    monkeypatch.setattr(service, "_stills", service._Cache(max_items=4, max_bytes=10**8))


def open_media(at):
    at.session_state["media-box"] = True
    at.run()
    assert not at.exception, at.exception
    return at


def test_the_control_offers_the_image_and_makes_then_offers_the_clip(monkeypatch, theatre_dir):
    at = app(monkeypatch, data=theatre_dir, date="2020-03-01")
    assert not [b for b in at.get("download_button") if b.proto.label == "Download image (PNG)"]  # folded
    open_media(at)
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Download image (PNG)" in labels
    captions = [plain(c.value) for c in at.caption]
    assert any(c.startswith("Cite this view: Aleppo Frontlines, “Testville”, data version ") for c in captions)
    assert any("runs from 1 Jan 2020 to 31 Dec 2020" in c for c in captions)
    at.button(key="media-make").click().run()
    assert not at.exception, at.exception
    (clip,) = [b for b in at.get("download_button") if b.proto.label.startswith("Download the time-lapse (MP4, ")]
    assert clip.proto.label.endswith(" MB)")
    theatre = load_theatre(theatre_dir)
    made = PageMedia(theatre, dt.date(2020, 3, 1), theatre.meta.start_date, theatre.meta.end_date, "en")
    data = made.ready_clip("changes", "1080x1080")
    assert data is not None and data[4:8] == b"ftyp"  # an MP4, kept for the next reader
    at2 = open_media(app(monkeypatch, data=theatre_dir, date="2020-03-01"))  # a second reader
    assert any(b.proto.label.startswith("Download the time-lapse") for b in at2.get("download_button"))
    assert not [b for b in at2.button if b.proto.label == "Make the time-lapse (MP4)"]


def test_a_second_clip_waits_while_one_is_being_made(monkeypatch, theatre_dir):
    at = open_media(app(monkeypatch, data=theatre_dir, date="2020-03-02", lang="ar"))
    assert service._rendering.acquire(blocking=False)
    try:
        at.button(key="media-make").click().run()
    finally:
        service._rendering.release()
    assert [plain(w.value) for w in at.warning] == ["يُنشأ فيديو زمني آخر على هذا الخادم: حاول مجددًا بعد دقيقة."]
    assert not [b for b in at.get("download_button") if b.proto.label.startswith("تنزيل الفيديو الزمني")]

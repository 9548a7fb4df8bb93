"""Time-lapses and stills (mapmedia): dates, frames, files written and read back, bad arguments."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import numpy as np
import pytest
from media_files import video_frames
from PIL import Image, ImageSequence

from frontlines.cli import main
from geo import DateError, OptionError, UnknownDistrictError
from mapmedia import write_still, write_timelapse
from mapmedia.frames import CONTESTED_HATCH, FrameRenderer
from mapmedia.options import parse_size
from mapmedia.text import captions
from mapmedia.timeline import CHANGE_HOLD_SECONDS, Frame, date_range, frames_of
from mapui.i18n import date_text
from mapui.palette import FILL_OPACITY, STATUS_STYLES, blend

D = dt.date


def rgb(colour: str) -> np.ndarray:
    return np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)])


def fill(status: str, confidence: str = "stated") -> np.ndarray:
    """The solid colour a district of ``status`` is filled with on a frame."""
    return rgb(blend(STATUS_STYLES[status]["fillColor"], FILL_OPACITY[confidence]))


def commonest(image: np.ndarray, pixel: tuple[int, int], radius: int = 6) -> np.ndarray:
    """The most frequent colour in a small square around ``pixel`` (hatch lines cover less of it)."""
    x, y = pixel
    window = image[y - radius : y + radius + 1, x - radius : x + radius + 1].reshape(-1, 3)
    colour, _ = Counter(map(tuple, window.tolist())).most_common(1)[0]
    return np.array(colour)


def typical(image: np.ndarray, pixel: tuple[int, int], radius: int = 8) -> np.ndarray:
    """The median colour around ``pixel``: lossy video spreads a flat fill over many nearby
    values, so the exact commonest colour can be a line's black instead."""
    x, y = pixel
    return np.median(image[y - radius : y + radius + 1, x - radius : x + radius + 1].reshape(-1, 3), axis=0)


def close_to(found: np.ndarray, expected: np.ndarray, tolerance: int = 3) -> bool:
    return bool(np.abs(found.astype(int) - expected.astype(int)).max() <= tolerance)


def below_name(frames: FrameRenderer, district: str) -> tuple[int, int]:
    """A point 40 pixels below where a Testville square's name is written (its centre)."""
    x, y = frames.district_pixel(district)
    return x, y + 40


def renderer(theatre, *, lang="en", size="1080x1080", day=None, start=None, end=None, **options) -> FrameRenderer:
    """A renderer with the captions of a still of ``day`` or a clip of ``start`` to ``end`` (the
    credits' length moves the map, so a test finds a district where the file has it)."""
    text = (
        captions(theatre, lang=lang, day=None, start=start, end=end)
        if start
        else captions(theatre, lang=lang, day=day or D(2020, 1, 1))
    )
    return FrameRenderer(theatre, size=size, lang=lang, captions=text, **options)


# ---- which dates --------------------------------------------------------------------------
def test_week_month_and_day_steps_show_the_first_and_last_dates(testville):
    weeks = frames_of(testville, D(2020, 1, 1), D(2020, 1, 20), step="week", fps=12)
    assert weeks == [Frame(D(2020, 1, 1)), Frame(D(2020, 1, 8)), Frame(D(2020, 1, 15)), Frame(D(2020, 1, 20))]
    months = frames_of(testville, D(2020, 1, 10), D(2020, 4, 1), step="month", fps=12)
    assert [f.date for f in months] == [D(2020, 1, 10), D(2020, 2, 1), D(2020, 3, 1), D(2020, 4, 1)]
    assert len(frames_of(testville, D(2020, 1, 1), D(2020, 12, 31), step="day", fps=12)) == 366


def test_the_changes_step_holds_each_change_for_a_fixed_time(testville):
    plan = frames_of(testville, D(2020, 1, 1), D(2020, 12, 31), step="changes", fps=10)
    hold = round(CHANGE_HOLD_SECONDS * 10)
    assert plan == [
        Frame(D(2020, 1, 1), hold),
        Frame(D(2020, 3, 1), hold),
        Frame(D(2020, 6, 15), hold),
        Frame(D(2020, 12, 31), hold),
    ]
    inside = frames_of(testville, D(2020, 2, 1), D(2020, 5, 1), step="changes", fps=10)
    assert [f.date for f in inside] == [D(2020, 2, 1), D(2020, 3, 1), D(2020, 5, 1)]


def test_a_range_outside_the_record_is_refused_with_its_option(testville):
    assert date_range(testville, None, None) == (D(2020, 1, 1), D(2020, 12, 31))
    with pytest.raises(DateError, match=r"^--from: date 2019-12-31 is outside 2020-01-01 to 2020-12-31$"):
        date_range(testville, "2019-12-31", None)
    with pytest.raises(DateError, match=r"^--to: date 2021-01-01 is outside"):
        date_range(testville, None, "2021-01-01")
    with pytest.raises(DateError, match=r"^--from 2020-05-01 is after --to 2020-04-01$"):
        date_range(testville, "2020-05-01", "2020-04-01")


def test_bad_sizes_and_steps_name_what_is_allowed(testville):
    assert parse_size("1920x1080") == (1920, 1080)
    with pytest.raises(
        OptionError, match=r"^--size was '1000x1000' but is expected to be one of 1080x1080, 1920x1080, 1080x1920$"
    ):
        parse_size("1000x1000")
    with pytest.raises(OptionError, match=r"^--size was 'big' but"):
        parse_size("big")
    with pytest.raises(
        OptionError, match=r"^--step was 'hour' but is expected to be one of day, week, month, changes$"
    ):
        frames_of(testville, D(2020, 1, 1), D(2020, 2, 1), step="hour", fps=12)


# ---- frames ---------------------------------------------------------------------------------
def test_each_district_shows_its_status_colour_on_the_date(testville):
    frames = renderer(testville)
    before, after = frames.render(D(2020, 2, 1)), frames.render(D(2020, 3, 1))
    assert before.shape == (1080, 1080, 3) and before.dtype == np.uint8
    for district in ("north-east", "north-west", "south-west", "south-east"):
        assert close_to(commonest(before, frames.district_pixel(district)), fill("government"))
    assert close_to(commonest(after, frames.district_pixel("north-east")), fill("opposition"))
    assert close_to(commonest(after, frames.district_pixel("north-west")), fill("government"))
    assert close_to(commonest(after, frames.district_pixel("south-east")), fill("contested"))
    # the hatch: lines of the contested outline colour across the district, none before it was contested
    x, y = frames.district_pixel("south-east")
    hatch = rgb(STATUS_STYLES["contested"]["color"])
    assert CONTESTED_HATCH == "//"

    def hatched(image: np.ndarray) -> int:
        window = image[y - 40 : y + 40, x - 40 : x + 40].astype(int)
        return int((np.abs(window - hatch).max(axis=2) <= 12).sum())

    assert hatched(after) > 300
    assert hatched(before) == 0


def test_frames_are_redrawn_not_rebuilt(testville):
    frames = renderer(testville)
    collections = list(frames.map_axes.collections)
    first = frames.render(D(2020, 3, 1))
    frames.render(D(2020, 7, 1))
    assert list(frames.map_axes.collections) == collections
    assert np.array_equal(frames.render(D(2020, 3, 1)), first)


def test_names_are_written_where_they_fit_and_the_highlighted_one_always(aleppo_theatre, testville):
    assert [t.get_text() for t in renderer(testville).map_axes.texts] == [
        "North East",
        "North West",
        "South West",
        "South East",
    ]
    assert len(renderer(testville, names=False).map_axes.texts) == 0
    aleppo = [t.get_text() for t in renderer(aleppo_theatre).map_axes.texts]
    assert "Sheikh Najjar" in aleppo and "Bustan al-Basha" not in aleppo  # too small for its name at 1080
    assert "Bustan al-Basha" in [
        t.get_text() for t in renderer(aleppo_theatre, district="bustan-al-basha").map_axes.texts
    ]
    assert "بستان الباشا" in [
        t.get_text() for t in renderer(aleppo_theatre, lang="ar", district="bustan-al-basha").map_axes.texts
    ]


def test_unknown_district_is_refused(testville):
    with pytest.raises(
        UnknownDistrictError, match=r"district_id 'north-easts' matches no district \(did you mean 'north-east'\?\)"
    ):
        renderer(testville, district="north-easts")


def test_arabic_frames_write_the_date_the_levantine_way_right_aligned(testville):
    import matplotlib.ft2font

    assert matplotlib.ft2font.__libraqm_version__  # joins Arabic letters and lays them right to left
    frames = renderer(testville, lang="ar")
    image = frames.render(D(2020, 10, 5))
    assert frames.date_text.get_text() == date_text(D(2020, 10, 5), "ar", "day_long") == "5 تشرين الأول 2020"
    assert frames.date_text.get_horizontalalignment() == "right"
    header = image[: int(frames.layout.map.top * 0) + 150]
    ink = np.flatnonzero((header.min(axis=2) < 80).any(axis=0))
    assert ink.min() > 1080 / 3 and ink.max() > 1080 - 60  # the title and date sit at the right


@pytest.mark.parametrize("size", ["1080x1080", "1920x1080", "1080x1920"])
def test_every_size_renders_at_that_size(testville, size):
    width, height = parse_size(size)
    assert renderer(testville, size=size, district="south-west").render(D(2020, 3, 1)).shape == (height, width, 3)


# ---- files ----------------------------------------------------------------------------------
def test_still_png_and_svg(testville, tmp_path):
    png = write_still(testville, tmp_path / "map.png", date="2020-03-01", compare_from="2020-01-01")
    with Image.open(png) as image:
        assert image.size == (1080, 1080)
        assert "Cite this view" in image.info["Description"]
        pixels = np.asarray(image.convert("RGB"))
    frames = renderer(testville, day=D(2020, 3, 1), compare_from=D(2020, 1, 1))
    assert close_to(commonest(pixels, frames.district_pixel("north-east")), fill("opposition"))
    svg = write_still(testville, tmp_path / "map.svg", date="2020-03-01", size="1920x1080", lang="ar")
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text and 'width="1382.4pt"' in text


def test_gif_holds_each_date_and_stores_only_what_changed(testville, tmp_path):
    made = write_timelapse(testville, tmp_path / "clip.gif", step="changes", fps=10)
    assert (made.dates, made.frames) == (4, 4)
    with Image.open(made.path) as gif:
        assert gif.size == (1080, 1080) and gif.n_frames == 4 and gif.info["loop"] == 0
        durations = [frame.info["duration"] for frame in ImageSequence.Iterator(gif)]
        frames = [np.asarray(frame.convert("RGB")) for frame in ImageSequence.Iterator(gif)]
    assert durations == [500, 500, 500, 500]
    where = renderer(testville, start=D(2020, 1, 1), end=D(2020, 12, 31))
    assert close_to(commonest(frames[0], below_name(where, "north-east")), fill("government"), 8)
    assert close_to(commonest(frames[1], below_name(where, "north-east")), fill("opposition"), 8)
    assert close_to(commonest(frames[2], below_name(where, "north-east")), fill("government"), 8)


@pytest.mark.parametrize("suffix", [".mp4", ".webm"])
def test_videos_have_every_frame_at_the_size(testville, tmp_path, suffix):
    made = write_timelapse(
        testville, tmp_path / f"clip{suffix}", start="2020-02-26", end="2020-03-03", step="day", fps=6
    )
    assert [p.name for p in tmp_path.iterdir()] == [f"clip{suffix}"]  # the partial file renamed
    assert (made.dates, made.frames) == (7, 7)
    frames = video_frames(made.path)
    assert len(frames) == 7
    assert frames[0].shape == (1080, 1080, 3)
    where = renderer(testville, start=D(2020, 2, 26), end=D(2020, 3, 3))
    assert close_to(typical(frames[0], below_name(where, "north-east")), fill("government"), 10)
    assert close_to(typical(frames[-1], below_name(where, "north-east")), fill("opposition"), 10)


def test_the_output_is_checked_before_anything_is_drawn(testville, tmp_path):
    with pytest.raises(
        OptionError,
        match=r"^--out was '.*clip\.avi' but is expected to end in one of \.mp4, \.webm, \.gif \(the format\)$",
    ):
        write_timelapse(testville, tmp_path / "clip.avi")
    with pytest.raises(OptionError, match=r"^--out '.*nowhere/clip\.mp4': folder '.*nowhere' does not exist$"):
        write_timelapse(testville, tmp_path / "nowhere" / "clip.mp4")
    (tmp_path / "folder.png").mkdir()
    with pytest.raises(OptionError, match=r"^--out '.*folder\.png' is a folder, not a file$"):
        write_still(testville, tmp_path / "folder.png", date="2020-03-01")
    with pytest.raises(OptionError, match=r"^--fps was 0 but is expected to be a whole number from 1 to 60$"):
        write_timelapse(testville, tmp_path / "clip.mp4", fps=0)
    with pytest.raises(OptionError, match=r"^--lang was 'fr' but is expected to be one of en, ar$"):
        write_still(testville, tmp_path / "map.png", date="2020-03-01", lang="fr")
    assert [p.name for p in tmp_path.iterdir()] == ["folder.png"]


# ---- the command line -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["still", "--date", "2020-03-01", "--district", "nowhere"],
            "error: district_id 'nowhere' matches no district",
        ),
        (["timelapse", "--from", "2019-01-01"], "error: --from: date 2019-01-01 is outside 2020-01-01 to 2020-12-31"),
        (["still", "--date", "2021-02-01"], "error: --date: date 2021-02-01 is outside 2020-01-01 to 2020-12-31"),
        (
            ["timelapse", "--size", "720x720"],
            "error: --size was '720x720' but is expected to be one of 1080x1080, 1920x1080, 1080x1920",
        ),
        (
            ["timelapse", "--step", "year"],
            "error: --step was 'year' but is expected to be one of day, week, month, changes",
        ),
    ],
)
def test_bad_arguments_give_one_message_and_exit_code_2(theatre_dir, tmp_path, capsys, arguments, message):
    out = tmp_path / ("clip.mp4" if arguments[0] == "timelapse" else "map.png")
    assert main([*arguments, "--out", str(out), "--data", str(theatre_dir)]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith(message) and captured.err.count("\n") == 1
    assert captured.out == "" and not out.exists()


def test_an_unwritable_path_gives_one_message(theatre_dir, tmp_path, capsys):
    out = tmp_path / "missing" / "clip.gif"
    assert main(["timelapse", "--out", str(out), "--data", str(theatre_dir)]) == 2
    assert capsys.readouterr().err == f"error: --out '{out}': folder '{out.parent}' does not exist\n"


def test_the_command_writes_a_still_and_says_so(theatre_dir, tmp_path, capsys):
    out = tmp_path / "map.png"
    assert main(["still", "--date", "2020-03-01", "--out", str(out), "--data", str(theatre_dir), "--lang", "ar"]) == 0
    assert capsys.readouterr().out.startswith(f"wrote {out}: the map on 2020-03-01 (data version ")
    with Image.open(out) as image:
        assert image.size == (1080, 1080)


# ---- Aleppo ---------------------------------------------------------------------------------
@pytest.mark.slow
def test_aleppo_bustan_al_basha_is_contested_on_7_october_2016(aleppo_theatre, tmp_path):
    out = write_still(aleppo_theatre, tmp_path / "aleppo.png", date="2016-10-07")
    with Image.open(out) as image:
        pixels = np.asarray(image.convert("RGB"))
    where = renderer(aleppo_theatre, day=D(2016, 10, 7)).district_pixel("bustan-al-basha")
    assert close_to(commonest(pixels, where, radius=8), fill("contested"))


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".mp4", ".gif"])
def test_aleppo_clip_first_and_last_frames(aleppo_theatre, tmp_path, suffix):
    """30 September 2016: Bustan al-Basha opposition-held (on a change of low confidence);
    7 October: contested (the government took part of it from 30 September to 6 October)."""
    made = write_timelapse(
        aleppo_theatre, tmp_path / f"aleppo{suffix}", start="2016-09-30", end="2016-10-07", step="day", fps=8, lang="ar"
    )
    assert made.dates == 8
    if suffix == ".mp4":
        frames = video_frames(made.path)
        assert len(frames) == 8
        first, last = frames[0], frames[-1]
    else:
        with Image.open(made.path) as gif:
            frames = [np.asarray(frame.convert("RGB")) for frame in ImageSequence.Iterator(gif)]
        first, last = frames[0], frames[-1]
    assert first.shape == last.shape == (1080, 1080, 3)
    where = renderer(aleppo_theatre, lang="ar", start=D(2016, 9, 30), end=D(2016, 10, 7)).district_pixel(
        "bustan-al-basha"
    )
    sample = typical if suffix == ".mp4" else commonest
    tolerance = 12 if suffix == ".mp4" else 8
    assert close_to(sample(first, where, radius=8), fill("opposition", "low"), tolerance)
    assert close_to(sample(last, where, radius=8), fill("contested"), tolerance)


# ---- the dashboard's service ----------------------------------------------------------------
def fresh_caches(monkeypatch) -> None:
    """Empty caches: another test's theatre with the same files has the same data version."""
    from mapmedia import service

    monkeypatch.setattr(service, "_clips", service._Cache(max_items=4, max_bytes=10**8))
    monkeypatch.setattr(service, "_stills", service._Cache(max_items=4, max_bytes=10**8))


def test_page_media_caches_per_view_and_refuses_long_or_concurrent_clips(testville, monkeypatch):
    from mapmedia import service

    fresh_caches(monkeypatch)
    media = service.PageMedia(
        testville, D(2020, 3, 1), D(2020, 1, 1), D(2020, 12, 31), "en", compare_from=D(2020, 1, 1)
    )
    image = media.image()
    assert image.startswith(b"\x89PNG") and media.image() is image
    assert media.image_name() == f"frontlines-{testville.version}-2020-03-01.png"
    assert (
        media.cite()
        == f"Cite this view: Aleppo Frontlines, “Testville”, data version {testville.version}, 1 March 2020."
    )
    monkeypatch.setattr(service, "MAX_DATES", 300)
    refused = media.make_clip("day", "1080x1080", lambda done, total: None)
    assert refused.data is None and refused.message.startswith(
        "This time-lapse would show 366 dates; the page makes at most 300"
    )
    assert service._rendering.acquire(blocking=False)
    try:
        busy = media.make_clip("changes", "1080x1080", lambda done, total: None)
    finally:
        service._rendering.release()
    assert busy == service.Made(None, "Another time-lapse is being made on this server: try again in a minute.")
    told = []
    made = media.make_clip("changes", "1080x1080", lambda done, total: told.append((done, total)))
    assert made.data is not None and made.data[4:8] == b"ftyp" and told[-1] == (4, 4)
    assert media.ready_clip("changes", "1080x1080") is made.data
    assert media.ready_clip("changes", "1920x1080") is None


# ---- the static site --------------------------------------------------------------------------
@pytest.mark.slow
def test_the_site_offers_a_time_lapse_of_the_whole_record(theatre_dir, tmp_path):
    import json

    out = tmp_path / "site"
    assert main(["site", "--out", str(out), "--data", str(theatre_dir)]) == 0
    config = json.loads((out / "data" / "config.json").read_text(encoding="utf-8"))
    name = config["downloads"]["timelapse"]
    assert name.endswith(".mp4") and "timelapse" in name
    assert len(video_frames(out / "data" / name)) == 4 * round(CHANGE_HOLD_SECONDS * 12)  # start, two change days, end
    page = (out / "index.html").read_text(encoding="utf-8")
    assert '<a id="download-timelapse" class="button" download hidden>' in page  # site.js shows it
    assert main(["site", "--out", str(out), "--data", str(theatre_dir), "--no-timelapse"]) == 0
    config = json.loads((out / "data" / "config.json").read_text(encoding="utf-8"))
    assert config["downloads"]["timelapse"] == "" and not list((out / "data").glob("*.mp4"))


def test_an_evidence_layer_shows_its_points_up_to_each_date(aleppo_theatre):
    layer = next(lay for lay in aleppo_theatre.layers if lay.id == "hrw-damage-sites")
    days = layer.points["day"].to_numpy()
    drawn = renderer(aleppo_theatre, layers=["hrw-damage-sites"])
    (dots,) = drawn._evidence
    counts = {}
    for day in (dt.date(2012, 7, 1), dt.date(2014, 6, 1), dt.date(2016, 12, 31)):
        drawn.render(day)
        counts[day] = len(dots.collection.get_offsets())
    expected = {day: int((days <= (day - dt.date(1970, 1, 1)).days).sum()) for day in counts}
    assert counts == expected and counts[dt.date(2016, 12, 31)] > counts[dt.date(2014, 6, 1)] > 0
    drawn.close()


def test_only_the_theatres_points_layers_can_be_drawn(aleppo_theatre, tmp_path, capsys):
    with pytest.raises(OptionError, match=r"^layers were \['unosat-damage-2015'\] but are expected to be among"):
        renderer(aleppo_theatre, layers=["unosat-damage-2015"])  # a density layer
    code = main(["still", "--date", "2016-10-07", "--out", str(tmp_path / "x.png"), "--layers", "nope"])
    assert code == 2 and "error: layers were ['nope']" in capsys.readouterr().err

"""Static payloads are named by their content, so a changed file never hides behind an old name."""

import os
import time

from components.static_files import KEEP_SECONDS, prune, publish, publish_payloads


def test_names_follow_the_content(tmp_path):
    first = publish(tmp_path, "theatres", ".timeline.json", '{"codes": "01"}')
    again = publish(tmp_path, "theatres", ".timeline.json", '{"codes": "01"}')
    changed = publish(tmp_path, "theatres", ".timeline.json", '{"codes": "01", "low": "10"}')
    assert first == again != changed
    assert first.startswith("app/static/theatres/") and first.endswith(".timeline.json")
    written = tmp_path / changed.removeprefix("app/static/")
    assert written.read_text(encoding="utf-8") == '{"codes": "01", "low": "10"}'
    assert sorted(p.name for p in (tmp_path / "theatres").iterdir()) == sorted(
        p.removeprefix("app/static/theatres/") for p in (first, changed)
    )


def test_old_files_are_pruned_and_fresh_ones_kept(tmp_path):
    folder = tmp_path / "theatres"
    folder.mkdir()
    (folder / "old.geojson").write_text("{}")
    (folder / "recent.geojson").write_text("{}")
    an_hour_and_more = time.time() - KEEP_SECONDS - 60
    os.utime(folder / "old.geojson", (an_hour_and_more, an_hour_and_more))
    paths = publish_payloads(tmp_path, "theatres", {".geojson": '{"type": "FeatureCollection"}'})
    assert paths is not None
    current = paths[".geojson"].rsplit("/", 1)[-1]
    assert sorted(p.name for p in folder.iterdir()) == sorted([current, "recent.geojson"])


def test_republishing_keeps_a_file_from_pruning(tmp_path):
    first = publish(tmp_path, "theatres", ".geojson", "{}")
    written = tmp_path / first.removeprefix("app/static/")
    long_ago = time.time() - 10 * KEEP_SECONDS
    os.utime(written, (long_ago, long_ago))
    publish(tmp_path, "theatres", ".geojson", "{}")
    assert prune(tmp_path / "theatres", keep=set()) == []


def test_an_unwritable_static_folder_means_inline_payloads(tmp_path, caplog):
    blocked = tmp_path / "static"
    blocked.write_text("a file where the folder should be")
    assert publish_payloads(blocked, "theatres", {".geojson": "{}"}) is None
    assert "sending them inline" in caplog.text

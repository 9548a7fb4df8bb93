"""Outputs that cannot be written, and names that no file system would take, are one clear message."""

from __future__ import annotations

import json

from frontlines.cli import main
from geo.export import NAME_PART_CHARACTERS, download_name
from geo.load import load_theatre
from geo.text_rules import MAX_LICENCE_CHARACTERS
from static_site.build import write_site


def blocked(tmp_path):
    """A path under a regular file: no one, root included, can write there."""
    (tmp_path / "a-file").write_text("not a folder\n")
    return tmp_path / "a-file" / "out"


def test_an_export_that_cannot_be_written_is_one_message(theatre_dir, tmp_path, capsys):
    out = blocked(tmp_path) / "day.csv"
    code = main(["export", "--date", "2020-06-01", "--format", "csv", "--out", str(out), "--data", str(theatre_dir)])
    err = capsys.readouterr().err
    assert code == 2
    assert err == f"error: {out} could not be written (Not a directory); choose a folder you can write to\n"


def test_a_site_that_cannot_be_written_is_one_message(theatre_dir, tmp_path, capsys):
    out = blocked(tmp_path)
    assert main(["site", "--out", str(out), "--data", str(theatre_dir)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {out} could not be written (") and "Traceback" not in err
    assert (tmp_path / "a-file").read_text() == "not a folder\n"  # nothing lost


def test_a_long_licence_makes_bounded_file_names_and_the_site_is_written(theatre_dir, tmp_path):
    meta = json.loads((theatre_dir / "theatre.json").read_text())
    meta["licence"] = ("Creative Commons Attribution 4.0 International, " * 3)[
        :MAX_LICENCE_CHARACTERS
    ]  # the longest allowed
    (theatre_dir / "theatre.json").write_text(json.dumps(meta))
    theatre = load_theatre(theatre_dir)
    name = download_name(theatre, "2020-06-01", ".csv")
    assert len(name) <= 4 * NAME_PART_CHARACTERS + 8 and name.endswith(".csv")
    assert name.startswith("testville_2020-06-01_data-") and "_Creative-Commons-Attribution" in name
    site = write_site(theatre, tmp_path / "site")
    assert (site / "index.html").is_file()
    assert all(len(path.name) < 200 for path in site.rglob("*"))

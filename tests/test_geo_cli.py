"""The command line: its output, messages and exit codes.

Most tests call ``geo.cli.main`` in this process (a new interpreter costs a second of imports);
one runs ``python -m geo`` as a person would.
"""

import contextlib
import csv
import io
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from geo import load_theatre
from geo.cli import main

ROOT = Path(__file__).resolve().parents[1]


def run(*args):
    """Run the command line from the repository root; returncode, stdout and stderr as a process would give."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(ROOT), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(arg) for arg in args])
        except SystemExit as exit_:  # argparse exits on usage errors, as the real command does
            code = exit_.code if isinstance(exit_.code, int) else 1
    return SimpleNamespace(returncode=code, stdout=out.getvalue(), stderr=err.getvalue())


def test_validate_good_and_bad(theatre_dir):
    good = run("validate", theatre_dir)
    assert good.returncode == 0, good.stderr
    assert "valid — 4 districts, 3 changes" in good.stdout
    (theatre_dir / "changes.csv").write_text(
        "date,district_id,status,note,source_url\n2020-03-01,nowhere,opposition,,https://e.org\n"
    )
    bad = run("validate", theatre_dir)
    assert bad.returncode == 1
    assert "changes.csv row 2: district_id 'nowhere' matches no district" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_state_prints_the_documented_columns(theatre_dir):
    result = run("state", "--date", "2020-03-01", "--data", theatre_dir)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0].keys()) == [
        "district_id",
        "name_en",
        "name_ar",
        "alt_names",
        "status",
        "since",
        "date_precision",
        "confidence",
        "source_url",
    ]
    assert {r["district_id"]: r["status"] for r in rows}["north-east"] == "opposition"


def test_state_bad_date_and_history_unknown_district(theatre_dir):
    result = run("state", "--date", "yesterday", "--data", theatre_dir)
    assert result.returncode == 2
    assert result.stderr.strip() == "error: date was 'yesterday' but is expected to be a date as YYYY-MM-DD"
    result = run("history", "north-eats", "--data", theatre_dir)
    assert result.returncode == 2
    assert "did you mean 'north-east'?" in result.stderr


def test_history(theatre_dir):
    result = run("history", "north-east", "--data", theatre_dir)
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == "date,date_precision,status,note,source_url,confidence"
    assert len(result.stdout.splitlines()) == 3


@pytest.mark.slow  # starts python -m geo
def test_shipped_aleppo_data_is_valid_and_bustan_al_basha_is_contested_on_7_october_2016():
    result = run("state", "--date", "2016-10-07")
    assert result.returncode == 0, result.stderr
    rows = {r["district_id"]: r for r in csv.DictReader(io.StringIO(result.stdout))}
    assert len(rows) == len(load_theatre(ROOT / "data" / "aleppo").district_ids) == 127
    assert rows["bustan-al-basha"]["status"] == "contested"
    assert rows["bustan-al-basha"]["since"] == "2016-10-06"
    assert rows["bustan-al-basha"]["source_url"].startswith("https://")
    person = subprocess.run([sys.executable, "-m", "geo", "validate"], cwd=ROOT, capture_output=True, text=True)
    assert person.returncode == 0, person.stderr
    assert "valid — 127 districts" in person.stdout

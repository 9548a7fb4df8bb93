"""Synthetic theatres: valid in the project's format, tiling without gaps or overlaps."""

import pytest
import shapely

from geo import load_theatre
from geo.synth import synth_theatre


def test_synthetic_theatre_is_valid_and_tiles_its_area(tmp_path):
    theatre = load_theatre(synth_theatre(tmp_path / "s", districts=50, changes=400, seed=7))
    assert len(theatre.district_ids) == 50 and len(theatre.changes) == 400
    # Random statuses leave districts cut off from their side; that is the only audit finding.
    assert [str(w) for w in theatre.warnings if "no neighbour shares" not in w.message] == []
    shapes = theatre.districts.geometry.to_numpy()
    union = shapely.union_all(shapes)
    assert sum(s.area for s in shapes) == pytest.approx(union.area, rel=1e-6)  # no overlaps
    assert union.area == pytest.approx(union.envelope.area, rel=1e-3)  # no gaps in the rectangle
    days = theatre.changes["day"]
    assert days.is_monotonic_increasing and days.nunique() > 200


def test_same_seed_same_theatre(tmp_path):
    first = synth_theatre(tmp_path / "a", districts=10, changes=20, seed=1)
    second = synth_theatre(tmp_path / "b", districts=10, changes=20, seed=1)
    for name in ("theatre.json", "districts.geojson", "changes.csv"):
        assert (first / name).read_bytes() == (second / name).read_bytes()


def test_bad_sizes(tmp_path):
    with pytest.raises(ValueError, match="districts was 1 but is expected to be at least 2"):
        synth_theatre(tmp_path / "x", districts=1, changes=0)
    with pytest.raises(ValueError, match="changes was -1 but is expected to be at least 0"):
        synth_theatre(tmp_path / "x", districts=2, changes=-1)


@pytest.mark.slow  # starts python -m geo
def test_synth_command(tmp_path):
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "geo", "synth", "--districts", "12", "--changes", "30", "--out", str(tmp_path / "c")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert load_theatre(tmp_path / "c").district_ids[:2] == ["d00000", "d00001"]

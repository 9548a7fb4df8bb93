"""geo validate checks how districts fit together: overlaps and gaps are warnings naming both districts."""

from __future__ import annotations

import pytest
import shapely
from shapely.geometry import mapping

from geo import DataError, check_theatre, load_theatre
from geo.cli import main
from synthetic import district_features, write_theatre

SIZE = 0.01


def ring_of_squares(*, overlap: bool = False) -> list[dict]:
    """Eight squares around an empty centre square (a gap of about 1.2 km²); with
    ``overlap``, the north-east square reaches 0.001° (about 110 m) into its western neighbour."""
    features = []
    for x in range(3):
        for y in range(3):
            if (x, y) == (1, 1):
                continue
            x0 = x * SIZE - (0.001 if overlap and (x, y) == (2, 2) else 0)
            geometry = shapely.box(x0, y * SIZE, x * SIZE + SIZE, y * SIZE + SIZE)
            features.append(
                {
                    "type": "Feature",
                    "geometry": mapping(geometry),
                    "properties": {"id": f"d-{x}-{y}", "name_en": f"D {x} {y}", "name_ar": "حي"},
                }
            )
    return features


def warnings_of(folder) -> list[str]:
    theatre, problems = check_theatre(folder)
    assert theatre is not None
    return [str(p) for p in problems if p.severity == "warning"]


def test_a_gap_and_an_overlap_are_warnings_naming_both_districts(tmp_path):
    folder = write_theatre(tmp_path / "t", features=ring_of_squares(overlap=True), changes=[])
    found = warnings_of(folder)
    overlaps = [w for w in found if "overlap" in w]
    gaps = [w for w in found if "gap" in w]
    assert len(overlaps) == 1
    assert overlaps[0].startswith("districts.geojson ids 'd-1-2' and 'd-2-2': overlap by 1")
    assert len(gaps) == 1
    assert gaps[0].startswith("districts.geojson ids 'd-0-0' and 'd-0-1' (and 6 more): leave a gap of 1,2")


def test_districts_that_meet_exactly_give_no_warning(theatre_dir, tmp_path):
    assert warnings_of(theatre_dir) == []
    folder = write_theatre(tmp_path / "t", features=ring_of_squares()[:3], changes=[])
    assert warnings_of(folder) == []


def test_an_invalid_geometry_is_an_error_with_the_district_id(tmp_path, capsys):
    features = district_features()
    features[2]["geometry"] = {"type": "Polygon", "coordinates": [[[0, 0], [0.01, 0.01], [0.01, 0], [0, 0.01], [0, 0]]]}
    folder = write_theatre(tmp_path / "t", features=features)
    with pytest.raises(DataError, match=r"feature 3 \(id 'south-west'\): geometry is invalid \(Self-intersection"):
        load_theatre(folder)
    assert main(["validate", str(folder)]) == 1
    assert "id 'south-west'" in capsys.readouterr().err


def test_the_cli_prints_topology_warnings(tmp_path, capsys):
    folder = write_theatre(tmp_path / "t", features=ring_of_squares(overlap=True), changes=[])
    assert main(["validate", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "warning: districts.geojson ids 'd-1-2' and 'd-2-2': overlap by" in out
    assert "2 warning(s)" in out

"""The map's component arguments, made once per set of options, are those st_folium would send."""

from __future__ import annotations

import numpy as np
import pytest
import streamlit_folium

from components.map_view import (
    RETURNED_OBJECTS,
    MapOptions,
    MapState,
    StatusUpdate,
    build_map,
    drawn_in_page,
    render_map,
)

OPTIONS = {
    "shapes_path": "app/static/theatres/shapes.json",
    "timeline_path": "app/static/theatres/timeline.json",
    "slider_key": "date",
    "frontline": {"url": "app/static/theatres/frontline.json"},
    "layers": [],
    "center": [36.2, 37.15],
    "zoom": 12,
    "unknown_code": 5,
    "lang": "en",
    "playback_days": [15522, 17166],
    "share_title": "Aleppo <test>",
    "library_paths": {".js": "app/static/map/a.js", ".css": "app/static/map/a.css"},
}


@pytest.fixture
def sent(monkeypatch) -> list[dict]:
    calls: list[dict] = []
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kwargs: calls.append(kwargs))
    return calls


def draw(codes: np.ndarray, date: str, selected: str | None) -> None:
    render_map(
        MapOptions(
            shapes_path=OPTIONS["shapes_path"],
            timeline_path=OPTIONS["timeline_path"],
            slider_key="date",
            frontline=OPTIONS["frontline"],
            center=(36.2, 37.15),
            zoom=12,
            unknown_code=5,
            lang="en",
            playback_days=(15522, 17166),
            share_title="Aleppo <test>",
            library_paths=OPTIONS["library_paths"],
            height=480,
        ),
        MapState(codes=codes, low_confidence=np.zeros(len(codes), dtype=bool), selected=selected, date=date),
        on_click=lambda district_id: None,
    )


def test_the_arguments_equal_st_folium_s(sent):
    codes = np.array([0, 1, 2])
    streamlit_folium.st_folium(
        build_map(OPTIONS, None),
        key="map",
        height=480,
        use_container_width=True,
        returned_objects=RETURNED_OBJECTS,
        feature_group_to_add=StatusUpdate(codes, np.zeros(3, dtype=bool), "a", "2016-10-07"),
        on_change=lambda: None,
    )
    draw(codes, "2016-10-07", "a")
    expected, ours = ({k: v for k, v in call.items() if k != "on_change"} for call in sent)
    assert ours == expected


def test_each_rerun_sends_its_own_status_but_the_same_map(sent):
    draw(np.array([0, 1, 2]), "2016-10-07", "a")
    draw(np.array([2, 2, 2]), "2016-10-08", None)
    first, second = sent
    assert first["feature_group"] != second["feature_group"]
    assert '"2016-10-08"' in second["feature_group"] and '"2016-10-07"' not in second["feature_group"]
    assert {k: v for k, v in first.items() if k not in ("feature_group", "on_change")} == {
        k: v for k, v in second.items() if k not in ("feature_group", "on_change")
    }
    assert first["key"] == second["key"]  # the same component: the map is not re-created


@pytest.mark.parametrize(
    "value, drawn",
    [
        (None, False),  # no value yet
        (dict.fromkeys(RETURNED_OBJECTS), False),  # st_folium's default: a page's first run
        ({"last_active_drawing": None, "frontlines_drawn": True}, True),  # the map's own report
        ({"last_active_drawing": None, "frontlines_drawn": "yes"}, False),  # only the map's own true
        ({"last_active_drawing": {"properties": {"id": "a"}}}, True),  # a click, sent by streamlit-folium
        ("drawn", False),
    ],
)
def test_a_page_has_drawn_the_map_once_it_says_so_or_was_clicked(value, drawn):
    assert drawn_in_page(value) is drawn

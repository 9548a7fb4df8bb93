"""The plain approach, for comparison only: a Folium map rebuilt on every rerun.

Each scrub builds a new folium.GeoJson with every district's shape and colour, so
streamlit-folium re-creates the map. `bench/scrub.py --compare` runs it beside the
real dashboard. Not part of the product.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import folium
import streamlit as st
from streamlit_folium import st_folium

from components.map_view import LeafletOnlyMap
from geo import load_theatre
from geo.export import districts_geojson
from mapui.palette import STATUS_STYLES

parser = argparse.ArgumentParser()
parser.add_argument("--data", type=Path, required=True)
data = parser.parse_args(sys.argv[1:]).data


@st.cache_resource
def theatre_and_shapes(directory: str):
    theatre = load_theatre(directory)
    return theatre, districts_geojson(theatre)


theatre, shapes = theatre_and_shapes(str(data))
if "date" not in st.session_state:
    st.session_state["date"] = dt.date.fromisoformat(st.query_params.get("date", theatre.meta.end_date.isoformat()))
date = st.slider(
    "Date", min_value=theatre.meta.start_date, max_value=theatre.meta.end_date, step=dt.timedelta(days=1), key="date"
)
status = dict(zip(theatre.district_ids, theatre.state_at(date)["status"], strict=True))
m = LeafletOnlyMap(location=list(theatre.meta.center), zoom_start=theatre.meta.zoom, tiles="OpenStreetMap")
folium.GeoJson(
    shapes,
    style_function=lambda f: {
        "fillColor": STATUS_STYLES[status[f["properties"]["id"]]]["fillColor"],
        "color": "#333",
        "weight": 1,
        "fillOpacity": 0.6,
        "className": "district district-" + f["properties"]["id"],
    },
).add_to(m)
st_folium(m, key="map", height=620, use_container_width=True, returned_objects=[])

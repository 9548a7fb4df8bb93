"""bench/floor.py's map page: only the theatre's district shapes on a Folium map in streamlit-folium,
as a minimal Streamlit map app would draw them (no slider, no status, none of the dashboard).
Like the dashboard's map, it loads Leaflet alone, not Folium's default jQuery and Bootstrap."""

import json
import sys
from pathlib import Path

import folium
from streamlit_folium import st_folium

shapes = json.loads((Path(sys.argv[-1]) / "districts.geojson").read_text(encoding="utf-8"))
city = folium.Map(location=[36.2, 37.15], zoom_start=12)
city.default_js = [("leaflet", "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js")]
city.default_css = [("leaflet_css", "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css")]
folium.GeoJson(shapes).add_to(city)
st_folium(city, height=480, key="map", returned_objects=[])

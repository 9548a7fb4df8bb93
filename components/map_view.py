"""The control map: districts drawn once, restyled on every date change.

The base map (tiles and every district's shape) is the same on every rerun, so
streamlit-folium keeps the Leaflet map it already has: zoom and pan survive.
What changes on a scrub travels as a tiny feature group whose script calls
``window.frontlines.apply(codes, selected, date)``: one character per district in
the format of :data:`geo.statuses.STATUS_CHAR_BASES`. The browser code lives in
``mapui/map/*.js``; this module only wires it to Folium and Streamlit.
"""

from __future__ import annotations

import functools
import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass

import folium
import numpy as np
import streamlit as st
import xyzservices
from branca.element import Element, MacroElement
from folium.template import Template

from components import upstream
from components.js import js_literal
from geo.statuses import STATUS_CHAR_BASES, STATUSES, encode_status_chars
from mapui.i18n import t
from mapui.map_scripts import map_library, map_loader, map_styles, map_text, overlay_options, share_text
from mapui.palette import FILL_OPACITY, styles_in_code_order

#: The play control's text (options.playback.text), from the catalogue's ``playback.<key>``.
PLAYBACK_TEXT_KEYS = ("play", "playTitle", "pauseTitle", "speed", "loop", "loading")
PLAYBACK_SPEEDS = ("day", "week", "month")


def playback_text(lang: str) -> dict:
    text: dict = {key: t(f"playback.{key}", lang) for key in PLAYBACK_TEXT_KEYS}
    text["speeds"] = {speed: t(f"playback.speed_{speed}", lang) for speed in PLAYBACK_SPEEDS}
    return text


_LEAFLET_JS = ("leaflet", "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js")
_LEAFLET_CSS = ("leaflet_css", "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css")


_VIEWPORT = re.compile(r"<meta\s+name=\"viewport\"[^>]*>")
#: Unlike folium's own (maximum-scale=1, user-scalable=no), this lets a reader zoom the page.
VIEWPORT_META = '<meta name="viewport" content="width=device-width, initial-scale=1" />'
# Named once: by name ("OpenStreetMap"), folium searches every tile provider on every rerun.
_TILES = xyzservices.providers.OpenStreetMap.Mapnik


class RawElement(Element):
    """Text rendered as it is (not compiled as a template, as branca's Element would each time)."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


class LeafletOnlyMap(folium.Map):
    """A folium Map that loads Leaflet alone (no jQuery, Bootstrap or icon fonts) and
    lets the page be zoomed."""

    default_js = [_LEAFLET_JS]  # noqa: RUF012 (folium's own attribute)
    default_css = [_LEAFLET_CSS]  # noqa: RUF012

    def render(self, **kwargs):
        rendered = super().render(**kwargs)
        header = upstream.children(self.get_root().header)  # type: ignore[attr-defined]
        own = header.get(self.get_name())
        if own is not None:
            header[self.get_name()] = RawElement(_VIEWPORT.sub(VIEWPORT_META, own.render()))
        return rendered


_MAP_LIBRARY = map_library()
_MAP_STYLES = map_styles()
_MAP_LOADER = map_loader()


def library_payloads() -> dict[str, str]:
    """The map's browser code and styles as static payloads (:func:`components.static_files.publish_payloads`);
    their paths go to :func:`render_map` as ``library_paths``."""
    return {".js": _MAP_LIBRARY, ".css": _MAP_STYLES}


class DistrictLayer(MacroElement):
    """Every district as an SVG path with the class ``district district-<id>``, drawn by
    ``mapui/map/district_layer.js`` and started with one ``FrontlinesMap.init(options)``,
    with the front line, names, legend and evidence layers of the other files in ``map/``.

    With ``library_paths`` (``{".js": path, ".css": path}`` of :func:`library_payloads`, published as
    static files) the script carries only ``map/loader.js`` and the options, which fetches the
    library once; without, the library and its styles are inline."""

    _template = Template("""
{% macro header(this, kwargs) %}
{% if this.styles %}<style>{{ this.styles }}</style>{% endif %}
{% endmacro %}
{% macro script(this, kwargs) %}
{{ this.loader }}
{{ this.library }}
FrontlinesLoader.start({{ this.files_js }}, {{ this.options_js() }});
{% endmacro %}
""")

    def __init__(
        self,
        *,
        shapes_path: str | None,
        inline_shapes_js: str | None,
        unknown_code: int,
        follow_slider: dict | None = None,
        frontline: dict | None = None,
        layers: list[dict] | None = None,
        fit_city: bool = True,
        playback_days: tuple[int, int] | None = None,
        view: dict | None = None,
        lang: str = "en",
        library_paths: dict[str, str] | None = None,
    ):
        super().__init__()
        self._name = "DistrictLayer"
        self.loader = _MAP_LOADER
        self.library = "" if library_paths else _MAP_LIBRARY
        self.styles = "" if library_paths else _MAP_STYLES
        self.files_js = js_literal(
            {"script": library_paths[".js"], "styles": library_paths[".css"]} if library_paths else None
        )
        self._options = {
            "styles": styles_in_code_order({s: t(f"status.{s}", lang) for s in STATUSES}),
            "fillOpacity": FILL_OPACITY,
            "lang": lang,
            "text": map_text(lang),
            "touch": {"hint": t("map.touchHint", lang)},
            "format": STATUS_CHAR_BASES,
            "unknownCode": int(unknown_code),
            "shapesUrl": shapes_path,
            "follow": follow_slider,
            **overlay_options(lang=lang, frontline=frontline, layers=layers or [], fit_city=fit_city),
            "playback": {"first": playback_days[0], "last": playback_days[1], "text": playback_text(lang)}
            if playback_days
            else None,
            "view": view,
        }
        self._inline_shapes_js = inline_shapes_js

    def render(self, **kwargs):
        """As MacroElement's, without compiling the rendered text as a template again (it holds
        the options, and where static serving is off the library and every shape)."""
        figure = self.get_root()
        module = self._template.module
        figure.header.add_child(RawElement(module.header(self, kwargs)), name=self.get_name())  # type: ignore[attr-defined]
        figure.script.add_child(RawElement(module.script(self, kwargs)), name=self.get_name())  # type: ignore[attr-defined]

    def options_js(self) -> str:
        """The options object; inline shapes go in as the JSON text they already are."""
        if self._parent is None:
            raise RuntimeError("add the DistrictLayer to a map before rendering it")
        options = js_literal({"map": self._parent.get_name(), **self._options})
        if self._inline_shapes_js is None:
            return options
        return options[:-1] + ',"shapes":' + self._inline_shapes_js + "}"


class StatusUpdate(folium.FeatureGroup):
    """An empty feature group whose script restyles the districts already drawn."""

    _template = Template("""
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.featureGroup();
window.FrontlinesLoader && FrontlinesLoader.call(function (frontlines) {
  frontlines.markChanged({{ this.from_codes_js }});
  frontlines.apply({{ this.codes_js }}, {{ this.selected_js }}, {{ this.date_js }});
  {% if this.focus_js %}frontlines.focus({{ this.focus_js }});{% endif %}
});
{% endmacro %}
""")

    def __init__(
        self,
        codes: np.ndarray,
        low_confidence: np.ndarray,
        selected: str | None,
        date: str,
        *,
        compare_codes: np.ndarray | None = None,
        focus: tuple[str, int] | None = None,
    ):
        super().__init__(name="status", control=False)
        self.codes_js = js_literal(encode_status_chars(codes, low_confidence))
        self.selected_js = js_literal(selected)
        self.date_js = js_literal(date)
        self.from_codes_js = js_literal(
            None
            if compare_codes is None
            else encode_status_chars(compare_codes, np.zeros(len(compare_codes), dtype=bool))
        )
        self.focus_js = "" if focus is None else f"{js_literal(focus[0])}, {int(focus[1])}"


@dataclass(frozen=True)
class MapOptions:
    """What the map is built from: the same on every rerun for one data version, language and set
    of static paths (the base map is made once per set, see :class:`MapFrame`).

    ``shapes_path`` is the districts' GeoJSON, relative to the app's URL (see
    :func:`components.static_files.publish`), in the order of the status codes; where static
    serving is off, ``inline_shapes_js`` carries the same GeoJSON in the script. With
    ``timeline_path`` (``Theatre.timelines()`` as JSON) and the date slider's ``slider_key``, the
    map follows the slider in the browser without waiting for a rerun. ``frontline`` is
    ``{"url": path}`` or ``{"data": payload}`` of :func:`geo.frontline.borders_payload`;
    ``layers`` the evidence layers' metadata, each with its ``url`` or ``data``
    (:meth:`geo.layers.EvidenceLayer.payload`). ``lang`` is the interface language: the map's
    text and the names drawn on it follow it. ``playback_days`` (first and last day numbers) adds
    the play control (``mapui/map/playback.js``, needs the timelines). The map keeps its centre,
    zoom and layers in the page's address (``map=``, ``layers=``, see ``mapui/map/view_sync.js``);
    with ``share_title`` it has Copy link and Embed buttons. ``library_paths`` are the static
    paths of :func:`library_payloads` (the map's code, fetched once); without them the code
    travels inline with every rerun.
    """

    center: tuple[float, float]
    zoom: int
    unknown_code: int
    lang: str
    shapes_path: str | None = None
    inline_shapes_js: str | None = None
    timeline_path: str | None = None
    slider_key: str | None = None
    frontline: dict | None = None
    layers: tuple[dict, ...] = ()
    playback_days: tuple[int, int] | None = None
    share_title: str | None = None
    library_paths: dict[str, str] | None = None
    key: str = "map"
    height: int = 620

    def build_options_js(self) -> str:
        """The options of :func:`build_map`, as the JSON the base map is kept under."""
        return js_literal(
            {
                "shapes_path": self.shapes_path,
                "timeline_path": self.timeline_path,
                "slider_key": self.slider_key,
                "frontline": self.frontline,
                "layers": list(self.layers),
                "center": list(self.center),
                "zoom": self.zoom,
                "unknown_code": int(self.unknown_code),
                "lang": self.lang,
                "playback_days": list(self.playback_days) if self.playback_days else None,
                "share_title": self.share_title,
                "library_paths": self.library_paths,
            }
        )


@dataclass(frozen=True)
class MapState:
    """What a rerun shows: every district's status ``codes`` and the ``low_confidence`` flags
    (drawn paler) on ``date`` (ISO), the ``selected`` district; in compare mode ``compare_codes``
    (the status codes at the "from" date) marks every district whose status differs; ``focus``
    is ``(district_id, token)``: centre the map on the district once per new token."""

    codes: np.ndarray
    low_confidence: np.ndarray
    selected: str | None
    date: str
    compare_codes: np.ndarray | None = None
    focus: tuple[str, int] | None = None


def render_map(
    options: MapOptions,
    state: MapState,
    *,
    on_click: Callable[[str], None],
    on_played: Callable[[str], None] | None = None,
) -> bool:
    """Draw the map; ``on_click(district_id)`` is called when a district is clicked, and when
    playback stops ``on_played(date)`` with the date it stopped on. Returns whether the reader's
    page has drawn the map already (:func:`drawn_in_page`)."""
    key = options.key
    frame = _map_frame(options.build_options_js(), options.inline_shapes_js, key)
    handled = f"{key}-handled"

    def clicked() -> None:
        # streamlit-folium sends its value again for other reasons (a playback report): act
        # on what is new. The map stamps each click on the feature (properties.click), so a
        # second click on the same district is new too.
        st.session_state[key] = st.session_state.get(frame.widget_key, {})
        value = st.session_state.get(key) or {}
        seen = st.session_state.get(handled) or {}
        played = value.get("frontlines_played")
        properties = (value.get("last_active_drawing") or {}).get("properties") or {}
        district_id, clicks = properties.get("id"), [properties.get("id"), properties.get("click")]
        if isinstance(district_id, str) and clicks != seen.get("clicks"):
            on_click(district_id)
        if isinstance(played, dict) and played != seen.get("played") and on_played is not None:
            on_played(str(played.get("date")))
        st.session_state[handled] = {"clicks": clicks, "played": played}

    update = StatusUpdate(
        state.codes,
        state.low_confidence,
        state.selected,
        state.date,
        compare_codes=state.compare_codes,
        focus=state.focus,
    )
    value = upstream.folium_component(
        **frame.arguments,
        key=frame.widget_key,
        height=options.height,
        width=None,
        returned_objects=RETURNED_OBJECTS,
        zoom=None,
        center=None,
        feature_group=frame.feature_group_script(update),
        return_on_hover=False,
        layer_control=None,
        pixelated=False,
        on_change=clicked,
        wrap_longitude=False,
    )
    return drawn_in_page(value)


def drawn_in_page(value: object) -> bool:
    """Whether the map's component ``value`` shows that the reader's page has drawn the map: the
    map said so (``frontlines_drawn``, mapui/map/district_layer.js) or a district was
    clicked on it. A page's first run has no value yet (the component's default); a page that
    reconnects to a new session (another replica) brings the value it had."""
    if not isinstance(value, dict):
        return False
    return value.get("frontlines_drawn") is True or value.get("last_active_drawing") is not None


#: What the map sends back: no more, as each returned object's first value costs a rerun.
RETURNED_OBJECTS = ["last_active_drawing"]


class MapFrame:
    """What streamlit-folium's ``st_folium`` sends for a map, made once per set of map options.

    ``st_folium`` renders the whole folium map on every rerun (a sixth of a rerun's time
    here) although only the status feature group changes; the base map's part of its
    arguments depends on the options alone, so it is kept and only the feature group's
    script is made per rerun. ``tests/test_map_frame.py`` holds the arguments equal to
    ``st_folium``'s.
    """

    def __init__(self, base: folium.Map, *, key: str):
        base.get_root().render()
        base.render()
        arguments = upstream.folium_map_arguments(base)
        css_links: list[str] = []
        js_links: list[str] = []
        for element in _with_resources(base):
            css_links.extend(href for _, href in getattr(element, "default_css", []))
            js_links.extend(src for _, src in getattr(element, "default_js", []))
        self.base = base
        self.arguments = {
            **arguments,
            "default": dict.fromkeys(RETURNED_OBJECTS),  # st_folium's defaults for what is returned
            "css_links": list(dict.fromkeys(css_links)),
            "js_links": list(dict.fromkeys(js_links)),
        }
        self.widget_key = upstream.folium_widget_key(arguments["script"], key)
        self._lock = threading.Lock()

    def feature_group_script(self, update: StatusUpdate) -> str:
        """The status feature group's script, as ``st_folium`` makes it (it is added to the shared
        base map to be rendered, hence the lock: sessions rerun in threads of their own)."""
        with self._lock:
            return upstream.folium_feature_group_script(update, self.base)


def _with_resources(element):
    """``element`` and its descendants that bring scripts or styles (as ``st_folium`` walks them)."""
    if isinstance(element, folium.elements.JSCSSMixin):
        yield element
    for child in upstream.children(element).values():
        yield from _with_resources(child)


@functools.lru_cache(maxsize=32)
def _map_frame(options_js: str, inline_shapes_js: str | None, key: str) -> MapFrame:
    """The map for one set of options (``render_map``'s, as JSON), built and rendered once."""
    return MapFrame(build_map(json.loads(options_js), inline_shapes_js), key=key)


def build_map(options: dict, inline_shapes_js: str | None) -> folium.Map:
    """The base map (tiles and the districts' layer) for ``render_map``'s options."""
    base = LeafletOnlyMap(
        location=options["center"],
        zoom_start=options["zoom"],
        tiles=_TILES,
        control_scale=True,
        zoom_snap=0.25,
        zoom_delta=1,
    )  # quarter zoom steps: the whole city fits the first view
    timeline_path, slider_key = options["timeline_path"], options["slider_key"]
    follow = {"sliderKey": slider_key, "timelineUrl": timeline_path} if timeline_path and slider_key else None
    share_title, lang = options["share_title"], options["lang"]
    DistrictLayer(
        shapes_path=options["shapes_path"],
        inline_shapes_js=inline_shapes_js,
        unknown_code=options["unknown_code"],
        follow_slider=follow,
        frontline=options["frontline"],
        layers=options["layers"],
        playback_days=tuple(options["playback_days"]) if follow and options["playback_days"] else None,
        view={"page": "parent", "share": {"title": share_title, "text": share_text(lang)} if share_title else None},
        lang=lang,
        library_paths=options["library_paths"],
    ).add_to(base)
    return base

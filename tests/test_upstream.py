"""The assumptions components/upstream.py makes about upstream internals, pinned one by one.

Each failure names the version the assumption was written for and the one installed, so an
upgrade (``scripts/check-upstream.sh`` runs this file against the newest releases) shows at once
what broke. ``tests/test_map_frame.py`` holds the map's arguments equal to ``st_folium``'s.
"""

from __future__ import annotations

import dataclasses
import importlib
import importlib.metadata
import inspect
import logging
import re
from pathlib import Path

import folium
import numpy as np
import pytest
import streamlit

from components import upstream
from components.map_view import StatusUpdate

ROOT = Path(__file__).resolve().parents[1]


def written_for(package: str) -> str:
    return f"written for {package} {upstream.WRITTEN_FOR[package]}, installed {importlib.metadata.version(package)}"


def rendered_map() -> folium.Map:
    base = folium.Map(location=[36.2, 37.15], zoom_start=12, tiles=None)
    base.get_root().render()
    base.render()
    return base


def test_the_versions_written_for_are_the_locked_ones():
    lock = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    for package, version in upstream.WRITTEN_FOR.items():
        assert f"\n{package}=={version} " in lock, f"{package}: components/upstream.py was written for {version}"


def test_streamlit_folium_makes_a_maps_arguments_in_steps():
    base = rendered_map()
    arguments = upstream.folium_map_arguments(base)
    assert set(arguments) == {"script", "header", "html", "id"}, written_for("streamlit-folium")
    assert all(isinstance(value, str) for value in arguments.values()), written_for("streamlit-folium")
    assert base.get_name() in arguments["script"], written_for("streamlit-folium")
    assert arguments["id"] and arguments["id"] in arguments["html"] + arguments["script"], written_for(
        "streamlit-folium"
    )
    key = upstream.folium_widget_key(arguments["script"], "control-map")
    assert key == upstream.folium_widget_key(arguments["script"], "control-map"), written_for("streamlit-folium")
    assert key != upstream.folium_widget_key(arguments["script"], "another-map"), written_for("streamlit-folium")


def test_streamlit_folium_writes_a_feature_groups_script():
    base = rendered_map()
    update = StatusUpdate(np.array([0, 1]), np.array([False, True]), None, "2016-10-07")
    script = upstream.folium_feature_group_script(update, base)
    assert "frontlines.apply(" in script and "L.featureGroup()" in script, written_for("streamlit-folium")


def test_streamlit_folium_component_takes_st_folium_arguments():
    from streamlit_folium import _component_func

    # the component is a declared Streamlit component, called with keyword arguments only
    assert callable(_component_func), written_for("streamlit-folium")
    source = inspect.getsource(importlib.import_module("streamlit_folium").st_folium)
    for argument in ("feature_group", "returned_objects", "layer_control", "pixelated", "on_change", "css_links"):
        assert re.search(rf"\b{argument}\s*=", source), f"st_folium passes {argument}: " + written_for(
            "streamlit-folium"
        )


def test_branca_children_are_the_tree_itself():
    base = folium.Map(tiles=None)
    marker = folium.Marker([36.2, 37.15]).add_to(base)
    children = upstream.children(base)
    assert children[marker.get_name()] is marker, written_for("branca")
    del children[marker.get_name()]
    assert marker.get_name() not in base.get_root().render(), written_for("branca")
    assert upstream.children(object()) == {}


def test_streamlit_script_run_context_says_whether_a_run_is_history_navigation():
    from streamlit.runtime.scriptrunner import get_script_run_ctx
    from streamlit.runtime.scriptrunner_utils.script_run_context import ScriptRunContext

    assert "is_history_navigation" in {f.name for f in dataclasses.fields(ScriptRunContext)}, written_for("streamlit")
    assert get_script_run_ctx() is None  # outside a session
    assert upstream.is_history_navigation() is False


def test_streamlit_runtime_and_component_registry():
    from streamlit.components.types.base_custom_component import BaseCustomComponent
    from streamlit.runtime import Runtime, RuntimeState, get_instance

    assert callable(Runtime.exists) and hasattr(RuntimeState, "INITIAL"), written_for("streamlit")
    assert callable(get_instance), written_for("streamlit")
    assert inspect.isclass(BaseCustomComponent) and "name" in dir(BaseCustomComponent), written_for("streamlit")
    from streamlit.components.lib.local_component_registry import LocalComponentRegistry

    for method in ("register_component", "get_module_name"):
        assert callable(getattr(LocalComponentRegistry, method, None)), f"{method}: " + written_for("streamlit")
    assert upstream.runtime_started() is False  # no server in this process


def test_streamlit_command_line_and_lazy_modules():
    cli = upstream.import_streamlit_cli()
    parameters = inspect.signature(cli.main.main if hasattr(cli.main, "main") else cli.main).parameters
    assert {"args", "prog_name"} <= set(parameters), written_for("streamlit")
    for name in upstream.LAZY_STREAMLIT_MODULES:
        assert importlib.util.find_spec(name) is not None, f"{name}: " + written_for("streamlit")
    logger = logging.getLogger(upstream.SCRIPT_RUN_CONTEXT_LOGGER)
    assert importlib.util.find_spec(upstream.SCRIPT_RUN_CONTEXT_LOGGER) is not None, written_for("streamlit")
    assert logger.name == upstream.SCRIPT_RUN_CONTEXT_LOGGER


def test_streamlit_websocket_messages():
    back, forward, widget = upstream.websocket_messages()
    assert hasattr(forward, "FINISHED_SUCCESSFULLY") and hasattr(forward, "FINISHED_EARLY_FOR_RERUN"), written_for(
        "streamlit"
    )
    assert "rerun_script" in back.DESCRIPTOR.fields_by_name, written_for("streamlit")
    assert {"id", "json_value", "double_array_value"} <= set(widget.DESCRIPTOR.fields_by_name), written_for("streamlit")


def frontend_bundle() -> str:
    folder = Path(streamlit.__file__).parent / "static" / "static" / "js"
    return "\n".join(path.read_text(encoding="utf-8", errors="replace") for path in folder.glob("*.js"))


def test_the_page_styles_name_only_test_ids_streamlit_renders():
    """page.css and embed.css select Streamlit's elements by data-testid: each must be in its bundle."""
    bundle = frontend_bundle()
    styles = "".join(
        (ROOT / "components" / name).read_text(encoding="utf-8") for name in ("assets/page.css", "embed.css")
    )
    test_ids = set(re.findall(r'data-testid="(\w+)"', styles))
    assert test_ids, "the styles select Streamlit's elements"
    missing = sorted(test_id for test_id in test_ids if not re.search(rf"[`\"']{test_id}[`\"']", bundle))
    assert missing == [], written_for("streamlit")


def test_the_map_finds_a_keyed_slider_as_streamlit_renders_it():
    """host_page.js reads the date slider in `.st-key-<key> input[type=range]`, in microseconds."""
    host = (ROOT / "mapui" / "map" / "host_page.js").read_text(encoding="utf-8")
    assert '".st-key-{key} input[type=range]"' in host
    assert re.search(r"[`\"']st-key-", frontend_bundle()), written_for("streamlit")
    from streamlit.elements.widgets.slider import SliderMixin

    assert "microseconds" in inspect.getsource(SliderMixin).lower() or "_micros" in inspect.getsource(SliderMixin), (
        written_for("streamlit")
    )


def test_no_module_but_upstream_reaches_into_upstream_internals():
    private = re.compile(
        r"streamlit_folium\._|\._children\b|streamlit\.(runtime|proto|web|components\.types)\b|get_script_run_ctx"
        r"|branca\.element\.Template\s*="
    )
    folders = ("geo", "mapui", "components", "static_site", "frontlines", "frontlines_dev", "bench", "scripts")
    paths = [*ROOT.glob("*.py"), *(path for folder in folders for path in (ROOT / folder).rglob("*.py"))]
    offenders = [
        str(path.relative_to(ROOT))
        for path in paths
        if path.name != "upstream.py" and private.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
    scripts = [path for path in (ROOT / "mapui" / "map").glob("*.js") if path.name != "host_page.js"]
    assert [p.name for p in scripts if re.search(r"parent\.document|st-key-", p.read_text(encoding="utf-8"))] == []


@pytest.mark.parametrize("package", sorted(upstream.WRITTEN_FOR))
def test_each_package_written_for_is_installed(package):
    assert importlib.metadata.version(package)

"""Every use of an upstream package's private or undocumented API, behind one door.

- streamlit-folium: the steps of ``st_folium``, taken one by one so that a map's arguments are made
  once per set of options (:class:`components.map_view.MapFrame`) and only the status feature
  group per rerun;
- branca: an element's children (``_children``);
- Streamlit: the script-run context (Back/Forward navigation), the runtime's state and component
  registry (the warm start in ``serve.py``), its command line's entry point, the logger that warns
  of a missing context, and the websocket's messages (the test and benchmark helpers' simulated
  readers).

Each is an assumption about one version. :data:`WRITTEN_FOR` names the versions they were written
for; ``tests/test_upstream.py`` pins each assumption and names that version when one breaks, and
``scripts/check-upstream.sh`` runs those tests against the newest releases. The Streamlit page's
CSS selectors live in ``components/assets/page.css`` and ``components/embed.css``, the map frame's
reading of the page around it in ``mapui/map/host_page.js``; the same tests check them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from types import ModuleType
from typing import Any

#: The upstream versions the functions below were written for (a contract test names them).
WRITTEN_FOR = {"streamlit": "1.67.0", "streamlit-folium": "0.27.4", "folium": "0.20.0", "branca": "0.8.2"}

#: Modules imported only on first use in a session: ``st.set_page_config`` checks its page icon
#: against Streamlit's emoji table, a custom component serialises its arguments with Streamlit's
#: Arrow serialiser, and this module imports streamlit-folium when the map is first drawn. The warm
#: start imports them before the first reader (and registers streamlit-folium's component).
LAZY_STREAMLIT_MODULES = ("streamlit.emojis", "streamlit.components.v1.component_arrow", "streamlit_folium")

#: Streamlit's logger that warns of a missing script-run context (an ``st`` call outside a session).
SCRIPT_RUN_CONTEXT_LOGGER = "streamlit.runtime.scriptrunner_utils.script_run_context"


# ---- streamlit-folium ------------------------------------------------------------------------
# Imported on first use: serve.py imports this module before Streamlit's server starts, and the
# warm start imports streamlit-folium's stack in its own thread meanwhile.


def _streamlit_folium() -> ModuleType:
    import streamlit_folium

    return streamlit_folium


def folium_map_arguments(base: Any) -> dict[str, str]:
    """What ``st_folium`` sends for a rendered folium map ``base``: its html, header, script and id."""
    module = _streamlit_folium()
    html = module._get_html(base)  # in st_folium's order: each step renders parts the next reads
    header = module._get_header(base)
    script = module._get_map_string(base)
    return {"script": script, "header": header, "html": html, "id": module.get_full_id(base)}


def folium_widget_key(script: str, key: str) -> str:
    """The key under which ``st_folium`` keeps the map's value in the session state."""
    return _streamlit_folium().generate_js_hash(script, key, False)


def folium_feature_group_script(group: Any, base: Any) -> str:
    """The script of a ``feature_group_to_add`` as ``st_folium`` makes it (it adds ``group`` to ``base``)."""
    return _streamlit_folium()._get_feature_group_string(group, map=base, idx=0)


def folium_component(**arguments: Any) -> Any:
    """streamlit-folium's component itself, called with ``st_folium``'s arguments."""
    return _streamlit_folium()._component_func(**arguments)


# ---- branca ----------------------------------------------------------------------------------


def children(element: Any) -> dict[str, Any]:
    """A branca element's children by name (the dict itself: a change to it changes the tree)."""
    return getattr(element, "_children", {})


# ---- Streamlit -------------------------------------------------------------------------------


def is_history_navigation() -> bool:
    """Whether this script run comes from the reader going Back or Forward in the browser."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    context = get_script_run_ctx()
    return context is not None and bool(getattr(context, "is_history_navigation", False))


def runtime_started() -> bool:
    """Whether Streamlit's runtime exists and has left its initial state (its server listens)."""
    from streamlit.runtime import Runtime, RuntimeState

    return Runtime.exists() and Runtime.instance().state != RuntimeState.INITIAL


def register_components(modules: Iterable[ModuleType]) -> list[str]:
    """Register with the runtime the custom components that ``modules`` declare and it does not
    know yet; returns their names. (Streamlit registers a component when its declaration runs in a
    session's script run; one declared before any session would stay unknown and unserved.)"""
    from streamlit.components.types.base_custom_component import BaseCustomComponent
    from streamlit.runtime import get_instance

    registry = get_instance().component_registry
    registered = []
    for module in modules:
        for value in list(vars(module).values()):
            if isinstance(value, BaseCustomComponent) and registry.get_module_name(value.name) is None:
                registry.register_component(value)
                registered.append(value.name)
    return registered


def import_streamlit_cli() -> Any:
    """Streamlit's command line module (``streamlit run``), imported."""
    from streamlit.web import cli

    return cli


def run_streamlit(cli: Any, args: Sequence[str]) -> None:
    """Run Streamlit's command line with ``args`` (e.g. ``["run", "dashboard.py", ...]``)."""
    cli.main(args=list(args), prog_name="streamlit")


def websocket_messages() -> tuple[Any, Any, Any]:
    """Streamlit's websocket messages: (BackMsg, ForwardMsg, WidgetState)."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    return BackMsg, ForwardMsg, WidgetState

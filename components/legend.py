"""Under the map, in compare mode only: what the blue outline means.

The status legend is on the map itself (``mapui/map/legend.js``, its text from
:func:`components.map_view.legend_text`), with solid swatches: the blend the map draws over
its light tiles (see ``mapui.palette``).
"""

from __future__ import annotations

import datetime as dt

from components.text import render_html
from mapui.i18n import date_text, t
from mapui.palette import CHANGED_OUTLINE


def render_legend(*, lang: str, changed_since: dt.date | None = None) -> None:
    """In compare mode (``changed_since``, the "from" date), explain the outline of changed
    districts. The label comes from the catalogue, not from data."""
    if changed_since is None:
        return
    render_html(
        f'<ul class="frontlines-compare-legend" aria-label="{t("legend.label", lang)}">'
        '<li class="legend-item legend-changed"><span class="legend-swatch legend-outline" '
        f'style="border:3px solid {CHANGED_OUTLINE}"></span>'
        f"{t('legend.changed', lang, date=date_text(changed_since, lang, 'day'))}</li></ul>"
    )

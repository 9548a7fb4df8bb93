"""The map legend: one swatch per status, in the map's own colours, and the paler
fill of low confidence shown for every status.

Swatches are solid colours (the blend the map draws over its light tiles, see
``components.palette``), so they read the same on a light and a dark page.
"""

from __future__ import annotations

import datetime as dt

from components.i18n import date_text, t
from components.palette import CHANGED_OUTLINE, styles_in_code_order
from components.text import render_html


def _swatch(fill: str, style: dict) -> str:
    border = "dashed" if style["dashArray"] else "solid"
    return f'<span class="legend-swatch" style="background-color:{fill};border:2px {border} {style["color"]}"></span>'


def render_legend(*, lang: str, changed_since: dt.date | None = None) -> None:
    """Show the legend. Every label comes from the catalogue, none from data.

    In compare mode (``changed_since``, the "from" date) it explains the outline of changed districts.
    """
    items = []
    styles = styles_in_code_order()
    for style in styles:
        items.append(
            f'<li class="legend-item legend-{style["status"]}">{_swatch(style["legendFill"], style)}'
            f"{t('status.' + style['status'], lang)}</li>"
        )
    pale = "".join(_swatch(style["legendPaleFill"], style) for style in styles)
    items.append(
        f'<li class="legend-item legend-low-confidence"><span class="legend-pale">{pale}</span>'
        f"{t('legend.low_confidence', lang)}</li>"
    )
    if changed_since is not None:
        items.append(
            f'<li class="legend-item legend-changed"><span class="legend-swatch legend-outline" '
            f'style="border:3px solid {CHANGED_OUTLINE}"></span>'
            f"{t('legend.changed', lang, date=date_text(changed_since, lang, 'day'))}</li>"
        )
    render_html(f'<ul class="frontlines-legend" aria-label="{t("legend.label", lang)}">' + "".join(items) + "</ul>")

"""The map legend: one swatch per status, in the map's own colours, and the paler fill of low confidence."""

from __future__ import annotations

import datetime as dt

from components.palette import styles_in_code_order
from components.text import render_html


def render_legend(*, changed_since: dt.date | None = None) -> None:
    """Show the legend. Every label is a fixed string from the code, not from data.

    In compare mode (``changed_since``, the "from" date) it explains the outline of changed districts.
    """
    items = []
    for style in styles_in_code_order():
        border = "dashed" if style["dashArray"] else "solid"
        items.append(
            f'<span class="legend-item legend-{style["status"]}" '
            'style="display:inline-flex;align-items:center;margin-right:1em">'
            f'<span style="display:inline-block;width:1.1em;height:1.1em;margin-right:.35em;'
            f'background-color:{style["fillColor"]};opacity:.85;border:2px {border} {style["color"]}"></span>'
            f"{style['label']}</span>"
        )
    items.append(
        '<span class="legend-item legend-low-confidence" '
        'style="display:inline-flex;align-items:center;margin-right:1em">'
        '<span style="display:inline-block;width:1.1em;height:1.1em;margin-right:.35em;'
        'background-color:#888888;opacity:.35;border:2px solid #444444"></span>'
        "Paler: low confidence (inferred or disputed; see the district's history)</span>"
    )
    if changed_since is not None:
        items.append(
            '<span class="legend-item legend-changed" style="display:inline-flex;align-items:center">'
            '<span style="display:inline-block;width:1.1em;height:1.1em;margin-right:.35em;'
            'border:3px solid #0072B2"></span>'
            f"Blue outline: status differs from {changed_since:%d %b %Y}</span>"
        )
    render_html('<div class="frontlines-legend">' + "".join(items) + "</div>")

"""Under the map, in compare mode only: what the blue outline means. The status legend is
on the map itself (components/map/legend.js)."""

from __future__ import annotations

import datetime as dt

from components.text import render_html


def render_legend(*, changed_since: dt.date | None = None) -> None:
    """In compare mode (``changed_since``, the "from" date), explain the outline of changed
    districts. The label is a fixed string from the code, not from data."""
    if changed_since is None:
        return
    render_html(
        '<div class="frontlines-legend"><span class="legend-item legend-changed" '
        'style="display:inline-flex;align-items:center">'
        '<span style="display:inline-block;width:1.1em;height:1.1em;margin-right:.35em;'
        'border:3px solid #0072B2"></span>'
        f"Blue outline: status differs from {changed_since:%d %b %Y}</span></div>"
    )

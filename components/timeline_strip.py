"""A strip under the map: changes per month, context events, and the selected date.

Plain inline SVG rather than a chart library: it is redrawn on every scrub and
must cost the page almost nothing.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from components.text import clean_html, html_text, render_html

WIDTH, BARS_TOP, BARS_BOTTOM, HEIGHT = 1000, 18, 58, 74


def _x(day: dt.date, start: dt.date, end: dt.date) -> float:
    return round(WIDTH * (day - start).days / max((end - start).days, 1), 1)


def timeline_base(*, changes_per_month: pd.Series, events: pd.DataFrame, start: dt.date, end: dt.date) -> str:
    """The strip without the date line: sanitised SVG on one line, built once per theatre.

    Event titles come from data and go in escaped.
    """
    parts = [
        f'<svg class="frontlines-timeline" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
        f'aria-label="Changes of control per month and context events, {start:%Y} to {end:%Y}">'
    ]
    tallest = max(int(changes_per_month.max()) if len(changes_per_month) else 0, 1)
    for month, count in changes_per_month.items():
        first = dt.date.fromisoformat(f"{month}-01")
        following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        x0, x1 = _x(max(first, start), start, end), _x(min(following, end), start, end)
        height = round((BARS_BOTTOM - BARS_TOP) * count / tallest, 1)
        if count:
            parts.append(
                f'<rect x="{x0}" y="{BARS_BOTTOM - height}" width="{max(x1 - x0 - 0.5, 0.5)}" height="{height}" '
                f'fill="#8a96a3"><title>{first:%B %Y}: {count} changes</title></rect>'
            )
    parts.append(f'<line x1="0" x2="{WIDTH}" y1="{BARS_BOTTOM}" y2="{BARS_BOTTOM}" stroke="#bbb"/>')
    for year in range(start.year + 1, end.year + 1):
        x = _x(dt.date(year, 1, 1), start, end)
        parts.append(
            f'<line x1="{x}" x2="{x}" y1="{BARS_BOTTOM}" y2="{BARS_BOTTOM + 4}" stroke="#999"/>'
            f'<text x="{x}" y="{HEIGHT - 2}" font-size="15" text-anchor="middle" fill="#666">{year}</text>'
        )
    for event in events.itertuples(index=False):
        x = _x(dt.date.fromisoformat(event.date), start, end)
        parts.append(
            f'<path d="M{x - 5},2 L{x + 5},2 L{x},11 Z" fill="#0072B2" class="timeline-event">'
            f"<title>{html_text(event.date)}: {html_text(event.title)}</title></path>"
        )
    parts.append("</svg>")
    return clean_html("".join(parts))


def with_date_line(base: str, *, date: dt.date, start: dt.date, end: dt.date) -> str:
    """``base`` (from :func:`timeline_base`) with the line of the selected date, the one part that changes."""
    x = _x(date, start, end)
    line = (
        f'<line x1="{x}" x2="{x}" y1="0" y2="{BARS_BOTTOM}" stroke="#D55E00" stroke-width="2.5" class="timeline-date">'
        "</line>"
    )
    return base.removesuffix("</svg>") + line + "</svg>"


def timeline_svg(
    *, changes_per_month: pd.Series, events: pd.DataFrame, date: dt.date, start: dt.date, end: dt.date
) -> str:
    """The whole strip as sanitised SVG on one line."""
    base = timeline_base(changes_per_month=changes_per_month, events=events, start=start, end=end)
    return with_date_line(base, date=date, start=start, end=end)


def render_timeline(*, base: str, date: dt.date, start: dt.date, end: dt.date) -> None:
    """Show the strip: ``base`` from :func:`timeline_base` (built once per theatre) and the date's line."""
    render_html(with_date_line(base, date=date, start=start, end=end), cleaned=True)
    st.caption(
        "Bars: recorded changes of control per month. ▼ context events (hover for titles). Line: the selected date."
    )

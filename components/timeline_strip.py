"""A strip under the map: changes per month, context events, and the selected date.

Plain inline SVG rather than a chart library: it is redrawn on every scrub and
must cost the page almost nothing. The SVG stretches to the width it is given; the
year labels and the event marks are HTML placed over it, so their text and their touch
targets keep a readable size on a phone. An event mark is a link to its date.
"""

from __future__ import annotations

import datetime as dt
import html
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from components.i18n import date_text, t

WIDTH, HEIGHT = 1000, 40


def _share(day: dt.date, start: dt.date, end: dt.date) -> float:
    """Where ``day`` falls between ``start`` and ``end``, in percent."""
    return round(100 * (day - start).days / max((end - start).days, 1), 2)


def timeline_html(
    *,
    changes_per_month: pd.Series,
    events: pd.DataFrame,
    date: dt.date,
    start: dt.date,
    end: dt.date,
    lang: str,
    link_params: dict[str, str | None] | None = None,
) -> str:
    """The strip as HTML; event titles are escaped (they come from data).

    ``link_params`` are kept in the event links beside their ``date``.
    """
    bars = []
    tallest = max(int(changes_per_month.max()) if len(changes_per_month) else 0, 1)
    for month, count in changes_per_month.items():
        if not count:
            continue
        first = dt.date.fromisoformat(f"{month}-01")
        following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        x0 = WIDTH * _share(max(first, start), start, end) / 100
        x1 = WIDTH * _share(min(following, end), start, end) / 100
        height = round(HEIGHT * count / tallest, 1)
        label = t("timeline.month_bar", lang, month=date_text(first, lang, "month"), count=count)
        bars.append(
            f'<rect x="{x0:.1f}" y="{HEIGHT - height}" width="{max(x1 - x0 - 0.5, 0.5):.1f}" height="{height}">'
            f"<title>{label}</title></rect>"
        )
    years = "".join(
        f'<span class="timeline-year" style="left:{_share(dt.date(year, 1, 1), start, end)}%">{year}</span>'
        for year in range(start.year + 1, end.year + 1)
    )
    marks = []
    for event in events.itertuples(index=False):
        day = dt.date.fromisoformat(event.date)
        title = f"{date_text(day, lang, 'day')}: {event.title}"
        query = html.escape(urlencode({k: v for k, v in (link_params or {}).items() if v} | {"date": event.date}))
        marks.append(
            f'<a class="timeline-event" href="?{query}" target="_self" style="left:{_share(day, start, end)}%" '
            f'title="{html.escape(title)}" aria-label="{html.escape(title)}">▼</a>'
        )
    label = t("timeline.label", lang, start=start.year, end=end.year)
    return (
        f'<div class="frontlines-timeline" role="group" aria-label="{label}">'
        f'<div class="timeline-events">{"".join(marks)}</div>'
        f'<svg class="timeline-bars" viewBox="0 0 {WIDTH} {HEIGHT}" preserveAspectRatio="none" aria-hidden="true">'
        f"{''.join(bars)}</svg>"
        f'<span class="timeline-date" style="left:{_share(date, start, end)}%"></span>'
        f'<div class="timeline-years" aria-hidden="true">{years}</div></div>'
    )


def render_timeline(
    *,
    changes_per_month: pd.Series,
    events: pd.DataFrame,
    date: dt.date,
    start: dt.date,
    end: dt.date,
    lang: str,
    link_params: dict[str, str | None] | None = None,
) -> None:
    st.markdown(
        timeline_html(
            changes_per_month=changes_per_month,
            events=events,
            date=date,
            start=start,
            end=end,
            lang=lang,
            link_params=link_params,
        ),
        unsafe_allow_html=True,
    )
    st.caption(t("timeline.caption", lang))

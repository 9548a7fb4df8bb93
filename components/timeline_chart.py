"""The timeline strip: changes per month, context events and the selected date; click to jump.

A Vega-Lite chart built once per version of the data (:func:`strip_spec`): clicking a
month jumps to its first day, clicking an event's ▼ jumps to its date. The titles of the
events on the selected date are written under the strip, so they can be read without
hovering (touch screens).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd
import streamlit as st

from components.chart_select import DAY_FIELD, clicked_day, with_date_rule
from components.text import data_text
from mapui.i18n import date_text, t, vega_locale

KEY = "timeline-strip"
STRIP_HEIGHT = 130


def month_rows(changes_per_month: pd.Series, start: dt.date, end: dt.date, *, lang: str = "en") -> pd.DataFrame:
    """Every month from ``start`` to ``end`` (clipped to them) with its count of changes."""
    months = pd.period_range(pd.Timestamp(start).to_period("M"), pd.Timestamp(end).to_period("M"), freq="M")
    begins = [max(m.start_time.date(), start) for m in months]
    return pd.DataFrame(
        {
            "month": [date_text(m.start_time.date(), lang, "month_long") for m in months],
            "begin": [b.isoformat() for b in begins],
            "until": [min((m + 1).start_time.date(), end + dt.timedelta(days=1)).isoformat() for m in months],
            "changes": [int(changes_per_month.get(str(m), 0)) for m in months],
            DAY_FIELD: [b.isoformat() for b in begins],
        }
    )


def strip_spec(
    *, changes_per_month: pd.Series, events: pd.DataFrame, start: dt.date, end: dt.date, lang: str = "en"
) -> dict:
    """The strip's Vega-Lite spec in ``lang``, without the selected date (see :func:`render_timeline_chart`)."""
    months = month_rows(changes_per_month, start, end, lang=lang).to_dict("records")
    happened = [
        {"when": str(when), "title": str(title), DAY_FIELD: str(when)}
        for when, title in zip(events["date"], events["title"], strict=True)
    ]
    x = {"field": "begin", "type": "temporal", "title": None, "scale": {"domain": [start.isoformat(), end.isoformat()]}}
    tooltip = [
        {"field": "month", "type": "nominal", "title": t("chart.month", lang)},
        {"field": "changes", "type": "quantitative", "title": t("chart.changes", lang)},
    ]
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": {"text": t("chart.strip_title", lang), "fontSize": 12, "anchor": "start"},
        "config": {"view": {"stroke": None}, **vega_locale(lang)},
        # The months once, in a layer of their own for their two marks: data at the top level
        # Streamlit would convert to Arrow on every rerun, and the spec travels on every rerun.
        "layer": [
            {
                "data": {"values": months},
                "layer": [
                    {
                        "mark": {"type": "bar", "color": "#8a96a3"},
                        "encoding": {
                            "x": x,
                            "x2": {"field": "until"},
                            "y": {"field": "changes", "type": "quantitative", "axis": None},
                            "y2": {"datum": 0},  # from the bottom (with x2, a bar's y is otherwise a position)
                            "tooltip": tooltip,
                        },
                    },
                    {  # on top of the bars, invisible: a click anywhere in a month picks it
                        "mark": {"type": "rect", "opacity": 0.001, "cursor": "pointer"},
                        "encoding": {"x": x, "x2": {"field": "until"}, "tooltip": tooltip},
                        "params": [_pick("month")],
                    },
                ],
            },
            {
                "data": {"values": happened},
                "mark": {
                    "type": "point",
                    "shape": "triangle-down",
                    "size": 140,
                    "filled": True,
                    "color": "#0072B2",
                    "opacity": 1,
                    "cursor": "pointer",
                },
                "encoding": {
                    "x": {"field": "when", "type": "temporal"},
                    "y": {"value": 6},
                    "tooltip": [
                        {"field": "when", "type": "nominal", "title": t("chart.date", lang)},
                        {"field": "title", "type": "nominal", "title": t("chart.event", lang)},
                    ],
                },
                "params": [_pick("event")],
            },
        ],
    }


def _pick(name: str) -> dict:
    return {"name": name, "select": {"type": "point", "fields": [DAY_FIELD], "on": "click", "clear": False}}


def render_timeline_chart(
    spec: dict,
    *,
    titles_today: list[str],
    date: dt.date,
    start: dt.date,
    end: dt.date,
    jump: Callable[[dt.date], None],
    lang: str,
) -> None:
    """Draw the strip (``spec`` from :func:`strip_spec`); a click on a month or an event calls ``jump(day)``.
    ``titles_today`` are the titles of the events dated ``date``, written under the strip."""

    def clicked() -> None:
        day = clicked_day(KEY)
        if day is not None and start <= day <= end:
            jump(day)

    st.vega_lite_chart(
        spec=with_date_rule(spec, date, color="#D55E00"),
        key=KEY,
        on_select=clicked,
        width="stretch",
        height=STRIP_HEIGHT,
        alt=t("chart.strip_alt", lang),
    )
    titles = t("text.clause_separator", lang).join(data_text(title, lang) for title in titles_today)
    st.caption(
        (t("chart.strip_today", lang, date=date_text(date, lang, "day"), titles=titles) + " " if titles else "")
        + t("chart.strip_caption", lang),
        unsafe_allow_html=True,
    )

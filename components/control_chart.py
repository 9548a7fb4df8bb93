"""Control over time: districts, or area, held by each side on every day; click to jump to a date.

The Vega-Lite specs are built once per version of the data (:func:`control_specs`); the
series travels once, as a static file where static serving is on.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pandas as pd
import streamlit as st

from components.chart_select import clicked_day, day_picker, with_date_rule
from mapui.i18n import t, vega_locale
from mapui.palette import STATUS_STYLES

KEY, MEASURE_KEY = "control-chart", "control-measure"
#: The chart's measures: a field of :func:`series_records` each, named by ``chart.measure.<field>``.
MEASURES = ("districts", "area_km2")


def series_records(series: pd.DataFrame) -> list[dict]:
    """:func:`geo.series.control_series` as JSON-ready rows (what the chart's data is)."""
    return [
        {
            "date": day.strftime("%Y-%m-%d"),
            "side": status,
            "order": order,
            "districts": int(districts),
            "area_km2": round(float(area), 4),
        }
        for day, status, districts, area, order in zip(
            series["date"],
            series["status"],
            series["districts"],
            series["area_km2"],
            series["status"].map(list(dict.fromkeys(series["status"])).index),
            strict=True,
        )
    ]


def _label_expression(statuses: list[str], lang: str) -> str:
    """A Vega expression naming ``datum.side`` (a status) in ``lang``."""
    named = "".join(f"datum.side === {json.dumps(s)} ? {json.dumps(t('status.' + s, lang))} : " for s in statuses)
    return named + "datum.side"


def control_specs(
    series: pd.DataFrame, *, start: dt.date, end: dt.date, data_url: str | None = None, lang: str = "en"
) -> dict[str, dict]:
    """One Vega-Lite spec per measure, in ``lang``, without the selected date. The data is
    ``data_url`` (the JSON of :func:`series_records`, the same in every language) or, without
    one, inline."""
    statuses = list(dict.fromkeys(series["status"]))
    data = {"url": data_url, "format": {"type": "json"}} if data_url else {"values": series_records(series)}
    colour = {
        "field": "side_label",
        "type": "nominal",
        "scale": {
            "domain": [t("status." + s, lang) for s in statuses],
            "range": [STATUS_STYLES[s]["fillColor"] for s in statuses],
        },
        "legend": {"title": None, "orient": "bottom"},
    }
    specs = {}
    for measure in MEASURES:
        areas = {
            "data": data,
            "transform": [{"calculate": _label_expression(statuses, lang), "as": "side_label"}],
            "mark": {"type": "area", "interpolate": "step-after", "opacity": 0.85},
            "encoding": {
                "x": {
                    "field": "date",
                    "type": "temporal",
                    "title": None,
                    "scale": {"domain": [start.isoformat(), end.isoformat()]},
                },
                "y": {
                    "field": measure,
                    "type": "quantitative",
                    "stack": "zero",
                    "title": t(f"chart.axis.{measure}", lang),
                },
                "color": colour,
                "order": {"field": "order", "type": "quantitative"},
                "tooltip": [
                    {"field": "date", "type": "temporal", "title": t("chart.from", lang)},
                    {"field": "side_label", "type": "nominal", "title": t("chart.side", lang)},
                    {"field": measure, "type": "quantitative", "title": t(f"chart.measure.{measure}", lang)},
                ],
            },
        }
        specs[measure] = {
            "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
            "config": {"view": {"stroke": None}, **vega_locale(lang)},
            "layer": [areas, day_picker(start, end, lang=lang)],
        }
    return specs


def render_control_chart(
    specs: dict[str, dict],
    *,
    date: dt.date,
    start: dt.date,
    end: dt.date,
    jump: Callable[[dt.date], None],
    lang: str,
) -> None:
    """The chart (``specs`` from :func:`control_specs`) under a Districts / Area switch; a click calls ``jump(day)``."""
    st.markdown("### " + t("chart.control_heading", lang))
    measure = st.radio(
        t("chart.measure_label", lang),
        MEASURES,
        format_func=lambda field: t(f"chart.measure.{field}", lang),
        key=MEASURE_KEY,
        horizontal=True,
        label_visibility="collapsed",
    )

    def clicked() -> None:
        day = clicked_day(KEY)
        if day is not None and start <= day <= end:
            jump(day)

    st.vega_lite_chart(
        spec=with_date_rule(specs[measure or MEASURES[0]], date, color="#111111"),
        key=KEY,
        on_select=clicked,
        width="stretch",
        height=240,
        alt=t("chart.control_alt", lang),
    )
    st.caption(t("chart.control_caption", lang))

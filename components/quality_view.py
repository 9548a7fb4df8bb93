"""How far to trust the map: sourcing figures and the dataset's known uncertainties."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from components.i18n import date_text, t
from components.text import data_text, md_text

#: geo.quality.sourcing_summary's keys and the catalogue's names for them.
_SOURCING_KEYS = {
    "no recorded change": "quality.sourcing.none",
    "one source only": "quality.sourcing.one",
    "two or more sources": "quality.sourcing.more",
}


def _table(counts: dict[str, int], heading: str) -> str:
    """A two-column markdown table (cheaper on every rerun than a dataframe)."""
    return "\n".join([f"| | {heading} |", "|---|---:|", *(f"| {md_text(k)} | {n} |" for k, n in counts.items())])


def render_quality(
    *,
    changes_per_month: pd.Series,
    sourcing: dict[str, int],
    confidence: dict[str, int],
    uncertainties: list[str],
    sources_count: int,
    changes_count: int,
    districts_count: int,
    warnings: list[str],
    lang: str,
) -> None:
    with st.expander(t("quality.label", lang)):
        st.markdown(
            t(
                "quality.totals",
                lang,
                districts=t("count.districts", lang, count=districts_count),
                changes=t("count.changes", lang, count=changes_count),
                sources=t("count.sources", lang, count=sources_count),
            )
        )
        left, right = st.columns(2)
        sourcing_rows = {t(_SOURCING_KEYS.get(k, k), lang): n for k, n in sourcing.items()}
        confidence_rows = {t(f"confidence.{level}", lang): n for level, n in confidence.items()}
        left.markdown(
            t("quality.by_sources", lang) + "\n\n" + _table(sourcing_rows, t("quality.districts_column", lang))
        )
        right.markdown(
            t("quality.by_confidence", lang) + "\n\n" + _table(confidence_rows, t("quality.changes_column", lang))
        )
        busiest = changes_per_month.sort_values(ascending=False).head(3)
        months = [
            t(
                "quality.month_count",
                lang,
                month=date_text(dt.date.fromisoformat(f"{month}-01"), lang, "month"),
                count=n,
            )
            for month, n in busiest.items()
            if n
        ]
        st.markdown(t("quality.busiest", lang, months=t("text.separator", lang).join(months)))
        if uncertainties:
            st.markdown(f"**{t('quality.uncertainties', lang)}**")
            st.markdown("\n".join(f"- {data_text(item, lang)}" for item in uncertainties), unsafe_allow_html=True)
        if warnings:
            st.markdown(f"**{t('quality.warnings', lang)}**")
            st.markdown("\n".join(f"- {data_text(item, lang)}" for item in warnings), unsafe_allow_html=True)

"""How far to trust the map: sourcing figures and the dataset's known uncertainties."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd
import streamlit as st

from components.text import data_text, md_text
from mapui.i18n import date_text, t

#: geo.quality.sourcing_summary's keys and the catalogue's names for them.
_SOURCING_KEYS = {
    "no recorded change": "quality.sourcing.none",
    "one source only": "quality.sourcing.one",
    "two or more sources": "quality.sourcing.more",
}


def _table(counts: dict[str, int], heading: str) -> str:
    """A two-column markdown table (cheaper on every rerun than a dataframe)."""
    return "\n".join([f"| | {heading} |", "|---|---:|", *(f"| {md_text(k)} | {n} |" for k, n in counts.items())])


def quality_texts(
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
    low_support: pd.DataFrame | None = None,
) -> tuple[str, str, str, str]:
    """The view's markdown, made once per data version and language (the dashboard keeps it):
    the totals, the two tables (sourcing, confidence), then the busiest months, the districts
    longest on low-confidence or inferred support (``geo.quality.low_support_days``), the known
    uncertainties and the loader's warnings. Every text from the data is escaped."""
    totals = t(
        "quality.totals",
        lang,
        districts=t("count.districts", lang, count=districts_count),
        changes=t("count.changes", lang, count=changes_count),
        sources=t("count.sources", lang, count=sources_count),
    )
    sourcing_rows = {t(_SOURCING_KEYS.get(k, k), lang): n for k, n in sourcing.items()}
    confidence_rows = {t(f"confidence.{level}", lang): n for level, n in confidence.items()}
    by_sources = t("quality.by_sources", lang) + "\n\n" + _table(sourcing_rows, t("quality.districts_column", lang))
    by_confidence = (
        t("quality.by_confidence", lang) + "\n\n" + _table(confidence_rows, t("quality.changes_column", lang))
    )
    busiest = changes_per_month.sort_values(ascending=False).head(3)
    months = [
        t("quality.month_count", lang, month=date_text(dt.date.fromisoformat(f"{month}-01"), lang, "month"), count=n)
        for month, n in busiest.items()
        if n
    ]
    rest = [t("quality.busiest", lang, months=t("text.separator", lang).join(months))]
    if low_support is not None and (low_support["days"] > 0).any():
        rest.append(_low_support_text(low_support, lang))
    for heading, items in ((t("quality.uncertainties", lang), uncertainties), (t("quality.warnings", lang), warnings)):
        if items:
            rest.append(f"**{heading}**")
            rest.append("\n".join(f"- {data_text(item, lang)}" for item in items))
    return totals, by_sources, by_confidence, "\n\n".join(rest)


#: How many districts the low-support list shows at least (all those over the threshold are shown).
LOW_SUPPORT_LISTED = 20
LOW_SUPPORT_THRESHOLD = 1_000


def _low_support_text(table: pd.DataFrame, lang: str) -> str:
    """The districts longest on low-confidence or inferred changes: every one over
    ``LOW_SUPPORT_THRESHOLD`` days, and at least the ``LOW_SUPPORT_LISTED`` longest."""
    over = int((table["days"] > LOW_SUPPORT_THRESHOLD).sum())
    shown = table.loc[table["days"] > 0].head(max(over, LOW_SUPPORT_LISTED))
    figures = t(
        "quality.low_support_figures",
        lang,
        over_1000=over,
        over_1400=int((table["days"] > 1_400).sum()),
    )
    header = [
        f"| {t('quality.district_column', lang)} | {t('quality.days_column', lang)} "
        f"| {t('quality.longest_column', lang)} |",
        "|---|---:|---|",
    ]
    rows = [
        f"| {md_text(row.name_en)} | {row.days} "
        f"| {date_text(dt.date.fromisoformat(row.longest_from), lang, 'day')} – "
        f"{date_text(dt.date.fromisoformat(row.longest_to), lang, 'day')} |"
        for row in shown.itertuples(index=False)
    ]
    return f"**{t('quality.low_support', lang)}**\n\n{figures}\n\n" + "\n".join([*header, *rows])


def render_quality(texts: Callable[[], tuple[str, str, str, str]], *, lang: str) -> None:
    """:func:`quality_texts` (asked for by calling ``texts``) in an expander, closed at first.
    Its content is drawn only while it is open, so it costs a scrub nothing otherwise."""
    box = st.expander(t("quality.label", lang), key="quality", on_change="rerun")
    if not box.open:
        return
    totals, by_sources, by_confidence, rest = texts()
    with box:
        st.markdown(totals)
        left, right = st.columns(2)
        left.markdown(by_sources)
        right.markdown(by_confidence)
        st.markdown(rest, unsafe_allow_html=True)

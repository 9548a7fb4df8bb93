"""How far to trust the map: sourcing figures and the dataset's known uncertainties."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.text import md_text


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
) -> None:
    with st.expander("Data quality: how far to trust this map"):
        st.markdown(
            f"**{districts_count}** districts, **{changes_count}** recorded changes of control, "
            f"**{sources_count}** sources."
        )
        left, right = st.columns(2)
        left.markdown("Districts by how many distinct sources back their history\n\n" + _table(sourcing, "districts"))
        right.markdown("Changes by confidence\n\n" + _table(confidence, "changes"))
        busiest = changes_per_month.sort_values(ascending=False).head(3)
        st.markdown(
            "Changes per month are drawn under the map; the busiest months: "
            + ", ".join(f"{md_text(month)} ({count})" for month, count in busiest.items() if count)
            + "."
        )
        if uncertainties:
            st.markdown("**Known uncertainties**")
            st.markdown("\n".join(f"- {md_text(item)}" for item in uncertainties))
        if warnings:
            st.markdown("**What the data check reported** (`python -m geo validate`)")
            st.markdown("\n".join(f"- {md_text(item)}" for item in warnings))

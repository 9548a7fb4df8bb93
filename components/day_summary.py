"""The day in words under the map: how many districts each side holds and what changed
on the latest change date. A polite live region, so screen readers announce it when the
date changes; it is also the map's text alternative."""

from __future__ import annotations

import datetime as dt

from components.text import html_text, render_html
from mapui.i18n import date_text, t

#: At most this many changed districts are named; the rest are counted.
NAMED_CHANGES = 5


def _changes_text(latest: dt.date | None, changed: list[tuple[str, str]], lang: str) -> str:
    if latest is None:
        return t("summary.no_change_yet", lang)
    named = [
        t("summary.became", lang, name=html_text(name), status=t("status." + status, lang))
        for name, status in changed[:NAMED_CHANGES]
    ]
    if len(changed) > NAMED_CHANGES:
        named.append(t("summary.more", lang, count=len(changed) - NAMED_CHANGES))
    return t(
        "summary.latest_change",
        lang,
        date=date_text(latest, lang, "day_long"),
        changes=t("text.separator", lang).join(named),
    )


def render_day_summary(
    *,
    date: dt.date,
    counts: dict[str, int],
    low_confidence: dict[str, int],
    latest_change: dt.date | None,
    changed: list[tuple[str, str]],
    lang: str,
) -> None:
    """``counts`` and ``low_confidence``: districts per status on ``date`` and how many of
    them rest on a low-confidence change; ``changed``: (name, new status) of the districts
    that changed on ``latest_change``, the latest change date on or before ``date``."""
    items = []
    for status, n in counts.items():
        if not n:
            continue
        text = t(
            "summary.holds", lang, status=t("status." + status, lang), districts=t("count.districts", lang, count=n)
        )
        if low_confidence.get(status):
            text += t("summary.low_confidence", lang, count=low_confidence[status])
        items.append(f"<li>{text}</li>")
    render_html(
        '<div class="frontlines-day-summary" role="status" aria-live="polite" aria-atomic="true">'
        f"<p><strong>{date_text(date, lang, 'day_long')}</strong></p>"
        f"<ul>{''.join(items)}</ul><p>{_changes_text(latest_change, changed, lang)}</p></div>"
    )

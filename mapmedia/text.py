"""The words on a frame: title, date stamp, legend, credits and the "cite this view" line.

Every interface string comes from the catalogue (:func:`mapui.i18n.t`), dates from
:func:`mapui.i18n.date_text` (Levantine month names in Arabic). matplotlib (3.11 and later)
lays text out with libraqm, which joins Arabic letters and orders right-to-left runs itself:
text is passed in logical order and right-aligned in Arabic.

The font is DejaVu Sans as matplotlib's wheel ships it, which has the Arabic letters, so no
system font is needed and every machine draws the same pixels.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass

from geo.theatre import Theatre
from mapui.i18n import date_text, t

FONT_FAMILY = "DejaVu Sans"
#: Average advance of a DejaVu Sans glyph as a share of the font size, for wrapping lines.
GLYPH_WIDTH = 0.56


def wrapped(text: str, *, width_px: float, font_px: float) -> list[str]:
    """``text`` in lines that fit ``width_px`` at a font size of ``font_px``."""
    per_line = max(10, int(width_px / (font_px * GLYPH_WIDTH)))
    return textwrap.wrap(text, per_line) or [""]


@dataclass(frozen=True)
class Captions:
    """The text of one render."""

    title: str
    credit: str
    attribution: str
    cite: str


def captions(
    theatre: Theatre,
    *,
    lang: str,
    day: dt.date | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    link: str = "",
) -> Captions:
    """The title, credits and citation of a still (``day``) or a time-lapse (``start`` to ``end``).

    ``link`` is the share link of the view, quoted in the citation when given.
    """
    app = t("app.title", lang)
    version = theatre.version or t("media.no_version", lang)
    licence = theatre.meta.licence or t("media.no_licence", lang)
    if day is not None:
        view = date_text(day, lang, "day_long")
    else:
        assert start is not None and end is not None
        view = t("media.range", lang, start=date_text(start, lang, "day_long"), end=date_text(end, lang, "day_long"))
    cite = t("media.cite", lang, app=app, title=theatre.meta.title, version=version, view=view)
    if link:
        cite = t("media.cite_link", lang, cite=cite, link=link)
    return Captions(
        title=theatre.meta.title,
        credit=t("media.credit", lang, app=app, version=version, licence=licence),
        attribution=theatre.meta.attribution,
        cite=cite,
    )


def date_stamp(day: dt.date, lang: str) -> str:
    """The date as the frame shows it, large (e.g. ``7 October 2016``, ``7 تشرين الأول 2016``)."""
    return date_text(day, lang, "day_long")

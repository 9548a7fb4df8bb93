"""Every interface string, in English and Arabic, from one catalogue.

The catalogue is ``mapui/locales/<lang>.json``: one object per language with
the same keys. A value is either a string or, for text that depends on a number,
an object of CLDR plural forms (``one``/``other`` in English; ``zero``, ``one``,
``two``, ``few``, ``many`` and ``other`` in Arabic) chosen with Babel's plural rules.
Values are Python format strings: ``{name}`` fields are filled by :func:`t`.
Keys starting ``date.`` are Babel date patterns.

Only interface text is translated; text from the data (notes, event titles,
uncertainties, source names) is shown as the data has it, and the interface says so.

Dates are written with Babel's CLDR data for ``ar_SY``: Levantine month names
(كانون الثاني، شباط، آذار ...), as Syrian readers write them, with Western digits
(0-9), which Syrian and pan-Arab news sites use and which keep dates from the data
readable beside them.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from pathlib import Path

from babel import Locale
from babel.dates import format_date

LOCALES = Path(__file__).with_name("locales")
LANGUAGES: tuple[str, ...] = ("en", "ar")
DEFAULT_LANGUAGE = "en"
#: The CLDR locale behind each interface language: plural rules, month and day names.
CLDR_LOCALES = {"en": "en_GB", "ar": "ar_SY"}
DIRECTIONS = {"en": "ltr", "ar": "rtl"}
#: How each language names itself, for the language switch.
NATIVE_NAMES = {"en": "English", "ar": "العربية"}


class MissingTranslation(KeyError):
    """A key is absent from a language's catalogue."""


@functools.cache
def catalogue(lang: str) -> dict[str, str | dict[str, str]]:
    """The parsed catalogue of ``lang`` (read once)."""
    if lang not in LANGUAGES:
        raise ValueError(f"language {lang!r} is not one of {', '.join(LANGUAGES)}")
    with (LOCALES / f"{lang}.json").open(encoding="utf-8") as handle:
        return json.load(handle)


@functools.cache
def plural_rule(lang: str):
    """Babel's CLDR plural rule of ``lang``: a callable from a number to a form name."""
    return Locale.parse(CLDR_LOCALES[lang]).plural_form


def language(value: object) -> str:
    """``value`` if it names a supported language, else the default."""
    return value if isinstance(value, str) and value in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str, /, **values: object) -> str:
    """The text of ``key`` in ``lang`` with its ``{fields}`` filled from ``values``.

    A plural entry picks its form from ``values["count"]``.

    Raises
    ------
    MissingTranslation
        When ``key`` is not in the catalogue of ``lang``.
    """
    try:
        entry = catalogue(lang)[key]
    except KeyError:
        raise MissingTranslation(f"{key!r} is missing from mapui/locales/{lang}.json") from None
    if isinstance(entry, dict):
        count = values.get("count")
        if not isinstance(count, int):
            raise TypeError(f"{key!r} is a plural entry: pass count=<int>")
        form = plural_rule(lang)(count)
        entry = entry.get(form, entry["other"])
    return entry.format(**values) if values else entry


@functools.lru_cache(maxsize=8192)  # a page writes tens of dates per rerun, mostly the same ones
def date_text(day: dt.date, lang: str, style: str = "day") -> str:
    """``day`` written the way ``lang`` writes dates, in a style from the catalogue's
    ``date.<style>`` patterns (``day``, ``day_long``, ``weekday``, ``month``, ``year``)."""
    return format_date(day, t(f"date.{style}", lang), locale=CLDR_LOCALES[lang])


@functools.cache
def _vega_time_locale(lang: str) -> dict:
    locale = Locale.parse(CLDR_LOCALES[lang])
    months, days = locale.months["format"], locale.days["format"]
    sunday_first = (6, 0, 1, 2, 3, 4, 5)  # Babel counts days from Monday, d3 from Sunday
    return {
        "dateTime": "%x %X",
        "date": "%Y-%m-%d",
        "time": "%H:%M:%S",
        "periods": [locale.day_periods["format"]["abbreviated"][p] for p in ("am", "pm")],
        "days": [days["wide"][d] for d in sunday_first],
        "shortDays": [days["abbreviated"][d] for d in sunday_first],
        "months": [months["wide"][m] for m in range(1, 13)],
        "shortMonths": [months["abbreviated"][m] for m in range(1, 13)],
    }


def vega_locale(lang: str) -> dict:
    """Vega-Lite ``config`` entries that write a chart's dates in ``lang`` (month and day
    names from CLDR); nothing for the default language, which Vega writes already."""
    return {} if lang == DEFAULT_LANGUAGE else {"locale": {"time": _vega_time_locale(lang)}}

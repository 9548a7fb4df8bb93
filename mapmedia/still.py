"""A still image of one date, ready for an article: PNG or SVG."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from geo.theatre import Theatre
from mapmedia.frames import FrameRenderer
from mapmedia.options import STILL_SUFFIXES, check_language, check_output
from mapmedia.text import captions
from mapmedia.timeline import date_in_record


def write_still(
    theatre: Theatre,
    out: Path,
    *,
    date: str | dt.date,
    size: str | tuple[int, int] = "1080x1080",
    lang: str = "en",
    district: str | None = None,
    compare_from: str | dt.date | None = None,
    link: str = "",
    layers: Sequence[str] = (),
) -> Path:
    """Write the map of ``date`` to ``out`` (``.png`` or ``.svg``, chosen by the suffix).

    Parameters
    ----------
    theatre : Theatre
    out : pathlib.Path
        The file to write; its folder must exist.
    date : str or datetime.date
        The date shown, within the record.
    size, lang, district
        As :class:`mapmedia.frames.FrameRenderer`'s.
    compare_from : str or datetime.date, optional
        Outline the districts whose status differs from this date (compare mode).
    link : str
        The view's share link, quoted in the "cite this view" line.

    Raises
    ------
    OptionError
        For a bad size, language or output path.
    DateError
        For a date outside the record.
    UnknownDistrictError
        For an unknown district.
    """
    out = check_output(Path(out), STILL_SUFFIXES)
    check_language(lang)
    day = date_in_record(theatre, date, "--date")
    since = None if compare_from is None else date_in_record(theatre, compare_from, "--from")
    text = captions(theatre, lang=lang, day=day, link=link)
    renderer = FrameRenderer(
        theatre, size=size, lang=lang, captions=text, district=district, compare_from=since, layers=layers
    )
    try:
        kind = out.suffix.lower().lstrip(".")
        metadata = (
            {"Title": text.title, "Description": text.cite, "Copyright": theatre.meta.licence, "Software": None}
            if kind == "png"
            else {"Title": text.title, "Description": text.cite, "Rights": theatre.meta.licence, "Date": None}
        )
        renderer.save(day, out, kind=kind, metadata=metadata)
    finally:
        renderer.close()
    return out

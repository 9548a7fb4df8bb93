"""A time-lapse of a range of dates: frames from :mod:`mapmedia.frames`, dates from
:mod:`mapmedia.timeline`, encoded by :mod:`mapmedia.encode`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from geo.theatre import Theatre
from mapmedia.encode import write_gif, write_video
from mapmedia.frames import FrameRenderer
from mapmedia.options import VIDEO_SUFFIXES, check_fps, check_language, check_output, parse_size
from mapmedia.text import captions
from mapmedia.timeline import date_range, frames_of

#: Called after each date is drawn with (dates drawn, dates in all).
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Timelapse:
    """What :func:`write_timelapse` wrote."""

    path: Path
    dates: int
    frames: int
    start: dt.date
    end: dt.date
    seconds: float
    bytes: int


def write_timelapse(
    theatre: Theatre,
    out: Path,
    *,
    start: str | dt.date | None = None,
    end: str | dt.date | None = None,
    step: str = "week",
    fps: int = 12,
    size: str | tuple[int, int] = "1080x1080",
    lang: str = "en",
    district: str | None = None,
    layers: Sequence[str] = (),
    progress: Progress | None = None,
) -> Timelapse:
    """Write a time-lapse of ``start`` to ``end`` (default: the whole record) to ``out``.

    Parameters
    ----------
    theatre : Theatre
    out : pathlib.Path
        ``.mp4``, ``.webm`` or ``.gif``; its folder must exist.
    start, end : str or datetime.date, optional
        The first and last dates shown, within the record.
    step : {"day", "week", "month", "changes"}
        See :func:`mapmedia.timeline.frames_of`.
    fps : int
        Video frames per second (1 to 60).
    size, lang, district
        As :class:`mapmedia.frames.FrameRenderer`'s.
    progress : callable, optional
        Told (done, total) after each date.

    Raises
    ------
    OptionError
        For a bad size, step, rate, language or output path.
    DateError
        For a range outside the record.
    UnknownDistrictError
        For an unknown district.
    """
    out = check_output(Path(out), VIDEO_SUFFIXES)
    check_fps(fps)
    check_language(lang)
    parse_size(size)
    first, last = date_range(theatre, start, end)
    plan = frames_of(theatre, first, last, step=step, fps=fps)
    renderer = FrameRenderer(
        theatre,
        size=size,
        lang=lang,
        captions=captions(theatre, lang=lang, start=first, end=last),
        district=district,
        layers=layers,
    )

    def drawn() -> Iterator[tuple[np.ndarray, int]]:
        for index, frame in enumerate(plan):
            yield renderer.render(frame.date), frame.hold
            if progress is not None:
                progress(index + 1, len(plan))

    # written beside, then renamed: a failed or stopped render leaves no half file at ``out``
    partial = out.with_name(f".{out.stem}.partial{out.suffix}")
    try:
        encode = write_gif if out.suffix.lower() == ".gif" else write_video
        written = encode(drawn(), partial, fps=fps)
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
        renderer.close()
    video_frames = sum(frame.hold for frame in plan)
    return Timelapse(out, len(plan), written, first, last, video_frames / fps, out.stat().st_size)

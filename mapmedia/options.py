"""What a render may be asked for, checked before any drawing: sizes, steps, languages, output paths."""

from __future__ import annotations

import os
from pathlib import Path

from geo.errors import OptionError, shown
from mapui.i18n import LANGUAGES

#: The frame sizes offered (width x height in pixels): square, landscape, vertical.
SIZES: tuple[tuple[int, int], ...] = ((1080, 1080), (1920, 1080), (1080, 1920))
#: How a time-lapse walks through the record (see :mod:`mapmedia.timeline`).
STEPS: tuple[str, ...] = ("day", "week", "month", "changes")
VIDEO_SUFFIXES: tuple[str, ...] = (".mp4", ".webm", ".gif")
STILL_SUFFIXES: tuple[str, ...] = (".png", ".svg")
MAX_FPS = 60
#: A path is quoted whole in a message up to this length (the reader needs to see which file).
PATH_LIMIT = 1000


def size_text(size: tuple[int, int]) -> str:
    return f"{size[0]}x{size[1]}"


def parse_size(value: str | tuple[int, int]) -> tuple[int, int]:
    """``"1080x1080"`` (or a (width, height) pair) as a pair, if it is one of :data:`SIZES`.

    Raises
    ------
    OptionError
        For any other value.
    """
    allowed = ", ".join(size_text(s) for s in SIZES)
    found: tuple[int, ...]
    if isinstance(value, tuple):
        found = value
    else:
        parts = str(value).lower().split("x")
        found = tuple(int(p) for p in parts) if len(parts) == 2 and all(p.isdigit() for p in parts) else ()
    if found not in SIZES:
        raise OptionError(f"--size was {shown(value)} but is expected to be one of {allowed}")
    return found[0], found[1]


def check_choice(name: str, value: str, allowed: tuple[str, ...]) -> str:
    """``value`` if it is one of ``allowed``; else an OptionError naming the option."""
    if value not in allowed:
        raise OptionError(f"{name} was {shown(value)} but is expected to be one of {', '.join(allowed)}")
    return value


def check_language(lang: str) -> str:
    return check_choice("--lang", lang, LANGUAGES)


def check_fps(fps: int) -> int:
    if isinstance(fps, bool) or not isinstance(fps, int) or not 1 <= fps <= MAX_FPS:
        raise OptionError(f"--fps was {shown(fps)} but is expected to be a whole number from 1 to {MAX_FPS}")
    return fps


def _path(path: Path) -> str:
    return shown(str(path), limit=PATH_LIMIT)


def check_output(path: Path, suffixes: tuple[str, ...]) -> Path:
    """``path`` if its suffix is one of ``suffixes`` and its folder exists and can be written.

    Raises
    ------
    OptionError
        Naming the path and what is wrong with it.
    """
    path = Path(path)
    if path.suffix.lower() not in suffixes:
        raise OptionError(
            f"--out was {_path(path)} but is expected to end in one of {', '.join(suffixes)} (the format)"
        )
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OptionError(f"--out {_path(path)}: folder {_path(folder)} does not exist")
    if path.is_dir():
        raise OptionError(f"--out {_path(path)} is a folder, not a file")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise OptionError(f"--out {_path(path)} cannot be written (no permission)")
    return path

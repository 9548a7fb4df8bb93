"""What text a theatre's files may hold: no control characters but line breaks and tabs, and no
lone surrogates (halves of a UTF-16 pair, which JSON's ``\\ud800`` escapes can make but which are
no character and cannot be written out as UTF-8). Both would reach every reader's page, the
command line's output and the downloads."""

from __future__ import annotations

import re
from typing import Any

#: The most characters a value may hold, by what it is (a longer one is a broken file or an attack,
#: and would be rendered to every reader): see data/README.md.
MAX_ID_CHARACTERS = 64
MAX_NAME_CHARACTERS = 200
MAX_TITLE_CHARACTERS = 300
MAX_LICENCE_CHARACTERS = 100
MAX_TEXT_CHARACTERS = 5_000
#: CSV columns with a limit of their own (every other cell: MAX_TEXT_CHARACTERS).
COLUMN_LIMITS = {
    "district_id": MAX_ID_CHARACTERS,
    "id": MAX_ID_CHARACTERS,
    "title": MAX_TITLE_CHARACTERS,
    "publisher": MAX_NAME_CHARACTERS,
}


def length_problem(value: str, limit: int) -> str | None:
    """Why ``value`` is too long for a field of at most ``limit`` characters, or None."""
    if len(value) <= limit:
        return None
    return f"is {len(value):,} characters long (expected at most {limit:,})"


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


_ODD = re.compile(f"{_SURROGATE.pattern}|{_CONTROL.pattern}")


def holds_odd_text(value: str) -> bool:
    """Whether ``value`` holds a lone surrogate or a control character other than a line break or tab."""
    return _ODD.search(value) is not None


def text_problem(value: str) -> str | None:
    """Why ``value`` is not text a theatre may hold, or None."""
    found = _SURROGATE.search(value)
    if found:
        return (
            f"holds a lone surrogate (U+{ord(found.group()):04X}) at position {found.start() + 1}, which is no"
            " character (expected text, as UTF-8)"
        )
    found = _CONTROL.search(value)
    if found:
        return (
            f"holds the control character U+{ord(found.group()):04X} at position {found.start() + 1} (expected"
            " text: line breaks and tabs are the only control characters it may hold)"
        )
    return None


def odd_text_in(value: Any) -> tuple[str, str] | None:
    """The first string (a key or a value) anywhere in a parsed JSON ``value`` that is not text a
    theatre may hold, as (where, why): ``where`` is its path, e.g. ``features[0].properties.name_en``."""
    stack: list[tuple[str, Any]] = [("", value)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, str):
            problem = text_problem(item)
            if problem:
                return where or "the document", problem
        elif isinstance(item, dict):
            for key, child in reversed(list(item.items())):
                path = f"{where}.{key}" if where else str(key)
                problem = text_problem(key) if isinstance(key, str) else None
                if problem:
                    return f"the key {path!a}", problem
                stack.append((path, child))
        elif isinstance(item, list):
            stack.extend((f"{where}[{index}]", child) for index, child in reversed(list(enumerate(item))))
    return None

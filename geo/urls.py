"""Source URLs: checked the way the page parses them.

The dashboard labels each source link with its host, from
:func:`urllib.parse.urlsplit`; a value that passes a loose pattern but makes
``urlsplit`` raise (``https://[2001:db8::1/report``, ``http://a]b``) would take
a view down for every reader. :func:`is_http_url` therefore accepts exactly the
values that parse, with a host and a valid port.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import numpy as np
import pandas as pd

# What may appear in a URL at all: no whitespace, control characters, quotes, angle brackets or backslashes
# (browsers read a backslash as a slash, so the host they open would differ from the host shown).
_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f<>\"\\]+")
# A common form that always parses: an ASCII host with no port, user or brackets. Checked in bulk first.
_PLAIN_HOST = r"https?://[A-Za-z0-9._~%!$&'()*+,;=-]+(?:[/?#][^\s\x00-\x1f\x7f<>\"\\]*)?"
_PLAIN_LIST = f"{_PLAIN_HOST}(?: +{_PLAIN_HOST})*"


def is_http_url(text: str) -> bool:
    """Whether ``text`` is one absolute http(s) URL with a host that :func:`urllib.parse.urlsplit` reads."""
    if not isinstance(text, str) or not _URL.fullmatch(text):
        return False
    return host_of(text) is not None


def host_of(url: str) -> str | None:
    """The host of ``url`` (``None`` if it has none or does not parse), without a leading ``www.``."""
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises ValueError for a port that is not a number from 0 to 65535
    except ValueError:
        return None
    return parts.hostname.removeprefix("www.") if parts.hostname else None


def bad_urls(cell: str) -> list[str]:
    """The values in a space-separated list that are not http(s) URLs."""
    return [url for url in cell.split() if not is_http_url(url)]


def bad_url_lists(cells: pd.Series) -> np.ndarray:
    """Per cell of space-separated URLs, whether any is not an http(s) URL (empty cells are fine)."""
    fine = (cells.str.fullmatch(_PLAIN_LIST).fillna(False).astype(bool) | (cells == "")).to_numpy()
    bad = np.zeros(len(cells), dtype=bool)
    rest = np.flatnonzero(~fine)
    bad[rest] = [bool(bad_urls(cell)) for cell in cells.to_numpy()[rest]]
    return bad

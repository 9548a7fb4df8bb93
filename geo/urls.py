"""Source URLs: checked the way the page parses them.

The dashboard labels each source link with its host, from
:func:`urllib.parse.urlsplit`; a value that passes a loose pattern but makes
``urlsplit`` raise (``https://[2001:db8::1/report``, ``http://a]b``) would take
a view down for every reader. :func:`is_http_url` therefore accepts exactly the
values that parse, with a host and a valid port, and whose host a browser's URL parser accepts
too (the static site's script labels a link with ``new URL(url).hostname``): a well-formed IPv4
or IPv6 address, or a name of labels that encode as IDNA, with no percent sign and no invisible
formatting character (a right-to-left override would make a host read as another). The same
cases hold both parsers to this: ``tests/url_host_cases.json``. :func:`host_of` shows a label
that mixes scripts (``reuters.сom``, with a Cyrillic letter) as punycode, as a browser would.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
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
    """Whether ``text`` is one absolute http(s) URL with a host that both :func:`urllib.parse.urlsplit`
    and a browser read (see the module's docstring)."""
    if not isinstance(text, str) or not _URL.fullmatch(text):
        return False
    return host_of(text) is not None


def _hostname(url: str) -> str | None:
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises ValueError for a port that is not a number from 0 to 65535
    except ValueError:
        return None
    host = parts.hostname
    if not host or "%" in host or any(unicodedata.category(c) == "Cf" for c in host):
        return None
    if ":" in host:  # a bracketed IPv6 address
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            return None
        return host
    labels = host.rstrip(".").split(".")
    if re.fullmatch(r"\d+|0x[0-9a-f]*", labels[-1]):  # a browser reads the host as an IPv4 address
        try:
            ipaddress.IPv4Address(host.rstrip("."))
        except ValueError:
            return None
        return host
    try:
        ascii_labels = [label.encode("idna").decode("ascii") for label in labels]
        for label in ascii_labels:
            if label.startswith("xn--"):
                label.encode("ascii").decode("idna")  # raises for punycode that decodes to nothing
    except UnicodeError:
        return None
    if not all(re.fullmatch(r"[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?", label) for label in ascii_labels):
        return None
    return ".".join(label if _one_script(label) else label.encode("idna").decode("ascii") for label in labels)


def _one_script(label: str) -> bool:
    """Whether a host label's letters all belong to one script (Latin, Cyrillic, Arabic, ...)."""
    scripts = {unicodedata.name(c, "").split(" ")[0] for c in label if c.isalpha()}
    return len(scripts) <= 1


def host_of(url: str) -> str | None:
    """The host of ``url`` as a link is labelled (``None`` if it has none, or one a browser would
    refuse), without a leading ``www.``; a label mixing scripts as punycode."""
    host = _hostname(url)
    return host.removeprefix("www.") if host else None


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

"""Showing text from data or from the URL as text, never as markup."""

from __future__ import annotations

import re

from geo.sources import URL

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


def md_text(value: object) -> str:
    """Escape ``value`` so that Streamlit's markdown shows it literally, on one line."""
    text = " ".join(str(value).split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def md_link(label: str, url: str) -> str:
    """A markdown link to an http(s) URL; anything else is shown as plain text."""
    if not URL.match(url):
        return md_text(url)
    safe_url = url.replace("(", "%28").replace(")", "%29")
    return f"[{md_text(label)}]({safe_url})"


def data_text(value: object, lang: str) -> str:
    """Text from the data (notes, titles: English, never translated) as escaped markdown;
    in another interface language it is marked as English for screen readers."""
    text = md_text(value)
    if not text or lang == "en":
        return text
    return f'<span lang="en" dir="ltr">{text}</span>'

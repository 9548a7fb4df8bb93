"""Showing text from data or from the URL as text, never as markup.

Two ways in, both safe by construction:

- :func:`md_text` for Streamlit's markdown: one line, every markdown character
  escaped, and bare URLs and e-mail addresses kept from being turned into links
  (GitHub-flavoured markdown links them even when escaped: a word joiner, an
  invisible character, stops it).
- :func:`render_html` for the few pieces that need HTML (the Arabic name, badges,
  the legend, the timeline's SVG): data goes in through :func:`html_text`, and the
  markup is passed through an allow-list sanitiser (nh3), put on one line and
  wrapped in a ``<div>``. A line starting with ``<div`` opens an HTML block that
  only a blank line ends, and markdown leaves its content alone; the one-line
  form leaves no blank line. (Without the ``<div>``, a line starting with ``<svg``
  is a paragraph with inline HTML, whose text markdown still parses: ``![x](url)``
  in an event title became a remote image.)
"""

from __future__ import annotations

import functools
import html
import re

import nh3
import streamlit as st

from geo import host_of, is_http_url
from mapui.i18n import DIRECTIONS

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")
_AUTOLINK_START = re.compile(r"(?i)(?=https?:|www\.)|(?<=@)")
WORD_JOINER = "\u2060"
FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2068", "\u2069"

ALLOWED_TAGS = {"b", "div", "span", "strong", "svg", "rect", "path", "line", "text", "title", "p", "ul", "li"}
ALLOWED_ATTRIBUTES = {
    "*": {"class", "style", "dir", "lang", "role", "aria-label", "aria-live", "aria-atomic"},
    "svg": {"viewBox", "width"},
    "rect": {"x", "y", "width", "height", "fill"},
    "path": {"d", "fill"},
    "line": {"x1", "x2", "y1", "y2", "stroke", "stroke-width"},
    "text": {"x", "y", "font-size", "text-anchor", "fill"},
}
ALLOWED_STYLES = {
    "align-items",
    "background-color",  # not "background", which can fetch an image with url()
    "border",
    "border-radius",
    "color",
    "display",
    "font-size",
    "font-weight",
    "height",
    "margin-right",
    "opacity",
    "padding",
    "text-align",
    "width",
}


def md_text(value: object) -> str:
    """Escape ``value`` so that Streamlit's markdown shows it literally, on one line, with no link made."""
    text = _AUTOLINK_START.sub(WORD_JOINER, " ".join(str(value).split()))
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def md_link(label: str, url: str) -> str:
    """A markdown link to an http(s) URL; anything else is shown as plain text."""
    if not is_http_url(url):
        return md_text(url)
    safe_url = url.replace("(", "%28").replace(")", "%29")
    return f"[{md_text(label)}]({safe_url})"


def isolated(text: str, lang: str) -> str:
    """``text`` (markdown or plain) as one bidirectional isolate in a right-to-left ``lang``:
    between Unicode's first-strong isolate and pop isolate, so that a run from the data
    (a host, a publisher, English words, a number) keeps its own direction and the order of
    the Arabic line around it; ``text`` unchanged in a left-to-right language or when empty."""
    if not text or DIRECTIONS.get(lang) != "rtl":
        return text
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"


def source_links(cell: str, *, lang: str = "en") -> str:
    """Markdown links, labelled by host, for a space-separated list of source URLs; in a
    right-to-left ``lang`` each link is isolated (:func:`isolated`)."""
    return " · ".join(isolated(md_link(host_of(url) or url, url), lang) for url in cell.split())


def html_text(value: object) -> str:
    """``value`` as HTML text: escaped, on one line."""
    return html.escape(" ".join(str(value).split()))


@functools.lru_cache(maxsize=1024)  # the same pieces come back on every rerun
def clean_html(markup: str) -> str:
    """``markup`` with every tag, attribute and style outside the allow-lists removed, on one line."""
    cleaned = nh3.clean(
        markup,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        filter_style_properties=ALLOWED_STYLES,
        strip_comments=True,
        link_rel=None,
    )
    return " ".join(cleaned.split())


def html_block(markup: str, *, cleaned: bool = False) -> str:
    """``markup`` sanitised, on one line, inside a ``<div>``: one HTML block that markdown does not parse.

    ``cleaned`` says ``markup`` already is the output of :func:`clean_html`, with markup from code only
    added (so a large piece built once per theatre is not sanitised again on every rerun).
    """
    return f'<div class="frontlines-html">{markup if cleaned else clean_html(markup)}</div>'


def render_html(markup: str, *, cleaned: bool = False) -> None:
    """Show HTML built by the components (data in it only through :func:`html_text`) as one HTML block."""
    st.markdown(html_block(markup, cleaned=cleaned), unsafe_allow_html=True)


def data_text(value: object, lang: str) -> str:
    """Text from the data (notes, titles: English, never translated) as escaped markdown;
    in another interface language it is marked as English for screen readers, and its
    ``dir`` makes it an isolate in a right-to-left line (HTML isolates an element with ``dir``)."""
    text = md_text(value)
    if not text or lang == "en":
        return text
    return f'<span lang="en" dir="ltr">{text}</span>'

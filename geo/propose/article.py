"""A report's text: read from a file, standard input or an HTML page, and cut into sentences.

From an HTML page the article's text is kept (paragraphs and headings inside ``<article>``
where the page has one, else in the whole body) and scripts, styles, navigation, headers,
footers, asides and forms are left out. The page's own metadata fills what the command line
did not give: its publication date (``article:published_time``, ``datePublished``, a
``<time datetime>``), its address (``og:url``, the canonical link) and its publisher
(``og:site_name``). Parsed with the standard library's :mod:`html.parser`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import TextIO

from geo.errors import GeoError

_SKIP = frozenset(
    {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "svg", "button", "figure"}
)
_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "li", "blockquote", "div", "br", "tr", "section", "article"})
_DATE_META = (
    "article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "dc.date",
    "og:published_time",
)
# A sentence ends at . ! ? or ؟ followed by a space and a capital, a quote or an Arabic letter;
# not after an initial or a common abbreviation ("U.S.", "Sept.", "Dr.").
_ABBREVIATIONS = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Dr|St|Gen|Col|Lt|Sgt|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|vs|U\.S|U\.N))\.$"
)
_SENTENCE_END = re.compile(r"[.!?؟](?:[\"”’')\]]*)(?=\s+[\"“‘(]?[A-Z\u0600-\u06ff0-9])|\n\s*\n|[.!?؟][\"”’')\]]*\s*$")


class ReportError(GeoError, ValueError):
    """A report that cannot be read (a missing file, a file that is not text)."""


@dataclass(frozen=True)
class Report:
    """A report's text and what its page says about it (empty where nothing does)."""

    text: str
    published: dt.date | None = None
    url: str = ""
    publisher: str = ""
    title: str = ""


@dataclass(frozen=True)
class Sentence:
    """A sentence of a report, with its characters in the report's text and its paragraph."""

    start: int
    end: int
    text: str
    paragraph: int


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML page rather than plain text."""
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


class _ArticleParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skipping = 0
        self.in_article = 0
        self.body: list[str] = []
        self.article: list[str] = []
        self.meta: dict[str, str] = {}
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag in _SKIP:
            self.skipping += 1
        elif tag == "article":
            self.in_article += 1
        elif tag == "title":
            self.in_title = True
        elif tag == "meta":
            key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
            if key and values.get("content"):
                self.meta.setdefault(key, values["content"])
        elif tag == "link" and values.get("rel", "").lower() == "canonical" and values.get("href"):
            self.meta.setdefault("canonical", values["href"])
        elif tag == "time" and values.get("datetime"):
            self.meta.setdefault("time", values["datetime"])
        if tag in _BLOCKS:
            self._write("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self.skipping:
            self.skipping -= 1
        elif tag == "article" and self.in_article:
            self.in_article -= 1
        elif tag == "title":
            self.in_title = False
        if tag in _BLOCKS:
            self._write("\n\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skipping:
            self._write(data)

    def _write(self, text: str) -> None:
        self.body.append(text)
        if self.in_article:
            self.article.append(text)


def read_html(page: str) -> Report:
    """The article text and metadata of an HTML page."""
    parser = _ArticleParser()
    parser.feed(page)
    parser.close()
    chosen = "".join(parser.article) if "".join(parser.article).strip() else "".join(parser.body)
    paragraphs = (" ".join(part.split()) for part in re.split(r"\n\s*\n", chosen))
    text = "\n\n".join(p for p in paragraphs if p)
    meta = parser.meta
    published = next((d for d in (_iso_day(meta.get(k, "")) for k in (*_DATE_META, "time")) if d), None)
    return Report(
        text=text,
        published=published,
        url=meta.get("og:url") or meta.get("canonical", ""),
        publisher=meta.get("og:site_name", ""),
        title=meta.get("og:title") or " ".join("".join(parser.title).split()),
    )


def _iso_day(value: str) -> dt.date | None:
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` with their character spans; a blank line starts a paragraph."""
    out: list[Sentence] = []
    paragraph_starts = [0, *(m.end() for m in re.finditer(r"\n\s*\n", text))]
    at = 0
    for match in _SENTENCE_END.finditer(text):
        if _ABBREVIATIONS.search(text[at : match.start() + 1]) and not match.group(0).startswith("\n"):
            continue
        _add(out, text, at, match.end(), paragraph_starts)
        at = match.end()
    _add(out, text, at, len(text), paragraph_starts)
    return out


def _add(out: list[Sentence], text: str, start: int, end: int, paragraph_starts: list[int]) -> None:
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    start, piece = start + lead, piece.strip()
    if piece:
        paragraph = sum(1 for p in paragraph_starts if p <= start) - 1
        out.append(Sentence(start, start + len(piece), piece, paragraph))


def read_report(source: str | Path, *, stdin: TextIO | None = None) -> Report:
    """A report from a text or HTML file, or from ``stdin`` when ``source`` is ``-``.

    Raises
    ------
    ReportError
        Naming the file and what is wrong with it.
    """
    name = str(source)
    if name == "-":
        if stdin is None:
            raise ReportError("REPORT was '-' but no standard input was given")
        raw = stdin.read()
    else:
        path = Path(source)
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ReportError(
                f"report {name!r} does not exist (expected a text or HTML file, or - for standard input)"
            ) from None
        except IsADirectoryError:
            raise ReportError(f"report {name!r} is a directory (expected a text or HTML file)") from None
        except UnicodeDecodeError as exc:
            raise ReportError(f"report {name!r} is not UTF-8 text (byte {exc.start} cannot be read)") from None
        except OSError as exc:
            raise ReportError(f"report {name!r} cannot be read ({exc.strerror})") from None
    if looks_like_html(raw):
        return read_html(raw)
    return Report(text=raw)

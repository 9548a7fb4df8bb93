"""Finding a theatre's districts where a report names them.

Every name of every district (English, Arabic, other spellings, the id) is put in the
normal form of the search box (:func:`geo.search.normalise_name`), then compared with the
report's words three ways: the same normal form; the same *skeleton* (consonants only, with
the usual transliteration variants folded: Sheikh/Shaykh/Cheikh, Masaken/Masakin,
Salaheddine/Salah al-Din); or, for longer names, within a small edit distance (rapidfuzz).
Arabic words lose the one-letter clitics written onto them (و, ف, ب, ل, ك before ال).
A place-like phrase ("the X district", "neighbourhood of X") that matches nothing is
reported as unmatched, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
from rapidfuzz import fuzz, process

from geo.search import LATIN_ARTICLES, normalise_name

#: Word-level spellings of one Arabic word, folded to one form before skeletons are made.
WORD_VARIANTS = {
    "shaykh": "sheikh",
    "shaikh": "sheikh",
    "sheik": "sheikh",
    "cheikh": "sheikh",
    "cheick": "sheikh",
    "scheich": "sheikh",
    "masakin": "masaken",
    "masaakin": "masaken",
    "masakan": "masaken",
    "bustan": "bostan",
    "bstan": "bostan",
    "hay": "",  # "Hay al-..." and "Hai ...": the word for neighbourhood, not part of a name
    "hai": "",
    "hayy": "",
}
ARABIC_CLITICS = ("و", "ف", "ب", "ل", "ك")
MAX_NAME_WORDS = 5
MIN_SKELETON = 4  # shorter skeletons ("mdn": Midan, Madina) say too little to match on
MIN_FUZZY_LETTERS = 6
FUZZY_CUTOFF = 88.0
WORD_CUTOFF = 80.0  # each word of a several-word name, when a typo is allowed
_LETTER = r"(?:[^\W_]|[\u0300-\u036f\u064b-\u065f\u0670])"  # a letter, or a mark on one (Arabic short vowels)
_WORD = re.compile(rf"{_LETTER}+(?:['’‘ʿʾ`]{_LETTER}+)*", re.UNICODE)
_VOWELS = re.compile(r"[aeiouyw]+")
_REPEATS = re.compile(r"(.)\1+")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_PLACE_WORDS = r"(?:district|neighbou?rhood|quarter|area|suburb)s?"
# Capitalised phrases that a report presents as places: "the Foo district", "neighbourhood of Foo".
_NAME = r"(?:(?:al|el|ash|as|ad|az|at|an|ar)[-‘’' ]?)?[A-Z][\w'’-]*(?:\s+(?:al-|el-)?[A-Z][\w'’-]*)*"
_PLACE_PHRASE = re.compile(rf"\b{_PLACE_WORDS}\s+of\s+({_NAME})|({_NAME})\s+{_PLACE_WORDS}\b")
_NOT_PLACES = frozenset(
    {"the", "a", "an", "this", "that", "rebel", "rebels", "government", "aleppo", "eastern", "western"}
)


def arabic_word(word: str) -> str:
    """An Arabic word without the clitic letters before its article (``وبالشيخ`` is ``الشيخ``)."""
    for _ in range(2):
        if len(word) > 4 and word[0] in ARABIC_CLITICS and word[1:3] == "ال":
            word = word[1:]
        elif len(word) > 4 and word[0] in ARABIC_CLITICS and word[1] in ARABIC_CLITICS and word[2:4] == "ال":
            word = word[2:]
        elif len(word) > 3 and word[0] == "ل" and word[1] == "ل":  # li- + al- is written لل
            word = "ال" + word[2:]
    return word


def name_words(text: str) -> tuple[str, ...]:
    """The words of a name or phrase in compared form: :func:`geo.search.normalise_name`, with
    Arabic clitics removed and word variants folded."""
    prepared = " ".join(arabic_word(w) if _ARABIC.search(w) else w for w in text.split())
    words = (WORD_VARIANTS.get(w, w) for w in normalise_name(prepared))
    return tuple(w for w in words if w)


def skeleton(words: Iterable[str]) -> str:
    """Consonants only, doubled letters once: the part of a transliteration that varies least."""
    text = "".join(words).replace("q", "k").replace("dh", "d").replace("th", "t").replace("ou", "u")
    return _REPEATS.sub(r"\1", _VOWELS.sub("", text)) if not _ARABIC.search(text) else text


@dataclass(frozen=True)
class Mention:
    """A stretch of a text that names one or more districts (several share a name: Ramouseh I–IV).

    ``start`` and ``end`` are character offsets in the text searched; ``how`` is ``"name"``
    (the same normal form), ``"variant"`` (the same skeleton) or ``"typo"`` (rapidfuzz score
    ``score``).
    """

    start: int
    end: int
    text: str
    district_ids: tuple[str, ...]
    name: str
    how: str
    score: float = 100.0


@dataclass(frozen=True)
class _Key:
    compact: str
    district_ids: tuple[str, ...]
    name: str


class PlaceIndex:
    """Every district's names, ready to be found in a report.

    Parameters
    ----------
    districts : pandas.DataFrame
        Columns ``district_id``, ``name_en``, ``name_ar`` and ``alt_names`` (``;``-separated),
        as in ``Theatre.districts``.
    """

    def __init__(self, districts: pd.DataFrame):
        by_compact: dict[str, dict[str, str]] = {}
        by_skeleton: dict[str, dict[str, str]] = {}
        self.names_en: dict[str, str] = {}
        self.names_ar: dict[str, str] = {}
        self._words: dict[str, tuple[str, ...]] = {}
        for district_id, name_en, name_ar, alt_names in districts[
            ["district_id", "name_en", "name_ar", "alt_names"]
        ].itertuples(index=False):
            self.names_en[district_id] = name_en
            self.names_ar[district_id] = name_ar
            names = [name_en, name_ar, *str(alt_names or "").split(";"), district_id.replace("-", " ")]
            for name in (n.strip() for n in names if n and n.strip()):
                words = name_words(name)
                if not words:
                    continue
                by_compact.setdefault("".join(words), {}).setdefault(district_id, name)
                self._words.setdefault("".join(words), words)
                bones = skeleton(words)
                if len(bones) >= MIN_SKELETON:
                    by_skeleton.setdefault(bones, {}).setdefault(district_id, name)
        self._compact = {k: _Key(k, tuple(v), next(iter(v.values()))) for k, v in by_compact.items()}
        self._skeleton = {k: _Key(k, tuple(v), next(iter(v.values()))) for k, v in by_skeleton.items()}
        self._fuzzy_keys = [k for k in self._compact if len(k) >= MIN_FUZZY_LETTERS]

    def find(self, text: str) -> list[Mention]:
        """The district names in ``text``, longest first where two overlap, in text order."""
        tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        # each word normalised once: a name's words are its tokens' words (tokens split at hyphens,
        # so the articles are tokens of their own)
        token_words = [name_words(t[2]) for t in tokens]
        found: list[Mention] = []
        taken: set[int] = set()
        for size in range(MAX_NAME_WORDS, 0, -1):
            for first in range(len(tokens) - size + 1):
                span = range(first, first + size)
                if taken.intersection(span):
                    continue
                start, end = tokens[first][0], tokens[first + size - 1][1]
                words = tuple(w for ws in token_words[first : first + size] for w in ws)
                raw = [t[2] for t in tokens[first : first + size]]
                mention = self._match(text[start:end], start, end, raw, words)
                if mention is not None:
                    found.append(mention)
                    taken.update(span)
        return sorted(found, key=lambda m: m.start)

    def unmatched(self, text: str, mentions: list[Mention]) -> list[tuple[int, int, str]]:
        """Phrases ``text`` presents as places ("the Foo district") that no mention covers."""
        covered = [(m.start, m.end) for m in mentions]
        out = []
        for match in _PLACE_PHRASE.finditer(text):
            group = 1 if match.group(1) else 2
            start, end = match.span(group)
            phrase = match.group(group)
            if phrase.split()[0].casefold() in _NOT_PLACES or any(a < end and start < b for a, b in covered):
                continue
            out.append((start, end, phrase))
        return out

    def _match(self, piece: str, start: int, end: int, raw_words: list[str], words: tuple[str, ...]) -> Mention | None:
        if not words:
            return None
        arabic = bool(_ARABIC.search(piece))
        compact = "".join(words)
        if not arabic and not _looks_like_a_name(piece, raw_words):
            # "the Syriac quarter": a name of several words, capitalised first, written in full, passes too
            in_full = len(raw_words) > 1 and raw_words[0][:1].isupper() and not _BREAK.search(piece)
            if not (in_full and compact in self._compact):
                return None
        if compact in self._compact:
            key = self._compact[compact]
            return Mention(start, end, piece, key.district_ids, key.name, "name")
        if arabic:
            return None
        bones = skeleton(words)
        if len(bones) >= MIN_SKELETON and bones in self._skeleton:
            key = self._skeleton[bones]
            if fuzz.ratio(compact, "".join(name_words(key.name))) >= 60:
                return Mention(start, end, piece, key.district_ids, key.name, "variant", 90.0)
        if len(compact) >= MIN_FUZZY_LETTERS:
            best = process.extractOne(compact, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if best is not None and _same_words(words, self._words[best[0]]):
                key = self._compact[best[0]]
                return Mention(start, end, piece, key.district_ids, key.name, "typo", float(best[1]))
        return None


def _same_words(found: tuple[str, ...], name: tuple[str, ...]) -> bool:
    """A typo changes letters, not words: a name of several words matches word by word
    ("Kasr al-Tarrab" is not "Karm al-Tarrab", though the letters are close)."""
    if len(found) != len(name) or len(found) < 2:
        return True
    return all(fuzz.ratio(a, b) >= WORD_CUTOFF for a, b in zip(found, name, strict=True))


def _looks_like_a_name(piece: str, raw_words: list[str]) -> bool:
    """Whether Latin words can be a place name: capitalised first and last words (an article
    may come first), only articles in lower case between, no punctuation across. "the airport"
    and "an industrial area" are words, not the districts named after them."""
    if _BREAK.search(piece):
        return False
    first, last = raw_words[0], raw_words[-1]
    if not last[:1].isupper() and not _ROMAN.match(last):
        return False
    if first.casefold() == "the" or (
        not first[:1].isupper() and not (first.casefold() in LATIN_ARTICLES and len(raw_words) > 1)
    ):
        return False
    return all(w[:1].isupper() or w.casefold() in LATIN_ARTICLES or _ROMAN.match(w) for w in raw_words[1:-1])


_BREAK = re.compile(r"[,;:.!?()\[\]\"“”]")
_ROMAN = re.compile(r"^(?:I|II|III|IV|V|VI)$")

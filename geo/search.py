"""Finding a district by any of its names: English, Arabic, other spellings, typos.

Names are compared in a normal form (:func:`normalise_name`): case, Latin diacritics,
Arabic short vowels and letter variants, apostrophes and the Arabic article (al-, ash-,
"ال"...) do not matter. What is left may still differ by a typo or two; the index
(:class:`SearchIndex`, built once per version of the data) ranks exact names first,
then names that start with or contain the query, then names within a small edit distance.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

#: Latin transliterations of the Arabic article, as separate words once hyphens are spaces.
LATIN_ARTICLES = frozenset({"al", "el", "ad", "adh", "aj", "an", "ar", "as", "ash", "at", "ath", "az", "the"})
ARABIC_ARTICLE = "ال"
_ARABIC_FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي", "ـ": None}
)
_APOSTROPHES = re.compile(r"['’‘ʿʾ`´]")
_SEPARATORS = re.compile(r"[^\w]+|_")


def normalise_name(text: str) -> tuple[str, ...]:
    """The words of a name in the form names are compared in.

    Lowercase, without Latin diacritics, Arabic short vowels, tatweel or letter variants
    (hamza forms of alef, ta marbuta, alef maqsura), without apostrophes (``A'ajam`` is
    ``aajam``) and without the article, Latin (``al-``, ``ash-``...) or Arabic (``ال``).

    Examples
    --------
    >>> normalise_name("al-‘Amiriyeh")
    ('amiriyeh',)
    >>> normalise_name("الشيخ مقصود")
    ('شيخ', 'مقصود')
    """
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    folded = _APOSTROPHES.sub("", stripped.translate(_ARABIC_FOLD))
    words = []
    for word in _SEPARATORS.split(folded):
        if not word or word in LATIN_ARTICLES:
            continue
        if word.startswith(ARABIC_ARTICLE) and len(word) > len(ARABIC_ARTICLE) + 1:
            word = word[len(ARABIC_ARTICLE) :]
        words.append(word)
    return tuple(words)


def edit_distance(a: str, b: str, *, limit: int) -> int:
    """Levenshtein distance between ``a`` and ``b``, or ``limit + 1`` once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def typo_allowance(length: int) -> int:
    """How many edits a query of ``length`` letters may be away from a name."""
    return 0 if length < 4 else 1 if length < 8 else 2


@dataclass(frozen=True)
class Match:
    """One district found by :meth:`SearchIndex.search`.

    ``name`` is the name that matched (as written in the data); ``kind`` is
    ``"exact"``, ``"prefix"``, ``"contains"`` or ``"typo"``; ``distance`` the edits
    needed for a typo match.
    """

    district_id: str
    name_en: str
    name: str
    kind: str
    distance: int = 0


_KIND_RANK = {"exact": 0, "prefix": 1, "contains": 2, "typo": 3}


class SearchIndex:
    """Every name of every district in normal form, built once per version of the data.

    Parameters
    ----------
    districts : pandas.DataFrame
        Columns ``district_id``, ``name_en``, ``name_ar`` and ``alt_names`` (names
        separated by ``;``), as in ``Theatre.districts``.
    """

    def __init__(self, districts: pd.DataFrame):
        self._ids: list[str] = districts["district_id"].tolist()
        self._names_en: list[str] = districts["name_en"].tolist()
        self._records = districts[["district_id", "name_en", "name_ar", "alt_names"]].to_numpy(dtype=object)

    @functools.cached_property
    def _keys(self) -> list[tuple[str, tuple[str, ...], int, str]]:
        """(compact key, words, district row, name) for every name; made on the first search,
        as normalising every name takes about a second at 10,000 districts."""
        keys = []
        for row, (district_id, name_en, name_ar, alt_names) in enumerate(self._records):
            for name in _names_of(name_en, name_ar, alt_names, district_id):
                words = normalise_name(name)
                if words:
                    keys.append(("".join(words), words, row, name))
        return keys

    @functools.cached_property
    def _exact(self) -> dict[str, list[int]]:
        exact: dict[str, list[int]] = {}
        for position, (compact, *_rest) in enumerate(self._keys):
            exact.setdefault(compact, []).append(position)
        return exact

    def search(self, query: str, *, limit: int = 8) -> list[Match]:
        """The districts whose names best match ``query``, best first, one entry per district."""
        words = normalise_name(query)
        compact = "".join(words)
        if not compact:
            return []
        best: dict[int, tuple[tuple, Match]] = {}

        def consider(position: int, kind: str, distance: int = 0) -> None:
            key, _words, row, name = self._keys[position]
            rank = (_KIND_RANK[kind], distance, abs(len(key) - len(compact)), self._names_en[row])
            if row not in best or rank < best[row][0]:
                best[row] = (rank, Match(self._ids[row], self._names_en[row], name, kind, distance))

        for position in self._exact.get(compact, ()):
            consider(position, "exact")
        for position, (key, key_words, _row, _name) in enumerate(self._keys):
            if key != compact and key.startswith(compact):
                consider(position, "prefix")
            elif compact in key or _words_start(key_words, words):
                consider(position, "contains")
        allowance = typo_allowance(len(compact))
        if allowance and len(best) < limit:
            for position, (key, _words, _row, _name) in enumerate(self._keys):
                distance = edit_distance(compact, key, limit=allowance)
                if len(key) > len(compact):  # a name still being typed, with a typo in it
                    distance = min(distance, edit_distance(compact, key[: len(compact)], limit=allowance))
                if distance <= allowance:
                    consider(position, "typo", distance)
        return [match for _rank, match in sorted(best.values(), key=lambda item: item[0])[:limit]]


def _names_of(name_en: str, name_ar: str, alt_names: str, district_id: str) -> Iterable[str]:
    yield name_en
    if name_ar:
        yield name_ar
    yield from (part.strip() for part in str(alt_names or "").split(";") if part.strip())
    yield district_id.replace("-", " ")


def _words_start(key_words: tuple[str, ...], query_words: tuple[str, ...]) -> bool:
    """Whether every query word starts some word of the name, in order (``sh maq`` finds ``Sheikh Maqsoud``)."""
    position = 0
    for word in query_words:
        while position < len(key_words) and not key_words[position].startswith(word):
            position += 1
        if position == len(key_words):
            return False
        position += 1
    return True

"""The words of a report that say who took a place, and those that say it did not happen.

A *claim* is a control phrase ("captured", "fell to", "fighting in") tied to the district
named after it (or before it, for "X fell to"), within one clause. Around it:

- the side: the actor named nearest before the phrase ("the army", "rebels", "YPG"), or after
  "by" / "fell to";
- ``partial``: "part of", "most of", "half of" between the phrase and the place;
- what takes the claim back, each with its reason: failure and negation ("failed to take",
  "repelled", "attempted"), the future ("vowed to", "preparing to"), a denial, and an earlier
  event recalled ("which rebels seized in 2012");
- attribution to one side ("state media said", "a rebel commander said") or to a monitor
  ("according to SOHR"), which lowers the confidence and says why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SIDE_PATTERNS: dict[str, re.Pattern[str]] = {
    "government": re.compile(
        r"\b(?:(?:syrian\s+)?army|troops|soldiers|regime(?!-held)|government(?:\s+forces)?(?!-held)|pro-government"
        r"|pro-regime|pro-assad|loyalists?|assad(?:'s|’s)?\s+forces|syrian\s+forces|hezbollah|tiger\s+forces"
        r"|republican\s+guard|national\s+defen[cs]e\s+forces|syrian\s+military|the\s+military|allied\s+militias?"
        r"|government\s+troops|(?:syrian\s+)?armed\s+forces|syrian\s+arab\s+army|saa"
        r"|قوات\s+النظام|الجيش(?:\s+السوري)?|القوات\s+الحكومية)\b",
        re.I,
    ),
    "opposition": re.compile(
        r"\b(?:rebels?(?!-held)|insurgents?|insurgency|opposition(?:\s+(?:fighters|forces|groups))?(?!-held)|fsa|free\s+syrian\s+army"
        r"|islamists?|jihadists?|militants|terrorists|(?:terrorist|armed|militant|insurgent)\s+groups?|gunmen|(?:al-)?nusra(?:\s+front)?|fat[ae]h\s+al-sham|army\s+of\s+conquest"
        r"|jaish\s+al-fatah|fatah\s+halab|tawhid(?:\s+brigade)?|ahrar\s+al-sham|zinki|zenki|jaysh\s+al-islam"
        r"|islamic\s+front|shamiya\s+front|المعارضة|الفصائل|الثوار|الجيش\s+الحر)\b",
        re.I,
    ),
    "kurdish": re.compile(
        r"\b(?:ypg|pyd|sdf|kurdish\s+(?:forces|fighters|militias?|units)|kurds|asayish|الوحدات\s+الكردية)\b", re.I
    ),
    "isil": re.compile(r"\b(?:islamic\s+state|isil|isis|daesh|داعش|تنظيم\s+الدولة)\b|\bIS\b", re.I),
}
# "IS" is only the group in capitals; the pattern above is case-insensitive, so check case apart.
_LOWER_IS = re.compile(r"\bis\b")

GAIN = "gain"
LOSS = "loss"
CONTEST = "contest"
HOLD = "hold"


@dataclass(frozen=True)
class Phrase:
    """One kind of control phrase: its pattern, what it means and how sure it makes a claim."""

    kind: str
    pattern: re.Pattern[str]
    strength: float
    place_before: bool = False  # "X fell to": the place comes before the phrase
    actor_after: bool = False  # "fell to the army": the side comes after the phrase
    noun: bool = False  # "the capture of X": the side may be named anywhere in the clause


def _p(text: str) -> re.Pattern[str]:
    return re.compile(text, re.I)


PHRASES: tuple[Phrase, ...] = (
    Phrase(GAIN, _p(r"\b(?:took|taken|taking|take|takes)\s+(?:full\s+|complete\s+|total\s+)?control\b"), 0.9),
    Phrase(
        GAIN,
        _p(
            r"\b(?:regain(?:ed|s|ing)?|restor(?:ed|es|ing|e)|seiz(?:ed|es|ing|e)|imposed|assum(?:ed|e)|gained)"
            r"\s+(?:full\s+|complete\s+)?control\b"
        ),
        0.9,
    ),
    Phrase(
        GAIN,
        _p(
            r"\b(?:re)?captur(?:ed|es|ing|e)\b|\bseiz(?:ed|es|ing|e)\b|\bretook\b|\bretak(?:en|es|ing|e)\b"
            r"|\b(?:regain|reclaim)(?:ed|s|ing)?\b|\boverr(?:an|un|unning)\b|\bwrest(?:ed|ing)?\b|\bliberat(?:ed|es|ing|e)\b"
            r"|\b(?:took|taken|taking|take)\b(?!\s+(?:part|place|over\s+by))"
            r"|\bdr(?:ove|iven)\s+(?:\w+\s+){0,3}(?:out\s+)?(?:of|from)\b"
            r"|\b(?:expelled|ousted|pushed)\s+(?:\w+\s+){0,3}(?:out\s+)?(?:of|from)\b|\bcleared\b"
            r"|\bسيطر(?:ت|وا)?\b|\bاستعاد(?:ت|وا)?\b"
        ),
        0.85,
    ),
    Phrase(
        GAIN,
        _p(
            r"\b(?:now\s+)?(?:control|controls|controlled|holds)\b(?!\s+(?:of|over)\s+(?:the\s+)?(?:city|road))"
            r"(?!\s+(?:areas?|territor\w*|districts?|neighbou?rhoods?|parts?|zones?|sectors?)\b)"
        ),
        0.55,
    ),
    Phrase(
        GAIN,
        _p(r"\b(?:re)?capture\s+of\b|\bseizure\s+of\b|\btakeover\s+of\b|\bfall\s+of\b|\brecovery\s+of\b"),
        0.8,
        noun=True,
    ),
    Phrase(
        GAIN,
        _p(
            r"\bstorm(?:ed|s|ing)?\b|\bentered\b|\b(?:advanc|mov|push|sw[e]pt)(?:ed|es)?\s+in(?:to|\s+to)\b|\bbroke\s+into\b"
        ),
        0.65,
    ),
    Phrase(
        LOSS,
        _p(r"\bfell\s+to\b|\bfallen\s+to\b|\bcame\s+under\s+(?:the\s+)?(?:full\s+)?control\s+of\b"),
        0.85,
        True,
        True,
    ),
    Phrase(
        GAIN,
        _p(r"\b(?:was|were|been|being)\s+(?:re)?(?:captured|seized|taken|retaken|overrun|liberated)\s+by\b"),
        0.85,
        True,
        True,
    ),
    Phrase(
        LOSS,
        _p(
            r"\b(?:withdr(?:ew|awn|awing)|retreat(?:ed|ing)|pull(?:ed|ing)?\s+(?:out|back)|evacuated)\s+from\b"
            r"|\blost\b(?!\s+(?:their|his|her)\s+lives)"
        ),
        0.75,
    ),
    Phrase(
        CONTEST,
        _p(
            r"\b(?:heavy\s+|fierce\s+|intense\s+)?(?:fighting|clash(?:es|ed|ing)|battl(?:es?|ing)|street\s+fighting)"
            r"\s+(?:[\w-]+\s+){0,4}?(?:in|for|inside|over|around)\b"
            r"|\badvancing\s+(?:inside|in)\b|\bbattle\s+for\b"
        ),
        0.45,
    ),
    Phrase(
        HOLD,
        _p(
            r"\bstill\s+(?:in\s+control\s+of|control(?:led|s)?|hold(?:s|ing)?|held)\b"
            r"|\bremain(?:ed|s)?\s+(?:in\s+control|under)\b|\bheld\s+on(?:to)?\b|\bholding\s+on\b"
            r"|\bretain(?:ed|s|ing)?\b|\bkept\s+control\b|\bcontinu(?:es|ed|e|ing)\s+to\s+(?:control|hold)\b"
        ),
        0.0,
    ),
)

HOLD_WORDS = next(p.pattern for p in PHRASES if p.kind == HOLD)
HELD = "says the district is still held: no change of control"

PARTIAL = re.compile(
    r"\b(?:parts?|most|half|much|sections?|areas?|positions|blocks|edges?|outskirts|some|a\s+(?:third|quarter)"
    r"|\d+\s*(?:per\s*cent|percent|%)|sites|buildings|points|streets)\s+(?:of|in|inside|within)\b"
    r"|\bpartial(?:ly)?\b|\bأجزاء\s+من\b|\bمعظم\b",
    re.I,
)
# "captured several building blocks near the factory in the X district": what was taken lies inside X.
SUB_AREA = re.compile(
    r"\b(?:sites|buildings|building\s+blocks|blocks|positions|points|streets|checkpoints|hills?)\b"
    r"[^.;]{0,60}\b(?:in|inside|within|of)\s+(?:the\s+)?$",
    re.I,
)
FULL = re.compile(r"\b(?:full|complete|total|entire|whole|all\s+of|entirely|fully)\b", re.I)
FAILURE = re.compile(
    r"\b(?:fail(?:ed|s|ing)?\s+to|attempt(?:ed|s|ing)?(?:\s+to)?|tr(?:ied|ying|y)\s+to|an?\s+(?:bid|attempt|effort)\s+to"
    r"|repel(?:led|s)?|repuls(?:ed|es)|thwart(?:ed|s)?|foil(?:ed|s)?|beat(?:en)?\s+back|push(?:ed)?\s+back|could\s+not"
    r"|couldn't|did\s+not|didn't|never|not\s+yet|unable\s+to|no\s+longer)\b",
    re.I,
)
NEGATION = re.compile(r"\b(?:not|no)\b", re.I)
FUTURE = re.compile(
    r"\b(?:vow(?:ed|s)?\s+to|prepar(?:ing|es|ed)\s+(?:to|for)|plan(?:s|ned|ning)?\s+to|aim(?:s|ed|ing)?\s+to|will|would"
    r"|threaten(?:s|ed)?\s+to|poised\s+to|set\s+(?:its|their)\s+sights\s+on|seek(?:s|ing)?\s+to|expected\s+to"
    r"|could|may|might|should|in\s+order\s+to|(?:began|begun|launched)\s+(?:an?\s+)?(?:offensive|operation|push)\s+to"
    r"|push\s+to|if|unless)\b",
    re.I,
)
DENIAL = re.compile(
    r"\b(?:den(?:y|ied|ies|ying)|rejected\s+(?:the\s+)?claims?|dismissed\s+(?:the\s+)?claims?|no\s+truth|false\s+claims?"
    r"|untrue|not\s+true|not\s+the\s+case)\b"
    r"|\bنف(?:ى|ت)\b",
    re.I,
)
HISTORY = re.compile(
    r"\b(?:since|ever\s+since|first\s+\w+\s+the\s+rebels\s+took|for\s+(?:over\s+|more\s+than\s+)?\w+\s+years)\b", re.I
)
# Words that introduce what someone said: the subject of the change comes after the last of them.
REPORTING = re.compile(
    r"\b(?:said|says|told\s+[^,.;]{0,60}?|reported|announced|claimed|claims|added|stated|acknowledged|admitted"
    r"|confirmed)\s+(?:that\s+)?",
    re.I,
)
ONE_SIDED = re.compile(
    r"\b(?:state\s+(?:media|television|tv|news\s+agency|broadcaster)|sana|official\s+(?:\w+\s+)?news\s+agency"
    r"|(?:a\s+)?military\s+(?:source|official|media)|the\s+army\s+said|al[- ]manar|al[- ]mayadeen"
    r"|pro-government\s+media"
    r"|rebel\s+(?:source|commander|spokesman|official|group)s?|activists?\s+said"
    r"|(?:hezbollah|rebel)(?:'s|’s)?\s+(?:outlet|media)"
    r"|claim(?:s|ed)?|purport(?:s|ed)?)\b",
    re.I,
)
MONITOR = re.compile(
    r"\b(?:according\s+to\s+(?:the\s+)?(?:sohr|observatory|monitor)|sohr|observatory|war\s+monitor|monitor(?:ing\s+group)?\s+(?:said|reported))\b",
    re.I,
)
CLAUSE_BREAK = re.compile(
    r";|\s+but\s+|\s+while\s+|\s+whereas\s+"
    r"|,?\s+(?:which|who|whose|where|when|after|before|as|although|though|since|until)\s+"
    r"|\s+and\s+(?=(?:the\s+)?(?:rebels?|army|troops|regime|government|opposition|insurgents|kurdish|ypg|islamic)\b)"
    r"|(?<=[a-z])\s*[—–]\s*",
    re.I,
)
MAX_DISTANCE = 120  # characters between a control phrase and the place it governs
HISTORY_DAYS = 21  # a change this long before the report is an earlier event recalled, not news


@dataclass(frozen=True)
class Clause:
    """A stretch of a sentence between clause breaks: ``start``/``end`` in the sentence."""

    start: int
    end: int
    text: str


def clauses(sentence: str) -> list[Clause]:
    """The clauses of a sentence, split where a new statement begins ("; ", ", which", " but ")."""
    out, at = [], 0
    for match in CLAUSE_BREAK.finditer(sentence):
        if match.start() > at:
            out.append(Clause(at, match.start(), sentence[at : match.start()]))
        at = match.end()
    if at < len(sentence):
        out.append(Clause(at, len(sentence), sentence[at:]))
    return out


@dataclass(frozen=True)
class Claim:
    """What a clause says about a place: the phrase, its kind and the side that gained."""

    phrase: Phrase
    start: int  # the phrase's characters in the sentence
    end: int
    side: str | None


@dataclass
class Reading:
    """How one clause reads for one place: the claim, and everything that weakens it."""

    claim: Claim | None
    partial: bool = False
    drop: list[str] = field(default_factory=list)
    lower: list[tuple[float, str]] = field(default_factory=list)


_OBJECT_OF = re.compile(r"\b(?:from|against|of|on|with)\s+(?:the\s+)?$", re.I)


def side_at(
    text: str, *, before: int | None = None, after: int | None = None, skip_objects: bool = False
) -> str | None:
    """The side named nearest before ``before`` (or first after ``after``) in ``text``; with
    ``skip_objects``, not one that a preposition makes the object ("from rebels")."""
    best: tuple[int, str] | None = None
    for side, pattern in SIDE_PATTERNS.items():
        for match in pattern.finditer(text):
            if side == "isil" and _LOWER_IS.fullmatch(match.group(0)):
                continue
            if skip_objects and _OBJECT_OF.search(text[max(0, match.start() - 14) : match.start()]):
                continue
            if before is not None and match.end() <= before:
                distance = before - match.end()
            elif after is not None and match.start() >= after:
                distance = match.start() - after
            else:
                continue
            if best is None or distance < best[0]:
                best = (distance, side)
    return best[1] if best else None


def other_side(side: str) -> str | None:
    """Who gains when ``side`` loses a place: only defined between government and opposition."""
    return {"government": "opposition", "opposition": "government"}.get(side)


def read_clause(sentence: str, clause: Clause, place_start: int, place_end: int) -> Reading:
    """How ``clause`` of ``sentence`` reads for the place at ``place_start:place_end``."""
    text = clause.text
    offset = clause.start
    here, there = place_start - offset, place_end - offset
    claim = _claim(text, here, there)
    if claim is None:
        return Reading(None)
    reading = Reading(Claim(claim.phrase, claim.start + offset, claim.end + offset, claim.side))
    lead = text[: min(claim.start, here)]
    between = text[claim.end : here] if claim.end <= here else ""
    if claim.phrase.kind == HOLD:
        reading.drop.append(HELD)
    if (PARTIAL.search(between) or SUB_AREA.search(between)) and not FULL.search(between):
        reading.partial = True
    failure = FAILURE.search(lead[-60:]) or FAILURE.search(text[claim.end : claim.end + 25])
    if failure:
        reading.drop.append(f"failure or negation ({failure.group(0)!r}): no change of control")
    elif re.search(r"\b(?:not|no)\s*$", lead[-12:], re.I):
        reading.drop.append("negated: no change of control")
    future = FUTURE.search(lead[-50:])
    if future:
        reading.drop.append(f"the future ({future.group(0)!r}): not yet happened")
    denial = DENIAL.search(sentence)
    if denial:
        reading.drop.append(f"a denial ({denial.group(0)!r}) in the sentence")
    history = HISTORY.search(text)
    if history:
        reading.drop.append(f"an earlier event recalled ({history.group(0)!r})")
    return reading


RUMOUR = re.compile(r"\b(?:allegedly|alleged|unconfirmed|rumou?r(?:s|ed)?|unverified)\b", re.I)


def attribution(sentence: str) -> list[tuple[float, str]]:
    """How much the sentence's attribution lowers a claim's confidence, with the reason."""
    found = []
    rumour = RUMOUR.search(sentence)
    if rumour:
        found.append((0.5, f"unconfirmed ({rumour.group(0)!r})"))
    one_sided = ONE_SIDED.search(sentence)
    if one_sided:
        found.append((0.75, f"attributed to one side or a claim ({one_sided.group(0)!r})"))
    elif MONITOR.search(sentence):
        found.append((0.9, f"attributed to a monitor ({MONITOR.search(sentence).group(0)!r})"))  # type: ignore[union-attr]
    return found


def _claim(text: str, here: int, there: int) -> Claim | None:
    """The control phrase governing the place at ``here:there`` in one clause, with the side."""
    best: tuple[tuple[int, int], Phrase, re.Match[str]] | None = None
    for phrase in PHRASES:
        for match in phrase.pattern.finditer(text):
            if match.end() <= here:
                distance = here - match.end()
            elif phrase.place_before and match.start() >= there:
                distance = match.start() - there
            else:
                continue
            if distance > MAX_DISTANCE:
                continue
            # the nearest phrase; of two as near, the longer says more ("continues to control")
            key = (distance, match.start() - match.end())
            if best is None or key < best[0]:
                best = (key, phrase, match)
    if best is None:
        return None
    _distance, phrase, match = best
    if phrase.actor_after:
        return Claim(phrase, match.start(), match.end(), side_at(text, after=match.end()))
    if phrase.kind == GAIN and re.search(r"\b(?:of|from)$", match.group(0), re.I):
        # "drove rebels from X": the side named inside the phrase is the one that lost
        driven = side_at(match.group(0), after=0)
        if driven is not None:
            return Claim(phrase, match.start(), match.end(), other_side(driven))
    side = subject_side(text, match.start())
    if side is None and phrase.kind == GAIN and not phrase.noun:
        # a verb before its subject, as Arabic puts it: "سيطرت قوات النظام على ..."
        side = side_at(text[match.end() : here], after=0, skip_objects=True)
    if side is None and (phrase.noun or phrase.kind == GAIN):
        # "the capture of X came after government forces...", '"We took X," a rebel commander said'
        side = side_at(text, after=there, skip_objects=True) if phrase.kind == GAIN else None
        if side is None and phrase.noun:
            side = side_at(text, after=match.end(), skip_objects=True)
    if phrase.kind == LOSS and side is not None:
        side = other_side(side)
    return Claim(phrase, match.start(), match.end(), side)


def subject_side(text: str, verb_at: int) -> str | None:
    """The side that is the subject of the verb at ``verb_at``: the first named after the last
    reporting verb before it ("a rebel commander said the army took": the army), else the nearest."""
    start = 0
    for match in REPORTING.finditer(text, 0, verb_at):
        start = match.end()
    first = side_at(text[start:verb_at], after=0) if start < verb_at else None
    return first or side_at(text, before=verb_at)

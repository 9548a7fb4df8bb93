"""The interface catalogue: every string in English and Arabic, none left outside it."""

from __future__ import annotations

import ast
import datetime as dt
import re
import string
import sys
from pathlib import Path

import pytest

from components.control_chart import MEASURES
from components.map_view import PLAYBACK_SPEEDS, PLAYBACK_TEXT_KEYS
from components.url_state import VIEW_KEYS
from geo.changes import CONFIDENCE_LEVELS
from geo.sources import ALIGNMENTS, SOURCE_KINDS
from geo.statuses import DATE_PRECISIONS, STATUSES
from mapui.i18n import LANGUAGES, MissingTranslation, catalogue, date_text, language, t
from mapui.map_scripts import EVIDENCE_TEXT_KEYS, LEGEND_TEXT_KEYS, MAP_TEXT_KEYS

ROOT = Path(__file__).resolve().parents[1]
PLURAL_FORMS = {"en": {"one", "other"}, "ar": {"zero", "one", "two", "few", "many", "other"}}
#: Keys built at run time from a closed vocabulary, with every member they can take.
FAMILIES = {
    "status": STATUSES,
    "confidence": (*CONFIDENCE_LEVELS, "not stated"),
    "precision": DATE_PRECISIONS,
    "date": ("day", "day_long", "weekday", "month", "month_long", "year"),
    "history": ("date", "status", "what", "confidence", "sources"),
    "map": MAP_TEXT_KEYS,
    "map_legend": LEGEND_TEXT_KEYS,
    "evidence": EVIDENCE_TEXT_KEYS,
    "playback": (*PLAYBACK_TEXT_KEYS, *(f"speed_{speed}" for speed in PLAYBACK_SPEEDS)),
    "chart.measure": MEASURES,
    "chart.axis": MEASURES,
    "compare.column": ("district", "before", "changed_on", "sources"),
    "piece": tuple(re.findall(r'contained\("(\w+)"', (ROOT / "dashboard.py").read_text(encoding="utf-8"))),
    "source_kind": SOURCE_KINDS,
    "alignment": ALIGNMENTS,
    "url.expected": VIEW_KEYS,
}
SOURCES = [
    ROOT / "dashboard.py",
    *(
        path
        for package in ("mapui", "components", "static_site", "mapmedia")
        for path in sorted((ROOT / package).glob("*.py"))
    ),
]


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def keys_in_code() -> set[str]:
    found = set()
    for path in SOURCES:
        found |= set(re.findall(r"""\bt\(\s*["']([\w.]*\w)["']""", path.read_text(encoding="utf-8")))
    return found


def test_both_languages_have_the_same_keys():
    english, arabic = set(catalogue("en")), set(catalogue("ar"))
    assert english - arabic == set(), "missing from ar.json"
    assert arabic - english == set(), "missing from en.json"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_entry_is_text_or_has_every_plural_form_of_its_language(lang):
    for key, entry in catalogue(lang).items():
        if isinstance(entry, dict):
            assert set(entry) == PLURAL_FORMS[lang], key
            assert all(isinstance(form, str) for form in entry.values()), key
        else:
            assert isinstance(entry, str) and entry.strip(), key


def test_translations_fill_the_same_fields():
    for key, english in catalogue("en").items():
        arabic = catalogue("ar")[key]
        wanted = set().union(*map(fields, english.values())) if isinstance(english, dict) else fields(english)
        if isinstance(arabic, dict):
            for form, text in arabic.items():
                assert fields(text) <= wanted | {"count"}, (key, form)
            assert set().union(*map(fields, arabic.values())) >= wanted - {"count"}, key
        else:
            assert fields(arabic) == wanted, key


def test_every_key_the_code_uses_exists_and_every_key_is_used():
    used = keys_in_code()
    for family, members in FAMILIES.items():
        used |= {f"{family}.{member}" for member in members}
    assert used - set(catalogue("en")) == set(), "used in the code but not in the catalogue"
    used_prefixes = tuple(k for k in used)
    unused = {k for k in catalogue("en") if k not in used_prefixes and not k.startswith("quality.sourcing.")}
    assert unused == set(), "in the catalogue but never used"


def test_missing_keys_and_plurals_without_a_count_are_errors():
    with pytest.raises(MissingTranslation, match=r"'no\.such\.key' is missing from mapui/locales/ar\.json"):
        t("no.such.key", "ar")
    with pytest.raises(TypeError, match=r"'count\.districts' is a plural entry: pass count=<int>"):
        t("count.districts", "en")
    with pytest.raises(ValueError, match="language 'fr' is not one of en, ar"):
        catalogue("fr")


def test_plural_agreement():
    assert t("count.districts", "en", count=1) == "1 district"
    assert t("count.districts", "en", count=2) == "2 districts"
    arabic = [t("count.districts", "ar", count=n) for n in (0, 1, 2, 3, 11, 100)]
    assert arabic == ["لا أحياء", "حيّ واحد", "حيّان", "3 أحياء", "11 حيًّا", "100 حيّ"]


def test_dates_the_arabic_way():
    day = dt.date(2016, 10, 7)
    assert date_text(day, "en", "weekday") == "Friday 7 October 2016"
    assert date_text(day, "ar", "weekday") == "الجمعة، 7 تشرين الأول 2016"
    assert date_text(dt.date(2012, 1, 5), "ar", "day") == "5 كانون الثاني 2012"
    assert date_text(day, "en", "day") == "7 Oct 2016"


def test_unknown_languages_fall_back_to_english():
    assert language("ar") == "ar" and language("fr") == "en" and language(None) == "en"


# ---- no interface text outside the catalogue --------------------------------------------

#: Streamlit calls whose text arguments a reader sees.
SHOWN = {
    "title", "header", "subheader", "markdown", "caption", "text", "write", "info", "warning", "error",
    "success", "toast", "button", "link_button", "download_button", "expander", "popover", "tabs",
    "checkbox", "toggle", "radio", "selectbox", "multiselect", "slider", "select_slider", "text_input",
    "number_input", "date_input", "text_area", "pills", "segmented_control", "metric", "spinner",
    "set_page_config", "html", "code", "dataframe", "table", "vega_lite_chart",
}  # fmt: skip
SHOWN_KEYWORDS = {"label", "help", "placeholder", "body", "page_title", "caption", "value", "alt"}
#: Keys of chart specs and similar dicts whose string values a reader sees.
SHOWN_DICT_KEYS = {"title", "text", "alt", "label", "description"}
WORDS = re.compile(r"[A-Za-z]{2,}[ ,.:;!?'’-]+[A-Za-z]{2,}")
MARKUP = re.compile(r"<[^>]*(>|$)|&\w+;|\{[^}]*\}")
NOT_SHOWN = {"log", "logger", "logging", "warnings"}  # receivers whose messages go to logs


def literal_text(node: ast.AST) -> list[str]:
    """The literal text parts of an argument: strings, and the fixed parts of f-strings."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [part.value for part in node.values if isinstance(part, ast.Constant) and isinstance(part.value, str)]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return literal_text(node.left) + literal_text(node.right)
    return []


def interface_literals(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant) and key.value in SHOWN_DICT_KEYS and value is not None:
                    found += [
                        f"{path.relative_to(ROOT)}:{node.lineno}: {text!r}"
                        for text in literal_text(value)
                        if WORDS.search(MARKUP.sub(" ", text))
                    ]
            continue
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in SHOWN):
            continue
        if isinstance(node.func.value, ast.Name) and node.func.value.id in NOT_SHOWN:
            continue
        arguments = [*node.args[:1], *(k.value for k in node.keywords if k.arg in SHOWN_KEYWORDS)]
        for argument in arguments:
            for text in literal_text(argument):
                if WORDS.search(MARKUP.sub(" ", text)):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text!r}")
    return found


def test_no_interface_text_is_written_outside_the_catalogue():
    assert [hit for path in SOURCES for hit in interface_literals(path)] == []


def test_the_scan_finds_literal_labels(tmp_path, monkeypatch):
    sample = tmp_path / "sample.py"
    sample.write_text(
        'st.button("Close details", key="x")\n'
        "left.markdown(f\"<b class='a b'>{x}</b> Only here\")\n"
        'st.caption(t("panel.close", lang))\n'
        'log.warning("written to a log")\n'
    )
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert interface_literals(sample) == ["sample.py:1: 'Close details'", "sample.py:2: '</b> Only here'"]


CLASSES = re.compile(r"^[a-z][a-z0-9 -]*$")
CSS = re.compile(r"^[a-z-]+:[^;]*;")


def test_the_map_script_carries_no_interface_text():
    """The map's browser code shows only text handed to it from the catalogue (options.text)."""
    sentence = re.compile(r"""["']([^"'\n]*[A-Za-z]{2,} [A-Za-z]{2,}[^"'\n]*)["']""")
    for path in sorted((ROOT / "mapui").glob("**/*.js")):
        code = re.sub(r"/\*.*?\*/|//[^\n]*", "", path.read_text(encoding="utf-8"), flags=re.S)
        # "use strict", CSS class lists and inline CSS are code, not text
        shown = [
            text
            for text in sentence.findall(code)
            if text != "use strict" and not CLASSES.match(text) and not CSS.search(text)
        ]
        assert shown == [], path.name

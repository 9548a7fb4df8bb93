"""The dashboard's script run headless with Streamlit's AppTest."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from streamlit.testing.v1 import AppTest

from apptest import ROOT, app, plain
from geo.version import data_version
from synthetic import CHANGES, district_features, many_changes, write_theatre

pytestmark = pytest.mark.slow  # every test runs the whole page

EVIL = "<img src=x onerror=alert(1)>"


def markdown_text(at: AppTest) -> str:
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption])


def clear_caches() -> None:
    """Streamlit's cached theatres, and the last one the dashboard remembers beside them."""
    import streamlit as st

    from dashboard_resources import forget_prepared

    st.cache_resource.clear()
    forget_prepared()


def quality_expander(at: AppTest):
    """The data-quality view, opened (its content is drawn only while it is open)."""
    (expander,) = [e for e in at.expander if e.label.startswith("Data quality")]
    assert not expander.markdown  # closed: nothing drawn
    at.session_state["quality"] = True
    at.run()
    (expander,) = [e for e in at.expander if e.label.startswith("Data quality")]
    return expander


def test_date_from_the_url_sets_the_slider(monkeypatch):
    at = app(monkeypatch, date="2016-10-07")
    assert at.slider(key="date").value == dt.date(2016, 10, 7)
    assert not at.warning


def test_default_view_is_the_opening_day_of_the_divided_city_with_no_district(monkeypatch):
    at = app(monkeypatch)
    assert at.slider(key="date").value == dt.date(2016, 10, 7)  # theatre.json's opening_date
    assert "Choose a district on the map" in at.info[0].value
    assert at.query_params["date"] == ["2016-10-07"] or at.query_params["date"] == "2016-10-07"


def test_a_theatre_without_an_opening_date_opens_on_its_last_day(monkeypatch, tmp_path):
    at = app(monkeypatch, write_theatre(tmp_path / "t"))
    assert at.slider(key="date").value == dt.date(2020, 12, 31)


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"date": "2016-13-45"}, "The link's date was ignored: date was '2016-13-45', which is not a real date"),
        (
            {"date": "yesterday"},
            "The link's date was ignored: date was 'yesterday' but is expected to be a date as YYYY-MM-DD.",
        ),
        ({"date": "2020-01-01"}, "The link's date was ignored: date 2020-01-01 is outside 2012-07-01 to 2016-12-31."),
        (
            {"district": "bustan-al-basa"},
            "The link's district was ignored: district_id 'bustan-al-basa' matches no district (did you mean 'bustan-al-basha'?).",
        ),
    ],
)
def test_bad_url_values_are_ignored_with_a_notice(monkeypatch, params, expected):
    at = app(monkeypatch, **params)
    assert len(at.warning) == 1
    assert expected in plain(at.warning[0].value)
    assert at.slider(key="date").value == dt.date(2016, 10, 7)  # the opening date, as with no date


def test_panel_shows_names_status_history_and_sources(monkeypatch):
    at = app(monkeypatch, date="2016-10-07", district="bustan-al-basha")
    text = markdown_text(at)
    assert "## Bustan al-Basha" in plain(text)
    assert "بستان الباشا" in text
    assert "status-contested" in text and "since 6 Oct 2016" in plain(text)
    assert "| 6 Oct 2016 (over several days) | Contested |" in plain(text)
    assert 'status-contested" style="background-color:#F0E442;color:#000000"' in text
    assert "[uproxx\\.com](https://uproxx.com/news/syrian-forces-seize-portion-aleppo/)" in text
    assert "[en\\.alalam\\.ir](https://en.alalam.ir/news/1872616)" in text
    history = next(m.value for m in at.markdown if m.value.startswith("### Control history\n\n| Date |"))
    history = history[history.index("| Date |") :]
    history_rows = [line for line in history.splitlines()[2:] if line.startswith("| ")]
    assert len(history_rows) == 6


def test_day_totals_say_how_many_rest_on_low_confidence(monkeypatch):
    from geo import load_theatre

    theatre = load_theatre(ROOT / "data" / "aleppo")
    total = theatre.status_counts_at("2014-01-01")["opposition"]
    flags = theatre.low_confidence_at("2014-01-01")
    low = int(sum(s == "opposition" for s, f in zip(theatre.state_at("2014-01-01")["status"], flags, strict=True) if f))
    assert 0 < low < total
    text = plain(markdown_text(app(monkeypatch, date="2014-01-01")))
    assert f"<li>Opposition: {total} districts ({low} on low confidence)</li>" in text


def test_panel_says_which_sides_a_district_borders_and_counts_the_evidence(monkeypatch):
    text = plain(markdown_text(app(monkeypatch, date="2016-10-07", district="bustan-al-basha")))
    assert "On this date it borders on districts held by: Government, Opposition and Kurdish (YPG/SDF)" in text
    assert "Sheikh Maqsoud" in text
    assert "Damage sites seen on satellite images (Human Rights Watch): **17 seen by 7 Oct 2016**" in text
    assert "Heritage and civic sites: **" in text
    assert "not of who controlled them" in text


def test_the_borders_and_evidence_read_in_arabic(monkeypatch):
    text = plain(markdown_text(app(monkeypatch, date="2016-10-07", district="bustan-al-basha", lang="ar")))
    assert "في هذا التاريخ يجاور أحياء تحت سيطرة:" in text
    assert "الشيخ مقصود" in text  # neighbours named in Arabic
    assert "طبقات الأدلة في هذا الحيّ" in text
    assert '<span lang="en" dir="ltr">Damage sites seen on satellite images (Human Rights Watch)</span>' in text


def test_panel_shows_other_names_and_where_they_come_from(monkeypatch):
    text = plain(markdown_text(app(monkeypatch, date="2014-01-01", district="muhammad-bek")))
    assert "Also known as: Bab al-Nairab; Bab al-Nayrab" in text
    assert "Names and location from: [en.wikipedia.org](https://en.wikipedia.org/wiki/Bab_al-Nairab)" in text
    unnamed = plain(markdown_text(app(monkeypatch, district="al-besel")))
    assert "gives no Arabic name for al-Besel" in unnamed


def test_previous_and_next_change_buttons(monkeypatch):
    at = app(monkeypatch, date="2016-10-07")
    at.button(key="date-next").click().run()
    assert at.slider(key="date").value == dt.date(2016, 11, 19)
    at.button(key="date-previous").click().run()
    at.button(key="date-previous").click().run()
    assert at.slider(key="date").value == dt.date(2016, 10, 1)


def test_moving_the_slider_updates_the_url(monkeypatch):
    at = app(monkeypatch, date="2016-10-07", district="hanano")
    at.slider(key="date").set_value(dt.date(2016, 11, 26)).run()
    version = data_version(ROOT / "data" / "aleppo")
    assert {k: v[-1] if isinstance(v, list) else v for k, v in at.query_params.items()} == {
        "date": "2016-11-26",
        "district": "hanano",
        "v": version,
    }
    assert "status-government" in markdown_text(at)


def test_closing_the_panel_clears_the_district(monkeypatch):
    at = app(monkeypatch, date="2016-10-07", district="hanano")
    at.button(key="close-district").click().run()
    assert "district" not in at.query_params
    assert "Choose a district on the map" in at.info[0].value


def test_text_from_data_is_escaped_in_the_panel(monkeypatch, tmp_path):
    features = district_features()
    features[0]["properties"]["name_en"] = EVIL
    features[0]["properties"]["alt_names"] = ["**bold** [link](javascript:alert(1))"]
    changes = [dict(CHANGES[0], note="$x$ <script>alert(1)</script> | pipe")]
    folder = write_theatre(tmp_path / "evil", features=features, changes=changes)
    at = app(monkeypatch, folder, date="2020-03-01", district="north-east")
    text = markdown_text(at)
    assert "## \\<img src=x onerror=alert\\(1\\)\\>" in text
    assert "\\*\\*bold\\*\\* \\[link\\]\\(javascript\\:alert\\(1\\)\\)" in text
    assert "\\$x\\$ \\<script\\>alert\\(1\\)\\</script\\> \\| pipe" in text
    assert "<img" not in text.replace("\\<img", "")


def test_bad_theatre_shows_one_readable_error(monkeypatch, tmp_path):
    folder = write_theatre(tmp_path / "broken", changes=[dict(CHANGES[0], district_id="nowhere")])
    at = app(monkeypatch, folder)
    assert len(at.error) == 1
    assert "could not be loaded" in at.error[0].value
    assert "changes.csv row 2: district_id 'nowhere' matches no district" in at.code[0].value
    assert not at.slider


def test_events_near_the_date_and_the_quality_view(monkeypatch):
    at = app(monkeypatch, date="2016-07-20")
    text = plain(markdown_text(at))
    assert "Events within 30 days of 20 July 2016" in text
    assert (
        "- **17 Jul 2016**: Castello Road cut: east Aleppo besieged — The siege of the rebel-held east begins" in text
    )
    assert (
        "[newarab\\.com](https://newarab.com/news/syrian-regime-troops-besiege-rebel-held-parts-aleppo)"
        in markdown_text(at)
    )
    listed = plain("\n".join(m.value for m in at.markdown if m.value.startswith("## Events within")))
    assert "Castello Road cut" in listed
    assert "Evacuation of the last rebel pocket" not in listed  # five months away
    quality = quality_expander(at)
    assert quality.label == "Data quality: how far to trust this map"
    quality_text = plain("\n".join(m.value for m in quality.markdown))
    from geo import load_theatre

    aleppo = load_theatre(ROOT / "data" / "aleppo")
    assert (
        f"{len(aleppo.district_ids)} districts, {len(aleppo.changes)} recorded changes of control, "
        f"{len(aleppo.sources)} sources."
    ) in quality_text
    assert "Known uncertainties" in quality_text and "Old City" in quality_text


def test_validation_warnings_are_shown_in_the_quality_view(monkeypatch, tmp_path):
    features = district_features()
    features[0]["properties"]["name_ar"] = ""
    at = app(monkeypatch, write_theatre(tmp_path / "t", features=features))
    quality_text = plain("\n".join(m.value for m in quality_expander(at).markdown))
    assert "feature 1 (id 'north-east'): name_ar is empty and no name_note says why" in quality_text


def test_panel_rates_each_source_and_shows_where_sources_disagree(monkeypatch):
    text = plain(markdown_text(app(monkeypatch, date="2016-12-10", district="dahret-awwad")))
    assert (
        "[newarab.com](https://newarab.com/english/news/2016/12/6/army-seizes-five-rebel-districts-in-syrias-aleppo)"
        " (regional or local outlet; none known; written by AFP)" in text
    )
    assert (
        "**Sources disagree:** another report gives 4 Dec 2016; disputed by [en.wikipedia.org]"
        "(https://en.wikipedia.org/wiki/Aleppo_offensive_%28November%E2%80%93December_2016%29)"
        " (encyclopedia or mirror; none known)." in text
    )


def test_panel_of_a_district_without_changes_shows_the_initial_status_sources(monkeypatch):
    text = plain(markdown_text(app(monkeypatch, date="2014-01-01", district="al-aziziyeh")))
    assert "since the start of the record" in text
    assert (
        "Initial status from: [en.wikipedia.org](https://en.wikipedia.org/wiki/Battle_of_Aleppo_%282012%E2%80%932016%29)"
        " (encyclopedia or mirror; none known)" in text
    )


def test_panel_names_the_sides_of_a_split_district(monkeypatch):
    text = plain(markdown_text(app(monkeypatch, date="2016-12-31", district="al-ashrafiyeh")))
    assert "Contested</span> between Government and Kurdish (YPG/SDF) since 30 Jul 2016" in text
    assert "| Jul 2016 (day unknown) | Contested between Government and Kurdish (YPG/SDF) |" in text


def test_the_charts_wait_for_the_maps_first_drawing_on_a_new_page_only(monkeypatch):
    """A page's first run leaves out the two charts (the map's report that it has drawn asks for
    them, see mapui/map/district_layer.js); the next run has them whatever caused it."""
    at = app(monkeypatch, date="2016-10-07")
    assert at.get("vega_lite_chart") == []
    assert at.get("component_instance")  # the map is there
    at.slider(key="date").set_value(dt.date(2016, 10, 8)).run()
    assert len(at.get("vega_lite_chart")) == 2


def map_script(at: AppTest) -> str:
    import json

    (component,) = at.get("component_instance")
    return json.loads(component.proto.json_args)["script"]


def test_the_map_fetches_published_shapes_or_carries_them_inline(monkeypatch):
    import components.static_files

    clear_caches()
    assert '"shapesUrl":"app/static/theatres/' in map_script(app(monkeypatch))

    def unwritable(*args, **kwargs):
        raise PermissionError("read-only file system")

    monkeypatch.setattr(components.static_files, "publish", unwritable)
    clear_caches()
    script = map_script(app(monkeypatch))
    assert '"shapesUrl":null' in script and '"shapes":{"type":"FeatureCollection"' in script
    clear_caches()


def test_the_map_library_is_a_static_file_or_travels_inline(monkeypatch):
    import components.static_files
    from mapui.map_scripts import map_library

    clear_caches()
    script = map_script(app(monkeypatch))
    files = re.search(
        r'FrontlinesLoader\.start\(\{"script":"(app/static/map/\w+\.js)","styles":"(app/static/map/\w+\.css)"\}', script
    )
    assert files, script[-2000:]
    for path in files.groups():
        assert (ROOT / "static" / path.removeprefix("app/static/")).is_file()
    assert (ROOT / "static" / files[1].removeprefix("app/static/")).read_text(encoding="utf-8") == map_library()
    assert "FrontlinesMap = " not in script and len(script) < 20_000  # the loader and the options only

    def unwritable(*args, **kwargs):
        raise PermissionError("read-only file system")

    monkeypatch.setattr(components.static_files, "publish", unwritable)
    clear_caches()
    script = map_script(app(monkeypatch))
    assert map_library() in script and "FrontlinesLoader.start(null," in script
    clear_caches()


def test_the_share_link_is_inline_code_not_a_code_block(monkeypatch):
    # st.code's syntax highlighter (1.5 MB of script) delayed the map's first paint
    at = app(monkeypatch, date="2016-10-07", district="bustan-al-basha")
    assert not at.code
    (link,) = [m.value for m in at.markdown if "date=2016-10-07" in m.value]
    assert re.fullmatch(r"`\S*\?date=2016-10-07&district=bustan-al-basha&v=[0-9a-f]{8}`", link)


def test_arabic_interface_from_the_url(monkeypatch):
    at = app(monkeypatch, date="2016-10-07", district="bustan-al-basha", lang="ar")
    text = markdown_text(at)
    assert at.title[0].value == "خطوط الجبهة في حلب"
    assert "## بستان الباشا" in text and 'lang="en" dir="ltr">Bustan al-Basha' in text
    assert "في <strong>7 تشرين الأول 2016</strong>" in text and "متنازع عليه</span> منذ 6 تشرين الأول 2016" in text
    assert "| التاريخ | الوضع | ما حدث | الثقة | المصادر |" in text
    assert "تُرجمت الواجهة وحدها" in text
    settings = [h.proto.body for h in at.get("html") if "frontlines-page-settings" in h.proto.body]
    assert settings and "&quot;dir&quot;:&quot;rtl&quot;" in settings[0]
    assert at.query_params["lang"] in ("ar", ["ar"])


def test_the_language_switch_changes_the_interface_and_the_link(monkeypatch):
    at = app(monkeypatch, date="2016-10-07")
    assert at.title[0].value == "Aleppo Frontlines"
    assert "lang" not in at.query_params
    at.button_group(key="lang").set_value("ar").run()
    assert at.title[0].value == "خطوط الجبهة في حلب"
    assert at.query_params["lang"] in ("ar", ["ar"])
    assert at.slider(key="date").label == "التاريخ"


def test_the_district_list_selects_a_district(monkeypatch):
    at = app(monkeypatch, date="2016-10-07")
    assert [e for e in at.expander if e.label.startswith("All districts on 7 October 2016")]
    assert [g.key for g in at.button_group] == ["lang"]  # the list is drawn only once opened
    at.session_state["district-list"] = True
    at.run()
    from geo import load_theatre

    held = load_theatre(ROOT / "data" / "aleppo").status_counts_at("2016-10-07")["government"]
    assert at.button_group(key="district-list-government").label == f"Government: {held} districts"
    at.button_group(key="district-list-contested").set_value("bustan-al-basha").run()
    assert "## Bustan al-Basha" in plain(markdown_text(at))
    assert at.session_state["view"].district == "bustan-al-basha"


def test_confidence_table_runs_from_low_to_high(monkeypatch):
    at = app(monkeypatch)
    text = "\n".join(m.value for m in quality_expander(at).markdown)
    assert text.index("| low confidence |") < text.index("| medium confidence |") < text.index("| high confidence |")


def test_the_map_lets_the_page_zoom_and_speaks_the_interface_language(monkeypatch):
    import json

    at = app(monkeypatch, lang="ar")
    (component,) = at.get("component_instance")
    args = json.loads(component.proto.json_args)
    assert (
        "user-scalable=no" not in args["header"] and 'content="width=device-width, initial-scale=1"' in args["header"]
    )
    assert '"lang":"ar"' in args["script"] and "استخدم إصبعين لتحريك الخريطة" in args["script"]


def test_a_compare_link_lists_the_changes_and_keeps_both_dates(monkeypatch):
    at = app(monkeypatch, **{"from": "2016-11-15", "date": "2016-12-15"})
    text = plain(markdown_text(at))
    assert "What changed from 15 November 2016 to 15 December 2016" in text
    assert "Government gained" in text and "km²" in text
    assert at.toggle(key="compare").value is True
    assert at.query_params["from"] in ("2016-11-15", ["2016-11-15"])
    assert not at.warning


def test_the_compare_csv_is_named_with_the_data_version_and_licence_like_the_other_downloads(monkeypatch):
    import streamlit as st

    named: dict[str, str] = {}
    original = st.download_button

    def recording(label, *args, **kwargs):
        named[kwargs.get("key", "")] = kwargs.get("file_name", "")
        return original(label, *args, **kwargs)

    monkeypatch.setattr(st, "download_button", recording)
    at = app(monkeypatch, **{"from": "2016-11-15", "date": "2016-12-15"})
    version = data_version(ROOT / "data" / "aleppo")
    assert named["compare-download"] == f"aleppo_changes-2016-11-15-to-2016-12-15_data-{version}_CC-BY-4.0.csv"
    at.session_state["downloads-box"] = True
    at.run()
    assert named["download-1"] == f"aleppo_2016-12-15_data-{version}_CC-BY-4.0.csv"  # the day's CSV, alike


def test_a_bad_compare_date_is_ignored_with_a_notice(monkeypatch):
    at = app(monkeypatch, **{"from": "2016-02-30", "date": "2016-12-15"})
    assert "The link's compare date (from) was ignored" in plain(at.warning[0].value)
    assert at.toggle(key="compare").value is False
    assert "from" not in at.query_params


def test_searching_opens_the_best_match_and_lists_the_others(monkeypatch):
    at = app(monkeypatch, date="2016-10-07")
    at.text_input(key="search").input("hanamo").run()
    assert "## Hanano" in plain(markdown_text(at))
    assert at.query_params["district"] in ("hanano", ["hanano"])
    assert any(b.label == "Hanano Barrack" for b in at.button)
    at.text_input(key="search").input("xqzvvw").run()
    assert "No district matches" in plain(markdown_text(at))


def test_a_links_notices_downloads_and_map_buttons_speak_its_language(monkeypatch):
    import json

    at = app(monkeypatch, date="2016-10-07", district="bustan-al-basha", lang="ar", v="00000000", map="99/1/1")
    warnings = [plain(w.value) for w in at.warning]
    assert warnings[0].startswith("أُنشئ هذا الرابط بإصدار البيانات 00000000")
    assert "تم تجاهل قيمة map في الرابط: '99/1/1'" in warnings[1]
    assert not at.get("download_button")  # drawn once their expander is open
    at.session_state["downloads-box"] = True
    at.run()
    labels = [d.proto.label for d in at.get("download_button")]
    assert labels[-3:] == ["اليوم بصيغة GeoJSON", "اليوم بصيغة CSV", "سجل التغييرات (CSV)"]
    (component,) = at.get("component_instance")
    script = json.loads(component.proto.json_args)["script"]
    assert '"copyLink":"نسخ الرابط"' in script and '"embed":"تضمين"' in script
    assert at.query_params["lang"] in ("ar", ["ar"])


def test_an_embed_keeps_its_language_and_a_bad_language_is_named(monkeypatch):
    at = app(monkeypatch, date="2016-10-07", lang="ar", mode="embed")
    assert len(at.title) == 0  # no chrome
    assert {k: at.query_params[k] for k in ("mode", "lang")} in (
        {"mode": "embed", "lang": "ar"},
        {"mode": ["embed"], "lang": ["ar"]},
    )
    at = app(monkeypatch, lang="fr")
    assert at.title[0].value == "Aleppo Frontlines"
    assert plain(at.warning[0].value) == "The link's lang was ignored: 'fr' is not one of en, ar."
    assert "lang" not in at.query_params


def test_memory_is_collected_in_the_background_not_after_every_run(monkeypatch):
    import threading
    import tomllib

    app(monkeypatch, date="2016-10-07")
    collectors = [t for t in threading.enumerate() if t.name == "frontlines-gc"]
    assert len(collectors) == 1 and collectors[0].daemon and collectors[0].is_alive()
    app(monkeypatch, date="2016-10-08")  # one per process, not one per run
    assert len([t for t in threading.enumerate() if t.name == "frontlines-gc"]) == 1
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["runner"]["postScriptGC"] is False


def test_a_district_with_many_changes_shows_its_latest_and_more_on_request(monkeypatch, tmp_path):
    changes = many_changes(120)
    at = app(monkeypatch, write_theatre(tmp_path / "t", changes=changes), date="2020-12-31", district="north-east")

    def shown() -> list[int]:  # the history's rows (the panel also quotes the latest change's note)
        return sorted({int(n) for n in re.findall(r"change number (\d+)", markdown_text(at))})

    assert shown() == list(range(70, 120))  # the latest 50, in date order
    assert at.button(key="history-earlier").label == "Show earlier changes (70 not shown)"
    at.button(key="history-earlier").click().run()
    assert shown() == list(range(20, 120))
    at.button(key="history-earlier").click().run()
    assert shown() == list(range(120)) and [b for b in at.button if b.key == "history-earlier"] == []


def test_the_arabic_panel_isolates_the_english_runs_of_its_mixed_lines(monkeypatch):
    at = app(monkeypatch, date="2016-10-07", district="bustan-al-basha", lang="ar")
    text = markdown_text(at)
    assert re.search(r"\u2068\[[a-z0-9\\.-]+\]\(https?://", text)  # a source link, isolated
    assert "المصادر مختلفة" in text  # Bustan al-Basha's sources disagree on dates
    disagree = next(line for line in text.splitlines() if "المصادر مختلفة" in line)
    assert re.search(r"\u2068\[[^\]]+\]\(https?://[^)]+\)\u2069", disagree)  # each report in it isolated
    english = markdown_text(app(monkeypatch, date="2016-10-07", district="bustan-al-basha"))
    assert "\u2068" not in english

"""The dashboard under hostile data and running faults (issue 14), with Streamlit's AppTest.

A reader never sees a traceback or a server path: a failing piece of the page shows
its own notice (the details go to the log), and a view the data no longer has is
dropped with a notice, like a bad link value.
"""

from __future__ import annotations

import datetime as dt
import logging
import tomllib

import pytest
from streamlit.testing.v1 import AppTest

from apptest import ROOT, app, plain
from components.text import WORD_JOINER
from synthetic import CHANGES, META, district_features, write_theatre

pytestmark = pytest.mark.slow  # every test runs the whole page

SECRET = "/srv/secret/frontlines/geo/theatre.py"


def everything_shown(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [c.value for c in at.code]
    parts += [e.value for e in at.error] + [w.value for w in at.warning] + [i.value for i in at.info]
    return "\n".join(parts)


def test_blank_lines_in_data_cannot_start_markdown_or_html(monkeypatch, tmp_path):
    hostile = "حي\n\n# Heading\n\n![x](https://tracker.example/pixel.png)\n\n<img src=https://tracker.example/p.png>"
    features = district_features()
    features[0]["properties"].update(name_ar=hostile, name_en="North\n\n# East")
    changes = [dict(CHANGES[0], note="see https://tracker.example/a and www.tracker.example or me@tracker.example")]
    folder = write_theatre(tmp_path / "t", features=features, changes=changes)
    (folder / "events.csv").write_text(
        'date,end_date,title,note,sources\n2020-03-01,,"Siege\n\n# closes ![x](https://tracker.example/e.png)",'
        '"note\n\nhttps://tracker.example/n",wire\n'
    )
    (folder / "sources.csv").write_text("id,url,publisher,published,title\nwire,https://example.org/w,W,,T\n")
    at = app(monkeypatch, folder, date="2020-03-01", district="north-east")
    blocks = [block for m in at.markdown for block in m.value.split("\n\n")]  # an element may hold several
    html_pieces = [block for block in blocks if block.startswith("<")]
    assert html_pieces and all("\n" not in piece for piece in html_pieces)  # each HTML block on one line
    arabic = next(piece for piece in html_pieces if 'dir="rtl"' in piece)
    assert "&lt;img src=https://tracker.example/p.png&gt;" in arabic and "<img" not in arabic
    for line in everything_shown(at).splitlines():
        assert not line.lstrip().startswith(("# ", "![", "<img")), line
    markdown = "\n".join(m.value for m in at.markdown)
    assert f"{WORD_JOINER}https\\://tracker" in markdown and f"{WORD_JOINER}www\\.tracker" in markdown
    assert f"@{WORD_JOINER}tracker" in markdown


def test_a_district_removed_from_the_data_closes_the_panel_with_a_notice(monkeypatch, tmp_path):
    folder = write_theatre(tmp_path / "t")
    at = app(monkeypatch, folder, date="2020-03-01", district="north-east")
    assert any("North East" in m.value for m in at.markdown)
    write_theatre(folder, features=district_features()[1:], changes=[CHANGES[1]])
    at.run()
    assert not at.exception
    assert [plain(w.value) for w in at.warning] == [
        "The district's panel was closed, as the data does not have it: "
        "district_id 'north-east' matches no district (did you mean 'north-west'?)."
    ]
    assert "Choose a district on the map" in at.info[0].value


def test_a_clicked_id_that_is_no_district_is_dropped_with_a_notice(monkeypatch, tmp_path):
    at = app(monkeypatch, write_theatre(tmp_path / "t"))
    at.session_state["view"].district = "<script>"  # what the map's click handler stores
    at.run()
    assert not at.exception
    assert "matches no district" in at.warning[0].value
    assert "district" not in at.query_params


def test_a_date_outside_a_reloaded_range_moves_inside_with_a_notice(monkeypatch, tmp_path):
    folder = write_theatre(tmp_path / "t")
    at = app(monkeypatch, folder, date="2020-12-01")
    write_theatre(folder, meta=dict(META, end_date="2020-06-30"))
    at.run()
    assert not at.exception
    assert at.slider(key="date").value == dt.date(2020, 6, 30)
    assert "The date 2020\\-12\\-01 is outside the reloaded data's range" in at.warning[0].value
    write_theatre(folder, meta=dict(META, end_date="2021-06-30"))  # a wider range keeps the date
    at.run()
    assert at.slider(key="date").value == dt.date(2020, 6, 30) and len(at.warning) == 1


def test_static_payloads_deleted_while_running_are_published_again(monkeypatch, tmp_path):
    features = district_features()
    features[0]["properties"]["name_en"] = f"Marker {tmp_path.name}"
    at = app(monkeypatch, write_theatre(tmp_path / "t", features=features))
    published = [p for p in (ROOT / "static" / "theatres").glob("*.geojson") if tmp_path.name in p.read_text()]
    assert len(published) == 1
    published[0].unlink()
    at.run()
    assert not at.exception and published[0].is_file()


def test_a_file_that_vanishes_from_the_data_folder_is_tolerated(monkeypatch, tmp_path):
    folder = write_theatre(tmp_path / "t")
    (folder / ".~lock.changes.csv#").symlink_to(folder / "gone")  # listed, then gone at stat()
    at = app(monkeypatch, folder)
    assert at.slider(key="date").value == dt.date(2020, 12, 31)


@pytest.mark.parametrize("where", ["geo.theatre.Theatre.events_near", "geo.theatre.Theatre.status_codes_at"])
def test_a_failure_shows_a_notice_never_a_traceback_or_a_server_path(monkeypatch, tmp_path, caplog, where):
    def fail(*args, **kwargs):
        raise RuntimeError(f"unexpected in {SECRET}")

    monkeypatch.setattr(where, fail)
    with caplog.at_level(logging.ERROR, logger="frontlines"):
        at = app(monkeypatch, write_theatre(tmp_path / "t"))
    shown = everything_shown(at)
    assert "could not be shown because of an unexpected problem" in shown
    assert SECRET not in shown and "Traceback" not in shown and str(tmp_path) not in shown
    assert SECRET in caplog.text  # the details are logged
    if where.endswith("events_near"):  # one piece failed: the rest of the page is there
        assert "events list could not be shown" in at.error[0].value
        assert at.slider(key="date") and any("Choose a district" in i.value for i in at.info)


def test_a_missing_data_folder_names_no_server_path(monkeypatch, tmp_path):
    at = app(monkeypatch, tmp_path / "nowhere")
    assert "could not be loaded" in at.error[0].value and "nowhere" in at.error[0].value
    assert str(tmp_path) not in everything_shown(at)


def test_production_settings_hide_error_details():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"


def widget_texts(at: AppTest) -> list[str]:
    """Every label, help text and option text a widget shows (each renders markdown)."""
    texts = []
    for widget in [*at.button, *at.get("button_group"), *at.selectbox, *at.checkbox, *at.toggle, *at.radio]:
        proto = widget.proto
        texts += [getattr(proto, "label", ""), getattr(proto, "help", "")]
        texts += [getattr(option, "content", option) for option in getattr(proto, "options", [])]
    return [str(text) for text in texts if text]


def test_data_text_in_widget_labels_never_formats_itself_or_fetches_anything(monkeypatch, tmp_path):
    beacon = "![x](https://tracker.example/beacon.png) **North**"
    features = district_features()
    features[0]["properties"].update(name_en=f"{beacon} East", name_ar="")
    features[1]["properties"].update(name_en=f"{beacon} West", name_ar="")
    folder = write_theatre(tmp_path / "t", features=features)
    at = app(monkeypatch, folder, date="2020-03-01")
    at.session_state["district-list"] = True  # the keyboard list of every district, as pills
    at.text_input(key="search").set_value("North").run()
    assert not at.exception
    texts = widget_texts(at)
    assert any("tracker" in text for text in texts), "the hostile names are shown in widgets"
    for text in texts:
        assert "![" not in text and "](" not in text and "**" not in text, text


def test_a_repeated_parameter_counts_once_the_first_as_in_the_map_and_the_site(monkeypatch, tmp_path):
    folder = write_theatre(tmp_path / "t")
    at = app(monkeypatch, folder, date=["2020-03-05", "2020-09-01"])  # ?date=2020-03-05&date=2020-09-01
    assert at.session_state["view"].initial_date == dt.date(2020, 3, 5)


def test_files_that_break_under_a_running_server_leave_the_last_good_version_on_show(monkeypatch, tmp_path):
    folder = write_theatre(tmp_path / "t")
    at = app(monkeypatch, folder, date="2020-03-01", district="north-east")
    version = at.session_state["view"]  # the session's view survives the breakage too
    (folder / "changes.csv").write_text("date,district_id,status,note,source_url\n2020-03-01,nowhere,opposition,x,\n")
    at.run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    warnings = [plain(w.value) for w in at.warning]
    assert any(
        w.startswith("The data files now have 2 errors, so the map shows the last version that validated")
        for w in warnings
    ), warnings
    assert any("North East" in m.value for m in at.markdown)  # the panel still shows the district
    assert at.session_state["view"] is version
    write_theatre(folder)  # fixed
    at.run()
    assert not [w for w in at.warning if "data files now have" in w.value]

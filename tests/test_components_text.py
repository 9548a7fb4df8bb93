"""Escaping of text from data or the URL before it reaches markdown or a script."""

import json

from components.js import js_literal
from components.share_link import share_url
from components.text import md_link, md_text


def test_md_text_escapes_markup_and_folds_lines():
    assert md_text("<img src=x onerror=alert(1)>") == r"\<img src=x onerror=alert\(1\)\>"
    assert md_text("**a**\n[b](c) $x$ | :red[y]") == r"\*\*a\*\* \[b\]\(c\) \$x\$ \| \:red\[y\]"


def test_md_link_only_links_http_urls():
    assert md_link("wiki", "https://en.wikipedia.org/wiki/A_(b)") == "[wiki](https://en.wikipedia.org/wiki/A_%28b%29)"
    assert md_link("x", "javascript:alert(1)") == r"javascript\:alert\(1\)"


def test_js_literal_cannot_close_a_script_element():
    text = js_literal({"name": "</script><script>alert(1)</script>", "ar": "بستان\u2028"})
    assert "<" not in text and ">" not in text and "\u2028" not in text
    assert json.loads(text) == {"name": "</script><script>alert(1)</script>", "ar": "بستان\u2028"}


def test_share_url_keeps_only_set_values():
    assert (
        share_url("http://host:8501/?old=1", {"date": "2016-10-07", "district": None})
        == "http://host:8501/?date=2016-10-07"
    )
    assert (
        share_url("http://host/", {"date": "2016-10-07", "district": "bustan-al-basha"})
        == "http://host/?date=2016-10-07&district=bustan-al-basha"
    )


def test_timeline_strip_escapes_event_titles_and_marks_the_date():
    import datetime as dt

    import pandas as pd

    from components.timeline_strip import timeline_html

    events = pd.DataFrame({"date": ["2020-03-10"], "title": ["<script>alert(1)</script> & co"]})
    strip = timeline_html(
        changes_per_month=pd.Series({"2020-01": 0, "2020-02": 4, "2020-03": 2}),
        events=events,
        date=dt.date(2020, 2, 15),
        start=dt.date(2020, 1, 1),
        end=dt.date(2020, 3, 31),
        lang="en",
        link_params={"lang": "ar", "district": None},
    )
    assert "<script>" not in strip and "10 Mar 2020: &lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in strip
    assert strip.count("<rect") == 2  # empty months draw no bar
    assert 'class="timeline-date" style="left:50.0%"' in strip  # 15 Feb: 45 of 90 days
    assert 'href="?lang=ar&amp;date=2020-03-10"' in strip  # an event mark opens its date

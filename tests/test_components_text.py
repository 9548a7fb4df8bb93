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


def test_text_is_one_line_and_bare_urls_are_not_linked():
    from components.text import WORD_JOINER

    text = md_text("a\n\n# heading\n\n![x](https://tracker.example/p.png) www.x.org me@x.org")
    assert "\n" not in text and not text.startswith("#")
    assert f"{WORD_JOINER}https\\://tracker" in text and f"{WORD_JOINER}www\\.x" in text and f"@{WORD_JOINER}x" in text


def test_a_source_url_that_does_not_parse_is_shown_as_text_not_a_crash():
    from components.text import WORD_JOINER as J
    from components.text import source_links

    assert source_links("https://[2001:db8::1/report http://a]b") == (
        f"{J}https\\://\\[2001\\:db8\\:\\:1/report · {J}http\\://a\\]b"
    )
    assert source_links("https://www.example.org/a") == "[example\\.org](https://www.example.org/a)"


def test_html_keeps_only_the_allowed_tags_attributes_and_styles_on_one_line():
    from components.text import clean_html, html_text

    dirty = (
        "<div dir='rtl' onclick='x()' style='font-size:1em;background:url(https://t.example/p.png)'>"
        + html_text("a\n\n# b <img src=x>")
        + "<img src='https://t.example/p.png'><script>alert(1)</script><a href='https://t.example'>l</a></div>"
    )
    assert clean_html(dirty) == '<div dir="rtl" style="font-size:1em">a # b &lt;img src=x&gt;l</div>'


FSI, PDI = "\u2068", "\u2069"


def test_a_data_run_is_isolated_in_a_right_to_left_line_only():
    from components.text import isolated, source_links

    assert isolated("[afp\\.com](https://afp.com/a)", "ar") == FSI + "[afp\\.com](https://afp.com/a)" + PDI
    assert isolated("[afp\\.com](https://afp.com/a)", "en") == "[afp\\.com](https://afp.com/a)"
    assert isolated("", "ar") == ""
    assert source_links("https://afp.com/a https://www.sana.sy/b", lang="ar") == (
        f"{FSI}[afp\\.com](https://afp.com/a){PDI} · {FSI}[sana\\.sy](https://www.sana.sy/b){PDI}"
    )
    assert FSI not in source_links("https://afp.com/a https://www.sana.sy/b")


def test_the_arabic_panel_isolates_each_source_publisher_and_disputing_report():
    import pandas as pd

    from components.district_panel import history_table

    reports = {
        "afp": {"id": "afp", "url": "https://afp.com/a", "publisher": "AFP", "kind": "news agency"},
        "sana": {"id": "sana", "url": "https://www.sana.sy/b", "publisher": "SANA", "alignment": "pro-government"},
    }

    def cite(ids: str) -> list[dict[str, str]]:
        return [reports[i] for i in ids.split() if i in reports]

    history = pd.DataFrame(
        [
            {
                "date": "2016-10-06",
                "date_precision": "day",
                "status": "contested",
                "note": "Fighting in the district",
                "source_url": "https://afp.com/a",
                "confidence": "medium",
                "sources": "afp",
                "alt_date": "2016-10-07",
                "disputed_by": "sana",
                "sides": "",
            }
        ]
    )
    arabic = history_table(history, lang="ar", cite=cite).splitlines()[-1]
    assert f"{FSI}[afp\\.com](https://afp.com/a){PDI} \\(" in arabic  # the link, then its rating in Arabic
    assert (
        "المصادر مختلفة:** يذكر تقرير آخر" in arabic
        and f"ينازع فيه {FSI}[sana\\.sy](https://www.sana.sy/b){PDI}" in arabic
    )
    assert '<span lang="en" dir="ltr">Fighting in the district</span>' in arabic  # the note: an element with dir
    english = history_table(history, lang="en", cite=cite)
    assert FSI not in english and PDI not in english and "disputed by [sana\\.sy](https://www.sana.sy/b)" in english

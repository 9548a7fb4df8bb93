"""Static payloads are named by their content, so a changed file never hides behind an old name."""

from components.static_files import publish


def test_names_follow_the_content(tmp_path):
    first = publish(tmp_path, "theatres", ".timeline.json", '{"codes": "01"}')
    again = publish(tmp_path, "theatres", ".timeline.json", '{"codes": "01"}')
    changed = publish(tmp_path, "theatres", ".timeline.json", '{"codes": "01", "low": "10"}')
    assert first == again != changed
    assert first.startswith("app/static/theatres/") and first.endswith(".timeline.json")
    written = tmp_path / changed.removeprefix("app/static/")
    assert written.read_text(encoding="utf-8") == '{"codes": "01", "low": "10"}'
    assert sorted(p.name for p in (tmp_path / "theatres").iterdir()) == sorted(
        p.removeprefix("app/static/theatres/") for p in (first, changed)
    )

"""What one dashboard process shares between sessions: the live view's turn and the memory collector."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from components.view_model import Memo
from dashboard_resources import DEFAULT_DATA, data_directory, live_view_turn, memory_collector


def test_sessions_take_turns_to_run_the_live_view():
    inside: list[int] = []
    overlaps: list[int] = []

    def session() -> None:
        with live_view_turn():
            inside.append(1)
            if len(inside) > 1:
                overlaps.append(len(inside))
            time.sleep(0.01)
            inside.pop()

    threads = [threading.Thread(target=session) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not overlaps


def test_a_failing_run_gives_up_its_turn():
    try:
        with live_view_turn():
            raise RuntimeError("a piece failed")
    except RuntimeError:
        pass
    done = threading.Event()

    def session() -> None:
        with live_view_turn():
            done.set()

    thread = threading.Thread(target=session)
    thread.start()
    thread.join(timeout=5)
    assert done.is_set()


def test_one_memory_collector_per_process():
    first, again = memory_collector(), memory_collector()
    assert first is again and first.daemon and first.is_alive() and first.name == "frontlines-gc"


def test_the_memo_makes_a_value_once_and_forgets_the_least_recently_used():
    memo = Memo(entries=2)
    made: list[str] = []

    def make(key: str):
        return lambda: made.append(key) or key.upper()

    assert memo.get("a", make("a")) == "A" and memo.get("a", make("a")) == "A"
    memo.get("b", make("b"))
    memo.get("a", make("a"))  # "a" used again: "b" is now the least recent
    memo.get("c", make("c"))
    assert len(memo) == 2
    assert memo.get("a", make("a")) == "A" and memo.get("b", make("b")) == "B"
    assert made == ["a", "b", "c", "b"]


def test_a_memo_needs_room_for_one_entry():
    with pytest.raises(ValueError, match="'entries' was 0 but is expected to be at least 1"):
        Memo(entries=0)


def test_the_data_directory_comes_from_the_arguments_then_the_environment():
    assert data_directory(("--data", "/srv/theatre"), "/elsewhere") == Path("/srv/theatre")
    assert data_directory(("--other", "x"), "/elsewhere") == Path("/elsewhere")
    assert data_directory((), None) == DEFAULT_DATA


def test_the_last_prepared_theatre_is_reused_only_for_the_same_arguments(monkeypatch):
    import dashboard_resources

    calls: list[tuple] = []
    monkeypatch.setattr(dashboard_resources, "prepare", lambda *args: calls.append(args) or f"prepared {len(calls)}")
    dashboard_resources.forget_prepared()
    assert dashboard_resources.last_prepared("data", ("sig",), True) is None
    assert dashboard_resources.prepare_and_remember("data", ("sig",), True) == "prepared 1"
    assert dashboard_resources.last_prepared("data", ("sig",), True) == "prepared 1"
    assert dashboard_resources.last_prepared("data", ("changed",), True) is None  # a new data version
    assert dashboard_resources.last_prepared("data", ("sig",), False) is None
    dashboard_resources.forget_prepared()
    assert dashboard_resources.last_prepared("data", ("sig",), True) is None
    assert calls == [("data", ("sig",), True)]


def test_the_view_model_hands_its_payloads_to_publish_once_and_keeps_their_paths(testville):
    from components.view_model import view_model

    handed: list[dict[str, str]] = []

    def publish(texts: dict[str, str]) -> dict[str, str]:
        handed.append(texts)
        return {suffix: f"app/static/theatres/x{suffix}" for suffix in texts}

    model = view_model(testville, publish=publish)
    assert len(handed) == 1 and handed[0] is model.payloads
    assert {".geojson", ".timeline.json", ".control.json", ".frontline.json"} <= set(model.payloads)
    assert model.published == {suffix: f"app/static/theatres/x{suffix}" for suffix in model.payloads}
    assert set(model.names) == {"en", "ar"} and set(model.names["en"]) == set(testville.district_ids)
    assert sum(len(titles) for titles in model.event_titles.values()) == len(testville.events)


def test_a_view_model_without_static_paths_keeps_its_payloads_inline(testville):
    from components.view_model import view_model

    model = view_model(testville, publish=lambda texts: None)
    assert model.published is None and model.payloads[".geojson"].startswith("{")

"""What one dashboard process shares between sessions: the live view's turn and the memory collector."""

from __future__ import annotations

import threading
import time

from dashboard_resources import live_view_turn, memory_collector


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

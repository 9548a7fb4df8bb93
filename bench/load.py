"""How many readers one server holds: rerun latency, errors, memory and CPU with N concurrent sessions.

Each simulated reader speaks Streamlit's own websocket protocol (the BackMsg and
ForwardMsg messages defined in the ``streamlit`` package), without a browser: it
opens a share link, then scrubs the date slider and now and then clicks a district
(the map component's value), waiting for each rerun to finish and pausing a
reader's think time between actions. A few real Chromium pages scrub alongside and
are checked at the end (map painted, panel and URL agree, no error shown).

    python bench/load.py                      # 10, 50 and 200 sessions, 60 s each, then the 3-minute memory wait
    python bench/load.py --sessions 50 --seconds 60
    python bench/load.py --quick              # 3 sessions for 5 s, no browser, no wait: a smoke run

Per-rerun latency is from sending the rerun request to the server's "script
finished" message. Memory is the server's resident set (RSS): per idle session
with every reader connected and idle, and after all sessions closed and the
server's disconnected-session timeout passed. CPU is the server process's CPU
time during the scrubbing divided by the reruns served.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import threading
import time
from pathlib import Path

import websockets
from common import ROOT, percentile, print_table

from devtools.server import Server
from devtools.session import CLICK_EVERY, SHARE_LINK, Reader, Tally
from geo import load_theatre

DATA = ROOT / "data" / "aleppo"
_CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


class ProcessMeter:
    """The server process's resident memory and CPU time, read from /proc."""

    def __init__(self, pid: int):
        self.pid = pid

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError("no VmRSS")

    def cpu_s(self) -> float:
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS


async def run_readers(url: str, sessions: int, seconds: float, think_s: float, meter: ProcessMeter) -> dict:
    """Open ``sessions`` readers, let them act for ``seconds``, measure them idle, then close them."""
    tally = Tally()
    districts = load_theatre(DATA).district_ids
    readers = [Reader(url, tally, random.Random(i), districts) for i in range(sessions)]
    before_mb = meter.rss_mb()
    for start in range(0, sessions, 10):  # open in small waves, as readers arrive
        results = await asyncio.gather(*(r.open() for r in readers[start : start + 10]), return_exceptions=True)
        tally.errors += [f"open: {e!r}" for e in results if isinstance(e, BaseException)]
    tally.latencies_ms.clear()  # the share link's first run is reported apart (first_ms below)
    deadline = time.monotonic() + seconds
    cpu_before, served_before = meter.cpu_s(), len(tally.latencies_ms)

    async def keep_acting(reader: Reader) -> None:
        while time.monotonic() < deadline:
            await asyncio.sleep(reader.rng.uniform(0.5, 1.5) * think_s)
            try:
                await reader.act()
            except (websockets.WebSocketException, TimeoutError, OSError) as exc:
                tally.errors.append(f"act: {exc!r}")
                return

    await asyncio.gather(*(keep_acting(r) for r in readers))
    cpu_per_rerun_ms = (meter.cpu_s() - cpu_before) * 1000 / max(len(tally.latencies_ms) - served_before, 1)
    await asyncio.sleep(5)  # every reader connected and idle
    idle_mb = meter.rss_mb()
    await asyncio.gather(*(r.close() for r in readers), return_exceptions=True)
    return {
        "sessions": sessions,
        "reruns": len(tally.latencies_ms),
        "p50": percentile(tally.latencies_ms, 50),
        "p95": percentile(tally.latencies_ms, 95),
        "errors": tally.errors,
        "cpu_ms": cpu_per_rerun_ms,
        "idle_mb_per_session": (idle_mb - before_mb) / sessions,
        "idle_mb": idle_mb,
    }


def browsers_alongside(url: str, count: int, stop: threading.Event, results: list[str]) -> None:
    """Real Chromium pages that scrub once a second until ``stop``, then check what they show."""
    from playwright.sync_api import sync_playwright

    from devtools.assets import ensure_packages, offline_context
    from devtools.browser import LAUNCH_ARGS, find_chromium
    from devtools.server import map_frame

    ensure_packages()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=LAUNCH_ARGS)
        pages = []
        for _ in range(count):
            page = offline_context(browser, viewport={"width": 1400, "height": 1000}).new_page()
            page.goto(f"{url}/?{SHARE_LINK}")
            pages.append((page, map_frame(page, timeout_s=120)))
        while not stop.wait(1.0):
            for page, _ in pages:
                page.get_by_role("slider").focus()
                page.keyboard.press("ArrowRight")
        for page, frame in pages:
            page.wait_for_timeout(3000)
            shown_date = frame.evaluate("window.frontlines.date")
            url_date = page.evaluate("new URLSearchParams(location.search).get('date')")
            painted = frame.evaluate("document.querySelectorAll('path.district[data-status]').length")
            text = page.inner_text("[data-testid=stMain]")
            ok = (
                shown_date == url_date
                and painted == 127
                and "Bustan al-Basha" in text
                and "could not be shown" not in text
                and "Traceback" not in text
            )
            results.append("correct" if ok else f"WRONG (map {shown_date}, URL {url_date}, {painted} paths)")
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", default="10,50,200", help="comma-separated session counts (default: %(default)s)")
    parser.add_argument("--seconds", type=float, default=60, help="scrubbing time per count (default: %(default)s)")
    parser.add_argument("--think", type=float, default=1.0, help="mean pause between a reader's actions, s")
    parser.add_argument("--browsers", type=int, default=2, help="real Chromium pages alongside (default: %(default)s)")
    parser.add_argument("--memory-wait", type=float, default=180, help="s after the last close before measuring")
    parser.add_argument("--ttl", type=float, default=120, help="server.disconnectedSessionTTL, s (Streamlit's default)")
    parser.add_argument(
        "--malloc-arena-max",
        type=int,
        default=2,
        help="MALLOC_ARENA_MAX for the server, as scripts/start.sh sets it (0: glibc's default)",
    )
    parser.add_argument("--quick", action="store_true", help="3 sessions for 5 s, no browser, no wait")
    args = parser.parse_args()
    if args.quick:
        args.sessions, args.seconds, args.browsers, args.memory_wait = "3", 5, 0, 0
    counts = [int(n) for n in args.sessions.split(",")]

    if args.malloc_arena_max:
        os.environ["MALLOC_ARENA_MAX"] = str(args.malloc_arena_max)  # inherited by the server
    server = Server(DATA, options=("--server.disconnectedSessionTTL", str(int(args.ttl))))
    try:
        meter = ProcessMeter(server.process.pid)
        warm = asyncio.run(run_readers(server.url, 1, 1, 0.2, meter))  # loads the theatre and imports everything
        baseline_mb = meter.rss_mb()
        print(f"Machine load average before the run: {load_average()} (the machine may be shared).")
        print(
            f"Load: Aleppo ({len(load_theatre(DATA).district_ids)} districts), one `streamlit run` server; each reader "
            f"opens a share link, then every {args.think:g} s on average moves the date or (1 in {CLICK_EVERY}) clicks "
            f"a district, for {args.seconds:g} s. Server RSS after warm-up: {baseline_mb:.0f} MB "
            f"(first rerun {warm['p50']:.0f} ms)."
        )
        rows, browser_notes = [], []
        for count in counts:
            stop, results = threading.Event(), list[str]()
            watcher = threading.Thread(target=browsers_alongside, args=(server.url, args.browsers, stop, results))
            if args.browsers:
                watcher.start()
                time.sleep(10)  # the pages have painted before the readers arrive
            level = asyncio.run(run_readers(server.url, count, args.seconds, args.think, meter))
            stop.set()
            if args.browsers:
                watcher.join()
                browser_notes.append(f"{count} sessions: {args.browsers} Chromium pages {', '.join(results)}")
            rows.append(
                [
                    f"{count}",
                    f"{level['reruns']:,}",
                    f"{level['p50']:.0f}",
                    f"{level['p95']:.0f}",
                    f"{len(level['errors'])}",
                    f"{level['cpu_ms']:.1f}",
                    f"{level['idle_mb_per_session']:.2f}",
                    f"{level['idle_mb']:.0f}",
                ]
            )
            for error in sorted(set(level["errors"]))[:5]:
                print(f"  error at {count} sessions: {error}")
        headers = ["sessions", "reruns", "rerun p50 ms", "rerun p95 ms", "errors", "server CPU ms/rerun"]
        print_table([*headers, "RSS MB per idle session", "RSS MB, all idle"], rows)
        cpu_ms = min(float(row[5]) for row in rows)
        print(
            f"Capacity: at {cpu_ms:.0f} ms of server CPU per rerun, one process (its script runs share one core "
            f"under Python's GIL) serves about {1000 / cpu_ms:.0f} reruns/s, about {700 / cpu_ms * args.think:.0f} "
            f"readers acting every {args.think:g} s at 70 % of a core. Load average at the end: {load_average()}."
        )
        for note in browser_notes:
            print(note)
        if args.memory_wait:
            closed_mb = meter.rss_mb()
            time.sleep(args.memory_wait)
            after_mb = meter.rss_mb()
            print(
                f"Memory: baseline {baseline_mb:.0f} MB; right after the last close {closed_mb:.0f} MB; "
                f"{args.memory_wait:g} s later (disconnected-session timeout {args.ttl:g} s) {after_mb:.0f} MB "
                f"({(after_mb - baseline_mb) / baseline_mb:+.1%} of the baseline)."
            )
    finally:
        server.stop()


if __name__ == "__main__":
    main()

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
    python bench/load.py --replicas 2         # two replicas behind the deployment's nginx (deploy/nginx)

With ``--replicas 2`` the readers reach two servers through nginx on loopback, configured by
the deployment's own file (frontlines_dev/nginx.py), as compose.yaml runs them: each reader connects
from a loopback address of its own (127.0.0.2, 127.0.0.3, ...), since nginx places a new
reader on a replica by its client address. Memory and CPU are then the replicas' sums.

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
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import websockets
from common import ROOT, percentile, print_table

from frontlines_dev.nginx import Nginx
from frontlines_dev.server import Server, free_port
from frontlines_dev.session import CLICK_EVERY, SHARE_LINK, Reader, Tally
from geo import load_theatre

DATA = ROOT / "data" / "aleppo"
_CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


class ProcessMeter:
    """The server processes' resident memory and CPU time (summed), read from /proc."""

    def __init__(self, *pids: int):
        self.pids = pids

    def rss_mb(self) -> float:
        return sum(self._rss_mb(pid) for pid in self.pids)

    def cpu_s(self) -> float:
        return sum(self._cpu_s(pid) for pid in self.pids)

    @staticmethod
    def _rss_mb(pid: int) -> float:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError("no VmRSS")

    @staticmethod
    def _cpu_s(pid: int) -> float:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS


class Deployment:
    """One ``streamlit run`` server, or two replicas under a sub-path behind nginx on loopback."""

    BASE = "aleppo"

    def __init__(self, *, replicas: int, options: tuple[str, ...]):
        if replicas not in (1, 2):
            raise ValueError(f"'replicas' was {replicas} but is expected to be 1 or 2")
        self.proxy: Nginx | None = None
        self.servers: list[Server] = []
        try:
            if replicas == 1:
                self.servers.append(Server(DATA, options=options))
                self.url = self.servers[0].url
            else:
                self.servers += [Server(DATA, options=options, base_path=self.BASE) for _ in range(2)]
                port = free_port()
                self.proxy = Nginx(
                    Path(tempfile.mkdtemp(prefix="frontlines-load-nginx-")),
                    port=port,
                    base_path=f"/{self.BASE}",
                    replicas=[f"127.0.0.1:{s.port}" for s in self.servers],
                )
                self.url = f"http://127.0.0.1:{port}/{self.BASE}"
        except BaseException:
            self.stop()
            raise
        self.meter = ProcessMeter(*(s.process.pid for s in self.servers))

    def sessions_per_replica(self) -> list[int]:
        """How many websockets nginx has sent to each replica so far (from its access log)."""
        if self.proxy is None:
            return []
        counts = Counter(self.proxy.upstreams("/_stcore/stream"))
        return [counts[f"127.0.0.1:{s.port}"] for s in self.servers]

    def stop(self) -> None:
        if self.proxy is not None:
            self.proxy.stop()
        for server in self.servers:
            server.stop()


def reader_address(index: int) -> str:
    """A loopback address of reader ``index``'s own (127.0.0.2 onwards)."""
    number = index + 2
    return f"127.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}"


async def run_readers(url: str, sessions: int, seconds: float, think_s: float, meter: ProcessMeter) -> dict:
    """Open ``sessions`` readers, let them act for ``seconds``, measure them idle, then close them."""
    tally = Tally()
    districts = load_theatre(DATA).district_ids
    readers = [Reader(url, tally, random.Random(i), districts, from_address=reader_address(i)) for i in range(sessions)]
    before_mb = meter.rss_mb()
    for start in range(0, sessions, 10):  # open in small waves, as readers arrive
        results = await asyncio.gather(*(r.open() for r in readers[start : start + 10]), return_exceptions=True)
        tally.errors += [f"open: {e!r}" for e in results if isinstance(e, BaseException)]
    tally.latencies_ms.clear()  # the share link's first run is reported apart (first_ms below)
    deadline = time.monotonic() + seconds
    cpu_before, served_before = meter.cpu_s(), len(tally.latencies_ms)
    readers_cpu_before = time.process_time()  # the simulated readers' own CPU, on the same machine

    async def keep_acting(reader: Reader) -> None:
        while time.monotonic() < deadline:
            await asyncio.sleep(reader.rng.uniform(0.5, 1.5) * think_s)
            try:
                await reader.act()
            except (websockets.WebSocketException, TimeoutError, OSError) as exc:
                tally.errors.append(f"act: {exc!r}")
                return

    await asyncio.gather(*(keep_acting(r) for r in readers))
    served = max(len(tally.latencies_ms) - served_before, 1)
    cpu_per_rerun_ms = (meter.cpu_s() - cpu_before) * 1000 / served
    readers_cpu_per_rerun_ms = (time.process_time() - readers_cpu_before) * 1000 / served
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
        "readers_cpu_ms": readers_cpu_per_rerun_ms,
        "idle_mb_per_session": (idle_mb - before_mb) / sessions,
        "idle_mb": idle_mb,
    }


def browsers_alongside(url: str, count: int, stop: threading.Event, results: list[str]) -> None:
    """Real Chromium pages that scrub once a second until ``stop``, then check what they show."""
    from playwright.sync_api import sync_playwright

    from frontlines_dev.assets import ensure_packages, offline_context
    from frontlines_dev.browser import LAUNCH_ARGS, find_chromium
    from frontlines_dev.server import map_frame

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
    parser.add_argument(
        "--replicas", type=int, choices=(1, 2), default=1, help="servers; 2: behind nginx (default: %(default)s)"
    )
    parser.add_argument("--quick", action="store_true", help="3 sessions for 5 s, no browser, no wait")
    args = parser.parse_args()
    if args.quick:
        args.sessions, args.seconds, args.browsers, args.memory_wait = "3", 5, 0, 0
    counts = [int(n) for n in args.sessions.split(",")]

    if args.malloc_arena_max:
        os.environ["MALLOC_ARENA_MAX"] = str(args.malloc_arena_max)  # inherited by the server
    server = Deployment(replicas=args.replicas, options=("--server.disconnectedSessionTTL", str(int(args.ttl))))
    try:
        meter = server.meter
        warm = asyncio.run(run_readers(server.url, 4 * args.replicas, 1, 0.2, meter))  # theatre loaded, imports done
        baseline_mb = meter.rss_mb()
        print(f"Machine load average before the run: {load_average()} (the machine may be shared).")
        print(
            f"Load: Aleppo ({len(load_theatre(DATA).district_ids)} districts), "
            + ("one `streamlit run` server" if args.replicas == 1 else "two replicas behind nginx")
            + "; each reader "
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
            placed = server.sessions_per_replica()
            level = asyncio.run(run_readers(server.url, count, args.seconds, args.think, meter))
            browser_notes.append(
                f"{count} sessions: the simulated readers themselves used {level['readers_cpu_ms']:.1f} ms of CPU "
                "per rerun (this process, on the same cores as the servers)"
            )
            if placed:
                spread = [after - before for before, after in zip(placed, server.sessions_per_replica(), strict=True)]
                browser_notes.append(f"{count} sessions: nginx placed " + " and ".join(map(str, spread)))
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

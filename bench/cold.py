"""Cold start of a replica: a fresh `streamlit run` process, from its start to its first painted page.

With the on-disk theatre cache (geo.cache) warm, as for a new replica of a data version already
loaded once (or a container image built with `python -m geo cache`), and with an empty cache.
The warm start also behind the deployment's nginx, already running, which serves Streamlit's
frontend bundle itself (deploy/nginx/frontlines.conf.template). Then, for the warm start
(direct), where the time went: the first page's steps (bench/first_paint.py's,
counted from the process's start) and the first script run's largest costs, from a further
fresh process whose first run is profiled (bench/profiled_dashboard.py; cProfile slows the run
down, so its figures are shares rather than times).

    python bench/cold.py                         # Aleppo and 10,000 districts x 1,000,000 changes
    python bench/cold.py --sizes aleppo --no-profile
    python bench/cold.py --sizes 10000 --caches warm
"""

from __future__ import annotations

import argparse
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, StreamingTable, synthetic
from first_paint import one_session

from frontlines_dev.assets import ensure_packages, offline_context
from frontlines_dev.browser import LAUNCH_ARGS, find_chromium
from frontlines_dev.nginx import Nginx, find_nginx
from frontlines_dev.server import Server, free_port

PAINT = "last change of the map's paths (first paint)"
LINK = "/?date=2013-01-01"
BASE = "aleppo"  # the sub-path behind nginx


def first_page(browser, data: Path, cache: str, *, warm: bool, proxy_folder: Path | None = None) -> dict[str, float]:
    """The first page's steps in ms since the process started (``healthy``, then first_paint's).

    With ``proxy_folder``, the process is a replica behind the deployment's nginx, which runs
    already (it outlives replicas) and serves Streamlit's frontend bundle itself."""
    os.environ["FRONTLINES_CACHE"] = cache
    port = free_port()
    proxy = None
    if proxy_folder is not None:
        replica = f"127.0.0.1:{port}"
        proxy = Nginx(proxy_folder, port=free_port(), base_path=f"/{BASE}", replicas=[replica, replica])
    try:
        start = time.perf_counter()
        server = Server(data, warm=warm, port=port, base_path=BASE if proxy else "")
        healthy = (time.perf_counter() - start) * 1000
        try:
            url = f"http://localhost:{proxy.port}/{BASE}" if proxy else server.url
            steps = one_session(browser, url + LINK)
            return {"process start to healthy": healthy, **{k: healthy + v for k, v in steps.items()}}
        finally:
            server.stop()
    finally:
        if proxy is not None:
            proxy.stop()


def profile_first_run(browser, data: Path, cache: str, profile: str, *, warm: bool) -> None:
    """A fresh process's first script run, profiled into ``profile``. Only the server's side counts:
    with bench/ as the main script's folder, Streamlit serves another static/ and the map stays empty.
    With ``warm``, started as serve.py starts the dashboard, the first run comes after the warm-up."""
    os.environ["FRONTLINES_CACHE"] = cache
    server = Server(
        data,
        script=ROOT / "bench" / "profiled_dashboard.py",
        env={"FRONTLINES_PROFILE": profile},
        launcher="bench.profiled_serve" if warm else None,
    )
    if warm:  # the first reader after the warm-up, as in production; a page opened at once would wait for it
        deadline = time.monotonic() + 120
        while "warm start:" not in Path(server.log.name).read_text() and time.monotonic() < deadline:
            time.sleep(0.2)
    try:
        context = offline_context(browser)
        context.new_page().goto(server.url + LINK)
        deadline = time.monotonic() + 300
        while not Path(profile + ".times").exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        context.close()
    finally:
        server.stop()


def warm_cache(data: Path, cache: str) -> None:
    """What the image build (or a previous process) leaves: `python -m geo cache`."""
    env = {**os.environ, "FRONTLINES_CACHE": cache}
    subprocess.run([sys.executable, "-m", "geo", "cache", "--data", str(data)], cwd=ROOT, env=env, check=True)


def print_steps(steps: dict[str, float]) -> None:
    print("  the warm first page, ms since the process started:")
    width = max(map(len, steps))
    previous = 0.0
    for name, at in sorted(steps.items(), key=lambda item: item[1]):
        print(f"    {name.ljust(width)}  {at:8.0f}  (+{at - previous:.0f})")
        previous = at


def print_costs(path: str, top: int = 14) -> None:
    """The profiled first run: its imports and the project's own functions with the most cumulative time."""
    stats = pstats.Stats(path)
    entries = stats.stats  # type: ignore[attr-defined]
    total = stats.total_tt  # type: ignore[attr-defined]

    def cumulative_of(test) -> list[tuple[float, str]]:
        return sorted(
            (
                (value[3], f"{Path(f).relative_to(ROOT) if f.startswith(str(ROOT)) else f}:{line}({name})")
                for (f, line, name), value in entries.items()
                if test(f, name)
            ),
            reverse=True,
        )

    imports = cumulative_of(lambda f, name: name == "_find_and_load")
    modules = cumulative_of(  # top-level packages' imports, each including what it imports in turn
        lambda f, name: name == "<module>"
        and f.split("site-packages/")[-1].count("/") == 1
        and f.endswith("__init__.py")
    )
    own = cumulative_of(
        lambda f, name: f.startswith(str(ROOT))
        and "site-packages" not in f
        and "/bench/" not in f
        and name != "<module>"
    )
    print(f"  the first script run, profiled: {total:.2f} s in all (shares of it below)")
    if imports:
        print(f"    {'imports (all)':60s} {imports[0][0] / total:6.0%}")
    for seconds, where in modules[:6]:
        package = where.split("site-packages/")[-1].split("/__init__")[0]
        print(f"    {'  import ' + package:60s} {seconds / total:6.0%}")
    for seconds, where in own[:top]:
        print(f"    {where[:60]:60s} {seconds / total:6.0%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="aleppo,10000")
    parser.add_argument("--caches", default="empty,warm", help="which starts to time (the breakdown is the warm one's)")
    parser.add_argument("--no-profile", action="store_true", help="skip the profiled run")
    parser.add_argument(
        "--no-nginx", action="store_true", help="skip the warm start of a replica behind nginx (bundle from nginx)"
    )
    parser.add_argument(
        "--plain", action="store_true", help="start by `streamlit run dashboard.py`, without serve.py's warm start"
    )
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    ensure_packages()
    launch = "`streamlit run dashboard.py`" if args.plain else "`python -m serve` (warm start)"
    print(f"Cold start: a fresh {launch} process to its first painted share link (ms)")
    table = StreamingTable(["theatre", "cache", "served", "process start to healthy", "process start to first paint"])
    details = []
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as scratch:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=LAUNCH_ARGS)
        for size in args.sizes.split(","):
            data = ROOT / "data" / "aleppo" if size == "aleppo" else synthetic(int(size), int(size) * 100)
            name = "Aleppo" if size == "aleppo" else f"{int(size):,} x {int(size) * 100:,}"
            if "empty" in args.caches:
                steps = first_page(browser, data, os.path.join(scratch, f"empty-{size}"), warm=not args.plain)
                table.row([name, "empty", "direct", f"{steps['process start to healthy']:.0f}", f"{steps[PAINT]:.0f}"])
            if "warm" not in args.caches:
                continue
            warm = os.path.join(scratch, f"warm-{size}")
            warm_cache(data, warm)
            steps = first_page(browser, data, warm, warm=not args.plain)
            table.row([name, "warm", "direct", f"{steps['process start to healthy']:.0f}", f"{steps[PAINT]:.0f}"])
            if not args.no_nginx and find_nginx() is not None:
                behind = first_page(
                    browser, data, warm, warm=not args.plain, proxy_folder=Path(scratch) / f"nginx-{size}"
                )
                healthy, painted = behind["process start to healthy"], behind[PAINT]
                table.row([name, "warm", "behind nginx", f"{healthy:.0f}", f"{painted:.0f}"])
            profile = None
            if not args.no_profile:
                profile = os.path.join(scratch, f"profile-{size}")
                profile_first_run(browser, data, warm, profile, warm=not args.plain)
            details.append((name, steps, profile))
        browser.close()
        for name, steps, profile in details:
            print(f"\n{name}")
            print_steps(steps)
            if profile:
                print_costs(profile)


if __name__ == "__main__":
    main()

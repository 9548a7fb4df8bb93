"""A dashboard server on localhost and the map's iframe, for browser tests and benchmarks."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parents[1]


def stop_process(process: subprocess.Popen, log: IO) -> None:
    """Stop a server started with its output in ``log`` (politely, then by force) and close the log; once."""
    if log.closed:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


def free_port() -> int:
    """A loopback port free at the time of asking."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """The dashboard on loopback, started warm (``python -m serve``); another ``script`` by
    ``streamlit run``. ``data=None`` runs it as Streamlit Community Cloud does: ``streamlit run
    dashboard.py``, no arguments after the script. ``port`` reuses a port (a replica restarted); ``env`` adds
    environment variables; ``base_path`` is Streamlit's server.baseUrlPath (e.g. "aleppo");
    ``warm=False`` starts the dashboard by ``streamlit run`` too (the cold start benchmark's comparison);
    ``launcher``, a module run with ``python -m`` instead (one that calls :func:`serve.main`)."""

    def __init__(
        self,
        data: Path | None,
        *,
        script: Path = ROOT / "dashboard.py",
        options: tuple[str, ...] = (),
        port: int | None = None,
        base_path: str = "",
        env: dict[str, str] | None = None,
        warm: bool = True,
        launcher: str | None = None,
    ):
        self.port = port or free_port()
        self.url = f"http://localhost:{self.port}"
        health = f"http://127.0.0.1:{self.port}/{base_path + '/' if base_path else ''}_stcore/health"
        # Kept open for the server's lifetime; closed in stop().
        log_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"frontlines-streamlit-{self.port}.log"
        self.log = open(log_path, "w+")  # noqa: SIM115
        if data is None:  # as Streamlit Community Cloud runs it: the settings come from the environment
            command = [sys.executable, "-m", "streamlit", "run", "dashboard.py"]
            env = {
                "STREAMLIT_SERVER_PORT": str(self.port),
                "STREAMLIT_SERVER_ADDRESS": "127.0.0.1",
                **(env or {}),
            }
        else:  # the dashboard started warm, as scripts/start.sh and the Dockerfile start it (serve.py)
            launcher = launcher or ("serve" if warm and script == ROOT / "dashboard.py" else None)
            launch = [launcher] if launcher else ["streamlit", "run", str(script)]
            command = [
                sys.executable,
                "-m",
                *launch,
                "--server.headless",
                "true",
                "--server.port",
                str(self.port),
                "--server.address",
                "127.0.0.1",
                "--browser.gatherUsageStats",
                "false",
                *(("--server.baseUrlPath", base_path) if base_path else ()),
                *options,
                "--",
                "--data",
                str(data),
            ]
        clean = {k: v for k, v in os.environ.items() if k != "FRONTLINES_DATA" or data is not None}
        self.process = subprocess.Popen(
            command, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT, env={**clean, **(env or {})}
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                with urllib.request.urlopen(health, timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.log.seek(0)
        output = self.log.read()
        self.stop()
        raise RuntimeError(f"streamlit did not start:\n{output}")

    def stop(self) -> None:
        stop_process(self.process, self.log)


def map_frame(page, *, timeout_s: float = 30.0):
    """The streamlit-folium iframe, once its districts are drawn and styled.

    An iframe replaced meanwhile (the page reconnected to a server and drew the map again) is
    looked for again, within the same time.
    """
    from playwright.sync_api import Error

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for frame in page.frames:
            if ("streamlit_folium" in frame.url or "st_folium" in frame.url) and not frame.is_detached():
                try:
                    frame.wait_for_function(
                        "window.frontlines && window.frontlines.date !== null",
                        timeout=max(deadline - time.monotonic(), 0.1) * 1000,
                    )
                except Error:
                    if not frame.is_detached():
                        raise
                    break
                return frame
        page.wait_for_timeout(100)
    raise AssertionError("the map's iframe never appeared")


def click_district(page, frame, district_id: str) -> None:
    """Click a district as a person would: scrolled into view, then on a point inside its shape.

    The middle of a shape's bounding box can lie outside a concave shape, and
    Streamlit scrolls smoothly (a click during the scroll reaches Leaflet as a drag).
    """
    path = frame.locator(f"path.district-{district_id}")
    path.scroll_into_view_if_needed()
    page.wait_for_timeout(400)
    offset = path.evaluate("""(el) => {
        const box = el.getBoundingClientRect();
        for (let fy = 0.5, i = 0; i < 9; i++, fy = 0.1 + 0.1 * i) {
          for (let fx = 0.5, j = 0; j < 9; j++, fx = 0.1 + 0.1 * j) {
            const x = box.left + box.width * fx, y = box.top + box.height * fy;
            if (document.elementFromPoint(x, y) === el) { return {x: x - box.left, y: y - box.top}; }
          }
        }
        return null;
    }""")
    if offset is None:
        raise AssertionError(f"no visible point of district {district_id!r} to click")
    path.click(position=offset)

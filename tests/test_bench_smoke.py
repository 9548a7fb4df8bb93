"""The benchmarks still run (a smoke test: no timing is asserted, benchmarks only print)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_benchmarks_run_at_the_smallest_size():
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick"], capture_output=True, text=True, timeout=900
    )
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "status codes at a date" in out
    assert re.search(r"\|\s+130 \|\s+13,000 \|\s+restyle \|", out)
    assert "rebuild" in out and "x |" in out  # the side-by-side row and its ratio
    assert re.search(r"\|\s+130 \|\s+13,000 \|\s+\d+ \|", out)  # playback frames per second (bench/playback.py)
    assert re.search(r"\|\s+130 \|\s+13,000 \|\s+\d+ \|", out)  # the static site's row
    assert re.search(r"\|\s+Aleppo \|\s+warm \|", out)  # cold start with the cache
    assert re.search(r"\|\s+Aleppo \|\s+\d+ \|\s+week \|\s+mp4 \|\s+\d+ \|", out)  # bench/timelapse.py
    for page in ("one line of text", "a Folium map of the shapes", "the dashboard"):  # bench/floor.py
        assert re.search(rf"\|\s+{page} \|\s+direct \|\s+\d+ \|\s+\d+ \|", out)
    assert re.search(r"\|\s+all \|\s+confidence ≥ 0.5 \|\s+[\d.]+ \|\s+[\d.]+ \|", out)  # bench/propose.py


@pytest.mark.slow
def test_the_load_benchmark_runs_against_two_replicas_behind_nginx():
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "load.py"), "--quick", "--replicas", "2"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "two replicas behind nginx" in result.stdout
    assert re.search(r"\|\s+3 \|\s+\d+ \|\s+\d+ \|\s+\d+ \|\s+0 \|", result.stdout)  # three readers, no error
    placed = re.search(r"3 sessions: nginx placed (\d+) and (\d+)", result.stdout)
    assert placed and int(placed[1]) + int(placed[2]) == 3  # every reader's websocket went through nginx

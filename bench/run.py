"""Run every benchmark and print its tables: the one documented command.

python bench/run.py            # the full run behind the README's performance section (about 15 minutes)
python bench/run.py --quick    # a smoke run at the smallest size (CI runs it through tests/test_bench_smoke.py)
"""

from __future__ import annotations

import argparse
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def machine() -> str:
    cpu = (
        next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            platform.processor(),
        )
        if Path("/proc/cpuinfo").exists()
        else platform.processor()
    )
    chromium = subprocess.run(["chromium", "--version"], capture_output=True, text=True).stdout.strip() or "chromium"
    cores = (
        len([line for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("processor")])
        if Path("/proc/cpuinfo").exists()
        else "?"
    )
    return f"{cores} cores ({cpu}), Python {platform.python_version()}, {chromium}, headless"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="smallest size, few repeats: checks the benchmarks still run"
    )
    args = parser.parse_args()
    if args.quick:
        runs = [
            ["server.py", "--districts", "130", "--changes", "13000", "--repeat", "3"],
            ["scrub.py", "--sizes", "130", "--scrubs", "3", "--compare", "--layers", "--quiet-ms", "400"],
            ["playback.py", "--sizes", "130", "--seconds", "2", "--repeat", "3"],
            ["site.py", "--sizes", "130", "--scrubs", "3"],
            ["cold.py", "--sizes", "aleppo", "--no-nginx"],
            ["floor.py", "--runs", "1", "--no-nginx"],
            ["propose.py"],
            ["timelapse.py", "--quick"],
        ]
    else:
        runs = [
            ["server.py"],
            ["scrub.py", "--sizes", "130,2000,10000", "--scrubs", "20", "--compare", "--layers"],
            ["playback.py", "--sizes", "130,10000"],
            ["site.py", "--sizes", "130,10000", "--scrubs", "20"],
            ["cold.py", "--sizes", "aleppo,10000"],
            ["floor.py"],
            ["propose.py"],
            ["timelapse.py"],
        ]
    print(f"Machine: {machine()}\n", flush=True)
    for run in runs:
        subprocess.run([sys.executable, str(HERE / run[0]), *run[1:]], check=True, cwd=HERE)
        print(flush=True)


if __name__ == "__main__":
    main()

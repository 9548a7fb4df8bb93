"""Shared by the benchmark scripts: synthetic theatres cached on disk, tables printed plainly."""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

from geo.synth import synth_theatre

ROOT = Path(__file__).resolve().parents[1]

OUT = ROOT / "bench" / "out"


def synthetic(districts: int, changes: int, seed: int = 1) -> Path:
    """A synthetic theatre folder, generated once per size and kept in bench/out/."""
    folder = OUT / f"synth-{districts}-{changes}-{seed}"
    if not (folder / "changes.csv").is_file() or not (folder / "layers").is_dir():  # layers came later
        synth_theatre(folder, districts=districts, changes=changes, seed=seed)
    return folder


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def print_table(headers: list[str], rows: list[list]) -> None:
    """A Markdown table, so the output can go into the README as it is."""
    cells = [[str(c) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(headers)]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in cells:
        print("| " + " | ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)) + " |")
    sys.stdout.flush()


class StreamingTable:
    """A Markdown table printed a row at a time, so a long run shows results as it goes."""

    def __init__(self, headers: list[str]):
        self.widths = [max(len(h), 9) for h in headers]
        print("| " + " | ".join(h.ljust(w) for h, w in zip(headers, self.widths, strict=True)) + " |")
        print("|" + "|".join("-" * (w + 2) for w in self.widths) + "|")
        sys.stdout.flush()

    def row(self, cells: list) -> None:
        print("| " + " | ".join(str(c).rjust(w) for c, w in zip(cells, self.widths, strict=True)) + " |")
        sys.stdout.flush()

"""How well ``python -m geo propose`` reads real reports: precision, recall and time per report.

Reads the evaluation set (``tests/propose_eval.json``: short excerpts of real reports about
Aleppo, each with the changes a careful person would record; the ``development`` reports were
read while the rules were written, the ``held-out`` ones only after), proposes changes for each
against the shipped theatre, and compares (district, date, status) triples, and dates alone
((district, date) pairs), with what was expected. A proposal counts when it is kept (not
dropped) and its confidence is at least the threshold; the table shows several thresholds,
the first row being every kept proposal. Offline: no network is used.

    python bench/propose.py                 # the whole set
    python bench/propose.py --show-errors   # also each report's misses and false proposals
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from pathlib import Path

from common import ROOT, median, percentile, print_table

from geo.load import load_theatre
from geo.propose import PlaceIndex, Report, propose

EVAL = ROOT / "tests" / "propose_eval.json"
THRESHOLDS = (0.0, 0.5, 0.6)
SPLITS = ("development", "held-out", "all")

Triple = tuple[str, str | None, str]


def _scores(expected: set, found: set) -> tuple[int, int, int]:
    return len(expected & found), len(found - expected), len(expected - found)


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "n/a"


def _figures(results: list, threshold: float) -> list[str]:
    """Precision and recall of triples and of (district, date) pairs for proposals kept at ``threshold``."""
    totals = {"triples": [0, 0, 0], "dates": [0, 0, 0]}
    for case, found in results:
        expected: set[Triple] = {tuple(e) for e in case["expected"]}
        kept = [p for p in found.proposals if p.confidence >= threshold]
        triples: set[Triple] = {(p.district_id, p.date.isoformat() if p.date else None, p.status) for p in kept}
        for key, want, got in (
            ("triples", expected, triples),
            ("dates", {(d, day) for d, day, _s in expected}, {(d, day) for d, day, _s in triples}),
        ):
            for i, n in enumerate(_scores(want, got)):
                totals[key][i] += n
    tp, fp, fn = totals["triples"]
    dtp, dfp, dfn = totals["dates"]
    label = "every kept proposal" if threshold == 0 else f"confidence ≥ {threshold}"
    return [
        label,
        _ratio(tp, tp + fp),
        _ratio(tp, tp + fn),
        _ratio(dtp, dtp + dfp),
        _ratio(dtp, dtp + dfn),
        f"{tp}/{fp}/{fn}",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-errors", action="store_true", help="print each report's misses and false proposals")
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "aleppo")
    args = parser.parse_args(argv)

    cases = json.loads(EVAL.read_text(encoding="utf-8"))["reports"]
    theatre = load_theatre(args.data)
    index = PlaceIndex(theatre.districts)
    times: list[float] = []
    results = []
    for case in cases:
        published = dt.date.fromisoformat(case["published"]) if case["published"] else None
        started = time.perf_counter()
        found = propose(Report(case["excerpt"], published=published, url=case["url"]), theatre, index=index)
        times.append((time.perf_counter() - started) * 1000)
        results.append((case, found))

    rows = []
    for split in SPLITS:
        chosen = [(c, f) for c, f in results if split in ("all", c.get("split", "development"))]
        for threshold in THRESHOLDS:
            rows.append([split, *_figures(chosen, threshold)])
    expected_total = sum(len(c["expected"]) for c in cases)
    held = sum(c.get("split") == "held-out" for c in cases)
    print(
        f"{len(cases)} reports ({sum(not c['expected'] for c in cases)} with no change to record; {held} held out, "
        f"written after the rules were last changed), {expected_total} expected changes, theatre {args.data.name}\n"
    )
    print_table(
        ["reports", "proposals counted", "precision", "recall", "date precision", "date recall", "right/false/missed"],
        rows,
    )
    later = times[1:] or times
    whole = "\n\n".join(c["excerpt"] for c in cases)  # a long article's worth of text
    started = time.perf_counter()
    propose(Report(whole, published=dt.date(2016, 12, 31)), theatre, index=index)
    whole_ms = (time.perf_counter() - started) * 1000
    print()
    print_table(
        ["time per report", "ms"],
        [
            ["first (loads dateparser's data)", f"{times[0]:.1f}"],
            ["median after the first", f"{median(later):.1f}"],
            ["95th percentile after the first", f"{percentile(later, 95):.1f}"],
            ["slowest after the first", f"{max(later):.1f}"],
            [f"every excerpt as one report ({len(whole.split()):,} words)", f"{whole_ms:.1f}"],
        ],
    )
    if args.show_errors:
        print()
        for case, found in results:
            expected = {tuple(e) for e in case["expected"]}
            got = {(p.district_id, p.date.isoformat() if p.date else None, p.status) for p in found.proposals}
            if expected != got:
                print(f"{case['id']}:")
                for miss in sorted(expected - got, key=str):
                    print(f"  missed {miss}")
                for extra in sorted(got - expected, key=str):
                    print(f"  false  {extra}")
                for p in found.dropped:
                    print(f"  (dropped {p.district_id}: {'; '.join(p.reasons)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

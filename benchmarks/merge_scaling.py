"""How the cross-document merge scales: time ``build_graph`` on growing prefixes of a records file.

Usage::

    claimgraph extract /path/to/corpus -o records.jsonl      # once; the per-article step
    python benchmarks/merge_scaling.py records.jsonl [--sizes 250 500 1000 2225] [--repeat 1]

Prints one row per size: n, seconds, seconds per record, and the per-record cost relative to the
smallest size. A near-linear merge keeps that ratio close to 1; all-pairs work would make it grow
with n.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

from claimgraph.graph.build import build_graph
from claimgraph.ingest.records import DocumentRecord


def load(path: Path) -> list[DocumentRecord]:
    with path.open(encoding="utf-8") as fh:
        return [DocumentRecord.loads(line) for line in fh if line.strip()]


def time_build(records: list[DocumentRecord], repeat: int) -> tuple[float, object]:
    best, kg = float("inf"), None
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        kg = build_graph(records)
        best = min(best, time.perf_counter() - start)
    return best, kg


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records", type=Path, help="records.jsonl from `claimgraph extract`")
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000, 2225])
    parser.add_argument("--repeat", type=int, default=1, help="runs per size; the best counts")
    args = parser.parse_args(argv)

    records = load(args.records)
    sizes = [n for n in args.sizes if n <= len(records)] or [len(records)]
    print(f"{len(records)} records in {args.records}", file=sys.stderr)
    print(f"{'n':>6} {'mentions':>9} {'seconds':>9} {'s/record':>10} {'ratio':>6}  graph")
    build_graph(records[:50])  # warm-up: imports, regex and cache set-up are not merge cost
    base = None
    for n in sizes:
        part = records[:n]
        seconds, kg = time_build(part, args.repeat)
        per = seconds / n
        base = base or per
        mentions = sum(len(r.claims) for r in part)
        print(f"{n:>6} {mentions:>9} {seconds:>9.2f} {per:>10.5f} {per / base:>6.2f}  {kg!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Time rdflib against pyoxigraph serialising the same quads as TriG and Turtle.

Usage::

    python benchmarks/rdf_serialise.py /work/shared/corpora/bbc/politics --limit 300

Builds the claim graph of the first ``--limit`` articles once (or loads ``--out`` if it holds a
build), then serialises the export with each engine and prints one line per (format, engine):
quads, seconds (best of ``--repeat``), output bytes.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import claimgraph
from claimgraph.exports import rdf


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", type=Path, default=None, help="a build directory to reuse")
    args = ap.parse_args(argv)

    out = args.out or Path(tempfile.mkdtemp(prefix="rdf-bench-"))
    if (out / "graph.json").exists():
        kg = claimgraph.load(out)
    else:
        files = sorted(p for p in args.corpus.iterdir() if p.is_file())[: args.limit]
        t = time.perf_counter()
        kg = claimgraph.build([str(p) for p in files])
        print(f"built {len(files)} articles in {time.perf_counter() - t:.1f}s", file=sys.stderr)
        out.mkdir(parents=True, exist_ok=True)
        (out / "graph.json").write_text(kg.dumps(), encoding="utf-8")
    n = len(kg.nquads())
    print(f"{kg!r}: {n} quads")
    print(f"{'format':<7} {'engine':<9} {'seconds':>8} {'bytes':>10}")
    for fmt in ("trig", "ttl"):
        for engine in ("rdflib", "oxigraph"):
            best, size = float("inf"), 0
            for _ in range(args.repeat):
                t = time.perf_counter()
                data = rdf.serialise(kg, fmt, engine=engine)
                best = min(best, time.perf_counter() - t)
                size = len(data)
            print(f"{fmt:<7} {engine:<9} {best:>8.2f} {size:>10}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

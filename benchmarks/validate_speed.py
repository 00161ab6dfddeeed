"""Time ``claimgraph validate`` on builds, against loading the same N-Quads into Oxigraph.

Usage::

    claimgraph build examples/articles --out /tmp/seed
    python benchmarks/validate_speed.py /tmp/seed /tmp/bbc400 --repeat 3 --pyshacl-max 10000

For each build directory, in one process: the baseline (``graph.nq`` parsed into an in-memory
pyoxigraph store), validation of ``graph.trig`` as the command runs it (load + checks; best of
``--repeat``), and their ratio, which says what validation costs beyond reading the data on this
machine whatever its load. Then the command itself, once, in a fresh interpreter (imports
included). With ``--pyshacl-max N``, builds of at most N triples are also validated by pyshacl
on their union graph, the engine the command used before.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from claimgraph.exports.shacl import read_store, validate_store


def best_of(repeat: int, run: Callable[[], object]) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - t)
    return best, result


def load_nquads(path: Path) -> ox.Store:
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    return store


def command_seconds(out: Path) -> float:
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "claimgraph", "validate", str(out)],
        check=False,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - t


def pyshacl_seconds(out: Path) -> float:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import rdflib

    from tests.shacl_reference import pyshacl_violations

    ds = rdflib.Dataset()
    ds.parse(out / "graph.trig", format="trig")
    union = rdflib.Graph()
    for s, p, o, _g in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    t = time.perf_counter()
    pyshacl_violations(union)
    return time.perf_counter() - t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("builds", type=Path, nargs="+", help="build directories")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--pyshacl-max", type=int, default=0, help="also time pyshacl up to N triples")
    args = ap.parse_args(argv)

    head = f"{'build':<24} {'triples':>8} {'nq load':>8} {'load':>6} {'check':>6} {'ratio':>6}"
    print(f"{head} {'command':>8} {'pyshacl':>8}  verdict")
    for out in args.builds:
        base, _ = best_of(args.repeat, lambda out=out: load_nquads(out / "graph.nq"))
        load, store = best_of(args.repeat, lambda out=out: read_store(out / "graph.trig"))
        check, report = best_of(args.repeat, lambda store=store: validate_store(store))
        command = command_seconds(out)
        shacl = pyshacl_seconds(out) if report.triples <= args.pyshacl_max else None
        print(
            f"{str(out)[-24:]:<24} {report.triples:>8} {base:>8.2f} {load:>6.2f} {check:>6.2f}"
            f" {(load + check) / base:>6.1f} {command:>8.2f}"
            f" {f'{shacl:.2f}' if shacl is not None else '-':>8}  {report.verdict()}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

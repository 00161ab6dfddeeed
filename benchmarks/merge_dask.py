"""The merge of one records file in this process and on a Dask ``LocalCluster``: time, memory,
and whether the two graphs are the same.

Usage::

    python benchmarks/merge_dask.py /tmp/merge-scale/synthetic-10000-r0.2-s3.jsonl \\
        [--workers 2] [--partitions N] [--json out.json]

Each merge runs in a fresh child process (``build_records``, as ``claimgraph build`` merges),
which reports the seconds of the merge, the seconds of its two blocked phases (stories, claims),
the CPU seconds and peak resident memory of the process that merges (``ru_maxrss``: records and
graph together) and, on the cluster, the CPU seconds and peak of each worker process, and the
SHA-256 of ``ClaimGraph.dumps()``. On a shared machine the wall-clock seconds depend on the
other jobs; the CPU seconds say where the work went. The cluster is started before the clock
starts; its workers are processes with one thread each.
"""

from __future__ import annotations

import argparse
import functools
import gc
import hashlib
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from claimgraph.ingest.records import DocumentRecord


def load(path: Path) -> list[DocumentRecord]:
    with path.open(encoding="utf-8") as fh:
        return [DocumentRecord.loads(line) for line in fh if line.strip()]


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _timed(fn: Callable[..., Any], into: dict[str, float], name: str) -> Callable[..., Any]:
    @functools.wraps(fn)
    def run(*args: Any, **kw: Any) -> Any:
        start = time.perf_counter()
        try:
            return fn(*args, **kw)
        finally:
            into[name] = into.get(name, 0.0) + time.perf_counter() - start

    return run


def merge_once(path: Path, mode: str, workers: int, partitions: int | None) -> dict[str, Any]:
    """Load ``path`` and merge it here (``local``) or on a new LocalCluster (``dask``)."""
    from claimgraph.api import build_records
    from claimgraph.graph.build import LOCAL, Phases

    records = load(path)
    gc.collect()
    phases: dict[str, float] = {}

    def timed(p: Phases) -> Phases:
        return Phases(_timed(p.stories, phases, "stories"), _timed(p.claims, phases, "claims"))

    row: dict[str, Any] = {"mode": mode, "n": len(records), "loaded_mib": _peak_mib()}
    if mode == "local":
        start, cpu = time.perf_counter(), _cpu_seconds()
        kg = build_records(records, phases=timed(LOCAL))
        row["seconds"] = time.perf_counter() - start
        row["cpu_seconds"] = _cpu_seconds() - cpu
    else:
        from dask.distributed import Client, LocalCluster

        from claimgraph.distributed_merge import dask_phases

        with (
            LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            Client(cluster) as client,
        ):
            before = client.run(_cpu_seconds)
            start, cpu = time.perf_counter(), _cpu_seconds()
            kg = build_records(records, phases=timed(dask_phases(client, partitions)))
            row["seconds"] = time.perf_counter() - start
            row["cpu_seconds"] = _cpu_seconds() - cpu
            after = client.run(_cpu_seconds)
            row["worker_cpu_seconds"] = sorted(round(after[w] - before[w], 1) for w in after)
            worker_peaks = client.run(_peak_mib)
            row["worker_peak_mib"] = sorted(round(v) for v in worker_peaks.values())
            row["partitions"] = partitions or workers
    row["peak_mib"] = _peak_mib()
    row["phases"] = {k: round(v, 2) for k, v in phases.items()}
    row["nodes"], row["edges"] = kg.G.number_of_nodes(), kg.G.number_of_edges()
    row["sha256"] = hashlib.sha256(kg.dumps().encode("utf-8")).hexdigest()
    return row


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("records", type=Path, help="records.jsonl (claimgraph extract)")
    ap.add_argument("--workers", type=int, default=2, help="worker processes of the cluster")
    ap.add_argument("--partitions", type=int, help="partitions of the blocks (default: workers)")
    ap.add_argument("--json", type=Path, help="write both rows here")
    ap.add_argument("--run", choices=("local", "dask"), help=argparse.SUPPRESS)  # in a child
    args = ap.parse_args(argv)
    if args.run:
        print(json.dumps(merge_once(args.records, args.run, args.workers, args.partitions)))
        return 0
    rows = []
    for mode in ("local", "dask"):
        extra = ["--workers", str(args.workers)]
        if args.partitions:
            extra += ["--partitions", str(args.partitions)]
        out = subprocess.run(
            [sys.executable, __file__, str(args.records), "--run", mode, *extra],
            check=True,
            capture_output=True,
            text=True,
        )
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    local, dask = rows
    print(f"{local['n']} records in {args.records}")
    print(
        f"{'merge':<26} {'seconds':>7} {'stories':>7} {'claims':>7} {'CPU s':>6} {'peak MiB':>8}"
        "  workers: CPU s, peak MiB"
    )
    for r in rows:
        name = "local" if r["mode"] == "local" else f"LocalCluster, {args.workers} workers"
        workers = (
            f"{r['worker_cpu_seconds']}, {r['worker_peak_mib']}" if "dask" in r["mode"] else ""
        )
        print(
            f"{name:<26} {r['seconds']:>7.1f} {r['phases']['stories']:>7.1f} "
            f"{r['phases']['claims']:>7.1f} {r['cpu_seconds']:>6.1f} {r['peak_mib']:>8.0f}"
            f"  {workers}"
        )
    same = local["sha256"] == dask["sha256"]
    print(f"same graph: {same} ({local['nodes']} nodes, {local['edges']} edges)")
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "same": same}, indent=1) + "\n")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())

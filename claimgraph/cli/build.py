"""``claimgraph build INPUT... --out DIR``: records, graph and every export."""

from __future__ import annotations

from pathlib import Path

import typer

from ..api import CACHE_DIR, BuildReport, build_to_dir, update_dir
from ..exports.vocab import DEFAULT_BASE, base_iri_problem
from ..ingest.errors import ClaimgraphError
from . import app, state
from .feedback import Progress, fail, finish, warn_skipped


@app.command("build")
def build_cli(
    inputs: list[str] = typer.Argument(..., help="Files, directories, globs, or - for stdin."),
    out: Path | None = typer.Option(None, "--out", "-o", file_okay=False, help="Output directory."),
    update: Path | None = typer.Option(
        None, "--update", file_okay=False, help="Add INPUT to the build in this directory."
    ),
    entities: Path | None = typer.Option(
        None,
        "--entities",
        exists=True,
        dir_okay=False,
        help="Known entities (CSV or JSON) to seed speakers.",
    ),
    base_iri: str = typer.Option(DEFAULT_BASE, "--base-iri", help="Base of minted IRIs."),
    max_nodes: int = typer.Option(1500, "--max-nodes", min=10, help="Nodes drawn in the HTML."),
    jobs: int | None = typer.Option(
        None, "--jobs", "-j", min=1, help="Worker processes (default: all cores for big inputs)."
    ),
    cache: Path | None = typer.Option(
        None, "--cache", file_okay=False, help=f"Record cache directory (default: OUT/{CACHE_DIR})."
    ),
    no_cache: bool = typer.Option(False, "--no-cache", help="Parse everything again."),
    dask: str | None = typer.Option(
        None,
        "--dask",
        metavar="SCHEDULER_ADDRESS",
        help="Run the per-article step and the merge on a Dask cluster.",
    ),
    local_merge: bool = typer.Option(
        False, "--local-merge", help="With --dask: merge in this process, not on the cluster."
    ),
    merge_partitions: int | None = typer.Option(
        None,
        "--merge-partitions",
        min=1,
        help="With --dask: partitions of the merge's blocks (default: one per worker).",
    ),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 if any input was skipped."),
) -> None:
    """Build the claim graph of INPUT and write every output into --out."""
    if (out is None) == (update is None):
        raise fail("give exactly one of --out DIR (a new build) or --update DIR", code=2)
    if not dask and (local_merge or merge_partitions is not None):
        raise fail("--local-merge and --merge-partitions go with --dask", code=2)
    if (problem := base_iri_problem(base_iri)) is not None:
        raise fail(f"--base-iri {base_iri!r} is invalid: {problem}", code=2)
    target = out or update
    assert target is not None
    bar = Progress("reading", quiet=state["quiet"])
    report = BuildReport()
    common = dict(
        entities=entities,
        base=base_iri,
        report=report,
        on_error=warn_skipped,
        on_record=bar.tick,
        progress=bar.step,
        max_nodes=max_nodes,
        jobs=jobs,
    )
    try:
        if dask:
            merge = None if local_merge else merge_partitions or 0
            _build_on_dask(inputs, target, dask, report, entities, base_iri, max_nodes, merge)
        elif update is not None:
            update_dir(update, inputs, **common)
        else:
            store = False if no_cache else (cache or True)
            build_to_dir(inputs, target, cache=store, **common)
    except ClaimgraphError as exc:
        bar.done()
        raise fail(str(exc)) from exc
    bar.done()
    summary = None if state["quiet"] else f"{report.summary()} → {target}"
    finish(report, inputs, strict=strict, summary=summary)


def _build_on_dask(inputs, out, address, report, entities, base_iri, max_nodes, merge) -> None:
    """``merge``: None merges locally; else the merge's partitions on the cluster (0: one per
    worker)."""
    import time

    from ..api import _finish, _merge, check_base
    from ..distributed import connect, extract_on_dask
    from ..distributed_merge import dask_phases
    from ..exports.atomic import output_lock

    check_base(base_iri)
    start = time.perf_counter()
    with output_lock(out) as target, connect(address) as client:
        records, errors = extract_on_dask(
            inputs, client, target / "shards", cache_dir=target / CACHE_DIR, exclude=[target]
        )
        for err in errors:
            warn_skipped(err)
            report.errors.append({"path": err.path, "error": err.reason})
        report.skipped = len(errors)
        report.articles = report.parsed = len(records)
        if not records:
            return
        report.timings["extract"] = time.perf_counter() - start
        phases = {} if merge is None else {"phases": dask_phases(client, merge or None)}
        kg = _merge(records, entities=entities, base=base_iri, report=report, **phases)
        _finish(kg, report, target, start, max_nodes=max_nodes)

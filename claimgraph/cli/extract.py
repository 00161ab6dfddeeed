"""``claimgraph extract INPUT... [-o records.jsonl]``: per-document records only."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..api import BuildReport, extract
from ..exports.atomic import atomic_open
from ..ingest.errors import ClaimgraphError
from . import app, state
from .feedback import Progress, fail, finish, warn_skipped


@app.command("extract")
def extract_cli(
    inputs: list[str] = typer.Argument(..., help="Files, directories, globs, or - for stdin."),
    output: Path | None = typer.Option(
        None, "--output", "-o", dir_okay=False, help="JSONL file to write (default: stdout)."
    ),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 if any input was skipped."),
) -> None:
    """Extract claims per article as JSONL DocumentRecords (no cross-article graph)."""
    bar = Progress("extracting", quiet=state["quiet"] or output is None)
    report = BuildReport()
    records = extract(inputs, report=report, on_error=warn_skipped, on_record=bar.tick)
    try:
        if output is None:
            for rec in records:
                sys.stdout.write(rec.dumps() + "\n")
        else:
            with atomic_open(output, "w") as fh:
                for rec in records:
                    fh.write(rec.dumps() + "\n")
    except ClaimgraphError as exc:
        bar.done()
        raise fail(str(exc)) from exc
    bar.done()
    summary = None if state["quiet"] else f"{report.articles} articles, {report.skipped} skipped"
    finish(report, inputs, strict=strict, summary=summary)

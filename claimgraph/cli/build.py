"""``claimgraph build INPUT... --out DIR``: records, graph and every export."""

from __future__ import annotations

from pathlib import Path

import typer

from ..api import BuildReport, build_to_dir
from ..exports.vocab import DEFAULT_BASE
from ..ingest.errors import ClaimgraphError
from . import app, state
from .feedback import Progress, fail, warn_skipped


@app.command("build")
def build_cli(
    inputs: list[str] = typer.Argument(..., help="Files, directories, globs, or - for stdin."),
    out: Path = typer.Option(..., "--out", "-o", file_okay=False, help="Output directory."),
    entities: Path | None = typer.Option(
        None,
        "--entities",
        exists=True,
        dir_okay=False,
        help="Known entities (CSV or JSON) to seed speakers.",
    ),
    base_iri: str = typer.Option(DEFAULT_BASE, "--base-iri", help="Base of minted IRIs."),
    max_nodes: int = typer.Option(1500, "--max-nodes", min=10, help="Nodes drawn in the HTML."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 if any input was skipped."),
) -> None:
    """Build the claim graph of INPUT and write every output into --out."""
    bar = Progress("reading", quiet=state["quiet"])
    report = BuildReport()
    try:
        _kg, report = build_to_dir(
            inputs,
            out,
            entities=entities,
            base=base_iri,
            report=report,
            on_error=warn_skipped,
            on_record=bar.tick,
            progress=bar.step,
            max_nodes=max_nodes,
        )
    except ClaimgraphError as exc:
        bar.done()
        raise fail(str(exc)) from exc
    bar.done()
    if report.articles == 0:
        raise fail(f"no article could be read from {', '.join(inputs)}")
    if not state["quiet"]:
        typer.echo(f"{report.summary()} → {out}", err=True)
    if strict and report.skipped:
        raise typer.Exit(1)

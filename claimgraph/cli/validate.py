"""``claimgraph validate DIR``: check DIR's RDF against the model's SHACL shapes."""

from __future__ import annotations

from pathlib import Path

import typer

from ..exports.shacl import validate_dir
from ..ingest.errors import ClaimgraphError
from . import app
from .feedback import fail


@app.command("validate")
def validate_cli(
    out_dir: Path = typer.Argument(..., exists=True, file_okay=False, help="A build directory."),
    limit: int = typer.Option(50, "--limit", min=0, help="Violations printed at most."),
) -> None:
    """Validate DIR/graph.trig (the union of its graphs) with SHACL; exit 1 on violations."""
    try:
        report = validate_dir(out_dir)
    except ClaimgraphError as exc:
        raise fail(str(exc)) from exc
    typer.echo(report.verdict())
    for v in report.violations[:limit]:
        typer.echo(f"  {v}")
    if len(report.violations) > limit:
        typer.echo(f"  … and {len(report.violations) - limit} more")
    if not report.conforms:
        raise typer.Exit(1)

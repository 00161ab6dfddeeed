"""``claimgraph stats DIR``: counts of nodes and edges by kind."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ..api import load
from ..ingest.errors import ClaimgraphError
from . import app
from .feedback import fail


@app.command("stats")
def stats_cli(
    out_dir: Path = typer.Argument(..., exists=True, file_okay=False, help="A build directory."),
) -> None:
    """Print node and edge counts of a built graph as JSON."""
    try:
        kg = load(out_dir)
    except ClaimgraphError as exc:
        raise fail(str(exc)) from exc
    typer.echo(json.dumps(kg.stats(), indent=1))

"""``claimgraph export DIR --format F``: write one more format from a built graph."""

from __future__ import annotations

from pathlib import Path

import typer

from ..api import load
from ..exports import formats
from ..ingest.errors import ClaimgraphError
from . import app
from .feedback import fail


@app.command("export")
def export_cli(
    out_dir: Path = typer.Argument(..., exists=True, file_okay=False, help="A build directory."),
    fmt: str = typer.Option(
        ..., "--format", "-f", help=f"One of: {', '.join(sorted(formats.EXPORTERS))}."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", dir_okay=False, help="File to write (default: DIR/graph.<ext>)."
    ),
    speaker: str | None = typer.Option(None, "--speaker", help="HTML: ego view of a speaker."),
    topic: str | None = typer.Option(None, "--topic", help="HTML: ego view of a topic."),
    max_nodes: int = typer.Option(
        1500, "--max-nodes", min=10, help="HTML: most nodes drawn (top claims by sources)."
    ),
) -> None:
    """Export a built graph to another format."""
    if fmt not in formats.EXPORTERS:
        raise fail(
            f"unknown format {fmt!r}; choose one of {', '.join(sorted(formats.EXPORTERS))}", code=2
        )
    if (speaker is not None or topic is not None) and fmt != "html":
        raise fail("--speaker and --topic draw an ego view: use them with --format html", code=2)
    if speaker is not None and topic is not None:
        raise fail("give --speaker or --topic, not both", code=2)
    try:
        kg = load(out_dir)
        target = output or out_dir / formats.default_name(fmt)
        options = (
            {"speaker": speaker, "topic": topic, "max_nodes": max_nodes} if fmt == "html" else {}
        )
        formats.EXPORTERS[fmt](kg, target, **{k: v for k, v in options.items() if v is not None})
    except ClaimgraphError as exc:
        raise fail(str(exc)) from exc
    typer.echo(str(target))

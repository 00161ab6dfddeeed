"""``claimgraph push DIR --endpoint URL``: send each named graph to a SPARQL Graph Store."""

from __future__ import annotations

from pathlib import Path

import typer

from ..exports.push import AUTH_SCHEMES, Auth, push
from ..ingest.errors import ClaimgraphError
from . import app, state
from .feedback import fail


@app.command("push")
def push_cli(
    out_dir: Path = typer.Argument(..., exists=True, file_okay=False, help="A build directory."),
    endpoint: str = typer.Option(
        ..., "--endpoint", help="Graph Store endpoint, e.g. http://localhost:7878/store."
    ),
    user: str | None = typer.Option(None, "--user", help="User name."),
    password: str | None = typer.Option(None, "--password", help="Password."),
    auth: str = typer.Option("basic", "--auth", help="basic or digest."),
    timeout: float = typer.Option(60.0, "--timeout", min=0.1, help="Seconds per request."),
) -> None:
    """PUT each named graph of DIR to ENDPOINT?graph=<iri> (a re-push replaces, never doubles)."""
    if auth not in AUTH_SCHEMES:
        raise fail(f"--auth {auth!r} is invalid; choose one of {', '.join(AUTH_SCHEMES)}", code=2)
    try:
        credentials = Auth(user, password or "", auth) if user else None
        sent = push(out_dir, endpoint, auth=credentials, timeout=timeout)
    except ClaimgraphError as exc:
        raise fail(str(exc)) from exc
    if not state["quiet"]:
        typer.echo(
            f"pushed {len(sent)} graphs, {sum(sent.values())} triples → {endpoint}", err=True
        )

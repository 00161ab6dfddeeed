"""``claimgraph query DIR 'SPARQL'`` or a question by option: rows as a table, CSV or JSON."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

import typer

from ..api import load
from ..ingest.errors import ClaimgraphError
from . import app
from .feedback import fail

FORMATS = ("table", "csv", "json")


def print_rows(rows: list[dict[str, Any]], fmt: str) -> None:
    """Write rows to stdout in ``fmt``; columns are the union of keys in first-seen order."""
    cols: list[str] = []
    for row in rows:
        cols.extend(k for k in row if k not in cols)
    if fmt == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1, default=str)
        sys.stdout.write("\n")
    elif fmt == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=cols, extrasaction="ignore")
        w.writeheader()
        for row in rows:
            w.writerow({k: _cell(row.get(k)) for k in cols})
    else:
        if not rows:
            typer.echo("(no rows)", err=True)
            return
        cells = [[_cell(r.get(c))[:80] for c in cols] for r in rows]
        widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(cols)]
        typer.echo("  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True)))
        typer.echo("  ".join("-" * w for w in widths))
        for r in cells:
            typer.echo("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


@app.command("query")
def query_cli(
    out_dir: Path = typer.Argument(..., exists=True, file_okay=False, help="A build directory."),
    sparql: str | None = typer.Argument(None, help="A SPARQL SELECT or ASK query."),
    speaker: str | None = typer.Option(None, "--speaker", help="Claims by this speaker."),
    claim: str | None = typer.Option(None, "--claim", help="Sources of the claim with this text."),
    contradictions: bool = typer.Option(False, "--contradictions", help="Contradicting pairs."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv or json."),
) -> None:
    """Ask a built graph a question: SPARQL, or one of the built-in questions."""
    if fmt not in FORMATS:
        raise fail(f"unknown --format {fmt!r}; choose one of {', '.join(FORMATS)}", code=2)
    chosen = [x for x in (sparql, speaker, claim, contradictions or None) if x]
    if len(chosen) != 1:
        raise fail("give exactly one of: SPARQL text, --speaker, --claim, --contradictions", code=2)
    try:
        kg = load(out_dir)
        if sparql:
            rows = kg.query(sparql)
        elif speaker:
            rows = [
                {
                    "claim": c["text"],
                    "n_sources": c["n_sources"],
                    "n_independent_sources": c["n_independent_sources"],
                }
                for c in kg.claims(speaker=speaker)
            ]
        elif claim:
            rows = kg.sources(claim)
        else:
            rows = kg.contradictions()
    except ClaimgraphError as exc:
        raise fail(str(exc)) from exc
    print_rows(rows, fmt)

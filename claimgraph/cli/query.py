"""``claimgraph query DIR 'SPARQL'`` or a question by option: rows as a table, CSV or JSON."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

import typer

from ..api import load
from ..exports.push import Auth, run_named_remote
from ..exports.push import select as remote_select
from ..exports.queries import NAMED_QUERIES
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


def _params(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise fail(f"--param {item!r} is invalid; write --param name=value", code=2)
        out[name.strip()] = value
    return out


def _is_dir(path: str) -> bool:
    try:
        return Path(path).is_dir()
    except (OSError, ValueError):  # a name too long, a NUL: not a directory either
        return False


def list_named() -> list[dict[str, Any]]:
    """One row per named query: its name, parameters and what it answers."""
    rows = []
    for q in NAMED_QUERIES.values():
        params = ", ".join(
            f"{p.name}" + (f"={p.default}" if p.default is not None else "") for p in q.params
        )
        rows.append({"name": q.name, "params": params, "description": q.description})
    return rows


@app.command("query")
def query_cli(
    out_dir: str | None = typer.Argument(
        None, metavar="[DIR]", help="A build directory (not with --endpoint)."
    ),
    sparql: str | None = typer.Argument(None, help="A SPARQL SELECT or ASK query."),
    named: str | None = typer.Option(
        None,
        "--named",
        "-n",
        help="Run a named query (--named list: list them).",
    ),
    param: list[str] = typer.Option(
        [], "--param", "-p", help="Parameter of --named, as name=value (repeatable)."
    ),
    list_: bool = typer.Option(False, "--list", help="List the named queries and exit."),
    speaker: str | None = typer.Option(None, "--speaker", help="Claims by this speaker."),
    claim: str | None = typer.Option(None, "--claim", help="Sources of the claim with this text."),
    contradictions: bool = typer.Option(False, "--contradictions", help="Contradicting pairs."),
    endpoint: str | None = typer.Option(
        None, "--endpoint", help="Ask this SPARQL endpoint instead of DIR's store."
    ),
    user: str | None = typer.Option(None, "--user", help="User for --endpoint."),
    password: str | None = typer.Option(None, "--password", help="Password for --endpoint."),
    auth: str = typer.Option("basic", "--auth", help="basic or digest (with --user)."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv or json."),
) -> None:
    """Ask a built graph a question: SPARQL, a named query, or one of the built-in questions.

    SPARQL and named queries run on DIR's Oxigraph store (read-only), or on --endpoint.
    """
    if fmt not in FORMATS:
        raise fail(f"unknown --format {fmt!r}; choose one of {', '.join(FORMATS)}", code=2)
    if list_ or named == "list":
        print_rows(list_named(), fmt)
        return
    if endpoint and out_dir is not None and sparql is None and not _is_dir(out_dir):
        out_dir, sparql = None, out_dir  # `query --endpoint URL 'SELECT …'`: no DIR needed
    if out_dir is not None and not _is_dir(out_dir):
        raise fail(f"{out_dir[:80]!r} is not a build directory", code=2)
    chosen = [x for x in (sparql, named, speaker, claim, contradictions or None) if x]
    if len(chosen) != 1:
        raise fail(
            "give exactly one of: SPARQL text, --named, --speaker, --claim, --contradictions",
            code=2,
        )
    if out_dir is None and endpoint is None:
        raise fail("give a build directory DIR (or --endpoint URL)", code=2)
    try:
        credentials = Auth(user, password or "", auth) if user else None
        if endpoint and (sparql or named):
            if named:
                rows = run_named_remote(endpoint, named, _params(param), auth=credentials)
            else:
                rows = remote_select(endpoint, sparql, auth=credentials)
        elif endpoint:
            raise fail("--endpoint answers SPARQL text or --named queries only", code=2)
        else:
            kg = load(Path(out_dir))
            if sparql:
                rows = kg.query(sparql)
            elif named:
                rows = kg.named_query(named, **_params(param))
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

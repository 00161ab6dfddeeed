"""Progress and one-line messages on stderr; results stay on stdout so they pipe."""

from __future__ import annotations

import sys

import typer

from ..ingest.read import ReadError

__all__ = ["fail", "warn_skipped", "Progress"]


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print ``error: message`` on stderr and return the Exit to raise."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def warn_skipped(err: ReadError) -> None:
    typer.echo(f"skipped {err}", err=True)


class Progress:
    """A one-line counter on stderr (only on a terminal, unless forced)."""

    def __init__(self, label: str, *, quiet: bool = False) -> None:
        self.label = label
        self.n = 0
        self.enabled = not quiet and sys.stderr.isatty()

    def tick(self, *_: object) -> None:
        self.n += 1
        if self.enabled:
            sys.stderr.write(f"\r{self.label}: {self.n} articles")
            sys.stderr.flush()

    def step(self, name: str) -> None:
        if self.enabled:
            sys.stderr.write(f"\rwriting {name:<10}")
            sys.stderr.flush()

    def done(self) -> None:
        if self.enabled:
            sys.stderr.write("\r" + " " * 40 + "\r")
            sys.stderr.flush()


def finish(report, inputs: list[str], *, strict: bool, summary: str | None) -> None:
    """End a run the same way for every command: exit 1 when nothing was read (or, with
    ``--strict``, when anything was skipped); otherwise print ``summary`` on stderr."""
    if report.articles == 0:
        raise fail(f"no article could be read from {', '.join(inputs)}")
    if summary is not None:
        typer.echo(summary, err=True)
    if strict and report.skipped:
        raise typer.Exit(1)

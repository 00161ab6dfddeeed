"""The ``claimgraph`` command line: one module per command, each a thin wrapper over the API.

Exit codes: 0 the job completed (skipped files included, listed in report.json), 1 nothing
could be processed or an output could not be written (or, with ``--strict``, any file was
skipped), 2 bad usage, 130 interrupted (SIGINT), 143 terminated (SIGTERM).
"""

from __future__ import annotations

import logging
import sys

import typer

from .._version import __version__

app = typer.Typer(
    name="claimgraph",
    help="Who claimed what, where and when: a claim-tracking knowledge graph for news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimgraph {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only errors on stderr."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Debug logging on stderr."),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Who claimed what, where and when: a claim-tracking knowledge graph for news."""
    level = logging.ERROR if quiet else logging.DEBUG if verbose else logging.WARNING
    logging.basicConfig(
        level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )
    logging.getLogger("claimgraph").setLevel(level)
    state["quiet"] = quiet


state: dict[str, bool] = {"quiet": False}

from . import build as _build  # noqa: E402,F401  (registers commands)
from . import export as _export  # noqa: E402,F401
from . import extract as _extract  # noqa: E402,F401
from . import push as _push  # noqa: E402,F401
from . import query as _query  # noqa: E402,F401
from . import stats as _stats  # noqa: E402,F401
from . import validate as _validate  # noqa: E402,F401


def main() -> None:
    from ..entry import main as entry_main

    entry_main()


if __name__ == "__main__":
    main()

"""The ``claimgraph`` program: signal handling first, then the command line.

SIGINT and SIGTERM become exceptions from the first instant (before the heavy imports), so a
stopped run unwinds: temp files and half-written output directories are removed, the build
lock is released, and one line (``error: interrupted``) is printed instead of a traceback.
Exit codes follow the shell convention: 130 after SIGINT, 143 after SIGTERM.
"""

from __future__ import annotations

import signal
import sys
from types import FrameType

__all__ = ["main", "Stopped"]


class Stopped(BaseException):  # noqa: N818 - a signal, not an error
    """Raised in the main thread when SIGINT or SIGTERM arrives."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _raise(signum: int, _frame: FrameType | None) -> None:
    # A second signal while unwinding must not interrupt the clean-up of the first.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise Stopped(signum)


def main(pending: list[int] | None = None) -> None:
    """Run the command line; ``pending`` holds signals noted before this was called."""
    signal.signal(signal.SIGINT, _raise)
    signal.signal(signal.SIGTERM, _raise)
    try:
        if pending:
            _raise(pending[0], None)
        from .cli import app

        app()
    except Stopped as stop:
        name = "interrupted" if stop.signum == signal.SIGINT else "terminated"
        sys.stderr.write(f"error: {name}\n")
        sys.exit(128 + stop.signum)
    except Exception as exc:  # a fault no command anticipated: still one line, not a traceback
        if "-v" in sys.argv[1:] or "--verbose" in sys.argv[1:]:
            raise
        first = str(exc).splitlines()[0] if str(exc) else ""
        kind = exc.__class__.__name__
        sys.stderr.write(f"error: unexpected {kind}: {first} (--verbose shows the traceback)\n")
        sys.exit(1)


if __name__ == "__main__":
    main()

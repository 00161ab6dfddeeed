"""``python -m claimgraph``: the command line.

A signal that arrives while the program is still being imported is noted here and acted on
as soon as :func:`claimgraph.entry.main` has installed its handlers, so even an interrupt in
the first instant ends with one line, never a traceback.
"""

import signal

_pending: list[int] = []


def _note(signum: int, _frame: object) -> None:
    _pending.append(signum)


signal.signal(signal.SIGINT, _note)
signal.signal(signal.SIGTERM, _note)

from .entry import main  # noqa: E402 - after the handlers, on purpose

main(pending=_pending)

"""Run a piece of work in a forked child process and take back its result or its exception.

A build writes several outputs that depend only on the graph in memory; once parsing is over a
second core is free. A forked child starts with the graph already in its memory (pages shared
copy-on-write), so nothing is pickled on the way in; only the small result comes back.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["Forked", "can_fork"]

T = TypeVar("T")


def can_fork() -> bool:
    """Whether this platform starts processes by ``fork`` (Linux does; Windows cannot)."""
    return "fork" in multiprocessing.get_all_start_methods()


class Forked(Generic[T]):
    """``fn()`` running in a forked child; :meth:`result` waits for it.

    The child ignores Ctrl-C and dies with SIGTERM: the parent owns the run's signals and
    ends its children (:meth:`cancel`) when it stops.
    """

    def __init__(self, fn: Callable[[], T], name: str = "writer") -> None:
        ctx = multiprocessing.get_context("fork")
        self._recv, send = ctx.Pipe(duplex=False)
        self._proc = ctx.Process(target=_run, args=(fn, send), name=name, daemon=True)
        self._proc.start()
        send.close()

    def result(self) -> T:
        """The child's return value; its exception is raised here."""
        try:
            ok, value = self._recv.recv()
        except EOFError:
            self._proc.join()
            raise RuntimeError(
                f"{self._proc.name} process ended without a result "
                f"(exit code {self._proc.exitcode})"
            ) from None
        finally:
            self._recv.close()
        self._proc.join()
        if ok:
            return value
        raise value

    def cancel(self) -> None:
        """End the child if it still runs (the parent failed or was stopped)."""
        if self._proc.is_alive():
            self._proc.terminate()
        self._proc.join()
        self._recv.close()


def _run(fn: Callable[[], object], send) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        outcome = (True, fn())
    except Exception as exc:
        outcome = (False, exc)
    try:
        send.send(outcome)
    except Exception as exc:  # an exception that cannot be pickled: its text still can
        send.send((False, RuntimeError(f"{type(outcome[1]).__name__}: {outcome[1]} ({exc})")))
    finally:
        send.close()

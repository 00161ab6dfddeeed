"""CPython's cyclic garbage collector kept off what a build holds for its whole run.

The merge allocates millions of objects that live until it returns (records, features, blocks,
the graph) and frees its garbage by reference counting: it makes no reference cycles. The
cyclic collector cannot free any of it, but each of its full collections walks every object
alive, and the number of those collections grows with the heap: a sixth of the merge's time at
10,000 articles. Pausing it for the merge costs nothing in memory; what was made is then handed
to the oldest generation at once, so the first young collection after the merge does not walk
it all either (it is walked at the next full collection, as any long-lived object is).

Around the merge and the writers, :func:`frozen_heap` keeps the records and the graph out of
the collector's walks: half the time of generating the quads of a 400-article graph went to
them. Frozen objects are still freed by reference counting, and they are unfrozen on exit so
a long-running process does not leak them.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused", "frozen_heap"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the body with the cyclic collector off; restore it, whatever happens."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:  # never unfreeze what the caller froze
            gc.freeze()
            gc.unfreeze()  # everything alive now sits in the oldest generation
        gc.enable()


@contextmanager
def frozen_heap(*, collect: bool = True) -> Iterator[None]:
    """Inside, objects that existed on entry are not scanned by the cyclic collector.

    ``collect=False`` also pauses automatic collection inside: for work that makes many
    short-lived objects but no reference cycles (serialising a graph), where even the young
    generations' collections are pure cost. Both are undone on exit.
    """
    enabled = gc.isenabled()
    gc.freeze()
    if not collect:
        gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        gc.unfreeze()

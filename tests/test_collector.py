"""The merge pauses the cyclic collector, a build freezes what it holds; both restore it."""

from __future__ import annotations

import gc

import pytest

from claimgraph.graph.collector import collector_paused, frozen_heap


def test_restored_after_an_error() -> None:
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        assert not gc.isenabled()
        raise ValueError
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_left_off_when_the_caller_turned_it_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_what_the_caller_froze_stays_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector_paused():
            pass
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_a_frozen_heap_hides_what_exists_and_unfreezes_it_after() -> None:
    held = [object() for _ in range(10)]
    before = gc.get_freeze_count()
    with frozen_heap():
        assert gc.get_freeze_count() >= before + len(held)
        assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    assert held


def test_a_frozen_heap_without_collection_restores_the_collector() -> None:
    with frozen_heap(collect=False):
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), frozen_heap(collect=False):
        raise ValueError
    assert gc.isenabled() and gc.get_freeze_count() == 0

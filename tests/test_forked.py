"""Writers in forked children: results and errors come back; the files are the same bytes."""

from __future__ import annotations

import threading

import pytest

from claimgraph.forked import Forked, can_fork
from claimgraph.ingest.errors import InputError
from claimgraph.outputs import OUTPUT_FILES, write_outputs

pytestmark = pytest.mark.skipif(not can_fork(), reason="needs fork")


def test_a_child_returns_what_its_work_returns():
    assert Forked(lambda: {"html": 0.25}).result() == {"html": 0.25}


def test_a_childs_error_is_raised_in_the_parent():
    def fail() -> None:
        raise InputError("graph.ttl: disk full")

    with pytest.raises(InputError, match="graph.ttl: disk full"):
        Forked(fail).result()


def test_an_error_that_cannot_travel_comes_back_as_its_text():
    class Local(Exception):  # defined in a function: pickle cannot find it by name
        pass

    def fail() -> None:
        raise Local("lock held by a thread")

    with pytest.raises(RuntimeError, match="Local: lock held by a thread"):
        Forked(fail).result()


def test_a_child_that_dies_is_an_error_not_a_hang():
    import os

    with pytest.raises(RuntimeError, match="exit code 3"):
        Forked(lambda: os._exit(3)).result()


def test_a_cancelled_child_is_ended():
    child = Forked(lambda: threading.Event().wait(60))
    child.cancel()
    assert not child._proc.is_alive()


def test_writers_side_by_side_write_the_bytes_of_writers_in_turn(seed_build, tmp_path):
    kg, _report, _out = seed_build
    times: dict[str, float] = {}
    write_outputs(kg, tmp_path / "forked", parallel=True, timings=times)
    write_outputs(kg, tmp_path / "serial", parallel=False)
    assert set(times) == {*OUTPUT_FILES, "rdf", "total"}
    for name, file in OUTPUT_FILES.items():
        if name == "store":
            continue
        forked, serial = tmp_path / "forked" / file, tmp_path / "serial" / file
        assert forked.read_bytes() == serial.read_bytes(), file

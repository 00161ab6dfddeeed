"""The examples in the docstrings are specifications too: every one of them must hold."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

STAGES = ("claimgraph.ingest", "claimgraph.graph", "claimgraph.exports")


def _modules() -> list[str]:
    names = []
    for stage in STAGES:
        package = importlib.import_module(stage)
        names += [f"{stage}.{m.name}" for m in pkgutil.iter_modules(package.__path__)]
    names += [
        f"claimgraph.{m}" for m in ("api", "views", "outputs", "errors", "sources", "entities")
    ]
    return sorted(names)


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples_hold(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples fail in {name}"


def test_the_stages_carry_examples():
    finder = doctest.DocTestFinder()
    examples = sum(
        len(t.examples) for n in _modules() for t in finder.find(importlib.import_module(n))
    )
    assert examples >= 40

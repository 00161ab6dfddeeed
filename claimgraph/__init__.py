"""claimgraph: who claimed what, where and when — a claim-tracking knowledge graph for news.

>>> import claimgraph
>>> kg = claimgraph.build(["examples/articles"])  # doctest: +SKIP
>>> kg.claims(speaker="Blinken")  # doctest: +SKIP

The names below are imported on first use, so ``import claimgraph`` (and the start of the
command line, which installs its signal handlers first) does not wait for spaCy.
"""

from __future__ import annotations

import importlib
from typing import Any

from ._version import __version__

__all__ = [
    "build",
    "build_to_dir",
    "extract",
    "load",
    "ClaimGraph",
    "BuildReport",
    "errors",
    "__version__",
]

_LAZY = {
    "build": "api",
    "build_to_dir": "api",
    "extract": "api",
    "load": "api",
    "BuildReport": "api",
    "ClaimGraph": "views",
}


def __getattr__(name: str) -> Any:
    if name == "errors":
        return importlib.import_module(".errors", __name__)
    if name in _LAZY:
        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)

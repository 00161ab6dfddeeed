"""claimgraph: who claimed what, where and when — a claim-tracking knowledge graph for news.

>>> import claimgraph
>>> kg = claimgraph.build(["examples/articles"])  # doctest: +SKIP
>>> kg.claims(speaker="Blinken")  # doctest: +SKIP
"""

from __future__ import annotations

from . import errors
from ._version import __version__
from .api import BuildReport, build, build_to_dir, extract, load
from .views import ClaimGraph

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

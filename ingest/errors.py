"""The error hierarchy every stage raises; the CLI turns it into one line and an exit code.

Messages name the file and the problem, then the fix when there is one, e.g.
``articles/rt.html: no article body found after removing boilerplate (kept 0 of 212 lines)``.
"""

from __future__ import annotations

__all__ = ["ClaimgraphError", "InputError", "ExportError", "QueryError"]


class ClaimgraphError(Exception):
    """Base class of every error claimgraph raises on purpose."""


class InputError(ClaimgraphError):
    """An input file or line cannot be read as an article (missing, binary, empty, undecodable)."""


class ExportError(ClaimgraphError):
    """An output cannot be written or an export target refused it."""


class QueryError(ClaimgraphError):
    """A query is malformed, names an unknown parameter, or its store cannot be opened."""

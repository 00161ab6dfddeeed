"""The errors claimgraph raises (defined at the bottom layer, :mod:`claimgraph.ingest.errors`)."""

from .ingest.errors import ClaimgraphError, ExportError, InputError, QueryError

__all__ = ["ClaimgraphError", "InputError", "ExportError", "QueryError"]

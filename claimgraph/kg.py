"""The public :class:`ClaimGraph`: the graph's query API plus its exports (RDF, SPARQL, HTML).

It lives in the face package because it reaches across stages: ``graph`` holds the data and the
questions, ``exports`` knows RDF and HTML; this class joins them for the user.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ._version import __version__
from .exports.html import DEFAULT_MAX_NODES, notebook_html, render_html, write_html
from .exports.rdf import generate_nquads, to_dataset
from .exports.store import memory_store, open_store, run_named, select, store_is_current
from .exports.vocab import DEFAULT_BASE
from .graph.model import ClaimGraph as _GraphCore
from .ingest.errors import QueryError
from .ingest.records import DocumentRecord

__all__ = ["ClaimGraph"]

logger = logging.getLogger(__name__)


class ClaimGraph(_GraphCore):
    """Claims, speakers and sources of a corpus, with SPARQL, RDF and HTML views.

    >>> kg = ClaimGraph()
    >>> kg.speakers()
    []
    """

    def __init__(
        self, G=None, *, records: list[DocumentRecord] | None = None, base: str = DEFAULT_BASE
    ) -> None:
        super().__init__(G)
        self.records = records or []
        self.base = base
        self.G.graph["base_iri"] = base  # saved with graph.json, so a reload mints the same IRIs
        self._store = None
        #: The build's on-disk Oxigraph store, set by :func:`claimgraph.load`.
        self.store_path: Path | None = None

    @classmethod
    def wrap(cls, core: _GraphCore, **kw: Any) -> ClaimGraph:
        return cls(core.G, **kw)

    # -- RDF and SPARQL ------------------------------------------------------------------
    def to_rdf(self):  # -> rdflib.Dataset
        """The graph as an rdflib ``Dataset`` with one named graph per article."""
        return to_dataset(self, base=self.base, version=__version__)

    def nquads(self) -> list[str]:
        """The sorted N-Quads lines of the export (byte-identical for the same input)."""
        return list(generate_nquads(self, base=self.base, version=__version__))

    def store(self):  # -> pyoxigraph.Store
        """The Oxigraph store of the graph: the build's ``store/`` (read-only) when this graph
        was loaded from a build directory that has one, else an in-memory store."""
        if self._store is None:
            path = self.store_path
            current = path is not None and Path(path).is_dir()
            if current and not store_is_current(path, self.G.graph.get("nquads_sha256")):
                logger.warning("%s is older than graph.json; querying the graph in memory", path)
                current = False
            if current:
                try:
                    self._store = open_store(path)
                except QueryError as exc:
                    logger.warning("%s; querying the graph in memory", exc)
                    current = False
            if not current:
                self._store = memory_store("".join(line + "\n" for line in self.nquads()))
        return self._store

    def query(self, sparql: str, bindings: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
        """Run a SPARQL SELECT/ASK on the graph; rows are dicts of plain Python values.

        ``bindings`` binds variables to literal values safely (never spliced into the text);
        pyoxigraph requires a bound variable to be in the ``SELECT`` projection.
        """
        return select(self.store(), sparql, bindings)

    def named_query(self, name: str, **params: str | int) -> list[dict[str, Any]]:
        """Run one of the named questions (:data:`~claimgraph.exports.queries.NAMED_QUERIES`).

        >>> kg = ClaimGraph()
        >>> kg.named_query("contradicting-pairs")
        []
        """
        return run_named(self.store(), name, params)

    # -- HTML ----------------------------------------------------------------------------
    def write_html(
        self,
        path: str | Path,
        *,
        max_nodes: int = DEFAULT_MAX_NODES,
        speaker: str | None = None,
        topic: str | None = None,
        title: str = "claimgraph",
    ) -> None:
        """Write the interactive graph: one self-contained page that works offline.

        ``speaker`` or ``topic`` draws that node's ego view; ``max_nodes`` bounds the drawing
        to the most corroborated claims and their neighbours (what is left out is said on the
        page). Raises ``ExportError`` when ``speaker``/``topic`` matches nothing.
        """
        write_html(self, path, max_nodes=max_nodes, speaker=speaker, topic=topic, title=title)

    def _repr_html_(self) -> str:
        """Jupyter: the page in a sandboxed ``srcdoc`` iframe, so it needs no server or network."""
        return notebook_html(render_html(self))

    # -- persistence ---------------------------------------------------------------------
    def save(self, out_dir: str | Path) -> dict[str, str]:
        """Write every output into ``out_dir``; returns format → path.

        The outputs replace those in ``out_dir`` as a whole, under the directory's build lock.
        """
        from .exports.atomic import output_lock, swap_in
        from .outputs import write_outputs

        with output_lock(out_dir) as out, swap_in(out) as staging:
            written = write_outputs(self, staging)
        return {name: str(out / Path(path).name) for name, path in written.items()}


"""The public :class:`ClaimGraph`: the graph's query API plus its exports (RDF, SPARQL, HTML).

It lives in the face package because it reaches across stages: ``graph`` holds the data and the
questions, ``exports`` knows RDF and HTML; this class joins them for the user.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ._version import __version__
from .exports.html import DEFAULT_MAX_NODES, notebook_html, render_html, write_html
from .exports.rdf import generate_nquads, to_dataset
from .exports.vocab import DEFAULT_BASE
from .graph.model import ClaimGraph as _GraphCore
from .ingest.errors import QueryError
from .ingest.records import DocumentRecord

__all__ = ["ClaimGraph"]


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
        self._store = None

    @classmethod
    def wrap(cls, core: _GraphCore, **kw: Any) -> ClaimGraph:
        return cls(core.G, **kw)

    # -- RDF and SPARQL ------------------------------------------------------------------
    def to_rdf(self):  # -> rdflib.Dataset
        """The graph as an rdflib ``Dataset`` with one named graph per article."""
        return to_dataset(self, base=self.base, version=__version__)

    def nquads(self) -> list[str]:
        return list(generate_nquads(self, base=self.base, version=__version__))

    def store(self):  # -> pyoxigraph.Store
        """An embedded Oxigraph store holding the graph (built on first use)."""
        if self._store is None:
            import pyoxigraph as ox

            store = ox.Store()
            data = "".join(line + "\n" for line in self.nquads()).encode("utf-8")
            store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
            self._store = store
        return self._store

    def query(self, sparql: str, bindings: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
        """Run a SPARQL SELECT/ASK on the graph; rows are dicts of plain Python values.

        ``bindings`` binds variables to literal values safely (never spliced into the text).
        """
        import pyoxigraph as ox

        subs = {ox.Variable(k): ox.Literal(v) for k, v in (bindings or {}).items()}
        try:
            result = self.store().query(sparql, substitutions=subs or None)
        except SyntaxError as exc:
            raise QueryError(f"invalid SPARQL: {exc}") from exc
        if isinstance(result, (bool, ox.QueryBoolean)):
            return [{"result": bool(result)}]
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("only SELECT and ASK queries return rows; use CONSTRUCT via to_rdf()")
        names = [v.value for v in result.variables]
        rows = []
        for sol in result:
            rows.append({n: _py(sol[n]) for n in names})
        return rows

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
        """Write every output into ``out_dir``; returns format → path."""
        from .outputs import write_outputs

        return write_outputs(self, Path(out_dir))


def _py(term: Any) -> Any:
    if term is None:
        return None
    import pyoxigraph as ox

    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else ""
        if dt.endswith(("#integer", "#int", "#long")):
            return int(term.value)
        if dt.endswith(("#decimal", "#double", "#float")):
            return float(term.value)
        if dt.endswith("#boolean"):
            return term.value == "true"
        return term.value
    return term.value

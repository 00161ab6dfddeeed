"""The RDF, SPARQL and HTML views of a :class:`~claimgraph.graph.model.ClaimGraph`.

The graph stage knows no exports; this face module joins them: importing ``claimgraph``
attaches :class:`ExportViews` to the one ``ClaimGraph`` class, so ``kg.to_rdf()``,
``kg.query(…)``, ``kg.write_html(…)`` and ``kg.save(…)`` work on every graph, built or loaded.
Base IRI and version are read from the graph, never from a default.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .exports.html import notebook_html, render_html, write_html
from .exports.rdf import generate_nquads, to_dataset
from .exports.store import memory_store, open_store, run_named, select, store_is_current
from .graph.model import ClaimGraph
from .ingest.errors import QueryError

__all__ = ["ClaimGraph", "ExportViews"]

logger = logging.getLogger(__name__)


def _version(kg: ClaimGraph) -> str:
    from ._version import __version__

    return kg.version or __version__


class ExportViews:
    """How a graph becomes RDF, an Oxigraph store, SPARQL answers, a page and files."""

    def to_rdf(self, kg: ClaimGraph):  # -> rdflib.Dataset
        return to_dataset(kg, base=kg.base, version=_version(kg))

    def nquads(self, kg: ClaimGraph) -> list[str]:
        return list(generate_nquads(kg, base=kg.base, version=_version(kg)))

    def store(self, kg: ClaimGraph):  # -> pyoxigraph.Store
        if kg._store is None:
            path = kg.store_path
            current = path is not None and Path(path).is_dir()
            if current and not store_is_current(path, kg.G.graph.get("nquads_sha256")):
                logger.warning("%s is older than graph.json; querying the graph in memory", path)
                current = False
            if current:
                try:
                    kg._store = open_store(path)
                except QueryError as exc:
                    logger.warning("%s; querying the graph in memory", exc)
                    current = False
            if not current:
                kg._store = memory_store("".join(line + "\n" for line in self.nquads(kg)))
        return kg._store

    def query(
        self, kg: ClaimGraph, sparql: str, bindings: Mapping[str, str] | None
    ) -> list[dict[str, Any]]:
        return select(self.store(kg), sparql, bindings)

    def named_query(self, kg: ClaimGraph, name: str, params: dict) -> list[dict[str, Any]]:
        return run_named(self.store(kg), name, params)

    def write_html(self, kg: ClaimGraph, path: str | Path, **options: Any) -> None:
        """``options``: those of :func:`claimgraph.exports.html.write_html` (``max_nodes``,
        ``speaker``, ``topic``, ``title``)."""
        write_html(kg, path, **options)

    def notebook_html(self, kg: ClaimGraph) -> str:
        return notebook_html(render_html(kg))

    def save(self, kg: ClaimGraph, out_dir: str | Path) -> dict[str, str]:
        """The outputs replace those in ``out_dir`` as a whole, under its build lock."""
        from .exports.atomic import output_lock, swap_in
        from .outputs import write_outputs

        with output_lock(out_dir) as out, swap_in(out) as staging:
            written = write_outputs(kg, staging)
        return {name: str(out / Path(path).name) for name, path in written.items()}


ClaimGraph.views = ExportViews()

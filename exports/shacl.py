"""Validate a build's RDF against the model's SHACL shapes (``exports/shapes.ttl``).

The shapes cover every class of the model: required properties, datatypes and cardinalities;
selector offsets consistent with the exact text (``oa:end - oa:start`` is the length of
``oa:exact``, per content span); ``ckg:contradicts`` stored both ways; every claim with at least
one mention. Validation runs on the union of the named graphs (pyshacl, SPARQL constraints on).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import SH

from ..ingest.errors import InputError
from .vocab import SHAPES_PATH, bind_prefixes

__all__ = ["Violation", "Report", "shapes_graph", "validate_graph", "validate_dir", "union_of_trig"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str
    shape: str

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        return f"{self.focus}{where}: {self.message}"


@dataclass
class Report:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    triples: int = 0

    def verdict(self) -> str:
        if self.conforms:
            return f"valid: {self.triples} triples conform to the claimgraph shapes"
        return f"invalid: {len(self.violations)} violations in {self.triples} triples"


def shapes_graph() -> Graph:
    return Graph().parse(SHAPES_PATH, format="turtle")


def union_of_trig(path: str | Path) -> Graph:
    """The union of the named graphs of a TriG file, as one rdflib ``Graph``."""
    ds = Dataset()
    try:
        ds.parse(str(path), format="trig")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    except Exception as exc:  # rdflib raises parser-specific errors
        detail = " ".join(str(exc).split())[:300]  # rdflib's messages span lines
        raise InputError(f"{path}: not valid TriG ({detail})") from exc
    g = bind_prefixes(Graph())
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def validate_graph(data: Graph) -> Report:
    """Validate ``data`` (a union graph) against the shipped shapes."""
    import pyshacl

    conforms, results, _text = pyshacl.validate(
        data, shacl_graph=shapes_graph(), advanced=True, inference="none", allow_warnings=True
    )
    violations = []
    for res in results.subjects(SH.focusNode, None):
        if results.value(res, SH.resultSeverity) != SH.Violation:
            continue
        path = results.value(res, SH.resultPath)
        violations.append(
            Violation(
                focus=str(results.value(res, SH.focusNode)),
                path=_short(path) if isinstance(path, URIRef) else "",
                message=str(results.value(res, SH.resultMessage) or "violation"),
                shape=str(results.value(res, SH.sourceShape) or ""),
            )
        )
    violations.sort(key=lambda v: (v.focus, v.path, v.message))
    return Report(bool(conforms), violations, len(data))


def _short(iri: URIRef) -> str:
    g = bind_prefixes(Graph())
    try:
        return g.namespace_manager.normalizeUri(iri)
    except Exception:  # pragma: no cover - an IRI rdflib cannot shorten
        return str(iri)


def validate_dir(out_dir: str | Path) -> Report:
    """Validate the ``graph.trig`` of a build directory."""
    path = Path(out_dir) / "graph.trig"
    if not path.exists():
        raise InputError(f"{out_dir}: no graph.trig here; run `claimgraph build` first")
    return validate_graph(union_of_trig(path))

"""pyshacl's verdict on a graph, as the same ``Violation`` records: the reference for the validator.

pyshacl is a general SHACL engine (too slow for real builds, exact on small graphs), so the
tests run both on the same data and compare results field by field.
"""

from __future__ import annotations

import pyoxigraph as ox
import rdflib
from rdflib.namespace import SH

from claimgraph.exports.shacl import Violation, show
from claimgraph.exports.vocab import SHAPES_PATH


def _ox(term: rdflib.term.Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, rdflib.URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, rdflib.Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or rdflib.XSD.string)))
    return ox.BlankNode(str(term))


def _path(results: rdflib.Graph, node: rdflib.term.Node | None) -> str:
    if isinstance(node, rdflib.URIRef):
        return show(_ox(node))
    inverse = results.value(node, SH.inversePath) if node is not None else None
    return "^" + show(_ox(inverse)) if inverse is not None else ""


def pyshacl_violations(data: rdflib.Graph) -> list[Violation]:
    """pyshacl's violations of the shipped shapes on ``data``; ``shape`` is left empty."""
    import pyshacl

    shapes = rdflib.Graph().parse(SHAPES_PATH, format="turtle")
    _conforms, results, _text = pyshacl.validate(
        data, shacl_graph=shapes, advanced=True, inference="none", allow_warnings=True
    )
    found = []
    for res in results.subjects(SH.focusNode, None):
        if results.value(res, SH.resultSeverity) != SH.Violation:
            continue
        value = results.value(res, SH.value)
        found.append(
            Violation(
                focus=str(results.value(res, SH.focusNode)),
                path=_path(results, results.value(res, SH.resultPath)),
                message=str(results.value(res, SH.resultMessage) or ""),
                shape="",
                component="sh:"
                + str(results.value(res, SH.sourceConstraintComponent)).removeprefix(str(SH)),
                value=show(_ox(value)) if value is not None else "",
            )
        )
    return sorted(found, key=lambda v: (v.focus, v.path, v.message, v.value))

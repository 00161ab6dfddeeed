"""The canonical N-Quads of a build, parsed once, and every RDF format written from them.

A build writes the same quads five ways (N-Quads, TriG, Turtle, JSON-LD and the Oxigraph
store). The sorted N-Quads text is the canonical form; it is parsed once by a strict parser
(pyoxigraph), which is also the check that nothing malformed leaves, and TriG, Turtle and JSON-LD
are written from those parsed quads instead of each parsing the text again.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from functools import cached_property
from typing import IO, Any

from .vocab import PREFIXES, RDF, XSD

__all__ = ["CanonicalRDF", "JSONLD_CONTEXT", "FORMATS"]

#: The formats :meth:`CanonicalRDF.serialise` writes.
FORMATS = ("nq", "trig", "ttl", "jsonld")

JSONLD_CONTEXT: dict[str, Any] = {
    "schema": "http://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "ckg": "https://w3id.org/claimgraph/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
}

_OX_PREFIXES = {k: str(v) for k, v in PREFIXES.items()}
_COMPACT = sorted(((v, k) for k, v in JSONLD_CONTEXT.items()), key=lambda x: -len(x[0]))
_RDF_TYPE = str(RDF.type)
_XSD_STRING = str(XSD.string)


class CanonicalRDF:
    """A sorted, de-duplicated N-Quads document and its quads, parsed on first use.

    Args:
        text: the N-Quads document, one statement per line.

    Raises:
        SyntaxError: (from :attr:`quads`) when ``text`` is not valid N-Quads.
    """

    def __init__(self, text: str) -> None:
        self.text = text

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> CanonicalRDF:
        return cls("".join(line + "\n" for line in lines))

    @cached_property
    def data(self) -> bytes:
        """The document as UTF-8: what graph.nq holds and the store is loaded from."""
        return self.text.encode("utf-8")

    @cached_property
    def quads(self) -> list:  # list[pyoxigraph.Quad], in line order
        import pyoxigraph as ox

        return list(ox.parse(self.data, format=ox.RdfFormat.N_QUADS))

    @cached_property
    def by_graph(self) -> list:
        """The quads sorted by named graph, then statement: the order TriG is written in."""
        return sorted(self.quads, key=lambda q: (str(q.graph_name), str(q)))

    def check(self) -> CanonicalRDF:
        """Parse now (strictly), so a malformed document fails here and not in a writer."""
        _ = self.quads
        return self

    def serialise(self, fmt: str) -> bytes:
        """The document as ``nq``, ``trig``, ``ttl`` (the union) or ``jsonld`` (the union),
        UTF-8."""
        import pyoxigraph as ox

        if fmt == "nq":
            return self.data
        if fmt == "trig":
            return ox.serialize(self.by_graph, format=ox.RdfFormat.TRIG, prefixes=_OX_PREFIXES)
        if fmt == "ttl":
            triples = sorted({q.triple for q in self.quads}, key=str)
            return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=_OX_PREFIXES)
        if fmt == "jsonld":
            out = io.StringIO()
            self.write_jsonld(out)
            return out.getvalue().encode("utf-8")
        raise ValueError(f"format {fmt!r} is invalid; format must be one of {', '.join(FORMATS)}")

    def write_jsonld(self, fh: IO[str]) -> None:
        """Write the union as compact-keyed JSON-LD, one node at a time.

        The canonical lines are sorted, so each subject's statements are contiguous: a node is
        built, written and dropped before the next. Values keep the expanded form (``{"@id":
        …}``, ``{"@value": …, "@language"|"@type": …}``), which is valid under
        :data:`JSONLD_CONTEXT` and expands to the same triples.
        """
        import pyoxigraph as ox

        fh.write('{"@context": ' + json.dumps(JSONLD_CONTEXT) + ',\n "@graph": [')
        first = True
        node: dict | None = None
        subject = None
        seen: set[tuple[str, str]] = set()
        for quad in self.quads:
            s = quad.subject.value
            if s != subject:
                if node is not None:
                    fh.write(("\n  " if first else ",\n  ") + json.dumps(node, ensure_ascii=False))
                    first = False
                subject, node, seen = s, {"@id": s}, set()
            p, o = quad.predicate.value, quad.object
            key = (p, str(o))
            if key in seen:  # the same triple in two named graphs is one triple of the union
                continue
            seen.add(key)
            if p == _RDF_TYPE:
                node.setdefault("@type", []).append(_curie(o.value))
                continue
            if isinstance(o, ox.Literal):
                value: dict = {"@value": o.value}
                if o.language:
                    value["@language"] = o.language
                elif o.datatype.value != _XSD_STRING:
                    value["@type"] = _curie(o.datatype.value)
            else:
                value = {"@id": o.value}
            node.setdefault(_curie(p), []).append(value)
        if node is not None:
            fh.write(("\n  " if first else ",\n  ") + json.dumps(node, ensure_ascii=False))
        fh.write("\n]}\n")


def _curie(iri: str) -> str:
    for ns, prefix in _COMPACT:
        if iri.startswith(ns) and iri != ns:
            return f"{prefix}:{iri[len(ns) :]}"
    return iri

"""The exporters registry: format name → ``write_x(kg, path, **options)``.

GraphML and GEXF go through networkx for Gephi, yEd and Cytoscape; their attribute values must be
scalars, so lists and dicts are flattened to JSON strings and ``None`` is dropped.

Limits: XML 1.0 cannot hold NUL and the other C0 control characters (tab, newline and carriage
return aside), U+FFFE, U+FFFF or lone surrogates, not even as character references. In GraphML
and GEXF each of them becomes U+FFFD, one code point for one (offsets into a text still hold);
every other character, U+2028 included, comes back exactly. The RDF, JSON and records outputs
keep them all.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

from ..graph.model import ClaimGraph
from .atomic import atomic_open, atomic_write_text
from .html import write_html
from .rdf import write_jsonld, write_nquads, write_trig, write_turtle

__all__ = [
    "EXPORTERS",
    "default_name",
    "flat_graph",
    "xml_text",
    "write_graphml",
    "write_gexf",
    "write_json",
]

#: Code points XML 1.0 cannot carry in any form.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

_EXT = {
    "ttl": "ttl",
    "trig": "trig",
    "nq": "nq",
    "jsonld": "jsonld",
    "html": "html",
    "graphml": "graphml",
    "gexf": "gexf",
    "json": "json",
}


def default_name(fmt: str) -> str:
    return f"graph.{_EXT[fmt]}"


def xml_text(text: str) -> str:
    """``text`` with every code point XML 1.0 cannot hold replaced by U+FFFD.

    >>> xml_text("a" + chr(0) + "b" + chr(9) + "c") == "a" + chr(0xFFFD) + "b" + chr(9) + "c"
    True
    """
    return _NOT_XML.sub("\ufffd", text)


def _scalar(value: Any) -> Any:
    if isinstance(value, str):
        return xml_text(value)
    if isinstance(value, (int, float, bool)):
        return value
    return xml_text(json.dumps(value, ensure_ascii=False, sort_keys=True))


def flat_graph(kg: ClaimGraph) -> nx.MultiDiGraph:
    """A copy whose attribute values GraphML/GEXF can hold (scalars, XML-safe; None dropped)."""
    H = nx.MultiDiGraph()
    for n, d in kg.G.nodes(data=True):
        H.add_node(xml_text(n), **{k: _scalar(v) for k, v in d.items() if v is not None})
    for u, v, k, d in kg.G.edges(keys=True, data=True):
        attrs = {a: _scalar(b) for a, b in d.items() if b is not None}
        H.add_edge(xml_text(u), xml_text(v), key=xml_text(k), **attrs)
    return H


def write_graphml(kg: ClaimGraph, path: str | Path) -> None:
    with atomic_open(path, "wb") as fh:
        nx.write_graphml(flat_graph(kg), fh)


def write_gexf(kg: ClaimGraph, path: str | Path) -> None:
    with atomic_open(path, "wb") as fh:
        nx.write_gexf(flat_graph(kg), fh)


def write_json(kg: ClaimGraph, path: str | Path) -> None:
    atomic_write_text(path, kg.dumps())


EXPORTERS: dict[str, Callable[..., None]] = {
    "ttl": write_turtle,
    "trig": write_trig,
    "nq": write_nquads,
    "jsonld": write_jsonld,
    "html": write_html,
    "graphml": write_graphml,
    "gexf": write_gexf,
    "json": write_json,
}

"""The exporters registry: format name → ``write_x(kg, path, **options)``.

GraphML and GEXF go through networkx for Gephi, yEd and Cytoscape; their attribute values must be
scalars, so lists and dicts are flattened to JSON strings and ``None`` is dropped.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

from ..graph.model import ClaimGraph
from .atomic import atomic_open, atomic_write_text
from .html import write_html
from .rdf import write_jsonld, write_nquads, write_trig, write_turtle

__all__ = ["EXPORTERS", "default_name", "flat_graph", "write_graphml", "write_gexf", "write_json"]

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


def _scalar(value: Any) -> Any:
    if isinstance(value, (str, int, float, bool)):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def flat_graph(kg: ClaimGraph) -> nx.MultiDiGraph:
    """A copy whose attribute values GraphML/GEXF can hold (scalars; None dropped)."""
    H = nx.MultiDiGraph()
    for n, d in kg.G.nodes(data=True):
        H.add_node(n, **{k: _scalar(v) for k, v in d.items() if v is not None})
    for u, v, k, d in kg.G.edges(keys=True, data=True):
        H.add_edge(u, v, key=k, **{a: _scalar(b) for a, b in d.items() if b is not None})
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

"""ClaimGraph → one self-contained, offline HTML page drawn with pyvis (vis-network).

Mention nodes are folded into edges (speaker —said→ claim —reported in→ source). The page
inlines vis-network from the pyvis package and references nothing outside the file: pyvis's
``in_line`` mode still links Bootstrap from a CDN, so those tags are removed. Tooltips are plain
strings, which vis-network 9 renders with ``innerText`` — article text never becomes markup.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import networkx as nx

from ..graph import schema as S
from ..graph.model import ClaimGraph
from .atomic import atomic_write_text

__all__ = ["write_html", "render_html", "view_graph", "STYLE_BY_KIND"]

STYLE_BY_KIND = {
    S.CLAIM: {"color": "#e4572e", "shape": "dot"},
    S.SPEAKER: {"color": "#2e86ab", "shape": "diamond"},
    S.SOURCE: {"color": "#76b041", "shape": "square"},
    S.OUTLET: {"color": "#8e6c8a", "shape": "triangle"},
    S.TOPIC: {"color": "#f3a712", "shape": "ellipse"},
}
_REL_STYLE = {
    S.CONTRADICTS: {"color": "#d00000", "dashes": True, "width": 3, "label": "contradicts"},
    S.CONFLICTING_QUANTITY: {
        "color": "#ff7b00",
        "dashes": True,
        "width": 3,
        "label": "conflicting numbers",
    },
    S.CORROBORATES: {"color": "#52b788", "dashes": False, "width": 1, "label": ""},
}
_CDN_TAG = re.compile(
    r"<(link|script)[^>]+(https?:)?//(cdn\.jsdelivr\.net|cdnjs\.cloudflare\.com)[^>]*>"
    r"(\s*</script>)?",
    re.I,
)


def _tooltip(kg: ClaimGraph, node: str, data: dict) -> str:
    kind = data["kind"]
    if kind == S.CLAIM:
        lines = [
            data["text"],
            "",
            "Speakers: " + (", ".join(data.get("speakers", [])) or "—"),
            f"Independent sources: {data.get('n_independent_sources', 0)}",
        ]
        for src in kg.sources(node):
            lines.append(
                f"• {src['outlet'] or src['doc_id']} ({src['published'] or 'no date'}): "
                f"“{src['exact'][:300]}”"
            )
        return "\n".join(lines)
    if kind == S.SPEAKER:
        n_claims = sum(1 for _, _, k in kg.G.out_edges(node, keys=True) if k == S.SAID)
        return "\n".join(
            [
                f"{data['name']} ({data.get('type')})",
                "Also: " + ", ".join(a for a in data.get("aliases", []) if a != data["name"]),
                "Roles: " + (", ".join(data.get("roles", [])) or "—"),
                f"Claims: {n_claims}",
            ]
        )
    if kind == S.SOURCE:
        return "\n".join(
            filter(
                None,
                [
                    data.get("title") or data["doc_id"],
                    data.get("outlet"),
                    data.get("published"),
                    data.get("url") or data.get("path"),
                ],
            )
        )
    return str(data.get("label") or data.get("name") or node)


def view_graph(kg: ClaimGraph, *, max_nodes: int = 1500) -> tuple[nx.DiGraph, dict[str, int]]:
    """The drawn graph: mentions folded into edges, cut to the most corroborated claims."""
    G = kg.G
    claims = sorted(
        (n for n, k in G.nodes(data="kind") if k == S.CLAIM),
        key=lambda c: (-G.nodes[c].get("n_independent_sources", 0), c),
    )
    V = nx.DiGraph()
    budget = max_nodes
    kept_claims = 0
    for c in claims:
        neighbours = {u for u, _, k in G.in_edges(c, keys=True) if k == S.SAID}
        neighbours |= {v for _, v, k in G.out_edges(c, keys=True) if k in (S.REPORTED_IN, S.ABOUT)}
        new = [n for n in (c, *sorted(neighbours)) if n not in V]
        if len(V) + len(new) > budget:
            break
        for n in new:
            V.add_node(n)
        kept_claims += 1
    for n in list(V):
        if G.nodes[n]["kind"] == S.SOURCE:
            for _, o, k in G.out_edges(n, keys=True):
                if k == S.PUBLISHED_BY and len(V) < budget:
                    V.add_node(o)
    for u, v, k in G.edges(keys=True):
        if (
            u in V
            and v in V
            and k
            in (S.SAID, S.REPORTED_IN, S.ABOUT, S.PUBLISHED_BY, S.COPY_OF, S.RELAYS, *_REL_STYLE)
        ):
            V.add_edge(u, v, kind=k)
    cut = {
        "claims_total": len(claims),
        "claims_drawn": kept_claims,
        "nodes_total": sum(1 for _, k in G.nodes(data="kind") if k != S.MENTION),
        "nodes_drawn": V.number_of_nodes(),
    }
    return V, cut


def render_html(kg: ClaimGraph, *, max_nodes: int = 1500, title: str = "claimgraph") -> str:
    from pyvis.network import Network

    V, cut = view_graph(kg, max_nodes=max_nodes)
    net = Network(
        height="85vh", width="100%", directed=True, cdn_resources="in_line", notebook=False
    )
    for n in sorted(V):
        d = kg.G.nodes[n]
        style = STYLE_BY_KIND.get(d["kind"], {})
        size = 10
        if d["kind"] == S.CLAIM:
            size = 8 + 6 * d.get("n_independent_sources", 0)
        label = str(d.get("label") or d.get("name") or n)
        net.add_node(
            n, label=label[:40], title=_tooltip(kg, n, d), group=d["kind"], size=size, **style
        )
    for u, v, data in V.edges(data=True):
        k = data["kind"]
        style = _REL_STYLE.get(k, {"color": "#999999", "width": 1, "label": ""})
        net.add_edge(u, v, title=k.replace("_", " "), **style)
    net.set_options(
        json.dumps(
            {
                "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}},
                "layout": {"improvedLayout": False},
                "physics": {"solver": "forceAtlas2Based", "stabilization": {"iterations": 200}},
                "interaction": {"hover": True, "tooltipDelay": 120},
            }
        )
    )
    page = net.generate_html(notebook=False)
    page = _CDN_TAG.sub("", page)
    s = kg.stats()
    heading = (
        f'<h1 style="font:600 18px sans-serif;margin:8px">{html.escape(title)}: '
        f"{s['sources']} articles, {s['outlets']} outlets, {s['speakers']} speakers, "
        f"{s['claims']} claims</h1>"
    )
    if cut["claims_drawn"] < cut["claims_total"]:
        heading += (
            f'<p style="font:13px sans-serif;margin:8px">Showing the {cut["claims_drawn"]} most '
            f"corroborated of {cut['claims_total']} claims ({cut['nodes_drawn']} of "
            f"{cut['nodes_total']} nodes); raise --max-nodes to see more.</p>"
        )
    legend = "".join(
        f'<span style="margin-right:12px"><span style="display:inline-block;width:10px;'
        f'height:10px;background:{st["color"]}"></span> {kind}</span>'
        for kind, st in STYLE_BY_KIND.items()
    )
    heading += f'<div style="font:13px sans-serif;margin:8px">{legend}</div>'
    stop = (
        "<script>network.once('stabilizationIterationsDone',"
        "function(){network.setOptions({physics:false});});</script></body>"
    )
    page = page.replace("<body>", "<body>" + heading, 1).replace("</body>", stop, 1)
    return page


def write_html(kg: ClaimGraph, path: str | Path, *, max_nodes: int = 1500) -> None:
    atomic_write_text(path, render_html(kg, max_nodes=max_nodes))

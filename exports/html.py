"""ClaimGraph → one self-contained, offline HTML page drawn with pyvis (vis-network).

The page is a single file: vis-network (the copy vendored in the pyvis package), a small
stylesheet and script of our own (``assets/``) and the graph data are all inlined, and nothing
is fetched — no CDN, no fonts, no images. pyvis's own template is not used: in 0.3.2 its
``in_line`` mode still links Bootstrap from a CDN, and it switches to an ``innerHTML`` popup as
soon as any tooltip contains the string ``href`` — with article text in the tooltips, that is
an open door. pyvis builds the node and edge lists and the options; we render them.

What is drawn (:func:`view_graph`): mention nodes are folded into edges (speaker —said→ claim
—reported in→ source —published by→ outlet; claim —about→ topic), claim–claim relations are
kept (``contradicts`` and ``conflicting_quantity`` stand out), and a big corpus is cut to the
most corroborated claims with their neighbours, within ``max_nodes``. An ego view
(``speaker=`` or ``topic=``) draws only that node's neighbourhood.

Security: article text is untrusted. Every string reaches the page as JSON inside a
``<script type="application/json">`` element with ``<``, ``>``, ``&`` and U+2028/9 escaped, so
no quote can close the script or open a tag; the page script builds tooltips with
``textContent`` only, and labels are drawn on a canvas. Nothing from the data is ever parsed as
HTML.

Limits: layout is computed in the browser (forceAtlas2, stopped after stabilisation), so the
time to open grows with ``max_nodes``; positions are not saved in the file.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from ..graph import schema as S
from ..graph.model import ClaimGraph
from ..ingest.errors import ExportError
from .atomic import atomic_write_text

__all__ = [
    "DEFAULT_MAX_NODES",
    "EDGE_STYLE",
    "KIND_STYLE",
    "Cut",
    "notebook_html",
    "render_html",
    "script_json",
    "view_graph",
    "write_html",
]

DEFAULT_MAX_NODES = 1500

# Drawn node kinds in legend order: colour, vis shape, legend name.
KIND_STYLE: dict[str, dict[str, str]] = {
    S.CLAIM: {"color": "#e4572e", "shape": "dot", "name": "claim"},
    S.SPEAKER: {"color": "#2e86ab", "shape": "diamond", "name": "speaker"},
    S.SOURCE: {"color": "#4f9d2d", "shape": "square", "name": "article"},
    S.OUTLET: {"color": "#8e6c8a", "shape": "triangle", "name": "outlet"},
    S.TOPIC: {"color": "#e0a100", "shape": "dot", "name": "topic"},
}

# Drawn edge kinds. Symmetric relations (stored both ways) are drawn once, without arrows.
EDGE_STYLE: dict[str, dict[str, Any]] = {
    S.SAID: {"color": "#2e86ab", "width": 1.5, "title": "said"},
    S.REPORTED_IN: {"color": "#9bbf85", "width": 1, "title": "reported in"},
    S.PUBLISHED_BY: {"color": "#b9a3b7", "width": 1, "title": "published by"},
    S.ABOUT: {"color": "#e8d28a", "width": 0.5, "title": "about"},
    S.COPY_OF: {"color": "#4f9d2d", "width": 2, "dashes": [2, 4], "title": "copy of"},
    S.RELAYS: {"color": "#2e86ab", "width": 1, "dashes": [2, 4], "title": "relays"},
    S.MEMBER_OF: {"color": "#2e86ab", "width": 1, "dashes": [6, 3], "title": "member of"},
    S.CORROBORATES: {"color": "#52b788", "width": 2, "title": "corroborates"},
    S.CONTRADICTS: {
        "color": "#d00000",
        "width": 3,
        "dashes": [10, 6],
        "label": "contradicts",
        "title": "contradicts",
        "symmetric": True,
    },
    S.CONFLICTING_QUANTITY: {
        "color": "#ff7b00",
        "width": 3,
        "dashes": [10, 6],
        "label": "conflicting numbers",
        "title": "conflicting numbers",
        "symmetric": True,
    },
}
_EDGE_RANK = {S.CONTRADICTS: 0, S.CONFLICTING_QUANTITY: 1, S.CORROBORATES: 2}

_MAX_QUOTE = 300  # characters of a quoted span shown in a tooltip
_MAX_TIP_SOURCES = 12  # sources listed in a claim's tooltip
_MAX_LABEL = 40
_QUOTE_MARKS = '"“”«»„ '  # stripped from a quoted span; the tooltip adds its own
# Label sizes: small ones vanish when zoomed out (vis drawThreshold), big ones stay readable.
_FONT = {S.CLAIM: 13, S.SPEAKER: 16, S.SOURCE: 12, S.OUTLET: 14, S.TOPIC: 10}

# vis-network options tuned for big graphs: straight edges, no slow initial layout, a cheap
# solver, physics switched off by the page script once stabilised.
_OPTIONS: dict[str, Any] = {
    "autoResize": True,
    "nodes": {
        "font": {"size": 12, "face": "sans-serif", "strokeWidth": 2},
        "borderWidth": 1,
    },
    "edges": {
        "smooth": False,
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.4}},
        "font": {"size": 11, "align": "middle", "strokeWidth": 3},
        "selectionWidth": 2,
    },
    "layout": {"improvedLayout": False, "randomSeed": 7},
    "physics": {
        "enabled": True,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {
            "gravitationalConstant": -60,
            "centralGravity": 0.012,
            "springLength": 90,
            "springConstant": 0.08,
            "damping": 0.5,
            "avoidOverlap": 0,
            # Barnes-Hut accuracy: the repulsion pass is most of the layout time; 1.2 (vs
            # the default 0.5) cut a 1,500-node layout from ~30 s to ~8 s on two cores.
            "theta": 1.2,
        },
        "minVelocity": 1.0,
        "timestep": 0.5,
        "adaptiveTimestep": True,
        "stabilization": {"enabled": True, "iterations": 250, "updateInterval": 25, "fit": True},
    },
    "interaction": {
        "hover": True,
        "tooltipDelay": 150,
        "hideEdgesOnDrag": True,
        "hideEdgesOnZoom": True,
        "multiselect": True,
        "navigationButtons": False,
    },
}


@dataclass
class Cut:
    """What the drawn graph holds of the whole one, said on the page."""

    claims_total: int
    claims_drawn: int
    nodes_total: int
    nodes_drawn: int
    max_nodes: int
    left_out: dict[str, int] = field(default_factory=dict)  # node kind → nodes not drawn
    focus: dict[str, str] | None = None  # ego view: {"kind", "id", "name"}

    @property
    def is_cut(self) -> bool:
        return self.claims_drawn < self.claims_total or any(self.left_out.values())


# -- the drawn graph -------------------------------------------------------------------
def _out(G: nx.MultiDiGraph, n: str, keys: tuple[str, ...]) -> set[str]:
    return {v for _, v, k in G.out_edges(n, keys=True) if k in keys}


def _in(G: nx.MultiDiGraph, n: str, keys: tuple[str, ...]) -> set[str]:
    return {u for u, _, k in G.in_edges(n, keys=True) if k in keys}


def _claim_rank(G: nx.MultiDiGraph, c: str) -> tuple:
    d = G.nodes[c]
    return (-d.get("n_independent_sources", 0), -d.get("n_sources", 0), c)


def _shared_topic(G: nx.MultiDiGraph, t: str) -> bool:
    """Only topics of two or more claims are drawn; a claim's own key phrase is in its tooltip."""
    return len(_in(G, t, (S.ABOUT,))) >= 2


def _claim_block(G: nx.MultiDiGraph, c: str) -> list[str]:
    """A claim, its speakers, sources, topics, and the outlets of those sources."""
    around = _in(G, c, (S.SAID,)) | _out(G, c, (S.REPORTED_IN,))
    around |= {t for t in _out(G, c, (S.ABOUT,)) if _shared_topic(G, t)}
    outlets = {
        o
        for s in around
        if G.nodes[s].get("kind") == S.SOURCE
        for o in _out(G, s, (S.PUBLISHED_BY,))
    }
    return [c, *sorted(around | outlets)]


def _ego_claims(kg: ClaimGraph, speaker: str | None, topic: str | None) -> tuple[set[str], dict]:
    G = kg.G
    if speaker is not None:
        sp = kg.find_speaker(speaker)
        if sp is None:
            raise ExportError(
                f"no speaker matches {speaker!r}; list the names with "
                "`claimgraph query DIR --speaker` or kg.speakers()"
            )
        focus = {"kind": S.SPEAKER, "id": sp, "name": G.nodes[sp]["name"]}
        return _out(G, sp, (S.SAID,)), focus
    key = " ".join(str(topic).casefold().split())
    topics = [
        n
        for n, d in G.nodes(data=True)
        if d.get("kind") == S.TOPIC and key in " ".join(str(d.get("label", "")).casefold().split())
    ]
    if not topics:
        raise ExportError(f"no topic matches {topic!r}; topics are key phrases of claims")
    best = min(topics, key=lambda t: (len(G.nodes[t].get("label", "")), t))
    focus = {"kind": S.TOPIC, "id": best, "name": G.nodes[best].get("label", best)}
    return _in(G, best, (S.ABOUT,)), focus


def view_graph(
    kg: ClaimGraph,
    *,
    max_nodes: int = DEFAULT_MAX_NODES,
    speaker: str | None = None,
    topic: str | None = None,
) -> tuple[nx.DiGraph, Cut]:
    """The graph the page draws, and what was left out of it.

    Claims are taken most corroborated first (independent sources, then sources, then id),
    each with its speakers, sources, outlets and topics, while the total stays within
    ``max_nodes``; the first claim that does not fit ends the cut, so the drawn claims are
    always the top of the ranking. With ``speaker`` or ``topic`` only the claims of that node
    are candidates (its ego view), and the node itself is always drawn. Edges are those of the
    whole graph between drawn nodes; mentions are never drawn.

    The input graph is not changed.

    Raises:
        ExportError: ``speaker`` or ``topic`` matches nothing.
    """
    G = kg.G
    all_claims = [n for n, k in G.nodes(data="kind") if k == S.CLAIM]
    focus = None
    candidates = all_claims
    if speaker is not None and topic is not None:
        raise ExportError("an ego view is of one node: give speaker or topic, not both")
    if speaker is not None or topic is not None:
        chosen, focus = _ego_claims(kg, speaker, topic)
        candidates = list(chosen)
    ranked = sorted(candidates, key=lambda c: _claim_rank(G, c))

    keep: dict[str, None] = {}  # insertion-ordered set
    if focus is not None:
        keep[focus["id"]] = None
    drawn_claims = 0
    for c in ranked:
        new = [n for n in _claim_block(G, c) if n not in keep]
        if len(keep) + len(new) > max_nodes:
            break
        keep.update(dict.fromkeys(new))
        drawn_claims += 1

    # Speakers with no claim of their own (a spokesman who only relays, an organisation a
    # speaker belongs to) come with the speakers they are linked to, while there is room.
    for n in [n for n in keep if G.nodes[n]["kind"] == S.SPEAKER]:
        for u, v, k in [*G.in_edges(n, keys=True), *G.out_edges(n, keys=True)]:
            other = u if v == n else v
            if k in (S.RELAYS, S.MEMBER_OF) and other not in keep and len(keep) < max_nodes:
                keep[other] = None

    V = nx.DiGraph()
    for n in keep:
        V.add_node(n, kind=G.nodes[n]["kind"])
    # One drawn edge per pair: the most telling kind wins (a pair that both contradicts and
    # conflicts on numbers is drawn as a contradiction); symmetric kinds are drawn once.
    for u, v, k in sorted(G.edges(keys=True), key=lambda e: (_EDGE_RANK.get(e[2], 9), e)):
        if k not in EDGE_STYLE or u not in V or v not in V:
            continue
        if V.has_edge(u, v) or (EDGE_STYLE[k].get("symmetric") and V.has_edge(v, u)):
            continue
        V.add_edge(u, v, kind=k)

    totals = Counter(
        k
        for n, k in G.nodes(data="kind")
        if k != S.MENTION and (k != S.TOPIC or _shared_topic(G, n))
    )
    drawn = Counter(k for _, k in V.nodes(data="kind"))
    if focus is None:
        left_out = {k: totals[k] - drawn[k] for k in KIND_STYLE if totals[k] - drawn[k]}
    else:  # an ego view leaves out the rest of the graph by design; count only its own claims
        left_out = {S.CLAIM: len(candidates) - drawn_claims} if drawn_claims < len(ranked) else {}
    cut = Cut(
        claims_total=len(candidates),
        claims_drawn=drawn_claims,
        nodes_total=sum(totals.values()),
        nodes_drawn=V.number_of_nodes(),
        max_nodes=max_nodes,
        left_out=left_out,
        focus=focus,
    )
    return V, cut


# -- tooltips --------------------------------------------------------------------------
def _clip(text: Any, n: int) -> str:
    s = " ".join(str(text or "").split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def _tip(kg: ClaimGraph, n: str, d: dict) -> dict[str, Any]:
    """Tooltip content as plain strings: ``h`` heading, ``p`` lines, ``q`` quoted sources.

    The page script turns this into DOM nodes with ``textContent``; nothing here is markup.
    """
    G = kg.G
    kind = d["kind"]
    if kind == S.CLAIM:
        speakers = d.get("speakers") or sorted(G.nodes[s]["name"] for s in _in(G, n, (S.SAID,)))
        lines = [
            "Said by: " + (", ".join(speakers) or "no named speaker"),
            f"Sources: {d.get('n_sources', 0)} ({d.get('n_independent_sources', 0)} independent)",
        ]
        topics = sorted(G.nodes[t].get("label", t) for t in _out(G, n, (S.ABOUT,)))
        if topics:
            lines.append("Topics: " + ", ".join(topics))
        relations = []
        for k in (S.CONTRADICTS, S.CONFLICTING_QUANTITY):
            for other in sorted(_out(G, n, (k,))):
                relations.append(f"{EDGE_STYLE[k]['title']}: {_clip(G.nodes[other]['text'], 120)}")
        quotes = []
        rows = kg.sources(n)
        for src in rows[:_MAX_TIP_SOURCES]:
            meta = " · ".join(
                filter(
                    None,
                    [
                        src.get("outlet") or src["doc_id"],
                        src.get("published") or "no date",
                        src.get("speaker"),
                        "copy" if src.get("copy_of") else None,
                    ],
                )
            )
            quotes.append([meta, _clip(src.get("exact"), _MAX_QUOTE).strip(_QUOTE_MARKS)])
        tip = {"h": _clip(d.get("text"), 600), "p": lines + relations, "q": quotes}
        if len(rows) > _MAX_TIP_SOURCES:
            tip["p"].append(f"… and {len(rows) - _MAX_TIP_SOURCES} more sources")
        return tip
    if kind == S.SPEAKER:
        aliases = [a for a in d.get("aliases", []) if a != d.get("name")]
        lines = [
            f"Type: {d.get('type') or 'unknown'}",
            "Also named: " + (", ".join(aliases) or "—"),
            "Roles: " + (", ".join(d.get("roles", [])) or "—"),
        ]
        if d.get("affiliation"):
            lines.append(f"Affiliation: {d['affiliation']}")
        lines.append(f"Claims: {len(_out(G, n, (S.SAID,)))}")
        return {"h": d.get("name") or n, "p": lines}
    if kind == S.SOURCE:
        lines = [
            f"Outlet: {d.get('outlet') or 'unknown'}",
            f"Published: {d.get('published') or 'no date'}",
            f"Claims: {len(_in(G, n, (S.REPORTED_IN,)))}",
        ]
        if d.get("copy_of"):
            copy_of = G.nodes[d["copy_of"]] if d["copy_of"] in G else {}
            lines.append("Copy of: " + str(copy_of.get("title") or d["copy_of"]))
        lines.append(str(d.get("url") or d.get("path") or d.get("doc_id")))
        return {"h": d.get("title") or d.get("doc_id") or n, "p": lines}
    if kind == S.OUTLET:
        lines = [f"Articles: {len(_in(G, n, (S.PUBLISHED_BY,)))}"]
        if d.get("parent"):
            lines.insert(0, f"Part of: {d['parent']}")
        return {"h": d.get("name") or n, "p": lines}
    if kind == S.TOPIC:
        return {"h": d.get("label") or n, "p": [f"Claims: {len(_in(G, n, (S.ABOUT,)))}"]}
    return {"h": str(d.get("label") or n), "p": []}


def _search_text(d: dict) -> str:
    parts = [d.get("label"), d.get("name"), d.get("text"), *d.get("aliases", [])]
    return " ".join(" ".join(str(p).casefold().split()) for p in parts if p)


# -- the page --------------------------------------------------------------------------
def script_json(data: Any) -> str:
    """JSON safe to place inside a ``<script>`` element: no ``<``, ``>``, ``&``, U+2028/9.

    The escapes are JSON escapes, so ``JSON.parse`` gives back the same strings; a lone
    surrogate is escaped too, so the page is always valid UTF-8.

    >>> script_json({"q": "</script><b>&"})
    '{"q":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for ch, esc in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(ch, esc)
    return re.sub("[\ud800-\udfff]", lambda m: f"\\u{ord(m.group(0)):04x}", text)


def _network(kg: ClaimGraph, V: nx.DiGraph, focus: str | None):
    """The pyvis network of the drawn graph (nodes, edges, options), never shown or saved."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line", notebook=False)
    G = kg.G
    for n in V:  # insertion order: most corroborated first
        d = G.nodes[n]
        kind = d["kind"]
        size = 9
        if kind == S.CLAIM:
            size = 7 + 5 * min(d.get("n_independent_sources", 0), 8)
        elif kind == S.SPEAKER:
            size = 10 + 2 * min(len(_out(G, n, (S.SAID,))), 10)
        elif kind == S.TOPIC:
            size = 5
        label = _clip(d.get("label") or d.get("name") or n, _MAX_LABEL)
        extra = {"borderWidth": 4} if n == focus else {}
        if n == focus:
            size += 6
        shape = KIND_STYLE[kind]["shape"]  # pyvis would otherwise force "dot" over the group
        net.add_node(n, label=label, group=kind, shape=shape, size=size, **extra)
    for u, v, k in V.edges(data="kind"):
        style = {key: val for key, val in EDGE_STYLE[k].items() if key != "symmetric"}
        if EDGE_STYLE[k].get("symmetric"):
            style["arrows"] = {"to": {"enabled": False}}
        net.add_edge(u, v, kind=k, **style)
    options = json.loads(json.dumps(_OPTIONS))
    options["groups"] = {
        kind: {"color": st["color"], "shape": st["shape"], "font": {"size": _FONT[kind]}}
        for kind, st in KIND_STYLE.items()
    }
    net.options = options
    return net


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("assets", name).read_text(encoding="utf-8")


def _vis_js() -> str:
    import pyvis

    path = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
    js = path.read_text(encoding="utf-8")
    return js.replace("</script", "<\\/script")  # never true today; cheap insurance


def _summary(kg: ClaimGraph) -> dict[str, int]:
    s = kg.stats()
    return {k: s.get(k, 0) for k in ("sources", "outlets", "speakers", "claims")}


def _n(x: int) -> str:
    return f"{x:,}"


def _plural(n: int, word: str) -> str:
    return f"{_n(n)} {word}{'' if n == 1 else 's'}"


def _header(title: str, summary: dict[str, int], cut: Cut, drawn: Counter) -> str:
    """The heading, what is drawn and what was left out, and the legend (escaped HTML)."""
    e = html.escape
    corpus = ", ".join(
        _plural(summary[k], w)
        for k, w in (
            ("sources", "article"),
            ("outlets", "outlet"),
            ("speakers", "speaker"),
            ("claims", "claim"),
        )
    )
    out = [f'<h1>{e(title)}</h1><p class="summary">{e(corpus)}</p>']
    notes = []
    if cut.focus is not None:
        what = "speaker" if cut.focus["kind"] == S.SPEAKER else "topic"
        notes.append(
            f"Ego view of the {what} <b>{e(cut.focus['name'])}</b>: its "
            f"{_plural(cut.claims_total, 'claim')} with their speakers, articles and topics."
        )
    if cut.is_cut:
        left = ", ".join(_plural(v, KIND_STYLE[k]["name"]) for k, v in cut.left_out.items() if v)
        notes.append(
            f"Showing the {_n(cut.claims_drawn)} most corroborated of "
            f"{_plural(cut.claims_total, 'claim')} ({_n(cut.nodes_drawn)} nodes, limit "
            f"{_n(cut.max_nodes)}). Left out: {e(left)}. "
            "Raise <code>--max-nodes</code> to draw more."
        )
    if notes:
        out.append('<p class="note" id="cut-note">' + " ".join(notes) + "</p>")
    legend = []
    for kind, st in KIND_STYLE.items():
        legend.append(
            f'<label class="kind"><input type="checkbox" checked data-kind="{kind}">'
            f'<span class="swatch {st["shape"]}" style="--c:{st["color"]}"></span>'
            f'{e(st["name"])} <span class="count">{_n(drawn.get(kind, 0))}</span></label>'
        )
    legend.append('<span class="rel contradicts">contradicts</span>')
    legend.append('<span class="rel conflicting">conflicting numbers</span>')
    out.append('<div class="legend" id="legend">' + "".join(legend) + "</div>")
    return "".join(out)


def render_html(
    kg: ClaimGraph,
    *,
    max_nodes: int = DEFAULT_MAX_NODES,
    speaker: str | None = None,
    topic: str | None = None,
    title: str = "claimgraph",
) -> str:
    """The self-contained page as a string (see the module docstring for what it holds).

    Raises:
        ExportError: ``speaker`` or ``topic`` matches nothing.
    """
    V, cut = view_graph(kg, max_nodes=max_nodes, speaker=speaker, topic=topic)
    net = _network(kg, V, cut.focus["id"] if cut.focus else None)
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    G = kg.G
    data = {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options),
        "tips": {n: _tip(kg, n, G.nodes[n]) for n in V},
        "search": {
            n: _search_text(G.nodes[n])
            for n in V
            if G.nodes[n]["kind"] in (S.CLAIM, S.SPEAKER, S.TOPIC, S.OUTLET)
        },
        "kinds": [{"kind": k, **st} for k, st in KIND_STYLE.items()],
        "summary": _summary(kg),
        "cut": asdict(cut),
    }
    page = _asset("graph.html")
    parts = {
        "@TITLE@": html.escape(title),
        "@HEADER@": _header(title, data["summary"], cut, Counter(V.nodes[n]["kind"] for n in V)),
        "@CSS@": _asset("graph.css"),
        "@VIS_JS@": _vis_js(),
        "@DATA@": script_json(data),
        "@JS@": _asset("graph.js"),
    }
    # One pass, so text substituted for one marker is never searched for another.
    return re.sub("|".join(map(re.escape, parts)), lambda m: parts[m.group(0)], page)


def write_html(
    kg: ClaimGraph,
    path: str | Path,
    *,
    max_nodes: int = DEFAULT_MAX_NODES,
    speaker: str | None = None,
    topic: str | None = None,
    title: str = "claimgraph",
) -> None:
    """Write :func:`render_html` to ``path`` atomically."""
    page = render_html(kg, max_nodes=max_nodes, speaker=speaker, topic=topic, title=title)
    atomic_write_text(path, page)


def notebook_html(page: str, *, height: int = 640) -> str:
    """A page embedded for Jupyter: an ``<iframe srcdoc>`` holding the escaped page.

    The iframe is sandboxed (scripts yes, same origin no): the graph runs, but it cannot
    reach the notebook around it, whatever the article text holds.
    """
    return (
        f'<iframe srcdoc="{html.escape(page, quote=True)}" sandbox="allow-scripts" '
        f'style="width:100%;height:{int(height)}px;border:1px solid #ddd" '
        'title="claimgraph"></iframe>'
    )

"""Stories of a claim graph for the page: the graph's own ``story`` nodes, or a grouping made here.

A story is a set of articles about one event. When the graph has ``story`` nodes (each article
``part_of`` one), those are the stories. A graph built without them is grouped here: articles
that report a common claim are one story (connected components of the article–claim graph;
only a claim of :data:`MIN_LINK_WORDS` words or more, reported by at most
:data:`MAX_LINK_SOURCES` articles, links them), and an article sharing no claim is a story of
its own. Such a story is labelled by its central article's headline, or by the key phrases
most of its claims are about when the articles have none. The fallback is coarse on purpose —
it never joins articles that share no claim — and the page says when it is used.

A claim belongs to the story holding most of the articles that report it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import networkx as nx

from ...graph import schema as S

__all__ = ["STORY", "PART_OF", "Story", "find_stories", "claim_story"]

#: Node kind and edge kind of a story in the graph (kept here until the graph schema has them).
STORY = getattr(S, "STORY", "story")
PART_OF = getattr(S, "PART_OF", "part_of")


@dataclass
class Story:
    """One story: its articles (source node ids), label and date range."""

    id: str
    label: str
    sources: list[str]
    first_seen: str | None = None
    last_seen: str | None = None
    computed: bool = False
    claims: list[str] = field(default_factory=list)  # filled by :func:`claim_story`


def _dates(G: nx.MultiDiGraph, sources: list[str]) -> list[str]:
    return sorted(d for s in sources if (d := G.nodes[s].get("published")))


def _from_nodes(G: nx.MultiDiGraph) -> list[Story]:
    members: dict[str, list[str]] = {}
    for u, v, k in G.edges(keys=True):
        if k == PART_OF and G.nodes[v].get("kind") == STORY:
            members.setdefault(v, []).append(u)
    out = []
    for n, d in G.nodes(data=True):
        if d.get("kind") != STORY:
            continue
        sources = sorted(members.get(n, []))
        dates = _dates(G, sources)
        out.append(
            Story(
                id=n,
                label=str(d.get("label") or n),
                sources=sources,
                first_seen=d.get("first_seen") or (dates[0] if dates else None),
                last_seen=d.get("last_seen") or (dates[-1] if dates else None),
            )
        )
    return out


def _title(G: nx.MultiDiGraph, source: str) -> str:
    d = G.nodes[source]
    return str(d.get("title") or d.get("doc_id") or source)


#: A claim links the articles reporting it into one story only when it says this much: a
#: short, generic claim ("this", "plans") shared by many articles would chain them all.
MIN_LINK_WORDS = 5
MAX_LINK_SOURCES = 12


def _links_articles(claim: dict) -> bool:
    return (
        len(str(claim.get("text", "")).split()) >= MIN_LINK_WORDS
        and int(claim.get("n_sources", 0)) <= MAX_LINK_SOURCES
    )


def _components(G: nx.MultiDiGraph) -> list[Story]:
    """Articles linked by a claim they both report, as stories; labelled by their central
    article (the one reporting most claims, then the earliest)."""
    U = nx.Graph()
    claims_in: Counter[str] = Counter()
    for n, d in G.nodes(data=True):
        if d.get("kind") == S.SOURCE:
            U.add_node(n)
    for u, v, k in G.edges(keys=True):
        if k == S.REPORTED_IN:
            claims_in[v] += 1
            if _links_articles(G.nodes[u]):
                U.add_edge(u, v)  # claim — source
    out = []
    for comp in nx.connected_components(U):
        sources = sorted(n for n in comp if G.nodes[n].get("kind") == S.SOURCE)
        if not sources:
            continue
        dates = _dates(G, sources)
        central = min(
            sources, key=lambda s: (-claims_in[s], G.nodes[s].get("published") or "9999", s)
        )
        out.append(
            Story(
                id=f"story:{central}",
                label=_title(G, central),
                sources=sources,
                first_seen=dates[0] if dates else None,
                last_seen=dates[-1] if dates else None,
                computed=True,
            )
        )
    return out


def find_stories(G: nx.MultiDiGraph) -> list[Story]:
    """The stories of ``G`` (see the module docstring), each with the claims it holds, most
    articles first; stories without a claim are left out."""
    has_nodes = any(k == STORY for _, k in G.nodes(data="kind"))
    stories = _from_nodes(G) if has_nodes else _components(G)
    claim_story(G, stories)
    stories = [s for s in stories if s.claims]
    for st in stories:
        if st.computed and not _is_title(G, st):
            st.label = _topics_label(G, st) or st.label
    stories.sort(key=lambda s: (-len(s.sources), -len(s.claims), s.label, s.id))
    return stories


def _is_title(G: nx.MultiDiGraph, story: Story) -> bool:
    """Whether a computed story's label is a headline (not a file name or a URL)."""
    return any(
        G.nodes[s].get("title") == story.label and "://" not in story.label
        for s in story.sources
    )


def _topics_label(G: nx.MultiDiGraph, story: Story, n: int = 3) -> str:
    """The key phrases most of a story's claims are about ("Sarah Palin · Wasilla")."""
    counts: Counter[str] = Counter()
    for c in story.claims:
        for _, t, k in G.out_edges(c, keys=True):
            if k == S.ABOUT:
                counts[str(G.nodes[t].get("label") or t)] += 1
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    return " · ".join(label for label, _ in top)


def claim_story(G: nx.MultiDiGraph, stories: list[Story]) -> dict[str, str]:
    """Claim id → story id, and each story's ``claims`` filled: a claim goes to the story
    holding most of its articles (ties: the bigger story, then its id)."""
    story_of_source = {s: st.id for st in stories for s in st.sources}
    size = {st.id: len(st.sources) for st in stories}
    votes: dict[str, Counter[str]] = {}
    for u, v, k in G.edges(keys=True):
        if k == S.REPORTED_IN and v in story_of_source:
            votes.setdefault(u, Counter())[story_of_source[v]] += 1
    out = {c: min(count, key=lambda st: (-count[st], -size[st], st)) for c, count in votes.items()}
    by_id = {st.id: st for st in stories}
    for st in stories:
        st.claims = []
    for c in sorted(out):
        by_id[out[c]].claims.append(c)
    return out

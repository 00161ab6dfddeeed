"""Small hand-built claim graphs for the HTML tests, with hostile text in every field."""

from __future__ import annotations

from claimgraph import ClaimGraph
from claimgraph.graph import schema as S

HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
HOSTILE_HREF = "</script><a href=javascript:window.__pwned=3>here</a>\u2028&amp;"


def corroboration_graph(n_claims: int = 30, *, hostile: bool = False) -> ClaimGraph:
    """``n_claims`` claims; claim ``i`` has ``i % 6`` extra sources (rank = sources).

    Speakers ``speaker/0..2`` say claims round-robin; every source has its own outlet; claims
    share topics in pairs; claims 0 and 1 contradict each other; 2 and 3 conflict on numbers.
    """
    G = ClaimGraph().G
    bad = f" {HOSTILE} {HOSTILE_HREF}" if hostile else ""
    for s in range(3):
        G.add_node(
            f"speaker/{s}",
            kind=S.SPEAKER,
            name=f"Speaker {s}{bad}",
            label=f"Speaker {s}{bad}",
            aliases=[f"S{s}{bad}", f"Speaker {s}{bad}"],
            roles=[f"minister{bad}"],
            type="person",
        )
    n_source = 0
    for i in range(n_claims):
        cid = f"claim/{i:03d}"
        n_src = 1 + i % 6
        G.add_node(
            cid,
            kind=S.CLAIM,
            text=f"claim number {i} about troops{bad}",
            label=f"claim {i}{bad}",
            speakers=[f"Speaker {i % 3}{bad}"],
            n_sources=n_src,
            n_independent_sources=n_src,
        )
        sp = f"speaker/{i % 3}"
        topic = f"topic/{i // 2}"
        if topic not in G:
            G.add_node(topic, kind=S.TOPIC, label=f"topic {i // 2}{bad}", name=f"t{i // 2}")
        G.add_edge(cid, topic, key=S.ABOUT, kind=S.ABOUT)
        for j in range(n_src):
            src, out, m = f"source/{n_source}", f"outlet/{n_source}", f"mention/{i}-{j}"
            n_source += 1
            G.add_node(out, kind=S.OUTLET, name=f"Outlet {n_source}{bad}", label=f"O{bad}")
            G.add_node(
                src,
                kind=S.SOURCE,
                doc_id=f"doc{n_source}",
                title=f"Article {n_source}{bad}",
                outlet=f"Outlet {n_source}{bad}",
                published=f"2022-01-2{j % 9}",
                label=f"Article {n_source}{bad}",
            )
            G.add_edge(src, out, key=S.PUBLISHED_BY, kind=S.PUBLISHED_BY)
            G.add_node(
                m,
                kind=S.MENTION,
                exact=f"quoted words {i}{bad}",
                start=10,
                end=20,
                source=src,
                speaker=sp,
                cue_text="said",
            )
            G.add_edge(m, cid, key=S.EXPRESSES, kind=S.EXPRESSES)
            G.add_edge(m, src, key=S.IN_SOURCE, kind=S.IN_SOURCE)
            G.add_edge(m, sp, key=S.ATTRIBUTED_TO, kind=S.ATTRIBUTED_TO)
            G.add_edge(sp, cid, key=S.SAID, kind=S.SAID, via=m)
            G.add_edge(cid, src, key=S.REPORTED_IN, kind=S.REPORTED_IN, via=m)
    for a, b, k in (("000", "001", S.CONTRADICTS), ("002", "003", S.CONFLICTING_QUANTITY)):
        if n_claims > 3:
            G.add_edge(f"claim/{a}", f"claim/{b}", key=k, kind=k)
            G.add_edge(f"claim/{b}", f"claim/{a}", key=k, kind=k)
    return ClaimGraph(G)


def with_stories(kg: ClaimGraph, groups: dict[str, list[int]]) -> ClaimGraph:
    """``kg`` with ``story`` nodes: story label → the claim numbers whose sources it holds.

    Built as the graph's stories are: a ``story`` node with ``label``, ``first_seen``,
    ``last_seen`` and ``n_sources``, and a ``part_of`` edge from each of its articles.
    """
    G = kg.G
    for label, numbers in groups.items():
        sid = f"story/{label}"
        sources = sorted(
            {
                v
                for i in numbers
                for _, v, k in G.out_edges(f"claim/{i:03d}", keys=True)
                if k == S.REPORTED_IN
            }
        )
        dates = sorted(G.nodes[s]["published"] for s in sources)
        G.add_node(
            sid,
            kind="story",
            label=label,
            first_seen=dates[0],
            last_seen=dates[-1],
            n_sources=len(sources),
        )
        for s in sources:
            G.add_edge(s, sid, key="part_of", kind="part_of")
    return kg


def with_urls(kg: ClaimGraph, urls: dict[str, str]) -> ClaimGraph:
    """``kg`` with the article URLs given (source id → URL), hostile ones included."""
    for sid, url in urls.items():
        kg.G.nodes[sid]["url"] = url
    return kg

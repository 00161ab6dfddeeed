"""The page's data: every claim, speaker, article, outlet, story and relation as compact rows.

The page script draws and lists from this one JSON object; nothing in it is markup. Rows refer
to each other by index into their lists (``claims[i]["sp"]`` are indexes into ``speakers``), so
the file stays small for thousands of claims. Keys:

* ``claims``: ``id``, ``l`` label, ``t`` text, ``k`` kind, ``d`` first seen, ``n`` sources,
  ``i`` independent sources, ``st`` story, ``sp`` speakers, ``tp`` topics, ``ev`` evidence,
  ``q`` quantities as written;
* ``speakers``: ``id``, ``n`` name, ``ty`` type, ``a`` other names, ``ro`` roles, ``af``
  affiliation, ``c`` claims;
* ``sources`` (articles): ``id``, ``t`` title, ``o`` outlet, ``d`` date, ``u`` URL, ``cp`` the
  article it copies (-1), ``doc`` document id;
* ``outlets``: ``id``, ``n`` name, ``p`` parent organisation;
* ``stories``: ``id``, ``l`` label, ``f``/``la`` first and last date, ``ns`` articles, ``c``
  claims (most corroborated first), ``x`` true when grouped by the page (no story nodes);
* ``evidence``: ``[claim, source, speaker or -1, before, quote, after, cue]``: the quoted span
  inside its sentence;
* ``relations``: ``[claim, claim, kind, why]`` for contradictions, conflicting numbers and
  corroboration (each pair once); ``links``: ``[speaker, speaker, kind]`` (relays, member of);
* ``topics``: ``l`` label, ``c`` claims.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import networkx as nx

from ...graph import schema as S
from .stories import Story, find_stories

__all__ = ["page_data", "claim_rank", "RELATION_KINDS"]

#: Claim–claim relations the page lists and draws, most telling first.
RELATION_KINDS = (S.CONTRADICTS, S.CONFLICTING_QUANTITY, S.CORROBORATES)

_CONTEXT = 160  # characters of a sentence shown on each side of a quoted span
_SENTENCE_START = re.compile(r"[.!?][\"”’)]?\s+|\n\s*")
_SENTENCE_END = re.compile(r"[.!?](?=[\"”’)]?(?:\s|$))|\n")


def claim_rank(G: nx.MultiDiGraph, c: str) -> tuple:
    """Most corroborated first: independent sources, sources, a named speaker, then id."""
    d = G.nodes[c]
    return (
        -int(d.get("n_independent_sources", 0)),
        -int(d.get("n_sources", 0)),
        not d.get("speakers"),
        c,
    )


def _sentence(text: str, start: int, end: int) -> tuple[str, str]:
    """The words of the sentence around ``text[start:end]``, at most ``_CONTEXT`` each side."""
    lo = max(0, start - _CONTEXT)
    before = text[lo:start]
    starts = list(_SENTENCE_START.finditer(before))
    if starts:
        before = before[starts[-1].end() :]
    elif lo > 0:
        before = "…" + before[before.find(" ") + 1 :] if " " in before else before
    after = text[end : end + _CONTEXT]
    stop = _SENTENCE_END.search(after)
    if stop is not None:
        after = after[: stop.end()].rstrip("\n")
    elif end + _CONTEXT < len(text):
        after = after[: after.rfind(" ")] + "…" if " " in after else after
    return " ".join(before.split()) + (" " if before[-1:].isspace() else ""), after


def _index(items: Iterable[str]) -> dict[str, int]:
    return {x: i for i, x in enumerate(items)}


def page_data(kg: Any, stories: list[Story] | None = None) -> dict[str, Any]:
    """The page's data of ``kg`` (a ``ClaimGraph``; its ``records``, when present, give each
    quoted span its sentence; otherwise the mention's stored context is used)."""
    G: nx.MultiDiGraph = kg.G
    stories = find_stories(G) if stories is None else stories
    nodes: dict[str, list[str]] = {}
    for n, k in G.nodes(data="kind"):
        nodes.setdefault(k, []).append(n)
    claims = sorted(nodes.get(S.CLAIM, []), key=lambda c: claim_rank(G, c))
    speakers = sorted(nodes.get(S.SPEAKER, []), key=lambda s: (G.nodes[s].get("name") or s, s))
    sources = sorted(nodes.get(S.SOURCE, []), key=lambda s: (G.nodes[s].get("published") or "", s))
    outlets = sorted(nodes.get(S.OUTLET, []), key=lambda o: (G.nodes[o].get("name") or o, o))
    topics = sorted(nodes.get(S.TOPIC, []), key=lambda t: (G.nodes[t].get("label") or t, t))
    ci, si, ri, oi, ti = map(_index, (claims, speakers, sources, outlets, topics))
    story_i = _index(st.id for st in stories)
    story_of = {c: story_i[st.id] for st in stories for c in st.claims}
    texts = {r.id: r.text for r in getattr(kg, "records", None) or []}

    claim_rows = [
        {
            "id": c,
            "l": str(G.nodes[c].get("label") or G.nodes[c].get("text", "")[:60]),
            "t": str(G.nodes[c].get("text", "")),
            "k": G.nodes[c].get("claim_kind") or "",
            "d": G.nodes[c].get("first_seen") or "",
            "n": int(G.nodes[c].get("n_sources", 0)),
            "i": int(G.nodes[c].get("n_independent_sources", 0)),
            "st": story_of.get(c, -1),
            "sp": [],
            "tp": [],
            "ev": [],
            "q": [q.get("text") for q in G.nodes[c].get("quantities") or [] if q.get("text")],
        }
        for c in claims
    ]
    speaker_rows = [
        {
            "id": s,
            "n": str(G.nodes[s].get("name") or s),
            "ty": G.nodes[s].get("type") or "",
            "a": [a for a in G.nodes[s].get("aliases", []) if a != G.nodes[s].get("name")],
            "ro": list(G.nodes[s].get("roles", [])),
            "af": G.nodes[s].get("affiliation") or "",
            "c": [],
        }
        for s in speakers
    ]
    source_rows = [
        {
            "id": s,
            "t": str(G.nodes[s].get("title") or G.nodes[s].get("doc_id") or s),
            "o": -1,
            "d": G.nodes[s].get("published") or "",
            "u": G.nodes[s].get("url") or "",
            "cp": -1,
            "doc": G.nodes[s].get("doc_id") or "",
        }
        for s in sources
    ]
    outlet_rows = [
        {"id": o, "n": str(G.nodes[o].get("name") or o), "p": G.nodes[o].get("parent") or ""}
        for o in outlets
    ]
    topic_rows = [{"l": str(G.nodes[t].get("label") or t), "c": []} for t in topics]

    relations: list[list[Any]] = []
    links: list[list[Any]] = []
    evidence: list[list[Any]] = []
    for u, v, k, d in sorted(G.edges(keys=True, data=True), key=lambda e: e[:3]):
        if k == S.SAID:
            claim_rows[ci[v]]["sp"].append(si[u])
            speaker_rows[si[u]]["c"].append(ci[v])
        elif k == S.PUBLISHED_BY:
            source_rows[ri[u]]["o"] = oi[v]
        elif k == S.COPY_OF and v in ri:
            source_rows[ri[u]]["cp"] = ri[v]
        elif k == S.ABOUT:
            claim_rows[ci[u]]["tp"].append(ti[v])
            topic_rows[ti[v]]["c"].append(ci[u])
        elif k in RELATION_KINDS and (k == S.CORROBORATES or u < v):
            relations.append([ci[u], ci[v], k, str(d.get("why") or "")])
        elif k in (S.RELAYS, S.MEMBER_OF):
            links.append([si[u], si[v], k])
        elif k == S.EXPRESSES:
            m = G.nodes[u]
            src = m.get("source")
            text = texts.get(m.get("doc_id"))
            exact = str(m.get("exact") or "")
            if text is not None and m.get("start") is not None:
                before, after = _sentence(text, int(m["start"]), int(m["end"]))
            else:
                before, after = str(m.get("prefix") or ""), str(m.get("suffix") or "")
            evidence.append(
                [
                    ci[v],
                    ri.get(src, -1),
                    si.get(m.get("speaker"), -1),
                    before,
                    exact,
                    after,
                    str(m.get("cue_text") or ""),
                ]
            )
    evidence.sort(key=lambda e: (e[0], source_rows[e[1]]["d"] if e[1] >= 0 else "", e[1]))
    for i, e in enumerate(evidence):
        claim_rows[e[0]]["ev"].append(i)
    for row in speaker_rows:
        row["c"].sort()  # claims are in rank order, so their indexes are too

    story_rows = [
        {
            "id": st.id,
            "l": st.label,
            "f": st.first_seen or "",
            "la": st.last_seen or "",
            "ns": len(st.sources),
            "c": sorted(ci[c] for c in st.claims),
            "x": st.computed,
        }
        for st in stories
    ]
    return {
        "claims": claim_rows,
        "speakers": speaker_rows,
        "sources": source_rows,
        "outlets": outlet_rows,
        "stories": story_rows,
        "evidence": evidence,
        "relations": relations,
        "links": links,
        "topics": topic_rows,
    }

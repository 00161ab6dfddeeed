"""A small hand-built claim graph whose answers to the five questions are known exactly.

Five articles:

- ``wire`` (Wire Service, 2022-01-10) and ``reprint`` (Reprint Daily, 2022-01-11), a syndicated
  copy of ``wire``: one source lineage;
- ``daily-a`` (Daily A, 2022-01-12) and ``daily-b`` (Daily B, 2022-01-13), whose outlets share the
  parent "Media Group": one lineage;
- ``blog`` (no outlet, 2022-01-14): its own lineage.

Claims (speaker: articles → independent lineages):

- ``open-door`` "NATO's open door policy stays" (Blinken): wire, reprint → 1;
- ``no-invasion`` "Russia has no plan to invade Ukraine" (Lavrov): daily-a, daily-b → 1;
- ``talks`` "Talks will continue next week" (Blinken): wire, daily-a, blog → 3 (the blog mention
  is discontinuous: two content spans);
- ``troops`` "Moscow amassed 100,000 troops near Ukraine" (Blinken): reprint, daily-a → 2;
- ``pullback`` "Some troops are pulling back" (Lavrov, daily-b, stated 2022-01-05) contradicts
  ``troops``.
"""

from __future__ import annotations

import hashlib

import networkx as nx

from claimgraph import ClaimGraph
from claimgraph.graph import schema as S
from claimgraph.graph.ids import node_id

OUTLETS = {
    "Wire Service": None,
    "Reprint Daily": None,
    "Daily A": "Media Group",
    "Daily B": "Media Group",
}

ARTICLES = {
    # doc id: (outlet, published, copy of)
    "wire": ("Wire Service", "2022-01-10", None),
    "reprint": ("Reprint Daily", "2022-01-11", "wire"),
    "daily-a": ("Daily A", "2022-01-12", None),
    "daily-b": ("Daily B", "2022-01-13", None),
    "blog": (None, "2022-01-14", None),
}

SPEAKERS = {
    "Antony Blinken": ("person", ["Blinken", "US Secretary of State Antony Blinken"]),
    "Sergey Lavrov": ("person", ["Lavrov", "Sergei Lavrov"]),
}

CLAIMS = {
    "open-door": "NATO's open door policy stays",
    "no-invasion": "Russia has no plan to invade Ukraine",
    "talks": "Talks will continue next week",
    "troops": "Moscow amassed 100,000 troops near Ukraine",
    "pullback": "Some troops are pulling back",
}

# (doc, claim, speaker, statement date or None); the blog's "talks" mention is split in two.
MENTIONS = [
    ("wire", "open-door", "Antony Blinken", None),
    ("reprint", "open-door", "Antony Blinken", None),
    ("daily-a", "no-invasion", "Sergey Lavrov", None),
    ("daily-b", "no-invasion", "Sergey Lavrov", None),
    ("wire", "talks", "Antony Blinken", None),
    ("daily-a", "talks", "Antony Blinken", None),
    ("blog", "talks", "Antony Blinken", None),
    ("reprint", "troops", "Antony Blinken", None),
    ("daily-a", "troops", "Antony Blinken", None),
    ("daily-b", "pullback", "Sergey Lavrov", "2022-01-05"),
]


def _ids():
    return {
        "source": {d: node_id(S.SOURCE, f"https://news.example/{d}") for d in ARTICLES},
        "outlet": {o: node_id(S.OUTLET, o) for o in OUTLETS},
        "speaker": {n: node_id(S.SPEAKER, n) for n in SPEAKERS},
        "claim": {c: node_id(S.CLAIM, t) for c, t in CLAIMS.items()},
    }


IDS = _ids()


def small_graph() -> ClaimGraph:
    """The graph described in the module docstring; article texts are built from the claims."""
    G = nx.MultiDiGraph()
    ids = IDS
    texts: dict[str, str] = {d: f"{d.upper()} — " for d in ARTICLES}
    spans: list[list[list[int]]] = []
    for doc, claim, _speaker, _date in MENTIONS:
        words = CLAIMS[claim]
        text = texts[doc] + "Officials said: "
        if doc == "blog" and claim == "talks":
            first, second = words[:5], words[6:]  # "Talks" … "will continue next week"
            s0 = len(text)
            text += first + ", he said, "
            s1 = len(text)
            text += second
            content = [[s0, s0 + len(first)], [s1, len(text)]]
        else:
            s0 = len(text)
            text += words
            content = [[s0, len(text)]]
        texts[doc] = text + ". "
        spans.append(content)

    for outlet, parent in OUTLETS.items():
        G.add_node(ids["outlet"][outlet], kind=S.OUTLET, name=outlet, parent=parent, label=outlet)
    for doc, (outlet, published, _copy) in ARTICLES.items():
        sid = ids["source"][doc]
        G.add_node(
            sid,
            kind=S.SOURCE,
            doc_id=doc,
            title=f"Headline of {doc}",
            outlet=outlet,
            published=published,
            url=f"https://news.example/{doc}",
            path=None,
            sha256=hashlib.sha256(texts[doc].encode()).hexdigest(),
            dateline=None,
            authors=[],
            credits=[],
            copy_of=ARTICLES[doc][2],
            label=doc,
        )
        if outlet:
            G.add_edge(sid, ids["outlet"][outlet], key=S.PUBLISHED_BY, kind=S.PUBLISHED_BY)
    for doc, (_o, _p, copy) in ARTICLES.items():
        if copy:
            G.add_edge(ids["source"][doc], ids["source"][copy], key=S.COPY_OF, kind=S.COPY_OF)
    for name, (typ, aliases) in SPEAKERS.items():
        G.add_node(
            ids["speaker"][name],
            kind=S.SPEAKER,
            name=name,
            type=typ,
            aliases=sorted([name, *aliases]),
            roles=[],
            affiliation=None,
            same_as=None,
            label=name,
        )
    for claim, text in CLAIMS.items():
        G.add_node(
            ids["claim"][claim],
            kind=S.CLAIM,
            text=text,
            label=text[:30],
            claim_kind="indirect",
            quantities=(
                [{"value": 100000, "unit": "troops", "bound": "exact", "text": "100,000 troops"}]
                if claim == "troops"
                else []
            ),
            topics=[],
            speakers=[],
        )
    for (doc, claim, speaker, date), content in zip(MENTIONS, spans, strict=True):
        text = texts[doc]
        sid, cid, spid = ids["source"][doc], ids["claim"][claim], ids["speaker"][speaker]
        mid = node_id(S.MENTION, f"{doc}\x1f{content}")
        start, end = content[0][0], content[-1][1]
        G.add_node(
            mid,
            kind=S.MENTION,
            content=content,
            cue=[],
            speaker_spans=[],
            exact=" … ".join(text[s:e] for s, e in content),
            cue_text="said",
            claim_kind="indirect",
            speaker=spid,
            source=sid,
            doc_id=doc,
            relayed_by=None,
            start=start,
            end=end,
            prefix=text[max(0, start - 40) : start],
            suffix=text[end : end + 40],
            confidence=0.9,
            date=date or ARTICLES[doc][1],
            label=claim,
        )
        G.add_edge(mid, cid, key=S.EXPRESSES, kind=S.EXPRESSES)
        G.add_edge(mid, sid, key=S.IN_SOURCE, kind=S.IN_SOURCE)
        G.add_edge(mid, spid, key=S.ATTRIBUTED_TO, kind=S.ATTRIBUTED_TO)
        if not G.has_edge(cid, sid, key=S.REPORTED_IN):
            G.add_edge(cid, sid, key=S.REPORTED_IN, kind=S.REPORTED_IN, via=mid)
        if not G.has_edge(spid, cid, key=S.SAID):
            G.add_edge(spid, cid, key=S.SAID, kind=S.SAID, via=mid)
    a, b = ids["claim"]["troops"], ids["claim"]["pullback"]
    G.add_edge(a, b, key=S.CONTRADICTS, kind=S.CONTRADICTS, why="troops")
    G.add_edge(b, a, key=S.CONTRADICTS, kind=S.CONTRADICTS, why="troops")
    kg = ClaimGraph(G)
    kg.refresh_claim_stats()
    kg.texts = texts  # for tests that check offsets against the article text
    return kg

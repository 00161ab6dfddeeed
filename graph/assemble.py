"""Assembly: the results of the phases written into the networkx graph, one kind at a time.

Each function adds one kind of node with its edges and returns what later steps need (node ids
by record or by speaker key, the facts relations are computed from). Node ids are minted from
keys (:func:`.ids.node_id`), so the same input always gives the same graph.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import networkx as nx

from ..ingest.headline import choose_headline
from ..ingest.outlets import canonical_outlet, outlet_parent
from ..ingest.records import ClaimMention, DocumentRecord, Quantity
from . import schema as S
from .claims import MentionRef
from .claimtext import central_wording, claim_text_key, is_denial
from .ids import node_id
from .labels import label_claim
from .mentions import source_key, spans_text
from .relations import ClaimFacts, Frame
from .speakers import Resolution
from .stories import Story

__all__ = [
    "add_sources",
    "add_stories",
    "add_speakers",
    "ClaimInputs",
    "add_claim",
    "add_relation",
    "add_edge",
    "SharedEdgeData",
]

_CONTEXT = 40  # characters of prefix/suffix kept for text-quote selectors


def add_sources(
    G: nx.MultiDiGraph, records: Sequence[DocumentRecord], copies: Mapping[str, str]
) -> dict[str, str]:
    """Source and outlet nodes, ``published_by`` and ``copy_of`` edges; record id → node id."""
    src_id = {r.id: node_id(S.SOURCE, source_key(r)) for r in records}
    for r in records:
        sid = src_id[r.id]
        G.add_node(
            sid,
            kind=S.SOURCE,
            doc_id=r.id,
            title=r.title,
            outlet=r.outlet,
            published=r.published,
            url=r.url,
            path=r.path,
            sha256=r.sha256,
            dateline=r.dateline,
            authors=list(r.authors),
            credits=list(r.credits),
            copy_of=copies.get(r.id),
            label=r.title or r.id,
        )
        if r.outlet:
            name = canonical_outlet(r.outlet)
            oid = node_id(S.OUTLET, name)
            G.add_node(oid, kind=S.OUTLET, name=name, parent=outlet_parent(name), label=name)
            add_edge(G, sid, oid, S.PUBLISHED_BY)
    for copy, original in copies.items():
        if copy in src_id and original in src_id:
            add_edge(G, src_id[copy], src_id[original], S.COPY_OF)
    return src_id


def add_stories(
    G: nx.MultiDiGraph,
    stories: Sequence[Story],
    by_doc: Mapping[str, DocumentRecord],
    src_id: Mapping[str, str],
) -> None:
    """Story nodes with their dates, and each source's ``part_of`` edge."""
    for st in stories:
        stid = node_id(S.STORY, st.key)
        dates = sorted(by_doc[d].published for d in st.doc_ids if by_doc[d].published)
        G.add_node(
            stid,
            kind=S.STORY,
            label=st.label,
            first_seen=dates[0] if dates else None,
            last_seen=dates[-1] if dates else None,
            n_sources=len(st.doc_ids),
        )
        for d in st.doc_ids:
            add_edge(G, src_id[d], stid, S.PART_OF)


def add_speakers(G: nx.MultiDiGraph, resolution: Resolution) -> dict[str, str]:
    """Speaker nodes that speak or relay, ``member_of`` edges; speaker key → node id."""
    used = {sp.key for sp in resolution.assignment.values()}
    used |= {sp.key for sp in resolution.relayed_by.values()}
    speaker_id: dict[str, str] = {}
    for sp in resolution.speakers:
        if sp.key not in used and sp.same_as is None:
            continue
        spid = node_id(S.SPEAKER, sp.key)
        speaker_id[sp.key] = spid
        G.add_node(
            spid,
            kind=S.SPEAKER,
            name=sp.name,
            type=sp.type,
            aliases=sorted(sp.aliases),
            roles=sorted(sp.roles),
            affiliation=sp.affiliation,
            same_as=sp.same_as,
            story_bound=sp.scope is not None,
            label=sp.name,
        )
    for sp in resolution.speakers:
        if sp.key in speaker_id and sp.affiliation and sp.affiliation in speaker_id:
            add_edge(G, speaker_id[sp.key], speaker_id[sp.affiliation], S.MEMBER_OF)
    return speaker_id


@dataclass
class ClaimInputs:
    """What :func:`add_claim` reads: the records, the mentions and who said them."""

    by_doc: Mapping[str, DocumentRecord]
    mention_of: Mapping[tuple, ClaimMention]
    resolution: Resolution
    speaker_id: Mapping[str, str]
    src_id: Mapping[str, str]
    story_of: Mapping[str, str]
    claim_speakers: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    claim_phrases: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def _merged_quantities(cluster: Sequence[MentionRef], inp: ClaimInputs) -> list[Quantity]:
    out: list[Quantity] = []
    seen: list[dict] = []
    for ref in cluster:
        for q in inp.mention_of[ref.id].quantities:
            if q.to_json() not in seen:
                seen.append(q.to_json())
                out.append(q)
    return out


def add_claim(G: nx.MultiDiGraph, cluster: Sequence[MentionRef], inp: ClaimInputs) -> ClaimFacts:
    """One claim node and its mentions, with every edge a mention makes."""
    wordings = list({claim_text_key(ref.text): ref for ref in cluster}.values())
    rep = wordings[central_wording([ref.text for ref in wordings])]
    cid = node_id(S.CLAIM, f"{rep.text}\x1f{min(_mention_key(ref, inp) for ref in cluster)}")
    quantities = _merged_quantities(cluster, inp)
    raw = [
        spans_text(inp.by_doc[ref.id[0]].text, inp.mention_of[ref.id].content) for ref in cluster
    ]
    G.add_node(
        cid,
        kind=S.CLAIM,
        text=rep.text,
        label=choose_headline(  # the headline ingest read off the parse, when records have it
            inp.mention_of[rep.id].phrase, [inp.mention_of[ref.id].phrase for ref in cluster]
        )
        or label_claim(
            rep.text,
            quantities,
            raw_texts=raw,
            wordings=[ref.text for ref in wordings],
            denial=is_denial(rep.cue),
        ),
        claim_kind=inp.mention_of[rep.id].kind,
        quantities=[q.to_json() for q in quantities],
        topics=[],
        first_seen=None,
        n_sources=0,
        n_independent_sources=0,
        speakers=[],
    )
    frames = [_add_mention(G, cid, ref, inp) for ref in cluster]
    stories = frozenset(inp.story_of[ref.id[0]] for ref in cluster if ref.id[0] in inp.story_of)
    return ClaimFacts(cid, rep.text, frames[0].cue, tuple(quantities), tuple(frames), stories)


def _mention_key(ref: MentionRef, inp: ClaimInputs) -> str:
    """What identifies a mention: its article's key and its content spans. A claim's key is
    its wording and its first mention, so two claims worded alike ("it", "the plans") in
    unrelated articles are never one node."""
    return f"{source_key(inp.by_doc[ref.id[0]])}\x1f{inp.mention_of[ref.id].content}"


def _shared_text(exact: str, text: str) -> str:
    """``exact``, or the equal string the record already holds (most mentions' text is their
    one content span): a copy per mention is a copy of the corpus's claims."""
    return text if exact == text else exact


def _add_mention(G: nx.MultiDiGraph, cid: str, ref: MentionRef, inp: ClaimInputs) -> Frame:
    doc_id = ref.id[0]
    r, m = inp.by_doc[doc_id], inp.mention_of[ref.id]
    sid = inp.src_id[doc_id]
    mid = node_id(S.MENTION, _mention_key(ref, inp))
    start, end = m.content[0][0], m.content[-1][1]
    sp = inp.resolution.assignment.get(ref.id[:2])
    spid = inp.speaker_id.get(sp.key) if sp else None
    relay = inp.resolution.relayed_by.get(ref.id[:2])
    G.add_node(
        mid,
        kind=S.MENTION,
        content=m.content,
        cue=m.cue,
        speaker_spans=m.speaker,
        exact=_shared_text(spans_text(r.text, m.content), m.text),
        cue_text=sys.intern(spans_text(r.text, m.cue)),  # "said", "told": a few thousand
        speaker_text=sys.intern(spans_text(r.text, m.speaker)),  # repeated in its article
        claim_kind=m.kind,
        speaker=spid,
        source=sid,
        doc_id=doc_id,
        relayed_by=relay.name if relay else m.relayed_by,
        start=start,
        end=end,
        prefix=r.text[max(0, start - _CONTEXT) : start],
        suffix=r.text[end : end + _CONTEXT],
        confidence=m.confidence,
        date=r.published,
        label=m.phrase or label_claim(m.text or ref.text, denial=is_denial(ref.cue)),
    )
    inp.claim_phrases[cid].extend(m.key_phrases)
    add_edge(G, mid, cid, S.EXPRESSES)
    add_edge(G, mid, sid, S.IN_SOURCE)
    if not G.has_edge(cid, sid, key=S.REPORTED_IN):
        add_edge(G, cid, sid, S.REPORTED_IN, via=mid)
    if spid and sp is not None:
        add_edge(G, mid, spid, S.ATTRIBUTED_TO)
        if not G.has_edge(spid, cid, key=S.SAID):
            add_edge(G, spid, cid, S.SAID, via=mid)
        inp.claim_speakers[cid].add(sp.name)
        if relay is not None and relay.key in inp.speaker_id:
            rid = inp.speaker_id[relay.key]
            if rid != spid and not G.has_edge(rid, spid, key=S.RELAYS):
                add_edge(G, rid, spid, S.RELAYS, via=mid)
    return Frame(
        ref.text,
        ref.cue,
        sp.name if sp else None,
        sp.type if sp else None,
        sp.affiliation if sp else None,
        m.kind,
    )


class SharedEdgeData(dict):
    """The attributes of every edge of one kind that has none of its own (``{"kind": …}``).

    Most edges of a graph (a mention's ``expresses``, ``in_source`` and ``attributed_to``, a
    claim's ``about``) carry their kind and nothing else; one read-only dict per kind, shared
    by all of them, saves a dict per edge: a twentieth of the merge's memory at 100,000
    articles. Reading is a plain dict's; writing raises, since it would change every edge
    of the kind (annotate a copy: ``G.copy()`` gives each edge a dict of its own).
    """

    __slots__ = ()

    def _refuse(self, *args: object, **kwargs: object) -> None:
        raise TypeError(
            f"the attributes of '{self['kind']}' edges are shared and read-only; "
            "annotate a copy of the graph (G.copy())"
        )

    __setitem__ = __delitem__ = update = setdefault = pop = popitem = clear = _refuse
    __ior__ = _refuse

    def __reduce__(self) -> tuple:
        return (SharedEdgeData, (dict(self),))

    def copy(self) -> dict:  # type: ignore[override]
        return dict(self)


_SHARED = {kind: SharedEdgeData(kind=kind) for kind in S.EdgeKind}


def add_edge(G: nx.MultiDiGraph, u: str, v: str, kind: S.EdgeKind, **attrs) -> None:
    """An edge whose key is its kind's word as a plain ``str`` (networkx keeps a dict of keys
    per edge, and one keyed by a ``str`` subclass, the enum, takes 40 bytes more); without
    attributes of its own it shares its kind's :class:`SharedEdgeData`. The key compares
    and serialises the same. Adding an edge again changes nothing."""
    key = kind.value
    if attrs:
        G.add_edge(u, v, key=key, kind=kind, **attrs)
    elif not G.has_edge(u, v, key=key):
        G.add_edge(u, v, key=key)
        G._succ[u][v][key] = _SHARED[kind]  # the key dict is shared with G._pred[v][u]


def add_relation(G: nx.MultiDiGraph, a: str, b: str, kind: S.EdgeKind, **attrs) -> None:
    """A claim–claim edge; ``contradicts`` and ``conflicting_quantity`` go both ways."""
    pairs = [(a, b)] if kind == S.CORROBORATES else [(a, b), (b, a)]
    for x, y in pairs:
        if x != y and not G.has_edge(x, y, key=kind):
            add_edge(G, x, y, kind, **attrs)

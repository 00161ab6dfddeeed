"""Build the :class:`ClaimGraph` from document records: the one global step of the pipeline.

Order: sources and outlets → syndicated copies → speakers resolved across articles → mentions
clustered into claims → per-claim facts (label, quantities, first_seen, sources, independent
sources) → topics → conflicts and contradictions → corroboration. Every step is near-linear
(indexes and blocks, never all pairs).

Before clustering, mentions are tidied without parsing anything again: two mentions of one
article whose content starts at the same offset become one (attributed, then fuller, wins);
a mention whose cue is the verb of a clause another mention denies ("denying it *plans* to
invade") is dropped, since the article does not assert it; a content span cut off after a
function word ("Moscow plans an") is read on to the end of its sentence for analysis (the
mention's offsets stay as extracted).
"""

from __future__ import annotations

import dataclasses
import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

import networkx as nx

from ..ingest.cues import OBJECT_VERBS, QUOTE_VERBS
from ..ingest.outlets import canonical_outlet, outlet_parent
from ..ingest.records import ClaimMention, DocumentRecord, Quantity
from ..ingest.spans import normalise_claim_text
from . import schema as S
from .cluster import (
    MentionRef,
    central_wording,
    claim_text_key,
    cluster_mentions,
    content_words,
    features,
    is_denial,
    related_clusters,
)
from .conflicts import ClaimFacts, Frame, contradictions, interval, quantity_conflicts
from .ids import node_id
from .model import ClaimGraph
from .resolve import KnownEntity, Speaker, resolve_speakers
from .syndication import find_copies
from .topics import find_topics, quoted_phrases

__all__ = ["build_graph", "source_key", "label_claim"]

logger = logging.getLogger(__name__)

_CONTEXT = 40  # characters of prefix/suffix kept for text-quote selectors


def source_key(record: DocumentRecord) -> str:
    """Article key of the design: canonical URL if known, else the text hash."""
    return record.url.strip() if record.url else record.sha256


_REPORTING = (
    QUOTE_VERBS
    | OBJECT_VERBS
    | frozenset({"reiterate", "underscore", "emphasise", "emphasize", "stress", "note", "add"})
)
_BOUND_WORDS = re.compile(
    r"^(more than|over|at least|nearly|almost|about|around|some|up to|fewer than|less than)\s+",
    re.IGNORECASE,
)


def _lemma_guess(word: str) -> str:
    w = word.casefold()
    for suffix, repl in (("ied", "y"), ("ed", "e"), ("ed", ""), ("es", ""), ("s", ""), ("", "")):
        if w.endswith(suffix) and (stem := w[: len(w) - len(suffix)] + repl) in _REPORTING:
            return stem
    return w


def label_claim(
    text: str,
    quantities: Sequence[Quantity] = (),
    *,
    raw_texts: Sequence[str] = (),
    wordings: Sequence[str] = (),
    denial: bool = False,
    max_words: int = 5,
) -> str:
    """A short label for a claim, for lists and the graph page.

    A short phrase the claim (or one of its mentions, ``raw_texts``) puts in quote marks is its
    label ("open door policy"); a claim with
    a number is labelled by the counted thing and the verb before it ("100,000 troops amassed");
    otherwise its leading content words, reporting verbs and "that" left out. A claim worded
    differently by several outlets (``wordings``) keeps the words that most wordings share.
    Negations are kept and a denial says so, so that no label reads as the opposite claim.

    >>> label_claim("committed to upholding NATO's \u201copen door policy,\u201d")
    'open door policy'
    >>> q = Quantity(100000, "troops", "min", "more than 100,000 troops")
    >>> label_claim("Moscow has recently amassed more than 100,000 troops near Ukraine", [q])
    '100,000 troops amassed'
    >>> label_claim("He underscored that a window remains to resolve the crisis peacefully")
    'window remains resolve crisis peacefully'
    >>> label_claim("Russia does not want any conflict")
    'Russia not want conflict'
    >>> label_claim("Russia does not want “any conflict”")
    'Russia not want conflict'
    >>> label_claim("it is preparing to invade", denial=True)
    'denies preparing invade'
    """
    label = _label(text, quantities, raw_texts=raw_texts, wordings=wordings, max_words=max_words)
    return f"denies {label}" if denial and not label.startswith("denies") else label


_NEGATIONS = frozenset(["not", "no", "never", "nothing", "none", "without"])
_NEGATED = re.compile(r"(?i)\b(?:not|no|never|nothing|none|without)\b|n't\b")


def _label(
    text: str,
    quantities: Sequence[Quantity],
    *,
    raw_texts: Sequence[str],
    wordings: Sequence[str],
    max_words: int,
) -> str:
    for raw in (text, *raw_texts):  # the claim text has its quote marks stripped; mentions not
        phrases = [p for p in quoted_phrases(raw, max_words=4) if len(p.split()) >= 2]
        if phrases and not _NEGATED.search(raw.replace(phrases[0], " ")):
            return phrases[0]  # not when the claim negates it: "does not want “any conflict”"
    strip = "\"“”‘’'.,;:()…"
    if quantities:
        q = quantities[0]
        at = text.find(q.text)
        core = _BOUND_WORDS.sub("", q.text).strip()
        if q.text and at >= 0 and core:
            before = [w.strip(strip) for w in text[:at].split()][-3:]
            verbs = [w for w in before if w.casefold() in set(content_words(w)) and w.islower()]
            return f"{core} {verbs[-1]}" if verbs else core
    keep = set(content_words(text))
    words = [w.strip(strip) for w in text.split()]
    words = [
        w
        for w in words
        if w
        and (
            set(claim_text_key(w).split()) <= keep
            or any(ch.isdigit() for ch in w)
            or w.casefold() in _NEGATIONS
            or w.casefold().endswith("n't")
        )
        and _lemma_guess(w) not in _REPORTING
    ]
    if len(wordings) >= 2:
        counts = Counter(f for wording in wordings for f in features(wording))
        need = max(2, math.ceil(len(wordings) / 2))
        shared = [
            w
            for w in words
            if w.casefold() in _NEGATIONS
            or ((f := features(w)) and all(counts[x] >= need for x in f))
        ]
        if shared:
            return " ".join(shared[:max_words])
    return " ".join(words[:max_words]) or text[:50]


def _spans_text(text: str, spans: Sequence[Sequence[int]]) -> str:
    return " … ".join(text[s:e] for s, e in spans)


_DANGLING = frozenset(["a", "an", "the", "of", "by", "to", "and", "or", "its", "their", "his"])
_SENTENCE_END = re.compile(r"[.!?\n]")


def analysed_text(record: DocumentRecord, mention: ClaimMention) -> str:
    """The mention's text, read on to the end of its sentence when it stops on a function word.

    The extractor sometimes cuts a content span at an inner quote mark ("Moscow plans an
    “aggression” against Kiev" → "Moscow plans an"); what follows in the raw text, up to the
    sentence end and at most 120 characters, is appended for clustering and conflicts only.
    """
    text = mention.text or _spans_text(record.text, mention.content)
    words = text.split()
    if not words or words[-1].casefold() not in _DANGLING or not mention.content:
        return text
    end = mention.content[-1][1]
    tail = record.text[end : end + 120]
    stop = _SENTENCE_END.search(tail)
    tail = tail[: stop.start()] if stop else tail
    tail = " ".join(tail.replace("“", " ").replace("”", " ").replace('"', " ").split())
    return f"{text} {tail}".strip()


def proposition_mentions(record: DocumentRecord, mention: ClaimMention) -> list[ClaimMention]:
    """One mention per proposition of ``mention`` (itself when it asserts one thing).

    A quotation that warns and reassures in one breath is two claim occurrences; each part keeps
    the cue, speaker and kind, and the quantities found inside it.
    """
    if len(mention.parts) < 2:
        return [mention]
    out = []
    for part in mention.parts:
        quantities = [
            q
            for q in mention.quantities
            if q.span is None or any(s <= q.span[0] < e for s, e in part)
        ]
        out.append(
            dataclasses.replace(
                mention,
                content=[list(p) for p in part],
                text=normalise_claim_text(record.text, part),
                quantities=quantities,
                parts=[],
            )
        )
    return out


def _reading(record: DocumentRecord, i: int, assigned) -> tuple[bool, int]:
    """Which of two readings of one quote to keep: attributed first, then the fuller one."""
    m = record.claims[i]
    return ((record.id, i) in assigned, sum(e - s for s, e in m.content))


def _tidy_mentions(record: DocumentRecord, assigned) -> list[int]:
    """Indexes of the mentions worth a node: duplicates and denied clauses left out."""
    keep: dict[tuple, int] = {}
    for i, m in enumerate(record.claims):
        if not m.content:
            continue
        key = m.content[0][0]  # two readings of one quote start at the same offset
        j = keep.get(key)
        if j is None or _reading(record, i, assigned) > _reading(record, j, assigned):
            keep[key] = i
    denied = [
        m.content[0]
        for m in record.claims
        if m.content and is_denial(_spans_text(record.text, m.cue))
    ]
    out = []
    for i in sorted(keep.values()):
        m = record.claims[i]
        cue_start = m.cue[0][0] if m.cue else None
        if cue_start is not None and any(
            s <= cue_start < e and len(record.text[s:cue_start].split()) <= 2 for s, e in denied
        ):
            continue  # "denying it plans to invade": "plans" is denied, not asserted
        out.append(i)
    return out


# --- Attributions that are no one's claim -------------------------------------------------
#: Mention kinds ingest extracts as attributions but that never become claim nodes: what
#: someone plans, wants or decides ("plans to hold the contest") is no claim to corroborate or
#: contradict. They stay on the records (records.jsonl, extraction scores) and are left out
#: here, before speakers are resolved and mentions merged.
NOT_CLAIMS = frozenset({"intention"})


def claims_only(record: DocumentRecord) -> DocumentRecord:
    """``record`` without the mentions of a :data:`NOT_CLAIMS` kind."""
    if not any(m.kind in NOT_CLAIMS for m in record.claims):
        return record
    return dataclasses.replace(record, claims=[m for m in record.claims
                                               if m.kind not in NOT_CLAIMS])
# ------------------------------------------------------------------------------------------


def build_graph(
    records: Sequence[DocumentRecord],
    *,
    known_entities: Iterable[KnownEntity] = (),
    copies: Mapping[str, str] | None = None,
) -> ClaimGraph:
    """Build the claim graph of ``records`` (deterministic: same records, same graph)."""
    records = sorted((claims_only(r) for r in records), key=lambda r: r.id)
    G = nx.MultiDiGraph()
    kg = ClaimGraph(G)
    src_id = {r.id: node_id(S.SOURCE, source_key(r)) for r in records}
    by_doc = {r.id: r for r in records}

    # Sources, outlets, copies.
    copies = dict(copies) if copies is not None else find_copies(records)
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
            parent = outlet_parent(name)
            G.add_node(oid, kind=S.OUTLET, name=name, parent=parent, label=name)
            G.add_edge(sid, oid, key=S.PUBLISHED_BY, kind=S.PUBLISHED_BY)
    for copy, original in copies.items():
        if copy in src_id and original in src_id:
            G.add_edge(src_id[copy], src_id[original], key=S.COPY_OF, kind=S.COPY_OF)

    # Speakers.
    resolution = resolve_speakers(records, known=known_entities)
    assignment, speakers = resolution.assignment, resolution.speakers
    used = {sp.key for sp in assignment.values()} | {
        sp.key for sp in resolution.relayed_by.values()
    }
    speaker_id: dict[str, str] = {}
    for sp in speakers:
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
            label=sp.name,
        )
    for sp in speakers:
        if sp.key in speaker_id and sp.affiliation and sp.affiliation in speaker_id:
            G.add_edge(
                speaker_id[sp.key], speaker_id[sp.affiliation], key=S.MEMBER_OF, kind=S.MEMBER_OF
            )

    # Mentions, clustered into claims.
    refs: list[MentionRef] = []
    mention_of: dict[tuple[str, int, int], ClaimMention] = {}
    for r in records:
        for i in _tidy_mentions(r, assignment):
            sp: Speaker | None = assignment.get((r.id, i))
            for k, m in enumerate(proposition_mentions(r, r.claims[i])):
                mention_of[(r.id, i, k)] = m
                qs = tuple((q.unit.casefold(), *interval(q)) for q in m.quantities if q.unit)
                refs.append(
                    MentionRef(
                        (r.id, i, k),
                        analysed_text(r, m),
                        sp.key if sp else None,
                        cue=_spans_text(r.text, m.cue),
                        quantities=qs,
                    )
                )
    clusters = cluster_mentions(refs)

    claim_texts: dict[str, str] = {}
    claim_sources: dict[str, set[str]] = {}
    claim_raw: dict[str, list[str]] = {}
    facts: list[ClaimFacts] = []
    claim_speakers: dict[str, set[str]] = defaultdict(set)
    cluster_ids: list[str] = []
    for cluster in clusters:
        wordings = list({claim_text_key(ref.text): ref for ref in cluster}.values())
        rep = wordings[central_wording([ref.text for ref in wordings])]
        cid = node_id(S.CLAIM, rep.text)
        cluster_ids.append(cid)
        first = mention_of[rep.id]
        quantities = []
        for ref in cluster:
            for q in mention_of[ref.id].quantities:
                if q.to_json() not in [x.to_json() for x in quantities]:
                    quantities.append(q)
        G.add_node(
            cid,
            kind=S.CLAIM,
            text=rep.text,
            label=label_claim(
                rep.text,
                quantities,
                raw_texts=[
                    _spans_text(by_doc[ref.id[0]].text, mention_of[ref.id].content)
                    for ref in cluster
                ],
                wordings=[ref.text for ref in wordings],
                denial=is_denial(rep.cue),
            ),
            claim_kind=first.kind,
            quantities=[q.to_json() for q in quantities],
            topics=[],
            first_seen=None,
            n_sources=0,
            n_independent_sources=0,
            speakers=[],
        )
        claim_texts[cid] = rep.text
        claim_sources[cid] = set()
        claim_raw[cid] = []
        frames = []
        for ref in cluster:
            doc_id = ref.id[0]
            r, m = by_doc[doc_id], mention_of[ref.id]
            mid = node_id(S.MENTION, f"{source_key(r)}\x1f{m.content}")
            start, end = m.content[0][0], m.content[-1][1]
            sp = assignment.get(ref.id[:2])
            spid = speaker_id.get(sp.key) if sp else None
            relay = resolution.relayed_by.get(ref.id[:2])
            G.add_node(
                mid,
                kind=S.MENTION,
                content=m.content,
                cue=m.cue,
                speaker_spans=m.speaker,
                exact=_spans_text(r.text, m.content),
                cue_text=_spans_text(r.text, m.cue),
                speaker_text=_spans_text(r.text, m.speaker),
                claim_kind=m.kind,
                speaker=spid,
                source=src_id[doc_id],
                doc_id=doc_id,
                relayed_by=relay.name if relay else m.relayed_by,
                start=start,
                end=end,
                prefix=r.text[max(0, start - _CONTEXT) : start],
                suffix=r.text[end : end + _CONTEXT],
                confidence=m.confidence,
                date=r.published,
                label=label_claim(m.text or rep.text, denial=is_denial(ref.cue)),
            )
            G.add_edge(mid, cid, key=S.EXPRESSES, kind=S.EXPRESSES)
            G.add_edge(mid, src_id[doc_id], key=S.IN_SOURCE, kind=S.IN_SOURCE)
            if not G.has_edge(cid, src_id[doc_id], key=S.REPORTED_IN):
                G.add_edge(cid, src_id[doc_id], key=S.REPORTED_IN, kind=S.REPORTED_IN, via=mid)
            if spid:
                G.add_edge(mid, spid, key=S.ATTRIBUTED_TO, kind=S.ATTRIBUTED_TO)
                if not G.has_edge(spid, cid, key=S.SAID):
                    G.add_edge(spid, cid, key=S.SAID, kind=S.SAID, via=mid)
                claim_speakers[cid].add(sp.name)
            if relay is not None and spid and relay.key in speaker_id:
                rid = speaker_id[relay.key]
                if rid != spid and not G.has_edge(rid, spid, key=S.RELAYS):
                    G.add_edge(rid, spid, key=S.RELAYS, kind=S.RELAYS, via=mid)
            claim_sources[cid].add(doc_id)
            claim_raw[cid].append(_spans_text(r.text, m.content))
            frames.append(
                Frame(
                    ref.text,
                    ref.cue,
                    sp.name if sp else None,
                    sp.type if sp else None,
                    sp.affiliation if sp else None,
                    m.kind,
                )
            )
        facts.append(ClaimFacts(cid, rep.text, frames[0].cue, tuple(quantities), tuple(frames)))

    kg.refresh_claim_stats()
    for cid, names in claim_speakers.items():
        G.nodes[cid]["speakers"] = sorted(names)

    # Topics.
    for cid, topics in find_topics(claim_texts, claim_sources, claim_raw).items():
        G.nodes[cid]["topics"] = topics
        for t in topics:
            tid = node_id(S.TOPIC, t)
            G.add_node(tid, kind=S.TOPIC, label=t, name=t)
            G.add_edge(cid, tid, key=S.ABOUT, kind=S.ABOUT)

    # Conflicts and contradictions (both stored in both directions), then corroboration.
    for a, b, why in quantity_conflicts(facts):
        for x, y in ((a, b), (b, a)):
            G.add_edge(x, y, key=S.CONFLICTING_QUANTITY, kind=S.CONFLICTING_QUANTITY, why=why)
    for a, b, why in contradictions(facts):
        for x, y in ((a, b), (b, a)):
            if not G.has_edge(x, y, key=S.CONTRADICTS):
                G.add_edge(x, y, key=S.CONTRADICTS, kind=S.CONTRADICTS, why=why)
    for i, j, score in related_clusters(clusters):
        a, b = sorted((cluster_ids[i], cluster_ids[j]))
        if (
            a == b
            or G.has_edge(a, b, key=S.CONTRADICTS)
            or G.has_edge(a, b, key=S.CONFLICTING_QUANTITY)
        ):
            continue
        if not G.has_edge(a, b, key=S.CORROBORATES):
            G.add_edge(a, b, key=S.CORROBORATES, kind=S.CORROBORATES, score=score)
    logger.info("graph: %d nodes, %d edges", G.number_of_nodes(), G.number_of_edges())
    return kg

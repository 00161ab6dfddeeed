"""Build the :class:`ClaimGraph` from document records: the one global step of the pipeline.

The phases, each a module with one job:

1. :mod:`.syndication`: wire copies reprinted elsewhere;
2. :mod:`.stories`: articles about one event;
3. :mod:`.candidates` → :mod:`.articles` → :mod:`.speakers` (→ :mod:`.relays`): what each
   speaker span offers, whom it names inside its article, who that is across articles;
4. :mod:`.mentions` → :mod:`.claims`: mentions tidied, one per proposition, clustered into
   claims;
5. :mod:`.topics` and :mod:`.relations`: key phrases, conflicting quantities, contradictions and
   corroborations, each only inside a story;
6. :mod:`.assemble`: everything written into one networkx graph.

Every phase is near-linear (indexes and blocks, never all pairs); thresholds come from one
:class:`~.settings.Settings`.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import networkx as nx

from ..ingest.records import ClaimMention, DocumentRecord
from . import schema as S
from .assemble import (
    ClaimInputs,
    add_claim,
    add_edge,
    add_relation,
    add_sources,
    add_speakers,
    add_stories,
)
from .claims import MentionRef, cluster_mentions, related_clusters
from .claimtext import drop_text_caches
from .collector import collector_paused
from .ids import node_id
from .labels import label_claim
from .mentions import (
    analysed_text,
    claims_only,
    proposition_mentions,
    source_key,
    spans_text,
    tidy_mentions,
)
from .model import ClaimGraph
from .relations import ClaimFacts, contradictions, interval, quantity_conflicts
from .settings import DEFAULT, Settings
from .speakers import KnownEntity, Resolution, resolve_speakers
from .stories import Story, find_stories
from .syndication import find_copies
from .topics import shared_key_phrases

__all__ = ["build_graph", "source_key", "label_claim", "Phases", "LOCAL"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Phases:
    """The blocked phases of the merge, which another runner may replace with its own that
    give the same results (blocks split between processes, the pairs joined back in order)."""

    stories: Callable[[Sequence[DocumentRecord], Settings], list[Story]] = find_stories
    claims: Callable[[Sequence[MentionRef], Settings], list[list[MentionRef]]] = cluster_mentions


#: Both phases in this process.
LOCAL = Phases()


def build_graph(
    records: Sequence[DocumentRecord],
    *,
    known_entities: Iterable[KnownEntity] = (),
    copies: Mapping[str, str] | None = None,
    settings: Settings = DEFAULT,
    phases: Phases = LOCAL,
) -> ClaimGraph:
    """Build the claim graph of ``records`` (deterministic: same records, same graph)."""
    with collector_paused():
        return _build(records, known_entities, copies, settings, phases)


def _build(
    records: Sequence[DocumentRecord],
    known_entities: Iterable[KnownEntity],
    copies: Mapping[str, str] | None,
    settings: Settings,
    phases: Phases,
) -> ClaimGraph:
    """The phases in order. What only one phase needs is dropped as soon as it is done: the
    graph of a large corpus is built next to its records, and the last phases reuse that
    memory instead of asking for more."""
    records = sorted((claims_only(r) for r in records), key=lambda r: r.id)
    by_doc = {r.id: r for r in records}
    G = nx.MultiDiGraph()
    src_id = add_sources(G, records, dict(copies) if copies is not None else find_copies(records))
    stories = phases.stories(records, settings)
    add_stories(G, stories, by_doc, src_id)
    story_of = {d: st.key for st in stories for d in st.doc_ids}
    del stories
    resolution = resolve_speakers(
        records, stories=story_of, known=known_entities, settings=settings
    )
    speaker_id = add_speakers(G, resolution)
    refs, mention_of = _mention_refs(records, resolution, story_of)
    del records
    clusters = phases.claims(refs, settings)
    related = related_clusters(clusters, settings)  # before the graph is built beside them
    drop_text_caches()  # the mentions' features: assembly and relations need few of them
    inputs = ClaimInputs(by_doc, mention_of, resolution, speaker_id, src_id, story_of)
    del refs, by_doc, mention_of, resolution, speaker_id, src_id, story_of  # inputs holds them
    facts = [add_claim(G, cluster, inputs) for cluster in clusters]
    del clusters  # the facts hold what relations read of them
    for cid, names in inputs.claim_speakers.items():
        G.nodes[cid]["speakers"] = sorted(names)
    phrases = inputs.claim_phrases
    del inputs  # the mentions, their speakers and their articles are in the graph now
    kg = ClaimGraph(G)
    kg.refresh_claim_stats()
    _add_topics(G, facts, phrases)
    del phrases
    _add_relations(G, facts, related, settings)
    logger.info("graph: %d nodes, %d edges", G.number_of_nodes(), G.number_of_edges())
    return kg


def _mention_refs(
    records: Sequence[DocumentRecord], resolution: Resolution, story_of: Mapping[str, str]
) -> tuple[list[MentionRef], dict[tuple, ClaimMention]]:
    """One clustering input per proposition of every mention worth a node."""
    refs: list[MentionRef] = []
    mention_of: dict[tuple, ClaimMention] = {}
    for r in records:
        for i in tidy_mentions(r, resolution.assignment):
            sp = resolution.assignment.get((r.id, i))
            for k, m in enumerate(proposition_mentions(r, r.claims[i])):
                key = (r.id, i, k)  # one tuple for both indexes
                mention_of[key] = m
                qs = tuple((q.unit.casefold(), *interval(q)) for q in m.quantities if q.unit)
                refs.append(
                    MentionRef(
                        key,
                        analysed_text(r, m),
                        sp.key if sp else None,
                        cue=sys.intern(spans_text(r.text, m.cue)),  # a few thousand cues
                        quantities=qs,
                        story=story_of.get(r.id),
                    )
                )
    return refs, mention_of


def _add_topics(
    G: nx.MultiDiGraph, facts: Sequence[ClaimFacts], claim_phrases: Mapping[str, list[str]]
) -> None:
    """Topics: key phrases (named entities, noun phrases) that at least two claims share."""
    phrases = {f.id: claim_phrases.get(f.id, []) for f in facts}
    for cid, topics in shared_key_phrases(phrases).items():
        G.nodes[cid]["topics"] = topics
        for t in topics:
            tid = node_id(S.TOPIC, t)
            G.add_node(tid, kind=S.TOPIC, label=t, name=t)
            add_edge(G, cid, tid, S.ABOUT)


def _add_relations(
    G: nx.MultiDiGraph,
    facts: Sequence[ClaimFacts],
    related: Iterable[tuple[int, int, float]],
    settings: Settings,
) -> None:
    """Conflicts and contradictions (both ways), then corroborations (``related``, pairs of
    claim numbers and their score) where neither holds."""
    for a, b, why in quantity_conflicts(facts, settings.quantity_block_cap):
        add_relation(G, a, b, S.CONFLICTING_QUANTITY, why=why)
    for a, b, why in contradictions(facts):
        add_relation(G, a, b, S.CONTRADICTS, why=why)
    for i, j, score in related:
        a, b = sorted((facts[i].id, facts[j].id))
        if G.has_edge(a, b, key=S.CONTRADICTS) or G.has_edge(a, b, key=S.CONFLICTING_QUANTITY):
            continue
        add_relation(G, a, b, S.CORROBORATES, score=score)

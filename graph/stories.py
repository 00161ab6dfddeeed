"""Stories: the articles about one real-world event, found from what they name.

Two articles are about one event when they name the same rare things: people, organisations,
places (weighted double) and content words, as a tf-idf cosine over the corpus. Articles join
when their cosine reaches :attr:`Settings.story_similarity` and they share at least one named
entity; articles that date themselves to different years never join (two earthquakes in one
region, years apart, are two stories). Candidate pairs come from blocks keyed by each article's
rarest terms, so the cost grows near-linearly.

Stories scope what only makes sense inside one event: an unnamed "police" is one speaker per
story; corroborations and conflicting numbers are proposed only inside a story.

Trust: on ECB+ dev, where every topic holds two events of one kind (two rehab check-ins of two
actresses, two earthquakes), pairwise precision 0.838 and recall 0.890 against the gold events
(docs/graph.md). Events of one kind that share their main actors (two fights of one boxer) are
the usual confusion.
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from ..ingest.records import DocumentRecord
from .claimtext import content_words, stem
from .names import name_key
from .settings import DEFAULT, Settings

__all__ = [
    "Components",
    "Story",
    "find_stories",
    "join_story_pairs",
    "stories_of",
    "story_blocks",
    "story_vectors",
]

_NAMED = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT", "WORK_OF_ART", "PRODUCT"}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@dataclass(frozen=True)
class Story:
    """Articles about one event: their ids (sorted) and what they name most."""

    key: str
    doc_ids: tuple[str, ...]
    label: str


def _terms(record: DocumentRecord) -> Counter[str]:
    terms: Counter[str] = Counter()
    for ent in record.entities:
        if ent.label in _NAMED:
            key = name_key(ent.text)
            if key:
                terms[sys.intern("E:" + key)] += 1
                words = key.split()
                if ent.label == "PERSON" and len(words) > 1:
                    terms[sys.intern("E:" + words[-1])] += 1
    body = " ".join(record.text[s:e] for s, e in record.body) if record.body else record.text
    for word in content_words(body):
        if len(word) >= 4 and word.isalpha():
            terms[sys.intern("W:" + stem(word))] += 1
    return terms


def _years(record: DocumentRecord) -> frozenset[str]:
    years = {y for ent in record.entities if ent.label == "DATE" for y in _YEAR.findall(ent.text)}
    if record.published:
        years.add(record.published[:4])
    return frozenset(years)


def _vectors(terms: list[Counter[str] | None]) -> list[dict[str, float]]:
    """The tf-idf vector of each article; ``terms`` is emptied as it goes (the counts of a
    whole corpus and its vectors need not be held at once)."""
    n = len(terms)
    df = Counter(t for ts in terms if ts for t in ts)
    out = []
    for i, ts in enumerate(terms):
        terms[i] = None
        assert ts is not None
        v = {
            t: (1 + math.log(c)) * math.log(1 + n / df[t]) * (2.0 if t[0] == "E" else 1.0)
            for t, c in ts.items()
            if df[t] > 1
        }
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out.append({t: x / norm for t, x in v.items()})
    return out


def _label(records: Sequence[DocumentRecord], members: list[int]) -> str:
    counts: Counter[str] = Counter()
    for i in members:
        seen = set()
        for ent in records[i].entities:
            if ent.label in _NAMED and ent.label != "NORP":
                text = re.sub(r"(?i)^the\s+", "", ent.text.strip())
                text = re.sub(r"['’]s$", "", text)
                if name_key(text) and name_key(text) not in seen:
                    seen.add(name_key(text))
                    counts[text] += 1
    top = [t for t, _ in sorted(counts.items(), key=lambda x: (-x[1], x[0]))[:3]]
    return ", ".join(top) or (records[members[0]].title or records[members[0]].id)


def find_stories(records: Sequence[DocumentRecord], settings: Settings = DEFAULT) -> list[Story]:
    """Group ``records`` into stories (every record in exactly one; singletons included)."""
    vectors, years = story_vectors(records)
    blocks = story_blocks(vectors, settings)
    joined = Components()
    join_story_pairs(joined, enumerate(blocks.values()), vectors, years, len(records), settings)
    return stories_of(records, joined)


def story_vectors(
    records: Sequence[DocumentRecord],
) -> tuple[list[dict[str, float]], list[frozenset[str]]]:
    """Each article's tf-idf vector and the years it dates itself to: all that pairs read."""
    return _vectors([_terms(r) for r in records]), [_years(r) for r in records]


def story_blocks(vectors: Sequence[dict[str, float]], settings: Settings) -> dict[str, list[int]]:
    """Article indexes by blocking term (each article's rarest terms), each block capped.

    The blocks come in the order their terms are first met, the order pairs are compared in.
    """
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, v in enumerate(vectors):
        top = sorted(v.items(), key=lambda x: (-x[1], x[0]))[: settings.story_block_terms]
        for term, _w in top:
            if len(blocks[term]) < settings.story_block_cap:
                blocks[term].append(i)
    return blocks


class Components:
    """Connected components of article indexes (a union-find; indexes never joined are alone).

    Unconstrained, so any order of the same pairs gives the same components: blocks can be
    joined separately and the results merged (:meth:`edges`, :meth:`union`).
    """

    def __init__(self, edges: Iterable[tuple[int, int]] = ()) -> None:
        self.parent: dict[int, int] = {}
        for a, b in edges:
            self.union(a, b)

    def find(self, i: int) -> int:
        parent = self.parent
        while parent.get(i, i) != i:
            parent[i] = parent.get(parent[i], parent[i])
            i = parent[i]
        return i

    def joined(self, a: int, b: int) -> bool:
        return self.find(a) == self.find(b)

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[ra] = rb

    def edges(self) -> list[tuple[int, int]]:
        """One edge per joined index, to its root: the components, at most one edge per article."""
        return [(i, self.find(i)) for i in list(self.parent) if self.find(i) != i]


def join_story_pairs(
    joined: Components,
    blocks: Iterable[tuple[int, Sequence[int]]],
    vectors: Sequence[dict[str, float]] | Mapping[int, dict[str, float]],
    years: Sequence[frozenset[str]] | Mapping[int, frozenset[str]],
    n: int,
    settings: Settings,
    blocks_of: Mapping[int, AbstractSet[int]] | None = None,
) -> None:
    """Join in ``joined`` every pair of one numbered block about one event.

    Articles are about one event when their cosine reaches :attr:`Settings.story_similarity`,
    they share a named entity and their years meet; a pair already joined or compared is
    skipped. ``vectors`` and ``years`` need only hold the articles of ``blocks``; ``n`` is the
    number of articles (pairs are kept as ``a * n + b``: a fraction of the memory of tuples).
    Blocks split between callers: ``blocks_of``, the numbers of every block each article is
    in, tells a caller which pairs another compares in an earlier block.
    """
    compared: set[int] = set()
    for number, members in blocks:
        for x, a in enumerate(members):
            for b in members[x + 1 :]:
                if a * n + b in compared or joined.joined(a, b):
                    continue
                compared.add(a * n + b)
                if blocks_of is not None and min(blocks_of[a] & blocks_of[b]) < number:
                    continue
                if years[a] and years[b] and not years[a] & years[b]:
                    continue
                va, vb = vectors[a], vectors[b]
                if len(va) > len(vb):
                    va, vb = vb, va
                cosine = sum(x * vb.get(t, 0.0) for t, x in va.items())
                shared = any(t[0] == "E" and t in vb for t in va)
                if cosine >= settings.story_similarity and shared:
                    joined.union(a, b)


def stories_of(records: Sequence[DocumentRecord], joined: Components) -> list[Story]:
    """The stories of ``records`` given their joined indexes, sorted by their articles."""
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(records)):
        groups[joined.find(i)].append(i)
    stories = []
    for members in groups.values():
        ids = tuple(sorted(records[i].id for i in members))
        stories.append(Story("\x1f".join(ids), ids, _label(records, members)))
    return sorted(stories, key=lambda s: s.doc_ids)

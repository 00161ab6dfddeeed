"""What one Dask task of the merge works on: a partition of blocks, and what judging it reads.

Kept apart from :mod:`claimgraph.distributed_merge` so that a worker unpickling a task imports
only :mod:`claimgraph.graph`'s stories and claims, not the parser or the exports.
"""

from __future__ import annotations

import heapq
import zlib
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass

from .graph.claims import MentionRef, Pair, Weights, claim_pairs
from .graph.settings import Settings
from .graph.stories import Components, join_story_pairs

__all__ = [
    "ClaimPart",
    "StoryPart",
    "claim_part_pairs",
    "in_block_order",
    "merged_components",
    "partition_of",
    "story_part_components",
]


def partition_of(key: Hashable, partitions: int) -> int:
    """The partition of a blocking key: a hash that every process computes alike."""
    return zlib.crc32(repr(key).encode("utf-8", "backslashreplace")) % partitions


Edges = list[tuple[int, int]]


@dataclass(frozen=True)
class StoryPart:
    """One partition of story blocks: member indexes, and the vectors and years they read."""

    blocks: list[list[int]]
    vectors: dict[int, dict[str, float]]
    years: dict[int, frozenset[str]]
    n: int
    settings: Settings


def story_part_components(part: StoryPart) -> Edges:
    """The task: the components joined by one partition's pairs, one edge per joined article."""
    joined = Components()
    join_story_pairs(joined, part.blocks, part.vectors, part.years, part.n, part.settings)
    return joined.edges()


def merged_components(*parts: Edges) -> Edges:
    """The task of the reduction: the components of several partitions' components."""
    return Components(edge for edges in parts for edge in edges).edges()


@dataclass(frozen=True)
class ClaimPart:
    """One partition of claim blocks, numbered in block order, with what judging them reads."""

    blocks: list[tuple[int, list[MentionRef]]]
    feats: dict[Hashable, frozenset[str]]
    weights: Weights
    settings: Settings


def claim_part_pairs(part: ClaimPart) -> list[Pair]:
    """The task: one partition's accepted pairs, in block order."""
    index: dict[Hashable, int] = {}
    for _number, members in part.blocks:
        for m in members:
            index.setdefault(m.id, len(index))
    return list(claim_pairs(part.blocks, part.feats, part.weights, part.settings, index))


def in_block_order(results: Iterable[list[Pair]]) -> Iterator[Pair]:
    """The partitions' accepted pairs in the order the local loop meets them: by block number
    (every block is in one partition, where its pairs keep their order)."""
    return heapq.merge(*results, key=lambda pair: pair[0])

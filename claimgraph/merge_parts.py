"""What one Dask task of the merge works on: a partition of blocks, and what judging it reads.

Kept apart from :mod:`claimgraph.distributed_merge` so that a worker unpickling a task imports
only :mod:`claimgraph.graph`'s stories and claims, not the parser or the exports.
"""

from __future__ import annotations

import heapq
import zlib
from array import array
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from .graph.claims import MentionRef, Pair, Weights, claim_pairs
from .graph.settings import Settings
from .graph.stories import Components, join_story_pairs

__all__ = [
    "ClaimPart",
    "StoryPart",
    "claim_part_pairs",
    "deal",
    "in_block_order",
    "merged_components",
    "partition_of",
    "story_part_components",
]


def partition_of(key: Hashable, partitions: int) -> int:
    """The partition of a blocking key: a hash that every process computes alike."""
    return zlib.crc32(repr(key).encode("utf-8", "backslashreplace")) % partitions


Edges = list[tuple[int, int]]
T = TypeVar("T")


#: The numbers of the blocks each member is in (compact: the client holds one per member).
Memberships = dict[Hashable, array]


def deal(
    blocks: Iterable[tuple[Hashable, list[T]]], partitions: int, member_id: Callable[[T], Hashable]
) -> tuple[list[list[tuple[int, list[T]]]], Memberships]:
    """Blocks numbered in order and dealt to partitions by key, with every member's block
    numbers; a block of one member holds no pair and goes nowhere."""
    split: list[list[tuple[int, list[T]]]] = [[] for _ in range(partitions)]
    memberships: Memberships = {}
    for number, (key, members) in enumerate(blocks):
        if len(members) > 1:
            split[partition_of(key, partitions)].append((number, members))
            for m in members:
                memberships.setdefault(member_id(m), array("L")).append(number)
    return split, memberships


def _sets(memberships: Memberships) -> dict[Hashable, frozenset[int]]:
    return {k: frozenset(v) for k, v in memberships.items()}


@dataclass(frozen=True)
class StoryPart:
    """One partition of numbered story blocks, and what comparing them reads: the vectors and
    years of their articles, and the numbers of every block each is in."""

    blocks: list[tuple[int, list[int]]]
    vectors: dict[int, dict[str, float]]
    years: dict[int, frozenset[str]]
    blocks_of: Memberships
    n: int
    settings: Settings


def story_part_components(part: StoryPart) -> Edges:
    """The task: the components joined by one partition's pairs, one edge per joined article."""
    joined = Components()
    join_story_pairs(
        joined,
        part.blocks,
        part.vectors,
        part.years,
        part.n,
        part.settings,
        blocks_of=_sets(part.blocks_of),
    )
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
    blocks_of: Memberships
    settings: Settings


def claim_part_pairs(part: ClaimPart) -> list[Pair]:
    """The task: one partition's accepted pairs, in block order."""
    index: dict[Hashable, int] = {}
    for _number, members in part.blocks:
        for m in members:
            index.setdefault(m.id, len(index))
    blocks_of = _sets(part.blocks_of)
    return list(
        claim_pairs(
            part.blocks, part.feats, part.weights, part.settings, index, blocks_of=blocks_of
        )
    )


def in_block_order(results: Iterable[list[Pair]]) -> Iterator[Pair]:
    """The partitions' accepted pairs in the order the local loop meets them: by block number
    (every block is in one partition, where its pairs keep their order)."""
    return heapq.merge(*results, key=lambda pair: pair[0])

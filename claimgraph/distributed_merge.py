"""Run the cross-document merge's blocked phases on a Dask cluster: the same graph as locally.

Story detection and claim clustering each come in three pieces (:mod:`claimgraph.graph.stories`,
:mod:`claimgraph.graph.claims`): the blocks, made on the client from the records and the
corpus-wide weights; the pairs a block accepts, which read only the block's members; and the
join of the accepted pairs. Here the blocks are dealt to partitions by a stable hash of their
key, each partition's pairs are judged in one Dask task (a pair found in blocks of several
partitions only in the first block its members share, as the local loop judges it once where
first met), and the results are joined:

* stories: the union-find is unconstrained, so each task returns the components of its own
  pairs (at most one edge per article) and the components are merged in a tree of tasks;
* claims: the union-find refuses clusters whose numbers clash or whose known speakers differ,
  so the order of unions decides. Each task returns its accepted pairs with the number of the
  block they were met in; the client merges them back into block order and joins them as the
  local loop does, each pair once where first met.

The local merge calls the same three pieces, so both give the same graph by construction
(``tests/test_distributed_merge.py`` checks it). Syndication, speaker resolution, the features
and blocks, relations and the assembly of the networkx graph run on the client. Needs the
optional extra ``claimgraph[dask]``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from .api import build_records
from .graph.build import Phases
from .graph.claims import (
    MentionRef,
    claim_blocks,
    claim_features,
    grouped_clusters,
    join_claim_pairs,
    same_text_clusters,
)
from .graph.settings import Settings
from .graph.stories import Components, Story, stories_of, story_blocks, story_vectors
from .ingest.records import DocumentRecord
from .merge_parts import (
    ClaimPart,
    StoryPart,
    claim_part_pairs,
    deal,
    in_block_order,
    merged_components,
    story_part_components,
)
from .views import ClaimGraph

__all__ = ["claims_on_dask", "dask_phases", "merge_on_dask", "stories_on_dask"]


def stories_on_dask(
    client: Any, partitions: int, records: Sequence[DocumentRecord], settings: Settings
) -> list[Story]:
    """:func:`~claimgraph.graph.stories.find_stories` with the pairs judged on the cluster."""
    vectors, years = story_vectors(records)
    split, blocks_of = deal(story_blocks(vectors, settings).items(), partitions, int)
    parts = []
    for numbered in split:
        if numbered:
            ids = sorted({i for _number, members in numbered for i in members})
            parts.append(
                StoryPart(
                    numbered,
                    {i: vectors[i] for i in ids},
                    {i: years[i] for i in ids},
                    {i: blocks_of[i] for i in ids},
                    len(records),
                    settings,
                )
            )
    del vectors, split, blocks_of
    futures = _run(client, story_part_components, parts)
    del parts
    while len(futures) > 1:
        futures = [
            client.submit(merged_components, *futures[i : i + 2], pure=False)
            for i in range(0, len(futures), 2)
        ]
    edges = futures[0].result() if futures else []
    return stories_of(records, Components(edges))


def claims_on_dask(
    client: Any, partitions: int, mentions: Sequence[MentionRef], settings: Settings
) -> list[list[MentionRef]]:
    """:func:`~claimgraph.graph.claims.cluster_mentions` with the pairs judged on the cluster."""
    feats, weights = claim_features(mentions)
    uf = same_text_clusters(mentions)
    blocks = claim_blocks(mentions, feats, weights, settings)
    split, blocks_of = deal(blocks.items(), partitions, lambda m: m.id)
    del blocks
    parts = []
    for numbered in split:
        if numbered:
            ids = {m.id for _number, members in numbered for m in members}
            part_feats = {i: feats[i] for i in ids}
            used = set().union(*part_feats.values())
            part_blocks_of = {i: blocks_of[i] for i in ids}
            parts.append(
                ClaimPart(numbered, part_feats, weights.restricted(used), part_blocks_of, settings)
            )
    del split, blocks_of
    futures = _run(client, claim_part_pairs, parts)
    del parts
    join_claim_pairs(uf, in_block_order(client.gather(futures)))
    return grouped_clusters(mentions, feats, settings, uf)


def _run(client: Any, task: Any, parts: list[Any]) -> list[Any]:
    """The futures of ``task`` on each part (the parts sent as they are, not hashed first)."""
    if not parts:
        return []
    return client.map(task, client.scatter(parts, hash=False), pure=False)


def dask_phases(client: Any, partitions: int | None = None) -> Phases:
    """The blocked phases on the cluster of ``client``, in ``partitions`` partitions (default:
    one per worker)."""
    if partitions is None:
        partitions = max(1, len(client.nthreads()))
    if partitions < 1:
        raise ValueError(f"partitions must be at least 1, not {partitions}")
    return Phases(
        stories=partial(stories_on_dask, client, partitions),
        claims=partial(claims_on_dask, client, partitions),
    )


def merge_on_dask(
    records: Sequence[DocumentRecord],
    client_or_address: Any,
    *,
    partitions: int | None = None,
    connect_timeout: float = 10.0,
    **options: Any,
) -> ClaimGraph:
    """:func:`~claimgraph.api.build_records` with the blocked phases on a Dask cluster.

    ``client_or_address`` is a ``dask.distributed.Client`` or a scheduler address (connected
    for this call and closed after); ``options`` are those of ``build_records``.
    """
    from .distributed import connect

    client = connect(client_or_address, connect_timeout)
    try:
        return build_records(records, phases=dask_phases(client, partitions), **options)
    finally:
        if client is not client_or_address:
            client.close()

"""The merge on a Dask cluster gives the same graph as the local merge.

Story detection and claim clustering are each three pieces, which the local merge calls in one
process and :mod:`claimgraph.distributed_merge` spreads over a cluster: the blocks, the pairs a
block accepts (a pure function of the block), and the join of those pairs. Stories join without
conditions, so partitions may join their own pairs first; claims refuse unions of clashing
numbers, so their pairs are joined in the order the local loop meets them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from claimgraph.api import build_records
from claimgraph.cli import app
from claimgraph.graph.claims import (
    ClaimUnion,
    MentionRef,
    claim_features,
    claim_pairs,
    cluster_mentions,
    join_claim_pairs,
)
from claimgraph.graph.settings import DEFAULT, Settings
from claimgraph.graph.stories import Components, join_story_pairs, story_blocks
from claimgraph.merge_parts import (
    ClaimPart,
    StoryPart,
    claim_part_pairs,
    deal,
    in_block_order,
    merged_components,
    partition_of,
    story_part_components,
)

from .conftest import EXAMPLES, SHARED, in_process_cluster

distributed = pytest.importorskip("dask.distributed", reason="needs claimgraph[dask]")

from claimgraph.distributed_merge import claims_on_dask, merge_on_dask  # noqa: E402


@pytest.fixture(scope="module")
def client():
    """Two worker processes, so every part crosses a process boundary as it would on a cluster."""
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


# -- the whole merge ---------------------------------------------------------------------------
@pytest.mark.parametrize("partitions", [None, 1, 3, 64])
def test_merge_of_the_seed_articles_on_a_cluster_equals_the_local_merge(
    seed_build, client, partitions
):
    kg, _report, _out = seed_build
    assert merge_on_dask(kg.records, client, partitions=partitions).dumps() == kg.dumps()


def test_merge_of_no_records_on_a_cluster_is_the_empty_graph(client):
    kg = merge_on_dask([], client, partitions=4)
    assert kg.dumps() == build_records([]).dumps()
    assert kg.G.number_of_nodes() == 0


def test_build_with_dask_merges_on_the_cluster_as_the_local_build_does(seed_build, tmp_path):
    _kg, _report, local = seed_build
    with in_process_cluster() as (cluster, _client):
        args = ["build", str(EXAMPLES), "--dask", cluster.scheduler_address]
        on_cluster = CliRunner().invoke(app, [*args, "--out", str(tmp_path / "d")])
        here = CliRunner().invoke(app, [*args, "--out", str(tmp_path / "l"), "--local-merge"])
    assert on_cluster.exit_code == 0, on_cluster.output
    assert here.exit_code == 0, here.output
    want = (local / "graph.json").read_bytes()
    assert (tmp_path / "d" / "graph.json").read_bytes() == want
    assert (tmp_path / "l" / "graph.json").read_bytes() == want
    assert json.loads((tmp_path / "d" / "report.json").read_text())["timings"]["merge"] > 0


def test_merge_options_without_dask_are_a_usage_error(tmp_path):
    result = CliRunner().invoke(
        app, ["build", str(EXAMPLES), "--out", str(tmp_path / "o"), "--merge-partitions", "4"]
    )
    assert result.exit_code == 2
    assert "--local-merge and --merge-partitions go with --dask" in result.output


@pytest.mark.slow
def test_merge_of_the_bbc_politics_articles_on_a_cluster_equals_the_local_merge(client):
    if SHARED is None or not (SHARED / "corpora" / "bbc" / "politics").is_dir():
        pytest.skip("../shared/corpora/bbc is not present")
    import claimgraph

    records = list(claimgraph.extract([str(SHARED / "corpora" / "bbc" / "politics")]))
    assert len(records) == 417
    local = build_records(records)
    stats = local.stats()  # stories and claims were joined, so the equality says something
    assert stats["stories"] < len(records) and stats["claims"] < stats["mentions"]
    assert merge_on_dask(records, client, partitions=5).dumps() == local.dumps()


# -- the pieces ------------------------------------------------------------------------------
def test_a_blocking_key_has_one_partition_in_every_process():
    keys = ("E:lavrov", ("s:putin", "amass"), "W:troop")
    assert [partition_of(k, 4) for k in keys] == [2, 3, 2]
    code = (
        "from claimgraph.merge_parts import partition_of\n"
        f"print([partition_of(k, 4) for k in {keys!r}])"
    )
    for seed in ("1", "2"):  # str hashes differ between these processes; the partitions do not
        run = subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        )
        assert run.stdout.strip() == "[2, 3, 2]"


def _vector(**weights: float) -> dict[str, float]:
    return {t.replace("_", ":"): w for t, w in weights.items()}


# Four articles: 0 and 1 about one event, 1 and 2 about it too, 3 about something else.
VECTORS = [
    _vector(E_lavrov=0.8, W_troop=0.6),
    _vector(E_lavrov=0.6, W_troop=0.6, W_border=0.5),
    _vector(W_border=0.6, E_kyiv=0.8),
    _vector(E_paris=1.0),
]
YEARS = [frozenset({"2022"})] * 4


def test_story_blocks_are_keyed_by_each_article_s_top_terms_in_the_order_first_met():
    blocks = story_blocks(VECTORS, Settings(story_block_terms=2, story_block_cap=2))
    assert blocks == {
        "E:lavrov": [0, 1],
        "W:troop": [0, 1],
        "E:kyiv": [2],
        "W:border": [2],
        "E:paris": [3],
    }
    full = story_blocks(VECTORS, Settings(story_block_terms=3, story_block_cap=2))
    assert full["W:border"] == [1, 2] and full["W:troop"] == [0, 1]


def test_story_partitions_join_their_own_pairs_and_the_merge_of_them_is_the_local_join():
    settings = Settings(story_similarity=0.3)
    blocks = [("E:lavrov", [0, 1]), ("W:border", [1, 2]), ("E:paris", [3]), ("W:troop", [0, 1, 3])]
    local = Components()
    join_story_pairs(local, enumerate(m for _k, m in blocks), VECTORS, YEARS, 4, settings)
    split, blocks_of = deal(blocks, 3, int)
    assert split == [[(3, [0, 1, 3])], [(0, [0, 1])], [(1, [1, 2])]]  # [3] alone holds no pair
    assert {i: list(b) for i, b in blocks_of.items()} == {0: [0, 3], 1: [0, 1, 3], 2: [1], 3: [3]}
    parts = [
        StoryPart(
            numbered, dict(enumerate(VECTORS)), dict(enumerate(YEARS)), blocks_of, 4, settings
        )
        for numbered in split
    ]
    edges = [story_part_components(p) for p in parts]
    # 0-1 is compared in block 0 only; 1-2 share no named entity; 0-3 and 1-3 share nothing
    assert edges == [[], [(0, 1)], []]
    assert Components(merged_components(*edges)).edges() == local.edges() == [(0, 1)]


def test_components_merged_in_any_order_are_the_same():
    a, b, c = [(0, 1), (5, 6)], [(1, 2)], [(6, 7), (9, 9)]
    groups = {
        frozenset(
            frozenset(i for i in range(10) if comp.find(i) == comp.find(j)) for j in range(10)
        )
        for comp in (
            Components(merged_components(a, merged_components(b, c))),
            Components(merged_components(merged_components(c, a), b)),
        )
    }
    assert groups == {
        frozenset(
            {
                frozenset({0, 1, 2}),
                frozenset({5, 6, 7}),
                frozenset({3}),
                frozenset({4}),
                frozenset({8}),
                frozenset({9}),
            }
        )
    }


def _troops(id_: str, count: str = "", n: float | None = None) -> MentionRef:
    text = f"Russia has massed {count + ' ' if count else ''}troops near the border with Ukraine"
    qs = (("troops", n, n),) if n is not None else ()
    return MentionRef(id_, text, "putin", cue="said", quantities=qs)


# One wording without a number, and two with numbers that cannot both be true.
A, B, C = _troops("a"), _troops("b", "100,000", 100000.0), _troops("c", "175,000", 175000.0)


def test_the_first_count_joined_decides_which_other_count_is_refused():
    assert [[m.id for m in c] for c in cluster_mentions([A, B, C])] == [["a", "b"], ["c"]]
    assert [[m.id for m in c] for c in cluster_mentions([A, C, B])] == [["a", "c"], ["b"]]


def test_claim_pairs_are_judged_once_where_first_met_and_numbered_by_block():
    feats, weights = claim_features([A, B, C])
    index = {"a": 0, "b": 1, "c": 2}
    blocks = [(0, [A, B]), (4, [A, B, C])]
    pairs = list(claim_pairs(blocks, feats, weights, DEFAULT, index))
    assert pairs == [(0, "a", "b"), (4, "a", "c")]  # b-c clash: never a pair


def _parts(*blocks: tuple[str, list[MentionRef]], partitions: int) -> list[ClaimPart]:
    feats, weights = claim_features([A, B, C])
    split, blocks_of = deal(blocks, partitions, lambda m: m.id)
    return [ClaimPart(numbered, feats, weights, blocks_of, DEFAULT) for numbered in split]


def test_partitions_pairs_are_joined_in_block_order_whatever_partition_holds_them():
    for first, refused in ((B, "c"), (C, "b")):
        second = C if first is B else B
        # block 0, ("s:putin", "amass"), goes to partition 1 of 2; block 1 to partition 0
        parts = _parts(
            (("s:putin", "amass"), [A, first]), (("s:putin", "x"), [A, second]), partitions=2
        )
        results = [claim_part_pairs(p) for p in parts]
        assert results == [[(1, "a", second.id)], [(0, "a", first.id)]]
        uf = ClaimUnion()
        for m in (A, B, C):
            uf.add(m.id, m.quantities, m.speaker)
        join_claim_pairs(uf, in_block_order(results))
        assert uf.joined("a", first.id) and not uf.joined("a", refused)


def test_a_pair_in_blocks_of_several_partitions_is_judged_once_where_first_met():
    blocks = [(("s:putin", "amass"), [A, B]), (("s:putin", "x"), [A, B, C])]
    assert [claim_part_pairs(p) for p in _parts(*blocks, partitions=2)] == [
        [(1, "a", "c")],
        [(0, "a", "b")],
    ]
    assert [claim_part_pairs(p) for p in _parts(*blocks, partitions=1)] == [
        [(0, "a", "b"), (1, "a", "c")]
    ]


def test_a_refused_pair_met_again_later_stays_refused():
    def union() -> ClaimUnion:
        uf = ClaimUnion()
        for id_, speaker in (("a", "lavrov"), ("b", "peskov"), ("c", "lavrov"), ("d", "peskov")):
            uf.add(id_, speaker=speaker)
        uf.union("c", "d", same_words=True)  # one text both said: a cluster of both speakers
        return uf

    uf = union()
    join_claim_pairs(uf, [(0, "a", "b"), (1, "a", "c"), (2, "a", "b")])
    assert uf.joined("a", "c") and not uf.joined("a", "b")
    again = union()
    for _number, x, y in [(0, "a", "b"), (1, "a", "c"), (2, "a", "b")]:
        again.union(x, y)  # trying every occurrence would have joined them
    assert again.joined("a", "b")


@pytest.mark.parametrize("partitions", [1, 2, 3, 50])
def test_claims_on_a_cluster_keep_the_local_order_of_refusals(client, partitions):
    for order in ([A, B, C], [A, C, B], [C, B, A]):
        local = [[m.id for m in c] for c in cluster_mentions(order)]
        remote = [[m.id for m in c] for c in claims_on_dask(client, partitions, order, DEFAULT)]
        assert remote == local
    assert claims_on_dask(client, partitions, [], DEFAULT) == []

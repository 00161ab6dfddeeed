"""The per-article step on a Dask cluster gives the same graph as the local run."""

from __future__ import annotations

import pytest

from claimgraph.api import build_records
from claimgraph.distributed import extract_on_dask

from .conftest import EXAMPLES, in_process_cluster

pytest.importorskip("dask.distributed", reason="needs claimgraph[dask]")


def test_local_cluster_build_equals_local_build(seed_build, tmp_path):
    kg, _report, _out = seed_build
    with in_process_cluster() as (_cluster, client):
        records, errors = extract_on_dask(
            [str(EXAMPLES)], client, tmp_path / "shards", chunk_size=2
        )
    assert errors == []
    assert sorted(p.name for p in (tmp_path / "shards").iterdir()) == [
        "part-00000.jsonl",
        "part-00001.jsonl",
        "part-00002.jsonl",
    ]
    assert [r.to_json() for r in records] == [r.to_json() for r in kg.records]
    again = build_records(records)
    assert again.dumps() == kg.dumps()

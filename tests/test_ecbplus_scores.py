"""The cross-document stage against human cross-document coreference (ECB+ dev, CC BY 3.0).

One build of the 462 dev articles, scored by the evaluation's own scorer
(``../shared/eval/ecbplus/score_graph.py``): speakers and claims merged across articles must
keep the figures ``docs/graph.md`` reports. Skipped when ``../shared`` is absent.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from claimgraph.api import build_to_dir

from .conftest import SHARED

pytestmark = pytest.mark.slow

ECB = SHARED / "eval" / "ecbplus" if SHARED else None


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    if ECB is None or not (ECB / "gold_dev.jsonl").exists():
        pytest.skip("../shared/eval/ecbplus is not present")
    out = tmp_path_factory.mktemp("ecbplus") / "out"
    build_to_dir([str(ECB / "docs")], out, cache=False)
    report = out.parent / "scores.json"
    subprocess.run(
        [
            sys.executable,
            str(ECB / "score_graph.py"),
            str(out),
            str(ECB / "gold_dev.jsonl"),
            "--json",
            str(report),
        ],
        check=True,
        capture_output=True,
    )
    return json.loads(report.read_text(encoding="utf-8"))


def test_one_speaker_node_per_real_speaker_across_articles(scores):
    pair = scores["speakers"]["claimgraph"]["pairwise_cross_doc"]
    assert pair["P"] >= 0.85 and pair["F1"] >= 0.75, pair


def test_every_speaker_that_can_be_known_has_a_node(scores):
    assert scores["speakers"]["stats"]["aligned_mentions_without_speaker_node"] <= 30


def test_one_claim_node_per_statement_reported_by_several_outlets(scores):
    pair = scores["claims"]["reporting_only"]["claimgraph"]["pairwise_cross_doc"]
    assert pair["P"] >= 0.80 and pair["F1"] >= 0.55, pair


def test_no_speaker_or_claim_node_spans_two_topics(scores):
    assert scores["speakers"]["claimgraph"]["cross_topic_merged_pairs"] <= 1
    assert scores["claims"]["reporting_only"]["claimgraph"]["cross_topic_merged_pairs"] == 0

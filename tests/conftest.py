"""Shared fixtures: the seed articles and expectations, one seed build per session, one parser."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from claimgraph.ingest.claims import extract_claims
from claimgraph.ingest.nlp import load_pipeline, masked_text
from claimgraph.ingest.records import ClaimMention

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"


@contextmanager
def in_process_cluster() -> Iterator[tuple[Any, Any]]:
    """``(cluster, client)`` of a Dask ``LocalCluster`` of one in-process worker: the cheapest
    cluster a test can start (callers skip first when dask is not installed)."""
    from dask import distributed

    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield cluster, client


def _shared() -> Path | None:
    for cand in (ROOT.parent / "shared", ROOT.parent.parent / "shared"):
        if (cand / "seeds" / "expected.json").exists():
            return cand
    return None


SHARED = _shared()


@pytest.fixture(scope="session")
def shared() -> Path:
    if SHARED is None:
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def expected(shared: Path) -> dict:
    return json.loads((shared / "seeds" / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))}


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory):
    """``(kg, report, out_dir)`` of one build of examples/articles."""
    from claimgraph import build_to_dir

    out = tmp_path_factory.mktemp("seed-build")
    kg, report = build_to_dir([str(EXAMPLES)], out)
    return kg, report, out


ARTICLES = EXAMPLES


@pytest.fixture(scope="module")
def claims_of() -> Callable[[str], list[ClaimMention]]:
    """Parse ``text`` (body = the whole text) and return its claim mentions."""
    nlp = load_pipeline()

    def run(text: str) -> list[ClaimMention]:
        body = [[0, len(text)]]
        return extract_claims(nlp(masked_text(text, body)), body)

    return run


def spans_text(text: str, spans: list[list[int]]) -> str:
    """The text at some spans, fragments joined by `` | ``."""
    return " | ".join(text[s:e] for s, e in spans)


def _triple(text: str, claim: ClaimMention) -> tuple[str, str, str]:
    return (
        spans_text(text, claim.speaker),
        spans_text(text, claim.cue),
        spans_text(text, claim.content),
    )


@pytest.fixture
def triple() -> Callable[[str, ClaimMention], tuple[str, str, str]]:
    """``(speaker, cue, content)`` of a claim as written in ``text``."""
    return _triple

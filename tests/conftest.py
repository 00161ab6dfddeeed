"""Shared fixtures: the seed articles, their expectations, one build of them per test session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"


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

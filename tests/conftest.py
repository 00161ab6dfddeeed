"""Shared fixtures: one spaCy pipeline, and a helper that extracts claims from raw text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ingest.claims import extract_claims
from ingest.nlp import load_pipeline, masked_text
from ingest.records import ClaimMention

ARTICLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


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
    return (spans_text(text, claim.speaker), spans_text(text, claim.cue),
            spans_text(text, claim.content))


@pytest.fixture
def triple() -> Callable[[str, ClaimMention], tuple[str, str, str]]:
    """``(speaker, cue, content)`` of a claim as written in ``text``."""
    return _triple

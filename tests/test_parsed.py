"""Views computed once per parse: the same answers spaCy gives, asked any number of times."""

from __future__ import annotations

import pytest

from claimgraph.ingest.nlp import load_pipeline
from claimgraph.ingest.parsed import doc_text, noun_chunks_in

from .conftest import EXAMPLES


@pytest.fixture(scope="module")
def doc():
    text = sorted(EXAMPLES.glob("*.txt"))[0].read_text(encoding="utf-8")
    return load_pipeline()(text)


def test_text_is_the_docs_text(doc) -> None:
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)


def test_noun_chunks_of_every_window_are_spacys(doc) -> None:
    n = len(doc)
    windows = [(0, n), (0, 0), (n, n), *((lo, lo + w) for w in (1, 5, 40) for lo in range(n - w))]
    for lo, hi in windows:
        expected = [(c.start, c.end) for c in doc[lo:hi].noun_chunks]
        assert [(c.start, c.end) for c in noun_chunks_in(doc, lo, hi)] == expected, (lo, hi)


def test_chunks_of_a_window_name_real_phrases() -> None:
    doc = load_pipeline()("The foreign minister rejected the proposal on Tuesday.")
    assert [c.text for c in noun_chunks_in(doc, 0, len(doc))] == [
        "The foreign minister",
        "the proposal",
        "Tuesday",
    ]
    assert [c.text for c in noun_chunks_in(doc, 1, 7)] == ["the proposal"]
    assert noun_chunks_in(doc, 3, 4) == []

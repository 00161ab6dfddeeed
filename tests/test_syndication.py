"""Syndicated copies: the BERNAMA reprint of the Anadolu Agency story is found, nothing else."""

from __future__ import annotations

import random
from pathlib import Path

from claimgraph.graph.syndication import find_copies, shingles
from claimgraph.ingest.clean import find_body
from claimgraph.ingest.metadata import extract_metadata
from claimgraph.ingest.read import RawDocument, read_inputs
from claimgraph.ingest.records import DocumentRecord

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"


def _record(raw: RawDocument) -> DocumentRecord:
    body = [list(span) for span in find_body(raw.text)]
    meta = extract_metadata(raw.text, body)
    return DocumentRecord(
        id=raw.id,
        sha256=raw.sha256,
        text=raw.text,
        path=raw.path,
        body=body,
        title=meta["title"],
        outlet=meta["outlet"],
        published=meta["published"],
        credits=meta["credits"],
    )


def _seed_records() -> list[DocumentRecord]:
    return [_record(doc) for doc in read_inputs([EXAMPLES])]


def test_bernama_reprint_is_a_copy_of_the_anadolu_story():
    assert find_copies(_seed_records()) == {"000_61586ca9e011ee8f": "001_d073dbdb77a7620a"}


def test_input_order_does_not_change_the_answer():
    records = _seed_records()
    expected = find_copies(records)
    for seed in range(5):
        shuffled = records[:]
        random.Random(seed).shuffle(shuffled)
        assert find_copies(shuffled) == expected


def test_unrelated_articles_are_not_paired():
    records = [r for r in _seed_records() if r.id != "000_61586ca9e011ee8f"]
    assert find_copies(records) == {}


def _plain(doc_id: str, text: str, **kw) -> DocumentRecord:
    return DocumentRecord(id=doc_id, sha256=doc_id, text=text, body=[[0, len(text)]], **kw)


STORY = (
    "Russian Foreign Minister Sergey Lavrov and US Secretary of State Antony Blinken stressed "
    "the necessity of further joint work on security guarantees in a telephone discussion on "
    "Tuesday, according to a statement, while Washington said a window remains to resolve "
    "the crisis peacefully and that any invasion would meet a swift and severe response."
)


def test_without_credits_the_later_article_is_the_copy():
    early = _plain("b", STORY, published="2022-02-15")
    late = _plain("a", STORY + " Menu", published="2022-02-16")
    assert find_copies([late, early]) == {"a": "b"}


def test_the_article_crediting_another_outlet_is_the_copy():
    wire = _plain("z", STORY, outlet="Anadolu Agency", published="2022-02-16")
    reprint = _plain(
        "a", STORY, outlet="BERNAMA", credits=["BERNAMA", "Anadolu Agency"], published="2022-02-15"
    )
    assert find_copies([reprint, wire]) == {"a": "z"}


def test_equal_copies_break_the_tie_by_id():
    assert find_copies([_plain("b", STORY), _plain("a", STORY)]) == {"b": "a"}


def test_shingles_ignore_case_and_punctuation():
    assert shingles("He said: “No.”", k=2) == shingles("he said no", k=2) == {"he said", "said no"}

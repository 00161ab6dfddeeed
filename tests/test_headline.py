"""Claim headlines and key phrases read off the parse: short, readable, never keyword bags."""

from __future__ import annotations

import pytest

from claimgraph.ingest.headline import MAX_CHARS, denial_verb, headline, key_phrases
from claimgraph.ingest.nlp import load_pipeline
from claimgraph.ingest.records import ClaimMention


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _span(text: str, content: str) -> list[list[int]]:
    start = text.index(content)
    return [[start, start + len(content)]]


@pytest.mark.parametrize(
    ("sentence", "content", "phrase"),
    [
        (
            "Moscow has recently amassed more than 100,000 troops near Ukraine, officials said.",
            "Moscow has recently amassed more than 100,000 troops near Ukraine",
            "Moscow has amassed more than 100,000 troops near Ukraine",
        ),
        (
            "Russia has massed tens of thousands of troops on the Ukrainian border.",
            "Russia has massed tens of thousands of troops on the Ukrainian border",
            "Russia has massed tens of thousands of troops",
        ),
        (
            "Lavrov said Russia does not want any conflict.",
            "Russia does not want any conflict",
            "Russia does not want any conflict",
        ),
        (
            "Blinken said it should de-escalate, rather than escalate.",
            "it should de-escalate, rather than escalate",
            "it should de-escalate",
        ),
        (
            "A diplomatic path to resolving this crisis remains open, he said.",
            "A diplomatic path to resolving this crisis remains open",
            "diplomatic path to resolving this crisis remains open",
        ),
        (  # a reporting frame inside the content gives way to what it reports
            "Blinken agreed that we need to have a reasonable dialogue.",
            "Blinken agreed that we need to have a reasonable dialogue",
            "we need to have reasonable dialogue",
        ),
        (  # no verb: the noun phrase
            "He spoke of fears of a possible Russian invasion.",
            "fears of a possible Russian invasion",
            "fears of possible Russian invasion",
        ),
    ],
)
def test_headline_is_subject_verb_object(nlp, sentence, content, phrase):
    doc = nlp(sentence)
    assert headline(doc, _span(sentence, content)) == phrase


def test_a_denial_says_who_denies(nlp):
    sentence = "Russia has denied it plans to invade but demanding security guarantees."
    doc = nlp(sentence)
    spans = _span(sentence, "it plans to invade but demanding security guarantees")
    assert headline(doc, spans, denial=denial_verb("has denied"), speaker="Russia") == (
        "Russia denies it plans to invade"
    )
    assert headline(doc, spans, denial="denies") == "denies it plans to invade"


def test_long_claims_are_cut_to_their_core_within_the_limit(nlp):
    sentence = (
        "Russian Foreign Minister Sergey Lavrov and US Secretary of State Antony Blinken "
        "stressed the necessity of further joint work on Russia's security guarantees proposals "
        "in a telephone discussion Tuesday."
    )
    doc = nlp(sentence)
    phrase = headline(doc, [[0, len(sentence) - 1]])
    assert phrase is not None and len(phrase) <= MAX_CHARS
    assert phrase.startswith("Sergey Lavrov stressed necessity")


def test_nothing_to_say_yields_none(nlp):
    doc = nlp("   ")
    assert headline(doc, [[0, 3]]) is None
    assert headline(nlp("He said so."), []) is None


@pytest.mark.parametrize(
    ("cue", "verb"),
    [("has denied", "denies"), ("rejected", "rejects"), ("said", None), ("has not", None)],
)
def test_denial_verb(cue, verb):
    assert denial_verb(cue) == verb


def test_key_phrases_are_entities_and_noun_phrases(nlp):
    sentence = (
        "Washington looks forward to receiving Russia's written response to the US and NATO "
        "papers on European security."
    )
    doc = nlp(sentence)
    phrases = key_phrases(doc, [[0, len(sentence) - 1]])
    assert {"Washington", "NATO", "written response", "European security"} <= set(phrases)
    assert not {"response", "Russia's", "the US and NATO papers"} & set(phrases)
    assert key_phrases(doc, []) == []


def test_records_made_before_headlines_still_load():
    old = {"content": [[0, 5]], "text": "hello", "kind": "direct", "quantities": []}
    m = ClaimMention.from_json(old)
    assert (m.phrase, m.part_phrases, m.key_phrases) == (None, [], [])
    again = ClaimMention.from_json(m.to_json())
    assert again == m


def test_the_label_is_the_claims_rdfs_label(seed_build):
    from rdflib import RDFS

    kg, _, _ = seed_build
    ds = kg.to_rdf()
    labels = {str(q[2]) for q in ds.quads((None, RDFS.label, None, None))}
    for c in kg.claims():
        assert c["label"] in labels
    assert "Moscow has amassed more than 100,000 troops near Ukraine" in labels

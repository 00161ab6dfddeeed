"""Claim merging: exact and near-exact repeats join; different claims stay apart."""

from __future__ import annotations

from claimgraph.graph.cluster import MentionRef, claim_text_key, cluster_mentions


def test_spelling_and_quote_marks_do_not_split_a_claim():
    a = "Secretary Blinken reiterated our concerns and emphasised the need to see de-escalation"
    b = "Secretary Blinken reiterated our concerns and emphasized the need to see de-escalation"
    assert claim_text_key(a) == claim_text_key(b)
    assert claim_text_key("“open door policy,”") == claim_text_key('"open door policy"')


def test_repeats_merge_and_other_claims_stay_apart():
    refs = [
        MentionRef(1, "Russia has denied it is preparing to invade", "Russia"),
        MentionRef(2, "Russia has denied it is preparing to invade.", "Russia"),
        MentionRef(
            3, "the architecture of strategic stability is rapidly crumbling", "Sergey Lavrov"
        ),
    ]
    clusters = cluster_mentions(refs)
    assert sorted(sorted(m.id for m in c) for c in clusters) == [[1, 2], [3]]


def test_trimmed_quote_by_the_same_speaker_merges():
    full = (
        "we remain committed to the diplomatic path and believe that a window remains to "
        "resolve the crisis peacefully"
    )
    trimmed = (
        "we remain committed to the diplomatic path and believe a window remains to resolve "
        "the crisis peacefully"
    )
    clusters = cluster_mentions(
        [MentionRef("a", full, "Antony Blinken"), MentionRef("b", trimmed, "Antony Blinken")]
    )
    assert len(clusters) == 1


def test_similar_words_from_different_speakers_stay_apart():
    clusters = cluster_mentions(
        [
            MentionRef("a", "the talks were useful and frank", "Antony Blinken"),
            MentionRef("b", "the talks were useful and frank but short", "Sergey Lavrov"),
        ]
    )
    assert len(clusters) == 2

"""Claim merging: exact and near-exact repeats join; different claims stay apart."""

from __future__ import annotations

import pytest

from claimgraph.graph.claims import MentionRef, cluster_mentions
from claimgraph.graph.claimtext import claim_text_key


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


# -- paraphrase, denials, guards -------------------------------------------------------------

from claimgraph.graph.claims import related_clusters  # noqa: E402
from claimgraph.graph.claimtext import features, is_denial  # noqa: E402

WINDOW = (
    "He underscored that, while further Russian aggression against Ukraine would result in a "
    "swift, severe, and united Transatlantic response, we remain committed to the diplomatic "
    "path and believe that a window remains to resolve the crisis peacefully"
)


def ids(clusters):
    return sorted(sorted(m.id for m in c) for c in clusters)


def test_a_paraphrase_by_the_same_speaker_joins_the_fuller_statement():
    clusters = cluster_mentions(
        [
            MentionRef("long", WINDOW, "Antony Blinken"),
            MentionRef(
                "path", "A diplomatic path to resolving this crisis… remains open", "Antony Blinken"
            ),
            MentionRef(
                "severe",
                "the response from the US and its allies will be “severe”",
                "Antony Blinken",
            ),
        ]
    )
    assert ids(clusters) == [["long", "path", "severe"]]


def test_the_same_paraphrase_from_another_speaker_stays_apart():
    clusters = cluster_mentions(
        [
            MentionRef("long", WINDOW, "Antony Blinken"),
            MentionRef(
                "path", "A diplomatic path to resolving this crisis… remains open", "Sergey Lavrov"
            ),
        ]
    )
    assert ids(clusters) == [["long"], ["path"]]


def test_denials_of_one_event_by_one_speaker_are_one_claim():
    clusters = cluster_mentions(
        [
            MentionRef(1, "it is preparing to invade", "Russia", cue="has denied"),
            MentionRef(2, "it plans to invade but demanding guarantees", "Russia", cue="denying"),
            MentionRef(3, "any such plans", "Russia", cue="denying"),
            MentionRef(4, "it plans to invade", "Russia", cue="said"),  # not a denial
            MentionRef(5, "the proposals", "Russia", cue="has not rejected"),
        ]
    )
    assert ids(clusters) == [[1, 2, 3], [4], [5]]


def test_a_negated_statement_does_not_join_its_affirmative():
    clusters = cluster_mentions(
        [
            MentionRef(
                "a", "that suggests that Moscow plans an aggression against Kiev", "Antony Blinken"
            ),
            MentionRef(
                "b", "Lavrov to prove Russia has no intention to invade Kiev", "Antony Blinken"
            ),
        ]
    )
    assert ids(clusters) == [["a"], ["b"]]


def test_incompatible_numbers_never_merge():
    clusters = cluster_mentions(
        [
            MentionRef(
                "a",
                "Russia has amassed more than 100,000 troops near Ukraine",
                "NATO",
                quantities=(("troops", 100000, float("inf")),),
            ),
            MentionRef(
                "b",
                "Russia has amassed tens of thousands of troops near Ukraine",
                "NATO",
                quantities=(("troops", 20000, 99999),),
            ),
        ]
    )
    assert ids(clusters) == [["a"], ["b"]]


def test_cue_words_count_when_they_carry_content():
    clusters = cluster_mentions(
        [
            MentionRef(
                "a", "that some of those states would not join NATO", "Russia", cue="guarantees"
            ),
            MentionRef(
                "b",
                "guarantees that NATO never admit the former Soviet republic",
                "Russia",
                cue="has demanded",
            ),
        ]
    )
    assert ids(clusters) == [["a", "b"]]


def test_related_claims_of_one_speaker_corroborate_and_unrelated_ones_do_not():
    def ref(id_, text, speaker, story="s1"):
        return [MentionRef(id_, text, speaker, story=story)]

    clusters = [
        ref("a", "the serious consequences that would have a Russian invasion", "B"),
        ref("b", "If Russia decides to continue, there will be serious consequences", "B"),
        ref("c", "the two sides were now on a clear path to understanding", "B"),
        ref("d", "there will be serious consequences if Russia invades", "L"),
        ref("e", "there will be serious consequences of a Russian invasion", "B", story="s2"),
    ]
    assert [(i, j) for i, j, _ in related_clusters(clusters)] == [(0, 1)]


def test_a_speaker_reports_one_event_in_parts_inside_one_story():
    # ECB+ 18_1ecb / 18_4ecb (CC BY 3.0): two outlets retell one police statement.
    a = (
        "A 61-year-old man was charged with first-degree murder Saturday after allegedly "
        "opening fire at his former employers' office Christmas party in Vancouver"
    )
    b = (
        "A former employee recently let go from his job opened fire at an office Christmas "
        "party in Vancouver, killing one man"
    )
    same_story = [MentionRef(1, a, "police@s", story="s"), MentionRef(2, b, "police@s", story="s")]
    assert len(cluster_mentions(same_story)) == 1
    apart = [MentionRef(1, a, "police", story="s"), MentionRef(2, b, "police", story="t")]
    assert len(cluster_mentions(apart)) == 2
    other = [MentionRef(1, a, "police", story="s"), MentionRef(2, b, "a witness", story="s")]
    assert len(cluster_mentions(other)) == 2


def test_words_that_say_nothing_never_merge():
    refs = [MentionRef(i, "it", None, story=f"s{i}") for i in range(3)]
    refs += [MentionRef(10 + i, "911", "police", story="s") for i in range(2)]
    assert len(cluster_mentions(refs)) == 5


def test_a_withheld_answer_is_no_assertion():
    said = MentionRef(1, "the actress checked into rehab for exhaustion", "rep", cue="told")
    withheld = MentionRef(2, "why the actress checked into rehab", "rep", cue="refused to disclose")
    assert len(cluster_mentions([said, withheld])) == 2


def test_features_fold_stems_and_synonyms():
    assert features("serious consequences") == features("severe reprisals")
    assert features("de-escalation") == features("de-escalating") == {"deescalate"}
    assert is_denial("has denied") and not is_denial("has not rejected")


# -- directives, light words, the shown wording -------------------------------------------------

from claimgraph.graph.claimtext import central_wording, directive_action  # noqa: E402

NEED = "emphasised the need to see verifiable, credible, meaningful de-escalation"
SHOULD = "it should de-escalate, rather than escalate"
START = "suggesting Moscow start by de-escalating, by bringing back those forces on the border"


def test_demands_of_one_action_by_one_speaker_are_one_claim():
    clusters = cluster_mentions(
        [
            MentionRef("need", NEED, "Antony Blinken"),
            MentionRef("should", SHOULD, "Antony Blinken", cue="told"),
            MentionRef("start", START, "Antony Blinken"),
        ]
    )
    assert ids(clusters) == [["need", "should", "start"]]


def test_demands_stay_apart_by_speaker_negation_party_and_action():
    clusters = cluster_mentions(
        [
            MentionRef("need", NEED, "Antony Blinken"),
            MentionRef("lavrov", SHOULD, "Sergey Lavrov"),
            MentionRef("not", "Russia should not de-escalate now", "Antony Blinken"),
            MentionRef("kyiv", "Ukraine must de-escalate at once", "Antony Blinken"),
            MentionRef("moscow", "Moscow must de-escalate at once", "Antony Blinken"),
            MentionRef("talks", "Russia must return to talks", "Antony Blinken"),
            MentionRef("seen", "we have seen signs of de-escalation", "Antony Blinken"),
        ]
    )
    # "need" names no party and two are asked to de-escalate: it cannot be placed
    assert ids(clusters) == [
        ["kyiv"],
        ["lavrov"],
        ["moscow"],
        ["need"],
        ["not"],
        ["seen"],
        ["talks"],
    ]


@pytest.mark.parametrize(
    ("text", "action"),
    [
        (NEED, "deescalate"),
        (START, "deescalate"),
        ("called on the US to cooperate with Moscow in resolving the crisis", "resolve"),
        ("the response will be severe should Russia invade Ukraine", None),  # a condition
        ("that suggests that Moscow plans an aggression against Kiev", None),  # evidence
        ("Russia has the capacity to launch an invasion of Ukraine", None),
    ],
)
def test_what_a_directive_asks_for(text, action):
    assert directive_action(text) == action


def test_framing_words_do_not_keep_a_paraphrase_apart():
    clusters = cluster_mentions(
        [
            MentionRef(
                "warn",
                "further Russian aggression against Ukraine would result in a swift, severe, "
                "and united Transatlantic response",
                "Antony Blinken",
            ),
            MentionRef(
                "if",
                "If Russia decides to continue the confrontation, there will be serious "
                "consequences",
                "Antony Blinken",
            ),
            MentionRef(
                "reprisals", "severe Western reprisals", "Antony Blinken", cue="renewed warnings of"
            ),
        ]
    )
    assert ids(clusters) == [["if", "reprisals", "warn"]]


def test_a_merged_claim_is_shown_by_its_most_typical_wording():
    wordings = [
        "He underscored that we remain committed to the diplomatic path",
        "A diplomatic path to resolving this crisis… remains open",
        "The best way to avoid the crisis is by diplomacy",
        "that the Russia-Ukraine crisis could be peacefully resolved",
    ]
    assert central_wording(wordings) == 1


def test_numbers_that_conflict_never_meet_in_one_claim_through_a_third_wording():
    def ref(i, text, n=None):
        qs = (("casinos", float(n), float(n)),) if n is not None else ()
        return MentionRef(i, text, "Tessa Jowell", quantities=qs)

    clusters = cluster_mentions(
        [
            ref("24", "plans to limit the number of new casinos in the UK to 24", 24),
            ref("8", "plans to limit the number of new casinos in the UK to eight", 8),
            ref("none", "plans to limit the number of new casinos in the UK"),
        ]
    )
    assert not any({"24", "8"} <= {m.id for m in c} for c in clusters)
    assert len(clusters) == 2


def test_shared_function_words_are_no_evidence():
    clusters = cluster_mentions(
        [
            MentionRef("end", "he also wanted it to end, despite US objections", "Jack Straw"),
            MentionRef(
                "lift",
                "The EU embargo on arms exports to China is likely to be lifted in the next six "
                "months despite US objections",
                "Jack Straw",
            ),
        ]
    )
    assert ids(clusters) == [["end"], ["lift"]]


def test_two_claims_worded_alike_in_unrelated_articles_are_two_nodes():
    from claimgraph.graph.build import build_graph
    from claimgraph.ingest.records import ClaimMention, DocumentRecord

    def record(doc_id: str, text: str) -> DocumentRecord:
        start = text.index("the plans")
        claim = ClaimMention(
            content=[[start, start + 9]],
            speaker=[[0, text.index(" ")]],
            text="the plans",
            kind="indirect",
        )
        return DocumentRecord(doc_id, doc_id * 8, text, claims=[claim], body=[[0, len(text)]])

    kg = build_graph(
        [
            record("a", "Unison criticised the plans for pensions on Monday."),
            record("b", "Redwood attacked the plans for the Channel tunnel."),
        ]
    )
    claims = [n for n, k in kg.G.nodes(data="kind") if k == "claim"]
    assert len(claims) == 2

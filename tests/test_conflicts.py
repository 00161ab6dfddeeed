"""Quantity conflicts and contradictions between claims."""

from __future__ import annotations

import pytest

from claimgraph.graph.relations import ClaimFacts, contradictions, quantity_conflicts
from claimgraph.ingest.records import Quantity

MORE_THAN = Quantity(100000, "troops", "min", "more than 100,000 troops", low=100000)
TENS = Quantity(20000, "troops", "approx", "tens of thousands of troops", low=20000, high=99999)


def test_more_than_100000_conflicts_with_tens_of_thousands():
    a = ClaimFacts(
        "a", "Moscow has recently amassed more than 100,000 troops near Ukraine", "", (MORE_THAN,)
    )
    b = ClaimFacts(
        "b", "Russia has massed tens of thousands of troops on the Ukrainian border", "", (TENS,)
    )
    assert [(x, y) for x, y, _ in quantity_conflicts([a, b])] == [("a", "b")]


def test_compatible_numbers_or_other_units_do_not_conflict():
    a = ClaimFacts("a", "amassed more than 100,000 troops near Ukraine", "", (MORE_THAN,))
    c = ClaimFacts(
        "c",
        "about 130,000 troops near Ukraine",
        "",
        (Quantity(130000, "troops", "approx", "about 130,000 troops"),),
    )
    d = ClaimFacts(
        "d", "140 warships near Ukraine", "", (Quantity(140, "warships", "exact", "140 warships"),)
    )
    assert quantity_conflicts([a, c, d]) == []


def test_a_denial_contradicts_the_assertion_it_denies():
    denial = ClaimFacts("d", "it is preparing to invade", "denied", ())
    claim = ClaimFacts(
        "c",
        "Russia has the capacity to launch an invasion of Ukraine at any moment",
        "reiterated",
        (),
    )
    pairs = contradictions([denial, claim], actor_of={"d": {"Russia"}})
    assert [(a, b) for a, b, _ in pairs] == [("d", "c")]


def test_unrelated_negative_claims_contradict_nothing():
    a = ClaimFacts("a", "Russia does not want sanctions talks", "said", ())
    b = ClaimFacts("b", "Ukraine plans new elections", "said", ())
    assert contradictions([a, b]) == []


# -- precise contradictions --------------------------------------------------------------------

from claimgraph.graph.relations import Frame, frames_of  # noqa: E402

BLINKEN = dict(speaker="Antony Blinken", speaker_type="person", affiliation="United States")
LAVROV = dict(speaker="Sergey Lavrov", speaker_type="person", affiliation="Russia")
RUSSIA = dict(speaker="Russia", speaker_type="government")


def claim(cid: str, text: str, cue: str, who: dict, kind: str = "indirect") -> ClaimFacts:
    return ClaimFacts(cid, text, cue, (), (Frame(text, cue, kind=kind, **who),))


@pytest.mark.parametrize(
    ("text", "cue", "who", "expected"),
    [
        ("it is preparing to invade", "has denied", RUSSIA, [("-", "Russia", "attack")]),
        ("any such plans", "denying", RUSSIA, []),
        ("Russia does not want any conflict", "assured", LAVROV, [("-", "Russia", "attack")]),
        (
            "Russia has the capacity to launch an invasion of Ukraine at any moment",
            "reiterated",
            BLINKEN,
            [("+", "Russia", "attack")],
        ),
        (
            "that suggests that Moscow plans an aggression against Kiev",
            "said",
            BLINKEN,
            [("+", "Russia", "attack")],
        ),
        ("Lavrov to prove Russia has no intention to invade", "asked", BLINKEN, []),
        ("a Russian invasion of Ukraine would be against international law", "said", BLINKEN, []),
        ("the talks on the invasion were useful", "said", BLINKEN, []),
        ("fears of a possible Russian invasion", "citing", RUSSIA, []),
        ("the proposals", "has not rejected", RUSSIA, []),
    ],
)
def test_frames_need_an_actor_an_intent_and_an_event(text, cue, who, expected):
    assert frames_of(Frame(text, cue, **who)) == expected


def test_the_speakers_own_denial_contradicts_anothers_assertion_of_intent():
    denial = claim("d", "it is preparing to invade", "has denied", RUSSIA)
    want = claim("w", "Russia does not want any conflict", "assured", LAVROV)
    capacity = claim(
        "c", "Russia has the capacity to launch an invasion of Ukraine", "said", BLINKEN
    )
    plans = claim("p", "Moscow plans an aggression against Kiev", "said", BLINKEN)
    pairs = sorted((a, b) for a, b, _ in contradictions([denial, want, capacity, plans]))
    assert pairs == [("d", "c"), ("d", "p"), ("w", "c"), ("w", "p")]


def test_cooccurring_invasion_words_are_no_contradiction():
    claims = [
        claim("a", "it is preparing to invade", "has denied", RUSSIA),
        claim(
            "b", "a Russian invasion of Ukraine would be against international law", "said", BLINKEN
        ),
        claim(
            "c",
            "fears of a possible Russian invasion",
            "citing",
            dict(speaker="United States", speaker_type="government"),
        ),
        claim("d", "Washington plans an attack on the budget deficit", "said", BLINKEN),
        claim(
            "e", "the Kremlin could be planning a military offensive", "fears", dict(speaker=None)
        ),  # nobody is said to have said it
    ]
    assert contradictions(claims) == []


def test_denials_about_different_actors_do_not_contradict():
    denial = claim("d", "it is preparing to invade", "has denied", RUSSIA)
    other = claim("o", "China plans an invasion of Taiwan", "said", BLINKEN)
    assert contradictions([denial, other]) == []


def test_quantities_of_different_things_do_not_conflict():
    a = ClaimFacts(
        "a", "Russia has amassed more than 100,000 troops near Ukraine", "", (MORE_THAN,)
    )
    b = ClaimFacts(
        "b", "the UN peacekeeping mission in Mali has tens of thousands of troops", "", (TENS,)
    )
    assert quantity_conflicts([a, b]) == []

"""Quantity conflicts and contradictions between claims."""

from __future__ import annotations

from claimgraph.graph.conflicts import ClaimFacts, contradictions, quantity_conflicts
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

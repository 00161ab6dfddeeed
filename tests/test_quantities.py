"""Quantities in claims: value, unit, bound and interval."""

from __future__ import annotations

import pytest

from claimgraph.ingest.quantities import find_quantities, parse_quantity
from claimgraph.ingest.records import Quantity


def test_more_than_is_a_lower_bound():
    assert parse_quantity("more than 100,000 troops") == Quantity(
        value=100000,
        unit="troops",
        bound="min",
        text="more than 100,000 troops",
        low=100000,
        high=None,
        span=(0, 24),
    )


@pytest.mark.parametrize(
    ("text", "value", "unit", "bound", "low", "high"),
    [
        (
            "has recently amassed more than 100,000 troops near Ukraine",
            100000,
            "troops",
            "min",
            100000,
            None,
        ),
        ("killed more than 13,000 people since 2014", 13000, "people", "min", 13000, None),
        (
            "Russia has massed tens of thousands of troops",
            59999.5,
            "troops",
            "approx",
            20000,
            99999,
        ),
        ("with more than 140 warships", 140, "warships", "min", 140, None),
        ("and about 10,000 soldiers taking part", 10000, "soldiers", "approx", 9000, 11000),
        ("a loan of Can$120 million", 120000000, "can$", "exact", 120000000, 120000000),
        ("up to 5 percent", 5, "percent", "max", None, 5),
        ("hundreds of protesters", 599.5, "protesters", "approx", 200, 999),
    ],
)
def test_parse_quantity(text, value, unit, bound, low, high):
    q = parse_quantity(text)
    assert q is not None
    assert (q.value, q.unit, q.bound) == (value, unit, bound)
    assert q.low == pytest.approx(low) if low is not None else q.low is None
    assert q.high == pytest.approx(high) if high is not None else q.high is None


@pytest.mark.parametrize(
    "text",
    ["in 2014", "one of them", "the Cold War era", ""],
)
def test_not_quantities(text):
    assert [q for q in find_quantities(text) if q.unit] == []


def test_spans_point_into_the_text():
    text = "Russia has massed tens of thousands of troops on the border."
    (q,) = find_quantities(text, offset=100)
    assert text[q.span[0] - 100 : q.span[1] - 100] == q.text == "tens of thousands of troops"


def test_outlet_assertion_with_a_quantity(claims_of):
    # 004: the outlet states it; the participle clause is Russia's attribution
    text = (
        "Russia has massed tens of thousands of troops on the Ukrainian border, denying it "
        "plans to invade."
    )
    claims = claims_of(text)
    (assertion,) = [c for c in claims if c.kind == "assertion"]
    assert assertion.speaker == [] and assertion.speaker_name is None
    assert assertion.text == "Russia has massed tens of thousands of troops on the Ukrainian border"
    assert assertion.quantities[0].bound == "approx"


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("The tour will cover 13 US cities", "exact"),  # not "over 13"
        ("The awesome 1967 tourists won", "exact"),  # not "some 1967", about 1967
        ("a show in Hanover\n\nThousands of products", "approx"),  # not "over … Thousands"
    ],
)
def test_a_bound_word_is_never_read_inside_another_word(text, bound):
    found = list(find_quantities(text))
    assert [q.bound for q in found] == ([bound] if bound else [])

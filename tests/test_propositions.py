"""One attribution, several propositions: where a quotation is cut into the claims it makes."""

from __future__ import annotations

import pytest

from tests.conftest import spans_text

UNDERSCORED = (
    "\u201cHe underscored that, while further Russian aggression against Ukraine would result in "
    "a swift, severe, and united Transatlantic response, we remain committed to the diplomatic "
    "path and believe that a window remains to resolve the crisis peacefully,\u201d State "
    "Department spokesman Ned Price said in a statement."
)
TWO_SENTENCES = (
    "\u201cThe way for Moscow to show that it wants to pursue that path is simple: it should "
    "de-escalate, rather than escalate. And it should not only talk about seeking a diplomatic "
    "outcome, but actually work toward one,\u201d Blinken told reporters."
)


def parts_of(claims_of, text: str) -> list[list[str]]:
    return [[spans_text(text, p) for p in m.parts] for m in claims_of(text)]


def test_a_warning_and_a_reassurance_in_one_quote_are_separate_propositions(claims_of):
    assert parts_of(claims_of, UNDERSCORED) == [
        [
            "He underscored that | we remain committed to the diplomatic path",
            "further Russian aggression against Ukraine would result in a swift, severe, and "
            "united Transatlantic response",
            "believe that a window remains to resolve the crisis peacefully",
        ]
    ]


def test_sentences_and_clauses_around_a_colon_are_cut(claims_of):
    assert parts_of(claims_of, TWO_SENTENCES) == [
        [
            "The way for Moscow to show that it wants to pursue that path is simple",
            "it should de-escalate, rather than escalate",
            "it should not only talk about seeking a diplomatic outcome | actually work toward one",
        ]
    ]


def test_each_sentence_of_a_quote_is_a_proposition_without_its_leading_conjunction(claims_of):
    text = (
        "\u201cWe will keep talking to Moscow about the security crisis. And we will send more "
        "weapons to Ukraine next month,\u201d Blinken said."
    )
    assert parts_of(claims_of, text) == [
        [
            "We will keep talking to Moscow about the security crisis",
            "we will send more weapons to Ukraine next month",
        ]
    ]


def test_coordinated_that_clauses_are_two_claims(claims_of):
    text = (
        "Kuleba said the army was ready to defend the country and that the government would "
        "not negotiate under fire."
    )
    assert parts_of(claims_of, text) == [
        [
            "the army was ready to defend the country",
            "the government would not negotiate under fire",
        ]
    ]


def test_parts_lie_inside_the_content_and_keep_its_order(claims_of):
    (m,) = claims_of(UNDERSCORED)
    starts = [p[0][0] for p in m.parts]
    assert starts == sorted(starts)
    for part in m.parts:
        for s, e in part:
            assert any(cs <= s and e <= ce for cs, ce in m.content)


@pytest.mark.parametrize(
    "text",
    [
        # one proposition: nothing to cut
        "Lavrov said the talks were useful and frank.",
        # coordinated adjectives are one claim
        "Blinken warned of a swift, severe and united response from the allies.",
        # what is coordinated under a denial may be denied too: left whole
        "Russia has denied it is preparing to invade and accused Western countries of "
        "undermining its security.",
        # verbs sharing one object make one proposition: "X shot" alone says nothing
        "According to police, the 36-year-old driver from Minneapolis hit and killed a woman "
        "in the parking lot of the store.",
        # a piece of fewer than three content words stays with the rest
        "\u201cWe will talk, and we will see,\u201d Lavrov said.",
    ],
)
def test_inputs_that_stay_one_proposition(claims_of, text):
    claims = claims_of(text)
    assert claims and all(m.parts == [] for m in claims)

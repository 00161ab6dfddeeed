"""Reported speech: cue verbs and nouns, "according to", interrupted clauses."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # 000/001
            "Russia has denied it is preparing to invade and accused Western countries of "
            "undermining its security through NATO's expansion toward its borders.",
            (
                "Russia",
                "has denied",
                "it is preparing to invade and accused Western countries of undermining its "
                "security through NATO's expansion toward its borders",
            ),
        ),
        (  # 004: the "that" belongs to the content, "later" to neither
            "The Russian foreign ministry said later that, in his talks with Blinken, Lavrov had "
            'warned of "the most serious consequences" if Washington kept ignoring Moscow\'s '
            "security demands.",
            (
                "The Russian foreign ministry",
                "said",
                'that, in his talks with Blinken, Lavrov had warned of "the most serious '
                "consequences\" if Washington kept ignoring Moscow's security demands",
            ),
        ),
        (  # 004: a day right after the verb is part of the cue
            "UN Secretary-General Antonio Guterres said Friday that a Russian invasion of "
            "Ukraine would be against international law.",
            (
                "UN Secretary-General Antonio Guterres",
                "said Friday",
                "that a Russian invasion of Ukraine would be against international law",
            ),
        ),
        (  # 004
            "In Kyiv, Ukrainian Foreign Minister Dmytro Kuleba tweeted that he welcomed the fact "
            'that diplomacy "remains active."',
            (
                "Ukrainian Foreign Minister Dmytro Kuleba",
                "tweeted",
                'that he welcomed the fact that diplomacy "remains active',
            ),
        ),
        (  # 000: the addressee is not the content
            "US Secretary of State Antony Blinken told Russia's Foreign Minister Sergey Lavrov on "
            "Tuesday that the Russia-Ukraine crisis could be resolved.",
            (
                "US Secretary of State Antony Blinken",
                "told",
                "that the Russia-Ukraine crisis could be resolved",
            ),
        ),
        (  # PolNeAR-style cue after the clause
            "The mayor had told the police that she did not want an escort at all, but the "
            "department overruled that request, the source added.",
            (
                "the source",
                "added",
                "The mayor had told the police that she did not want an escort at all, but the "
                "department overruled that request",
            ),
        ),
    ],
)
def test_reported_speech(claims_of, triple, text, expected):
    assert expected in [triple(text, c) for c in claims_of(text)]


def test_according_to_splits_the_clause_around_the_source(claims_of, triple):
    text = (
        "Moscow, according to Ukrainian officials and NATO, has recently amassed more than "
        "100,000 troops near Ukraine, prompting fears of an offensive."
    )
    claims = [c for c in claims_of(text) if c.kind == "according_to"]
    assert [triple(text, c) for c in claims] == [
        (
            "Ukrainian officials and NATO",
            "according to",
            "Moscow | has recently amassed more than 100,000 troops near Ukraine",
        )
    ]
    q = claims[0].quantities[0]
    assert (q.value, q.unit, q.bound) == (100000, "troops", "min")


@pytest.mark.parametrize(
    ("text", "relay"),
    [
        (  # 000: the State Department relays what Blinken told Lavrov
            "US Secretary of State Antony Blinken told Russia’s Foreign Minister Sergey Lavrov on "
            "Tuesday that the Russia-Ukraine crisis could be “peacefully” resolved, according to "
            "the State Department.",
            "State Department",
        ),
        (  # a surname source resolves like any speaker
            "State Department spokesman Ned Price briefed reporters on Monday. US Secretary of "
            "State Antony Blinken told Lavrov that the crisis could be resolved peacefully, "
            "according to Price.",
            "Ned Price",
        ),
    ],
)
def test_according_to_source_of_a_told_clause_relays_it(claims_of, triple, text, relay):
    claims = [c for c in claims_of(text) if "crisis could be" in c.text]
    assert len(claims) == 1  # one attribution per content, as before
    (claim,) = claims
    speaker, cue, _content = triple(text, claim)
    assert (speaker, cue) == ("US Secretary of State Antony Blinken", "told")
    assert claim.speaker_name == "Antony Blinken"
    assert claim.relayed_by == relay


def test_according_to_alone_keeps_its_source_as_the_speaker(claims_of, triple):
    text = (
        "The Russia-Ukraine crisis could be peacefully resolved, according to the State Department."
    )
    (claim,) = claims_of(text)
    assert triple(text, claim) == (
        "the State Department",
        "according to",
        "The Russia-Ukraine crisis could be peacefully resolved",
    )
    assert claim.speaker_name == "State Department"
    assert claim.relayed_by is None


def test_cue_interrupting_the_clause_gives_two_fragments(claims_of, triple):
    text = "Too often, Mr. Clarke said, the debate over the future of coal is infected."
    assert triple(text, claims_of(text)[0]) == (
        "Mr. Clarke",
        "said",
        "Too often | the debate over the future of coal is infected",
    )


def test_cue_noun_with_a_that_clause(claims_of, triple):
    text = "He noted the Foreign Minister's statement that it would be transmitted soon."
    assert ("the Foreign Minister", "statement", "that it would be transmitted soon") in [
        triple(text, c) for c in claims_of(text)
    ]


def test_participle_takes_the_subject_of_its_clause(claims_of, triple):
    # 003
    text = (
        "Blinken reiterated that the response from the US and its allies will be “severe” "
        "should Russia invade Ukraine, despite Moscow consistently denying any such plans."
    )
    assert ("Moscow", "consistently denying", "any such plans") in [
        triple(text, c) for c in claims_of(text)
    ]


def test_stance_phrase(claims_of, triple):
    text = "Voting rights advocates have expressed deep concern about the new rules."
    assert ("Voting rights advocates", "have expressed deep concern about", "the new rules") in [
        triple(text, c) for c in claims_of(text)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The report released Friday ran to forty pages.",
        "The so-called deal was signed in Geneva.",
        "Blinken travelled to Geneva after a trip to Kyiv.",
    ],
)
def test_not_reported_speech(claims_of, text):
    assert claims_of(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a bare infinitive coordinated with the finite cue continues the infinitive
            "The two towns agreed to share a fire station and rely on each other for road repairs.",
            ("The two towns", "agreed",
             "to share a fire station and rely on each other for road repairs"),
        ),
        (  # a gerund after the object continues the object
            "The senator has mentioned refinancing car loans and forcing banks to spend more from "
            "their reserves.",
            ("The senator", "has mentioned",
             "refinancing car loans and forcing banks to spend more from their reserves"),
        ),
        (  # a content never ends on a coordinator: the verb after it is the content's too
            "This week, the governor declined to threaten the union or even directly declare it "
            "responsible.",
            ("the governor", "declined",
             "to threaten the union or even directly declare it responsible"),
        ),
        (  # a cue verb in the cue's tense, coordinated inside the clause, is a second cue
            "The chief said he would order an inquiry into the fire and warned against early "
            "conclusions.",
            ("The chief", "said", "he would order an inquiry into the fire"),
        ),
    ],
)
def test_coordination_the_parser_hung_on_the_wrong_verb(claims_of, triple, text, expected):
    assert expected in [triple(text, c) for c in claims_of(text)]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The band seems to have vanished from the music scene.", "seems",
         "The band | to have vanished from the music scene"),
        ("The court's ruling is expected to come before the end of the month.", "is expected",
         "The court's ruling | to come before the end of the month"),
        ("The storm is not thought to be capable of reaching the coast.", "is not thought",
         "The storm | to be capable of reaching the coast"),
        ("The owners seem confident they have the money.", "seem",
         "The owners | confident they have the money"),
        # "continue" only opens quotations: as an infinitive it is what is expected
        ("The protests are expected to continue until election day.", "are expected",
         "The protests | to continue until election day"),
        # an absolute "with" clause raises its subject too
        ("The race is heating up, with both candidates expected to visit the state next week.",
         "expected", "both candidates | to visit the state next week"),
    ],
)
def test_raising_verbs_attribute_the_subjects_state_to_no_one(claims_of, triple, text, cue,
                                                              content):
    # "X seems to …", "X is expected to …": the sentence names no one who thinks so
    assert [triple(text, c) for c in claims_of(text)] == [("", cue, content)]


def test_a_raised_cue_verb_keeps_its_subject_as_the_speaker(claims_of, triple):
    text = "The coach seemed to think that the plan was weak."
    assert [triple(text, c) for c in claims_of(text)] == [
        ("The coach", "seemed to think", "that the plan was weak")
    ]


def test_a_passive_complement_reports_nothing_of_its_own(claims_of, triple):
    # "was admitted" is the hospital's act, not a confession of the clause around it
    text = "Her publicist confirmed she was admitted to a clinic in Malibu on Monday."
    assert [triple(text, c) for c in claims_of(text)] == [
        ("Her publicist", "confirmed", "she was admitted to a clinic in Malibu on Monday")
    ]


def test_a_reporting_clause_set_off_by_a_comma_reports_the_clause_before_it(claims_of, triple):
    text = "The singer has left the clinic and is moving to another one, her agent has confirmed."
    assert [triple(text, c) for c in claims_of(text)] == [
        ("her agent", "has confirmed",
         "The singer has left the clinic and is moving to another one")
    ]


def test_a_title_abbreviation_does_not_end_the_sentence(claims_of, triple):
    # ECB+ 22_12ecbplus (CC BY 3.0): "Capt." split from its period cut the speaker off
    text = "She then opened fire on the others, Philadelphia Homicide Capt. James Clark said."
    assert [triple(text, c) for c in claims_of(text)] == [
        ("Philadelphia Homicide Capt. James Clark", "said", "She then opened fire on the others")
    ]


def test_a_closing_reporting_clause_reports_its_line_after_a_headline(claims_of, triple):
    # ECB+ 3_11ecbplus (CC BY 3.0): the parser runs the headline into the first sentence
    text = (
        "FALLOUT CONTINUES AFTER BRAZEN ESCAPE\nThe Texas Department of Criminal Justice has "
        "made sweeping leadership changes at a Huntsville prison where an inmate managed to get "
        "a gun that he later used to escape, the agency announced Tuesday."
    )
    assert [triple(text, c) for c in claims_of(text)] == [
        ("the agency", "announced Tuesday",
         "The Texas Department of Criminal Justice has made sweeping leadership changes at a "
         "Huntsville prison where an inmate managed to get a gun that he later used to escape")
    ]


def test_a_phrase_before_a_closing_reporting_clause_is_no_claim(claims_of):
    assert claims_of("In a statement on Friday, the company said.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The coach said after the game she would not take the job if it were offered.",
         ("The coach", "said", "she would not take the job if it were offered")),
        ("The council has not said when it would vote on the budget.",
         ("The council", "has not said", "when it would vote on the budget")),
        ("In Denver last week, she told a meeting of county officials that few voters "
         "understood the plan.", ("she", "told", "that few voters understood the plan")),
    ],
)
def test_a_complement_clause_the_parser_hung_elsewhere_is_the_content(claims_of, triple, text,
                                                                      expected):
    assert expected in [triple(text, c) for c in claims_of(text)]


def test_a_time_clause_after_a_cue_is_no_content(claims_of):
    text = "She said when she resigned from the network that the coverage had been fair."
    assert all("resigned" not in c.text for c in claims_of(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The board proposes doing away with the parking rule.",
         ("The board", "proposes", "doing away with the parking rule")),
        ("She called for the bonuses to be returned by the managers.",
         ("She", "called for", "the bonuses to be returned by the managers")),
    ],
)
def test_gerund_and_for_clause_complements(claims_of, triple, text, expected):
    assert expected in [triple(text, c) for c in claims_of(text)]


def test_a_clause_before_a_cue_with_its_own_complement_is_not_its_content(claims_of, triple):
    # ECB+ 2_2ecbplus (CC BY 3.0)
    text = ("Ellen DeGeneres was so nice as an Oscars host the first time, the Academy has asked "
            "her to do it twice.")
    assert [triple(text, c)[2] for c in claims_of(text)] == ["her to do it twice"]


@pytest.mark.parametrize(
    "text",
    [
        "Now tell me this is not a disgrace.",
        "Ask yourself whether the plan works.",
        "It is worth noting that the plan has never been tried.",
        # what is done "without saying" or "without knowing" is not said or known
        "It goes without saying that the bridge needs repairs.",
        "No one can judge the plan without knowing how it would affect the city.",
        # a participle that sets up a premise attributes no belief
        "Taxes on companies could be very low, assuming that their owners then pay more.",
        "Needless to say, the plan failed.",
    ],
)
def test_the_writer_addressing_the_reader_reports_no_one(claims_of, text):
    assert claims_of(text) == []


def test_a_cue_verb_under_refused_carries_the_refusal_in_its_cue(claims_of, triple):
    text = "The company has steadfastly refused to disclose its safety records."
    assert [triple(text, c) for c in claims_of(text)] == [
        ("The company", "has steadfastly refused to disclose", "its safety records")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a verb that only opens quotations reports no unquoted clause
        "In a preview clip for her new show, the singer sings a song about the city.",
        # "the support of X": X's support, no stance of the subject
        "The mayor has the support of most unions in the city.",
    ],
)
def test_no_stance_or_report_without_its_frame(claims_of, text):
    assert claims_of(text) == []


def test_one_cue_one_attribution_the_fullest_cue_wins(claims_of, triple):
    text = "The union is showing support for the mayor's transit plan."
    assert [triple(text, c)[1:] for c in claims_of(text)] == [
        ("is showing support for", "the mayor's transit plan")
    ]


def test_a_colon_spells_out_the_reported_clause(claims_of, triple):
    text = ("The analyst notes that three things are happening at once: prices are rising, rates "
            "are low and lenders are generous.")
    assert [triple(text, c)[1:] for c in claims_of(text)] == [
        ("notes", "that three things are happening at once: prices are rising, rates are low and "
         "lenders are generous")
    ]


def test_a_reason_after_the_reported_clause_belongs_to_it(claims_of, triple):
    text = ("The senator said the ruling smacked of hypocrisy, because the court had ruled the "
            "other way a year before.")
    assert triple(text, claims_of(text)[0])[2] == (
        "the ruling smacked of hypocrisy, because the court had ruled the other way a year before"
    )


def test_according_to_stays_in_its_line(claims_of, triple):
    # ECB+ 20_6ecbplus (CC BY 3.0): a web address line above the sentence
    text = ("http://www.example.org/discuss/board.php?view=all\nA powerful earthquake has hit "
            "southern Iran, destroying several villages, according to reports.")
    assert [c for c in claims_of(text) if "http" in c.text] == []

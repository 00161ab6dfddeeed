"""Direct and mixed quotations: pairing marks, attaching speakers and cues."""

from __future__ import annotations

import pytest

from claimgraph.ingest.quotes import find_quotes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 003: quote first, then speaker and cue
        (
            "“A diplomatic path to resolving this crisis… remains open,” Blinken told reporters "
            "at a joint press conference with his counterparts, Hayashi Yoshimasa of Japan and "
            "Chung Eui-yong of South Korea in Honolulu, Hawaii on Saturday.",
            ("Blinken", "told", "A diplomatic path to resolving this crisis… remains open"),
        ),
        # 002: inverted cue after the quote
        (
            "“If Russia decides to continue the confrontation, there will be serious "
            "consequences,” Blinken added.",
            (
                "Blinken",
                "added",
                "If Russia decides to continue the confrontation, there will be serious "
                "consequences",
            ),
        ),
        # 001: spokesman with an inverted cue and a medium phrase
        (
            '"He underscored that, while further Russian aggression against Ukraine would '
            "result in a swift, severe, and united Transatlantic response, we remain committed "
            "to the diplomatic path and believe that a window remains to resolve the crisis "
            'peacefully," State Department spokesman Ned Price said in a statement.',
            (
                "State Department spokesman Ned Price",
                "said in a statement",
                "He underscored that, while further Russian aggression against Ukraine would "
                "result in a swift, severe, and united Transatlantic response, we remain committed "
                "to the diplomatic path and believe that a window remains to resolve the crisis "
                "peacefully",
            ),
        ),
        # 004: cue before the quote
        (
            'Speaking separately, Lavrov told reporters "Blinken agreed that we need to have a '
            'reasonable dialogue, and I hope emotions will decrease."',
            (
                "Lavrov",
                "told",
                "Blinken agreed that we need to have a reasonable dialogue, and I hope emotions "
                "will decrease",
            ),
        ),
    ],
)
def test_direct_quote_speaker_cue_content(claims_of, triple, text, expected):
    claims = claims_of(text)
    assert [triple(text, c) for c in claims if c.kind == "direct"] == [expected]


def test_quote_interrupted_by_its_cue_is_one_claim_with_two_fragments(claims_of, triple):
    text = "“We will win,” Smith said on Monday, “and soon.”"
    claims = claims_of(text)
    assert len(claims) == 1
    assert triple(text, claims[0]) == ("Smith", "said", "We will win | and soon")
    assert claims[0].text == "We will win and soon"


def test_quote_continues_into_the_next_paragraph(claims_of, triple):
    # 001: an opening mark at the start of the next paragraph continues the quotation
    text = (
        "\"He noted the Foreign Minister's statement that it would be transmitted within the "
        'coming days.\n\n"Secretary Blinken reiterated our ongoing concerns that Russia has the '
        'capacity to launch an invasion of Ukraine at any moment," said Price.'
    )
    claims = claims_of(text)
    assert len(claims) == 1
    speaker, cue, content = triple(text, claims[0])
    assert (speaker, cue) == ("Price", "said")
    assert content.startswith("He noted the Foreign Minister's statement")
    assert content.endswith("launch an invasion of Ukraine at any moment")


def test_mixed_quote_is_reported_speech_with_a_quoted_fragment(claims_of, triple):
    text = (
        "Blinken, however, insisted that “the risk of Russian military action is high "
        "enough, and the threat is imminent enough.”"
    )
    claims = claims_of(text)
    assert [(triple(text, c), c.kind) for c in claims] == [
        (
            (
                "Blinken",
                "insisted",
                "that “the risk of Russian military action is high enough, and the threat is "
                "imminent enough",
            ),
            "mixed",
        )
    ]


def test_quote_after_a_quote_attribution_continues_it(claims_of, triple):
    # 003: the second paragraph has no cue of its own; PolNeAR makes it a second fragment
    text = (
        "“A diplomatic path to resolving this crisis… remains open,” Blinken told reporters.\n\n"
        "“The way for Moscow to show that it wants to pursue that path is simple: it should "
        "de-escalate, rather than escalate.”"
    )
    claims = claims_of(text)
    assert len(claims) == 1
    assert len(claims[0].content) == 2
    assert triple(text, claims[0])[:2] == ("Blinken", "told")


def test_floating_quote_takes_the_previous_speaker(claims_of, triple):
    text = (
        "US Secretary of State Antony Blinken said the talks were useful.\n\n"
        "The meeting lasted 90 minutes in Geneva.\n\n"
        "“The way for Moscow to show that it wants to pursue that path is simple.”"
    )
    claims = claims_of(text)
    floating = [c for c in claims if c.kind == "direct"]
    assert len(floating) == 1
    assert floating[0].cue == []
    assert floating[0].speaker_name == "Antony Blinken"
    assert floating[0].text == (
        "The way for Moscow to show that it wants to pursue that path is simple"
    )


def test_quote_signed_with_a_dash(claims_of, triple):
    text = "“I just hope this campaign gives people a reason to vote.” ― Jane Doe\nNext line."
    claims = claims_of(text)
    assert [triple(text, c) for c in claims] == [
        ("Jane Doe", "―", "I just hope this campaign gives people a reason to vote")
    ]


def test_guillemets_are_quotation_marks(claims_of, triple):
    text = "Lavrov said: «We are ready for them and we want a balance of interests.»"
    claims = claims_of(text)
    assert [triple(text, c) for c in claims] == [
        ("Lavrov", "said", "We are ready for them and we want a balance of interests")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The weather in Geneva was cold on Friday.",
        "Russia also issued a list of security demands to the West.",
        # scare quotes and titles are not claims
        "The so-called “open door” stayed shut during the “Morning Joe” segment.",
        # a quotation inside a sentence, with no cue and no comma or colon opening it, is a
        # phrase the writer borrows, not words someone is reported to say
        "The tour took the band into “a small club in the west of the city” for one night.",
        # a quotation right after the name of a work is its title
        'Ms. Davis\' commentary, "Mayor, tell us your own story," is very thoughtful.',
        "",
        "   \n\n  ",
    ],
)
def test_no_claims(claims_of, triple, text):
    assert claims_of(text) == []


def test_reporting_verbs_inside_a_quote_make_no_nested_claims(claims_of, triple):
    text = (
        "“He noted that the minister said it would be transmitted within the coming "
        "days,” said Price."
    )
    claims = claims_of(text)
    assert len(claims) == 1
    assert triple(text, claims[0])[:2] == ("Price", "said")


def test_unbalanced_quote_does_not_swallow_the_rest_of_the_document(claims_of, triple):
    text = (
        'He said "this quotation never closes\n\n'
        "Clinton had told police officials that she did not want the escort, the source added."
    )
    claims = claims_of(text)
    added = [c for c in claims if triple(text, c)[1] == "added"]
    assert len(added) == 1
    assert triple(text, added[0])[0] == "the source"
    assert all("\n" not in text[s:e] for c in claims for s, e in c.content)


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("He said: “We will win.” Then he left.", ["“We will win.”"]),
        ('An "unclosed quote\nNext paragraph.', ['"unclosed quote']),
        ("''Hopefully,'' the president said.", ["''Hopefully,''"]),
        ("He called it ‘a total disaster’ on Friday.", ["‘a total disaster’"]),
        ("The states’ rights and Clinton’s plan.", []),
        ("«Bonjour» dit-il", ["«Bonjour»"]),
        ("No quotes at all.", []),
        ('"Para one.\n\n"Para two." Done.', ['"Para one.\n\n"Para two."']),
        # an excerpt paragraph opened with a straight mark is not continued by a curly one
        ('"The crowd waited.\n\n“Here he is,” she said.', ['"The crowd waited.', "“Here he is,”"]),
    ],
)
def test_find_quotes(text, quotes):
    assert [text[s:e] for s, e in find_quotes(text)] == quotes


@pytest.mark.parametrize(
    "text",
    [
        "“If you look at the numbers,” the senator said, “the program has failed.”",
        '"By moving first," Ms. Lee told the board, "we forced the others to follow."',
    ],
)
def test_a_cue_whose_clause_is_the_second_half_of_a_quote_takes_the_first_half(
    claims_of, triple, text
):
    # the parse makes the second quote the cue's clause; the first is the same speaker's words
    claims = claims_of(text)
    assert len(claims) == 1
    assert len(claims[0].content) == 2
    assert claims[0].kind == "direct"


def test_a_participle_after_the_cue_is_no_second_half_of_the_quote(claims_of, triple):
    text = "“We are finished,” she said, adding that the vote had been close."
    claims = claims_of(text)
    assert [triple(text, c) for c in claims] == [
        ("she", "said", "We are finished"),
        ("she", "adding", "that the vote had been close"),
    ]


def test_a_quotation_opened_by_a_comma_is_speech(claims_of, triple):
    text = "The coach did not hide it, “We played badly and we deserved to lose.”"
    assert [(c.kind, triple(text, c)[2]) for c in claims_of(text)] == [
        ("direct", "We played badly and we deserved to lose")
    ]


def test_an_impersonal_passive_cue_opens_a_quotation_with_no_speaker(claims_of, triple):
    # ECB+ 1_4ecb (CC BY 3.0)
    text = ("In a statement from her people, it was confirmed, “Tara Reid has checked herself "
            "into Promises Treatment Center.”")
    assert [triple(text, c) for c in claims_of(text)] == [
        ("", "was confirmed", "Tara Reid has checked herself into Promises Treatment Center")
    ]


@pytest.mark.parametrize(
    "text",
    [
        '"I think the referee will be fair," the coach said during a stop in Raleigh, N.C., '
        '"but a lot of fans will be watching."',
        '"This is a great night for our team!" the captain shouted to the fans, "and the whole '
        'league is watching."',
    ],
)
def test_a_quote_split_by_its_cue_stays_one_claim_past_abbreviations_and_exclamations(
    claims_of, text
):
    claims = claims_of(text)
    assert [(c.kind, len(c.content)) for c in claims] == [("direct", 2)]


@pytest.mark.parametrize(
    "text",
    [
        "“The voters are worried,” said the pollster, speaking of the senator’s health. “It is "
        "one of the things that can sink a campaign.”",
        '"We have had floods here before," the mayor said after the storm. He did not suggest '
        'a new levee. "Our goal is to keep the river where it belongs."',
    ],
)
def test_a_later_quote_in_the_paragraph_continues_the_speakers_turn(claims_of, triple, text):
    quotes = [c for c in claims_of(text) if c.kind == "direct"]
    assert len(quotes) == 1 and len(quotes[0].content) == 2


def test_a_quote_after_another_named_speaker_is_not_the_first_speakers(claims_of):
    text = ('"We will win," the mayor said. Her rival Tom Lee disagreed with the forecast. '
            '"The city wants a change."')
    quotes = [c for c in claims_of(text) if c.kind == "direct"]
    assert [len(c.content) for c in quotes if c.cue] == [1]


def test_a_nickname_in_quotes_does_not_end_the_speakers_turn(claims_of):
    text = ('"This is a great night for our team!" the captain, Maria "Mia" Lopez, shouted to '
            'the fans. "The whole league is watching us."')
    quotes = [c for c in claims_of(text) if c.kind == "direct"]
    assert [len(c.content) for c in quotes] == [2]


def test_a_quote_after_reported_speech_gives_that_speakers_words(claims_of, triple):
    text = ('The coach said the team has what it needs. "Patience, real patience, and a lot of '
            'speed on the wings."')
    claims = claims_of(text)
    assert [(c.kind, len(c.content)) for c in claims] == [("mixed", 2)]
    assert triple(text, claims[0])[:2] == ("The coach", "said")

"""Transcript turns and "Name: claim" headlines."""

from claimgraph.ingest.turns import headline_claim, transcript_turns

TRANSCRIPT = (
    "Partial transcript as follows:\n\n"
    '"HOST: Will she be at the debate tomorrow night?\n\n'
    '"GUEST: She will not be attending. We are focused on the issues.\n\n'
    '"And the voters know it.\n\n'
    '"HOST: Thank you, Governor.\n\n'
    "Follow the show on Twitter."
)


def _text(text, spans):
    return " | ".join(text[s:e] for s, e in spans)


def test_transcript_turns_credit_each_paragraph_to_its_name():
    turns = transcript_turns(TRANSCRIPT)
    assert [_text(TRANSCRIPT, a.speaker) for a in turns] == ["HOST", "GUEST", "HOST"]
    assert _text(TRANSCRIPT, turns[1].content).startswith("She will not be attending")
    assert _text(TRANSCRIPT, turns[1].content).endswith("the voters know it")
    assert _text(TRANSCRIPT, turns[2].content) == "Thank you, Governor"


def test_a_lone_label_is_not_a_transcript():
    text = "UPDATE: The vote was delayed.\n\nWASHINGTON: Lawmakers met on Monday."
    assert transcript_turns(text) == []


def test_headline_credited_to_the_name_before_the_colon():
    text = "Pence: Trump Was Mocking Clinton Camp.\n\nBody text."
    a = headline_claim(text)
    assert a is not None
    assert _text(text, a.speaker) == "Pence"
    assert _text(text, a.content) == "Trump Was Mocking Clinton Camp"


def test_headline_labels_are_not_speakers():
    for text in ("The Latest: Trump urges supporters to act.", "Analysis: What the polls say now.",
                 "Stealth Over Health: Clinton Was Headed to ER."):
        assert headline_claim(text) is None

"""The reporting-cue lexicon: which words introduce what someone said, believes or wants.

Attribution in news is signalled by a small, open set of words: verbs of saying (``say``,
``tell``, ``warn``), of knowing and believing (``believe``, ``learn``), of showing (``show``,
``find``), of wanting and demanding (``urge``, ``call for``), a few nouns (``statement``,
``claim``) and fixed phrases (``according to``). The lists are grouped by the complement a cue
takes, because that decides where the claimed content is in the parse. They come from English
grammar (Levin's verbs of communication, PolNeAR's annotation guide), not from any one corpus.
"""

from __future__ import annotations

import re

__all__ = [
    "CLAUSE_VERBS",
    "OBJECT_VERBS",
    "INFINITIVE_VERBS",
    "QUOTE_VERBS",
    "NOUN_CUES",
    "ADDRESSEE_VERBS",
    "PREP_CUES",
    "cue_kind",
    "lexicon",
    "MEDIUM_NOUNS",
    "STANCE_NOUNS",
    "LIGHT_VERBS",
    "STANCE_ADJECTIVES",
    "SPOKES_RE",
]


def lexicon(words: str) -> frozenset[str]:
    """A word list written as one whitespace-separated string (easier to read and extend)."""
    return frozenset(words.split())

#: Verbs whose claim is a clause (``said that …``, ``warned the move would …``).
CLAUSE_VERBS = lexicon(
    """
    say tell add note warn deny insist stress claim announce explain argue assert acknowledge
    admit report write tweet post declare state suggest reply respond confirm reveal
    disclose mention observe remark comment complain contend maintain predict promise vow pledge
    concede allege boast brag caution charge conclude counter emphasize emphasise
    estimate hint indicate inform joke lament recall reiterate retort show find underscore
    quip muse wonder believe hope expect fear worry know feel learn
    understand suspect doubt assume reckon agree guarantee assure reassure swear
    theorize theorise guess imply contend complain reason protest proclaim affirm aver attest
    certify decide demand recommend propose urge ask insist acknowledge scream
    yell whisper mutter tweet blog grumble fret concur dispute rule say predict project forecast
    calculate notice realize realise recognize recognise discover
    """
)

#: Verbs that attribute through a direct object (``urged supporters to vote``,
#: ``questioned the integrity of …``, ``called the holiday "a celebration"``).
OBJECT_VERBS = lexicon(
    """
    urge accuse call criticize criticise question praise deny demand propose reject
    blast slam attack endorse describe cite announce promise pledge discuss offer ask encourage
    defend blame applaud tout mock ridicule decry denounce dispute
    challenge fault label dub brand characterize characterise liken compare warn advise
    recommend predict estimate forecast project reveal disclose confirm acknowledge admit
    rule outline detail lay highlight stress emphasize emphasise reiterate
    echo invoke recall mention suggest support oppose favor favour blast lambast
    tell show find document
    """
)

#: Verbs whose claim is an infinitive (``agreed to keep working``, ``refused to say``).
INFINITIVE_VERBS = lexicon(
    """
    agree decline promise pledge vow offer plan want intend hope expect
    decide seek ask urge demand propose claim appear seem aim wish
    """
)

#: Verbs that may introduce a direct quote without a complement in the parse.
QUOTE_VERBS = CLAUSE_VERBS | lexicon(
    """
    continue begin start conclude go put sing chant read quote exclaim ask interject
    """
)

#: Verbs whose object (``told reporters``) is the addressee, not the claim.
ADDRESSEE_VERBS = lexicon("tell inform assure reassure remind warn ask advise notify")

#: Nouns that report a claim through a ``that`` clause (``Lavrov's statement that …``).
NOUN_CUES = lexicon(
    """
    statement claim assertion allegation warning announcement report remark comment suggestion
    belief argument promise pledge agreement accusation charge insistence view idea proposal
    assurance admission acknowledgement acknowledgment conclusion finding prediction estimate
    fear hope concern worry threat vow declaration testimony contention suspicion speculation
    rumor rumour message insistence notion theory demand denial confirmation complaint
    """
)

#: Phrasal cues made of a verb and a preposition whose object is the claim
#: (``called for``, ``pointed to``, ``complained about``).
PREP_CUES = {
    "call": {"for", "on"},
    "point": {"to", "out"},
    "complain": {"about", "of"},
    "talk": {"about", "of"},
    "warn": {"of", "about", "against"},
    "ask": {"about", "for"},
    "worry": {"about"},
    "argue": {"for", "against"},
    "press": {"for"},
    "advocate": {"for"},
    "accuse": {"of"},
    "refer": {"to"},
    "hint": {"at"},
    "lash": {"out"},
    "comment": {"on", "about"},
    "weigh": {"in", "about", "on"},
    "agree": {"with", "on"},
    "insist": {"on"},
    "plead": {"for"},
    "rally": {"for", "against", "over"},
    "campaign": {"for", "against", "on"},
    "boast": {"about", "of"},
    "brag": {"about"},
    "joke": {"about"},
    "write": {"about", "of"},
    "tweet": {"about"},
    "lie": {"about"},
    "care": {"about"},
    "rant": {"about", "against"},
    "protest": {"against"},
    "object": {"to"},
    "double": {"down"},
    "praise": {"for"},
    "criticize": {"for"},
    "criticise": {"for"},
    "blame": {"for", "on"},
    "thank": {"for"},
    "apologize": {"for"},
    "apologise": {"for"},
    "speak": {"of", "about", "out", "on"},
}


def cue_kind(lemma: str) -> str | None:
    """The complement a cue verb takes first: ``clause``, ``object`` or ``infinitive``."""
    if lemma in CLAUSE_VERBS:
        return "clause"
    if lemma in OBJECT_VERBS:
        return "object"
    if lemma in INFINITIVE_VERBS:
        return "infinitive"
    return None

#: Where something was said; ``said in an interview`` keeps the phrase in the cue.
MEDIUM_NOUNS = lexicon(
    """
    interview statement email e-mail letter speech post tweet op-ed editorial memo call
    conference briefing appearance address remarks testimony hearing podcast broadcast video
    message note report filing column essay blog book
    """
)

#: Nouns of stance that a light verb expresses about something
#: (``expressed concern about``, ``raised questions about``, ``voiced support for``).
STANCE_NOUNS = lexicon(
    """
    concern concerns outrage misgiving misgivings reservation reservations question questions
    doubt doubts worry worries fear fears skepticism scepticism support opposition criticism
    frustration anger confidence hope hopes optimism pessimism alarm dismay disappointment
    objection objections complaint complaints praise admiration contempt disdain sympathy
    interest enthusiasm regret displeasure unease warning warnings threat threats
    """
)

#: Light verbs that carry a stance noun (``expressed concern``); the noun's preposition
#: introduces what the stance is about.
LIGHT_VERBS = lexicon(
    "express voice raise have share air register signal offer show pose issue renew repeat deliver"
)

#: Adjectives of stance: ``is critical of``, ``is confident that``.
STANCE_ADJECTIVES = lexicon(
    """
    critical skeptical sceptical confident sure certain convinced optimistic pessimistic worried
    concerned adamant supportive aware wary doubtful hopeful fearful proud unhappy happy angry
    furious upset dismissive
    """
)


#: Titles of people who speak for someone else (their quotes may relay a principal's words).
SPOKES_RE = re.compile(
    r"spokes(?:man|woman|person)|press secretary|representative|spokespeople", re.IGNORECASE
)

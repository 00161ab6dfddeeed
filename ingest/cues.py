"""The reporting-cue lexicon: which words introduce what someone said, believes or intends.

Attribution in news is signalled by a small, open set of words: verbs of saying (``say``,
``tell``, ``warn``), of knowing and believing (``believe``, ``learn``), of judging
(``criticize``, ``praise``), of intending (``plan``, ``want``), a few nouns (``statement``,
``claim``) and fixed phrases (``according to``). What makes a word a cue is not the word alone
but the frame it stands in: "said [the talks failed]" reports a claim, "questioned [the
student]" does not. So every verb is listed with its frames (see :class:`Frame`), and the
extractors in :mod:`.reported` only read a claim where a frame allows one.

The lists live in ``data/cues.toml`` (general English, never the words of one story); this
module is their one loader. Nothing here looks at a parse.
"""

from __future__ import annotations

import functools
import re
import tomllib
from enum import StrEnum
from pathlib import Path

__all__ = [
    "Frame",
    "frames",
    "cue_kind",
    "lexicon",
    "CLAUSE_VERBS",
    "QUOTE_VERBS",
    "MESSAGE_VERBS",
    "JUDGEMENT_VERBS",
    "OBJECT_VERBS",
    "ADDRESSEE_VERBS",
    "INFINITIVE_VERBS",
    "INTENTION_VERBS",
    "RAISING_VERBS",
    "RAISING_PASSIVES",
    "PREMISE_PARTICIPLES",
    "TITLED_WORKS",
    "CUE_VERBS",
    "PREP_CUES",
    "NOUN_CUES",
    "MESSAGE_NOUNS",
    "MEDIUM_NOUNS",
    "DOCUMENT_NOUNS",
    "STANCE_NOUNS",
    "LIGHT_VERBS",
    "STANCE_ADJECTIVES",
    "CUE_ADVERBS",
    "SPOKES_RE",
    "LEXICON_PATH",
]

#: Where the lexicon is kept (part of the record cache key, like the extractor's source).
LEXICON_PATH = Path(__file__).parent / "data" / "cues.toml"


class Frame(StrEnum):
    """The complement through which a cue verb attributes something (``data/cues.toml``)."""

    CLAUSE = "clause"
    QUOTE = "quote"
    MESSAGE = "message"
    JUDGEMENT = "judgement"
    ADDRESSEE = "addressee"
    INFINITIVE = "infinitive"
    INTENTION = "intention"
    RAISING = "raising"


def lexicon(words: str) -> frozenset[str]:
    """A word list written as one whitespace-separated string (easier to read and extend)."""
    return frozenset(words.split())


@functools.cache
def _load() -> dict:
    with LEXICON_PATH.open("rb") as f:
        data = tomllib.load(f)
    verbs = {lemma: frozenset(Frame(f) for f in fs) for lemma, fs in data["verbs"].items()}
    preps = {lemma: frozenset(ps) for lemma, ps in data["prepositions"].items()}
    words = {name: lexicon(text) for name, text in data["words"].items()}
    return {"verbs": verbs, "prepositions": preps, "words": words}


def frames(lemma: str) -> frozenset[Frame]:
    """The frames ``lemma`` takes as a cue verb; empty when it is no cue.

    >>> sorted(frames("say"))
    [<Frame.CLAUSE: 'clause'>, <Frame.QUOTE: 'quote'>]
    >>> frames("question") == {Frame.JUDGEMENT}
    True
    """
    return _load()["verbs"].get(lemma, frozenset())


def _verbs_with(*wanted: Frame) -> frozenset[str]:
    return frozenset(v for v, fs in _load()["verbs"].items() if fs & set(wanted))


def cue_kind(lemma: str) -> str | None:
    """The complement a cue verb takes first: ``clause``, ``object`` or ``infinitive``."""
    fs = frames(lemma)
    if Frame.CLAUSE in fs:
        return "clause"
    if fs & {Frame.MESSAGE, Frame.JUDGEMENT}:
        return "object"
    if fs & {Frame.INFINITIVE, Frame.INTENTION}:
        return "infinitive"
    return None


#: Verbs whose claim is a clause (``said that …``, ``warned the move would …``).
CLAUSE_VERBS = _verbs_with(Frame.CLAUSE)
#: Verbs of saying that may introduce a direct quotation with no complement in the parse.
QUOTE_VERBS = _verbs_with(Frame.QUOTE)
#: Verbs whose plain noun-phrase object is what is said or judged (``denied the report``).
MESSAGE_VERBS = _verbs_with(Frame.MESSAGE)
#: Verbs whose object is a judgement only in a judging frame (``called the deal a disaster``).
JUDGEMENT_VERBS = _verbs_with(Frame.JUDGEMENT)
#: Verbs that attribute through a direct object, in either of the two frames above.
OBJECT_VERBS = MESSAGE_VERBS | JUDGEMENT_VERBS
#: Verbs whose object (``told reporters``) is the addressee, not the claim.
ADDRESSEE_VERBS = _verbs_with(Frame.ADDRESSEE)
#: Verbs whose claim is an infinitive (``agreed to keep working``), intentions included.
INFINITIVE_VERBS = _verbs_with(Frame.INFINITIVE, Frame.INTENTION)
#: Verbs whose infinitive is an intention (``plans to hold``, ``wants to support``).
INTENTION_VERBS = _verbs_with(Frame.INTENTION)
#: Verbs that only hedge the verb they raise: ``seemed to think``, ``appeared to blame``.
RAISING_VERBS = _verbs_with(Frame.RAISING)
#: Every cue verb of the lexicon, phrasal ones included.
CUE_VERBS = frozenset(_load()["verbs"]) | frozenset(_load()["prepositions"])

#: Phrasal cues made of a verb and a preposition whose object is the claim
#: (``called for``, ``pointed to``, ``complained about``).
PREP_CUES: dict[str, frozenset[str]] = dict(_load()["prepositions"])

_WORDS = _load()["words"]
#: Verbs whose passive raises a subject: ``is expected to win``, ``is said to be ill``.
RAISING_PASSIVES = _WORDS["raising_passives"]
#: Participles that set up a premise: ``…, assuming that rates stay low``.
PREMISE_PARTICIPLES = _WORDS["premise_participles"]
#: Works whose titles follow them in quotes: ``her commentary, “Melania, tell your story”``.
TITLED_WORKS = _WORDS["titled_works"]
#: Nouns that report a claim through a ``that`` clause (``Lavrov's statement that …``).
NOUN_CUES = _WORDS["nouns"]
#: Nouns of things said: as an object they make a judging verb a cue.
MESSAGE_NOUNS = _WORDS["message_nouns"]
#: Where something was said; ``said in an interview`` keeps the phrase in the cue.
MEDIUM_NOUNS = _WORDS["medium_nouns"]
#: What people issue, send or file: ``issued a statement calling for …``.
DOCUMENT_NOUNS = _WORDS["document_nouns"] | MEDIUM_NOUNS
#: Nouns of stance that a light verb expresses (``expressed concern about``).
STANCE_NOUNS = _WORDS["stance_nouns"]
#: Light verbs that carry a stance noun (``expressed concern``).
LIGHT_VERBS = _WORDS["light_verbs"]
#: Adjectives of stance: ``is critical of``, ``is confident that``.
STANCE_ADJECTIVES = _WORDS["stance_adjectives"]
#: Adverbs that belong to the cue before its verb (``also said``, ``repeatedly denied``).
CUE_ADVERBS = _WORDS["cue_adverbs"]

#: Titles of people who speak for someone else (their quotes may relay a principal's words).
SPOKES_RE = re.compile(
    r"spokes(?:man|woman|person)|press secretary|representative|spokespeople", re.IGNORECASE
)

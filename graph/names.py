"""Name normalisation shared by speaker resolution and the query API.

Speakers are matched on a *name key*: titles, articles and possessives removed, casefolded,
accents stripped. ``the Secretary of State`` keeps its words (it is a role, not a name).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["name_key", "strip_titles", "is_pronoun", "PRONOUNS", "TITLE_WORDS"]

PRONOUNS = frozenset(
    [
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "you",
        "him",
        "her",
        "them",
        "us",
        "me",
        "his",
        "hers",
        "their",
        "its",
        "our",
        "who",
    ]
)

#: Honorifics and office words that may precede a person's name ("Secretary Blinken").
TITLE_WORDS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "sir",
        "lord",
        "lady",
        "dame",
        "rev",
        "president",
        "vice",
        "secretary",
        "minister",
        "senator",
        "sen",
        "rep",
        "representative",
        "governor",
        "gov",
        "mayor",
        "chancellor",
        "premier",
        "king",
        "queen",
        "prince",
        "princess",
        "general",
        "gen",
        "colonel",
        "col",
        "captain",
        "capt",
        "sgt",
        "officer",
        "judge",
        "justice",
        "ambassador",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chairman",
        "chairwoman",
        "chair",
        "director",
        "ceo",
        "chief",
        "commissioner",
        "deputy",
        "foreign",
        "prime",
        "state",
        "defence",
        "defense",
        "interior",
        "finance",
        "us",
        "u.s.",
        "russian",
        "ukrainian",
        "british",
        "french",
        "german",
        "chinese",
    ]
)

_POSSESSIVE = re.compile(r"['’]s?$")
_NON_WORD = re.compile(r"[^\w\s.-]+")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_key(name: str) -> str:
    """Comparable form of a name: casefolded, accents and possessives stripped, spaces folded.

    >>> name_key("  Sergéi  Lavrov's ")
    'sergei lavrov'
    """
    text = _fold(name).casefold().strip()
    text = _POSSESSIVE.sub("", text)
    text = _NON_WORD.sub(" ", text)
    text = re.sub(r"^(the|a|an)\s+", "", text.strip())
    return re.sub(r"\s+", " ", text).strip(" .-")


def strip_titles(name: str) -> str:
    """Drop leading honorifics and office words: ``Secretary Blinken`` → ``Blinken``.

    >>> strip_titles("US Secretary of State Antony Blinken")
    'Antony Blinken'
    """
    tokens = name.split()
    # "X of Y Name": drop through the last "of"-phrase when a capitalised name follows.
    while tokens and (tokens[0].casefold().strip(".,") in TITLE_WORDS or tokens[0] == "of"):
        if tokens[0] == "of" and len(tokens) > 1:
            tokens = tokens[2:]
            continue
        tokens = tokens[1:]
    return " ".join(tokens) if tokens else name


def is_pronoun(text: str) -> bool:
    return name_key(text) in PRONOUNS

"""Name normalisation shared by speaker resolution and the query API.

Speakers are matched on a *name key*: titles, articles and possessives removed, casefolded,
accents stripped. ``the Secretary of State`` keeps its words (it is a role, not a name).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .knowledge import knowledge

__all__ = ["name_key", "strip_titles", "is_pronoun", "PRONOUNS", "TITLE_WORDS", "HONORIFICS"]

_K = knowledge()

PRONOUNS = _K.pronouns

#: Forms of address: they precede a name but hold no office ("Mr", "Dr", "Sir").
HONORIFICS = frozenset(_K.honorifics)

#: Honorifics and office words that may precede a person's name ("Secretary Blinken").
TITLE_WORDS = HONORIFICS | _K.titles

_POSSESSIVE = re.compile(r"['’]s?$")
_NON_WORD = re.compile(r"[^\w\s.-]+")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=200_000)
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


#: Nationality words and country names → the country they point to (a role's affiliation).
NATIONALITIES: dict[str, str] = {**_K.countries, **_K.blocs}

#: Country → its adjective, for names like "Russia's foreign ministry" → "Russian Foreign Ministry".
DEMONYMS: dict[str, str] = dict(_K.demonyms)

#: Words a role or title phrase is made of ("the US Secretary of State", "the Russian leader").
ROLE_WORDS = frozenset(TITLE_WORDS) | frozenset(_K.role_words) | frozenset(NATIONALITIES)

#: Title words that carry an office: a role phrase must hold at least one.
_OFFICE_WORDS = frozenset(w for w, office in _K.role_words.items() if office) | (
    _K.titles - {"vice"}
)

_ROLE_JUNK = re.compile(r"[^\w\s.'’-]")


@lru_cache(maxsize=65536)
def role_words(text: str) -> list[str]:
    """Words of a role phrase, casefolded, articles and possessives dropped.

    >>> role_words("the US Secretary of State")
    ['us', 'secretary', 'of', 'state']
    """
    text = re.sub(r"['’]s\b", "", _ROLE_JUNK.sub(" ", text))
    return name_key(text).split()


def is_role_phrase(text: str) -> bool:
    """Whether ``text`` is only a title or office ("the Secretary of State", "Russian leader").

    >>> is_role_phrase("The US Secretary of State"), is_role_phrase("Secretary Blinken")
    (True, False)
    """
    words = role_words(text)
    return (
        bool(words)
        and all(w in ROLE_WORDS for w in words)
        and any(w in _OFFICE_WORDS or w == "minister" for w in words)
    )


def clean_role(role: str | None) -> str | None:
    """A role kept only if it reads as one: junk ("however", "The", quote debris) gives None.

    >>> clean_role("the US Secretary of State"), clean_role("however"), clean_role("No conflict”")
    ('US Secretary of State', None, None)
    >>> clean_role("Mr"), clean_role("Dr"), clean_role("spokesman for")
    (None, None, 'spokesman')
    """
    if not role:
        return None
    text = " ".join(role.split()).strip(" ,;:-–—\"“”‘’'")
    text = re.sub(r"^(the|a|an)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"(?:\s+(?:for|of|at|to|in|on|the|and|with))+$", "", text, flags=re.IGNORECASE)
    if not text or _ROLE_JUNK.search(text):
        return None
    words = [w.casefold().strip(".") for w in text.split()]
    if not any(w in ROLE_WORDS and w not in NATIONALITIES for w in words):
        return None
    if not any(w in _OFFICE_WORDS or w == "minister" for w in words):
        return None
    return text


@lru_cache(maxsize=65536)
def role_country(text: str | None) -> str | None:
    """The country a role or organisation name points to, if it names one.

    >>> role_country("Russia's Foreign Minister"), role_country("State Department spokesman")
    ('Russia', None)
    """
    if not text:
        return None
    key = _fold(text).casefold().replace("’", "'")
    key = re.sub(r"'s\b", "", key)
    words = re.sub(r"[^\w\s.-]", " ", key).split()
    for n in (2, 1):
        for i in range(len(words) - n + 1):
            gram = " ".join(words[i : i + n]).strip(".")
            if gram in NATIONALITIES and (gram not in _K.blocs or gram in _K.seated_blocs):
                return NATIONALITIES[gram]
    return None

"""The language knowledge of the cross-document stage, read from the data files in ``data/``.

Honorifics, titles, role words, organisation words, generic speakers, countries and their
metonyms, paraphrase classes: all of it is general English and world knowledge, kept as data so
that it can be read, extended and measured apart from the code, and never about one story.
:func:`knowledge` reads the files once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["Knowledge", "knowledge", "GenericClass"]


@dataclass(frozen=True)
class GenericClass:
    """A kind of unnamed speaker ("police") and the words a named body of it carries."""

    name: str
    body_words: frozenset[str]


@dataclass(frozen=True)
class Knowledge:
    """Every word table of the graph stage, keyed by casefolded words."""

    honorifics: dict[str, str]  # "mrs" -> "f"
    first_names: dict[str, str]  # "hillary" -> "f"
    generational: frozenset[str]  # "jr", "sr"
    titles: frozenset[str]  # office words before a name
    role_words: dict[str, bool]  # word -> is an office word
    role_classes: dict[str, str]  # "publicist" -> "representative"
    person_nouns: frozenset[str]
    org_words: frozenset[str]
    corporate_suffixes: frozenset[str]
    particles: frozenset[str]
    pronouns: frozenset[str]
    generic: dict[str, GenericClass]  # head word(s) -> class
    countries: dict[str, str]  # name or demonym -> country
    metonyms: dict[str, str]  # capital or seat of power -> country
    demonyms: dict[str, str]  # country name key -> adjective ("russia" -> "Russian")
    organisations: dict[str, str]  # name key -> canonical name
    blocs: dict[str, str]  # "nato" -> "NATO": qualify roles, are no country
    seated_blocs: frozenset[str]  # "un", "eu": a role qualified by them is affiliated to them
    stopwords: frozenset[str]
    speech_words: frozenset[str]
    light_words: frozenset[str]
    synonyms: dict[str, str]  # word -> class
    events: dict[str, str]  # word -> event type
    intent_words: tuple[str, ...]


def _lines(name: str) -> list[list[str]]:
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows


def _words(name: str) -> frozenset[str]:
    return frozenset(row[0].casefold() for row in _lines(name))


def _split(cell: str) -> list[str]:
    return [w.strip().casefold() for w in cell.split("|") if w.strip()]


def _countries() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    names: dict[str, str] = {}
    metonyms: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for row in _lines("countries.tsv"):
        country, forms = row[0], _split(row[1])
        for form in forms:
            names[form] = country
        adjectives = [f for f in forms if f.endswith(("an", "ish", "ese", "i", "ch", "ss", "ic"))]
        if adjectives:
            demonyms[country.casefold()] = adjectives[-1].title()
            for form in forms:
                if form not in adjectives and " " not in form and "." not in form:
                    demonyms.setdefault(form, adjectives[-1].title())
        for form in _split(row[2]) if len(row) > 2 else []:
            metonyms[form] = country
        metonyms.update({f: country for f in forms if f not in adjectives})
    return names, metonyms, demonyms


@lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    """The word tables, read once from ``graph/data``."""
    countries, metonyms, demonyms = _countries()
    generic = {}
    for row in _lines("generic_speakers.tsv"):
        body = frozenset(_split(row[2])) if len(row) > 2 else frozenset()
        generic[row[0].casefold()] = GenericClass(row[1], body)
    organisations = {}
    for row in _lines("organisations.tsv"):
        for form in [row[0].casefold(), *_split(row[1])]:
            organisations[form] = row[0]
    synonyms = {}
    for row in _lines("synonyms.tsv"):
        for word in _split(row[1]):
            synonyms.setdefault(word, row[0])
    return Knowledge(
        honorifics={row[0].casefold(): row[1] for row in _lines("honorifics.tsv")},
        first_names={row[0].casefold(): row[1] for row in _lines("first_names.tsv")},
        generational=_words("generational.txt"),
        titles=_words("titles.txt"),
        role_words={row[0].casefold(): row[1] == "office" for row in _lines("role_words.tsv")},
        role_classes={row[0].casefold(): row[1] for row in _lines("role_classes.tsv")},
        person_nouns=_words("person_nouns.txt"),
        org_words=_words("org_words.txt"),
        corporate_suffixes=_words("corporate_suffixes.txt"),
        particles=_words("particles.txt"),
        pronouns=_words("pronouns.txt"),
        generic=generic,
        countries=countries,
        metonyms=metonyms,
        demonyms=demonyms,
        organisations=organisations,
        blocs={row[0].casefold(): row[1] for row in _lines("blocs.tsv")},
        seated_blocs=frozenset(r[0].casefold() for r in _lines("blocs.tsv") if r[2] == "seat"),
        stopwords=_words("stopwords.txt"),
        speech_words=_words("speech_words.txt"),
        light_words=_words("light_words.txt"),
        synonyms=synonyms,
        events={row[0].casefold(): row[1] for row in _lines("events.tsv")},
        intent_words=tuple(row[0].casefold() for row in _lines("intent_words.txt")),
    )

"""What a claim's wording says, as comparable features: the evidence claim merging weighs.

A claim's *features* are its content words, lightly stemmed, mapped through the paraphrase
classes of ``data/synonyms.tsv`` ("serious" and "severe" are one feature) and through the
geography of ``data/countries.tsv`` ("Moscow", "Russian" and "the Kremlin" are the feature
``@Russia``, an *actor*: it names a party, not what is claimed of it). Function words, speech
words and light verbs are no evidence. No parse, no model: lexical evidence, trusted as such.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from .knowledge import knowledge

__all__ = [
    "claim_text_key",
    "content_words",
    "stem",
    "features",
    "concepts",
    "is_actor",
    "is_denial",
    "is_negated",
    "event_concepts",
    "central_wording",
    "directive_action",
    "drop_text_caches",
]

_K = knowledge()
STOPWORDS = _K.stopwords

_QUOTES = str.maketrans({c: " " for c in "\"“”„‟«»‹›‘’'`´"})
_PUNCT = re.compile(r"[^\w\s]+")
_SPELLING = (
    (re.compile(r"(\w{3,})is(e|es|ed|ing|ation)\b"), r"\1iz\2"),
    (re.compile(r"(\w{2,})our\b"), r"\1or"),
)
_SUFFIXES = (
    "ations", "ation", "ments", "ment", "ings", "ing", "edly", "ies", "ied", "ed", "es", "ly",
    "ic", "al", "s", "e", "y",
)  # fmt: skip
_DENIAL = re.compile(
    r"^(?:has\s+|have\s+|had\s+|also\s+|consistently\s+|repeatedly\s+|strongly\s+)*"
    r"(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing))\b",
    re.IGNORECASE,
)
_NEGATED_CUE = re.compile(r"\b(?:not|never|n't)\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|no|never|n't|nothing|without)\b|n't\b", re.IGNORECASE)


#: Texts longer than this (article bodies, read once by story detection; claims are shorter)
#: bypass the caches of claim texts: a body and its words would hold kilobytes for nothing.
_CACHED_CHARS = 1_000


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    text = _PUNCT.sub(" ", text)
    for pattern, repl in _SPELLING:
        text = pattern.sub(repl, text)
    return " ".join(text.split())


@lru_cache(maxsize=200_000)
def _cached_fold(text: str) -> str:
    return _fold(text)


def claim_text_key(text: str) -> str:
    """The exact-merge key of a claim text: what remains after folding form, not content.

    >>> claim_text_key("“Emphasised the need,”") == claim_text_key('emphasized the need')
    True
    """
    return _fold(text) if len(text) > _CACHED_CHARS else _cached_fold(text)


def content_words(text: str) -> list[str]:
    """Words of ``text`` that can carry content (no function words, no single letters)."""
    if len(text) > _CACHED_CHARS:
        return list(_words(text))
    return list(_content_words(text))


def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w in claim_text_key(text).split() if w not in STOPWORDS and len(w) > 1)


@lru_cache(maxsize=200_000)
def _content_words(text: str) -> tuple[str, ...]:
    return tuple(sys.intern(w) for w in _words(text))  # entries share their words


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light stem: the longest listed suffix removed while four letters remain.

    >>> [stem(w) for w in ("resolving", "resolve", "diplomatic", "invasion", "troops")]
    ['resolv', 'resolv', 'diplomat', 'invas', 'troop']
    """
    if word.endswith("sion") and len(word) > 6:
        return word[:-3]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _synonym_stems() -> dict[str, str]:
    out = {}
    for word, cls in _K.synonyms.items():
        out.setdefault(stem(claim_text_key(word).replace(" ", "")), cls)
    return out


_BY_STEM = _synonym_stems()


@lru_cache(maxsize=200_000)
def _concept(word: str) -> str | None:
    if word in _K.speech_words or word in _K.light_words or word.isdigit():
        return None
    country = _K.countries.get(word) or _K.metonyms.get(word)
    if country:
        return "@" + country
    if word in _K.synonyms:
        return _K.synonyms[word]
    s = stem(word)
    return _BY_STEM.get(s, s)


def concepts(text: str) -> list[str]:
    """The feature of each content word of ``text``, in text order (repeats kept)."""
    text = re.sub(r"(?i)\bde-?escalat", "deescalat", text)
    text = re.sub(r"(?i)\bbuild-up", "buildup", text)
    text = re.sub(r"(?i)\bpull(?:ing|ed|s)? back", "pullback", text)
    return [c for w in content_words(text) if (c := _concept(w)) is not None]


@lru_cache(maxsize=200_000)
def features(text: str) -> frozenset[str]:
    """The comparable content of a claim.

    >>> sorted(features("A diplomatic path to resolving this crisis… remains open"))
    ['avenue', 'crisis', 'diplomacy', 'open', 'remain', 'resolve']
    >>> sorted(features("Moscow has massed troops"))
    ['@Russia', 'amass', 'troops']
    """
    return frozenset(concepts(text))


def drop_text_caches() -> None:
    """Empty the caches of claim texts once the mentions are clustered: they hold up to
    200,000 texts each, folded, split and featured, that what follows reads again only for
    the claims it keeps (a cache is refilled as it is used)."""
    for cached in (_cached_fold, _content_words, features):
        cached.cache_clear()


def is_actor(feature: str) -> bool:
    """Whether a feature names a party (a country and its capital) rather than a content."""
    return feature.startswith("@")


def event_concepts(text: str) -> set[str]:
    """Event types a text names ("invade", "aggression" → ``attack``)."""
    words = set(content_words(text))
    return {_K.events[w] for w in words if w in _K.events}


def is_denial(cue: str) -> bool:
    """Whether a cue denies ("has denied", "denying", "rejected"), not "has not rejected".

    >>> is_denial("has denied"), is_denial("has not rejected"), is_denial("said")
    (True, False, False)
    """
    cue = " ".join(cue.split())
    return bool(_DENIAL.match(cue)) and not _NEGATED_CUE.search(cue)


def is_negated(text: str) -> bool:
    return bool(_NEGATION.search(text))


#: Words that ask for something: "should", "must", "the need to", "urged", "called on" ….
#: Not "should Russia invade" (a condition) nor "suggests that" (evidence).
_DIRECTIVE = re.compile(
    r"(?i)\b(?:should(?!\s+(?-i:[A-Z])|\s+(?:it|they|he|she|we|you|there|this|that)\s)"
    r"|must|ought\s+to|need(?:s|ed)?\s+to|the\s+need\s+(?:to|for)"
    r"|ha(?:s|ve|d)\s+to|urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+(?:on|upon|for)"
    r"|demand(?:s|ed|ing)?|suggest(?:s|ed|ing)?(?!\s+that)|ask(?:s|ed|ing)?\s+\w+\s+to)\b"
)


def directive_action(text: str, cue: str = "") -> str | None:
    """The action a directive asks for: the first paraphrase class after its directive word.

    Only actions that belong to a paraphrase class count, so that two demands are one claim
    only when they ask for the same thing however worded ("de-escalate", "withdraw").

    >>> directive_action("it should de-escalate, rather than escalate")
    'deescalate'
    >>> directive_action("the need to see verifiable, credible, meaningful de-escalation")
    'deescalate'
    >>> directive_action("Russia has the capacity to launch an invasion") is None
    True
    """
    found = _DIRECTIVE.search(text)
    if found is None:
        if not _DIRECTIVE.search(cue):
            return None
        rest = text
    else:
        rest = text[found.end() :]
    classes = set(_K.synonyms.values())
    return next((c for c in concepts(rest) if c in classes), None)


def central_wording(texts: Sequence[str]) -> int:
    """Index of the wording that shares the most features with the others (ties: shortest).

    >>> central_wording(["a window remains to resolve the crisis peacefully, he said",
    ...                  "a diplomatic path to resolving this crisis remains open",
    ...                  "the best way to avoid the crisis is by diplomacy"])
    1
    """
    feats = [features(t) for t in texts]
    score = [sum(len(f & g) for j, g in enumerate(feats) if j != i) for i, f in enumerate(feats)]
    return min(range(len(texts)), key=lambda i: (-score[i], len(texts[i]), texts[i]))

"""Short labels for claims: what a list or the graph page shows instead of the whole text."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from ..ingest.cues import OBJECT_VERBS, QUOTE_VERBS
from ..ingest.records import Quantity
from .claimtext import claim_text_key, content_words, features
from .topics import quoted_phrases

__all__ = ["label_claim"]

_REPORTING = (
    QUOTE_VERBS
    | OBJECT_VERBS
    | frozenset({"reiterate", "underscore", "emphasise", "emphasize", "stress", "note", "add"})
)
_BOUND_WORDS = re.compile(
    r"^(more than|over|at least|nearly|almost|about|around|some|up to|fewer than|less than)\s+",
    re.IGNORECASE,
)


def _lemma_guess(word: str) -> str:
    w = word.casefold()
    for suffix, repl in (("ied", "y"), ("ed", "e"), ("ed", ""), ("es", ""), ("s", ""), ("", "")):
        if w.endswith(suffix) and (stem := w[: len(w) - len(suffix)] + repl) in _REPORTING:
            return stem
    return w


def label_claim(
    text: str,
    quantities: Sequence[Quantity] = (),
    *,
    raw_texts: Sequence[str] = (),
    wordings: Sequence[str] = (),
    denial: bool = False,
    max_words: int = 5,
) -> str:
    """A short label for a claim, for lists and the graph page.

    A short phrase the claim (or one of its mentions, ``raw_texts``) puts in quote marks is its
    label ("open door policy"); a claim with
    a number is labelled by the counted thing and the verb before it ("100,000 troops amassed");
    otherwise its leading content words, reporting verbs and "that" left out. A claim worded
    differently by several outlets (``wordings``) keeps the words that most wordings share.
    Negations are kept and a denial says so, so that no label reads as the opposite claim.

    >>> label_claim("committed to upholding NATO's \u201copen door policy,\u201d")
    'open door policy'
    >>> q = Quantity(100000, "troops", "min", "more than 100,000 troops")
    >>> label_claim("Moscow has recently amassed more than 100,000 troops near Ukraine", [q])
    '100,000 troops amassed'
    >>> label_claim("He underscored that a window remains to resolve the crisis peacefully")
    'window remains resolve crisis peacefully'
    >>> label_claim("Russia does not want any conflict")
    'Russia not want conflict'
    >>> label_claim("Russia does not want “any conflict”")
    'Russia not want conflict'
    >>> label_claim("it is preparing to invade", denial=True)
    'denies preparing invade'
    """
    label = _label(text, quantities, raw_texts=raw_texts, wordings=wordings, max_words=max_words)
    return f"denies {label}" if denial and not label.startswith("denies") else label


_NEGATIONS = frozenset(["not", "no", "never", "nothing", "none", "without"])
_NEGATED = re.compile(r"(?i)\b(?:not|no|never|nothing|none|without)\b|n't\b")


def _label(
    text: str,
    quantities: Sequence[Quantity],
    *,
    raw_texts: Sequence[str],
    wordings: Sequence[str],
    max_words: int,
) -> str:
    for raw in (text, *raw_texts):  # the claim text has its quote marks stripped; mentions not
        phrases = [p for p in quoted_phrases(raw, max_words=4) if len(p.split()) >= 2]
        if phrases and not _NEGATED.search(raw.replace(phrases[0], " ")):
            return phrases[0]  # not when the claim negates it: "does not want “any conflict”"
    strip = "\"“”‘’'.,;:()…"
    if quantities:
        q = quantities[0]
        at = text.find(q.text)
        core = _BOUND_WORDS.sub("", q.text).strip()
        if q.text and at >= 0 and core:
            before = [w.strip(strip) for w in text[:at].split()][-3:]
            verbs = [w for w in before if w.casefold() in set(content_words(w)) and w.islower()]
            return f"{core} {verbs[-1]}" if verbs else core
    keep = set(content_words(text))
    words = [w.strip(strip) for w in text.split()]
    words = [
        w
        for w in words
        if w
        and (
            set(claim_text_key(w).split()) <= keep
            or any(ch.isdigit() for ch in w)
            or w.casefold() in _NEGATIONS
            or w.casefold().endswith("n't")
        )
        and _lemma_guess(w) not in _REPORTING
    ]
    if len(wordings) >= 2:
        counts = Counter(f for wording in wordings for f in features(wording))
        need = max(2, math.ceil(len(wordings) / 2))
        shared = [
            w
            for w in words
            if w.casefold() in _NEGATIONS
            or ((f := features(w)) and all(counts[x] >= need for x in f))
        ]
        if shared:
            return " ".join(shared[:max_words])
    return " ".join(words[:max_words]) or text[:50]

"""Cluster claim mentions into claims: one claim node per claim, one mention per occurrence.

Two mentions are the same claim when their texts are equal after folding quote marks,
punctuation, case, spelling variants (``-ise``/``-ize``, ``-our``/``-or``) and trimming, or when
they share a speaker and their content words overlap strongly (token-set similarity above a
threshold). Comparisons happen only inside blocks keyed by speaker and rare content words, so
the work grows near-linearly with the number of mentions, never with all pairs.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

__all__ = ["MentionRef", "claim_text_key", "content_words", "cluster_mentions", "STOPWORDS"]

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "it's",
        "he",
        "she",
        "they",
        "them",
        "his",
        "her",
        "their",
        "we",
        "our",
        "you",
        "your",
        "i",
        "me",
        "my",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "not",
        "no",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "shall",
        "than",
        "then",
        "so",
        "such",
        "there",
        "here",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "why",
        "how",
        "all",
        "any",
        "both",
        "each",
        "few",
        "more",
        "most",
        "other",
        "some",
        "very",
        "just",
        "also",
        "about",
        "into",
        "over",
        "after",
        "before",
        "between",
        "through",
        "during",
        "against",
        "said",
        "says",
        "say",
        "told",
        "tell",
    ]
)

_QUOTES = str.maketrans({c: " " for c in "\"“”„‟«»‹›‘’'`´"})
_PUNCT = re.compile(r"[^\w\s]+")
_SPELLING = (
    (re.compile(r"(\w{3,})is(e|es|ed|ing|ation)\b"), r"\1iz\2"),
    (re.compile(r"(\w{2,})our\b"), r"\1or"),
)


def claim_text_key(text: str) -> str:
    """The exact-merge key of a claim text: what remains after folding form, not content.

    >>> claim_text_key("“Emphasised the need,”") == claim_text_key('emphasized the need')
    True
    """
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    text = _PUNCT.sub(" ", text)
    for pattern, repl in _SPELLING:
        text = pattern.sub(repl, text)
    return " ".join(text.split())


def content_words(text: str) -> list[str]:
    return [w for w in claim_text_key(text).split() if w not in STOPWORDS and len(w) > 1]


@dataclass(frozen=True)
class MentionRef:
    """What clustering needs of a mention: an id, its text and its resolved speaker key."""

    id: Hashable
    text: str
    speaker: str | None


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Hashable, Hashable] = {}

    def find(self, x: Hashable) -> Hashable:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: Hashable, b: Hashable) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb, key=repr)] = min(ra, rb, key=repr)


def cluster_mentions(
    mentions: Sequence[MentionRef], *, threshold: float = 88.0, block_words: int = 3
) -> list[list[MentionRef]]:
    """Group mentions that express the same claim; clusters come out in input order."""
    uf = _UnionFind()
    by_key: dict[str, Hashable] = {}
    words: dict[Hashable, list[str]] = {}
    freq: dict[str, int] = defaultdict(int)
    for m in mentions:
        uf.find(m.id)
        key = claim_text_key(m.text)
        if key in by_key:
            uf.union(by_key[key], m.id)
        else:
            by_key[key] = m.id
        words[m.id] = content_words(m.text)
        for w in set(words[m.id]):
            freq[w] += 1
    blocks: dict[tuple[str | None, str], list[MentionRef]] = defaultdict(list)
    for m in mentions:
        rare = sorted(set(words[m.id]), key=lambda w: (freq[w], w))[:block_words]
        for w in rare:
            blocks[(m.speaker, w)].append(m)
    for (speaker, _w), members in blocks.items():
        if speaker is None or len(members) < 2:
            continue
        # A block is small by construction (rare words); cap it to stay near-linear.
        members = members[:50]
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if uf.find(a.id) == uf.find(b.id):
                    continue
                if _same_claim(a.text, b.text, threshold):
                    uf.union(a.id, b.id)
    clusters: dict[Hashable, list[MentionRef]] = {}
    for m in mentions:
        clusters.setdefault(uf.find(m.id), []).append(m)
    return list(clusters.values())


def _same_claim(a: str, b: str, threshold: float) -> bool:
    ka, kb = " ".join(content_words(a)), " ".join(content_words(b))
    if not ka or not kb:
        return False
    shorter, longer = sorted((len(ka), len(kb)))
    if shorter / longer < 0.6:
        return False
    return fuzz.token_set_ratio(ka, kb) >= threshold and fuzz.ratio(ka, kb) >= threshold - 20

"""Key phrases shared by claims, which become ``topic`` nodes ("open door policy").

:func:`shared_key_phrases` keeps the named entities and noun phrases ingest read off the parse
that two or more claims share; :func:`find_topics` is the older, parse-free way:

A topic is a short quoted phrase of a claim ("open door policy") or a content-word n-gram (one to
three words, no stopword at either end) that occurs in claims from at least ``min_sources``
different articles. Counting uses one pass over an n-gram index, so it is linear in the number of
claims.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from .claimtext import STOPWORDS, claim_text_key

__all__ = ["find_topics", "quoted_phrases", "shared_key_phrases"]

_QUOTED = re.compile(r"[\"“«]([^\"“”«»]{3,40})(?:[\"”»]|[,.;:]?$)")


def quoted_phrases(text: str, *, max_words: int = 4) -> list[str]:
    """Short phrases a claim puts in quote marks: often the term of the debate.

    >>> quoted_phrases('committed to upholding NATO\\'s "open door policy," while')
    ['open door policy']
    """
    out = []
    for m in _QUOTED.finditer(text):
        phrase = claim_text_key(m.group(1))
        if 1 <= len(phrase.split()) <= max_words and phrase not in STOPWORDS:
            out.append(phrase)
    return out


def _ngrams(words: list[str], n_max: int = 3) -> set[str]:
    out = set()
    for n in range(1, n_max + 1):
        for i in range(len(words) - n + 1):
            gram = words[i : i + n]
            if gram[0] in STOPWORDS or gram[-1] in STOPWORDS or len(gram[-1]) < 3:
                continue
            if n == 1 and (len(gram[0]) < 5 or gram[0].isdigit()):
                continue
            out.add(" ".join(gram))
    return out


def find_topics(
    claims: Mapping[str, str],
    claim_sources: Mapping[str, set[str]],
    raw_texts: Mapping[str, Sequence[str]] | None = None,
    *,
    min_sources: int = 2,
    max_per_claim: int = 3,
) -> dict[str, list[str]]:
    """Topics per claim id: quoted phrases, then the longest shared n-grams.

    Args:
        claims: claim id → representative text.
        claim_sources: claim id → ids of the articles reporting it.
        raw_texts: claim id → the exact texts of its mentions (quote marks kept).
    """
    grams: dict[str, set[str]] = {}
    gram_sources: dict[str, set[str]] = defaultdict(set)
    for cid, text in claims.items():
        g = _ngrams(claim_text_key(text).split())
        grams[cid] = g
        for gram in g:
            gram_sources[gram] |= claim_sources.get(cid, set())
    out: dict[str, list[str]] = {}
    for cid in claims:
        chosen: list[str] = []
        for text in (raw_texts or {}).get(cid, ()):
            for phrase in quoted_phrases(text):
                if phrase not in chosen:
                    chosen.append(phrase)
        shared = [g for g in grams[cid] if len(gram_sources[g]) >= min_sources]
        shared.sort(key=lambda g: (-len(g.split()), -len(gram_sources[g]), g))
        for gram in shared:
            if len(chosen) >= max_per_claim:
                break
            if not any(gram in c for c in chosen):
                chosen.append(gram)
        out[cid] = chosen[:max_per_claim]
    return out


def shared_key_phrases(
    claim_phrases: Mapping[str, Sequence[str]],
    *,
    min_claims: int = 2,
    max_per_claim: int = 3,
) -> dict[str, list[str]]:
    """Topics per claim id: the key phrases ingest found that at least ``min_claims`` share.

    ``claim_phrases`` maps a claim id to the named entities and noun phrases of its mentions
    (``ClaimMention.key_phrases``). Phrases are compared case-insensitively and shown in their
    most frequent spelling; a claim keeps its longest phrases first, then the most shared.
    Claims whose records carry no key phrases get no topics (never keyword n-grams).

    >>> shared_key_phrases({"a": ["NATO", "open door policy"], "b": ["Nato"], "c": ["war"]})
    {'a': ['NATO'], 'b': ['NATO'], 'c': []}
    """
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    claims_of: dict[str, set[str]] = defaultdict(set)
    for cid, phrases in claim_phrases.items():
        for p in phrases:
            key = " ".join(p.casefold().split())
            spellings[key][p] += 1
            claims_of[key].add(cid)
    out: dict[str, list[str]] = {}
    for cid, phrases in claim_phrases.items():
        keys = {" ".join(p.casefold().split()) for p in phrases}
        shared = [k for k in keys if len(claims_of[k]) >= min_claims]
        shared.sort(key=lambda k: (-len(k.split()), -len(claims_of[k]), k))
        out[cid] = shared[:max_per_claim]
    kept = Counter(k for keys in out.values() for k in keys)  # still shared after the cut
    return {
        cid: [spellings[k].most_common(1)[0][0] for k in keys if kept[k] >= min_claims]
        for cid, keys in out.items()
    }

"""Key phrases shared by claims, which become ``topic`` nodes ("open door policy").

:func:`shared_key_phrases` keeps the named entities and noun phrases ingest read off the parse
that two or more claims share. :func:`quoted_phrases` finds the short phrases a claim puts in
quote marks, which claim labels prefer.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from .claimtext import STOPWORDS, claim_text_key

__all__ = ["quoted_phrases", "shared_key_phrases"]

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

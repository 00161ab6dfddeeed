"""Find syndicated copies: the same story printed by several outlets (a wire story and its
reprints), so that a copy does not count as an independent source.

Each body is cut into word shingles (five words, case-folded, NFKC) and summarised by a
MinHash; locality-sensitive hashing puts articles with similar signatures into the same
buckets, and only pairs sharing a bucket are compared exactly. No pass over all pairs is
made, so a corpus of many thousand articles costs about as much per article as a few.

Which one is the original, among articles found to be the same story:

1. the one whose outlet the others credit ("according to Anadolu Agency" in a BERNAMA story),
2. else the one published first (an article without a date counts as later),
3. else the one with less boilerplate around its body (a reprint carries a site's furniture),
4. else the smaller id, so the answer never depends on input order.

Limits: a copy that is only a small excerpt of a long original (low Jaccard similarity) may
be missed, as may a translation; two reports of one event written independently are not
copies, and their shingles rarely agree.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from datasketch import MinHash, MinHashLSH

from ..ingest.records import DocumentRecord

__all__ = ["find_copies", "shingles"]

logger = logging.getLogger(__name__)

_WORD = re.compile(r"\w+")


def shingles(text: str, *, k: int = 5) -> set[str]:
    """The set of ``k``-word shingles of ``text`` (case-folded, NFKC, punctuation ignored).

    >>> sorted(shingles("He said: “No.” He said no.", k=2))
    ['he said', 'no he', 'said no']
    """
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def _body_text(record: DocumentRecord) -> str:
    return record.body_text if record.body else record.text


def _boilerplate(record: DocumentRecord) -> int:
    return len(record.text) - sum(e - s for s, e in record.body) if record.body else 0


def find_copies(
    records: Sequence[DocumentRecord],
    *,
    threshold: float = 0.5,
    containment: float = 0.8,
    k: int = 5,
    num_perm: int = 128,
) -> dict[str, str]:
    """Map each syndicated copy's id to the id of its original.

    Args:
        records (Sequence[DocumentRecord]): the articles, in any order.
        threshold (float): Jaccard similarity of shingle sets from which two bodies are one
            story; also the LSH threshold.
        containment (float): share of the shorter body's shingles found in the longer one
            from which a candidate pair is one story even below ``threshold``.
        k (int): words per shingle.
        num_perm (int): MinHash permutations.

    RETURNS (dict[str, str]): copy id → original id; an original is never itself a copy.
    """
    # Only the signatures are kept for every article; the exact shingle sets are made again
    # for the few candidate pairs (held for a while), so memory does not grow with all of them.
    by_id = {r.id: r for r in records}
    shingles_of = lru_cache(maxsize=1024)(lambda doc_id: shingles(_body_text(by_id[doc_id]), k=k))
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    hashes: dict[str, MinHash] = {}
    empty = MinHash(num_perm=num_perm, seed=1)  # its copies share one permutation table
    for doc_id in sorted(by_id):
        sh = shingles_of(doc_id)
        if not sh:
            continue
        m = empty.copy()
        m.update_batch(s.encode("utf-8") for s in sorted(sh))
        hashes[doc_id] = m
        lsh.insert(doc_id, m)
    ids = sorted(hashes)

    parent = {doc_id: doc_id for doc_id in ids}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a in ids:
        for b in sorted(lsh.query(hashes[a])):
            if b <= a:
                continue
            sa, sb = shingles_of(a), shingles_of(b)
            inter = len(sa & sb)
            union = len(sa) + len(sb) - inter
            if inter / union >= threshold or inter / min(len(sa), len(sb)) >= (containment):
                ra, rb = root(a), root(b)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
    # The index holds a bound method of itself (a reference cycle), so only the cyclic
    # collector, which the merge pauses, would free its tables: empty it here instead.
    vars(lsh).clear()

    groups: dict[str, list[DocumentRecord]] = {}
    for doc_id in ids:
        groups.setdefault(root(doc_id), []).append(by_id[doc_id])
    copies: dict[str, str] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        original = min(members, key=lambda r: _original_key(r, members))
        for r in members:
            if r.id != original.id:
                copies[r.id] = original.id
    logger.debug("%d syndicated copies among %d articles", len(copies), len(records))
    return dict(sorted(copies.items()))


def _original_key(record: DocumentRecord, group: Sequence[DocumentRecord]) -> tuple:
    """Sort key: the original comes first (see the module docstring for the order)."""
    credited = bool(record.outlet) and any(
        other.id != record.id and record.outlet in other.credits and other.outlet != record.outlet
        for other in group
    )
    return (
        not credited,
        record.published[:10] if record.published else "9999",
        _boilerplate(record),
        record.id,
    )

"""Views of a parsed article computed once per ``Doc``: its text and its noun chunks.

spaCy rebuilds ``Doc.text`` from the tokens on every access, and ``Span.noun_chunks`` runs the
noun-chunk iterator over the whole document and keeps the chunks inside the span. Extractors
ask for both once per claim, which made them quadratic in the article's length; here each is
computed once and kept in ``doc.user_data`` (a ``Doc`` never leaves the process that parsed it).
"""

from __future__ import annotations

import bisect
from itertools import pairwise

from spacy.tokens import Doc, Span

__all__ = ["doc_text", "noun_chunks_in"]

_TEXT = "claimgraph.text"
_CHUNKS = "claimgraph.noun_chunks"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def noun_chunks_in(doc: Doc, start: int, end: int) -> list[Span]:
    """The noun chunks of ``doc`` inside tokens ``[start, end)``: what ``doc[start:end]
    .noun_chunks`` yields, in the same order, from chunks found once per document."""
    cached = doc.user_data.get(_CHUNKS)
    if cached is None:
        chunks = list(doc.noun_chunks)
        starts = [c.start for c in chunks]
        in_order = all(a <= b for a, b in pairwise(starts))  # always, for English
        cached = doc.user_data[_CHUNKS] = (chunks, starts, in_order)
    chunks, starts, in_order = cached
    if not in_order:
        return [c for c in chunks if c.start >= start and c.end <= end]
    first = bisect.bisect_left(starts, start)
    last = bisect.bisect_left(starts, end, lo=first)
    return [c for c in chunks[first:last] if c.end <= end]

"""Character-span helpers shared by the claim extractors.

Spans are ``[start, end)`` code-point offsets into the parsed text (equal to the raw article
text, see :func:`ingest.nlp.masked_text`). These helpers never copy text around: they trim,
merge and measure offsets, like a spaCy ``Span`` is a view and not a string.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from spacy.tokens import Token

__all__ = [
    "QUOTE_CHARS",
    "trim",
    "token_range",
    "tokens_span",
    "merge_spans",
    "overlap",
    "covers",
    "normalise_claim_text",
]

#: Every mark that can open or close a quotation; stripped from claim text.
QUOTE_CHARS = "\"“”„‟«»‘’‚‛`'"

_WS = re.compile(r"\s+")


def _is_edge(ch: str) -> bool:
    """True for characters a span should not start or end with (space, punctuation)."""
    return ch.isspace() or unicodedata.category(ch)[0] in "PZ" or ch in "`´"


def trim(text: str, start: int, end: int, *, keep_closing: bool = False) -> tuple[int, int]:
    """Shrink ``[start, end)`` past surrounding whitespace and punctuation.

    ``keep_closing`` keeps a final ``.``/``?``/``!`` or closing quote mark, for spans that
    should read as whole sentences. Returns ``(start, start)`` when nothing is left.
    """
    while start < end and _is_edge(text[start]) and text[start] not in "($£€#@[":
        start += 1
    while end > start and _is_edge(text[end - 1]):
        if keep_closing and text[end - 1] in ".?!”\"’»)":
            break
        if text[end - 1] in ")]" and "(" in text[start:end] or text[end - 1] == "%":
            break
        end -= 1
    return start, end


def token_range(tokens: Iterable[Token]) -> tuple[int, int] | None:
    """``(first.i, last.i + 1)`` of some tokens, or ``None`` when there are none."""
    idx = [t.i for t in tokens]
    if not idx:
        return None
    return min(idx), max(idx) + 1


def tokens_span(doc, start: int, end: int) -> tuple[int, int]:
    """Character span of tokens ``doc[start:end]`` (end exclusive), trimmed.

    Reads only the span's own text: ``Doc.text`` is rebuilt from every token on each access,
    which would make extraction quadratic in the document length.
    """
    if end <= start:
        return (0, 0)
    s = doc[start].idx
    local = doc[start:end].text
    ls, le = trim(local, 0, len(local))
    return s + ls, s + le


def merge_spans(spans: Iterable[Sequence[int]]) -> list[list[int]]:
    """Sorted, non-empty, non-overlapping spans (touching ones merged)."""
    out: list[list[int]] = []
    for s, e in sorted((int(s), int(e)) for s, e in spans if e > s):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return out


def overlap(a: Sequence[int], b: Sequence[int]) -> int:
    """Number of characters two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def covers(outer: Sequence[int], inner: Sequence[int]) -> bool:
    """True when ``inner`` lies inside ``outer``."""
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def normalise_claim_text(text: str, spans: Sequence[Sequence[int]]) -> str:
    """The claim as plain text: fragments joined, quote marks stripped, whitespace folded.

    >>> normalise_claim_text('“We will win,” he said.', [[0, 14]])
    'We will win,'
    """
    parts = []
    for s, e in spans:
        frag = text[s:e]
        frag = "".join(" " if ch in "\"“”„‟«»`" else ch for ch in frag)
        frag = re.sub(r"(?<!\w)['‘’]|['‘’](?!\w)", " ", frag)
        parts.append(frag)
    return _WS.sub(" ", " ".join(parts)).strip()

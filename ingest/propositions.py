"""Split an attribution's content into the propositions it asserts.

One quotation often makes several claims. "While further Russian aggression … would result in
a swift, severe … response, we remain committed to the diplomatic path" warns and reassures at
once, and other outlets quote, trim and paraphrase each half on its own. Claims can only be
merged across articles proposition by proposition, so the content is cut where the parse shows
a new proposition starting:

* a sentence boundary inside the content (a quotation of several sentences);
* a colon between two clauses ("The way … is simple: it should de-escalate");
* a contrastive adverbial clause ("while …", "although …") and a trailing participle clause
  ("…, suggesting Moscow start by de-escalating");
* a coordinated finite clause ("… reiterated our concerns … and emphasised the need …",
  "… is by diplomacy and this is what I hope …").

A piece needs at least :data:`MIN_WORDS` content words; a smaller one stays with the rest.
Under a denial cue ("has denied it is preparing to invade and accused …") a coordinated verb
with no subject of its own is not cut off: the parse cannot tell whether it is denied too.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from .parsed import doc_text
from .records import Span
from .spans import trim

__all__ = ["propositions", "MIN_WORDS"]

#: Content words a proposition needs (nouns, proper nouns, verbs, adjectives, numbers).
MIN_WORDS = 3

_CONTENT_POS = frozenset(["NOUN", "PROPN", "VERB", "ADJ", "NUM"])
_CONTRAST = frozenset(["while", "whilst", "although", "though", "whereas"])
_FINITE = frozenset(["VBD", "VBZ", "VBP", "MD"])
_SUBJECTS = frozenset(["nsubj", "nsubjpass", "expl", "csubj"])
_EDGE_JUNK = frozenset(["cc", "punct", "mark", "preconj"])


def propositions(doc: Doc, content: Sequence[Span], *, denial: bool = False) -> list[list[Span]]:
    """The content spans of each proposition in ``content``, in text order.

    Returns an empty list when the content is one proposition (the common case), so a record
    only grows where there is something to say.
    """
    tokens = content_tokens(doc, content)
    if sum(t.pos_ in _CONTENT_POS for t in tokens) < 2 * MIN_WORDS:
        return []
    inside = {t.i for t in tokens}
    pieces: list[list[Token]] = []
    for sentence in _by_sentence(tokens):
        pieces.extend(_split_sentence(sentence, inside, denial))
    pieces = _absorb_small(pieces)
    if len(pieces) < 2:
        return []
    out = []
    for piece in pieces:
        spans = _clip(doc_text(doc), _token_spans(piece), content)
        if spans:
            out.append(spans)
    return out if len(out) > 1 else []


def content_tokens(doc: Doc, content: Sequence[Span]) -> list[Token]:
    """The tokens of ``content`` spans, in text order, spaces and repeats left out."""
    out: list[Token] = []
    seen: set[int] = set()
    for s, e in sorted(content):
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        for t in span:
            if not t.is_space and t.i not in seen:
                seen.add(t.i)
                out.append(t)
    return out


def _by_sentence(tokens: list[Token]) -> list[list[Token]]:
    """The tokens grouped by sentence, read off sentence starts between the first and last."""
    if not tokens:
        return []
    doc = tokens[0].doc
    inside = {t.i for t in tokens}
    groups: list[list[Token]] = []
    for i in range(tokens[0].i, tokens[-1].i + 1):
        if not groups or (doc[i].is_sent_start and groups[-1]):
            groups.append([])
        if i in inside:
            groups[-1].append(doc[i])
    return [g for g in groups if g]


def _finite(t: Token) -> bool:
    return t.tag_ in _FINITE or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in t.children
    )


def _has_subject(t: Token) -> bool:
    return any(c.dep_ in _SUBJECTS for c in t.children)


_COMPLEMENTS = frozenset({"dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "prep", "dative",
                          "agent", "prt"})


def _shares_object(conj: Token) -> bool:
    """``shot and killed two co-workers``: a verb with no complement of its own before "and"
    shares the next verb's object; "X shot" alone is no proposition."""
    head = conj.head
    return not _has_subject(conj) and not any(
        c.dep_ in _COMPLEMENTS and head.i < c.i < conj.i for c in head.children
    )


def _is_cut(t: Token, inside: set[int], denial: bool) -> bool:
    """Whether ``t`` heads a proposition of its own inside the content."""
    if t.head.i not in inside or t.head.i == t.i:
        return False
    if t.dep_ == "advcl":
        marks = {c.lower_ for c in t.children if c.dep_ == "mark"}
        if marks & _CONTRAST:
            return True
        before = t.left_edge.nbor(-1) if t.left_edge.i > 0 else None
        return t.tag_ == "VBG" and t.i > t.head.i and before is not None and before.text == ","
    if t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and t.head.pos_ in ("VERB", "AUX"):
        if not _finite(t) or _shares_object(t):
            return False
        return _has_subject(t) or not denial
    return False


def _split_sentence(sentence: list[Token], inside: set[int], denial: bool) -> list[list[Token]]:
    """Pieces of one sentence: colon halves first, then clause cuts inside each half."""
    halves: list[list[Token]] = [[]]
    for t in sentence:
        if t.text == ":" and halves[-1]:
            halves.append([])
        else:
            halves[-1].append(t)
    halves = _absorb_small([h for h in halves if h])
    pieces: list[list[Token]] = []
    for half in halves:
        ids = {t.i for t in half} & inside
        cuts = {t.i for t in half if _is_cut(t, ids, denial)}
        if not cuts:
            pieces.append(_strip_edges(half) or half)
            continue
        owner: dict[int, int] = {}
        for t in half:  # each token belongs to its nearest cut ancestor, or to the rest (-1)
            node = t
            while node.i not in cuts and node.head.i != node.i and node.head.i in ids:
                node = node.head
            owner[t.i] = node.i if node.i in cuts else -1
        groups: dict[int, list[Token]] = {}
        for t in half:
            after = owner.get(t.i + 1)
            if t.dep_ in ("cc", "punct") and after is not None and after != owner[t.i]:
                continue  # the "and" that joined a clause now cut off
            groups.setdefault(owner[t.i], []).append(t)
        parts = [_strip_edges(g) for g in groups.values()]
        parts = [p for p in parts if p]
        parts.sort(key=lambda p: p[0].i)
        pieces.extend(_absorb_small(parts))
    return pieces


def _strip_edges(piece: list[Token]) -> list[Token]:
    """Drop the conjunction, marker and punctuation a cut leaves at a piece's edges."""
    lo, hi = 0, len(piece)
    while lo < hi and (piece[lo].dep_ in _EDGE_JUNK or piece[lo].lower_ in _CONTRAST):
        lo += 1
    while hi > lo and piece[hi - 1].dep_ in ("cc", "punct"):
        hi -= 1
    return piece[lo:hi]


def _words(piece: list[Token]) -> int:
    return sum(t.pos_ in _CONTENT_POS for t in piece)


def _absorb_small(pieces: list[list[Token]]) -> list[list[Token]]:
    """Fold a piece with too few content words into its neighbour (the one before, if any)."""
    out: list[list[Token]] = []
    for piece in pieces:
        if out and (_words(piece) < MIN_WORDS or _words(out[-1]) < MIN_WORDS):
            out[-1] = sorted(out[-1] + piece, key=lambda t: t.i)
        else:
            out.append(piece)
    if len(out) > 1 and _words(out[0]) < MIN_WORDS:
        out[1] = sorted(out[0] + out[1], key=lambda t: t.i)
        out.pop(0)
    return out


def _token_spans(piece: list[Token]) -> list[Span]:
    """Character spans of runs of adjacent tokens."""
    spans: list[Span] = []
    prev = None
    for t in sorted(piece, key=lambda t: t.i):
        end = t.idx + len(t.text)
        if prev is not None and t.i == prev + 1:
            spans[-1][1] = end
        else:
            spans.append([t.idx, end])
        prev = t.i
    return spans


def _clip(text: str, spans: list[Span], content: Sequence[Span]) -> list[Span]:
    """The spans inside the content, trimmed of the punctuation a cut leaves behind."""
    out: list[Span] = []
    for s, e in spans:
        for cs, ce in content:
            lo, hi = trim(text, max(s, cs), min(e, ce))
            if hi > lo:
                out.append([lo, hi])
    return out

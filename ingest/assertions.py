"""The outlet's own factual claims with numbers: "Russia has massed tens of thousands of troops".

News states many facts without crediting anyone; the ones that carry a quantity (troops,
deaths, money, percentages) are what other outlets contradict, so they are worth keeping as
``assertion`` claims with no speaker. A quantity counts only when no attribution already
covers it; the claim is the smallest clause around it, without clauses that hang off it
(``…, denying it plans to invade`` is Russia's attribution, not the outlet's assertion).

Limits: numbers without a unit word ("in 2014", "one of them") and quoted numbers are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Token

from .attribution import Attribution
from .cues import CLAUSE_VERBS, INFINITIVE_VERBS, OBJECT_VERBS
from .parsed import doc_text
from .quantities import find_quantities
from .spans import tokens_span

__all__ = ["outlet_assertions"]

_CLAUSE_DEPS = ("ROOT", "relcl", "ccomp", "advcl", "conj", "parataxis", "acl", "xcomp", "pcomp")
_NOT_UNITS = frozenset((
    "percent", "percentage", "points", "point", "year", "years", "month", "months", "week",
    "weeks", "day", "days", "hour", "hours", "minute", "minutes", "second", "seconds", "times",
    "p", "a", "pm", "am", "words", "votes", "th", "st", "nd", "rd", "old",
))
_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj")
_CUE_LEMMAS = CLAUSE_VERBS | OBJECT_VERBS | INFINITIVE_VERBS
_DROP_DEPS = ("advcl", "conj", "parataxis", "relcl", "cc", "ccomp", "acl")


def _covered(pos: int, spans: Sequence[Sequence[int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def outlet_assertions(doc: Doc, found: Sequence[Attribution]) -> list[Attribution]:
    """Unattributed clauses that carry a quantity with a unit, as ``assertion`` attributions.

    A clause inside another one found here ("… the $846 million [that poured into these
    groups …]") is the same claim read twice: the outer one is kept.
    """
    spans = list(_assertion_spans(doc, found))
    return [
        Attribution(content=[list(sp)], kind="assertion", confidence=0.5)
        for sp in spans
        if not any(o != sp and o[0] <= sp[0] and sp[1] <= o[1] for o in spans)
    ]


def _assertion_spans(doc: Doc, found: Sequence[Attribution]) -> Iterator[tuple[int, int]]:
    # a speaker phrase may hold an assertion ("Russia, which … has killed more than 13,000
    # people since 2014, has demanded …"); what someone is reported to say may not
    taken = sorted([c for a in found for c in a.content] + [c for a in found for c in a.cue])
    contents = sorted(c for a in found for c in a.content)
    seen: set[tuple[int, int]] = set()
    for sent in doc.sents:
        stext = sent.text
        if not any(ch.isdigit() for ch in stext) and " of " not in stext:
            continue
        for q in find_quantities(stext, offset=sent.start_char):
            if not _countable(q) or _is_year(doc_text(doc), q):
                continue
            if q.span is None or _covered(q.span[0], taken) or _quoted(doc, q.span[0], sent):
                continue
            tok = doc.char_span(q.span[0], q.span[1], alignment_mode="expand")
            if tok is None:
                continue
            head = _clause_head(tok.root)
            if head is None or head.dep_ not in ("ROOT", "relcl") or _subordinate(head):
                continue
            if _lemma(head) in _CUE_LEMMAS or stext.rstrip(" \n\"”’)").endswith("?"):
                continue  # "a 2014 study found …" reports; a question asserts nothing
            lo, hi = _clause_range(head, tok.root)
            if head.dep_ == "relcl" and doc[lo].tag_ in ("WDT", "WP"):
                lo += 1  # "that has killed …": the relative pronoun is not part of the claim
            if not any(c.dep_ in _SUBJECTS and c.i < hi and (c.i >= lo or c.tag_ == "WDT")
                       for c in head.children):
                # "gave $3 million or more apiece", "who served as ambassador": the subject is
                # elsewhere ("that has killed 13,000 people" keeps the event as its subject)
                continue
            span = tokens_span(doc, lo, hi)
            if span[1] - span[0] < 10 or span in seen or _not_prose(doc_text(doc)[span[0]:span[1]]):
                continue
            if any(s < span[1] and span[0] < e for s, e in contents):
                continue
            seen.add(span)
            yield span


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def _countable(q) -> bool:
    """A head count or an amount worth tracking: "more than 100,000 troops", "$916 million".

    Percentages, time spans and small exact numbers are left out: they are mostly poll
    figures, dates and ages, which the outlet states in passing.
    """
    if q.unit is None or q.unit in _NOT_UNITS or not q.unit.isalpha() and "$" not in q.unit:
        return False
    if q.bound == "approx" and q.low and q.low >= 1000:
        return True
    if not any(ch.isdigit() for ch in q.text):
        return False
    return q.value >= 100 or q.bound != "exact"


_YEAR = re.compile(r"(?i)\b(?:a|an|the|his|her|its|their|our|my|your|this|that|in|since|of)\s+"
                   r"(?:1[89]|20)\d\d\s*\Z")


def _is_year(text: str, q) -> bool:
    """"her 1999 role", "the 2005 murder", "a 2013 Camry": a year used as a modifier is a
    date, not an amount, however its noun reads."""
    start, end = q.span
    digits = text[start:end].strip().split()[0] if text[start:end].strip() else ""
    if not (len(digits) == 4 and digits.isdigit()):
        return False
    return _YEAR.search(text, max(0, start - 12), start + text[start:end].index(digits) + 4) \
        is not None


def _not_prose(text: str) -> bool:
    """A clause across a line break or holding a web address is a parse run over page lines
    (a URL, a dateline, a headline), not a sentence the outlet wrote."""
    return "\n" in text or "://" in text or "www." in text


def _subordinate(head: Token) -> bool:
    """A clause opened by "if", "that", "though", "which" is not a stand-alone assertion."""
    if any(c.dep_ == "mark" for c in head.children):
        return True
    if head.dep_ == "relcl":
        return False
    return head.left_edge.tag_ in ("WDT", "WP", "WRB", "IN")


def _quoted(doc: Doc, pos: int, sent) -> bool:
    before = sent.text[: pos - sent.start_char]
    return (before.count("\"") % 2 == 1) or before.count("“") > before.count("”")


def _clause_head(t: Token) -> Token | None:
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX") and t.dep_ in _CLAUSE_DEPS:
            return t
        if t.head is t:
            return t if t.pos_ in ("VERB", "AUX") else None
        t = t.head
    return None


def _clause_range(head: Token, inside: Token) -> tuple[int, int]:
    """The head's subtree without dependent clauses that do not hold the quantity."""
    drop = [
        c for c in head.children
        if c.dep_ in _DROP_DEPS and not (c.left_edge.i <= inside.i <= c.right_edge.i)
        and c.i > head.i
    ]
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    for c in drop:
        hi = min(hi, c.left_edge.i)
    # a comma or conjunction left dangling before a dropped clause is trimmed by tokens_span
    return lo, max(hi, head.i + 1)

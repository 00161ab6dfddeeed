"""Is what a cue introduces a proposition? The last check before an attribution becomes a claim.

A claim says something is so: its content has a verb ("that the talks failed", "to hold the
contest") or is a quoted sentence. A cue's object can also be a noun phrase that names what is
said or judged ("denied [the report about his health]", "called for [a ban on assault
weapons]"), but never a word that only points at something ("it", "that", "Saturday",
"2014"), a bare name ("criticized [Bush]") or a bare noun ("announced [plans]",
"the [proposals]"): those name a target, not a proposition. A quotation in title case without a
verb ("The Steve Harvey Morning Show") is a title, not words someone said.

Limits: it reads the parse of the content only, so a content cut in the wrong place by the
extractor is judged as cut.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from .cues import CLAUSE_VERBS, QUOTE_VERBS, lexicon
from .parsed import doc_text

__all__ = ["is_proposition", "is_title"]

#: Verbs of saying proper ("said", "confirmed"), not "go" or "read" that only open quotations.
SAYING_VERBS = CLAUSE_VERBS & QUOTE_VERBS
_POINTING = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
)
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT"})
_QUOTES = "\"“”„‟«»‘’'"
#: Words a title keeps in lower case ("The Lord of the Rings", "Fire and Fury").
_TITLE_LOWER = lexicon("a an the of and or in on at to for from by with as vs nor but")


def _words(doc: Doc, spans: Sequence[Sequence[int]]) -> list[Token]:
    out: list[Token] = []
    for s, e in spans:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            out.extend(t for t in span if not (t.is_punct or t.is_space or t.text in _QUOTES))
    return out


def _has_verb(words: Sequence[Token]) -> bool:
    return any(t.pos_ in ("VERB", "AUX") for t in words)


def _reporting_clause(words: Sequence[Token]) -> bool:
    """"[Cooley said]", "[the publicist confirmed]": a misparse handed a cue its own reporting
    clause as content; a verb of saying with its subject and nothing it says."""
    inside = {t.i for t in words}
    roots = [t for t in words if t.head.i not in inside or t.head.i == t.i]
    if len(roots) != 1 or len(words) > 6:
        return False
    root = roots[0]
    return (
        root.lemma_.lower() in SAYING_VERBS
        and any(c.dep_ == "nsubj" for c in root.children)
        and not any(c.dep_ in ("ccomp", "dobj", "xcomp", "prep") for c in root.children)
    )


def is_title(text: str) -> bool:
    """A quotation that reads as a title or a name: every word capitalised, none a verb form
    the casing would betray (checked by the caller), no sentence punctuation inside.

    >>> is_title("The Steve Harvey Morning Show")
    True
    >>> is_title("Better Idea of Afghan Girls")
    True
    >>> is_title("We will win")
    False
    """
    inner = text.strip(_QUOTES + " ,.")
    words = inner.split()
    if not words or any(ch in inner for ch in ".!?;:"):
        return False
    caps = [w for w in words if w.casefold() not in _TITLE_LOWER]
    return bool(caps) and words[0][:1].isupper() and all(w[:1].isupper() or w[:1].isdigit()
                                                         for w in caps)


def is_proposition(
    doc: Doc, content: Sequence[Sequence[int]], *, quoted: bool, judged: bool = True
) -> bool:
    """True when ``content`` states something: a clause, a quoted sentence or a full phrase.

    Args:
        doc: the parse the spans point into.
        content: the content spans of one attribution.
        quoted: whether the content is (partly) a quotation.
        judged: whether the sentence names who holds the content. A noun phrase states
            something only as someone's judgement of it: "[to confirm] justices", "[opposing]
            the program" with no one named are acts, not claims.
    """
    words = _words(doc, content)
    if not words:
        return False
    if _has_verb(words):
        return not _reporting_clause(words)
    if quoted:
        text = " ".join(doc_text(doc)[s:e] for s, e in content)
        return not is_title(text)
    if not judged and len(content) == 1:
        return False
    if all(t.pos_ == "PRON" or t.tag_ in ("WDT", "WP", "DT") for t in words):
        return False  # "it", "that", "them all"
    if all(t.ent_type_ in _POINTING or t.like_num or t.pos_ in ("DET", "ADP") for t in words):
        return False  # "Saturday", "2014"
    if all(t.ent_type_ in _NAME_LABELS or t.pos_ in ("PROPN", "DET", "PART") for t in words):
        return False  # "Bush", "the USS Cole": a target, not a proposition
    return len(words) >= 3  # "plans", "the remark", "no proof": no more than a bare noun

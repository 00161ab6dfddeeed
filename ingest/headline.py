"""A claim's headline: a short phrase read off the dependency parse (subject, verb, object).

Lists and the graph page need a label a person can read at a glance: "Russia must
de-escalate", "Moscow has amassed more than 100,000 troops near Ukraine". Keywords picked from
the text ("parallel United", "two sides believed") do not read as a claim, so the phrase is
built from the parse of the claim's own content, where it is available (ingest parses each
article once):

1. the predicate is the first verb of the content whose head lies outside it (the clause the
   cue governs, "Russia must de-escalate" under "said");
2. its subject, auxiliaries and negation, particle, object or complement and clausal
   complements are kept; adverbs, relative clauses, appositions and other conjuncts go;
3. the richest reading that fits :data:`MAX_CHARS` wins: full noun phrases and one
   prepositional phrase first, then noun phrases cut to their head and modifiers, then heads;
4. a content without a verb ("fears of a possible Russian invasion") is read as a noun phrase.

Articles are dropped (headline style); negations are always kept, and a denial says who
denies ("Russia denies it plans to invade"), so no label reads as the opposite claim. What it
does not do: resolve pronouns ("it should de-escalate" stays so), or paraphrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .cues import CLAUSE_VERBS, lexicon
from .parsed import noun_chunks_in
from .propositions import content_tokens
from .records import Span

__all__ = [
    "headline",
    "denial_verb",
    "choose_headline",
    "key_phrases",
    "MAX_CHARS",
    "TOPIC_ENTITIES",
]

#: Longest phrase returned; longer readings are cut at a word boundary and end with "…".
MAX_CHARS = 60

_SUBJECTS = frozenset(["nsubj", "nsubjpass", "expl", "csubj", "csubjpass"])
_VERB_PARTS = frozenset(["aux", "auxpass", "neg", "prt"])
_OBJECTS = frozenset(["dobj", "attr", "acomp", "oprd", "dative", "agent"])
_CLAUSES = frozenset(["xcomp", "ccomp"])
_HEAD_MODIFIERS = frozenset(["compound", "nummod", "quantmod", "neg", "flat", "nmod"])
_NP_MODIFIERS = _HEAD_MODIFIERS | {"amod", "poss", "case", "det", "predet", "advmod"}
_NP_DROPPED = frozenset(["relcl", "acl", "appos", "advcl", "parataxis", "punct", "cc", "conj"])
_ARTICLES = frozenset(["a", "an", "the"])
_COUNT_NOUNS = frozenset(
    ["dozens", "hundreds", "thousands", "millions", "billions", "tens", "scores"]
)
_KEPT_ADVERBS = frozenset(
    ["not", "never", "back", "away", "out", "up", "down", "off", "forward", "ahead", "no"]
)
_DOUBLE_QUOTES = frozenset('"“”„‟«»`')
_LEADING_JUNK = frozenset(["mark", "cc", "punct", "preconj"])


@dataclass(frozen=True)
class _Detail:
    """How much of a clause to keep: noun phrase detail (2 full, 1 modifiers, 0 head)."""

    subject: int
    obj: int
    prep: bool


_READINGS = (
    _Detail(2, 2, True),
    _Detail(1, 2, True),
    _Detail(1, 1, True),
    _Detail(0, 1, True),
    _Detail(0, 0, True),
    _Detail(1, 1, False),
    _Detail(0, 0, False),
)


def headline(
    doc: Doc,
    content: Sequence[Span],
    *,
    denial: str | None = None,
    speaker: str | None = None,
    max_chars: int = MAX_CHARS,
) -> str | None:
    """The short phrase of the claim in ``content`` (character spans of ``doc``), or ``None``.

    Args:
        doc: the article's parse; ``content`` offsets index ``doc.text``.
        content: the claim's content spans.
        denial: the verb of a cue that denies the content ("denies", "rejects", see
            :func:`denial_verb`); the phrase starts with it.
        speaker: who denies, put before the denial verb when given.
        max_chars: the longest phrase returned.

    Returns ``None`` when the content holds no word.
    """
    tokens = content_tokens(doc, content)
    inside = {t.i for t in tokens}
    if not tokens:
        return None
    prefix = ""
    if denial:
        prefix = f"{speaker} {denial} " if speaker and len(speaker) <= 30 else f"{denial} "
    room = max_chars - len(prefix)
    predicate = _predicate(tokens, inside)
    text = ""
    for detail in _READINGS:
        if predicate is not None:
            picked = _clause(predicate, inside, detail)
        else:
            picked = _noun_phrase(_first_root(tokens, inside), inside, detail.obj, detail.prep)
        text = _render(doc, picked, inside)
        if len(text) <= room:
            break
    if len(text.split()) < 2:  # a parse too broken to read: the content's own words
        text = _render(doc, inside, inside) or text
    if not text:
        return None
    return prefix + _cut(text, room)


_DENIALS = (
    ("den", "denies"),
    ("reject", "rejects"),
    ("dismiss", "dismisses"),
    ("refut", "refutes"),
)
_DENIAL_CUE = re.compile(r"(?i)^(?:\w+\s+){0,2}?(den(?:y|ies|ied|ying)|reject|dismiss|refut)")


def denial_verb(cue: str) -> str | None:
    """The verb a label says for a cue that denies its content, or ``None``.

    >>> denial_verb("has denied"), denial_verb("rejected"), denial_verb("said")
    ('denies', 'rejects', None)
    """
    m = _DENIAL_CUE.match(" ".join(cue.split()))
    if m is None:
        return None
    stem = m.group(1).casefold()
    return next(verb for prefix, verb in _DENIALS if stem.startswith(prefix))


_PRONOUNS = lexicon("i we you he she it they this that these those there")


def choose_headline(first: str | None, others: Iterable[str | None] = ()) -> str | None:
    """The label of a claim reported in several wordings: the representative's headline,
    unless it starts with a pronoun and another wording names its subject.

    >>> choose_headline("it should de-escalate", ["Russia must de-escalate", None])
    'Russia must de-escalate'
    >>> choose_headline("Russia must de-escalate", ["it should de-escalate"])
    'Russia must de-escalate'
    """
    if first and first.split()[0].casefold() not in _PRONOUNS:
        return first
    named = [p for p in others if p and p.split()[0].casefold() not in _PRONOUNS]
    if named:
        return max(set(named), key=lambda p: (named.count(p), -len(p), p))
    return first or next((p for p in others if p), None)


def _is_root(t: Token, inside: set[int]) -> bool:
    return t.head.i == t.i or t.head.i not in inside


def _predicate(tokens: list[Token], inside: set[int]) -> Token | None:
    """The first verb heading the content (its head is outside the content, or itself).

    A reporting frame the content carries ("He underscored that we remain committed …")
    gives way to the clause it reports.
    """
    for t in tokens:
        if _is_root(t, inside) and t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass"):
            while t.lemma_.casefold() in CLAUSE_VERBS and not _has(t, inside, _OBJECTS):
                reported = [c for c in t.children if c.i in inside and c.dep_ == "ccomp"]
                if not reported or not _has(reported[0], inside, _SUBJECTS):
                    break
                t = reported[0]
            return t
    return None


def _has(t: Token, inside: set[int], deps: frozenset[str]) -> bool:
    return any(c.i in inside and c.dep_ in deps for c in t.children)


def _first_root(tokens: list[Token], inside: set[int]) -> Token:
    roots = [t for t in tokens if _is_root(t, inside) and not t.is_punct]
    nominal = [t for t in roots if t.pos_ in ("NOUN", "PROPN", "NUM", "PRON", "ADJ")]
    return (nominal or roots or tokens)[0]


def _clause(verb: Token, inside: set[int], detail: _Detail) -> set[int]:
    """Token ids of a clause: subject, verb group, object or complement, clausal complements.

    The children of the verb's auxiliaries count as the verb's ("it" under "should" in a
    parse of "it should de-escalate").
    """
    keep = {verb.i}
    prep_taken = False
    auxiliaries = [c for c in verb.children if c.i in inside and c.dep_ in ("aux", "auxpass")]
    children = [c for h in (verb, *auxiliaries) for c in h.children if c.i != verb.i]
    for c in sorted(children, key=lambda t: t.i):
        if c.i not in inside:
            continue
        dep = c.dep_
        if dep in _SUBJECTS:
            keep |= _noun_phrase(c, inside, detail.subject, detail.subject == 2)
        elif dep in _VERB_PARTS or (dep == "advmod" and c.lower_ in _KEPT_ADVERBS):
            keep.add(c.i)
        elif dep in _OBJECTS:
            keep |= _noun_phrase(c, inside, detail.obj, detail.prep)
        elif dep in _CLAUSES:
            if c.pos_ in ("VERB", "AUX"):
                keep |= _clause(c, inside, detail)
            else:
                keep |= _noun_phrase(c, inside, detail.obj, detail.prep)
        elif dep == "prep" and detail.prep and not prep_taken and c.i > verb.i:
            pobj = _prep_object(c, inside, detail.obj)
            if pobj:
                keep |= {c.i} | pobj
                prep_taken = True
    return keep


def _prep_object(prep: Token, inside: set[int], level: int) -> set[int]:
    out: set[int] = set()
    for c in prep.children:
        if c.i in inside and c.dep_ in ("pobj", "pcomp"):
            if c.pos_ in ("VERB", "AUX"):
                out |= _clause(c, inside, _Detail(level, level, False))
            else:
                out |= _noun_phrase(c, inside, level, False)
    return out


def _complement_clause(t: Token) -> bool:
    """A clause completing a noun or adjective: "need to see …", "fears that Russia …"."""
    if t.pos_ not in ("VERB", "AUX"):
        return False
    if t.dep_ == "xcomp":
        return True
    return t.dep_ in ("acl", "ccomp") and any(
        c.dep_ in ("aux", "mark") and c.lower_ in ("to", "that") for c in t.children
    )


def _noun_phrase(head: Token, inside: set[int], level: int, prep: bool) -> set[int]:
    """Token ids of the phrase headed by ``head`` at a level of detail.

    2: the subtree without relative clauses, appositions and prepositional phrases other than
    "of" (unless ``prep``); 1: the head with its modifiers, an "of" phrase and a complement
    clause; 0: the head with its compounds and numbers.
    """
    keep = {head.i}
    for c in head.children:
        if c.i not in inside:
            continue
        dep = c.dep_
        if _complement_clause(c):
            if level >= 1:
                keep |= _clause(c, inside, _Detail(level, level, False))
        elif dep in _NP_DROPPED:
            continue
        elif level == 2:
            if dep == "prep" and not prep and c.lower_ != "of":
                continue
            keep |= _subtree(c, inside)
        elif dep in ("conj", "cc"):
            continue
        elif level == 1 and dep in _NP_MODIFIERS:
            keep |= _noun_phrase(c, inside, 1, False)
        elif level == 1 and dep == "prep" and (c.lower_ == "of" or prep):
            keep |= {c.i} | _prep_object(c, inside, 1)
        elif level == 0 and dep == "prep" and c.lower_ == "of" and _counts(head):
            keep |= {c.i} | _prep_object(c, inside, 0)  # "tens of thousands of troops"
    if level == 0:
        keep |= _close_modifiers(head, inside)
    return keep


def _counts(t: Token) -> bool:
    """A number or a noun counting something ("tens", "thousands", "100,000")."""
    return (
        t.tag_ == "CD"
        or t.lower_ in _COUNT_NOUNS
        or any(c.dep_ in ("nummod", "quantmod") for c in t.children)
    )


def _close_modifiers(head: Token, inside: set[int]) -> set[int]:
    """The modifiers right before a head, without a gap: "100,000 troops", "Sergey Lavrov".

    Of a chain of name parts only the nearest is kept ("Sergey Lavrov", not "Russian Foreign
    Minister Sergey Lavrov").
    """
    keep: set[int] = set()
    left = head.i
    names = 0
    for c in sorted(head.lefts, key=lambda t: -t.i):
        if c.i not in inside or c.dep_ not in _HEAD_MODIFIERS:
            break
        part = _noun_phrase(c, inside, 0, False) if c.dep_ != "compound" else {c.i}
        if max(part) != left - 1:
            break
        names += c.dep_ == "compound"
        if names > 1:
            break
        keep |= part
        left = min(part)
    return keep


def _subtree(t: Token, inside: set[int]) -> set[int]:
    """``t``'s subtree inside the content, without relative clauses and appositions."""
    out: set[int] = set()
    stack = [t]
    while stack:
        node = stack.pop()
        if node.i not in inside:
            continue
        out.add(node.i)
        stack.extend(c for c in node.children if c.dep_ not in ("relcl", "appos", "parataxis"))
    return out


def _glue(doc: Doc, ids: set[int], inside: set[int]) -> set[int]:
    """Add the pieces of a word spaCy split ("de", "-", "escalate"; "Russia", "'s"), and a
    comma or hyphen between two kept words ("swift, severe")."""
    out = set(ids)
    for i in sorted(ids):
        j = i
        while j - 1 in inside and not doc[j - 1].whitespace_ and _joins(doc[j - 1]):
            j -= 1
            out.add(j)
        j = i
        while j + 1 in inside and not doc[j].whitespace_ and _joins(doc[j + 1]):
            j += 1
            out.add(j)
    for i in list(out):
        if i + 2 in out and i + 1 in inside and doc[i + 1].text in (",", "-", "–"):
            out.add(i + 1)
    return out


def _joins(t: Token) -> bool:
    return not t.is_punct or t.text in ("-", "–", "/")


def _word(t: Token) -> str:
    return "".join(" " if ch in _DOUBLE_QUOTES else ch for ch in t.text).strip()


def _render(doc: Doc, ids: Iterable[int], inside: set[int]) -> str:
    """The kept tokens in text order, with the article's own spacing inside runs."""
    picked = sorted(_glue(doc, set(ids), inside))
    words = [
        doc[i]
        for i in picked
        if not (doc[i].lower_ in _ARTICLES and doc[i].dep_ == "det")
        and _word(doc[i])
        and doc[i].text not in ("(", ")", "[", "]")
    ]
    while words and (words[0].dep_ in _LEADING_JUNK or words[0].lower_ in ("to", "that")):
        words = words[1:]
    while words and words[-1].is_punct:
        words = words[:-1]
    out = []
    for k, t in enumerate(words):
        out.append(_word(t))
        if k + 1 < len(words):
            out.append(t.whitespace_ or "" if words[k + 1].i == t.i + 1 else " ")
    text = " ".join("".join(out).split())
    return text.replace(" ,", ",").replace(",,", ",")


def _cut(text: str, room: int) -> str:
    """``text`` within ``room`` characters, cut at a word boundary with an ellipsis."""
    if len(text) <= room:
        return text
    head = text[: room - 1]
    if " " in head:
        head = head[: head.rindex(" ")]
    return head.rstrip(" ,;:") + "…"


#: Entity labels that name what a claim is about (not numbers, dates or amounts).
TOPIC_ENTITIES = frozenset(["PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW"])
_PHRASE_DROP = frozenset(["DET", "PRON", "PUNCT", "CCONJ", "PART", "SYM"])


def key_phrases(doc: Doc, content: Sequence[Span], *, max_words: int = 4) -> list[str]:
    """Named entities and noun phrases of two or more words inside ``content``, in text order.

    These are the candidates for a claim's topics ("NATO", "open door policy", "military
    exercises"); a single common noun ("crisis", "talks") or a phrase with a number or a date
    in it is no key phrase. Determiners and possessive pronouns are left out.
    """
    tokens = content_tokens(doc, content)
    inside = {t.i for t in tokens}
    if not tokens:
        return []
    lo, hi = min(inside), max(inside) + 1
    window = doc[lo:hi]
    found: list[tuple[int, str]] = []
    for ent in window.ents:
        if ent.label_ not in TOPIC_ENTITIES or ent.root.pos_ not in ("NOUN", "PROPN"):
            continue  # "Russian", "Western": an adjective is no topic
        words = [t for t in ent if _phrase_word(t)]
        if words and all(t.i in inside for t in ent):
            found.append((words[0].i, _plain(words)))
    for chunk in noun_chunks_in(doc, lo, hi):
        if not all(t.i in inside for t in chunk) or chunk.root.pos_ not in ("NOUN", "PROPN"):
            continue
        if any(t.ent_type_ and t.ent_type_ not in TOPIC_ENTITIES for t in chunk):
            continue  # "last week", "100,000 troops"
        if chunk.end < len(doc) and not chunk[-1].whitespace_ and not doc[chunk.end].is_punct:
            continue  # the parse cut a word: "meaningful de" of "de-escalation"
        if chunk.end < len(doc) and doc[chunk.end].text in ("-", "–"):
            continue
        poss = {d.i for t in chunk if t.dep_ == "poss" for d in t.subtree}
        words = [t for t in chunk if _phrase_word(t) and not t.is_stop and t.i not in poss]
        if words and words[0].tag_ in ("JJS", "JJR"):
            continue  # "best way", "more details"
        if len(words) >= 2 and not any(t.like_num for t in words):
            found.append((words[0].i, _plain(words)))
    out: list[str] = []
    for _, phrase in sorted(found):
        n = len(phrase.replace("-", " ").split())
        if phrase and phrase not in out and n <= max_words:
            out.append(phrase)
    return out


def _phrase_word(t: Token) -> bool:
    return t.pos_ not in _PHRASE_DROP or (t.text in ("-", "–") and t.i > 0)


def _plain(words: list[Token]) -> str:
    """Words of a key phrase with the article's spacing, without quote marks."""
    out = []
    for k, t in enumerate(words):
        out.append(_word(t))
        if k + 1 < len(words):
            out.append(t.whitespace_ if words[k + 1].i == t.i + 1 else " ")
    return " ".join("".join(out).split())

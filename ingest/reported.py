"""Reported speech from the dependency parse: cue verbs, cue nouns and "according to".

A cue verb's claim is found where English grammar puts it: its clausal complement
(``said [that the talks failed]``), its infinitive (``agreed [to keep working]``), its object
for verbs of judging and urging (``urged [supporters to vote]``), the object of a phrasal
preposition (``called for [a ban]``), or the main clause it interrupts
(``[The talks failed], a source said``). Its speaker is the subject (or the passive agent, or
the subject of the clause a participle hangs on: ``…, saying …``). Content keeps its ``that``
(the PolNeAR convention). This module does not look at quote marks; :mod:`.quotes` does.

Limits: it trusts the parse, so a misattached clause gives a wrong span; verbs outside the
lexicon in :mod:`.cues` are not cues.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from .attribution import Attribution
from .cues import (
    ADDRESSEE_VERBS,
    CLAUSE_VERBS,
    CUE_ADVERBS,
    CUE_VERBS,
    DOCUMENT_NOUNS,
    INFINITIVE_VERBS,
    INTENTION_VERBS,
    LIGHT_VERBS,
    MEDIUM_NOUNS,
    MESSAGE_NOUNS,
    MESSAGE_VERBS,
    NOUN_CUES,
    OBJECT_VERBS,
    PREP_CUES,
    QUOTE_VERBS,
    RAISING_PASSIVES,
    RAISING_VERBS,
    STANCE_ADJECTIVES,
    STANCE_NOUNS,
    lexicon,
)
from .spans import tokens_span
from .voice import impersonal_passive, no_one_reported, the_reader

__all__ = ["reported_speech", "according_to", "noun_cues", "stance_phrases"]

_SUBJ = ("nsubj", "csubj")
_CONTENT_DEPS = ("ccomp",)
_OBJECTS = ("dobj", "ccomp", "attr", "acomp", "oprd", "dative")
_CLAUSE_HEADS = ("ROOT", "ccomp", "conj", "relcl", "advcl")
_OBJ_TAIL = ("xcomp", "oprd", "ccomp", "dative")
_TIME_WORDS = lexicon(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight "
    "earlier later recently"
)
#: Prepositions after an object that make it a judgement: "blamed Obama [for] …",
#: "described the deal [as] …", "likened the rules [to] …".
_JUDGING_PREPS = frozenset({"as", "for", "of", "over"})


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def _subtree_range(t: Token) -> tuple[int, int]:
    return t.left_edge.i, t.right_edge.i + 1


def _speaker_of(verb: Token) -> Token | None:
    """The subject of a cue verb, climbing through conjunctions and participles."""
    seen = 0
    t = verb
    while seen < 4:
        seen += 1
        for c in t.children:
            if c.dep_ in _SUBJ:
                return c
        for c in t.children:
            if c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
        if any(c.dep_ in ("nsubjpass", "csubjpass") for c in t.children):
            return None
        if t.dep_ in ("conj", "advcl", "xcomp", "acl", "pcomp", "acomp") and t.head is not t:
            if t.dep_ == "acl" and t.head.pos_ in ("NOUN", "PROPN", "PRON"):
                noun = t.head
                if t.tag_ != "VBG" or t.i < noun.i or noun.dep_ == "pobj":
                    return None
                if not (noun.dep_ == "dobj" and _lemma(noun) in DOCUMENT_NOUNS):
                    return noun  # "one saying …", "a Trump tweet attacking …"
                t = noun  # "[they] issued a statement calling …": whoever issued it
            elif t.dep_ == "acomp" and any(
                c.dep_ in _SUBJ and c.lower_ == "it" for c in t.head.children
            ):
                return None  # "it is worth noting": no one
            t = t.head
            if t.dep_ == "prep" and t.head is not t:  # "responded by saying"
                t = t.head
            continue
        if t.dep_ == "relcl":
            return None
        return None
    return None


def _speaker_span(
    doc: Doc, subj: Token, cue_i: int, para: tuple[int, int] | None = None
) -> tuple[int, int]:
    """The speaker as written: the subject's subtree with its appositives and relative clauses.

    A participle clause is not part of the name ("Trump, appearing after Clinton, said").
    """
    lo, hi = _subtree_range(subj)
    for c in subj.rights:
        if c.dep_ == "acl" and c.i > subj.i and c.tag_ == "VBG":
            cut = c.left_edge.i
            if cut > subj.i and doc[cut - 1].text == ",":
                cut -= 1
            hi = min(hi, cut)
            break
    if lo < cue_i < hi:
        hi = cue_i
    if para is not None:
        lo, hi = max(lo, para[0]), min(hi, para[1])
    return tokens_span(doc, lo, hi)


def _in_cue(verb: Token, c: Token) -> bool:
    """Auxiliaries, negation, particles, "also"-type adverbs and a hugging time word."""
    if c.dep_ in ("aux", "auxpass", "neg"):
        return c.i < verb.i
    if c.dep_ == "prt":
        return True
    if c.dep_ == "advmod":
        return c.i < verb.i and (c.lower_ in CUE_ADVERBS or c.lower_.endswith("ly"))
    if c.dep_ == "npadvmod":
        return c.i == verb.i + 1 and c.lower_ in _TIME_WORDS
    return False


def _governing_verb(verb: Token, toks: list[Token]) -> list[Token]:
    """``appeared to suggest``, ``went on to discuss``: the verb the cue depends on, when
    only "to", particles and adverbs separate them."""
    head = verb.head
    if verb.dep_ not in ("xcomp", "advcl") or head.i >= verb.i or head.pos_ not in ("VERB", "AUX"):
        return []
    if _lemma(head) in INTENTION_VERBS:
        return []  # "plans to call on": an intention of its own, its infinitive the content
    if verb.dep_ == "advcl" and not any(
        c.lower_ == "to" and c.dep_ == "aux" for c in verb.children
    ):
        return []  # only a purpose infinitive: "went on to discuss"
    start = min(t.i for t in toks)
    between = verb.doc[head.i + 1 : start]
    if any(t.dep_ not in ("prt", "advmod", "neg", "aux") for t in between) or len(between) > 3:
        return []
    return [head, *between, *(c for c in head.children if _in_cue(head, c))]


def _medium_phrase(verb: Token, toks: list[Token]) -> list[Token]:
    """``said [in an interview]``, ``wrote [in an email]``: the medium is part of the cue."""
    nxt = max(t.i for t in toks) + 1
    for c in verb.children:
        if c.dep_ == "prep" and c.i == nxt and c.lower_ in ("in", "during", "on", "via"):
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs and objs[0].lemma_.lower() in MEDIUM_NOUNS:
                return list(c.subtree)
    return []


def _cue_tokens(verb: Token, prep: Token | None = None) -> list[Token]:
    """The verb with its auxiliaries, negation, particle and hugging adverbs/time words."""
    toks = [verb] + [c for c in verb.children if _in_cue(verb, c)]
    toks += _medium_phrase(verb, toks)
    toks += _governing_verb(verb, toks)
    if prep is not None:
        toks.append(prep)
        # "seemed [to] think": the infinitive marker and adverbs between verb and its partner
        toks += [c for c in prep.children if c.i < prep.i and c.i > verb.i and c.dep_ in (
            "aux", "neg", "advmod")]
        # "asked Clinton about": the addressee between the verb and its preposition
        objs = [c for c in verb.children if c.dep_ in ("dobj", "dative") and verb.i < c.i < prep.i]
        if objs and _lemma(verb) in ADDRESSEE_VERBS and objs[0].right_edge.i + 1 == prep.i:
            toks += list(objs[0].subtree)
    # only keep a contiguous run ending at the verb (an aux far away is not part of the cue)
    doc = verb.doc
    idx = sorted(t.i for t in toks)
    run = [verb.i]
    for i in reversed([i for i in idx if i < verb.i]):
        if all(doc[j].i in idx for j in range(i, run[0])):
            run.insert(0, i)
        else:
            break
    after = [i for i in idx if i > verb.i]
    return [doc[i] for i in run] + [doc[i] for i in after]


def _cue_spans(doc: Doc, toks: list[Token]) -> list[list[int]]:
    spans: list[list[int]] = []
    for t in sorted(toks, key=lambda t: t.i):
        s, e = t.idx, t.idx + len(t.text)
        if spans and s - spans[-1][1] <= 1:
            spans[-1][1] = e
        else:
            spans.append([s, e])
    return spans


def _content_range(verb: Token) -> tuple[tuple[int, int], Token | None] | None:
    """Token range of what a cue verb reports, and the preposition that belongs to the cue."""
    lemma = _lemma(verb)
    children = list(verb.children)
    ccomps = [c for c in children if c.dep_ in _CONTENT_DEPS]
    if lemma in CLAUSE_VERBS and ccomps and (
        any(c.i > verb.i for c in ccomps) or not _complement_after(verb)
    ):
        # all clausal complements on one side of the verb ("A, but B, the source added"); a
        # clause before the verb is its content only when nothing follows the verb ("X, the
        # Academy has asked [her to do it twice]" reports the asking, not X)
        after = [c for c in ccomps if c.i > verb.i]
        side = after or ccomps
        lo = min(c.left_edge.i for c in side)
        dobj = [c for c in children if c.dep_ == "dobj" and c.right_edge.i + 1 == lo > verb.i]
        if dobj and not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in side[0].children):
            lo = dobj[0].left_edge.i  # "thinks [the outreach] [was phony]": a misparsed subject
        hi = max(c.right_edge.i for c in side) + 1
        for c in children:
            # "will be severe [should Russia invade]": a condition glued to the clause
            if after and c.dep_ == "advcl" and c.left_edge.i == hi:
                hi = c.right_edge.i + 1

            elif after and c.dep_ == "conj" and c.left_edge.i in (hi, hi + 1) and not any(
                g.dep_ == "cc" for g in children
            ):
                # a clause the parser hung on the cue without a coordinator: up to its comma
                stop = next((t.i for t in c.subtree if t.i > c.i and t.text == ","), None)
                hi = stop if stop is not None else c.right_edge.i + 1
        return (lo, hi), None
    if lemma in CLAUSE_VERBS and not ccomps and (clause := _misparsed_clause(verb)):
        return clause, None
    if lemma in CLAUSE_VERBS and not ccomps and (clause := _misattached_complement(verb)):
        return clause, None
    preps = PREP_CUES.get(lemma)
    if preps:
        for c in children:
            if c.dep_ in ("prep", "prt") and c.lower_ in preps and c.i > verb.i:
                if c.lower_ == "for" and lemma in OBJECT_VERBS and (
                    lemma not in ADDRESSEE_VERBS
                ) and any(g.dep_ == "dobj" and verb.i < g.i < c.i for g in children):
                    break  # "criticized [Obama for not acting]": the object is in the claim
                objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                if objs:
                    lo, hi = _subtree_range(objs[0])
                    for g in children:  # "called on [Mr Hockney to quit]": the infinitive too
                        if g.dep_ in ("xcomp", "advcl") and g.left_edge.i == hi and any(
                            a.dep_ == "aux" and a.lower_ == "to" for a in g.children
                        ):
                            hi = g.right_edge.i + 1
                    return (lo, hi), c
                if c.dep_ == "prt":
                    nxt = [g for g in children if g.dep_ in ("dobj", "ccomp") and g.i > c.i]
                    if nxt:
                        return _subtree_range(nxt[0]), c
        for c in children:
            # "called for [compensation to be clawed back]": the parser made "for" the mark
            # of a clause instead of a preposition
            if c.dep_ not in ("advcl", "ccomp") or c.i < verb.i:
                continue
            mark = next((g for g in c.children if g.dep_ == "mark" and g.lower_ in preps
                         and g.i == c.left_edge.i), None)
            before = verb.doc[c.left_edge.i - 1]
            if mark is None and before.head.i == verb.i and before.dep_ == "prep" and (
                before.lower_ in preps and not list(before.children)
            ):
                mark = before  # "for" left without an object, the clause beside it
            if mark is not None and mark.i > verb.i:
                return (mark.i + 1, c.right_edge.i + 1), mark
    if lemma in OBJECT_VERBS or lemma in ADDRESSEE_VERBS:
        dobj = [c for c in children if c.dep_ == "dobj" and c.i > verb.i]
        if dobj and lemma not in MESSAGE_VERBS | ADDRESSEE_VERBS and not _judging_frame(
            verb, dobj[0]
        ):
            dobj = []  # "attacked the boats", "found a way": an act, not a judgement
        if dobj and not (lemma in ADDRESSEE_VERBS and not _has_tail(verb, dobj[0])):
            lo, hi = _subtree_range(dobj[0])
            for c in children:
                if c.i > dobj[0].i and (c.dep_ in _OBJ_TAIL or (c.dep_ == "prep" and c.lower_ in (
                    "as", "of", "for", "to"))):
                    hi = max(hi, c.right_edge.i + 1)
            if lemma in ADDRESSEE_VERBS:
                # "told reporters [that …]": the addressee is not the claim
                tail = [c for c in children if c.i > dobj[0].i and c.dep_ in _OBJ_TAIL]
                if tail and tail[0].dep_ == "ccomp":
                    lo = tail[0].left_edge.i
            return (lo, hi), None
    if lemma in RAISING_VERBS:
        # "seemed to think that …" is the cue "seemed to think" (found from "think");
        # "seemed to capture the mood": the cue is "seemed to capture", the claim its object
        for c in children:
            if c.dep_ == "xcomp" and c.i > verb.i and any(
                g.dep_ == "aux" and g.lower_ == "to" for g in c.children
            ):
                if _is_cue_verb(c):
                    return None
                if _lemma(c) in ("be", "have"):
                    return _subtree_range(c), None  # "seems [to be …]"
                objs = [g for g in c.children if g.i > c.i and g.dep_ in _OBJECTS]
                if objs:
                    return (objs[0].left_edge.i, c.right_edge.i + 1), c
                return _subtree_range(c), None  # "seems [to have vanished]"
        return None
    if lemma in INFINITIVE_VERBS:
        for c in children:
            if c.dep_ == "xcomp" and c.i > verb.i and (any(
                g.dep_ == "aux" and g.lower_ == "to" for g in c.children
            ) or c.tag_ == "VBG" and lemma not in INTENTION_VERBS):
                return _subtree_range(c), None  # "agreed [to …]", "proposes [doing away …]"
    if ccomps and lemma in QUOTE_VERBS and (lemma in CLAUSE_VERBS or _quoted(ccomps[0])):
        # a verb that only opens quotations ("sang", "went") reports no unquoted clause
        return _subtree_range(ccomps[0]), None
    # "[The talks failed], a source said." with the cue attached to the main clause
    if verb.dep_ in ("parataxis", "advcl", "ccomp", "conj") and verb.head.i < verb.i and (
        lemma in CLAUSE_VERBS and lemma in QUOTE_VERBS
    ) and not any(c.dep_ in ("dobj",) for c in children):
        head = verb.head
        lo = head.left_edge.i
        hi = verb.left_edge.i
        # only a reporting clause set off by a comma or dash, in the active voice ("…, a
        # source said"); "confirmed she [was admitted]" is a complement, not a report of it
        if hi > lo and _SET_OFF & {verb.doc[hi - 1].text, verb.doc[hi].text} and not any(
            c.dep_ == "auxpass" for c in children
        ):
            return (lo, hi), None
    return None


_SET_OFF = frozenset({",", "—", "–", "--", "-"})


def _closing_report(
    doc: Doc, verb: Token, subj: Token, para: tuple[int, int]
) -> tuple[tuple[int, int], None] | None:
    """``[The department has made changes …], the agency announced Tuesday.``: a verb of saying
    with its subject closes the line after a comma and says nothing else, but the parser hung
    the clause before it elsewhere (often on a headline line it ran into). The clause from the
    line's start to the comma is what it reports."""
    if not (_lemma(verb) in CLAUSE_VERBS and _lemma(verb) in QUOTE_VERBS) or subj.i > verb.i:
        return None
    if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children):
        return None
    comma = subj.left_edge.i - 1
    if comma <= para[0] or doc[comma].text != ",":
        return None
    rest = [tok for tok in doc[verb.i + 1 : para[1]] if not (tok.is_punct or tok.is_space)]
    if rest and not all(_in_cue(verb, tok) or tok.head is verb and tok.dep_ == "npadvmod"
                        for tok in rest):
        return None
    start = max(para[0], verb.sent.start if verb.sent.start < comma else para[0])
    start = para[0] if doc[start:comma].text.count("\n") else start
    if not any(tok.tag_ in _FINITE + ("MD",) for tok in doc[start:comma]):
        return None  # "In a statement, the company said.": no clause to report
    return (start, comma), None


def _with_reason(verb: Token, lo: int, hi: int) -> int:
    """``said [the claim smacked of hypocrisy, because …]``, ``threatened [to make him
    testify, should he fail …]``: a reason or condition the parser hung on the cue after the
    content it follows goes with that content."""
    if lo <= verb.i:
        return hi
    for c in verb.children:
        if c.dep_ == "advcl" and c.left_edge.i == hi + 1 and verb.doc[hi].text == "," and (
            _reason_or_condition(c)
        ):
            return c.right_edge.i + 1
    return hi


def _reason_or_condition(clause: Token) -> bool:
    """An adverbial clause opened by "because", "so", "since" or an inverted condition
    ("should he fail"): it argues for the reported clause rather than setting the scene."""
    first = clause.left_edge
    return first.lower_ in ("because", "so", "since") or (
        first.lower_ in ("should", "had", "were") and first.dep_ in ("aux", "auxpass")
    )


def _complement_after(verb: Token) -> bool:
    return any(c.i > verb.i and c.dep_ in ("dobj", "dative", "xcomp") for c in verb.children)


def _quoted(clause: Token) -> bool:
    """True when a quote mark or a colon opens the clause (it is a quotation)."""
    first = clause.left_edge
    before = clause.doc[first.i - 1] if first.i > 0 else None
    return first.text in _QUOTE_CHARS or (before is not None and before.text in (
        _QUOTE_CHARS | {":"}))


def _misparsed_clause(verb: Token) -> tuple[int, int] | None:
    """``denied [global warming] [is taking place]``: a clause whose subject the parser made
    the cue's object and whose verb it hung elsewhere; the content runs from that object to the
    end of the clause. Only a verb with an auxiliary and no subject of its own counts."""
    dobj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if dobj is None:
        return None
    for v in verb.subtree:
        if v.i <= dobj.i or v.dep_ not in ("advcl", "ccomp", "relcl") or v.pos_ not in (
            "VERB", "AUX"
        ):
            continue
        kids = list(v.children)
        finite = any(c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" and c.i < v.i for c in kids)
        if finite and not any(
            c.dep_ in ("nsubj", "nsubjpass", "expl", "mark") for c in kids
        ) and v.left_edge.i > dobj.i:
            return dobj.left_edge.i, v.right_edge.i + 1
    return None


_ADVERBIAL_MARKS = frozenset(
    {"because", "if", "although", "though", "while", "when", "unless", "since", "as", "after",
     "before", "until", "once", "so", "whereas", "than", "lest"}
)


def _misattached_complement(verb: Token) -> tuple[int, int] | None:
    """``said after the convention [he would not accept …]``, ``told leaders [that few people
    understood …]``: a finite clause with its own subject that the parser hung on the verb as an
    adverbial, or on the addressee as a relative clause although "that" only marks it.

    An adverbial clause opened by "because", "if", "when" and the like stays an adverbial.
    """
    for c in verb.children:
        if c.i < verb.i or c.pos_ not in ("VERB", "AUX"):
            continue
        if c.dep_ == "advcl" and _finite_clause(c) and not any(
            g.dep_ == "mark" and g.lower_ in _ADVERBIAL_MARKS for g in c.children
        ) and not (c.left_edge.tag_ == "WRB" and c.left_edge.lower_ in ("when", "where")
                   and not _negated(verb)):
            # "said when she resigned" is a time; "has not said when they would act" a question
            lo, hi = _subtree_range(c)
            subj = next(g for g in c.children if g.dep_ in ("nsubj", "nsubjpass", "expl"))
            if any(g.dep_ == "prep" and g.i < subj.i for g in c.children):
                lo = subj.left_edge.i  # "said [after the convention] he would …": the cue's
            return lo, hi
    if _lemma(verb) not in ADDRESSEE_VERBS:
        return None
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i):
        for t in obj.subtree:
            if t.dep_ in ("relcl", "acl") and _finite_clause(t) and any(
                g.dep_ == "mark" and g.lower_ == "that" and g.i == t.left_edge.i
                for g in t.children
            ):
                return _subtree_range(t)
    return None


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _finite_clause(v: Token) -> bool:
    """A verb with its own subject and a tense (or a modal)."""
    kids = list(v.children)
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in kids) and (
        v.tag_ in _FINITE or any(c.tag_ in _FINITE + ("MD",) for c in kids
                                 if c.dep_ in ("aux", "auxpass"))
    )


def _has_tail(verb: Token, dobj: Token) -> bool:
    return any(c.i > dobj.i and c.dep_ in _OBJ_TAIL for c in verb.children)


def _judging_frame(verb: Token, dobj: Token) -> bool:
    """True when a judging verb's object stands in a judgement, not in an act.

    "called [the deal a disaster]", "blamed [Obama for the delay]", "defended [his remarks]",
    'slammed [the "witch hunt"]' judge; "attacked [two boats]", "defended [the title]",
    "questioned [the student]", "offered [products]" do not.
    """
    if _lemma(dobj) in MESSAGE_NOUNS:
        return True
    tail = [c for c in verb.children if c.i > dobj.i and c.dep_ in _OBJ_TAIL]
    if tail and not (_lemma(verb) in CLAUSE_VERBS and tail[0].dep_ == "xcomp" and _lemma(
        tail[0]
    ) != "be"):
        return True  # "found [it] to be false", not "need to find [money] to pay"
    if any(c.dep_ == "prep" and c.i > dobj.i and c.lower_ in _JUDGING_PREPS
           for c in verb.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ in ("as", "for") for c in dobj.children):
        return True
    if _lemma(verb) in CLAUSE_VERBS and any(
        c.dep_ == "acl" and c.tag_ == "VBG" and c.i > dobj.i for c in dobj.children
    ):
        return True  # "shows Democrats outpacing Republicans": a small clause
    return any(t.text in _QUOTE_CHARS for t in dobj.subtree)


_QUOTE_CHARS = frozenset('"“”‘’«»')


def _is_cue_verb(t: Token) -> bool:
    if t.pos_ not in ("VERB", "AUX") and t.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB"):
        return False
    return _lemma(t) in CUE_VERBS


def _lead_in(t: Token) -> bool:
    """"[Talking about his win], he said: …", "[Asked about the plan], she said …": a participle
    before the cue it hangs on sets the scene for that cue's claim; it is no claim itself."""
    return (
        t.dep_ == "advcl"
        and t.i < t.head.i
        and t.tag_ in ("VBG", "VBN")
        and _is_cue_verb(t.head)
        and not any(c.dep_ in _CONTENT_DEPS for c in t.children)  # "Saying he would …, X"
    )


def _is_intention(verb: Token) -> bool:
    """``plans to hold``, ``wants to support``, ``decided to treat``: an infinitive of a verb of
    intending (not ``decided that …``, which reports a conclusion)."""
    lemma = _lemma(verb)
    return lemma in INTENTION_VERBS and not (
        lemma in CLAUSE_VERBS and any(c.dep_ in _CONTENT_DEPS for c in verb.children)
    )


def reported_speech(doc: Doc) -> list[Attribution]:
    """Every cue verb with its speaker and content; a bare cue (``he said``) has no content.

    Bare cues are kept (``content == []``) so :mod:`.quotes` can hand them a quotation.
    """
    return _without_governors(list(_cue_verbs(doc)))


def _without_governors(found: list[Attribution]) -> list[Attribution]:
    """``refused to disclose [the records]``: when a cue verb's cue took in the verb it depends
    on, that verb's own attribution (``refused [to disclose the records]``) is the same one read
    too wide; the inner cue, with its narrower content, is kept."""
    inner = [a for a in found if a.content and len(a.cue) == 1 and a.cue_head is not None]
    out = []
    for a in found:
        if a.content and a.cue and any(
            b is not a and b.cue[0][0] <= a.cue[0][0] and a.cue[-1][1] <= b.cue[0][1]
            and b.cue[0][1] > a.cue[-1][1] and all(
                any(cs <= s and e <= ce for cs, ce in a.content) for s, e in b.content)
            for b in inner
        ):
            continue
        out.append(a)
    return out


def _cue_verbs(doc: Doc) -> Iterator[Attribution]:
    paras = _paragraphs(doc)
    for t in doc:
        if not _is_cue_verb(t):
            continue
        if t.dep_ == "amod" or (t.tag_ == "VBN" and t.dep_ == "acl") or _lead_in(t):
            continue  # "the so-called deal", "the report released Friday"
        if no_one_reported(t):
            continue  # "now tell me …", "assuming that …": the writer's voice or no one's
        p_lo, p_hi = paras[t.i]
        if (raised := _raised(doc, t, (p_lo, p_hi))) is not None:
            yield raised
            continue
        found = _content_range(t)
        subj = _speaker_of(t)
        if subj is not None and the_reader(subj) and _lemma(t) not in QUOTE_VERBS:
            continue  # "as you know", "you think she must be": the writer talks to the reader
        speaker: list[list[int]] = []
        head = None
        if subj is not None:
            s = _speaker_span(doc, subj, t.i, (p_lo, p_hi))
            if s[1] > s[0]:
                speaker = [list(s)]
                head = subj.i
        prep = found[1] if found else None
        cue = _cue_spans(doc, _cue_tokens(t, prep))
        if found is None and subj is not None and (
            parts := _interrupted(doc, t, subj, _cue_tokens(t), (p_lo, p_hi))
        ):
            found = ((parts[0][0], parts[-1][1]), None)
        if found is None and subj is not None:
            found = _closing_report(doc, t, subj, (p_lo, p_hi))
        if found is None:
            if _lemma(t) in QUOTE_VERBS and (subj is not None or impersonal_passive(t)):
                yield Attribution(content=[], cue=cue, speaker=speaker, speaker_head=head,
                                  cue_head=t.i, kind="direct", confidence=0.3)
            continue
        (lo, hi), _ = found
        hi = _coordinated_cue(t, lo, _nonfinite_conjuncts(t, lo, _with_reason(t, lo, hi)))
        lo, hi = max(lo, p_lo), min(hi, p_hi)
        cue_toks = _cue_tokens(t, prep)
        parts = _interrupted(doc, t, subj, cue_toks, (p_lo, p_hi))
        if parts is None:
            # never let the content swallow the speaker or the cue
            if subj is not None and lo <= subj.i < hi:
                if subj.i < t.i:
                    lo = max(lo, subj.right_edge.i + 1)
                else:
                    hi = min(hi, subj.left_edge.i)
            if lo <= t.i < hi:
                hi = t.i if lo < t.i else hi
                if lo == t.i:
                    continue
            parts = [(lo, _past_colon(doc, t, _trim_tail(doc, lo, hi), p_hi))]
        spans = [list(tokens_span(doc, a, b)) for a, b in parts if b > a]
        content = [s for s in spans if s[1] - s[0] >= 2]
        if not content:
            # "He said:\n\n"…"": the complement is in the next paragraph, a quotation
            if subj is not None and _lemma(t) in QUOTE_VERBS:
                yield Attribution(content=[], cue=cue, speaker=speaker, speaker_head=head,
                                  cue_head=t.i, kind="direct", confidence=0.3)
            continue
        conf = 0.8 if _lemma(t) in CLAUSE_VERBS else 0.6
        kind = "intention" if _is_intention(t) else "indirect"
        yield Attribution(content=content, cue=cue, speaker=speaker, speaker_head=head,
                          cue_head=t.i, kind=kind, confidence=conf if speaker else conf - 0.2)


_FINITE = ("VBD", "VBZ", "VBP")


def _nonfinite_conjuncts(verb: Token, lo: int, hi: int) -> int:
    """``agreed [to share a currency and rely on each other]``: a bare infinitive or gerund
    the parser coordinated with the finite cue verb continues the cue's content.

    A finite cue verb cannot be coordinated with a base form or a gerund, so such a conjunct
    belongs to the infinitive or gerund the cue introduced; the content runs to its end.
    """
    if verb.tag_ not in _FINITE + ("VBN",) or hi <= verb.i:
        return hi
    dangling = verb.doc[hi - 1].dep_ == "cc"  # "to threaten Moscow or": the parse split it
    for c in verb.children:
        if c.dep_ not in ("conj", "dep") or c.i < hi or c.tag_ not in ("VB", "VBG") + (
            ("VBP",) if dangling else ()
        ) or (c.dep_ == "dep" and not dangling):
            continue
        if c.tag_ == "VB" and verb.tag_ == "VBP":
            continue  # "call them … and describe": the tagger reads a present as a base form
        gap = verb.doc[hi : c.left_edge.i]
        if len(gap) > 1 or any(t.dep_ not in ("cc", "punct") for t in gap):
            continue
        if any(g.dep_ in ("nsubj", "nsubjpass", "aux") and g.i < c.i for g in c.children):
            continue
        hi = c.right_edge.i + 1
    return hi


def _coordinated_cue(verb: Token, lo: int, hi: int) -> int:
    """``said [he would order a review] and warned against hackers``: a finite cue verb that
    the parser coordinated inside the content, in the tense of the cue and not of its head,
    is a second cue of the same speaker; the content stops before it."""
    if verb.tag_ not in _FINITE:
        return hi
    doc = verb.doc
    for t in doc[max(lo, verb.i + 1) : hi]:
        if t.dep_ != "conj" or t.tag_ != verb.tag_ or t.head.tag_ == t.tag_:
            continue
        if not _is_cue_verb(t) or any(g.dep_ in _SUBJ for g in t.children):
            continue
        cut = t.left_edge.i
        while cut > lo and doc[cut - 1].dep_ in ("cc", "punct"):
            cut -= 1
        if cut > lo:
            return cut
    return hi


#: Verbs that only open quotations: as an infinitive they report nothing ("to continue").
QUOTE_ONLY = QUOTE_VERBS - CLAUSE_VERBS - INFINITIVE_VERBS - OBJECT_VERBS


def _absolute_with(verb: Token) -> bool:
    """``with both leaders expected to visit``: a participle with its own subject after "with"."""
    head = verb.head
    return head.i != verb.i and head.lower_ == "with" and head.i < verb.i and any(
        c.dep_ == "nsubj" for c in verb.children
    ) or any(c.dep_ == "mark" and c.lower_ == "with" for c in verb.children)


def _raised(doc: Doc, verb: Token, para: tuple[int, int]) -> Attribution | None:
    """``[Melania] seems [to have vanished]``, ``[Obama's veto] is expected [to come Friday]``:
    a raising verb or a passive of saying or believing says that its subject's state of affairs
    is seemed, expected or said, by no one the sentence names (a ``by`` agent aside).

    The subject and the complement are the content's two fragments; a raised cue verb
    (``seemed to think``) is left to that verb.
    """
    lemma = _lemma(verb)
    absolute = _absolute_with(verb)
    passive = lemma in RAISING_PASSIVES and (verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" for c in verb.children
    ) or absolute)
    if not passive and lemma not in RAISING_VERBS:
        return None
    subj = next((c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "nsubj")
                 or absolute and c.dep_ == "nsubj"), None)
    if subj is None or subj.i > verb.i:
        return None
    comp = None
    for c in verb.children:
        if c.i < verb.i:
            continue
        if c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
            comp = c
            break
        if not passive and c.dep_ in ("acomp", "oprd") or (
            not passive and c.dep_ == "prep" and c.lower_ == "like"
        ):
            comp = c
            break
    if comp is None or _is_cue_verb(comp) and _lemma(comp) not in QUOTE_ONLY:
        return None  # "seemed to think …" is read from "think"; "expected to continue" is not
    lo, hi = _subtree_range(comp)
    for c in verb.children:  # "is expected [to come] [before Friday]" hangs on the verb
        if c.dep_ in ("prep", "npadvmod", "advmod") and c.left_edge.i == hi and not (
            passive and c.dep_ == "prep" and c.lower_ == "by"
        ):
            hi = c.right_edge.i + 1
    s_lo, s_hi = _subtree_range(subj)
    s_lo, hi = max(s_lo, para[0]), min(_trim_tail(doc, lo, hi), para[1])
    if hi <= lo or s_hi <= s_lo:
        return None
    agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children
                  if g.dep_ == "pobj"), None)
    speaker = [list(tokens_span(doc, *_subtree_range(agent)))] if agent is not None else []
    return Attribution(
        content=[list(tokens_span(doc, s_lo, s_hi)), list(tokens_span(doc, lo, hi))],
        cue=_cue_spans(doc, _cue_tokens(verb)), speaker=speaker,
        speaker_head=agent.i if agent is not None else None, cue_head=verb.i,
        kind="indirect", confidence=0.5,
    )


def _paragraphs(doc: Doc) -> list[tuple[int, int]]:
    """For every token, the token range of its paragraph (lines split by a newline)."""
    out: list[tuple[int, int]] = [(0, 0)] * len(doc)
    start = 0
    for t in doc:
        if "\n" in t.text:
            for i in range(start, t.i):
                out[i] = (start, t.i)
            out[t.i] = (t.i, t.i + 1)
            start = t.i + 1
    for i in range(start, len(doc)):
        out[i] = (start, len(doc))
    return out


def _interrupted(
    doc: Doc, verb: Token, subj: Token | None, cue: list[Token], para: tuple[int, int]
) -> list[tuple[int, int]] | None:
    """``Too often, Mr. Clarke said, the debate …``: content on both sides of the cue phrase."""
    if subj is None or _lemma(verb) not in CLAUSE_VERBS:
        return None
    lo = min([subj.left_edge.i] + [t.i for t in cue])
    hi = max([subj.right_edge.i] + [t.i for t in cue]) + 1
    sent = verb.sent
    s_lo, s_hi = max(sent.start, para[0]), min(sent.end, para[1])
    if lo - 1 <= s_lo or hi >= s_hi - 1:
        return None
    if doc[lo - 1].text != "," or doc[hi].text != ",":
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i >= hi for c in verb.children):
        return None
    left = (s_lo, lo - 1)
    right = (hi + 1, s_hi)
    if right[1] - right[0] < 2:
        return None
    return [left, right]


def _past_colon(doc: Doc, verb: Token, hi: int, para_end: int) -> int:
    """``notes that three things are happening at once: home values are rising, …``: what
    follows a colon in the same paragraph spells out the reported clause and belongs to it."""
    if hi >= para_end or doc[hi].text != ":" or _lemma(verb) not in CLAUSE_VERBS or (
        verb.i > hi
    ):
        return hi
    for i in range(hi + 1, min(para_end, hi + 80)):
        if doc[i].text in QUOTE_MARK_TOKENS:
            return hi  # a quotation after the colon is read as one
        if doc[i].is_sent_end or doc[i].text in (".", "!", "?"):
            return i
    return hi


QUOTE_MARK_TOKENS = frozenset({'"', "“", "”", "''", "``", "«", "»"})


def _trim_tail(doc: Doc, lo: int, hi: int, *, supplements: bool = True) -> int:
    """Cut a trailing ``, according to X`` or ``, citing …`` off a reported clause.

    Both belong to the reporting sentence, not to what is reported (PolNeAR stops before them).
    With ``supplements`` a closing aside of the writer is cut too (see :func:`_trim_supplement`).
    """
    for i in range(lo + 1, hi - 1):
        if doc[i].text == "," and doc[i + 1].lower_ == "according" and i + 2 < len(doc) and (
            doc[i + 2].lower_ == "to"
        ):
            return i
    while hi - 1 > lo and doc[hi - 1].is_punct:
        hi -= 1
    last = doc[hi - 1]
    root = last
    while root.head.i != root.i and lo <= root.head.i < hi and root.dep_ != "advcl":
        root = root.head
    if root.dep_ == "advcl" and root.tag_ == "VBG" and root.left_edge.i > lo and (
        doc[root.left_edge.i - 1].text == ","
    ) and root.right_edge.i + 1 >= hi:
        return root.left_edge.i - 1
    return _trim_supplement(doc, lo, hi) if supplements else hi


def _trim_supplement(doc: Doc, lo: int, hi: int) -> int:
    """Cut a closing supplement: ``…, which makes him an outlier``, ``…, the presumed favorite``.

    A non-restrictive relative clause or an appositive after a comma is the writer's aside, not
    part of what the speaker is reported to say (supplements speak for the writer: Potts 2005,
    *The Logic of Conventional Implicatures*). Only a supplement that closes the clause is cut.
    """
    for t in doc[lo:hi]:
        start = t.left_edge.i
        if t.dep_ not in ("relcl", "appos") or start - 1 <= lo or t.right_edge.i + 2 < hi:
            continue
        if doc[start - 1].text != ",":
            continue
        if t.dep_ == "relcl" and doc[start].tag_ not in ("WDT", "WP", "WP$"):
            continue
        if t.dep_ == "relcl" and doc[start].lower_ == "that":
            continue
        return start - 1
    return hi


def according_to(doc: Doc) -> Iterator[Attribution]:
    """``According to X, …`` and ``…, according to X``: X is the speaker, the clause the content.

    The content stays in the paragraph of the phrase (a parse may run a headline or a web
    address line into the sentence)."""
    paras = None
    for t in doc:
        if t.lower_ != "according" or t.i + 1 >= len(doc) or doc[t.i + 1].lower_ != "to":
            continue
        to = doc[t.i + 1]
        objs = [c for c in to.children if c.dep_ == "pobj"]
        if not objs:
            objs = [c for c in t.children if c.dep_ == "pobj"]
        if objs:
            s_lo, s_hi = _subtree_range(objs[0])
        else:
            s_lo, s_hi = to.i + 1, to.i + 2
            while s_hi < len(doc) and not doc[s_hi].is_punct and s_hi - s_lo < 6:
                s_hi += 1
        phrase = (t.i, max(s_hi, to.i + 1))
        sent: Span = t.sent
        head = t.head if t.head is not t else sent.root
        while head.dep_ not in _CLAUSE_HEADS and head.head is not head:
            head = head.head
        paras = paras or _paragraphs(doc)
        lo, hi = _subtree_range(head)
        lo, hi = max(lo, sent.start, paras[t.i][0]), min(hi, sent.end, paras[t.i][1])
        parts = []
        if phrase[0] > lo:
            parts.append(tokens_span(doc, lo, phrase[0]))
        if hi > phrase[1]:
            # the source stands behind the whole sentence, its asides included
            end = _trim_tail(doc, phrase[1], hi, supplements=False)
            parts.append(tokens_span(doc, phrase[1], end))
        content = [list(p) for p in parts if p[1] - p[0] > 1]
        if not content:
            continue
        speaker = tokens_span(doc, s_lo, s_hi)
        cue = [[t.idx, to.idx + len(to.text)]]
        yield Attribution(content=content, cue=cue, speaker=[list(speaker)] if objs else [],
                          speaker_head=objs[0].i if objs else None, cue_head=t.i,
                          kind="according_to", confidence=0.8)


def noun_cues(doc: Doc) -> Iterator[Attribution]:
    """``Lavrov's statement that …``, ``an agreement that …``: a cue noun with a that-clause."""
    for t in doc:
        if t.pos_ != "NOUN" or _lemma(t) not in NOUN_CUES:
            continue
        clause = None
        for c in t.children:
            if c.dep_ in ("acl", "ccomp", "appos") and c.i > t.i and any(
                g.dep_ == "mark" and g.lower_ == "that" for g in c.children
            ):
                clause = c
                break
        if clause is None:
            continue
        lo, hi = _subtree_range(clause)
        speaker: list[list[int]] = []
        head = None
        for c in t.children:
            if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("by", "from") and c.i < lo):
                target = c if c.dep_ == "poss" else next(
                    (g for g in c.children if g.dep_ == "pobj"), None)
                if target is not None:
                    s = tokens_span(doc, *_subtree_range(target))
                    if target.right_edge.text in ("'s", "’s"):
                        s = (s[0], s[1] - 2)
                    speaker = [list(s)]
                    head = target.i
        content = tokens_span(doc, lo, hi)
        if content[1] - content[0] < 2:
            continue
        yield Attribution(content=[list(content)], cue=[[t.idx, t.idx + len(t.text)]],
                          speaker=speaker, speaker_head=head, cue_head=t.i, kind="indirect",
                          confidence=0.6)


_STANCE_PREPS = frozenset(
    {"about", "over", "of", "for", "on", "with", "against", "toward", "towards", "regarding"}
)


def stance_phrases(doc: Doc) -> Iterator[Attribution]:
    """``expressed concern about X``, ``is critical of X``, ``is concerned by X``.

    A light verb with a stance noun, or "be" with a stance adjective, attributes a stance:
    the cue runs from the verb (with its auxiliaries) to the preposition, the content is the
    preposition's object (or the that-clause), the speaker is the verb's subject.
    """
    for t in doc:
        verb = None
        clause = last = None
        prep = None
        if t.pos_ == "NOUN" and _lemma(t) in STANCE_NOUNS and t.dep_ == "dobj" and (
            _lemma(t.head) in LIGHT_VERBS
        ) or t.pos_ == "ADJ" and t.lower_ in STANCE_ADJECTIVES and t.dep_ == "acomp":
            verb = t.head
        if verb is None:
            continue
        preps = _STANCE_PREPS | ({"by"} if t.pos_ == "ADJ" else set())
        # "is [concerned] [by the evidence]": the parser may hang the phrase on the verb
        beside = [c for c in verb.children if c.i > t.i and c.dep_ == "prep"] if (
            t.pos_ == "ADJ") else []
        if t.pos_ == "NOUN" and not any(c.dep_ == "poss" for c in t.children) and any(
            c.dep_ in ("det", "nummod", "compound", "amod", "npadvmod") and c.i < t.i
            for c in t.children
        ):
            # "has the support of X", "has 5 percent support of X": X supports, no stance of
            # the subject ("renewed warnings of reprisals", "his support of the bill" are)
            preps = preps - {"of"}
        for c in [*t.children, *beside]:
            if c.dep_ == "prep" and c.i > t.i and c.lower_ in preps:
                objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                if objs:
                    prep, clause, last = c, objs[0], objs[-1]
                    break
            if c.dep_ == "ccomp" and c.i > t.i:
                clause = c
                break
        if clause is None:
            continue
        subj = _speaker_of(verb)
        lo, hi = _subtree_range(clause)
        if prep is not None:  # "about [re] [-] [election]": every object the parse gave it
            hi = max(hi, last.right_edge.i + 1)
        content = tokens_span(doc, lo, hi)
        if content[1] - content[0] < 2:
            continue
        toks = [tok for tok in _cue_tokens(verb)]
        end = (prep or t).i + 1
        start = min(tok.i for tok in toks)
        cue = [list(tokens_span(doc, start, end))]
        speaker: list[list[int]] = []
        head = None
        if subj is not None:
            s = _speaker_span(doc, subj, verb.i)
            if s[1] > s[0]:
                speaker, head = [list(s)], subj.i
        yield Attribution(content=[list(content)], cue=cue, speaker=speaker, speaker_head=head,
                          cue_head=verb.i, kind="indirect", confidence=0.5)

"""Whose voice a cue verb is in: the writer's, no one's, or someone the sentence reports.

A reporting verb does not always report someone. The writer talks to the reader ("now tell me
…", "as many of you know", "it is worth noting that …"), sets up a premise ("assuming that …"),
speaks of anyone at all ("a resource for anyone wanting to learn more"), or says that nothing
was said ("without knowing how …", "it goes without saying"). These checks read the parse
around one cue verb; :mod:`.reported` skips the cues they flag.
"""

from __future__ import annotations

from spacy.tokens import Token

from .cues import PREMISE_PARTICIPLES, lexicon

__all__ = ["no_one_reported", "the_reader", "impersonal_passive"]

#: Heads that make a cue the writer's aside: "worth noting", "needless to say", "suffice it".
_ASIDES = lexicon("worth needless suffice")
#: Pronouns that stand for no one in particular.
_ANYONE = lexicon("anyone anybody everyone everybody someone somebody whoever")


def no_one_reported(verb: Token) -> bool:
    """True when the cue ``verb`` reports no one: the writer's own voice or no one's."""
    return (
        _writer_to_reader(verb)
        or (verb.dep_ == "pcomp" and verb.head.lower_ == "without")
        or (verb.dep_ == "acl" and verb.head.lower_ in _ANYONE)
        or _premise(verb)
    )


def _writer_to_reader(verb: Token) -> bool:
    """An imperative ("Now tell me …", "ask yourself …") or an aside ("it is worth noting",
    "needless to say"): the writer addresses the reader."""
    if verb.head.lower_ in _ASIDES and verb.head.i != verb.i:
        return True
    t = verb
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t.dep_ == "ROOT" and all(v.tag_ == "VB" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in v.children
    ) for v in (t, verb))


def _premise(verb: Token) -> bool:
    """"…, assuming that rates stay low": a participle that sets up a premise."""
    return verb.tag_ == "VBG" and verb.lower_ in PREMISE_PARTICIPLES and verb.dep_ != "ROOT" and (
        not any(c.dep_ in ("nsubj", "aux") for c in verb.children)
    )


def the_reader(subj: Token) -> bool:
    """"you", "many of you", "those of you": the writer addressing the reader."""
    return subj.lower_ == "you" or any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ == "you" for g in c.children)
        for c in subj.children
    )


def impersonal_passive(verb: Token) -> bool:
    """``it was confirmed: "…"``: a passive cue with an empty "it" opens a quotation whose
    speaker the sentence does not name."""
    return any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in verb.children)

"""Who claimed what in one parsed article: compose the extractors into ClaimMentions.

``extract_claims`` runs over the spaCy ``Doc`` the pipeline already made (no second parse):

1. :mod:`.reported` finds cue verbs, cue nouns and "according to" in the parse;
2. :mod:`.quotes` pairs quote marks and hands each quotation to the cue next to it, or leaves
   it floating;
3. :mod:`.assertions` adds the outlet's own numeric claims that no one is credited with;
4. :mod:`.speakers` names every speaker in reading order (surnames, pronouns, floating
   quotes, spokesmen relaying someone else's words);
5. :mod:`.quantities` parses the numbers in each claim.

Every span is a ``[start, end)`` code-point offset into ``doc.text`` (equal to the raw text).
"""

from __future__ import annotations

import bisect
import logging
import re

from spacy.tokens import Doc

from .assertions import outlet_assertions
from .attribution import Attribution
from .contents import is_proposition
from .headline import denial_verb, headline, key_phrases
from .parsed import doc_text
from .propositions import propositions
from .quantities import find_quantities
from .quotes import attach_quotes, find_quotes
from .records import ClaimMention, Span
from .relay import relayed_speaker
from .reported import according_to, noun_cues, reported_speech, stance_phrases
from .spans import merge_spans, normalise_claim_text, overlap, trim
from .speakers import PRONOUNS, SpeakerIndex, strip_determiner
from .turns import headline_claim, transcript_turns

__all__ = ["extract_claims"]

logger = logging.getLogger(__name__)


def extract_claims(doc: Doc, body: list[list[int]] | None = None) -> list[ClaimMention]:
    """Every attribution in ``doc`` as a :class:`ClaimMention`, in text order.

    Args:
        doc: the parse of :func:`ingest.nlp.masked_text` (non-body characters are blanks,
            so nothing outside ``body`` can be claimed).
        body: the kept body ranges; claims are clipped to them.

    Returns:
        ClaimMentions with content, cue and speaker spans; ``kind`` is ``direct``, ``mixed``,
        ``indirect``, ``according_to`` or ``assertion``.
    """
    text = doc_text(doc)
    if not text.strip() or len(doc) == 0:
        return []
    found: list[Attribution] = []
    found.extend(reported_speech(doc))
    found.extend(according_to(doc))
    found.extend(noun_cues(doc))
    found.extend(stance_phrases(doc))
    laid_out = transcript_turns(text)
    if (head := headline_claim(text, body)) is not None:
        laid_out.append(head)
    quotes = find_quotes(text)
    if laid_out:
        quotes = [q for q in quotes if not any(overlap(q, c) for a in laid_out for c in a.content)]
    found = attach_quotes(text, quotes, found) + laid_out
    found = [a for a in found if a.content and _states_something(doc, a)]
    _speakers_outside_content(text, found)
    found = _fullest_cue(_dedupe(found))
    found, nested = _outermost(found)
    found.extend(outlet_assertions(doc, found))
    _read_over_scare_quotes(text, found)
    found = _clip(found, text, body)
    found.sort(key=lambda a: (a.start, a.end))
    return _to_mentions(doc, found, text, _clip(nested, text, body))


def _states_something(doc: Doc, a: Attribution) -> bool:
    """Content that is a proposition (see :mod:`.contents`); quotations are judged as such."""
    quoted = a.kind in ("direct", "mixed") or any(
        ch in _QUOTE_MARKS for s, e in a.content for ch in doc_text(doc)[s:e]
    )
    return is_proposition(doc, a.content, quoted=quoted, judged=bool(a.speaker) or not a.cue)


_DANGLING = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "to",
        "by",
        "for",
        "with",
        "from",
        "in",
        "on",
        "at",
        "and",
        "or",
        "its",
        "their",
        "his",
        "her",
        "our",
        "this",
        "that",
    }
)
_QUOTE_MARKS = '"“”„«»'
#: A denial cue: what it governs may not split into separately asserted propositions.
_DENIAL_CUE = re.compile(r"(?i)^(?:\w+\s+){0,2}?(?:den(?:y|ies|ied|ying)|reject|dismiss|refut)")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")


def _read_over_scare_quotes(text: str, found: list[Attribution]) -> None:
    """Carry a content span that stops on "an"/"the"/"of" before a quote mark to its sentence end.

    Scare quotes inside a quotation ("Moscow plans an “aggression” against Kiev"), or quote marks
    mangled by machine translation, make the quote pairing stop on a function word; no claim
    ends there, so the span is read on to the end of its sentence (at most 200 characters).
    """
    for a in found:
        start, end = a.content[-1]
        words = text[start:end].split()
        if not words or words[-1].casefold() not in _DANGLING:
            continue
        after = text[end : end + 2].lstrip()
        if not after or after[0] not in _QUOTE_MARKS:
            continue
        stop = _SENTENCE_END.search(text, end, min(len(text), end + 200))
        if stop is not None:
            a.content[-1] = [start, stop.start()]


def _speakers_outside_content(text: str, found: list[Attribution]) -> None:
    """A speaker inside the quoted content is a parse error: take the words beside the cue.

    ``"One of the brightest members of Congress," Rep. Cummings said``: the parser may make a
    noun inside the quotation the subject; the speaker is what stands between the quotation
    and the cue (or right after an inverted cue: ``said Robert McAtee``).
    """
    for a in found:
        if not a.speaker or not a.cue:
            continue
        s0, e0 = a.speaker[0]
        if not any(cs <= s0 < ce for cs, ce in a.content):
            continue
        cue_s, cue_e = a.cue[0][0], a.cue[-1][1]
        before = [e for _, e in a.content if e <= cue_s]
        span = None
        if before:
            lo = max(before)
            cand = trim(text, lo, cue_s)
            if cand[1] > cand[0] and "\n" not in text[cand[0] : cand[1]]:
                span = cand
        if span is None:
            after = [s for s, _ in a.content if s >= cue_e]
            hi = min(after) if after else min(len(text), cue_e + 120)
            m = _INVERTED_SPEAKER.match(text, cue_e, hi)
            if m:
                span = trim(text, m.start(1), m.end(1))
        a.speaker = [list(span)] if span and span[1] > span[0] else []
        a.speaker_head = None


_INVERTED_SPEAKER = re.compile(r"\s+([^.;:\n\"“”]{2,150}?)\s*(?:[.;:\"“”]|\Z)")


def _outermost(found: list[Attribution]) -> tuple[list[Attribution], list[Attribution]]:
    """Set aside an attribution whose cue lies inside another one's content.

    ``She said [he plans to run]``: the article attributes the whole clause to her; "plans" is
    part of what she said, not a second attribution the article makes (PolNeAR annotates the
    outermost attribution only). The nested ones are returned second: their speakers still
    introduce names for later pronouns. Sorted spans and a running maximum keep this linear.
    """
    spans = sorted((s, e, k) for k, a in enumerate(found) for s, e in a.content)
    starts = [s for s, _, _ in spans]
    # best[i]: the two furthest-reaching spans (end, owner) of different owners in spans[:i+1]
    best: list[tuple[tuple[int, int], tuple[int, int]]] = []
    top: tuple[int, int] = (-1, -1)
    second: tuple[int, int] = (-1, -1)
    for _, e, k in spans:
        if k == top[1]:
            top = max(top, (e, k))
        elif k == second[1]:
            second = max(second, (e, k))
            top, second = max(top, second), min(top, second)
        elif (e, k) > top:
            top, second = (e, k), top
        elif (e, k) > second:
            second = (e, k)
        best.append((top, second))
    out, nested = [], []
    for k, a in enumerate(found):
        if a.cue:
            cs = a.cue[0][0]
            i = bisect.bisect_right(starts, cs) - 1
            if i >= 0:
                top, second = best[i]
                reach = top if top[1] != k else second
                if reach[0] > cs and not _cue_inside(found[reach[1]], a):
                    nested.append(a)
                    continue
        out.append(a)
    return out, nested


def _cue_inside(a: Attribution, b: Attribution) -> bool:
    """True when ``a``'s cue starts inside ``b``'s content (two clauses nested in each other)."""
    return bool(a.cue) and any(s <= a.cue[0][0] < e for s, e in b.content)


def _fullest_cue(found: list[Attribution]) -> list[Attribution]:
    """One cue, one attribution: ``showing support for [X]`` over ``showing [support for X]``.

    When two extractors read the same cue and one takes in more of it (a stance noun, a
    preposition), that one's content lies inside the other's; the other is the same
    attribution read with too short a cue and too long a content.
    """

    def covers(b: Attribution, a: Attribution) -> bool:
        (bs, be), (as_, ae) = (b.cue[0][0], b.cue[-1][1]), (a.cue[0][0], a.cue[-1][1])
        return (
            bs <= as_
            and ae <= be
            and (be - bs) > (ae - as_)
            and all(any(s <= cs and ce <= e for s, e in a.content) for cs, ce in b.content)
        )

    cued = [a for a in found if a.cue and a.content]
    return [a for a in found if not (a.cue and any(b is not a and covers(b, a) for b in cued))]


def _dedupe(found: list[Attribution]) -> list[Attribution]:
    """One attribution per content; of two with the same content keep the more confident.

    An "according to" source dropped here in favour of another speaker is kept as that
    attribution's relay (see :func:`_carry_relay`).
    """
    groups: dict[tuple, list[Attribution]] = {}
    for a in found:
        groups.setdefault(tuple(tuple(c) for c in merge_spans(a.content)), []).append(a)
    out = []
    for group in groups.values():
        best = group[0]
        for a in group[1:]:
            if (a.confidence, bool(a.speaker)) > (best.confidence, bool(best.speaker)):
                best = a
        _carry_relay(best, group)
        out.append(best)
    return out


_SPOKEN = frozenset({"direct", "mixed", "indirect"})


def _carry_relay(kept: Attribution, group: list[Attribution]) -> None:
    """Record the "according to" source of ``kept``'s content when it is not ``kept``'s speaker.

    "Blinken told Lavrov that …, according to the State Department": the claim is Blinken's and
    the article knows it through the State Department, which relays it like a spokesman would.
    """
    if kept.kind not in _SPOKEN or not kept.cue or not kept.speaker:
        return
    for a in group:
        if a is kept or a.kind != "according_to" or not a.speaker:
            continue
        if any(overlap(s, k) for s in a.speaker for k in kept.speaker):
            continue  # the same speaker, found twice
        kept.relay = [list(s) for s in a.speaker]
        return


def _clip(found: list[Attribution], text: str, body: list[list[int]] | None) -> list[Attribution]:
    """Keep spans inside the text (and the body) and non-empty after trimming."""
    n = len(text)
    ranges = [(max(0, s), min(n, e)) for s, e in body] if body else [(0, n)]
    out = []
    for a in found:

        def clip(spans: list[list[int]]) -> list[list[int]]:
            res = []
            for s, e in spans:
                for bs, be in ranges:
                    cs, ce = max(s, bs), min(e, be)
                    if ce > cs:
                        cs, ce = trim(text, cs, ce)
                        if ce > cs:
                            res.append([cs, ce])
            return merge_spans(res)

        a.content = clip(a.content)
        if not a.content:
            continue
        cue = clip(a.cue)
        if not cue:  # a dash or colon cue is all punctuation: keep it when inside the body
            cue = [c for c in a.cue if any(bs <= c[0] and c[1] <= be for bs, be in ranges)]
        a.cue = cue
        a.speaker = clip(a.speaker)
        a.relay = clip(a.relay)
        out.append(a)
    return out


def _to_mentions(
    doc: Doc, found: list[Attribution], text: str, context: list[Attribution]
) -> list[ClaimMention]:
    """ClaimMentions in text order; the ``context`` attributions (nested in others) are not
    emitted but their speakers are read, so a later "he" can refer to them."""
    index = SpeakerIndex(doc, text)
    out: list[ClaimMention] = []
    last_name: str | None = None
    last_speaker: list[Span] = []
    pending = sorted((a for a in context if a.speaker), key=lambda a: a.speaker[0][0])
    k = 0
    for a in found:
        while k < len(pending) and pending[k].speaker[0][0] < a.start:
            index.resolve(pending[k].speaker[0], pending[k].start)
            k += 1
        name = role = stype = relayed = None
        if a.kind == "assertion":
            pass
        elif a.speaker:
            res = index.resolve(a.speaker[0], a.start)
            name, role, stype = res.name, res.role, res.type
        elif not a.cue:
            # a floating quote: the speaker of the attribution before it, as mentioned there
            name = last_name
            stype = "person" if name else None
            if last_speaker:
                a.speaker = [list(s) for s in last_speaker]
        if a.kind in ("direct", "mixed") and a.speaker:
            inner = relayed_speaker(
                doc, a, index, speaker_role=role, speaker_text=_txt(text, a.speaker)
            )
            if inner is not None:
                relayed, name = name, inner
                stype = "person"
        if relayed is None and a.relay and name:
            relayed = _relay_name(index, text, a.relay, name)
        if name and a.kind != "assertion":
            last_name = name
            last_speaker = a.speaker
        claim_text = normalise_claim_text(text, a.content)
        cue_text = _txt(text, a.cue)
        offset = a.content[0][0]
        quantities = []
        for s, e in a.content:
            quantities.extend(find_quantities(text[s:e], offset=s))
        del offset
        parts = propositions(doc, a.content, denial=bool(_DENIAL_CUE.match(cue_text)))
        denial = denial_verb(cue_text)
        out.append(
            ClaimMention(
                content=[list(c) for c in a.content],
                cue=[list(c) for c in a.cue],
                speaker=[list(c) for c in a.speaker],
                speaker_name=name,
                kind=a.kind,
                text=claim_text,
                quantities=quantities,
                confidence=round(a.confidence, 2),
                speaker_role=role,
                speaker_type=stype,
                relayed_by=relayed,
                parts=parts,
                phrase=headline(doc, a.content, denial=denial, speaker=name),
                part_phrases=[
                    headline(doc, part, denial=denial if k == 0 else None, speaker=name)
                    for k, part in enumerate(parts)
                ],
                key_phrases=key_phrases(doc, a.content),
            )
        )
    return out


def _relay_name(index: SpeakerIndex, text: str, relay: list[Span], speaker: str) -> str | None:
    """The name of the source relaying ``speaker``'s words, or ``None`` when it is the speaker
    again or names no one (an unresolved pronoun)."""
    res = index.resolve(relay[0], relay[0][0])
    surface = _txt(text, relay).strip()
    if res.name is None and surface.casefold() in PRONOUNS:
        return None
    name = res.name or strip_determiner(surface)
    if not name or name.casefold() == speaker.casefold():
        return None
    return name


def _txt(text: str, spans: list[Span]) -> str:
    return " ".join(text[s:e] for s, e in spans)

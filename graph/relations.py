"""Find claims that disagree: incompatible quantities and denials of another claim.

``conflicting_quantity``: two claims count the same unit ("troops") about the same thing (they
share a feature besides the unit and the parties named: "amassed"/"massed") and the intervals
their wording allows do not overlap ("more than 100,000" = [100000, ∞) vs "tens of thousands" =
[20000, 99999]). Compared only inside blocks keyed by unit, and only between claims of one
story: numbers about two different events never conflict.

``contradicts``: one claim holds a *negative frame* (actor A, event E) and another a *positive
frame* (A, E):

- negative: the cue denies ("Russia has denied it is preparing to invade") — A is the subject the
  content names, or, when the content's subject is a pronoun or missing ("it is preparing …",
  "any such plans"), the speaker (or the government a person speaks for); or the content opens
  with A and a negated wish or plan ("Russia does not want any conflict").
- positive: the content of an attributed mention (or of the outlet's own assertion), not under a
  denial, says A plans, prepares, intends, is ready to, has
  the capacity to, could be planning or will launch E ("Russia has the capacity to launch an
  invasion", "Moscow plans an aggression against Kiev"), with no negation in between.

A is a government resolved through the metonym table ("Moscow", "the Kremlin" → Russia); E an
event type of a small lexicon (invade, invasion, attack, aggression, offensive, war, conflict →
``attack``). Co-occurrence of "invasion" words is not enough. Compared only inside blocks keyed
by (A, E).

Trust: quantity conflicts are precise when units match but may pair claims about different
moments. Contradictions are a precise but narrow lexical rule: it finds denials and the
intentions they deny, misses paraphrase beyond its lexicon, and says nothing about who is right
— a pointer for an analyst, not a verdict.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..ingest.records import Quantity
from .claimtext import event_concepts, features, is_actor, is_denial
from .knowledge import knowledge

__all__ = [
    "ClaimFacts",
    "Frame",
    "quantity_conflicts",
    "contradictions",
    "frames_of",
    "interval",
    "INTENT_WORDS",
]

_K = knowledge()
METONYMS = _K.metonyms

#: Words that make a claim about what an actor means or is able to do.
INTENT_WORDS = "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_K.intent_words, key=len, reverse=True)
)
_EVENT_WORDS = "|".join(re.escape(w) for w in sorted(_K.events, key=len, reverse=True))
_NEG = r"\b(?:not|no|never|n't|nothing|without|deny|denies|denied|denying)\b"
_PRONOUN_SUBJECT = re.compile(
    r"^\W*(?:that\s+)?(?:it|they|we|he|she|any|such|the|its)\b", re.IGNORECASE
)


def _actor_pattern() -> str:
    forms = set()
    for key in METONYMS:
        if key in ("us", "u.s", "uk"):
            forms.add(key.upper().replace("U.S", "U.S."))
            continue
        forms.add(" ".join(w.capitalize() for w in key.split()))
    forms |= {"the US", "the U.S.", "the Kremlin", "the United States", "the White House"}
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


_ACTOR = _actor_pattern()
_ACTOR_RE = re.compile(rf"(?<![\w-])(?:{_ACTOR})(?![\w-])")
_POSITIVE = re.compile(
    rf"(?<![\w-])(?P<actor>{_ACTOR})(?![\w-])(?P<mid>(?:\W+\w+){{0,5}}?)\W+"
    rf"(?P<intent>{INTENT_WORDS})\b(?P<gap>(?:\W+\w+){{0,5}}?)\W+"
    rf"(?P<event>{_EVENT_WORDS})\b"
)
_NEGATIVE_OPEN = re.compile(
    rf"^\W*(?:that\s+)?(?P<actor>{_ACTOR})\s+(?:\w+\s+){{0,2}}?"
    rf"(?:not|no|never|\w+n't)\s+(?:\w+\s+){{0,6}}?(?P<event>{_EVENT_WORDS})\b"
)


@dataclass(frozen=True, slots=True)
class Frame:
    """One mention as conflict detection sees it: what is said, the cue, and by whom.

    One per mention, held until the graph is built: no instance dict (slots).
    """

    text: str
    cue: str = ""
    speaker: str | None = None
    speaker_type: str | None = None
    affiliation: str | None = None
    kind: str = "indirect"


@dataclass(frozen=True, slots=True)
class ClaimFacts:
    """What conflict detection needs of a claim: its text, quantities and mention frames."""

    id: str
    text: str
    cue: str
    quantities: tuple[Quantity, ...]
    frames: tuple[Frame, ...] = field(default=())
    stories: frozenset[str] = field(default=frozenset())


def interval(q: Quantity) -> tuple[float, float]:
    """The interval a quantity's wording allows.

    >>> interval(Quantity(100000, "troops", "min", "more than 100,000 troops"))
    (100000, inf)
    """
    if q.low is not None or q.high is not None:
        return (
            q.low if q.low is not None else -math.inf,
            q.high if q.high is not None else math.inf,
        )
    if q.bound == "min":
        return (q.value, math.inf)
    if q.bound == "max":
        return (-math.inf, q.value)
    if q.bound == "approx":
        return (q.value * 0.8, q.value * 1.2)
    return (q.value, q.value)


def _unit_key(unit: str | None) -> str | None:
    if not unit:
        return None
    u = unit.casefold().strip()
    return u[:-1] if u.endswith("s") and len(u) > 3 else u


def quantity_conflicts(claims: Sequence[ClaimFacts], cap: int = 200) -> list[tuple[str, str, str]]:
    """Pairs ``(a, b, why)`` of claims whose quantities of one unit cannot both be true."""
    blocks: dict[str, list[tuple[ClaimFacts, Quantity]]] = defaultdict(list)
    for c in claims:
        for q in c.quantities:
            unit = _unit_key(q.unit)
            if unit:
                blocks[unit].append((c, q))
    out: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    for items in blocks.values():
        items = items[:cap]
        feats = {c.id: _topical(c, q) for c, q in items}
        for i, (a, qa) in enumerate(items):
            for b, qb in items[i + 1 :]:
                if a.id == b.id or (a.id, b.id) in seen or (b.id, a.id) in seen:
                    continue
                if not feats[a.id] & feats[b.id] or not _one_story(a, b):
                    continue
                la, ha = interval(qa)
                lb, hb = interval(qb)
                if ha < lb or hb < la:
                    seen.add((a.id, b.id))
                    out.append((a.id, b.id, f"{qa.text} vs {qb.text}"))
    return out


def _topical(c: ClaimFacts, q: Quantity) -> frozenset[str]:
    """Features of a claim besides its numbers, the unit and the parties named."""
    unit = features(q.unit or "")
    texts = [c.text, *(f.text for f in c.frames)]
    out = frozenset().union(*(features(t) for t in texts))
    return frozenset(f for f in out if not any(ch.isdigit() for ch in f) and not is_actor(f)) - unit


def _one_story(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Whether two claims are reported in one story (claims without stories: always)."""
    return not a.stories or not b.stories or bool(a.stories & b.stories)


def _actor(name: str | None) -> str | None:
    if not name:
        return None
    key = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE).casefold().rstrip(".")
    return METONYMS.get(key) or METONYMS.get(key.replace(".", ""))


def _speaker_actor(frame: Frame) -> str | None:
    """The government a speaker speaks for: itself, or a person's affiliation."""
    if frame.speaker_type == "government":
        return _actor(frame.speaker) or frame.speaker
    return _actor(frame.affiliation)


def frames_of(frame: Frame) -> list[tuple[str, str, str]]:
    """``(polarity, actor, event)`` triples one mention holds (polarity ``+`` or ``-``).

    >>> frames_of(Frame("it is preparing to invade", "has denied", "Russia", "government"))
    [('-', 'Russia', 'attack')]
    >>> frames_of(Frame("Russia does not want any conflict", "assured", "Sergey Lavrov"))
    [('-', 'Russia', 'attack')]
    >>> frames_of(Frame("Moscow plans an aggression against Kiev", "said", "Antony Blinken"))
    [('+', 'Russia', 'attack')]
    >>> frames_of(Frame("the talks on the invasion were useful", "said", "Antony Blinken"))
    []
    """
    text = " ".join(frame.text.replace("“", " ").replace("”", " ").replace('"', " ").split())
    out: list[tuple[str, str, str]] = []
    if frame.speaker is None and frame.kind != "assertion":
        return out  # a fragment nobody is said to have said asserts nothing
    if is_denial(frame.cue):
        events = event_concepts(text)
        m = _ACTOR_RE.match(re.sub(r"^\W*(?:that\s+)?", "", text))
        actor = _actor(m.group(0)) if m else None
        if actor is None and (_PRONOUN_SUBJECT.match(text) or not text):
            actor = _speaker_actor(frame)
        if actor:
            out.extend(("-", actor, e) for e in sorted(events))
        return out
    m = _NEGATIVE_OPEN.match(text)
    if m:
        actor = _actor(m.group("actor"))
        if actor:
            out.extend(("-", actor, e) for e in sorted(event_concepts(m.group("event"))))
    for m in _POSITIVE.finditer(text):
        between = m.group("mid") + " " + m.group("gap")
        if re.search(_NEG, between, re.IGNORECASE):
            continue
        before = text[max(0, m.start() - 25) : m.start()]
        if re.search(r"\b(?:no|not|never|deny|denies|denied|denying|prove)\W*$", before):
            continue
        actor = _actor(m.group("actor"))
        for e in sorted(event_concepts(m.group("event"))):
            if actor and ("+", actor, e) not in out:
                out.append(("+", actor, e))
    return out


def contradictions(
    claims: Sequence[ClaimFacts], *, actor_of: dict[str, set[str]] | None = None, cap: int = 50
) -> list[tuple[str, str, str]]:
    """Pairs ``(denial, assertion, why)`` where one claim denies what another asserts.

    ``actor_of`` may give, for claims without frames, the government that speaks ("it is
    preparing to invade", denied by Russia, is about Russia).
    """
    neg: dict[tuple[str, str], list[str]] = defaultdict(list)
    pos: dict[tuple[str, str], list[str]] = defaultdict(list)
    for c in claims:
        frames = c.frames
        if not frames:
            actors = sorted((actor_of or {}).get(c.id, ())) or [None]
            frames = tuple(
                Frame(c.text, c.cue, a, "government" if a else None, kind="assertion")
                for a in actors
            )
        held = {t for f in frames for t in frames_of(f)}
        for polarity, actor, event in sorted(held):
            bucket = neg if polarity == "-" else pos
            if len(bucket[(actor, event)]) < cap and c.id not in bucket[(actor, event)]:
                bucket[(actor, event)].append(c.id)
    out: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    by_id = {c.id: c for c in claims}
    for (actor, event), denials in sorted(neg.items()):
        for a in denials:
            for b in pos.get((actor, event), []):
                if not _one_story(by_id[a], by_id[b]):
                    continue
                if a != b and (a, b) not in seen and (b, a) not in seen:
                    seen.add((a, b))
                    out.append((a, b, f"{actor} {event}: denied vs asserted"))
    return out

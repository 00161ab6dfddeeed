"""Find claims that disagree: incompatible quantities and denials of another claim.

``conflicting_quantity``: two claims count the same unit ("troops") about the same thing (they
share a content word besides the unit) and the intervals their wording allows do not overlap
("more than 100,000" = [100000, ∞) vs "tens of thousands" = [20000, 99999]). Compared only
inside blocks keyed by unit.

``contradicts``: one claim denies or negates an event type ("denied it is preparing to invade",
"does not want any conflict") and another asserts the same event type ("the capacity to launch
an invasion", "plans an aggression") about the same actor. Event types come from a small lexicon
of hostility/diplomacy concepts; actors from the government metonyms of :mod:`.resolve`. Compared
only inside blocks keyed by (actor, concept).

Trust: quantity conflicts are precise when units match but may pair claims about different
moments; contradictions are a lexical heuristic — a pointer for an analyst, not a verdict.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..ingest.records import Quantity
from .cluster import content_words
from .resolve import METONYMS

__all__ = [
    "ClaimFacts",
    "quantity_conflicts",
    "contradictions",
    "interval",
    "CONCEPTS",
    "NEGATION_CUES",
]

#: Event concepts: surface stems → concept. Stems match word prefixes.
CONCEPTS: dict[str, str] = {
    "invad": "attack",
    "invasion": "attack",
    "attack": "attack",
    "aggress": "attack",
    "offensive": "attack",
    "assault": "attack",
    "conflict": "attack",
    "war": "attack",
    "escalat": "escalation",
    "de-escalat": "de-escalation",
    "withdraw": "de-escalation",
    "pulling back": "de-escalation",
    "sanction": "sanctions",
}

NEGATION_CUES = frozenset(
    {
        "deny",
        "denied",
        "denies",
        "denying",
        "reject",
        "rejected",
        "rejects",
        "dismissed",
        "dismiss",
        "refuted",
        "refute",
    }
)
_NEGATION = re.compile(r"\b(not|no|never|n't|nothing|without)\b")


@dataclass(frozen=True)
class ClaimFacts:
    """What conflict detection needs of a claim."""

    id: str
    text: str
    cue: str
    quantities: tuple[Quantity, ...]


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


def quantity_conflicts(claims: Sequence[ClaimFacts]) -> list[tuple[str, str, str]]:
    """Pairs ``(a, b, why)`` of claims whose quantities of one unit cannot both be true."""
    blocks: dict[str, list[tuple[ClaimFacts, Quantity]]] = defaultdict(list)
    for c in claims:
        for q in c.quantities:
            unit = _unit_key(q.unit)
            if unit:
                blocks[unit].append((c, q))
    out: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    for unit, items in blocks.items():
        items = items[:200]
        for i, (a, qa) in enumerate(items):
            wa = {w[:5] for w in content_words(a.text)} - {unit[:5]}
            for b, qb in items[i + 1 :]:
                if a.id == b.id or (a.id, b.id) in seen or (b.id, a.id) in seen:
                    continue
                wb = {w[:5] for w in content_words(b.text)} - {unit[:5]}
                if not wa & wb:
                    continue
                la, ha = interval(qa)
                lb, hb = interval(qb)
                if ha < lb or hb < la:
                    seen.add((a.id, b.id))
                    out.append((a.id, b.id, f"{qa.text} vs {qb.text}"))
    return out


def _concepts(text: str) -> set[str]:
    low = text.casefold()
    found = set()
    for stem, concept in CONCEPTS.items():
        if re.search(r"\b" + re.escape(stem), low):
            found.add(concept)
    return found


def _actors(text: str) -> set[str]:
    low = " " + re.sub(r"[^\w\s.-]", " ", text.casefold()) + " "
    return {gov for key, gov in METONYMS.items() if f" {key} " in low}


def _is_negative(c: ClaimFacts) -> bool:
    return c.cue.casefold() in NEGATION_CUES or bool(_NEGATION.search(c.text.casefold()))


def contradictions(
    claims: Sequence[ClaimFacts], *, actor_of: dict[str, set[str]] | None = None
) -> list[tuple[str, str, str]]:
    """Pairs ``(denial, assertion, concept)`` where one claim denies what another asserts.

    ``actor_of`` may give the actors a claim is about when its text does not name them (a
    denial by Russia, "it is preparing to invade", is about Russia).
    """
    neg: dict[tuple[str, str], list[ClaimFacts]] = defaultdict(list)
    pos: dict[tuple[str, str], list[ClaimFacts]] = defaultdict(list)
    for c in claims:
        actors = _actors(c.text) | (actor_of or {}).get(c.id, set())
        for concept in _concepts(c.text):
            for actor in actors:
                (neg if _is_negative(c) else pos)[(actor, concept)].append(c)
    out: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    for key, denials in neg.items():
        for a in denials[:50]:
            for b in pos.get(key, [])[:50]:
                pair = (a.id, b.id)
                if a.id != b.id and pair not in seen:
                    seen.add(pair)
                    out.append((a.id, b.id, key[1]))
    return out

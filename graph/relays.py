"""Relays: a spokesman or an organisation that passes on someone else's words.

"He underscored …," said Price: the claim is Blinken's, relayed by his spokesman; "according to
the State Department", Blinken told Lavrov …: Blinken's, relayed by the department. A relay
links the two speakers (``relays``) and, for a spokesman, his other quotes that report his
principal ("He noted …", "Secretary Blinken reiterated …") become the principal's claims.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ..ingest.records import ClaimMention, DocumentRecord
from .candidates import classify_phrase, clean_surface, person_name, relay_wrote
from .kinds import CandidateKind as CK
from .kinds import SpeakerType
from .names import clean_role, name_key, strip_titles

__all__ = ["reattribute_relays"]

_RELAYED = re.compile(r"^\W*(?:he|she)\s+\w+(?:ed|s)\b", re.IGNORECASE)


def reattribute_relays(
    records: Sequence[DocumentRecord],
    assignment: dict,
    by_key: dict,
    person_canon: Mapping[str, str],
    alias_index: Mapping[str, str],
) -> dict:
    """Link each relayed mention to its relay; reattribute a spokesman's "He noted …" quotes.

    Only a spokesman's other quotes are read as his principal's words: an organisation's own
    statements stay its own.
    """
    relayed: dict = {}

    def find(name: str):
        key = name_key(strip_titles(name))
        canon = alias_index.get(key) or person_canon.get(strip_titles(name))
        if canon and canon in by_key:
            return by_key[canon]
        for sp in by_key.values():
            if sp.type == SpeakerType.PERSON and key in {name_key(a) for a in sp.aliases}:
                return sp
        return _body_relay(name, by_key) or _person_relay(name, by_key)

    for rec in records:
        principals: dict = {}  # spokesman name → principal
        for i, m in enumerate(rec.claims):
            sp = assignment.get((rec.id, i))
            if sp is None or not m.relayed_by:
                continue
            relay = find(m.relayed_by)
            if relay is None or relay is sp:
                continue
            relayed[(rec.id, i)] = relay
            if relay.type == SpeakerType.PERSON and relay_wrote(rec, m):
                principals[relay.name] = sp
                _learn_from_spokesman(rec, m, relay)
        for i, m in enumerate(rec.claims):
            sp = assignment.get((rec.id, i))
            if sp is None or sp.name not in principals or m.kind not in ("direct", "mixed"):
                continue
            principal = principals[sp.name]
            surname = principal.name.split()[-1]
            text = m.text or ""
            if _RELAYED.match(text) or re.search(rf"\b{re.escape(surname)}\s+\w+ed\b", text):
                assignment[(rec.id, i)] = principal
                relayed[(rec.id, i)] = sp
    return relayed


def _body_relay(name: str, by_key: dict):
    """The organisation or government a relay's name stands for, made when seen only so."""
    from .speakers import Speaker

    cand = classify_phrase(name)
    if cand is None or cand.kind not in (CK.ORGANISATION, CK.GOVERNMENT):
        return None
    sp = by_key.setdefault(cand.name, Speaker(name=cand.name, type=str(cand.kind)))
    sp.aliases.add(cand.name)
    written = clean_surface(name)
    if written and classify_phrase(written) is not None:
        sp.aliases.add(written)
    return sp


def _person_relay(name: str, by_key: dict):
    """The person a relay's full name stands for, made when seen only as a relay."""
    from .speakers import Speaker

    person = person_name(name)
    if person is None or person.kind != CK.PERSON:
        return None
    sp = by_key.setdefault(person.name, Speaker(name=person.name, type=SpeakerType.PERSON.value))
    sp.aliases.add(person.name)
    return sp


def _learn_from_spokesman(rec: DocumentRecord, m: ClaimMention, relay) -> None:
    """The role and spelling a spokesman's own speaker span gives him ("spokesman Ned Price")."""
    if clean_role(m.speaker_role):
        relay.roles.add(clean_role(m.speaker_role))
    surface = " ".join(rec.text[s:e] for s, e in m.speaker)
    written = person_name(clean_surface(surface))
    if (
        written is not None
        and name_key(written.name).split()[-1:] == (name_key(relay.name).split()[-1:])
    ):
        relay.aliases.add(written.name)

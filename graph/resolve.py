"""Resolve speaker mentions across articles to one speaker per real person or body.

Order of evidence, strongest first: a user-supplied entity file (name, aliases, type, id), the
in-article name ingest resolved (``speaker_name``), metonyms of governments ("Washington",
"the Kremlin"), full names grouped by surname and joined when their first names are fuzzy
variants ("Sergey"/"Sergei") or the surname is a near-miss ("Antony Blink"), then bare surnames
and roles ("the Secretary of State"), resolved inside the article first and across articles
only when unambiguous. Two different people who share a surname stay apart unless one of them is
the only bearer of that surname in the corpus.

Limits: no knowledge base beyond the optional entity file and the metonym table; a role shared
by several people across a corpus ("the Prime Minister") resolves only inside its article.
"""

from __future__ import annotations

import csv
import json
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from ..ingest.errors import InputError
from ..ingest.records import ClaimMention, DocumentRecord
from .names import is_pronoun, name_key, strip_titles

__all__ = [
    "Speaker",
    "KnownEntity",
    "resolve_speakers",
    "load_known_entities",
    "METONYMS",
    "ANONYMOUS_HEADS",
]

logger = logging.getLogger(__name__)

#: Metonyms of governments: a capital or seat of power speaks for the state.
METONYMS: dict[str, str] = {
    "washington": "United States",
    "us": "United States",
    "u.s": "United States",
    "united states": "United States",
    "america": "United States",
    "white house": "United States",
    "biden administration": "United States",
    "us administration": "United States",
    "us government": "United States",
    "moscow": "Russia",
    "kremlin": "Russia",
    "russia": "Russia",
    "russian government": "Russia",
    "russian federation": "Russia",
    "kyiv": "Ukraine",
    "kiev": "Ukraine",
    "ukraine": "Ukraine",
    "beijing": "China",
    "china": "China",
    "london": "United Kingdom",
    "britain": "United Kingdom",
    "uk": "United Kingdom",
    "downing street": "United Kingdom",
    "paris": "France",
    "france": "France",
    "berlin": "Germany",
    "germany": "Germany",
    "canada": "Canada",
    "ottawa": "Canada",
    "tokyo": "Japan",
    "japan": "Japan",
}

#: Head words of speakers who are not named: "US officials", "sources", "a spokesman".
ANONYMOUS_HEADS = frozenset(
    [
        "official",
        "officials",
        "source",
        "sources",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "analyst",
        "analysts",
        "diplomat",
        "diplomats",
        "expert",
        "experts",
        "observer",
        "observers",
        "critic",
        "critics",
        "witness",
        "witnesses",
        "people",
        "residents",
        "lawmakers",
        "aides",
        "aide",
        "insider",
        "insiders",
        "commenter",
        "reader",
    ]
)

_ORG_WORDS = frozenset(
    [
        "ministry",
        "department",
        "agency",
        "office",
        "council",
        "committee",
        "commission",
        "union",
        "organization",
        "organisation",
        "party",
        "alliance",
        "bank",
        "court",
        "service",
        "services",
        "company",
        "corporation",
        "group",
        "administration",
        "government",
        "parliament",
        "congress",
        "senate",
        "army",
        "forces",
        "police",
        "nato",
        "un",
        "eu",
        "institute",
        "university",
    ]
)


@dataclass
class Speaker:
    """One resolved speaker; ``key`` is the canonical name the node id is minted from."""

    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    same_as: str | None = None
    affiliation: str | None = None

    @property
    def key(self) -> str:
        return self.name


@dataclass(frozen=True)
class KnownEntity:
    """A row of the user's entity file: seeds resolution, exported as ``schema:sameAs``."""

    name: str
    aliases: tuple[str, ...] = ()
    type: str = "person"
    id: str | None = None


def load_known_entities(path: str | Path) -> list[KnownEntity]:
    """Read a CSV (``name,aliases,type,id``; aliases ``|``-separated) or JSON list of objects."""
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{p}: cannot read entity file ({exc.strerror})") from exc
    rows: list[dict] = []
    if p.suffix.lower() == ".json":
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise InputError(f"{p}: invalid JSON ({exc.msg} at line {exc.lineno})") from exc
        rows = data if isinstance(data, list) else []
    else:
        rows = list(csv.DictReader(raw.splitlines()))
    out = []
    for i, row in enumerate(rows, 1):
        if not isinstance(row, dict) or not row.get("name"):
            raise InputError(f"{p}: entry {i} has no 'name'")
        aliases = row.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [a.strip() for a in aliases.split("|") if a.strip()]
        out.append(
            KnownEntity(
                name=str(row["name"]).strip(),
                aliases=tuple(aliases),
                type=str(row.get("type") or "person").strip(),
                id=(str(row["id"]).strip() or None) if row.get("id") else None,
            )
        )
    return out


def _surface(record: DocumentRecord, mention: ClaimMention) -> str:
    return " ".join(record.text[s:e] for s, e in mention.speaker).strip()


def _classify(name: str, hint: str | None) -> str:
    key = name_key(name)
    if hint in ("person", "organisation", "government", "group", "anonymous"):
        return hint
    if key in METONYMS:
        return "government"
    words = key.split()
    if not words:
        return "anonymous"
    if words[-1] in ANONYMOUS_HEADS:
        return "anonymous" if len(words) <= 3 else "group"
    if any(w in _ORG_WORDS for w in words) or name.isupper():
        return "organisation"
    return "person"


def resolve_speakers(
    records: Sequence[DocumentRecord],
    *,
    known: Iterable[KnownEntity] = (),
    threshold: float = 85.0,
) -> tuple[dict[tuple[str, int], Speaker], list[Speaker]]:
    """Map every attributed mention ``(doc_id, claim_index)`` to a :class:`Speaker`.

    Returns the assignment and the list of distinct speakers. Mentions with no speaker (the
    outlet's own assertions, unresolved pronouns) are left out of the assignment.
    """
    by_key: dict[str, Speaker] = {}
    alias_index: dict[str, str] = {}  # name_key(alias) → canonical name

    def canonical(name: str, type_: str) -> Speaker:
        sp = by_key.get(name)
        if sp is None:
            sp = by_key[name] = Speaker(name=name, type=type_)
        return sp

    for ent in known:
        sp = canonical(ent.name, ent.type)
        sp.same_as = ent.id
        for alias in (ent.name, *ent.aliases):
            alias_index[name_key(alias)] = ent.name
            sp.aliases.add(alias)

    # 1. Collect the names each mention offers.
    offered: dict[tuple[str, int], tuple[str, str, str]] = {}  # → (name, surface, type)
    name_docs: dict[str, set[str]] = defaultdict(set)
    for rec in records:
        for i, m in enumerate(rec.claims):
            surface = _surface(rec, m)
            name = (m.speaker_name or "").strip() or surface
            if not name or is_pronoun(name) or m.kind == "assertion" and not m.speaker:
                continue
            name = strip_titles(name) if _classify(name, m.speaker_type) == "person" else name
            type_ = _classify(name, m.speaker_type)
            offered[(rec.id, i)] = (name, surface, type_)
            if type_ == "person" and len(name.split()) >= 2:
                name_docs[name].add(rec.id)

    # The canonical spelling of a person is the one most articles use (entities included).
    for rec in records:
        for name in {e.text.strip() for e in rec.entities if e.label == "PERSON"}:
            if name in name_docs:
                name_docs[name].add(rec.id)
    full_names = Counter({name: len(docs) for name, docs in sorted(name_docs.items())})

    # 2. Cluster full person names: same surname family and fuzzy-equal full names.
    person_canon: dict[str, str] = {}
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name, _count in full_names.most_common():
        key = name_key(name)
        if key in alias_index:
            person_canon[name] = alias_index[key]
            continue
        surname = key.split()[-1]
        target = None
        for cand in by_surname[surname[:4]]:
            if fuzz.ratio(key, name_key(cand)) >= threshold and _first_compatible(key, cand):
                target = cand
                break
        if target is None:
            by_surname[surname[:4]].append(name)
            target = name
        person_canon[name] = target

    surname_owner: dict[str, set[str]] = defaultdict(set)
    for canon in set(person_canon.values()):
        surname_owner[name_key(canon).split()[-1]].add(canon)

    # 3. Assign each mention.
    assignment: dict[tuple[str, int], Speaker] = {}
    doc_people: dict[str, set[str]] = defaultdict(set)
    for (doc_id, _i), (name, _surf, _type) in offered.items():
        if name in person_canon:
            doc_people[doc_id].add(person_canon[name])
    for (doc_id, i), (name, surface, type_) in offered.items():
        key = name_key(name)
        if key in alias_index:
            canon, type_ = alias_index[key], by_key[alias_index[key]].type
        elif type_ == "government" or key in METONYMS:
            canon, type_ = METONYMS.get(key, name), "government"
        elif name in person_canon:
            canon = person_canon[name]
        elif type_ == "person" and len(key.split()) == 1:
            in_doc = [p for p in doc_people[doc_id] if name_key(p).split()[-1] == key]
            owners = in_doc or sorted(surname_owner.get(key, ()))
            canon = owners[0] if len(owners) == 1 else name
        else:
            canon = name
        sp = canonical(canon, type_)
        sp.aliases.add(name)
        if surface and not is_pronoun(surface):
            sp.aliases.add(surface)
        assignment[(doc_id, i)] = sp
    for rec in records:
        for i, m in enumerate(rec.claims):
            sp = assignment.get((rec.id, i))
            if sp is not None and m.speaker_role:
                sp.roles.add(m.speaker_role)
    return assignment, sorted(by_key.values(), key=lambda s: s.name)


def _first_compatible(key: str, other: str) -> bool:
    """Two full names can be one person only if their first names agree (fuzzily)."""
    a, b = key.split(), name_key(other).split()
    if len(a) < 2 or len(b) < 2:
        return True
    return fuzz.ratio(a[0], b[0]) >= 70 or a[0][0] == b[0][0] and (len(a[0]) <= 2 or len(b[0]) <= 2)

"""Inside one article: who is named, in which role, and whom each speaker span points to.

An article names its people and bodies once in full and then says "Reid", "her rep", "the
actress", "the Academy", "police". :func:`article_cast` indexes what the article names (full
person names with their roles, genders and generational suffixes; who holds which role for
whom; organisations); :func:`resolve_in_article` maps each speaker candidate to a
:class:`Referent`, resolved as far as the article allows:

- a surname to the one person of the article with that surname (an honorific must agree: "Mrs.
  Clinton" is not Bill Clinton; "Jr." is not his father);
- "her rep" to the person the article names as someone's rep, publicist or spokesman;
- "the actress" to the person the article is about (the most named one);
- "the Academy" to the article's organisation of that head word, "police" to the article's
  named police body.

What the article leaves open (a generic "police" with no named body, "her rep" with no name)
stays open for the story (:mod:`.speakers`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from ..ingest.records import DocumentRecord
from .candidates import Candidate, clean_surface, org_name, person_name
from .kinds import CandidateKind as CK
from .knowledge import knowledge
from .names import clean_role, is_pronoun, name_key

__all__ = ["Referent", "Cast", "article_cast", "resolve_in_article", "title_before"]

_K = knowledge()
_ROLE_NOUN_RE = "|".join(re.escape(r) for r in sorted(_K.role_classes, key=len, reverse=True))
_APPOSITION_AFTER = re.compile(
    rf"(?i)^\s*,\s*(?:(?P<poss>his|her|their|its|[\w.' -]+?['’]s?)\s+)?"
    rf"(?:(?:\w+[- ]?){{0,2}}\s+)?(?P<role>{_ROLE_NOUN_RE})\b"
)
_ROLE_BEFORE = re.compile(
    rf"(?i)(?:(?P<poss>his|her|their|its|[\w.' -]+?['’]s?)\s+)?(?:\w+\s+){{0,2}}?"
    rf"(?P<role>{_ROLE_NOUN_RE}),?\s+$"
)
_TITLE_RUN = re.compile(r"((?:[A-Z][\w.'’-]*|of|the)\s+){1,6}$")


@dataclass(frozen=True)
class Referent:
    """Whom a speaker span points to, as far as its article tells.

    ``kind`` is the candidate kind after resolution: a resolved "her rep" is a ``person``; an
    open one stays ``role_of`` with ``role_class`` and ``principal`` (the full name of whom the
    role is held for, when the article names them).
    """

    kind: CK
    name: str
    role: str | None = None
    principal: str | None = None
    role_class: str | None = None
    gender: str | None = None
    family: str | None = None


@dataclass
class Cast:
    """What one article names: people, their roles and relations, organisations."""

    doc_id: str
    counts: Counter[str] = field(default_factory=Counter)  # full name → times named
    roles: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    genders: dict[str, str] = field(default_factory=dict)
    holders: dict[str, list[tuple[str, str | None]]] = field(
        default_factory=lambda: defaultdict(list)
    )  # role class → [(holder, principal written)]
    orgs: list[str] = field(default_factory=list)
    surnames: set[str] = field(default_factory=set)  # one-word names the parse calls people

    @property
    def persons(self) -> list[str]:
        return sorted(self.counts)

    def by_surname(self, word: str) -> list[str]:
        key = name_key(word)
        return sorted(p for p in self.counts if _surname(p) == key)

    @property
    def salient(self) -> str | None:
        """The person the article is most about: named most often (surnames counted)."""
        if not self.counts:
            return None
        ranked = sorted(self.counts.items(), key=lambda x: (-x[1], x[0]))
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            return None
        return ranked[0][0]


def _surname(name: str) -> str:
    words = [w for w in name_key(name).split() if w not in _K.generational]
    return words[-1] if words else ""


def title_before(text: str, start: int) -> str | None:
    """The title written right before a name: "US Secretary of State" in "… Antony Blinken".

    >>> title_before("Russian Foreign Minister Sergey Lavrov said", 25)
    'Russian Foreign Minister'
    """
    line_start = text.rfind("\n", 0, start) + 1
    window = text[max(line_start, start - 80) : start]
    match = _TITLE_RUN.search(window)
    if not match:
        return None
    words = match.group(0).split()
    while words and words[0] in ("of", "the"):
        words = words[1:]
    return clean_role(" ".join(words)) if words else None


def _role_relation(text: str, start: int, end: int) -> tuple[str, str | None] | None:
    """(role class, principal) written around a name: "her publicist, Jack Ketsoyan",
    "Harlan Boll, Williams' publicist", "spokesman Harlan Boll"."""
    before = text[max(0, start - 60) : start]
    m = _ROLE_BEFORE.search(before)
    if m is None:
        m = _APPOSITION_AFTER.match(text[end : end + 60])
    if m is None:
        return None
    poss = (m.group("poss") or "").strip()
    poss = re.sub(r"['’]s?$", "", poss).strip() or None
    return _K.role_classes[m.group("role").casefold()], poss


def article_cast(record: DocumentRecord, candidates: list[Candidate | None]) -> Cast:
    """Index the people and organisations ``record`` names, with their roles."""
    cast = Cast(record.id)
    surname_hits: Counter[str] = Counter()
    for ent in record.entities:
        if ent.label == "PERSON":
            person = person_name(ent.text)
            if person is None:
                continue
            if person.kind == CK.SURNAME:
                surname_hits[name_key(person.name)] += 1
                cast.surnames.add(name_key(person.name))
                continue
            cast.counts[person.name] += 1
            gender = person.gender or _K.first_names.get(person.name.split()[0].casefold())
            if gender:
                cast.genders.setdefault(person.name, gender)
            role = title_before(record.text, ent.start)
            if role:
                cast.roles[person.name].add(role)
            relation = _role_relation(record.text, ent.start, ent.end)
            if relation:
                cast.holders[relation[0]].append((person.name, relation[1]))
        elif ent.label == "ORG":
            name = org_name(ent.text)
            if name and name not in cast.orgs:
                cast.orgs.append(name)
    for cand in candidates:
        if cand is None:
            continue
        if cand.kind == CK.PERSON:
            cast.counts[cand.name] += 0  # named as a speaker: a person of the article
            if cand.role:
                cast.roles[cand.name].add(cand.role)
                noun = cand.role.split()[-1].casefold()
                if noun in _K.role_classes:
                    cast.holders[_K.role_classes[noun]].append((cand.name, None))
            if cand.gender:
                cast.genders.setdefault(cand.name, cand.gender)
        elif cand.kind == CK.ORGANISATION and cand.name not in cast.orgs:
            cast.orgs.append(cand.name)
    for word, hits in surname_hits.items():
        owners = cast.by_surname(word)
        if len(owners) == 1:
            cast.counts[owners[0]] += hits
    return cast


def _agrees(cast: Cast, person: str, cand: Candidate) -> bool:
    """An honorific's gender and a generational suffix must fit the person."""
    known = cast.genders.get(person)
    if cand.gender and known and cand.gender != known:
        return False
    written = person_name(person)
    family = written.family if written else None
    return cand.family == family or (cand.family is None and family is None)


def _principal(cast: Cast, text: str | None) -> str | None:
    """The person a possessor points to: "her" → the article's main person, "Reid" → Tara Reid."""
    if not text:
        return None
    words = text.split()
    if is_pronoun(text) or (words and words[-1].casefold() in _K.person_nouns):
        return cast.salient
    person = person_name(text)
    if person is None:
        return None
    if person.kind == CK.PERSON:
        return person.name
    owners = cast.by_surname(person.name)
    return owners[0] if len(owners) == 1 else None


def _resolve_role_of(cast: Cast, cand: Candidate) -> Referent:
    principal = _principal(cast, cand.principal)
    holders = []
    for holder, written in cast.holders.get(cand.name, []):
        of = _principal(cast, written) if written else None
        if holder != principal and (principal is None or of in (None, principal)):
            holders.append(holder)
    holders = sorted(set(holders))
    if len(holders) == 1:
        return Referent(CK.PERSON, holders[0], role=cand.role)
    return Referent(
        CK.ROLE_OF, cand.name, role=cand.role, principal=principal, role_class=cand.name
    )


def _resolve_org_short(cast: Cast, cand: Candidate) -> Referent:
    word = cand.name.casefold()
    full = [o for o in cast.orgs if word in name_key(o).split() and name_key(o) != word]
    if len({name_key(o) for o in full}) == 1:
        return Referent(CK.ORGANISATION, full[0])
    return Referent(CK.ORG_SHORT, cand.name)


def _resolve_generic(cast: Cast, cand: Candidate) -> Referent:
    classes = [g for g in _K.generic.values() if g.name == cand.name]
    words = frozenset().union(*(g.body_words for g in classes)) if classes else frozenset()
    bodies = sorted({o for o in cast.orgs if words & set(name_key(o).split())})
    if len(bodies) == 1:
        return Referent(CK.ORGANISATION, bodies[0])
    return Referent(CK.GENERIC, cand.name)


def _resolve_surname(cast: Cast, cand: Candidate) -> Referent:
    owners = [p for p in cast.by_surname(cand.name) if _agrees(cast, p, cand)]
    if len(owners) == 1:
        return Referent(CK.PERSON, owners[0], role=cand.role)
    if not owners and cand.kind == CK.SURNAME:
        close = [
            p
            for p in cast.persons
            if _surname(p).startswith(name_key(cand.name))
            and len(name_key(cand.name)) >= 4
            and _agrees(cast, p, cand)
        ]
        if len(close) == 1:  # a near-miss of the article's own spelling ("Blink")
            return Referent(CK.PERSON, close[0], role=cand.role)
    return Referent(CK.SURNAME, cand.name, role=cand.role, gender=cand.gender, family=cand.family)


def resolve_in_article(cast: Cast, cand: Candidate) -> Referent | None:
    """Whom ``cand`` points to inside its article; ``None`` when it names no one."""
    if cand.kind == CK.SURNAME:
        return _resolve_surname(cast, cand)
    if cand.kind == CK.ROLE_OF:
        return _resolve_role_of(cast, cand)
    if cand.kind == CK.DESCRIPTION:
        salient = cast.salient
        return Referent(CK.PERSON, salient) if salient else None
    if cand.kind == CK.ORG_SHORT:
        return _resolve_org_short(cast, cand)
    if cand.kind == CK.GENERIC:
        return _resolve_generic(cast, cand)
    if cand.kind == CK.ROLE:
        holders = sorted(
            p for p in cast.persons if any(_same_role(cand.name, r) for r in cast.roles.get(p, ()))
        )
        if len(holders) == 1:
            return Referent(CK.PERSON, holders[0], role=cand.role)
    return Referent(cand.kind, cand.name, cand.role, gender=cand.gender, family=cand.family)


def _same_role(phrase: str, role: str) -> bool:
    from .speakers import roles_match  # one definition of a role fitting a person

    return roles_match(phrase, [role])


def fallback(seen: list[tuple[str, Candidate]], speaker_name: str | None) -> Candidate | None:
    """The candidate offered earlier in the article for the words ingest resolved to
    ("State" after "the Secretary of State")."""
    if not speaker_name or is_pronoun(speaker_name):
        return None
    word = name_key(speaker_name)
    for surface, prior in reversed(seen):
        if word and f" {word} " in f" {name_key(clean_surface(surface))} ":
            return prior
    return None


def with_role(ref: Referent, role: str | None) -> Referent:
    return replace(ref, role=role) if role and not ref.role else ref

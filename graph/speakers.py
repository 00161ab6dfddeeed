"""Across articles: one speaker node per real person or body, whatever the spelling.

Input: every attributed mention's :class:`~.articles.Referent` (resolved inside its article) and
the stories. The phases, strongest evidence first:

1. **known entities** from the user's file seed the alias index;
2. **people**: full names grouped by surname and joined when fuzzy-equal ("Sergey"/"Sergei
   Lavrov", "Antony Blink"), their first names agree, their roles' countries agree, an honorific
   does not contradict ("Mrs." is no "Mr.") and the generational suffix is the same ("Donald
   Trump Jr." is not Donald Trump);
3. **surnames and roles** an article left open resolve across the corpus only when one person
   fits, after looking at roles and at the names around the mention;
4. **organisations** meet on a normalised name ("H-P" and "HP"), an acronym of a longer name
   in the same story ("THR" and "The Hollywood Reporter") and corporate or country suffixes
   ("T-Mobile USA" and "T-Mobile");
5. **inside a story**: an unnamed "police" is the story's named police body, or one generic
   speaker of that story; "her rep" is whoever the story names as that person's rep; "the
   Academy" is the story's organisation of that head word. Generic and anonymous speakers are
   never one node across stories.

Each phase is a function over plain dicts; :func:`resolve_speakers` chains them.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from rapidfuzz import fuzz

from ..ingest.errors import InputError
from ..ingest.records import DocumentRecord
from .articles import Cast, Referent, article_cast, fallback, resolve_in_article
from .candidates import COMMENTER, Candidate, candidate, classify_phrase, person_name
from .kinds import SPEAKER_TYPE, SpeakerType
from .kinds import CandidateKind as CK
from .knowledge import knowledge
from .names import NATIONALITIES, role_country, role_words
from .names import name_key as _name_key
from .settings import DEFAULT, Settings

__all__ = [
    "Speaker",
    "KnownEntity",
    "Resolution",
    "resolve_speakers",
    "load_known_entities",
    "roles_match",
    "org_key",
]

_K = knowledge()
MentionKey = tuple[str, int]


@dataclass
class Speaker:
    """One resolved speaker. ``scope`` is the story of a story-bound speaker ("police").

    ``name`` and ``scope`` are fixed when the speaker is made.
    """

    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    same_as: str | None = None
    affiliation: str | None = None
    scope: str | None = None

    @cached_property
    def key(self) -> str:
        """Made once: a story's key names all its articles, and every mention asks for it."""
        return self.name if self.scope is None else f"{self.name}\x1f{self.scope}"


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
    except UnicodeDecodeError:
        raise InputError(f"{p}: entity file is not UTF-8 text") from None
    rows: list = []
    if p.suffix.lower() == ".json":
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise InputError(f"{p}: invalid JSON ({exc.msg} at line {exc.lineno})") from exc
        rows = data if isinstance(data, list) else []
    else:
        try:
            rows = list(csv.DictReader(io.StringIO(raw, newline="")))
        except csv.Error as exc:
            raise InputError(f"{p}: invalid CSV ({exc})") from exc
    out = []
    for i, row in enumerate(rows, 1):
        if not isinstance(row, dict) or not isinstance(row.get("name"), str) or not row["name"]:
            raise InputError(f"{p}: entry {i} has no 'name'")
        aliases = row.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [a.strip() for a in aliases.split("|") if a.strip()]
        ident = row.get("id")
        out.append(
            KnownEntity(
                name=str(row["name"]).strip(),
                aliases=tuple(aliases),
                type=str(row.get("type") or "person").strip(),
                id=(str(ident).strip() or None) if ident else None,
            )
        )
    return out


@dataclass
class Resolution:
    """Mention → speaker, the speakers, relays, and the mentions that name no one."""

    assignment: dict[MentionKey, Speaker]
    speakers: list[Speaker]
    relayed_by: dict[MentionKey, Speaker] = field(default_factory=dict)
    dropped: list[tuple[str, int, str]] = field(default_factory=list)

    def __iter__(self):
        return iter((self.assignment, self.speakers))


def name_key(text: str) -> str:
    return _name_key(text)


def roles_match(phrase: str, roles: Iterable[str]) -> bool:
    """Whether a role phrase ("the Secretary of State") fits one of a person's roles."""
    words = role_words(phrase)
    core = {
        w
        for w in words
        if w not in NATIONALITIES and w not in ("of", "the", "top", "senior", "former", "new")
    }
    if not core:
        return False
    country = role_country(phrase)
    for role in roles:
        rw = set(role_words(role))
        if core <= rw and (country is None or role_country(role) in (None, country)):
            return True
    return False


def org_key(name: str) -> str:
    """The comparable form of an organisation's name.

    >>> org_key("H-P"), org_key("HP Inc."), org_key("T-Mobile USA"), org_key("The NYDN")
    ('hp', 'hp', 'tmobile', 'nydn')
    """
    words = name_key(name.replace("-", "").replace(".", "")).split()
    while len(words) > 1 and (
        words[-1] in _K.corporate_suffixes
        or _K.countries.get(words[-1]) in ("United States", "United Kingdom")
    ):
        words.pop()
    return " ".join(words)


def acronym(name: str) -> str | None:
    """Initials of a multi-word name: "The Hollywood Reporter" → "thr" (and without "The").

    >>> acronym("The Hollywood Reporter"), acronym("U.S. Geological Survey")
    ('thr', 'usgs')
    """
    words = re.findall(r"[A-Za-z][\w'’]*", name.replace(".", ". "))
    caps = [w for w in words if w[:1].isupper()]
    if len(caps) < 2:
        return None
    return "".join(w[0] for w in caps).casefold()


# ---------------------------------------------------------------------------- phases


@dataclass
class _Offer:
    key: MentionKey
    cand: Candidate
    ref: Referent
    surface: str


def _offers(
    records: Sequence[DocumentRecord], dropped: list[tuple[str, int, str]]
) -> tuple[dict[str, list[_Offer]], dict[str, Cast]]:
    """Phase 0: every mention's candidate, resolved inside its article."""
    offers: dict[str, list[_Offer]] = {}
    casts: dict[str, Cast] = {}
    for rec in records:
        cands = [candidate(rec, m) if (m.speaker or m.speaker_name) else None for m in rec.claims]
        cast = casts[rec.id] = article_cast(rec, cands)
        seen: list[tuple[str, Candidate]] = []
        out = offers[rec.id] = []
        for i, (m, cand) in enumerate(zip(rec.claims, cands, strict=True)):
            surface = " ".join(rec.text[s:e] for s, e in m.speaker).strip()
            if cand is None:
                cand = fallback(seen, m.speaker_name)
            ref = resolve_in_article(cast, cand) if cand is not None else None
            if ref is None:
                if m.speaker or m.speaker_name:
                    dropped.append((rec.id, i, surface or (m.speaker_name or "")))
                continue
            if surface:
                seen.append((surface, cand))
            out.append(_Offer((rec.id, i), cand, ref, surface))
    return offers, casts


class _People:
    """Phase 2–3: full names clustered across articles; surnames and roles resolved."""

    def __init__(
        self,
        offers: Mapping[str, list[_Offer]],
        casts: Mapping[str, Cast],
        alias_index: dict[str, str],
        settings: Settings,
    ) -> None:
        self.settings = settings
        self.alias_index = alias_index
        self.casts = casts
        name_docs: dict[str, set[str]] = defaultdict(set)
        self.name_roles: dict[str, set[str]] = defaultdict(set)
        self.genders: dict[str, set[str]] = defaultdict(set)
        for doc_id, items in offers.items():
            for o in items:
                if o.ref.kind == CK.PERSON:
                    name_docs[o.ref.name].add(doc_id)
                    if o.ref.role:
                        self.name_roles[o.ref.name].add(o.ref.role)
        for doc_id, cast in casts.items():
            for name in cast.persons:
                self.name_roles[name] |= cast.roles.get(name, set())
                if name in cast.genders:
                    self.genders[name].add(cast.genders[name])
                first = _K.first_names.get(name.split()[0].casefold())
                if first:
                    self.genders[name].add(first)
                if name in name_docs:
                    name_docs[name].add(doc_id)
        self.canon = self._cluster(name_docs)
        self.canon_roles: dict[str, set[str]] = defaultdict(set)
        self.canon_docs: dict[str, set[str]] = defaultdict(set)
        for name, canon in self.canon.items():
            self.canon_roles[canon] |= self.name_roles[name]
            self.canon_docs[canon] |= name_docs[name]
        self.owners: dict[str, set[str]] = defaultdict(set)
        for canon in self.canon_docs:
            self.owners[_surname(canon)].add(canon)
        self.context: dict[str, set[str]] = defaultdict(set)
        for canon, docs in self.canon_docs.items():
            for doc_id in docs:
                self.context[canon] |= {name_key(p) for p in casts[doc_id].persons}
            self.context[canon].discard(name_key(canon))
        self.role_index: dict[str, set[str]] = defaultdict(set)
        for person, roles in self.canon_roles.items():
            for role in roles:
                for w in role_words(role):
                    if w not in NATIONALITIES and w not in ("of", "the"):
                        self.role_index[w].add(person)

    def _compatible(self, a: str, b: str) -> bool:
        ka, kb = name_key(a), name_key(b)
        if fuzz.ratio(ka, kb) < self.settings.name_similarity and not _middle_name_only(ka, kb):
            return False
        if not _first_compatible(ka, kb, self.settings.first_name_similarity):
            return False
        pa, pb = person_name(a), person_name(b)
        if (pa.family if pa else None) != (pb.family if pb else None):
            return False
        if self.genders[a] and self.genders[b] and not self.genders[a] & self.genders[b]:
            return False
        return _roles_compatible(self.name_roles[a], self.name_roles[b])

    def _cluster(self, name_docs: Mapping[str, set[str]]) -> dict[str, str]:
        canon: dict[str, str] = {}
        blocks: dict[str, list[str]] = defaultdict(list)
        for name, _n in Counter({n: len(d) for n, d in sorted(name_docs.items())}).most_common():
            key = name_key(name)
            if key in self.alias_index:
                canon[name] = self.alias_index[key]
                continue
            block = _surname(name)[:4]
            target = next((c for c in blocks[block] if self._compatible(name, c)), None)
            if target is None:
                blocks[block].append(name)
                target = name
            canon[name] = target
        return canon

    def surname(self, ref: Referent, doc_id: str) -> str | None:
        """The person a surname the article left open names, if one fits."""
        key = name_key(ref.name)
        if key in self.alias_index:
            return self.alias_index[key]
        owners = sorted(
            p
            for p in self.owners.get(key, ())
            if _family_of(p) == ref.family
            and (not ref.gender or not self.genders[p] or ref.gender in self.genders[p])
        )
        if len(owners) == 1:
            return owners[0]
        if len(owners) > 1:
            context = {name_key(p) for p in self.casts[doc_id].persons}
            scored = sorted(
                (
                    (
                        2 * (bool(ref.role) and roles_match(ref.role or "", self.canon_roles[o]))
                        + len(context & self.context[o]),
                        o,
                    )
                    for o in owners
                ),
                key=lambda x: (-x[0], x[1]),
            )
            if scored[0][0] > 0 and scored[0][0] > scored[1][0]:
                return scored[0][1]
        return None

    def role(self, phrase: str, doc_id: str, before: list[Speaker]) -> str | None:
        """The one person a role phrase ("the Secretary of State") fits, if one does."""
        core = [w for w in role_words(phrase) if w in self.role_index]
        pool = set.intersection(*(self.role_index[w] for w in core)) if core else set()
        holders = sorted(p for p in pool if roles_match(phrase, self.canon_roles[p]))
        if len(holders) == 1:
            return holders[0]
        country = role_country(phrase)
        if country:
            for sp in reversed(before):
                if sp.type == SpeakerType.PERSON and any(
                    role_country(r) == country for r in self.canon_roles.get(sp.name, ())
                ):
                    return sp.name
        return None


def _surname(name: str) -> str:
    words = [w for w in name_key(name).split() if w not in _K.generational]
    return words[-1] if words else ""


def _middle_name_only(a: str, b: str) -> bool:
    """Whether two name keys differ only by middle names ("mark heller", "mark jay heller").

    >>> _middle_name_only("mark heller", "mark jay heller")
    True
    >>> _middle_name_only("mark heller", "mary heller")
    False
    """
    x, y = a.split(), b.split()
    if len(x) < 2 or len(y) < 2 or x[0] != y[0] or x[-1] != y[-1]:
        return False
    short, long_ = sorted((x[1:-1], y[1:-1]), key=len)
    return all(w in long_ for w in short)


def _family_of(name: str) -> str | None:
    p = person_name(name)
    return p.family if p else None


def _first_compatible(a: str, b: str, threshold: float) -> bool:
    """Two full names can be one person only if their first names agree (fuzzily)."""
    x, y = a.split(), b.split()
    if len(x) < 2 or len(y) < 2:
        return True
    return fuzz.ratio(x[0], y[0]) >= threshold or (
        x[0][0] == y[0][0] and (len(x[0]) <= 2 or len(y[0]) <= 2)
    )


def _roles_compatible(a: set[str], b: set[str]) -> bool:
    """Two spellings are one person only if their roles, when both known, share a country."""
    if not a or not b:
        return True
    ca = {role_country(r) for r in a} - {None}
    cb = {role_country(r) for r in b} - {None}
    return not ca or not cb or bool(ca & cb)


class _Orgs:
    """Phase 4: organisation names, normalised, with acronyms resolved inside stories."""

    def __init__(
        self,
        offers: Mapping[str, list[_Offer]],
        casts: Mapping[str, Cast],
        story_of: Mapping[str, str],
    ) -> None:
        self.forms: dict[str, Counter[str]] = defaultdict(Counter)  # org key → written forms
        self.story_acronyms: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.story_orgs: dict[str, set[str]] = defaultdict(set)
        for doc_id, items in offers.items():
            for o in items:
                if o.ref.kind == CK.ORGANISATION:
                    self._add(o.ref.name, story_of[doc_id])
        for doc_id, cast in casts.items():
            for name in cast.orgs:
                self._add(name, story_of[doc_id], count=False)

    def _add(self, name: str, story: str, count: bool = True) -> None:
        key = org_key(name)
        if not key:
            return
        self.forms[key][name] += 1 if count else 0
        self.story_orgs[story].add(key)
        initials = acronym(name)
        if initials and len(initials) >= 2:
            self.story_acronyms[(story, initials)].add(key)
            self.story_acronyms[(story, "t" + initials)].add(key)  # "THR": The Hollywood Reporter

    def canonical(self, name: str, story: str) -> str:
        key = org_key(name)
        if " " not in key and len(key) <= 6:
            longer = self.story_acronyms.get((story, key), set()) - {key}
            if len(longer) == 1:
                key = next(iter(longer))
        forms = self.forms.get(key)
        if not forms:
            return name
        return sorted(forms.items(), key=lambda x: (-x[1], -len(x[0]), x[0]))[0][0]

    def by_head(self, word: str, story: str) -> str | None:
        keys = sorted(
            k
            for k in self.story_orgs.get(story, ())
            if word.casefold() in k.split() and k != word.casefold()
        )
        return self.canonical(keys[0], story) if len(keys) == 1 else None

    def bodies(self, words: frozenset[str], story: str) -> list[str]:
        return sorted(k for k in self.story_orgs.get(story, ()) if words & set(k.split()))


class _Registry:
    """The speakers made so far, by key; one place creates them."""

    def __init__(self) -> None:
        self.by_key: dict[str, Speaker] = {}
        self._by_name: dict[tuple[str, str | None], Speaker] = {}  # no key string per lookup

    def get(self, name: str, type_: str, scope: str | None = None) -> Speaker:
        existing = self._by_name.get((name, scope))
        if existing is None:
            sp = Speaker(name=name, type=str(type_), scope=scope)
            existing = self.by_key.setdefault(sp.key, sp)
            self._by_name[(name, scope)] = existing
        return existing


def _known(registry: _Registry, known: Iterable[KnownEntity]) -> dict[str, str]:
    """Phase 1: the user's entity file; returns the alias index (name key → canonical)."""
    alias_index: dict[str, str] = {}
    for ent in known:
        type_ = {"organization": "organisation", "country": "government"}.get(ent.type, ent.type)
        if type_ not in {t.value for t in SpeakerType}:
            type_ = SpeakerType.PERSON
        sp = registry.get(ent.name, type_)
        sp.same_as = ent.id
        for alias in (ent.name, *ent.aliases):
            alias_index[name_key(alias)] = ent.name
            sp.aliases.add(alias)
    return alias_index


def _story_role_holder(
    ref: Referent, story: str, docs: Sequence[str], casts: Mapping[str, Cast], people: _People
) -> str | None:
    """Whom a story names as ``ref.principal``'s rep (or lawyer, agent …), if one person."""
    holders: set[str] = set()
    for doc_id in docs:
        cast = casts[doc_id]
        for holder, written in cast.holders.get(ref.role_class or "", []):
            canon = people.canon.get(holder, holder)
            principal = _principal_in(cast, written, people)
            if canon == ref.principal:
                continue
            if ref.principal is None or principal in (None, ref.principal):
                holders.add(canon)
    return next(iter(holders)) if len(holders) == 1 else None


def _principal_in(cast: Cast, written: str | None, people: _People) -> str | None:
    if not written:
        return None
    if written.casefold() in ("his", "her", "their", "its"):
        salient = cast.salient
        return people.canon.get(salient, salient) if salient else None
    owners = cast.by_surname(written.split()[-1])
    return people.canon.get(owners[0], owners[0]) if len(owners) == 1 else None


def resolve_speakers(
    records: Sequence[DocumentRecord],
    *,
    stories: Mapping[str, str] | None = None,
    known: Iterable[KnownEntity] = (),
    settings: Settings = DEFAULT,
) -> Resolution:
    """Map every attributed mention ``(doc_id, claim_index)`` to a :class:`Speaker`.

    ``stories`` maps a document id to its story key (every document its own story when
    absent). Mentions with no speaker that can be known are listed in ``dropped``.
    """
    story_of = dict(stories) if stories else {r.id: r.id for r in records}
    story_docs: dict[str, list[str]] = defaultdict(list)
    for doc_id, story in sorted(story_of.items()):
        story_docs[story].append(doc_id)
    registry = _Registry()
    dropped: list[tuple[str, int, str]] = []
    alias_index = _known(registry, known)
    offers, casts = _offers(records, dropped)
    people = _People(offers, casts, alias_index, settings)
    orgs = _Orgs(offers, casts, story_of)
    assignment: dict[MentionKey, Speaker] = {}
    for doc_id in sorted(offers):
        before: list[Speaker] = []
        story = story_of.get(doc_id, doc_id)
        for o in offers[doc_id]:
            sp = _assign(
                o,
                doc_id,
                story,
                story_docs[story],
                casts,
                people,
                orgs,
                registry,
                alias_index,
                before,
            )
            if sp is None:
                dropped.append((doc_id, o.key[1], o.surface or o.cand.name))
                continue
            _learn(sp, o)
            assignment[o.key] = sp
            before.append(sp)
    from .relays import reattribute_relays

    relayed = reattribute_relays(records, assignment, registry.by_key, people.canon, alias_index)
    _finish(registry, people, casts, assignment, settings)
    speakers = sorted(registry.by_key.values(), key=lambda s: s.key)
    return Resolution(assignment, speakers, relayed, dropped)


def _assign(
    o: _Offer,
    doc_id: str,
    story: str,
    docs: Sequence[str],
    casts: Mapping[str, Cast],
    people: _People,
    orgs: _Orgs,
    registry: _Registry,
    alias_index: Mapping[str, str],
    before: list[Speaker],
) -> Speaker | None:
    """The speaker one resolved referent is, phases 2–5 applied to it."""
    ref = o.ref
    key = name_key(ref.name)
    if key in alias_index and ref.kind not in (CK.GENERIC, CK.ROLE_OF):
        canon = alias_index[key]
        return registry.by_key.get(canon) or registry.get(canon, SPEAKER_TYPE[ref.kind])
    kind = ref.kind
    if kind == CK.PERSON:
        return registry.get(people.canon.get(ref.name, ref.name), SpeakerType.PERSON)
    if kind == CK.SURNAME:
        canon = people.surname(ref, doc_id)
        written = key in name_key(o.surface).split()
        if canon is None and (
            key in casts[doc_id].surnames or (written and not people.owners.get(key))
        ):
            canon = ref.name  # a person known by one name, or one of several: not a guess
        return registry.get(canon, SpeakerType.PERSON) if canon else None
    if kind == CK.ROLE:
        canon = people.role(ref.name, doc_id, before) or ref.role or ref.name
        return registry.get(canon, SpeakerType.PERSON)
    if kind == CK.ROLE_OF:
        holder = _story_role_holder(ref, story, docs, casts, people)
        if holder is not None:
            return registry.get(holder, SpeakerType.PERSON)
        if ref.principal is None:  # "a lawyer": one per role and story
            return registry.get(ref.role or ref.role_class or "", SpeakerType.PERSON, scope=story)
        name = f"{ref.principal}'s {ref.role or ref.role_class}"
        return registry.get(name, SpeakerType.PERSON, scope=story)
    if kind == CK.ORG_SHORT:
        full = orgs.by_head(ref.name, story)
        if full is not None:
            return registry.get(full, SpeakerType.ORGANISATION)
        return registry.get(ref.name, SpeakerType.ORGANISATION, scope=story)
    if kind == CK.GENERIC:
        classes = [g for g in _K.generic.values() if g.name == ref.name]
        words = frozenset().union(*(g.body_words for g in classes)) if classes else frozenset()
        bodies = orgs.bodies(words, story) if words else []
        if len(bodies) == 1:
            return registry.get(orgs.canonical(bodies[0], story), SpeakerType.ORGANISATION)
        return registry.get(ref.name, SpeakerType.ANONYMOUS, scope=story)
    if kind in (CK.ANONYMOUS, CK.GROUP):
        scope = None if ref.name == COMMENTER else story
        return registry.get(ref.name, SPEAKER_TYPE[kind], scope=scope)
    if kind == CK.ORGANISATION:
        return registry.get(orgs.canonical(ref.name, story), SpeakerType.ORGANISATION)
    return registry.get(ref.name, SPEAKER_TYPE[kind])


def _learn(sp: Speaker, o: _Offer) -> None:
    """Aliases and roles a mention teaches about its speaker."""
    from .candidates import clean_surface

    if o.cand.kind in (CK.PERSON, CK.SURNAME):
        sp.aliases.add(o.cand.name)
    clean = clean_surface(o.surface)
    if clean and _good_alias(clean, sp, o.cand):
        sp.aliases.add(clean)
    if o.ref.role and o.ref.kind not in (CK.ROLE, CK.ROLE_OF) and sp.type == SpeakerType.PERSON:
        sp.roles.add(o.ref.role)


def _good_alias(surface: str, sp: Speaker, cand: Candidate) -> bool:
    """Whether a written speaker span is a form of ``sp``'s name worth keeping as an alias."""
    if cand.kind in (CK.ANONYMOUS, CK.GENERIC, CK.ROLE_OF, CK.DESCRIPTION):
        return False
    if re.search(r"\band\b|,|['’]s\b", surface) or len(surface.split()) > 6:
        return False
    if sp.type != SpeakerType.PERSON:
        return classify_phrase(surface) is not None or org_key(surface) == org_key(sp.name)
    person = person_name(surface)
    if person is None:
        return False
    same_surname = _surname(person.name) == _surname(sp.name)
    return (same_surname and _family_of(person.name) == _family_of(sp.name)) or (
        fuzz.ratio(name_key(person.name), name_key(sp.name)) >= 85
    )


def _finish(
    registry: _Registry,
    people: _People,
    casts: Mapping[str, Cast],
    assignment: Mapping[MentionKey, Speaker],
    settings: Settings,
) -> None:
    """Aliases from the articles' own spellings, roles of people, affiliations."""
    doc_speakers: dict[str, set[str]] = defaultdict(set)
    for (d, _i), sp in assignment.items():
        if sp.type == SpeakerType.PERSON and sp.scope is None:
            doc_speakers[d].add(sp.key)
    for doc_id, keys in doc_speakers.items():
        for name in casts[doc_id].persons if doc_id in casts else ():
            for key in keys:
                sp = registry.by_key[key]
                if name in sp.aliases or _family_of(name) != _family_of(sp.name):
                    continue
                if fuzz.ratio(name_key(name), name_key(sp.name)) >= settings.name_similarity and (
                    _first_compatible(
                        name_key(name), name_key(sp.name), settings.first_name_similarity
                    )
                ):
                    sp.aliases.add(name)
    for sp in registry.by_key.values():
        sp.aliases.add(sp.name)
        if sp.type == SpeakerType.PERSON and sp.name in people.canon_roles:
            sp.roles |= people.canon_roles[sp.name]
        if sp.affiliation is None:
            sp.affiliation = _affiliation(sp)


def _affiliation(sp: Speaker) -> str | None:
    """The organisation or country a person's roles name ("State Department spokesman")."""
    for role in sorted(sp.roles):
        key = name_key(role)
        for org_form, org in _K.organisations.items():
            if len(org_form) > 3 and f" {org_form} " in f" {key} ":
                return org
    return next((c for r in sorted(sp.roles) if (c := role_country(r)) and c != sp.name), None)

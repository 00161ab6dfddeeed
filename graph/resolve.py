"""Resolve speaker mentions across articles to one speaker per real person or body.

Every attribution first passes a validation step (:func:`speaker_candidate`): a speaker must be a
person's name, a role or title phrase ("the Secretary of State"), a metonym of a government
("Washington", "the Kremlin"), an organisation ("the Russian foreign ministry") or an anonymous
source ("US officials"). Anything else the extractor hands over ("the “serious consequences“that",
"its core concern", bare adjectives such as "Russian") is not a speaker: the mention falls back to
the speaker resolved for the same words earlier in the article, or keeps no speaker at all.

Order of evidence, strongest first: a user-supplied entity file (name, aliases, type, id), the
metonym and organisation tables, full person names grouped by surname and joined when their first
names are fuzzy variants ("Sergey"/"Sergei") or the surname is a near-miss ("Antony Blink") and
their roles do not disagree, then bare surnames and roles ("the Secretary of State"), resolved
inside the article first and across the corpus only when one candidate is left after looking at
the role and the names that occur around the mention. Two different people who share a surname
stay apart.

Limits: no knowledge base beyond the optional entity file and the small tables here; a role
shared by several people across a corpus ("the Prime Minister") resolves only inside its article
or to the nearest preceding speaker of the same country.
"""

from __future__ import annotations

import csv
import json
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from ..ingest.cues import SPOKES_RE
from ..ingest.errors import InputError
from ..ingest.records import ClaimMention, DocumentRecord
from .names import (
    DEMONYMS,
    HONORIFICS,
    NATIONALITIES,
    TITLE_WORDS,
    clean_role,
    is_pronoun,
    is_role_phrase,
    name_key,
    role_country,
    role_words,
    strip_titles,
)

__all__ = [
    "Speaker",
    "KnownEntity",
    "resolve_speakers",
    "load_known_entities",
    "METONYMS",
    "ANONYMOUS_HEADS",
    "ORGANISATIONS",
    "roles_match",
    "COMMENTER",
    "Candidate",
    "speaker_candidate",
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
    "u.s. government": "United States",
    "the us": "United States",
    "trump administration": "United States",
    "obama administration": "United States",
    "bush administration": "United States",
    "clinton administration": "United States",
    "united kingdom": "United Kingdom",
    "whitehall": "United Kingdom",
    "uk government": "United Kingdom",
    "british government": "United Kingdom",
    "ukrainian government": "Ukraine",
    "chinese government": "China",
    "french government": "France",
    "german government": "Germany",
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

#: Organisations known under a short or local name: name key → canonical name.
ORGANISATIONS: dict[str, str] = {
    "state department": "US State Department",
    "us state department": "US State Department",
    "u.s. state department": "US State Department",
    "department of state": "US State Department",
    "pentagon": "US Department of Defense",
    "foreign office": "UK Foreign Office",
    "home office": "UK Home Office",
    "nato": "NATO",
    "north atlantic treaty organization": "NATO",
    "un": "United Nations",
    "united nations": "United Nations",
    "eu": "European Union",
    "european union": "European Union",
    "european commission": "European Commission",
    "osce": "OSCE",
}

#: The speaker of text found outside an article's body (reader comments, teasers).
COMMENTER = "Anonymous commenter"

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
        "commenters",
        "reader",
        "readers",
        "campaigners",
        "activists",
        "protesters",
        "investors",
        "economists",
        "scientists",
        "researchers",
        "officers",
        "figures",
        "reports",
        "media",
        "leaders",
        "ministers",
        "members",
        "colleagues",
        "partners",
        "allies",
        "governments",
        "countries",
    ]
)

_ORG_WORDS = frozenset(
    [
        "university",
        "college",
        "institute",
        "school",
        "motors",
        "industry",
        "airlines",
        "airways",
        "holdings",
        "securities",
        "foundation",
        "association",
        "federation",
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
        "ministry",
        "foreign ministry",
        "osce",
        "intelligence",
        "embassy",
        "federation",
        "association",
        "board",
        "authority",
        "network",
        "press",
        "news",
        "times",
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


_STOP_TOKENS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "however",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "his",
        "her",
        "their",
        "our",
        "we",
        "they",
        "he",
        "she",
        "no",
        "not",
        "yes",
        "so",
        "also",
        "then",
        "there",
        "here",
        "which",
        "who",
        "what",
        "when",
        "where",
        "while",
        "after",
        "before",
        "with",
        "without",
        "from",
        "for",
        "to",
        "of",
        "in",
        "on",
        "at",
        "by",
        "as",
        "is",
        "was",
        "are",
        "were",
        "has",
        "have",
        "had",
        "be",
        "been",
        "said",
        "says",
    ]
)
_PARTICLES = frozenset(
    [
        "de",
        "da",
        "van",
        "von",
        "der",
        "den",
        "bin",
        "al",
        "la",
        "le",
        "del",
        "di",
        "du",
        "ibn",
        "el",
        "dos",
        "das",
        "y",
    ]
)
_NAME_TOKEN = re.compile(r"^[A-Z][\w'’.-]*$")
_LEAD = re.compile(
    r"^(?:a|an|the)?\s*(?:statement|report|reports|release|letter|readout|communiqu[eé]|"
    r"spokes(?:man|woman|person)|spokespeople)\s+(?:by|from|for|of)\s+",
    re.IGNORECASE,
)
_TEMPORAL = re.compile(
    r"\s+(?:on|this|last|late|early|earlier|later|on\s+the)\s+"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|night|"
    r"morning|afternoon|evening|day)\b.*$",
    re.IGNORECASE,
)
_TAIL_POSS = re.compile(
    r"['’]s\s+(?:report|reports|statement|website|release|readout|account|reply|response)$",
    re.IGNORECASE,
)
_POSS_COUNTRY = re.compile(r"\b([A-Z][a-z]+)['’]s\b")
_SMALL = frozenset(["of", "for", "and", "the", "on", "in", "de"])
_NOT_SPEAKERS = frozenset(["that", "this", "which", "who", "one", "some", "many", "all"])


@dataclass(frozen=True)
class Candidate:
    """What a mention offers as its speaker once validated.

    ``kind`` is ``person`` (a full name), ``surname`` (one name word: "Lavrov"), ``role``
    ("the Secretary of State"), ``government``, ``organisation``, ``anonymous`` or ``group``.
    """

    name: str
    kind: str
    role: str | None = None


def _surface(record: DocumentRecord, mention: ClaimMention) -> str:
    return " ".join(record.text[s:e] for s, e in mention.speaker).strip()


def _clean_surface(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    text = lines[-1] if lines else ""
    text = text.strip(" ,;:-–—\"“”‘’'()[]")
    for pattern in (_LEAD, _TEMPORAL, _TAIL_POSS):
        text = pattern.sub("", text).strip()
    return " ".join(text.split())


def _org_name(text: str) -> str:
    """Canonical organisation name: "Romania's foreign ministry" → "Romanian Foreign Ministry"."""
    text = _POSS_COUNTRY.sub(lambda m: DEMONYMS.get(m.group(1).casefold(), m.group(0)), text)
    text = re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE)
    known = ORGANISATIONS.get(name_key(text))
    if known:
        return known
    words = []
    for i, w in enumerate(text.split()):
        if w.isupper() or any(ch.isupper() for ch in w[1:]):
            words.append(w)
        elif i and w.casefold() in _SMALL:
            words.append(w.casefold())
        else:
            words.append(w[:1].upper() + w[1:])
    name = " ".join(words)
    return ORGANISATIONS.get(name_key(name), name)


def _anonymous_name(text: str) -> str:
    text = re.sub(r"^(?:the|a|an|some|several|two|three)\s+", "", text.strip(), flags=re.I)
    return text


def _is_pronoun(text: str) -> bool:
    """A pronoun, but "US" (upper case) is the United States, not "us"."""
    if re.fullmatch(r"(?:[Tt]he\s+)?U\.?S\.?", text.strip()):
        return False
    return is_pronoun(text)


def _classify_phrase(text: str) -> Candidate | None:
    """A government, organisation, anonymous source, group or role phrase; else ``None``."""
    key = name_key(text)
    if not key or _is_pronoun(text) or key in _NOT_SPEAKERS:
        return None
    if key in ORGANISATIONS:
        return Candidate(ORGANISATIONS[key], "organisation")
    if key in METONYMS:
        return Candidate(METONYMS[key], "government")
    words = key.split()
    if " and " in f" {key} " and words[-1] not in ANONYMOUS_HEADS:
        parts = re.split(r"\s+and\s+", text, maxsplit=1, flags=re.IGNORECASE)
        if len(parts) < 2 or not parts[0].strip():
            return None
        return _classify_phrase(parts[0])
    if words[-1] in ANONYMOUS_HEADS:
        kind = "anonymous" if len(words) <= 3 else "group"
        return Candidate(_anonymous_name(text), kind)
    if words[-1] in _ORG_WORDS or (text.isupper() and 2 <= len(text) <= 8 and len(words) == 1):
        if len(words) == 1 and words[0] not in ("nato", "un", "eu") and not text.isupper():
            return None  # a bare "Ministry" or "Government" names no one
        return Candidate(_org_name(text), "organisation")
    if is_role_phrase(text):
        return Candidate(text.strip(), "role", role=clean_role(text))
    return None


def _person_name(name: str) -> Candidate | None:
    """A person's name, titles stripped, if ``name`` reads as one; else ``None``."""
    name = " ".join(name.replace("’", "'").split()).strip(" ,;:-\"'")
    name = re.sub(r"'s$", "", name)
    stripped = strip_titles(name)
    tokens = stripped.split()
    if not 1 <= len(tokens) <= 5:
        return None
    for i, tok in enumerate(tokens):
        low = tok.casefold().strip(".")
        if low in _PARTICLES and 0 < i < len(tokens) - 1:
            continue
        if not _NAME_TOKEN.match(tok) or low in _STOP_TOKENS:
            return None
    keys = [t.casefold().strip(".") for t in tokens]
    if all(k in NATIONALITIES or k in DEMONYMS or k in _ORG_WORDS for k in keys):
        return None
    if len(keys) > 1 and keys[-1] in _ORG_WORDS:
        return None  # "Menatep Group", "Bristol University" name no person
    if name_key(stripped) in METONYMS or name_key(stripped) in ORGANISATIONS:
        return None
    if len(tokens) == 1 and (keys[0] in NATIONALITIES or keys[0] in ROLE_ONLY):
        return None
    return Candidate(stripped, "person" if len(tokens) >= 2 else "surname")


#: Single words that are titles, never names on their own ("State", "Secretary").
ROLE_ONLY = frozenset(
    ["state", "secretary", "minister", "president", "leader", "spokesman", "official", "chief"]
)


def speaker_candidate(record: DocumentRecord, mention: ClaimMention) -> Candidate | None:
    """The validated speaker a mention offers, or ``None`` when what it offers is no speaker.

    The written speaker span is read first (it says "the Biden administration" where ingest may
    have resolved "Joe Biden"), then the in-document name ingest resolved.

    >>> from claimgraph.ingest.records import ClaimMention, DocumentRecord
    >>> rec = DocumentRecord("d", "x", "Its core concern is Ukraine, Russia says.")
    >>> speaker_candidate(rec, ClaimMention([[0, 27]], speaker=[[0, 16]])) is None
    True
    >>> speaker_candidate(rec, ClaimMention([[0, 27]], speaker=[[29, 35]]))
    Candidate(name='Russia', kind='government', role=None)
    """
    surface = _clean_surface(_surface(record, mention))
    role = clean_role(mention.speaker_role)
    if mention.relayed_by and _relay_wrote(record, mention):
        role = None  # the written role is the spokesman's, not the principal's
    appositive = _appositive_person(surface) if not mention.relayed_by else None
    if appositive is not None:
        return appositive
    if surface and not _is_pronoun(surface):
        cand = _classify_phrase(surface)
        if cand is not None:
            return cand
    name = (mention.speaker_name or "").strip()
    lead = _leading_name(surface)
    if lead is not None and name and name_key(lead.name).split()[-1] not in name_key(name).split():
        return Candidate(lead.name, lead.kind, role)  # the span's subject, not a later name
    if name and not is_pronoun(name):
        cand = _classify_phrase(name)
        if cand is not None and cand.kind != "role":
            return cand
        person = _person_name(name)
        if person is not None:
            return Candidate(person.name, person.kind, role)
    if surface and not _is_pronoun(surface):
        person = _person_name(surface)
        if person is not None:
            return Candidate(person.name, person.kind, role)
    return None


_HONORIFIC = re.compile(rf"(?i)^\W*(?:the\s+)?(?:{'|'.join(sorted(HONORIFICS))})\b")

#: Entity labels that say a capitalised speaker is no person: the span's type wins.
_ENTITY_KINDS = {"ORG": "organisation", "GPE": "government"}


def _retyped(
    record: DocumentRecord, mention: ClaimMention, cand: Candidate | None
) -> Candidate | None:
    """A "person" the parse knows as an organisation or a country ("GW Pharma", "Woolworths").

    Only a written speaker span that an ORG or GPE entity covers whole, with no PERSON entity
    on it, is retyped; names resolved elsewhere in the article keep their type.

    >>> from claimgraph.ingest.records import ClaimMention, DocumentRecord, Entity
    >>> rec = DocumentRecord("d", "x", "GW Pharma said sales rose.",
    ...                      entities=[Entity(0, 9, "GW Pharma", "ORG")])
    >>> _retyped(rec, ClaimMention([[15, 25]], speaker=[[0, 9]]), Candidate("GW Pharma", "person"))
    Candidate(name='GW Pharma', kind='organisation', role=None)
    """
    if cand is None or cand.kind not in ("person", "surname") or len(mention.speaker) != 1:
        return cand
    s, e = mention.speaker[0]
    if _HONORIFIC.match(record.text[s:e]):
        return cand  # "Ms Lomax" is a person whatever the tagger says
    labels = {ent.label for ent in record.entities if ent.start < e and s < ent.end}
    if "PERSON" in labels:
        return cand
    last = name_key(cand.name).split()[-1:]
    if any(
        ent.label == "PERSON" and name_key(ent.text).split()[-1:] == last for ent in record.entities
    ):
        return cand  # "Reynolds" after "Burt Reynolds" is the person
    for ent in record.entities:
        kind = _ENTITY_KINDS.get(ent.label)
        if (
            kind
            and ent.start <= s
            and e <= ent.end + 2
            and name_key(cand.name) in name_key(ent.text)
        ):
            name = _org_name(ent.text) if kind == "organisation" else ent.text.strip()
            return Candidate(name, kind)
    return cand


_APPOSITION = re.compile(r"^([^,]+?)(?:,\s*|\s+(?:of|from|at)\s+(?=the\s|[A-Z]))(.+)$")


def _appositive_person(surface: str) -> Candidate | None:
    """The person of "Kurt Barnard, President of Retail Consulting Group" or "Nigel McCune from
    the Musicians' Union": a full name, then who they are (kept as the role when it reads as one).

    >>> _appositive_person("Kurt Barnard, President of Retail Consulting Group")
    Candidate(name='Kurt Barnard', kind='person', role='President of Retail Consulting Group')
    >>> _appositive_person("Department for Culture, Media") is None
    True
    """
    match = _APPOSITION.match(surface)
    if match is None:
        return None
    person = _person_name(match.group(1))
    if person is None or person.kind != "person" or _classify_phrase(match.group(1)) is not None:
        return None
    return Candidate(person.name, "person", clean_role(match.group(2)))


def _leading_name(surface: str) -> Candidate | None:
    """The person a longer speaker span opens with ("Biden bluntly assessed that Putin …")."""
    words = surface.split()
    run = []
    for w in words:
        if not _NAME_TOKEN.match(w) or w.casefold().strip(".") in TITLE_WORDS:
            break
        if w.casefold().strip(".") in NATIONALITIES:
            break
        run.append(w)
    if not run or len(run) == len(words):
        return None
    return _person_name(" ".join(run))


def _relay_wrote(record: DocumentRecord, mention: ClaimMention) -> bool:
    """Whether the written speaker is the relay (a spokesman quoting his principal) rather than
    the principal (a claim known "according to" an organisation); ingest tells them apart the
    same way."""
    role = mention.speaker_role or ""
    return bool(SPOKES_RE.search(_surface(record, mention)) or SPOKES_RE.search(role))


def _in_body(record: DocumentRecord, mention: ClaimMention) -> bool:
    if not record.body or not mention.content:
        return True
    start = mention.content[0][0]
    return any(s <= start < e for s, e in record.body)


@dataclass
class Resolution:
    """What :func:`resolve_speakers` found: mention → speaker, the speakers, and relays.

    Iterating gives ``(assignment, speakers)``, so ``assignment, speakers = resolve_speakers(…)``
    reads naturally.
    """

    assignment: dict[tuple[str, int], Speaker]
    speakers: list[Speaker]
    relayed_by: dict[tuple[str, int], Speaker] = field(default_factory=dict)
    dropped: list[tuple[str, int, str]] = field(default_factory=list)

    def __iter__(self):
        return iter((self.assignment, self.speakers))


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


def resolve_speakers(
    records: Sequence[DocumentRecord],
    *,
    known: Iterable[KnownEntity] = (),
    threshold: float = 85.0,
) -> Resolution:
    """Map every attributed mention ``(doc_id, claim_index)`` to a :class:`Speaker`.

    Mentions with no valid speaker (the outlet's own assertions, unresolved pronouns, spans
    that name no one) are left out of the assignment and listed in ``dropped``.
    """
    by_key: dict[str, Speaker] = {}
    alias_index: dict[str, str] = {}  # name_key(alias) → canonical name
    dropped: list[tuple[str, int, str]] = []

    def canonical(name: str, type_: str) -> Speaker:
        sp = by_key.get(name)
        if sp is None:
            sp = by_key[name] = Speaker(name=name, type=type_)
        return sp

    for ent in known:
        type_ = {"organization": "organisation", "country": "government"}.get(ent.type, ent.type)
        sp = canonical(ent.name, type_ if type_ in _TYPES else "person")
        sp.same_as = ent.id
        for alias in (ent.name, *ent.aliases):
            alias_index[name_key(alias)] = ent.name
            sp.aliases.add(alias)

    # 1. Validate what each mention offers; an invalid name falls back to the speaker offered
    #    for the same words earlier in the article ("State" after "the Secretary of State").
    offered: dict[tuple[str, int], tuple[Candidate, str]] = {}  # → (candidate, surface)
    doc_order: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for rec in records:
        seen: list[tuple[str, Candidate]] = []  # (surface, candidate) in text order
        for i, m in enumerate(rec.claims):
            surface = _surface(rec, m)
            if not _in_body(rec, m):
                cand: Candidate | None = Candidate(COMMENTER, "anonymous")
            else:
                cand = _retyped(rec, m, speaker_candidate(rec, m))
            if cand is None and m.speaker_name and not is_pronoun(m.speaker_name):
                word = name_key(m.speaker_name)
                for surf, prior in reversed(seen):
                    if word and f" {word} " in f" {name_key(surf)} ":
                        cand = prior
                        break
            if cand is None:
                if m.speaker or m.speaker_name:
                    dropped.append((rec.id, i, surface or (m.speaker_name or "")))
                continue
            if surface:
                seen.append((surface, cand))
            offered[(rec.id, i)] = (cand, surface)
            doc_order[rec.id].append((rec.id, i))

    # 2. Full person names, the articles they occur in, their roles and neighbours.
    name_docs: dict[str, set[str]] = defaultdict(set)
    name_roles: dict[str, set[str]] = defaultdict(set)
    for (doc_id, _i), (cand, _s) in offered.items():
        if cand.kind == "person":
            name_docs[cand.name].add(doc_id)
            if cand.role:
                name_roles[cand.name].add(cand.role)
    doc_persons: dict[str, set[str]] = defaultdict(set)  # doc → PERSON entity texts
    for rec in records:
        for e in rec.entities:
            if e.label == "PERSON":
                person = _person_name(e.text)
                if person is not None:
                    doc_persons[rec.id].add(person.name)
                    role = _title_before(rec.text, e.start)
                    if role:
                        name_roles[person.name].add(role)
        for name in doc_persons[rec.id]:
            if name in name_docs:
                name_docs[name].add(rec.id)
    full_names = Counter({name: len(docs) for name, docs in sorted(name_docs.items())})

    # 3. Cluster full names: same surname block, fuzzy-equal, first names and roles agreeing.
    person_canon: dict[str, str] = {}
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name, _count in full_names.most_common():
        key = name_key(name)
        if key in alias_index:
            person_canon[name] = alias_index[key]
            continue
        block = key.split()[-1][:4]
        target = None
        for cand_name in by_surname[block]:
            if (
                fuzz.ratio(key, name_key(cand_name)) >= threshold
                and _first_compatible(key, cand_name)
                and _roles_compatible(name_roles[name], name_roles[cand_name])
            ):
                target = cand_name
                break
        if target is None:
            by_surname[block].append(name)
            target = name
        person_canon[name] = target

    canon_roles: dict[str, set[str]] = defaultdict(set)
    canon_docs: dict[str, set[str]] = defaultdict(set)
    for name, canon in person_canon.items():
        canon_roles[canon] |= name_roles[name]
        canon_docs[canon] |= name_docs[name]
    for ent in known:
        if ent.name in by_key and by_key[ent.name].type == "person":
            canon_docs.setdefault(ent.name, set())
    surname_owner: dict[str, set[str]] = defaultdict(set)
    for canon in canon_docs:
        surname_owner[name_key(canon).split()[-1]].add(canon)
    # The names around each person (for telling apart two people with one surname).
    canon_context: dict[str, set[str]] = defaultdict(set)
    for canon, docs in canon_docs.items():
        for doc_id in docs:
            canon_context[canon] |= {name_key(p) for p in doc_persons[doc_id]}
        canon_context[canon].discard(name_key(canon))
    doc_canon: dict[str, set[str]] = defaultdict(set)  # doc → canonical persons named in full
    for doc_id in doc_order:
        for name in doc_persons[doc_id]:
            if name in person_canon:
                doc_canon[doc_id].add(person_canon[name])
    for (doc_id, _i), (cand, _s) in offered.items():
        if cand.kind == "person" and cand.name in person_canon:
            doc_canon[doc_id].add(person_canon[cand.name])

    def surname_target(word: str, doc_id: str, role: str | None) -> str | None:
        key = name_key(word)
        if key in alias_index:
            return alias_index[key]
        in_doc = sorted(p for p in doc_canon[doc_id] if name_key(p).split()[-1] == key)
        if len(in_doc) == 1:
            return in_doc[0]
        written = sorted(
            p for p in doc_persons[doc_id] if len(p.split()) >= 2 and name_key(p).split()[-1] == key
        )
        if not in_doc and len(written) == 1:  # the article names them in full elsewhere
            return person_canon.get(written[0], written[0])
        owners = sorted(in_doc or surname_owner.get(key, ()))
        if not owners:  # a near-miss surname ("Blink") of a person of this article
            owners = sorted(
                p
                for p in doc_canon[doc_id]
                if fuzz.ratio(key, name_key(p).split()[-1]) >= threshold
            )
        if len(owners) == 1:
            return owners[0]
        if len(owners) > 1:
            context = {name_key(p) for p in doc_persons[doc_id]}
            scored = []
            for owner in owners:
                score = 2 * (bool(role) and roles_match(role, canon_roles[owner]))
                score += len(context & canon_context[owner])
                scored.append((score, owner))
            scored.sort(key=lambda x: (-x[0], x[1]))
            if scored[0][0] > 0 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
                return scored[0][1]
        return None

    role_index: dict[str, set[str]] = defaultdict(set)  # role word → persons holding it
    for person, roles in canon_roles.items():
        for role in roles:
            for w in role_words(role):
                if w not in NATIONALITIES and w not in ("of", "the"):
                    role_index[w].add(person)

    def role_target(phrase: str, doc_id: str, before: list[Speaker]) -> str | None:
        in_doc = sorted(p for p in doc_canon[doc_id] if roles_match(phrase, canon_roles[p]))
        if len(in_doc) == 1:
            return in_doc[0]
        core = [w for w in role_words(phrase) if w in role_index]
        pool = set.intersection(*(role_index[w] for w in core)) if core else set()
        holders = sorted(p for p in pool if roles_match(phrase, canon_roles[p]))
        if len(holders) == 1:
            return holders[0]
        country = role_country(phrase)
        if country:
            for sp in reversed(before):
                if sp.type == "person" and any(
                    role_country(r) == country for r in canon_roles.get(sp.name, ())
                ):
                    return sp.name
        return None

    # 4. Assign each mention, in article order.
    assignment: dict[tuple[str, int], Speaker] = {}
    for doc_id, refs in doc_order.items():
        before: list[Speaker] = []
        for ref in refs:
            cand, surface = offered[ref]
            key = name_key(cand.name)
            type_ = cand.kind
            canon: str | None = cand.name
            if key in alias_index:
                canon = alias_index[key]
                type_ = by_key[canon].type
            elif cand.kind == "person":
                canon, type_ = person_canon.get(cand.name, cand.name), "person"
            elif cand.kind == "surname":
                canon, type_ = surname_target(cand.name, doc_id, cand.role), "person"
                if canon is None and cand.name in doc_persons[doc_id]:
                    canon = cand.name  # a person of this article known by one name
            elif cand.kind == "role":
                canon, type_ = role_target(cand.name, doc_id, before), "person"
                if canon is None:
                    canon = cand.role or cand.name
            if canon is None:
                dropped.append((ref[0], ref[1], surface or cand.name))
                continue
            sp = canonical(canon, type_)
            if cand.kind in ("person", "surname"):
                sp.aliases.add(cand.name)
            clean = _clean_surface(surface)
            if clean and _good_alias(clean, sp, cand):
                sp.aliases.add(clean)
            if cand.role and cand.kind != "role":
                sp.roles.add(cand.role)
            assignment[ref] = sp
            before.append(sp)

    # 5. A spokesman's quote that reports his principal ("He noted …", "Secretary Blinken
    #    reiterated …") is the principal's claim, relayed.
    relayed = _reattribute_relays(records, assignment, by_key, person_canon, alias_index)

    # 6. Aliases from the article's own spellings ("Antony Blink" in an article of Blinken).
    doc_speakers: dict[str, set[str]] = defaultdict(set)
    for (d, _i), sp in assignment.items():
        doc_speakers[d].add(sp.name)
    for doc_id in doc_order:
        people = doc_speakers[doc_id]
        for name in doc_persons[doc_id]:
            for canon in people:
                sp = by_key[canon]
                if sp.type != "person" or name in sp.aliases:
                    continue
                if fuzz.ratio(name_key(name), name_key(canon)) >= threshold and (
                    _first_compatible(name_key(name), canon)
                ):
                    sp.aliases.add(name)
    for sp in by_key.values():
        sp.aliases.add(sp.name)
        if sp.type == "person" and sp.name in canon_roles:
            sp.roles |= canon_roles[sp.name]
        if sp.affiliation is None:
            sp.affiliation = _affiliation(sp)
    return Resolution(assignment, sorted(by_key.values(), key=lambda s: s.name), relayed, dropped)


_TYPES = ("person", "organisation", "government", "group", "anonymous")


def _good_alias(surface: str, sp: Speaker, cand: Candidate) -> bool:
    """Whether a written speaker span is a form of ``sp``'s name worth keeping as an alias."""
    if _is_pronoun(surface) or cand.kind == "anonymous" or re.search(r"\band\b", surface):
        return False
    if sp.type != "person":
        return _classify_phrase(surface) is not None
    if is_role_phrase(surface):
        return True
    person = _person_name(surface)
    return (
        person is not None
        and name_key(person.name).split()[-1:] == (name_key(sp.name).split()[-1:])
        or person is not None
        and fuzz.ratio(name_key(person.name), name_key(sp.name)) >= 85
    )


def _affiliation(sp: Speaker) -> str | None:
    """The organisation or country a person's roles name ("State Department spokesman")."""
    for role in sorted(sp.roles):
        key = name_key(role)
        for org_key, org in ORGANISATIONS.items():
            if len(org_key) > 3 and f" {org_key} " in f" {key} ":
                return org
    return next((c for r in sorted(sp.roles) if (c := role_country(r)) and c != sp.name), None)


_RELAYED = re.compile(r"^\W*(?:he|she)\s+\w+(?:ed|s)\b", re.IGNORECASE)


def _reattribute_relays(
    records: Sequence[DocumentRecord],
    assignment: dict[tuple[str, int], Speaker],
    by_key: dict[str, Speaker],
    person_canon: dict[str, str],
    alias_index: dict[str, str],
) -> dict[tuple[str, int], Speaker]:
    """Link each relayed mention to its relay; reattribute a spokesman's "He noted …" quotes.

    A relay is a spokesman (who wrote the speaker span) or an organisation or government the
    article cites ("according to the State Department"). Only a spokesman's other quotes are
    read as his principal's words: an organisation's own statements stay its own.
    """
    relayed: dict[tuple[str, int], Speaker] = {}

    def find(name: str) -> Speaker | None:
        key = name_key(strip_titles(name))
        canon = alias_index.get(key) or person_canon.get(strip_titles(name))
        if canon and canon in by_key:
            return by_key[canon]
        for sp in by_key.values():
            if sp.type == "person" and key in {name_key(a) for a in sp.aliases}:
                return sp
        return _body_relay(name, by_key) or _person_relay(name, by_key)

    for rec in records:
        principals: dict[str, Speaker] = {}  # spokesman name → principal
        for i, m in enumerate(rec.claims):
            sp = assignment.get((rec.id, i))
            if sp is None or not m.relayed_by:
                continue
            relay = find(m.relayed_by)
            if relay is None or relay is sp:
                continue
            relayed[(rec.id, i)] = relay
            if relay.type == "person" and _relay_wrote(rec, m):
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


def _body_relay(name: str, by_key: dict[str, Speaker]) -> Speaker | None:
    """The organisation or government speaker a relay's name stands for ("State Department" →
    US State Department), created when it is seen only as a relay."""
    cand = _classify_phrase(name)
    if cand is None or cand.kind not in ("organisation", "government"):
        return None
    sp = by_key.setdefault(cand.name, Speaker(name=cand.name, type=cand.kind))
    sp.aliases.add(cand.name)
    written = _clean_surface(name)
    if written and _good_alias(written, sp, cand):
        sp.aliases.add(written)
    return sp


def _person_relay(name: str, by_key: dict[str, Speaker]) -> Speaker | None:
    """The person speaker a relay's full name stands for, created when seen only as a relay."""
    person = _person_name(name)
    if person is None or person.kind != "person":
        return None
    sp = by_key.setdefault(person.name, Speaker(name=person.name, type="person"))
    sp.aliases.add(person.name)  # a spokesman seen only as a relay
    return sp


def _learn_from_spokesman(rec: DocumentRecord, m: ClaimMention, relay: Speaker) -> None:
    """The role and spelling a spokesman's own speaker span gives him ("spokesman Ned Price")."""
    if clean_role(m.speaker_role):
        relay.roles.add(clean_role(m.speaker_role))
    written = _person_name(_clean_surface(_surface(rec, m)))
    if written is not None and (
        name_key(written.name).split()[-1:] == name_key(relay.name).split()[-1:]
    ):
        relay.aliases.add(written.name)


_TITLE_RUN = re.compile(r"((?:[A-Z][\w.'’-]*|of|the)\s+){1,6}$")


def _title_before(text: str, start: int) -> str | None:
    """The title written right before a name: "US Secretary of State" in "… Antony Blinken".

    Only a run of capitalised words (with "of", "the") on the same line counts, and only
    if it reads as a role (:func:`clean_role`).

    >>> _title_before("Russian Foreign Minister Sergey Lavrov said", 25)
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


def _roles_compatible(a: set[str], b: set[str]) -> bool:
    """Two spellings are one person only if their roles, when both known, share a country."""
    if not a or not b:
        return True
    ca = {role_country(r) for r in a} - {None}
    cb = {role_country(r) for r in b} - {None}
    return not ca or not cb or bool(ca & cb)


def _first_compatible(key: str, other: str) -> bool:
    """Two full names can be one person only if their first names agree (fuzzily)."""
    a, b = key.split(), name_key(other).split()
    if len(a) < 2 or len(b) < 2:
        return True
    return fuzz.ratio(a[0], b[0]) >= 70 or a[0][0] == b[0][0] and (len(a[0]) <= 2 or len(b[0]) <= 2)

"""Speaker candidates: what each attribution's speaker span offers, before any resolution.

A speaker span is a noun phrase as the extractor found it: "Lohan lawyer Mark Heller", "her
rep", "the actress's rep Jack Ketsoyan", "The Academy of Motion Picture Arts and Sciences",
"police", "the actress", "BERLIN". :func:`candidate` reads it as one :class:`Candidate`:

- the phrase's head names the speaker, its modifiers and appositions give the role: in "Lohan
  lawyer Mark Heller" the speaker is Mark Heller (a lawyer), not Lohan; in "Lohan's attorney,
  Shawn Holley" it is Shawn Holley; of "Zadan and Meron" only the first conjunct speaks;
- a role held for someone and no name ("her rep", "Reid's publicist") is ``role_of``: the
  article or its story says who holds it;
- an unnamed collective ("police", "authorities") is ``generic``; a described person ("the
  actress") is ``description``; an organisation called by its head word ("the Academy") is
  ``org_short``;
- a place in the dateline never speaks, and text outside the article's body is a reader's.

Nothing here looks beyond the one article: resolution is :mod:`.articles`' and :mod:`.speakers`'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..ingest.cues import SPOKES_RE
from ..ingest.records import ClaimMention, DocumentRecord, Entity
from .kinds import CandidateKind as CK
from .knowledge import knowledge
from .names import (
    DEMONYMS,
    NATIONALITIES,
    TITLE_WORDS,
    clean_role,
    is_pronoun,
    is_role_phrase,
    name_key,
    strip_titles,
)

__all__ = [
    "Candidate",
    "candidate",
    "COMMENTER",
    "clean_surface",
    "person_name",
    "org_name",
    "classify_phrase",
    "honorific_gender",
    "generational",
]

_K = knowledge()

#: The speaker of text found outside an article's body (reader comments, teasers).
COMMENTER = "Anonymous commenter"

_STOP_TOKENS = _K.stopwords | {"however", "yes", "said", "says", "here", "there", "also"}
_NAME_TOKEN = re.compile(r"^[A-Z][\w'’.-]*$")
_LEAD = re.compile(
    r"^(?:a|an|the)?\s*(?:statement|report|reports|release|letter|readout|message|announcement|"
    r"communiqu[eé]|"
    r"spokes(?:man|woman|person)|spokespeople)\s+(?:by|from|for|of|at)\s+",
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
#: Single words that are titles, never names on their own ("State", "Secretary").
_ROLE_ONLY = frozenset(
    ["state", "secretary", "minister", "president", "leader", "spokesman", "official", "chief"]
)
_QUALIFIERS = frozenset(
    ["close", "familiar", "with", "at", "in", "from", "within", "inside", "on", "who", "for"]
)
_ORG_OF = re.compile(
    r"^(?:[Tt]he\s+)?(?:[A-Z][\w'’.-]*\s+){0,3}?"
    rf"(?i:{'|'.join(sorted(re.escape(w) for w in _K.org_words))})"
    r"\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|and|&|the|for))*$"
)
_BOUNDARY = re.compile(r",|;|\(|\s(?:and|&|or|who|which|whose|of|for|from|at|with)\s")


@dataclass(frozen=True)
class Candidate:
    """What a mention offers as its speaker.

    ``role`` is the office or relation written with the name ("lawyer", "US Secretary of
    State"); ``principal`` whom a ``role_of`` role is held for ("her", "Tara Reid");
    ``gender`` what an honorific says ("f" for "Mrs. Clinton"); ``family`` the generational
    suffix that tells a son from his father ("jr").
    """

    name: str
    kind: CK
    role: str | None = None
    principal: str | None = None
    gender: str | None = None
    family: str | None = None


def _surface(record: DocumentRecord, mention: ClaimMention) -> str:
    return " ".join(record.text[s:e] for s, e in mention.speaker).strip()


def clean_surface(text: str) -> str:
    """The speaker phrase without quote debris, lead-ins ("a statement from") or times."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    text = lines[-1] if lines else ""
    text = text.strip(" ,;:-–—\"“”‘’'()[]")
    for pattern in (_LEAD, _TEMPORAL, _TAIL_POSS):
        text = pattern.sub("", text).strip()
    return " ".join(text.split())


def honorific_gender(text: str) -> str | None:
    """The gender an opening honorific gives ("Mrs. Clinton" → "f"), else ``None``.

    >>> honorific_gender("Mrs. Clinton"), honorific_gender("Mr Trump"), honorific_gender("Dr Lee")
    ('f', 'm', None)
    """
    first = text.split()[0].casefold().strip(".") if text.split() else ""
    gender = _K.honorifics.get(first)
    return gender if gender in ("m", "f") else None


def generational(name: str) -> str | None:
    """The generational suffix of a name ("Donald Trump Jr." → "jr"), else ``None``.

    >>> generational("Donald Trump Jr."), generational("James Kennedy Jr"), generational("Al Gore")
    ('jr', 'jr', None)
    """
    words = name.replace(",", " ").split()
    if len(words) < 2:
        return None
    last = words[-1].casefold().strip(".")
    if last in _K.generational:
        return {"junior": "jr", "senior": "sr"}.get(last, last)
    return None


def org_name(text: str) -> str:
    """Canonical organisation name: "Romania's foreign ministry" → "Romanian Foreign Ministry".

    >>> org_name("the Indian navy"), org_name("the state department")
    ('Indian Navy', 'US State Department')
    """
    text = _POSS_COUNTRY.sub(lambda m: DEMONYMS.get(m.group(1).casefold(), m.group(0)), text)
    text = re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE)
    text = re.sub(r"['’]s?$", "", text)
    known = _K.organisations.get(name_key(text))
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
    return _K.organisations.get(name_key(name), name)


def _is_pronoun(text: str) -> bool:
    """A pronoun, but "US" (upper case) is the United States, not "us"."""
    if re.fullmatch(r"(?:[Tt]he\s+)?U\.?S\.?", text.strip()):
        return False
    return is_pronoun(text)


def _generic_head(words: list[str]) -> str | None:
    """The generic-speaker class of a phrase's head ("police", "the authorities")."""
    key = " ".join(words)
    if key in _K.generic:
        return _K.generic[key].name
    if words and words[-1] in _K.generic:
        return _K.generic[words[-1]].name
    return None


def classify_phrase(text: str) -> Candidate | None:
    """A government, organisation, generic or anonymous source, group or role; else ``None``.

    >>> classify_phrase("the Kremlin"), classify_phrase("police")
    (Candidate(name='Russia', kind=<CandidateKind.GOVERNMENT: 'government'>, role=None, \
principal=None, gender=None, family=None), Candidate(name='police', \
kind=<CandidateKind.GENERIC: 'generic'>, role=None, principal=None, gender=None, family=None))
    """
    key = name_key(text)
    if not key or _is_pronoun(text) or key in _NOT_SPEAKERS:
        return None
    if key in _K.organisations:
        return Candidate(_K.organisations[key], CK.ORGANISATION)
    if key in _K.metonyms:
        return Candidate(_K.metonyms[key], CK.GOVERNMENT)
    words = key.split()
    gov = re.match(r"(?i)^(?:the\s+)?(?:government|regime|administration)\s+of\s+(.+)$", text)
    if gov and name_key(gov.group(1)) in _K.metonyms:
        return Candidate(_K.metonyms[name_key(gov.group(1))], CK.GOVERNMENT)
    if _ORG_OF.match(text.strip()):
        return Candidate(org_name(text), CK.ORGANISATION)  # "Academy of … Arts and Sciences"
    if len(words) > 2 and words[0] in _K.generic and words[1] in _QUALIFIERS:
        return Candidate(_anonymous_name(text), CK.ANONYMOUS)  # "sources close to the talks"
    if " and " in f" {key} ":
        parts = re.split(r"\s+and\s+", text, maxsplit=1, flags=re.IGNORECASE)
        if len(parts) < 2 or not parts[0].strip():
            return None  # "and" not between words: nothing to take apart
        if words[-1] in _K.generic and not parts[0].strip().casefold().endswith(tuple(_K.generic)):
            return Candidate(_anonymous_name(text), CK.ANONYMOUS)
        return classify_phrase(parts[0])
    generic = _generic_head(words)
    if generic is not None:
        bare = len(words) == 1 or (len(words) == 2 and key in _K.generic)
        if bare:
            return Candidate(generic, CK.GENERIC)
        return Candidate(_anonymous_name(text), CK.ANONYMOUS if len(words) <= 3 else CK.GROUP)
    if words[-1] in _K.org_words or (text.isupper() and 2 <= len(text) <= 8 and len(words) == 1):
        if len(words) == 1 and not text.isupper():
            word = text.strip().split()[-1]
            if word[:1].isupper() and re.match(r"(?i)^the\s", text.strip()):
                return Candidate(word, CK.ORG_SHORT)  # "the Academy", "the Ministry"
            return None  # a bare "ministry" names no one
        return Candidate(org_name(text), CK.ORGANISATION)
    if is_role_phrase(text):
        return Candidate(text.strip(), CK.ROLE, role=clean_role(text))
    return None


def _anonymous_name(text: str) -> str:
    return re.sub(r"^(?:the|a|an|some|several|two|three)\s+", "", text.strip(), flags=re.I)


@lru_cache(maxsize=100_000)
def person_name(name: str) -> Candidate | None:
    """A person's name, titles stripped, if ``name`` reads as one; else ``None``.

    >>> person_name("Mrs. Hillary Clinton").name, person_name("Donald Trump Jr.").family
    ('Hillary Clinton', 'jr')
    >>> person_name("Bristol University") is None, person_name("Russian") is None
    (True, True)
    """
    name = " ".join(name.replace("’", "'").split()).strip(" ,;:-\"'")
    name = re.sub(r"'s$", "", name)
    gender = honorific_gender(name)
    stripped = strip_titles(name)
    tokens = stripped.split()
    if not 1 <= len(tokens) <= 5:
        return None
    for i, tok in enumerate(tokens):
        low = tok.casefold().strip(".")
        if low in _K.particles and 0 < i < len(tokens) - 1 or re.fullmatch(r"[A-Z]\.", tok):
            continue  # "Ursula von der Leyen", "Stephen A. Smith"
        if not _NAME_TOKEN.match(tok) or low in _STOP_TOKENS:
            return None
    keys = [t.casefold().strip(".") for t in tokens]
    if all(k in NATIONALITIES or k in DEMONYMS or k in _K.org_words for k in keys):
        return None
    if len(keys) > 1 and keys[-1] in _K.org_words:
        return None  # "Menatep Group", "Bristol University" name no person
    if name_key(stripped) in _K.metonyms or name_key(stripped) in _K.organisations:
        return None
    if len(tokens) == 1 and (keys[0] in NATIONALITIES or keys[0] in _ROLE_ONLY):
        return None
    family = generational(stripped)
    kind = CK.PERSON if len(tokens) - (family is not None) >= 2 else CK.SURNAME
    return Candidate(stripped, kind, gender=gender, family=family)


def _in_body(record: DocumentRecord, mention: ClaimMention) -> bool:
    if not record.body or not mention.content:
        return True
    start = mention.content[0][0]
    return any(s <= start < e for s, e in record.body)


def _is_dateline(record: DocumentRecord, mention: ClaimMention, surface: str) -> bool:
    """Whether the span is the article's dateline place ("BERLIN (AP) —"): a place never speaks."""
    if not mention.speaker:
        return False
    start = mention.speaker[0][0]
    if record.dateline and name_key(surface) and name_key(surface) in name_key(record.dateline):
        line_start = record.text.rfind("\n", 0, start) + 1
        return start - line_start < 40
    after = record.text[mention.speaker[-1][1] : mention.speaker[-1][1] + 8]
    return (
        surface.isupper() and len(surface) > 2 and bool(re.match(r"\s*(?:\(|—|–|-{1,2}\s)", after))
    )


def _entities_in(record: DocumentRecord, span: tuple[int, int], labels: set[str]) -> list[Entity]:
    s, e = span
    return [x for x in record.entities if x.label in labels and s <= x.start and x.end <= e + 1]


def _possessive_at(text: str, end: int) -> bool:
    return text[end : end + 2] in ("'s", "’s") or text[end : end + 1] in ("'", "’")


_ROLE_NOUNS = sorted(_K.role_classes, key=len, reverse=True)
_ROLE_OF = re.compile(
    r"(?i)^(?:(?:the|a|an)\s+)?(?:(?P<poss>his|her|their|its|[^,]+?['’]s?|(?-i:[A-Z])[^,]*?)\s+)?"
    r"(?:(?:longtime|long-time|former|family|personal|official|top|chief|senior|new)\s+)*"
    rf"(?P<role>{'|'.join(re.escape(r) for r in _ROLE_NOUNS)})"
    r"(?P<rest>(?:\s+.*)?)$"
)


_ROLE_OF_PREP = re.compile(
    r"(?i)^(?:the|a|an)\s+"
    rf"(?P<role>{'|'.join(re.escape(r) for r in _ROLE_NOUNS)})\s+(?:of|for|to)\s+(?P<poss>.+)$"
)


def _role_of(surface: str) -> Candidate | None:
    """ "her rep", "Reid's publicist", "the actress's rep Jack Ketsoyan", "publicist Harlan Boll".

    A role noun followed by a name is that person; with no name it is a ``role_of`` to be
    resolved; an organisation's spokesperson with no name speaks for the organisation.

    >>> _role_of("the actress's rep Jack Ketsoyan").name
    'Jack Ketsoyan'
    >>> c = _role_of("Reid's rep"); (c.kind.value, c.name, c.principal)
    ('role_of', 'representative', 'Reid')
    >>> _role_of("A Surrey Police spokeswoman").name
    'Surrey Police'
    """
    head, _, appos = surface.partition(", ")
    prep = _ROLE_OF_PREP.match(head)
    if (
        prep is not None
        and person_name(prep.group("poss")) is None
        and not _description(prep.group("poss"))
    ):
        org = classify_phrase(prep.group("poss"))
        noun = prep.group("role").casefold()
        if org is not None and _K.role_classes[noun] == "representative":
            return org  # "a spokesman for the Los Angeles Superior Court"
    if prep is not None:
        noun = prep.group("role").casefold()
        principal = re.sub(r"(?i)^(?:the|a|an)\s+", "", prep.group("poss")).strip()
        return Candidate(_K.role_classes[noun], CK.ROLE_OF, role=noun, principal=principal)
    m = _ROLE_OF.match(head)
    if m is None:
        return None
    role_noun = m.group("role").casefold()
    role_class = _K.role_classes[role_noun]
    rest = m.group("rest").strip()
    poss = (m.group("poss") or "").strip()
    role = clean_role(head) or role_noun
    for named in (rest, appos.strip()):
        person = person_name(named) if named else None
        if person is not None and person.kind in (CK.PERSON, CK.SURNAME):
            return Candidate(person.name, person.kind, role=role, family=person.family)
    if rest:
        return None
    bare = bool(poss) and not re.search(r"['’]s?$", poss)
    if bare and poss.casefold() not in ("his", "her", "their", "its"):
        org = classify_phrase(poss)
        if role_class == "representative" and person_name(poss) is None:
            if org is not None and org.kind in (CK.ORGANISATION, CK.GOVERNMENT, CK.GENERIC):
                return org  # "A Surrey Police spokeswoman" speaks for the police
            return Candidate(org_name(poss), CK.ORGANISATION)
    principal = re.sub(r"['’]s?$", "", poss).strip() or None
    if principal and principal.casefold().startswith(("the ", "a ")):
        principal = principal.split(None, 1)[1]
    return Candidate(role_class, CK.ROLE_OF, role=role_noun, principal=principal)


def _description(surface: str) -> Candidate | None:
    """ "the actress", "The 33-year-old hard partying actress": a person described, not named."""
    head = _BOUNDARY.split(surface, maxsplit=1)[0].strip()
    words = head.split()
    if len(words) < 2 or words[0].casefold() not in ("the", "this"):
        return None
    noun = words[-1].casefold().strip(".")
    if noun in _K.person_nouns and not any(w[:1].isupper() for w in words[1:-1]):
        return Candidate(noun, CK.DESCRIPTION)
    return None


def _head_person(record: DocumentRecord, mention: ClaimMention, surface: str) -> Candidate | None:
    """The person a longer span is headed by: "Lohan lawyer Mark Heller" → Mark Heller (role
    "lawyer"); "Michael Silverman of the Boston Herald" → Michael Silverman; "director Gary Ross
    and The Hollywood Reporter" → Gary Ross. Possessors ("Lohan's") never head a span."""
    if len(mention.speaker) != 1:
        return None
    s, e = mention.speaker[0]
    people = [
        x
        for x in _entities_in(record, (s, e), {"PERSON"})
        if not _possessive_at(record.text, x.end) and not x.text.endswith(("'s", "’s"))
    ]
    if not people:
        return None
    first = people[0]
    before = record.text[s : first.start]
    if _BOUNDARY.search(before) or re.search(r"(?i)\b(?:and|or|with)\s*$", before):
        return None  # the name sits in a later phrase ("a friend of X")
    person = person_name(first.text)
    if person is None or person.kind not in (CK.PERSON, CK.SURNAME):
        return None
    lead = re.sub(r"['’]s?\s*$", "", before).strip(" ,")
    role = clean_role(lead) if lead else None
    if role is None and lead:
        words = lead.split()
        role = clean_role(words[-1]) or (
            words[-1].casefold() if words[-1].casefold() in _K.role_classes else None
        )
        role = role or (
            lead.split()[-1] if lead.split()[-1].casefold() in _K.person_nouns else None
        )
    after = record.text[first.end : e]
    m = re.match(r"\s*,\s*(?:the\s+|a\s+|an\s+)?(.+)$", after)
    if role is None and m:
        role = clean_role(m.group(1))
    gender = honorific_gender(record.text[max(s, first.start - 6) : first.end])
    return Candidate(person.name, person.kind, role=role, gender=gender, family=person.family)


def _whole_org(record: DocumentRecord, mention: ClaimMention, surface: str) -> Candidate | None:
    """An organisation the parse found covering the span's head ("The Academy of Motion
    Picture Arts and Sciences", "the Indian navy")."""
    if len(mention.speaker) != 1:
        return None
    s, e = mention.speaker[0]
    head = _BOUNDARY.split(surface, maxsplit=1)[0]
    for x in _entities_in(record, (s, e), {"ORG"}):
        text = re.sub(r"(?i)^the\s+", "", x.text.strip())
        if (
            name_key(text)
            and name_key(head).endswith(name_key(text))
            or (name_key(text) == name_key(surface))
        ):
            if person_name(text) is not None and len(text.split()) >= 2:
                return None
            if name_key(text) in _K.metonyms:
                return Candidate(_K.metonyms[name_key(text)], CK.GOVERNMENT)
            return Candidate(org_name(text), CK.ORGANISATION)
    return None


def _appositive_person(surface: str) -> Candidate | None:
    """ "Kurt Barnard, President of Retail Consulting Group": a full name, then who they are.

    >>> _appositive_person("Kurt Barnard, President of Retail Consulting Group").role
    'President of Retail Consulting Group'
    >>> _appositive_person("Department for Culture, Media") is None
    True
    """
    match = re.match(r"^([^,]+?)(?:,\s*|\s+(?:of|from|at)\s+(?=the\s|[A-Z]))(.+)$", surface)
    if match is None:
        return None
    person = person_name(match.group(1))
    if person is None or person.kind != CK.PERSON or classify_phrase(match.group(1)) is not None:
        return None
    return Candidate(person.name, CK.PERSON, clean_role(match.group(2)), family=person.family)


def _leading_name(surface: str) -> Candidate | None:
    """The person a longer speaker span opens with ("Biden bluntly assessed that Putin …")."""
    words = surface.split()
    run = []
    for w in words:
        low = w.casefold().strip(".")
        if not _NAME_TOKEN.match(w) or low in TITLE_WORDS or low in NATIONALITIES:
            break
        run.append(w)
    if not run or len(run) == len(words):
        return None
    return person_name(" ".join(run))


def relay_wrote(record: DocumentRecord, mention: ClaimMention) -> bool:
    """Whether the written speaker is the relay (a spokesman quoting his principal) rather than
    the principal (a claim known "according to" an organisation)."""
    role = mention.speaker_role or ""
    return bool(SPOKES_RE.search(_surface(record, mention)) or SPOKES_RE.search(role))


def _offered(record: DocumentRecord, mention: ClaimMention, surface: str) -> Candidate | None:
    """The candidate of the written span and ingest's in-article name, strongest reading first."""
    role = clean_role(mention.speaker_role)
    if mention.relayed_by and relay_wrote(record, mention):
        role = None  # the written role is the spokesman's, not the principal's
    if surface and not mention.relayed_by:
        for reading in (_head_person, _whole_org):
            cand = reading(record, mention, surface)
            if cand is not None:
                if cand.role is None and role and cand.kind in (CK.PERSON, CK.SURNAME):
                    cand = Candidate(
                        cand.name, cand.kind, role, gender=cand.gender, family=cand.family
                    )
                return cand
        cand = _role_of(surface) or _appositive_person(surface) or _description(surface)
        if cand is not None:
            return cand
    if surface and not _is_pronoun(surface):
        cand = classify_phrase(surface)
        if cand is not None:
            return cand
    name = (mention.speaker_name or "").strip()
    lead = _leading_name(surface)
    if lead is not None and name and name_key(lead.name).split()[-1] not in name_key(name).split():
        return Candidate(lead.name, lead.kind, role, family=lead.family)
    if name and not is_pronoun(name):
        cand = classify_phrase(name)
        if cand is not None and cand.kind not in (CK.ROLE, CK.ORG_SHORT):
            return cand
        person = person_name(name)
        if person is not None:
            return Candidate(person.name, person.kind, role, person.principal, family=person.family)
    if surface and not _is_pronoun(surface):
        person = person_name(surface)
        if person is not None:
            return Candidate(
                person.name, person.kind, role, gender=person.gender, family=person.family
            )
    return None


_HONORIFIC = re.compile(rf"(?i)^\W*(?:the\s+)?(?:{'|'.join(sorted(_K.honorifics))})\b")
_ENTITY_KINDS = {"ORG": CK.ORGANISATION, "GPE": CK.GOVERNMENT}


def _retyped(record: DocumentRecord, mention: ClaimMention, cand: Candidate) -> Candidate:
    """A "person" the parse knows as an organisation or a country ("GW Pharma", "Woolworths").

    Only a written span that an ORG or GPE entity covers whole, with no PERSON entity on it and
    no person of that surname in the article, is retyped.
    """
    if cand.kind not in (CK.PERSON, CK.SURNAME) or len(mention.speaker) != 1:
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
            if kind == CK.GOVERNMENT:
                key = name_key(ent.text)
                return Candidate(_K.metonyms.get(key, ent.text.strip()), kind)
            return Candidate(org_name(ent.text), kind)
    return cand


def candidate(record: DocumentRecord, mention: ClaimMention) -> Candidate | None:
    """The speaker a mention offers, or ``None`` when what it offers is no speaker.

    >>> from claimgraph.ingest.records import ClaimMention, DocumentRecord
    >>> rec = DocumentRecord("d", "x", "Its core concern is Ukraine, Russia says.")
    >>> candidate(rec, ClaimMention([[0, 27]], speaker=[[0, 16]])) is None
    True
    >>> candidate(rec, ClaimMention([[0, 27]], speaker=[[29, 35]])).name
    'Russia'
    """
    if not _in_body(record, mention):
        return Candidate(COMMENTER, CK.ANONYMOUS)
    surface = clean_surface(_surface(record, mention))
    if surface and _is_dateline(record, mention, surface):
        return None
    cand = _offered(record, mention, surface)
    if cand is None:
        return None
    cand = _retyped(record, mention, cand)
    if cand.gender is None and surface:
        gender = honorific_gender(surface)
        if gender:
            cand = Candidate(cand.name, cand.kind, cand.role, cand.principal, gender, cand.family)
    return cand

"""Name speakers inside one article: full names for surnames, pronouns, roles and types.

News introduces a person once in full ("US Secretary of State Antony Blinken") and then by
surname ("Blinken"), pronoun ("he") or role ("the secretary of state"). :class:`SpeakerIndex`
walks the article in order, remembering every full name, and resolves each speaker mention
to the most recent compatible one. It stays inside the document: merging "Antony Blink" with
"Antony Blinken" across articles is the graph stage's job.

Limits: gender is not modelled, so "he" and "she" both go to the nearest person; "they" goes to
the nearest group or organisation.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from .cues import lexicon
from .parsed import doc_text

__all__ = ["SpeakerIndex", "Resolved", "PRONOUNS", "strip_determiner"]

PRONOUNS = {
    "he": "person", "she": "person", "him": "person", "her": "person", "i": "person",
    "it": "organisation", "they": "group", "we": "group", "who": "any",
}

_ANONYMOUS_HEADS = lexicon(
    "source sources official officials aide aides person people insider insiders observer "
    "observers analyst analysts critic critics expert experts diplomat diplomats someone "
    "spokesman spokeswoman spokesperson"
)
_GOVERNMENT_WORDS = lexicon(
    "government administration ministry department kremlin white house state pentagon "
    "embassy cabinet office"
)
_DETERMINERS = ("the ", "a ", "an ", "The ", "A ", "An ")
_ROLE_RE = re.compile(r"^[A-Z]")


@dataclass
class Resolved:
    """What is known about one speaker mention."""

    name: str | None
    type: str | None
    role: str | None


class SpeakerIndex:
    """Resolve speaker mentions to in-document names, in reading order.

    Call :meth:`resolve` with mentions in text order; each resolved person or organisation
    becomes the antecedent for later pronouns.
    """

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        self.doc = doc
        self.text = doc_text(doc) if text is None else text
        # entity spans by start char, and a surname → full name map built as we read
        self._ents = sorted(
            (e for e in doc.ents if e.label_ in ("PERSON", "ORG", "GPE", "NORP")),
            key=lambda e: e.start_char,
        )
        self._starts = [e.start_char for e in self._ents]
        self._full: dict[str, str] = {}
        self._roles: dict[str, str] = {}  # full name → the title it was introduced with
        self._seen_until = 0
        self._ent_pos = 0
        self._last: list[tuple[int, str, str]] = []  # (offset, name, type)

    def _learn_until(self, offset: int) -> None:
        """Record every person named in the text before ``offset`` (full names only)."""
        while self._ent_pos < len(self._ents) and self._ents[self._ent_pos].start_char < offset:
            e = self._ents[self._ent_pos]
            self._ent_pos += 1
            if e.label_ == "PERSON":
                name = _clean_name(e.text)
                parts = name.split()
                if len(parts) >= 2:
                    self._full[parts[-1]] = name
                    self._full[name] = name
            elif e.label_ in ("ORG", "GPE"):
                self._last.append((e.start_char, _clean_name(e.text), _ent_type(e.label_, e.text)))

    def full_name(self, surface: str) -> str:
        """The full form of a name seen earlier ("Price" → "Ned Price"), else the name."""
        name = _clean_name(surface)
        parts = name.split()
        if not parts:
            return name
        if name in self._full:
            return self._full[name]
        if len(parts) == 1 and parts[0] in self._full:
            return self._full[parts[0]]
        return name

    def resolve(self, span: list[int] | None, at: int) -> Resolved:
        """Name, type and role of the speaker written at ``span`` (``None`` for floating quotes).

        ``at`` is where the attribution is in the text; pronouns and floating quotes take the
        nearest compatible speaker seen before it.
        """
        self._learn_until(at if span is None else span[1])
        if span is None:
            return self._antecedent("person", at, fallback_any=True)
        surface = self.text[span[0] : span[1]].strip()
        low = surface.lower()
        if low in PRONOUNS:
            want = PRONOUNS[low]
            res = self._antecedent(want, span[0], fallback_any=want in ("group", "any"))
            return res
        person = self._person_in(span)
        if person is not None:
            name = self.full_name(person[0])
            role = _role(self.text, span, person[1])
            if role:
                self._roles.setdefault(name, role)
            role = role or self._roles.get(name)
            self._remember(span[0], name, "person")
            return Resolved(name, "person", role)
        ent = self._entity_in(span)
        if ent is not None:
            etype = _ent_type(ent.label_, ent.text)
            name = _clean_name(ent.text)
            if ent.start_char - span[0] > 3 and etype == "organisation":
                name = strip_determiner(surface)
            self._remember(span[0], name, etype)
            return Resolved(name, etype, None)
        titled = self._by_role(surface)
        if titled is not None:
            self._remember(span[0], titled, "person")
            return Resolved(titled, "person", self._roles.get(titled))
        head = low.split()[-1] if low.split() else ""
        head = re.sub(r"[’']s$", "", head)
        if head in _ANONYMOUS_HEADS:
            return Resolved(None, "anonymous", strip_determiner(surface))
        if any(w in low.split() for w in _GOVERNMENT_WORDS):
            name = strip_determiner(surface)
            self._remember(span[0], name, "government")
            return Resolved(name, "government", None)
        name = strip_determiner(surface)
        if name and name[0].isupper() and len(name.split()) <= 6:
            self._remember(span[0], name, "organisation")
            return Resolved(name, None, None)
        return Resolved(None, None, None)

    def _by_role(self, surface: str) -> str | None:
        """The person introduced with this title ("the secretary of state" → Antony Blinken)."""
        want = strip_determiner(surface).casefold()
        if len(want) < 4:
            return None
        for name, role in reversed(list(self._roles.items())):
            if role.casefold() == want or role.casefold().endswith(" " + want):
                return name
        return None

    def _remember(self, offset: int, name: str, kind: str) -> None:
        self._last.append((offset, name, kind))

    def _antecedent(self, want: str, before: int, *, fallback_any: bool) -> Resolved:
        fallback = None
        for offset, name, kind in reversed(self._last):
            if offset >= before:
                continue
            if want == "any" or kind == want or (want == "group" and kind != "person") or (
                want == "organisation" and kind in ("government", "organisation")
            ):
                return Resolved(name, kind, None)
            if fallback is None:
                fallback = Resolved(name, kind, None)
        if fallback_any and fallback is not None:
            return fallback
        return Resolved(None, None, None)

    def _person_in(self, span: list[int]) -> tuple[str, int] | None:
        for e in self._ents_in(span):
            if e.label_ == "PERSON":
                return e.text, e.start_char
        # a lone capitalised word the NER missed that matches a known surname: "Price"
        for tok in self.text[span[0] : span[1]].split():
            tok = re.sub(r"[’']s$|[^\w-]", "", tok)
            if tok in self._full:
                return tok, self.text.find(tok, span[0])
        return None

    def _entity_in(self, span: list[int]):
        ents = [e for e in self._ents_in(span) if e.label_ in ("ORG", "GPE", "NORP")]
        return ents[0] if ents else None

    def _ents_in(self, span: list[int]):
        k = bisect.bisect_left(self._starts, span[0])
        out = []
        while k < len(self._ents) and self._ents[k].start_char < span[1]:
            if self._ents[k].end_char <= span[1]:
                out.append(self._ents[k])
            k += 1
        return out


def _clean_name(text: str) -> str:
    text = re.sub(r"[’']s$", "", text.strip())
    text = re.sub(r"^(the|The)\s+", "", text)
    return " ".join(text.split())


def strip_determiner(text: str) -> str:
    """A written name without its article and possessive: "the State Department" → "State
    Department" (the form speaker names are compared in)."""
    for d in _DETERMINERS:
        if text.startswith(d):
            text = text[len(d) :]
            break
    return _clean_name(text)


def _ent_type(label: str, text: str) -> str:
    if label == "PERSON":
        return "person"
    if label == "GPE":
        return "government"
    if label == "NORP":
        return "group"
    if any(w in text.lower() for w in _GOVERNMENT_WORDS):
        return "government"
    return "organisation"


def _role(text: str, span: list[int], name_start: int) -> str | None:
    """The title written before a name inside the speaker span ("US Secretary of State")."""
    before = text[span[0] : name_start].strip().rstrip(",")
    before = strip_determiner(before) if before else ""
    if before and _ROLE_RE.match(before) or (before and len(before.split()) <= 6):
        return before or None
    after = text[span[1] :][:80]
    m = re.match(r",\s+(?:the\s+|a\s+)?([^,.;]{3,60}?),", after)
    if m:
        return m.group(1).strip()
    return None

"""Records passed from ingest to graph: plain dataclasses that round-trip through JSON.

No spaCy objects live here, so records cross process boundaries, caches and Dask shards.
Spans are ``[start, end)`` Unicode code-point offsets into :attr:`DocumentRecord.text`.

A record is one JSON Lines line whatever its text holds: U+2028/U+2029 stay literal (JSON
allows them; readers split on ``\\n`` only) and a lone surrogate is written as a ``\\uXXXX``
escape, so the file is always valid UTF-8. Records read back from a file or a cache are
checked by :func:`record_problem` / :func:`annotation_problem` (types, offsets inside the
text) before anything trusts them.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass, field, fields
from typing import Any

from .codepoints import SURROGATES

__all__ = [
    "Span",
    "Quantity",
    "Entity",
    "ClaimMention",
    "DocumentRecord",
    "dumps_json",
    "record_problem",
    "annotation_problem",
    "CLAIM_KINDS",
    "RECORD_VERSION",
]

#: Bumped whenever the shape or the meaning of a record changes; part of the cache key.
RECORD_VERSION = "2"

Span = list[int]  # [start, end)

#: Offsets below this are read into one shared ``int`` per value (see :func:`_offsets`).
_SHARED_OFFSETS = 1 << 16
_OFFSET: dict[int, int] = {}


def _offset(value: Any) -> Any:
    """The one ``int`` object of an offset value. JSON gives each number a new object (28
    bytes, where a list slot is 8); a corpus's spans and entities repeat the same few
    thousand offsets millions of times, a sixth of its records' memory in the merge."""
    if type(value) is int and 0 <= value < _SHARED_OFFSETS:
        return _OFFSET.setdefault(value, value)
    return value


def _offsets(spans: Any) -> Any:
    """``spans`` (a list of ``[start, end]``) with shared offsets; anything else unchanged."""
    if type(spans) is not list:
        return spans
    return [[_offset(x) for x in span] if type(span) is list else span for span in spans]

#: ``intention``: what someone plans, wants or decides to do ("plans to hold the contest"), as
#: the writer reports it: an attribution (extraction scores count it) but no one's claim, so the
#: graph keeps it out of claim nodes.
CLAIM_KINDS = ("direct", "mixed", "indirect", "according_to", "assertion", "intention")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in a claim: ``more than 100,000 troops`` → 100000, troops, bound ``min``.

    ``bound`` is ``min`` (more than, at least), ``max`` (less than, up to), ``approx`` (about,
    tens of thousands) or ``exact``. ``low``/``high`` give the interval the words allow.
    """

    value: float
    unit: str | None
    bound: str
    text: str
    low: float | None = None
    high: float | None = None
    span: tuple[int, int] | None = None

    def to_json(self) -> dict[str, Any]:
        d = _plain(self, _QUANTITY_NAMES)
        d["span"] = list(self.span) if self.span else None
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Quantity:
        d = {k: v for k, v in d.items() if k in _QUANTITY_FIELDS}
        if d.get("span") is not None:
            d["span"] = tuple(_offset(x) for x in d["span"])
        return cls(**d)


_QUANTITY_NAMES = tuple(f.name for f in fields(Quantity))
_QUANTITY_FIELDS = set(_QUANTITY_NAMES)


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity mention in the raw text.

    Records are held by the hundred thousand in the merge: no instance dict (slots), and the
    label and text are interned, since a corpus names the same few things again and again.
    """

    start: int
    end: int
    text: str
    label: str

    def __post_init__(self) -> None:
        if type(self.text) is str and type(self.label) is str:
            object.__setattr__(self, "text", sys.intern(self.text))
            object.__setattr__(self, "label", sys.intern(self.label))

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "label": self.label}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Entity:
        return cls(_offset(d["start"]), _offset(d["end"]), d["text"], d["label"])


@dataclass(slots=True)
class ClaimMention:
    """One attribution in one article: what is claimed, by whom, through which cue.

    ``content``, ``cue`` and ``speaker`` are lists of spans (a quote interrupted by ``he said``
    has two content spans and one cue). ``speaker_name`` is the speaker resolved inside the
    document ("Ned Price" for "Price", "Antony Blinken" for "he"), ``None`` when unknown or when
    the outlet itself asserts the claim. ``relayed_by`` names a spokesman who reports the
    speaker's words ("He underscored …," said Price → speaker Blinken, relayed by Ned Price).
    ``parts`` splits ``content`` into the propositions it asserts when there are several
    ("while X would …, we remain committed to Y"); empty when the content is one proposition.
    ``phrase`` is the claim's headline read off the parse ("Russia must de-escalate", see
    :mod:`.headline`), ``part_phrases`` that of each part, ``key_phrases`` the named entities
    and noun phrases of the content (topic candidates); records written before these existed
    load with ``None`` and empty lists.
    """

    content: list[Span]
    cue: list[Span] = field(default_factory=list)
    speaker: list[Span] = field(default_factory=list)
    speaker_name: str | None = None
    kind: str = "indirect"
    text: str = ""
    quantities: list[Quantity] = field(default_factory=list)
    confidence: float = 0.5
    speaker_role: str | None = None
    speaker_type: str | None = None
    relayed_by: str | None = None
    parts: list[list[Span]] = field(default_factory=list)
    phrase: str | None = None
    part_phrases: list[str | None] = field(default_factory=list)
    key_phrases: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        """Names, roles and key phrases are interned: a corpus repeats the same speakers and
        topics in thousands of mentions (a third of these strings are distinct)."""
        for name in ("kind", "speaker_type", "speaker_name", "speaker_role", "relayed_by"):
            value = getattr(self, name)
            if type(value) is str:
                setattr(self, name, sys.intern(value))
        if type(self.key_phrases) is list:
            self.key_phrases = [
                sys.intern(k) if type(k) is str else k for k in self.key_phrases
            ]

    def to_json(self) -> dict[str, Any]:
        d = _plain(self, _MENTION_NAMES)
        d["quantities"] = [q.to_json() for q in self.quantities]
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> ClaimMention:
        d = {k: v for k, v in d.items() if k in _MENTION_FIELDS}
        d["quantities"] = [Quantity.from_json(q) for q in d.get("quantities", [])]
        for name in ("content", "cue", "speaker"):
            if name in d:
                d[name] = _offsets(d[name])
        if type(d.get("parts")) is list:
            d["parts"] = [_offsets(part) for part in d["parts"]]
        return cls(**d)


_MENTION_NAMES = tuple(f.name for f in fields(ClaimMention))
_MENTION_FIELDS = set(_MENTION_NAMES)


@dataclass(slots=True)
class DocumentRecord:
    """Everything ingest learns about one article; one JSON object per line of records.jsonl."""

    id: str
    sha256: str
    text: str
    path: str | None = None
    url: str | None = None
    encoding: str | None = None
    body: list[Span] = field(default_factory=list)
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    dateline: str | None = None
    credits: list[str] = field(default_factory=list)
    language: str | None = "en"
    entities: list[Entity] = field(default_factory=list)
    claims: list[ClaimMention] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    truncated_at: int | None = None

    def to_json(self) -> dict[str, Any]:
        d = _plain(self, _RECORD_NAMES)
        d["entities"] = [e.to_json() for e in self.entities]
        d["claims"] = [c.to_json() for c in self.claims]
        return d

    def dumps(self) -> str:
        """One JSONL line (no trailing newline), valid UTF-8 whatever the text holds."""
        return dumps_json(self.to_json())

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> DocumentRecord:
        d = {k: v for k, v in d.items() if k in _RECORD_FIELDS}
        if "body" in d:
            d["body"] = _offsets(d["body"])
        d["entities"] = [Entity.from_json(e) for e in d.get("entities", [])]
        d["claims"] = [ClaimMention.from_json(c) for c in d.get("claims", [])]
        return cls(**d)

    @classmethod
    def loads(cls, line: str) -> DocumentRecord:
        return cls.from_json(json.loads(line))

    def span_text(self, span: Span) -> str:
        return self.text[span[0] : span[1]]

    @property
    def body_text(self) -> str:
        """The kept body ranges joined by blank lines (offsets do not carry over)."""
        return "\n\n".join(self.text[s:e] for s, e in self.body)


_RECORD_NAMES = tuple(f.name for f in fields(DocumentRecord))
_RECORD_FIELDS = set(_RECORD_NAMES)


def _plain(obj: object, names: tuple[str, ...]) -> dict[str, Any]:
    """The fields ``names`` of ``obj`` as a dict, lists copied: what ``dataclasses.asdict``
    gives for these records (no nested dataclass is reached; callers convert those), without
    its deep copy of every value, which made writing records slower than the merge."""
    return {name: _copy(getattr(obj, name)) for name in names}


def _copy(value: Any) -> Any:
    if isinstance(value, list):
        return [_copy(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_copy(v) for v in value)
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    return value


def dumps_json(data: Any) -> str:
    """Compact JSON on one line: non-ASCII kept, lone surrogates escaped (``\\ud800``).

    >>> dumps_json({"t": "a\u2028b\\n"}) == '{"t":"a\u2028b\\\\n"}'
    True
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return SURROGATES.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _span_problem(span: object, n: int, what: str) -> str | None:
    if not isinstance(span, (list, tuple)) or len(span) != 2 or not all(map(_is_int, span)):
        return f"{what} {span!r} is not a [start, end] pair of integers"
    start, end = span
    if not 0 <= start <= end <= n:
        return f"{what} [{start}, {end}] lies outside the text (length {n})"
    return None


def _spans_problem(spans: object, n: int, what: str) -> str | None:
    if not isinstance(spans, list):
        return f"{what} is not a list of spans"
    for span in spans:
        if (problem := _span_problem(span, n, what)) is not None:
            return problem
    return None


def annotation_problem(entities: object, claims: object, n: int) -> str | None:
    """Why entities and claim mentions cannot belong to a text of length ``n``, or None."""
    if not isinstance(entities, list) or not isinstance(claims, list):
        return "entities and claims must be lists"
    for e in entities:
        if not isinstance(e, Entity) or not isinstance(e.text, str) or not isinstance(e.label, str):
            return f"entity {e!r} is malformed"
        if (problem := _span_problem([e.start, e.end], n, "entity span")) is not None:
            return problem
    for c in claims:
        if not isinstance(c, ClaimMention):
            return f"claim {c!r} is malformed"
        if c.kind not in CLAIM_KINDS:
            return f"claim kind {c.kind!r} is unknown"
        if not isinstance(c.text, str) or not c.content:
            return "a claim has no content or no text"
        if not isinstance(c.confidence, (int, float)) or isinstance(c.confidence, bool):
            return f"claim confidence {c.confidence!r} is not a number"
        for name in ("speaker_name", "speaker_role", "speaker_type", "relayed_by"):
            if not isinstance(getattr(c, name), (str, type(None))):
                return f"claim {name} {getattr(c, name)!r} is not a string"
        for what, spans in (("content", c.content), ("cue", c.cue), ("speaker", c.speaker)):
            if (problem := _spans_problem(spans, n, f"claim {what}")) is not None:
                return problem
        if not isinstance(c.parts, list):
            return "claim parts is not a list"
        for part in c.parts:
            if (problem := _spans_problem(part, n, "claim part")) is not None:
                return problem
        for q in c.quantities:
            if q.span is not None and (problem := _span_problem(q.span, n, "quantity")):
                return problem
    return None


_OPTIONAL_TEXT = ("path", "url", "encoding", "title", "outlet", "published", "dateline", "language")


def record_problem(record: DocumentRecord) -> str | None:
    """Why ``record`` (read back from a file) cannot be trusted, or None.

    Checks types, that ``sha256`` is the hash of ``text`` and that every offset lies inside it.
    """
    if not all(isinstance(x, str) for x in (record.id, record.sha256, record.text)):
        return "id, sha256 and text must be strings"
    if not record.id:
        return "the id is empty"
    digest = hashlib.sha256(record.text.encode("utf-8", "surrogatepass")).hexdigest()
    if record.sha256 != digest:
        return "sha256 is not the hash of the text"
    for name in _OPTIONAL_TEXT:
        if not isinstance(getattr(record, name), (str, type(None))):
            return f"{name} {getattr(record, name)!r} is not a string"
    for name in ("authors", "credits", "errors"):
        value = getattr(record, name)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return f"{name} is not a list of strings"
    n = len(record.text)
    if (problem := _spans_problem(record.body, n, "body range")) is not None:
        return problem
    return annotation_problem(record.entities, record.claims, n)

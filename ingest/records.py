"""Records passed from ingest to graph: plain dataclasses that round-trip through JSON.

No spaCy objects live here, so records cross process boundaries, caches and Dask shards.
Spans are ``[start, end)`` Unicode code-point offsets into :attr:`DocumentRecord.text`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any

__all__ = [
    "Span",
    "Quantity",
    "Entity",
    "ClaimMention",
    "DocumentRecord",
    "CLAIM_KINDS",
    "RECORD_VERSION",
]

#: Bumped whenever the shape or the meaning of a record changes; part of the cache key.
RECORD_VERSION = "1"

Span = list[int]  # [start, end)

#: ``intention``: what someone plans, wants or decides to do ("plans to hold the contest"), as
#: the writer reports it: an attribution (extraction scores count it) but no one's claim, so the
#: graph keeps it out of claim nodes.
CLAIM_KINDS = ("direct", "mixed", "indirect", "according_to", "assertion", "intention")


@dataclass(frozen=True)
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
        d = asdict(self)
        d["span"] = list(self.span) if self.span else None
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Quantity:
        d = {k: v for k, v in d.items() if k in _QUANTITY_FIELDS}
        if d.get("span") is not None:
            d["span"] = tuple(d["span"])
        return cls(**d)


_QUANTITY_FIELDS = {f.name for f in fields(Quantity)}


@dataclass(frozen=True)
class Entity:
    """A named-entity mention in the raw text."""

    start: int
    end: int
    text: str
    label: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Entity:
        return cls(d["start"], d["end"], d["text"], d["label"])


@dataclass
class ClaimMention:
    """One attribution in one article: what is claimed, by whom, through which cue.

    ``content``, ``cue`` and ``speaker`` are lists of spans (a quote interrupted by ``he said``
    has two content spans and one cue). ``speaker_name`` is the speaker resolved inside the
    document ("Ned Price" for "Price", "Antony Blinken" for "he"), ``None`` when unknown or when
    the outlet itself asserts the claim. ``relayed_by`` names a spokesman who reports the
    speaker's words ("He underscored …," said Price → speaker Blinken, relayed by Ned Price).
    ``parts`` splits ``content`` into the propositions it asserts when there are several
    ("while X would …, we remain committed to Y"); empty when the content is one proposition.
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

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["quantities"] = [q.to_json() for q in self.quantities]
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> ClaimMention:
        d = {k: v for k, v in d.items() if k in _MENTION_FIELDS}
        d["quantities"] = [Quantity.from_json(q) for q in d.get("quantities", [])]
        return cls(**d)


_MENTION_FIELDS = {f.name for f in fields(ClaimMention)}


@dataclass
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
        d = asdict(self)
        d["entities"] = [e.to_json() for e in self.entities]
        d["claims"] = [c.to_json() for c in self.claims]
        return d

    def dumps(self) -> str:
        """One JSONL line (no trailing newline)."""
        return json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> DocumentRecord:
        d = {k: v for k, v in d.items() if k in _RECORD_FIELDS}
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


_RECORD_FIELDS = {f.name for f in fields(DocumentRecord)}

"""Mentions as the graph takes them: tidied, one per proposition, read on when cut short.

Before clustering, mentions are tidied without parsing anything again: two mentions of one
article whose content starts at the same offset become one (attributed, then fuller, wins);
a mention whose cue is the verb of a clause another mention denies ("denying it *plans* to
invade") is dropped, since the article does not assert it; a content span cut off after a
function word ("Moscow plans an") is read on to the end of its sentence for analysis (the
mention's offsets stay as extracted).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from ..ingest.records import ClaimMention, DocumentRecord
from ..ingest.spans import normalise_claim_text
from .claimtext import is_denial

__all__ = [
    "NOT_CLAIMS",
    "claims_only",
    "source_key",
    "spans_text",
    "analysed_text",
    "proposition_mentions",
    "tidy_mentions",
]


def source_key(record: DocumentRecord) -> str:
    """Article key of the design: canonical URL if known, else the text hash."""
    return record.url.strip() if record.url else record.sha256


#: Mention kinds ingest extracts as attributions but that never become claim nodes: what
#: someone plans, wants or decides ("plans to hold the contest") is no claim to corroborate or
#: contradict. They stay on the records (records.jsonl, extraction scores) and are left out
#: before speakers are resolved and mentions merged.
NOT_CLAIMS = frozenset({"intention"})


def claims_only(record: DocumentRecord) -> DocumentRecord:
    """``record`` without the mentions of a :data:`NOT_CLAIMS` kind."""
    if not any(m.kind in NOT_CLAIMS for m in record.claims):
        return record
    kept = [m for m in record.claims if m.kind not in NOT_CLAIMS]
    return dataclasses.replace(record, claims=kept)


def spans_text(text: str, spans: Sequence[Sequence[int]]) -> str:
    return " … ".join(text[s:e] for s, e in spans)


_DANGLING = frozenset(["a", "an", "the", "of", "by", "to", "and", "or", "its", "their", "his"])
_SENTENCE_END = re.compile(r"[.!?\n]")


def analysed_text(record: DocumentRecord, mention: ClaimMention) -> str:
    """The mention's text, read on to the end of its sentence when it stops on a function word.

    The extractor sometimes cuts a content span at an inner quote mark ("Moscow plans an
    “aggression” against Kiev" → "Moscow plans an"); what follows in the raw text, up to the
    sentence end and at most 120 characters, is appended for clustering and conflicts only.
    """
    text = mention.text or spans_text(record.text, mention.content)
    words = text.split()
    if not words or words[-1].casefold() not in _DANGLING or not mention.content:
        return text
    end = mention.content[-1][1]
    tail = record.text[end : end + 120]
    stop = _SENTENCE_END.search(tail)
    tail = tail[: stop.start()] if stop else tail
    tail = " ".join(tail.replace("“", " ").replace("”", " ").replace('"', " ").split())
    return f"{text} {tail}".strip()


def proposition_mentions(record: DocumentRecord, mention: ClaimMention) -> list[ClaimMention]:
    """One mention per proposition of ``mention`` (itself when it asserts one thing).

    A quotation that warns and reassures in one breath is two claim occurrences; each part keeps
    the cue, speaker and kind, and the quantities found inside it.
    """
    if len(mention.parts) < 2:
        return [mention]
    out = []
    for k, part in enumerate(mention.parts):
        quantities = [
            q
            for q in mention.quantities
            if q.span is None or any(s <= q.span[0] < e for s, e in part)
        ]
        out.append(
            dataclasses.replace(
                mention,
                content=[list(p) for p in part],
                text=normalise_claim_text(record.text, part),
                quantities=quantities,
                parts=[],
                phrase=mention.part_phrases[k] if k < len(mention.part_phrases) else None,
                part_phrases=[],
            )
        )
    return out


def _reading(record: DocumentRecord, i: int, assigned) -> tuple[bool, int]:
    """Which of two readings of one quote to keep: attributed first, then the fuller one."""
    m = record.claims[i]
    return ((record.id, i) in assigned, sum(e - s for s, e in m.content))


def tidy_mentions(record: DocumentRecord, assigned) -> list[int]:
    """Indexes of the mentions worth a node: duplicates and denied clauses left out."""
    keep: dict[tuple, int] = {}
    for i, m in enumerate(record.claims):
        if not m.content:
            continue
        key = m.content[0][0]  # two readings of one quote start at the same offset
        j = keep.get(key)
        if j is None or _reading(record, i, assigned) > _reading(record, j, assigned):
            keep[key] = i
    denied = [
        m.content[0]
        for m in record.claims
        if m.content and is_denial(spans_text(record.text, m.cue))
    ]
    out = []
    for i in sorted(keep.values()):
        m = record.claims[i]
        cue_start = m.cue[0][0] if m.cue else None
        if cue_start is not None and any(
            s <= cue_start < e and len(record.text[s:cue_start].split()) <= 2 for s, e in denied
        ):
            continue  # "denying it plans to invade": "plans" is denied, not asserted
        out.append(i)
    return out

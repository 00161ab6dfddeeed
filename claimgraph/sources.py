"""One source per article: records that share a source key are duplicates, counted once.

The design's identity of an article is its canonical URL, else the SHA-256 of its text. Two
records with one key are one article read twice (the BBC corpus holds 98 texts twice) or two
versions of one URL. The graph gets one source for them, the first record in id order, so a
claim is never counted twice for one article; every record stays in ``records.jsonl`` and
each duplicate is listed in ``report.json`` with the record it duplicates and why.
"""

from __future__ import annotations

from collections.abc import Sequence

from .graph.mentions import source_key
from .ingest.records import DocumentRecord

__all__ = ["distinct_sources"]


def distinct_sources(
    records: Sequence[DocumentRecord],
) -> tuple[list[DocumentRecord], list[dict[str, str]]]:
    """The records that become sources (input order) and one entry per duplicate.

    >>> a = DocumentRecord(id="a", sha256="x", text="t")
    >>> b = DocumentRecord(id="b", sha256="x", text="t")
    >>> kept, duplicates = distinct_sources([b, a])
    >>> [r.id for r in kept], duplicates[0]["duplicate_of"], duplicates[0]["reason"]
    (['a'], 'a', 'same text')
    """
    first: dict[str, DocumentRecord] = {}
    duplicates: list[dict[str, str]] = []
    for record in sorted(records, key=lambda r: r.id):
        key = source_key(record)
        original = first.setdefault(key, record)
        if original is record:
            continue
        reason = "same text" if record.sha256 == original.sha256 else "same URL, another text"
        duplicates.append(
            {
                "id": record.id,
                "path": record.path or "",
                "duplicate_of": original.id,
                "reason": reason,
            }
        )
    kept = {id(r) for r in first.values()}
    return [r for r in records if id(r) in kept], duplicates

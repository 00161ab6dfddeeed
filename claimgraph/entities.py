"""The user's known-entities file (``--entities``), read and checked before it seeds speakers.

The reader lives in ``graph`` (:func:`~claimgraph.graph.speakers.load_known_entities`); this
wrapper makes every way such a file can be wrong one :class:`InputError` line naming the file
and the row: not UTF-8 text or binary, CSV quoting that does not close, a row without a name,
a name or alias spanning lines, an unknown type, an ``id`` that is not an absolute IRI (it is
exported as ``schema:sameAs``).
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from .exports.vocab import iri_problem
from .graph.schema import SPEAKER_TYPES
from .graph.speakers import KnownEntity, load_known_entities
from .ingest.codepoints import SURROGATES
from .ingest.errors import InputError
from .ingest.read import decode_bytes

__all__ = ["known_entities"]

#: Types an entity file may give besides the graph's own speaker types.
_TYPE_ALIASES = ("organization", "country")


def known_entities(path: str | os.PathLike[str]) -> list[KnownEntity]:
    """The entities of ``path`` (CSV ``name,aliases,type,id`` or a JSON list), all checked."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read entity file ({exc.strerror})") from exc
    try:
        text, encoding = decode_bytes(data)
    except InputError as exc:
        raise InputError(f"{p}: not an entity file: {exc}") from exc
    if encoding not in ("utf-8", "utf-8-sig"):
        raise InputError(f"{p}: not an entity file: it is not UTF-8 text")
    if p.suffix.lower() != ".json":
        _check_csv(p, text)
    try:
        entities = load_known_entities(p)
    except InputError:
        raise
    except (ValueError, TypeError, AttributeError, KeyError, csv.Error) as exc:
        raise InputError(f"{p}: not an entity file ({exc})") from exc
    for i, ent in enumerate(entities, 1):
        problem = _entity_problem(ent)
        if problem is not None:
            raise InputError(f"{p}: entry {i} ({ent.name[:40]!r}): {problem}")
    return entities


def _check_csv(p: Path, text: str) -> None:
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), strict=True)
    try:
        for _row in reader:
            pass
    except csv.Error as exc:
        raise InputError(f"{p}:{reader.line_num}: bad CSV ({exc})") from exc


def _entity_problem(ent: KnownEntity) -> str | None:
    strings = (ent.name, *ent.aliases)
    if not all(isinstance(s, str) and s.strip() for s in strings):
        return "names and aliases must be non-empty strings"
    if any("\n" in s or "\r" in s or SURROGATES.search(s) for s in strings):
        return "a name or alias spans lines or holds an invalid code point"
    if ent.type not in (*SPEAKER_TYPES, *_TYPE_ALIASES):
        return f"type {ent.type!r} is unknown; use one of {', '.join(SPEAKER_TYPES)}"
    if ent.id is not None and (problem := iri_problem(ent.id)) is not None:
        return f"id {ent.id!r} is invalid: {problem}"
    return None

"""A record cache keyed by text hash and pipeline version: re-running parses nothing.

What is cached is the expensive part of a record, its entities and claim mentions, computed from
the text alone; body, metadata and ids are recomputed (cheap) so a cached article may come back
under a new file name. The version folds in the record format, the spaCy model and the source of
this package and its word lists (``data/``), so any change to the extractor invalidates old
entries.

An entry is trusted only if it proves itself on read: it names the text hash it was made for,
carries the SHA-256 of its own content (so a truncated, edited or emptied entry is caught) and
every offset must lie inside the text. A bad entry is deleted and the article parsed again.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.metadata
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from .nlp import MODEL_CANDIDATES
from .records import (
    RECORD_VERSION,
    ClaimMention,
    DocumentRecord,
    Entity,
    annotation_problem,
    dumps_json,
)

logger = logging.getLogger(__name__)

__all__ = ["RecordCache", "pipeline_version"]


@functools.lru_cache(maxsize=1)
def pipeline_version() -> str:
    """A short hash of everything that decides what a record holds.

    >>> len(pipeline_version())
    16
    """
    h = hashlib.sha256(RECORD_VERSION.encode())
    for name in MODEL_CANDIDATES:
        try:
            h.update(f"{name}={importlib.metadata.version(name)}".encode())
            break
        except importlib.metadata.PackageNotFoundError:
            continue
    here = Path(__file__).parent
    for source in sorted([*here.glob("*.py"), *here.glob("data/*")]):
        h.update(source.name.encode())
        h.update(source.read_bytes())
    return h.hexdigest()[:16]


class RecordCache:
    """Entities and claims per ``sha256`` of a text, one small JSON file each.

    Args:
        root: the cache directory (created on first write).
        version: the pipeline version; entries of other versions are ignored.
    """

    def __init__(self, root: str | os.PathLike[str], version: str | None = None) -> None:
        self.root = Path(root)
        self.version = version or pipeline_version()
        self.hits = 0
        self.misses = 0
        self.discarded = 0

    def _path(self, sha256: str) -> Path:
        return self.root / self.version / sha256[:2] / f"{sha256}.json"

    def get(self, record: DocumentRecord) -> DocumentRecord | None:
        """``record`` completed from the cache, or None on a miss or an entry that fails its
        checks (which is deleted, so the article is parsed again and the entry rewritten)."""
        path = self._path(record.sha256)
        try:
            raw = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        annotations = _checked(raw, record)
        if annotations is None:
            logger.warning("%s: cache entry failed its checks; parsing the article again", path)
            self.discarded += 1
            self.misses += 1
            with contextlib.suppress(OSError):
                path.unlink()
            return None
        self.hits += 1
        record.entities, record.claims = annotations
        return record

    def put(self, record: DocumentRecord) -> None:
        """Store a record's entities and claims; a failed write only costs a re-parse later."""
        path = self._path(record.sha256)
        content = {
            "entities": [e.to_json() for e in record.entities],
            "claims": [c.to_json() for c in record.claims],
        }
        data = {"sha256": record.sha256, "digest": _digest(content), **content}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    fh.write(dumps_json(data))
                os.replace(tmp, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError:
            return


def _digest(content: dict[str, Any]) -> str:
    return hashlib.sha256(dumps_json(content).encode("utf-8")).hexdigest()


def _checked(raw: bytes, record: DocumentRecord) -> tuple[list[Entity], list[ClaimMention]] | None:
    """The entities and claims of a cache entry for ``record``, or None if it is not sound."""
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or data.get("sha256") != record.sha256:
            return None
        content = {"entities": data["entities"], "claims": data["claims"]}
        if data.get("digest") != _digest(content):
            return None
        entities = [Entity.from_json(e) for e in content["entities"]]
        claims = [ClaimMention.from_json(c) for c in content["claims"]]
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None
    if annotation_problem(entities, claims, len(record.text)) is not None:
        return None
    return entities, claims

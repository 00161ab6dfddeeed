"""A record cache keyed by text hash and pipeline version: re-running parses nothing.

What is cached is the expensive part of a record, its entities and claim mentions, computed from
the text alone; body, metadata and ids are recomputed (cheap) so a cached article may come back
under a new file name. The version folds in the record format, the spaCy model and the source of
this package and its word lists (``data/``), so any change to the extractor invalidates old
entries.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import os
import tempfile
from pathlib import Path

from .nlp import MODEL_CANDIDATES
from .records import RECORD_VERSION, ClaimMention, DocumentRecord, Entity

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

    def _path(self, sha256: str) -> Path:
        return self.root / self.version / sha256[:2] / f"{sha256}.json"

    def get(self, record: DocumentRecord) -> DocumentRecord | None:
        """``record`` completed from the cache, or None on a miss (or an unreadable entry)."""
        try:
            data = json.loads(self._path(record.sha256).read_text(encoding="utf-8"))
            entities = [Entity.from_json(e) for e in data["entities"]]
            claims = [ClaimMention.from_json(c) for c in data["claims"]]
        except (OSError, ValueError, KeyError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        record.entities = entities
        record.claims = claims
        return record

    def put(self, record: DocumentRecord) -> None:
        """Store a record's entities and claims; a failed write only costs a re-parse later."""
        path = self._path(record.sha256)
        data = {
            "entities": [e.to_json() for e in record.entities],
            "claims": [c.to_json() for c in record.claims],
        }
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, path)
        except OSError:
            return

"""Turn raw articles into :class:`DocumentRecord` s: clean, find metadata, parse once, extract.

``process`` is the per-document stage of the design: pure per article, so it runs in worker
processes (each loads the model once) and its output can be cached by content hash. Each text
is parsed exactly once; every extractor reads the same spaCy ``Doc``.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Iterator

from .claims import extract_claims
from .clean import find_body
from .metadata import extract_metadata
from .nlp import MAX_PARSE_CHARS, load_pipeline, masked_text
from .read import RawDocument
from .records import DocumentRecord, Entity

__all__ = ["prepare", "annotate", "process", "ENTITY_LABELS"]

logger = logging.getLogger(__name__)

#: Entity labels kept on records (the ones speakers, places and quantities are made of).
ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "DATE", "CARDINAL",
     "QUANTITY", "MONEY", "PERCENT"}
)


def prepare(raw: RawDocument) -> DocumentRecord:
    """Everything known about an article before parsing: body ranges and metadata.

    Metadata the user gave (JSONL fields) wins over what a reader found (HTML meta), which wins
    over what is guessed from the text.
    """
    text = raw.text
    body = [list(span) for span in find_body(text)]
    errors: list[str] = []
    if not body:
        errors.append("no article body found after removing boilerplate; the whole text is used")
        body = [[0, len(text)]]
    meta = extract_metadata(text, body)
    for source in (raw.found, raw.given):
        meta.update({k: v for k, v in source.items() if v not in (None, "", [])})
    truncated = MAX_PARSE_CHARS if len(text) > MAX_PARSE_CHARS else None
    if truncated:
        errors.append(
            f"text is {len(text):,} characters; only the first {MAX_PARSE_CHARS:,} were parsed"
        )
    return DocumentRecord(
        id=raw.id,
        sha256=raw.sha256,
        text=text,
        path=raw.path,
        url=raw.url or _str(meta.get("url")),
        encoding=raw.encoding,
        body=body,
        title=_str(meta.get("title")),
        outlet=_str(meta.get("outlet")),
        published=_str(meta.get("published")),
        authors=list(meta.get("authors") or []),
        dateline=_str(meta.get("dateline")),
        credits=list(meta.get("credits") or []),
        language=_str(meta.get("language")) or "en",
        errors=errors,
        truncated_at=truncated,
    )


def _str(value: object) -> str | None:
    return None if value in (None, "") else str(value)


def annotate(record: DocumentRecord, doc) -> DocumentRecord:
    """Add entities and claim mentions found in ``doc`` (the parse of the masked text)."""
    entities = [
        Entity(ent.start_char, ent.end_char, ent.text, ent.label_)
        for ent in doc.ents
        if ent.label_ in ENTITY_LABELS and ent.text.strip()
    ]
    claims = extract_claims(doc, record.body)
    return dataclasses.replace(record, entities=entities, claims=claims)


def process(
    raws: Iterable[RawDocument],
    *,
    batch_size: int = 16,
    on_record: Callable[[DocumentRecord], None] | None = None,
) -> Iterator[DocumentRecord]:
    """Prepare, parse and annotate articles in this process, in input order."""
    nlp = load_pipeline()
    prepared = (prepare(raw) for raw in raws)
    pairs = ((masked_text(r.text, r.body), r) for r in prepared)
    for doc, record in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        out = annotate(record, doc)
        if on_record is not None:
            on_record(out)
        yield out

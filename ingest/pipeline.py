"""Turn raw articles into :class:`DocumentRecord` s: clean, find metadata, parse once, extract.

``process`` is the per-document stage of the design: pure per article, so it runs in worker
processes (each loads the model once) and its output can be cached by content hash. Each text
is parsed exactly once; every extractor reads the same spaCy ``Doc``.
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from .cache import RecordCache
from .claims import extract_claims
from .clean import find_body
from .metadata import extract_metadata
from .nlp import MAX_PARSE_CHARS, load_pipeline, masked_text
from .read import RawDocument
from .records import DocumentRecord, Entity

__all__ = ["prepare", "annotate", "annotate_batch", "process", "ENTITY_LABELS"]

logger = logging.getLogger(__name__)

#: Entity labels kept on records (the ones speakers, places and quantities are made of).
ENTITY_LABELS = frozenset(
    {
        "PERSON",
        "ORG",
        "GPE",
        "NORP",
        "LOC",
        "FAC",
        "EVENT",
        "LAW",
        "DATE",
        "CARDINAL",
        "QUANTITY",
        "MONEY",
        "PERCENT",
    }
)


def prepare(raw: RawDocument) -> DocumentRecord:
    """Everything known about an article before parsing: body ranges and metadata.

    Metadata the user gave (JSONL fields) wins over what a reader found (HTML meta), which wins
    over what is guessed from the text.
    """
    text = raw.text
    body = [list(span) for span in find_body(text)]
    errors: list[str] = [*raw.problems, *raw.warnings]
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


#: Starts the error a record carries when its parse or extraction failed (never cached).
EXTRACTION_FAILED = "claim extraction failed"


def annotate_batch(records: list[DocumentRecord], *, batch_size: int = 16) -> list[DocumentRecord]:
    """Parse and annotate ``records`` in this process (the model is loaded once per process).

    A document is the unit of failure: if the batch fails, each article is retried alone, and
    one that still fails comes back without entities or claims and with the reason in its
    ``errors``, so the rest of the batch is exactly as it would be alone.
    """
    nlp = load_pipeline()
    texts = (masked_text(r.text, r.body) for r in records)
    try:
        return [
            annotate(r, doc)
            for r, doc in zip(records, nlp.pipe(texts, batch_size=batch_size), strict=True)
        ]
    except Exception:
        return [_failed(r, nlp) for r in records]


def _failed(record: DocumentRecord, nlp) -> DocumentRecord:
    """``record`` annotated alone, or marked as failed with the reason."""
    try:
        return annotate(record, nlp(masked_text(record.text, record.body)))
    except Exception as exc:
        reason = f"{EXTRACTION_FAILED} ({exc.__class__.__name__}: {str(exc)[:120]}); no claims"
        logger.warning("%s: %s", record.path or record.id, reason)
        errors = [*record.errors, " ".join(reason.split())]
        return dataclasses.replace(record, entities=[], claims=[], errors=errors)


def _worker_init() -> None:
    # Ctrl-C reaches the whole process group: the parent stops the run, workers just end.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    load_pipeline()


def process(
    raws: Iterable[RawDocument],
    *,
    n_process: int = 1,
    batch_size: int = 16,
    cache: RecordCache | None = None,
    on_record: Callable[[DocumentRecord], None] | None = None,
) -> Iterator[DocumentRecord]:
    """Prepare, parse and annotate articles, in input order.

    Records found in ``cache`` are not parsed again. The rest are parsed in this process
    (``n_process=1``) or by ``n_process`` worker processes, which hold the model and
    take chunks of ``batch_size`` articles; a worker sends back small records, never spaCy Docs.
    Workers are forked from a server that loaded the model once (:mod:`.preload`), so a build
    reads the model once however many workers it starts, and later builds in the same process
    start theirs at once.
    Only a few chunks are in flight at a time, so memory stays bounded on any corpus.
    """
    pool = None
    if n_process > 1:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload([f"{__package__}.preload"])  # the model, loaded once
        pool = ProcessPoolExecutor(max_workers=n_process, mp_context=ctx, initializer=_worker_init)
    in_flight: deque[tuple[list[DocumentRecord], list[DocumentRecord], Future | None]] = deque()

    def finish() -> Iterator[DocumentRecord]:
        chunk, todo, future = in_flight.popleft()
        done = (
            future.result() if future is not None else annotate_batch(todo, batch_size=batch_size)
        )
        fresh = {id(r): d for r, d in zip(todo, done, strict=True)}
        for record in chunk:
            out = fresh.get(id(record), record)
            failed = any(e.startswith(EXTRACTION_FAILED) for e in out.errors)
            if cache is not None and id(record) in fresh and not failed:
                cache.put(out)
            if on_record is not None:
                on_record(out)
            yield out

    try:
        it = iter(raws)
        while chunk := [prepare(raw) for raw in itertools.islice(it, batch_size)]:
            todo = [r for r in chunk if cache is None or cache.get(r) is None]
            future = pool.submit(annotate_batch, todo) if pool is not None and todo else None
            in_flight.append((chunk, todo, future))
            while len(in_flight) > (2 * n_process if pool is not None else 0):
                yield from finish()
        while in_flight:
            yield from finish()
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)

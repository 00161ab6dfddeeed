"""Run the per-document step on a Dask cluster; merge the JSONL shards it writes.

The input files are split into chunks; each Dask task reads and annotates one chunk with the
same :func:`~claimgraph.ingest.pipeline.process` the local build uses (the model is loaded once
per worker process and kept), writes the records as one JSONL shard into a directory every
worker can reach, and returns the shard's path with the chunk's read errors. The merge reads the
shards in input order, makes document ids unique exactly as a local run would, and builds the
graph. Needs the optional extra ``claimgraph[dask]``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .ingest.errors import ClaimgraphError
from .ingest.pipeline import process
from .ingest.read import RawDocument, ReadError, expand_inputs, read_inputs, unique_id
from .ingest.records import DocumentRecord

__all__ = ["extract_on_dask", "annotate_chunk", "connect"]


def annotate_chunk(
    paths: Sequence[str], shard: str, cache_dir: str | None = None
) -> tuple[str, list[tuple[str, str]]]:
    """The Dask task: read, annotate and write one chunk of files as a JSONL shard."""
    from .exports.atomic import atomic_open
    from .ingest.cache import RecordCache

    errors: list[tuple[str, str]] = []
    raws: list[RawDocument] = []
    for item in read_inputs(list(paths)):
        if isinstance(item, ReadError):
            errors.append((item.path, item.reason))
        else:
            raws.append(item)
    cache = RecordCache(cache_dir) if cache_dir else None
    with atomic_open(shard, "w") as fh:
        for rec in process(raws, cache=cache):
            fh.write(rec.dumps() + "\n")
    return shard, errors


def extract_on_dask(
    inputs: Sequence[str],
    address: str,
    shard_dir: str | os.PathLike[str],
    *,
    chunk_size: int = 32,
    cache_dir: str | os.PathLike[str] | None = None,
    exclude: Sequence[str | os.PathLike[str]] = (),
    connect_timeout: float = 10.0,
) -> tuple[list[DocumentRecord], list[ReadError]]:
    """Annotate ``inputs`` on the Dask scheduler at ``address`` (or a ``Client``).

    A scheduler that cannot be reached within ``connect_timeout`` seconds is one
    :class:`ClaimgraphError` line; ``exclude`` are directories never read (the output).
    """
    from .outputs import read_records

    files: list[str] = []
    errors: list[ReadError] = []
    for item in expand_inputs(inputs, exclude=exclude):
        if isinstance(item, ReadError):
            errors.append(item)
        elif item == "-":
            errors.append(ReadError("-", "stdin cannot be distributed; give files"))
        else:
            files.append(item)
    shards = Path(shard_dir)
    shards.mkdir(parents=True, exist_ok=True)
    chunks = [files[i : i + chunk_size] for i in range(0, len(files), chunk_size)]
    client = connect(address, connect_timeout)
    try:
        futures = [
            client.submit(
                annotate_chunk,
                chunk,
                str(shards / f"part-{n:05d}.jsonl"),
                str(cache_dir) if cache_dir else None,
                pure=False,
            )
            for n, chunk in enumerate(chunks)
        ]
        results = client.gather(futures)
    finally:
        if client is not address:
            client.close()
    records: list[DocumentRecord] = []
    seen: dict[str, int] = {}
    for shard, chunk_errors in results:
        errors.extend(ReadError(p, r) for p, r in chunk_errors)
        for rec in read_records(shard):
            rec.id = unique_id(rec.id, seen)
            records.append(rec)
    return records, errors


def connect(address: Any, timeout: float = 10.0) -> Any:
    """A Dask client of the scheduler at ``address`` (a client is returned as it is), or one
    :class:`ClaimgraphError` line saying why there is none."""
    try:
        from dask.distributed import Client
    except ImportError as exc:  # pragma: no cover - depends on the optional extra
        raise ClaimgraphError(
            "--dask needs the optional extra: pip install 'claimgraph[dask]'"
        ) from exc
    if isinstance(address, Client):
        return address
    try:
        return Client(address, timeout=timeout)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClaimgraphError(
            f"--dask {address}: cannot reach the scheduler within {timeout:g}s "
            f"({exc.__class__.__name__}: {str(exc).splitlines()[0] if str(exc) else 'no answer'})"
        ) from exc

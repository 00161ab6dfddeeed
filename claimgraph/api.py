"""The Python API: ``extract`` articles to records, ``build`` a graph, ``load`` a built one.

These are the plain functions the CLI wraps; they raise :mod:`claimgraph.errors` exceptions and
never print or exit.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._version import __version__
from .exports.atomic import atomic_write_text
from .exports.vocab import DEFAULT_BASE
from .graph.build import build_graph
from .graph.speakers import load_known_entities
from .ingest.cache import RecordCache, pipeline_version
from .ingest.errors import InputError
from .ingest.pipeline import process
from .ingest.read import RawDocument, ReadError, read_inputs
from .ingest.records import DocumentRecord
from .outputs import OUTPUT_FILES, read_graph, read_records, write_outputs
from .views import ClaimGraph

__all__ = [
    "extract",
    "build",
    "build_records",
    "build_to_dir",
    "update_dir",
    "load",
    "BuildReport",
    "Paths",
    "CACHE_DIR",
]

logger = logging.getLogger(__name__)

Paths = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]

#: Where ``build_to_dir`` keeps its record cache, inside the output directory.
CACHE_DIR = "cache"

#: Below this many articles, worker processes cost more (model loading) than they save.
_PARALLEL_MIN = 48


@dataclass
class BuildReport:
    """What a run did: counts, and one entry per skipped file or line."""

    articles: int = 0
    skipped: int = 0
    errors: list[dict[str, str]] = field(default_factory=list)
    warnings: list[dict[str, str]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    parsed: int = 0
    cached: int = 0
    seconds: float = 0.0
    version: str = __version__
    inputs: str = ""
    up_to_date: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "articles": self.articles,
            "skipped": self.skipped,
            "parsed": self.parsed,
            "cached": self.cached,
            "counts": self.counts,
            "errors": self.errors,
            "warnings": self.warnings,
            "seconds": round(self.seconds, 3),
            "inputs": self.inputs,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> BuildReport:
        fields = {
            "articles",
            "skipped",
            "parsed",
            "cached",
            "counts",
            "errors",
            "warnings",
            "seconds",
            "version",
            "inputs",
        }
        return cls(**{k: v for k, v in data.items() if k in fields})

    def summary(self) -> str:
        c = self.counts
        parts = [f"{self.articles} articles"]
        for key in ("outlets", "speakers", "claims", "mentions"):
            if key in c:
                parts.append(f"{c[key]} {key}")
        line = ", ".join(parts)
        if self.up_to_date:
            return line + "; outputs already up to date"
        if self.cached:
            line += f" ({self.cached} from cache)"
        if self.skipped:
            line += f"; {self.skipped} skipped (see report.json)"
        return line + f" in {self.seconds:.1f}s"


def _as_list(paths: Paths) -> list[str]:
    if isinstance(paths, (str, os.PathLike)):
        return [os.fspath(paths)]
    return [os.fspath(p) for p in paths]


def default_jobs() -> int:
    """Worker processes for a large batch: every core the process may use, at most 8."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, 8))


def extract(
    paths: Paths,
    *,
    jobs: int | None = None,
    cache: str | os.PathLike[str] | RecordCache | None = None,
    report: BuildReport | None = None,
    on_error: Callable[[ReadError], None] | None = None,
    on_record: Callable[[DocumentRecord], None] | None = None,
    skip: Callable[[RawDocument], bool] | None = None,
    read: Iterable[RawDocument | ReadError] | None = None,
) -> Iterator[DocumentRecord]:
    """Read and annotate articles, one :class:`DocumentRecord` each, in input order.

    Args:
        paths: files, directories (recursive), globs, or ``-`` for stdin.
        jobs: worker processes; ``None`` picks one for small batches, every core for large.
        cache: a directory (or :class:`RecordCache`) of records keyed by text hash.
        skip: articles for which this returns true are not processed (``--update``).
        read: the articles of ``paths`` already read (``read_inputs``), not to read them twice.

    Unusable files are reported through ``on_error`` (and ``report``), never raised: one broken
    article does not stop the batch.
    """
    report = report if report is not None else BuildReport()
    store = cache if isinstance(cache, RecordCache) or cache is None else RecordCache(cache)

    def raws() -> Iterator[RawDocument]:
        for item in read if read is not None else read_inputs(_as_list(paths)):
            if isinstance(item, ReadError):
                report.skipped += 1
                report.errors.append({"path": item.path, "error": item.reason})
                if on_error:
                    on_error(item)
                continue
            if skip is not None and skip(item):
                continue
            yield item

    stream = raws()
    if jobs is None:
        head = list(itertools.islice(stream, _PARALLEL_MIN))
        jobs = default_jobs() if len(head) >= _PARALLEL_MIN else 1
        stream = itertools.chain(head, stream)
    hits_before = store.hits if store else 0
    for rec in process(stream, n_process=jobs, cache=store, on_record=on_record):
        report.articles += 1
        for problem in rec.errors:
            report.warnings.append({"path": rec.path or rec.id, "warning": problem})
        yield rec
    report.cached += (store.hits - hits_before) if store else 0
    report.parsed = report.articles - report.cached


def build_records(
    records: Sequence[DocumentRecord],
    *,
    entities: str | os.PathLike[str] | None = None,
    base: str = DEFAULT_BASE,
) -> ClaimGraph:
    """The claim graph of records already extracted (e.g. read back from records.jsonl)."""
    known = load_known_entities(entities) if entities else ()
    kg = build_graph(records, known_entities=known)
    kg.records = list(records)
    kg.G.graph.update(base_iri=base, version=__version__)
    return kg


def build(
    paths: Paths,
    *,
    entities: str | os.PathLike[str] | None = None,
    base: str = DEFAULT_BASE,
    jobs: int | None = None,
    cache: str | os.PathLike[str] | RecordCache | None = None,
    report: BuildReport | None = None,
    on_error: Callable[[ReadError], None] | None = None,
    on_record: Callable[[DocumentRecord], None] | None = None,
    read: Iterable[RawDocument | ReadError] | None = None,
) -> ClaimGraph:
    """Build the claim graph of the articles at ``paths`` (files, directories, globs).

    >>> kg = build(["examples/articles"])  # doctest: +SKIP
    >>> kg.claims(speaker="Lavrov")  # doctest: +SKIP
    """
    report = report if report is not None else BuildReport()
    start = time.perf_counter()
    records = list(
        extract(
            paths,
            jobs=jobs,
            cache=cache,
            report=report,
            on_error=on_error,
            on_record=on_record,
            read=read,
        )
    )
    kg = build_records(records, entities=entities, base=base)
    report.counts = {k: v for k, v in kg.stats().items() if not k.startswith("edges_")}
    report.seconds = time.perf_counter() - start
    return kg


def _finish(kg: ClaimGraph, report: BuildReport, out: Path, **write_kw: Any) -> None:
    previous = out / "report.json"
    if previous.exists():
        # Outputs are about to change one by one: until the new report lands, no digest may
        # claim they are up to date (a killed build must not look finished next time).
        try:
            stale = json.loads(previous.read_text(encoding="utf-8"))
            stale["inputs"] = ""
            atomic_write_text(previous, json.dumps(stale, indent=1) + "\n")
        except (OSError, ValueError):
            pass
    write_outputs(kg, out, **write_kw)
    atomic_write_text(out / "report.json", json.dumps(report.to_json(), indent=1) + "\n")


def inputs_digest(items: Sequence[RawDocument | ReadError], **options: Any) -> str:
    """What a build's outputs depend on: the texts, their ids and paths, the pipeline, options.

    Two runs with the same digest produce the same outputs, so the second has nothing to do.
    """
    h = hashlib.sha256(f"{__version__}\x1f{pipeline_version()}".encode())
    for key in sorted(options):
        value = options[key]
        if key == "entities" and value:
            value = hashlib.sha256(Path(value).read_bytes()).hexdigest()
        h.update(f"\x1e{key}={value}".encode())
    for item in items:
        if isinstance(item, ReadError):
            h.update(f"\x1dE{item.path}\x1f{item.reason}".encode())
        else:
            h.update(f"\x1dD{item.id}\x1f{item.path}\x1f{item.url}\x1f{item.sha256}".encode())
            h.update(json.dumps([item.given, item.found], sort_keys=True, default=str).encode())
    return h.hexdigest()


def _up_to_date(out: Path, digest: str) -> BuildReport | None:
    """The previous report when ``out`` holds every output of a build with this digest."""
    try:
        previous = json.loads((out / "report.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if previous.get("inputs") != digest:
        return None
    if not all((out / name).exists() for name in OUTPUT_FILES.values()):
        return None
    return BuildReport.from_json(previous)


def build_to_dir(
    paths: Paths,
    out_dir: str | os.PathLike[str],
    *,
    progress: Callable[[str], None] | None = None,
    max_nodes: int = 1500,
    cache: str | os.PathLike[str] | RecordCache | None | bool = True,
    **kw: Any,
) -> tuple[ClaimGraph, BuildReport]:
    """``build`` and write every output plus ``report.json`` into ``out_dir``.

    ``cache=True`` keeps the record cache in ``out_dir/cache``; ``False`` disables it. When
    ``out_dir`` already holds the outputs of the same inputs, options and pipeline (the
    ``inputs`` digest in report.json), nothing is parsed or written again.
    """
    out = Path(out_dir)
    if cache is True:
        cache = out / CACHE_DIR
    elif cache is False:
        cache = None
    report: BuildReport = kw.pop("report", None) or BuildReport()
    start = time.perf_counter()
    items = list(read_inputs(_as_list(paths)))
    digest = inputs_digest(
        items, base=kw.get("base", DEFAULT_BASE), max_nodes=max_nodes, entities=kw.get("entities")
    )
    previous = _up_to_date(out, digest)
    if previous is not None:
        for item in items:
            if isinstance(item, ReadError) and kw.get("on_error"):
                kw["on_error"](item)
        vars(report).update(vars(previous))
        report.up_to_date = True
        report.seconds = time.perf_counter() - start
        return load(out, base=kw.get("base")), report
    kg = build(paths, report=report, cache=cache, read=items, **kw)
    if report.articles == 0:
        # Never replace a previous build with an empty one.
        raise InputError(f"no article could be read from {', '.join(_as_list(paths))}")
    report.inputs = digest
    _finish(kg, report, out, progress=progress, max_nodes=max_nodes)
    return kg, report


def update_dir(
    out_dir: str | os.PathLike[str],
    paths: Paths,
    *,
    progress: Callable[[str], None] | None = None,
    max_nodes: int = 1500,
    entities: str | os.PathLike[str] | None = None,
    base: str = DEFAULT_BASE,
    report: BuildReport | None = None,
    **kw: Any,
) -> tuple[ClaimGraph, BuildReport]:
    """Add the articles at ``paths`` to the build in ``out_dir``: only new texts are parsed.

    An article whose text is already in the build is skipped; one whose id is already there
    with another text replaces it. The graph is then rebuilt from all records (the merge is
    the one global step).
    """
    out = Path(out_dir)
    rec_file = out / OUTPUT_FILES["records"]
    if not rec_file.exists():
        raise InputError(f"{out}: no {OUTPUT_FILES['records']} to update; run build first")
    report = report if report is not None else BuildReport()
    start = time.perf_counter()
    old = read_records(rec_file)
    known_sha = {r.sha256 for r in old}
    new = list(
        extract(
            paths,
            report=report,
            cache=out / CACHE_DIR,
            skip=lambda raw: raw.sha256 in known_sha,
            **kw,
        )
    )
    replaced = {r.id for r in new}
    records = [r for r in old if r.id not in replaced] + new
    kg = build_records(records, entities=entities, base=base)
    report.counts = {k: v for k, v in kg.stats().items() if not k.startswith("edges_")}
    report.articles = len(records)
    report.seconds = time.perf_counter() - start
    _finish(kg, report, out, progress=progress, max_nodes=max_nodes)
    return kg, report


def load(out_dir: str | os.PathLike[str], *, base: str | None = None) -> ClaimGraph:
    """Load a graph written by ``build`` (``graph.json``; records when present).

    The IRIs are minted from the base the graph was built with, unless ``base`` says otherwise.
    """
    out = Path(out_dir)
    graph_file = out / OUTPUT_FILES["json"]
    if not graph_file.exists():
        raise InputError(f"{out}: no {OUTPUT_FILES['json']} here; run `claimgraph build` first")
    core = ClaimGraph.from_node_link(read_graph(graph_file))
    rec_file = out / OUTPUT_FILES["records"]
    records = read_records(rec_file) if rec_file.exists() else []
    base = base or core.G.graph.get("base_iri") or DEFAULT_BASE
    kg = ClaimGraph(core.G, records=records, base=base)
    kg.G.graph.setdefault("version", __version__)
    kg.store_path = out / "store"
    return kg

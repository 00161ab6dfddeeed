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
from .entities import known_entities
from .exports.atomic import atomic_write_text, output_lock, swap_in
from .exports.vocab import DEFAULT_BASE, base_iri_problem
from .graph.build import LOCAL, Phases, build_graph
from .graph.collector import frozen_heap
from .ingest.cache import RecordCache, pipeline_version
from .ingest.codepoints import SURROGATES, scrub
from .ingest.errors import ClaimgraphError, InputError
from .ingest.pipeline import process
from .ingest.read import RawDocument, ReadError, read_inputs, unique_id
from .ingest.records import DocumentRecord
from .outputs import OUTPUT_FILES, read_graph, read_records, write_outputs
from .sources import distinct_sources
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
    "check_base",
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
    duplicates: list[dict[str, str]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    parsed: int = 0
    cached: int = 0
    seconds: float = 0.0
    version: str = __version__
    inputs: str = ""
    up_to_date: bool = False
    timings: dict[str, float] = field(default_factory=dict)

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
            "duplicates": self.duplicates,
            "seconds": round(self.seconds, 3),
            "timings": {k: round(v, 3) for k, v in self.timings.items()},
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
            "duplicates",
            "seconds",
            "version",
            "inputs",
            "timings",
        }
        return cls(**{k: v for k, v in data.items() if k in fields})

    def summary(self) -> str:
        c = self.counts
        parts = [f"{self.articles} articles"]
        for key in ("outlets", "stories", "speakers", "claims", "mentions"):
            if key in c:
                parts.append(f"{c[key]} {key}")
        line = ", ".join(parts)
        if self.up_to_date:
            return line + "; outputs already up to date"
        if self.cached:
            line += f" ({self.cached} from cache)"
        if self.duplicates:
            line += f"; {len(self.duplicates)} duplicates counted once"
        if self.skipped:
            line += f"; {self.skipped} skipped"
        if self.duplicates or self.skipped:
            line += " (see report.json)"
        return line + f" in {self.seconds:.1f}s"

    def timing_line(self) -> str:
        """Where the time went: ``read 0.1s, extract 20.3s, merge 3.1s, write 3.4s (…)``."""
        stages = [f"{k} {v:.1f}s" for k, v in self.timings.items() if "." not in k]
        parts = [f"{k[6:]} {v:.2f}" for k, v in self.timings.items() if k.startswith("write.")]
        return ", ".join(stages) + (f" (write: {', '.join(parts)})" if parts else "")


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
            if item.renamed_from is not None:
                report.warnings.append(
                    {
                        "path": item.path or item.id,
                        "warning": f"id {item.renamed_from!r} is taken by another article; "
                        f"this one is {item.id!r}",
                    }
                )
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


def check_base(base: str) -> str:
    """``base`` if it can prefix minted IRIs, else a one-line :class:`InputError`."""
    problem = base_iri_problem(base)
    if problem is not None:
        raise InputError(f"--base-iri {base!r} is invalid: {problem}")
    return base


def build_records(
    records: Sequence[DocumentRecord],
    *,
    entities: str | os.PathLike[str] | None = None,
    base: str = DEFAULT_BASE,
    report: BuildReport | None = None,
    phases: Phases = LOCAL,
) -> ClaimGraph:
    """The claim graph of records already extracted (e.g. read back from records.jsonl).

    Records sharing a source key (URL, else text hash) are one source, the first in id order;
    the others are listed in ``report.duplicates`` (:mod:`claimgraph.sources`). ``phases``
    says where the blocked phases run (:func:`claimgraph.distributed_merge.merge_on_dask`).
    """
    check_base(base)
    known = known_entities(entities) if entities else ()
    records = [_scrubbed(r) for r in records]
    sources, duplicates = distinct_sources(records)
    if report is not None:
        report.duplicates = duplicates
    kg = build_graph(sources, known_entities=known, phases=phases)
    kg.records = list(records)
    kg.G.graph.update(base_iri=base, version=__version__)
    return kg


def _scrubbed(record: DocumentRecord) -> DocumentRecord:
    """``record`` with lone surrogates replaced (offsets kept), so every output can be written."""
    data = record.to_json()
    if not SURROGATES.search(json.dumps(data, ensure_ascii=False)):
        return record  # the common case, found at C speed
    clean = DocumentRecord.from_json(scrub(data))
    if clean.text != record.text:  # the hash names the text the record now holds
        clean.sha256 = hashlib.sha256(clean.text.encode("utf-8")).hexdigest()
    return clean


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
    report.timings["extract"] = time.perf_counter() - start
    kg = _merge(records, entities=entities, base=base, report=report)
    report.seconds = time.perf_counter() - start
    return kg


def _merge(records: Sequence[DocumentRecord], **kw: Any) -> ClaimGraph:
    """``build_records``, timed and counted on ``report``."""
    report: BuildReport = kw["report"]
    start = time.perf_counter()
    with frozen_heap():  # the records live as long as the build
        kg = build_records(records, **kw)
    report.counts = {k: v for k, v in kg.stats().items() if not k.startswith("edges_")}
    report.timings["merge"] = time.perf_counter() - start
    return kg


def _finish(
    kg: ClaimGraph, report: BuildReport, out: Path, started: float, **write_kw: Any
) -> None:
    """Write every output and report.json into a new directory that then replaces ``out``
    whole (call with :func:`output_lock` held): readers see the old build or the new one.

    ``report.seconds`` is the whole run since ``started``, writing included."""
    with swap_in(out) as staging, frozen_heap(collect=False):  # writers make no cycles
        written: dict[str, float] = {}
        write_outputs(kg, staging, timings=written, **write_kw)
        report.timings["write"] = written.pop("total")
        report.timings.update({f"write.{k}": v for k, v in written.items()})
        report.seconds = time.perf_counter() - started
        logger.info("%s", report.timing_line())
        atomic_write_text(staging / "report.json", json.dumps(report.to_json(), indent=1) + "\n")


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
    check_base(kw.get("base", DEFAULT_BASE))
    if kw.get("entities"):
        known_entities(kw["entities"])  # a bad file fails before anything is read
    with output_lock(out_dir) as out:
        if cache is True:
            cache = out / CACHE_DIR
        elif cache is False:
            cache = None
        report: BuildReport = kw.pop("report", None) or BuildReport()
        start = time.perf_counter()
        items = list(read_inputs(_as_list(paths), exclude=[out]))
        report.timings["read"] = time.perf_counter() - start
        digest = inputs_digest(
            items,
            base=kw.get("base", DEFAULT_BASE),
            max_nodes=max_nodes,
            entities=kw.get("entities"),
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
        _finish(kg, report, out, start, progress=progress, max_nodes=max_nodes)
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

    No record is ever dropped. An input already in the build (same path, same text) is left
    as it is; the same input path with a new text replaces its record (reported); an article
    whose id is taken gets the next free ``-2``, ``-3`` … (reported). The graph is then rebuilt
    from all records (the merge is the one global step).
    """
    check_base(base)
    with output_lock(out_dir) as out:
        rec_file = out / OUTPUT_FILES["records"]
        if not rec_file.exists():
            raise InputError(f"{out_dir}: no {OUTPUT_FILES['records']} to update; run build first")
        report = report if report is not None else BuildReport()
        start = time.perf_counter()
        old = read_records(rec_file)
        items = list(read_inputs(_as_list(paths), exclude=[out]))
        replaced = _place_new(old, items, report)
        present = {(r.path, r.sha256) for r in old}
        new = list(
            extract(
                paths,
                report=report,
                cache=out / CACHE_DIR,
                skip=lambda raw: (raw.path, raw.sha256) in present,
                read=items,
                **kw,
            )
        )
        report.timings["extract"] = time.perf_counter() - start
        records = [r for r in old if r.id not in replaced] + new
        kg = _merge(records, entities=entities, base=base, report=report)
        report.articles = len(records)
        _finish(kg, report, out, start, progress=progress, max_nodes=max_nodes)
        return kg, report


def _place_new(
    old: Sequence[DocumentRecord], items: list[RawDocument | ReadError], report: BuildReport
) -> set[str]:
    """Give the new articles ids that no kept record has; return the ids they replace.

    A new article replaces an old record only when it is the same input (same path and id)
    with another text; every other clash gets a fresh id, deterministic in input order.
    """
    by_path = {r.path: r for r in old}
    seen: dict[str, int] = {}
    for r in old:
        unique_id(r.id, seen)
    replaced: set[str] = set()
    for raw in items:
        if not isinstance(raw, RawDocument):
            continue
        wanted = raw.renamed_from or raw.id
        prior = by_path.get(raw.path)
        if prior is not None and prior.id == wanted:
            raw.id, raw.renamed_from = prior.id, None
            if prior.sha256 != raw.sha256:
                replaced.add(prior.id)
                why = "a new text of this input replaces its record"
                report.warnings.append({"path": raw.path or raw.id, "warning": why})
            continue
        if raw.id in seen:
            raw.id, raw.renamed_from = unique_id(raw.id, seen), wanted
        else:
            unique_id(raw.id, seen)
    return replaced


def load(out_dir: str | os.PathLike[str], *, base: str | None = None) -> ClaimGraph:
    """Load a graph written by ``build`` (``graph.json``; records when present).

    The IRIs are minted from the base the graph was built with, unless ``base`` says otherwise.
    ``graph.json`` and ``records.jsonl`` must come from one build (a read that straddles a
    build's swap is retried once).
    """
    out = Path(out_dir)
    graph_file = out / OUTPUT_FILES["json"]
    if not graph_file.exists():
        raise InputError(f"{out}: no {OUTPUT_FILES['json']} here; run `claimgraph build` first")
    for attempt in (1, 2):
        core = _graph_core(graph_file)
        rec_file = out / OUTPUT_FILES["records"]
        records = read_records(rec_file) if rec_file.exists() else []
        if not records or _agree(core, records):
            break
        if attempt == 2:
            raise InputError(
                f"{out}: graph.json and records.jsonl come from different builds; build again"
            )
    base = base or core.G.graph.get("base_iri") or DEFAULT_BASE
    check_base(base)
    kg = ClaimGraph(core.G, records=records, base=base)
    kg.G.graph.setdefault("version", __version__)
    kg.store_path = out / "store"
    return kg


def _graph_core(graph_file: Path) -> ClaimGraph:
    data = read_graph(graph_file)
    try:
        return ClaimGraph.from_node_link(data)
    except (KeyError, TypeError, ValueError, AttributeError, ClaimgraphError) as exc:
        raise InputError(f"{graph_file}: not a claimgraph graph ({exc!r})") from exc
    except Exception as exc:  # networkx raises its own errors on malformed node-link data
        raise InputError(f"{graph_file}: not a claimgraph graph ({exc})") from exc


def _agree(core: ClaimGraph, records: Sequence[DocumentRecord]) -> bool:
    """Whether every source of the graph is one of ``records`` (same id, same text)."""
    have = {(r.id, r.sha256) for r in records}
    return all(
        (d.get("doc_id"), d.get("sha256")) in have
        for _, d in core.G.nodes(data=True)
        if d.get("kind") == "source"
    )

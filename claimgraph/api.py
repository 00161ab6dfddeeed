"""The Python API: ``extract`` articles to records, ``build`` a graph, ``load`` a built one.

These are the plain functions the CLI wraps; they raise :mod:`claimgraph.errors` exceptions and
never print or exit.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._version import __version__
from .exports.atomic import atomic_write_text
from .exports.vocab import DEFAULT_BASE
from .graph.build import build_graph
from .graph.model import ClaimGraph as _GraphCore
from .graph.resolve import load_known_entities
from .ingest.errors import InputError
from .ingest.pipeline import process
from .ingest.read import RawDocument, ReadError, read_inputs
from .ingest.records import DocumentRecord
from .kg import ClaimGraph
from .outputs import OUTPUT_FILES, read_graph, read_records, write_outputs

__all__ = ["extract", "build", "build_to_dir", "load", "BuildReport", "Paths"]

logger = logging.getLogger(__name__)

Paths = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]


@dataclass
class BuildReport:
    """What a run did: counts, and one entry per skipped file or line."""

    articles: int = 0
    skipped: int = 0
    errors: list[dict[str, str]] = field(default_factory=list)
    warnings: list[dict[str, str]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    version: str = __version__

    def to_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "articles": self.articles,
            "skipped": self.skipped,
            "counts": self.counts,
            "errors": self.errors,
            "warnings": self.warnings,
            "seconds": round(self.seconds, 3),
        }

    def summary(self) -> str:
        c = self.counts
        parts = [f"{self.articles} articles"]
        for key in ("outlets", "speakers", "claims", "mentions"):
            if key in c:
                parts.append(f"{c[key]} {key}")
        line = ", ".join(parts)
        if self.skipped:
            line += f"; {self.skipped} skipped (see report.json)"
        return line + f" in {self.seconds:.1f}s"


def _as_list(paths: Paths) -> list[str]:
    if isinstance(paths, (str, os.PathLike)):
        return [os.fspath(paths)]
    return [os.fspath(p) for p in paths]


def extract(
    paths: Paths,
    *,
    report: BuildReport | None = None,
    on_error: Callable[[ReadError], None] | None = None,
    on_record: Callable[[DocumentRecord], None] | None = None,
) -> Iterator[DocumentRecord]:
    """Read and annotate articles, one :class:`DocumentRecord` each, in input order.

    Unusable files are reported through ``on_error`` (and ``report``), never raised: one broken
    article does not stop the batch.
    """
    report = report if report is not None else BuildReport()

    def raws() -> Iterator[RawDocument]:
        for item in read_inputs(_as_list(paths)):
            if isinstance(item, ReadError):
                report.skipped += 1
                report.errors.append({"path": item.path, "error": item.reason})
                if on_error:
                    on_error(item)
                continue
            yield item

    for rec in process(raws(), on_record=on_record):
        report.articles += 1
        for problem in rec.errors:
            report.warnings.append({"path": rec.path or rec.id, "warning": problem})
        yield rec


def build(
    paths: Paths,
    *,
    entities: str | os.PathLike[str] | None = None,
    base: str = DEFAULT_BASE,
    report: BuildReport | None = None,
    on_error: Callable[[ReadError], None] | None = None,
    on_record: Callable[[DocumentRecord], None] | None = None,
) -> ClaimGraph:
    """Build the claim graph of the articles at ``paths`` (files, directories, globs).

    >>> kg = build(["examples/articles"])  # doctest: +SKIP
    >>> kg.claims(speaker="Lavrov")  # doctest: +SKIP
    """
    report = report if report is not None else BuildReport()
    start = time.perf_counter()
    records = list(extract(paths, report=report, on_error=on_error, on_record=on_record))
    known = load_known_entities(entities) if entities else ()
    core = build_graph(records, known_entities=known)
    kg = ClaimGraph(core.G, records=records, base=base)
    report.counts = {k: v for k, v in kg.stats().items() if not k.startswith("edges_")}
    report.seconds = time.perf_counter() - start
    return kg


def build_to_dir(
    paths: Paths,
    out_dir: str | os.PathLike[str],
    *,
    progress: Callable[[str], None] | None = None,
    max_nodes: int = 1500,
    **kw: Any,
) -> tuple[ClaimGraph, BuildReport]:
    """``build`` and write every output plus ``report.json`` into ``out_dir``."""
    report: BuildReport = kw.pop("report", None) or BuildReport()
    kg = build(paths, report=report, **kw)
    out = Path(out_dir)
    write_outputs(kg, out, progress=progress, max_nodes=max_nodes)
    report.seconds = report.seconds  # build time; writing is reported in the log
    atomic_write_text(out / "report.json", json.dumps(report.to_json(), indent=1) + "\n")
    return kg, report


def load(out_dir: str | os.PathLike[str], *, base: str = DEFAULT_BASE) -> ClaimGraph:
    """Load a graph written by ``build`` (``graph.json``; records when present)."""
    out = Path(out_dir)
    graph_file = out / OUTPUT_FILES["json"]
    if not graph_file.exists():
        raise InputError(f"{out}: no {OUTPUT_FILES['json']} here; run `claimgraph build` first")
    core = _GraphCore.from_node_link(read_graph(graph_file))
    rec_file = out / OUTPUT_FILES["records"]
    records = read_records(rec_file) if rec_file.exists() else []
    kg = ClaimGraph(core.G, records=records, base=base)
    kg.store_path = out / "store"
    return kg

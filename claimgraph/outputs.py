"""Write and read an output directory: records, graph JSON, RDF serialisations, HTML.

Every file is written atomically, so a killed build leaves the previous outputs whole.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import IO

from .exports.atomic import atomic_open, atomic_write_bytes
from .exports.html import write_html
from .exports.rdf import canonical_rdf
from .exports.store import nquads_digest, write_store
from .forked import Forked, can_fork
from .ingest.codepoints import scrub
from .ingest.errors import InputError
from .ingest.records import DocumentRecord, record_problem

__all__ = ["OUTPUT_FILES", "write_outputs", "write_records", "read_records", "read_graph"]

logger = logging.getLogger(__name__)

OUTPUT_FILES = {
    "records": "records.jsonl",
    "json": "graph.json",
    "trig": "graph.trig",
    "nq": "graph.nq",
    "ttl": "graph.ttl",
    "jsonld": "graph.jsonld",
    "html": "graph.html",
    "store": "store",
}


def write_records(records: Iterable[DocumentRecord], path: str | Path) -> int:
    n = 0
    with atomic_open(path, "w") as fh:
        for rec in records:
            fh.write(rec.dumps() + "\n")
            n += 1
    return n


def read_records(path: str | Path) -> list[DocumentRecord]:
    """The records of a records.jsonl, each checked (types, hash, offsets inside the text).

    Lines are split on ``\\n`` only: U+2028 and other Unicode line breaks are text.
    """
    p = Path(path)
    out = []
    try:
        content = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{p}: cannot read records ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{p}: not UTF-8 ({exc.reason}); not a records file") from exc
    for i, line in enumerate(content.split("\n"), 1):
        if not line.strip():
            continue
        try:
            record = DocumentRecord.loads(line)
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
            raise InputError(f"{p}:{i}: not a document record ({exc})") from exc
        if (problem := record_problem(record)) is not None:
            raise InputError(f"{p}:{i}: not a document record ({problem})")
        out.append(record)
    return out


def read_graph(path: str | Path) -> dict:
    """The node-link data of a graph.json: an object with lists of nodes and links."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"{p}: cannot read graph ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{p}: not UTF-8 ({exc.reason}); not a graph file") from exc
    except json.JSONDecodeError as exc:
        raise InputError(f"{p}: invalid graph JSON ({exc.msg} at line {exc.lineno})") from exc
    except RecursionError as exc:
        raise InputError(f"{p}: invalid graph JSON (nested too deeply)") from exc
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise InputError(f"{p}: not a claimgraph graph (a JSON object with a list of nodes)")
    links = data.get("edges", data.get("links", []))
    if not isinstance(links, list):
        raise InputError(f"{p}: not a claimgraph graph (its links are not a list)")
    for item in (*data["nodes"], *links):
        if not isinstance(item, dict):
            raise InputError(f"{p}: not a claimgraph graph (a node or link is not an object)")
    return scrub(data)


def _dump_graph(kg, fh: IO[str], **graph_attrs: str) -> None:
    """graph.json: the node-link data, with ``graph_attrs`` added to its graph attributes.

    One node or link per line, each encoded by the C JSON encoder (an indented dump goes
    through the pure-Python one and was the slowest output of a build).
    """
    data = kg.to_node_link()
    data["graph"] = {**data.get("graph", {}), **graph_attrs}
    fh.write("{")
    for i, key in enumerate(sorted(data)):
        fh.write(("" if i == 0 else ",\n ") + json.dumps(key) + ": ")
        value = data[key]
        if isinstance(value, list) and value:
            items = (json.dumps(v, ensure_ascii=False, sort_keys=True) for v in value)
            fh.write("[\n  " + ",\n  ".join(items) + "\n ]")
        else:
            fh.write(json.dumps(value, ensure_ascii=False, sort_keys=True))
    fh.write("}\n")


def _stream(path: Path, write: Callable[[IO[str]], None]) -> None:
    with atomic_open(path, "w") as fh:
        write(fh)


#: Up to this many edges the writers that do not need each other run in forked children. A
#: child touches the graph it reads, so each may come to copy it; beyond this size (about
#: 50,000 articles) the outputs are written one after the other to keep memory flat.
FORK_MAX_EDGES = 2_000_000


def write_outputs(
    kg,
    out_dir: Path,
    *,
    progress: Callable[[str], None] | None = None,
    max_nodes: int = 1500,
    timings: dict[str, float] | None = None,
    parallel: bool | None = None,
) -> dict[str, str]:
    """Write records (when the graph carries them), graph JSON, RDF, the Oxigraph store and HTML
    into ``out_dir``; ``timings`` receives the seconds each took.

    The quads are generated, sorted and parsed once (:class:`CanonicalRDF`); every RDF format
    is written from them. Writers run side by side where they can (``parallel``, by default
    when the platform forks, no other thread runs and the graph has at most
    :data:`FORK_MAX_EDGES` edges): records
    and HTML in a child from the start, Turtle and JSON-LD in a child once the quads exist,
    the store in a thread (Oxigraph's bulk loader runs without the GIL), the rest here.
    """
    from ._version import __version__

    out_dir.mkdir(parents=True, exist_ok=True)
    timings = timings if timings is not None else {}
    if parallel is None:
        # A fork copies only the calling thread: with others running, a lock one of them held
        # would stay locked in the child for ever.
        parallel = (
            can_fork()
            and threading.active_count() == 1
            and kg.G.number_of_edges() <= FORK_MAX_EDGES
        )
    written = {name: str(out_dir / file) for name, file in OUTPUT_FILES.items()}
    if not kg.records:
        del written["records"]
    kw = {"base": kg.base, "version": kg.version or __version__}
    start = time.perf_counter()
    children: list[Forked[dict[str, float]]] = []

    def group(steps: list[tuple[str, Callable[[Path], object]]]) -> Callable[[], dict]:
        def run() -> dict[str, float]:
            done = {}
            for name, write in steps:
                if progress:
                    progress(name)
                done[name] = _timed(write, out_dir / OUTPUT_FILES[name])
            return done

        return run

    def side_by_side(steps: list[tuple[str, Callable[[Path], object]]]) -> None:
        if parallel:
            children.append(Forked(group(steps), name="writer"))
        else:
            timings.update(group(steps)())

    try:
        first: list[tuple[str, Callable[[Path], object]]] = [
            ("html", lambda p: write_html(kg, p, max_nodes=max_nodes))
        ]
        if kg.records:
            first.insert(0, ("records", lambda p: write_records(kg.records, p)))
        side_by_side(first)
        rdf_start = time.perf_counter()
        rdf = canonical_rdf(kg, **kw)  # the canonical form, checked; every RDF output reads it
        digest = nquads_digest(rdf.data)  # recorded in graph.json: tells a stale store apart
        timings["rdf"] = time.perf_counter() - rdf_start
        side_by_side(
            [
                ("ttl", lambda p: atomic_write_bytes(p, rdf.serialise("ttl"))),
                ("jsonld", lambda p: _stream(p, rdf.write_jsonld)),
            ]
        )
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="store") as pool:
            if progress:
                progress("store")
            store = pool.submit(_timed, write_store, rdf.data, out_dir)
            timings.update(
                group(
                    [
                        ("trig", lambda p: atomic_write_bytes(p, rdf.serialise("trig"))),
                        ("nq", lambda p: atomic_write_bytes(p, rdf.data)),
                        (
                            "json",
                            lambda p: _stream(
                                p, lambda fh: _dump_graph(kg, fh, nquads_sha256=digest)
                            ),
                        ),
                    ]
                )()
            )
            timings["store"] = store.result()
        while children:
            timings.update(children[0].result())
            children.pop(0)
    finally:
        for child in children:
            child.cancel()
    timings["total"] = time.perf_counter() - start
    return written


def _timed(fn: Callable[..., object], *args: object) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start

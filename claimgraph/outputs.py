"""Write and read an output directory: records, graph JSON, RDF serialisations, HTML.

Every file is written atomically, so a killed build leaves the previous outputs whole.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

from .exports.atomic import atomic_open, atomic_write_bytes, atomic_write_text
from .exports.html import write_html
from .exports.rdf import nquads_text, serialise_nquads, write_jsonld_stream
from .exports.store import nquads_digest, write_store
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
    """graph.json: the node-link data, with ``graph_attrs`` added to its graph attributes."""
    data = kg.to_node_link()
    data["graph"] = {**data.get("graph", {}), **graph_attrs}
    json.dump(data, fh, ensure_ascii=False, sort_keys=True, indent=1)


def _stream(path: Path, write: Callable[[IO[str]], None]) -> None:
    with atomic_open(path, "w") as fh:
        write(fh)


def write_outputs(
    kg, out_dir: Path, *, progress: Callable[[str], None] | None = None, max_nodes: int = 1500
) -> dict[str, str]:
    """Write records (when the graph carries them), graph JSON, RDF, the Oxigraph store and HTML
    into ``out_dir``."""
    from ._version import __version__

    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, str] = {}
    kw = {"base": kg.base, "version": kg.version or __version__}
    nq = nquads_text(kg, **kw)  # the canonical form: written as is and loaded into the store
    digest = nquads_digest(nq)  # recorded in graph.json: tells a stale store apart
    steps: list[tuple[str, Callable[[Path], None]]] = [
        ("json", lambda p: _stream(p, lambda fh: _dump_graph(kg, fh, nquads_sha256=digest))),
        ("trig", lambda p: atomic_write_bytes(p, serialise_nquads(nq, "trig"))),
        ("nq", lambda p: atomic_write_text(p, nq)),
        ("ttl", lambda p: atomic_write_bytes(p, serialise_nquads(nq, "ttl"))),
        ("jsonld", lambda p: _stream(p, lambda fh: write_jsonld_stream(nq, fh))),
        ("store", lambda p: write_store(nq, p.parent)),
        ("html", lambda p: write_html(kg, p, max_nodes=max_nodes)),
    ]
    if kg.records:
        steps.insert(0, ("records", lambda p: write_records(kg.records, p)))
    for name, write in steps:
        if progress:
            progress(name)
        path = out_dir / OUTPUT_FILES[name]
        write(path)
        written[name] = str(path)
    return written

"""The embedded Oxigraph store of a build (``DIR/store/``) and SPARQL over it.

``claimgraph build`` writes the store into a temporary directory beside ``DIR/store`` and renames
it into place once complete, so a killed build never leaves half a store (at worst a stale
``.store-*.tmp`` directory, removed by the next build). Queries open it read-only; a graph
without a store on disk gets an in-memory one.

``DIR/store.sha256`` holds the digest of the N-Quads the store was loaded from, written after the
store is in place; the graph records the digest of its own N-Quads, so a store left behind by an
interrupted build is recognised as stale (:func:`store_is_current`).

Limits: opening a store read-only while another process writes it is undefined behaviour in
Oxigraph; builds replace the store by rename, never write into the live one.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..ingest.errors import ExportError, QueryError
from . import queries as Q

__all__ = [
    "STORE_DIR",
    "write_store",
    "open_store",
    "nquads_digest",
    "store_is_current",
    "memory_store",
    "select",
    "run_named",
    "term_value",
]

logger = logging.getLogger(__name__)

STORE_DIR = "store"
DIGEST_FILE = "store.sha256"


def nquads_digest(nquads: str | bytes) -> str:
    """The SHA-256 of N-Quads text: what ties a store to the graph it was made from."""
    data = nquads.encode("utf-8") if isinstance(nquads, str) else nquads
    return hashlib.sha256(data).hexdigest()


def store_is_current(store: str | os.PathLike[str], digest: str | None) -> bool:
    """Whether the store at ``store`` was loaded from N-Quads of ``digest`` (unknown: trusted)."""
    if digest is None:
        return True
    try:
        written = (Path(store).parent / DIGEST_FILE).read_text(encoding="ascii").strip()
    except OSError:
        return False
    return written == digest


def _load(store, nquads: str | bytes) -> None:
    import pyoxigraph as ox

    data = nquads.encode("utf-8") if isinstance(nquads, str) else nquads
    store.bulk_load(data, format=ox.RdfFormat.N_QUADS)


def memory_store(nquads: str | bytes):  # -> pyoxigraph.Store
    """An in-memory store holding ``nquads``."""
    import pyoxigraph as ox

    store = ox.Store()
    _load(store, nquads)
    return store


def write_store(nquads: str | bytes, out_dir: str | os.PathLike[str]) -> Path:
    """Write an on-disk Oxigraph store of ``nquads`` as ``out_dir/store``, atomically."""
    import pyoxigraph as ox

    out = Path(out_dir)
    target = out / STORE_DIR
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob(".store-*.tmp"):
        shutil.rmtree(stale, ignore_errors=True)
    tmp = Path(tempfile.mkdtemp(prefix=".store-", suffix=".tmp", dir=out))
    try:
        store = ox.Store(str(tmp))
        _load(store, nquads)
        store.flush()
        store.optimize()
        del store
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=".store-", suffix=".tmp", dir=out))
            os.replace(target, old / STORE_DIR)
        os.replace(tmp, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        digest_tmp = out / f".{DIGEST_FILE}.tmp"
        digest_tmp.write_text(nquads_digest(nquads) + "\n", encoding="ascii")
        os.replace(digest_tmp, out / DIGEST_FILE)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise ExportError(f"{target}: cannot write the Oxigraph store ({exc})") from exc
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target


def open_store(path: str | os.PathLike[str]):  # -> pyoxigraph.Store
    """Open the store at ``path`` read-only."""
    import pyoxigraph as ox

    try:
        return ox.Store.read_only(str(path))
    except OSError as exc:
        raise QueryError(f"{path}: cannot open the Oxigraph store ({exc})") from exc


def term_value(term: Any) -> Any:
    """A plain Python value of an RDF term: int/float/bool for numeric and boolean literals."""
    if term is None:
        return None
    import pyoxigraph as ox

    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else ""
        with contextlib.suppress(ValueError):
            if dt.endswith(("#integer", "#int", "#long", "#nonNegativeInteger")):
                return int(term.value)
            if dt.endswith(("#decimal", "#double", "#float")):
                return float(term.value)
        if dt.endswith("#boolean"):
            return term.value == "true"
        return term.value
    return term.value


def select(
    store, sparql: str, substitutions: Mapping[str, str | int] | None = None
) -> list[dict[str, Any]]:
    """Run a SELECT or ASK on ``store``; rows are dicts in projection order.

    ``substitutions`` bind variables to literal values through pyoxigraph (never spliced).
    """
    import pyoxigraph as ox

    subs = {ox.Variable(k): Q.to_term(v) for k, v in (substitutions or {}).items()}
    try:
        result = store.query(sparql, substitutions=subs or None)
    except SyntaxError as exc:
        raise QueryError(f"invalid SPARQL: {exc}") from exc
    except (RuntimeError, ValueError, OSError) as exc:
        raise QueryError(f"query failed: {exc}") from exc
    if isinstance(result, (bool, ox.QueryBoolean)):
        return [{"result": bool(result)}]
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("only SELECT and ASK queries return rows; use CONSTRUCT via to_rdf()")
    names = [v.value for v in result.variables]
    return [{n: term_value(sol[n]) for n in names} for sol in result]


def run_named(
    store, name: str, params: Mapping[str, str | int] | None = None, *, mode: str = "substitute"
) -> list[dict[str, Any]]:
    """Run the named query ``name`` with ``params`` on an embedded store.

    ``mode``: ``substitute`` (pyoxigraph substitutions) or ``values`` (a ``VALUES`` block, as
    sent to servers); both give the same rows.
    """
    query = Q.get(name)
    values = Q.resolve_params(query, params or {})
    if mode == "values":
        return select(store, Q.bind_values(query.text, values))
    return select(store, query.text, values)


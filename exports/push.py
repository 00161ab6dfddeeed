"""Talk to a SPARQL 1.1 server: push a build's named graphs, run a query.

:func:`push` sends each named graph with the SPARQL 1.1 Graph Store HTTP Protocol: one ``PUT``
per graph to ``ENDPOINT?graph=<iri>``, so a re-push replaces each graph and never duplicates it.
The body is the graph's triples in N-Triples, sent as ``text/turtle`` (N-Triples is a subset of
Turtle and every store reads Turtle). Tested against Oxigraph server (``/store``) and Virtuoso
(``/sparql-graph-crud-auth`` with digest auth).

:func:`select` runs a SELECT or ASK through the SPARQL 1.1 Protocol (form POST, JSON results);
named queries get their parameters as a ``VALUES`` block (:func:`..queries.bind_values`).

Only the standard library's ``urllib``: no new dependency. Errors come back as one-line
:class:`~claimgraph.errors.ExportError` s: refused connection, HTTP 4xx/5xx (with the first line
of the server's message), timeout.

Limits: a graph is sent in one request, so a very large article graph is one large body; Virtuoso
does not apply a ``PUT`` atomically (a body it rejects half-way leaves what it had read).
"""

from __future__ import annotations

import base64
import json
import logging
import re
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..ingest.errors import ExportError, QueryError
from . import queries as Q

__all__ = ["Auth", "push", "push_nquads", "select", "run_named_remote", "graphs_of"]

logger = logging.getLogger(__name__)

AUTH_SCHEMES = ("basic", "digest")


@dataclass(frozen=True)
class Auth:
    """Credentials for a server: ``scheme`` is ``basic`` (sent up front) or ``digest``."""

    user: str
    password: str
    scheme: str = "basic"

    def __post_init__(self) -> None:
        if self.scheme not in AUTH_SCHEMES:
            raise ExportError(
                f"auth = {self.scheme!r} is invalid; auth must be one of {', '.join(AUTH_SCHEMES)}"
            )


def _opener(url: str, auth: Auth | None) -> tuple[urllib.request.OpenerDirector, dict[str, str]]:
    headers: dict[str, str] = {}
    handlers: list[urllib.request.BaseHandler] = []
    if auth is not None:
        if auth.scheme == "basic":
            token = base64.b64encode(f"{auth.user}:{auth.password}".encode()).decode("ascii")
            headers["Authorization"] = f"Basic {token}"
        else:
            mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            mgr.add_password(None, url, auth.user, auth.password)
            handlers.append(urllib.request.HTTPDigestAuthHandler(mgr))
    return urllib.request.build_opener(*handlers), headers


def _request(
    method: str,
    url: str,
    *,
    data: bytes | None = None,
    headers: Mapping[str, str] | None = None,
    auth: Auth | None = None,
    timeout: float = 60.0,
) -> tuple[int, bytes]:
    """One HTTP request; every failure becomes a one-line :class:`ExportError`."""
    opener, auth_headers = _opener(url, auth)
    req = urllib.request.Request(
        url, data=data, method=method, headers={**auth_headers, **(headers or {})}
    )
    where = _where(url)
    try:
        with opener.open(req, timeout=timeout) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        body = exc.read().decode("utf-8", "replace") if exc.fp else ""
        detail = _first_line(body)
        msg = f"{where}: HTTP {exc.code} {exc.reason}" + (f": {detail}" if detail else "")
        if exc.code == 401:
            msg += " (check --user/--password and --auth basic|digest)"
        raise ExportError(msg) from exc
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, ConnectionRefusedError):
            raise ExportError(f"{where}: connection refused; is the server running?") from exc
        if isinstance(reason, TimeoutError):
            raise ExportError(f"{where}: no answer within {timeout:g}s (timeout)") from exc
        raise ExportError(f"{where}: cannot connect ({reason})") from exc
    except TimeoutError as exc:
        raise ExportError(f"{where}: no answer within {timeout:g}s (timeout)") from exc
    except (ConnectionError, OSError) as exc:
        raise ExportError(f"{where}: connection failed ({exc})") from exc


def _where(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


_TAGS = re.compile(r"<[^>]+>")


def _first_line(body: str) -> str:
    text = _TAGS.sub(" ", body)
    for line in text.splitlines():
        line = " ".join(line.split())
        if line and not line.lower().startswith(("error 4", "error 5", "<!doctype")):
            return line[:200]
    return ""


def graphs_of(nquads: str) -> dict[str, list[str]]:
    """Group N-Quads lines by graph IRI: graph → N-Triples lines (sorted).

    Relies on the canonical form our exporter writes: every line ends in ``<graph> .``.
    """
    import pyoxigraph as ox

    by_graph: dict[str, list[str]] = defaultdict(list)
    for q in ox.parse(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS):
        if not isinstance(q.graph_name, ox.NamedNode):
            raise ExportError("only named graphs can be pushed; found a default-graph quad")
        by_graph[q.graph_name.value].append(str(q.triple) + " .")
    return {g: sorted(lines) for g, lines in sorted(by_graph.items())}


def _graph_url(endpoint: str, graph: str) -> str:
    sep = "&" if "?" in endpoint else "?"
    return endpoint + sep + urllib.parse.urlencode({"graph": graph})


def push_nquads(
    nquads: str,
    endpoint: str,
    *,
    auth: Auth | None = None,
    timeout: float = 60.0,
    progress: Callable[[str], None] | None = None,
) -> dict[str, int]:
    """PUT every named graph of ``nquads`` to a Graph Store ``endpoint``; graph → triples."""
    sent: dict[str, int] = {}
    for graph, lines in graphs_of(nquads).items():
        body = ("\n".join(lines) + "\n").encode("utf-8")
        _request(
            "PUT",
            _graph_url(endpoint, graph),
            data=body,
            headers={"Content-Type": "text/turtle; charset=utf-8"},
            auth=auth,
            timeout=timeout,
        )
        sent[graph] = len(lines)
        if progress:
            progress(graph)
        logger.info("pushed %s (%d triples)", graph, len(lines))
    return sent


def push(
    out_dir,
    endpoint: str,
    *,
    auth: Auth | None = None,
    timeout: float = 60.0,
    progress: Callable[[str], None] | None = None,
) -> dict[str, int]:
    """Push the named graphs of a build directory (its ``graph.nq``) to ``endpoint``."""
    from pathlib import Path

    path = Path(out_dir) / "graph.nq"
    try:
        nquads = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"{path}: cannot read ({exc.strerror}); run `claimgraph build`") from exc
    return push_nquads(nquads, endpoint, auth=auth, timeout=timeout, progress=progress)


def select(
    endpoint: str, sparql: str, *, auth: Auth | None = None, timeout: float = 60.0
) -> list[dict[str, Any]]:
    """Run a SELECT or ASK on a SPARQL endpoint; rows of plain Python values."""
    data = urllib.parse.urlencode({"query": sparql}).encode("utf-8")
    status, body = _request(
        "POST",
        endpoint,
        data=data,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json",
        },
        auth=auth,
        timeout=timeout,
    )
    try:
        doc = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise QueryError(f"{_where(endpoint)}: the answer is not SPARQL JSON results") from exc
    if "boolean" in doc:
        return [{"result": bool(doc["boolean"])}]
    names = doc.get("head", {}).get("vars", [])
    return [
        {n: _value(b.get(n)) for n in names} for b in doc.get("results", {}).get("bindings", [])
    ]


_INT = ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger")


def _value(term: Mapping[str, str] | None) -> Any:
    if term is None:
        return None
    value = term.get("value")
    dt = term.get("datatype", "")
    if term.get("type") in ("literal", "typed-literal") and dt:
        local = dt.rsplit("#", 1)[-1]
        try:
            if local in _INT:
                return int(value)
            if local in ("decimal", "double", "float"):
                return float(value)
        except (TypeError, ValueError):
            return value
        if local == "boolean":
            return value in ("true", "1")
    return value


def run_named_remote(
    endpoint: str,
    name: str,
    params: Mapping[str, str | int] | None = None,
    *,
    auth: Auth | None = None,
    timeout: float = 60.0,
) -> list[dict[str, Any]]:
    """Run a named query on a server, its parameters bound by a ``VALUES`` block."""
    query = Q.get(name)
    values = Q.resolve_params(query, params or {})
    return select(endpoint, Q.bind_values(query.text, values), auth=auth, timeout=timeout)


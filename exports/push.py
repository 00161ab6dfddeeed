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
of the server's message), timeout. A push stopped by an error names the graph that failed and
how many had landed before it.

Safety: ``timeout`` is a deadline for the whole request (connect, send, every byte of the
answer), so a server that answers one byte at a time cannot hold a run. Credentials go only to
the origin (scheme, host, port) of the endpoint: a redirect to another origin is followed
without them.

Limits: a graph is sent in one request, so a very large article graph is one large body; Virtuoso
does not apply a ``PUT`` atomically (a body it rejects half-way leaves what it had read).
"""

from __future__ import annotations

import base64
import contextlib
import http.client
import json
import logging
import re
import socket
import threading
import time
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


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urllib.parse.urlsplit(url)
    default = {"http": 80, "https": 443}.get(parts.scheme.lower())
    try:
        port = parts.port or default
    except ValueError:
        port = None
    return parts.scheme.lower(), (parts.hostname or "").lower(), port


class _SameOriginRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects, but never carry credentials to another origin."""

    def __init__(self, origin: tuple[str, str, int | None]) -> None:
        self.origin = origin

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None and _origin(newurl) != self.origin:
            new.remove_header("Authorization")
            new.unredirected_hdrs.pop("Authorization", None)
            logger.warning(
                "%s redirects to %s: following without credentials", _where(req.full_url), newurl
            )
        return new


class _Deadline:
    """Ends every connection of one request when its time is up, wherever it is blocked."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._conns: list[http.client.HTTPConnection] = []
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def track(self, conn: http.client.HTTPConnection) -> http.client.HTTPConnection:
        self._conns.append(conn)
        return conn

    def _expire(self) -> None:
        self.expired = True
        for conn in self._conns:
            sock = conn.sock
            if sock is not None:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()


class _DeadlineHTTP(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def http_open(self, req):
        return self.do_open(
            lambda host, **kw: self.deadline.track(http.client.HTTPConnection(host, **kw)), req
        )


class _DeadlineHTTPS(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def https_open(self, req):
        return self.do_open(
            lambda host, **kw: self.deadline.track(http.client.HTTPSConnection(host, **kw)),
            req,
            context=self._context,
        )


def _opener(
    url: str, auth: Auth | None, deadline: _Deadline
) -> tuple[urllib.request.OpenerDirector, dict[str, str]]:
    headers: dict[str, str] = {}
    handlers: list[urllib.request.BaseHandler] = [
        _SameOriginRedirects(_origin(url)),
        _DeadlineHTTP(deadline),
        _DeadlineHTTPS(deadline),
    ]
    if auth is not None:
        if auth.scheme == "basic":
            token = base64.b64encode(f"{auth.user}:{auth.password}".encode()).decode("ascii")
            headers["Authorization"] = f"Basic {token}"
        else:
            scheme, host, port = _origin(url)
            mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            mgr.add_password(None, f"{scheme}://{host}:{port}/", auth.user, auth.password)
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
    """One HTTP request, done within ``timeout`` seconds in all; every failure becomes a
    one-line :class:`ExportError`."""
    where = _where(url)
    if urllib.parse.urlsplit(url).scheme.lower() not in ("http", "https"):
        raise ExportError(f"{where}: the endpoint must be an http:// or https:// URL")
    start = time.monotonic()
    with _Deadline(timeout) as deadline:
        opener, auth_headers = _opener(url, auth, deadline)
        req = urllib.request.Request(
            url, data=data, method=method, headers={**auth_headers, **(headers or {})}
        )
        try:
            with opener.open(req, timeout=timeout) as resp:
                status, body = resp.status, resp.read()
            if deadline.expired:  # the answer was cut off at the deadline, not complete
                raise ExportError(f"{where}: no answer within {timeout:g}s (timeout)")
            return status, body
        except urllib.error.HTTPError as exc:
            body = _read_error_body(exc, deadline)
            detail = _first_line(body)
            msg = f"{where}: HTTP {exc.code} {exc.reason}" + (f": {detail}" if detail else "")
            if exc.code == 401:
                msg += " (check --user/--password and --auth basic|digest)"
            raise ExportError(msg) from exc
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            if deadline.expired or time.monotonic() - start >= timeout:
                raise ExportError(f"{where}: no answer within {timeout:g}s (timeout)") from exc
            reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
            if isinstance(reason, ConnectionRefusedError):
                raise ExportError(f"{where}: connection refused; is the server running?") from exc
            if isinstance(reason, TimeoutError):
                raise ExportError(f"{where}: no answer within {timeout:g}s (timeout)") from exc
            if isinstance(exc, urllib.error.URLError):
                raise ExportError(f"{where}: cannot connect ({reason})") from exc
            raise ExportError(f"{where}: connection failed ({exc})") from exc


def _read_error_body(exc: urllib.error.HTTPError, deadline: _Deadline) -> str:
    try:
        return exc.read(64 * 1024).decode("utf-8", "replace") if exc.fp else ""
    except (OSError, http.client.HTTPException):
        return ""


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
    try:
        for q in ox.parse(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS):
            if not isinstance(q.graph_name, ox.NamedNode):
                raise ExportError("only named graphs can be pushed; found a default-graph quad")
            by_graph[q.graph_name.value].append(str(q.triple) + " .")
    except SyntaxError as exc:
        detail = " ".join(str(exc).split())[:200]
        raise ExportError(f"graph.nq is not valid N-Quads ({detail}); build again") from exc
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
    """PUT every named graph of ``nquads`` to a Graph Store ``endpoint``; graph → triples.

    Graphs go in sorted order, one request each. On the first failure the push stops with an
    :class:`ExportError` that names the graph and how many graphs had landed before it (each
    of those is complete; pushing again replaces them).
    """
    sent: dict[str, int] = {}
    graphs = graphs_of(nquads)
    for n, (graph, lines) in enumerate(graphs.items(), 1):
        body = ("\n".join(lines) + "\n").encode("utf-8")
        try:
            _request(
                "PUT",
                _graph_url(endpoint, graph),
                data=body,
                headers={"Content-Type": "text/turtle; charset=utf-8"},
                auth=auth,
                timeout=timeout,
            )
        except ExportError as exc:
            raise ExportError(
                f"{exc}; push stopped at graph {n} of {len(graphs)} <{graph}> after "
                f"{len(sent)} graphs ({sum(sent.values())} triples) had landed; pushing again "
                "replaces them"
            ) from exc
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

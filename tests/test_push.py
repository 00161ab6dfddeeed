"""Graph Store push against a small local HTTP server: requests, auth and one-line errors."""

from __future__ import annotations

import base64
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.errors import ExportError
from claimgraph.exports.push import Auth, push_nquads

from .rdf_fixture import small_graph
from .rdf_servers import free_port

SEEN: list[tuple[str, str, str, bytes]] = []


class Handler(BaseHTTPRequestHandler):
    mode = "ok"

    def log_message(self, *args):  # quiet
        pass

    def do_PUT(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        SEEN.append((self.command, self.path, self.headers.get("Authorization", ""), body))
        if self.mode == "slow":
            time.sleep(2)
        if self.mode == "400":
            self._answer(
                400, "Bad Request", "<html><h1>Error 400</h1>\nbad turtle at line 3</html>"
            )
        elif self.mode == "500":
            self._answer(500, "Internal Server Error", "disk full")
        elif self.mode == "401":
            self._answer(401, "Unauthorized", "")
        else:
            self._answer(204, "No Content", "")

    def _answer(self, code, reason, text):
        data = text.encode()
        self.send_response(code, reason)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture()
def http():
    SEEN.clear()
    port = free_port()
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}/store", server
    server.shutdown()
    server.server_close()
    Handler.mode = "ok"


NQ = "".join(line + "\n" for line in small_graph().nquads())


def graphs_of_path(path: str) -> str:
    return urllib.parse.parse_qs(urllib.parse.urlsplit(path).query)["graph"][0]


def test_one_put_per_named_graph_with_basic_auth(http):
    url, _srv = http
    sent = push_nquads(NQ, url, auth=Auth("alice", "s3cret", "basic"))
    assert len(sent) == 8 and len(SEEN) == 8
    graphs = set()
    for method, path, authz, body in SEEN:
        assert method == "PUT"
        graphs.add(graphs_of_path(path))
        assert base64.b64decode(authz.split()[1]) == b"alice:s3cret"
        assert body.decode().count("\n") == sent[graphs_of_path(path)]
    assert graphs == set(sent)
    assert sum(sent.values()) == len(NQ.splitlines())


@pytest.mark.parametrize(
    "mode,message",
    [
        ("400", "HTTP 400 Bad Request: bad turtle at line 3"),
        ("500", "HTTP 500 Internal Server Error: disk full"),
        ("401", "HTTP 401 Unauthorized (check --user/--password and --auth basic|digest)"),
    ],
)
def test_http_errors_are_one_line(http, mode, message):
    url, _srv = http
    Handler.mode = mode
    with pytest.raises(ExportError) as err:
        push_nquads(NQ, url)
    assert str(err.value).startswith(f"{url}: {message}; push stopped at graph 1 of 8 <")
    tail = "> after 0 graphs (0 triples) had landed; pushing again replaces them"
    assert str(err.value).endswith(tail)


def test_timeout_is_one_line(http):
    url, _srv = http
    Handler.mode = "slow"
    with pytest.raises(ExportError, match=r"no answer within 0.5s \(timeout\)"):
        push_nquads(NQ, url, timeout=0.5)


def test_refused_connection_is_one_line():
    url = f"http://127.0.0.1:{free_port()}/store"
    with pytest.raises(ExportError, match="connection refused; is the server running"):
        push_nquads(NQ, url)


def test_cli_push_reports_errors_and_success(http, seed_build):
    url, _srv = http
    _kg, _r, out = seed_build
    result = CliRunner().invoke(
        app,
        ["push", str(out), "--endpoint", url, "--user", "u", "--password", "p", "--auth", "digest"],
    )
    assert result.exit_code == 0, result.output
    assert "pushed 8 graphs" in result.output
    Handler.mode = "500"
    result = CliRunner().invoke(app, ["push", str(out), "--endpoint", url])
    assert result.exit_code == 1
    (line,) = result.output.strip().splitlines()
    assert line.startswith(f"error: {url}: HTTP 500 Internal Server Error: disk full; push stopped")
    result = CliRunner().invoke(app, ["push", str(out), "--endpoint", url, "--auth", "ntlm"])
    assert result.exit_code == 2

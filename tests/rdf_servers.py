"""Start and stop real triple stores on loopback for the server tests.

Each server runs in its own process group on a free port under a temporary directory and is
killed with its group on teardown. Startup waits for the HTTP endpoint, with a timeout.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def oxigraph_binary() -> str | None:
    here = Path(sys.executable).parent / "oxigraph"
    return str(here) if here.exists() else shutil.which("oxigraph")


def _wait(url: str, proc: subprocess.Popen, timeout: float, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}: {_tail(log)}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answers
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    raise RuntimeError(f"server not ready after {timeout:g}s: {_tail(log)}")


def _tail(log: Path) -> str:
    with contextlib.suppress(OSError):
        return " | ".join(log.read_text(errors="replace").splitlines()[-5:])
    return ""


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)


@dataclass
class Server:
    name: str
    query: str  # SPARQL query endpoint
    store: str  # Graph Store endpoint
    user: str | None = None
    password: str | None = None
    auth: str = "basic"
    home: Path | None = None
    isql_port: int | None = None


@contextlib.contextmanager
def oxigraph_server(tmp: Path) -> Iterator[Server]:
    binary = oxigraph_binary()
    port = free_port()
    log = tmp / "oxigraph.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [binary, "serve", "--location", str(tmp / "data"), "--bind", f"127.0.0.1:{port}"],
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait(base + "/query?query=ASK%7B%7D", proc, 30, log)
        yield Server("oxigraph", base + "/query", base + "/store", home=tmp)
    finally:
        _stop(proc)


VIRTUOSO_INI = """[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{isql}
DirsAllowed = ., {db}, {load}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
CheckpointInterval = 0
ThreadsPerQuery = 2
MaxClientConnections = 5

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerThreads = 5
MaxClientConnections = 5

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


def virtuoso_binaries() -> tuple[str, str] | None:
    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt") or shutil.which("isql")
    return (server, isql) if server and isql else None


@contextlib.contextmanager
def virtuoso_server(tmp: Path) -> Iterator[Server]:
    server, _isql = virtuoso_binaries()
    db, load = tmp / "db", tmp / "load"
    db.mkdir()
    load.mkdir()
    isql_port, http_port = free_port(), free_port()
    ini = db / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(db=db, load=load, isql=isql_port, http=http_port))
    log = tmp / "virtuoso.out"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [server, "+foreground", "+configfile", str(ini)],
            cwd=db,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        base = f"http://127.0.0.1:{http_port}"
        _wait(base + "/sparql?query=ASK%7B%7D", proc, 90, log)
        yield Server(
            "virtuoso",
            base + "/sparql",
            base + "/sparql-graph-crud-auth",
            user="dba",
            password="dba",
            auth="digest",
            home=load,
            isql_port=isql_port,
        )
    finally:
        _stop(proc)


def virtuoso_bulk_load(server: Server, nq_file: Path) -> str:
    """Load an N-Quads file with isql ``ld_dir`` + ``rdf_loader_run``; returns isql's output."""
    _server, isql = virtuoso_binaries()
    assert server.home is not None
    shutil.copy(nq_file, server.home / nq_file.name)
    sql = (
        f"ld_dir('{server.home}', '{nq_file.name}', 'urn:claimgraph:unused'); "
        "rdf_loader_run(); checkpoint; "
        "SELECT ll_state, ll_error FROM DB.DBA.load_list;"
    )
    done = subprocess.run(
        [isql, f"127.0.0.1:{server.isql_port}", "dba", "dba", f"exec={sql}"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    return done.stdout + done.stderr

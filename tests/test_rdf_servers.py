"""The export in real triple stores: Oxigraph server and Virtuoso, started on loopback.

Both are loaded (Graph Store PUT; Virtuoso also by isql bulk load) and must answer the five
named queries like the embedded store. Skipped when the server binary is absent.
"""

from __future__ import annotations

import pytest

from claimgraph.exports.push import Auth, push, push_nquads, run_named_remote, select
from claimgraph.exports.store import run_named

from .rdf_fixture import small_graph
from .rdf_servers import (
    oxigraph_binary,
    oxigraph_server,
    virtuoso_binaries,
    virtuoso_bulk_load,
    virtuoso_server,
)
from .test_rdf_queries import HOSTILE

pytestmark = pytest.mark.server

SEED_QUERIES = [
    ("claims-by-speaker", {"speaker": "Antony Blinken"}),
    ("sources-of-claim", {"claim": "open door policy"}),
    ("claims-by-independent-outlets", {"min_outlets": 1}),
    ("contradicting-pairs", {}),
    ("speaker-timeline", {"speaker": "Sergey Lavrov"}),
]


@pytest.fixture(scope="module", params=["oxigraph", "virtuoso"])
def server(request, tmp_path_factory):
    tmp = tmp_path_factory.mktemp(request.param)
    if request.param == "oxigraph":
        if oxigraph_binary() is None:
            pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
        with oxigraph_server(tmp) as srv:
            yield srv
    else:
        if virtuoso_binaries() is None:
            pytest.skip("Virtuoso is not installed (apt-get install virtuoso-opensource-7-bin)")
        with virtuoso_server(tmp) as srv:
            yield srv


def _auth(server):
    return Auth(server.user, server.password, server.auth) if server.user else None


def _count(server, graph_prefix="urn:claimgraph:") -> int:
    rows = select(
        server.query,
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
        f'FILTER (STRSTARTS(STR(?g), "{graph_prefix}")) }}',
    )
    return rows[0]["n"]


def _cell(key, value):
    if key.endswith("Speakers"):  # GROUP_CONCAT: order and the empty value vary by store
        return " | ".join(sorted(value.split(" | "))) if value else None
    return value if isinstance(value, (int, float)) or value is None else str(value)


def _normal(rows):
    """Rows compared across stores, in a canonical order."""
    return sorted(tuple(sorted((k, _cell(k, v)) for k, v in r.items())) for r in rows)


def test_seed_push_answers_like_the_embedded_store(server, seed_build):
    kg, _r, out = seed_build
    sent = push(out, server.store, auth=_auth(server))
    total = sum(sent.values())
    assert len(sent) == 8 and total == len((out / "graph.nq").read_text().splitlines())
    assert _count(server) == total
    push(out, server.store, auth=_auth(server))  # a re-push replaces, never duplicates
    assert _count(server) == total
    for name, params in SEED_QUERIES:
        remote = run_named_remote(server.query, name, params)
        local = run_named(kg.store(), name, params)
        assert _normal(remote) == _normal(local), name


def test_seed_goals(server, seed_build):
    _kg, _r, out = seed_build
    push(out, server.store, auth=_auth(server))
    q = server.query
    assert len(run_named_remote(q, "claims-by-speaker", {"speaker": "Antony Blinken"})) >= 4
    sources = run_named_remote(q, "sources-of-claim", {"claim": "open door policy"})
    assert len({r["article"] for r in sources}) >= 2
    assert len(run_named_remote(q, "contradicting-pairs")) >= 1
    assert len(run_named_remote(q, "speaker-timeline", {"speaker": "Sergey Lavrov"})) >= 3


def test_seed_two_independent_outlets(server, seed_build):
    _kg, _r, out = seed_build
    push(out, server.store, auth=_auth(server))
    assert len(run_named_remote(server.query, "claims-by-independent-outlets")) >= 3


def test_hand_built_graph_answers_exactly(server, tmp_path):
    kg = small_graph()
    nq = "".join(line + "\n" for line in kg.nquads())
    push_nquads(nq, server.store, auth=_auth(server))
    for name, params in [
        ("claims-by-speaker", {"speaker": "blinken"}),
        ("sources-of-claim", {"claim": "talks"}),
        ("claims-by-independent-outlets", {}),
        ("contradicting-pairs", {}),
        ("speaker-timeline", {"speaker": "SERGEI LAVROV"}),
    ]:
        remote = run_named_remote(server.query, name, params)
        assert _normal(remote) == _normal(run_named(kg.store(), name, params)), name
        assert remote, name


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_parameters_on_the_server(server, hostile):
    kg = small_graph()
    push_nquads("".join(line + "\n" for line in kg.nquads()), server.store, auth=_auth(server))
    before = _count(server)
    for name, param in [("claims-by-speaker", "speaker"), ("sources-of-claim", "claim")]:
        assert run_named_remote(server.query, name, {param: hostile}) == []
    assert _count(server) == before


def test_virtuoso_bulk_load(server, seed_build, tmp_path):
    if server.name != "virtuoso":
        pytest.skip("isql bulk load is Virtuoso's")
    _kg, _r, out = seed_build
    total = len((out / "graph.nq").read_text().splitlines())
    select(server.query, "ASK {}")
    for graph in push(out, server.store, auth=_auth(server)):
        # empty every graph first, so the count below is the bulk load's own
        push_nquads(
            f"<urn:x:s> <urn:x:p> <urn:x:o> <{graph}> .\n", server.store, auth=_auth(server)
        )
    log = virtuoso_bulk_load(server, out / "graph.nq")
    assert "NULL" in log, log
    assert (
        len(run_named_remote(server.query, "claims-by-speaker", {"speaker": "Antony Blinken"})) >= 4
    )
    assert _count(server) >= total

"""The build's Oxigraph store, and the query / validate / export commands over it."""

from __future__ import annotations

import json
import shutil

import networkx as nx
import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

import claimgraph
from claimgraph.cli import app
from claimgraph.exports import formats
from claimgraph.exports.store import STORE_DIR, open_store, write_store

from .rdf_fixture import small_graph

runner = CliRunner()


def test_build_writes_a_store_with_every_quad(seed_build):
    _kg, _r, out = seed_build
    store = open_store(out / STORE_DIR)
    assert len(store) == len((out / "graph.nq").read_text().splitlines())
    assert not list(out.glob(".store-*"))


ARTICLES = (
    "PREFIX schema: <http://schema.org/> SELECT (COUNT(DISTINCT ?a) AS ?n) "
    "WHERE { GRAPH ?g { ?a a schema:NewsArticle } }"
)


def test_load_queries_the_store_on_disk(seed_build):
    _kg, _r, out = seed_build
    kg = claimgraph.load(out)
    assert kg.query(ARTICLES) == [{"n": 5}]
    assert kg._store is not None and kg.store_path == out / STORE_DIR


def test_without_a_store_on_disk_an_in_memory_one_is_used(seed_build, tmp_path):
    _kg, _r, out = seed_build
    for name in ("graph.json", "records.jsonl"):
        shutil.copy(out / name, tmp_path / name)
    kg = claimgraph.load(tmp_path)
    assert not (tmp_path / STORE_DIR).exists()
    assert len(kg.named_query("speaker-timeline", speaker="Sergey Lavrov")) >= 3


def test_a_store_older_than_its_graph_is_not_queried(seed_build, tmp_path, caplog):
    _kg, _r, out = seed_build
    # an interrupted build: the new graph.json, the store (and digest) of an older graph
    write_store(next(iter(small_graph().nquads())) + "\n", tmp_path)
    for name in ("graph.json", "records.jsonl"):
        shutil.copy(out / name, tmp_path / name)
    assert claimgraph.load(out).query(ARTICLES) == [{"n": 5}]  # the build's own store
    kg = claimgraph.load(tmp_path)
    assert kg.query(ARTICLES) == [{"n": 5}]  # answered from the graph, not the stale store
    assert "older than graph.json" in caplog.text


def test_store_is_replaced_whole(tmp_path):
    kg = small_graph()
    nq = "".join(line + "\n" for line in kg.nquads())
    write_store(nq, tmp_path)
    first = len(open_store(tmp_path / STORE_DIR))
    stale = tmp_path / ".store-killed.tmp"
    stale.mkdir()  # what a killed build leaves behind
    write_store(nq.splitlines(keepends=True)[0], tmp_path)
    assert len(open_store(tmp_path / STORE_DIR)) == 1 < first
    assert not stale.exists()


def test_cli_named_query_with_parameter(seed_build):
    _kg, _r, out = seed_build
    result = runner.invoke(
        app,
        [
            "query",
            str(out),
            "--named",
            "claims-by-speaker",
            "--param",
            "speaker=Antony Blinken",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) >= 4 and {r["name"] for r in rows} == {"Antony Blinken"}


def test_cli_lists_named_queries_with_their_parameters():
    for args in (["query", "--list"], ["query", "--named", "list", "-f", "csv"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        assert "claims-by-speaker" in result.stdout and "min_outlets=2" in result.stdout


def test_cli_sparql_as_csv(seed_build):
    _kg, _r, out = seed_build
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    result = runner.invoke(app, ["query", str(out), query, "--format", "csv"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "g,n" and len(lines) == 1 + 8


def test_cli_query_errors_are_one_line(seed_build):
    _kg, _r, out = seed_build
    result = runner.invoke(app, ["query", str(out), "--named", "claims-by-speaker"])
    assert result.exit_code == 1
    assert "parameter 'speaker' is required" in result.output
    result = runner.invoke(app, ["query", str(out), "--named", "speaker-timeline", "-p", "oops"])
    assert result.exit_code == 2
    result = runner.invoke(app, ["query", str(out), "SELECT nonsense"])
    assert result.exit_code == 1 and "invalid SPARQL" in result.output


def test_cli_validate_the_seed_build(seed_build):
    _kg, _r, out = seed_build
    result = runner.invoke(app, ["validate", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("valid: ")


@pytest.mark.parametrize("fmt,read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graph_formats_parse_back_with_every_node(seed_build, tmp_path, fmt, read):
    kg, _r, out = seed_build
    target = tmp_path / f"g.{fmt}"
    result = runner.invoke(app, ["export", str(out), "--format", fmt, "--output", str(target)])
    assert result.exit_code == 0, result.output
    G = read(target)
    assert G.number_of_nodes() == kg.G.number_of_nodes()
    kinds = {d.get("kind") for _n, d in G.nodes(data=True)}
    assert {"claim", "speaker", "source", "mention"} <= kinds


def test_flat_graph_has_only_scalar_attributes():
    H = formats.flat_graph(small_graph())
    for _n, d in H.nodes(data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in d.values())
    for *_e, d in H.edges(keys=True, data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in d.values())


def test_store_opened_read_only_refuses_writes(seed_build):
    _kg, _r, out = seed_build
    store = open_store(out / STORE_DIR)
    with pytest.raises((OSError, RuntimeError)):
        store.add(ox.Quad(ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p"), ox.Literal("o")))

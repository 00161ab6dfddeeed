"""The seed articles through the whole pipeline: every output exists, parses and agrees."""

from __future__ import annotations

import json
import re

import networkx as nx
import pyoxigraph as ox
import rdflib

import claimgraph
from claimgraph.graph import schema as S

OUTPUTS = [
    "records.jsonl",
    "graph.json",
    "graph.trig",
    "graph.nq",
    "graph.ttl",
    "graph.jsonld",
    "graph.html",
    "report.json",
]


def test_every_output_is_written(seed_build):
    _kg, _report, out = seed_build
    for name in OUTPUTS:
        assert (out / name).stat().st_size > 0, name


def test_records_are_one_per_article_with_offsets_into_the_text(seed_build, seed_texts):
    _kg, _report, out = seed_build
    records = [json.loads(line) for line in (out / "records.jsonl").read_text().splitlines()]
    assert sorted(r["id"] for r in records) == sorted(seed_texts)
    for r in records:
        assert r["text"] == seed_texts[r["id"]]
        assert r["claims"], f"no claims in {r['id']}"
        for c in r["claims"]:
            for s, e in c["content"] + c["cue"] + c["speaker"]:
                assert 0 <= s < e <= len(r["text"])


def test_seed_graph_has_sources_speakers_claims(seed_build):
    kg, _report, _out = seed_build
    stats = kg.stats()
    assert stats["sources"] == 5
    assert stats["speakers"] >= 8
    assert stats["claims"] >= 20
    names = {s["name"] for s in kg.speakers()}
    assert {"Antony Blinken", "Sergey Lavrov"} <= names


def test_every_node_and_edge_carries_its_kind(seed_build):
    _kg, _report, out = seed_build
    G = nx.node_link_graph(
        json.loads((out / "graph.json").read_text()), directed=True, multigraph=True, edges="edges"
    )
    assert {d["kind"] for _, d in G.nodes(data=True)} <= set(S.NODE_KINDS)
    for _u, _v, key, data in G.edges(keys=True, data=True):
        assert data["kind"] == key and key in S.EDGE_KINDS


def test_rdf_outputs_parse_and_agree(seed_build):
    _kg, _report, out = seed_build
    ds = rdflib.Dataset()
    ds.parse(out / "graph.trig", format="trig")
    nq = rdflib.Dataset()
    nq.parse(out / "graph.nq", format="nquads")
    assert len(ds) == len(nq) > 0
    ttl = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    jsonld = rdflib.Graph().parse(out / "graph.jsonld", format="json-ld")
    assert len(ttl) == len(jsonld) > 0
    store = ox.Store()
    store.load(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG)
    assert len(store) == len(nq)


def test_load_gives_back_the_same_graph(seed_build):
    kg, _report, out = seed_build
    again = claimgraph.load(out)
    assert again.stats() == kg.stats()
    assert len(again.records) == 5


def test_report_lists_counts_and_no_errors(seed_build):
    _kg, _report, out = seed_build
    report = json.loads((out / "report.json").read_text())
    assert report["articles"] == 5 and report["skipped"] == 0 and report["errors"] == []
    assert report["counts"]["claims"] >= 20


def test_html_is_offline(seed_build):
    _kg, _report, out = seed_build
    page = (out / "graph.html").read_text()
    assert "cdn.jsdelivr" not in page and "cdnjs.cloudflare" not in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)


def test_the_seed_articles_are_one_story_in_the_rdf(seed_build):
    kg, _report, _out = seed_build
    rows = kg.query(
        "PREFIX schema: <http://schema.org/> "
        "PREFIX ckg: <https://w3id.org/claimgraph/ns#> "
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT ?story ?label (COUNT(DISTINCT ?article) AS ?n) WHERE { "
        "  GRAPH ?g { ?article schema:isPartOf ?story } "
        "  GRAPH ?e { ?story a ckg:Story ; rdfs:label ?label } "
        "} GROUP BY ?story ?label"
    )
    assert len(rows) == 1 and rows[0]["n"] == 5
    assert "Blinken" in rows[0]["label"]

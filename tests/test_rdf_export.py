"""The RDF export: the design's model, deterministic, no blank nodes, same quads in every tool."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

import claimgraph
from claimgraph.exports import rdf
from claimgraph.exports.rdf import selector_pieces
from claimgraph.exports.vocab import CKG, OA, PROV, SCHEMA

from .conftest import EXAMPLES
from .rdf_fixture import IDS, small_graph

BASE = "urn:claimgraph:"


def _nq_set(lines) -> set[str]:
    return {line for line in lines if line.strip()}


def test_same_input_built_twice_gives_identical_sorted_nquads(seed_build):
    _kg, _report, out = seed_build
    kg2 = claimgraph.build([str(EXAMPLES)])
    assert (out / "graph.nq").read_text(encoding="utf-8") == rdf.nquads_text(
        kg2, base=BASE, version=claimgraph.__version__
    )


def test_a_reloaded_build_mints_the_iris_it_was_built_with(tmp_path):
    base = "https://news.example/kg/"
    kg, _report = claimgraph.build_to_dir(
        [str(EXAMPLES / "004_d7777ded38891c13.txt")], tmp_path, base=base, cache=False
    )
    again = claimgraph.load(tmp_path)
    assert again.base == base
    assert again.nquads() == kg.nquads()
    assert (tmp_path / "graph.nq").read_text(encoding="utf-8").count(base) > 100
    assert claimgraph.load(tmp_path, base=BASE).base == BASE  # unless told otherwise


def test_nquads_are_sorted_and_unique(seed_build):
    _kg, _report, out = seed_build
    lines = (out / "graph.nq").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(set(lines))


def test_no_blank_nodes_in_any_serialisation(seed_build):
    _kg, _report, out = seed_build
    ds = rdflib.Dataset()
    ds.parse(out / "graph.trig", format="trig")
    for quad in ds.quads((None, None, None, None)):
        assert not any(isinstance(t, rdflib.BNode) for t in quad), quad
    for q in ox.parse(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS):
        assert not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode)
    jsonld = rdflib.Graph().parse(out / "graph.jsonld", format="json-ld")
    assert not any(isinstance(t, rdflib.BNode) for triple in jsonld for t in triple)


def test_trig_parses_to_the_same_quads_in_rdflib_and_oxigraph(seed_build):
    _kg, _report, out = seed_build
    # ox.parse, not a Store: a Store keeps numbers in binary form and prints them canonically.
    ox_lines = {str(q) + " ." for q in ox.parse(path=str(out / "graph.trig"))}
    ds = rdflib.Dataset()
    ds.parse(out / "graph.trig", format="trig")
    rdflib_lines = set()
    for s, p, o, g in ds.quads((None, None, None, None)):
        quad = ox.Quad(_ox(s), _ox(p), _ox(o), _ox(g))
        rdflib_lines.add(str(quad) + " .")
    nq = _nq_set((out / "graph.nq").read_text(encoding="utf-8").splitlines())
    assert ox_lines == rdflib_lines == nq


def _ox(term):
    if isinstance(term, rdflib.URIRef):
        return ox.NamedNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def test_every_named_graph_is_isomorphic_across_engines(seed_build):
    kg, _report, _out = seed_build
    slow = rdflib.Dataset().parse(data=rdf.serialise(kg, "trig", engine="rdflib"), format="trig")
    fast = rdflib.Dataset().parse(data=rdf.serialise(kg, "trig", engine="oxigraph"), format="trig")
    names = {g.identifier for g in slow.graphs()} - {rdflib.URIRef("urn:x-rdflib:default")}
    assert names == {g.identifier for g in fast.graphs()} - {rdflib.URIRef("urn:x-rdflib:default")}
    for name in names:
        assert isomorphic(slow.graph(name), fast.graph(name)), name
    ttl_slow = rdflib.Graph().parse(data=rdf.serialise(kg, "ttl", engine="rdflib"), format="ttl")
    ttl_fast = rdflib.Graph().parse(data=rdf.serialise(kg, "ttl", engine="oxigraph"), format="ttl")
    assert isomorphic(ttl_slow, ttl_fast)


def test_turtle_and_jsonld_hold_the_union_of_the_graphs(seed_build):
    _kg, _report, out = seed_build
    ds = rdflib.Dataset()
    ds.parse(out / "graph.trig", format="trig")
    union = rdflib.Graph()
    for s, p, o, _g in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    assert isomorphic(union, rdflib.Graph().parse(out / "graph.ttl", format="turtle"))
    assert isomorphic(union, rdflib.Graph().parse(out / "graph.jsonld", format="json-ld"))


def test_jsonld_has_a_context_for_the_vocabularies(seed_build):
    _kg, _report, out = seed_build
    doc = json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))
    ctx = doc["@context"]
    assert ctx["schema"] == "http://schema.org/"
    assert ctx["prov"] == "http://www.w3.org/ns/prov#"
    assert ctx["oa"] == "http://www.w3.org/ns/oa#"
    assert ctx["ckg"] == "https://w3id.org/claimgraph/ns#"


def test_named_graphs_follow_the_design():
    kg = small_graph()
    ds = rdf.to_dataset(kg)
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    docs = {n for n in names if n.startswith(BASE + "graph/doc/")}
    assert len(docs) == 5
    assert names - docs == {BASE + "graph/entities", BASE + "graph/relations", BASE + "graph/meta"}
    wire = rdflib.URIRef(BASE + IDS["source"]["wire"])
    doc_graph = ds.graph(rdflib.URIRef(BASE + "graph/doc/" + IDS["source"]["wire"].split("/")[1]))
    assert (wire, rdflib.RDF.type, SCHEMA.NewsArticle) in doc_graph
    mentions = set(doc_graph.subjects(OA.hasSource, wire))
    assert len(mentions) == 2
    for m in mentions:
        assert (m, rdflib.RDF.type, CKG.ClaimMention) in doc_graph
        assert (rdflib.URIRef(f"{m}#quote"), OA.exact, None) in doc_graph


def test_copies_parents_and_contradictions_in_rdf():
    kg = small_graph()
    ds = rdf.to_dataset(kg)
    reprint = rdflib.URIRef(BASE + IDS["source"]["reprint"])
    wire = rdflib.URIRef(BASE + IDS["source"]["wire"])
    assert (reprint, PROV.wasDerivedFrom, wire, None) in _quads(ds)
    daily_a = rdflib.URIRef(BASE + IDS["outlet"]["Daily A"])
    daily_b = rdflib.URIRef(BASE + IDS["outlet"]["Daily B"])
    parents = {o for _s, _p, o, _g in ds.quads((daily_a, SCHEMA.parentOrganization, None, None))}
    assert len(parents) == 1
    assert parents == {
        o for _s, _p, o, _g in ds.quads((daily_b, SCHEMA.parentOrganization, None, None))
    }
    assert isinstance(next(iter(parents)), rdflib.URIRef)
    relations = ds.graph(rdflib.URIRef(BASE + "graph/relations"))
    a = rdflib.URIRef(BASE + IDS["claim"]["troops"])
    b = rdflib.URIRef(BASE + IDS["claim"]["pullback"])
    assert (a, CKG.contradicts, b) in relations and (b, CKG.contradicts, a) in relations


def _quads(ds):
    return {(s, p, o, None) for s, p, o, _g in ds.quads((None, None, None, None))}


def test_one_direction_of_contradicts_in_the_graph_is_exported_both_ways():
    kg = small_graph()
    a, b = IDS["claim"]["troops"], IDS["claim"]["pullback"]
    kg.G.remove_edge(b, a, key="contradicts")
    lines = rdf.nquads_text(kg)
    assert f"<{BASE}{a}> <{CKG.contradicts}> <{BASE}{b}>" in lines
    assert f"<{BASE}{b}> <{CKG.contradicts}> <{BASE}{a}>" in lines


def test_discontinuous_mention_has_a_selector_pair_per_span():
    kg = small_graph()
    ds = rdf.to_dataset(kg)
    blog_text = kg.texts["blog"]
    quotes = {}
    for sel, _p, exact, _g in ds.quads((None, OA.exact, None, None)):
        if str(sel).rsplit("#", 1)[1].startswith("quote"):
            quotes[sel] = str(exact)
    for sel, exact in quotes.items():
        pos = rdflib.URIRef(str(sel).replace("#quote", "#pos"))
        start = int(next(o for _s, _p, o, _g in ds.quads((pos, OA.start, None, None))))
        end = int(next(o for _s, _p, o, _g in ds.quads((pos, OA.end, None, None))))
        assert end - start == len(exact)
    split = {s: e for s, e in quotes.items() if "#quote-2" in str(s)}
    assert list(split.values()) == ["will continue next week"]
    assert "Talks" in quotes.values()
    assert blog_text.count("Talks, he said, will continue next week") == 1


def test_selector_pieces_cut_the_joined_text_by_span_lengths():
    assert selector_pieces("ab … cde", [[0, 2], [5, 8]]) == [(0, 2, "ab"), (5, 8, "cde")]
    assert selector_pieces("ab … cd", [[0, 2], [5, 8]]) is None
    assert selector_pieces("x", [[1, 2]], text="yx") == [(1, 2, "x")]


def test_seed_selectors_point_at_the_exact_text(seed_build):
    kg, _report, _out = seed_build
    texts = {r.id: r.text for r in kg.records}
    ds = rdflib.Graph()
    for s, p, o, _g in kg.to_rdf().quads((None, None, None, None)):
        ds.add((s, p, o))
    docs = {s: str(o) for s, o in ds.subject_objects(CKG.docId)}
    for m, src in ds.subject_objects(OA.hasSource):
        text = texts[docs[src]]
        for sel in ds.objects(m, OA.hasSelector):
            if "#pos" in str(sel):
                start = int(next(ds.objects(sel, OA.start)))
                end = int(next(ds.objects(sel, OA.end)))
                quote = rdflib.URIRef(str(sel).replace("#pos", "#quote"))
                assert text[start:end] == str(next(ds.objects(quote, OA.exact)))


def test_run_time_only_with_source_date_epoch(monkeypatch):
    kg = small_graph()
    assert "endedAtTime" not in rdf.nquads_text(kg)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    ended = [line for line in rdf.nquads_text(kg).splitlines() if "endedAtTime" in line]
    assert len(ended) == 1 and '"2023-11-14T22:13:20' in ended[0]


@pytest.mark.parametrize("fmt", ["trig", "ttl"])
def test_every_export_writes_the_bytes_of_the_build_and_the_rdflib_path_agrees(fmt):
    from rdflib import Dataset

    kg = small_graph()
    auto = rdf.serialise(kg, fmt)
    assert auto == rdf.serialise_nquads(rdf.nquads_text(kg), fmt)
    slow = rdf.serialise(kg, fmt, engine="rdflib")
    a, b = Dataset(), Dataset()
    a.parse(data=auto.decode("utf-8"), format="trig")
    b.parse(data=slow.decode("utf-8"), format="trig")
    quads_a = {(s, p, o, str(g)) for s, p, o, g in a.quads((None, None, None, None))}
    quads_b = {(s, p, o, str(g)) for s, p, o, g in b.quads((None, None, None, None))}
    assert quads_a and quads_a == quads_b


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="format must be one of"):
        rdf.serialise(small_graph(), "rdfxml")

"""The Python API on the seed build: names resolve through aliases, queries answer."""

from __future__ import annotations


def test_claims_by_surname_find_the_full_name(seed_build):
    kg, _r, _o = seed_build
    assert kg.claims(speaker="Lavrov") == kg.claims(speaker="Sergey Lavrov")
    assert len(kg.claims(speaker="Blinken")) >= 4


def test_unknown_speaker_has_no_claims(seed_build):
    kg, _r, _o = seed_build
    assert kg.claims(speaker="Nobody McNoname") == []


def test_sources_of_a_claim_give_article_outlet_and_exact_text(seed_build):
    kg, _r, _o = seed_build
    rows = kg.sources("Russia has denied it is preparing to invade")
    assert rows, "the denial is a claim"
    texts = {r["doc_id"]: r for r in rows}
    for row in rows:
        rec = next(r for r in kg.records if r.id == row["doc_id"])
        assert rec.text[row["start"] : row["end"]].startswith(row["exact"][:20])
    assert texts


def test_sparql_over_the_graph(seed_build):
    kg, _r, _o = seed_build
    rows = kg.query(
        "PREFIX schema: <http://schema.org/> SELECT (COUNT(DISTINCT ?a) AS ?n) "
        "WHERE { GRAPH ?g { ?a a schema:NewsArticle } }"
    )
    assert rows == [{"n": 5}]


def test_sparql_binding_is_not_spliced(seed_build):
    kg, _r, _o = seed_build
    hostile = 'x" } } DROP ALL ; SELECT * { { "'
    rows = kg.query(
        "PREFIX schema: <http://schema.org/> "
        "SELECT ?s ?name WHERE { GRAPH ?g { ?s schema:name ?name } }",
        bindings={"name": hostile},
    )
    assert rows == []
    assert kg.query("ASK { GRAPH ?g { ?s ?p ?o } }") == [{"result": True}]


def test_timeline_is_in_date_order(seed_build):
    kg, _r, _o = seed_build
    rows = kg.timeline("Sergey Lavrov")
    dates = [r["date"] for r in rows if r["date"]]
    assert dates == sorted(dates)
    assert len(rows) >= 3


def test_to_networkx_is_a_copy(seed_build):
    kg, _r, _o = seed_build
    G = kg.to_networkx()
    G.clear()
    assert kg.G.number_of_nodes() > 0

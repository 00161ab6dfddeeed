"""The five named questions: exact answers on a hand-built graph, goals on the seed build."""

from __future__ import annotations

import pytest

from claimgraph.errors import QueryError
from claimgraph.exports.queries import NAMED_QUERIES, bind_values, resolve_params
from claimgraph.exports.store import run_named

from .rdf_fixture import IDS, small_graph

BASE = "urn:claimgraph:"
MODES = ["substitute", "values"]
HOSTILE = [
    'x" } DROP ALL #',
    'x" } } DROP ALL ; SELECT * { { "',
    "line one\nline two\r\n",
    "back\\slash\\",
    "\\u0022} DROP ALL #",
    "Блинкен “quoted” 🙂",
    "'single' \"double\" \t tab",
]


def iri(kind: str, key: str) -> str:
    return BASE + IDS[kind][key]


@pytest.fixture(scope="module")
def kg():
    return small_graph()


@pytest.mark.parametrize("mode", MODES)
def test_claims_by_speaker_with_article_counts(kg, mode):
    rows = run_named(kg.store(), "claims-by-speaker", {"speaker": "Antony Blinken"}, mode=mode)
    got = {r["claim"]: r["articles"] for r in rows}
    assert got == {
        iri("claim", "talks"): 3,
        iri("claim", "troops"): 2,
        iri("claim", "open-door"): 2,
    }
    assert [r["articles"] for r in rows] == [3, 2, 2]
    assert {r["name"] for r in rows} == {"Antony Blinken"}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", ["blinken", "US SECRETARY OF STATE ANTONY BLINKEN"])
def test_speaker_matches_an_alias_case_insensitively(kg, mode, name):
    rows = run_named(kg.store(), "claims-by-speaker", {"speaker": name}, mode=mode)
    assert len(rows) == 3


@pytest.mark.parametrize("mode", MODES)
def test_sources_of_claim_give_article_outlet_date_speaker_text_offsets(kg, mode):
    rows = run_named(kg.store(), "sources-of-claim", {"claim": "OPEN DOOR"}, mode=mode)
    assert [(r["outlet"], r["date"], r["speakerName"]) for r in rows] == [
        ("Wire Service", "2022-01-10", "Antony Blinken"),
        ("Reprint Daily", "2022-01-11", "Antony Blinken"),
    ]
    for r in rows:
        doc = "wire" if r["outlet"] == "Wire Service" else "reprint"
        assert r["article"] == iri("source", doc)
        assert r["exact"] == "NATO's open door policy stays"
        assert kg.texts[doc][r["start"] : r["end"]] == r["exact"]


@pytest.mark.parametrize("mode", MODES)
def test_sources_of_claim_by_iri_and_one_row_per_span(kg, mode):
    rows = run_named(kg.store(), "sources-of-claim", {"claim": iri("claim", "talks")}, mode=mode)
    blog = [r for r in rows if r["article"] == iri("source", "blog")]
    assert [r["exact"] for r in blog] == ["Talks", "will continue next week"]
    assert blog[0]["outlet"] is None
    assert len({r["article"] for r in rows}) == 3


@pytest.mark.parametrize("mode", MODES)
def test_independent_outlets_count_copies_and_sister_outlets_once(kg, mode):
    rows = run_named(kg.store(), "claims-by-independent-outlets", {}, mode=mode)
    assert [(r["claim"], r["lineages"], r["articles"]) for r in rows] == [
        (iri("claim", "talks"), 3, 3),
        (iri("claim", "troops"), 2, 2),
    ]
    everything = run_named(
        kg.store(), "claims-by-independent-outlets", {"min_outlets": 1}, mode=mode
    )
    lineages = {r["claim"]: r["lineages"] for r in everything}
    assert lineages[iri("claim", "open-door")] == 1  # a copy counts with its original
    assert lineages[iri("claim", "no-invasion")] == 1  # two outlets of one parent


@pytest.mark.parametrize("mode", MODES)
def test_contradicting_pairs_once_with_speakers(kg, mode):
    rows = run_named(kg.store(), "contradicting-pairs", {}, mode=mode)
    assert len(rows) == 1
    pair = rows[0]
    by_claim = {
        pair["a"]: (pair["aText"], pair["aSpeakers"]),
        pair["b"]: (pair["bText"], pair["bSpeakers"]),
    }
    assert by_claim == {
        iri("claim", "troops"): ("Moscow amassed 100,000 troops near Ukraine", "Antony Blinken"),
        iri("claim", "pullback"): ("Some troops are pulling back", "Sergey Lavrov"),
    }


@pytest.mark.parametrize("mode", MODES)
def test_timeline_prefers_the_statement_date(kg, mode):
    rows = run_named(kg.store(), "speaker-timeline", {"speaker": "Sergei Lavrov"}, mode=mode)
    assert [(r["date"], r["claim"]) for r in rows] == [
        ("2022-01-05", iri("claim", "pullback")),
        ("2022-01-12", iri("claim", "no-invasion")),
        ("2022-01-13", iri("claim", "no-invasion")),
    ]
    assert rows[0]["outlet"] == "Daily B"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_parameters_stay_one_literal(kg, mode, hostile):
    for name in ("claims-by-speaker", "speaker-timeline", "sources-of-claim"):
        param = "claim" if name == "sources-of-claim" else "speaker"
        rows = run_named(kg.store(), name, {param: hostile}, mode=mode)
        assert rows == []
    assert kg.query("ASK { GRAPH ?g { ?s ?p ?o } }") == [{"result": True}]


def test_values_block_is_written_by_the_rdf_serialiser():
    text = bind_values("SELECT ?speaker WHERE { ?s ?p ?o }", {"speaker": 'x" } DROP ALL #'})
    assert 'VALUES (?speaker) { ("x\\" } DROP ALL #") }' in text
    assert bind_values("SELECT ?n WHERE { }", {"n": 2}).count(
        '"2"^^<http://www.w3.org/2001/XMLSchema#integer>'
    ) == 1


def test_parameters_are_checked():
    q = NAMED_QUERIES["claims-by-independent-outlets"]
    assert resolve_params(q, {"min_outlets": "3"}) == {"min_outlets": 3}
    with pytest.raises(QueryError, match="must be an integer"):
        resolve_params(q, {"min_outlets": "three"})
    with pytest.raises(QueryError, match="unknown parameter 'who'"):
        resolve_params(q, {"who": "x"})
    with pytest.raises(QueryError, match="'speaker' is required"):
        resolve_params(NAMED_QUERIES["claims-by-speaker"], {})
    with pytest.raises(QueryError, match="unknown"):
        small_graph().named_query("no-such-query")


def test_every_query_projects_its_parameters():
    for q in NAMED_QUERIES.values():
        head = q.body.split("WHERE", 1)[0]
        for p in q.params:
            assert f"?{p.name}" in head, (q.name, p.name)


# -- the goals on the seed build ------------------------------------------------------------


def test_seed_claims_by_blinken(seed_build):
    kg, _r, _o = seed_build
    assert len(kg.named_query("claims-by-speaker", speaker="Antony Blinken")) >= 4


def test_seed_sources_of_the_open_door_claim(seed_build):
    kg, _r, _o = seed_build
    rows = kg.named_query("sources-of-claim", claim="open door policy")
    assert len({r["article"] for r in rows}) >= 2


def test_seed_claims_reported_by_two_independent_outlets(seed_build):
    kg, _r, _o = seed_build
    assert len(kg.named_query("claims-by-independent-outlets")) >= 3


def test_seed_independent_outlet_counts_agree_with_the_graph(seed_build):
    kg, _r, _o = seed_build
    rows = kg.named_query("claims-by-independent-outlets", min_outlets=1)
    assert {r["claim"]: r["lineages"] for r in rows} == {
        kg.base + c["id"]: c["n_independent_sources"] for c in kg.claims()
    }


def test_seed_contradicting_pairs(seed_build):
    kg, _r, _o = seed_build
    rows = kg.named_query("contradicting-pairs")
    assert len(rows) >= 1
    assert len(rows) == len(kg.contradictions())


def test_seed_lavrov_timeline(seed_build):
    kg, _r, _o = seed_build
    rows = kg.named_query("speaker-timeline", speaker="Sergey Lavrov")
    assert len(rows) >= 3
    dated = [r["date"] for r in rows if r["date"]]
    assert dated == sorted(dated)

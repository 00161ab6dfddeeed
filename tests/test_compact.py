"""What the merge holds once per corpus instead of once per edge, span or mention.

A large merge is bounded by memory: edges of one kind without attributes of their own share
one read-only attribute dict, records read from JSON share their offsets, and a mention's
exact text is the record's own string when they are equal. None of it changes what a reader
of the graph or of the records sees.
"""

from __future__ import annotations

import copy
import pickle

import networkx as nx
import pytest

from claimgraph.graph import schema as S
from claimgraph.graph.assemble import SharedEdgeData, add_edge
from claimgraph.ingest.records import ClaimMention, DocumentRecord, Entity

_RECORD = (
    '{"id": "a", "sha256": "x", "text": "Police said 300 people were hurt. 300 is a lot.",'
    ' "body": [[0, 48]],'
    ' "entities": [{"start": 12, "end": 15, "text": "300", "label": "CARDINAL"},'
    ' {"start": 34, "end": 37, "text": "300", "label": "CARDINAL"}],'
    ' "claims": [{"content": [[12, 32]], "cue": [[7, 11]], "speaker": [[0, 6]],'
    ' "kind": "indirect", "text": "300 people were hurt",'
    ' "parts": [[[12, 32]]],'
    ' "quantities": [{"value": 300, "unit": "people", "bound": "exact", "text": "300 people",'
    ' "span": [12, 22]}]}]}'
)


def test_edges_without_attributes_share_their_kinds_dict() -> None:
    G = nx.MultiDiGraph()
    add_edge(G, "m1", "c", S.EXPRESSES)
    add_edge(G, "m2", "c", S.EXPRESSES)
    add_edge(G, "m1", "s", S.IN_SOURCE)
    first, second = G.edges["m1", "c", "expresses"], G.edges["m2", "c", "expresses"]
    assert first is second
    assert first == {"kind": S.EXPRESSES}
    assert G.edges["m1", "s", "in_source"] == {"kind": "in_source"}
    assert G.edges["m1", "s", "in_source"] is not first


def test_edges_with_attributes_keep_a_dict_of_their_own() -> None:
    G = nx.MultiDiGraph()
    add_edge(G, "c", "s", S.REPORTED_IN, via="m1")
    add_edge(G, "c", "t", S.REPORTED_IN, via="m2")
    assert G.edges["c", "s", "reported_in"] == {"kind": S.REPORTED_IN, "via": "m1"}
    assert G.edges["c", "t", "reported_in"] == {"kind": S.REPORTED_IN, "via": "m2"}
    assert not isinstance(G.edges["c", "s", "reported_in"], SharedEdgeData)


def test_adding_an_edge_again_changes_nothing() -> None:
    G = nx.MultiDiGraph()
    add_edge(G, "m1", "c", S.EXPRESSES)
    add_edge(G, "m1", "c", S.EXPRESSES)
    assert G.number_of_edges() == 1
    assert list(G.edges(keys=True, data=True)) == [("m1", "c", "expresses", {"kind": "expresses"})]


def test_a_shared_dict_refuses_writes_and_names_the_way_out() -> None:
    G = nx.MultiDiGraph()
    add_edge(G, "m1", "c", S.EXPRESSES)
    data = G.edges["m1", "c", "expresses"]
    with pytest.raises(TypeError, match=r"'expresses' edges are shared.*G\.copy\(\)"):
        data["weight"] = 2
    with pytest.raises(TypeError):
        data.update(weight=2)
    with pytest.raises(TypeError):
        del data["kind"]
    with pytest.raises(TypeError):
        G.add_edge("m1", "c", key="expresses", weight=2)  # networkx updates in place
    assert data == {"kind": "expresses"}


def test_a_copy_of_the_graph_can_be_annotated() -> None:
    G = nx.MultiDiGraph()
    add_edge(G, "m1", "c", S.EXPRESSES)
    add_edge(G, "m2", "c", S.EXPRESSES)
    H = G.copy()
    H.edges["m1", "c", "expresses"]["weight"] = 2
    assert H.edges["m2", "c", "expresses"] == {"kind": "expresses"}
    assert G.edges["m1", "c", "expresses"] == {"kind": "expresses"}


def test_a_graph_with_shared_dicts_pickles_and_deep_copies() -> None:
    G = nx.MultiDiGraph()
    add_edge(G, "m1", "c", S.EXPRESSES)
    add_edge(G, "m2", "c", S.EXPRESSES)
    for H in (pickle.loads(pickle.dumps(G)), copy.deepcopy(G)):
        assert nx.utils.edges_equal(H.edges(keys=True, data=True), G.edges(keys=True, data=True))
        assert H.edges["m1", "c", "expresses"] is H.edges["m2", "c", "expresses"]


def test_most_edges_of_a_built_graph_share(seed_build) -> None:
    kg, _report, _out = seed_build
    data = [d for _u, _v, d in kg.G.edges(data=True)]
    shared = [d for d in data if isinstance(d, SharedEdgeData)]
    assert len({id(d) for d in shared}) <= len(S.EdgeKind)
    assert len(shared) > len(data) / 2
    assert all(d["kind"] in S.EdgeKind for d in data)


def test_records_read_from_json_share_equal_offsets() -> None:
    r = DocumentRecord.loads(_RECORD)
    m = r.claims[0]
    assert r.entities[0].start is m.content[0][0] is m.parts[0][0][0] is m.quantities[0].span[0]
    assert r.entities[0].start == 12
    assert r.body[0][1] is DocumentRecord.loads(_RECORD).body[0][1]


def test_shared_offsets_read_and_write_the_same_record() -> None:
    r = DocumentRecord.loads(_RECORD)
    assert DocumentRecord.loads(r.dumps()) == r
    assert r.entities == [Entity(12, 15, "300", "CARDINAL"), Entity(34, 37, "300", "CARDINAL")]
    assert r.claims[0].content == [[12, 32]] and r.claims[0].cue == [[7, 11]]


def test_offsets_that_are_not_spans_are_left_as_they_are() -> None:
    """Malformed spans are reported by validation, not rewritten on the way in."""
    m = ClaimMention.from_json({"content": [[12, 32], "x", [1.5, 2]], "cue": "bad"})
    assert m.content == [[12, 32], "x", [1.5, 2]]
    assert m.cue == "bad"


def test_a_mention_node_holds_its_records_text_when_equal(seed_build) -> None:
    kg, _report, _out = seed_build
    text_of = {(r.id, str(m.content)): (r, m) for r in kg.records for m in r.claims}
    mentions = [d for _n, d in kg.G.nodes(data=True) if d["kind"] == S.MENTION]
    assert mentions
    for d in mentions:
        r = next(r for r in kg.records if r.id == d["doc_id"])
        assert d["exact"] == " … ".join(r.text[s:e] for s, e in d["content"])
        whole = text_of.get((d["doc_id"], str(d["content"])))  # not one proposition of it
        if whole and d["exact"] == whole[1].text:
            assert d["exact"] is whole[1].text
    assert any(
        d["exact"] is text_of[key][1].text
        for d in mentions
        if (key := (d["doc_id"], str(d["content"]))) in text_of
    )

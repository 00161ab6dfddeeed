"""Intentions are attributions on the records but never claims in the graph."""

from __future__ import annotations

from claimgraph.graph.build import build_graph
from claimgraph.ingest.records import DocumentRecord


def test_an_intention_stays_on_the_record_and_out_of_the_graph(claims_of):
    text = (
        "Turkeminstan's CEC plans to hold elections on December 15 2013. "
        "The commission said the vote would be free and fair."
    )
    claims = claims_of(text)
    assert [c.kind for c in claims] == ["intention", "indirect"]
    record = DocumentRecord(id="cec", sha256="0" * 64, text=text, body=[[0, len(text)]],
                            claims=claims)
    G = build_graph([record]).G
    texts = [d["text"] for _, d in G.nodes(data=True) if d.get("kind") == "claim"]
    assert texts == ["the vote would be free and fair"]
    assert sum(1 for _, d in G.nodes(data=True) if d.get("kind") == "mention") == 1
    assert [c.kind for c in record.claims] == ["intention", "indirect"]

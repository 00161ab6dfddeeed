"""Every text field comes back from every output, whatever code points it holds.

Hypothesis draws from all of Unicode, lone surrogates included. The rules checked:

- JSON Lines (input and ``records.jsonl``) are split on ``\\n`` only, so U+2028, U+0085 or a
  form feed inside a value never splits a line;
- a lone surrogate cannot be written as UTF-8: reading turns it into U+FFFD, one code point
  for one, and nothing else changes (offsets hold);
- RDF (N-Quads, TriG, Turtle, JSON-LD) and the page's JSON give back exactly what the graph
  holds; GraphML and GEXF too, except the code points XML 1.0 cannot carry, which become U+FFFD.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import tempfile
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.api import build_records
from claimgraph.exports.formats import flat_graph, xml_text
from claimgraph.exports.html import render_html, script_json
from claimgraph.exports.rdf import nquads_text, serialise_nquads
from claimgraph.ingest.codepoints import replace_surrogates
from claimgraph.ingest.read import RawDocument, read_inputs
from claimgraph.ingest.records import ClaimMention, DocumentRecord
from claimgraph.outputs import read_records, write_records

#: Every code point, surrogates included (Hypothesis leaves out category Cs by default).
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), min_size=1, max_size=40)
SOME = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
GRAPHS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_PAGE_DATA = re.compile(
    r'<script type="application/json" id="claimgraph-data">(.*?)</script>', re.S
)


def _as_json_reads_it(text: str) -> str:
    """What a JSON reader makes of ``text`` escaped: a high+low surrogate pair is one character."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def _record(text: str, title: str) -> DocumentRecord:
    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    claim = ClaimMention(content=[[0, len(text)]], kind="assertion", text=text, confidence=0.9)
    return DocumentRecord(
        id="d1", sha256=sha, text=text, title=title, body=[[0, len(text)]], claims=[claim]
    )


@SOME
@given(ANY_TEXT, ANY_TEXT)
def test_jsonl_input_gives_back_every_text(text, outlet):
    line = json.dumps({"id": "x", "text": "Article: " + text, "outlet": outlet})
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.jsonl"
        path.write_text(line + "\n" + json.dumps({"text": "A second article."}) + "\n")
        docs = list(read_inputs([str(path)]))
    assert [type(d) for d in docs] == [RawDocument, RawDocument]
    first = docs[0]
    assert first.text == "Article: " + replace_surrogates(_as_json_reads_it(text))
    assert first.given["outlet"] == replace_surrogates(_as_json_reads_it(outlet))
    assert docs[1].text == "A second article."


@SOME
@given(ANY_TEXT, ANY_TEXT)
def test_records_jsonl_gives_back_every_record(text, title):
    (record,) = build_records([_record(text, title)]).records
    with tempfile.TemporaryDirectory() as tmp:
        write_records([record, record], Path(tmp) / "records.jsonl")
        again = read_records(Path(tmp) / "records.jsonl")
    assert again == [record, record]
    assert record.text == replace_surrogates(text) and record.title == replace_surrogates(title)


@SOME
@given(st.recursive(ANY_TEXT | st.integers(), lambda kids: st.lists(kids, max_size=3)))
def test_the_page_json_gives_back_any_value(value):
    text = script_json({"v": value})
    assert not re.search("[<>&\u2028\u2029\ud800-\udfff]", text)
    assert json.loads(text) == {"v": json.loads(json.dumps(value))}


def _literals(data: bytes, fmt) -> set[str]:
    return {q.object.value for q in ox.parse(data, format=fmt) if isinstance(q.object, ox.Literal)}


@GRAPHS
@given(ANY_TEXT, ANY_TEXT)
def test_every_graph_output_gives_back_the_texts_it_holds(text, title):
    kg = build_records([_record(text, title)])
    source = next(d for _, d in kg.G.nodes(data=True) if d["kind"] == "source")
    mention = next(d for _, d in kg.G.nodes(data=True) if d["kind"] == "mention")
    held = {source["title"], mention["exact"]}
    assert held == {replace_surrogates(title), replace_surrogates(text)}

    nq = nquads_text(kg, base=kg.base)
    assert held <= _literals(nq.encode("utf-8"), ox.RdfFormat.N_QUADS)
    for fmt, parse_as in (
        ("trig", ox.RdfFormat.TRIG),
        ("ttl", ox.RdfFormat.TURTLE),
        ("jsonld", ox.RdfFormat.JSON_LD),
    ):
        assert held <= _literals(serialise_nquads(nq, fmt), parse_as), fmt

    flat = flat_graph(kg)
    for write, read in ((nx.write_graphml, nx.read_graphml), (nx.write_gexf, nx.read_gexf)):
        buffer = io.BytesIO()
        write(flat, buffer)
        back = read(io.BytesIO(buffer.getvalue()))
        values = {v for _, d in back.nodes(data=True) for v in d.values()}
        assert {xml_text(t) for t in held} <= values, write.__name__

    page = render_html(kg).encode("utf-8").decode("utf-8")
    (raw,) = _PAGE_DATA.findall(page)
    data = json.loads(raw)
    assert data["sources"] and all(isinstance(r["t"], str) for r in data["sources"])
    if replace_surrogates(title):
        assert replace_surrogates(title) in {r["t"] for r in data["sources"]}

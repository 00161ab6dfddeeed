"""The SHACL shapes pass on real builds and catch planted faults."""

from __future__ import annotations

import pytest
import rdflib
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.exports import rdf
from claimgraph.exports.shacl import validate_graph
from claimgraph.exports.vocab import CKG, OA, SHAPES_PATH

from .rdf_fixture import IDS, small_graph

BASE = "urn:claimgraph:"


def union(kg) -> rdflib.Graph:
    g = rdflib.Graph()
    for s, p, o, _g in rdf.to_dataset(kg).quads((None, None, None, None)):
        g.add((s, p, o))
    return g


@pytest.fixture()
def data() -> rdflib.Graph:
    return union(small_graph())


def messages(report) -> str:
    return "\n".join(str(v) for v in report.violations)


def test_shapes_ship_with_the_package():
    assert SHAPES_PATH.exists()
    shapes = rdflib.Graph().parse(SHAPES_PATH)
    targets = set(shapes.objects(None, rdflib.URIRef("http://www.w3.org/ns/shacl#targetClass")))
    assert len(targets) >= 11


def test_hand_built_graph_conforms(data):
    report = validate_graph(data)
    assert report.conforms, messages(report)


def test_claim_without_mention(data):
    claim = rdflib.URIRef(BASE + IDS["claim"]["pullback"])
    for m in list(data.subjects(CKG.expresses, claim)):
        for sel in list(data.objects(m, OA.hasSelector)):
            data.remove((sel, None, None))
        data.remove((m, None, None))
    report = validate_graph(data)
    assert not report.conforms
    assert any(v.focus == str(claim) and "mention" in v.message for v in report.violations)


def test_broken_offset(data):
    pos = next(s for s in data.subjects(OA.end, None) if str(s).endswith("#pos"))
    end = int(data.value(pos, OA.end))
    data.set((pos, OA.end, rdflib.Literal(end + 1)))
    report = validate_graph(data)
    assert not report.conforms
    assert any("differs from the length of oa:exact" in v.message for v in report.violations)


def test_one_direction_of_contradicts_dropped(data):
    a = rdflib.URIRef(BASE + IDS["claim"]["troops"])
    b = rdflib.URIRef(BASE + IDS["claim"]["pullback"])
    data.remove((b, CKG.contradicts, a))
    report = validate_graph(data)
    assert not report.conforms
    assert any(v.focus == str(a) and "both ways" in v.message for v in report.violations)


def test_literal_with_wrong_datatype(data):
    claim = rdflib.URIRef(BASE + IDS["claim"]["talks"])
    data.set((claim, CKG.nSources, rdflib.Literal("3")))
    report = validate_graph(data)
    assert not report.conforms
    assert any(v.path == "ckg:nSources" for v in report.violations)


def test_selector_without_its_partner(data):
    quote = next(s for s in data.subjects(OA.exact, None) if str(s).endswith("#quote-2"))
    data.remove((quote, None, None))
    data.remove((None, OA.hasSelector, quote))
    report = validate_graph(data)
    assert not report.conforms
    assert any("no partner selector" in v.message for v in report.violations)


def test_validate_command_reports_violations_and_exits_1(seed_build, tmp_path):
    _kg, _r, out = seed_build
    text = (out / "graph.trig").read_text(encoding="utf-8")
    broken = text.replace("ckg:nSources 1 ;", 'ckg:nSources "1" ;', 1)
    assert broken != text
    (tmp_path / "graph.trig").write_text(broken, encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("invalid: ") and "violations" in lines[0]
    assert any("ckg:nSources" in line for line in lines[1:])


def test_validate_command_without_a_build(tmp_path):
    result = CliRunner().invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 1 and "no graph.trig" in result.output

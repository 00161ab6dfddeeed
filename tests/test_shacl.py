"""The SHACL shapes pass on real builds, catch every planted fault, and agree with pyshacl."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
import rdflib
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.errors import ExportError
from claimgraph.exports import rdf
from claimgraph.exports.shacl import validate_dir, validate_file, validate_graph
from claimgraph.exports.shapes import Component, load_shapes
from claimgraph.exports.vocab import CKG, OA, PROV, RDF, SCHEMA, SHAPES_PATH, XSD

from .rdf_fixture import IDS, small_graph
from .shacl_reference import pyshacl_violations

BASE = "urn:claimgraph:"
U = rdflib.URIRef


def union(kg) -> rdflib.Graph:
    g = rdflib.Graph()
    for s, p, o, _g in rdf.to_dataset(kg).quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def claim(key: str) -> U:
    return U(BASE + IDS["claim"][key])


def article(g: rdflib.Graph, doc_id: str) -> U:
    return next(s for s in g.subjects(CKG.docId, rdflib.Literal(doc_id)))


def selector(g: rdflib.Graph, fragment: str, *, of: U | None = None) -> U:
    mention = of or next(g.subjects(CKG.expresses, claim("open-door")))
    return U(f"{mention}#{fragment}")


def blog_mention(g: rdflib.Graph) -> U:
    """The mention of "talks" in the blog: two content spans, so four selectors."""
    return next(
        m
        for m in g.subjects(CKG.expresses, claim("talks"))
        if len(set(g.objects(m, OA.hasSelector))) == 4
    )


def lavrov(g: rdflib.Graph) -> U:
    return next(g.subjects(SCHEMA.name, rdflib.Literal("Sergey Lavrov")))


@pytest.fixture()
def data() -> rdflib.Graph:
    return union(small_graph())


def messages(report) -> str:
    return "\n".join(str(v) for v in report.violations)


def keys(violations) -> set[tuple[str, str, str, str]]:
    return {(v.focus, v.path, v.component, v.value) for v in violations}


# -- planted faults: each breaks the graph once and names the result it must produce ------------
# A fault returns (focus, path, component, value) of the violation it must cause.

Fault = Callable[[rdflib.Graph], tuple[U, str, Component, str]]


def claim_without_mention(g):
    for m in list(g.subjects(CKG.expresses, claim("pullback"))):
        for sel in list(g.objects(m, OA.hasSelector)):
            g.remove((sel, None, None))
        g.remove((m, None, None))
    return claim("pullback"), "^ckg:expresses", Component.MIN_COUNT, ""


def offset_off_by_one(g):
    pos = selector(g, "pos")
    g.set((pos, OA.end, rdflib.Literal(int(g.value(pos, OA.end)) + 1)))
    return pos.split("#")[0], "", Component.SPARQL, f"<{pos.split('#')[0]}>"


def contradiction_one_way(g):
    g.remove((claim("pullback"), CKG.contradicts, claim("troops")))
    return claim("troops"), "", Component.SPARQL, f"<{claim('troops')}>"


def conflict_one_way(g):
    g.add((claim("talks"), CKG.conflictingQuantity, claim("troops")))
    return claim("talks"), "", Component.SPARQL, f"<{claim('talks')}>"


def selector_without_partner(g):
    mention = blog_mention(g)
    quote = U(f"{mention}#quote-2")
    g.remove((quote, None, None))
    g.remove((None, OA.hasSelector, quote))
    return mention, "", Component.SPARQL, f"<{mention}>"


def mention_with_one_selector(g):
    mention = next(g.subjects(CKG.expresses, claim("open-door")))
    g.remove((mention, OA.hasSelector, selector(g, "quote", of=mention)))
    return mention, "oa:hasSelector", Component.MIN_COUNT, ""


def count_as_string(g):
    g.set((claim("talks"), CKG.nSources, rdflib.Literal("3")))
    return claim("talks"), "ckg:nSources", Component.DATATYPE, '"3"'


def ill_formed_decimal(g):
    quantity = next(g.subjects(RDF.type, SCHEMA.QuantitativeValue))
    g.set((quantity, SCHEMA.value, rdflib.Literal("lots", datatype=XSD.decimal)))
    return quantity, "schema:value", Component.DATATYPE, '"lots"^^xsd:decimal'


def two_headlines(g):
    wire = article(g, "wire")
    g.add((wire, SCHEMA.headline, rdflib.Literal("A second headline")))
    return wire, "schema:headline", Component.MAX_COUNT, ""


def article_without_doc_id(g):
    wire = article(g, "wire")
    g.remove((wire, CKG.docId, None))
    return wire, "ckg:docId", Component.MIN_COUNT, ""


def digest_not_hex(g):
    wire = article(g, "wire")
    g.set((wire, CKG.sha256, rdflib.Literal("not-a-digest")))
    return wire, "ckg:sha256", Component.PATTERN, '"not-a-digest"'


def person_typed_as_robot(g):
    g.set((lavrov(g), CKG.speakerType, rdflib.Literal("robot")))
    return lavrov(g), "ckg:speakerType", Component.IN, '"robot"'


def attribution_mode_not_a_mode(g):
    mention = next(g.subjects(CKG.expresses, claim("talks")))
    g.set((mention, CKG.attributionMode, CKG.Topic))
    return mention, "ckg:attributionMode", Component.IN, "ckg:Topic"


def publisher_is_a_person(g):
    wire = article(g, "wire")
    g.set((wire, SCHEMA.publisher, lavrov(g)))
    return wire, "schema:publisher", Component.CLASS, f"<{lavrov(g)}>"


def copy_of_an_outlet(g):
    reprint = article(g, "reprint")
    outlet = g.value(article(g, "wire"), SCHEMA.publisher)
    g.set((reprint, PROV.wasDerivedFrom, outlet))
    return reprint, "prov:wasDerivedFrom", Component.CLASS, f"<{outlet}>"


def part_of_a_claim(g):
    wire = article(g, "wire")
    g.set((wire, SCHEMA.isPartOf, claim("talks")))
    return wire, "schema:isPartOf", Component.CLASS, f"<{claim('talks')}>"


def date_in_words(g):
    wire = article(g, "wire")
    g.set((wire, SCHEMA.datePublished, rdflib.Literal("yesterday")))
    return wire, "schema:datePublished", Component.OR, '"yesterday"'


def impossible_date(g):
    wire = article(g, "wire")
    g.set((wire, SCHEMA.datePublished, rdflib.Literal("2022-02-30", datatype=XSD.date)))
    return wire, "schema:datePublished", Component.OR, '"2022-02-30"^^xsd:date'


def attributed_to_an_article(g):
    mention = next(g.subjects(CKG.expresses, claim("talks")))
    target = article(g, "wire")
    g.set((mention, PROV.wasAttributedTo, target))
    return mention, "prov:wasAttributedTo", Component.OR, f"<{target}>"


def same_as_a_literal(g):
    g.add((lavrov(g), SCHEMA.sameAs, rdflib.Literal("Lavrov")))
    return lavrov(g), "schema:sameAs", Component.NODE_KIND, '"Lavrov"'


def negative_confidence(g):
    mention = next(g.subjects(CKG.expresses, claim("talks")))
    g.set((mention, CKG.confidence, rdflib.Literal("-0.5", datatype=XSD.decimal)))
    return mention, "ckg:confidence", Component.MIN_INCLUSIVE, '"-0.5"^^xsd:decimal'


def confidence_above_one(g):
    mention = next(g.subjects(CKG.expresses, claim("talks")))
    g.set((mention, CKG.confidence, rdflib.Literal("1.5", datatype=XSD.decimal)))
    return mention, "ckg:confidence", Component.MAX_INCLUSIVE, '"1.5"^^xsd:decimal'


def empty_exact_text(g):
    quote = selector(g, "quote")
    g.set((quote, OA.exact, rdflib.Literal("")))
    return quote, "oa:exact", Component.MIN_LENGTH, '""'


def start_not_before_end(g):
    pos = selector(g, "pos")
    g.set((pos, OA.start, g.value(pos, OA.end)))
    return pos, "oa:start", Component.LESS_THAN, f'"{int(g.value(pos, OA.end))}"^^xsd:integer'


def more_independent_than_all_sources(g):
    g.set((claim("open-door"), CKG.nIndependentSources, rdflib.Literal(3)))
    return (
        claim("open-door"),
        "ckg:nIndependentSources",
        Component.LESS_THAN_OR_EQUALS,
        '"3"^^xsd:integer',
    )


def claim_text_without_language(g):
    text = g.value(claim("talks"), SCHEMA.text)
    g.set((claim("talks"), SCHEMA.text, rdflib.Literal(str(text))))
    return claim("talks"), "schema:text", Component.DATATYPE, f'"{text}"'


def bound_not_a_bound(g):
    quantity = next(g.subjects(RDF.type, SCHEMA.QuantitativeValue))
    g.set((quantity, CKG.bound, rdflib.Literal("roughly")))
    return quantity, "ckg:bound", Component.IN, '"roughly"'


def topic_without_name(g):
    topic = U(BASE + "topic/ukraine")
    g.add((topic, RDF.type, SCHEMA.DefinedTerm))
    g.add((claim("talks"), SCHEMA.about, topic))
    return topic, "schema:name", Component.MIN_COUNT, ""


def run_without_version(g):
    run = next(g.subjects(RDF.type, CKG.Run))
    g.remove((run, CKG.toolVersion, None))
    return run, "ckg:toolVersion", Component.MIN_COUNT, ""


def claim_as_literal_object(g):
    mention = next(g.subjects(CKG.expresses, claim("talks")))
    g.set((mention, CKG.expresses, rdflib.Literal("Talks will continue next week")))
    return mention, "ckg:expresses", Component.CLASS, '"Talks will continue next week"'


FAULTS: list[Fault] = [
    part_of_a_claim,
    claim_without_mention,
    offset_off_by_one,
    contradiction_one_way,
    conflict_one_way,
    selector_without_partner,
    mention_with_one_selector,
    count_as_string,
    ill_formed_decimal,
    two_headlines,
    article_without_doc_id,
    digest_not_hex,
    person_typed_as_robot,
    attribution_mode_not_a_mode,
    publisher_is_a_person,
    copy_of_an_outlet,
    date_in_words,
    impossible_date,
    attributed_to_an_article,
    same_as_a_literal,
    negative_confidence,
    confidence_above_one,
    empty_exact_text,
    start_not_before_end,
    more_independent_than_all_sources,
    claim_text_without_language,
    bound_not_a_bound,
    topic_without_name,
    run_without_version,
    claim_as_literal_object,
]


def test_shapes_ship_with_the_package():
    assert SHAPES_PATH.exists()
    shapes = rdflib.Graph().parse(SHAPES_PATH)
    targets = set(shapes.objects(None, rdflib.URIRef("http://www.w3.org/ns/shacl#targetClass")))
    assert len(targets) >= 11


def test_every_shape_is_read():
    names = {s.name for s in load_shapes()}
    assert len(names) == 16
    assert {
        "ckgsh:ClaimShape",
        "ckgsh:SelectorOffsetShape",
        "ckgsh:RunShape",
        "ckgsh:StoryShape",
    } <= names


def test_every_constraint_component_has_a_planted_fault():
    used = {
        c.component
        for shape in load_shapes()
        for c in [*shape.constraints, *(c for p in shape.properties for c in p.constraints)]
    }
    used |= {Component.SPARQL}
    planted = {fault(union(small_graph()))[2] for fault in FAULTS}
    assert used == planted


def test_hand_built_graph_conforms(data):
    report = validate_graph(data)
    assert report.conforms, messages(report)
    assert report.violations == [] and report.triples == len(data)


@pytest.mark.parametrize("fault", FAULTS, ids=lambda f: f.__name__)
def test_planted_fault_is_caught(data, fault):
    focus, path, component, value = fault(data)
    report = validate_graph(data)
    assert not report.conforms
    assert (str(focus), path, component.short, value) in keys(report.violations), messages(report)


@pytest.mark.parametrize("fault", FAULTS, ids=lambda f: f.__name__)
def test_pyshacl_reports_the_same_violations(data, fault):
    fault(data)
    ours, theirs = validate_graph(data).violations, pyshacl_violations(data)
    assert keys(ours) == keys(theirs)
    # messages the shapes write themselves (SPARQL templates, sh:message) are the same text
    own = {(v.focus, v.message) for v in ours if v.component == Component.SPARQL.short}
    assert own == {(v.focus, v.message) for v in theirs if v.component == Component.SPARQL.short}


def test_messages_say_what_is_wrong(data):
    claim_without_mention(data)
    count_as_string(data)
    offset_off_by_one(data)
    lines = {(v.path, v.message) for v in validate_graph(data).violations}
    assert ("^ckg:expresses", "every claim has at least one mention") in lines
    assert ("ckg:nSources", '"3" is not a well-formed xsd:integer literal') in lines
    pos = selector(data, "pos")
    start, end = int(data.value(pos, OA.start)), int(data.value(pos, OA.end))
    offset = f"span 1: oa:end - oa:start ({end - start}) differs from the length of oa:exact"
    assert any(path == "" and m.startswith(offset) for path, m in lines)


def test_a_blank_focus_node_is_not_an_iri(data):
    blank = rdflib.BNode()
    data.add((blank, RDF.type, SCHEMA.DefinedTerm))
    data.add((blank, SCHEMA.name, rdflib.Literal("Ukraine")))
    report = validate_graph(data)
    assert [(v.path, v.component) for v in report.violations] == [("", Component.NODE_KIND.short)]
    assert [(v.path, v.component) for v in pyshacl_violations(data)] == [
        ("", Component.NODE_KIND.short)
    ]


def test_incomparable_values_violate_less_than_or_equals(data):
    # SHACL: values that cannot be compared are a violation (pyshacl lets this one pass).
    data.set((claim("talks"), CKG.nSources, rdflib.Literal("three", datatype=XSD.integer)))
    found = {(v.path, v.component) for v in validate_graph(data).violations}
    assert found == {
        ("ckg:nSources", Component.DATATYPE.short),
        ("ckg:nSources", Component.MIN_INCLUSIVE.short),
        ("ckg:nIndependentSources", Component.LESS_THAN_OR_EQUALS.short),
    }


def test_a_triple_in_two_named_graphs_counts_once(tmp_path):
    wire = "<urn:claimgraph:source/w>"
    head = '<http://schema.org/headline> "Headline"'
    lines = [
        f"{wire} <{RDF.type}> <{SCHEMA.NewsArticle}> <urn:g:a> .",
        f'{wire} <{CKG.docId}> "w" <urn:g:a> .',
        f'{wire} <{CKG.sha256}> "{"0" * 64}" <urn:g:a> .',
        f"{wire} {head} <urn:g:a> .",
        f"{wire} {head} <urn:g:b> .",
    ]
    path = tmp_path / "g.nq"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = validate_file(path)
    assert report.conforms, messages(report)
    assert report.triples == 4


def test_seed_build_conforms_and_pyshacl_agrees(seed_build):
    _kg, _r, out = seed_build
    report = validate_dir(out)
    assert report.conforms, messages(report)
    ds = rdflib.Dataset()
    ds.parse(out / "graph.trig", format="trig")
    union_graph = rdflib.Graph()
    for s, p, o, _g in ds.quads((None, None, None, None)):
        union_graph.add((s, p, o))
    assert report.triples == len(union_graph)
    assert pyshacl_violations(union_graph) == []


@pytest.fixture(scope="module")
def bbc_union(shared, tmp_path_factory) -> rdflib.Graph:
    """The union graph of a build of the first 12 BBC politics articles."""
    from claimgraph import build_to_dir

    politics = shared / "corpora" / "bbc" / "politics"
    if not politics.is_dir():
        pytest.skip("../shared/corpora/bbc/politics is not present")
    out = tmp_path_factory.mktemp("bbc12")
    build_to_dir([str(p) for p in sorted(politics.glob("*.txt"))[:12]], out, cache=False)
    ds = rdflib.Dataset()
    ds.parse(out / "graph.trig", format="trig")
    g = rdflib.Graph()
    for s, p, o, _g in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def plant_in_real_build(g: rdflib.Graph) -> None:
    """Faults spread over a real build: offsets, a datatype, a one-way link, a missing name."""
    for pos in sorted(s for s in g.subjects(RDF.type, OA.TextPositionSelector))[::9]:
        g.set((pos, OA.end, rdflib.Literal(int(g.value(pos, OA.end)) + 2)))
    first_claim = min(g.subjects(RDF.type, SCHEMA.Claim))
    g.set((first_claim, CKG.nSources, rdflib.Literal("many")))
    a, b = min(g.subject_objects(CKG.conflictingQuantity))
    g.remove((b, CKG.conflictingQuantity, a))
    g.remove((min(g.subjects(RDF.type, SCHEMA.DefinedTerm)), SCHEMA.name, None))
    speaker = min(g.subjects(CKG.speakerType, rdflib.Literal("person")))
    g.set((speaker, CKG.speakerType, rdflib.Literal("robot")))


@pytest.mark.slow
def test_pyshacl_agrees_on_a_real_build_before_and_after_faults(bbc_union):
    report = validate_graph(bbc_union)
    assert report.conforms, messages(report)
    assert pyshacl_violations(bbc_union) == []
    plant_in_real_build(bbc_union)
    ours = validate_graph(bbc_union).violations
    assert keys(ours) == keys(pyshacl_violations(bbc_union))
    assert {v.component for v in ours} >= {
        Component.SPARQL.short,
        Component.DATATYPE.short,
        Component.MIN_COUNT.short,
        Component.IN.short,
    }


def test_unsupported_shacl_is_refused(tmp_path):
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "<urn:s> a sh:NodeShape ; sh:targetClass <urn:C> ;\n"
        "    sh:property [ sh:path <urn:p> ; sh:uniqueLang true ] .\n",
        encoding="utf-8",
    )
    with pytest.raises(ExportError, match="sh:uniqueLang is not supported"):
        load_shapes(shapes)


def test_validate_command_reports_violations_and_exits_1(seed_build, tmp_path):
    _kg, _r, out = seed_build
    text = (out / "graph.trig").read_text(encoding="utf-8")
    broken = text.replace("ckg:nSources 1 ;", 'ckg:nSources "1" ;', 1)
    assert broken != text
    (tmp_path / "graph.trig").write_text(broken, encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert re.fullmatch(r"invalid: 3 violations in \d+ triples", lines[0])
    # one fault breaks three rules: the datatype, and both comparisons a string cannot enter
    assert [line.strip().split(" ", 1)[1] for line in lines[1:]] == [
        'ckg:nIndependentSources: "1"^^xsd:integer is not <= "1" of ckg:nSources',
        'ckg:nSources: "1" is not a value >= 0',
        'ckg:nSources: "1" is not a well-formed xsd:integer literal',
    ]
    assert len({line.split()[0] for line in lines[1:]}) == 1


def test_validate_command_on_a_file_that_is_not_trig(tmp_path):
    (tmp_path / "graph.trig").write_text("this is { not TriG", encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 1 and "not valid TriG" in result.output


def test_validate_command_without_a_build(tmp_path):
    result = CliRunner().invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 1 and "no graph.trig" in result.output

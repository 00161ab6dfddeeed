"""ClaimGraph → RDF in the design's vocabulary, with one named graph per article.

Named graphs: ``<base>graph/doc/{source uuid}`` holds an article, its mentions and their
selectors (re-ingesting an article replaces exactly that graph); ``<base>graph/entities`` holds
claims, speakers, outlets and topics; ``<base>graph/relations`` claim–claim links;
``<base>graph/meta`` the provenance of the run. IRIs are ``base + node id``: no blank nodes, no
random parts, so the same input gives byte-identical sorted N-Quads.

TriG and N-Quads keep the named graphs; Turtle and JSON-LD carry their union.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from ..graph import schema as S
from ..graph.model import ClaimGraph
from .atomic import atomic_write_bytes, atomic_write_text
from .vocab import CKG, DEFAULT_BASE, OA, PROV, RDF, RDFS, SCHEMA, XSD, bind_prefixes

__all__ = [
    "Quad",
    "generate_quads",
    "to_dataset",
    "generate_nquads",
    "write_trig",
    "write_nquads",
    "write_turtle",
    "write_jsonld",
    "graph_iri",
    "JSONLD_CONTEXT",
]

Quad = tuple[Node, Node, Node, URIRef]

MODES = {
    "direct": CKG.DirectQuote,
    "mixed": CKG.MixedQuote,
    "indirect": CKG.IndirectQuote,
    "according_to": CKG.AccordingTo,
    "assertion": CKG.AuthorAssertion,
}

JSONLD_CONTEXT = {
    "schema": "http://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "ckg": "https://w3id.org/claimgraph/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
}

_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def graph_iri(base: str, name: str) -> URIRef:
    return URIRef(f"{base}graph/{name}")


def _date(value: str | None) -> Literal | None:
    if not value:
        return None
    if _DATE.match(value):
        return Literal(value, datatype=XSD.date)
    if _DATETIME.match(value):
        if value.count(":") == 1 and "T" in value and len(value) == 16:
            value += ":00"
        return Literal(value, datatype=XSD.dateTime)
    return None


def generate_quads(
    kg: ClaimGraph, *, base: str = DEFAULT_BASE, version: str = ""
) -> Iterator[Quad]:
    """Every quad of the export, in a deterministic order."""
    G = kg.G

    def iri(node: str) -> URIRef:
        return URIRef(base + node)

    entities = graph_iri(base, "entities")
    relations = graph_iri(base, "relations")
    meta = graph_iri(base, "meta")

    def doc_graph(source: str) -> URIRef:
        return graph_iri(base, "doc/" + source.split("/", 1)[1])

    for n, d in sorted(G.nodes(data=True), key=lambda x: x[0]):
        s = iri(n)
        kind = d.get("kind")
        if kind == S.SOURCE:
            g = doc_graph(n)
            yield s, RDF.type, SCHEMA.NewsArticle, g
            yield s, CKG.docId, Literal(d["doc_id"]), g
            yield s, CKG.sha256, Literal(d["sha256"]), g
            if d.get("title"):
                yield s, SCHEMA.headline, Literal(d["title"]), g
            if d.get("url"):
                yield s, SCHEMA.url, Literal(d["url"], datatype=XSD.anyURI), g
            if (lit := _date(d.get("published"))) is not None:
                yield s, SCHEMA.datePublished, lit, g
            if d.get("dateline"):
                yield s, CKG.dateline, Literal(d["dateline"]), g
            for author in d.get("authors") or []:
                yield s, SCHEMA.author, Literal(author), g
            for credit in d.get("credits") or []:
                yield s, CKG.credit, Literal(credit), g
            for _, o, k in G.out_edges(n, keys=True):
                if k == S.PUBLISHED_BY:
                    yield s, SCHEMA.publisher, iri(o), g
                elif k == S.COPY_OF:
                    yield s, PROV.wasDerivedFrom, iri(o), g
        elif kind == S.OUTLET:
            yield s, RDF.type, SCHEMA.NewsMediaOrganization, entities
            yield s, SCHEMA.name, Literal(d["name"]), entities
            if d.get("parent") and d["parent"] != d["name"]:
                yield s, SCHEMA.parentOrganization, Literal(d["parent"]), entities
        elif kind == S.SPEAKER:
            cls = SCHEMA.Person if d.get("type") == "person" else SCHEMA.Organization
            yield s, RDF.type, cls, entities
            yield s, SCHEMA.name, Literal(d["name"]), entities
            yield s, CKG.speakerType, Literal(d.get("type") or "person"), entities
            for alias in d.get("aliases") or []:
                if alias != d["name"]:
                    yield s, SCHEMA.alternateName, Literal(alias), entities
            for role in d.get("roles") or []:
                yield s, SCHEMA.jobTitle, Literal(role), entities
            if d.get("affiliation"):
                yield s, SCHEMA.affiliation, Literal(d["affiliation"]), entities
            if d.get("same_as"):
                yield s, SCHEMA.sameAs, URIRef(d["same_as"]), entities
            for _, o, k in G.out_edges(n, keys=True):
                if k == S.RELAYS:
                    yield s, CKG.relays, iri(o), relations
                elif k == S.MEMBER_OF:
                    yield s, CKG.memberOf, iri(o), entities
        elif kind == S.CLAIM:
            yield s, RDF.type, SCHEMA.Claim, entities
            yield s, SCHEMA.text, Literal(d["text"], lang="en"), entities
            yield s, RDFS.label, Literal(d["label"]), entities
            yield s, CKG.nSources, Literal(d.get("n_sources", 0)), entities
            yield s, CKG.nIndependentSources, Literal(d.get("n_independent_sources", 0)), entities
            if (lit := _date(d.get("first_seen"))) is not None:
                yield s, CKG.firstSeen, lit, entities
            for i, q in enumerate(d.get("quantities") or []):
                qn = URIRef(f"{s}#quantity-{i}")
                yield s, CKG.quantity, qn, entities
                yield qn, RDF.type, SCHEMA.QuantitativeValue, entities
                yield qn, SCHEMA.value, Literal(q["value"], datatype=XSD.decimal), entities
                if q.get("unit"):
                    yield qn, SCHEMA.unitText, Literal(q["unit"]), entities
                yield qn, CKG.bound, Literal(q["bound"]), entities
                yield qn, RDFS.label, Literal(q["text"]), entities
            for _, o, k, _ed in G.out_edges(n, keys=True, data=True):
                if k == S.ABOUT:
                    yield s, SCHEMA.about, iri(o), entities
                elif k == S.CONTRADICTS:
                    yield s, CKG.contradicts, iri(o), relations
                elif k == S.CORROBORATES:
                    yield s, CKG.corroborates, iri(o), relations
                elif k == S.CONFLICTING_QUANTITY:
                    yield s, CKG.conflictingQuantity, iri(o), relations
        elif kind == S.TOPIC:
            yield s, RDF.type, SCHEMA.DefinedTerm, entities
            yield s, SCHEMA.name, Literal(d["label"]), entities
        elif kind == S.MENTION:
            g = doc_graph(d["source"])
            yield s, RDF.type, CKG.ClaimMention, g
            yield s, OA.hasSource, iri(d["source"]), g
            yield s, CKG.attributionMode, MODES.get(d.get("claim_kind"), CKG.IndirectQuote), g
            if d.get("cue_text"):
                yield s, CKG.cue, Literal(d["cue_text"]), g
            if d.get("speaker"):
                yield s, PROV.wasAttributedTo, iri(d["speaker"]), g
            if d.get("relayed_by"):
                yield s, CKG.relayedBy, Literal(d["relayed_by"]), g
            if (lit := _date(d.get("date"))) is not None:
                yield s, CKG.statementDate, lit, g
            yield s, CKG.confidence, Literal(float(d.get("confidence", 0.5))), g
            for _, o, k in G.out_edges(n, keys=True):
                if k == S.EXPRESSES:
                    yield s, CKG.expresses, iri(o), g
            quote, pos = URIRef(f"{s}#quote"), URIRef(f"{s}#pos")
            yield s, OA.hasSelector, quote, g
            yield quote, RDF.type, OA.TextQuoteSelector, g
            yield quote, OA.exact, Literal(d["exact"]), g
            yield quote, OA.prefix, Literal(d.get("prefix", "")), g
            yield quote, OA.suffix, Literal(d.get("suffix", "")), g
            yield s, OA.hasSelector, pos, g
            yield pos, RDF.type, OA.TextPositionSelector, g
            yield pos, OA.start, Literal(int(d["start"])), g
            yield pos, OA.end, Literal(int(d["end"])), g
    run = URIRef(base + "run/" + (version or "unversioned"))
    yield run, RDF.type, PROV.Activity, meta
    yield run, RDF.type, CKG.Run, meta
    yield run, CKG.toolVersion, Literal(f"claimgraph {version}".strip()), meta
    for gname in ("entities", "relations"):
        yield graph_iri(base, gname), PROV.wasGeneratedBy, run, meta


def to_dataset(kg: ClaimGraph, *, base: str = DEFAULT_BASE, version: str = "") -> Dataset:
    ds = Dataset()
    bind_prefixes(ds)
    for s, p, o, g in generate_quads(kg, base=base, version=version):
        ds.add((s, p, o, g))
    return ds


def generate_nquads(
    kg: ClaimGraph, *, base: str = DEFAULT_BASE, version: str = ""
) -> Iterator[str]:
    """Sorted, de-duplicated N-Quads lines: byte-identical for the same input."""
    import pyoxigraph as ox

    lines = set()
    for s, p, o, g in generate_quads(kg, base=base, version=version):
        lines.add(f"{s.n3()} {p.n3()} {_n3(o)} {g.n3()} .")
    # Round-trip once through a strict parser so nothing malformed ever leaves.
    text = "\n".join(sorted(lines)) + "\n"
    ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    yield from sorted(lines)


def _n3(term: Node) -> str:
    if isinstance(term, Literal):
        # rdflib's n3() may use triple quotes for multi-line strings: N-Quads needs one line.
        lex = (
            str(term)
            .replace("\\", "\\\\")
            .replace('"', '\\"')
            .replace("\n", "\\n")
            .replace("\r", "\\r")
        )
        if term.language:
            return f'"{lex}"@{term.language}'
        if term.datatype and term.datatype != XSD.string:
            return f'"{lex}"^^<{term.datatype}>'
        return f'"{lex}"'
    return term.n3()


def write_nquads(kg: ClaimGraph, path: str | Path, **kw: str) -> None:
    atomic_write_text(path, "".join(line + "\n" for line in generate_nquads(kg, **kw)))


def write_trig(kg: ClaimGraph, path: str | Path, **kw: str) -> None:
    atomic_write_bytes(path, to_dataset(kg, **kw).serialize(format="trig", encoding="utf-8"))


def _union(kg: ClaimGraph, **kw: str) -> Graph:
    g = bind_prefixes(Graph())
    for s, p, o, _ in generate_quads(kg, **kw):
        g.add((s, p, o))
    return g


def write_turtle(kg: ClaimGraph, path: str | Path, **kw: str) -> None:
    atomic_write_bytes(path, _union(kg, **kw).serialize(format="turtle", encoding="utf-8"))


def write_jsonld(kg: ClaimGraph, path: str | Path, **kw: str) -> None:
    data = _union(kg, **kw).serialize(format="json-ld", context=JSONLD_CONTEXT, indent=1)
    atomic_write_text(path, data)

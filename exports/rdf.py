"""ClaimGraph → RDF in the design's vocabulary, with one named graph per article.

Named graphs: ``<base>graph/doc/{source uuid}`` holds an article, its mentions and their
selectors (re-ingesting an article replaces exactly that graph); ``<base>graph/entities`` holds
claims, speakers, outlets and topics; ``<base>graph/relations`` claim–claim links;
``<base>graph/meta`` the provenance of the run. IRIs are ``base + node id``: no blank nodes, no
random parts, so the same input gives byte-identical sorted N-Quads. The run's time
(``prov:endedAtTime``) is only written when ``SOURCE_DATE_EPOCH`` is set, the reproducible-builds
convention, so that the default output stays byte-identical.

Selectors: a mention's content may be discontinuous (``"Moscow … has amassed …"``). Each content
span gets its own pair of selectors, so that ``oa:end - oa:start`` is always the length of
``oa:exact``: the first span ``<mention>#quote`` / ``<mention>#pos`` (the design's names; the
only pair for a continuous mention), further spans ``#quote-2`` / ``#pos-2`` and so on; both
selectors of a span carry its 1-based ``ckg:spanIndex`` so that queries and shapes can pair them.

TriG and N-Quads keep the named graphs; Turtle and JSON-LD carry their union. Above
:data:`FAST_THRESHOLD` quads TriG and Turtle are written by pyoxigraph (much faster than rdflib,
see ``benchmarks/rdf_serialise.py``); below it rdflib's prettier output is used.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import IO

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from ..graph import schema as S
from ..graph.ids import node_id
from ..graph.model import ClaimGraph
from .atomic import atomic_open, atomic_write_bytes, atomic_write_text
from .canonical import JSONLD_CONTEXT, CanonicalRDF
from .vocab import CKG, DEFAULT_BASE, OA, PROV, RDF, RDFS, SCHEMA, XSD, bind_prefixes

__all__ = [
    "Quad",
    "FAST_THRESHOLD",
    "JSONLD_CONTEXT",
    "MODES",
    "generate_quads",
    "generate_nquads",
    "nquads_text",
    "canonical_rdf",
    "to_dataset",
    "to_oxigraph",
    "serialise",
    "serialise_nquads",
    "write_trig",
    "write_nquads",
    "write_turtle",
    "write_jsonld",
    "graph_iri",
    "doc_graph_iri",
    "selector_pieces",
]

Quad = tuple[Node, Node, Node, URIRef]

#: Above this many quads, TriG and Turtle are written through pyoxigraph.
FAST_THRESHOLD = 20_000

#: Separator the graph puts between the pieces of a discontinuous mention's ``exact``.
SPAN_JOIN = " … "

MODES = {
    "direct": CKG.DirectQuote,
    "mixed": CKG.MixedQuote,
    "indirect": CKG.IndirectQuote,
    "according_to": CKG.AccordingTo,
    "assertion": CKG.AuthorAssertion,
}


_CONTEXT = 40  # characters of prefix/suffix of a text-quote selector
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def graph_iri(base: str, name: str) -> URIRef:
    """The IRI of a named graph: ``graph_iri("urn:claimgraph:", "entities")``."""
    return URIRef(f"{base}graph/{name}")


def doc_graph_iri(base: str, source: str) -> URIRef:
    """The named graph of one article, from its node id (``source/<uuid>``)."""
    return graph_iri(base, "doc/" + source.split("/", 1)[1])


def _date(value: str | None) -> Literal | None:
    if not value:
        return None
    if _DATE.match(value):
        return Literal(value, datatype=XSD.date)
    if _DATETIME.match(value):
        if "T" in value and len(value) == 16:
            value += ":00"
        return Literal(value, datatype=XSD.dateTime)
    return None


def _decimal(value: float | int | str) -> Literal:
    """An ``xsd:decimal`` in canonical form (always a fraction digit: ``100000.0``).

    >>> str(_decimal(100000)), str(_decimal(2.5))
    ('100000.0', '2.5')
    """
    text = format(Decimal(str(value)).normalize(), "f")
    return Literal(text if "." in text else text + ".0", datatype=XSD.decimal)


def selector_pieces(
    exact: str, spans: Sequence[Sequence[int]], text: str | None = None
) -> list[tuple[int, int, str]] | None:
    """Split a mention into ``(start, end, exact)`` per content span.

    With the article ``text`` the pieces are read from it; without, they are cut out of the
    graph's joined ``exact`` by the span lengths (``None`` when they do not fit).

    >>> selector_pieces("Moscow … has amassed", [[10, 16], [30, 41]])
    [(10, 16, 'Moscow'), (30, 41, 'has amassed')]
    """
    spans = [(int(s), int(e)) for s, e in spans]
    if text is not None and all(0 <= s <= e <= len(text) for s, e in spans):
        return [(s, e, text[s:e]) for s, e in spans]
    pieces, at = [], 0
    for i, (s, e) in enumerate(spans):
        if i:
            if exact[at : at + len(SPAN_JOIN)] != SPAN_JOIN:
                return None
            at += len(SPAN_JOIN)
        pieces.append((s, e, exact[at : at + e - s]))
        at += e - s
    return pieces if at == len(exact) else None


def _texts(kg: ClaimGraph) -> dict[str, str]:
    """Article text by doc id, when the graph carries its records (a build or a load)."""
    return {r.id: r.text for r in getattr(kg, "records", None) or []}


def _run_time() -> Literal | None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch or not epoch.isdigit():
        return None
    when = _dt.datetime.fromtimestamp(int(epoch), tz=_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return Literal(when, datatype=XSD.dateTime)


def generate_quads(
    kg: ClaimGraph, *, base: str | None = None, version: str | None = None
) -> Iterator[Quad]:
    """Every quad of the export, in a deterministic order (duplicates possible).

    Base IRI and version default to the graph's own, so a graph exported after loading
    mints the IRIs it was built with.
    """
    base = base or getattr(kg, "base", None) or DEFAULT_BASE
    version = version if version is not None else (getattr(kg, "version", None) or "")
    G = kg.G
    texts = _texts(kg)

    def iri(node: str) -> URIRef:
        return URIRef(base + node)

    entities = graph_iri(base, "entities")
    relations = graph_iri(base, "relations")
    meta = graph_iri(base, "meta")
    doc_graphs: list[URIRef] = []
    shas: list[str] = []

    for n, d in sorted(G.nodes(data=True), key=lambda x: x[0]):
        s = iri(n)
        kind = d.get("kind")
        if kind == S.SOURCE:
            g = doc_graph_iri(base, n)
            doc_graphs.append(g)
            shas.append(d["sha256"])
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
            for o, k in _out_edges(G, n):
                if k == S.PUBLISHED_BY:
                    yield s, SCHEMA.publisher, iri(o), g
                elif k == S.COPY_OF:
                    yield s, PROV.wasDerivedFrom, iri(o), g
                elif k == S.PART_OF:
                    yield s, SCHEMA.isPartOf, iri(o), g
        elif kind == S.OUTLET:
            yield s, RDF.type, SCHEMA.NewsMediaOrganization, entities
            yield s, SCHEMA.name, Literal(d["name"]), entities
            parent = d.get("parent")
            if parent and parent != d["name"]:
                p = iri(node_id(S.OUTLET, parent))
                yield s, SCHEMA.parentOrganization, p, entities
                yield p, RDF.type, SCHEMA.Organization, entities
                yield p, SCHEMA.name, Literal(parent), entities
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
            for o, k in _out_edges(G, n):
                if k == S.RELAYS:
                    yield s, CKG.relays, iri(o), relations
                elif k == S.MEMBER_OF:
                    yield s, CKG.memberOf, iri(o), entities
        elif kind == S.CLAIM:
            yield s, RDF.type, SCHEMA.Claim, entities
            yield s, SCHEMA.text, Literal(d["text"], lang="en"), entities
            yield s, RDFS.label, Literal(d.get("label") or d["text"][:50]), entities
            yield s, SCHEMA.name, Literal(d.get("label") or d["text"][:50]), entities
            yield s, CKG.nSources, Literal(int(d.get("n_sources", 0))), entities
            n_ind = int(d.get("n_independent_sources", 0))
            yield s, CKG.nIndependentSources, Literal(n_ind), entities
            if (lit := _date(d.get("first_seen"))) is not None:
                yield s, CKG.firstSeen, lit, entities
            for i, q in enumerate(d.get("quantities") or []):
                qn = URIRef(f"{s}#quantity-{i}")
                yield s, CKG.quantity, qn, entities
                yield qn, RDF.type, SCHEMA.QuantitativeValue, entities
                yield qn, SCHEMA.value, _decimal(q["value"]), entities
                if q.get("unit"):
                    yield qn, SCHEMA.unitText, Literal(q["unit"]), entities
                yield qn, CKG.bound, Literal(q.get("bound") or "exact"), entities
                if q.get("text"):
                    yield qn, RDFS.label, Literal(q["text"]), entities
            for o, k in _out_edges(G, n):
                if k == S.ABOUT:
                    yield s, SCHEMA.about, iri(o), entities
                elif k == S.CONTRADICTS:
                    # Symmetric: stored both ways even if the graph held one direction.
                    yield s, CKG.contradicts, iri(o), relations
                    yield iri(o), CKG.contradicts, s, relations
                elif k == S.CORROBORATES:
                    yield s, CKG.corroborates, iri(o), relations
                elif k == S.CONFLICTING_QUANTITY:
                    yield s, CKG.conflictingQuantity, iri(o), relations
                    yield iri(o), CKG.conflictingQuantity, s, relations
        elif kind == S.STORY:
            yield s, RDF.type, CKG.Story, entities
            yield s, RDF.type, SCHEMA.Event, entities
            yield s, RDFS.label, Literal(d.get("label") or ""), entities
            yield s, CKG.nSources, Literal(int(d.get("n_sources", 0))), entities
            if (lit := _date(d.get("first_seen"))) is not None:
                yield s, SCHEMA.startDate, lit, entities
            if (lit := _date(d.get("last_seen"))) is not None:
                yield s, SCHEMA.endDate, lit, entities
        elif kind == S.TOPIC:
            yield s, RDF.type, SCHEMA.DefinedTerm, entities
            yield s, SCHEMA.name, Literal(d.get("label") or d.get("name")), entities
        elif kind == S.MENTION:
            yield from _mention_quads(G, n, d, s, iri, doc_graph_iri(base, d["source"]), texts)

    run = iri(node_id("run", "\x1f".join([version, *sorted(shas)])))
    yield run, RDF.type, PROV.Activity, meta
    yield run, RDF.type, CKG.Run, meta
    yield run, CKG.toolVersion, Literal(f"claimgraph {version}".strip()), meta
    if (when := _run_time()) is not None:
        yield run, PROV.endedAtTime, when, meta
    for g in [graph_iri(base, "entities"), graph_iri(base, "relations"), *sorted(doc_graphs)]:
        yield g, PROV.wasGeneratedBy, run, meta


def _out_edges(G, n: str) -> list[tuple[str, str]]:
    """``(target, key)`` of every edge out of ``n``, sorted: read off the adjacency, since
    ``G.out_edges(n)`` builds a view per call and dominated the export of a large graph."""
    return sorted((o, k) for o, keys in G.succ[n].items() for k in keys)


def _mention_quads(G, n, d, s, iri, g, texts) -> Iterator[Quad]:
    yield s, RDF.type, CKG.ClaimMention, g
    yield s, OA.hasSource, iri(d["source"]), g
    yield s, CKG.attributionMode, MODES.get(d.get("claim_kind"), CKG.IndirectQuote), g
    if d.get("cue_text"):
        yield s, CKG.cue, Literal(d["cue_text"]), g
    if d.get("speaker"):
        yield s, PROV.wasAttributedTo, iri(d["speaker"]), g
    if d.get("relayed_by"):
        yield s, CKG.relayedBy, Literal(d["relayed_by"]), g
    published = G.nodes[d["source"]].get("published") if d["source"] in G else None
    if d.get("date") and d["date"] != published and (lit := _date(d["date"])) is not None:
        yield s, CKG.statementDate, lit, g
    yield s, CKG.confidence, _decimal(round(float(d.get("confidence", 0.5)), 4)), g
    for o, k in _out_edges(G, n):
        if k == S.EXPRESSES:
            yield s, CKG.expresses, iri(o), g
    spans = d.get("content") or [[d["start"], d["end"]]]
    text = texts.get(d.get("doc_id") or G.nodes[d["source"]].get("doc_id"))
    pieces = selector_pieces(d["exact"], spans, text)
    if pieces is None:  # a graph whose exact does not match its spans: one covering selector
        pieces = [(int(d["start"]), int(d["end"]), d["exact"])]
    last = len(pieces) - 1
    for i, (start, end, exact) in enumerate(pieces):
        tag = "" if i == 0 else f"-{i + 1}"
        quote, pos = URIRef(f"{s}#quote{tag}"), URIRef(f"{s}#pos{tag}")
        if text is not None:
            prefix, suffix = text[max(0, start - _CONTEXT) : start], text[end : end + _CONTEXT]
        else:
            prefix = d.get("prefix") if i == 0 else None
            suffix = d.get("suffix") if i == last else None
        yield s, OA.hasSelector, quote, g
        yield quote, RDF.type, OA.TextQuoteSelector, g
        yield quote, OA.exact, Literal(exact), g
        yield quote, CKG.spanIndex, Literal(i + 1), g
        if prefix is not None:
            yield quote, OA.prefix, Literal(prefix), g
        if suffix is not None:
            yield quote, OA.suffix, Literal(suffix), g
        yield s, OA.hasSelector, pos, g
        yield pos, RDF.type, OA.TextPositionSelector, g
        yield pos, OA.start, Literal(start), g
        yield pos, OA.end, Literal(end), g
        yield pos, CKG.spanIndex, Literal(i + 1), g


# -- N-Quads: the canonical, sorted form ---------------------------------------------------
def _n3(term: Node) -> str:
    if type(term) is URIRef:
        # rdflib's n3() also checks the IRI; the strict parse of the whole document does that.
        return f"<{term}>"
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


def _lines(quads: Iterable[Quad]) -> list[str]:
    return sorted({f"{_n3(s)} {_n3(p)} {_n3(o)} {_n3(g)} ." for s, p, o, g in quads})


def generate_nquads(
    kg: ClaimGraph, *, base: str | None = None, version: str | None = None
) -> Iterator[str]:
    """Sorted, de-duplicated N-Quads lines: byte-identical for the same input.

    Checked once by a strict parser (pyoxigraph), so nothing malformed ever leaves.
    """
    lines = _lines(generate_quads(kg, base=base, version=version))
    CanonicalRDF.from_lines(lines).check()
    yield from lines


def canonical_rdf(
    kg: ClaimGraph, *, base: str | None = None, version: str | None = None
) -> CanonicalRDF:
    """The sorted N-Quads document, checked by the strict parser whose quads every other
    format is then written from."""
    lines = _lines(generate_quads(kg, base=base, version=version))
    return CanonicalRDF.from_lines(lines).check()


def nquads_text(kg: ClaimGraph, **kw: str) -> str:
    """The whole sorted N-Quads document."""
    return canonical_rdf(kg, **kw).text


def write_nquads(kg: ClaimGraph, path: str | Path, **kw: str) -> None:
    atomic_write_text(path, nquads_text(kg, **kw))


# -- rdflib and pyoxigraph views ----------------------------------------------------------
def to_dataset(kg: ClaimGraph, *, base: str | None = None, version: str | None = None) -> Dataset:
    """The export as an rdflib ``Dataset`` (named graphs kept)."""
    ds = Dataset()
    bind_prefixes(ds)
    for s, p, o, g in generate_quads(kg, base=base, version=version):
        ds.add((s, p, o, g))
    return ds


def to_oxigraph(kg: ClaimGraph, **kw: str) -> list:
    """The export as pyoxigraph ``Quad`` s, sorted by graph then statement."""
    return _ox_quads(generate_nquads(kg, **kw))


def _ox_quads(lines: Iterable[str]) -> list:
    return CanonicalRDF.from_lines(lines).by_graph


def _union(kg: ClaimGraph, **kw: str) -> Graph:
    g = bind_prefixes(Graph())
    for s, p, o, _ in generate_quads(kg, **kw):
        g.add((s, p, o))
    return g


def serialise(kg: ClaimGraph, fmt: str, *, engine: str = "auto", **kw: str) -> bytes:
    """The export in ``fmt`` (``trig``, ``ttl``, ``nq``, ``jsonld``) as UTF-8 bytes.

    ``engine``: ``rdflib``, ``oxigraph`` or ``auto``: the canonical N-Quads re-serialised by
    pyoxigraph, the very bytes ``claimgraph build`` writes. JSON-LD carries
    :data:`JSONLD_CONTEXT`; it is written by pyoxigraph and compacted unless
    ``engine="rdflib"``.
    """
    if fmt == "nq":
        return canonical_rdf(kg, **kw).data
    if engine == "auto" and fmt in ("trig", "ttl", "jsonld"):
        return canonical_rdf(kg, **kw).serialise(fmt)
    if fmt == "jsonld":
        if engine == "rdflib":
            data = _union(kg, **kw).serialize(format="json-ld", context=JSONLD_CONTEXT, indent=1)
            return data.encode("utf-8")
        return canonical_rdf(kg, **kw).serialise("jsonld")
    if fmt not in ("trig", "ttl"):
        raise ValueError(f"format {fmt!r} is invalid; format must be one of trig, ttl, nq, jsonld")
    if engine != "rdflib":
        rdf = canonical_rdf(kg, **kw)
        if engine == "oxigraph" or len(rdf.quads) > FAST_THRESHOLD:
            return rdf.serialise(fmt)
    if fmt == "trig":
        return to_dataset(kg, **kw).serialize(format="trig", encoding="utf-8")
    return _union(kg, **kw).serialize(format="turtle", encoding="utf-8")


def serialise_nquads(nquads: str, fmt: str) -> bytes:
    """Re-serialise the canonical N-Quads document as ``trig``, ``ttl`` or ``jsonld``.

    JSON-LD is the union with compact keys under :data:`JSONLD_CONTEXT`
    (:meth:`CanonicalRDF.write_jsonld`).
    """
    if fmt not in ("trig", "ttl", "jsonld"):
        raise ValueError(f"format {fmt!r} is invalid; format must be one of trig, ttl, jsonld")
    return CanonicalRDF(nquads).serialise(fmt)


def write_jsonld_stream(nquads: str, fh: IO[str]) -> None:
    """Write the union of ``nquads`` as compact-keyed JSON-LD, one node at a time."""
    CanonicalRDF(nquads).write_jsonld(fh)


def write_trig(kg: ClaimGraph, path: str | Path, *, engine: str = "auto", **kw: str) -> None:
    atomic_write_bytes(path, serialise(kg, "trig", engine=engine, **kw))


def write_turtle(kg: ClaimGraph, path: str | Path, *, engine: str = "auto", **kw: str) -> None:
    atomic_write_bytes(path, serialise(kg, "ttl", engine=engine, **kw))


def write_jsonld(kg: ClaimGraph, path: str | Path, **kw: str) -> None:
    with atomic_open(path, "wb") as fh:
        fh.write(serialise(kg, "jsonld", **kw))

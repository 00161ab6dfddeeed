"""RDF vocabularies: the claimgraph namespace ``ckg:`` and the prefixes every export binds.

``schema:`` is bound to **http**://schema.org/ (rdflib's own SDO namespace uses https) with
``override=True, replace=True`` so no ``schema1`` prefix ever appears.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, XSD, DefinedNamespace

__all__ = [
    "CKG",
    "SCHEMA",
    "OA",
    "PROV",
    "RDF",
    "RDFS",
    "XSD",
    "OWL",
    "bind_prefixes",
    "PREFIXES",
    "DEFAULT_BASE",
    "SHAPES_PATH",
]

SCHEMA = Namespace("http://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")

#: The SHACL shapes of the model, shipped with the package.
SHAPES_PATH = Path(__file__).with_name("shapes.ttl")

#: Default base of minted IRIs: ``urn:claimgraph:claim/<uuid>``. Override with ``--base-iri``.
DEFAULT_BASE = "urn:claimgraph:"


class CKG(DefinedNamespace):
    """Terms claimgraph adds where schema.org, PROV and Web Annotation have none."""

    _NS = Namespace("https://w3id.org/claimgraph/ns#")
    _fail = True

    # classes
    ClaimMention: URIRef
    Topic: URIRef
    Run: URIRef
    # attribution modes
    DirectQuote: URIRef
    MixedQuote: URIRef
    IndirectQuote: URIRef
    AccordingTo: URIRef
    AuthorAssertion: URIRef
    # properties
    expresses: URIRef
    attributionMode: URIRef
    cue: URIRef
    speakerType: URIRef
    quantity: URIRef
    bound: URIRef
    minValue: URIRef
    maxValue: URIRef
    contradicts: URIRef
    corroborates: URIRef
    conflictingQuantity: URIRef
    relays: URIRef
    relayedBy: URIRef
    memberOf: URIRef
    nSources: URIRef
    nIndependentSources: URIRef
    firstSeen: URIRef
    statementDate: URIRef
    confidence: URIRef
    dateline: URIRef
    credit: URIRef
    docId: URIRef
    sha256: URIRef
    toolVersion: URIRef
    reason: URIRef
    why: URIRef
    spanIndex: URIRef


PREFIXES = {
    "schema": SCHEMA,
    "prov": Namespace(str(PROV)),
    "oa": OA,
    "ckg": Namespace(str(CKG._NS)),
    "xsd": Namespace(str(XSD)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "rdf": Namespace(str(RDF)),
}


def bind_prefixes(g: Graph) -> Graph:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    return g

"""RDF vocabularies: the claimgraph namespace ``ckg:`` and the prefixes every export binds.

``schema:`` is bound to **http**://schema.org/ (rdflib's own SDO namespace uses https) with
``override=True, replace=True`` so no ``schema1`` prefix ever appears.
"""

from __future__ import annotations

import re
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
    "base_iri_problem",
    "iri_problem",
    "SHAPES_PATH",
]

SCHEMA = Namespace("http://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")

#: The SHACL shapes of the model, shipped with the package.
SHAPES_PATH = Path(__file__).with_name("shapes.ttl")

#: Default base of minted IRIs: ``urn:claimgraph:claim/<uuid>``. Override with ``--base-iri``.
DEFAULT_BASE = "urn:claimgraph:"

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\\x7f-\x9f\ud800-\udfff]')


def iri_problem(value: str) -> str | None:
    """Why ``value`` is not an absolute IRI that N-Quads can carry, or None.

    >>> iri_problem("https://www.wikidata.org/wiki/Q23") is None
    True
    >>> iri_problem("not an iri")
    'it is not an absolute IRI (scheme:…)'
    """
    if not isinstance(value, str) or not _SCHEME.match(value):
        return "it is not an absolute IRI (scheme:…)"
    if (m := _NOT_IN_IRI.search(value)) is not None:
        return f"it holds {m.group(0)!r}, which an IRI cannot"
    return None


def base_iri_problem(base: str) -> str | None:
    """Why ``base`` cannot prefix minted IRIs (``base + "claim/<uuid>"``), or None.

    It must be an absolute IRI without ``#`` or ``?`` (selectors add ``#quote``) that ends in
    ``/`` or ``:``, so that ``claim/…`` and ``graph/…`` are path segments.

    >>> base_iri_problem("http://example.org/kg#")
    "it holds '#'; a base ends in / or : and has no fragment or query"
    >>> base_iri_problem("http://example.org/kg/") is None
    True
    """
    if (problem := iri_problem(base)) is not None:
        return problem
    if "#" in base or "?" in base:
        bad = "#" if "#" in base else "?"
        return f"it holds {bad!r}; a base ends in / or : and has no fragment or query"
    if not base.endswith(("/", ":")):
        return "it must end in / or :"
    return None


class CKG(DefinedNamespace):
    """Terms claimgraph adds where schema.org, PROV and Web Annotation have none."""

    _NS = Namespace("https://w3id.org/claimgraph/ns#")
    _fail = True

    # classes
    ClaimMention: URIRef
    Topic: URIRef
    Run: URIRef
    Story: URIRef  # the articles about one real-world event (a schema:Event)
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

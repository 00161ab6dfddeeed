"""The five questions of the design as named SPARQL queries, with safely bound parameters.

Every query uses ``GRAPH`` patterns (Oxigraph's default graph is not the union of the named
graphs; Virtuoso's is) and runs unchanged on Oxigraph (embedded or server) and Virtuoso. Required
patterns come before ``OPTIONAL`` ones: pyoxigraph plans a substituted query badly otherwise.

Parameters are never spliced into the query text as raw strings:

- on an embedded pyoxigraph store they are passed as ``substitutions`` (SEP-0007). pyoxigraph
  only substitutes variables of the ``SELECT`` projection, so every parameter is projected, and
  filtered at the top level of the query (never inside a sub-select, whose scope is its own);
- on a server (which has no substitution) :func:`bind_values` adds a ``VALUES`` block at the top of
  the outer ``WHERE``, each term written by pyoxigraph's own N-Triples serialiser (quotes,
  backslashes and newlines escaped), so a hostile value stays one string literal.

The speaker parameter matches ``schema:name`` or ``schema:alternateName``, case-insensitively
(``LCASE``). Independent outlets (``claims-by-independent-outlets``) are source lineages: a
``prov:wasDerivedFrom`` copy counts with its original, outlets sharing a
``schema:parentOrganization`` count once, an article without an outlet counts alone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..ingest.errors import QueryError

__all__ = ["Param", "NamedQuery", "NAMED_QUERIES", "PREFIXES", "resolve_params", "bind_values"]

PREFIXES = """PREFIX schema: <http://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX ckg: <https://w3id.org/claimgraph/ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


@dataclass(frozen=True)
class Param:
    """A query parameter: the SPARQL variable of the same name is bound to its value."""

    name: str
    kind: str = "string"  # "string" or "integer"
    default: str | int | None = None
    help: str = ""


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    params: tuple[Param, ...]
    body: str

    @property
    def text(self) -> str:
        """The full query text, prefixes included."""
        return PREFIXES + self.body


_SPEAKER_MATCH = """
  GRAPH ?ge { ?sp ?nameProp ?alias . ?sp schema:name ?name . }
  VALUES ?nameProp { schema:name schema:alternateName }
  FILTER (LCASE(STR(?alias)) = LCASE(STR(?speaker)))"""

CLAIMS_BY_SPEAKER = NamedQuery(
    "claims-by-speaker",
    "All claims by a speaker, with how many articles report each claim.",
    (Param("speaker", help="name or alias of the speaker (case-insensitive)"),),
    """SELECT DISTINCT ?speaker ?name ?claim ?text ?articles
WHERE {"""
    + _SPEAKER_MATCH
    + """
  GRAPH ?gm { ?m prov:wasAttributedTo ?sp ; ckg:expresses ?claim . }
  GRAPH ?gc { ?claim schema:text ?text . }
  {
    SELECT ?claim (COUNT(DISTINCT ?article) AS ?articles)
    WHERE { GRAPH ?ga { ?x ckg:expresses ?claim ; oa:hasSource ?article . } }
    GROUP BY ?claim
  }
}
ORDER BY DESC(?articles) ?text ?claim
""",
)

SOURCES_OF_CLAIM = NamedQuery(
    "sources-of-claim",
    "All sources of a claim: article, outlet, date, speaker, exact quoted text and offsets "
    "(one row per content span).",
    (Param("claim", help="claim IRI, or text contained in the claim (case-insensitive)"),),
    """SELECT DISTINCT ?claim ?claimIri ?claimText ?article ?headline ?outlet ?date ?speakerName
       ?exact ?start ?end ?mention
WHERE {
  GRAPH ?ge { ?claimIri a schema:Claim ; schema:text ?claimText . }
  FILTER (STR(?claimIri) = STR(?claim)
          || CONTAINS(LCASE(STR(?claimText)), LCASE(STR(?claim))))
  GRAPH ?gd {
    ?mention ckg:expresses ?claimIri ; oa:hasSource ?article ; oa:hasSelector ?q , ?p .
    ?q a oa:TextQuoteSelector ; ckg:spanIndex ?i ; oa:exact ?exact .
    ?p a oa:TextPositionSelector ; ckg:spanIndex ?i ; oa:start ?start ; oa:end ?end .
  }
  OPTIONAL { GRAPH ?gh { ?article schema:headline ?headline . } }
  OPTIONAL { GRAPH ?gt { ?article schema:datePublished ?date . } }
  OPTIONAL { GRAPH ?gp { ?article schema:publisher ?pub . }
             GRAPH ?go { ?pub schema:name ?outlet . } }
  OPTIONAL { GRAPH ?gw { ?mention prov:wasAttributedTo ?sp . }
             GRAPH ?gs { ?sp schema:name ?speakerName . } }
}
ORDER BY ?claimIri STR(?date) ?article ?start
""",
)

CLAIMS_BY_INDEPENDENT_OUTLETS = NamedQuery(
    "claims-by-independent-outlets",
    "Claims reported by at least N independent outlets (syndicated copies and outlets of one "
    "parent count once).",
    (Param("min_outlets", "integer", 2, "least number of independent source lineages"),),
    """SELECT ?claim ?text ?lineages ?articles ?min_outlets
WHERE {
  {
    SELECT ?claim (COUNT(DISTINCT ?lineage) AS ?lineages) (COUNT(DISTINCT ?article) AS ?articles)
    WHERE {
      GRAPH ?gd { ?m ckg:expresses ?claim ; oa:hasSource ?article . }
      OPTIONAL { GRAPH ?gc { ?article prov:wasDerivedFrom ?original } }
      BIND (COALESCE(?original, ?article) AS ?root)
      OPTIONAL {
        GRAPH ?gr { ?root schema:publisher ?outlet }
        OPTIONAL { GRAPH ?go { ?outlet schema:parentOrganization ?parent } }
      }
      BIND (COALESCE(?parent, ?outlet, ?root) AS ?lineage)
    }
    GROUP BY ?claim
  }
  FILTER (?lineages >= ?min_outlets)
  GRAPH ?ge { ?claim schema:text ?text . }
}
ORDER BY DESC(?lineages) ?text ?claim
""",
)

CONTRADICTING_PAIRS = NamedQuery(
    "contradicting-pairs",
    "Pairs of contradicting claims (each pair once) with their speakers.",
    (),
    """SELECT ?a ?b (SAMPLE(?at) AS ?aText) (SAMPLE(?bt) AS ?bText)
       (GROUP_CONCAT(DISTINCT ?as ; separator=" | ") AS ?aSpeakers)
       (GROUP_CONCAT(DISTINCT ?bs ; separator=" | ") AS ?bSpeakers)
WHERE {
  GRAPH ?gr { ?a ckg:contradicts ?b . }
  FILTER (STR(?a) < STR(?b))
  GRAPH ?ga { ?a schema:text ?at . }
  GRAPH ?gb { ?b schema:text ?bt . }
  OPTIONAL { GRAPH ?gma { ?ma ckg:expresses ?a ; prov:wasAttributedTo ?spa . }
             GRAPH ?gsa { ?spa schema:name ?as . } }
  OPTIONAL { GRAPH ?gmb { ?mb ckg:expresses ?b ; prov:wasAttributedTo ?spb . }
             GRAPH ?gsb { ?spb schema:name ?bs . } }
}
GROUP BY ?a ?b
ORDER BY ?a ?b
""",
)

SPEAKER_TIMELINE = NamedQuery(
    "speaker-timeline",
    "A speaker's statements in time order: the statement's date when the article gives it, "
    "else the publication date (undated last).",
    (Param("speaker", help="name or alias of the speaker (case-insensitive)"),),
    """SELECT DISTINCT ?speaker ?name ?date ?claim ?text ?exact ?article ?outlet ?mention
WHERE {"""
    + _SPEAKER_MATCH
    + """
  GRAPH ?gd {
    ?mention prov:wasAttributedTo ?sp ; ckg:expresses ?claim ; oa:hasSource ?article ;
             oa:hasSelector ?q .
    ?q a oa:TextQuoteSelector ; ckg:spanIndex 1 ; oa:exact ?exact .
  }
  GRAPH ?gc { ?claim schema:text ?text . }
  OPTIONAL { GRAPH ?gs { ?mention ckg:statementDate ?stated . } }
  OPTIONAL { GRAPH ?gt { ?article schema:datePublished ?published . } }
  OPTIONAL { GRAPH ?gp { ?article schema:publisher ?pub . }
             GRAPH ?go { ?pub schema:name ?outlet . } }
  BIND (COALESCE(?stated, ?published) AS ?date)
}
ORDER BY (!BOUND(?date)) STR(?date) ?article ?mention
""",
)

NAMED_QUERIES: dict[str, NamedQuery] = {
    q.name: q
    for q in (
        CLAIMS_BY_SPEAKER,
        SOURCES_OF_CLAIM,
        CLAIMS_BY_INDEPENDENT_OUTLETS,
        CONTRADICTING_PAIRS,
        SPEAKER_TIMELINE,
    )
}


def get(name: str) -> NamedQuery:
    try:
        return NAMED_QUERIES[name]
    except KeyError:
        raise QueryError(
            f"named query {name!r} is unknown; choose one of {', '.join(NAMED_QUERIES)}"
        ) from None


def resolve_params(query: NamedQuery, given: Mapping[str, str | int]) -> dict[str, str | int]:
    """Check ``given`` against the query's parameters, apply defaults, convert integers.

    >>> resolve_params(CLAIMS_BY_INDEPENDENT_OUTLETS, {})
    {'min_outlets': 2}
    """
    known = {p.name: p for p in query.params}
    unknown = sorted(set(given) - set(known))
    if unknown:
        expected = ", ".join(known) or "none"
        raise QueryError(
            f"{query.name}: unknown parameter {unknown[0]!r}; its parameters are: {expected}"
        )
    out: dict[str, str | int] = {}
    for p in query.params:
        value = given.get(p.name, p.default)
        if value is None:
            raise QueryError(f"{query.name}: parameter {p.name!r} is required ({p.help})")
        if p.kind == "integer":
            try:
                value = int(value)
            except (TypeError, ValueError):
                raise QueryError(
                    f"{query.name}: parameter {p.name!r} = {value!r} is invalid; "
                    "it must be an integer"
                ) from None
        else:
            value = str(value)
        out[p.name] = value
    return out


def to_term(value: str | int):  # -> pyoxigraph.Literal
    """A parameter value as an RDF literal (``xsd:integer`` or ``xsd:string``)."""
    import pyoxigraph as ox

    return ox.Literal(value) if isinstance(value, int) else ox.Literal(str(value))


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def bind_values(query_text: str, values: Mapping[str, str | int]) -> str:
    """The query with a ``VALUES`` block binding ``values`` at the top of its outer ``WHERE``.

    Terms are written by pyoxigraph's N-Triples serialiser, so the value can never close the
    string or the block it sits in.

    >>> bind_values("SELECT ?x WHERE { ?s ?p ?x }", {"x": 'a"b'})
    'SELECT ?x WHERE {\\n  VALUES (?x) { ("a\\\\"b") }\\n ?s ?p ?x }'
    """
    if not values:
        return query_text
    m = _WHERE.search(query_text)
    if m is None:
        raise QueryError("cannot bind parameters: the query has no WHERE { … } block")
    for name in values:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"parameter name {name!r} is invalid; use letters, digits and _")
    names = " ".join(f"?{n}" for n in values)
    terms = " ".join(str(to_term(v)) for v in values.values())
    block = f"\n  VALUES ({names}) {{ ({terms}) }}\n"
    return query_text[: m.end()] + block + query_text[m.end() :]

"""The :class:`ClaimGraph`: a networkx ``MultiDiGraph`` with the questions analysts ask of it.

Queries return plain dicts (``{"id": node_id, **attributes}``), sorted deterministically, so
they print, serialise and compare well. Names resolve through aliases: ``claims(speaker="Lavrov")``
finds Sergey Lavrov's claims.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import IO, Any, Protocol

import networkx as nx
from rapidfuzz import fuzz

from ..ingest.outlets import outlet_lineage
from . import schema as S
from .knowledge import knowledge
from .names import is_role_phrase, name_key
from .speakers import roles_match

__all__ = ["ClaimGraph"]

Row = dict[str, Any]


class Views(Protocol):
    """What the face package attaches so a graph can show itself as RDF, SPARQL and HTML
    without the graph stage importing the exports (see ``claimgraph/views.py``)."""

    def to_rdf(self, kg: ClaimGraph) -> Any: ...
    def nquads(self, kg: ClaimGraph) -> list[str]: ...
    def store(self, kg: ClaimGraph) -> Any: ...
    def query(self, kg: ClaimGraph, sparql: str, bindings: Any) -> list[dict[str, Any]]: ...
    def named_query(self, kg: ClaimGraph, name: str, params: dict) -> list[dict[str, Any]]: ...
    def write_html(self, kg: ClaimGraph, path: Any, **options: Any) -> None: ...
    def notebook_html(self, kg: ClaimGraph) -> str: ...
    def save(self, kg: ClaimGraph, out_dir: Any) -> dict[str, str]: ...


#: The base of minted IRIs when a graph was given none.
DEFAULT_BASE = "urn:claimgraph:"


def _plural(kind: str) -> str:
    """ "story" → "stories", "claim" → "claims": the keys of :meth:`ClaimGraph.stats`."""
    return f"{kind[:-1]}ies" if kind.endswith("y") else f"{kind}s"


class ClaimGraph:
    """Claims, speakers and sources of a corpus, merged across articles; the one graph class.

    The graph carries its own base IRI and the version that built it (``G.graph``), so every
    export of it, now or after ``claimgraph.load``, mints the same IRIs and writes the same
    bytes.

    Args:
        G: the underlying graph; node and edge ``kind`` attributes follow :mod:`.schema`.
        records: the document records it was built from (written as ``records.jsonl``).
        base: base IRI of the RDF export; default: the one ``G`` was built with.

    >>> kg = ClaimGraph()
    >>> kg.speakers(), kg.base
    ([], 'urn:claimgraph:')
    """

    #: RDF, SPARQL and HTML views, attached by the ``claimgraph`` package when it is imported.
    views: Views | None = None

    def __init__(
        self,
        G: nx.MultiDiGraph | None = None,
        *,
        records: list | None = None,
        base: str | None = None,
    ) -> None:
        self.G = G if G is not None else nx.MultiDiGraph()
        self.records = list(records or [])
        if base is not None or "base_iri" not in self.G.graph:
            self.G.graph["base_iri"] = base or DEFAULT_BASE
        #: The build's on-disk Oxigraph store, set by ``claimgraph.load``.
        self.store_path: Any = None
        self._store: Any = None

    @property
    def base(self) -> str:
        """The base of the IRIs the RDF export mints."""
        return self.G.graph["base_iri"]

    @property
    def version(self) -> str | None:
        """The claimgraph version that built this graph (``None`` for a hand-made graph)."""
        return self.G.graph.get("version")

    def _views(self) -> Views:
        if self.views is None:
            raise RuntimeError("RDF and HTML views need the claimgraph package: import claimgraph")
        return self.views

    # -- RDF, SPARQL, HTML, files ----------------------------------------------------------
    def to_rdf(self) -> Any:
        """The graph as an rdflib ``Dataset`` with one named graph per article."""
        return self._views().to_rdf(self)

    def nquads(self) -> list[str]:
        """The sorted N-Quads lines of the export (byte-identical for the same input)."""
        return self._views().nquads(self)

    def store(self) -> Any:
        """The Oxigraph store: the build's ``store/`` when current, else one in memory."""
        return self._views().store(self)

    def query(self, sparql: str, bindings: Mapping[str, str] | None = None) -> list[Row]:
        """Run a SPARQL SELECT/ASK; ``bindings`` bind variables safely, never spliced in."""
        return self._views().query(self, sparql, bindings)

    def named_query(self, name: str, **params: str | int) -> list[Row]:
        """Run one of the named questions (``claimgraph.exports.queries.NAMED_QUERIES``)."""
        return self._views().named_query(self, name, params)

    def write_html(self, path: Any, **options: Any) -> None:
        """Write the interactive page: one self-contained file that works offline."""
        self._views().write_html(self, path, **options)

    def _repr_html_(self) -> str:
        return self._views().notebook_html(self)

    def save(self, out_dir: Any) -> dict[str, str]:
        """Write every output into ``out_dir``; returns format → path."""
        return self._views().save(self, out_dir)

    # -- views -------------------------------------------------------------------------
    def nodes(self, kind: str) -> Iterator[Row]:
        for n, data in sorted(self.G.nodes(data=True), key=lambda x: x[0]):
            if data.get("kind") == kind:
                yield {"id": n, **data}

    def node(self, node: str) -> Row:
        return {"id": node, **self.G.nodes[node]}

    def _out(self, node: str, key: str) -> list[str]:
        return sorted({v for _, v, k in self.G.out_edges(node, keys=True) if k == key})

    def _in(self, node: str, key: str) -> list[str]:
        return sorted({u for u, _, k in self.G.in_edges(node, keys=True) if k == key})

    def to_networkx(self) -> nx.MultiDiGraph:
        """A copy of the graph, safe to change."""
        return self.G.copy()

    def stats(self) -> dict[str, int]:
        counts = {kind: 0 for kind in S.NODE_KINDS}
        for _, kind in self.G.nodes(data="kind"):
            counts[kind] = counts.get(kind, 0) + 1
        edges = {kind: 0 for kind in S.EDGE_KINDS}
        for *_, kind in self.G.edges(keys=True):
            edges[kind] = edges.get(kind, 0) + 1
        return {
            **{_plural(k): v for k, v in counts.items()},
            **{f"edges_{k}": v for k, v in edges.items()},
        }

    # -- lookup --------------------------------------------------------------------------
    def find_speaker(self, name: str) -> str | None:
        """The speaker node whose name or alias matches ``name``.

        Tried in order: the exact name key of a name or alias; a metonym or organisation of the
        resolution tables ("the Kremlin" → Russia); a unique speaker sharing the surname; the one
        speaker holding a matching role ("Russia's Foreign Minister"); a unique near-miss
        spelling ("Antony Blink") or a name whose words are all in one speaker's name
        ("Ukrainian military intelligence").
        """
        if name in self.G and self.G.nodes[name].get("kind") == S.SPEAKER:
            return name
        key = name_key(name)
        if not key:
            return None
        table = knowledge().metonyms.get(key) or knowledge().organisations.get(key)
        partial, close = [], []
        speakers = list(self.nodes(S.SPEAKER))
        for sp in speakers:
            keys = {name_key(sp["name"]), *(name_key(a) for a in sp.get("aliases", []))}
            if key in keys:
                return sp["id"]
            if table and name_key(sp["name"]) == name_key(table):
                return sp["id"]
            if any(k.split()[-1:] == key.split()[-1:] for k in keys if k):
                partial.append(sp["id"])
            if any(
                fuzz.ratio(key, k) >= 88 or set(key.split()) <= set(k.split()) for k in keys if k
            ):
                close.append(sp["id"])
        if len(set(partial)) == 1:
            return partial[0]
        holders = [
            sp["id"]
            for sp in speakers
            if is_role_phrase(name) and roles_match(name, sp.get("roles") or [])
        ]
        if len(holders) == 1:
            return holders[0]
        return close[0] if len(set(close)) == 1 else None

    def find_claim(self, claim: str) -> str | None:
        """A claim by id; else the shortest claim containing ``claim``; else the longest claim
        contained in it; else the claim of a mention whose text with its context contains it
        (so a sentence as printed, speaker and cue included, finds its claim)."""
        if claim in self.G and self.G.nodes[claim].get("kind") == S.CLAIM:
            return claim
        needle = " ".join(claim.casefold().split())
        inside, around = [], []
        for c in self.nodes(S.CLAIM):
            text = " ".join(c["text"].casefold().split())
            if needle in text:
                inside.append((len(text), c["id"]))
            elif len(text) >= 20 and text in needle:
                around.append((-len(text), c["id"]))
        hits = sorted(inside) or sorted(around)
        if hits:
            return hits[0][1]
        # The sentence as printed ("Russia has denied it is preparing to invade"): look in each
        # mention's quoted span with the words around it.
        for m in self.nodes(S.MENTION):
            window = " ".join(f"{m.get('prefix', '')}{m['exact']}{m.get('suffix', '')}".split())
            if needle in window.casefold():
                return self._out(m["id"], S.EXPRESSES)[0]
        return None

    def find_source(self, source: str) -> str | None:
        if source in self.G:
            return source
        for s in self.nodes(S.SOURCE):
            if source in (s["doc_id"], s.get("url"), s.get("path")):
                return s["id"]
        return None

    # -- questions -----------------------------------------------------------------------
    def speakers(self) -> list[Row]:
        """Every speaker with its number of claims, most prolific first."""
        rows = []
        for sp in self.nodes(S.SPEAKER):
            sp["n_claims"] = len(self._out(sp["id"], S.SAID))
            rows.append(sp)
        return sorted(rows, key=lambda r: (-r["n_claims"], r["name"]))

    def claims(
        self,
        speaker: str | None = None,
        *,
        topic: str | None = None,
        source: str | None = None,
        min_sources: int = 0,
    ) -> list[Row]:
        """Claims, optionally by speaker, about a topic, in a source, with enough sources.

        ``min_sources`` counts independent sources (syndicated copies count once).
        """
        candidates: set[str] | None = None
        if speaker is not None:
            sp = self.find_speaker(speaker)
            candidates = set(self._out(sp, S.SAID)) if sp else set()
        if topic is not None:
            key = name_key(topic)
            tids = [t["id"] for t in self.nodes(S.TOPIC) if key in name_key(t["label"])]
            found = {c for t in tids for c in self._in(t, S.ABOUT)}
            candidates = found if candidates is None else candidates & found
        if source is not None:
            sid = self.find_source(source)
            found = set(self._in(sid, S.REPORTED_IN)) if sid else set()
            candidates = found if candidates is None else candidates & found
        rows = []
        for c in self.nodes(S.CLAIM):
            if candidates is not None and c["id"] not in candidates:
                continue
            if c.get("n_independent_sources", 0) < min_sources:
                continue
            rows.append(c)
        return sorted(rows, key=lambda r: (-r.get("n_independent_sources", 0), r["text"]))

    def mentions(self, claim: str) -> list[Row]:
        cid = self.find_claim(claim)
        if cid is None:
            return []
        return [self.node(m) for m in self._in(cid, S.EXPRESSES)]

    def sources(self, claim: str) -> list[Row]:
        """Where a claim was reported: article, outlet, date, speaker, exact text, offsets."""
        rows = []
        for m in self.mentions(claim):
            src = self.G.nodes[m["source"]]
            speaker = self.G.nodes[m["speaker"]]["name"] if m.get("speaker") else None
            rows.append(
                {
                    "source": m["source"],
                    "doc_id": src["doc_id"],
                    "title": src.get("title"),
                    "outlet": src.get("outlet"),
                    "published": src.get("published"),
                    "url": src.get("url"),
                    "copy_of": src.get("copy_of"),
                    "speaker": speaker,
                    "exact": m["exact"],
                    "start": m["start"],
                    "end": m["end"],
                    "cue": m.get("cue_text"),
                    "mention": m["id"],
                }
            )
        return sorted(rows, key=lambda r: (r["published"] or "", r["doc_id"], r["start"]))

    def _pairs(self, key: str) -> list[Row]:
        rows = []
        for a, b, k, data in self.G.edges(keys=True, data=True):
            if k == key and a < b:
                rows.append(
                    {
                        "a": a,
                        "b": b,
                        "a_text": self.G.nodes[a]["text"],
                        "b_text": self.G.nodes[b]["text"],
                        "a_speakers": self.G.nodes[a].get("speakers", []),
                        "b_speakers": self.G.nodes[b].get("speakers", []),
                        "why": data.get("why"),
                    }
                )
        return sorted(rows, key=lambda r: (r["a"], r["b"]))

    def contradictions(self) -> list[Row]:
        """Pairs of claims where one denies what the other asserts (each pair once)."""
        return self._pairs(S.CONTRADICTS)

    def conflicts(self) -> list[Row]:
        """Pairs of claims whose quantities of the same unit cannot both hold."""
        return self._pairs(S.CONFLICTING_QUANTITY)

    def corroboration(self, claim: str) -> Row:
        """How well a claim is supported: its sources, independent lineages, related claims."""
        cid = self.find_claim(claim)
        if cid is None:
            return {}
        node = self.G.nodes[cid]
        return {
            "id": cid,
            "text": node["text"],
            "n_sources": node.get("n_sources", 0),
            "n_independent_sources": node.get("n_independent_sources", 0),
            "sources": self.sources(cid),
            "corroborated_by": sorted(
                set(self._out(cid, S.CORROBORATES)) | set(self._in(cid, S.CORROBORATES))
            ),
            "contradicted_by": self._out(cid, S.CONTRADICTS),
            "conflicting_quantity": self._out(cid, S.CONFLICTING_QUANTITY),
        }

    def timeline(self, speaker: str) -> list[Row]:
        """A speaker's statements in time order (undated ones last)."""
        sp = self.find_speaker(speaker)
        if sp is None:
            return []
        rows = []
        for m in self._in(sp, S.ATTRIBUTED_TO):
            data = self.G.nodes[m]
            cid = self._out(m, S.EXPRESSES)[0]
            src = self.G.nodes[data["source"]]
            rows.append(
                {
                    "date": data.get("date") or src.get("published"),
                    "claim": cid,
                    "text": self.G.nodes[cid]["text"],
                    "exact": data["exact"],
                    "doc_id": src["doc_id"],
                    "outlet": src.get("outlet"),
                    "mention": m,
                }
            )
        return sorted(rows, key=lambda r: (r["date"] is None, r["date"] or "", r["doc_id"]))

    # -- maintenance ---------------------------------------------------------------------
    def lineage(self, source: str) -> str:
        """Independence key of a source: the original of its copy chain, then its outlet family."""
        seen = set()
        node = source
        while node not in seen:
            seen.add(node)
            nxt = self._out(node, S.COPY_OF)
            if not nxt:
                break
            node = nxt[0]
        outlets = self._out(node, S.PUBLISHED_BY)
        if outlets:
            o = self.G.nodes[outlets[0]]
            return "outlet:" + (outlet_lineage(o["name"]) or o.get("parent") or o["name"])
        return "source:" + node

    def refresh_claim_stats(self) -> None:
        """Recompute ``n_sources``, ``n_independent_sources`` and ``first_seen`` of every claim."""
        for cid, data in list(self.G.nodes(data=True)):
            if data.get("kind") != S.CLAIM:
                continue
            sources = self._out(cid, S.REPORTED_IN)
            data["n_sources"] = len(sources)
            data["n_independent_sources"] = len({self.lineage(s) for s in sources})
            dates = sorted(d for s in sources if (d := self.G.nodes[s].get("published")))
            data["first_seen"] = dates[0] if dates else None

    # -- persistence ---------------------------------------------------------------------
    def to_node_link(self) -> dict[str, Any]:
        return nx.node_link_data(self.G, edges="edges")

    @classmethod
    def from_node_link(cls, data: dict[str, Any]) -> ClaimGraph:
        G = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
        return cls(G)

    def dump(self, fh: IO[str]) -> None:
        """Write :meth:`dumps` to an open text file without building the whole string."""
        json.dump(self.to_node_link(), fh, ensure_ascii=False, sort_keys=True, indent=1)

    def dumps(self) -> str:
        return json.dumps(self.to_node_link(), ensure_ascii=False, sort_keys=True, indent=1)

    def __len__(self) -> int:
        return self.G.number_of_nodes()

    def __repr__(self) -> str:
        s = self.stats()
        return (
            f"<ClaimGraph {s['sources']} sources, {s['speakers']} speakers, "
            f"{s['claims']} claims, {s['mentions']} mentions>"
        )

"""The HTML page without a browser: offline, escaped, cut to max-nodes, ego views."""

from __future__ import annotations

import copy
import json
import re
from html.parser import HTMLParser

import networkx as nx
import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.errors import ExportError
from claimgraph.exports.html import (
    notebook_html,
    render_html,
    script_json,
    view_graph,
    write_html,
)
from claimgraph.graph import schema as S

from .html_graphs import HOSTILE, HOSTILE_HREF, corroboration_graph

_DATA = re.compile(r'<script type="application/json" id="claimgraph-data">(.*?)</script>', re.S)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def start_tags(page: str) -> list[tuple[str, list]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


def page_data(page: str) -> dict:
    (raw,) = _DATA.findall(page)
    return json.loads(raw)


def claim_rank(kg, c):
    d = kg.G.nodes[c]
    return (-d["n_independent_sources"], -d["n_sources"], c)


# -- offline ---------------------------------------------------------------------------
def test_page_references_nothing_outside_the_file(seed_build):
    kg, _, _ = seed_build
    page = render_html(kg)
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert not re.search(r"<link\b", page, re.I)
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", page, re.I)
    for host in ("cdn.jsdelivr", "cdnjs.cloudflare", "unpkg.com", "bootstrap", "tom-select"):
        assert host not in page.lower()
    assert "default-src 'none'" in page  # a CSP keeps any stray reference from loading


def test_seed_page_has_every_drawn_node_once(seed_build):
    kg, _, _ = seed_build
    V, cut = view_graph(kg)
    data = page_data(render_html(kg))
    ids = [n["id"] for n in data["nodes"]]
    assert len(ids) == len(set(ids)) == V.number_of_nodes() == cut.nodes_drawn
    assert set(ids) == set(V)
    assert not any(kg.G.nodes[n]["kind"] == S.MENTION for n in ids)
    assert data["summary"] == {
        k: kg.stats()[k] for k in ("sources", "outlets", "speakers", "claims")
    }


def test_mentions_fold_into_said_and_reported_in_edges(seed_build):
    kg, _, _ = seed_build
    V, _ = view_graph(kg)
    kinds = {k for *_, k in V.edges(data="kind")}
    assert {S.SAID, S.REPORTED_IN} <= kinds
    assert not kinds & {S.EXPRESSES, S.IN_SOURCE, S.ATTRIBUTED_TO}
    for u, v, k in V.edges(data="kind"):
        if k == S.SAID:
            assert (V.nodes[u]["kind"], V.nodes[v]["kind"]) == (S.SPEAKER, S.CLAIM)
        if k == S.REPORTED_IN:
            assert (V.nodes[u]["kind"], V.nodes[v]["kind"]) == (S.CLAIM, S.SOURCE)


def test_heading_gives_the_corpus_summary(seed_build):
    kg, _, _ = seed_build
    s = kg.stats()
    page = render_html(kg, title="Blinken–Lavrov talks")
    assert "<title>Blinken–Lavrov talks</title>" in page
    assert (
        f"{s['sources']} articles, {s['outlets']} outlets, {s['speakers']} speakers, "
        f"{s['claims']} claims"
    ) in page


# -- relations stand out ---------------------------------------------------------------
def test_contradictions_and_conflicts_are_dashed_labelled_and_drawn_once():
    kg = corroboration_graph(12)
    data = page_data(render_html(kg))
    rel = [e for e in data["edges"] if e["kind"] in (S.CONTRADICTS, S.CONFLICTING_QUANTITY)]
    assert sorted((e["from"], e["to"], e["label"]) for e in rel) == [
        ("claim/000", "claim/001", "contradicts"),
        ("claim/002", "claim/003", "conflicting numbers"),
    ]
    for e in rel:
        assert e["dashes"] and e["width"] >= 3 and e["arrows"] == {"to": {"enabled": False}}
    plain = {e["color"] for e in data["edges"] if e["kind"] == S.REPORTED_IN}
    assert plain.isdisjoint({e["color"] for e in rel})


def test_claim_size_grows_with_independent_sources():
    kg = corroboration_graph(12)
    nodes = {n["id"]: n for n in page_data(render_html(kg))["nodes"]}
    assert nodes["claim/005"]["size"] > nodes["claim/001"]["size"] > nodes["claim/000"]["size"]


# -- escaping --------------------------------------------------------------------------
def test_script_json_cannot_close_the_script_and_round_trips():
    value = {"q": HOSTILE + HOSTILE_HREF + "\u2029"}
    text = script_json(value)
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(text) == value


def test_hostile_text_is_data_never_markup():
    kg = corroboration_graph(8, hostile=True)
    page = render_html(kg)
    # Parsed as a browser would: only our own elements, no event handlers, no links.
    tags = start_tags(page)
    assert [t for t, _ in tags if t == "script"] == ["script"] * 3
    assert not {t for t, _ in tags} & {"img", "a", "b", "iframe", "object", "embed"}
    assert not [a for _, attrs in tags for a, _ in attrs if a.startswith("on")]
    embedded = page.split('id="claimgraph-data">')[1].split("</script>")[0]
    assert "window.__pwned" in embedded  # the text is there ...
    for raw in ("<", ">", "&", "\u2028"):  # ... but nothing in it can end the element
        assert raw not in embedded
    # The JS never writes markup from data.
    js = page.split('id="claimgraph-data">')[1]
    ours = js.split("</script>", 2)[2]
    for sink in (".innerHTML", ".outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in ours
    # The strings survive intact as text for the tooltips and search.
    data = page_data(page)
    tip = data["tips"]["claim/000"]
    assert HOSTILE in tip["h"] and HOSTILE in tip["q"][0][1] and HOSTILE in tip["q"][0][0]
    speaker_tip = " ".join(data["tips"]["speaker/0"]["p"])
    assert HOSTILE in speaker_tip  # aliases and roles
    assert HOSTILE.casefold() in data["search"]["speaker/0"]


def test_hostile_title_and_speaker_name_are_escaped_in_the_heading():
    kg = corroboration_graph(4, hostile=True)
    page = render_html(kg, speaker="speaker/1", title=HOSTILE)
    heading = page.split("<main")[0]
    assert "<script>window" not in heading and "<img" not in heading
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in heading


def test_notebook_iframe_holds_the_escaped_page_sandboxed(seed_build):
    kg, _, _ = seed_build
    frame = kg._repr_html_()
    assert frame.startswith("<iframe srcdoc=") and 'sandbox="allow-scripts"' in frame
    assert "<script" not in frame and "</script" not in frame
    assert frame == notebook_html(render_html(kg))


# -- the max-nodes cut -----------------------------------------------------------------
@pytest.mark.parametrize("max_nodes", [10, 40, 100])
def test_cut_keeps_the_most_corroborated_claims_and_says_what_was_left_out(max_nodes):
    kg = corroboration_graph(40)
    V, cut = view_graph(kg, max_nodes=max_nodes)
    assert V.number_of_nodes() <= max_nodes
    ranked = sorted(
        (n for n, d in kg.G.nodes(data=True) if d["kind"] == S.CLAIM),
        key=lambda c: claim_rank(kg, c),
    )
    drawn = [n for n in V if V.nodes[n]["kind"] == S.CLAIM]
    assert sorted(drawn, key=lambda c: claim_rank(kg, c)) == ranked[: len(drawn)]
    assert cut.claims_drawn == len(drawn) < cut.claims_total == 40
    # every drawn claim comes with all its speakers and sources
    for c in drawn:
        for u, _, k in kg.G.in_edges(c, keys=True):
            assert k != S.SAID or u in V
        for _, v, k in kg.G.out_edges(c, keys=True):
            assert k != S.REPORTED_IN or v in V
    assert cut.left_out[S.CLAIM] == 40 - len(drawn)
    page = render_html(kg, max_nodes=max_nodes)
    note = re.search(r'<p class="note" id="cut-note">(.*?)</p>', page).group(1)
    assert f"Showing the {len(drawn)} most corroborated of 40 claims" in note
    assert f"Left out: {40 - len(drawn)} claims" in note and "--max-nodes" in note
    assert len(page_data(page)["nodes"]) == V.number_of_nodes()


def test_no_cut_note_when_everything_fits(seed_build):
    kg, _, _ = seed_build
    _, cut = view_graph(kg)
    assert not cut.is_cut and cut.claims_drawn == cut.claims_total
    assert 'id="cut-note"' not in render_html(kg)


# -- ego views -------------------------------------------------------------------------
def test_speaker_ego_view_holds_only_the_speakers_neighbourhood():
    kg = corroboration_graph(30)
    G = kg.G
    V, cut = view_graph(kg, speaker="Speaker 1")
    own = {v for _, v, k in G.out_edges("speaker/1", keys=True) if k == S.SAID}
    claims = {n for n in V if V.nodes[n]["kind"] == S.CLAIM}
    assert claims == own and cut.focus["id"] == "speaker/1"
    near = set(own) | {"speaker/1"}
    for c in own:
        near |= set(nx.all_neighbors(G, c))
    near |= {o for s in near if G.nodes[s]["kind"] == S.SOURCE for o in G.successors(s)}
    assert set(V) <= near
    assert not any(V.nodes[n]["kind"] == S.SPEAKER and n != "speaker/1" for n in V)


def test_topic_ego_view_and_unknown_names():
    kg = corroboration_graph(12)
    V, cut = view_graph(kg, topic="topic 3")
    assert {n for n in V if V.nodes[n]["kind"] == S.CLAIM} == {"claim/006", "claim/007"}
    assert cut.focus == {"kind": S.TOPIC, "id": "topic/3", "name": "topic 3"}
    with pytest.raises(ExportError, match="no speaker matches 'Nobody'"):
        view_graph(kg, speaker="Nobody")
    with pytest.raises(ExportError, match="no topic matches"):
        view_graph(kg, topic="astronomy")


def test_ego_view_is_also_cut_to_max_nodes():
    kg = corroboration_graph(30)
    V, cut = view_graph(kg, speaker="Speaker 2", max_nodes=20)
    assert V.number_of_nodes() <= 20 and "speaker/2" in V
    assert cut.claims_drawn < cut.claims_total == 10


# -- inputs stay as they were ----------------------------------------------------------
def test_rendering_does_not_change_the_graph(seed_build):
    kg, _, _ = seed_build
    before = copy.deepcopy(nx.node_link_data(kg.G, edges="edges"))
    render_html(kg)
    render_html(kg, speaker="Lavrov", max_nodes=10)
    assert nx.node_link_data(kg.G, edges="edges") == before


# -- entry points ----------------------------------------------------------------------
def test_write_html_and_the_export_command(seed_build, tmp_path):
    kg, _, out = seed_build
    write_html(kg, tmp_path / "all.html", max_nodes=50)
    assert len(page_data((tmp_path / "all.html").read_text("utf-8"))["nodes"]) <= 50
    kg.write_html(tmp_path / "lavrov.html", speaker="Lavrov")
    lavrov = page_data((tmp_path / "lavrov.html").read_text("utf-8"))
    assert lavrov["cut"]["focus"]["name"] == "Sergey Lavrov"

    runner = CliRunner()
    target = tmp_path / "cli.html"
    res = runner.invoke(
        app, ["export", str(out), "--format", "html", "--speaker", "Lavrov", "-o", str(target)]
    )
    assert res.exit_code == 0, res.output
    assert page_data(target.read_text("utf-8")) == lavrov
    res = runner.invoke(app, ["export", str(out), "--format", "html", "--speaker", "Nobody"])
    assert res.exit_code == 1 and "no speaker matches 'Nobody'" in res.output
    res = runner.invoke(app, ["export", str(out), "--format", "ttl", "--speaker", "Lavrov"])
    assert res.exit_code == 2


def test_an_empty_graph_still_makes_a_page():
    from claimgraph import ClaimGraph

    page = render_html(ClaimGraph())
    assert "0 articles, 0 outlets, 0 speakers, 0 claims" in page
    assert page_data(page)["nodes"] == []


def test_a_pair_that_contradicts_and_conflicts_is_drawn_once_as_a_contradiction():
    kg = corroboration_graph(6)
    for a, b in (("claim/002", "claim/003"), ("claim/003", "claim/002")):
        kg.G.add_edge(a, b, key=S.CONTRADICTS, kind=S.CONTRADICTS)
    V, _ = view_graph(kg)
    pair = [k for u, v, k in V.edges(data="kind") if {u, v} == {"claim/002", "claim/003"}]
    assert pair == [S.CONTRADICTS]

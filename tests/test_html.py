"""The analyst's page without a browser: offline, escaped, grouped by story, its data exact."""

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
from claimgraph.exports.page import (
    PageSettings,
    find_stories,
    notebook_html,
    overview,
    page_data,
    render_html,
    script_json,
    write_html,
)
from claimgraph.graph import schema as S

from .html_graphs import HOSTILE, HOSTILE_HREF, corroboration_graph, with_stories

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


def page_json(page: str) -> dict:
    (raw,) = _DATA.findall(page)
    return json.loads(raw)


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


def test_heading_gives_the_corpus_summary(seed_build):
    kg, _, _ = seed_build
    s = kg.stats()
    page = render_html(kg, title="Blinken–Lavrov talks")
    assert "<title>Blinken–Lavrov talks</title>" in page
    assert (
        f"{s['sources']} articles, {s['outlets']} outlets, {s['speakers']} speakers, "
        f"{s['claims']} claims"
    ) in page


# -- the data --------------------------------------------------------------------------
def test_every_claim_speaker_and_article_is_listed_once(seed_build):
    kg, _, _ = seed_build
    data = page_json(render_html(kg))
    G = kg.G
    for rows, kind in (
        (data["claims"], S.CLAIM),
        (data["speakers"], S.SPEAKER),
        (data["sources"], S.SOURCE),
        (data["outlets"], S.OUTLET),
    ):
        ids = [r["id"] for r in rows]
        assert sorted(ids) == sorted(n for n, k in G.nodes(data="kind") if k == kind)
    assert len(data["evidence"]) == sum(1 for _, k in G.nodes(data="kind") if k == S.MENTION)


def test_claim_rows_carry_label_sources_speakers_and_rank(seed_build):
    kg, _, _ = seed_build
    data = page_json(render_html(kg))
    G = kg.G
    ranks = [(-c["i"], -c["n"]) for c in data["claims"]]
    assert ranks == sorted(ranks)  # most corroborated first
    for row in data["claims"]:
        node = G.nodes[row["id"]]
        assert row["l"] == node["label"] and row["t"] == node["text"]
        assert (row["n"], row["i"]) == (node["n_sources"], node["n_independent_sources"])
        assert sorted(data["speakers"][s]["n"] for s in row["sp"]) == sorted(node["speakers"])
        assert len(row["ev"]) == len(kg.mentions(row["id"]))
        assert row["d"] == (node["first_seen"] or "")


def test_evidence_is_the_quoted_span_inside_its_sentence(seed_build):
    kg, _, _ = seed_build
    data = page_json(render_html(kg))
    cid = kg.find_claim("has recently amassed more than 100,000 troops near Ukraine")
    (row,) = [c for c in data["claims"] if c["id"] == cid]
    texts = {r.id: r.text for r in kg.records}
    mentions = {(m["doc_id"], m["exact"]): m for m in kg.mentions(cid)}
    for k in row["ev"]:
        _, src, _, before, exact, after, _ = data["evidence"][k]
        doc = data["sources"][src]["doc"]
        m = mentions[(doc, exact)]
        text = texts[doc]
        assert " ".join(text[: m["start"]].split()).endswith(before.strip())
        assert text[m["end"] :].startswith(after)
        assert before == "" and exact.startswith("Moscow")  # the sentence starts there
        assert after.endswith("against its ex-Soviet neighbor.")


def test_contradictions_and_conflicting_numbers_are_listed_once_per_pair():
    kg = corroboration_graph(12)
    data = page_json(render_html(kg))
    rel = sorted(
        (data["claims"][a]["id"], data["claims"][b]["id"], k)
        for a, b, k, _ in data["relations"]
        if k != S.CORROBORATES
    )
    assert rel == [
        ("claim/000", "claim/001", S.CONTRADICTS),
        ("claim/002", "claim/003", S.CONFLICTING_QUANTITY),
    ]


# -- stories ---------------------------------------------------------------------------
def test_story_nodes_group_the_claims_of_their_articles():
    kg = with_stories(corroboration_graph(12), {"Border talks": [0, 1, 2, 3], "Budget": [4, 5]})
    stories = find_stories(kg.G)
    assert [(s.label, s.claims, s.computed) for s in stories] == [
        ("Budget", ["claim/004", "claim/005"], False),  # 11 articles
        ("Border talks", ["claim/000", "claim/001", "claim/002", "claim/003"], False),
    ]
    assert (stories[0].first_seen, stories[0].last_seen) == ("2022-01-20", "2022-01-25")
    data = page_json(render_html(kg))
    assert [s["l"] for s in data["stories"]] == ["Budget", "Border talks"]
    assert {data["claims"][c]["id"] for c in data["stories"][1]["c"]} == {
        "claim/000",
        "claim/001",
        "claim/002",
        "claim/003",
    }
    unstoried = [c["id"] for c in data["claims"] if c["st"] < 0]
    assert sorted(unstoried) == [f"claim/{i:03d}" for i in range(6, 12)]


def test_without_story_nodes_articles_sharing_a_claim_are_one_story(seed_build):
    kg, _, _ = seed_build
    G = kg.G.copy()
    G.remove_nodes_from([n for n, k in kg.G.nodes(data="kind") if k == S.STORY])
    stories = find_stories(G)
    assert all(s.computed for s in stories)
    # the five seed articles report common claims: one story, holding every claim
    assert len(stories) == 1 and len(stories[0].sources) == 5
    assert len(stories[0].claims) == kg.stats()["claims"]
    # with the graph's own story nodes, the page takes them as they are
    (own,) = find_stories(kg.G)
    assert not own.computed and len(own.sources) == 5
    # hand-built claims each with their own articles: as many stories as claims
    assert len(find_stories(corroboration_graph(8).G)) == 8


def test_a_short_claim_reported_everywhere_does_not_join_stories():
    kg = corroboration_graph(4)
    G = kg.G
    G.add_node("claim/generic", kind=S.CLAIM, text="this", n_sources=4, speakers=[])
    for s in ("source/0", "source/1", "source/3", "source/6"):
        G.add_edge("claim/generic", s, key=S.REPORTED_IN, kind=S.REPORTED_IN)
    assert len(find_stories(G)) == 4


# -- the default view ------------------------------------------------------------------
def test_default_view_is_the_top_stories_with_their_top_claims():
    kg = with_stories(
        corroboration_graph(24), {f"story {k}": list(range(k, 24, 6)) for k in range(6)}
    )
    data = page_data(kg)
    view = overview(data, PageSettings(stories=3, claims=6, claims_per_story=(2, 2)))
    assert [data["stories"][k]["l"] for k, _ in view] == ["story 5", "story 4", "story 3"]
    for k, claims in view:
        assert claims == data["stories"][k]["c"][:2]  # the most corroborated two


@pytest.mark.parametrize("max_nodes", [3, 10, 40])
def test_default_view_stays_within_max_nodes(max_nodes):
    kg = with_stories(
        corroboration_graph(24), {f"story {k}": list(range(k, 24, 6)) for k in range(6)}
    )
    data = page_data(kg)
    view = overview(data, PageSettings(max_nodes=max_nodes))
    drawn = sum(1 + len(c) + len({s for x in c for s in data["claims"][x]["sp"]}) for _, c in view)
    assert drawn <= max_nodes
    assert [k for k, _ in view] == list(range(len(view)))  # always the top of the ranking


def test_the_seed_page_opens_on_its_story_with_its_best_claims(seed_build):
    kg, _, _ = seed_build
    data = page_json(render_html(kg))
    ((story, claims),) = data["overview"]
    assert len(claims) == 15
    labels = [data["claims"][c]["l"] for c in claims]
    assert labels[0] == "response from US and its allies will be severe"
    assert "Russia denies it plans to invade" in labels


# -- labels ----------------------------------------------------------------------------
def test_claim_labels_are_short_phrases_never_keyword_bags(seed_build):
    kg, _, _ = seed_build
    data = page_json(render_html(kg))
    labels = [c["l"] for c in data["claims"]]
    assert all(0 < len(label) <= 60 for label in labels)
    for phrase in (
        "Moscow has amassed more than 100,000 troops near Ukraine",
        "Russia has massed tens of thousands of troops",
        "Russia does not want any conflict",
        "some of those states would not join NATO",
    ):
        assert phrase in labels


def test_topics_are_shared_key_phrases(seed_build):
    kg, _, _ = seed_build
    data = page_json(render_html(kg))
    labels = {t["l"] for t in data["topics"]}
    assert {"NATO", "diplomatic path", "Ukraine"} <= labels
    assert not labels & {"including", "s security", "and that", "back from ukraine"}
    assert all(len(t["c"]) >= 2 for t in data["topics"])


# -- escaping --------------------------------------------------------------------------
def test_script_json_cannot_close_the_script_and_round_trips():
    value = {"q": HOSTILE + HOSTILE_HREF + "\u2029"}
    text = script_json(value)
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(text) == value


def test_hostile_text_is_data_never_markup():
    kg = corroboration_graph(8, hostile=True)
    page = render_html(kg)
    tags = start_tags(page)
    assert [t for t, _ in tags if t == "script"] == ["script"] * 3
    assert not {t for t, _ in tags} & {"img", "a", "b", "iframe", "object", "embed"}
    assert not [a for _, attrs in tags for a, _ in attrs if a.startswith("on")]
    embedded = page.split('id="claimgraph-data">')[1].split("</script>")[0]
    assert "window.__pwned" in embedded  # the text is there ...
    for raw in ("<", ">", "&", "\u2028"):  # ... but nothing in it can end the element
        assert raw not in embedded
    ours = page.split('id="claimgraph-data">')[1].split("</script>", 2)[2]
    for sink in (".innerHTML", ".outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in ours
    data = page_json(page)
    assert HOSTILE in data["claims"][0]["t"] and HOSTILE in data["evidence"][0][4]
    assert HOSTILE in " ".join(data["speakers"][0]["a"] + data["speakers"][0]["ro"])


def test_hostile_title_is_escaped_in_the_heading():
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


# -- opening on a speaker or topic -----------------------------------------------------
def test_page_opens_on_a_speaker_or_topic_and_refuses_unknown_names(seed_build):
    kg, _, _ = seed_build
    data = page_json(render_html(kg, speaker="Lavrov"))
    assert data["focus"]["kind"] == "speaker" and data["focus"]["name"] == "Sergey Lavrov"
    data = page_json(render_html(kg, topic="nato"))
    assert data["focus"] == {"kind": "topic", "i": data["focus"]["i"], "name": "NATO"}
    with pytest.raises(ExportError, match="no speaker matches 'Nobody'"):
        render_html(kg, speaker="Nobody")
    with pytest.raises(ExportError, match="no topic matches"):
        render_html(kg, topic="astronomy")


def test_rendering_does_not_change_the_graph(seed_build):
    kg, _, _ = seed_build
    before = copy.deepcopy(nx.node_link_data(kg.G, edges="edges"))
    render_html(kg)
    render_html(kg, speaker="Lavrov", max_nodes=10)
    assert nx.node_link_data(kg.G, edges="edges") == before


# -- entry points ----------------------------------------------------------------------
def test_write_html_and_the_export_command(seed_build, tmp_path):
    kg, _, out = seed_build
    write_html(kg, tmp_path / "all.html", max_nodes=5)
    assert page_json((tmp_path / "all.html").read_text("utf-8"))["settings"]["max_nodes"] == 5
    kg.write_html(tmp_path / "lavrov.html", speaker="Lavrov")
    lavrov = page_json((tmp_path / "lavrov.html").read_text("utf-8"))
    assert lavrov["focus"]["name"] == "Sergey Lavrov"

    runner = CliRunner()
    target = tmp_path / "cli.html"
    res = runner.invoke(
        app, ["export", str(out), "--format", "html", "--speaker", "Lavrov", "-o", str(target)]
    )
    assert res.exit_code == 0, res.output
    assert page_json(target.read_text("utf-8"))["focus"] == lavrov["focus"]
    res = runner.invoke(app, ["export", str(out), "--format", "html", "--speaker", "Nobody"])
    assert res.exit_code == 1 and "no speaker matches 'Nobody'" in res.output
    res = runner.invoke(app, ["export", str(out), "--format", "ttl", "--speaker", "Lavrov"])
    assert res.exit_code == 2


def test_an_empty_graph_still_makes_a_page():
    from claimgraph import ClaimGraph

    page = render_html(ClaimGraph())
    assert "0 articles, 0 outlets, 0 speakers, 0 claims" in page
    data = page_json(page)
    assert data["claims"] == [] and data["overview"] == [] and data["stories"] == []

"""The HTML page in headless Chromium, offline: it draws, settles, escapes and fetches nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.exports.html import notebook_html, render_html, view_graph
from scripts.chromium import CHROMIUM, launch, offline_page

from .html_graphs import HOSTILE, corroboration_graph

pytestmark = pytest.mark.browser

HOSTILE_ARTICLE = """Council approves new budget after long debate

The city council approved its new budget on Tuesday after a debate that lasted more than six \
hours, with members split over spending on roads and schools.

"<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">," said John Smith, \
the council's finance chair.

"The budget </script><b onmouseover=window.__pwned=3>protects</b> every school in the \
district," said John Smith.

Mary Jones, who leads the opposition group, said the plan would leave 40 roads without repair \
for another year.

"We have waited long enough & our residents deserve better \
<a href=javascript:window.__pwned=4>roads</a>," Jones said.
"""


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


class Visit:
    """One page opened offline: counts requests leaving file:/data:/about: and console errors."""

    def __init__(self, browser, path: Path) -> None:
        self.page, self.external = offline_page(browser, width=1200, height=800)
        self.context = self.page.context
        self.errors: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.as_uri())
        self.page.wait_for_function(
            "() => window.claimgraph && window.claimgraph.ready", timeout=60_000
        )

    def js(self, expr: str, arg=None):
        return self.page.evaluate(expr, arg)

    def hover(self, node_id: str) -> str:
        """Move the mouse onto a node; returns the text of the tooltip that opens."""
        x, y = self.js(
            """id => { const n = window.claimgraph.network;
                       n.focus(id, {scale: 1.5});
                       const p = n.canvasToDOM(n.getPositions([id])[id]);
                       const r = document.getElementById('graph').getBoundingClientRect();
                       return [p.x + r.left, p.y + r.top]; }""",
            node_id,
        )
        self.page.mouse.move(x - 40, y - 40)
        self.page.mouse.move(x, y, steps=4)
        tip = self.page.locator("div.vis-tooltip")
        self.page.wait_for_function(
            "() => { const t = document.querySelector('div.vis-tooltip');"
            " return t && t.style.visibility === 'visible'; }",
            timeout=10_000,
        )
        return tip.inner_text()

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser):
    opened = []

    def open_(path: Path) -> Visit:
        v = Visit(browser, path)
        opened.append(v)
        return v

    yield open_
    for v in opened:
        v.close()


def _write(tmp_path: Path, kg, name: str = "graph.html", **kw) -> Path:
    path = tmp_path / name
    path.write_text(render_html(kg, **kw), encoding="utf-8")
    return path


def test_seed_page_draws_every_node_offline_without_errors(visit, seed_build, tmp_path):
    kg, _, out = seed_build
    v = visit(out / "graph.html")
    V, _ = view_graph(kg)
    assert sorted(v.js("window.claimgraph.nodes.getIds()")) == sorted(V)
    assert v.js("window.claimgraph.edges.length") == V.number_of_edges()
    assert v.external == [] and v.errors == []
    assert v.js("window.claimgraph.network.physics.physicsEnabled") is False
    assert v.js("document.getElementById('loading').className") == "done"


def test_max_nodes_cut_draws_exactly_the_cut(visit, seed_build, tmp_path):
    kg, _, _ = seed_build
    V, cut = view_graph(kg, max_nodes=40)
    v = visit(_write(tmp_path, kg, max_nodes=40))
    assert sorted(v.js("window.claimgraph.nodes.getIds()")) == sorted(V)
    note = v.page.locator("#cut-note").inner_text()
    assert f"Showing the {cut.claims_drawn} most corroborated of {cut.claims_total} claims" in note
    assert v.external == [] and v.errors == []


def test_hostile_article_text_stays_text(visit, tmp_path):
    import claimgraph

    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "council.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    kg = claimgraph.build([str(articles)])
    hostile = [c for c in kg.claims() if "<script>" in c["text"] or "<b " in c["text"]]
    assert hostile, "the extractor found none of the hostile quotes"
    v = visit(_write(tmp_path, kg))
    assert v.js("typeof window.__pwned") == "undefined"
    text = v.hover(hostile[0]["id"])
    assert hostile[0]["text"][:40] in text
    assert v.js("document.querySelectorAll('div.vis-tooltip *:not(div)').length") == 0
    for c in kg.claims():  # every tooltip, every search
        v.js("id => window.claimgraph.network.selectNodes([id])", c["id"])
    v.js("q => window.claimgraph.search(q)", "script")
    assert v.js("typeof window.__pwned") == "undefined"
    assert v.external == [] and v.errors == []


def test_tooltip_shows_hostile_strings_as_text(visit, tmp_path):
    kg = corroboration_graph(6, hostile=True)
    v = visit(_write(tmp_path, kg))
    text = v.hover("claim/005")
    assert HOSTILE in text and "quoted words 5" in text and "Said by: Speaker 2" in text
    assert "Sources: 6 (6 independent)" in text
    assert (
        v.js("document.querySelector('div.vis-tooltip').querySelectorAll('img,script,a').length")
        == 0
    )
    speaker = v.hover("speaker/0")
    assert "Also named: S0" in speaker and "Claims: 2" in speaker and "minister" in speaker
    assert v.js("typeof window.__pwned") == "undefined"
    assert v.external == [] and v.errors == []


def test_search_selects_speakers_and_claim_words(visit, seed_build):
    kg, _, out = seed_build
    v = visit(out / "graph.html")
    lavrov = kg.find_speaker("Lavrov")
    hits = v.js("q => window.claimgraph.search(q)", "lavrov")
    assert hits[0] == lavrov
    assert lavrov in v.js("window.claimgraph.network.getSelectedNodes()")
    v.page.fill("#search-box", "troops ukraine")
    v.page.press("#search-box", "Enter")
    selected = v.js("window.claimgraph.network.getSelectedNodes()")
    assert selected and all(kg.G.nodes[n]["kind"] == "claim" for n in selected)
    for n in selected:
        text = " ".join(str(kg.G.nodes[n].get(a, "")) for a in ("label", "text")).casefold()
        assert "troops" in text and "ukraine" in text
    assert "match" in v.page.locator("#search-result").inner_text()


def test_kind_toggle_hides_and_shows_nodes(visit, seed_build):
    _, _, out = seed_build
    v = visit(out / "graph.html")
    hidden = "k => window.claimgraph.nodes.get({filter: n => n.group === k && n.hidden}).length"
    total = "k => window.claimgraph.nodes.get({filter: n => n.group === k}).length"
    v.page.uncheck("#legend input[data-kind=topic]")
    assert v.js(hidden, "topic") == v.js(total, "topic") > 0
    assert v.js(hidden, "claim") == 0
    v.page.check("#legend input[data-kind=topic]")
    assert v.js(hidden, "topic") == 0


def test_notebook_iframe_runs_the_page_offline(browser, seed_build):
    kg, _, _ = seed_build
    context = browser.new_context()
    context.set_offline(True)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.set_content(notebook_html(render_html(kg, speaker="Lavrov")))
    frame = page.frames[1]
    frame.wait_for_function("() => window.claimgraph && window.claimgraph.ready", timeout=60_000)
    assert (
        frame.evaluate("window.claimgraph.nodes.length")
        == view_graph(kg, speaker="Lavrov")[0].number_of_nodes()
    )
    assert errors == []
    context.close()


def test_empty_graph_page_is_ready_and_says_so(visit, tmp_path):
    from claimgraph import ClaimGraph

    v = visit(_write(tmp_path, ClaimGraph()))
    assert v.js("window.claimgraph.nodes.length") == 0
    assert "Nothing to draw" in v.page.locator("#loading").inner_text()
    assert v.external == [] and v.errors == []

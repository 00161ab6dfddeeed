"""The analyst's page in headless Chromium, offline: every interaction, nothing fetched."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.exports.page import notebook_html, page_data, render_html
from scripts.chromium import CHROMIUM, launch, offline_page

from .html_graphs import HOSTILE, corroboration_graph, with_stories, with_urls

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

    def __init__(self, browser, path: Path, *, width: int = 1400, height: int = 900) -> None:
        self.page, self.external = offline_page(browser, width=width, height=height)
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

    def open_(path: Path, **kw) -> Visit:
        v = Visit(browser, path, **kw)
        opened.append(v)
        return v

    yield open_
    for v in opened:
        v.close()


def _write(tmp_path: Path, kg, name: str = "graph.html", **kw) -> Path:
    path = tmp_path / name
    path.write_text(render_html(kg, **kw), encoding="utf-8")
    return path


def _stories_graph():
    """Four stories of six claims each, articles with web, script and data URLs."""
    kg = with_stories(
        corroboration_graph(24), {f"Story {k}": list(range(k, 24, 4)) for k in range(4)}
    )
    return with_urls(
        kg,
        {
            "source/0": "https://news.example.org/a?b=1&c=<2>",
            "source/1": "javascript:window.__pwned=5",
            "source/2": "data:text/html,<script>window.__pwned=6</script>",
            "source/3": "file:///etc/passwd",
            "source/4": "http://wire.example.com/story",
        },
    )


_ROWS = "() => Array.from(document.querySelectorAll('#table-body tr'), r => +r.dataset.row)"
_BOXES = """() => { const n = window.claimgraph.network;
    return window.claimgraph.nodes.getIds().map(id => [id, n.getBoundingBox(id)]); }"""


def _overlaps(boxes) -> list[tuple[str, str]]:
    out = []
    for k, (a, p) in enumerate(boxes):
        for b, q in boxes[k + 1 :]:
            across = p["left"] < q["right"] and q["left"] < p["right"]
            if across and p["top"] < q["bottom"] and q["top"] < p["bottom"]:
                out.append((a, b))
    return out


# -- opening ---------------------------------------------------------------------------
def test_seed_page_opens_usable_offline_without_errors(visit, seed_build):
    kg, _, out = seed_build
    v = visit(out / "graph.html")
    data = page_data(kg)
    ((story, claims),) = v.js("window.claimgraph.data.overview")
    speakers = {s for c in claims for s in data["claims"][c]["sp"]}
    assert v.js("window.claimgraph.nodes.length") == 1 + len(claims) + len(speakers)
    assert v.js("window.claimgraph.view.kind") == "overview"
    assert v.js("document.querySelectorAll('#table-body tr').length") > 0
    assert v.js("document.getElementById('loading').className") == "done"
    assert v.external == [] and v.errors == []


@pytest.mark.parametrize("which", ["seed", "stories"])
def test_default_view_labels_do_not_overlap_at_1600_by_1000(visit, seed_build, tmp_path, which):
    kg = seed_build[0] if which == "seed" else _stories_graph()
    v = visit(_write(tmp_path, kg), width=1600, height=1000)
    boxes = v.js(_BOXES)
    assert len(boxes) > 10 and _overlaps(boxes) == []
    # the whole view is on screen, and its labels are drawn at a readable size
    corners = v.js(
        """() => { const n = window.claimgraph.network, ids = window.claimgraph.nodes.getIds();
        const bb = ids.map(id => n.getBoundingBox(id));
        const lo = n.canvasToDOM({x: Math.min(...bb.map(b => b.left)),
                                  y: Math.min(...bb.map(b => b.top))});
        const hi = n.canvasToDOM({x: Math.max(...bb.map(b => b.right)),
                                  y: Math.max(...bb.map(b => b.bottom))});
        const r = document.getElementById('graph').getBoundingClientRect();
        return [lo.x, lo.y, hi.x, hi.y, r.width, r.height, n.getScale()]; }"""
    )
    x0, y0, x1, y1, w, h, scale = corners
    assert x0 >= -1 and y0 >= -1 and x1 <= w + 1 and y1 <= h + 1
    assert 13 * scale >= 9  # claim labels at 9 px or more
    assert v.errors == []


def test_story_nodes_title_the_default_view_and_the_stories_list(visit, tmp_path):
    v = visit(_write(tmp_path, _stories_graph()))
    titles = v.js(
        "() => window.claimgraph.nodes.get({filter: n => n.group === 'story'}).map(n => n.label)"
    )
    assert sorted(t.split("  ·  ")[0] for t in titles) == [f"Story {k}" for k in range(4)]
    v.page.click("#tabs button[data-tab=stories]")
    rows = v.page.locator("#table-body tr td:first-child").all_inner_texts()
    assert sorted(rows) == [f"Story {k}" for k in range(4)]


# -- sort ------------------------------------------------------------------------------
def test_claims_sort_by_sources_and_by_first_seen(visit, seed_build):
    kg, _, out = seed_build
    v = visit(out / "graph.html")
    v.page.click("#tabs button[data-tab=claims]")
    claims = v.js("window.claimgraph.data.claims")
    rows = v.js(_ROWS)
    indep = [claims[r]["i"] for r in rows]
    assert indep == sorted(indep, reverse=True) and indep[0] == 4  # the default order
    v.page.click("#table-head th:has-text('Indep.')")
    assert [claims[r]["i"] for r in v.js(_ROWS)] == sorted(indep[: len(rows)])
    v.page.click("#table-head th:has-text('First seen')")
    dates = [claims[r]["d"] or "~" for r in v.js(_ROWS)]
    assert dates == sorted(dates) and dates[0].startswith("2022-02-13")
    assert v.page.locator("#table-head th:has-text('First seen')").get_attribute("aria-sort") == (
        "ascending"
    )
    v.page.click("#table-head th:has-text('First seen')")
    dates = [claims[r]["d"] or "~" for r in v.js(_ROWS)]
    assert dates == sorted(dates, reverse=True)
    assert v.errors == []


# -- filters ---------------------------------------------------------------------------
def test_minimum_sources_filters_the_list_and_the_graph(visit, seed_build):
    kg, _, out = seed_build
    v = visit(out / "graph.html")
    v.page.click("#tabs button[data-tab=claims]")
    v.page.fill("#f-min", "3")
    v.page.press("#f-min", "Enter")
    claims = v.js("window.claimgraph.data.claims")
    expected = sorted(k for k, c in enumerate(claims) if c["i"] >= 3)
    assert sorted(v.js(_ROWS)) == expected and len(expected) == 4
    assert v.page.locator("#list-count").inner_text() == "Showing 4 of 4"
    drawn = v.js("() => window.claimgraph.nodes.get({filter: n => n.group.startsWith('claim')})")
    assert sorted(n["ref"]["i"] for n in drawn) == expected
    v.page.click("#f-clear")
    v.page.wait_for_function("() => document.querySelectorAll('#table-body tr').length > 4")


def test_outlet_speaker_kind_and_date_filters(visit, seed_build):
    kg, _, out = seed_build
    v = visit(out / "graph.html")
    v.page.click("#tabs button[data-tab=claims]")
    data = v.js("window.claimgraph.data")
    claims, evidence, sources = data["claims"], data["evidence"], data["sources"]
    aa = next(k for k, o in enumerate(data["outlets"]) if o["n"] == "Anadolu Agency")
    v.page.select_option("#f-outlet", str(aa))
    in_aa = sorted(
        k for k, c in enumerate(claims) if any(sources[evidence[e][1]]["o"] == aa for e in c["ev"])
    )
    assert sorted(v.js(_ROWS)) == in_aa and 0 < len(in_aa) < len(claims)
    v.page.select_option("#f-kind", "direct")
    assert all(claims[r]["k"] == "direct" for r in v.js(_ROWS))
    v.page.select_option("#f-outlet", "")
    v.page.select_option("#f-kind", "")
    v.js("() => window.claimgraph.setFilter({speaker: 'lavrov'})")
    lavrov = v.js(_ROWS)
    assert lavrov and all(
        any("Lavrov" in data["speakers"][s]["n"] for s in claims[r]["sp"]) for r in lavrov
    )
    v.js("() => window.claimgraph.setFilter({speaker: ''})")
    # a bar of the timeline is one day here: clicking it keeps that day's claims
    v.page.click("#timeline rect[data-bin='2022-02-13']")
    assert v.page.input_value("#f-from") == v.page.input_value("#f-to") == "2022-02-13"
    assert {claims[r]["d"][:10] for r in v.js(_ROWS)} == {"2022-02-13"}
    assert v.errors == []


# -- selecting -------------------------------------------------------------------------
def test_row_click_focuses_the_graph_and_fills_the_details(visit, tmp_path):
    kg = _stories_graph()
    v = visit(_write(tmp_path, kg, max_nodes=12))  # room for one story: not claim 0's
    v.page.click("#tabs button[data-tab=claims]")
    data = v.js("window.claimgraph.data")
    # claim 0 is not in the default view: a click on its row brings it in
    k = next(i for i, c in enumerate(data["claims"]) if c["id"] == "claim/000")
    assert f"c{k}" not in v.js("window.claimgraph.nodes.getIds()")
    v.page.click(f"#table-body tr[data-row='{k}']")
    assert v.js("window.claimgraph.network.getSelectedNodes()") == [f"c{k}"]
    assert v.js("window.claimgraph.view.kind") == "claim"
    node_ids = v.js("window.claimgraph.nodes.getIds()")
    assert {f"c{k}", "a0"} <= set(node_ids)  # the claim, its article ...
    other = next(i for i, c in enumerate(data["claims"]) if c["id"] == "claim/001")
    assert f"c{other}" in node_ids  # ... and the claim it contradicts
    details = v.page.locator("#details")
    assert details.locator("h2").inner_text() == "claim 0"
    assert details.locator(".full").inner_text() == "claim number 0 about troops"
    assert "contradicts" in details.inner_text()
    (src,) = details.locator(".src").all()
    assert src.locator(".who").inner_text().startswith("Outlet 1 · 2022-01-20 · Speaker 0")
    assert src.locator("mark").inner_text() == "quoted words 0"
    link = src.locator("a")
    assert link.get_attribute("href") == "https://news.example.org/a?b=1&c=%3C2%3E"
    assert link.get_attribute("rel") == "noopener noreferrer nofollow"
    assert v.page.locator("#table-body tr.selected").get_attribute("data-row") == str(k)
    assert v.errors == [] and v.external == []


def test_clicking_a_node_shows_its_details_and_focus_draws_its_neighbourhood(visit, seed_build):
    kg, _, out = seed_build
    v = visit(out / "graph.html")
    lavrov = kg.find_speaker("Lavrov")
    i = next(k for k, s in enumerate(v.js("window.claimgraph.data.speakers")) if s["id"] == lavrov)
    v.js(f"() => window.claimgraph.select('speaker', {i})")
    assert v.page.locator("#details h2").inner_text() == "Sergey Lavrov"
    v.page.click("#details button:has-text('Focus the graph here')")
    assert v.js("window.claimgraph.view") == {"kind": "speaker", "i": i}
    drawn = v.js("() => window.claimgraph.nodes.get({filter: n => n.group.startsWith('claim')})")
    assert len(drawn) == len(kg.claims(speaker="Lavrov"))
    v.page.click("#back")
    assert v.js("window.claimgraph.view.kind") == "overview"
    assert v.errors == []


def test_topics_are_hidden_until_asked_for(visit, seed_build):
    _, _, out = seed_build
    v = visit(out / "graph.html")
    topics = "() => window.claimgraph.nodes.get({filter: n => n.group === 'topic'}).length"
    assert v.js(topics) == 0
    v.page.check("#show-topics")
    assert v.js(topics) > 0
    assert _overlaps(v.js(_BOXES)) == []


# -- links, requests, hostile text -----------------------------------------------------
def test_links_that_are_not_http_are_refused(visit, tmp_path):
    kg = _stories_graph()
    v = visit(_write(tmp_path, kg))
    data = v.js("window.claimgraph.data")
    for doc, url in (("source/1", "javascript:"), ("source/2", "data:"), ("source/3", "file:")):
        s = next(k for k, row in enumerate(data["sources"]) if row["id"] == doc)
        v.js(f"() => window.claimgraph.select('source', {s})")
        assert v.page.locator("#details a").count() == 0
        refused = v.page.locator("#details .refused").inner_text()
        assert refused.startswith("Not a web link, not opened: " + url)
    s = next(k for k, row in enumerate(data["sources"]) if row["id"] == "source/4")
    v.js(f"() => window.claimgraph.select('source', {s})")
    assert v.page.locator("#details a").get_attribute("href") == "http://wire.example.com/story"
    assert v.js("typeof window.__pwned") == "undefined"
    assert v.external == [] and v.errors == []


def test_hostile_article_text_stays_text(visit, tmp_path):
    import claimgraph

    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "council.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    kg = claimgraph.build([str(articles)])
    hostile = [c for c in kg.claims() if "<b onmouseover" in c["text"]]
    assert hostile, "the extractor found none of the hostile quotes"
    v = visit(_write(tmp_path, kg))
    n = v.js("window.claimgraph.data.claims.length")
    for k in range(n):  # every claim's details, graph and tooltip
        v.js(f"() => window.claimgraph.focus('claim', {k})")
        assert v.page.locator("#details img, #details script, #details b").count() == 0
    v.page.click("#tabs button[data-tab=claims]")
    v.page.fill("#f-text", "onmouseover")
    claims = v.js("window.claimgraph.data.claims")
    k = next(i for i, c in enumerate(claims) if c["id"] == hostile[0]["id"])
    v.page.wait_for_function("() => document.querySelectorAll('#table-body tr').length === 1")
    v.page.click(f"#table-body tr[data-row='{k}']")
    assert v.page.locator("#details .full").inner_text() == hostile[0]["text"]
    assert v.js("document.querySelectorAll('#panel img, #panel script').length") == 0
    assert v.js("typeof window.__pwned") == "undefined"
    assert v.external == [] and v.errors == []


def test_tooltip_shows_hostile_strings_as_text(visit, tmp_path):
    kg = corroboration_graph(6, hostile=True)
    v = visit(_write(tmp_path, kg))
    k = next(
        i for i, c in enumerate(v.js("window.claimgraph.data.claims")) if c["id"] == "claim/005"
    )
    text = v.hover(f"c{k}")
    assert HOSTILE in text and "claim number 5" in text
    assert (
        v.js("document.querySelector('div.vis-tooltip').querySelectorAll('img,script,a').length")
        == 0
    )
    assert v.js("typeof window.__pwned") == "undefined"
    assert v.external == [] and v.errors == []


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
    assert frame.evaluate("window.claimgraph.view.kind") == "speaker"
    assert errors == []
    context.close()


def test_empty_graph_page_is_ready_and_says_so(visit, tmp_path):
    from claimgraph import ClaimGraph

    v = visit(_write(tmp_path, ClaimGraph()))
    assert v.js("window.claimgraph.nodes.length") == 0
    assert "Nothing to draw" in v.page.locator("#loading").inner_text()
    assert v.external == [] and v.errors == []

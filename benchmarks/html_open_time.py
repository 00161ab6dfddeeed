"""How long the analyst's page takes to become usable in headless Chromium.

    python benchmarks/html_open_time.py OUT_DIR [--runs 3] [--max-nodes N]   # page re-made
    python benchmarks/html_open_time.py OUT_DIR --corpus DIR... [--limit 400]

With ``--corpus`` the files of the folders (sorted by name within each; the first ``--limit``
of them all) are built into OUT_DIR first: records, graph and page only, no RDF, to save
minutes; parsed records are cached in OUT_DIR/cache, so a second build parses nothing. The page
is opened offline, from ``file:``, in Debian's ``/usr/bin/chromium`` through playwright, and
timed from navigation until it is usable: the first view drawn and the lists filled (the page
records ``performance.now()`` then, in ``window.claimgraph.settledMs``). Prints one JSON line:
nodes and edges drawn, claims listed, page size, and the per-run and median seconds.

Measured on the 2-core development machine: see README.md, "Interactive graph".
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root
from scripts.chromium import launch, offline_page  # noqa: E402


def build(corpora: list[Path], limit: int | None, out: Path, max_nodes: int) -> float:
    import claimgraph
    from claimgraph.outputs import OUTPUT_FILES, write_records

    files = [p for corpus in corpora for p in sorted(corpus.iterdir()) if p.is_file()][:limit]
    t = time.perf_counter()
    kg = claimgraph.build([str(p) for p in files], cache=out / "cache")
    out.mkdir(parents=True, exist_ok=True)
    write_records(kg.records, out / OUTPUT_FILES["records"])
    (out / OUTPUT_FILES["json"]).write_text(kg.dumps(), encoding="utf-8")
    kg.write_html(out / OUTPUT_FILES["html"], max_nodes=max_nodes)
    return time.perf_counter() - t


def page_claims(html: Path) -> int:
    """Claims the page lists (read from its data, without a browser)."""
    import json as _json
    import re

    raw = re.search(
        r'<script type="application/json" id="claimgraph-data">(.*?)</script>',
        html.read_text(encoding="utf-8"),
        re.S,
    )
    return len(_json.loads(raw.group(1))["claims"]) if raw else 0


def open_and_settle(browser, html: Path) -> dict:
    page, refused = offline_page(browser)
    wall = time.perf_counter()
    page.goto(html.resolve().as_uri())
    page.wait_for_function(
        "() => window.claimgraph && window.claimgraph.ready", timeout=300_000, polling=50
    )
    wall = time.perf_counter() - wall
    result = {
        "settled_s": page.evaluate("window.claimgraph.settledMs") / 1000,
        "wall_s": wall,
        "nodes": page.evaluate("window.claimgraph.nodes.length"),
        "edges": page.evaluate("window.claimgraph.edges.length"),
        "rows": page.evaluate("document.querySelectorAll('#table-body tr').length"),
        "refused_requests": len(refused),
    }
    page.context.close()
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", type=Path, help="build directory (graph.json, graph.html)")
    ap.add_argument(
        "--corpus", type=Path, nargs="+", help="build OUT_DIR from the files of these folders"
    )
    ap.add_argument("--limit", type=int, default=None, help="the first N files of --corpus")
    ap.add_argument(
        "--max-nodes", type=int, default=None, help="re-export the page first (nodes drawn)"
    )
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args(argv)

    from playwright.sync_api import sync_playwright

    import claimgraph
    from claimgraph.exports.html import DEFAULT_MAX_NODES

    info: dict = {}
    if a.corpus:
        for corpus in a.corpus:
            if not corpus.is_dir():
                ap.error(f"{corpus}: not a folder (--corpus takes folders of article files)")
        info["build_s"] = round(
            build(a.corpus, a.limit, a.out_dir, a.max_nodes or DEFAULT_MAX_NODES), 1
        )
    html = a.out_dir / "graph.html"
    scratch = tempfile.TemporaryDirectory()
    if not a.corpus:  # the page of an existing build, written by this version of the code
        html = Path(scratch.name) / "graph.html"
        kg = claimgraph.load(a.out_dir)
        kg.write_html(html, max_nodes=a.max_nodes or DEFAULT_MAX_NODES)
    if not html.exists():
        print(f"error: {html} not found", file=sys.stderr)
        return 1
    runs = []
    with scratch, sync_playwright() as p:
        browser = launch(p)
        try:
            for _ in range(a.runs):
                runs.append(open_and_settle(browser, html))
        finally:
            browser.close()
        info["page_mb"] = round(html.stat().st_size / 1e6, 2)
        info["claims"] = page_claims(html)
    settled = [r["settled_s"] for r in runs]
    info.update(
        {
            "nodes": runs[0]["nodes"],
            "edges": runs[0]["edges"],
            "rows_listed": runs[0]["rows"],
            "refused_requests": sum(r["refused_requests"] for r in runs),
            "settled_s": [round(s, 2) for s in settled],
            "median_settled_s": round(statistics.median(settled), 2),
        }
    )
    print(json.dumps(info))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How long the interactive graph takes to open and settle in headless Chromium.

    python benchmarks/html_open_time.py OUT_DIR [--runs 3] [--max-nodes N]
    python benchmarks/html_open_time.py --corpus DIR --limit 400 OUT_DIR

With ``--corpus`` the first ``--limit`` files of DIR (sorted by name) are built into OUT_DIR
first (records, graph and HTML only, no RDF, to save minutes). The page is opened offline,
from ``file:``, in Debian's ``/usr/bin/chromium`` through playwright, and timed from
navigation to the moment the page switches physics off after stabilisation (it records
``performance.now()`` then, in ``window.claimgraph.settledMs``). Prints one JSON line:
nodes and edges drawn, page size, and the per-run and median seconds.

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


def build(corpus: Path, limit: int, out: Path, max_nodes: int) -> float:
    import claimgraph
    from claimgraph.outputs import OUTPUT_FILES, write_records

    files = sorted(p for p in corpus.iterdir() if p.is_file())[:limit]
    t = time.perf_counter()
    kg = claimgraph.build([str(p) for p in files])
    out.mkdir(parents=True, exist_ok=True)
    write_records(kg.records, out / OUTPUT_FILES["records"])
    (out / OUTPUT_FILES["json"]).write_text(kg.dumps(), encoding="utf-8")
    kg.write_html(out / OUTPUT_FILES["html"], max_nodes=max_nodes)
    return time.perf_counter() - t


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
        "physics_off": not page.evaluate("window.claimgraph.network.physics.physicsEnabled"),
        "refused_requests": len(refused),
    }
    page.context.close()
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", type=Path, help="build directory (graph.json, graph.html)")
    ap.add_argument("--corpus", type=Path, help="build OUT_DIR from these articles first")
    ap.add_argument("--limit", type=int, default=400, help="files of --corpus to build")
    ap.add_argument("--max-nodes", type=int, default=None, help="re-export the page first")
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args(argv)

    from playwright.sync_api import sync_playwright

    import claimgraph

    info: dict = {}
    if a.corpus:
        info["build_s"] = round(build(a.corpus, a.limit, a.out_dir, a.max_nodes or 1500), 1)
    html = a.out_dir / "graph.html"
    scratch = tempfile.TemporaryDirectory()
    if a.max_nodes is not None and not a.corpus:
        html = Path(scratch.name) / "graph.html"
        claimgraph.load(a.out_dir).write_html(html, max_nodes=a.max_nodes)
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
    settled = [r["settled_s"] for r in runs]
    info.update(
        {
            "nodes": runs[0]["nodes"],
            "edges": runs[0]["edges"],
            "physics_off": all(r["physics_off"] for r in runs),
            "refused_requests": sum(r["refused_requests"] for r in runs),
            "settled_s": [round(s, 2) for s in settled],
            "median_settled_s": round(statistics.median(settled), 2),
        }
    )
    print(json.dumps(info))
    return 0


if __name__ == "__main__":
    sys.exit(main())

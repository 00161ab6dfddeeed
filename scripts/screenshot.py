"""Screenshot the interactive graph of a build directory, offline, in headless Chromium.

    python scripts/screenshot.py OUT_DIR PNG [--width 1400 --height 900]

Opens ``OUT_DIR/graph.html`` (written by ``claimgraph build``) with every request that is not
``file:``/``data:``/``about:`` refused, waits until the layout has settled (the page sets
``window.claimgraph.ready``) and saves a PNG. Uses Debian's ``/usr/bin/chromium`` through
playwright; it never downloads a browser. Makes ``docs/seed-graph.png`` of the README:

    claimgraph build examples/articles --out out
    python scripts/screenshot.py out docs/seed-graph.png
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root
from scripts.chromium import CHROMIUM, launch, offline_page  # noqa: E402


def screenshot(html: Path, png: Path, *, width: int = 1400, height: int = 900) -> int:
    """Save a PNG of ``html`` once its layout has settled; returns the external requests refused."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch(p)
        try:
            page, refused = offline_page(browser, width=width, height=height)
            page.goto(html.resolve().as_uri())
            page.wait_for_function(
                "() => window.claimgraph && window.claimgraph.ready", timeout=120_000
            )
            page.wait_for_timeout(300)  # let the last frame paint
            png.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(png))
        finally:
            browser.close()
    return len(refused)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", type=Path, help="a build directory holding graph.html")
    ap.add_argument("png", type=Path, help="PNG file to write")
    ap.add_argument("--width", type=int, default=1400)
    ap.add_argument("--height", type=int, default=900)
    a = ap.parse_args(argv)
    html = a.out_dir / "graph.html"
    if not html.exists():
        print(
            f"error: {html} not found; run `claimgraph build ... --out {a.out_dir}`",
            file=sys.stderr,
        )
        return 1
    if not Path(CHROMIUM).exists():
        print(f"error: {CHROMIUM} not found; apt-get install chromium", file=sys.stderr)
        return 1
    refused = screenshot(html, a.png, width=a.width, height=a.height)
    if refused:
        print(f"error: the page tried {refused} external requests", file=sys.stderr)
        return 1
    print(a.png)
    return 0


if __name__ == "__main__":
    sys.exit(main())

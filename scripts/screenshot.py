"""Screenshot the analyst's page of a build directory, offline, in headless Chromium.

    python scripts/screenshot.py OUT_DIR PNG [--claim WORDS] [--width 1600 --height 1000]

Opens ``OUT_DIR/graph.html`` (written by ``claimgraph build``) with every request that is not
``file:``/``data:``/``about:`` refused, waits until the page is usable (it sets
``window.claimgraph.ready``) and saves a PNG of the default view. With ``--claim``, the claim
whose label or text holds those words (the most corroborated such claim) is selected first,
as a click on its row would: the graph is focused on it and the details show its sources.
Uses Debian's ``/usr/bin/chromium`` through playwright; it never downloads a browser. Makes
the README's screenshots:

    claimgraph build ../shared/eval/ecbplus/docs --out ecb
    python scripts/screenshot.py ecb docs/stories.png
    python scripts/screenshot.py ecb docs/claim.png --claim "WORDS"
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root
from scripts.chromium import CHROMIUM, launch, offline_page  # noqa: E402

_SELECT = """words => {
  const g = window.claimgraph, ws = words.toLowerCase().split(/\\s+/).filter(Boolean);
  const k = g.data.claims.findIndex(c => {
    const t = (c.l + ' ' + c.t).toLowerCase();
    return ws.every(w => t.includes(w));
  });
  if (k < 0) return null;
  g.openTab('claims');
  g.focus('claim', k);
  return g.data.claims[k].l;
}"""


def screenshot(
    html: Path, png: Path, *, claim: str | None = None, width: int = 1600, height: int = 1000
) -> tuple[int, str | None]:
    """Save a PNG of ``html``; returns the external requests refused and the claim shown.

    Raises:
        LookupError: ``claim`` matches no claim of the page.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch(p)
        try:
            page, refused = offline_page(browser, width=width, height=height)
            page.goto(html.resolve().as_uri())
            page.wait_for_function(
                "() => window.claimgraph && window.claimgraph.ready", timeout=120_000
            )
            shown = None
            if claim:
                shown = page.evaluate(_SELECT, claim)
                if shown is None:
                    raise LookupError(f"no claim of {html} holds the words {claim!r}")
            page.wait_for_timeout(300)  # let the last frame paint
            png.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(png))
        finally:
            browser.close()
    return len(refused), shown


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", type=Path, help="a build directory holding graph.html")
    ap.add_argument("png", type=Path, help="PNG file to write")
    ap.add_argument("--claim", help="words of the claim to select and focus on")
    ap.add_argument("--width", type=int, default=1600)
    ap.add_argument("--height", type=int, default=1000)
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
    try:
        refused, shown = screenshot(html, a.png, claim=a.claim, width=a.width, height=a.height)
    except LookupError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    if refused:
        print(f"error: the page tried {refused} external requests", file=sys.stderr)
        return 1
    print(f"{a.png}" + (f" (claim: {shown})" if shown else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())

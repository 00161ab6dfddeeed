"""How this repository drives a browser: Debian's Chromium through playwright, offline.

Never ``playwright install``: the browser is the system's ``/usr/bin/chromium``. The flags keep
headless Chromium from reaching the network on its own (background updates, sync, QUIC), so
every request a page makes is one the page asked for.
"""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def launch(playwright):  # -> playwright Browser
    """Start headless Debian Chromium with :data:`ARGS`."""
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)


def offline_page(browser, *, width: int = 1400, height: int = 900):  # -> (Page, list[str])
    """A page in a new offline context; every request outside file:/data:/about: is aborted.

    Returns the page and the list that collects the URLs of the refused requests.
    """
    context = browser.new_context(viewport={"width": width, "height": height})
    context.set_offline(True)
    page = context.new_page()
    refused: list[str] = []

    def route(r) -> None:
        if r.request.url.startswith(("file:", "data:", "about:")):
            r.continue_()
        else:
            refused.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    return page, refused

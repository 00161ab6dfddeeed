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

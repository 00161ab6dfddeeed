"""ClaimGraph → ``graph.html``, the analyst's page (see :mod:`claimgraph.exports.page`).

Kept as the exporters' entry point; the page itself is built in the ``page`` package.
"""

from __future__ import annotations

from .page import (
    DEFAULT_MAX_NODES,
    PageSettings,
    notebook_html,
    page_data,
    render_html,
    script_json,
    write_html,
)

__all__ = [
    "DEFAULT_MAX_NODES",
    "PageSettings",
    "notebook_html",
    "page_data",
    "render_html",
    "script_json",
    "write_html",
]

"""The analyst's page: ``graph.html``, one offline file answering who claimed what, where.

:mod:`.stories` groups articles into stories, :mod:`.data` turns the graph into the page's
rows, :mod:`.overview` picks what is drawn first and :mod:`.render` writes the file; the page
script and stylesheet are in ``exports/assets/``.
"""

from .data import page_data
from .overview import DEFAULT_MAX_NODES, PageSettings, overview
from .render import focus_of, notebook_html, render_html, script_json, write_html
from .stories import Story, find_stories

__all__ = [
    "DEFAULT_MAX_NODES",
    "PageSettings",
    "Story",
    "find_stories",
    "focus_of",
    "notebook_html",
    "overview",
    "page_data",
    "render_html",
    "script_json",
    "write_html",
]

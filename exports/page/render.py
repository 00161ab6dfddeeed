"""The analyst's page as one self-contained, offline HTML file.

The file holds vis-network (the copy vendored in the pyvis package), a stylesheet and a script
of our own (``exports/assets/``) and the page data (:mod:`.data`), all inlined; nothing is
fetched — no CDN, no fonts, no images, and a Content-Security-Policy refuses anything else.
pyvis's own template is not used: in 0.3.2 its ``in_line`` mode still links Bootstrap from a
CDN, and it renders tooltips as HTML.

Security: article text is untrusted. It reaches the page only as JSON inside a
``<script type="application/json">`` element with ``<``, ``>``, ``&`` and U+2028/9 escaped, so
no quote can close the element or open a tag. The script puts strings into the page with
``textContent`` only (and labels on the canvas); an article's URL becomes a link only when it
is ``http:`` or ``https:``.

Limits: the page carries every claim of the graph (lists, filters and details need them), so
its size grows with the corpus — about 0.6 kB per claim with its evidence; the drawing stays
within ``max_nodes``.
"""

from __future__ import annotations

import html
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

from ...graph import schema as S
from ...ingest.errors import ExportError
from ..atomic import atomic_write_text
from .data import page_data
from .overview import DEFAULT_MAX_NODES, PageSettings, overview

__all__ = ["render_html", "write_html", "notebook_html", "script_json", "focus_of"]

# Node kinds in legend order: colour and legend name. The page script draws with the same.
KINDS = (
    ("story", "#333333", "story"),
    ("claim", "#e4572e", "claim (n× = independent sources)"),
    ("speaker", "#2e86ab", "speaker"),
    ("source", "#4f9d2d", "article"),
    ("topic", "#b08900", "topic"),
)
RELATIONS = (
    ("contradicts", "#d00000", "contradicts"),
    ("conflicting", "#ff7b00", "conflicting numbers"),
)


def script_json(data: Any) -> str:
    """JSON safe to place inside a ``<script>`` element: no ``<``, ``>``, ``&``, U+2028/9.

    The escapes are JSON escapes, so ``JSON.parse`` gives back the same strings; a lone
    surrogate is escaped too, so the page is always valid UTF-8.

    >>> script_json({"q": "</script><b>&"})
    '{"q":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for ch, esc in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(ch, esc)
    return re.sub("[\ud800-\udfff]", lambda m: f"\\u{ord(m.group(0)):04x}", text)


def focus_of(kg: Any, data: dict[str, Any], speaker: str | None, topic: str | None) -> dict | None:
    """The node the page opens on: ``{"kind": "speaker"|"topic", "i": index, "name": …}``.

    Raises:
        ExportError: ``speaker`` or ``topic`` matches nothing, or both are given.
    """
    if speaker is not None and topic is not None:
        raise ExportError("a page opens on one node: give speaker or topic, not both")
    if speaker is not None:
        sp = kg.find_speaker(speaker)
        if sp is None:
            raise ExportError(
                f"no speaker matches {speaker!r}; list the names with "
                "`claimgraph query DIR --speaker` or kg.speakers()"
            )
        i = next(k for k, row in enumerate(data["speakers"]) if row["id"] == sp)
        return {"kind": S.SPEAKER, "i": i, "name": data["speakers"][i]["n"]}
    if topic is not None:
        key = " ".join(str(topic).casefold().split())
        hits = [
            (len(row["l"]), k)
            for k, row in enumerate(data["topics"])
            if key in " ".join(row["l"].casefold().split())
        ]
        if not hits:
            raise ExportError(f"no topic matches {topic!r}; topics are key phrases of claims")
        i = min(hits)[1]
        return {"kind": S.TOPIC, "i": i, "name": data["topics"][i]["l"]}
    return None


def _asset(name: str) -> str:
    return resources.files("claimgraph.exports").joinpath("assets", name).read_text("utf-8")


def _vis_js() -> str:
    import pyvis

    path = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
    return path.read_text(encoding="utf-8").replace("</script", "<\\/script")


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _summary(kg: Any) -> str:
    s = kg.stats()
    return ", ".join(
        _plural(s.get(k, 0), w)
        for k, w in (
            ("sources", "article"),
            ("outlets", "outlet"),
            ("speakers", "speaker"),
            ("claims", "claim"),
        )
    )


def _legend() -> str:
    out = []
    for kind, colour, name in KINDS:
        out.append(
            f'<span class="key {kind}"><span class="swatch" style="--c:{colour}"></span>'
            f"{html.escape(name)}</span>"
        )
    for kind, colour, name in RELATIONS:
        out.append(
            f'<span class="rel" style="--c:{colour}" data-rel="{kind}">{html.escape(name)}</span>'
        )
    return "".join(out)


def render_html(
    kg: Any,
    *,
    max_nodes: int = DEFAULT_MAX_NODES,
    speaker: str | None = None,
    topic: str | None = None,
    title: str = "claimgraph",
    settings: PageSettings | None = None,
) -> str:
    """The self-contained page of ``kg`` as a string (see the module docstring).

    ``speaker`` or ``topic`` opens the page focused on that node; ``max_nodes`` bounds the
    default view.

    Raises:
        ExportError: ``speaker`` or ``topic`` matches nothing.
    """
    settings = settings or PageSettings(max_nodes=max_nodes)
    data = page_data(kg)
    focus = focus_of(kg, data, speaker, topic)
    view = overview(data, settings)
    data.update(
        {
            "title": title,
            "overview": view,
            "focus": focus,
            "settings": {
                "max_nodes": settings.max_nodes,
                "focus_claims": settings.focus_claims,
            },
            "kinds": {kind: colour for kind, colour, _ in KINDS + RELATIONS},
        }
    )
    parts = {
        "@TITLE@": html.escape(title),
        "@SUMMARY@": html.escape(_summary(kg)),
        "@LEGEND@": _legend(),
        "@CSS@": _asset("graph.css"),
        "@VIS_JS@": _vis_js(),
        "@DATA@": script_json(data),
        "@JS@": _asset("graph.js"),
    }
    page = _asset("graph.html")
    # One pass, so text substituted for one marker is never searched for another.
    return re.sub("|".join(map(re.escape, parts)), lambda m: parts[m.group(0)], page)


def write_html(
    kg: Any,
    path: str | Path,
    *,
    max_nodes: int = DEFAULT_MAX_NODES,
    speaker: str | None = None,
    topic: str | None = None,
    title: str = "claimgraph",
) -> None:
    """Write :func:`render_html` to ``path`` atomically."""
    page = render_html(kg, max_nodes=max_nodes, speaker=speaker, topic=topic, title=title)
    atomic_write_text(path, page)


def notebook_html(page: str, *, height: int = 640) -> str:
    """A page embedded for Jupyter: an ``<iframe srcdoc>`` holding the escaped page.

    The iframe is sandboxed (scripts yes, same origin no): the page runs, but it cannot
    reach the notebook around it, whatever the article text holds.
    """
    return (
        f'<iframe srcdoc="{html.escape(page, quote=True)}" sandbox="allow-scripts" '
        f'style="width:100%;height:{int(height)}px;border:1px solid #ddd" '
        'title="claimgraph"></iframe>'
    )

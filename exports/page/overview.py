"""What the page draws first: the main stories with their most corroborated claims.

An analyst's first questions are which stories the corpus holds, which claims in each are
carried by the most independent sources, and who made them. The default view answers them in
a few hundred nodes at most: stories in order (most articles first), each with its top claims
and their speakers, until :attr:`PageSettings.max_nodes` or :attr:`PageSettings.stories` is
reached. Everything else is in the page's lists, one click away.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["DEFAULT_MAX_NODES", "PageSettings", "overview"]

#: Nodes of the default view, at most.
DEFAULT_MAX_NODES = 300


@dataclass(frozen=True)
class PageSettings:
    """Sizes of the page's views."""

    max_nodes: int = DEFAULT_MAX_NODES  # nodes of the default view
    stories: int = 12  # stories in the default view
    claims: int = 60  # claims in the default view, shared out among its stories ...
    claims_per_story: tuple[int, int] = (4, 15)  # ... each getting at least / at most this
    focus_claims: int = 40  # claims drawn when one story, speaker or topic is focused


def overview(data: dict[str, Any], settings: PageSettings) -> list[list[Any]]:
    """``[story index, [claim indexes]]`` of the default view, in drawing order.

    A story's nodes are its title, its claims and their speakers (a speaker is drawn once per
    story); a story that does not fit in what is left of ``max_nodes`` ends the view, so the
    view is always the top of the ranking.
    """
    out: list[list[Any]] = []
    used = 0
    n_stories = min(settings.stories, len(data["stories"]))
    low, high = settings.claims_per_story
    per_story = max(low, min(high, settings.claims // max(1, n_stories)))
    for k, story in enumerate(data["stories"][:n_stories]):
        top = story["c"][:per_story]
        speakers = {s for c in top for s in data["claims"][c]["sp"]}
        cost = 1 + len(top) + len(speakers)
        if used + cost > settings.max_nodes:
            break
        out.append([k, top])
        used += cost
    return out

"""The draft attribution the extractors build before it becomes a :class:`ClaimMention`.

Extractors (quotes, reported speech, "according to") agree on this one shape so that
``claims.py`` can merge, deduplicate and resolve them in one place. Spans are character
offsets; ``speaker_head`` is the token index of the speaker's head word, kept for name
resolution and dropped from the final record. ``relay`` is the span of an "according to"
source that relays a speaker's words ("Blinken told Lavrov …, according to the State
Department"): the claim stays the speaker's, the source becomes ``relayed_by``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Attribution"]


@dataclass
class Attribution:
    """One cue with its speaker and content, as character spans into the parsed text."""

    content: list[list[int]]
    cue: list[list[int]] = field(default_factory=list)
    speaker: list[list[int]] = field(default_factory=list)
    kind: str = "indirect"
    speaker_head: int | None = None
    cue_head: int | None = None
    confidence: float = 0.5
    relay: list[list[int]] = field(default_factory=list)

    @property
    def start(self) -> int:
        return min(s for s, _ in self.content)

    @property
    def end(self) -> int:
        return max(e for _, e in self.content)

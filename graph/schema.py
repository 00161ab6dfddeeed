"""Node kinds, edge kinds and attribute names of the claim graph: one place, no string typos.

Every node carries ``kind`` (one of :data:`NODE_KINDS`); every edge carries ``kind`` and, in the
``MultiDiGraph``, its key is the same word, so ``G.has_edge(a, b, key=SAID)`` reads naturally.
"""

from __future__ import annotations

__all__ = [
    "SOURCE",
    "OUTLET",
    "SPEAKER",
    "CLAIM",
    "MENTION",
    "TOPIC",
    "NODE_KINDS",
    "EXPRESSES",
    "IN_SOURCE",
    "ATTRIBUTED_TO",
    "SAID",
    "REPORTED_IN",
    "PUBLISHED_BY",
    "COPY_OF",
    "ABOUT",
    "CONTRADICTS",
    "CORROBORATES",
    "CONFLICTING_QUANTITY",
    "RELAYS",
    "MEMBER_OF",
    "EDGE_KINDS",
    "CLAIM_RELATIONS",
    "SPEAKER_TYPES",
]

SOURCE = "source"
OUTLET = "outlet"
SPEAKER = "speaker"
CLAIM = "claim"
MENTION = "mention"
TOPIC = "topic"
NODE_KINDS = (SOURCE, OUTLET, SPEAKER, CLAIM, MENTION, TOPIC)

EXPRESSES = "expresses"  # mention → claim
IN_SOURCE = "in_source"  # mention → source
ATTRIBUTED_TO = "attributed_to"  # mention → speaker
SAID = "said"  # speaker → claim (derived, via = mention id)
REPORTED_IN = "reported_in"  # claim → source (derived, via = mention id)
PUBLISHED_BY = "published_by"  # source → outlet
COPY_OF = "copy_of"  # source → source (syndicated copy → original)
ABOUT = "about"  # claim → topic
CONTRADICTS = "contradicts"  # claim ↔ claim (stored both ways)
CORROBORATES = "corroborates"  # claim → claim
CONFLICTING_QUANTITY = "conflicting_quantity"  # claim ↔ claim (stored both ways)
RELAYS = "relays"  # speaker → speaker (a spokesman reporting another's words)
MEMBER_OF = "member_of"  # speaker → speaker (person → organisation)
EDGE_KINDS = (
    EXPRESSES,
    IN_SOURCE,
    ATTRIBUTED_TO,
    SAID,
    REPORTED_IN,
    PUBLISHED_BY,
    COPY_OF,
    ABOUT,
    CONTRADICTS,
    CORROBORATES,
    CONFLICTING_QUANTITY,
    RELAYS,
    MEMBER_OF,
)
CLAIM_RELATIONS = (CONTRADICTS, CORROBORATES, CONFLICTING_QUANTITY)

SPEAKER_TYPES = ("person", "organisation", "government", "group", "anonymous")

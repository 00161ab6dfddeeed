"""Node kinds, edge kinds and attribute names of the claim graph: one place, no string typos.

Every node carries ``kind`` (a :class:`NodeKind`); every edge carries ``kind`` (an
:class:`EdgeKind`) and, in the ``MultiDiGraph``, its key is the same word, so
``G.has_edge(a, b, key=SAID)`` reads naturally. The kinds are string enums: they compare equal
to, and serialise as, their words.
"""

from __future__ import annotations

from enum import StrEnum

from .kinds import SpeakerType

__all__ = [
    "NodeKind",
    "EdgeKind",
    "SOURCE",
    "OUTLET",
    "SPEAKER",
    "CLAIM",
    "MENTION",
    "TOPIC",
    "STORY",
    "NODE_KINDS",
    "EXPRESSES",
    "IN_SOURCE",
    "ATTRIBUTED_TO",
    "SAID",
    "REPORTED_IN",
    "PUBLISHED_BY",
    "COPY_OF",
    "ABOUT",
    "PART_OF",
    "CONTRADICTS",
    "CORROBORATES",
    "CONFLICTING_QUANTITY",
    "RELAYS",
    "MEMBER_OF",
    "EDGE_KINDS",
    "CLAIM_RELATIONS",
    "SPEAKER_TYPES",
]


class NodeKind(StrEnum):
    SOURCE = "source"  # one article
    OUTLET = "outlet"  # its publisher
    SPEAKER = "speaker"  # a person or body that says something
    CLAIM = "claim"  # one claim, merged across articles
    MENTION = "mention"  # one occurrence of a claim in one article
    TOPIC = "topic"  # a key phrase shared by claims
    STORY = "story"  # the articles about one real-world event


class EdgeKind(StrEnum):
    EXPRESSES = "expresses"  # mention → claim
    IN_SOURCE = "in_source"  # mention → source
    ATTRIBUTED_TO = "attributed_to"  # mention → speaker
    SAID = "said"  # speaker → claim (derived, via = mention id)
    REPORTED_IN = "reported_in"  # claim → source (derived, via = mention id)
    PUBLISHED_BY = "published_by"  # source → outlet
    COPY_OF = "copy_of"  # source → source (syndicated copy → original)
    ABOUT = "about"  # claim → topic
    PART_OF = "part_of"  # source → story
    CONTRADICTS = "contradicts"  # claim ↔ claim (stored both ways)
    CORROBORATES = "corroborates"  # claim → claim
    CONFLICTING_QUANTITY = "conflicting_quantity"  # claim ↔ claim (stored both ways)
    RELAYS = "relays"  # speaker → speaker (a spokesman reporting another's words)
    MEMBER_OF = "member_of"  # speaker → speaker (person → organisation)


SOURCE = NodeKind.SOURCE
OUTLET = NodeKind.OUTLET
SPEAKER = NodeKind.SPEAKER
CLAIM = NodeKind.CLAIM
MENTION = NodeKind.MENTION
TOPIC = NodeKind.TOPIC
STORY = NodeKind.STORY
NODE_KINDS = tuple(NodeKind)

EXPRESSES = EdgeKind.EXPRESSES
IN_SOURCE = EdgeKind.IN_SOURCE
ATTRIBUTED_TO = EdgeKind.ATTRIBUTED_TO
SAID = EdgeKind.SAID
REPORTED_IN = EdgeKind.REPORTED_IN
PUBLISHED_BY = EdgeKind.PUBLISHED_BY
COPY_OF = EdgeKind.COPY_OF
ABOUT = EdgeKind.ABOUT
PART_OF = EdgeKind.PART_OF
CONTRADICTS = EdgeKind.CONTRADICTS
CORROBORATES = EdgeKind.CORROBORATES
CONFLICTING_QUANTITY = EdgeKind.CONFLICTING_QUANTITY
RELAYS = EdgeKind.RELAYS
MEMBER_OF = EdgeKind.MEMBER_OF
EDGE_KINDS = tuple(EdgeKind)
CLAIM_RELATIONS = (CONTRADICTS, CORROBORATES, CONFLICTING_QUANTITY)

SPEAKER_TYPES = tuple(t.value for t in SpeakerType)

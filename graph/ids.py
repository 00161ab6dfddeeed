"""Stable node ids, shared with the RDF export: ``{kind}/{uuid5}`` of a normalised key.

The RDF IRI of a node is ``base + node_id``, so the graph and the RDF never disagree and the same
input always gives the same ids: no random or time-based parts.
"""

from __future__ import annotations

import re
import unicodedata
import uuid

__all__ = ["NAMESPACE", "node_id", "normalise_key"]

#: uuid5 namespace of claimgraph ids (uuid5 of the vocabulary IRI in the URL namespace).
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://w3id.org/claimgraph/ns#")

_SPACE = re.compile(r"\s+")


def normalise_key(text: str) -> str:
    """NFKC, casefolded, whitespace folded, digits normalised to ASCII.

    >>> normalise_key("  More than １００,000\\ntroops ")
    'more than 100,000 troops'
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    return _SPACE.sub(" ", text).strip()


def node_id(kind: str, key: str) -> str:
    """The id of a node of ``kind`` identified by ``key`` (normalised here).

    >>> node_id("speaker", "Antony Blinken") == node_id("speaker", "antony  BLINKEN")
    True
    """
    name = "v1\x1f" + kind + "\x1f" + normalise_key(key)
    return f"{kind}/{uuid.uuid5(NAMESPACE, name)}"

"""Code points that no UTF-8 output can carry: lone surrogates (U+D800–U+DFFF).

Decoded files never hold them, but a JSON escape (``"\\ud800"``), a hand-made record or an
entity file can. They are replaced by U+FFFD, one code point for one, so every ``[start, end)``
offset into a text stays where it was; the fact is reported on the article, never hidden.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["SURROGATES", "replace_surrogates", "scrub"]

#: Lone surrogates: valid in a Python ``str``, impossible in UTF-8.
SURROGATES = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD (same length, same offsets).

    >>> replace_surrogates("a\\ud800b") == "a\\ufffdb"
    True
    """
    return SURROGATES.sub("\ufffd", text) if SURROGATES.search(text) else text


def scrub(value: Any) -> Any:
    """``value`` (JSON-like: str, list, dict, scalars) with every string's surrogates replaced."""
    if isinstance(value, str):
        return replace_surrogates(value)
    if isinstance(value, list):
        return [scrub(v) for v in value]
    if isinstance(value, tuple):
        return tuple(scrub(v) for v in value)
    if isinstance(value, dict):
        return {scrub(k): scrub(v) for k, v in value.items()}
    return value

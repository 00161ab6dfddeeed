"""Every threshold of the cross-document stage in one frozen object, passed to ``build_graph``.

Defaults are the values measured on the development sets (docs/graph.md says how); a user who
wants stricter merging passes ``Settings(claim_containment=0.7)`` and nothing else changes.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Settings", "DEFAULT"]


@dataclass(frozen=True)
class Settings:
    """Thresholds of speaker resolution, story detection and claim merging."""

    #: Fuzzy ratio (0-100) from which two full names of one surname block are one person.
    name_similarity: float = 85.0
    #: Fuzzy ratio from which two first names agree ("Sergey"/"Sergei").
    first_name_similarity: float = 70.0
    #: Cosine of two articles' weighted entity and word vectors from which they share a story.
    story_similarity: float = 0.36
    #: Terms per article (rarest first) used as blocking keys for story detection.
    story_block_terms: int = 15
    #: Largest story block compared pairwise.
    story_block_cap: int = 200
    #: Fuzzy ratio from which two wordings of one speaker are one claim.
    claim_fuzzy: float = 88.0
    #: Weighted share of the smaller feature set found in the larger for a paraphrase merge.
    claim_containment: float = 0.6
    #: Features two paraphrases must share at least.
    claim_min_shared: int = 3
    #: Share for a merge of one speaker's wordings inside one story (same event, same source).
    story_claim_containment: float = 0.3
    #: Rare features two wordings of one speaker in one story must share.
    story_claim_min_shared: int = 2
    #: Share for a merge of wordings without a known speaker, inside one story.
    unattributed_containment: float = 0.75
    #: Features per mention (rarest first) used as blocking keys.
    block_words: int = 40
    #: Largest claim block compared pairwise (keeps the merge near-linear).
    block_cap: int = 40
    #: Weighted containment from which two claims of one speaker corroborate each other.
    corroboration_containment: float = 0.25
    #: Features two corroborating claims share at least.
    corroboration_min_shared: int = 2
    #: Claims compared per quantity unit for conflicts.
    quantity_block_cap: int = 200


DEFAULT = Settings()

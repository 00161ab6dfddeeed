"""Spokesmen relaying someone else's words: "He underscored …," said spokesman Ned Price.

A spokesperson's quote often reports another person's statement in the third person
(``"Secretary Blinken reiterated our concerns …," said Price``). The claim is then the
principal's, relayed by the spokesperson: :func:`relayed_speaker` names the principal, and
``claims.py`` records the spokesperson as ``relayed_by``. The speaker span stays on the
spokesperson, as written.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .attribution import Attribution
from .cues import CLAUSE_VERBS, OBJECT_VERBS, SPOKES_RE
from .speakers import SpeakerIndex

__all__ = ["relayed_speaker", "SPOKES_RE"]


def relayed_speaker(
    doc: Doc,
    a: Attribution,
    index: SpeakerIndex,
    *,
    speaker_role: str | None,
    speaker_text: str,
) -> str | None:
    """The principal whose words a spokesperson's quote reports, or ``None``."""
    if not SPOKES_RE.search(speaker_text) and not (
        speaker_role and SPOKES_RE.search(speaker_role)
    ):
        return None
    s, e = a.content[0]
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return None
    for t in span[:8]:
        if t.lemma_.lower() in CLAUSE_VERBS | OBJECT_VERBS and t.pos_ == "VERB":
            subj = [c for c in t.children if c.dep_ == "nsubj" and c.i >= span.start]
            if not subj:
                return None
            lo = subj[0].left_edge.i
            hi = subj[0].right_edge.i + 1
            if lo < span.start:
                return None
            st = doc[lo:hi]
            res = index.resolve([st.start_char, st.end_char], s)
            if res.type == "person" and res.name:
                return res.name
            return None
    return None

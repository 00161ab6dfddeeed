"""Speech credited by layout: interview transcripts and "Name: claim" headlines.

Two news conventions attribute words without a cue verb:

* a transcript gives each turn its own paragraph, led by the speaker's name in capitals and a
  colon (``PENCE: Well, look, …``, often inside an opening quote mark). The turn is the
  speaker's direct speech;
* a headline of the form ``Pence: Trump Was 'Mocking' Clinton Camp`` credits its second half
  to the name before the colon.

Both are found in the raw text, before quote marks are paired: a transcript opens a quote mark
on every paragraph without closing it, which would otherwise read as one long quotation.
"""

from __future__ import annotations

import re
from collections import Counter

from .attribution import Attribution
from .cues import lexicon
from .spans import trim

__all__ = ["transcript_turns", "headline_claim"]

# a paragraph opening with a name in capitals (one to three words) and a colon
_TURN = re.compile(
    r"^[ \t]*[\"“]?[ \t]*([A-Z][A-Z.'’\-]+(?:[ \t][A-Z][A-Z.'’\-]+){0,2}):[ \t]+(\S[^\n]*)$",
    re.MULTILINE,
)
# a non-empty paragraph; group 1 is set when it is a bracketed stage direction "(CROSSTALK)"
_PARAGRAPH = re.compile(r"(?<=\n)[ \t]*[\"“]?[ \t]*(\(|\[)?[^\n]*\S[^\n]*")
_CONTINUES = ("\"", "“")
# labels that look like a speaker but announce a kind of text
_LABELS = lexicon(
    """
    UPDATE UPDATED NOTE NOTES CORRECTION CLARIFICATION EDITOR'S EDITOR’S WATCH RELATED READ
    MORE SOURCE SOURCES PHOTO PHOTOS VIDEO ADVERTISEMENT BREAKING EXCLUSIVE ANALYSIS OPINION
    EDITORIAL WARNING SPOILER SPOILERS TRANSCRIPT BACKGROUND DISCLAIMER LIVE ALSO SEE
    """
)
# the part of a headline before the colon: a name of one to three capitalised words
_HEADLINE = re.compile(
    r"\s*((?:[A-Z][\w.'’\-]*)(?:[ \t][A-Z][\w.'’\-]*){0,2}):[ \t]+(\S[^\n]{10,})$",
    re.MULTILINE,
)
_FUNCTION_WORDS = lexicon(
    "Over Of In On For To And Or With At By From Is Are Was Were Be As Vs Versus Than"
)
_NOT_SOURCES = lexicon(
    """
    The A An This That These Those How Why What When Where Who Which Watch Update Updated
    Breaking Exclusive Analysis Opinion Editorial Review Live Video Photos Correction Note
    Editor's Editor’s Transcript Quiz Explainer Timeline Here Inside Opinion Perspective
    Letters Podcast Fact Check Q&A
    """
)


def transcript_turns(text: str) -> list[Attribution]:
    """The turns of an interview transcript: ``NAME: words`` paragraphs.

    A document is read as a transcript only when at least two such paragraphs exist and a
    speaker name repeats, so a lone ``WASHINGTON: …`` line is not a turn.
    """
    found = [m for m in _TURN.finditer(text) if not _is_label(m.group(1))]
    names = Counter(m.group(1) for m in found)
    if len(found) < 2 or max(names.values(), default=0) < 2:
        return []
    out = []
    for m, nxt in zip(found, found[1:] + [None], strict=True):
        end = m.end(2)
        if nxt is not None:
            # "…" paragraphs between two turns continue the first (a stage direction does not)
            for para in _PARAGRAPH.finditer(text, m.end(2), nxt.start()):
                if not para.group(0).lstrip().startswith(_CONTINUES) or para.group(1):
                    break
                end = para.end()
        cs, ce = trim(text, m.start(2), end)
        if ce - cs < 2:
            continue
        out.append(Attribution(content=[[cs, ce]], speaker=[[m.start(1), m.end(1)]],
                               kind="direct", confidence=0.7))
    return out


def _is_label(name: str) -> bool:
    return any(w in _LABELS for w in name.split()) or len(name.replace(".", "")) < 2


def headline_claim(text: str, body: list[list[int]] | None = None) -> Attribution | None:
    """``Pence: Gennifer Flowers Won't Be at Debate``: the headline credited to its name.

    Only the first line of the body counts, and only when the part before the colon is a short
    capitalised name (not "The Latest", "Update", "Analysis").
    """
    start = min((s for s, _ in body), default=0) if body else 0
    m = _HEADLINE.match(text, start)
    if m is None:
        return None
    words = m.group(1).split()
    if words[0] in _NOT_SOURCES or any(w.upper() in _LABELS or w in _FUNCTION_WORDS for w in words):
        return None
    cs, ce = trim(text, m.start(2), m.end(2))
    if ce - cs < 2:
        return None
    return Attribution(content=[[cs, ce]], speaker=[[m.start(1), m.end(1)]], kind="indirect",
                       confidence=0.5)

"""Direct and mixed quotations: find quote marks, pair them, attach speakers and cues.

:func:`find_quotes` pairs quote marks in raw text: straight and curly double quotes,
guillemets, and curly single quotes when they clearly open and close a quotation (not an
apostrophe). It never raises on unbalanced marks: an unclosed quote ends at its paragraph
end, unless the next paragraph opens with a quote mark, which by English convention
continues the same quotation. Quotes do not nest with the same kind of mark.

:func:`attach_quotes` turns quotes into attributions: a quote next to a reporting clause in
the same sentence (``"X," he said``; ``he said: "X"``; ``"X," he said, "Y."``) takes that
clause's speaker and cue; a quote whose sentence has no cue is a floating quote and belongs to
the previous attribution when that was a direct quote, else to the last named speaker.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from .attribution import Attribution
from .cues import TITLED_WORKS
from .spans import overlap, trim

__all__ = ["find_quotes", "attach_quotes", "MAX_QUOTE_CHARS"]

#: A quotation longer than this without a closing mark is not believed (likely a stray mark).
MAX_QUOTE_CHARS = 3000

_DOUBLE = "\"“”„‟"
QUOTE_MARKS = "\"“”„‟«»‘’'"
_OPEN_BEFORE = " \t\n([{—–-/\u00a0"


def _paragraph_ends(text: str) -> list[int]:
    """Offsets of every newline, plus the text end: quotes do not run past them unclosed."""
    ends = [i for i, ch in enumerate(text) if ch == "\n"]
    ends.append(len(text))
    return ends


def _next_nonspace(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Quoted stretches of ``text`` as ``(start, end)`` spans including their marks.

    >>> find_quotes('He said: “We will win.” Then he left.')
    [(9, 23)]
    >>> find_quotes('An "unclosed quote\\nNext paragraph.')
    [(3, 18)]
    """
    quotes = _double_quotes(text)
    quotes += _guillemets(text)
    quotes += [q for q in _single_quotes(text) if not any(overlap(q, d) for d in quotes)]
    quotes.sort()
    out: list[tuple[int, int]] = []
    for q in quotes:
        if out and q[0] < out[-1][1]:
            continue
        out.append(q)
    return out


def _double_quotes(text: str) -> list[tuple[int, int]]:
    para_ends = _paragraph_ends(text)
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    start_at: int | None = None  # where a quote continued across paragraphs began
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\n" and open_at is not None:
            j = _next_nonspace(text, i)
            if j < n and _mark_width(text, j) and _opens(text, j) and _same_style(
                text[open_at], text[j]
            ):
                # the next paragraph opens with a mark: the quotation continues
                if start_at is None:
                    start_at = open_at
                open_at = j
                i = j + _mark_width(text, j)
                continue
            out.append((start_at if start_at is not None else open_at, _rstrip(text, i)))
            open_at = start_at = None
        elif width := _mark_width(text, i):
            if open_at is None:
                if not _clearly_closes(text, i, width) or ch in "“„":
                    open_at = i
            elif i - open_at > MAX_QUOTE_CHARS:
                open_at = i
                start_at = None
            else:
                out.append((start_at if start_at is not None else open_at, i + width))
                open_at = start_at = None
            i += width
            continue
        i += 1
    if open_at is not None:
        pos = bisect.bisect_left(para_ends, open_at)
        end = para_ends[pos] if pos < len(para_ends) else n
        out.append((start_at if start_at is not None else open_at, _rstrip(text, end)))
    return [q for q in out if q[1] - q[0] > 2]


def _same_style(first: str, again: str) -> bool:
    """A quotation continued in the next paragraph reopens with the mark it opened with: a
    straight mark is not continued by a curly one (an excerpt set off with straight marks may
    hold curly-quoted speech of its own)."""
    return (first in "\"'") == (again in "\"'")


def _mark_width(text: str, i: int) -> int:
    """1 for a double quote mark, 2 for two apostrophes used as one (``''Hopefully,''``)."""
    ch = text[i]
    if ch in _DOUBLE:
        return 1
    if ch == "'" and text.startswith("''", i) and not text.startswith("'''", i):
        return 2
    return 0


def _rstrip(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _opens(text: str, i: int) -> bool:
    """A mark opens when preceded by space/start and followed by a non-space."""
    before = text[i - 1] if i else " "
    w = _mark_width(text, i) or 1
    after = text[i + w] if i + w < len(text) else " "
    return (before in _OPEN_BEFORE or text[i] in "“„") and not after.isspace()


def _clearly_closes(text: str, i: int, width: int = 1) -> bool:
    """A mark closes when glued to the previous word and followed by space or punctuation."""
    before = text[i - 1] if i else " "
    after = text[i + width] if i + width < len(text) else " "
    return not before.isspace() and (after.isspace() or after in ".,;:!?)]—–-") and i > 0


def _guillemets(text: str) -> list[tuple[int, int]]:
    out = []
    start = None
    for i, ch in enumerate(text):
        if ch == "«":
            start = i
        elif ch == "»" and start is not None:
            out.append((start, i + 1))
            start = None
        elif ch == "\n" and start is not None:
            out.append((start, _rstrip(text, i)))
            start = None
    return out


def _single_quotes(text: str) -> list[tuple[int, int]]:
    """Curly single quotes that clearly open (after space) and close (before space/punct)."""
    out = []
    i = 0
    n = len(text)
    while i < n:
        if text[i] == "‘" and (i == 0 or text[i - 1] in _OPEN_BEFORE + "“\"") and i + 1 < n:
            if not text[i + 1].isalnum():
                i += 1
                continue
            j = i + 1
            end = None
            while j < n and j - i < 400 and text[j] != "\n":
                if text[j] == "’" and (j + 1 == n or not text[j + 1].isalnum()):
                    # "states’ rights": a plural possessive is followed by a lowercase word
                    k = _next_nonspace(text, j + 1)
                    if text[j - 1] == "s" and k < n and text[k].islower() and j + 1 < n and \
                            text[j + 1] == " ":
                        j += 1
                        continue
                    end = j + 1
                    break
                j += 1
            if end is not None:
                out.append((i, end))
                i = end
                continue
        i += 1
    return out


def attach_quotes(
    text: str,
    quotes: Sequence[tuple[int, int]],
    found: list[Attribution],
) -> list[Attribution]:
    """Give every quote an attribution, reusing the ones found in the parse.

    ``found`` are the attributions from reported speech, including bare cues (``he said``
    with no content). In order, a quote is: merged into an attribution whose content it
    overlaps; given to a bare cue right after it (``"X," he said``) or right before it
    (``he said: "X"``); appended to the previous quote's attribution when only that cue
    separates them (``"X," he said, "Y."``); otherwise left floating (no speaker, no cue) for
    :mod:`.speakers` to resolve. Attributions whose cue lies inside a quote are dropped:
    they are the quoted speaker's words, not the article's attributions.
    """
    qstarts = [q[0] for q in quotes]

    def inside_quote(a: Attribution) -> bool:
        if not a.cue:
            return False
        s, e = a.cue[0]
        k = bisect.bisect_right(qstarts, s) - 1
        return k >= 0 and quotes[k][0] < s and e <= quotes[k][1]

    found = [a for a in found if not inside_quote(a)]
    full = sorted((a for a in found if a.content), key=lambda a: a.start)
    bare = sorted((a for a in found if not a.content), key=lambda a: a.cue[0][0])
    full_starts = [a.start for a in full]
    by_end = sorted(full, key=lambda a: a.end)
    full_ends = ([a.end for a in by_end], by_end)
    bare_starts = [a.cue[0][0] for a in bare]
    used_bare: set[int] = set()
    out = list(full)
    prev_owner: Attribution | None = None
    prev_q: tuple[int, int] | None = None
    for q in quotes:
        qs, qe = trim(text, *q)
        if qe - qs < 2:
            continue
        owner = _overlapping(full, full_starts, q)
        if owner is None and (signed := _signed(text, q)) is not None:
            out.append(signed)
            prev_owner, prev_q = signed, q
            continue
        if owner is None and (lead := _full_after(text, full, full_starts, q, quotes)) is not None:
            # "X," he said, "Y.": the cue's clause is the second half of one quotation
            lead.content.insert(0, [qs, qe])
            lead.kind = "direct" if lead.kind == "direct" else "mixed"
            prev_owner, prev_q = lead, q
            continue
        if owner is None:
            owner = _bare_after(text, bare, bare_starts, used_bare, q)
            if (owner is None and prev_owner is not None and prev_q is not None
                    and _continues(text, prev_owner, prev_q, q)):
                prev_owner.content.append([qs, qe])
                prev_q = q
                continue
            if owner is None:
                owner = _bare_before(text, bare, bare_starts, used_bare, q)
            if owner is not None:
                owner.content = [[qs, qe]]
                owner.kind = "direct"
                owner.confidence = 0.8 if owner.speaker else 0.6
                out.append(owner)
            elif prev_owner is not None and _same_turn(text, prev_owner, q, full):
                # "X," said A, speaking of B. "Y." — the speaker's turn goes on
                prev_owner.content.append([qs, qe])
                owner = prev_owner
            elif (prior := _prior(full, full_ends, prev_owner, q)) is not None and _follows(
                text, prior, q
            ):
                # "X," he said. "Y." — the next quote continues the same attribution
                prior.content.append([qs, qe])
                owner = prior
            elif prior is not None and prior.kind == "indirect" and _same_turn(
                text, prior, q, full, kinds=("indirect",)
            ) and _stands_alone(text, q[0]):
                # He said the talks had failed: "We are back where we started." — the quote
                # gives the reported speaker's own words, one attribution
                prior.content.append([qs, qe])
                prior.kind = "mixed"
                owner = prior
            elif _is_utterance(text, qs, qe) and _stands_alone(text, q[0]) and not (
                _names_a_work(text, q[0])
            ):
                owner = Attribution(content=[[qs, qe]], kind="direct", confidence=0.4)
                out.append(owner)
            else:
                owner = None  # a scare quote or a title: "Morning Joe", "strong leader"
        else:
            _absorb(owner, q, text, quotes)
        if owner is not None:  # a nickname or title in quotes does not end a speaker's turn
            prev_owner, prev_q = owner, q
    return out


_ABBREVIATION = re.compile(r"\b(?:[A-Z][a-z]{0,3}|[A-Z](?:\.[A-Z])+|[a-z]\.[a-z])\.")
_REST_OF_SENTENCE = re.compile(r"[^\"“”«»\n.!?]{0,150}[.!?,:;—]?[\"“”«»’]?\s*\Z")


def _overlapping(full: list[Attribution], starts: list[int], q: tuple[int, int]):
    """The attribution whose content shares the most characters with ``q`` (cue outside)."""
    lo = bisect.bisect_left(starts, q[0] - 1500)
    best, best_ov = None, 0
    for a in full[lo:]:
        if a.start > q[1]:
            break
        ov = sum(overlap(q, c) for c in a.content)
        if ov > best_ov and _cue_outside(a, q):
            best, best_ov = a, ov
    return best


def _bare_after(text, bare, starts, used, q) -> Attribution | None:
    """A bare cue just after the quote in the same sentence: ``"X," said Price``."""
    k = bisect.bisect_left(starts, q[1])
    for a in bare[k : k + 2]:
        if id(a) in used:
            continue
        first = min([a.cue[0][0]] + [s for s, _ in a.speaker])
        gap = text[q[1] : first]
        if len(gap) <= 3 and "\n" not in gap and not any(c in gap for c in ".!?"):
            used.add(id(a))
            return a
        gap_to_cue = text[q[1] : a.cue[0][0]]
        if len(gap_to_cue) < 80 and "\n" not in gap_to_cue and not any(
            c in gap_to_cue for c in ".!?\"“”"
        ) and text[q[1] - 2 : q[1]].strip()[:1] in (",", "?", "!", "—", "-", "”", "\""):
            used.add(id(a))
            return a
    return None


def _bare_before(text, bare, starts, used, q) -> Attribution | None:
    """A bare cue just before the quote: ``he said: "X"`` or ``said Price, "X"``."""
    k = bisect.bisect_left(starts, q[0]) - 1
    for a in bare[max(0, k - 1) : k + 1][::-1]:
        if id(a) in used:
            continue
        last = max([a.cue[-1][1]] + [e for _, e in a.speaker])
        gap = text[last : q[0]]
        if len(gap) <= 4 and "\n" not in gap and gap.strip() in ("", ",", ":", "—", "-", ";") or (
            gap.strip() == ":" and len(gap) < 12
        ):
            used.add(id(a))
            return a
    return None


def _continues(text: str, owner: Attribution, prev: tuple[int, int], q: tuple[int, int]) -> bool:
    """``"X," he said, "Y."``: only the owner's cue and speaker lie between the two quotes."""
    if not owner.cue:
        return False
    cue_s, cue_e = owner.cue[0][0], owner.cue[-1][1]
    if not (prev[1] <= cue_s and cue_e <= q[0]):
        return False
    between = text[prev[1] : q[0]]
    if "\n" in between or len(between) > 150:
        return False
    end = max([cue_e] + [e for _, e in owner.speaker])
    tail = text[end : q[0]]
    return tail.strip() in ("", ",", ":", ";", "—") or (
        len(tail) < 60 and tail.rstrip().endswith(",") and not any(c in tail for c in ".!?")
    )


def _is_utterance(text: str, qs: int, qe: int) -> bool:
    """A floating quote is a claim only when it reads as speech: a sentence of a few words.

    A quote of four words or more is someone speaking; a shorter one is a scare quote, a
    nickname or a title.
    """
    inner = text[qs:qe].strip(QUOTE_MARKS + " ")
    return len(inner.split()) >= 4


def _stands_alone(text: str, qs: int) -> bool:
    """A quotation with no cue is speech only when it opens a sentence of its own.

    ``He paused. "We will not give in."`` is his; in ``Japan branded it an "outlaw nation in
    the neighborhood."`` or ``a robot called "Better Idea of Afghan Girls"`` the quote belongs
    to a sentence whose cue, if any, was not found, so it is no claim on its own.
    """
    i = qs - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or text[i] in ".!?:;,—–-\n" or text[i] in QUOTE_MARKS


_WORK_BEFORE = re.compile(r"([A-Za-z][\w-]*)(?:['’]s)?,?\s*(?:(?:titled|entitled|called),?\s*)?\Z")


def _names_a_work(text: str, qs: int) -> bool:
    """``her commentary, "Melania, tell your story,"``: a quotation right after the name of a
    work (a column, a book, a song) is its title."""
    m = _WORK_BEFORE.search(text, max(0, qs - 40), qs)
    if m is None:
        return False
    word = m.group(1).casefold()
    return word in TITLED_WORKS or word.rstrip("s") in TITLED_WORKS


_SIGNATURE = re.compile(r"[ \t]*([―—–]|--)[ \t\u00a0]*([A-Z][^\n]{1,80}?)[ \t.]*(?:\n|\Z)")


def _signed(text: str, q: tuple[int, int]) -> Attribution | None:
    """A quote signed with a dash at the end of its line: ``"…" ― Jane Doe``."""
    m = _SIGNATURE.match(text, q[1])
    if m is None:
        return None
    qs, qe = trim(text, *q)
    return Attribution(content=[[qs, qe]], cue=[[m.start(1), m.end(1)]],
                       speaker=[[m.start(2), m.end(2)]], kind="direct", confidence=0.7)


def _prior(full: list[Attribution], ends, prev_owner: Attribution | None, q: tuple[int, int]):
    """The attribution that ends last before quote ``q`` (a quote's owner or reported speech)."""
    keys, items = ends
    k = bisect.bisect_right(keys, q[0]) - 1
    best = items[k] if k >= 0 else None
    if prev_owner is not None and prev_owner.end <= q[0] and (
        best is None or prev_owner.end >= best.end
    ):
        best = prev_owner
    return best


def _follows(text: str, owner: Attribution, q: tuple[int, int]) -> bool:
    """True when a quote comes right after a quote attribution's sentence.

    ``"X," Trump said at a rally. "Y."``: between the attribution and the next quote there is
    only the rest of the cue's sentence (no quote marks, no paragraph break) and space.
    """
    if not owner.cue:
        return False
    if owner.kind not in ("direct", "mixed"):
        return False
    last = max(e for _, e in owner.content + owner.cue + owner.speaker)
    if last > q[0]:
        return False
    gap = _ABBREVIATION.sub("X", text[last : q[0]])
    if "\n" in gap and not _is_utterance(text, *trim(text, *q)):
        return False  # a short quote alone on its line is a subheading, not more speech
    return _REST_OF_SENTENCE.match(gap) is not None


_PRONOUN_SPEAKERS = frozenset({"he", "she", "they", "who", "it", "we", "i"})


def _same_turn(
    text: str,
    owner: Attribution,
    q: tuple[int, int],
    found: Sequence[Attribution],
    kinds: tuple[str, ...] = ("direct",),
) -> bool:
    """A quotation later in the paragraph of a quote attribution continues that speaker's turn.

    ``"X," said Caddell, speaking of her health. "Y."`` and ``"X," Obama said after the meeting.
    He didn't suggest retaliation. "Y."``: no other quotation and no other named speaker stands
    between, so "Y" is the same speaker's, one attribution with several fragments.
    """
    if not owner.cue or not owner.speaker or owner.kind not in kinds:
        return False  # a mixed attribution may hold a title in quotes, not a turn of speech
    last = max(e for _, e in owner.content + owner.cue + owner.speaker)
    if last > q[0]:
        return False
    gap = text[last : q[0]]
    if "\n" in gap or len(gap) > 300 or any(ch in gap for ch in '"“”„‟«»') or "''" in gap:
        return False
    own = [text[s:e].casefold() for s, e in owner.speaker]

    def same_speaker(a: Attribution) -> bool:
        return bool(a.speaker) and all(
            text[s:e].casefold() in _PRONOUN_SPEAKERS or text[s:e].casefold() in own
            or any(overlap((s, e), o) for o in owner.speaker)
            for s, e in a.speaker
        )

    between = [a for a in found if a is not owner and a.cue and last <= a.cue[0][0] < q[0]]
    if any(a.speaker and not same_speaker(a) for a in between):
        return False
    # a whole sentence between must be the same speaker's ("He did not suggest …")
    plain = _ABBREVIATION.sub(lambda m: m.group(0)[:-1] + "_", gap)  # same length, no period
    ends = [last + m.end() for m in _SENTENCE_BREAK.finditer(plain)]
    for lo, hi in zip(ends, [*ends[1:], q[0]][: len(ends)], strict=True):
        if any(ch.isalnum() for ch in text[lo:hi]) and not any(
            lo <= a.cue[0][0] < hi and same_speaker(a) for a in between
        ):
            return False
    return True


_SENTENCE_BREAK = re.compile(r"[.!?]+\s+")


def _cue_outside(a: Attribution, q: tuple[int, int]) -> bool:
    """A quote belongs to an attribution only when the cue is not inside the quote."""
    return all(not (q[0] <= s and e <= q[1]) for s, e in a.cue) if a.cue else True


def _full_after(
    text: str,
    full: list[Attribution],
    starts: list[int],
    q: tuple[int, int],
    quotes: Sequence[tuple[int, int]],
) -> Attribution | None:
    """A cue right after the quote whose own content is the next quote: ``"X," he said, "Y."``.

    The parse gives the cue the second half as its clause; the first half is the same
    speaker's words, one attribution with two fragments. The cue's content must open with
    that next quote in the same sentence: a participle (``"X," he said, adding …``) is no
    second half.
    """
    k = bisect.bisect_left(starts, q[1])
    for a in full[k : k + 4]:
        if not a.cue or a.start > q[1] + 200:
            break
        cue_s = a.cue[0][0]
        if cue_s < q[1] or a.start < a.cue[-1][1]:
            continue
        first = min([cue_s] + [s for s, _ in a.speaker])
        gap = text[q[1] : first]
        if first >= q[1] and len(gap) <= 3 and "\n" not in gap and not any(
            c in gap for c in ".!?"
        ) and text[q[1] - 2 : q[1]].strip()[:1] in (",", "—", "-", "!", "?", "”", '"', "'") and (
            _opens_with_quote(text, a, quotes)
        ):
            return a
    return None


def _opens_with_quote(text: str, a: Attribution, quotes: Sequence[tuple[int, int]]) -> bool:
    """True when ``a``'s first content span is a quotation that follows its cue within the
    same sentence."""
    first = min(a.content)
    after = max([a.cue[-1][1]] + [e for _, e in a.speaker])
    for qs, qe in quotes:
        if qs >= after and overlap((qs, qe), first) > 0:
            gap = _ABBREVIATION.sub("X", text[after:qs])
            lead = text[first[0] : qs].strip(QUOTE_MARKS + " ")
            return not lead and len(gap) < 100 and not any(c in gap for c in ".!?\n")
    return False


def _absorb(
    a: Attribution, q: tuple[int, int], text: str, quotes: Sequence[tuple[int, int]] = ()
) -> None:
    """Grow ``a``'s content to cover the whole quote (a parse sees only one sentence of it)."""
    qs, qe = trim(text, *q)
    spans = [list(c) for c in a.content]
    merged = False
    for c in spans:
        if overlap(c, (qs, qe)) > 0:
            c[0] = min(c[0], qs)
            c[1] = max(c[1], qe)
            merged = True
    if not merged:
        spans.append([qs, qe])
    # a cue or speaker must never end up inside the content
    for cs, ce in a.cue + a.speaker:
        for c in spans:
            if c[0] <= cs and ce <= c[1]:
                return
    a.content = spans
    if a.kind == "intention":
        return  # a quotation inside what someone plans stays part of the intention
    quoted = [q, *quotes]
    outside = "".join(
        text[s:e] if not overlap((s, e), q) else text[s : max(s, q[0])] + text[min(e, q[1]) : e]
        for s, e in spans
        if not any(qs <= s and e <= qe for qs, qe in quoted)
    )
    a.kind = "mixed" if any(ch.isalnum() for ch in outside) else "direct"

"""Find the article body in scraped text: keep the prose, leave the web furniture out.

The body is returned as ``[start, end)`` ranges into the raw text, never as a copy, so every
later offset still points into the text as it was read.

How it decides, from the shape of the page rather than from any site's strings:

1. The text is cut into lines. Each line is scored: a *prose* line (sentence-shaped, ends in
   terminal punctuation, or long and full of function words) counts ``+`` its length; a
   sentence-like line without final punctuation (a list item, a subhead) counts about zero;
   a short title-case or link-like line (navigation, teaser headline, byline, date) counts a
   little less than zero; a line matching a generic *furniture cue* (below) counts strongly
   negative.
2. The main block is the run of lines with the largest total score (Kadane's maximum
   subarray), so prose separated from the article by a menu, a "You may also like" header
   or a teaser list stays out, while a subhead or a list inside the article stays in.
3. A reader-comments header ("3 thoughts on …", "Leave a Reply") found after most of the
   prose ends the article: everything after it is the comment section.
4. Inside the block, cue lines, photo captions, lines repeated elsewhere in the page
   (the headline again, a teaser shown twice) and short lines glued to a cue line (the
   teaser around "Read more") are dropped.

The cue patterns are a short, generic list of web furniture (comment headers, cookie and
subscription banners, share lines, related-content headers, copyright lines, photo credits);
none names a site. Lines repeated across many pages of one site can be passed in as
``furniture`` (see :func:`find_repeated_furniture`).

Limits: the text is read line by line, so a page flattened to one line cannot be split; a
body made only of very short lines (a poem, a results table) may be judged furniture.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "find_body",
    "find_repeated_furniture",
    "split_lines",
    "is_prose",
    "furniture_cue",
    "comment_header",
    "Line",
]

#: Score of a line that matches a furniture cue; large enough that the article does not
#: reach across a "You may also like" header to pick up a blurb below it.
CUE_PENALTY = 250.0

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_TERMINAL = re.compile(r"[.!?…:;][\"'”’)\]»]*\s*$")
_BULLET = re.compile(r"^\s*(?:[-–—•*·▪►]|\d{1,2}[.)])\s+")

#: Frequent English function words: prose is full of them, menus and icon lists are not.
_FUNCTION_WORDS = frozenset(
    """
    a an the of to in on at for from by with and or but that this these those is are was
    were be been has have had it its he she they we you his her their our not as if than then
    which who whom what when where while will would can could should may might said says
    """.split()  # noqa: SIM905
)

# Generic web-furniture cues. Each is matched against a whole stripped line, case-insensitive.
_CUE_LINE = re.compile(
    r"""^(?:
        (?:related|recommended|similar|more|latest|recent|popular|trending|top|featured)
            (?:\s+(?:news|posts?|stories|articles|reading|videos?|content|headlines))?
            (?:\s+(?:from|on|in)\s+.*)?
      | most\s+(?:read|popular|viewed|shared)
      | editor'?s?\s+picks?
      | you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)
      | (?:read|see|watch)\s+(?:more|next|also)(?:\s*[:»›>].*)?
      | continue\s+reading.*
      | (?:share|follow\s+us|share\s+this(?:\s+\w+)?)(?:\s+on\b.*|:.*)?
      | (?:subscribe|sign\s+up|sign\s+in|log\s*in|register|newsletter)\b.*
      | contact(?:\s+us)? | about(?:\s+us)? | our\s+mission
      | advertisement | advertise(?:\s+with\s+us)?
      | privacy(?:\s+policy)? | terms\s+(?:of|and)\s+.* | all\s+podcasts | podcasts
      | accept(?:\s+all)?(?:\s+cookies)? | menu | search | skip\s+to\s+(?:main\s+)?content
      | tags?:.* | filed\s+under:?.* | categories?:.*
      | sources?\s*:.* | photo(?:graph)?\s*:.* | image\s*:.* | credit\s*:.*
      | \d+\s+(?:second|minute|hour|day|week|month|year)s?\s+ago
    )\s*[:.]?$""",
    re.IGNORECASE | re.VERBOSE,
)

# Cues that may appear anywhere in a line.
_CUE_SEARCH = re.compile(
    r"""(?:
        \b(?:uses?|use\s+of)\s+cookies\b | \baccept\s+(?:all\s+)?cookies\b
      | \bcookie\s+(?:policy|settings)\b
      | © | \ball\s+rights?\s+reserved\b | ^\s*(?:copyright|\(c\)|@)\s*\d{4}
      | (?:…|\.\.\.)\s*read\s+more\s*[»›>]?\s*$ | \bread\s+more\s*[»›>]\s*$
      | \buses\s+akismet\b
      | ^(?:(?:share|email|print|facebook|twitter|x|whatsapp|telegram|linkedin|pinterest|reddit
            |vk|messenger|copy\s+link|tweet)(?:\s+|$)){2,}
      | ^\s*home\s*[»›>|/] | (?-i:^Home(?=[A-Z][a-z]*\b)) | [»›](?:[^»›]*[»›]){1,}
    )""",
    re.IGNORECASE | re.VERBOSE,
)

_COMMENT_HEADER = re.compile(
    r"""^\s*(?:
        \d+\s+(?:thoughts?|comments?|responses?|replies|reactions?)\s+(?:on|to)\b.*
      | (?:one|two|three)\s+(?:thoughts?|comments?|responses?|replies)\s+(?:on|to)\b.*
      | (?:leave|post|add|write)\s+a\s+(?:comment|reply|response)\b.*
      | (?:\d+\s+)?comments?\s*(?:\(\d+\))?\s*:?
      | join\s+the\s+(?:discussion|conversation)\b.*
      | reader\s+comments?
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True)
class Line:
    """One line of the raw text: ``[start, end)`` of its stripped content and that content."""

    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text


def split_lines(text: str) -> list[Line]:
    """Cut ``text`` into lines with the offsets of their stripped content.

    >>> [(ln.start, ln.end, ln.text) for ln in split_lines("  Hi.\\n\\nBye")]
    [(2, 5, 'Hi.'), (6, 6, ''), (7, 10, 'Bye')]
    """
    lines = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        content = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        stripped = content.strip()
        lead = len(content) - len(content.lstrip())
        start = pos + lead if stripped else pos
        lines.append(Line(start, start + len(stripped), stripped))
        pos += len(raw)
    return lines


def _words(s: str) -> list[str]:
    return _WORD.findall(s)


def _function_share(words: Sequence[str]) -> float:
    if not words:
        return 0.0
    return sum(1 for w in words if w.lower() in _FUNCTION_WORDS) / len(words)


def is_prose(line: str) -> bool:
    """Whether a stripped line reads as running text of an article.

    >>> is_prose("Russia has denied it is preparing to invade.")
    True
    >>> is_prose("Top Russian, American diplomats talk via telephone about security guarantees")
    False
    """
    words = _words(line)
    if _TERMINAL.search(line):
        return len(words) >= 4 and _function_share(words) > 0 or len(words) >= 8
    # A long paragraph that lost its final full stop still reads as prose.
    return len(words) >= 30 and _function_share(words) >= 0.2


def _sentence_like(line: str) -> bool:
    """Lowercase running words without final punctuation: a list item, a subhead, a lead."""
    words = _words(line)
    if len(words) < 3:
        return False
    lower = sum(1 for w in words if w[0].islower())
    return lower / len(words) >= 0.3


def _unfinished_paragraph(line: str) -> bool:
    """A paragraph that lost its final full stop (not a bulleted standfirst or list item)."""
    return not _BULLET.match(line) and len(_words(line)) >= 12 and _sentence_like(line)


def furniture_cue(line: str) -> bool:
    """Whether a stripped line matches a generic web-furniture cue.

    >>> furniture_cue("You may also like")
    True
    >>> furniture_cue("This website uses cookies.")
    True
    >>> furniture_cue("Lavrov told reporters the talks were useful.")
    False
    """
    return bool(_CUE_LINE.match(line) or _CUE_SEARCH.search(line) or comment_header(line))


def comment_header(line: str) -> bool:
    """Whether a stripped line opens a reader-comment section ("2 thoughts on …")."""
    return bool(_COMMENT_HEADER.match(line))


def _nonspace(s: str) -> int:
    return sum(1 for ch in s if not ch.isspace())


# Line kinds, from most article-like to least.
_BLANK, _PROSE, _LEAD, _SENTENCE, _OTHER, _CUE = range(6)

#: Lines looked up for repeats at most (bounds the work on huge inputs).
_MAX_REPEAT_CHECKS = 500


def _classify(
    text: str, lines: Sequence[Line], furniture: Collection[str]
) -> tuple[list[int], set[int]]:
    """The kind of each line, and which non-prose lines of four or more words are shown again
    elsewhere in the page (the headline inside a breadcrumb, a teaser headline twice): such
    a line is never a lead paragraph."""
    kinds = []
    repeated: set[int] = set()
    checks = 0
    for i, ln in enumerate(lines):
        s = ln.text
        if not s:
            kind = _BLANK
        elif s in furniture or furniture_cue(s):
            kind = _CUE
        elif is_prose(s):
            kind = _PROSE
        else:
            if checks < _MAX_REPEAT_CHECKS and len(_words(s)) >= 4:
                checks += 1
                if text.count(s) > 1:
                    repeated.add(i)
            if not _sentence_like(s):
                kind = _OTHER
            elif _unfinished_paragraph(s) and i not in repeated:
                kind = _LEAD
            else:
                kind = _SENTENCE
        kinds.append(kind)
    return kinds, repeated


def _score(kind: int, line: str) -> float:
    """How much a line pulls the main block towards itself (prose) or away (furniture)."""
    size = _nonspace(line)
    if kind == _PROSE:
        return float(size)
    if kind == _LEAD:
        return 0.5 * size
    if kind == _SENTENCE:
        return -2.0
    if kind == _OTHER:
        return -(15.0 + 0.3 * size)
    if kind == _CUE:
        return -max(CUE_PENALTY, float(size))
    return 0.0


def _best_run(scores: Sequence[float]) -> tuple[int, int] | None:
    """``[i, j)`` of the maximum-sum run of scores (shortest and earliest on ties)."""
    best = 0.0
    best_span: tuple[int, int] | None = None
    run = 0.0
    run_start = 0
    for i, s in enumerate(scores):
        if run <= 0:
            run, run_start = 0.0, i
        run += s
        if run > best:
            best, best_span = run, (run_start, i + 1)
    return best_span


def _comment_cut(lines: Sequence[Line], kinds: Sequence[int]) -> int:
    """Index of the comment-section header that ends the article, or ``len(lines)``."""
    total = sum(len(ln.text) for ln, k in zip(lines, kinds, strict=True) if k == _PROSE)
    before = 0
    for i, (ln, k) in enumerate(zip(lines, kinds, strict=True)):
        if k == _PROSE:
            before += len(ln.text)
        elif k == _CUE and comment_header(ln.text) and before > 0 and before >= total - before:
            return i
    return len(lines)


def find_body(text: str, *, furniture: Collection[str] = frozenset()) -> list[tuple[int, int]]:
    """The article body as sorted ``[start, end)`` ranges into ``text``, boilerplate left out.

    Args:
        text (str): the article as scraped.
        furniture (Collection[str]): stripped lines known to be site furniture (for example
            from :func:`find_repeated_furniture`); they are treated like cue lines.

    RETURNS (list[tuple[int, int]]): kept ranges, in order; ``[]`` when no prose is found.

    >>> page = "Home » world\\nUS and Russia talk\\nThe ministers met in Geneva.\\nRead more"
    >>> [page[s:e] for s, e in find_body(page)]
    ['The ministers met in Geneva.']
    """
    lines = split_lines(text)
    kinds, repeated = _classify(text, lines, furniture)
    cut = _comment_cut(lines, kinds)
    lines, kinds = lines[:cut], kinds[:cut]
    top = next((i for i, k in enumerate(kinds) if k != _BLANK), None)
    if top is not None and kinds[top] == _PROSE and _headline_shaped_question(lines[top].text):
        kinds[top] = _OTHER
    span = _best_run([_score(k, ln.text) for k, ln in zip(kinds, lines, strict=True)])
    if span is None:
        return []
    first = _extend_head(lines, kinds, repeated, span[0])
    lead = _lead_above_label(lines, kinds, first)
    if lead is not None:
        first = _extend_head(lines, kinds, repeated, lead)
    last = _extend_tail(kinds, span[1])
    ranges: list[tuple[int, int]] = []
    open_start: int | None = None
    open_end = 0
    for i in range(first, last):
        ln = lines[i]
        if ln.blank:
            continue
        if _keep_inside(i, kinds):
            if open_start is None:
                open_start = ln.start
            open_end = ln.end
        elif open_start is not None:
            ranges.append((open_start, open_end))
            open_start = None
    if open_start is not None:
        ranges.append((open_start, open_end))
    return ranges


def _headline_shaped_question(line: str) -> bool:
    """A short first line that is not a finished sentence ("Could rivalry overshadow the
    election?", "'My memories of Marley...'"): the headline, even though it reads as prose."""
    end = line.rstrip("\"'”’»)")
    finished = end.endswith(".") and not end.endswith("..")
    return not finished and len(_words(line)) <= 15


def _headline_shaped(line: str) -> bool:
    """Six or more words, nearly all capitalised: a headline, not a fact line of the story."""
    words = _words(line)
    return len(words) >= 6 and sum(1 for w in words if w[0].isupper()) / len(words) >= 0.7


def _extend_head(
    lines: Sequence[Line], kinds: Sequence[int], repeated: Collection[int], first: int
) -> int:
    """Take in the fact lines just above the first paragraph (venue, date, kick-off time).

    The extension stops at a cue line, a bulleted standfirst, a headline-shaped line, a line
    shown twice in the page, and never takes the page's first line (the headline or a menu).
    """
    top = next((i for i, k in enumerate(kinds) if k != _BLANK), first)
    start = first
    for k in range(first - 1, top, -1):
        s = lines[k].text
        if not s:
            continue
        if kinds[k] == _CUE or _BULLET.match(s) or _headline_shaped(s):
            break
        if k in repeated:
            break  # the headline again inside a breadcrumb, a teaser headline
        if len(_words(s)) > 60:
            break  # an icon list or a flattened menu
        start = k
    return start


#: A label line ("More:", "Related", "READ MORE:") has at most this many words.
_LABEL_WORDS = 3
#: Lines between a lead and the rest of its article that a label may bring (the label and a
#: teaser headline or two).
_LABEL_GAP = 3


def _lead_above_label(lines: Sequence[Line], kinds: list[int], first: int) -> int | None:
    """The first line of lead paragraphs cut off from their article by a short label line.

    "More:" or "Related:" with a teaser headline inside an article weighs like a "You may also
    like" header, so the main block may start below it and lose the lead. When the lines
    between the block and the prose above are a label and at most a teaser or two, the prose
    above is the lead: it is taken back and the label with its teaser is marked as furniture
    (``kinds`` is updated). ``None`` when there is no such lead.
    """
    gap: list[int] = []
    labelled = False
    k = first - 1
    while k >= 0:
        s = lines[k].text
        if s and kinds[k] in (_PROSE, _LEAD):
            break
        if s:
            if len(gap) == _LABEL_GAP or len(_words(s)) > 15:
                return None
            gap.append(k)
            labelled |= kinds[k] == _CUE and len(_words(s)) <= _LABEL_WORDS
        k -= 1
    if k < 0 or not labelled:
        return None
    lead = k
    while k >= 0 and (not lines[k].text or kinds[k] in (_PROSE, _LEAD)):
        if lines[k].text:
            lead = k
        k -= 1
    for g in gap:
        kinds[g] = _CUE
    return lead


def _extend_tail(kinds: Sequence[int], last: int) -> int:
    """Carry the block on over a trailing list or table (results, line-ups, award winners).

    Such lines score below zero one by one, yet they belong to the article when nothing
    marks its end first: the extension stops at the first cue line.
    """
    end = last
    for k in range(last, len(kinds)):
        if kinds[k] == _CUE:
            break
        if kinds[k] != _BLANK:
            end = k + 1
    return end


def _keep_inside(i: int, kinds: Sequence[int]) -> bool:
    """Whether line ``i`` of the main block stays in the body: not a cue line, and not a
    short line glued (no blank line between) to a cue line, like the headline of a teaser
    around "Read more"."""
    if kinds[i] == _CUE:
        return False
    if kinds[i] in (_PROSE, _BLANK):
        return True
    return not any(0 <= j < len(kinds) and kinds[j] == _CUE for j in (i - 1, i + 1))


def find_repeated_furniture(
    texts: Iterable[str], *, min_share: float = 0.5, min_docs: int = 3, max_chars: int = 200
) -> set[str]:
    """Stripped lines that recur on many pages of one site: menus, footers, sign-up boxes.

    Pass the pages of one site (one outlet); a line counts once per page. Lines longer than
    ``max_chars`` are never furniture (a repeated paragraph is more likely a syndicated copy).

    >>> pages = ["Menu\\nStory one is here.", "Menu\\nStory two is here.", "Menu\\nThree."]
    >>> sorted(find_repeated_furniture(pages))
    ['Menu']
    """
    seen: Counter[str] = Counter()
    n = 0
    for text in texts:
        n += 1
        seen.update({ln.text for ln in split_lines(text) if 0 < len(ln.text) <= max_chars})
    if n < min_docs:
        return set()
    need = max(2, min_share * n)
    return {line for line, k in seen.items() if k >= need}

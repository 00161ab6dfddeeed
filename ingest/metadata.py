"""Find an article's metadata in its scraped text: headline, outlet, credits, authors, dateline,
publication date.

It reads the page furniture that :func:`ingest.clean.find_body` leaves out (the lines above and
below the body) plus the first line of the body (for a dateline) and the body text (for wire
credits such as "according to Anadolu Agency").

What it deliberately does not do: guess. A date without a year ("WASHINGTON, Feb 16") gives a
dateline but no ``published``; a photo credit in a caption ("© Kevin Lamarque/AFP") is not the
outlet; an outlet is only named from a credit line, an agency byline, a copyright line or a
dateline, through the table in :mod:`ingest.outlets` or, for a credit line, as written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from .clean import Line, furniture_cue, is_prose, split_lines
from .outlets import canonical_outlet, find_outlets, is_agency, known_outlet

__all__ = [
    "extract_metadata",
    "find_title",
    "find_dateline",
    "find_published",
    "parse_date",
]

_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for m in names
}
_MONTH = r"(?i:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_TIME = r"(?:,?\s*(?:at\s+)?(?P<hh>\d{1,2}):(?P<mm>\d{2})\s*(?P<ampm>[ap]\.?m\.?)?)?"
_DATE_PATTERNS = (
    re.compile(
        r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<hh>\d{2}):(?P<mm>\d{2}))?"
        r"(?P<ampm>)"
    ),
    re.compile(rf"(?i)\b(?P<mon>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s*(?P<y>\d{{4}})\b"
               + _TIME),
    re.compile(rf"(?i)(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_MONTH}),?\s+"
               rf"(?P<y>\d{{4}})\b" + _TIME),
)
_DATE_LABEL = re.compile(
    r"(?i)\b(?P<label>published|posted|updated|last\s+updated|modified|date|on)\s*:?\s*$"
)

_DATELINE = re.compile(
    rf"""^(?P<dateline>
        (?P<place>[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+){{0,3}})
        (?:,\s*(?P<region>[A-Z][A-Za-z.'\-]+(?:\s+[A-Z][A-Za-z.'\-]+){{0,2}}))??
        (?:,\s*(?P<date>{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?))?
    )
    \s*(?:\((?P<agency>[^()]{{2,40}})\))?\s*[—–\-]{{1,2}}\s""",
    re.VERBOSE,
)
_DATELINE_AGENCY = re.compile(
    r"^(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\s*\((?P<agency>[^()]{2,40})\)\s*[—–\-]{1,2}\s"
)

_CREDIT_LINE = re.compile(r"(?i)^(?:sources?|credits?|via|agenc(?:y|ies))\s*:\s*(?P<names>.+)$")
_BY_LINE = re.compile(
    r"^(?:By|BY|Written by|Reporting by|Author:|Authors:)\s+(?P<names>[A-Z][^\n]{1,120})$"
)
_NAME = re.compile(r"^[A-Z][a-zA-Z'’.\-]+(?:\s+[A-Z][a-zA-Z'’.\-]+){1,3}$")
_NAV_WORDS = frozenset(
    "home news posts post recent latest top more related menu search contact about us subscribe "  # noqa: SIM905, E501
    "mission world politics business sport sports tech opinion video videos live stories follow "
    "share comments login privacy terms features podcasts".split()
)
_PHOTO_CREDIT = re.compile(
    r"©\s*[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}\s*/\s*[A-Z][\w ]{0,30}\s*\)?\s*$"
)
_COPYRIGHT = re.compile(r"(?i)©|\ball\s+rights?\s+reserved\b|\bcopyright\b")
_CITED = re.compile(
    r"(?i:according\s+to(?:\s+(?:the|a))?(?:\s+report(?:s)?\s+(?:by|from|in))?|\(|"
    r"reported\s+by|reports?\s+(?:by|from)|citing(?:\s+the)?)\s*$"
)
_CITED_AFTER = re.compile(r"^(?:['’]s?\s+report|\s+reported|\s+reports|\))")


def extract_metadata(text: str, body: Sequence[Sequence[int]]) -> dict[str, object]:
    """Headline, outlet, credits, authors, dateline and publication date of one article.

    Args:
        text (str): the article as scraped.
        body (Sequence[Sequence[int]]): the ``[start, end)`` body ranges (from ``find_body``).

    RETURNS (dict): keys ``title``, ``outlet``, ``credits``, ``authors``, ``dateline``,
        ``published`` (ISO 8601 date or date-time, ``None`` when the text gives no full date).

    >>> text = "Talks in Geneva\\n\\nGENEVA, Jan 21 (Reuters) - The ministers met on Friday."
    >>> meta = extract_metadata(text, [[17, len(text)]])
    >>> meta["title"], meta["outlet"], meta["dateline"], meta["published"]
    ('Talks in Geneva', 'Reuters', 'GENEVA, Jan 21', None)
    """
    lines = split_lines(text)
    spans = sorted((int(s), int(e)) for s, e in body)
    if spans:
        head = [ln for ln in lines if ln.text and ln.end <= spans[0][0]]
        tail = [ln for ln in lines if ln.text and ln.start >= spans[-1][1]]
        outside = [ln for ln in lines if ln.text and not _inside(ln, spans)]
    else:
        head, tail, outside = [ln for ln in lines if ln.text], [], [ln for ln in lines if ln.text]
    body_text = "\n".join(text[s:e] for s, e in spans)
    first_para = text[spans[0][0] : spans[0][1]].split("\n", 1)[0] if spans else ""

    dateline, dateline_agency = find_dateline(first_para)
    credit_names = _credit_line_names(outside)
    outlet = (
        (credit_names[0] if credit_names else None)
        or _agency_byline(head)
        or _copyright_outlet(outside)
        or dateline_agency
    )
    credits = _dedupe([outlet, *credit_names, dateline_agency, *_cited_agencies(body_text)])
    return {
        "title": find_title(head),
        "outlet": outlet,
        "credits": credits,
        "authors": _authors(head, tail, outlet),
        "dateline": dateline,
        "published": find_published(outside),
    }


def _inside(line: Line, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= line.start and line.end <= e for s, e in spans)


def _dedupe(names: Sequence[str | None]) -> list[str]:
    out: list[str] = []
    for name in names:
        if name and name not in out:
            out.append(name)
    return out


def find_title(head: Sequence[Line]) -> str | None:
    """The headline: the first line above the body shaped like one.

    Skipped: menus and breadcrumbs ("Home » world »", "Home <the headline>"), cue lines,
    dates, agency bylines ("Anadolu Agency WORLD"), icon lists, lines of one word or only
    menu words ("News", "World Politics").

    >>> find_title(split_lines("News\\n\\nUS says Russia should resolve tensions\\nSubscribe"))
    'US says Russia should resolve tensions'
    """
    texts = [ln.text for ln in head]
    for ln in head:
        s = ln.text
        words = re.findall(r"[^\W\d_]+", s)
        if not 2 <= len(words) <= 30 or furniture_cue(s):
            continue
        if all(w.lower() in _NAV_WORDS for w in words):
            continue  # "World News", "Latest Posts"
        if any(t != s and len(t) >= 10 and s.endswith(t) for t in texts):
            continue  # a breadcrumb ending in the headline ("Home US, Russia promise …")
        if _find_dates(s) or _agency_byline([ln]) or _credit_line_names([ln]):
            continue
        if s.endswith(".") and not s.endswith("..") and is_prose(s):
            continue  # a sentence: a standfirst or a caption, not a headline
        return s
    return None


def find_dateline(first_paragraph: str) -> tuple[str | None, str | None]:
    """``(dateline, agency)`` from the opening of the first paragraph.

    >>> find_dateline("WASHINGTON, Feb 16 — US Secretary of State Antony Blinken told")
    ('WASHINGTON, Feb 16', None)
    >>> find_dateline("MOSCOW (Reuters) - Russia said on Tuesday")
    ('MOSCOW', 'Reuters')
    >>> find_dateline("Washington and Moscow's top diplomats on Friday agreed")
    (None, None)
    """
    m = _DATELINE.match(first_paragraph)
    if m and len(m.group("place").replace(" ", "")) >= 3:
        outlet = known_outlet(m.group("agency"))
        return m.group("dateline").strip(), outlet.name if outlet else None
    m = _DATELINE_AGENCY.match(first_paragraph)
    outlet = known_outlet(m.group("agency")) if m else None
    if m and outlet:
        return m.group("place"), outlet.name
    return None, None


def parse_date(s: str) -> str | None:
    """The first full date (with its time, if given) in ``s`` as ISO 8601, else ``None``.

    >>> parse_date("Published February 15,2022")
    '2022-02-15'
    >>> parse_date("13 Feb, 2022 13:34")
    '2022-02-13T13:34'
    >>> parse_date("WASHINGTON, Feb 16") is None
    True
    """
    found = _find_dates(s)
    return found[0][1] if found else None


def _find_dates(s: str) -> list[tuple[int, str]]:
    """``(offset, iso)`` of each full date in ``s``."""
    out = []
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(s):
            iso = _iso(m)
            if iso:
                out.append((m.start(), iso))
    return sorted(out)


def _iso(m: re.Match[str]) -> str | None:
    g = m.groupdict()
    month = int(g["m"]) if g.get("m") else _MONTHS.get(g["mon"].lower().rstrip("."))
    try:
        date = dt.date(int(g["y"]), month or 0, int(g["d"]))
    except (TypeError, ValueError):
        return None
    if not 1900 <= date.year <= 2100:
        return None
    if g.get("hh") is None:
        return date.isoformat()
    hour, minute = int(g["hh"]), int(g["mm"])
    ampm = (g.get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if not (0 <= hour < 24 and 0 <= minute < 60):
        return date.isoformat()
    return f"{date.isoformat()}T{hour:02d}:{minute:02d}"


def find_published(lines: Sequence[Line]) -> str | None:
    """The publication date among lines outside the body, as ISO 8601, else ``None``.

    A date counts when its line is short (a date line, not a caption) or a label stands
    right before it ("Published", "date"). A "Published"/"Posted" date wins; else the first
    one; an "Updated" date only when there is nothing else. When two dates agree on the day,
    the one with a time is kept.

    >>> find_published(split_lines(" date 2022-02-13  icon bookmark\\n13 Feb, 2022 13:34"))
    '2022-02-13T13:34'
    """
    found: list[tuple[int, int, str]] = []  # (rank, order, iso)
    for order, ln in enumerate(lines):
        for offset, iso in _find_dates(ln.text):
            label = _DATE_LABEL.search(ln.text[:offset])
            kind = label.group("label").lower() if label else None
            if kind is None and len(ln.text) > 80:
                continue
            rank = {"published": 0, "posted": 0}.get(kind or "", 1)
            if kind and "updated" in kind or kind == "modified":
                rank = 2
            found.append((rank, order, iso))
    if not found:
        return None
    found.sort()
    best = found[0][2]
    day = best[:10]
    timed = [iso for _, _, iso in found if iso.startswith(day) and len(iso) > 10]
    return timed[0] if len(best) == 10 and timed else best


def _credit_line_names(lines: Sequence[Line]) -> list[str]:
    """Names on a credit line ("Sources: BERNAMA"), canonical where the table knows them."""
    names: list[str] = []
    for ln in lines:
        m = _CREDIT_LINE.match(ln.text)
        if not m:
            continue
        for part in re.split(r"\s*(?:[,;/&|]|\band\b)\s*", m.group("names")):
            part = part.strip(" .")
            if part and len(part.split()) <= 5:
                names.append(canonical_outlet(part) or part)
    return _dedupe(names)


def _agency_byline(lines: Sequence[Line]) -> str | None:
    """A line that is a known outlet's name, perhaps with a section in capitals
    ("Anadolu Agency WORLD")."""
    for ln in lines:
        for start, end, name in find_outlets(ln.text):
            rest = ln.text[end:].strip()
            if start == 0 and (not rest or re.fullmatch(r"[A-Z][A-Z &\-]{1,30}", rest)):
                return name
    return None


def _copyright_outlet(lines: Sequence[Line]) -> str | None:
    """The outlet named in a copyright line ("© … "TV-Novosti", 2005–2022"), never a photo
    credit in a caption ("© Kevin Lamarque/AFP")."""
    for ln in lines:
        if not _COPYRIGHT.search(ln.text) or _PHOTO_CREDIT.search(ln.text):
            continue
        found = find_outlets(ln.text)
        if found:
            return found[0][2]
    return None


def _cited_agencies(body_text: str) -> list[str]:
    """Wire agencies the body cites as its source ("according to Anadolu Agency")."""
    names = []
    for start, end, name in find_outlets(body_text):
        if not is_agency(name):
            continue
        if _CITED.search(body_text[max(0, start - 40) : start]) or _CITED_AFTER.match(
            body_text[end : end + 20]
        ):
            names.append(name)
    return _dedupe(names)


def _authors(head: Sequence[Line], tail: Sequence[Line], outlet: str | None) -> list[str]:
    """Bylines ("By Jane Doe and John Roe") above or below the body, or a bare name line
    among the first lines after the body (before any section header)."""
    for ln in (*head, *tail):
        m = _BY_LINE.match(ln.text)
        if m:
            names = [n.strip(" .") for n in re.split(r",|\band\b|&", m.group("names"))]
            return [n for n in names if _NAME.match(n)]
    for ln in tail[:3]:
        s = ln.text
        if _CREDIT_LINE.match(s):
            continue
        if furniture_cue(s):
            break
        if _person_name(s, outlet):
            return [s]
    return []


def _person_name(s: str, outlet: str | None) -> bool:
    if not _NAME.match(s) or find_outlets(s) or (outlet and outlet in s):
        return False
    return not any(w.lower() in _NAV_WORDS for w in s.split())

"""Read a news web page: its main text, its metadata, and a warning when little of it is kept.

A saved news page holds much besides the article: photo galleries of fifty captions, a video
player's "This is a modal window.", a feed of other stories, "You might also like" teasers.
Before trafilatura extracts the main text, elements that pages themselves name as such
furniture (class, id or ARIA role words in ``data/html.toml``: ``gallery``, ``slideshow``,
``player``, ``related``, ``feed`` …) are dropped, unless one of them holds the article's
paragraphs (then it is the article, whatever it is called). Metadata comes from what the page
declares (``og:site_name``, JSON-LD ``publisher`` and ``author``) before trafilatura's guesses, with
platform placeholders ("Hosted", "Username") and job descriptions ("… is a reporter")
removed. When the main text is a small share of the page's text, the page is read anyway and
a warning says so: the article may be in a gallery, a video or markup the extractor missed.

Limits: no site-specific rules; a page that names its article container with a furniture
word and holds little prose loses it (the warning then tells).
"""

from __future__ import annotations

import functools
import json
import logging
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from .errors import InputError

__all__ = ["HtmlPage", "HtmlSettings", "read_html", "clean_outlet", "clean_authors"]

logger = logging.getLogger(__name__)

_DATA = Path(__file__).parent / "data" / "html.toml"
_TOKEN = re.compile(r"[\s_\-]+")
_NAME_WORD = re.compile(r"^[A-Z][\w.'’\-]*$|^(?:de|da|van|von|der|la|le|bin|al)$")


@dataclass(frozen=True)
class HtmlSettings:
    """Thresholds of HTML reading, in one place."""

    #: A main text shorter than this share of the page's visible text is warned about …
    short_body_share: float = 0.2
    #: … when the page has at least this many characters of visible text.
    short_body_min_page: int = 1500


@dataclass
class HtmlPage:
    """What a page gives: main text, metadata found (``title``, ``outlet``, ``published``,
    ``authors``), its URL, and warnings about the reading."""

    text: str
    found: dict[str, object] = field(default_factory=dict)
    url: str | None = None
    warnings: list[str] = field(default_factory=list)


@functools.cache
def _lexicon() -> dict[str, frozenset[str]]:
    with _DATA.open("rb") as f:
        data = tomllib.load(f)
    furniture = frozenset(
        w for key in ("gallery", "player", "feed") for w in data["furniture"][key].split()
    )
    return {
        "furniture": furniture,
        "roles": frozenset(data["furniture"]["roles"].split()),
        "outlets": frozenset(data["outlets"]["placeholders"].split()),
        "authors": frozenset(data["authors"]["placeholders"].split()),
        "role_cut": frozenset(data["authors"]["role_cut"]),
    }


def read_html(html: str, settings: HtmlSettings | None = None) -> HtmlPage:
    """The main text and metadata of one page.

    Raises:
        InputError: when the markup cannot be parsed or holds no article text.
    """
    settings = settings or HtmlSettings()
    try:
        import lxml.html
        import trafilatura  # imported lazily: only HTML input needs it
    except ImportError as exc:
        raise InputError(
            f"HTML input needs trafilatura, which failed to import ({exc}); "
            "install it with: pip install trafilatura lxml_html_clean"
        ) from exc
    try:
        tree = lxml.html.document_fromstring(html)
    except Exception as exc:  # lxml raises assorted errors on broken markup
        raise InputError(f"malformed HTML ({exc.__class__.__name__}: {exc})") from exc
    declared = _declared_metadata(tree)
    page_chars = _visible_chars(tree)
    _drop_furniture(tree)
    try:
        doc = trafilatura.bare_extraction(
            lxml.html.tostring(tree, encoding="unicode"),
            include_comments=False, include_tables=False, with_metadata=True,
        )
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        raise InputError(f"malformed HTML ({exc.__class__.__name__}: {exc})") from exc
    if doc is None:
        raise InputError("no article text found in the HTML")
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    text = get("text") or ""
    if not text.strip():
        raise InputError("no article text found in the HTML")
    url = get("url")
    found: dict[str, object] = {}
    for key, target in (("title", "title"), ("date", "published")):
        if value := get(key):
            found[target] = str(value)
    outlet = clean_outlet(declared.get("outlet")) or clean_outlet(get("sitename"), url=url)
    if outlet:
        found["outlet"] = outlet
    authors = clean_authors(declared.get("author") or get("author") or "")
    if authors:
        found["authors"] = authors
    page = HtmlPage(text=text, found=found, url=url)
    body_chars = len(" ".join(text.split()))
    if page_chars >= settings.short_body_min_page and (
        body_chars < settings.short_body_share * page_chars
    ):
        page.warnings.append(
            f"main text is {body_chars:,} of the page's {page_chars:,} characters of text; "
            "the article may be missing (a gallery, a video page or markup the extractor "
            "could not read)"
        )
    return page


def _classes(el) -> set[str]:
    raw = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    whole = set(raw.split())
    return whole | {t for t in _TOKEN.split(raw) if t}


def _main_block(tree):
    """The element whose own paragraphs (``<p>`` children side by side) hold the most text:
    where the article's running text is, whatever the page calls it."""
    best, best_chars = None, 0
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        chars = sum(len(" ".join(p.text_content().split())) for p in el if p.tag == "p")
        if chars > best_chars:
            best, best_chars = el, chars
    return best


def _drop_furniture(tree) -> None:
    """Remove galleries, players, feeds and teaser runs the page names as such, never the
    element that holds the article's paragraphs or one of its ancestors."""
    lex = _lexicon()
    main = _main_block(tree)
    keep = set() if main is None else {main, *main.iterancestors()}
    doomed = []
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("html", "body", "head") or el in keep:
            continue
        role = (el.get("role") or "").lower()
        if el.tag == "aside" or role in lex["roles"] or _classes(el) & lex["furniture"]:
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


def _visible_chars(tree) -> int:
    """Characters of text a reader of the page could see (scripts and styles left out)."""
    body = tree.find("body")
    if body is None:
        return 0
    parts = []
    for el in body.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "noscript", "template"):
            continue
        if el.text:
            parts.append(el.text)
        if el.tail and el.getparent() is not None and el.getparent().tag not in (
            "script", "style", "noscript", "template"
        ):
            parts.append(el.tail)
    return len(" ".join(" ".join(parts).split()))


def _declared_metadata(tree) -> dict[str, str]:
    """Publisher and author as the page declares them: ``og:site_name``, ``application-name``,
    JSON-LD ``publisher``/``author``, ``<meta name="author">``."""
    out: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").lower()
        value = (meta.get("content") or "").strip()
        if not value:
            continue
        if key in ("og:site_name", "application-name", "publisher") and "outlet" not in out:
            out["outlet"] = value
        elif key in ("author", "article:author", "byl") and "author" not in out:
            out["author"] = value
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if not isinstance(item, dict):
                continue
            if "outlet" not in out and (name := _ld_name(item.get("publisher"))):
                out["outlet"] = name
            if "author" not in out and (name := _ld_name(item.get("author"))):
                out["author"] = name
    return out


def _ld_name(value: object) -> str | None:
    if isinstance(value, list):
        names = [n for v in value if (n := _ld_name(v))]
        return "; ".join(names) or None
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def clean_outlet(value: object, *, url: str | None = None) -> str | None:
    """An outlet name, or ``None`` for a platform placeholder; a bare URL becomes its host.

    >>> clean_outlet("Hosted"), clean_outlet("https://www.nj.com/news/"), clean_outlet("BBC News")
    (None, 'nj.com', 'BBC News')
    >>> clean_outlet("Nj", url="https://www.nj.com/politics/story.html")
    'nj.com'
    """
    if not isinstance(value, str) or not (name := " ".join(value.split())):
        return None
    if re.match(r"(?i)^(?:https?://|www\.)", name):
        host = urlparse(name if "://" in name else "http://" + name).hostname or ""
        return host.removeprefix("www.") or None
    if name.casefold() in _lexicon()["outlets"]:
        return None
    host = (urlparse(url).hostname or "").removeprefix("www.") if url else ""
    if host and name.casefold() == host.split(".")[0].casefold():
        return host  # a guess from the domain ("Nj"): the domain says more
    return name


def clean_authors(raw: str) -> list[str]:
    """Author names from a byline string: placeholders, roles and job descriptions left out.

    >>> clean_authors("Phil Helsel is a reporter for NBC News")
    ['Phil Helsel']
    >>> clean_authors("By Jane Roe and John Doe, Staff Writers")
    ['Jane Roe', 'John Doe']
    >>> clean_authors("Username")
    []
    """
    lex = _lexicon()
    text = " ".join(raw.split())
    text = re.sub(r"(?i)^(?:by|written by|posted by)\s+", "", text)
    names = []
    for part in re.split(r"\s*(?:;|,|\||\band\b|&)\s*", text):
        for cut in lex["role_cut"]:
            m = re.search(rf"(?i)\s+{re.escape(cut)}\b", part)
            if m:
                part = part[: m.start()]
        part = part.strip(" .")
        words = part.split()
        if not words or len(words) > 5 or "@" in part or "://" in part:
            continue
        if any(w.casefold().strip(".") in lex["authors"] for w in words):
            continue
        if not all(_NAME_WORD.match(w) for w in words):
            continue
        names.append(part)
    return names

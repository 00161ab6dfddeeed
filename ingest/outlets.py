"""A small table of news agencies and outlets: canonical name, aliases, parent organisation.

It serves two jobs: spotting an outlet in a credit line, byline, copyright line or dateline
(``Sources: BERNAMA``, ``© … "TV-Novosti"``, ``(Reuters)``), and telling the graph stage which
outlets share an owner, so that two outlets of one parent count as one independent source.

The table is deliberately short: the wire agencies most often credited in English-language
news, and a few large outlets with well-known parents. Anything missing is simply unknown:
:func:`canonical_outlet` returns ``None`` and no outlet is guessed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = [
    "Outlet",
    "OUTLETS",
    "canonical_outlet",
    "known_outlet",
    "outlet_parent",
    "outlet_lineage",
    "is_agency",
    "find_outlets",
]


@dataclass(frozen=True)
class Outlet:
    """One publisher: ``name`` as usually printed, ``aliases`` seen in bylines and credits,
    ``parent`` the organisation that owns or runs it, ``agency`` whether it sells wire copy."""

    name: str
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    agency: bool = False


OUTLETS: tuple[Outlet, ...] = (
    # Wire agencies.
    Outlet("Reuters", ("Thomson Reuters",), "Thomson Reuters", agency=True),
    Outlet("AFP", ("Agence France-Presse", "Agence France Presse"), agency=True),
    Outlet("AP", ("Associated Press", "The Associated Press"), agency=True),
    Outlet("Anadolu Agency", ("Anadolu Ajansi", "Anadolu Ajansı", "AA"), agency=True),
    Outlet("BERNAMA", ("Bernama", "Malaysian National News Agency"), agency=True),
    Outlet("TASS", ("ITAR-TASS",), agency=True),
    Outlet("RIA Novosti", ("RIA",), "Rossiya Segodnya", agency=True),
    Outlet("Interfax", (), agency=True),
    Outlet("Xinhua", ("Xinhua News Agency",), agency=True),
    Outlet("dpa", ("Deutsche Presse-Agentur",), agency=True),
    Outlet("EFE", ("Agencia EFE",), agency=True),
    Outlet("ANSA", (), agency=True),
    Outlet("Kyodo", ("Kyodo News",), agency=True),
    Outlet("Yonhap", ("Yonhap News Agency",), agency=True),
    Outlet("PTI", ("Press Trust of India",), agency=True),
    Outlet("UPI", ("United Press International",), agency=True),
    Outlet("Bloomberg", ("Bloomberg News",), "Bloomberg L.P.", agency=True),
    Outlet("IRNA", ("Islamic Republic News Agency",), agency=True),
    Outlet("Ukrinform", (), agency=True),
    # Outlets with a notable parent organisation.
    Outlet("RT", ("Russia Today", "TV-Novosti", "ANO TV-Novosti"), "TV-Novosti"),
    Outlet("Sputnik", ("Sputnik News",), "Rossiya Segodnya"),
    Outlet("BBC", ("BBC News", "BBC World Service"), "BBC"),
    Outlet("CNN", (), "Warner Bros. Discovery"),
    Outlet("Al Jazeera", ("Al Jazeera English",), "Al Jazeera Media Network"),
    Outlet("The Guardian", (), "Guardian Media Group"),
    Outlet("The Observer", (), "Guardian Media Group"),
    Outlet("Fox News", (), "Fox Corporation"),
    Outlet("NBC News", (), "NBCUniversal"),
    Outlet("CNBC", (), "NBCUniversal"),
    Outlet("MSNBC", (), "NBCUniversal"),
    Outlet("Sky News", (), "Comcast"),
    Outlet("The New York Times", ("New York Times", "NYT"), "The New York Times Company"),
    Outlet("The Washington Post", ("Washington Post",), "Nash Holdings"),
    Outlet("The Wall Street Journal", ("Wall Street Journal", "WSJ"), "News Corp"),
    Outlet("Voice of America", ("VOA",), "U.S. Agency for Global Media"),
    Outlet("Radio Free Europe/Radio Liberty", ("RFE/RL",), "U.S. Agency for Global Media"),
    Outlet("Deutsche Welle", ("DW",), "Deutsche Welle"),
    Outlet("France 24", (), "France Médias Monde"),
    Outlet("TRT World", ("TRT",), "Turkish Radio and Television Corporation"),
    Outlet("Daily Sabah", (), "Turkuvaz Media Group"),
    Outlet("CGTN", (), "China Media Group"),
    Outlet("Global Times", (), "People's Daily"),
)


def _key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    return re.sub(r"[^a-z0-9]+", " ", folded).strip()


_BY_KEY: dict[str, Outlet] = {}
for _o in OUTLETS:
    for _alias in (_o.name, *_o.aliases):
        _BY_KEY.setdefault(_key(_alias), _o)

# Longest names first so "Anadolu Agency" wins over a shorter alias inside it. Names are
# proper nouns: they match case-sensitively, as whole words.
_NAMES = sorted(
    ((alias, o) for o in OUTLETS for alias in (o.name, *o.aliases)),
    key=lambda pair: -len(pair[0]),
)
# The lookahead on the aliases' first characters skips most positions before the alternation
# (which the regex engine tries alias by alias) is entered: ~50x faster on news text.
_FINDER = re.compile(
    "(?<![\\w-])(?=["
    + "".join(sorted({re.escape(alias[0]) for alias, _ in _NAMES}))
    + "])(?:"
    + "|".join(rf"{re.escape(alias)}(?![\w-])" for alias, _ in _NAMES)
    + ")"
)


def canonical_outlet(name: str | None) -> str | None:
    """The table's name for an outlet or one of its aliases; an unknown name comes back as
    given (whitespace folded), and ``None`` only for no name.

    >>> canonical_outlet("Agence France-Presse")
    'AFP'
    >>> canonical_outlet("TV-Novosti")
    'RT'
    >>> canonical_outlet(" Daily  Planet ")
    'Daily Planet'
    """
    if not name or not name.strip():
        return None
    outlet = known_outlet(name)
    return outlet.name if outlet else " ".join(name.split())


def known_outlet(name: str | None) -> Outlet | None:
    """The table's entry for ``name`` (any alias), else ``None``.

    >>> known_outlet("Russia Today").parent
    'TV-Novosti'
    """
    return _BY_KEY.get(_key(name)) if name else None


def outlet_parent(name: str | None) -> str | None:
    """The parent organisation of a known outlet, else ``None``.

    >>> outlet_parent("Sputnik")
    'Rossiya Segodnya'
    >>> outlet_parent("Anadolu Agency") is None
    True
    """
    outlet = known_outlet(name)
    return outlet.parent if outlet else None


def outlet_lineage(name: str | None) -> str | None:
    """The key under which an outlet counts as one independent source: its parent if known,
    else its canonical name, else the name as given (casefolded); ``None`` for no name.

    >>> outlet_lineage("Sputnik") == outlet_lineage("RIA Novosti")
    True
    >>> outlet_lineage("Reuters") == outlet_lineage("AFP")
    False
    """
    if not name or not name.strip():
        return None
    outlet = known_outlet(name)
    if outlet is None:
        return _key(name) or name.strip().casefold()
    return outlet.parent or outlet.name


def is_agency(name: str | None) -> bool:
    """Whether ``name`` is a known wire agency."""
    outlet = known_outlet(name)
    return bool(outlet and outlet.agency)


def find_outlets(text: str) -> list[tuple[int, int, str]]:
    """Every mention of a known outlet in ``text`` as ``(start, end, canonical name)``.

    >>> find_outlets("according to Anadolu Agency, (Reuters) reported")
    [(13, 27, 'Anadolu Agency'), (30, 37, 'Reuters')]
    """
    return [(m.start(), m.end(), canonical_outlet(m.group())) for m in _FINDER.finditer(text)]

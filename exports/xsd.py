"""XSD literals as SHACL sees them: is the lexical form valid for its datatype, and their order.

A literal such as ``"abc"^^xsd:integer`` parses as RDF but is ill-formed; SHACL's
``sh:datatype`` rejects it. Range checks (``sh:minInclusive``, ``sh:lessThan``) compare numbers
with numbers, dates with dates and strings with strings; anything else is incomparable, which
SHACL counts as a violation. Datatypes not listed here are taken as well-formed.

>>> import pyoxigraph as ox
>>> well_formed(ox.Literal("12", datatype=ox.NamedNode(XSD + "integer")))
True
>>> well_formed(ox.Literal("1.5", datatype=ox.NamedNode(XSD + "integer")))
False
>>> compare(ox.Literal("2", datatype=ox.NamedNode(XSD + "integer")),
...         ox.Literal("10", datatype=ox.NamedNode(XSD + "decimal")))
-1
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from decimal import Decimal

import pyoxigraph as ox

__all__ = ["XSD", "lexical_ok", "well_formed", "compare"]

XSD = "http://www.w3.org/2001/XMLSchema#"

Term = ox.NamedNode | ox.BlankNode | ox.Literal

_INTEGERS = {
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort",
    "unsignedByte",
}  # fmt: skip
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_INTEGER = re.compile(r"[+-]?\d+")
_FLOAT = re.compile(r"[+-]?((\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|INF)|NaN")
_ZONE = r"(Z|[+-]\d\d:\d\d)?"
_DATE = re.compile(r"(-?\d{4,})-(\d\d)-(\d\d)" + _ZONE)
_DATETIME = re.compile(r"(-?\d{4,})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.\d+)?" + _ZONE)


def _valid_date(year: str, month: str, day: str) -> bool:
    try:
        _dt.date(int(year), int(month), int(day))
    except ValueError:
        return int(year) > 9999 or int(year) < 1  # beyond Python's calendar: form only
    return True


def _date(text: str) -> bool:
    m = _DATE.fullmatch(text)
    return m is not None and _valid_date(*m.groups()[:3])


def _datetime(text: str) -> bool:
    m = _DATETIME.fullmatch(text)
    if m is None or not _valid_date(*m.groups()[:3]):
        return False
    hour, minute, second = (int(g) for g in m.groups()[3:6])
    return hour < 24 and minute < 60 and second < 60 or (hour, minute, second) == (24, 0, 0)


#: Datatype IRI → test of a lexical form.
_LEXICAL: dict[str, Callable[[str], bool]] = {
    **{XSD + name: lambda t: _INTEGER.fullmatch(t) is not None for name in _INTEGERS},
    XSD + "decimal": lambda t: _NUMBER.fullmatch(t) is not None,
    XSD + "double": lambda t: _FLOAT.fullmatch(t) is not None,
    XSD + "float": lambda t: _FLOAT.fullmatch(t) is not None,
    XSD + "boolean": lambda t: t in ("true", "false", "1", "0"),
    XSD + "date": _date,
    XSD + "dateTime": _datetime,
}


def lexical_ok(text: str, datatype: str) -> bool:
    """Whether ``text`` is a valid lexical form of the datatype IRI ``datatype``."""
    test = _LEXICAL.get(datatype)
    return test is None or test(text)


def well_formed(literal: ox.Literal) -> bool:
    """Whether the lexical form of ``literal`` is valid for its XSD datatype."""
    return lexical_ok(literal.value, literal.datatype.value)


def _key(literal: ox.Literal) -> tuple[str, object] | None:
    """A family and a value that orders within it, or None when the literal has no order."""
    text, datatype = literal.value, literal.datatype.value
    if not datatype.startswith(XSD) or not lexical_ok(text, datatype):
        return None
    local = datatype[len(XSD) :]
    if local in _INTEGERS or local == "decimal":
        return "number", Decimal(text)
    if local in ("double", "float"):
        value = float(text.replace("INF", "inf"))
        return ("number", Decimal(value)) if value == value and abs(value) != float("inf") else None
    if local in ("date", "dateTime"):
        m = (_DATE if local == "date" else _DATETIME).fullmatch(text)
        *parts, zone = m.groups()
        fields = tuple(Decimal(p) if p else Decimal(0) for p in parts)
        return f"{local}{zone or ''}", fields  # values in different zones do not compare
    if local == "string":
        return "string", text
    return None


def compare(a: Term, b: Term) -> int | None:
    """-1, 0 or 1 as ``a`` is below, equal to or above ``b``; None when they are incomparable."""
    if not (isinstance(a, ox.Literal) and isinstance(b, ox.Literal)):
        return None
    ka, kb = _key(a), _key(b)
    if ka is None or kb is None or ka[0] != kb[0]:
        return None
    return (ka[1] > kb[1]) - (ka[1] < kb[1])

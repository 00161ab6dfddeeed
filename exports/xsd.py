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
from decimal import Decimal

import pyoxigraph as ox

__all__ = ["XSD", "well_formed", "compare"]

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


def _local(literal: ox.Literal) -> str:
    dt = literal.datatype.value
    return dt[len(XSD) :] if dt.startswith(XSD) else ""


def _valid_date(year: str, month: str, day: str) -> bool:
    try:
        _dt.date(int(year), int(month), int(day))
    except ValueError:
        return int(year) > 9999 or int(year) < 1  # beyond Python's calendar: form only
    return True


def well_formed(literal: ox.Literal) -> bool:
    """Whether the lexical form of ``literal`` is valid for its XSD datatype."""
    local, text = _local(literal), literal.value
    if local in _INTEGERS:
        return _INTEGER.fullmatch(text) is not None
    if local == "decimal":
        return _NUMBER.fullmatch(text) is not None
    if local in ("double", "float"):
        return _FLOAT.fullmatch(text) is not None
    if local == "boolean":
        return text in ("true", "false", "1", "0")
    if local == "date":
        m = _DATE.fullmatch(text)
        return m is not None and _valid_date(*m.groups()[:3])
    if local == "dateTime":
        m = _DATETIME.fullmatch(text)
        if m is None or not _valid_date(*m.groups()[:3]):
            return False
        hour, minute, second = (int(g) for g in m.groups()[3:6])
        return hour < 24 and minute < 60 and second < 60 or (hour, minute, second) == (24, 0, 0)
    return True


def _key(literal: ox.Literal) -> tuple[str, object] | None:
    """A family and a value that orders within it, or None when the literal has no order."""
    if not well_formed(literal):
        return None
    local, text = _local(literal), literal.value
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

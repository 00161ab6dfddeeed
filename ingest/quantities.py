"""Numbers in claims: value, unit, bound and the interval the words allow.

``more than 100,000 troops`` → 100000 troops, bound ``min``; ``tens of thousands of
troops`` → approx, interval [20000, 99999] (two or more tens of thousands, under a hundred
thousand); ``about 10,000 soldiers`` → approx, interval ±10%. The unit is the noun right after
the number (``of`` skipped), lowercased; money keeps its currency as unit (``Can$120
million`` → 120000000, ``Can$``). Years (1990–2099 without a unit word) and dates are not
quantities.

Limits: number words above "twelve" are not parsed unless they are scale words ("million");
fractions and ranges ("10 to 20") keep only the first number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .records import Quantity

__all__ = ["parse_quantity", "find_quantities"]

_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000, "k": 1_000, "m": 1_000_000, "bn": 1_000_000_000}
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a dozen": 12,
          "dozen": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100}
_MIN = ("more than", "over", "at least", "upwards of", "in excess of", "no fewer than",
        "no less than", "above", "exceeding", "nearly more than")
_MAX = ("less than", "fewer than", "under", "up to", "at most", "no more than", "below",
        "as many as", "as much as", "nearly", "almost")
_APPROX = ("about", "around", "roughly", "approximately", "some", "an estimated", "estimated",
           "close to", "nearly about")

_BOUND_RE = "|".join(sorted((re.escape(b) for b in _MIN + _MAX + _APPROX), key=len, reverse=True))
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CURRENCY = r"(?:[A-Z][a-z]{0,2})?[$£€¥]|USD|EUR"
_SCALE = "|".join(_SCALES)
_WORD_NUM = "|".join(sorted(_WORDS, key=len, reverse=True))
_UNIT = r"(?:\s+(?:of\s+)?(?P<unit>[A-Za-z][\w-]*))?"

# A quantity starts at a digit, a currency sign, the space before a number, or a word start:
# the lookahead skips the middle of words at once, and a bound word is never read inside
# another word ("cover 13 cities" is not "over 13", "awesome 1967" not "some 1967").
_QTY_RE = re.compile(
    r"(?=[\d$£€¥\s]|\b[^\W\d_])"
    rf"(?:(?P<bound>{_BOUND_RE})\s+)?"
    rf"(?:(?P<vague>(?:tens|hundreds|thousands|millions|billions)(?:\s+of\s+"
    rf"(?:thousands|millions|billions))?)\s+of"
    rf"|(?P<cur>{_CURRENCY})?\s?(?P<num>{_NUM}|\b(?:{_WORD_NUM})\b)"
    rf"(?:\s*(?P<scale>{_SCALE})\b)?(?P<pct>\s?%|\s+percent\b)?)"
    rf"{_UNIT}",
    re.IGNORECASE,
)
_VAGUE = {
    "tens": (20, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999),
    "millions": (2_000_000, 999_999_999), "billions": (2e9, 999e9),
}
_STOP_UNITS = frozenset((
    "and", "or", "to", "the", "a", "an", "in", "on", "at", "by", "for", "from", "with", "than",
    "since", "per", "of", "as", "is", "are", "was", "were", "be", "had", "has", "have", "that",
    "which", "who", "them", "us", "those", "these", "it", "its", "his", "her", "their", "our",
    "you", "whom", "we", "they", "he", "she", "i", "me", "him", "my", "your",
))


def parse_quantity(text: str) -> Quantity | None:
    """The first quantity in ``text``, or ``None``.

    >>> parse_quantity("more than 100,000 troops")
    Quantity(value=100000, unit='troops', bound='min', text='more than 100,000 troops', \
low=100000, high=None, span=(0, 24))
    >>> parse_quantity("tens of thousands of troops").bound
    'approx'
    """
    for q in find_quantities(text):
        return q
    return None


def find_quantities(text: str, offset: int = 0) -> Iterator[Quantity]:
    """Every quantity in ``text``; spans are shifted by ``offset`` (the text's start)."""
    for m in _QTY_RE.finditer(text):
        q = _from_match(m, offset)
        if q is not None:
            yield q


def _from_match(m: re.Match, offset: int) -> Quantity | None:
    bound_word = (m.group("bound") or "").lower()
    unit = m.group("unit")
    if unit and unit.lower() in _STOP_UNITS:
        unit = None
    end = m.end() if unit else m.end("unit") if m.group("unit") else _value_end(m)
    if not unit:
        end = _value_end(m)
    if m.group("vague"):
        words = m.group("vague").lower().split()
        lo, hi = _VAGUE[words[0]]
        if len(words) > 1:
            mult = _SCALES[words[-1].rstrip("s")]
            lo, hi = lo * mult, hi * mult + (mult - 1)
        value: float = (lo + hi) / 2
        bound = "approx"
    else:
        raw = m.group("num").lower()
        value = _WORDS[raw] if raw in _WORDS else float(raw.replace(",", ""))
        scale = (m.group("scale") or "").lower()
        if scale:
            value *= _SCALES[scale]
        if m.group("pct"):
            unit = "percent"
        elif m.group("cur"):
            unit = m.group("cur")
        if not scale and not m.group("cur") and not m.group("pct") and 1900 <= value <= 2099 \
                and raw.isdigit() and (not unit or not unit[0].islower()):
            return None  # a year
        if value == int(value):
            value = int(value)
        bound = _bound_of(bound_word)
        lo, hi = _interval(value, bound)
    if unit is None and not m.group("vague") and bound == "exact" and isinstance(value, int) \
            and value < 10 and m.group("num") and m.group("num").isalpha():
        return None  # "one of the", "two sides": a number word with no unit is not a quantity
    start = m.start()
    text = m.string[start:end]
    return Quantity(value=value, unit=unit.lower() if unit and unit[0].isalpha() else unit,
                    bound=bound, text=text, low=lo, high=hi, span=(offset + start, offset + end))


def _value_end(m: re.Match) -> int:
    for g in ("pct", "scale", "num", "vague"):
        if m.group(g):
            return m.end(g) if g != "vague" else m.end("vague") + 3
    return m.end()


def _bound_of(word: str) -> str:
    if word in _MIN:
        return "min"
    if word in _MAX:
        return "max"
    if word in _APPROX:
        return "approx"
    return "exact"


def _interval(value: float, bound: str) -> tuple[float | None, float | None]:
    if bound == "min":
        return value, None
    if bound == "max":
        return None, value
    if bound == "approx":
        return value * 0.9, value * 1.1
    return value, value

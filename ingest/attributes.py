"""The model's attribute rules (tag → POS and morphology, lemma exceptions) applied by table.

spaCy's ``AttributeRuler`` runs a ``Matcher`` over every token and builds a ``Span`` per match:
about a tenth of the parse of ``en_core_web_sm``. Its rules look at one or two tokens' TAG,
LOWER, DEP and IS_SPACE only, so what the one-token rules do to a token is a function of those
four values: it is worked out once per distinct combination and kept. :class:`AttributeTable`
applies the same rules, in the same precedence (a later rule wins), and writes the same
attributes. A model whose rules use anything else keeps spaCy's component
(:func:`use_attribute_table` says whether it was replaced).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["AttributeTable", "use_attribute_table", "UnsupportedRule"]

logger = logging.getLogger(__name__)

#: Token attributes a rule may test, in the order of :meth:`AttributeTable._keys`.
_TESTED = ("TAG", "LOWER", "DEP", "IS_SPACE")
_COLUMNS = [TAG, LOWER, DEP, IS_SPACE]
#: Attributes written in bulk, by column; anything else (TAG, DEP of whitespace) is set token
#: by token.
_BULK = {POS: 0, MORPH: 1, LEMMA: 2}
_FACTORY = "claimgraph_attribute_table"


class UnsupportedRule(ValueError):
    """A rule tests an attribute or uses an operator the table does not implement."""


@dataclass(frozen=True, slots=True)
class _Test:
    """One token of a pattern: every (column, predicate) must hold."""

    checks: tuple[tuple[int, object], ...]  # column index → str|bool|("IN"|"NOT_IN", set)|regex

    def holds(self, values: tuple, strings) -> bool:
        for col, want in self.checks:
            got = values[col]
            if isinstance(want, tuple):
                op, options = want
                if (got in options) != (op == "IN"):
                    return False
            elif isinstance(want, re.Pattern):
                if want.search(strings[got]) is None:
                    return False
            elif got != want:
                return False
        return True


@dataclass(frozen=True, slots=True)
class _Rule:
    order: int  # the rule's position: a later rule overrides an earlier one
    tests: tuple[_Test, ...]
    index: int  # which token of the match the attributes go to
    attrs: dict[int, int]  # spaCy's normalised attributes: attribute id → value


class AttributeTable:
    """Drop-in for ``AttributeRuler.__call__`` over the rules of an existing ruler."""

    def __init__(self, vocab) -> None:
        self.vocab = vocab
        self.single: list[_Rule] = []
        self.multi: list[_Rule] = []
        self._memo: dict[tuple, tuple[dict, tuple[_Rule, ...]]] = {}
        self._named: dict[int, int] = {}  # LOWER → itself if some rule may test it, else 0

    @classmethod
    def from_ruler(cls, ruler) -> AttributeTable:
        """The rules of spaCy's ``AttributeRuler`` ``ruler``.

        Raises:
            UnsupportedRule: when a rule is beyond the table (the ruler should then be kept).
        """
        table = cls(ruler.vocab)
        for order, (entry, attrs, index) in enumerate(
            zip(ruler.patterns, ruler.attrs, ruler.indices, strict=True)
        ):
            for pattern in entry["patterns"]:
                tests = tuple(table._compile(spec) for spec in pattern)
                if not -len(tests) <= index < len(tests):
                    raise UnsupportedRule(f"rule {order}: index {index} outside its pattern")
                rule = _Rule(order, tests, index % len(tests), dict(attrs))
                (table.single if len(tests) == 1 else table.multi).append(rule)
        return table

    def _compile(self, spec: dict) -> _Test:
        checks = []
        for key, want in spec.items():
            if key not in _TESTED:
                raise UnsupportedRule(f"a rule tests {key}")
            col = _TESTED.index(key)
            checks.append((col, self._predicate(key, want)))
        return _Test(tuple(checks))

    def _predicate(self, key: str, want: object) -> object:
        if key == "IS_SPACE":
            if not isinstance(want, bool):
                raise UnsupportedRule(f"IS_SPACE tested against {want!r}")
            return int(want)
        if key == "LOWER" and (want == "" or isinstance(want, dict) and "" in want.get("IN", ())):
            raise UnsupportedRule("a rule looks for an empty word")  # the key blanks words to ""
        if isinstance(want, str):
            return self.vocab.strings.add(want)
        if isinstance(want, dict) and len(want) == 1:
            ((op, value),) = want.items()
            if op in ("IN", "NOT_IN"):
                return (op, frozenset(self.vocab.strings.add(v) for v in value))
            if op == "REGEX" and key == "LOWER":
                return re.compile(value)
        raise UnsupportedRule(f"{key} tested with {want!r}")

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        strings = self.vocab.strings
        rows = [tuple(r) for r in doc.to_array(_COLUMNS).tolist()]
        found = [self._lookup(self._key(values)) for values in rows]
        applied: dict[int, list[_Rule]] = {}
        for start, (_, starts) in enumerate(found):
            for rule in starts:
                end = start + len(rule.tests)
                if end <= len(rows) and all(
                    t.holds(rows[start + k], strings) for k, t in enumerate(rule.tests)
                ):
                    applied.setdefault(start + rule.index, []).append(rule)
        bulk = doc.to_array([POS, MORPH, LEMMA])
        single_token: list[tuple[int, dict]] = []
        for i, (attrs, _) in enumerate(found):
            if i in applied:
                attrs = self._with_multi(rows[i], applied[i])
            for attr, value in attrs.items():
                col = _BULK.get(attr)
                if col is None:
                    single_token.append((i, {attr: value}))
                else:
                    bulk[i, col] = value
        doc.from_array([POS, MORPH, LEMMA], bulk)
        if single_token:
            from spacy.tokens._retokenize import set_token_attrs

            for i, attrs in single_token:
                set_token_attrs(doc[i], attrs)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def _key(self, values: tuple) -> tuple:
        """``values`` with a word no rule can see blanked: most words share their tag's entry."""
        lower = values[1]
        seen = self._named.get(lower)
        if seen is None:
            seen = self._named[lower] = lower if self._tested(lower) else 0
        return values if seen else (values[0], 0, values[2], values[3])

    def _tested(self, lower: int) -> bool:
        text = self.vocab.strings[lower]
        for rule in self.single + self.multi:
            for col, want in rule.tests[0].checks:
                if col != 1:
                    continue
                if isinstance(want, re.Pattern):
                    if want.search(text) is not None:
                        return True
                elif isinstance(want, tuple):
                    if want[0] == "NOT_IN" or lower in want[1]:
                        return True
                elif want == lower:
                    return True
        return False

    def _lookup(self, values: tuple) -> tuple[dict, tuple[_Rule, ...]]:
        """What the one-token rules set on a token with these values, and which longer rules
        may start at it; worked out once per distinct combination."""
        hit = self._memo.get(values)
        if hit is None:
            strings = self.vocab.strings
            rules = [r for r in self.single if r.tests[0].holds(values, strings)]
            starts = tuple(r for r in self.multi if r.tests[0].holds(values, strings))
            hit = self._memo[values] = (_merged(rules), starts)
        return hit

    def _with_multi(self, values: tuple, extra: list[_Rule]) -> dict:
        strings = self.vocab.strings
        rules = [r for r in self.single if r.tests[0].holds(values, strings)]
        return _merged(sorted(rules + extra, key=lambda r: r.order))


def _merged(rules: list[_Rule]) -> dict:
    """The attributes ``rules`` leave, applied in order (a later rule overrides)."""
    out: dict = {}
    for rule in rules:
        out.update(rule.attrs)
    return out


@Language.factory(_FACTORY)
def _make_table(nlp: Language, name: str) -> AttributeTable:
    return AttributeTable(nlp.vocab)


def use_attribute_table(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Replace the pipeline's ``AttributeRuler`` by an :class:`AttributeTable` of its rules.

    Returns False (and keeps spaCy's component) when the pipeline has none or its rules are
    beyond the table.
    """
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    try:
        table = AttributeTable.from_ruler(ruler)
    except UnsupportedRule as exc:
        logger.debug("attribute rules kept in spaCy's matcher: %s", exc)
        return False
    nlp.replace_pipe(name, _FACTORY)
    placed = nlp.get_pipe(name)
    placed.single, placed.multi = table.single, table.multi
    return True

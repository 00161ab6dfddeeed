"""The SHACL shapes of the model (``shapes.ttl``), read into plain records the validator runs.

Only the part of SHACL the shapes use is understood: targets by class and by SPARQL; node kind,
class, datatype, ``sh:in``, pattern, length, range, ``sh:or`` of such shapes; counts and
``sh:lessThan``/``sh:lessThanOrEquals`` on a predicate or inverse-predicate path; SPARQL
constraints; ``sh:message``. Any other SHACL term in a shape raises :class:`ExportError`, so a
shape added to the file is either checked or refused, never silently skipped.

Terms are pyoxigraph terms, the ones the validator meets in the data.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

import pyoxigraph as ox

from ..ingest.errors import ExportError
from .vocab import SHAPES_PATH

__all__ = [
    "Component",
    "Constraint",
    "PropertyShape",
    "SparqlConstraint",
    "NodeShape",
    "load_shapes",
]

SH = "http://www.w3.org/ns/shacl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

Term = ox.NamedNode | ox.BlankNode | ox.Literal


class Component(StrEnum):
    """The SHACL constraint components the validator implements (local names under ``sh:``)."""

    CLASS = "ClassConstraintComponent"
    DATATYPE = "DatatypeConstraintComponent"
    NODE_KIND = "NodeKindConstraintComponent"
    IN = "InConstraintComponent"
    PATTERN = "PatternConstraintComponent"
    MIN_LENGTH = "MinLengthConstraintComponent"
    MIN_INCLUSIVE = "MinInclusiveConstraintComponent"
    MAX_INCLUSIVE = "MaxInclusiveConstraintComponent"
    OR = "OrConstraintComponent"
    MIN_COUNT = "MinCountConstraintComponent"
    MAX_COUNT = "MaxCountConstraintComponent"
    LESS_THAN = "LessThanConstraintComponent"
    LESS_THAN_OR_EQUALS = "LessThanOrEqualsConstraintComponent"
    SPARQL = "SPARQLConstraintComponent"

    @property
    def short(self) -> str:
        return f"sh:{self.value}"


#: Parameter (local name under ``sh:``) → the component it sets, for one-parameter components.
_PARAMETERS = {
    "class": Component.CLASS,
    "datatype": Component.DATATYPE,
    "nodeKind": Component.NODE_KIND,
    "in": Component.IN,
    "pattern": Component.PATTERN,
    "minLength": Component.MIN_LENGTH,
    "minInclusive": Component.MIN_INCLUSIVE,
    "maxInclusive": Component.MAX_INCLUSIVE,
    "or": Component.OR,
    "minCount": Component.MIN_COUNT,
    "maxCount": Component.MAX_COUNT,
    "lessThan": Component.LESS_THAN,
    "lessThanOrEquals": Component.LESS_THAN_OR_EQUALS,
}

#: Components that need the whole set of values of a path, not one value at a time.
PATH_COMPONENTS = frozenset(
    {Component.MIN_COUNT, Component.MAX_COUNT, Component.LESS_THAN, Component.LESS_THAN_OR_EQUALS}
)

#: SHACL terms a shape may carry besides its constraint parameters.
_STRUCTURE = {"targetClass", "target", "property", "path", "sparql", "message", "declare"}


@dataclass(frozen=True)
class Constraint:
    """One constraint: its component and parameter (a term, a tuple of terms or of shapes)."""

    component: Component
    argument: object


@dataclass(frozen=True)
class PropertyShape:
    """Constraints on the values reached from a focus node by ``path`` (``^p`` if inverse)."""

    predicate: ox.NamedNode
    inverse: bool
    constraints: tuple[Constraint, ...]
    message: str | None = None


@dataclass(frozen=True)
class SparqlConstraint:
    """A SPARQL constraint: each solution for a focus node in ``$this`` is a violation."""

    select: str
    message: str


@dataclass(frozen=True)
class NodeShape:
    """A shape: its targets, constraints on the focus node itself, its property shapes."""

    name: str
    target_classes: tuple[ox.NamedNode, ...] = ()
    target_selects: tuple[str, ...] = ()
    constraints: tuple[Constraint, ...] = ()
    properties: tuple[PropertyShape, ...] = ()
    sparql: tuple[SparqlConstraint, ...] = field(default=())


class _Shapes:
    """The triples of a shapes file, indexed by subject and predicate."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.out: dict[Term, dict[str, list[Term]]] = defaultdict(lambda: defaultdict(list))
        try:
            triples = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
        except (OSError, SyntaxError) as exc:
            raise ExportError(f"{path}: cannot read the shapes ({exc})") from exc
        for t in triples:
            self.out[t.subject][t.predicate.value].append(t.object)
        self.prefixes = _prefix_lines(self)

    def values(self, node: Term, predicate: str) -> list[Term]:
        return self.out.get(node, {}).get(predicate, [])

    def value(self, node: Term, predicate: str) -> Term | None:
        found = self.values(node, predicate)
        return found[0] if found else None

    def items(self, head: Term) -> Iterator[Term]:
        """The members of the RDF list starting at ``head``."""
        while head != ox.NamedNode(RDF + "nil"):
            yield self.value(head, RDF + "first")
            head = self.value(head, RDF + "rest")

    def fail(self, node: Term, problem: str) -> ExportError:
        return ExportError(f"{self.path}: shape {node}: {problem}")


def _prefix_lines(shapes: _Shapes) -> str:
    """``PREFIX`` lines for every ``sh:declare`` in the file (the shapes use one set)."""
    lines = []
    for node in list(shapes.out):
        for decl in shapes.values(node, SH + "declare"):
            prefix = shapes.value(decl, SH + "prefix")
            namespace = shapes.value(decl, SH + "namespace")
            lines.append(f"PREFIX {prefix.value}: <{namespace.value}>")
    return "\n".join(sorted(set(lines))) + "\n"


def _constraints(shapes: _Shapes, node: Term) -> tuple[Constraint, ...]:
    """The constraint parameters on ``node``; unknown SHACL terms raise."""
    found = []
    for predicate, objects in shapes.out.get(node, {}).items():
        if not predicate.startswith(SH):
            continue
        local = predicate[len(SH) :]
        if local in _STRUCTURE:
            continue
        component = _PARAMETERS.get(local)
        if component is None:
            raise shapes.fail(node, f"sh:{local} is not supported by the validator")
        for obj in objects:
            found.append(Constraint(component, _argument(shapes, component, obj)))
    return tuple(found)


def _argument(shapes: _Shapes, component: Component, obj: Term) -> object:
    if component is Component.IN:
        return frozenset(shapes.items(obj))
    if component is Component.OR:
        members = tuple(shapes.items(obj))
        for member in members:
            if shapes.values(member, SH + "property"):
                raise shapes.fail(member, "sh:or members with property shapes are not supported")
        return tuple(_constraints(shapes, member) for member in members)
    if component in (Component.MIN_COUNT, Component.MAX_COUNT, Component.MIN_LENGTH):
        return int(obj.value)
    return obj


def _property(shapes: _Shapes, node: Term) -> PropertyShape:
    path = shapes.value(node, SH + "path")
    inverse = False
    if isinstance(path, ox.BlankNode):
        path, inverse = shapes.value(path, SH + "inversePath"), True
    if not isinstance(path, ox.NamedNode):
        raise shapes.fail(node, "only predicate and inverse-predicate paths are supported")
    message = shapes.value(node, SH + "message")
    return PropertyShape(
        predicate=path,
        inverse=inverse,
        constraints=_constraints(shapes, node),
        message=message.value if message is not None else None,
    )


def _sparql(shapes: _Shapes, node: Term) -> SparqlConstraint:
    select = shapes.value(node, SH + "select")
    message = shapes.value(node, SH + "message")
    if select is None:
        raise shapes.fail(node, "a SPARQL constraint needs sh:select")
    return SparqlConstraint(
        select=shapes.prefixes + select.value,
        message=message.value if message is not None else "SPARQL constraint violated",
    )


def _target_selects(shapes: _Shapes, node: Term) -> tuple[str, ...]:
    selects = []
    for target in shapes.values(node, SH + "target"):
        select = shapes.value(target, SH + "select")
        if select is None:
            raise shapes.fail(node, "only SPARQL targets (sh:select) are supported as sh:target")
        selects.append(shapes.prefixes + select.value)
    return tuple(selects)


def _short(node: Term) -> str:
    text = node.value
    return "ckgsh:" + text.rsplit("#", 1)[1] if "/shapes#" in text else text


def load_shapes(path: str | Path = SHAPES_PATH) -> tuple[NodeShape, ...]:
    """The node shapes of ``path`` (default: the shipped ``shapes.ttl``), sorted by name."""
    shapes = _Shapes(Path(path))
    node_shape = ox.NamedNode(SH + "NodeShape")
    found = []
    for node, predicates in shapes.out.items():
        if node_shape not in predicates.get(RDF + "type", []):
            continue
        found.append(
            NodeShape(
                name=_short(node),
                target_classes=tuple(shapes.values(node, SH + "targetClass")),
                target_selects=_target_selects(shapes, node),
                constraints=_constraints(shapes, node),
                properties=tuple(
                    _property(shapes, p) for p in shapes.values(node, SH + "property")
                ),
                sparql=tuple(_sparql(shapes, s) for s in shapes.values(node, SH + "sparql")),
            )
        )
    return tuple(sorted(found, key=lambda s: s.name))

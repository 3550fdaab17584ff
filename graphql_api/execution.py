"""Cheaper execution of plain attribute fields.

graphql-core resolves every field through the same machinery: a resolve-info object, the
resolver call, awaitable checks, value completion and a response path, about 12 us per field.
A page of 20 jobs holds ~300 fields, nearly all of them values read straight from an attribute
(the page query fetches jobs with their company and sightings), so that machinery was the
largest CPU cost of a `jobs` page (bench/api.py).

Only fields Strawberry itself resolves by default (no resolver, permission or field extension,
and StrawberryConfig's default_resolver is getattr) are touched, so results are the same:
- a plain field whose whole selection below is plain too (scalars, enums, lists and objects,
  no arguments, no abstract types) is completed by a function built once per query text (per
  request when @skip/@include make its selections vary); anything unusual (a null in a non-null field, a value a scalar refuses, a value
  still to be awaited) makes the field start again through graphql-core, which reports it.
  Plain fields only read attributes, so starting again repeats no side effect and records no
  error twice;
- other plain fields get a one-getattr resolver instead of Strawberry's three calls.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, ClassVar

import strawberry
from graphql import (
    FieldNode,
    GraphQLEnumType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    GraphQLScalarType,
    InlineFragmentNode,
    OperationDefinitionNode,
    Undefined,
)
from graphql.execution.collect_fields import FieldDetailsList
from graphql.pyutils import Path
from strawberry.resolvers import is_default_resolver
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.field import StrawberryField

_TYPENAME = "__typename"
Completer = Callable[[Any], Any]


@dataclass(frozen=True)
class _Plain:
    """A default-resolved field without arguments: the attribute it reads and its type."""

    attribute: str
    type: GraphQLOutputType


class _Slow(Exception):
    """A value the built completers leave to graphql-core."""


def _non_null(inner: Completer) -> Completer:
    def complete(value: Any) -> Any:
        completed = inner(value)
        if completed is None:
            raise _Slow
        return completed

    return complete


def _list_of(inner: Completer) -> Completer:
    def complete(value: Any) -> Any:
        if value is None:
            return None
        if not isinstance(value, list | tuple):
            raise _Slow
        return [inner(item) for item in value]

    return complete


def _leaf(coerce: Callable[[Any], Any]) -> Completer:
    def complete(value: Any) -> Any:
        if value is None:
            return None
        serialized = coerce(value)
        if serialized is None or serialized is Undefined:
            raise _Slow
        return serialized

    return complete


def _object(steps: list[tuple[str, Callable[[Any], Any], Completer]]) -> Completer:
    def complete(value: Any) -> Any:
        if value is None:
            return None
        return {name: inner(read(value)) for name, read, inner in steps}

    return complete


def _identity(value: Any) -> Any:
    return value


def _constant(result: str) -> Callable[[Any], str]:
    def read(_value: Any) -> str:
        return result

    return read


def _attribute_getter(name: str) -> Callable[..., Any]:
    def resolve(source: Any, _info: GraphQLResolveInfo[Any]) -> Any:
        return getattr(source, name)

    return resolve


def _fixed_selection(operation: OperationDefinitionNode, fragments: dict[str, Any]) -> bool:
    """Whether the fields an operation selects are the same whatever its variables: no
    directive (@skip, @include) and no fragment variables anywhere in it."""
    if operation.directives:
        return False
    stack = [operation.selection_set]
    for details in fragments.values():
        definition = details.definition
        if definition.directives or definition.variable_definitions:
            return False
        stack.append(definition.selection_set)
    while stack:
        for selection in stack.pop().selections:
            if selection.directives:
                return False
            if isinstance(selection, FieldNode | InlineFragmentNode) and selection.selection_set:
                stack.append(selection.selection_set)
    return True


class _Shared:
    """Completers kept across requests, for documents whose selections cannot vary.

    ParserCache hands every request of one query text the same syntax tree, so a completer
    built for some field nodes serves each later request of that text: building them was a
    third of the cost of completing a page. Entries hold their nodes (and operations), so
    that the ids in the keys cannot be reused by other objects while cached.
    """

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self.operations: dict[int, tuple[OperationDefinitionNode, bool]] = {}
        self.completers: dict[tuple[int, ...], tuple[FieldDetailsList, Completer | None]] = {}

    def fixed(self, operation: OperationDefinitionNode, fragments: dict[str, Any]) -> bool:
        found = self.operations.get(id(operation))
        if found is None:
            found = (operation, _fixed_selection(operation, fragments))
            _bounded_put(self.operations, id(operation), found, self.size)
        return found[1]


def _bounded_put(cache: dict[Any, Any], key: Any, value: Any, size: int) -> None:
    cache[key] = value
    if len(cache) > size:
        # Dicts keep insertion order: drop the oldest entry.
        cache.pop(next(iter(cache)))


class _FastPlainContext(StrawberryGraphQLCoreExecutionContext):
    plain: ClassVar[dict[tuple[str, str], _Plain]] = {}
    shared: ClassVar[_Shared] = _Shared()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Completers by (id(type), ids of the field nodes): the shared ones when the operation's
        # selections cannot vary, else this request's own.
        self._fixed = self.shared.fixed(self.operation, self.fragments)
        self._completers = self.shared.completers if self._fixed else {}

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: FieldDetailsList,
        path: Path,
        position_context: Any,
    ) -> Any:
        node = field_details_list[0].node
        field = self.plain.get((parent_type.name, node.name.value))
        # Strawberry always passes a manager; a field middleware (an extension with `resolve`)
        # must see every field, so its presence turns the fast path off.
        manager = self.middleware_manager
        if (
            field is not None
            and not node.arguments
            and (manager is None or not manager.middlewares)
        ):
            complete = self._completer(field.type, field_details_list)
            if complete is not None:
                try:
                    return complete(getattr(source, field.attribute))
                except Exception:  # graphql-core starts the field again and reports what failed
                    pass
        return super().execute_field(
            parent_type, source, field_details_list, path, position_context
        )

    def _completer(self, output: GraphQLOutputType, nodes: FieldDetailsList) -> Completer | None:
        key = (id(output), *(id(details.node) for details in nodes))
        cached = self._completers.get(key)
        if cached is None:
            cached = (nodes, self._build(output, nodes))
            _bounded_put(self._completers, key, cached, self.shared.size)
        return cached[1]

    def _build(self, output: GraphQLOutputType, nodes: FieldDetailsList) -> Completer | None:
        if isinstance(output, GraphQLNonNull | GraphQLList):
            inner = self._completer(output.of_type, nodes)
            if inner is None:
                return None
            return _non_null(inner) if isinstance(output, GraphQLNonNull) else _list_of(inner)
        if isinstance(output, GraphQLScalarType | GraphQLEnumType):
            return _leaf(output.coerce_output_value)
        # Strawberry sets no is_type_of on types without interfaces: nothing to check per value.
        if not isinstance(output, GraphQLObjectType) or output.is_type_of is not None:
            return None
        grouped, defer_usages, _ = self.collect_subfields(output, nodes)
        if defer_usages:
            return None
        steps: list[tuple[str, Callable[[Any], Any], Completer]] = []
        for response_name, sub in grouped.items():
            node = sub[0].node
            if node.name.value == _TYPENAME:
                steps.append((response_name, _constant(output.name), _identity))
                continue
            field = self.plain.get((output.name, node.name.value))
            inner = None if field is None or node.arguments else self._completer(field.type, sub)
            if field is None or inner is None:
                return None
            steps.append((response_name, attrgetter(field.attribute), inner))
        return _object(steps)


def use_fast_fields(schema: strawberry.Schema) -> None:
    """Give `schema` the fast paths above for its default-resolved fields."""
    plain: dict[tuple[str, str], _Plain] = {}
    for graphql_type in schema._schema.type_map.values():
        if not isinstance(graphql_type, GraphQLObjectType):
            continue
        for field_name, graphql_field in graphql_type.fields.items():
            definition = graphql_field.extensions.get(GraphQLCoreConverter.DEFINITION_BACKREF)
            if not (
                isinstance(definition, StrawberryField)
                and definition.is_basic_field
                and graphql_field.resolve is not None
                and is_default_resolver(graphql_field.resolve)
            ):
                continue
            graphql_field.resolve = _attribute_getter(definition.python_name)
            if not graphql_field.args:
                plain[graphql_type.name, field_name] = _Plain(
                    definition.python_name, graphql_field.type
                )
    schema.execution_context_class = type(
        "FastPlainContext", (_FastPlainContext,), {"plain": plain, "shared": _Shared()}
    )

"""Cheaper execution of plain attribute fields.

graphql-core resolves every field through the same machinery: a resolve-info object, the
resolver call, awaitable checks and value completion, about 12 us per field. A page of 20 jobs
holds ~300 fields, most of them scalars read straight from an attribute, so that machinery was
the largest CPU cost of a `jobs` page (bench/api.py).

Only fields Strawberry itself resolves by default (no resolver, permission or field extension,
and StrawberryConfig's default_resolver is getattr) are touched, so results are the same:
- scalar and enum fields are read and coerced directly; anything unusual (a null in a
  non-null field, a value the scalar refuses) goes back to graphql-core, which reports it;
- other plain fields get a one-getattr resolver instead of Strawberry's three calls.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

import strawberry
from graphql import (
    GraphQLEnumType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLScalarType,
    Undefined,
)
from graphql.execution.collect_fields import FieldDetailsList
from graphql.pyutils import Path
from strawberry.resolvers import is_default_resolver
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.field import StrawberryField


@dataclass(frozen=True)
class _Leaf:
    attribute: str
    coerce: Callable[[Any], Any]
    nullable: bool


def _attribute_getter(name: str) -> Callable[..., Any]:
    def resolve(source: Any, _info: GraphQLResolveInfo[Any]) -> Any:
        return getattr(source, name)

    return resolve


class _FastLeafContext(StrawberryGraphQLCoreExecutionContext):
    leaves: ClassVar[dict[tuple[str, str], _Leaf]] = {}

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: FieldDetailsList,
        path: Path,
        position_context: Any,
    ) -> Any:
        node = field_details_list[0].node
        leaf = self.leaves.get((parent_type.name, node.name.value))
        # Strawberry always passes a manager; a field middleware (an extension with `resolve`)
        # must see every field, so its presence turns the fast path off.
        manager = self.middleware_manager
        if leaf is not None and not node.arguments and (manager is None or not manager.middlewares):
            value = getattr(source, leaf.attribute)
            if value is None:
                if leaf.nullable:
                    return None
            else:
                try:
                    serialized = leaf.coerce(value)
                except Exception:
                    serialized = None
                if serialized is not None and serialized is not Undefined:
                    return serialized
        return super().execute_field(
            parent_type, source, field_details_list, path, position_context
        )


def use_fast_fields(schema: strawberry.Schema) -> None:
    """Give `schema` the fast paths above for its default-resolved fields."""
    leaves: dict[tuple[str, str], _Leaf] = {}
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
            output = graphql_field.type
            nullable = not isinstance(output, GraphQLNonNull)
            named = output if nullable else output.of_type
            if isinstance(named, GraphQLScalarType | GraphQLEnumType) and not graphql_field.args:
                leaves[graphql_type.name, field_name] = _Leaf(
                    definition.python_name, named.coerce_output_value, nullable
                )
    schema.execution_context_class = type(
        "FastLeafContext", (_FastLeafContext,), {"leaves": leaves}
    )

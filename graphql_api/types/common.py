"""Small shared types and helpers: page info, count buckets, enum of job statuses, UTC datetimes."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Generator, Mapping
from datetime import UTC, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

import strawberry
from strawberry.types.base import StrawberryContainer, StrawberryOptional, has_object_definition
from strawberry.types.lazy_type import LazyType

if TYPE_CHECKING:
    from strawberry.types import Info
    from strawberry.types.arguments import InputContext

    from graphql_api.context import Context


T = TypeVar("T")


class Deferred(Generic[T]):
    """A field value that runs `load()` only when graphql-core awaits it.

    Strawberry calls a resolver method through several wrappers per object; a plain attribute
    holding either the value or a Deferred costs one getattr. graphql-core awaits the value
    only when the field is selected, so an unselected relation starts no load and leaves no
    un-awaited coroutine behind.
    """

    __slots__ = ("_load",)

    def __init__(self, load: Callable[[], Awaitable[T]]) -> None:
        self._load = load

    def __await__(self) -> Generator[Any, None, T]:
        return self._load().__await__()


def scalar_input(cls: type[T]) -> type[T]:
    """Let a Strawberry input whose fields are all optional scalars or enums skip re-conversion.

    graphql-core has already parsed every scalar and enum of the value it hands over, so
    building such an input is only renaming keys; Strawberry's generic conversion walks each
    field's type again, a tenth of a jobs page's CPU. Uses the definition's `from_input` hook.
    """
    definition = cls.__strawberry_definition__  # type: ignore[attr-defined]
    for field in definition.fields:
        inner = field.type.of_type if isinstance(field.type, StrawberryOptional) else field.type
        if has_object_definition(inner) or isinstance(inner, StrawberryContainer | LazyType):
            raise TypeError(f"{cls.__name__}.{field.python_name} is not a scalar or an enum")
    names: dict[str, str] = {}

    def from_input(target: type[T], value: Mapping[str, Any], context: InputContext) -> T:
        if not names:
            convert = context.config.name_converter.from_field
            names.update({convert(f): f.python_name for f in definition.fields})
        return target(**{names[key]: item for key, item in value.items()})

    definition.from_input = from_input
    return cls


def ctx(info: Info) -> Context:
    """The request Context of a resolver."""
    return cast("Context", info.context)


def utc(value: datetime | None) -> datetime | None:
    """SQLite returns naive datetimes: they are UTC, say so."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


@strawberry.enum
class JobStatus(Enum):
    """Lifecycle of a vacancy."""

    ACTIVE = "active"
    EXPIRED = "expired"
    FILLED = "filled"


@strawberry.type
class PageInfo:
    """Relay page info (forward pagination only)."""

    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class CountBucket:
    """A value and how many jobs have it (key null = unknown)."""

    key: str | None
    count: int

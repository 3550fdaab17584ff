"""Small shared types and helpers: page info, count buckets, enum of job statuses, UTC datetimes."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Generator
from datetime import UTC, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

import strawberry

if TYPE_CHECKING:
    from strawberry.types import Info

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

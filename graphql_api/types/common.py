"""Small shared types and helpers: page info, count buckets, enum of job statuses, UTC datetimes."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import Enum
from typing import TYPE_CHECKING, cast

import strawberry

if TYPE_CHECKING:
    from strawberry.types import Info

    from graphql_api.context import Context


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

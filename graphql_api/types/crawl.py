"""Crawl history and source health."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any

import strawberry
from sqlalchemy import Row
from strawberry.scalars import JSON
from strawberry.types import Info

from graphql_api.queries import crawl as queries
from graphql_api.security import DEFAULT_FIRST, check_page
from graphql_api.types.common import ctx, utc


@strawberry.enum
class RunStatus(Enum):
    """How a crawl ended (`running` while it runs)."""

    RUNNING = "running"
    FINISHED = "finished"
    PARTIAL = "partial"
    EMPTY = "empty"
    BLOCKED = "blocked"
    ABORTED = "aborted"
    CANCELLED = "cancelled"
    SKIPPED = "skipped"


UNHEALTHY = [RunStatus.EMPTY, RunStatus.BLOCKED, RunStatus.PARTIAL]


@strawberry.type(name="CrawlRun")
class CrawlRunType:
    """One spider run and its counts."""

    id: int
    source: str
    status: RunStatus
    started_at: datetime
    finished_at: datetime | None
    pages: int
    items_found: int
    items_inserted: int
    items_updated: int
    items_merged: int
    items_unchanged: int
    items_dropped: int
    errors: int
    dropped_reasons: JSON | None
    finish_reason: str | None
    message: str | None

    @classmethod
    def from_row(cls, row: Row[Any]) -> CrawlRunType:
        return cls(
            id=row.id,
            source=row.source,
            status=RunStatus(row.status),
            started_at=utc(row.started_at),  # type: ignore[arg-type]
            finished_at=utc(row.finished_at),
            pages=row.pages,
            items_found=row.items_found,
            items_inserted=row.items_inserted,
            items_updated=row.items_updated,
            items_merged=row.items_merged,
            items_unchanged=row.items_unchanged,
            items_dropped=row.items_dropped,
            errors=row.errors,
            dropped_reasons=row.dropped_reasons,
            finish_reason=row.finish_reason,
            message=row.message,
        )


@strawberry.type
class CrawlQuery:
    """Crawl history queries."""

    @strawberry.field(description="Runs, newest first, optionally of one source and/or status.")
    async def crawl_runs(
        self,
        info: Info,
        source: str | None = None,
        status: RunStatus | None = None,
        first: int = DEFAULT_FIRST,
        offset: int = 0,
    ) -> list[CrawlRunType]:
        check_page(first, offset)
        rows = await ctx(info).db(
            queries.runs,
            source=source,
            status=status.value if status else None,
            first=first,
            offset=offset,
        )
        return [CrawlRunType.from_row(r) for r in rows]

    @strawberry.field(description="The latest run of every source.")
    async def latest_crawl_runs(self, info: Info) -> list[CrawlRunType]:
        return [CrawlRunType.from_row(r) for r in await ctx(info).db(queries.latest_runs)]

    @strawberry.field(description="Sources whose latest run ended in one of `statuses`.")
    async def unhealthy_sources(
        self, info: Info, statuses: list[RunStatus] | None = None
    ) -> list[CrawlRunType]:
        wanted = [s.value for s in (statuses or UNHEALTHY)]
        return [CrawlRunType.from_row(r) for r in await ctx(info).db(queries.latest_runs, wanted)]

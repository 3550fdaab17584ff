"""Analytics: posting trends, breakdowns by country / operation type / source / status, stats."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from enum import Enum
from typing import Annotated

import strawberry
from strawberry.types import Info

from graphql_api.queries import analytics as queries
from graphql_api.queries.jobs import JobSpec
from graphql_api.security import bad_input
from graphql_api.types.common import CountBucket, ctx, utc
from graphql_api.types.jobs import JobFilter, to_spec

_DEFAULT_SPAN = {"day": 30, "week": 182, "month": 365}
MAX_SPAN_DAYS = 5 * 366


@strawberry.enum
class TrendBucket(Enum):
    """Width of a trend bucket (weeks start on Monday)."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"


@strawberry.type
class TrendPoint:
    """Postings dated in the bucket starting on `period`."""

    period: date
    count: int


@strawberry.type
class SeniorShare:
    """Senior (captain, lead, manager, ...) jobs among all matching jobs."""

    senior: int
    total: int
    share: float


@strawberry.type
class Stats:
    """Overall figures."""

    total_jobs: int
    active_jobs: int
    senior_jobs: int
    companies: int
    sources: int
    countries: int
    jobs_last_24h: int
    jobs_last_7d: int
    last_crawl_at: datetime | None


@strawberry.type
class Analytics:
    """Aggregates over the jobs matching one filter."""

    spec: strawberry.Private[JobSpec]

    @strawberry.field(description="Postings over time by posting date (default: a recent window).")
    async def trends(
        self,
        info: Info,
        bucket: TrendBucket = TrendBucket.WEEK,
        from_: Annotated[date | None, strawberry.argument(name="from")] = None,
        to: date | None = None,
    ) -> list[TrendPoint]:
        end = to or date.today()
        start = from_ or end - timedelta(days=_DEFAULT_SPAN[bucket.value])
        if start > end or (end - start).days > MAX_SPAN_DAYS:
            raise bad_input(f"from..to must be an ordered range of at most {MAX_SPAN_DAYS} days")
        points = await ctx(info).cached_db(
            queries.trends, self.spec, bucket=bucket.value, start=start, end=end
        )
        return [TrendPoint(period=p, count=n) for p, n in points]

    async def _breakdown(self, info: Info, by: str) -> list[CountBucket]:
        rows = await ctx(info).cached_db(queries.breakdown, self.spec, by)
        return [CountBucket(key=k, count=n) for k, n in rows]

    @strawberry.field(description="Jobs per country code.")
    async def by_country(self, info: Info) -> list[CountBucket]:
        return await self._breakdown(info, "country")

    @strawberry.field(description="Jobs per operation type.")
    async def by_operation_type(self, info: Info) -> list[CountBucket]:
        return await self._breakdown(info, "operation_type")

    @strawberry.field(description="Jobs per source.")
    async def by_source(self, info: Info) -> list[CountBucket]:
        return await self._breakdown(info, "source")

    @strawberry.field(description="Jobs per status.")
    async def by_status(self, info: Info) -> list[CountBucket]:
        return await self._breakdown(info, "status")

    @strawberry.field
    async def senior_share(self, info: Info) -> SeniorShare:
        senior, total = await ctx(info).cached_db(queries.senior_share, self.spec)
        return SeniorShare(senior=senior, total=total, share=senior / total if total else 0.0)


@strawberry.type
class AnalyticsQuery:
    """Analytics queries."""

    @strawberry.field(description="Aggregates over jobs matching a filter and optional search.")
    def analytics(self, filter: JobFilter | None = None, search: str | None = None) -> Analytics:
        return Analytics(spec=to_spec(filter, search))

    @strawberry.field(description="Overall job, company, source and country figures.")
    async def stats(self, info: Info) -> Stats:
        # Whole minutes, so that the arguments (and so the cached result) repeat within a minute.
        now = datetime.now(UTC).replace(second=0, microsecond=0)
        s = await ctx(info).cached_db(
            queries.stats, day_ago=now - timedelta(days=1), week_ago=now - timedelta(days=7)
        )
        return Stats(
            total_jobs=s.total_jobs,
            active_jobs=s.active_jobs,
            senior_jobs=s.senior_jobs,
            companies=s.companies,
            sources=s.sources,
            countries=s.countries,
            jobs_last_24h=s.jobs_since_day,
            jobs_last_7d=s.jobs_since_week,
            last_crawl_at=utc(s.last_crawl_at),
        )

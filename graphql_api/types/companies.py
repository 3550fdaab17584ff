"""Company types and queries: the list with job counts, profiles and trending companies."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import strawberry
from sqlalchemy import Row
from strawberry.types import Info

from graphql_api.queries import companies as company_queries
from graphql_api.security import DEFAULT_FIRST, bad_input, check_page
from graphql_api.types.common import ctx, utc
from graphql_api.types.jobs import JobConnection, JobFilter, JobOrder, job_page, to_spec


@strawberry.type(name="CompanyMapping")
class CompanyMappingType:
    """One (folded) spelling of a company name pointing at its company."""

    id: int
    variant: str
    company_id: int

    @classmethod
    def from_row(cls, row: Row[Any]) -> CompanyMappingType:
        return cls(id=row.id, variant=row.variant, company_id=row.company_id)


@strawberry.type(name="Company")
class CompanyType:
    """An advertiser: airline, MRO, agency, ..."""

    id: int
    key: str
    name: str
    operation_type: str | None
    country_code: str | None
    is_agency: bool
    curated: bool
    created_at: datetime

    @classmethod
    def from_row(cls, row: Row[Any]) -> CompanyType:
        return cls(
            id=row.id,
            key=row.key,
            name=row.name,
            operation_type=row.operation_type,
            country_code=row.country_code,
            is_agency=bool(row.is_agency),
            curated=bool(row.curated),
            created_at=utc(row.created_at),  # type: ignore[arg-type]
        )

    @classmethod
    def from_joined(cls, row: Row[Any]) -> CompanyType:
        """From a job row carrying the job's company as queries.jobs.COMPANY_COLUMNS."""
        m = row._mapping
        return cls(
            id=m["co_id"],
            key=m["co_key"],
            name=m["co_name"],
            operation_type=m["co_operation_type"],
            country_code=m["co_country_code"],
            is_agency=bool(m["co_is_agency"]),
            curated=bool(m["co_curated"]),
            created_at=utc(m["co_created_at"]),  # type: ignore[arg-type]
        )

    async def _stats(self, info: Info) -> company_queries.CompanyStats:
        return await ctx(info).loaders.company_stats.load(self.id)

    @strawberry.field(description="All jobs of this company, any status.")
    async def job_count(self, info: Info) -> int:
        return (await self._stats(info)).job_count

    @strawberry.field
    async def active_job_count(self, info: Info) -> int:
        return (await self._stats(info)).active_job_count

    @strawberry.field(description="Earliest posting date of its jobs.")
    async def first_posted(self, info: Info) -> date | None:
        return (await self._stats(info)).first_posted

    @strawberry.field(description="Latest posting date of its jobs.")
    async def last_posted(self, info: Info) -> date | None:
        return (await self._stats(info)).last_posted

    @strawberry.field(description="Sources its jobs came from.")
    async def sources(self, info: Info) -> list[str]:
        return (await self._stats(info)).sources

    @strawberry.field(description="This company's jobs (same arguments as Query.jobs).")
    async def jobs(
        self,
        info: Info,
        filter: JobFilter | None = None,
        order_by: JobOrder | None = None,
        first: int = DEFAULT_FIRST,
        after: str | None = None,
        offset: int = 0,
    ) -> JobConnection:
        spec = to_spec(filter, None, company_id=self.id)
        return await job_page(
            info, spec, order_by=order_by, first=first, after=after, offset=offset
        )


@strawberry.type
class CompanyPage:
    """A page of companies, most jobs first."""

    total_count: int
    nodes: list[CompanyType]


@strawberry.type
class CompanyTrend:
    """Postings of a company in a window and in the window before it."""

    company: CompanyType
    recent_jobs: int
    previous_jobs: int


@strawberry.type
class CompanyQuery:
    """Company queries."""

    @strawberry.field(description="Companies with most jobs first; `name` matches a substring.")
    async def companies(
        self, info: Info, name: str | None = None, first: int = DEFAULT_FIRST, offset: int = 0
    ) -> CompanyPage:
        check_page(first, offset)
        if name is not None and len(name) > 200:
            raise bad_input("name must be at most 200 characters")
        rows, total = await ctx(info).db(
            company_queries.list_companies, name=name, first=first, offset=offset
        )
        return CompanyPage(total_count=total, nodes=[CompanyType.from_row(r) for r in rows])

    @strawberry.field(description="One company profile.")
    async def company(self, info: Info, id: int) -> CompanyType | None:
        row = await ctx(info).loaders.company.load(id)
        return CompanyType.from_row(row) if row is not None else None

    @strawberry.field(description="Companies with most postings dated in the last `days` days.")
    async def trending_companies(
        self, info: Info, days: int = 7, first: int = 10, today: date | None = None
    ) -> list[CompanyTrend]:
        check_page(first)
        if not 1 <= days <= 365:
            raise bad_input(f"days must be between 1 and 365, got {days}")
        end = (today or date.today()) + timedelta(days=1)
        since = end - timedelta(days=days)
        trends = await ctx(info).db(company_queries.trending, since=since, before=end, first=first)
        rows = await ctx(info).loaders.company.load_many([t[0] for t in trends])
        return [
            CompanyTrend(company=CompanyType.from_row(row), recent_jobs=recent, previous_jobs=prev)
            for row, (_, recent, prev) in zip(rows, trends, strict=True)
            if row is not None
        ]

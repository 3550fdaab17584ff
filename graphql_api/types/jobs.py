"""Job types, the jobs connection and the job queries (list/search, by id, by URL, compare)."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from functools import partial
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from graphql import FieldNode, FragmentSpreadNode
from sqlalchemy import Connection, Row
from strawberry.scalars import JSON
from strawberry.types import Info

from graphql_api.queries import jobs as job_queries
from graphql_api.queries.jobs import COUNT_CAP, BadArgument, JobSpec, Order
from graphql_api.security import DEFAULT_FIRST, bad_input, check_page
from graphql_api.types.common import Deferred, JobStatus, PageInfo, ctx, scalar_input, utc

if TYPE_CHECKING:
    from graphql_api.loaders import Loaders
    from graphql_api.types.companies import CompanyType

MAX_SEARCH_CHARS = 200
MAX_COMPARE = 10


@strawberry.enum
class JobOrder(Enum):
    """Newest first by posting date, first-seen time, last-change time, or search relevance."""

    POSTED = "posted"
    CREATED = "created"
    UPDATED = "updated"
    RELEVANCE = "relevance"


@scalar_input
@strawberry.input
class JobFilter:
    """Job filters; all given filters must hold. Text filters match exactly (no wildcards)."""

    company_id: int | None = None
    company: str | None = strawberry.field(default=None, description="Exact advertiser name.")
    country_code: str | None = strawberry.field(default=None, description="ISO alpha-2.")
    operation_type: str | None = None
    source: str | None = None
    status: JobStatus | None = strawberry.field(default=None, description="Null: any status.")
    senior: bool | None = None
    posted_from: date | None = None
    posted_to: date | None = None
    created_since: datetime | None = None
    created_before: datetime | None = None
    updated_since: datetime | None = None
    contract_type: str | None = None
    salary_min: float | None = strawberry.field(
        default=None, description="Advertised range overlaps [salaryMin, salaryMax]."
    )
    salary_max: float | None = None
    salary_currency: str | None = None


def to_spec(filter: JobFilter | None, search: str | None = None, **extra: Any) -> JobSpec:
    """The query layer's JobSpec for a filter; BAD_USER_INPUT on invalid values."""
    if search is not None and len(search) > MAX_SEARCH_CHARS:
        raise bad_input(f"search must be at most {MAX_SEARCH_CHARS} characters")
    values: dict[str, Any] = {}
    if filter is not None:
        values = {k: v for k, v in vars(filter).items() if v is not None}
        if "status" in values:
            values["status"] = values["status"].value
    values.update(extra)
    try:
        return JobSpec(search=search, **values)
    except BadArgument as exc:
        raise bad_input(str(exc)) from None


@strawberry.type(name="Salary")
class SalaryType:
    """Advertised pay (normalised)."""

    min: float | None
    max: float | None
    currency: str | None
    period: str | None


@strawberry.type(name="JobSighting")
class JobSightingType:
    """One URL and source a job was seen at."""

    source: str
    source_job_id: str | None
    url: str
    first_seen: datetime
    last_seen: datetime


@strawberry.type(name="Job")
class JobType:
    """One vacancy, however many sites advertise it."""

    id: int
    url: str
    source: str
    source_job_id: str | None
    title: str
    normalized_title: str
    company_name: str | None
    location: str | None
    city: str | None
    country_code: str | None
    operation_type: str | None
    senior: bool
    contract_type: str | None
    posted_date: date | None
    posted_estimated: bool
    valid_through: date | None
    salary: SalaryType | None
    apply_url: str | None
    description: str | None
    description_truncated: bool
    status: JobStatus
    requirements: JSON | None
    last_checked: datetime
    created_at: datetime
    updated_at: datetime
    # Plain attributes, not resolver methods: a page of 20 jobs would otherwise run Strawberry's
    # resolver machinery 40 times. Each holds the value the page query fetched, or a Deferred
    # load through the request's DataLoaders (see from_row).
    company: Annotated[CompanyType, strawberry.lazy("graphql_api.types.companies")] | None = (
        strawberry.field(description="The advertiser's company record, when known.")
    )
    sources: list[JobSightingType] = strawberry.field(
        description="Every URL and source this job was seen at."
    )

    @classmethod
    def from_row(
        cls, row: Row[Any], loaders: Loaders, related: PageRelations | None = None
    ) -> JobType:
        """A job from a JOB_COLUMNS row; relations come from `related` or, lazily, `loaders`."""
        from graphql_api.types.companies import CompanyType

        # Read by key through the row's mapping: about 3x faster than row.attribute, which
        # showed in the profile of a 20-job page (~0.2 ms).
        m = row._mapping
        # A page that shows neither leaves the advert and requirements out (fetch_page).
        advert = related is None or related.advert
        salary = None
        if m["salary_min"] is not None or m["salary_max"] is not None:
            salary = SalaryType(
                min=m["salary_min"],
                max=m["salary_max"],
                currency=m["salary_currency"],
                period=m["salary_period"],
            )
        company: Any = None
        if m["company_id"] is not None:
            if related is not None and related.companies and m["co_id"] is not None:
                company = CompanyType.from_joined(row)
            else:
                company = Deferred(partial(_load_company, loaders, m["company_id"]))
        sources: Any
        if related is not None and related.sightings:
            sources = _sightings(job_queries.sightings_of(row))
        else:
            sources = Deferred(partial(_load_sources, loaders, m["id"]))
        return cls(
            id=m["id"],
            url=m["url"],
            source=m["source"],
            source_job_id=m["source_job_id"],
            title=m["title"],
            normalized_title=m["normalized_title"],
            company_name=m["company"],
            location=m["location"],
            city=m["city"],
            country_code=m["country_code"],
            operation_type=m["operation_type"],
            senior=bool(m["senior_flag"]),
            contract_type=m["contract_type"],
            posted_date=m["posted_date"],
            posted_estimated=bool(m["posted_estimated"]),
            valid_through=m["valid_through"],
            salary=salary,
            apply_url=m["apply_url"],
            description=m["description"] if advert else None,
            description_truncated=bool(m["description_truncated"]),
            status=JobStatus(m["status"]),
            requirements=m["requirements"] if advert else None,
            last_checked=utc(m["last_checked"]),  # type: ignore[arg-type]
            created_at=utc(m["created_at"]),  # type: ignore[arg-type]
            updated_at=utc(m["updated_at"]),  # type: ignore[arg-type]
            company=company,
            sources=sources,
        )

    @strawberry.field(
        description="Active jobs most like this one (title, aviation attributes, company)."
    )
    async def similar_jobs(self, info: Info, first: int = 5) -> JobConnection:
        check_page(first)
        loaders = ctx(info).loaders
        rows = await loaders.similar.load((self.id, first))
        return JobConnection.of_rows(
            rows, [str(i + 1) for i in range(len(rows))], has_next=False, loaders=loaders
        )


async def _load_company(loaders: Loaders, company_id: int) -> CompanyType | None:
    from graphql_api.types.companies import CompanyType

    row = await loaders.company.load(company_id)
    return CompanyType.from_row(row) if row is not None else None


async def _load_sources(loaders: Loaders, job_id: int) -> list[JobSightingType]:
    return _sightings(await loaders.sources.load(job_id))


def _sightings(rows: Sequence[Row[Any] | job_queries.Sighting]) -> list[JobSightingType]:
    return [
        JobSightingType(
            source=r.source,
            source_job_id=r.source_job_id,
            url=r.url,
            first_seen=utc(r.first_seen),  # type: ignore[arg-type]
            last_seen=utc(r.last_seen),  # type: ignore[arg-type]
        )
        for r in rows
    ]


@dataclass(frozen=True)
class PageRelations:
    """Which relations the page's rows carry (see job_queries.fetch_page)."""

    companies: bool = False
    sightings: bool = False
    advert: bool = True


def _page_with_relations(
    conn: Connection,
    /,
    spec: JobSpec,
    *,
    companies: bool,
    sources: bool,
    advert: bool,
    **page_args: Any,
) -> tuple[job_queries.JobPage, PageRelations]:
    without = frozenset() if advert else job_queries.OPTIONAL_JOB_COLUMNS
    page = job_queries.fetch_page(
        conn, spec, with_company=companies, with_sightings=sources, without=without, **page_args
    )
    return page, PageRelations(companies=companies, sightings=sources, advert=advert)


def _selected_names(info: Info) -> set[str]:
    """Field names selected under this field, through fragments, but not below similarJobs.

    Walks graphql-core's syntax tree: Strawberry's `selected_fields` converts every node and
    argument first, a noticeable share of a page's CPU.
    """
    raw = info._raw_info
    names: set[str] = set()
    stack: list[Any] = [
        node.selection_set for node in raw.field_nodes if node.selection_set is not None
    ]
    while stack:
        for selection in stack.pop().selections:
            if isinstance(selection, FragmentSpreadNode):
                stack.append(raw.fragments[selection.name.value].selection_set)
                continue
            if isinstance(selection, FieldNode):
                names.add(selection.name.value)
                if selection.name.value == "similarJobs":
                    continue
            if selection.selection_set is not None:
                stack.append(selection.selection_set)
    return names


@strawberry.type
class JobEdge:
    """A job and its cursor."""

    cursor: str
    node: JobType


@strawberry.type
class JobConnection:
    """A page of jobs (Relay connection)."""

    edges: list[JobEdge]
    page_info: PageInfo
    spec: strawberry.Private[JobSpec | None]
    known_total: strawberry.Private[int | None]
    count_task: strawberry.Private[asyncio.Task[int] | None] = None

    @classmethod
    def of_rows(
        cls,
        rows: list[Row[Any]],
        cursors: list[str],
        *,
        has_next: bool,
        loaders: Loaders,
        spec: JobSpec | None = None,
        related: PageRelations | None = None,
    ) -> JobConnection:
        edges = [
            JobEdge(cursor=c, node=JobType.from_row(r, loaders, related))
            for r, c in zip(rows, cursors, strict=True)
        ]
        end = cursors[-1] if cursors else None
        return cls(
            edges=edges,
            page_info=PageInfo(has_next_page=has_next, end_cursor=end),
            spec=spec,
            known_total=None if spec is not None else len(rows),
        )

    @strawberry.field(description="The page's jobs (the edges' nodes).")
    def nodes(self) -> list[JobType]:
        return [edge.node for edge in self.edges]

    async def _count(self, info: Info) -> int:
        if self.known_total is not None:
            return self.known_total
        if self.count_task is None:
            self.count_task = asyncio.ensure_future(
                ctx(info).db(job_queries.count_jobs, self.spec)  # type: ignore[arg-type]
            )
        return await self.count_task

    @strawberry.field(description=f"Matching jobs, counted exactly up to {COUNT_CAP}.")
    async def total_count(self, info: Info) -> int:
        return min(await self._count(info), COUNT_CAP)

    @strawberry.field(description=f"True when more than {COUNT_CAP} jobs match.")
    async def total_count_is_capped(self, info: Info) -> bool:
        return await self._count(info) > COUNT_CAP


@strawberry.type
class JobComparison:
    """Jobs side by side, in the order asked for."""

    jobs: list[JobType]
    missing_ids: list[int]
    differing_fields: list[str]


_COMPARED = (
    "title",
    "company_name",
    "country_code",
    "city",
    "operation_type",
    "senior",
    "contract_type",
    "posted_date",
    "salary",
    "status",
    "requirements",
)


async def job_page(
    info: Info,
    spec: JobSpec,
    *,
    order_by: JobOrder | None,
    first: int,
    after: str | None,
    offset: int,
) -> JobConnection:
    """A page of jobs for a spec (shared by `jobs` and `Company.jobs`)."""
    check_page(first, offset)
    order: Order = (
        order_by or (JobOrder.RELEVANCE if spec.search is not None else JobOrder.POSTED)
    ).value
    selected = _selected_names(info)
    page, related = await ctx(info).db(
        _page_with_relations,
        spec,
        companies="company" in selected,
        sources="sources" in selected,
        advert=not job_queries.OPTIONAL_JOB_COLUMNS.isdisjoint(selected),
        order=order,
        first=first,
        after=after,
        offset=offset,
    )
    return JobConnection.of_rows(
        page.rows,
        page.cursors,
        has_next=page.has_next,
        loaders=ctx(info).loaders,
        spec=spec,
        related=related,
    )


@strawberry.type
class JobQuery:
    """Job queries: the list, search, recent, updated and senior views of the original API."""

    @strawberry.field(description="Jobs matching filters and an optional full-text search.")
    async def jobs(
        self,
        info: Info,
        filter: JobFilter | None = None,
        search: str | None = None,
        order_by: JobOrder | None = None,
        first: int = DEFAULT_FIRST,
        after: str | None = None,
        offset: int = 0,
    ) -> JobConnection:
        spec = to_spec(filter, search)
        return await job_page(
            info, spec, order_by=order_by, first=first, after=after, offset=offset
        )

    @strawberry.field(description="One job by id.")
    async def job(self, info: Info, id: int) -> JobType | None:
        loaders = ctx(info).loaders
        row = await loaders.job.load(id)
        return JobType.from_row(row, loaders) if row is not None else None

    @strawberry.field(description="The job seen at a URL (tracking parameters are ignored).")
    async def job_by_url(self, info: Info, url: str) -> JobType | None:
        if len(url) > 2048:
            raise bad_input("url must be at most 2048 characters")
        row = await ctx(info).db(job_queries.job_by_url, url)
        return JobType.from_row(row, ctx(info).loaders) if row is not None else None

    @strawberry.field(description=f"Up to {MAX_COMPARE} jobs side by side.")
    async def compare_jobs(self, info: Info, ids: list[int]) -> JobComparison:
        if not 1 <= len(ids) <= MAX_COMPARE:
            raise bad_input(f"ids must hold 1 to {MAX_COMPARE} job ids")
        loaders = ctx(info).loaders
        rows = await loaders.job.load_many(ids)
        found = [JobType.from_row(r, loaders) for r in rows if r is not None]
        differing = [name for name in _COMPARED if len({repr(getattr(j, name)) for j in found}) > 1]
        missing = [i for i, r in zip(ids, rows, strict=True) if r is None]
        return JobComparison(jobs=found, missing_ids=missing, differing_fields=differing)

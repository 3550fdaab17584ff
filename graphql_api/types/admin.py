"""Admin operations (bearer key): ingest through the crawl pipeline, company mappings, job status."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, cast

import strawberry
from graphql import GraphQLError
from sqlalchemy import Connection, Table, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from starlette.concurrency import run_in_threadpool
from strawberry.types import Info

from aeroscrap.db.models import Company, CompanyMapping, Job
from aeroscrap.normalize.company import variant_key
from graphql_api.queries import companies as company_queries
from graphql_api.queries import jobs as job_queries
from graphql_api.security import DEFAULT_FIRST, bad_input, check_page
from graphql_api.types.common import JobStatus, ctx
from graphql_api.types.companies import CompanyMappingType, CompanyType
from graphql_api.types.jobs import JobType

MAX_INGEST = 500
_mappings = cast(Table, CompanyMapping.__table__)


def require_admin(info: Info) -> None:
    """Raise UNAUTHENTICATED unless the request carried the admin key (and one is configured)."""
    context = ctx(info)
    if not context.settings.admin_enabled:
        raise GraphQLError(
            "admin operations are disabled: no admin key is configured",
            extensions={"code": "UNAUTHENTICATED"},
        )
    if not context.is_admin:
        raise GraphQLError(
            "a valid 'Authorization: Bearer <admin key>' header is required",
            extensions={"code": "UNAUTHENTICATED"},
        )


@strawberry.input
class JobRecordInput:
    """A raw job record, as a spider yields it (shared/fixtures/jobs/README.md)."""

    source: str
    url: str
    id: str | None = strawberry.field(default=None, description="Your record id, echoed back.")
    title: str | None = None
    company: str | None = None
    location: str | None = None
    posted: str | None = None
    crawl_date: str | None = None
    description: str | None = None
    salary: str | None = None
    source_job_id: str | None = None
    apply_url: str | None = None
    contract_type: str | None = None
    valid_through: str | None = None
    status: str | None = None
    posted_estimated: bool | None = None


@strawberry.type
class IngestOutcome:
    """What the pipeline did with one record."""

    record_id: str | None
    action: str = strawberry.field(description="inserted, updated, duplicate or dropped")
    reason: str | None
    job_id: int | None

    @strawberry.field(description="The stored job (null when dropped).")
    async def job(self, info: Info) -> JobType | None:
        if self.job_id is None:
            return None
        loaders = ctx(info).loaders
        row = await loaders.job.load(self.job_id)
        return JobType.from_row(row, loaders) if row is not None else None


@strawberry.type
class NotFound:
    """The object to change does not exist."""

    message: str


@strawberry.type
class Conflict:
    """The change would break a uniqueness rule."""

    message: str


@strawberry.type
class Deleted:
    """Whether a row was deleted."""

    deleted: bool


MappingResult = Annotated[
    CompanyMappingType | NotFound | Conflict, strawberry.union("CompanyMappingResult")
]
JobStatusResult = Annotated[JobType | NotFound, strawberry.union("JobStatusResult")]


def _variant(text: str) -> str:
    # Stored in the form the seed writes and the pipeline looks spellings up by.
    key = variant_key(text)
    if not key or len(key) > 200:
        raise bad_input("variant must hold 1 to 200 letters or digits")
    return key


def _company_exists(conn: Connection, company_id: int) -> bool:
    stmt = select(Company.__table__.c.id).where(Company.__table__.c.id == company_id)
    return conn.execute(stmt).first() is not None


def _save_mapping(
    conn: Connection, mapping_id: int | None, values: dict[str, Any]
) -> CompanyMappingType | NotFound | Conflict:
    if "company_id" in values and not _company_exists(conn, values["company_id"]):
        return NotFound(message=f"no company with id {values['company_id']}")
    try:
        with conn.begin_nested():
            if mapping_id is None:
                row = conn.execute(insert(_mappings).values(values).returning(*_mappings.c)).first()
            else:
                change = update(_mappings).where(_mappings.c.id == mapping_id).values(values)
                row = conn.execute(change.returning(*_mappings.c)).first()
    except IntegrityError:
        return Conflict(message=f"variant {values.get('variant')!r} is already mapped")
    if row is None:
        return NotFound(message=f"no company mapping with id {mapping_id}")
    return CompanyMappingType.from_row(row)


def _write(conn_fn: Any, engine: Any, *args: Any) -> Any:
    with engine.begin() as conn:
        return conn_fn(conn, *args)


def _delete_mapping(conn: Connection, mapping_id: int) -> bool:
    return conn.execute(delete(_mappings).where(_mappings.c.id == mapping_id)).rowcount > 0


def _set_status(conn: Connection, job_id: int, status: str) -> bool:
    jobs = cast(Table, Job.__table__)
    now = datetime.now(UTC)
    stmt = update(jobs).where(jobs.c.id == job_id).values(status=status, updated_at=now)
    return conn.execute(stmt).rowcount > 0


def _ingest(engine: Any, records: list[dict[str, Any]]) -> list[Any]:
    # Imported here: the pipeline (and its vocabulary tables) loads only when an admin ingests.
    from aeroscrap.ingest import ingest_records

    return list(ingest_records(engine, records))


def _record(record: JobRecordInput) -> dict[str, Any]:
    return {k: v for k, v in vars(record).items() if v is not None}


async def _run_ingest(info: Info, records: list[JobRecordInput]) -> list[IngestOutcome]:
    require_admin(info)
    results = await run_in_threadpool(_ingest, ctx(info).writer, [_record(r) for r in records])
    return [
        IngestOutcome(record_id=rec.id, action=res.action, reason=res.reason, job_id=res.job_id)
        for rec, res in zip(records, results, strict=True)
    ]


@strawberry.type
class AdminQuery:
    """Admin-only queries."""

    @strawberry.field(description="Companies no mapping points at (admin).")
    async def companies_without_mapping(
        self, info: Info, first: int = DEFAULT_FIRST, offset: int = 0
    ) -> list[CompanyType]:
        require_admin(info)
        check_page(first, offset)
        rows = await ctx(info).db(company_queries.unmapped_companies, first=first, offset=offset)
        return [CompanyType.from_row(r) for r in rows]

    @strawberry.field(description="Company mappings, optionally of one company (admin).")
    async def company_mappings(
        self, info: Info, company_id: int | None = None, first: int = DEFAULT_FIRST, offset: int = 0
    ) -> list[CompanyMappingType]:
        require_admin(info)
        check_page(first, offset)
        rows = await ctx(info).db(
            company_queries.mappings, company_id=company_id, first=first, offset=offset
        )
        return [CompanyMappingType.from_row(r) for r in rows]


@strawberry.type
class AdminMutation:
    """Admin mutations; every one needs the bearer key."""

    @strawberry.mutation(description="Ingest one raw record through the crawl pipeline.")
    async def ingest_job(self, info: Info, record: JobRecordInput) -> IngestOutcome:
        return (await _run_ingest(info, [record]))[0]

    @strawberry.mutation(description=f"Ingest up to {MAX_INGEST} raw records in one batch.")
    async def ingest_jobs(self, info: Info, records: list[JobRecordInput]) -> list[IngestOutcome]:
        if not 1 <= len(records) <= MAX_INGEST:
            raise bad_input(f"records must hold 1 to {MAX_INGEST} records")
        return await _run_ingest(info, records)

    @strawberry.mutation(description="Map a spelling of a company name to a company.")
    async def create_company_mapping(
        self, info: Info, variant: str, company_id: int
    ) -> MappingResult:
        require_admin(info)
        values = {"variant": _variant(variant), "company_id": company_id}
        return await run_in_threadpool(_write, _save_mapping, ctx(info).writer, None, values)

    @strawberry.mutation(description="Change a mapping's spelling and/or company.")
    async def update_company_mapping(
        self, info: Info, id: int, variant: str | None = None, company_id: int | None = None
    ) -> MappingResult:
        require_admin(info)
        values: dict[str, Any] = {}
        if variant is not None:
            values["variant"] = _variant(variant)
        if company_id is not None:
            values["company_id"] = company_id
        if not values:
            raise bad_input("give variant and/or companyId")
        return await run_in_threadpool(_write, _save_mapping, ctx(info).writer, id, values)

    @strawberry.mutation(description="Delete a company mapping.")
    async def delete_company_mapping(self, info: Info, id: int) -> Deleted:
        require_admin(info)
        deleted = await run_in_threadpool(_write, _delete_mapping, ctx(info).writer, id)
        return Deleted(deleted=deleted)

    @strawberry.mutation(description="Set a job's status (active, expired, filled).")
    async def update_job_status(self, info: Info, id: int, status: JobStatus) -> JobStatusResult:
        require_admin(info)
        found = await run_in_threadpool(_write, _set_status, ctx(info).writer, id, status.value)
        if not found:
            return NotFound(message=f"no job with id {id}")
        # Read fresh, not through the loader: its cache may hold the row from before the change.
        rows = await ctx(info).db(job_queries.jobs_by_ids, [id])
        return JobType.from_row(rows[id], ctx(info).loaders)

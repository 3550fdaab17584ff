"""Aggregates over jobs: posting trends, breakdowns, senior share and overall stats."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from sqlalchemy import Connection, Date, case, cast, func, select

from aeroscrap.db.models import Company, CrawlRun, Job
from graphql_api.queries.jobs import JobSpec, conditions

Bucket = Literal["day", "week", "month"]
_jobs = Job.__table__


def _bucket_expr(conn: Connection, bucket: Bucket) -> Any:
    column = _jobs.c.posted_date
    if conn.dialect.name == "postgresql":
        return column if bucket == "day" else cast(func.date_trunc(bucket, column), Date)
    if bucket == "day":
        return column
    if bucket == "week":
        # Weeks start on Monday, as PostgreSQL's date_trunc('week') does.
        return func.date(column, "weekday 0", "-6 days")
    return func.strftime("%Y-%m-01", column)


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def trends(
    conn: Connection, spec: JobSpec, *, bucket: Bucket, start: date, end: date
) -> list[tuple[date, int]]:
    """(bucket start, postings) for postings dated in [start, end], oldest first."""
    expr = _bucket_expr(conn, bucket).label("period")
    stmt = (
        select(expr, func.count())
        .where(*conditions(conn, spec), _jobs.c.posted_date >= start, _jobs.c.posted_date <= end)
        .group_by(expr)
        .order_by(expr)
    )
    return [(_as_date(period), int(n)) for period, n in conn.execute(stmt)]


_BREAKDOWN = {
    "country": _jobs.c.country_code,
    "operation_type": _jobs.c.operation_type,
    "source": _jobs.c.source,
    "status": _jobs.c.status,
}


def breakdown(conn: Connection, spec: JobSpec, by: str) -> list[tuple[str | None, int]]:
    """(value, jobs) for one column, most jobs first; None is 'unknown'."""
    column = _BREAKDOWN[by]
    n = func.count().label("n")
    stmt = (
        select(column, n).where(*conditions(conn, spec)).group_by(column).order_by(n.desc(), column)
    )
    return [(value, int(count)) for value, count in conn.execute(stmt)]


def senior_share(conn: Connection, spec: JobSpec) -> tuple[int, int]:
    """(senior jobs, all jobs) matching the spec."""
    stmt = select(
        func.coalesce(func.sum(case((_jobs.c.senior_flag.is_(True), 1), else_=0)), 0),
        func.count(),
    ).where(*conditions(conn, spec))
    senior, total = conn.execute(stmt).one()
    return int(senior), int(total)


@dataclass
class Stats:
    """Overall figures for a dashboard header."""

    total_jobs: int
    active_jobs: int
    senior_jobs: int
    companies: int
    sources: int
    countries: int
    jobs_since_day: int
    jobs_since_week: int
    last_crawl_at: datetime | None


def stats(conn: Connection, *, day_ago: datetime, week_ago: datetime) -> Stats:
    """Overall job, company, source and country counts plus recent arrivals."""
    c = _jobs.c
    row = conn.execute(
        select(
            func.count(),
            func.coalesce(func.sum(case((c.status == "active", 1), else_=0)), 0),
            func.coalesce(func.sum(case((c.senior_flag.is_(True), 1), else_=0)), 0),
            func.count(func.distinct(c.source)),
            func.count(func.distinct(c.country_code)),
            func.coalesce(func.sum(case((c.created_at >= day_ago, 1), else_=0)), 0),
            func.coalesce(func.sum(case((c.created_at >= week_ago, 1), else_=0)), 0),
        )
    ).one()
    companies = conn.execute(select(func.count()).select_from(Company.__table__)).scalar_one()
    last_crawl = conn.execute(select(func.max(CrawlRun.__table__.c.finished_at))).scalar_one()
    return Stats(
        total_jobs=int(row[0]),
        active_jobs=int(row[1]),
        senior_jobs=int(row[2]),
        companies=int(companies),
        sources=int(row[3]),
        countries=int(row[4]),
        jobs_since_day=int(row[5]),
        jobs_since_week=int(row[6]),
        last_crawl_at=last_crawl,
    )


def jobs_by_status(conn: Connection) -> dict[str, int]:
    """{status: jobs} for /metrics."""
    stmt = select(_jobs.c.status, func.count()).group_by(_jobs.c.status)
    return {status: int(n) for status, n in conn.execute(stmt)}

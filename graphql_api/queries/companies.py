"""Companies: lookups by id, per-company job statistics, the list, trending and mappings."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, Row, case, func, select

from aeroscrap.db.models import Company, CompanyMapping, Job

_companies = Company.__table__
_mappings = CompanyMapping.__table__
_jobs = Job.__table__


@dataclass
class CompanyStats:
    """What a company profile shows about its jobs."""

    job_count: int = 0
    active_job_count: int = 0
    first_posted: date | None = None
    last_posted: date | None = None
    sources: list[str] = field(default_factory=list)


def companies_by_ids(conn: Connection, ids: Sequence[int]) -> dict[int, Row[Any]]:
    """{id: company row}."""
    if not ids:
        return {}
    rows = conn.execute(select(_companies).where(_companies.c.id.in_(sorted(set(ids)))))
    return {row.id: row for row in rows}


def company_stats(conn: Connection, ids: Sequence[int]) -> dict[int, CompanyStats]:
    """{company id: stats} from one grouped statement (by company and source)."""
    stats: dict[int, CompanyStats] = defaultdict(CompanyStats)
    if not ids:
        return stats
    c = _jobs.c
    stmt = (
        select(
            c.company_id,
            c.source,
            func.count(),
            func.sum(case((c.status == "active", 1), else_=0)),
            func.min(c.posted_date),
            func.max(c.posted_date),
        )
        .where(c.company_id.in_(sorted(set(ids))))
        .group_by(c.company_id, c.source)
    )
    for company_id, source, total, active, first, last in conn.execute(stmt):
        entry = stats[company_id]
        entry.job_count += total
        entry.active_job_count += int(active or 0)
        entry.sources.append(source)
        if first is not None:
            entry.first_posted = min(first, entry.first_posted or first)
        if last is not None:
            entry.last_posted = max(last, entry.last_posted or last)
    for entry in stats.values():
        entry.sources.sort()
    return stats


def escape_like(value: str) -> str:
    """A LIKE pattern matching `value` literally ('%' and '_' are data, not wildcards)."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def list_companies(
    conn: Connection, *, name: str | None, first: int, offset: int
) -> tuple[list[Row[Any]], int]:
    """Companies with most jobs first, with (job_count) and the total number matching `name`."""
    job_counts = (
        select(_jobs.c.company_id, func.count().label("job_count"))
        .where(_jobs.c.company_id.is_not(None))
        .group_by(_jobs.c.company_id)
        .subquery()
    )
    where = []
    if name:
        pattern = f"%{escape_like(name.lower())}%"
        where.append(func.lower(_companies.c.name).like(pattern, escape="\\"))
    job_count = func.coalesce(job_counts.c.job_count, 0).label("job_count")
    stmt = (
        select(_companies, job_count)
        .outerjoin(job_counts, job_counts.c.company_id == _companies.c.id)
        .where(*where)
        .order_by(job_count.desc(), _companies.c.name, _companies.c.id)
        .offset(offset)
        .limit(first)
    )
    total = conn.execute(select(func.count()).select_from(_companies).where(*where)).scalar_one()
    return list(conn.execute(stmt)), int(total)


def trending(
    conn: Connection, *, since: date, before: date, first: int
) -> list[tuple[int, int, int]]:
    """(company id, postings since `since`, postings in the same-length window before) by count."""
    c = _jobs.c
    span = since - (before - since)
    recent = func.sum(case((c.posted_date >= since, 1), else_=0))
    previous = func.sum(case((c.posted_date < since, 1), else_=0))
    stmt = (
        select(c.company_id, recent.label("recent"), previous.label("previous"))
        .where(c.company_id.is_not(None), c.posted_date >= span, c.posted_date < before)
        .group_by(c.company_id)
        .having(recent > 0)
        .order_by(recent.desc(), c.company_id)
        .limit(first)
    )
    return [(r.company_id, int(r.recent), int(r.previous)) for r in conn.execute(stmt)]


def unmapped_companies(conn: Connection, *, first: int, offset: int) -> list[Row[Any]]:
    """Companies no mapping points at: the admin's list of names to curate."""
    mapped = select(_mappings.c.company_id)
    stmt = (
        select(_companies)
        .where(_companies.c.id.not_in(mapped))
        .order_by(_companies.c.name, _companies.c.id)
        .offset(offset)
        .limit(first)
    )
    return list(conn.execute(stmt))


def mappings(
    conn: Connection, *, company_id: int | None, first: int, offset: int
) -> list[Row[Any]]:
    """Company mappings, optionally of one company."""
    stmt = select(_mappings).order_by(_mappings.c.variant).offset(offset).limit(first)
    if company_id is not None:
        stmt = stmt.where(_mappings.c.company_id == company_id)
    return list(conn.execute(stmt))

"""Crawl history: runs per source, the latest run of each source and the unhealthy ones."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Row, func, select

from aeroscrap.db.models import CrawlRun

_runs = CrawlRun.__table__


def runs(
    conn: Connection, *, source: str | None, status: str | None, first: int, offset: int
) -> list[Row[Any]]:
    """Runs, newest first."""
    stmt = select(_runs).order_by(_runs.c.started_at.desc(), _runs.c.id.desc())
    if source is not None:
        stmt = stmt.where(_runs.c.source == source)
    if status is not None:
        stmt = stmt.where(_runs.c.status == status)
    return list(conn.execute(stmt.offset(offset).limit(first)))


def latest_runs(conn: Connection, statuses: Sequence[str] | None = None) -> list[Row[Any]]:
    """The latest run of every source (optionally only those whose latest run has a status)."""
    newest = func.row_number().over(
        partition_by=_runs.c.source, order_by=(_runs.c.started_at.desc(), _runs.c.id.desc())
    )
    ranked = select(_runs, newest.label("newest")).subquery()
    stmt = select(*(ranked.c[c.name] for c in _runs.columns)).where(ranked.c.newest == 1)
    if statuses is not None:
        stmt = stmt.where(ranked.c.status.in_(list(statuses)))
    return list(conn.execute(stmt.order_by(ranked.c.source)))


def runs_by_status(conn: Connection) -> dict[str, int]:
    """{status: number of runs}."""
    stmt = select(_runs.c.status, func.count()).group_by(_runs.c.status)
    return {status: int(n) for status, n in conn.execute(stmt)}

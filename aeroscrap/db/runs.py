"""crawl_runs bookkeeping and the per-source lock that keeps two crawls of one source apart."""

from __future__ import annotations

import fcntl
import os
import socket
import time
import zlib
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection, Engine, exists, or_, select, text, update
from sqlalchemy.exc import OperationalError

from aeroscrap.db.models import CrawlRun, Job, JobSource, table_of


def utcnow() -> datetime:
    return datetime.now(UTC)


class SourceLock:
    """Exclusive lock per source, freed by the OS or PostgreSQL when the holder dies (kill -9 too).

    PostgreSQL: a session advisory lock on a dedicated connection, so it also spans scrapyd nodes.
    SQLite: flock on a file beside the database (SQLite runs on one machine anyway).
    """

    def __init__(self, engine: Engine, source: str) -> None:
        self.engine = engine
        self.source = source
        self._conn: Connection | None = None
        self._file: IO[str] | None = None

    def acquire(self) -> bool:
        if self.engine.dialect.name == "postgresql":
            self._conn = self.engine.connect()
            key = zlib.crc32(f"aeroscrap:source:{self.source}".encode())
            got = bool(
                self._conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": key}).scalar()
            )
            self._conn.commit()
            if not got:
                self._conn.close()
                self._conn = None
            return got
        path = Path(self.engine.url.database or "aeroscrap.db").with_suffix(f".{self.source}.lock")
        self._file = path.open("a")
        try:
            fcntl.flock(self._file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._file.close()
            self._file = None
            return False
        return True

    def release(self) -> None:
        if self._conn is not None:
            self._conn.close()  # closing the session frees its advisory locks
            self._conn = None
        if self._file is not None:
            fcntl.flock(self._file, fcntl.LOCK_UN)
            self._file.close()
            self._file = None


def start_run(engine: Engine, source: str, *, status: str = "running", **fields: Any) -> int:
    """Insert a crawl_runs row for this process and return its id."""
    now = utcnow()
    values = {
        "source": source,
        "status": status,
        "started_at": now,
        "heartbeat_at": now,
        "pid": os.getpid(),
        "hostname": socket.gethostname(),
        **fields,
    }
    if status != "running":
        values["finished_at"] = now
    with engine.begin() as conn:
        return int(
            conn.execute(
                table_of(CrawlRun).insert().values(values).returning(CrawlRun.id)
            ).scalar_one()
        )


def abort_stale_runs(engine: Engine, source: str, *, current_run: int) -> int:
    """Mark this source's other 'running' rows aborted; called while holding the source lock,
    so any such row belongs to a process that died (kill -9, OOM, lost node)."""
    table = table_of(CrawlRun)
    with engine.begin() as conn:
        result = conn.execute(
            update(table)
            .where(table.c.source == source, table.c.status == "running", table.c.id != current_run)
            .values(
                status="aborted", finished_at=utcnow(), message="process died; found at next start"
            )
        )
    return int(result.rowcount or 0)


def update_run(engine: Engine, run_id: int, **values: Any) -> None:
    table = table_of(CrawlRun)
    with engine.begin() as conn:
        conn.execute(update(table).where(table.c.id == run_id).values(**values))


def update_run_retrying(
    engine: Engine, run_id: int, *, delays: tuple[float, ...] = (0.5, 1, 2, 4, 8), **values: Any
) -> None:
    """update_run that rides out a short database outage: the end of a run must be recorded,
    or the next start would mistake a finished run for a dead one."""
    for delay in (*delays, None):
        try:
            update_run(engine, run_id, **values)
            return
        except OperationalError:
            if delay is None:
                raise
            time.sleep(delay)


def previous_finished_count(engine: Engine, source: str, *, before_run: int) -> int | None:
    """items_found of the source's last finished run before this one (for the drop warning)."""
    table = table_of(CrawlRun)
    with engine.connect() as conn:
        return conn.execute(
            select(table.c.items_found)
            .where(table.c.source == source, table.c.status == "finished", table.c.id < before_run)
            .order_by(table.c.id.desc())
            .limit(1)
        ).scalar()


def expire_unseen(engine: Engine, source: str, *, runs_required: int) -> int:
    """Expire the source's active jobs that its last `runs_required` finished runs did not see,
    and any active job past its valid_through; returns how many jobs expired.

    Called after a complete run finished: never after an empty, blocked or partial one.
    """
    table, sightings, crawl = table_of(Job), table_of(JobSource), table_of(CrawlRun)
    with engine.begin() as conn:
        starts = list(
            conn.execute(
                select(crawl.c.started_at)
                .where(crawl.c.source == source, crawl.c.status == "finished")
                .order_by(crawl.c.id.desc())
                .limit(runs_required)
            ).scalars()
        )
        expired = conn.execute(
            update(table)
            .where(table.c.status == "active", table.c.valid_through < utcnow().date())
            .values(status="expired", updated_at=utcnow())
        ).rowcount
        if len(starts) < runs_required:
            return int(expired or 0)
        since = starts[-1]
        # A job still listed elsewhere (a merged copy on another site) or seen since stays.
        seen = exists().where(
            sightings.c.job_id == table.c.id,
            or_(sightings.c.source != source, sightings.c.last_seen >= since),
        )
        unseen = conn.execute(
            update(table)
            .where(table.c.source == source, table.c.status == "active", ~seen)
            .values(status="expired", updated_at=utcnow())
        ).rowcount
    return int(expired or 0) + int(unseen or 0)

"""Re-derive the dedup keys of stored jobs with the rules installed now (`aeroscrap db rekey`).

A new release may read a company, a title or a base differently ("Aerovías del Continente
Americano S.A. Avianca" is now Avianca). Jobs stored before keep the blocking keys and dedup
features of the old rules, so a new copy of one of them would be looked for in the wrong block
and stored twice. This reads each job's raw record (jobs.raw_json plus the advert in
jobs.description), normalises it and derives its dedup columns as ingest does (not the
requirements or the search text, which the keys do not need), and rewrites them where they
differ. Nothing a user sees changes: not the job's fields, not updated_at.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, bindparam, select, update

from aeroscrap.company_directory import CompanyDirectory
from aeroscrap.db.models import Job, table_of
from aeroscrap.dedup import dedup_key
from aeroscrap.ingest import dedup_columns
from aeroscrap.normalize.record import normalize_job

# What dedup_columns derives.
_DERIVED = ("block_key", "base_key", "ref_key", "dedup_features")


@dataclass
class RekeyCounts:
    read: int = 0
    rekeyed: int = 0
    # Jobs without a raw record to derive keys from: theirs stay as they are.
    skipped: int = 0


def rekey_jobs(engine: Engine, *, batch_size: int = 500, progress: bool = False) -> RekeyCounts:
    """Rewrite block_key, base_key, ref_key and dedup_features of every job that needs it."""
    counts = RekeyCounts()
    directory = CompanyDirectory.load(engine)
    jobs = table_of(Job)
    read = select(jobs.c.id, jobs.c.raw_json, jobs.c.description, *(jobs.c[n] for n in _DERIVED))
    write = (
        update(jobs)
        .where(jobs.c.id == bindparam("job_id"))
        .values({name: bindparam(name) for name in _DERIVED})
    )
    last_id = 0
    while True:
        # Keyset batches, each in its own transaction: a crawl storing meanwhile waits for one
        # batch at most, and an interrupted run keeps what it did.
        with engine.begin() as conn:
            rows = conn.execute(
                read.where(jobs.c.id > last_id).order_by(jobs.c.id).limit(batch_size)
            ).all()
            if not rows:
                break
            last_id = rows[-1].id
            changed = [new for row in rows if (new := _rekeyed(row, directory, counts)) is not None]
            if changed:
                conn.execute(write, changed)
        counts.read += len(rows)
        counts.rekeyed += len(changed)
        if progress:
            print(f"\rre-keyed {counts.rekeyed} of {counts.read} jobs", end="", file=sys.stderr)
    if progress:
        print(file=sys.stderr)
    return counts


def _rekeyed(row: Any, directory: CompanyDirectory, counts: RekeyCounts) -> dict[str, Any] | None:
    """The job's new derived values, or None when they are unchanged or cannot be derived."""
    if not isinstance(row.raw_json, dict):
        counts.skipped += 1
        return None
    # A stored job passed validation once; normalising never raises.
    job = normalize_job({**row.raw_json, "description": row.description}, directory=directory)
    new = dedup_columns(dedup_key(job))
    # As the database gives it back (JSON has lists, not tuples), so that equal compares equal.
    new["dedup_features"] = json.loads(json.dumps(new["dedup_features"]))
    if all(getattr(row, name) == value for name, value in new.items()):
        return None
    return {"job_id": row.id, **new}

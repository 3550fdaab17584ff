"""Storage throughput: repository.upsert_jobs (batched, full-text index kept) vs one job per transaction.

Usage: .venv/bin/python bench/storage.py [--quick] [--rows N] [--naive-rows N] [--db postgresql|sqlite]

For each database, in one run, each way into a freshly migrated database of its own, the ways
taking turns batch by batch (so load from other work slows them alike):
  upsert        repository.upsert_jobs, 500 rows per call and transaction, full-text index on
                (PostgreSQL generated tsvector + GIN, SQLite FTS5 triggers), N new rows;
  upsert again  the same call re-writing N/5 of those rows with a changed description (update path);
  no FTS index  the first pass again with the full-text index dropped: what the index costs;
  naive INSERT  the original system's way: one INSERT and one transaction per job;
  naive ORM     session.add(Job(...)) + commit() per job.
The naive ways run on the first --naive-rows rows only (their rate is flat, and a nearly empty table
flatters them) and are reported as a rate. Jobs have ~2 KB descriptions; raw_json holds the rest of the
record, as the product stores it. Last line: RESULT pg_upsert_per_s=.. pg_naive_per_s=.. pg_ratio=.. ...
(ratio = upsert rate / the faster naive rate; fts_cost = rate without the index / rate with it).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import math
import random
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

from _common import (
    ROOT,
    Stopwatch,
    database,
    drop_fulltext,
    filler_sentences,
    load_samples,
    migrate,
    pad_text,
    rate,
    result_line,
    table,
)
from sqlalchemy import Engine, insert
from sqlalchemy.orm import Session

from aeroscrap import ingest
from aeroscrap.db import repository
from aeroscrap.db.models import Job
from aeroscrap.db.session import make_engine
from aeroscrap.requirements import job_requirements

BATCH = 500
DESCRIPTION_CHARS = 2_000
_NOW = datetime(2026, 11, 20, 12, tzinfo=UTC)


class RowMaker:
    """Deterministic job rows in the shape ingest writes them: row i is the same in every pass."""

    def __init__(self) -> None:
        self.samples = load_samples()
        self.sentences = filler_sentences(self.samples)
        companies = json.loads((ROOT / "aeroscrap" / "data" / "companies.json").read_text("utf-8"))
        self.companies = [c["name"] for c in companies]
        # Requirements come from the sample's own text: computing them per padded row would
        # make generating 100,000 rows slower than storing them.
        self.requirements = [
            job_requirements(s["title"], s.get("description") or "") for s in self.samples
        ]

    def row(self, i: int, revision: int = 0) -> dict[str, Any]:
        """Job row number i; a new revision changes its description (and content hash)."""
        rng = random.Random(i * 7919 + revision)
        sample = self.samples[i % len(self.samples)]
        company = self.companies[rng.randrange(len(self.companies))]
        title = sample["title"]
        location = sample.get("location") or ""
        description = pad_text(sample["description"], self.sentences, DESCRIPTION_CHARS, rng)
        url = f"https://jobs.example.com/{sample['source']}/{i}/{revision and 'r'}"
        raw = {k: v for k, v in sample.items() if k != "description"}
        raw.update(url=url, company=company)
        posted = date(2026, 11, 1) - timedelta(days=i % 60)
        requirements = self.requirements[i % len(self.samples)]
        search = ingest.search_text(
            title, company, location, ingest.requirement_terms(requirements), description
        )
        return {
            "url": url,
            # One URL per job across revisions: a revision is an update of the same key.
            "url_hash": repository.url_hash(url.rsplit("/", 1)[0]),
            "source": sample["source"],
            "source_job_id": str(i),
            "title": title,
            "normalized_title": title.lower(),
            "company": company,
            "company_id": None,
            "location": location,
            "city": None,
            "country_code": None,
            "operation_type": "airline",
            "senior_flag": False,
            "contract_type": "permanent",
            "posted_date": posted,
            "posted_estimated": False,
            "valid_through": None,
            "salary_min": None,
            "salary_max": None,
            "salary_currency": None,
            "salary_period": None,
            "apply_url": None,
            "description": description,
            "description_truncated": False,
            "status": "active",
            "requirements": requirements,
            "block_key": f"{company.lower()}|{title.split()[-1].lower()}",
            "dedup_features": {"role_text": title.lower(), "advertiser": company.lower()},
            "search_text": search,
            "raw_json": raw,
            "content_hash": hashlib.sha256(description.encode()).hexdigest(),
            "last_checked": _NOW,
            "created_at": _NOW,
            "updated_at": _NOW,
        }

    def batches(self, count: int, revision: int = 0) -> Iterator[list[dict[str, Any]]]:
        """Rows 0..count-1 in batches of BATCH."""
        for start in range(0, count, BATCH):
            yield [self.row(i, revision) for i in range(start, min(count, start + BATCH))]


def _upsert(engine: Engine, batch: list[dict[str, Any]], watch: Stopwatch) -> None:
    with watch, engine.begin() as conn:
        repository.upsert_jobs(conn, batch)


def _naive_insert(engine: Engine, rows: list[dict[str, Any]], watch: Stopwatch) -> None:
    statement = insert(Job)
    for row in rows:
        with watch, engine.begin() as conn:
            conn.execute(statement, row)


def _naive_orm(engine: Engine, rows: list[dict[str, Any]], watch: Stopwatch) -> None:
    with Session(engine) as session:
        for row in rows:
            with watch:
                session.add(Job(**row))
                session.commit()


WAYS: dict[str, Callable[[Engine, list[dict[str, Any]], Stopwatch], None]] = {
    "upsert": _upsert,
    "no_fts": _upsert,
    "naive_insert": _naive_insert,
    "naive_orm": _naive_orm,
}


def measure(kind: str, maker: RowMaker, rows: int, naive_rows: int) -> dict[str, float]:
    """Rates (rows/s) of every way of writing, for one database.

    The ways take turns batch by batch, each on its own database, so that a burst of load from
    other work on the machine slows them all alike and the ratios stay fair.
    """
    watches = {way: Stopwatch() for way in WAYS}
    with contextlib.ExitStack() as stack:
        engines: dict[str, Engine] = {}
        for way in WAYS:
            url = stack.enter_context(database(kind, f"aeroscrap_bench_storage_{way}"))
            migrate(url)
            engines[way] = make_engine(url)
            stack.callback(engines[way].dispose)
        drop_fulltext(engines["no_fts"])
        batches = math.ceil(rows / BATCH)
        naive_step = max(1, math.ceil(naive_rows / batches))
        for number, batch in enumerate(maker.batches(rows)):
            for way in ("upsert", "no_fts"):
                WAYS[way](engines[way], batch, watches[way])
            start = number * naive_step
            naive = [maker.row(i) for i in range(start, min(naive_rows, start + naive_step))]
            for way in ("naive_insert", "naive_orm"):
                WAYS[way](engines[way], naive, watches[way])
        updates = max(1, rows // 5)
        update_watch = Stopwatch()
        for batch in maker.batches(updates, revision=1):
            _upsert(engines["upsert"], batch, update_watch)
    result = {
        way: rate(naive_rows if "naive" in way else rows, w.wall) for way, w in watches.items()
    }
    result["update"] = rate(updates, update_watch.wall)
    return result


def main(argv: list[str] | None = None) -> int:
    """Measure, print the table and the RESULT line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10,000 rows (under a minute)")
    parser.add_argument("--rows", type=int, help="rows of the batched upsert (default 100,000)")
    parser.add_argument("--naive-rows", type=int, help="rows of each naive run (default 3,000)")
    parser.add_argument("--db", choices=("postgresql", "sqlite"), action="append")
    args = parser.parse_args(argv)
    rows = args.rows or (10_000 if args.quick else 100_000)
    naive_rows = args.naive_rows or (600 if args.quick else 3_000)
    kinds = args.db or ["postgresql", "sqlite"]
    maker = RowMaker()
    results = {kind: measure(kind, maker, rows, naive_rows) for kind in kinds}

    labels = (
        ("upsert", f"upsert_jobs x{BATCH}/txn, FTS on", rows),
        ("update", "  same, re-upsert changed rows", max(1, rows // 5)),
        ("no_fts", "  same, FTS index dropped", rows),
        ("naive_insert", "naive: 1 INSERT per transaction", naive_rows),
        ("naive_orm", "naive: ORM add + commit per row", naive_rows),
    )
    body = []
    for kind, rates in results.items():
        naive = max(rates["naive_insert"], rates["naive_orm"])
        for key, label, count in labels:
            body.append(
                (kind, label, count, rates[key], f"{rates[key] / naive:.1f}x" if naive else "-")
            )
    print(f"{rows:,} jobs, ~{DESCRIPTION_CHARS:,}-char descriptions; naive runs on {naive_rows:,}")
    print(table(("database", "method", "rows", "rows/s", "vs faster naive"), body))
    summary: dict[str, Any] = {"rows": rows}
    for kind, rates in results.items():
        prefix = "pg" if kind == "postgresql" else "sqlite"
        naive = max(rates["naive_insert"], rates["naive_orm"])
        ratio = rates["upsert"] / naive if naive else 0.0
        fts_cost = rates["no_fts"] / rates["upsert"] if rates["upsert"] else 0.0
        print(
            f"{kind}: upsert {ratio:.1f}x the faster naive way (target >= 5x on PostgreSQL); "
            f"the full-text index costs {fts_cost:.2f}x (rate without it / with it)"
        )
        summary.update(
            {
                f"{prefix}_upsert_per_s": rates["upsert"],
                f"{prefix}_update_per_s": rates["update"],
                f"{prefix}_nofts_per_s": rates["no_fts"],
                f"{prefix}_naive_per_s": naive,
                f"{prefix}_ratio": ratio,
                f"{prefix}_fts_cost": fts_cost,
            }
        )
    print(result_line(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())

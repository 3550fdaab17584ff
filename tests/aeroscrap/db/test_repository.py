"""The repository's upserts and full-text index on both databases."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, func, select

from aeroscrap.db import repository
from aeroscrap.db.models import Job, JobSource
from aeroscrap.dedup import MAX_POSTED_GAP_DAYS, DedupKey, match
from aeroscrap.ingest import Prepared, _job_row, block_probe, prepare
from graphql_api.queries.search import match_condition, search_terms

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "jobs"


def job_row(n: int, **overrides: Any) -> dict[str, Any]:
    url = f"https://jobs.example/job/{n}"
    row: dict[str, Any] = {
        "url": url,
        "url_hash": repository.url_hash(url),
        "source": "test",
        "source_job_id": str(n),
        "title": f"A320 Captain {n}",
        "normalized_title": f"a320 captain {n}",
        "company": "Example Air",
        "company_id": None,
        "location": "Dublin, Ireland",
        "city": "dublin",
        "country_code": "IE",
        "operation_type": "airline",
        "senior_flag": True,
        "contract_type": "permanent",
        "posted_date": None,
        "posted_estimated": False,
        "valid_through": None,
        "salary_min": None,
        "salary_max": None,
        "salary_currency": None,
        "salary_period": None,
        "apply_url": None,
        "description": "Fly the A320 from Dublin.",
        "description_truncated": False,
        "status": "active",
        "requirements": None,
        "block_key": "example air|captain",
        "dedup_features": None,
        "search_text": f"a320 captain {n} example air dublin zurich",
        "raw_json": {"n": n},
        "content_hash": f"h{n}",
        "last_checked": NOW,
        "created_at": NOW,
        "updated_at": NOW,
    }
    row.update(overrides)
    return row


def test_same_url_twice_in_one_batch_makes_one_row(engine: Engine) -> None:
    with engine.begin() as conn:
        ids = repository.upsert_jobs(conn, [job_row(1), job_row(1, title="Changed")])
        assert len(ids) == 1
    with engine.connect() as conn:
        titles = conn.execute(select(Job.title)).scalars().all()
    assert titles == ["Changed"]


def test_batches_in_one_transaction_and_omitted_columns(engine: Engine) -> None:
    # Several batches may share a transaction (PostgreSQL stages each batch in one table), and
    # a column left out of every row keeps its default, as with a plain INSERT.
    with engine.begin() as conn:
        first = repository.upsert_jobs(conn, [job_row(1), job_row(2)])
        second = repository.upsert_jobs(conn, [job_row(2, title="Two again"), job_row(3)])
        minimal = job_row(4)
        for optional in ("status", "requirements", "city", "ref_key"):
            minimal.pop(optional, None)
        fourth = repository.upsert_jobs(conn, [minimal])
    assert len(first) == 2 and len(second) == 2 and len(fourth) == 1
    with engine.connect() as conn:
        rows = conn.execute(select(Job.title, Job.status).order_by(Job.id)).all()
    assert [r.title for r in rows] == [
        job_row(1)["title"],
        "Two again",
        *(job_row(n)["title"] for n in (3, 4)),
    ]
    assert {r.status for r in rows} == {"active"}


def test_upsert_is_idempotent_and_updated_at_moves_only_on_change(engine: Engine) -> None:
    later = datetime(2026, 11, 21, tzinfo=UTC)
    with engine.begin() as conn:
        first = repository.upsert_jobs(conn, [job_row(1), job_row(2)])
    with engine.begin() as conn:
        again = repository.upsert_jobs(
            conn,
            [
                job_row(1, last_checked=later, updated_at=later),
                job_row(2, last_checked=later, updated_at=later, content_hash="new", title="New"),
            ],
        )
    assert again == first
    with engine.connect() as conn:
        rows = {r.id: r for r in conn.execute(select(Job.id, Job.updated_at, Job.last_checked))}
    unchanged, changed = rows[first[job_row(1)["url_hash"]]], rows[first[job_row(2)["url_hash"]]]
    assert unchanged.updated_at.replace(tzinfo=UTC) == NOW
    assert unchanged.last_checked.replace(tzinfo=UTC) == later
    assert changed.updated_at.replace(tzinfo=UTC) == later


def test_nul_and_very_long_text_are_stored(engine: Engine) -> None:
    # The repository stores what the normaliser hands it; PostgreSQL rejects NUL, so the
    # normaliser strips it. Here: very long text and a 3,000-character URL fit both databases.
    long_url = "https://jobs.example/" + "x" * 3000
    row = job_row(
        9, url=long_url, url_hash=repository.url_hash(long_url), description="d" * 100_000
    )
    with engine.begin() as conn:
        ids = repository.upsert_jobs(conn, [row])
    with engine.connect() as conn:
        stored = conn.execute(select(Job.url, func.length(Job.description))).one()
    assert len(ids) == 1
    assert stored == (long_url, 100_000)


def test_sources_keep_first_seen_and_repoint(engine: Engine) -> None:
    later = datetime(2026, 11, 22, tzinfo=UTC)
    with engine.begin() as conn:
        ids = list(repository.upsert_jobs(conn, [job_row(1), job_row(2)]).values())
        source = {
            "job_id": ids[0],
            "source": "test",
            "source_job_id": "1",
            "url": "https://jobs.example/job/1",
            "url_hash": repository.url_hash("https://jobs.example/job/1"),
            "first_seen": NOW,
            "last_seen": NOW,
        }
        repository.upsert_sources(conn, [source, {**source, "last_seen": later}])
    with engine.begin() as conn:
        repository.upsert_sources(conn, [{**source, "job_id": ids[1], "last_seen": later}])
    with engine.connect() as conn:
        rows = conn.execute(
            select(JobSource.job_id, JobSource.first_seen, JobSource.last_seen)
        ).all()
        by_source = repository.job_ids_by_source_id(conn, [("test", "1"), ("test", "404")])
    assert len(rows) == 1
    assert rows[0].job_id == ids[1]
    assert rows[0].first_seen.replace(tzinfo=UTC) == NOW
    assert rows[0].last_seen.replace(tzinfo=UTC) == later
    assert by_source == {("test", "1"): ids[1]}


def _search(conn: Connection, query: str) -> list[int]:
    """Job ids the API's full-text search matches, newest first."""
    condition = match_condition(conn, search_terms(query))
    return list(conn.execute(select(Job.id).where(condition).order_by(Job.id.desc())).scalars())


def test_full_text_finds_a_job_right_after_insert_and_update(engine: Engine) -> None:
    with engine.begin() as conn:
        ids = repository.upsert_jobs(conn, [job_row(1), job_row(2)])
    job1 = ids[job_row(1)["url_hash"]]
    with engine.connect() as conn:
        assert _search(conn, "zurich") == sorted(ids.values(), reverse=True)
        assert _search(conn, "heathrow") == []
    with engine.begin() as conn:
        repository.upsert_jobs(
            conn, [job_row(1, search_text="b737 first officer heathrow", content_hash="x")]
        )
    with engine.connect() as conn:
        assert _search(conn, "heathrow") == [job1]
        assert job1 not in _search(conn, "zurich")
        # User text is a literal, never query syntax.
        assert _search(conn, "' OR 'x'='x' --") == []
        assert _search(conn, '"a320" NEAR(x) *') == []
        # Stop words are not indexed, so a query drops them too; one of only stop words finds
        # nothing rather than everything.
        assert _search(conn, "the heathrow of") == [job1]
        assert _search(conn, "the and of") == []


_WORKER = """
import sys
from datetime import UTC, datetime
from aeroscrap.db import repository
from aeroscrap.db.session import make_engine
sys.path.insert(0, sys.argv[2])
from test_repository import job_row
engine = make_engine(sys.argv[1])
for start in range(0, 1000, 100):
    with engine.begin() as conn:
        repository.lock_for_merge(conn)
        repository.upsert_jobs(conn, [job_row(n) for n in range(start, start + 100)])
engine.dispose()
"""


def test_two_processes_upserting_the_same_urls(db_url: str, engine: Engine) -> None:
    here = str(__import__("pathlib").Path(__file__).parent)
    procs = [
        subprocess.Popen([sys.executable, "-c", _WORKER, db_url, here], stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
    with engine.connect() as conn:
        total, distinct = conn.execute(select(func.count(), func.count(Job.url.distinct()))).one()
    assert (total, distinct) == (1000, 1000)


def _store_each(conn: Connection, records: list[Prepared]) -> None:
    """Store every record as a job of its own, not merged into the jobs it duplicates."""
    repository.upsert_jobs(conn, [_job_row(p, None, NOW) for p in records])


def _fetched(conn: Connection, p: Prepared) -> set[int]:
    """Ids candidates_by_block returns for `p`, probed alone with the Ingestor's date window."""
    since = p.job.posted_date - timedelta(days=MAX_POSTED_GAP_DAYS) if p.job.posted_date else None
    return {row.id for row in repository.candidates_by_block(conn, [block_probe(p)], since=since)}


def test_candidates_never_hide_a_stored_match(engine: Engine) -> None:
    # The fetch narrows by block, base, country and date: every stored job the matcher accepts
    # for a record must still come back, or a duplicate would be stored as a new job.
    records = [
        prepare(json.loads(line))
        for name in ("sample_jobs.jsonl", "holdout_jobs.jsonl")
        for line in (FIXTURES / name).read_text("utf-8").splitlines()
    ]
    with engine.begin() as conn:
        _store_each(conn, records)
    with engine.connect() as conn:
        stored = {
            row.id: DedupKey.from_dict(row.dedup_features)
            for row in conn.execute(select(Job.id, Job.dedup_features))
        }
        matches = 0
        for p in records:
            accepted = {job_id for job_id, key in stored.items() if match(p.features, key).same}
            assert accepted <= _fetched(conn, p), p.job.title
            matches += len(accepted)
    assert matches > len(records)  # the fixtures hold real duplicates, not only self-matches


def test_candidates_of_a_record_with_a_base_leave_other_bases_out(engine: Engine) -> None:
    def record(n: int, title: str, location: str) -> Prepared:
        raw = {"source": "test", "url": f"https://jobs.example/{n}", "title": title}
        raw |= {"company": "Example Air", "location": location, "posted": "2026-11-10"}
        return prepare(raw | {"crawl_date": "2026-11-20"})

    dublin = record(1, "A320 Captain", "Dublin, Ireland")
    ireland = record(2, "B737 Captain", "Ireland")
    # The title names the base; the location field, another country.
    cork_in_gb = record(3, "ATR 72 Captain - Cork", "London, United Kingdom")
    france = record(4, "E190 Captain", "France")
    cork = record(5, "A350 Captain", "Cork, Ireland")
    remote = record(6, "A330 Captain", "Remote")
    stored = [dublin, ireland, cork_in_gb, france]
    assert len({p.block_key for p in [*stored, cork, remote]}) == 1
    assert [p.base_key for p in stored] == ["dublin", None, "cork", None]
    with engine.begin() as conn:
        _store_each(conn, stored)
    with engine.connect() as conn:
        ids = {row.url_hash: row.id for row in conn.execute(select(Job.url_hash, Job.id))}
        job = {p.job.title: ids[p.url_hash] for p in stored}
        # Cork meets Cork in any country and the no-city jobs of its country, never Dublin.
        assert _fetched(conn, cork) == {job["ATR 72 Captain - Cork"], job["B737 Captain"]}
        # A record without a city could be any base of its country; a remote one, any job.
        assert _fetched(conn, ireland) == {job["A320 Captain"], job["B737 Captain"]}
        assert _fetched(conn, remote) == set(job.values())


def test_records_with_a_reference_skip_the_other_references_of_their_block(engine: Engine) -> None:
    def record(n: int, ref: str | None) -> Prepared:
        description = "Licensed engineer for our client's line station." + (
            f" Ref: {ref}" if ref else ""
        )
        raw = {"source": "test", "url": f"https://jobs.example/{n}", "title": "B1 Engineer"}
        raw |= {"company": "Goose Recruitment", "location": "Dublin, Ireland"}
        return prepare(raw | {"description": description, "posted": "2026-11-10"})

    gr1, gr2, plain = record(1, "GR12345"), record(2, "GR67890"), record(3, None)
    assert len({p.block_key for p in (gr1, gr2, plain)}) == 1
    assert gr1.ref_key and gr2.ref_key and plain.ref_key is None
    with engine.begin() as conn:
        _store_each(conn, [gr1, gr2, plain])
    with engine.connect() as conn:
        ids = {row.url_hash: row.id for row in conn.execute(select(Job.url_hash, Job.id))}
        first, _other, unreferenced = (ids[p.url_hash] for p in (gr1, gr2, plain))
        repost = record(4, "GR12345")
        # Another reference decides "different job": only its own and the unreferenced are read.
        assert _fetched(conn, repost) == {first, unreferenced}
        assert _fetched(conn, record(5, None)) == set(ids.values())
        # A block also probed by a record without a reference is read whole for both.
        rows = repository.candidates_by_block(conn, [block_probe(repost), block_probe(plain)])
        assert {row.id for row in rows} == set(ids.values())

"""`aeroscrap ingest` and the admin ingest path: the stored result of the labelled sample."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select

from aeroscrap.db.models import Job, JobSource
from aeroscrap.ingest import MAX_SEARCH_CHARS, ingest_records
from aeroscrap.normalize.url import canonical_url
from graphql_api.queries.search import match_condition, search_terms
from scripts.eval_jobs import score_dedup

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests/fixtures/jobs/sample_jobs.jsonl"
LABELS = ROOT / "tests/fixtures/jobs/sample_labels.jsonl"


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def test_ingest_command_stores_the_sample_deduplicated(
    db_url: str, engine: Engine, tmp_path: Path
) -> None:
    report = tmp_path / "report.jsonl"
    result = subprocess.run(
        [sys.executable, "-m", "aeroscrap.cli", "ingest", str(SAMPLE), "--report", str(report)],
        env={**__import__("os").environ, "AEROSCRAP_DATABASE_URL": db_url},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    lines = _read(report)
    labels = _read(LABELS)
    assert [line["id"] for line in lines] == [label["id"] for label in labels]
    scores = score_dedup([str(line["job_id"]) for line in lines], labels)
    # Issue 3 targets, on the database path (not only the in-memory evaluation).
    assert scores.precision >= 0.98
    assert scores.recall >= 0.95
    for field in ("country_code", "operation_type", "senior_flag", "posted_date"):
        right = sum(line[field] == label[field] for line, label in zip(lines, labels, strict=True))
        assert right / len(labels) >= 0.95, field
    with engine.connect() as conn:
        jobs = conn.execute(select(func.count()).select_from(Job)).scalar_one()
        sightings = conn.execute(select(func.count(JobSource.url_hash.distinct()))).scalar_one()
    assert jobs == len({line["job_id"] for line in lines})
    # Nothing scraped is lost: every distinct canonical URL is kept as a sighting.
    assert sightings == len({canonical_url(r["url"]) for r in _read(SAMPLE)})


def test_reingesting_is_idempotent_and_bad_records_are_dropped(engine: Engine) -> None:
    records = _read(SAMPLE)[:50]
    first = ingest_records(engine, records)
    with engine.connect() as conn:
        before = conn.execute(
            select(Job.id, Job.content_hash, Job.updated_at).order_by(Job.id)
        ).all()
    second = ingest_records(engine, records)
    assert [r.job_id for r in first] == [r.job_id for r in second]
    with engine.connect() as conn:
        after = conn.execute(
            select(Job.id, Job.content_hash, Job.updated_at).order_by(Job.id)
        ).all()
    assert after == before
    # Records whose URL appears once in the input change nothing the second time.
    urls = [canonical_url(r["url"]) for r in records]
    assert all(
        r.action == "duplicate" for r, u in zip(second, urls, strict=True) if urls.count(u) == 1
    )
    dropped = ingest_records(
        engine,
        [
            {"source": "x", "url": "https://a.example/1", "title": "  "},
            {"source": "x", "url": "ftp://a.example/1", "title": "Captain"},
            {"source": "x", "url": "https://a.example/" + "x" * 3000, "title": "Captain"},
        ],
    )
    assert [r.action for r in dropped] == ["dropped"] * 3
    assert [r.reason.split(":")[0] for r in dropped] == ["missing_title", "bad_url", "url_too_long"]


def _inserted(engine: Engine, record: dict[str, Any]) -> Any:
    """The stored row of a record ingested as a new job."""
    (result,) = ingest_records(engine, [record])
    assert result.action == "inserted"
    with engine.connect() as conn:
        return conn.execute(select(Job).where(Job.id == result.job_id)).one()._mapping


def test_duplicates_inside_one_batch_make_one_job(engine: Engine) -> None:
    record = _read(SAMPLE)[0]
    again = {**record, "url": record["url"] + "?utm_source=x#apply"}
    results = ingest_records(engine, [record, again, record])
    assert [r.action for r in results] == ["inserted", "duplicate", "duplicate"]
    assert len({r.job_id for r in results}) == 1
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(JobSource)).scalar_one() == 1


def test_hostile_text_is_stored_on_both_databases(engine: Engine) -> None:
    record = {
        "source": "test",
        "url": "https://jobs.example/zurich",
        "title": "A320 Captain\x00 – Zürich \u202e\ud800 😀",
        "company": "Swiss\x07 International Air Lines",
        "location": "Zürich, Schweiz",
        "description": "d" * 5_000_000,
        "posted": "31/02/2026",
        "crawl_date": "2026-11-20",
    }
    job = _inserted(engine, record)
    assert "\x00" not in job["title"] and "Zürich" in job["title"]
    assert job["country_code"] == "CH"
    assert job["posted_date"] is None
    assert job["raw_json"]["posted"] == "31/02/2026"
    assert len(job["description"]) == 100_000 and job["description_truncated"]
    # The advert is stored once, in jobs.description, not again in raw_json.
    assert "description" not in job["raw_json"] and job["raw_json"]["url"] == record["url"]


def test_derived_text_longer_than_its_column_is_cut_not_refused(engine: Engine) -> None:
    place = "Aerodrome " + "Westside Hangar Complex " * 6  # not a known place: kept as the city
    company = "Northern Regional Aviation Maintenance Services " * 5
    record = {
        "source": "test",
        "url": "https://jobs.example/long-city",
        "title": "B1 Licensed Engineer",
        "company": company,
        "location": f"{place}, Ireland",
        "description": "Line maintenance. Ref: AB12345",
        "crawl_date": "2026-11-20",
    }
    job = _inserted(engine, record)
    assert job["country_code"] == "IE"
    assert 100 < len(job["city"]) <= Job.__table__.c.city.type.length
    assert len(job["block_key"]) <= Job.__table__.c.block_key.type.length
    # The cut keys are the ones probed: the same advert again is the same job.
    (again,) = ingest_records(engine, [{**record, "url": "https://jobs.example/long-city-2"}])
    assert again.job_id == job["id"] and again.action != "inserted"


def test_shown_url_keeps_the_sites_scheme_and_host_without_tracking() -> None:
    from aeroscrap.ingest import display_url

    raw = "http://WWW.Example.com:8080/job/12?utm_source=x&jobId=7#apply"
    assert display_url(raw, canonical_url(raw)) == "http://WWW.Example.com:8080/job/12?jobId=7"


def test_search_finds_the_licences_and_types_an_advert_asks_for_anywhere(engine: Engine) -> None:
    # Only the opening of a description is indexed, but the licence and aircraft type codes
    # read from the whole advert are always in the index.
    filler = "Our airline is growing and offers a friendly team with great rosters. " * 60
    record = {
        "url": "https://jobs.example/late-requirements",
        "title": "Captain",
        "company": "Example Air",
        "location": "Dublin, Ireland",
        "description": filler + "Requirements: EASA ATPL and a valid B737 type rating.",
        "crawl_date": "2026-11-20",
    }
    (result,) = ingest_records(engine, [record])
    with engine.connect() as conn:
        stored = conn.execute(select(Job.search_text).where(Job.id == result.job_id)).scalar_one()

        def found(query: str) -> bool:
            condition = match_condition(conn, search_terms(query))
            return conn.execute(select(Job.id).where(condition)).scalars().all() == [result.job_id]

        assert found("b737 captain") and found("atpl dublin") and found("rosters")
        assert not found("requirements valid")  # late plain words are beyond the indexed opening
    assert len(stored) <= MAX_SEARCH_CHARS

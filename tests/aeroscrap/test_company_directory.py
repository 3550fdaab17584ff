"""Company mappings in the database decide ingestion: admin edits, staleness checks, the seed."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select, update

from aeroscrap.company_directory import CompanyDirectory, directory_for
from aeroscrap.db import repository, seed
from aeroscrap.db.models import CompanyMapping, Job, table_of
from aeroscrap.ingest import Ingestor, ingest_records, prepare
from aeroscrap.items import JobItem
from aeroscrap.normalize.company import variant_key
from aeroscrap.normalize.record import normalize_job
from aeroscrap.pipelines.normalize import NormalizePipeline

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures/jobs/sample_jobs.jsonl"


def _record(n: int, company: str, **overrides: Any) -> dict[str, Any]:
    return {
        "source": "aviationjobsearch",
        "url": f"https://jobs.example/{n}",
        "title": "B1 Licensed Engineer",
        "company": company,
        "location": "Amsterdam, Netherlands",
        "posted": "2026-11-01",
        "crawl_date": "2026-11-20",
        "description": "Line maintenance on A320 family aircraft at Schiphol.",
        **overrides,
    }


def _company(engine: Engine, name: str, kind: str, country: str) -> int:
    key = name.lower()
    row = {
        "key": key,
        "name": name,
        "operation_type": kind,
        "country_code": country,
        "is_agency": False,
        "curated": True,
    }
    with engine.begin() as conn:
        return repository.upsert_companies(conn, [row])[key]


def _map(engine: Engine, spelling: str, company_id: int) -> int:
    with engine.begin() as conn:
        repository.upsert_mappings(
            conn, [{"variant": variant_key(spelling), "company_id": company_id}]
        )
        stmt = select(CompanyMapping.id).where(CompanyMapping.variant == variant_key(spelling))
        return int(conn.execute(stmt).scalar_one())


def _job(engine: Engine, job_id: int | None) -> Any:
    with engine.connect() as conn:
        stmt = select(Job.company, Job.operation_type, Job.company_id).where(Job.id == job_id)
        return conn.execute(stmt).one()


def test_an_admin_mapping_decides_the_next_ingested_record(engine: Engine) -> None:
    (before,) = ingest_records(engine, [_record(1, "Skyward Ops Ltd")])
    unknown = _job(engine, before.job_id)
    assert (unknown.company, unknown.operation_type) == ("Skyward Ops Ltd", "airline")
    target = _company(engine, "Northwind Technics", "mro", "NL")
    assert unknown.company_id not in {None, target}

    _map(engine, "Skyward Ops Ltd", target)
    results = ingest_records(
        engine,
        [
            _record(2, "Skyward Ops Ltd", title="Planning Engineer"),
            # Not the stored spelling, but the same name once legal forms are dropped.
            _record(3, "SKYWARD OPS LIMITED", title="Stores Controller"),
        ],
    )
    for result in results:
        assert result.action == "inserted"
        assert tuple(_job(engine, result.job_id)) == ("Northwind Technics", "mro", target)


def test_a_running_ingestor_sees_a_mapping_edit_after_its_check(engine: Engine) -> None:
    first = _company(engine, "Northwind Technics", "mro", "NL")
    second = _company(engine, "Polar Cargo", "cargo_airline", "NO")
    mapping_id = _map(engine, "Skyward Ops Ltd", first)
    now = [0.0]
    directory = CompanyDirectory(engine, max_age_s=60, clock=lambda: now[0])
    ingestor = Ingestor(engine, directory=directory)
    directory.refresh()

    titles = ["B1 Licensed Engineer", "Planning Engineer", "Stores Controller", "Cabin Crew"]

    def ingest(n: int) -> int | None:
        record = _record(n, "Skyward Ops Ltd", title=titles[n - 1])
        return ingestor.store([prepare(record, directory=directory)])[0].job_id

    assert _job(engine, ingest(1)).company_id == first
    mappings = table_of(CompanyMapping)
    with engine.begin() as conn:
        conn.execute(update(mappings).where(mappings.c.id == mapping_id).values(company_id=second))
    now[0] = 30.0  # within max_age_s: no query, the crawl keeps its snapshot
    assert _job(engine, ingest(2)).company_id == first
    now[0] = 61.0  # this store checks; records prepared after it see the edit
    assert _job(engine, ingest(3)).company_id == first
    assert tuple(_job(engine, ingest(4))) == ("Polar Cargo", "cargo_airline", second)


def test_refresh_rebuilds_only_when_the_rows_changed(engine: Engine) -> None:
    target = _company(engine, "Northwind Technics", "mro", "NL")
    directory = CompanyDirectory.load(engine, max_age_s=0)
    assert directory.size == 0
    assert directory.refresh() is False
    _map(engine, "NWT", target)
    assert directory.refresh() is True
    assert directory.size == 1
    found = directory.find(" nwt ", "")
    assert found is not None and (found.company_id, found.name) == (target, "Northwind Technics")
    assert directory.refresh() is False
    # The admin API's shared directory is checked on every call.
    assert directory_for(engine) is directory_for(engine)
    _map(engine, "Northwind", target)
    assert directory_for(engine).find("northwind", "") is not None


@pytest.mark.parametrize("mapped", [False, True])
def test_two_spellings_of_one_company_merge_into_one_job(engine: Engine, mapped: bool) -> None:
    if mapped:
        target = _company(engine, "Northwind Technics", "mro", "NL")
        _map(engine, "Northwind Technics", target)
        _map(engine, "NWT Aero Services", target)
    first, second = ingest_records(
        engine,
        [
            _record(1, "Northwind Technics"),
            _record(2, "NWT Aero Services", source="linkedin", url="https://li.example/jobs/2"),
        ],
    )
    assert first.action == "inserted"
    if mapped:
        assert (second.action, second.merged, second.job_id) == ("duplicate", True, first.job_id)
    else:
        assert second.action == "inserted" and second.job_id != first.job_id


def test_seeded_mappings_agree_with_the_rules(db_url: str, engine: Engine) -> None:
    seed.seed_companies(db_url)
    directory = CompanyDirectory.load(engine)
    # Every curated spelling is found in the form the seed stored it.
    for entry in seed.curated_companies():
        for name in (entry["name"], *entry.get("aliases", [])):
            assert directory.find(name, "") is not None, name
    records = [json.loads(line) for line in SAMPLE.read_text("utf-8").splitlines() if line]
    mapped = 0
    for record in records:
        rules, stored = normalize_job(record), normalize_job(record, directory=directory)
        mapped += stored.advertiser.company_id is not None
        assert (stored.advertiser.key, stored.operation_type, stored.country_code) == (
            rules.advertiser.key,
            rules.operation_type,
            rules.country_code,
        )
    assert mapped > len(records) // 3


def test_the_normalize_pipeline_reads_the_mappings(db_url: str, engine: Engine) -> None:
    target = _company(engine, "Northwind Technics", "mro", "NL")
    _map(engine, "Skyward Ops Ltd", target)
    item = JobItem(**_record(1, "Skyward Ops Ltd"))

    async def crawl(url: str) -> int | None:
        pipeline = NormalizePipeline(url, refresh_s=60)
        await pipeline.open_spider()
        try:
            return pipeline.process_item(item).job.advertiser.company_id
        finally:
            await pipeline.close_spider()

    assert asyncio.run(crawl(db_url)) == target
    # A database that cannot be read leaves the rules in charge; the store step reports it.
    assert asyncio.run(crawl("postgresql+psycopg://u:secret@127.0.0.1:1/x")) is None

"""`aeroscrap db rekey`: stored jobs get the dedup keys of the installed rules, on both databases."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, select, update

from aeroscrap.db.models import Job
from aeroscrap.ingest import ingest_records, prepare
from aeroscrap.rekey import rekey_jobs
from tests.aeroscrap.test_cli import aeroscrap

_DERIVED = (Job.block_key, Job.base_key, Job.ref_key, Job.dedup_features, Job.updated_at)


def _record(n: int, company: str, title: str = "A320 Captain") -> dict[str, Any]:
    return {
        "source": "linkedin" if n % 2 else "aviationjobsearch",
        "url": f"https://jobs.example/{n}",
        "title": title,
        "company": company,
        "location": "Bogotá, Colombia",
        "posted": "2026-11-10",
        "crawl_date": "2026-11-20",
        "description": "Captains for our A320 fleet based in Bogotá.",
    }


def _derived(engine: Engine, job_id: int) -> tuple[Any, ...]:
    with engine.connect() as conn:
        return tuple(conn.execute(select(*_DERIVED).where(Job.id == job_id)).one())


def _as_old_rules_stored_it(engine: Engine, job_id: int) -> None:
    # What an earlier release derived for "Aerovías del Continente Americano S.A. Avianca".
    old = "aerovias del continente americano sa avianca"
    with engine.begin() as conn:
        conn.execute(
            update(Job)
            .where(Job.id == job_id)
            .values(
                block_key=f"{old}|captain",
                base_key="bogota dc",
                dedup_features={"advertiser": old, "title": "captain"},
            )
        )


def test_stale_keys_are_rederived_and_a_new_copy_then_merges(engine: Engine) -> None:
    legal = "Aerovías del Continente Americano S.A. Avianca"
    stale, fresh = ingest_records(engine, [_record(1, legal), _record(2, "Avianca", "B787 FO")])
    assert stale.job_id is not None and fresh.job_id is not None
    expected = _derived(engine, stale.job_id)
    untouched = _derived(engine, fresh.job_id)
    _as_old_rules_stored_it(engine, stale.job_id)
    # With the old keys stored, the brand's copy of the same vacancy is not found.
    copy = {**_record(3, "Avianca"), "url": "https://other.example/3"}
    assert prepare(copy).block_key != _derived(engine, stale.job_id)[0]

    counts = rekey_jobs(engine, batch_size=1)

    assert (counts.read, counts.rekeyed, counts.skipped) == (2, 1, 0)
    # The same keys ingest derives, and nothing a user sees changed (updated_at included).
    assert _derived(engine, stale.job_id) == expected
    assert _derived(engine, fresh.job_id) == untouched
    [result] = ingest_records(engine, [copy])
    assert (result.action, result.merged, result.job_id) == ("duplicate", True, stale.job_id)
    assert rekey_jobs(engine).rekeyed == 0


def test_jobs_without_a_raw_record_keep_their_keys(engine: Engine) -> None:
    [stored] = ingest_records(engine, [_record(1, "Avianca")])
    assert stored.job_id is not None
    _as_old_rules_stored_it(engine, stored.job_id)
    with engine.begin() as conn:
        conn.execute(update(Job).where(Job.id == stored.job_id).values(raw_json=None))
    before = _derived(engine, stored.job_id)
    counts = rekey_jobs(engine)
    assert (counts.read, counts.rekeyed, counts.skipped) == (1, 0, 1)
    assert _derived(engine, stored.job_id) == before


def test_the_command_reports_what_it_did(db_url: str, engine: Engine) -> None:
    [stored] = ingest_records(
        engine, [_record(1, "Aerovías del Continente Americano S.A. Avianca")]
    )
    assert stored.job_id is not None
    _as_old_rules_stored_it(engine, stored.job_id)
    done = aeroscrap("db", "rekey", db_url=db_url)
    assert done.returncode == 0, done.stderr
    assert "jobs: 1 read, 1 re-keyed, 0 skipped" in done.stdout
    assert "re-keyed 1 of 1 jobs" in done.stderr

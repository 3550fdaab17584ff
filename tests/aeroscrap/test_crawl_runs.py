"""Crawl records: every status a run can end in, through real crawls of sandbox sites."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, make_url, select

from aeroscrap.db import runs as run_db
from aeroscrap.db.models import Job, JobSource
from aeroscrap.sandbox.server import serve
from tests.support.crawl import (
    FAST,
    aeroscrap_crawl,
    env_for,
    runs,
    scrapy_crawl,
    start_crawl,
    wait_until,
)
from tests.support.tcp_proxy import TcpProxy

JOBS = 12


def _counts(engine: Engine) -> tuple[int, int]:
    with engine.connect() as conn:
        jobs = conn.execute(select(func.count()).select_from(Job)).scalar_one()
        sightings = conn.execute(select(func.count()).select_from(JobSource)).scalar_one()
    return jobs, sightings


def _statuses(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(conn.execute(select(Job.status)).scalars())


def test_finished_run_then_unchanged_recrawl(db_url: str, engine: Engine) -> None:
    with serve(["airindia"], jobs=JOBS) as site:
        first = scrapy_crawl("airindia", site.base_url("airindia"), db_url)
        assert first.returncode == 0, first.output
        with engine.connect() as conn:
            before = dict(conn.execute(select(Job.id, Job.updated_at)).all())
        second = scrapy_crawl("airindia", site.base_url("airindia"), db_url)
        assert second.returncode == 0, second.output
    run1, run2 = runs(engine, "airindia")
    assert run1.status == "finished" and run2.status == "finished"
    assert run1.items_found == JOBS
    assert run1.items_inserted + run1.items_merged == JOBS
    # D9: a re-crawl of an unchanged site inserts and updates nothing.
    assert (run2.items_inserted, run2.items_updated) == (0, 0)
    assert run2.items_unchanged + run2.items_merged == JOBS
    assert _counts(engine)[1] == JOBS
    with engine.connect() as conn:
        after = dict(conn.execute(select(Job.id, Job.updated_at)).all())
    assert after == before


def test_layout_change_is_an_empty_run_that_fails_and_expires_nothing(
    db_url: str, engine: Engine, tmp_path: Path
) -> None:
    with serve(["airindia"], jobs=JOBS) as site:
        assert scrapy_crawl("airindia", site.base_url("airindia"), db_url).returncode == 0
    with serve(["airindia"], jobs=JOBS, faults="layout_v2") as site:
        result = aeroscrap_crawl("airindia", site.base_url("airindia"), db_url, tmp=tmp_path)
    assert result.returncode != 0
    assert "layout changed?" in result.output
    assert runs(engine, "airindia")[-1].status == "empty"
    with engine.connect() as conn:
        statuses = set(conn.execute(select(Job.status)).scalars())
    assert statuses <= {"active", "filled"}


def test_blocked_run_keeps_what_was_scraped(db_url: str, engine: Engine) -> None:
    with serve(["linkedin"], jobs=30, faults="block_after:4") as site:
        result = scrapy_crawl("linkedin", site.base_url("linkedin"), db_url, "RETRY_TIMES=1")
    run = runs(engine, "linkedin")[-1]
    assert run.status == "blocked", result.output
    assert 0 < run.items_found < 30
    assert _counts(engine)[1] == run.items_found - run.items_dropped


def test_second_crawl_of_a_running_source_is_skipped_without_requests(
    db_url: str, engine: Engine
) -> None:
    lock = run_db.SourceLock(engine, "airindia")
    assert lock.acquire()
    try:
        with serve(["airindia"], jobs=JOBS) as site:
            result = scrapy_crawl("airindia", site.base_url("airindia"), db_url)
            requests = site.requests("airindia")
    finally:
        lock.release()
    assert result.returncode == 0
    assert "skipped: airindia already running" in result.output
    assert [r.status for r in runs(engine, "airindia")] == ["skipped"]
    assert requests == []


def test_item_error_makes_the_run_partial(db_url: str, engine: Engine, tmp_path: Path) -> None:
    pipelines = json.dumps(
        {
            "aeroscrap.pipelines.validate.ValidatePipeline": 100,
            "tests.support.boom.BoomPipeline": 150,
            "aeroscrap.pipelines.normalize.NormalizePipeline": 200,
            "aeroscrap.pipelines.store.StorePipeline": 400,
        }
    )
    with serve(["airindia"], jobs=JOBS) as site:
        result = aeroscrap_crawl(
            "airindia",
            site.base_url("airindia"),
            db_url,
            f"ITEM_PIPELINES={pipelines}",
            tmp=tmp_path,
        )
    run = runs(engine, "airindia")[-1]
    assert result.returncode != 0
    assert run.status == "partial"
    assert run.errors >= 1
    assert _counts(engine)[1] == JOBS - 1


def test_database_down_at_start_fails_before_any_request(tmp_path: Path) -> None:
    bad = "postgresql+psycopg://u:s3cret@127.0.0.1:1/x"
    with serve(["airindia"], jobs=JOBS) as site:
        result = scrapy_crawl("airindia", site.base_url("airindia"), bad, timeout=60)
        requests = site.requests("airindia")
    assert result.returncode == 1
    assert "127.0.0.1:1" in result.output
    assert "s3cret" not in result.output
    assert requests == []


@pytest.mark.slow
def test_killed_crawl_is_marked_aborted_and_rerun_converges(
    db_url: str, engine: Engine, tmp_path: Path
) -> None:

    with serve(["airindia"], jobs=60, delay=0.05) as site:
        proc = start_crawl(
            "airindia",
            site.base_url("airindia"),
            db_url,
            "AEROSCRAP_STORE_BATCH=5",
            "AEROSCRAP_STORE_FLUSH_S=0.2",
            log=tmp_path / "crawl.log",
        )
        wait_until(lambda: _counts(engine)[1] >= 5)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        _jobs, sightings = _counts(engine)
        assert 0 < sightings < 60
        result = scrapy_crawl("airindia", site.base_url("airindia"), db_url)
    assert result.returncode == 0, result.output
    assert [r.status for r in runs(engine, "airindia")] == ["aborted", "finished"]
    with engine.connect() as conn:
        total, distinct = conn.execute(
            select(func.count(), func.count(JobSource.url.distinct()))
        ).one()
    assert total == distinct == 60


@pytest.mark.slow
@pytest.mark.postgresql_only  # an embedded SQLite file has no outage to simulate
def test_database_outage_spools_and_next_run_replays(
    db_url: str, engine: Engine, tmp_path: Path
) -> None:

    target = make_url(db_url)
    proxy = TcpProxy(target.host or "127.0.0.1", target.port or 5432)
    proxied = target.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    spool = tmp_path / "spool"
    settings = (
        "AEROSCRAP_STORE_BATCH=3",
        "AEROSCRAP_STORE_FLUSH_S=0.1",
        "AEROSCRAP_STORE_RETRY_DELAYS=0.2,0.2",
        f"AEROSCRAP_SPOOL_DIR={spool}",
    )
    try:
        with serve(["airindia"], jobs=30, delay=0.1) as site:
            log = tmp_path / "crawl.log"
            proc = start_crawl("airindia", site.base_url("airindia"), proxied, *settings, log=log)
            wait_until(lambda: _counts(engine)[1] >= 3)
            proxy.cut()
            time.sleep(1.5)  # longer than the store's retry budget: batches go to the spool
            proxy.restore()
            proc.wait(timeout=120)
            err = log.read_text(errors="replace")
            assert "spooled" in err, err[-3000:]
            assert list(spool.glob("airindia-*.jsonl"))
            assert runs(engine, "airindia")[-1].status == "partial", err[-3000:]
            again = scrapy_crawl(
                "airindia", site.base_url("airindia"), db_url, f"AEROSCRAP_SPOOL_DIR={spool}"
            )
        assert again.returncode == 0, again.output
        assert "replayed" in again.output
        assert not list(spool.glob("*.jsonl"))
        assert [r.status for r in runs(engine, "airindia")] == ["partial", "finished"]
        with engine.connect() as conn:
            total, distinct = conn.execute(
                select(func.count(), func.count(JobSource.url.distinct()))
            ).one()
        assert total == distinct == 30
    finally:
        proxy.close()


def test_complete_finished_run_expires_jobs_no_longer_listed(db_url: str, engine: Engine) -> None:
    with serve(["airindia"], jobs=JOBS) as site:
        assert scrapy_crawl("airindia", site.base_url("airindia"), db_url).returncode == 0
    with serve(["airindia"], jobs=JOBS - 2) as site:
        assert scrapy_crawl("airindia", site.base_url("airindia"), db_url).returncode == 0
        # One complete run missing a job is not enough: a listing page may have been flaky.
        assert _statuses(engine) <= {"active", "filled"}
        assert scrapy_crawl("airindia", site.base_url("airindia"), db_url).returncode == 0
        still_listed = {job.job_id for job in site.jobs("airindia")}
    with engine.connect() as conn:
        rows = conn.execute(select(Job.source_job_id, Job.status)).all()
    expired = {sid for sid, status in rows if status == "expired"}
    assert len(expired) == 2
    assert not expired & still_listed


@pytest.mark.slow
def test_sigterm_cancels_gracefully_and_keeps_what_was_scraped(
    db_url: str, engine: Engine, tmp_path: Path
) -> None:

    with serve(["airindia"], jobs=60, delay=0.1) as site:
        log = tmp_path / "crawl.log"
        proc = start_crawl(
            "airindia", site.base_url("airindia"), db_url, "AEROSCRAP_STORE_FLUSH_S=0.2", log=log
        )
        wait_until(lambda: _counts(engine)[1] >= 3)
        os.kill(proc.pid, signal.SIGTERM)  # what scrapyd's cancel.json sends
        proc.wait(timeout=60)
        err = log.read_text(errors="replace")
    run = runs(engine, "airindia")[-1]
    assert run.status == "cancelled", err[-2000:]
    stored = _counts(engine)[1]
    # In-flight items were committed, and the run row counts them.
    assert 3 <= stored < 60
    assert run.items_inserted + run.items_merged == stored


def test_field_coverage_below_its_threshold_makes_the_run_partial(
    db_url: str, engine: Engine, tmp_path: Path
) -> None:
    # Air India shows no salary: demanding full salary coverage must fail Spidermon's check.
    rules = json.dumps({"dict/title": 1.0, "dict/salary": 1.0})
    with serve(["airindia"], jobs=JOBS) as site:
        result = aeroscrap_crawl(
            "airindia",
            site.base_url("airindia"),
            db_url,
            f"SPIDERMON_FIELD_COVERAGE_RULES={rules}",
            tmp=tmp_path,
        )
    run = runs(engine, "airindia")[-1]
    assert result.returncode != 0
    assert run.status == "partial"
    assert "salary" in run.message and "title" not in run.message
    assert _counts(engine)[1] == JOBS  # the jobs themselves are all stored


@pytest.mark.slow
def test_parallel_crawls_of_overlapping_sources_merge_the_same_way(
    db_url: str, engine: Engine, tmp_path: Path
) -> None:

    from sqlalchemy import delete

    def partition() -> set[frozenset[str]]:
        with engine.connect() as conn:
            rows = conn.execute(select(JobSource.job_id, JobSource.url)).all()
        groups: dict[int, set[str]] = {}
        for job_id, url in rows:
            groups.setdefault(job_id, set()).add(url)
        return {frozenset(urls) for urls in groups.values()}

    seen = []
    # Both sites list some of the same jobs (the sandbox copies about one in eight).
    with serve(["aviationjobsearch", "linkedin"], jobs=24) as sites:
        for _ in range(3):
            with engine.begin() as conn:
                for table in (JobSource, Job):
                    conn.execute(delete(table))
            cmd = [
                sys.executable,
                "-m",
                "aeroscrap.cli",
                "crawl",
                "--parallel",
                "aviationjobsearch",
                "linkedin",
            ]
            for site in ("aviationjobsearch", "linkedin"):
                cmd += ["--base-url", f"{site}={sites.base_url(site)}"]
            for setting in FAST:
                cmd += ["-s", setting]
            done = subprocess.run(
                cmd, cwd=tmp_path, env=env_for(db_url), capture_output=True, text=True, timeout=300
            )
            assert done.returncode == 0, done.stdout + done.stderr
            seen.append(partition())
    assert any(len(group) > 1 for group in seen[0])  # there were cross-site duplicates
    assert seen[0] == seen[1] == seen[2]

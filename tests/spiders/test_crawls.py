"""Full crawls through the real Scrapy engine (`scrapy crawl` subprocesses) against the sandbox."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from aeroscrap.sandbox.server import serve
from aeroscrap.sandbox.sites import airindia, aviationjobsearch, goose
from tests.spiders.helpers import assert_descriptions, by_id

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    Crawl = Callable[..., "CrawlResult"]

    from aeroscrap.sandbox.server import SandboxHandle
    from tests.spiders.helpers import CrawlResult


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxHandle]:
    """The four sites with their default job counts, healthy."""
    with serve() as handle:
        yield handle


def test_aviationjobsearch_every_job_once(sandbox: SandboxHandle, crawl: Crawl) -> None:
    base = sandbox.base_url("aviationjobsearch")
    result = crawl("aviationjobsearch", base)

    jobs = {job.job_id: job for job in sandbox.jobs("aviationjobsearch")}
    items = by_id(result.items)
    assert result.returncode == 0
    assert set(items) == set(jobs)
    for job_id, item in items.items():
        job = jobs[job_id]
        assert item["url"] == base + aviationjobsearch.detail_path(job)
        assert (item["title"], item["company"], item["location"]) == (
            job.title,
            job.company,
            job.location,
        )
        shows_date = bool(job.extra["show_posted"])
        assert item["posted"] == (aviationjobsearch.posted_text(job) if shows_date else None)
        assert item["posted_estimated"] is not shows_date
        assert (item["status"], item["contract_type"]) == ("active", job.contract_type)
        assert item["crawl_date"].endswith("+00:00")
    assert_descriptions(result.items, jobs)
    # robots.txt disallows /api/: the crawl never went there.
    assert not [r for r in sandbox.requests("aviationjobsearch") if r.path.startswith("/api/")]


def test_airindia_every_job_once_with_filled_status(sandbox: SandboxHandle, crawl: Crawl) -> None:
    base = sandbox.base_url("airindia")
    result = crawl("airindia", base)

    jobs = {job.job_id: job for job in sandbox.jobs("airindia")}
    items = by_id(result.items)
    assert set(items) == set(jobs)
    assert {item["status"] for item in items.values()} == {"active", "filled"}
    for job_id, item in items.items():
        job = jobs[job_id]
        assert item["url"] == base + airindia.detail_path(job)
        assert (item["title"], item["company"], item["location"]) == (
            job.title,
            job.company,
            job.location,
        )
        assert item["status"] == job.status
        if job.status == "active":
            assert item["posted"] == airindia.date_posted(job)
            assert_descriptions([item], jobs)
        else:
            assert item["posted"] is None and item["description"] is None
    assert {item["company"] for item in items.values()} == {"Air India", "Air India Express"}


@pytest.mark.browser
def test_goose_through_chromium(sandbox: SandboxHandle, crawl: Crawl, chromium: str) -> None:
    base = sandbox.base_url("goose")
    result = crawl("goose", base)

    jobs = {job.job_id: job for job in sandbox.jobs("goose")}
    items = by_id(result.items)
    assert result.returncode == 0, result.log[-3000:]
    assert set(items) == set(jobs)
    assert result.stat("playwright/page_count") >= 1
    for job_id, item in items.items():
        job = jobs[job_id]
        assert item["url"] == base + goose.detail_path(job)
        assert (item["title"], item["company"], item["location"]) == (
            job.title,
            "GOOSE Recruitment",
            job.location,
        )
        assert item["posted"] == goose.posted_text(job)
        assert item["valid_through"] == job.extra["expiry"]
        assert (item["salary"], item["status"]) == (job.salary, "active")
    assert_descriptions(result.items, jobs)


def test_linkedin_default_searches_every_job_once(sandbox: SandboxHandle, crawl: Crawl) -> None:
    base = sandbox.base_url("linkedin")
    result = crawl("linkedin", base)

    jobs = {job.job_id: job for job in sandbox.jobs("linkedin")}
    items = by_id(result.items)
    assert set(items) == set(jobs)
    for job_id, item in items.items():
        job = jobs[job_id]
        assert item["url"] == f"{base}/jobs/view/{job_id}"
        assert (item["title"], item["company"], item["location"]) == (
            job.title,
            job.company,
            job.location,
        )
        assert item["posted"] == job.posted.isoformat()
        assert (item["salary"], item["contract_type"]) == (job.salary, job.contract_type)
    assert_descriptions(result.items, jobs)
    assert result.stat("aeroscrap/blocked") == 0
    assert any(r.status == 400 for r in sandbox.requests("linkedin"))


def test_linkedin_blocked_keeps_what_was_scraped(crawl: Crawl) -> None:
    with serve(["linkedin"], faults="block_after:5,retry_after:0") as handle:
        result = crawl("linkedin", handle.base_url("linkedin"), "-a", "keywords=aviation")
        statuses = [r.status for r in handle.requests("linkedin")]

    assert result.returncode == 0
    assert result.stat("aeroscrap/blocked") == 1
    assert "blocked (HTTP 429)" in result.log and "WARNING" in result.log
    assert 429 in statuses
    assert 10 <= len(result.items) < len(handle.jobs("linkedin"))
    assert all(item["title"] and item["company"] for item in result.items)


@pytest.mark.parametrize(
    "spider",
    ["aviationjobsearch", "airindia", "linkedin", pytest.param("goose", marks=pytest.mark.browser)],
)
def test_layout_v2_yields_nothing_loudly(spider: str, crawl: Crawl) -> None:
    with serve([spider], jobs=12, faults="layout_v2") as handle:
        result = crawl(spider, handle.base_url(spider))

    assert result.items == []
    assert result.stat("aeroscrap/empty_listing") == 1
    assert f"source={spider} pages=" in result.log and "items=0 – layout changed?" in result.log
    assert "ERROR" in result.log


def test_dupe_pages_still_one_item_per_job(crawl: Crawl) -> None:
    with serve(["aviationjobsearch"], jobs=60, faults="dupe_pages") as handle:
        result = crawl("aviationjobsearch", handle.base_url("aviationjobsearch"))

    assert set(by_id(result.items)) == {job.job_id for job in handle.jobs("aviationjobsearch")}


def test_garbage_detail_is_a_counted_parse_error(crawl: Crawl) -> None:
    with serve(["aviationjobsearch"], jobs=30) as handle:
        victim = handle.jobs("aviationjobsearch")[4]
        base = handle.base_url("aviationjobsearch")
        result = crawl("aviationjobsearch", f"{base}/_fault/garbage@-{victim.job_id}")

    assert result.returncode == 0
    assert len(result.items) == 29
    assert victim.job_id not in by_id(result.items)
    assert result.stat("aeroscrap/parse_error") == 1
    assert f"parse error on {base}/_fault/" in result.log


def test_429_twice_is_retried_and_nothing_lost(crawl: Crawl) -> None:
    with serve(["airindia"], jobs=40, faults="429x2@startrow=25,retry_after:0") as handle:
        result = crawl("airindia", handle.base_url("airindia"))
        throttled = [r for r in handle.requests("airindia") if r.status == 429]

    assert len(throttled) == 2
    assert len(by_id(result.items)) == 40
    assert result.stat("retry/count") == 2

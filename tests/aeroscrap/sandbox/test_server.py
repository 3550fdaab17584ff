"""The sandbox over real loopback HTTP: site paths and quirks, fault knobs, access log, CLI."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
from typing import TYPE_CHECKING
from urllib.error import HTTPError
from urllib.request import urlopen

import pytest

from aeroscrap.sandbox.server import main, serve
from aeroscrap.sandbox.sites import airindia, aviationjobsearch, goose

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from aeroscrap.sandbox.server import SandboxHandle


def fetch(url: str) -> tuple[int, str, dict[str, str]]:
    """Status, body and headers, for error statuses too."""
    try:
        with urlopen(url, timeout=10) as response:
            return (
                response.status,
                response.read().decode("utf-8", "replace"),
                dict(response.headers),
            )
    except HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace"), dict(error.headers)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxHandle]:
    with serve(jobs=30) as handle:
        yield handle


def test_aviationjobsearch_pages(sandbox: SandboxHandle) -> None:
    base = sandbox.base_url("aviationjobsearch")
    _, first, _ = fetch(f"{base}/en-GB/jobs")
    _, second, _ = fetch(f"{base}/en-GB/jobs?page=2")
    _, past, _ = fetch(f"{base}/en-GB/jobs?page=3")
    job = sandbox.jobs("aviationjobsearch")[0]
    status, detail, _ = fetch(base + aviationjobsearch.detail_path(job))

    assert first.count('class="job-card"') == 25 and second.count('class="job-card"') == 5
    assert 'class="job-card"' not in past and "No jobs match" in past
    assert 'href="/jobs/pilots"' in first and 'rel="next"' in first
    assert status == 200
    assert (
        f"<title>{job.title} in {job.location} by {job.company} - Aviation Job Search</title>".replace(
            "&", "&amp;"
        )
        in detail
    )
    assert "Disallow: /api/" in fetch(f"{base}/robots.txt")[1]
    assert fetch(f"{base}/jobs/pilots/first-officer")[0] == 200


def test_airindia_tiles_details_and_filled(sandbox: SandboxHandle) -> None:
    base = sandbox.base_url("airindia")
    _, search, _ = fetch(f"{base}/search/?createNewAlert=false&q=&locationsearch=")
    _, end, _ = fetch(f"{base}/search/?createNewAlert=false&q=&locationsearch=&startrow=50")
    _, india, _ = fetch(f"{base}/search/?createNewAlert=false&q=&locationsearch=India")
    filled = next(job for job in sandbox.jobs("airindia") if job.status == "filled")
    _, filled_page, _ = fetch(base + airindia.detail_path(filled))

    assert search.count('class="job-tile-cell') == 25
    assert search.count("-tablet-section-location-value") == 25
    assert search.count('class="jobTitle-link"') == 75
    assert 'class="job-tile-cell' not in end and 'id="job-tile-list"' in end
    assert 'class="job-tile-cell' not in india
    assert '<meta name="robots" content="noindex">' in filled_page
    assert "Sorry, this position has been filled." in filled_page
    assert re.search(r'href="/aix/job/_-[^"]+/\d+/"', search)


def test_goose_listing_has_no_links_before_javascript(sandbox: SandboxHandle) -> None:
    base = sandbox.base_url("goose")
    _, listing, _ = fetch(f"{base}/jobs")
    job = sandbox.jobs("goose")[0]
    _, detail, _ = fetch(base + goose.detail_path(job))

    assert 'href="/job/' not in listing and "createElement" in listing
    assert f" - Ref: {job.job_id} - " in detail and "· GOOSE Recruitment</title>" in detail
    assert "Expiry Date" in detail and f'{goose.detail_path(job)}/apply"' in detail


def test_linkedin_fragments_and_400_past_the_end(sandbox: SandboxHandle) -> None:
    base = sandbox.base_url("linkedin")
    search = f"{base}/jobs-guest/jobs/api/seeMoreJobPostings/search?keywords=aviation&location="
    _, cards, _ = fetch(f"{search}&start=0")
    last_status, last, _ = fetch(f"{search}&start=20")
    past_status, _, _ = fetch(f"{search}&start=30")
    job = sandbox.jobs("linkedin")[0]
    _, posting, _ = fetch(f"{base}/jobs-guest/jobs/api/jobPosting/{job.job_id}")

    assert "<html" not in cards and cards.count("base-search-card__title") == 10
    assert last_status == 200 and last.count("base-search-card__title") == 10
    assert past_status == 400
    assert f'data-entity-urn="urn:li:jobPosting:{job.job_id}"' in cards
    assert "show-more-less-html__markup" in posting and "description__job-criteria-item" in posting


def test_query_knobs_layout_block_and_per_request_faults(sandbox: SandboxHandle) -> None:
    base = sandbox.base_url("airindia")
    _, v2, _ = fetch(f"{base}/search/?q=&layout=v2")
    status, _, headers = fetch(f"{base}/search/?q=&fault=503,retry_after:4")

    assert "job-tile-cell" not in v2 and "result-item" in v2
    assert status == 503 and headers["Retry-After"] == "4"


def test_path_prefix_faults_stick_to_every_link() -> None:
    with serve(["aviationjobsearch"], jobs=5) as handle:
        prefixed = f"{handle.base_url('aviationjobsearch')}/_fault/delay:0.01"
        _, listing, _ = fetch(f"{prefixed}/en-GB/jobs")
        link = re.search(r'href="(/_fault/delay:0.01/jobs/[^"]+-by-[^"]+)"', listing)
        assert link is not None
        assert fetch(handle.base_url("aviationjobsearch") + link.group(1))[0] == 200


def test_block_after_serves_429_with_retry_after() -> None:
    with serve(["linkedin"], faults="block_after:2,block_status:999") as handle:
        base = handle.base_url("linkedin")
        statuses = [
            fetch(f"{base}/jobs-guest/jobs/api/seeMoreJobPostings/search?start=0")[0]
            for _ in range(3)
        ]
        assert fetch(f"{base}/robots.txt")[0] == 200

    assert statuses == [200, 200, 999]


def raw_get(port: int, path: str) -> tuple[bytes, bytes]:
    """Head and body exactly as sent, read until the server closes the connection."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
    return head, body


def test_truncate_drop_huge_and_redirect() -> None:
    faults = "truncate@page=2,drop@page=3,huge:300KB@page=4,redirect:http://example.invalid/@page=5"
    with serve(["aviationjobsearch"], faults=faults) as handle:
        port = int(handle.base_url("aviationjobsearch").rsplit(":", 1)[1])
        truncated_head, truncated = raw_get(port, "/en-GB/jobs?page=2")
        dropped = raw_get(port, "/en-GB/jobs?page=3")
        _, huge = raw_get(port, "/en-GB/jobs?page=4")
        redirect, _ = raw_get(port, "/en-GB/jobs?page=5")

    announced = re.search(rb"Content-Length: (\d+)", truncated_head)
    assert announced is not None and int(announced.group(1)) > len(truncated) > 0
    assert dropped == (b"", b"")
    assert len(huge) == 300 * 1024
    assert redirect.startswith(b"HTTP/1.1 302") and b"Location: http://example.invalid/" in redirect


def test_delay_and_access_log_file(tmp_path: Path) -> None:
    log_file = tmp_path / "access.log"
    with serve(["goose"], delay=0.2, access_log=log_file) as handle:
        started = time.monotonic()
        fetch(f"{handle.base_url('goose')}/jobs")
        elapsed = time.monotonic() - started
        fetch(f"{handle.base_url('goose')}/nope")
        records = handle.requests("goose")

    assert elapsed >= 0.2
    assert [(r.path, r.status) for r in records] == [("/jobs", 200), ("/nope", 404)]
    assert log_file.read_text().splitlines()[1].endswith("goose GET 404 /nope")


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="unknown sandbox site"):
        serve(["monster"])
    assert main(["serve", "--fault", "teapot"]) == 2


def test_command_prints_the_url_and_serves_until_stopped() -> None:
    command = [sys.executable, "-m", "aeroscrap.sandbox", "serve", "--site", "goose", "--jobs", "3"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as process:
        try:
            assert process.stdout is not None
            url = process.stdout.readline().strip()
            assert re.fullmatch(r"http://127\.0\.0\.1:\d+", url)
            assert fetch(f"{url}/jobs")[0] == 200
        finally:
            process.terminate()
        assert process.wait(timeout=10) == 0

"""normalize_job: every cleaned field, size limits, never raising, and stability."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aeroscrap.normalize.record import (
    MAX_COMPANY,
    MAX_DESCRIPTION,
    MAX_TITLE,
    NormalizedJob,
    derive_source_job_id,
    normalize_job,
    parse_crawl_date,
)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "jobs"
RAW = {
    "id": "s00017",
    "source": "linkedin",
    "url": "https://www.linkedin.com/jobs/view/4061234567/?trk=public_jobs_topcard-title",
    "title": "A320 Captain - Direct Entry",
    "company": "easyJet",
    "location": "Luton, England, United Kingdom",
    "posted": "2 weeks ago",
    "crawl_date": "2026-11-20",
    "description": "easyJet is Europe's leading airline network ... You will operate as a captain ...",
    "salary": "£95,000 - £105,000 per annum",
}


def test_readme_example_record() -> None:
    job = normalize_job(RAW)
    assert job.source == "linkedin"
    assert job.canonical_url == "https://linkedin.com/jobs/view/4061234567"
    assert job.source_job_id == "4061234567"
    assert job.normalized_title == "a320 captain direct entry"
    assert job.country_code == "GB"
    assert job.operation_type == "airline"
    assert job.senior_flag is True
    assert job.posted_date == date(2026, 11, 6)
    assert job.posted_raw == "2 weeks ago"
    assert job.crawl_date == date(2026, 11, 20)
    assert job.contract_type == "permanent"
    assert (job.salary_min, job.salary_max, job.salary_currency, job.salary_period) == (
        95000,
        105000,
        "GBP",
        "year",
    )
    assert job.status == "active"
    assert job.description_truncated is False


def test_sizes_are_capped() -> None:
    job = normalize_job(
        {**RAW, "title": "T" * 10_000, "company": "C" * 1_000, "description": "d" * 5_000_000}
    )
    assert len(job.title) == MAX_TITLE
    assert len(job.company) == MAX_COMPANY
    assert len(job.description) == MAX_DESCRIPTION
    assert job.description_truncated is True


def test_bad_or_missing_crawl_date_is_today() -> None:
    assert normalize_job({**RAW, "crawl_date": "soon"}).crawl_date == date.today()
    assert normalize_job({"source": "goose"}).crawl_date == date.today()
    assert parse_crawl_date("2026-11-20T08:00:00Z") == date(2026, 11, 20)


def test_control_characters_and_nul_are_removed() -> None:
    job = normalize_job(
        {**RAW, "title": "A320\x00 Captain\u202e", "company": "Zu\u0308rich Air\x07"}
    )
    assert job.title == "A320 Captain"
    assert job.company == "Zürich Air"


def test_site_flags_status_and_missing_posted_date() -> None:
    job = normalize_job({**RAW, "posted": None, "posted_estimated": True, "status": "FILLED"})
    assert job.posted_date == job.crawl_date
    assert job.posted_estimated is True
    assert job.status == "filled"
    assert normalize_job({**RAW, "status": "weird"}).status == "active"
    assert normalize_job({**RAW, "posted": "Promoted"}).posted_date is None


def test_valid_through_and_apply_url() -> None:
    job = normalize_job(
        {
            **RAW,
            "source": "goose",
            "valid_through": "23 December 2026",
            "apply_url": " https://x.example/a ",
        }
    )
    assert job.valid_through == date(2026, 12, 23)
    assert job.apply_url == "https://x.example/a"


@pytest.mark.parametrize(
    ("source", "url", "expected"),
    [
        ("linkedin", "https://www.linkedin.com/jobs/view/4061234567/?trk=x", "4061234567"),
        ("airindia", "https://careers.airindia.com/jobdetails?jobId=21159&lang=en", "21159"),
        (
            "airindia",
            "https://careers.airindia.com/job/Gurugram-Manager-Engine-OEMs/47574344/",
            "47574344",
        ),
        (
            "aviationjobsearch",
            "https://www.aviationjobsearch.com/jobs/pilots/first-officer/first-officer-boeing-by-jet2com-Ii8fte-576343",
            "576343",
        ),
        (
            "aviationjobsearch",
            "https://www.aviationjobsearch.com/job/1456820/b737-captain-belfast",
            "1456820",
        ),
        (
            "goose",
            "https://www.goose-recruitment.com/job/atr-42-slash-72-500-captain-providenciales-821532a",
            "821532A",
        ),
        (
            "goose",
            "https://www.gooserecruitment.com/job/66416/a330neo-b2-engineer-gr28576/",
            "GR28576",
        ),
        (
            "workday",
            "https://ag.wd3.myworkdayjobs.com/en-US/careers/job/Hamburg/Systems-Engineer_JR23234",
            "JR23234",
        ),
        (
            "lever",
            "https://jobs.lever.co/acme/2b2da42c-3352-4c34-a8f8-534b6871f6a5?lever-source=x",
            "2b2da42c-3352-4c34-a8f8-534b6871f6a5",
        ),
        ("greenhouse", "https://boards.greenhouse.io/acme/jobs/4567890", "4567890"),
        ("linkedin", "not a url", None),
    ],
)
def test_source_job_id_from_url(source: str, url: str, expected: str | None) -> None:
    assert derive_source_job_id(source, url) == expected


def test_explicit_source_job_id_wins() -> None:
    assert normalize_job({**RAW, "source_job_id": "abc"}).source_job_id == "abc"


def _as_raw(job: NormalizedJob) -> dict[str, Any]:
    return {
        "source": job.source,
        "url": job.url,
        "title": job.title,
        "company": job.company,
        "location": job.location.raw,
        "posted": job.posted_raw,
        "crawl_date": job.crawl_date.isoformat(),
        "description": job.description,
        "salary": job.salary_raw,
        "source_job_id": job.source_job_id,
        "status": job.status,
        "apply_url": job.apply_url,
        "valid_through": job.valid_through.isoformat() if job.valid_through else None,
    }


def test_own_output_is_stable_on_the_fixtures() -> None:
    for line in (FIXTURES / "sample_jobs.jsonl").read_text(encoding="utf-8").splitlines():
        job = normalize_job(json.loads(line))
        assert normalize_job(_as_raw(job)) == job


_FIELD = st.one_of(st.none(), st.text(max_size=60))


@settings(deadline=None, max_examples=150)
@given(
    st.fixed_dictionaries(
        {
            key: _FIELD
            for key in (
                "source",
                "url",
                "title",
                "company",
                "location",
                "posted",
                "crawl_date",
                "description",
                "salary",
                "status",
                "valid_through",
                "apply_url",
                "source_job_id",
            )
        }
    )
)
def test_never_raises_and_is_stable(raw: dict[str, str | None]) -> None:
    job = normalize_job(raw)
    again = normalize_job(_as_raw(job))
    # A crawl date that was unreadable became today and stays today; everything else is equal.
    assert replace(again, crawl_date=job.crawl_date) == replace(job, crawl_date=job.crawl_date)
    assert "\x00" not in job.title + job.company + job.description

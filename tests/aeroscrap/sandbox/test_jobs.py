"""Sandbox content: deterministic, bounded, with cross-site copies."""

from __future__ import annotations

from datetime import date

from aeroscrap.sandbox.jobs import DEFAULT_JOBS, MAX_JOBS, SITES, generate_catalog, slugify

DAY = date(2026, 11, 26)


def test_same_seed_and_day_give_the_same_catalog() -> None:
    first = generate_catalog(seed=3, today=DAY)
    again = generate_catalog(seed=3, today=DAY)
    other = generate_catalog(seed=4, today=DAY)

    assert first == again
    assert first != other


def test_default_counts_unique_ids_and_past_dates() -> None:
    catalog = generate_catalog(today=DAY)

    for site in SITES:
        jobs = catalog[site]
        assert len(jobs) == DEFAULT_JOBS[site]
        assert len({job.job_id for job in jobs}) == len(jobs)
        assert all(job.posted <= DAY and job.title and job.company for job in jobs)


def test_counts_are_capped_for_benchmarks() -> None:
    catalog = generate_catalog({"goose": MAX_JOBS + 10, "linkedin": 0}, today=DAY)

    assert len(catalog["goose"]) == MAX_JOBS
    assert len({job.job_id for job in catalog["goose"]}) == MAX_JOBS
    assert catalog["linkedin"] == []


def test_some_jobs_appear_on_two_sites() -> None:
    catalog = generate_catalog(today=DAY)
    index = {f"{job.site}:{job.job_id}": job for jobs in catalog.values() for job in jobs}
    copies = [job for jobs in catalog.values() for job in jobs if job.copy_of]

    assert {job.site for job in copies} == {"aviationjobsearch", "linkedin"}
    for copy in copies:
        original = index[copy.copy_of or ""]
        assert original.site != copy.site
        assert (copy.title, copy.company, copy.description) == (
            original.title,
            original.company,
            original.description,
        )


def test_site_specific_quirks_are_present() -> None:
    catalog = generate_catalog(today=DAY)

    assert {job.status for job in catalog["airindia"]} == {"active", "filled"}
    assert {job.company for job in catalog["airindia"]} == {"Air India", "Air India Express"}
    assert any(job.extra["show_posted"] for job in catalog["aviationjobsearch"])
    assert any(not job.extra["show_posted"] for job in catalog["aviationjobsearch"])
    assert {job.company for job in catalog["goose"]} == {"GOOSE Recruitment"}


def test_slugify_like_the_boards() -> None:
    assert (
        slugify("ATR 42/72-500 Captain - Providenciales")
        == "atr-42-slash-72-500-captain-providenciales"
    )
    assert slugify("A&P Mechanic") == "ap-mechanic"

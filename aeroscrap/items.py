"""Items the spiders yield: raw fields only, cleaning happens in the pipelines."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class JobItem:
    """One job posting as a source shows it (the raw record of shared/fixtures/jobs/README.md)."""

    source: str
    url: str
    title: str | None = None
    company: str | None = None
    location: str | None = None
    # The raw "posted" text; None when the page shows none.
    posted: str | None = None
    # ISO date (or datetime) of the crawl: relative "posted" texts are relative to it.
    crawl_date: str | None = None
    description: str | None = None
    salary: str | None = None
    source_job_id: str | None = None
    apply_url: str | None = None
    # Free text as the site shows it ("Permanent", "Contract", "Full-Time").
    contract_type: str | None = None
    # Expiry / closing date text, when the site gives one.
    valid_through: str | None = None
    # Status hint from the page: "active", "filled" or "expired".
    status: str | None = None
    # True when the site shows no posting date, so the crawl date stands in for it.
    posted_estimated: bool = False
    # Anything source-specific, kept verbatim in jobs.raw_json.
    raw: dict[str, Any] = field(default_factory=dict)

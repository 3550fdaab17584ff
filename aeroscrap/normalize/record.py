"""`normalize_job`: one raw job record (README section 1 / JobItem) to the cleaned fields the store needs.

Pure: no database, no network; stored company mappings come in as an in-memory `CompanyLookup`
(aeroscrap.company_directory). Never raises on a mapping of strings/None, and without mappings
feeding the cleaned fields back in gives the same result (every normaliser it calls is idempotent).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

from aeroscrap.normalize.company import Advertiser, CompanyLookup, resolve_company
from aeroscrap.normalize.contract import contract_type
from aeroscrap.normalize.dates import parse_date, parse_posted
from aeroscrap.normalize.location import Location, resolve_location
from aeroscrap.normalize.salary import parse_salary
from aeroscrap.normalize.seniority import senior_flag
from aeroscrap.normalize.text import clean_text, fold
from aeroscrap.normalize.title import normalize_title
from aeroscrap.normalize.url import canonical_url

MAX_TITLE, MAX_COMPANY, MAX_DESCRIPTION = 300, 200, 100_000
MAX_LOCATION, MAX_SHORT, MAX_URL = 300, 200, 2048
STATUSES = frozenset({"active", "expired", "filled"})


@dataclass(frozen=True)
class NormalizedJob:
    """Every cleaned field of one job record; `description` is at most 100,000 characters."""

    source: str
    url: str
    canonical_url: str
    source_job_id: str | None
    title: str
    normalized_title: str
    company: str
    advertiser: Advertiser
    location: Location
    country_code: str | None
    city: str | None
    operation_type: str
    senior_flag: bool
    posted_date: date | None
    posted_raw: str
    posted_estimated: bool
    crawl_date: date
    description: str
    description_truncated: bool
    contract_type: str
    salary_raw: str
    salary_min: float | None
    salary_max: float | None
    salary_currency: str | None
    salary_period: str | None
    valid_through: date | None
    status: str
    apply_url: str


def _text(raw: Mapping[str, Any], name: str, limit: int = MAX_SHORT) -> str:
    return clean_text(raw.get(name), max_len=limit)


def parse_crawl_date(value: object) -> date:
    """The crawl day of a record: an ISO date or datetime; anything unreadable is today."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = clean_text(value)[:40]
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return date.today()


# Where each source keeps its stable job id in the URL (shared/SITES.md).
_TRAILING_NUMBER = re.compile(r"-(\d{4,})$")
_WORKDAY_REQ = re.compile(r"_([A-Za-z]*\d+[A-Za-z0-9-]*)$")
_GOOSE_REF = re.compile(r"-([a-z]{0,3}\d{4,}[a-z]?)$", re.I)
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
_ID_PARAMS = ("jobId", "jobid", "job_id", "gh_jid", "currentJobId", "id", "jk")


def derive_source_job_id(source: str, url: str) -> str | None:
    """The job id a source's URL carries (LinkedIn id, Workday req, Goose ref, ...), or None."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    query = parse_qs(parts.query)
    for name in _ID_PARAMS:
        if query.get(name, [""])[0].strip():
            return query[name][0].strip()
    segments = [s for s in parts.path.split("/") if s]
    if not segments:
        return None
    last = segments[-1]
    if source == "workday" or "myworkdayjobs" in parts.netloc:
        found = _WORKDAY_REQ.search(last)
        return found.group(1) if found else None
    if source == "goose":
        found = _GOOSE_REF.search(last)
        return found.group(1).upper() if found else None
    if source == "lever" or _UUID.match(last):
        return last if _UUID.match(last) else None
    numeric = [s for s in segments if s.isdigit() and len(s) >= 4]
    if numeric:
        # LinkedIn /jobs/view/{id}, Air India /job/{slug}/{id}/, boards with /job/{id}/{slug}.
        return numeric[-1]
    found = _TRAILING_NUMBER.search(last)
    return found.group(1) if found else None


def _advertiser(
    company: str, source: str, description: str, directory: CompanyLookup | None
) -> Advertiser:
    try:
        return resolve_company(company, source=source, description=description, directory=directory)
    except Exception:  # the company table is data: a bad entry must not stop a crawl
        key = " ".join(re.sub(r"[^a-z0-9]+", " ", fold(company)).split())
        return Advertiser(key, company, "other", None, False, False)


def normalize_job(
    raw: Mapping[str, Any], *, directory: CompanyLookup | None = None
) -> NormalizedJob:
    """Clean one raw record; never raises on a mapping of strings/None.

    With a `directory`, a company spelling it maps takes the stored company (name, type, id)
    before the rules; without one (or for an unmapped spelling) the rules alone decide.
    """
    source = _text(raw, "source", 50).lower()
    url = _text(raw, "url", MAX_URL)
    title = _text(raw, "title", MAX_TITLE)
    normalized = normalize_title(title)
    company = _text(raw, "company", MAX_COMPANY)
    full_description = clean_text(raw.get("description"))
    # Cleaning is idempotent: only a description over the limit needs another pass, to cut it.
    description = (
        full_description
        if len(full_description) <= MAX_DESCRIPTION
        else clean_text(full_description, max_len=MAX_DESCRIPTION)
    )
    location = resolve_location(_text(raw, "location", MAX_LOCATION))
    advertiser = _advertiser(company, source, description, directory)
    crawl_date = parse_crawl_date(raw.get("crawl_date"))
    posted_raw = _text(raw, "posted")
    posted_date = parse_posted(posted_raw, crawl_date, source)
    # A site without posting dates (aviationjobsearch) lets the crawl day stand in, flagged.
    posted_estimated = bool(raw.get("posted_estimated")) and posted_date is None and not posted_raw
    if posted_estimated:
        posted_date = crawl_date
    salary_raw = _text(raw, "salary")
    salary = parse_salary(salary_raw)
    status = _text(raw, "status", 20).lower()
    source_job_id = _text(raw, "source_job_id", 200) or derive_source_job_id(source, url)
    return NormalizedJob(
        source=source,
        url=url,
        canonical_url=canonical_url(url),
        source_job_id=source_job_id or None,
        title=title,
        normalized_title=normalized,
        # A mapped spelling shows as its company's name, so its jobs list under one name.
        company=company if advertiser.company_id is None else advertiser.display_name,
        advertiser=advertiser,
        location=location,
        country_code=location.country_code,
        city=location.city,
        operation_type=advertiser.operation_type,
        senior_flag=senior_flag(normalized),
        posted_date=posted_date,
        posted_raw=posted_raw,
        posted_estimated=posted_estimated,
        crawl_date=crawl_date,
        description=description,
        description_truncated=len(full_description) > len(description),
        contract_type=contract_type(title, description, raw.get("contract_type")),
        salary_raw=salary_raw,
        salary_min=salary.min if salary else None,
        salary_max=salary.max if salary else None,
        salary_currency=salary.currency if salary else None,
        salary_period=salary.period if salary else None,
        valid_through=parse_date(raw.get("valid_through"), source),
        status=status if status in STATUSES else "active",
        apply_url=_text(raw, "apply_url", MAX_URL),
    )

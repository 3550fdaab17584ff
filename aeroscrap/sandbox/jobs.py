"""Deterministic fictitious jobs for the sandbox sites: same seed and day, same catalogue."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from aeroscrap.sandbox import vocab

SITES: tuple[str, ...] = ("aviationjobsearch", "airindia", "goose", "linkedin")
DEFAULT_JOBS: dict[str, int] = {
    "aviationjobsearch": 60,
    "airindia": 28,
    "goose": 24,
    "linkedin": 40,
}
MAX_JOBS = 5000
# Roughly one job in eight on a site is a copy of a job on another site, so cross-source
# dedup has something to merge: (site that copies, site copied from).
_SHARED_FROM: dict[str, str] = {"linkedin": "aviationjobsearch", "aviationjobsearch": "goose"}
_SHARE_EVERY = 8
_ATTEMPTS = 20


@dataclass
class SandboxJob:
    """One job as one site shows it, plus what a correct spider should read from that site."""

    site: str
    job_id: str
    title: str
    company: str
    location: str
    posted: date
    description: list[str]
    requirements: list[str] = field(default_factory=list)
    contract_type: str = "Permanent"
    salary: str | None = None
    status: str = "active"
    # Site-specific bits: AJS category/advertiser, Air India city, Goose sector/expiry, ...
    extra: dict[str, str] = field(default_factory=dict)
    # "site:job_id" of the job this one copies, when it is a cross-site duplicate.
    copy_of: str | None = None

    @property
    def description_text(self) -> str:
        """The description as plain text: paragraphs, then one requirement per line."""
        return "\n".join([*self.description, *self.requirements])


def slugify(text: str) -> str:
    """URL slug the way the boards write them ('/' becomes '-slash-', '&' is dropped)."""
    text = text.replace("/", " slash ").replace("&", "").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def generate_catalog(
    counts: dict[str, int] | None = None, *, seed: int = 7, today: date | None = None
) -> dict[str, list[SandboxJob]]:
    """Jobs of every site; counts default to DEFAULT_JOBS and are capped at MAX_JOBS."""
    wanted = {**DEFAULT_JOBS, **(counts or {})}
    today = today or date.today()
    catalog: dict[str, list[SandboxJob]] = {}
    # Sources of copies are built first so that the copying site can reuse their jobs.
    for site in ("goose", "airindia", "aviationjobsearch", "linkedin"):
        count = max(0, min(MAX_JOBS, wanted[site]))
        rng = random.Random(f"{seed}:{site}")
        source = catalog.get(_SHARED_FROM.get(site, ""), [])
        jobs = []
        taken: set[tuple[str, str, str]] = set()
        for index in range(count):
            if source and index % _SHARE_EVERY == 3 and index // _SHARE_EVERY < len(source):
                job = _copy(source[index // _SHARE_EVERY], site, index, rng, today)
            else:
                job = _distinct(site, index, rng, today, taken)
            taken.add((job.title, job.company, job.location))
            jobs.append(job)
        catalog[site] = jobs
    return catalog


def _distinct(
    site: str, index: int, rng: random.Random, today: date, taken: set[tuple[str, str, str]]
) -> SandboxJob:
    """A job whose title, company and place no earlier job of the site has: a different
    vacancy must not look like a re-post. Large catalogues run out of combinations, so the
    attempts are bounded."""
    job = _BUILDERS[site](index, rng, today)
    for _ in range(_ATTEMPTS):
        if (job.title, job.company, job.location) not in taken:
            break
        job = _BUILDERS[site](index, rng, today)
    return job


def _description(company: str, title: str, place: str, rng: random.Random) -> list[str]:
    a = "an" if title[:1].upper() in "AEIOU" else "a"
    intro = rng.choice(
        (
            f"{company} is looking for {a} {title} to join its team in {place}.",
            f"Join {company} as {title} based in {place}.",
            f"An exciting opportunity has arisen at {company} for {a} {title} in {place}.",
        )
    )
    middle = rng.choice(
        (
            "You will work closely with the maintenance, planning and quality teams.",
            "You will be responsible for the safe and efficient conduct of every task.",
            "The role offers structured training and long-term career progression.",
        )
    )
    outro = "Relevant experience in the aviation industry is essential."
    return [intro, middle, outro]


def _role_title(role: vocab.Role, rng: random.Random) -> str:
    if "{ac}" in role.title:
        return role.title.format(ac=rng.choice(role.aircraft))
    return role.title


def _ajs(index: int, rng: random.Random, today: date) -> SandboxJob:
    employer = rng.choice(vocab.EMPLOYERS)
    role = rng.choice(vocab.ROLES)
    place = rng.choice(employer.places)
    title = _role_title(role, rng)
    # Most locations are "City, Region, Country"; a few boards show only the country.
    location = (
        place.country if index % 11 == 5 else f"{place.city}, {place.region}, {place.country}"
    )
    contract = rng.choice(vocab.CONTRACT_TYPES)
    description = _description(employer.name, title, place.city, rng)
    if contract == "Contract":
        description.append(f"Rate: Days: £{rng.randint(17, 60)}.{rng.randint(10, 99)} per hour.")
    key = "".join(
        rng.choice("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6)
    )
    return SandboxJob(
        site="aviationjobsearch",
        job_id=str(576000 + index * 7 + rng.randint(0, 6)),
        title=title,
        company=employer.name,
        location=location,
        posted=today - timedelta(days=rng.randint(0, 30)),
        description=description,
        contract_type=contract,
        extra={
            "category": role.category,
            "subcategory": role.subcategory,
            "advertiser": employer.slug,
            "key": key if index % 3 else "",
            # The board shows a posting date on about one detail page in thirty.
            "show_posted": "1" if index % 30 == 17 else "",
        },
    )


def _airindia(index: int, rng: random.Random, today: date) -> SandboxJob:
    express = index % 6 == 4
    city, region = rng.choice(vocab.AIX_CITIES if express else vocab.AIR_INDIA_CITIES)
    title = rng.choice(vocab.AIR_INDIA_TITLES)
    company = "Air India Express" if express else "Air India"
    return SandboxJob(
        site="airindia",
        job_id=str(47574000 + index * 13 + rng.randint(0, 12)),
        title=title,
        company=company,
        location=f"{city}, {region}",
        posted=today - timedelta(days=rng.randint(0, 45)),
        description=_description(company, title, city, rng),
        contract_type="Full-Time",
        status="filled" if index % 9 == 7 else "active",
        extra={"city": city, "express": "1" if express else ""},
    )


def _goose(index: int, rng: random.Random, today: date) -> SandboxJob:
    role = rng.choice(vocab.ROLES)
    title = vocab.GOOSE_EXTRA_TITLES[index % 3] if index % 10 == 1 else _role_title(role, rng)
    location = rng.choice(vocab.GOOSE_LOCATIONS)
    client = rng.choice(vocab.GOOSE_CLIENTS)
    contact, phone = rng.choice(vocab.GOOSE_CONTACTS)
    ref = f"{800000 + index * 37 + rng.randint(0, 36)}{rng.choice(('', '', 'a', 'b'))}"
    age_hours = rng.randint(2, 24 * 20)
    posted = today - timedelta(days=age_hours // 24)
    return SandboxJob(
        site="goose",
        job_id=ref,
        title=title,
        company="GOOSE Recruitment",
        location=location,
        posted=posted,
        description=[
            f"Our client, {client}, is looking for {'an' if title[0] in 'AEIOU' else 'a'} {title}"
            f" in {location}.",
            "This is an excellent aviation opportunity with a competitive package.",
        ],
        requirements=list(vocab.REQUIREMENTS[role.sector]),
        salary=rng.choice(vocab.GOOSE_SALARIES),
        extra={
            "sector": role.sector,
            "age_hours": str(age_hours),
            "expiry": _long_date(posted + timedelta(days=29)),
            "contact": contact,
            "email": contact.split()[0].lower() + "@goose-recruitment.com",
            "phone": phone,
        },
    )


def _linkedin(index: int, rng: random.Random, today: date) -> SandboxJob:
    employer = rng.choice(vocab.EMPLOYERS)
    role = rng.choice(vocab.ROLES)
    place = rng.choice(employer.places)
    title = _role_title(role, rng)
    salary = (
        f"${rng.randint(6, 15)}0,000.00 - ${rng.randint(16, 20)}0,000.00"
        if index % 4 == 0
        else None
    )
    return SandboxJob(
        site="linkedin",
        job_id=str(4061000000 + index * 9973 + rng.randint(0, 9000)),
        title=title,
        company=employer.name,
        location=f"{place.city}, {place.region}, {place.country}",
        posted=today - timedelta(days=rng.randint(0, 28)),
        description=_description(employer.name, title, place.city, rng),
        contract_type=rng.choice(("Full-time", "Full-time", "Contract", "Part-time")),
        salary=salary,
        extra={
            "seniority": rng.choice(vocab.LINKEDIN_SENIORITY),
            "industry": rng.choice(vocab.LINKEDIN_INDUSTRIES),
            "function": "Engineering" if "Engineer" in title else "Other",
        },
    )


_BUILDERS = {
    "aviationjobsearch": _ajs,
    "airindia": _airindia,
    "goose": _goose,
    "linkedin": _linkedin,
}


def _copy(
    original: SandboxJob, site: str, index: int, rng: random.Random, today: date
) -> SandboxJob:
    """The same vacancy advertised on `site`: the site's own id and fields, the original's words."""
    job = _BUILDERS[site](index, rng, today)
    job.title = original.title
    job.company = original.company
    job.description = list(original.description)
    job.requirements = list(original.requirements)
    job.location = original.location
    job.posted = min(today, original.posted + timedelta(days=rng.randint(0, 2)))
    if site == "aviationjobsearch":
        job.extra["advertiser"] = slugify(original.company)
    job.copy_of = f"{original.site}:{original.job_id}"
    return job


def _long_date(day: date) -> str:
    return f"{day.day} {day.strftime('%B %Y')}"

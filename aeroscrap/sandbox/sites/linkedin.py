"""Sandbox LinkedIn guest job endpoints: HTML fragments of ~10 cards, 400 past the last page."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from aeroscrap.sandbox.jobs import slugify
from aeroscrap.sandbox.pages import (
    SiteReply,
    SiteRequest,
    bullets,
    document,
    esc,
    not_found,
    paragraphs,
    robots,
)

if TYPE_CHECKING:
    from aeroscrap.sandbox.jobs import SandboxJob

PER_PAGE = 10
RESULT_CAP = 1000
SEARCH_PATH = "/jobs-guest/jobs/api/seeMoreJobPostings/search"
DETAIL_PREFIX = "/jobs-guest/jobs/api/jobPosting/"
_VIEW = re.compile(r"^/jobs/view/(?:[a-z0-9-]+-)?(\d+)/?$")


def relative_age(posted: date, today: date) -> str:
    """LinkedIn's coarse "N days ago" wording of a posting date."""
    days = (today - posted).days
    if days <= 0:
        return "Today"
    if days < 7:
        return "1 day ago" if days == 1 else f"{days} days ago"
    weeks = days // 7
    return "1 week ago" if weeks == 1 else f"{weeks} weeks ago"


def _matches(job: SandboxJob, keywords: str, location: str) -> bool:
    haystack = f"{job.title} {job.company} {' '.join(job.description)}".lower()
    where = job.location.lower()
    return all(word in haystack for word in keywords.lower().split()) and all(
        word in where for word in location.lower().replace(",", " ").split()
    )


class LinkedInSite:
    """seeMoreJobPostings/search?keywords=&location=&start=N, jobPosting/{id}, /jobs/view/{id}."""

    name = "linkedin"

    def __init__(self, jobs: list[SandboxJob], today: date) -> None:
        self.jobs = jobs
        self.today = today
        self.by_id = {job.job_id: job for job in jobs}

    def handle(self, request: SiteRequest) -> SiteReply:
        """Route one request."""
        if request.path == "/robots.txt":
            return robots(["/jobs/search/", "/in/"])
        if request.path.rstrip("/") == SEARCH_PATH:
            return self._search(request)
        if request.path.startswith(DETAIL_PREFIX):
            job = self.by_id.get(request.path[len(DETAIL_PREFIX) :].strip("/"))
            return SiteReply(self._posting(request, job)) if job else not_found(request)
        view = _VIEW.match(request.path)
        if view and view.group(1) in self.by_id:
            job = self.by_id[view.group(1)]
            return SiteReply(
                document(f"{job.company} hiring {job.title}", self._posting(request, job))
            )
        return not_found(request)

    def _search(self, request: SiteRequest) -> SiteReply:
        start = request.int_arg("start", 0)
        found = [
            job
            for job in self.jobs
            if _matches(job, request.query.get("keywords", ""), request.query.get("location", ""))
        ][:RESULT_CAP]
        # dupe_pages: each page repeats the last few cards of the previous one.
        begin = max(0, start - 3) if request.dupe_pages and start else start
        chosen = found[begin : start + PER_PAGE]
        if not chosen:
            return SiteReply("", status=400, content_type="text/html; charset=utf-8")
        cards = "\n".join(self._card(request, job, n) for n, job in enumerate(chosen, start + 1))
        return SiteReply(cards)

    def _card(self, request: SiteRequest, job: SandboxJob, position: int) -> str:
        base = f"{request.origin}{request.root}"
        href = (
            f"{base}/jobs/view/{slugify(job.title)}-at-{slugify(job.company)}-{job.job_id}"
            f"?position={position}&amp;pageNum=0&amp;refId=Zm9vYmFy&amp;trackingId=YmF6cXV4"
        )
        fresh = (self.today - job.posted).days < 2
        listdate = "job-search-card__listdate--new" if fresh else "job-search-card__listdate"
        salary = (
            f'<span class="job-search-card__salary-info">{esc(job.salary)}</span>'
            if job.salary
            else ""
        )
        card = "job-result-card" if request.v2 else "base-search-card"
        return (
            f'<li><div class="base-card relative w-full base-card--link {card} {card}--link job-search-card"'
            f' data-entity-urn="urn:li:jobPosting:{job.job_id}" data-tracking-id="YmF6cXV4">'
            f'<a class="base-card__full-link absolute" href="{href}"'
            f' data-tracking-control-name="public_jobs_jserp-result_search-card">'
            f'<span class="sr-only">{esc(job.title)}</span></a>'
            f'<div class="{card}__info"><h3 class="{card}__title">{esc(job.title)}</h3>'
            f'<h4 class="{card}__subtitle"><a class="hidden-nested-link"'
            f' href="{base}/company/{slugify(job.company)}?trk=public_jobs_jserp-result_job-search-card-subtitle">'
            f"{esc(job.company)}</a></h4>"
            f'<div class="{card}__metadata"><span class="job-search-card__location">{esc(job.location)}</span>'
            f'{salary}<time class="{listdate}" datetime="{job.posted.isoformat()}">'
            f"{relative_age(job.posted, self.today)}</time></div></div></div></li>"
        )

    def _posting(self, request: SiteRequest, job: SandboxJob) -> str:
        criteria = (
            ("Seniority level", job.extra["seniority"]),
            ("Employment type", job.contract_type),
            ("Job function", job.extra["function"]),
            ("Industries", job.extra["industry"]),
        )
        items = "".join(
            '<li class="description__job-criteria-item">'
            f'<h3 class="description__job-criteria-subheader">{label}</h3>'
            '<span class="description__job-criteria-text description__job-criteria-text--criteria">'
            f"{esc(value)}</span></li>"
            for label, value in criteria
        )
        markup = "jd-markup" if request.v2 else "show-more-less-html__markup"
        return (
            '<section class="core-rail"><div class="top-card-layout">'
            f'<h2 class="top-card-layout__title">{esc(job.title)}</h2>'
            f'<a class="topcard__org-name-link" href="{request.root}/company/{slugify(job.company)}">'
            f"{esc(job.company)}</a>"
            f'<span class="topcard__flavor topcard__flavor--bullet">{esc(job.location)}</span></div>'
            f'<div class="{"jd-text" if request.v2 else "description__text description__text--rich"}">'
            f'<section class="show-more-less-html"><div class="{markup}">{paragraphs(job.description)}'
            f"{bullets(job.requirements)}</div></section></div>"
            f'<ul class="description__job-criteria-list">{items}</ul></section>'
        )

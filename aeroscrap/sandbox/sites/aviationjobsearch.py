"""Sandbox aviationjobsearch.com: plain HTML board, 25 per page, dates missing on most pages."""

from __future__ import annotations

import json
import math
import re
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

PER_PAGE = 25
# With dupe_pages each page starts this many jobs before the previous one ended.
_OVERLAP = 3
_DETAIL = re.compile(r"^/jobs/[a-z0-9-]+/[a-z0-9-]+/[A-Za-z0-9-]+-by-[A-Za-z0-9-]+-(\d+)$")
_CATEGORY = re.compile(r"^/jobs/([a-z0-9-]+)(?:/([a-z0-9-]+))?$")
_NAV = (
    '<nav class="site-nav"><a href="{r}/en-GB/jobs">All jobs</a> <a href="{r}/jobs/pilots">Pilot jobs</a>'
    ' <a href="{r}/jobs/aircraft-maintenance-engineers">Engineer jobs</a>'
    ' <a href="{r}/jobs/alerts/new">Job alerts</a> <a href="{r}/en-GB/recruiters">Recruiters</a></nav>'
)


def detail_path(job: SandboxJob) -> str:
    """/jobs/{category}/{subcategory}/{title}-by-{advertiser}[-{key}]-{id}."""
    key = f"-{job.extra['key']}" if job.extra["key"] else ""
    slug = f"{slugify(job.title)}-by-{job.extra['advertiser']}{key}-{job.job_id}"
    return f"/jobs/{job.extra['category']}/{job.extra['subcategory']}/{slug}"


def _v2_path(job: SandboxJob) -> str:
    return f"/job/{job.job_id}/{slugify(job.title)}"


def posted_text(job: SandboxJob) -> str:
    """The day-first date the board prints on the rare pages that show one."""
    return job.posted.strftime("%d/%m/%Y")


class AviationJobSearchSite:
    """Listing /en-GB/jobs?page=N, details under /jobs/, category pages that look like jobs."""

    name = "aviationjobsearch"

    def __init__(self, jobs: list[SandboxJob]) -> None:
        self.jobs = jobs
        self.by_id = {job.job_id: job for job in jobs}

    def handle(self, request: SiteRequest) -> SiteReply:
        """Route one request."""
        path = request.path.rstrip("/") or "/"
        if path == "/robots.txt":
            return robots(["/api/", "/private/"])
        if path == "/en-GB/jobs":
            return self._listing(request)
        if path == "/api/jobs":
            return SiteReply(
                json.dumps([j.job_id for j in self.jobs]), content_type="application/json"
            )
        detail = _DETAIL.match(path)
        if detail and detail.group(1) in self.by_id:
            job = self.by_id[detail.group(1)]
            if detail_path(job) == path:
                return self._detail(request, job)
        if _CATEGORY.match(path) or path.startswith("/jobs/alerts"):
            return self._category(request, path)
        return not_found(request)

    def _listing(self, request: SiteRequest) -> SiteReply:
        page = max(1, request.int_arg("page", 1))
        step = PER_PAGE - _OVERLAP if request.dupe_pages else PER_PAGE
        chosen = self.jobs[(page - 1) * step : (page - 1) * step + PER_PAGE]
        pages = max(1, math.ceil(max(0, len(self.jobs) - PER_PAGE) / step) + 1)
        r = request.root
        cards = "\n".join(self._card(request, job) for job in chosen)
        if not chosen:
            cards = '<p class="no-results">No jobs match your search.</p>'
        nav = ""
        if page < pages:
            nav = f'<nav class="pagination"><a rel="next" href="{r}/en-GB/jobs?page={page + 1}">Next</a></nav>'
        wrapper = "vacancy-list" if request.v2 else "search-results"
        body = (
            f"{_NAV.format(r=r)}<h1>Aviation Jobs</h1><p>{len(self.jobs)} jobs found</p>"
            f'<div class="{wrapper}">\n{cards}\n</div>{nav}'
        )
        return SiteReply(document("Aviation Jobs - Aviation Job Search", body, lang="en-GB"))

    def _card(self, request: SiteRequest, job: SandboxJob) -> str:
        r = request.root
        cat, sub = job.extra["category"], job.extra["subcategory"]
        if request.v2:
            return (
                f'<section class="vacancy-tile"><a class="vacancy-tile__link" href="{r}{_v2_path(job)}">'
                f"{esc(job.title)}</a><span>{esc(job.company)}</span></section>"
            )
        return (
            f'<article class="job-card"><h2 class="job-card__title">'
            f'<a href="{r}{detail_path(job)}">{esc(job.title)}</a></h2>'
            f'<p class="job-card__company">{esc(job.company)}</p>'
            f'<p class="job-card__location">{esc(job.location)}</p>'
            f'<a class="job-card__category" href="{r}/jobs/{cat}/{sub}">More {esc(sub)} jobs</a> '
            f'<a href="{r}/jobs/{cat}">All {esc(cat)} jobs</a></article>'
        )

    def _detail(self, request: SiteRequest, job: SandboxJob) -> SiteReply:
        summary = f'<li><span class="label">Contract Type</span> <span>{esc(job.contract_type)}</span></li>'
        if job.extra["show_posted"]:
            summary += f'<li><span class="label">Posted</span> <span>{posted_text(job)}</span></li>'
        if request.v2:
            title = f"{job.title} | {job.company} | AJS"
            body = (
                f'<div class="headline">{esc(job.title)}</div><ol class="facts">{summary}</ol>'
                f'<div class="jd-content">{paragraphs(job.description)}</div>'
            )
        else:
            title = f"{job.title} in {job.location} by {job.company} - Aviation Job Search"
            body = (
                f"{_NAV.format(r=request.root)}<main><article>"
                f'<h1 class="job-title">{esc(job.title)}</h1>'
                f'<div class="job-header"><span class="job-company">{esc(job.company)}</span> '
                f'<span class="job-location">{esc(job.location)}</span></div>'
                f'<ul class="job-summary">{summary}</ul>'
                f'<div class="job-description">{paragraphs(job.description)}{bullets(job.requirements)}</div>'
                f'<a class="apply-button" href="{request.root}{detail_path(job)}/apply">Apply now</a>'
                "</article></main>"
            )
        return SiteReply(document(title, body, lang="en-GB"))

    def _category(self, request: SiteRequest, path: str) -> SiteReply:
        parts = path.strip("/").split("/")[1:]
        jobs = [
            j
            for j in self.jobs
            if [j.extra["category"], j.extra["subcategory"]][: len(parts)] == parts
        ]
        links = "".join(
            f'<li><a href="{request.root}{detail_path(j)}">{esc(j.title)}</a></li>'
            for j in jobs[:10]
        )
        body = (
            f"{_NAV.format(r=request.root)}<h1>{esc(' / '.join(parts))} jobs</h1><ul>{links}</ul>"
        )
        return SiteReply(
            document(f"{' '.join(parts)} jobs - Aviation Job Search", body, lang="en-GB")
        )

"""Sandbox Air India careers: a SAP SuccessFactors tile theme, plain HTML, filled jobs answer 200."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from aeroscrap.sandbox.pages import (
    SiteReply,
    SiteRequest,
    document,
    esc,
    not_found,
    paragraphs,
    robots,
)

if TYPE_CHECKING:
    from aeroscrap.sandbox.jobs import SandboxJob

PER_PAGE = 25
_DETAIL = re.compile(r"^/(aix/)?job/([^/]+)/(\d+)/?$")
_FILLED = "Sorry, this position has been filled."
_VIEWS = ("desktop", "tablet", "mobile")


def title_slug(title: str) -> str:
    """SuccessFactors keeps the case and turns runs of other characters into one '-'."""
    return re.sub(r"[^A-Za-z0-9]+", "-", title).strip("-")


def detail_path(job: SandboxJob) -> str:
    """/job/{City}-{Title}/{id}/, or /aix/job/_-{Title}/{id}/ for Air India Express."""
    if job.extra["express"]:
        return f"/aix/job/_-{title_slug(job.title)}/{job.job_id}/"
    return f"/job/{job.extra['city']}-{title_slug(job.title)}/{job.job_id}/"


def date_posted(job: SandboxJob) -> str:
    """The Java Date.toString() form the site puts in its datePosted microdata."""
    return job.posted.strftime("%a %b %d 00:00:00 UTC %Y")


class AirIndiaSite:
    """Search /search/?...&startrow=N (25 a page), details /job/... and /aix/job/..."""

    name = "airindia"

    def __init__(self, jobs: list[SandboxJob]) -> None:
        self.jobs = jobs
        self.by_id = {job.job_id: job for job in jobs}

    def handle(self, request: SiteRequest) -> SiteReply:
        """Route one request."""
        if request.path == "/robots.txt":
            return robots(["/services/", "/talentcommunity/"])
        if request.path in {"/search", "/search/"}:
            return self._search(request)
        match = _DETAIL.match(request.path)
        if match and match.group(3) in self.by_id:
            job = self.by_id[match.group(3)]
            if detail_path(job).rstrip("/") == request.path.rstrip("/"):
                return self._detail(request, job)
        return not_found(request)

    def _search(self, request: SiteRequest) -> SiteReply:
        start = request.int_arg("startrow", 0)
        step = PER_PAGE - 3 if request.dupe_pages else PER_PAGE
        # Matching location text is broken on the real site ("India" finds nothing).
        location = request.query.get("locationsearch", "")
        jobs = [] if location else self.jobs
        index = start // PER_PAGE * step
        chosen = jobs[index : index + PER_PAGE]
        tiles = "\n".join(self._tile(request, job) for job in chosen)
        list_id = "search-results" if request.v2 else "job-tile-list"
        shown = f"{index + 1} – {index + len(chosen)}" if chosen else "0"
        pages = "".join(
            f'<li><a href="{request.root}/search/?q=&amp;sortColumn=referencedate&amp;startrow={n}"'
            f' title="Page {n // PER_PAGE + 1}">{n // PER_PAGE + 1}</a></li>'
            for n in range(0, len(jobs), PER_PAGE)
        )
        body = (
            '<div class="searchResultsShell">'
            f'<span class="paginationLabel">Results <b>{shown}</b> of <b>{len(jobs)}</b></span>'
            f'<ul id="{list_id}" class="job-tile-list">\n{tiles}\n</ul>'
            f'<div class="pagination-well"><ul class="pagination">{pages}</ul></div></div>'
        )
        return SiteReply(document("Search Jobs | Air India Careers", body))

    def _tile(self, request: SiteRequest, job: SandboxJob) -> str:
        href = f"{request.root}{detail_path(job)}"
        if request.v2:
            href = f"{request.root}/jobreq.html?jobId={job.job_id}"
            return (
                f'<li class="result-item"><a class="result-link" href="{href}">{esc(job.title)}</a>'
                f'<div class="result-loc">{esc(job.location)}</div></li>'
            )
        sections = "".join(
            f'<div class="sub-section sub-section-{view}">'
            f'<div class="tiletitle"><a class="jobTitle-link" href="{href}">{esc(job.title)}</a></div>'
            f'<div id="job-{job.job_id}-{view}-section-location" class="section-field location">'
            f'<div class="section-label">Location</div>'
            f'<div id="job-{job.job_id}-{view}-section-location-value">{esc(job.location)}</div></div></div>'
            for view in _VIEWS
        )
        return f'<li class="job-tile-cell job-id-{job.job_id}" data-url="{href}">{sections}</li>'

    def _detail(self, request: SiteRequest, job: SandboxJob) -> SiteReply:
        if job.status == "filled":
            body = (
                '<div class="jobDisplayShell"><div class="alert alert-info" role="alert">'
                f"{_FILLED}</div>"
                f'<a href="{request.root}/search/?createNewAlert=false&amp;q=&amp;locationsearch=">'
                "Search all jobs</a></div>"
            )
            head = '<meta name="robots" content="noindex">'
            return SiteReply(document("Air India Careers", body, head=head))
        description_class = "jd-text" if request.v2 else "jobdescription"
        head = f'<meta property="og:title" content="{esc(job.title)}">'
        body = (
            '<div class="jobDisplayShell" itemscope="itemscope" itemtype="http://schema.org/JobPosting">'
            '<div class="jobDisplay">'
            f'<h1 id="job-title" itemprop="title">{esc(job.title)}</h1>'
            f'<span class="jobGeoLocation">{esc(job.location)}, IN</span>'
            f'<meta itemprop="datePosted" content="{date_posted(job)}">'
            f'<span class="{description_class}" itemprop="description">{paragraphs(job.description)}</span>'
            f'<a class="btn apply" href="{request.root}/talentcommunity/apply/{job.job_id}/">Apply now</a>'
            "</div></div>"
        )
        return SiteReply(document(f"{job.title} Job Details | Air India Careers", body, head=head))

"""Sandbox GOOSE Recruitment: the listing's job cards are built by JavaScript; details are HTML."""

from __future__ import annotations

import json
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

PER_PAGE = 50
_DETAIL = re.compile(r"^/job/([a-z0-9-]+)-(\d+[a-z]*)$")
BRAND = "GOOSE Recruitment"

# The raw page carries the data only; the browser turns it into links (what the real site's
# bundle is assumed to do). `v2` builds renamed cards whose links no longer start with /job/.
_SCRIPT = """
document.addEventListener("DOMContentLoaded", function () {
  var cfg = JSON.parse(document.getElementById("jobs-data").textContent);
  var list = document.getElementById("job-list");
  cfg.jobs.forEach(function (job) {
    var card = document.createElement("div");
    card.className = cfg.v2 ? "vacancy-block" : "job-card";
    var url = cfg.root + (cfg.v2 ? "/vacancies/" : "/job/") + job.slug;
    var h = document.createElement("h3");
    var a = document.createElement("a");
    a.href = url; a.textContent = job.title; a.className = cfg.v2 ? "vb-title" : "job-card__title";
    h.appendChild(a); card.appendChild(h);
    var loc = document.createElement("p");
    loc.className = "job-card__location"; loc.textContent = job.location + " | " + job.salary;
    card.appendChild(loc);
    var apply = document.createElement("a");
    apply.href = url + "/apply"; apply.textContent = "Apply"; card.appendChild(apply);
    var save = document.createElement("a");
    save.href = cfg.root + "/save_job?job=" + job.ref; save.textContent = "Save"; card.appendChild(save);
    list.appendChild(card);
  });
  if (cfg.next) {
    var next = document.createElement("a");
    next.href = cfg.next; next.rel = "next"; next.className = "pagination__next"; next.textContent = "Next";
    document.getElementById("pagination").appendChild(next);
  }
});
"""


def detail_path(job: SandboxJob) -> str:
    """/job/{title-slug}-{ref}."""
    return f"/job/{slugify(job.title)}-{job.job_id}"


def posted_text(job: SandboxJob) -> str:
    """Relative posting time as the site words it."""
    hours = int(job.extra["age_hours"])
    if hours < 24:
        return f"about {hours} hours ago"
    days = hours // 24
    return "1 day ago" if days == 1 else f"{days} days ago"


class GooseSite:
    """Listing /jobs (JS-built cards, ?page=N), details /job/{slug}-{ref}."""

    name = "goose"

    def __init__(self, jobs: list[SandboxJob]) -> None:
        self.jobs = jobs
        self.by_ref = {job.job_id: job for job in jobs}

    def handle(self, request: SiteRequest) -> SiteReply:
        """Route one request."""
        path = request.path.rstrip("/") or "/"
        if path == "/robots.txt":
            return robots(["/save_job", "/admin/"])
        if path == "/jobs":
            return self._listing(request)
        match = _DETAIL.match(path)
        if (
            match
            and match.group(2) in self.by_ref
            and detail_path(self.by_ref[match.group(2)]) == path
        ):
            return self._detail(request, self.by_ref[match.group(2)])
        if path.endswith("/apply") and path[: -len("/apply")] in {
            detail_path(j) for j in self.jobs
        }:
            return SiteReply(
                document("Apply · GOOSE Recruitment", "<form><input name='cv' type='file'></form>")
            )
        return not_found(request)

    def _listing(self, request: SiteRequest) -> SiteReply:
        page = max(1, request.int_arg("page", 1))
        step = PER_PAGE - 3 if request.dupe_pages else PER_PAGE
        chosen = self.jobs[(page - 1) * step : (page - 1) * step + PER_PAGE]
        more = (page - 1) * step + PER_PAGE < len(self.jobs)
        data = {
            "root": request.root,
            "v2": request.v2,
            "next": f"{request.root}/jobs?page={page + 1}" if more else None,
            "jobs": [
                {
                    "slug": detail_path(job).removeprefix("/job/"),
                    "ref": job.job_id,
                    "title": job.title,
                    "location": job.location,
                    "salary": job.salary or "",
                }
                for job in chosen
            ],
        }
        # "</" would end the script element early; JSON allows the escaped form.
        payload = json.dumps(data).replace("</", "<\\/")
        body = (
            "<header><h1>Aviation Jobs</h1></header>"
            '<div id="job-list" class="jobs-grid"></div><nav id="pagination"></nav>'
            f'<script id="jobs-data" type="application/json">{payload}</script>'
            f"<script>{_SCRIPT}</script>"
        )
        return SiteReply(document(f"Aviation Jobs · {BRAND}", body, lang="en-GB"))

    def _detail(self, request: SiteRequest, job: SandboxJob) -> SiteReply:
        extra = job.extra
        fields = [
            ("Posted", esc(posted_text(job))),
            ("Sector", esc(extra["sector"])),
            ("Location", esc(job.location)),
            ("Job Ref", esc(job.job_id)),
            ("Job Type", esc(job.contract_type)),
            ("Salary", esc(job.salary or "")),
            ("Expiry Date", esc(extra["expiry"])),
            ("Contact", esc(extra["contact"])),
            ("Contact Email", f'<a href="mailto:{esc(extra["email"])}">{esc(extra["email"])}</a>'),
            ("Contact Phone", f'<a href="tel:{esc(extra["phone"])}">{esc(extra["phone"])}</a>'),
        ]
        prefix = "jd" if request.v2 else "job-details"
        items = "".join(
            f'<li><span class="{prefix}__label">{label}</span> <span class="{prefix}__value">{value}</span></li>'
            for label, value in fields
        )
        href = f"{request.root}{detail_path(job)}"
        body = (
            f'<main class="job"><h1 class="{"jd-heading" if request.v2 else "job-title"}">{esc(job.title)}</h1>'
            f'<ul class="{prefix}">{items}</ul>'
            f'<div class="{"jd-body" if request.v2 else "job-description"}">'
            f"{paragraphs(job.description)}<h3>Requirements</h3>{bullets(job.requirements)}</div>"
            f'<a class="btn" href="{href}/apply">Apply now</a> '
            f'<a href="{request.root}/save_job?job={esc(job.job_id)}">Save job</a></main>'
        )
        title = f"{job.title} - Ref: {job.job_id} - {job.location} · {BRAND}"
        return SiteReply(document(title, body, lang="en-GB"))

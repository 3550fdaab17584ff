"""aviationjobsearch.com: plain HTML listing pages, job facts from each detail page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

import scrapy

from aeroscrap.items import JobItem
from spiders._common import (
    AeroSpider,
    MalformedPage,
    block_text,
    clean,
    first_text,
    guarded,
    job_posting_fields,
    labelled_fields,
    page_selector,
)

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterator

    from parsel import Selector
    from scrapy.http import Response

# /jobs/{category}/{subcategory}/{title}-by-{advertiser}[-{key}]-{id}: category pages and
# two-segment /jobs/pilots/first-officer links look similar but have no "-by-...-{id}" slug.
DETAIL_PATH = re.compile(
    r"^(?:/.*)?/jobs/[a-z0-9-]+/[a-z0-9-]+/[A-Za-z0-9-]+-by-[A-Za-z0-9-]+-(\d+)/?$"
)
_TITLE_SUFFIX = re.compile(r"\s*-\s*Aviation Job Search\s*$", re.IGNORECASE)
_CONTRACT_WORDS = re.compile(
    r"\b(Permanent|Contract|Full[- ]Time|Part[- ]Time|Temporary|Fixed[- ]Term|Freelance)\b", re.I
)


@dataclass
class AjsDetail:
    """What a detail page says."""

    title: str
    location: str | None
    company: str | None
    description: str | None
    contract_type: str | None
    posted: str | None
    salary: str | None


def detail_links(selector: Selector, page_url: str) -> list[str]:
    """Absolute URLs of the job detail pages linked from a page, in page order, once each."""
    links: list[str] = []
    for href in selector.css('a[href*="/jobs/"]::attr(href)').getall():
        url = urljoin(page_url, href.strip())
        if DETAIL_PATH.match(urlsplit(url).path) and url not in links:
            links.append(url)
    return links


def split_page_title(
    page_title: str, heading: str | None = None
) -> tuple[str, str | None, str | None]:
    """'{Title} in {Location} by {Company} - Aviation Job Search' -> (title, location, company).

    The <h1> settles titles that contain ' in ' themselves ("Engineer in Charge ...").
    """
    text = _TITLE_SUFFIX.sub("", " ".join(page_title.split()))
    head, by, company = text.rpartition(" by ")
    if not by:
        return text, None, None
    if heading and head.startswith(f"{heading} in "):
        return heading, head[len(heading) + 4 :], company
    title, in_, location = head.rpartition(" in ")
    return (title, location, company) if in_ else (head, None, company)


def read_detail(selector: Selector) -> AjsDetail:
    """Fields of a detail page; raises MalformedPage when it has no recognisable title."""
    page_title = clean(selector.css("title::text").get())
    heading = clean(" ".join(selector.css("h1 ::text").getall()))
    if not page_title or not _TITLE_SUFFIX.search(page_title):
        raise MalformedPage(f"no '... - Aviation Job Search' title (got {page_title!r})")
    title, location, company = split_page_title(page_title, heading)
    location = location or clean(selector.css(".job-location::text").get())
    company = company or clean(selector.css(".job-company::text").get())
    description = first_text(
        selector, ".job-description", '[class*="description"]', "article", "main"
    )
    labels = labelled_fields(selector.css("ul, dl"))
    structured = job_posting_fields(selector)
    posted = structured.get("datePosted") or labels.get("Posted") or labels.get("Date Posted")
    contract = labels.get("Contract Type") or labels.get("Job Type")
    if contract is None:
        header = block_text(selector.css(".job-header, .job-summary")) or ""
        found = _CONTRACT_WORDS.search(header)
        contract = found.group(1) if found else None
    return AjsDetail(
        title=title,
        location=location,
        company=company,
        description=description,
        contract_type=contract,
        posted=posted,
        salary=salary_line(description),
    )


def salary_line(description: str | None) -> str | None:
    """The board has no salary field: the description's 'Rate: ...' / 'Salary: ...' line."""
    for line in (description or "").splitlines():
        if re.match(r"^(Rate|Salary|Pay)\b", line, re.IGNORECASE):
            return line
    return None


class AviationJobSearchSpider(AeroSpider):
    """Listing /en-GB/jobs?page=N until a page has no job links; one item per detail page."""

    name = "aviationjobsearch"
    complete_listing = True
    live_base_url = "https://www.aviationjobsearch.com"
    # About 3 s between requests is what the site is reported to tolerate.
    custom_settings = {"DOWNLOAD_DELAY": 3.0, "CONCURRENT_REQUESTS_PER_DOMAIN": 1}  # noqa: RUF012 (Scrapy reads it off the class)

    def listing_url(self, page: int) -> str:
        """Page 1 is the bare URL, then ?page=2, ?page=3, ..."""
        return self.url("/en-GB/jobs") if page == 1 else self.url(f"/en-GB/jobs?page={page}")

    async def start(self) -> AsyncIterator[Any]:
        """First listing page."""
        yield scrapy.Request(
            self.listing_url(1), callback=self.parse_listing, cb_kwargs={"page": 1}
        )

    @guarded
    def parse_listing(self, response: Response, page: int = 1) -> Iterator[scrapy.Request]:
        """Every detail link on the page, then the next page while pages have jobs."""
        links = detail_links(page_selector(response), response.url)
        self.report_listing(response, len(links), first=page == 1)
        for link in links:
            yield scrapy.Request(link, callback=self.parse_job)
        if links:
            yield scrapy.Request(
                self.listing_url(page + 1),
                callback=self.parse_listing,
                cb_kwargs={"page": page + 1},
            )

    @guarded
    def parse_job(self, response: Response) -> Iterator[JobItem]:
        """One detail page -> one item; most pages show no date, so the crawl date stands in."""
        detail = read_detail(page_selector(response))
        match = DETAIL_PATH.match(urlsplit(response.url).path)
        yield JobItem(
            source=self.name,
            url=response.url,
            title=detail.title,
            company=detail.company,
            location=detail.location,
            posted=detail.posted,
            posted_estimated=detail.posted is None,
            crawl_date=self.crawl_date,
            description=detail.description,
            salary=detail.salary,
            source_job_id=match.group(1) if match else None,
            contract_type=detail.contract_type,
            status="active",
        )

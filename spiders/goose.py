"""GOOSE Recruitment: the listing is rendered in Chromium (scrapy-playwright), details are HTML."""

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
    from twisted.python.failure import Failure

# /job/{title-slug}-{ref}; ref = digits and optional letters ("821532a").
DETAIL_PATH = re.compile(r"/job/([a-z0-9-]+?)-(\d+[a-z]*)/?$")
_PAGE_TITLE = re.compile(r"^(?P<title>.+?) - Ref: (?P<ref>\S+) - (?P<region>.+?) · (?P<brand>.+)$")
AGENCY = "GOOSE Recruitment"
_PLAYWRIGHT = "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler"


@dataclass
class GooseDetail:
    """What a detail page says."""

    title: str
    ref: str | None
    company: str
    location: str | None
    posted: str | None
    valid_through: str | None
    fields: dict[str, str]
    description: str | None


def detail_links(selector: Selector, page_url: str) -> list[str]:
    """Job detail URLs of a rendered listing, skipping the /apply and /save_job links."""
    links: list[str] = []
    for href in selector.css('a[href*="/job/"]::attr(href)').getall():
        url = urljoin(page_url, href.strip())
        path = urlsplit(url).path
        if "/save_job" in path or path.rstrip("/").endswith("/apply"):
            continue
        if DETAIL_PATH.search(path) and url not in links:
            links.append(url)
    return links


def read_detail(selector: Selector) -> GooseDetail:
    """Title, ref, agency and the labelled list (Posted, Sector, Location, Job Ref, ...)."""
    page_title = clean(selector.css("title::text").get()) or ""
    parts = _PAGE_TITLE.match(page_title)
    title = clean(" ".join(selector.css("h1 ::text").getall())) or (
        parts.group("title") if parts else None
    )
    if not title:
        raise MalformedPage(f"no job title (page title {page_title!r})")
    fields = labelled_fields(selector.css("ul, dl"))
    structured = job_posting_fields(selector)
    ref = fields.get("Job Ref") or (parts.group("ref") if parts else None)
    location = fields.get("Location") or (parts.group("region") if parts else None)
    return GooseDetail(
        title=title,
        ref=ref,
        company=(parts.group("brand") if parts else None)
        or structured.get("hiringOrganization")
        or AGENCY,
        location=location,
        # Structured data first: exact dates beat "about 23 hours ago" when the page has both.
        posted=structured.get("datePosted") or fields.get("Posted"),
        valid_through=structured.get("validThrough") or fields.get("Expiry Date"),
        fields=fields,
        description=first_text(selector, ".job-description", '[class*="description"]', "main"),
    )


class GooseSpider(AeroSpider):
    """Rendered listing (and its next pages), then every detail page without the browser."""

    name = "goose"
    complete_listing = True
    live_base_url = "https://www.goose-recruitment.com"
    custom_settings = {  # noqa: RUF012 (Scrapy reads it off the class)
        "DOWNLOAD_DELAY": 2.0,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
        # Only requests with meta["playwright"] go through Chromium; the handler passes the
        # rest to Scrapy's own. Local-file schemes stay off (RELIABILITY C12).
        "DOWNLOAD_HANDLERS": {
            "http": _PLAYWRIGHT,
            "https": _PLAYWRIGHT,
            "file": None,
            "data": None,
            "s3": None,
            "ftp": None,
        },
    }

    def listing_request(self, url: str, page: int) -> scrapy.Request:
        """A listing page rendered by Chromium."""
        return scrapy.Request(
            url,
            callback=self.parse_listing,
            errback=self.listing_failed,
            cb_kwargs={"page": page},
            meta={"playwright": True},
        )

    async def start(self) -> AsyncIterator[Any]:
        """The rendered /jobs page."""
        yield self.listing_request(self.url("/jobs"), 1)

    @guarded
    def parse_listing(self, response: Response, page: int = 1) -> Iterator[scrapy.Request]:
        """Detail links of the rendered cards, then the rel=next page if the page has one."""
        links = detail_links(page_selector(response), response.url)
        self.report_listing(response, len(links), first=page == 1)
        for link in links:
            yield scrapy.Request(link, callback=self.parse_job)
        next_href = response.css('a[rel="next"]::attr(href)').get()
        if links and next_href:
            yield self.listing_request(response.urljoin(next_href), page + 1)

    def listing_failed(self, failure: Failure) -> None:
        """Browser timeouts and crashes: say which page, count it, let the crawl continue."""
        request = getattr(failure, "request", None)
        self.inc_stat("aeroscrap/listing_error")
        self.logger.error(
            "source=%s listing failed %s: %s",
            self.name,
            request.url if request is not None else "?",
            failure.getErrorMessage(),
        )

    @guarded
    def parse_job(self, response: Response) -> Iterator[JobItem]:
        """One detail page -> one item; the company is the agency, as the page shows."""
        detail = read_detail(page_selector(response))
        fields = detail.fields
        match = DETAIL_PATH.search(urlsplit(response.url).path)
        posted = detail.posted
        yield JobItem(
            source=self.name,
            url=response.url,
            title=detail.title,
            company=detail.company,
            location=detail.location,
            posted=posted,
            posted_estimated=posted is None,
            crawl_date=self.crawl_date,
            description=detail.description,
            salary=fields.get("Salary") or None,
            source_job_id=detail.ref or (match.group(2) if match else None),
            apply_url=response.url.rstrip("/") + "/apply",
            contract_type=fields.get("Job Type"),
            valid_through=detail.valid_through,
            status="active",
            raw={
                key: fields[key]
                for key in ("Sector", "Contact", "Contact Email", "Contact Phone")
                if key in fields
            },
        )

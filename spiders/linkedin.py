"""LinkedIn public guest job endpoints: search fragments of ~10 cards, then each posting.

Blocking (HTTP 429/999) ends the crawl cleanly: cards already seen still become items and the
stat ``aeroscrap/blocked`` = 1 tells the crawl record the run was cut short.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode, urljoin, urlsplit

import scrapy

from aeroscrap.items import JobItem
from spiders._common import AeroSpider, clean, first_text, guarded, page_selector

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterator

    from parsel import Selector
    from scrapy.http import Response

SEARCH_PATH = "/jobs-guest/jobs/api/seeMoreJobPostings/search"
POSTING_PATH = "/jobs-guest/jobs/api/jobPosting/"
# A guest query stops near 1,000 results; asking beyond only earns 400s.
RESULT_CAP = 1000
BLOCK_STATUSES = (429, 999)
DEFAULT_SEARCHES: tuple[str, ...] = ("pilot", "aircraft engineer", "aviation")
_URN = re.compile(r"urn:li:jobPosting:(\d+)")


@dataclass
class Card:
    """One search-result card."""

    job_id: str
    title: str | None
    company: str | None
    location: str | None
    posted: str | None
    posted_text: str | None
    salary: str | None
    link: str | None


@dataclass
class Posting:
    """The posting endpoint: description and the criteria list."""

    description: str | None
    criteria: dict[str, str] = field(default_factory=dict)


def read_cards(selector: Selector, page_url: str) -> list[Card]:
    """Cards of a search fragment; the id comes from data-entity-urn, else the link's last '-' part."""
    cards: list[Card] = []
    for node in selector.css("div.base-search-card"):
        link = node.css("a.base-card__full-link::attr(href)").get()
        urn = _URN.search(node.attrib.get("data-entity-urn", ""))
        job_id = urn.group(1) if urn else None
        if job_id is None and link:
            tail = urlsplit(link).path.rstrip("/").rsplit("-", 1)[-1]
            job_id = tail if tail.isdigit() else None
        if job_id is None:
            continue
        time = node.css("time")
        cards.append(
            Card(
                job_id=job_id,
                title=clean(" ".join(node.css("h3.base-search-card__title ::text").getall())),
                company=clean(" ".join(node.css("h4.base-search-card__subtitle ::text").getall())),
                location=clean(node.css("span.job-search-card__location::text").get()),
                posted=clean(time.attrib.get("datetime")) if time else None,
                posted_text=clean(time.css("::text").get()) if time else None,
                salary=clean(node.css("span.job-search-card__salary-info::text").get()),
                link=urljoin(page_url, link) if link else None,
            )
        )
    return cards


def read_posting(selector: Selector) -> Posting:
    """Description and criteria ('Seniority level', 'Employment type', ...) of a posting."""
    criteria: dict[str, str] = {}
    for item in selector.css("li.description__job-criteria-item"):
        label = clean(item.css("h3.description__job-criteria-subheader::text").get())
        value = clean(item.css("span.description__job-criteria-text--criteria::text").get())
        if label and value:
            criteria[label] = value
    description = first_text(selector, "div.show-more-less-html__markup", ".description__text")
    return Posting(description, criteria)


class LinkedInSpider(AeroSpider):
    """Guest search per keyword set (``-a keywords="a;b" -a location=...``), step = cards received."""

    name = "linkedin"
    live_base_url = "https://www.linkedin.com"
    # Mature scrapers wait 3-7 s between pages; 5 s with Scrapy's 0.5-1.5x jitter covers that.
    custom_settings = {"DOWNLOAD_DELAY": 5.0, "CONCURRENT_REQUESTS_PER_DOMAIN": 1}  # noqa: RUF012 (Scrapy reads it off the class)
    # 400 = past the last page; 429/999 = blocked: the callbacks decide, not HttpErrorMiddleware.
    handle_httpstatus_list = [400, *BLOCK_STATUSES]  # noqa: RUF012

    def __init__(
        self, *args: Any, keywords: str | None = None, location: str = "", **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        searches = [k.strip() for k in keywords.split(";")] if keywords else list(DEFAULT_SEARCHES)
        self.searches = [k for k in searches if k] or list(DEFAULT_SEARCHES)
        self.location = location
        self.seen_ids: set[str] = set()
        self.blocked = False

    def search_url(self, keywords: str, start: int) -> str:
        """A guest search fragment at an offset."""
        query = urlencode({"keywords": keywords, "location": self.location, "start": start})
        return self.url(f"{SEARCH_PATH}?{query}")

    def search_request(self, keywords: str, start: int) -> scrapy.Request:
        """The request of one search page."""
        return scrapy.Request(
            self.search_url(keywords, start),
            callback=self.parse_search,
            cb_kwargs={"keywords": keywords, "start": start},
        )

    async def start(self) -> AsyncIterator[Any]:
        """First page of every search."""
        for keywords in self.searches:
            yield self.search_request(keywords, 0)

    def note_blocked(self, response: Response) -> None:
        """Remember the block once: WARNING, stat, and no further search pages."""
        if not self.blocked:
            self.blocked = True
            self.set_stat("aeroscrap/blocked", 1)
            self.logger.warning(
                "source=%s blocked (HTTP %s) at %s; stopping cleanly with the %d jobs seen",
                self.name, response.status, response.url, len(self.seen_ids),
            )  # fmt: skip

    @guarded
    def parse_search(
        self, response: Response, keywords: str = "", start: int = 0
    ) -> Iterator[scrapy.Request]:
        """New cards -> posting requests; then start += cards received until 400, empty or cap."""
        if response.status in BLOCK_STATUSES:
            self.note_blocked(response)
            return
        if response.status == 400:
            self.logger.info("source=%s search %r ends at start=%d", self.name, keywords, start)
            return
        cards = read_cards(page_selector(response), response.url)
        self.report_listing(response, len(cards), first=start == 0)
        for card in cards:
            if card.job_id in self.seen_ids:
                continue
            self.seen_ids.add(card.job_id)
            yield scrapy.Request(
                self.url(f"{POSTING_PATH}{card.job_id}"),
                callback=self.parse_posting,
                cb_kwargs={"card": card, "keywords": keywords},
            )
        following = start + len(cards)
        if cards and following < RESULT_CAP and not self.blocked:
            yield self.search_request(keywords, following)

    @guarded
    def parse_posting(
        self, response: Response, card: Card, keywords: str = ""
    ) -> Iterator[JobItem]:
        """Card + posting -> item; a blocked posting still yields the card's fields."""
        posting = Posting(None)
        if response.status in BLOCK_STATUSES:
            self.note_blocked(response)
        elif response.status == 200:
            posting = read_posting(page_selector(response))
        yield JobItem(
            source=self.name,
            # The canonical form; card links carry tracking parameters (refId, trackingId).
            url=self.url(f"/jobs/view/{card.job_id}"),
            title=card.title,
            company=card.company,
            location=card.location,
            posted=card.posted or card.posted_text,
            posted_estimated=not (card.posted or card.posted_text),
            crawl_date=self.crawl_date,
            description=posting.description,
            salary=card.salary,
            source_job_id=card.job_id,
            contract_type=posting.criteria.get("Employment type"),
            status="active",
            raw={"search": keywords, "posted_text": card.posted_text, "criteria": posting.criteria},
        )

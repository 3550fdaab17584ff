"""Air India careers (SAP SuccessFactors): search tiles, then microdata on each detail page."""

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
    page_selector,
    trailing_id,
)

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterator

    from parsel import Selector
    from scrapy.http import Response

SEARCH_PATH = "/search/?createNewAlert=false&q=&locationsearch="
DETAIL_PATH = re.compile(r"/job/[^/]+/(\d+)/?$")
_PAGE_TITLE_SUFFIX = re.compile(r"\s*Job Details\s*\|\s*Air India Careers\s*$", re.IGNORECASE)
_FILLED_TEXT = "position has been filled"


@dataclass
class Tile:
    """One search-result tile."""

    url: str
    job_id: str
    title: str | None
    location: str | None


def read_tiles(selector: Selector, page_url: str) -> list[Tile]:
    """Tiles of a search page, once each (every tile repeats its fields desktop/tablet/mobile)."""
    tiles: list[Tile] = []
    seen: set[str] = set()
    for cell in selector.css("#job-tile-list .job-tile-cell"):
        href = cell.css("a.jobTitle-link::attr(href)").get() or cell.attrib.get("data-url")
        if not href:
            continue
        url = urljoin(page_url, href.strip())
        job_id = trailing_id(url)
        if job_id is None or job_id in seen:
            continue
        seen.add(job_id)
        location = (
            cell.css('div[id$="-tablet-section-location-value"]::text').get()
            or cell.css('div[id$="-section-location-value"]::text').get()
        )
        tiles.append(
            Tile(url, job_id, clean(cell.css("a.jobTitle-link::text").get()), clean(location))
        )
    if not tiles:
        # Another theme of the same platform: fall back to any link shaped like a job page.
        for link in selector.css('a[href*="/job/"]'):
            url = urljoin(page_url, link.attrib["href"].strip())
            match = DETAIL_PATH.search(urlsplit(url).path)
            if match and match.group(1) not in seen:
                seen.add(match.group(1))
                tiles.append(Tile(url, match.group(1), clean(link.css("::text").get()), None))
    return tiles


def company_for(url: str) -> str:
    """Air India Express jobs live under /aix/; everything else is Air India."""
    return "Air India Express" if urlsplit(url).path.startswith("/aix/") else "Air India"


def is_filled(selector: Selector) -> bool:
    """Filled jobs still answer 200, with robots noindex and a 'has been filled' notice."""
    noindex = "noindex" in (selector.css('meta[name="robots"]::attr(content)').get() or "").lower()
    notice = any(_FILLED_TEXT in text.lower() for text in selector.css("body ::text").getall())
    return notice or (noindex and not selector.css("span.jobdescription"))


def page_title(selector: Selector) -> str | None:
    """og:title, else '<title>' without ' Job Details | Air India Careers'."""
    og = clean(selector.css('meta[property="og:title"]::attr(content)').get())
    if og:
        return og
    title = clean(selector.css("title::text").get())
    if title and _PAGE_TITLE_SUFFIX.search(title):
        return _PAGE_TITLE_SUFFIX.sub("", title)
    return None


class AirIndiaSpider(AeroSpider):
    """The whole board (location search is broken on the site), 25 tiles a page via startrow."""

    name = "airindia"
    complete_listing = True
    live_base_url = "https://careers.airindia.com"
    custom_settings = {"DOWNLOAD_DELAY": 2.0, "CONCURRENT_REQUESTS_PER_DOMAIN": 1}  # noqa: RUF012 (Scrapy reads it off the class)

    def search_url(self, startrow: int) -> str:
        """The search page at a row offset."""
        suffix = f"&startrow={startrow}" if startrow else ""
        return self.url(SEARCH_PATH + suffix)

    async def start(self) -> AsyncIterator[Any]:
        """First search page."""
        yield scrapy.Request(
            self.search_url(0), callback=self.parse_search, cb_kwargs={"startrow": 0}
        )

    @guarded
    def parse_search(self, response: Response, startrow: int = 0) -> Iterator[scrapy.Request]:
        """Details of every tile; the next page starts after the tiles received; empty ends it."""
        tiles = read_tiles(page_selector(response), response.url)
        self.report_listing(response, len(tiles), first=startrow == 0)
        for tile in tiles:
            yield scrapy.Request(tile.url, callback=self.parse_job, cb_kwargs={"tile": tile})
        if tiles:
            nxt = startrow + len(tiles)
            yield scrapy.Request(
                self.search_url(nxt), callback=self.parse_search, cb_kwargs={"startrow": nxt}
            )

    @guarded
    def parse_job(self, response: Response, tile: Tile | None = None) -> Iterator[JobItem]:
        """One detail page; filled jobs give a 'filled' item from the tile's title."""
        selector = page_selector(response)
        filled = is_filled(selector)
        structured = job_posting_fields(selector)
        title = (tile.title if tile else None) or page_title(selector) or structured.get("title")
        description = first_text(selector, "span.jobdescription", '[itemprop="description"]')
        if not title or (not filled and not description):
            raise MalformedPage("no title or no description on an open job page")
        location = (tile.location if tile else None) or clean(
            selector.css("span.jobGeoLocation::text").get()
        )
        yield JobItem(
            source=self.name,
            url=response.url,
            title=title,
            company=company_for(response.url),
            location=location,
            posted=structured.get("datePosted"),
            # A filled page shows no date because the job is closed, not because it has none.
            posted_estimated=not filled and not structured.get("datePosted"),
            crawl_date=self.crawl_date,
            description=description,
            source_job_id=trailing_id(response.url),
            status="filled" if filled else "active",
        )

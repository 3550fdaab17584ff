"""What every AeroScrap spider shares: base URL handling, loud failures, page-reading helpers."""

from __future__ import annotations

import copy
import functools
import json
import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlsplit

import scrapy
from lxml import etree
from scrapy.http import TextResponse

from aeroscrap.exceptions import AeroScrapError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from parsel import Selector, SelectorList
    from scrapy.http import Response

PARSE_ERROR_STAT = "aeroscrap/parse_error"
EMPTY_LISTING_STAT = "aeroscrap/empty_listing"
_BLOCK_TAGS = {
    "p", "div", "li", "ul", "ol", "br", "h1", "h2", "h3", "h4", "h5", "h6", "section",
    "article", "tr", "table", "dd", "dt", "dl", "header", "footer", "blockquote",
}  # fmt: skip


class MalformedPage(AeroScrapError):
    """Raised by a callback when a page lacks what every page of its kind must have."""


class AeroSpider(scrapy.Spider):
    """Base of the source spiders: `-a base_url=` for a sandbox, the crawl date, loud errors."""

    live_base_url: ClassVar[str]
    # True when one run sees the whole board, so a job it did not see has gone (LinkedIn
    # searches are capped and partial: never).
    complete_listing: ClassVar[bool] = False

    def __init__(self, *args: Any, base_url: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.base_url = (base_url or self.live_base_url).rstrip("/")
        host = urlsplit(self.base_url).hostname
        if not host:
            raise ValueError(f"base_url must be an absolute http(s) URL, got {self.base_url!r}")
        # Offsite redirects and links are dropped (RELIABILITY C12).
        self.allowed_domains = [host]
        # Relative "posted" texts are relative to this moment; the pipelines read it from items.
        self.crawl_date = datetime.now(UTC).isoformat(timespec="seconds")
        self.listing_pages = 0

    def url(self, path: str) -> str:
        """The site URL of a path (the real site's path under base_url)."""
        return f"{self.base_url}{path}"

    def inc_stat(self, key: str, count: int = 1) -> None:
        """Increase a crawl stat (no-op for a spider built without a crawler, as in unit tests)."""
        crawler = getattr(self, "crawler", None)
        if crawler is not None and crawler.stats is not None:
            crawler.stats.inc_value(key, count)

    def set_stat(self, key: str, value: object) -> None:
        """Set a crawl stat (no-op without a crawler)."""
        crawler = getattr(self, "crawler", None)
        if crawler is not None and crawler.stats is not None:
            crawler.stats.set_value(key, value)

    def report_parse_error(self, response: Response, exc: Exception) -> None:
        """A page we could not read: ERROR naming the URL, counted; the crawl goes on."""
        self.inc_stat(PARSE_ERROR_STAT)
        self.logger.error(
            "source=%s parse error on %s: %s: %s", self.name, response.url, type(exc).__name__, exc
        )

    def report_listing(self, response: Response, found: int, *, first: bool) -> None:
        """Count a listing page; an empty first page means the layout changed, say so loudly."""
        self.listing_pages += 1
        if found:
            return
        if first:
            self.inc_stat(EMPTY_LISTING_STAT)
            self.logger.error(
                "source=%s listing %s has 0 jobs – layout changed?", self.name, response.url
            )
        else:
            self.logger.info("source=%s end of listing at %s", self.name, response.url)

    def closed(self, reason: str) -> None:
        """A run without items is an error worth reading, whatever Scrapy's finish reason says."""
        crawler = getattr(self, "crawler", None)
        if crawler is None or crawler.stats is None:
            return
        items = (crawler.stats.get_value("item_scraped_count") or 0) + (
            crawler.stats.get_value("item_dropped_count") or 0
        )
        if not items:
            pages = crawler.stats.get_value("response_received_count") or 0
            self.logger.error(
                "source=%s pages=%s items=0 – layout changed? (finish reason: %s)",
                self.name, pages, reason,
            )  # fmt: skip


def guarded(
    callback: Callable[..., Iterable[Any]],
) -> Callable[..., Iterator[Any]]:
    """Wrap a generator callback: an exception becomes a logged, counted parse error."""

    @functools.wraps(callback)
    def wrapper(self: AeroSpider, response: Response, *args: Any, **kwargs: Any) -> Iterator[Any]:
        try:
            yield from callback(self, response, *args, **kwargs)
        except Exception as exc:  # one bad page must never end the crawl
            self.report_parse_error(response, exc)

    return wrapper


def page_selector(response: Response) -> Selector:
    """The response's selector; raises MalformedPage for a body Scrapy did not take as text."""
    if not isinstance(response, TextResponse):
        content_type = (response.headers.get("Content-Type") or b"").decode("latin-1")
        raise MalformedPage(f"not a text page (Content-Type {content_type!r})")
    return response.selector


def clean(text: str | None) -> str | None:
    """Collapse whitespace; None for nothing left."""
    if text is None:
        return None
    text = " ".join(text.split())
    return text or None


def block_text(selection: Selector | SelectorList[Selector]) -> str | None:
    """Visible text with one line per block element (paragraphs, list items), scripts left out."""
    nodes = [selection] if not isinstance(selection, list) else list(selection)
    lines: list[str] = []
    for node in nodes:
        root = node.root
        if not isinstance(root, etree._Element):
            text = clean(str(root))
            lines.extend([text] if text else [])
            continue
        element = copy.deepcopy(root)
        etree.strip_elements(element, "script", "style", with_tail=False)
        for child in element.iter():
            if isinstance(child.tag, str) and child.tag.lower() in _BLOCK_TAGS:
                child.text = "\n" + (child.text or "")
                child.tail = "\n" + (child.tail or "")
        lines.extend(" ".join(line.split()) for line in "".join(element.itertext()).split("\n"))
    text = "\n".join(line for line in lines if line)
    return text or None


def first_text(selector: Selector, *queries: str) -> str | None:
    """Block text of the first CSS query that matches something."""
    for query in queries:
        found = selector.css(query)
        if found:
            return block_text(found[0])
    return None


def labelled_fields(selection: Selector | SelectorList[Selector]) -> dict[str, str]:
    """Label -> value from labelled lists: ``<li><b>Label:</b> value</li>`` or ``<dt>/<dd>``."""
    fields: dict[str, str] = {}
    for item in selection.css("li"):
        label = clean(" ".join(item.xpath("./*[1]//text()").getall()))
        full = clean(" ".join(item.xpath(".//text()").getall()))
        if label and full and full.startswith(label):
            value = full[len(label) :].strip(" :\u00a0")
            fields.setdefault(label.rstrip(":").strip(), value)
    for term in selection.css("dt"):
        term_label = clean(" ".join(term.xpath(".//text()").getall()))
        answer = clean(" ".join(term.xpath("following-sibling::dd[1]//text()").getall()))
        if term_label and answer is not None:
            fields.setdefault(term_label.rstrip(":").strip(), answer)
    return fields


def _find_job_postings(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, list):
        for entry in node:
            yield from _find_job_postings(entry)
    elif isinstance(node, dict):
        kind = node.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if "JobPosting" in kinds:
            yield node
        yield from _find_job_postings(node.get("@graph", []))


def json_ld_job_posting(selector: Selector) -> dict[str, Any] | None:
    """The first schema.org JobPosting in the page's JSON-LD (plain, in a list or in @graph)."""
    for script in selector.css('script[type="application/ld+json"]::text').getall():
        try:
            data = json.loads(script)
        except ValueError:
            # Sites ship JSON-LD with raw newlines or trailing commas; strict=False fixes the first.
            try:
                data = json.loads(script, strict=False)
            except ValueError:
                continue
        for posting in _find_job_postings(data):
            return posting
    return None


def microdata_job_posting(selector: Selector) -> dict[str, str]:
    """Top-level itemprops of a schema.org JobPosting microdata block (content attr or text)."""
    scopes = selector.css('[itemscope][itemtype*="JobPosting"]') or selector.css(
        ".jobDisplayShell[itemscope]"
    )
    if not scopes:
        return {}
    props: dict[str, str] = {}
    scope = scopes[0]
    # A property belongs to this scope when no other itemscope sits between them.
    for prop in scope.xpath(".//*[@itemprop][count(ancestor::*[@itemscope]) = $depth]",
                            depth=len(scope.xpath("ancestor-or-self::*[@itemscope]"))):  # fmt: skip
        name = prop.attrib["itemprop"]
        value: str | None = (
            prop.attrib.get("content") or prop.attrib.get("datetime") or block_text(prop)
        )
        if value and name not in props:
            props[name] = value.strip()
    return props


def job_posting_fields(selector: Selector) -> dict[str, str]:
    """JobPosting fields from JSON-LD, else microdata, as strings (empty when the page has none)."""
    posting = json_ld_job_posting(selector)
    if posting is None:
        return microdata_job_posting(selector)
    fields: dict[str, str] = {}
    for key in ("title", "datePosted", "validThrough", "employmentType", "description"):
        value = posting.get(key)
        if isinstance(value, str | int | float):
            fields[key] = str(value)
        elif isinstance(value, list) and value:
            fields[key] = ", ".join(str(v) for v in value)
    org = posting.get("hiringOrganization")
    if isinstance(org, dict) and isinstance(org.get("name"), str):
        fields["hiringOrganization"] = org["name"]
    return fields


def trailing_id(path: str) -> str | None:
    """The trailing integer of a URL path (/job/X/47574344/ -> '47574344')."""
    match = re.search(r"(\d+)/?$", urlsplit(path).path)
    return match.group(1) if match else None

"""First pipeline step: drop what cannot be a job, one DropItem subclass per reason."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

MAX_URL_LENGTH = 2048


class InvalidJob(DropItem):
    """Base of the reasons a scraped item is not stored (Scrapy counts drops by class name)."""


class MissingTitle(InvalidJob):
    """Raised when an item has no title text."""


class MissingUrl(InvalidJob):
    """Raised when an item has no URL."""


class BadUrl(InvalidJob):
    """Raised when the URL is not an absolute http(s) URL."""


class UrlTooLong(InvalidJob):
    """Raised when the URL is longer than MAX_URL_LENGTH characters."""


def check_record(record: dict[str, Any]) -> None:
    """Raise an InvalidJob subclass naming the bad value; clamping happens in normalisation."""
    url = record.get("url")
    if not isinstance(url, str) or not url.strip():
        raise MissingUrl("missing_url: item has no URL")
    url = url.strip()
    if len(url) > MAX_URL_LENGTH:
        raise UrlTooLong(f"url_too_long: {len(url)} characters (max {MAX_URL_LENGTH})")
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise BadUrl(f"bad_url: {url[:200]!r} is not an absolute http(s) URL")
    title = record.get("title")
    if not isinstance(title, str) or not title.strip():
        raise MissingTitle(f"missing_title: no title at {url[:200]}")


class ValidatePipeline:
    """Drops items without a title or a usable URL."""

    def process_item(self, item: Any) -> Any:
        check_record(ItemAdapter(item).asdict())
        return item

"""Downloader middleware: retries that honour Retry-After and back off (Scrapy retries at once, #3849)."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response
from scrapy.utils.response import response_status_message

logger = logging.getLogger(__name__)

MAX_WAIT_S = 60.0


def retry_after_seconds(value: bytes | str | None, *, now: datetime | None = None) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or an HTTP date); None if absent/bad."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class RetryAfterMiddleware(RetryMiddleware):
    """Retry 429/5xx after max(Retry-After, exponential backoff), never more than 60 s."""

    def __init__(self, settings):  # type: ignore[no-untyped-def]
        super().__init__(settings)
        self.backoff_base = settings.getfloat("AEROSCRAP_RETRY_BACKOFF_BASE", 1.0)

    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response
    ) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        attempt = request.meta.get("retry_times", 0)
        wait = self.backoff_base * (2**attempt)
        asked = retry_after_seconds(response.headers.get(b"Retry-After"))
        if asked is not None:
            wait = max(wait, asked)
        wait = min(wait, MAX_WAIT_S)
        if wait > 0:
            logger.info(
                "Waiting %.1fs before retrying %s (HTTP %s)", wait, request.url, response.status
            )
            # Sleeping here keeps the download slot busy, which is the point: the site asked us to slow down.
            await asyncio.sleep(wait)
        return retry

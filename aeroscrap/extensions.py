"""CrawlLogExtension: one crawl_runs row per spider run, with an honest status.

Scrapy reports "finished" and exits 0 when items were lost, when nothing was scraped and when the
site blocked us; this extension decides the status from the stats instead (RELIABILITY.md, Traps).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from typing import Any

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from sqlalchemy import Engine

from aeroscrap.db import runs
from aeroscrap.db.session import check_connection, make_engine
from aeroscrap.monitors import FAILURES_STAT

logger = logging.getLogger(__name__)

HEARTBEAT_S = 30.0
BLOCK_CODES = ("429", "403", "999")
# Responses that say "blocked": when they are at least this share of all responses, the run is blocked.
BLOCKED_SHARE = 0.5


def decide_status(stats: dict[str, Any], reason: str) -> str:
    """The crawl_runs status for a run's final stats and Scrapy's close reason."""
    if reason == "skipped":
        return "skipped"
    if reason in {"shutdown", "cancelled"}:
        return "cancelled"
    responses = int(stats.get("response_received_count", 0))
    blocked = sum(int(stats.get(f"downloader/response_status_count/{c}", 0)) for c in BLOCK_CODES)
    if stats.get("aeroscrap/blocked") or (responses and blocked / responses >= BLOCKED_SHARE):
        return "blocked"
    if items_found(stats) == 0:
        return "empty"
    if (
        error_count(stats)
        or stats.get("aeroscrap/spooled")
        or stats.get(FAILURES_STAT)
        or reason != "finished"
    ):
        return "partial"
    return "finished"


def items_found(stats: dict[str, Any]) -> int:
    return (
        int(stats.get("item_scraped_count", 0))
        + int(stats.get("item_dropped_count", 0))
        + int(stats.get("aeroscrap/item_error", 0))
    )


def error_count(stats: dict[str, Any]) -> int:
    # ERROR log lines cover given-up retries, callback exceptions and store failures alike.
    return int(stats.get("log_count/ERROR", 0)) + int(stats.get("aeroscrap/item_error", 0))


class CrawlLogExtension:
    """Writes the crawl_runs row, holds the per-source lock and counts item errors."""

    def __init__(self, crawler: Crawler, engine: Engine) -> None:
        self.crawler = crawler
        self.engine = engine
        self.run_id: int | None = None
        self.lock: runs.SourceLock | None = None
        self.skipped = False
        self._heartbeat: asyncio.Task[None] | None = None
        self._closing: asyncio.Task[None] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlLogExtension:
        url = crawler.settings.get("AEROSCRAP_DATABASE_URL")
        if not url:
            raise NotConfigured("AEROSCRAP_DATABASE_URL is not set")
        engine = make_engine(url)
        # Fails the bootstrap (exit 1, no request made) when the database is down: D1.
        check_connection(engine)
        ext = cls(crawler, engine)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.item_error, signal=signals.item_error)
        crawler.signals.connect(ext.request_scheduled, signal=signals.request_scheduled)
        return ext

    def spider_opened(self, spider: Spider) -> None:
        source = spider.name
        self.lock = runs.SourceLock(self.engine, source)
        job = getattr(spider, "_job", None) or os.environ.get("SCRAPYD_JOB")
        args = {k: v for k, v in vars(spider).items() if k in {"base_url", "keywords", "location"}}
        if not self.lock.acquire():
            self.skipped = True
            self.run_id = runs.start_run(
                self.engine,
                source,
                status="skipped",
                scrapyd_job_id=job,
                args=args,
                message=f"skipped: {source} already running",
            )
            logger.info("skipped: %s already running", source)
            engine = self.crawler.engine
            assert engine is not None
            self._closing = asyncio.get_event_loop().create_task(
                engine.close_spider_async(reason="skipped")
            )
            return
        self.run_id = runs.start_run(self.engine, source, scrapyd_job_id=job, args=args)
        stale = runs.abort_stale_runs(self.engine, source, current_run=self.run_id)
        if stale:
            logger.warning("marked %d earlier %s run(s) aborted: their process died", stale, source)
        self.crawler.stats.set_value("aeroscrap/run_id", self.run_id)
        self._heartbeat = asyncio.get_event_loop().create_task(self._beat())

    def request_scheduled(self, request: Request, spider: Spider) -> None:
        # A skipped run must not touch the site, not even with the start requests.
        if self.skipped:
            raise IgnoreRequest("crawl skipped: source already running")

    def item_error(self, item: Any, response: Any, spider: Spider, failure: Any) -> None:
        # Scrapy logs the exception and forgets the item; counting it makes the run "partial".
        self.crawler.stats.inc_value("aeroscrap/item_error")

    async def _beat(self) -> None:
        assert self.run_id is not None
        while True:
            await asyncio.sleep(HEARTBEAT_S)
            stats = self.crawler.stats.get_stats()
            with contextlib.suppress(Exception):  # a missed heartbeat must not stop the crawl
                runs.update_run(
                    self.engine,
                    self.run_id,
                    heartbeat_at=runs.utcnow(),
                    items_found=items_found(stats),
                    pages=int(stats.get("response_received_count", 0)),
                )

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self._heartbeat is not None:
            self._heartbeat.cancel()
        if self.skipped or self.run_id is None:
            self._release()
            return
        stats = self.crawler.stats.get_stats()
        status = decide_status(stats, reason)
        found = items_found(stats)
        pages = int(stats.get("response_received_count", 0))
        message = None
        if status == "empty":
            message = f"source={spider.name} pages={pages} items=0 – layout changed?"
            logger.error(message)
        elif status == "partial" and stats.get(FAILURES_STAT):
            message = "; ".join(stats[FAILURES_STAT])
            logger.error("source=%s failed checks: %s", spider.name, message)
        elif status == "blocked":
            message = (
                f"source={spider.name} blocked by the site after {pages} pages; kept {found} items"
            )
            logger.warning(message)
        try:
            previous = runs.previous_finished_count(
                self.engine, spider.name, before_run=self.run_id
            )
        except Exception:  # only feeds a warning; recording the run matters more
            previous = None
        if previous and found <= 0.2 * previous:
            logger.warning(
                "source=%s found %d items, at least 80%% fewer than the last finished run (%d)",
                spider.name,
                found,
                previous,
            )
        reasons = {
            key.rsplit("/", 1)[1]: int(value)
            for key, value in stats.items()
            if key.startswith("item_dropped_reasons_count/")
        }
        http = {
            key.rsplit("/", 1)[1]: int(value)
            for key, value in stats.items()
            if key.startswith("downloader/response_status_count/")
        }
        try:
            runs.update_run_retrying(
                self.engine,
                self.run_id,
                status=status,
                finished_at=runs.utcnow(),
                heartbeat_at=runs.utcnow(),
                pages=pages,
                items_found=found,
                items_inserted=int(stats.get("aeroscrap/inserted", 0)),
                items_updated=int(stats.get("aeroscrap/updated", 0)),
                items_merged=int(stats.get("aeroscrap/merged", 0)),
                items_unchanged=int(stats.get("aeroscrap/unchanged", 0)),
                items_dropped=int(stats.get("item_dropped_count", 0)),
                errors=error_count(stats),
                dropped_reasons=reasons,
                http_status=http,
                finish_reason=reason,
                message=message,
            )
        except Exception:
            logger.exception("could not record the end of crawl run %s", self.run_id)
        if status == "finished" and getattr(spider, "complete_listing", False):
            # Only a complete, clean run may say a job has gone: never an empty, blocked or
            # partial one (a changed layout must not expire the whole board).
            required = self.crawler.settings.getint("AEROSCRAP_EXPIRE_AFTER_RUNS", 2)
            expired = runs.expire_unseen(self.engine, spider.name, runs_required=required)
            if expired:
                logger.info(
                    "source=%s: %d jobs no longer listed, marked expired", spider.name, expired
                )
        self.crawler.stats.set_value("aeroscrap/status", status)
        logger.info(
            "crawl run %s of %s: %s (%d items, %d pages)",
            self.run_id,
            spider.name,
            status,
            found,
            pages,
        )
        self._release()

    def _release(self) -> None:
        if self.lock is not None:
            self.lock.release()
        self.engine.dispose()

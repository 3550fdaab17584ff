"""Last pipeline step: batched, retried writes; a spool file when the database stays down.

Scrapy drops an item whose pipeline raises and still exits 0 (RELIABILITY.md finding 1), so this
step never lets a database error escape: it retries with backoff, then spools the batch to disk
(fsync'd) for the next run to replay, and the crawl ends "partial".
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import time
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler
from sqlalchemy.exc import DBAPIError, OperationalError

from aeroscrap.company_directory import CompanyDirectory
from aeroscrap.db.session import check_connection, make_engine
from aeroscrap.ingest import Ingestor, IngestResult, Prepared, prepare
from aeroscrap.pipelines.validate import InvalidJob

logger = logging.getLogger(__name__)

# 0.5 + 1 + 2 + 4 + 8 + 16 s: a database restart fits; a longer outage goes to the spool.
RETRY_DELAYS_S = (0.5, 1.0, 2.0, 4.0, 8.0, 16.0)


class StorePipeline:
    """Buffers prepared items and stores them through the Ingestor."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.stats = crawler.stats
        self.database_url: str = settings.get("AEROSCRAP_DATABASE_URL")
        self.spool_dir = Path(settings.get("AEROSCRAP_SPOOL_DIR", "var/spool"))
        self.batch_size = settings.getint("AEROSCRAP_STORE_BATCH", 100)
        self.flush_interval = settings.getfloat("AEROSCRAP_STORE_FLUSH_S", 2.0)
        self.retry_delays = tuple(
            float(d) for d in settings.getlist("AEROSCRAP_STORE_RETRY_DELAYS", list(RETRY_DELAYS_S))
        )
        self.buffer: list[Prepared] = []
        self.last_flush = time.monotonic()
        self.lock = asyncio.Lock()
        self.source = ""
        self.engine: Any = None
        self.ingestor: Ingestor | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        return cls(crawler)

    async def open_spider(self) -> None:
        spider = self.crawler.spider
        assert spider is not None
        self.source = spider.name
        self.engine = make_engine(self.database_url)
        check_connection(self.engine)  # raising here fails the bootstrap before any request
        self.ingestor = Ingestor(self.engine)
        await self._replay_spool()

    async def process_item(self, item: Prepared) -> dict[str, Any]:
        self.buffer.append(item)
        due = time.monotonic() - self.last_flush >= self.flush_interval
        if len(self.buffer) >= self.batch_size or due:
            await self.flush()
        # Downstream (feeds, Spidermon's field coverage) sees the record as the spider yielded it.
        return item.raw_json

    async def close_spider(self) -> None:
        await self.flush()
        if self.engine is not None:
            self.engine.dispose()

    async def flush(self) -> None:
        async with self.lock:
            batch, self.buffer = self.buffer, []
            self.last_flush = time.monotonic()
            if batch:
                await self._store(batch)

    async def _store(self, batch: list[Prepared]) -> None:
        assert self.ingestor is not None
        for attempt, delay in enumerate((*self.retry_delays, None)):
            try:
                results = await asyncio.to_thread(self.ingestor.store, batch)
            except (OperationalError, DBAPIError) as exc:
                if not _is_outage(exc):
                    await self._store_one_by_one(batch)
                    return
                if delay is None:
                    self._spool(batch)
                    return
                logger.warning(
                    "database unavailable (attempt %d): retrying %d items in %.1fs",
                    attempt + 1,
                    len(batch),
                    delay,
                )
                await asyncio.sleep(delay)
            except Exception:
                # A bug with one record must not lose the batch: isolate it.
                await self._store_one_by_one(batch)
                return
            else:
                self._count(results)
                return

    async def _store_one_by_one(self, batch: list[Prepared]) -> None:
        assert self.ingestor is not None
        for prepared in batch:
            try:
                self._count(await asyncio.to_thread(self.ingestor.store, [prepared]))
            except Exception:
                self.stats.inc_value("aeroscrap/item_error")
                self.stats.inc_value("aeroscrap/store_error")
                logger.exception("could not store %s", prepared.job.canonical_url)

    def _count(self, results: list[IngestResult]) -> None:
        for result in results:
            key = result.action
            if result.action == "duplicate":
                key = "merged" if result.merged else "unchanged"
            self.stats.inc_value(f"aeroscrap/{key}")

    def _spool_path(self) -> Path:
        run = self.stats.get_value("aeroscrap/run_id") or os.getpid()
        return self.spool_dir / f"{self.source}-{run}.jsonl"

    def _spool(self, batch: list[Prepared]) -> None:
        path = self._spool_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as handle:
            for prepared in batch:
                handle.write(json.dumps(prepared.raw_json, ensure_ascii=False) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        self.stats.inc_value("aeroscrap/spooled", len(batch))
        logger.error(
            "database still unavailable after %d retries: spooled %d items to %s; the next run replays them",
            len(self.retry_delays),
            len(batch),
            path,
        )

    async def _replay_spool(self) -> None:
        assert self.ingestor is not None and self.engine is not None
        paths = sorted(self.spool_dir.glob(f"{self.source}-*.jsonl"))
        # Replayed records are normalised like fresh ones: the admin's company mappings first.
        directory = CompanyDirectory.load(self.engine) if paths else None
        for path in paths:
            records = [
                json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()
            ]
            prepared = []
            for record in records:
                try:
                    prepared.append(prepare(record, directory=directory))
                except InvalidJob as exc:
                    logger.warning("spooled record dropped: %s", exc)
            for start in range(0, len(prepared), self.batch_size):
                chunk = prepared[start : start + self.batch_size]
                self._count(await asyncio.to_thread(self.ingestor.store, chunk))
            path.unlink()
            self.stats.inc_value("aeroscrap/replayed", len(prepared))
            logger.info("replayed %d spooled items from %s", len(prepared), path)


def _is_outage(exc: DBAPIError) -> bool:
    """True for lost or refused connections (worth retrying), False for bad SQL or data."""
    return bool(exc.connection_invalidated) or isinstance(exc, OperationalError)

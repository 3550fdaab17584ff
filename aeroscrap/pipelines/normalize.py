"""Second pipeline step: normalise a scraped item and precompute its dedup features.

Company spellings go through the database's company mappings first (aeroscrap.company_directory),
loaded when the spider opens and re-checked in the background while it runs.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from aeroscrap.company_directory import DEFAULT_MAX_AGE_S, CompanyDirectory
from aeroscrap.db.session import make_engine, safe_target
from aeroscrap.ingest import Prepared, prepare

logger = logging.getLogger(__name__)


class NormalizePipeline:
    """Turns a JobItem into a Prepared record (normalised fields, URL hash, dedup block key)."""

    def __init__(self, database_url: str | None = None, refresh_s: float = DEFAULT_MAX_AGE_S):
        self.database_url = database_url
        self.refresh_s = refresh_s
        self.engine: Engine | None = None
        self.directory: CompanyDirectory | None = None
        self._refresher: asyncio.Task[None] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> NormalizePipeline:
        settings = crawler.settings
        refresh_s = settings.getfloat("AEROSCRAP_COMPANY_REFRESH_S", DEFAULT_MAX_AGE_S)
        if refresh_s <= 0:
            raise ValueError(f"AEROSCRAP_COMPANY_REFRESH_S must be positive, not {refresh_s}")
        return cls(settings.get("AEROSCRAP_DATABASE_URL"), refresh_s)

    async def open_spider(self) -> None:
        if not self.database_url:
            return
        self.engine = make_engine(self.database_url, writer=False)
        self.directory = CompanyDirectory(self.engine, max_age_s=self.refresh_s)
        # The store step's connection check owns "database down at start": here a failure only
        # leaves the rules in charge until the next check.
        await self._refresh(force=True)
        self._refresher = asyncio.create_task(self._keep_fresh())

    async def _refresh(self, *, force: bool = False) -> None:
        assert self.directory is not None
        try:
            if await asyncio.to_thread(self.directory.refresh, force=force):
                logger.info("company mappings loaded: %d spellings", self.directory.size)
        except SQLAlchemyError as exc:
            assert self.engine is not None
            logger.warning(
                "company mappings not read from %s (%s): kept the previous ones",
                safe_target(self.engine.url),
                type(exc).__name__,
            )

    async def _keep_fresh(self) -> None:
        # Off the item path: items read whatever snapshot is current, never wait for the check.
        while True:
            await asyncio.sleep(self.refresh_s)
            await self._refresh(force=True)

    def process_item(self, item: Any) -> Prepared:
        # ValidatePipeline already dropped what cannot be a job.
        return prepare(ItemAdapter(item).asdict(), validate=False, directory=self.directory)

    async def close_spider(self) -> None:
        if self._refresher is not None:
            self._refresher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._refresher
        if self.engine is not None:
            self.engine.dispose()

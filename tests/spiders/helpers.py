"""Spider test helpers: saved sandbox pages, HtmlResponse building, crawl results."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

if TYPE_CHECKING:
    from collections.abc import Callable

    from scrapy import Spider

    from aeroscrap.sandbox.jobs import SandboxJob

REPO = Path(__file__).resolve().parents[2]
PAGES = Path(__file__).parent / "pages"
_STAT_LINE = re.compile(r"^[ {]'([^']+)': (-?\d+(?:\.\d+)?),?\}?$")


def page(name: str) -> str:
    """A saved sandbox page (tests/spiders/pages/README.md says how they were made)."""
    return (PAGES / name).read_text(encoding="utf-8")


def html_response(url: str, body: str, *, status: int = 200, **cb_kwargs: Any) -> HtmlResponse:
    """An HtmlResponse for `url`, with a request carrying cb_kwargs as the spider would send."""
    request = Request(url, cb_kwargs=cb_kwargs)
    return HtmlResponse(url, body=body, encoding="utf-8", status=status, request=request)


def make_spider(spider_cls: type[Spider], **kwargs: Any) -> Spider:
    """A spider bound to a crawler (so stats work) without running anything."""
    crawler = get_crawler(spider_cls)
    spider = spider_cls.from_crawler(crawler, **kwargs)
    crawler.spider = spider
    return spider


def run_callback(callback: Callable[..., Any], response: HtmlResponse) -> list[Any]:
    """Everything a callback yields for a response, with the request's cb_kwargs."""
    return list(callback(response, **response.request.cb_kwargs) or [])


@dataclass
class CrawlResult:
    """The outcome of one `scrapy crawl` subprocess."""

    returncode: int
    items: list[dict[str, Any]]
    log: str
    stats: dict[str, float] = field(default_factory=dict)

    def stat(self, key: str) -> float:
        """A number from the final stats dump (0 when absent)."""
        return self.stats.get(key, 0)


def parse_stats(log: str) -> dict[str, float]:
    """The numeric entries of Scrapy's 'Dumping Scrapy stats' block."""
    _, found, rest = log.partition("Dumping Scrapy stats:")
    stats: dict[str, float] = {}
    if not found:
        return stats
    for line in rest.splitlines()[1:]:
        match = _STAT_LINE.match(line)
        if match:
            value = float(match.group(2))
            stats[match.group(1)] = int(value) if value.is_integer() else value
        if line.endswith("}"):
            break
    return stats


def assert_descriptions(items: list[dict[str, Any]], jobs: dict[str, SandboxJob]) -> None:
    """Every paragraph and requirement of each job is a line of its item's description."""
    for item in items:
        job = jobs[item["source_job_id"]]
        lines = (item["description"] or "").splitlines()
        missing = [line for line in job.description_text.splitlines() if line not in lines]
        assert not missing, (item["url"], missing)


def by_id(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Items keyed by source_job_id, asserting each id occurs once."""
    ids = [item["source_job_id"] for item in items]
    assert len(ids) == len(set(ids)), "a job was yielded twice"
    return dict(zip(ids, items, strict=True))


def run_crawl(
    tmp_path: Path, name: str, base_url: str, *args: str, timeout: float = 120
) -> CrawlResult:
    """`scrapy crawl NAME -a base_url=...` as a subprocess (the reactor cannot restart)."""
    out = tmp_path / f"{name}.jsonl"
    command = [
        sys.executable, "-m", "scrapy", "crawl", name, "-a", f"base_url={base_url}",
        "-s", "ITEM_PIPELINES={}", "-s", "EXTENSIONS={}", "-s", "DOWNLOAD_DELAY=0",
        "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "STATS_DUMP=True",
        "-s", "AEROSCRAP_RETRY_BACKOFF_BASE=0.1", "-O", str(out), *args,
    ]  # fmt: skip
    env = {**os.environ, "AEROSCRAP_DATABASE_URL": f"sqlite:///{tmp_path / 'crawl.db'}"}
    done = subprocess.run(
        command, cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    lines = out.read_text(encoding="utf-8").splitlines() if out.exists() else []
    items = [json.loads(line) for line in lines if line.strip()]
    return CrawlResult(done.returncode, items, done.stderr, parse_stats(done.stderr))

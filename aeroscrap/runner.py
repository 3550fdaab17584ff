"""`aeroscrap crawl`: run spiders as `scrapy crawl` processes, show progress, report their runs.

Each crawl is its own process: Scrapy's reactor cannot restart, and a crash stays contained.
The crawl_runs row (found by the process id) is the truth about how each run ended.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from sqlalchemy import select

from aeroscrap.config import get_settings
from aeroscrap.db.models import CrawlRun, table_of
from aeroscrap.db.session import make_engine

OK_STATUSES = {"finished", "skipped"}
# Log lines worth showing live: Scrapy's periodic progress, our run summary, and trouble.
_SHOWN = ("Crawled ", "crawl run ", "ERROR", "WARNING", "skipped:", "Gave up retrying")


@dataclass
class CrawlReport:
    spider: str
    returncode: int
    status: str
    found: int = 0
    inserted: int = 0
    merged: int = 0
    updated: int = 0
    dropped: int = 0
    errors: int = 0
    log: str = ""


def all_spiders() -> list[str]:
    """Spider names, from the spider loader (the same list as `scrapy list`)."""
    from scrapy.spiderloader import SpiderLoader
    from scrapy.utils.project import get_project_settings

    # Outside the project directory there is no scrapy.cfg to point at the settings module.
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "aeroscrap.settings")
    return sorted(SpiderLoader.from_settings(get_project_settings()).list())


def _command(spider: str, base_url: str | None, settings: list[str]) -> list[str]:
    cmd = [sys.executable, "-m", "scrapy", "crawl", spider, "-s", "LOGSTATS_INTERVAL=5"]
    if base_url:
        cmd += ["-a", f"base_url={base_url}"]
    for setting in settings:
        cmd += ["-s", setting]
    return cmd


def _pump(spider: str, stream: IO[str], log: Path) -> None:
    with log.open("w", encoding="utf-8") as out:
        for line in stream:
            out.write(line)
            if any(mark in line for mark in _SHOWN):
                print(f"[{spider}] {line.rstrip()[:300]}", flush=True)


def crawl(
    spiders: list[str],
    *,
    base_urls: dict[str, str] | None = None,
    settings: list[str] | None = None,
    parallel: bool = False,
    log_dir: Path = Path("var/log"),
) -> list[CrawlReport]:
    """Run the spiders (in turn, or at once) and return how each run ended."""
    log_dir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "aeroscrap.settings"}
    started: list[tuple[str, subprocess.Popen[str], threading.Thread, Path]] = []
    reports: list[CrawlReport] = []

    def launch(spider: str) -> None:
        log = log_dir / f"{spider}.log"
        print(f"[{spider}] crawling (log: {log})", flush=True)
        proc = subprocess.Popen(
            _command(spider, (base_urls or {}).get(spider), settings or []),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert proc.stderr is not None
        pump = threading.Thread(target=_pump, args=(spider, proc.stderr, log), daemon=True)
        pump.start()
        started.append((spider, proc, pump, log))

    def finish(spider: str, proc: subprocess.Popen[str], pump: threading.Thread, log: Path) -> None:
        proc.wait()
        pump.join()
        reports.append(_report(spider, proc, log))

    for spider in spiders:
        launch(spider)
        if not parallel:
            finish(*started.pop())
    for entry in started:
        finish(*entry)
    return reports


def _report(spider: str, proc: subprocess.Popen[str], log: Path) -> CrawlReport:
    engine = make_engine(get_settings().database_url, writer=False)
    try:
        with engine.connect() as conn:
            table = table_of(CrawlRun)
            r = conn.execute(
                select(table)
                .where(table.c.source == spider, table.c.pid == proc.pid)
                .order_by(table.c.id.desc())
                .limit(1)
            ).first()
    except Exception:
        r = None
    finally:
        engine.dispose()
    if r is None:
        # No row: the crawl failed before it started (bad settings, database down).
        return CrawlReport(spider, proc.returncode, "failed", log=str(log))
    return CrawlReport(
        spider,
        proc.returncode,
        r.status,
        r.items_found,
        r.items_inserted,
        r.items_merged,
        r.items_updated,
        r.items_dropped,
        r.errors,
        str(log),
    )


def print_summary(reports: list[CrawlReport]) -> None:
    header = f"{'source':<20}{'status':<10}{'found':>7}{'new':>7}{'merged':>8}{'updated':>9}{'dropped':>9}{'errors':>8}"
    print(header)
    print("-" * len(header))
    for r in reports:
        print(
            f"{r.spider:<20}{r.status:<10}{r.found:>7}{r.inserted:>7}{r.merged:>8}"
            f"{r.updated:>9}{r.dropped:>9}{r.errors:>8}"
        )
    for r in reports:
        if r.status not in OK_STATUSES:
            print(f"{r.spider}: {r.status} — see {r.log}")


def exit_code(reports: list[CrawlReport]) -> int:
    """0 only when every run finished (or was skipped because one was already running)."""
    return 0 if reports and all(r.status in OK_STATUSES for r in reports) else 1

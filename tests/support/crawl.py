"""Run real `scrapy crawl` / `aeroscrap crawl` processes against sandbox sites (the reactor
cannot restart in one pytest process, and a subprocess is what users run)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from aeroscrap.db.models import CrawlRun

ROOT = Path(__file__).resolve().parents[2]
# Fast, deterministic crawls of a local site: no politeness delay, no backoff waits.
FAST = [
    "DOWNLOAD_DELAY=0",
    "AUTOTHROTTLE_ENABLED=False",
    "AEROSCRAP_RETRY_BACKOFF_BASE=0",
    "LOGSTATS_INTERVAL=60",
]


@dataclass
class Finished:
    returncode: int
    output: str


def env_for(db_url: str, **extra: str) -> dict[str, str]:
    return {**os.environ, "AEROSCRAP_DATABASE_URL": db_url, **extra}


def _scrapy_command(spider: str, base_url: str, settings: tuple[str, ...]) -> list[str]:
    cmd = [sys.executable, "-m", "scrapy", "crawl", spider, "-a", f"base_url={base_url}"]
    for setting in (*FAST, *settings):
        cmd += ["-s", setting]
    return cmd


def start_crawl(
    spider: str, base_url: str, db_url: str, *settings: str, log: Path
) -> subprocess.Popen[bytes]:
    """A `scrapy crawl` running in the background (to kill, cancel or cut its database).

    Its log goes to a file: a pipe nobody reads would fill up and stall the crawl.
    """
    with log.open("wb") as stderr:
        return subprocess.Popen(
            _scrapy_command(spider, base_url, settings),
            cwd=ROOT,
            env=env_for(db_url),
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )


def wait_until(condition: Callable[[], bool], *, timeout: float = 60) -> None:
    """Poll until `condition()` holds; fail the test after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.05)


def scrapy_crawl(
    spider: str, base_url: str, db_url: str, *settings: str, timeout: float = 120, **env: str
) -> Finished:
    cmd = _scrapy_command(spider, base_url, settings)
    proc = subprocess.run(
        cmd, cwd=ROOT, env=env_for(db_url, **env), capture_output=True, text=True, timeout=timeout
    )
    return Finished(proc.returncode, proc.stdout + proc.stderr)


def aeroscrap_crawl(
    spider: str, base_url: str, db_url: str, *settings: str, tmp: Path, timeout: float = 120
) -> Finished:
    cmd = [
        sys.executable,
        "-m",
        "aeroscrap.cli",
        "crawl",
        spider,
        "--base-url",
        f"{spider}={base_url}",
    ]
    for setting in (*FAST, *settings):
        cmd += ["-s", setting]
    # Run from elsewhere, as a user would; PYTHONPATH only so tests' own pipelines import.
    env = env_for(db_url, PYTHONPATH=str(ROOT))
    proc = subprocess.run(cmd, cwd=tmp, env=env, capture_output=True, text=True, timeout=timeout)
    return Finished(proc.returncode, proc.stdout + proc.stderr)


def runs(engine: Engine, source: str) -> list[Any]:
    table = CrawlRun.__table__
    with engine.connect() as conn:
        return list(
            conn.execute(select(table).where(table.c.source == source).order_by(table.c.id))
        )

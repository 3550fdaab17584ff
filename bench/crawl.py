"""Crawl throughput: the full AeroScrap crawl (real spider + pipelines + extension + PostgreSQL) vs
the same spider with ITEM_PIPELINES={} and EXTENSIONS={} (parses the same pages, stores nothing).

Usage: .venv/bin/python bench/crawl.py [--quick] [--jobs N] [--site aviationjobsearch|airindia]
                                       [--rounds R] [--profile]

A sandbox site (`python -m aeroscrap.sandbox serve --jobs N`, its own process) serves N job pages
plus listing pages on 127.0.0.1. Each crawl is a `scrapy crawl SITE -a base_url=...` subprocess
with the same settings: DOWNLOAD_DELAY=0, AutoThrottle off, CONCURRENT_REQUESTS and
CONCURRENT_REQUESTS_PER_DOMAIN 16 (the project's CONCURRENT_ITEMS=1 stays for both). The full
crawl writes into a freshly migrated PostgreSQL database each round; bare and full alternate.
pages/s = response_received_count / elapsed_time_seconds from the crawl's own stats (start-up
excluded). Peak RSS is the crawl process's ru_maxrss (wait4), CPU its user+system time.
Last line: RESULT full_pages_per_s=.. bare_pages_per_s=.. ratio=.. peak_rss_mb=.. ...
"""

from __future__ import annotations

import argparse
import contextlib
import os
import pstats
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from _common import ROOT, database, migrate, rate, result_line, table
from sqlalchemy import create_engine, text

CONCURRENCY = 16
_STAT = re.compile(r"'([\w/.]+)': (\d+(?:\.\d+)?)")


def _settings(base_url: str, log_file: Path, *, bare: bool) -> list[str]:
    values = {
        "DOWNLOAD_DELAY": "0",
        "AUTOTHROTTLE_ENABLED": "False",
        "CONCURRENT_REQUESTS": str(CONCURRENCY),
        "CONCURRENT_REQUESTS_PER_DOMAIN": str(CONCURRENCY),
        "LOG_LEVEL": "INFO",
        "LOG_FILE": str(log_file),
        "MEMUSAGE_ENABLED": "True",
        "CLOSESPIDER_TIMEOUT": "0",
    }
    if bare:
        values |= {"ITEM_PIPELINES": "{}", "EXTENSIONS": "{}"}
    args = ["-a", f"base_url={base_url}"]
    for key, value in values.items():
        args += ["-s", f"{key}={value}"]
    return args


def _cpu_seconds(pid: int) -> float:
    """utime + stime of a running process, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def crawl(
    site: str, base_url: str, env: dict[str, str], *, bare: bool, profile: Path | None = None
) -> dict[str, Any]:
    """Run one crawl subprocess; its stats, CPU, peak RSS and the sandbox's CPU meanwhile."""
    with tempfile.TemporaryDirectory(prefix="aeroscrap-bench-crawl-") as folder:
        log_file = Path(folder) / "crawl.log"
        prefix = [sys.executable]
        if profile:
            prefix += ["-m", "cProfile", "-o", str(profile)]
        command = [
            *prefix,
            "-m",
            "scrapy",
            "crawl",
            site,
            *_settings(base_url, log_file, bare=bare),
        ]
        sandbox_pid = int(env["BENCH_SANDBOX_PID"])
        sandbox_cpu = _cpu_seconds(sandbox_pid)
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - started
        log = log_file.read_text(encoding="utf-8", errors="replace")
    stats_text = log.split("Dumping Scrapy stats:", 1)[-1]
    stats = {key: float(value) for key, value in _STAT.findall(stats_text)}
    elapsed = stats.get("elapsed_time_seconds", wall)
    pages = stats.get("response_received_count", 0.0)
    return {
        "exit": process.returncode,
        "pages": pages,
        "items": stats.get("item_scraped_count", 0.0),
        "errors": stats.get("log_count/ERROR", 0.0),
        "elapsed": elapsed,
        "wall": wall,
        "pages_per_s": rate(pages, elapsed),
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss_mb": usage.ru_maxrss / 1024,
        "memusage_mb": stats.get("memusage/max", 0.0) / 2**20,
        "sandbox_cpu_share": (_cpu_seconds(sandbox_pid) - sandbox_cpu) / wall,
        "stats": stats,
    }


@contextlib.contextmanager
def sandbox(site: str, jobs: int) -> Iterator[tuple[str, int]]:
    """The sandbox site in its own process: (base URL, pid)."""
    command = [sys.executable, "-m", "aeroscrap.sandbox", "serve", "--site", site, "--jobs"]
    process = subprocess.Popen([*command, str(jobs)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        yield process.stdout.readline().strip(), process.pid
    finally:
        process.terminate()
        process.wait(timeout=10)


def _run_log(url: str) -> dict[str, Any]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            row = conn.execute(
                text(
                    "SELECT status, items_found, items_inserted, items_merged, errors, "
                    "(SELECT count(*) FROM jobs) AS jobs FROM crawl_runs ORDER BY id DESC LIMIT 1"
                )
            ).one()
        return dict(row._mapping)
    finally:
        engine.dispose()


def main(argv: list[str] | None = None) -> int:
    """Measure, print the table and the RESULT line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 job pages, one round")
    parser.add_argument("--jobs", type=int, help="job pages (default 5,000, the sandbox maximum)")
    parser.add_argument(
        "--site", default="aviationjobsearch", choices=("aviationjobsearch", "airindia")
    )
    parser.add_argument("--rounds", type=int, help="bare+full pairs (default 2; 1 with --quick)")
    parser.add_argument("--profile", action="store_true", help="one more full crawl under cProfile")
    args = parser.parse_args(argv)
    jobs = args.jobs or (1_000 if args.quick else 5_000)
    rounds = args.rounds or (1 if args.quick else 2)
    runs: dict[str, list[dict[str, Any]]] = {"bare": [], "full": []}
    logs = []
    with (
        sandbox(args.site, jobs) as (base_url, sandbox_pid),
        tempfile.TemporaryDirectory() as spool,
    ):
        for number in range(rounds):
            # Alternate the order, so neither kind always runs on a warmer or busier machine.
            order = ("bare", "full") if number % 2 == 0 else ("full", "bare")
            for kind in order:
                with database("postgresql", "aeroscrap_bench_crawl") as url:
                    migrate(url)
                    env = os.environ | {
                        "AEROSCRAP_DATABASE_URL": url,
                        "AEROSCRAP_SPOOL_DIR": spool,
                        "BENCH_SANDBOX_PID": str(sandbox_pid),
                    }
                    runs[kind].append(crawl(args.site, base_url, env, bare=kind == "bare"))
                    if kind == "full":
                        logs.append(_run_log(url))
        if args.profile:
            with database("postgresql", "aeroscrap_bench_crawl") as url:
                migrate(url)
                env = os.environ | {"AEROSCRAP_DATABASE_URL": url, "AEROSCRAP_SPOOL_DIR": spool,
                                    "BENCH_SANDBOX_PID": str(sandbox_pid)}  # fmt: skip
                profile = Path(spool) / "crawl.prof"
                crawl(args.site, base_url, env, bare=False, profile=profile)
                stats = pstats.Stats(str(profile), stream=sys.stderr)
                stats.sort_stats("tottime").print_stats(30)
                stats.sort_stats("cumulative").print_stats(30)

    rows = []
    for kind, results in runs.items():
        for number, r in enumerate(results, 1):
            rows.append(
                (
                    f"{kind} #{number}", int(r["pages"]), int(r["items"]), r["pages_per_s"],
                    1000 * r["cpu"] / max(1, r["pages"]), r["rss_mb"], r["memusage_mb"],
                    r["sandbox_cpu_share"], r["exit"],
                )
            )  # fmt: skip
    print(f"site {args.site}, {jobs:,} job pages, concurrency {CONCURRENCY}, {rounds} round(s)")
    headers = ("crawl", "pages", "items", "pages/s", "CPU ms/page", "peak RSS MB",
               "memusage MB", "sandbox CPU", "exit")  # fmt: skip
    print(table(headers, rows))
    for log in logs:
        print(f"full crawl crawl_runs row: {log}")
    bare = statistics.median(r["pages_per_s"] for r in runs["bare"])
    full = statistics.median(r["pages_per_s"] for r in runs["full"])
    items = statistics.median(r["items"] for r in runs["full"])
    extra_cpu = statistics.median(r["cpu"] for r in runs["full"]) - statistics.median(
        r["cpu"] for r in runs["bare"]
    )
    peak = max(r["rss_mb"] for r in runs["full"])
    ratio = full / bare if bare else 0.0
    print(
        f"ratio full/bare {ratio:.2f} (target >= 0.7); pipeline CPU per item "
        f"{1000 * extra_cpu / max(1, items):.2f} ms; peak RSS {peak:.0f} MB (target <= 300)"
    )
    print(
        result_line(
            {
                "jobs": jobs,
                "full_pages_per_s": full,
                "bare_pages_per_s": bare,
                "ratio": ratio,
                "pipeline_cpu_ms_per_item": 1000 * extra_cpu / max(1, items),
                "peak_rss_mb": peak,
                "bare_rss_mb": max(r["rss_mb"] for r in runs["bare"]),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`aeroscrap schedule`: place due crawls from a schedule file on the least-busy scrapyd node.

Cron expressions are APScheduler 3 CronTriggers. The scheduler keeps no state of its own:
crawl_runs says when each source last ran (catch-up after downtime) and, with the nodes'
listjobs.json, whether it is still running. The crawl's own per-source lock stays the last guard
against a double crawl (RELIABILITY D7, O2).
"""

from __future__ import annotations

import logging
import signal
import threading
import tomllib
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from sqlalchemy import select

from aeroscrap.db.models import CrawlRun, table_of
from aeroscrap.db.session import make_engine, safe_target
from aeroscrap.exceptions import AeroScrapError
from aeroscrap.scrapyd_client import NodeStatus, NodeUnavailable, ScrapydError, nodes_from_settings

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy import Engine

    from aeroscrap.config import Settings
    from aeroscrap.scrapyd_client import ScrapydNode

logger = logging.getLogger(__name__)

# The crawl-log extension beats every 30 s; a 'running' row silent for 2 minutes belongs to a
# dead process (RELIABILITY D5) and must not block the source forever.
STALE_AFTER = timedelta(minutes=2)
# A firing delayed by a busy or briefly paused scheduler still runs if it is at most this late;
# longer outages are caught up from crawl_runs at start-up instead (see `missed_firing`).
MISFIRE_GRACE_S = 600
# crawl_runs.args keys that tell two schedule entries of one spider apart (LinkedIn searches).
_RUN_ARGS = ("base_url", "keywords", "location")
_ENTRY_KEYS = {"name", "spider", "cron", "args", "settings", "timezone"}


class ScheduleError(AeroScrapError):
    """Raised when the schedule file is missing, not TOML, or has a bad entry (named)."""


@dataclass(frozen=True)
class ScheduleEntry:
    """One scheduled crawl: a spider, when it runs, and its arguments and Scrapy settings."""

    name: str
    spider: str
    cron: str
    args: dict[str, str] = field(default_factory=dict)
    settings: dict[str, str] = field(default_factory=dict)
    timezone: str = "UTC"

    def trigger(self) -> CronTrigger:
        return CronTrigger.from_crontab(self.cron, timezone=self.timezone)


@dataclass(frozen=True)
class Placement:
    """What became of one crawl request: placed on a node, skipped (still running) or failed."""

    spider: str
    status: str
    node: str | None = None
    job_id: str | None = None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.status in {"placed", "skipped"}

    def describe(self) -> str:
        if self.status == "placed":
            return f"placed {self.spider} on {self.node} as job {self.job_id}"
        return f"{self.status} {self.spider}: {self.reason}"


def load_schedule(path: str | Path) -> list[ScheduleEntry]:
    """Read `[[crawl]]` entries from a TOML file; every problem names the entry and the value."""
    try:
        doc = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ScheduleError(f"cannot read schedule file {path}: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ScheduleError(f"schedule file {path} is not valid TOML: {exc}") from None
    default_tz = str(doc.get("timezone", "UTC"))
    raw = doc.get("crawl", [])
    if not isinstance(raw, list) or not raw:
        raise ScheduleError(f"schedule file {path} has no [[crawl]] entries")
    entries = [_entry(item, index, default_tz) for index, item in enumerate(raw, 1)]
    names = [entry.name for entry in entries]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise ScheduleError(f"duplicate entry name(s) {duplicates}: give each entry a `name`")
    return entries


def _entry(item: dict[str, Any], index: int, default_tz: str) -> ScheduleEntry:
    label = f"[[crawl]] #{index}"
    unknown = set(item) - _ENTRY_KEYS
    if unknown:
        raise ScheduleError(
            f"{label}: unknown key(s) {sorted(unknown)}; known: {sorted(_ENTRY_KEYS)}"
        )
    if not item.get("spider") or not item.get("cron"):
        raise ScheduleError(f"{label}: `spider` and `cron` are required")
    for table in ("args", "settings"):
        if not isinstance(item.get(table, {}), dict):
            raise ScheduleError(f"{label}: `{table}` must be a table")
    entry = ScheduleEntry(
        name=str(item.get("name", item["spider"])),
        spider=str(item["spider"]),
        cron=str(item["cron"]),
        args={str(k): str(v) for k, v in item.get("args", {}).items()},
        settings={str(k): str(v) for k, v in item.get("settings", {}).items()},
        timezone=str(item.get("timezone", default_tz)),
    )
    try:
        entry.trigger()
    except (ValueError, LookupError) as exc:
        raise ScheduleError(f"{label} ({entry.name}): bad cron {entry.cron!r}: {exc}") from None
    return entry


def next_firing(entry: ScheduleEntry, after: datetime) -> datetime | None:
    """The first time at or after `after` when the entry is due."""
    fire: datetime | None = entry.trigger().get_next_fire_time(None, after)
    return fire


def missed_firing(entry: ScheduleEntry, last_started: datetime | None, now: datetime) -> bool:
    """True if a firing fell between the entry's last run and now (the scheduler was down).

    Several missed firings count once: one catch-up crawl brings the source up to date. A source
    that never ran is due at once, so a fresh deployment starts collecting immediately.
    """
    if last_started is None:
        return True
    fire = next_firing(entry, _aware(last_started) + timedelta(seconds=1))
    return fire is not None and fire <= now


def rank_nodes(statuses: list[NodeStatus]) -> list[NodeStatus]:
    """Reachable nodes, fewest running+pending crawls first; ties keep the configured order."""
    return sorted((s for s in statuses if s.ok), key=lambda s: s.load)


def _aware(moment: datetime) -> datetime:
    # SQLite hands back naive datetimes; every timestamp AeroScrap writes is UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class Placer:
    """Places crawls on scrapyd nodes, never a second one of a source that is still running."""

    def __init__(
        self,
        nodes: list[ScrapydNode],
        *,
        database_url: str | None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.nodes = nodes
        self.clock = clock
        self._engine: Engine | None = (
            make_engine(database_url, writer=False) if database_url else None
        )
        # APScheduler fires from a thread pool: one placement at a time, so two crawls due at the
        # same minute see each other's load instead of both landing on the same idle node.
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> Placer:
        from aeroscrap.config import get_settings

        settings = settings or get_settings()
        return cls(nodes_from_settings(settings), database_url=settings.database_url)

    def close(self) -> None:
        for node in self.nodes:
            node.close()
        if self._engine is not None:
            self._engine.dispose()

    def statuses(self) -> list[NodeStatus]:
        statuses = [node.status() for node in self.nodes]
        for status in statuses:
            if not status.ok:
                logger.warning("skipping scrapyd node %s: %s", status.url, status.error)
        return statuses

    def busy_sources(self, statuses: list[NodeStatus]) -> dict[str, str]:
        """Sources with a pending or running job on a node, or a fresh 'running' crawl_runs row."""
        busy = {
            job.spider: f"{job.state} job {job.id} on {job.node}"
            for status in statuses
            for job in status.jobs
            if job.state in {"pending", "running"}
        }
        for source, run_id, beat in self._running_rows():
            if beat is not None and self.clock() - _aware(beat) <= STALE_AFTER:
                busy.setdefault(source, f"crawl run {run_id} has a fresh heartbeat")
        return busy

    def _running_rows(self) -> list[tuple[str, int, datetime | None]]:
        if self._engine is None:
            return []
        table = table_of(CrawlRun)
        query = select(table.c.source, table.c.id, table.c.heartbeat_at).where(
            table.c.status == "running"
        )
        try:
            with self._engine.connect() as conn:
                return [(r.source, r.id, r.heartbeat_at) for r in conn.execute(query)]
        except Exception as exc:  # the crawl's own lock still prevents a double crawl
            logger.warning(
                "cannot read crawl_runs at %s (%s); relying on scrapyd job lists",
                safe_target(self._engine.url),
                type(exc).__name__,
            )
            return []

    def last_started(self, entry: ScheduleEntry) -> datetime | None:
        """Start of the entry's latest crawl (same spider, same identifying arguments)."""
        if self._engine is None:
            return None
        table = table_of(CrawlRun)
        wanted = {k: v for k, v in entry.args.items() if k in _RUN_ARGS}
        query = (
            select(table.c.started_at, table.c.args)
            .where(table.c.source == entry.spider, table.c.status != "skipped")
            .order_by(table.c.started_at.desc())
            .limit(50)
        )
        with self._engine.connect() as conn:
            for row in conn.execute(query):
                if {k: v for k, v in (row.args or {}).items() if k in _RUN_ARGS} == wanted:
                    started: datetime = row.started_at
                    return started
        return None

    def place(
        self,
        spider: str,
        *,
        args: dict[str, str] | None = None,
        settings: dict[str, str] | None = None,
    ) -> Placement:
        """Queue one crawl on the least-busy reachable node, or say why not."""
        with self._lock:
            statuses = self.statuses()
            busy = self.busy_sources(statuses)
            if spider in busy:
                return Placement(spider, "skipped", reason=f"still running: {busy[spider]}")
            by_url = {node.url: node for node in self.nodes}
            problems = [f"{s.url}: {s.error}" for s in statuses if not s.ok]
            for status in rank_nodes(statuses):
                job_id = uuid.uuid4().hex
                try:
                    by_url[status.url].schedule(spider, job_id=job_id, args=args, settings=settings)
                except (NodeUnavailable, ScrapydError) as exc:
                    # Unknown spider, project not deployed there, node gone since the status
                    # call: another node may still take it.
                    logger.warning("could not place %s on %s: %s", spider, status.url, exc)
                    problems.append(str(exc))
                    continue
                return Placement(spider, "placed", node=status.url, job_id=job_id)
            reason = "; ".join(problems) or "no scrapyd node configured"
            return Placement(spider, "failed", reason=f"no node took the crawl ({reason})")

    def place_entry(self, entry: ScheduleEntry) -> Placement:
        placement = self.place(entry.spider, args=entry.args, settings=entry.settings)
        print(f"[{entry.name}] {placement.describe()}", flush=True)
        log = logger.info if placement.ok else logger.error
        log("[%s] %s", entry.name, placement.describe())
        return placement


def schedule_now(
    spider: str,
    args: dict[str, str] | None = None,
    *,
    settings: dict[str, str] | None = None,
    config: Settings | None = None,
) -> Placement:
    """Place one crawl right away (admin API): the same rules as scheduled crawls."""
    placer = Placer.from_settings(config)
    try:
        return placer.place(spider, args=args, settings=settings)
    finally:
        placer.close()


def run_once(entries: list[ScheduleEntry], placer: Placer) -> int:
    """Place every entry once; 0 if each was placed or skipped as still running, else 1."""
    results = [placer.place_entry(entry) for entry in entries]
    return 0 if all(p.ok for p in results) else 1


def catch_up(entries: list[ScheduleEntry], placer: Placer) -> list[Placement]:
    """Place the entries whose firing was missed while the scheduler was down (once each)."""
    placements = []
    for entry in entries:
        try:
            last = placer.last_started(entry)
        except Exception as exc:
            logger.warning("no catch-up for %s: crawl_runs unreadable (%s)", entry.name, exc)
            continue
        if missed_firing(entry, last, placer.clock()):
            logger.info("catching up %s (last run: %s)", entry.name, last or "never")
            placements.append(placer.place_entry(entry))
    return placements


class _Stop(Exception):
    """Raised from the SIGTERM handler to leave the blocking scheduler loop."""


def run_forever(entries: list[ScheduleEntry], placer: Placer) -> int:
    """Catch up, then place each entry when its cron fires, until SIGTERM or Ctrl-C."""
    scheduler = BlockingScheduler(
        timezone=UTC,
        job_defaults={
            # After a pause, several missed firings of one entry become a single crawl.
            "coalesce": True,
            "misfire_grace_time": MISFIRE_GRACE_S,
            "max_instances": 1,
        },
    )
    for entry in entries:
        scheduler.add_job(placer.place_entry, entry.trigger(), args=[entry], id=entry.name)
    catch_up(entries, placer)

    def stop(*_: object) -> None:
        raise _Stop

    previous = signal.signal(signal.SIGTERM, stop)
    for job in scheduler.get_jobs():
        logger.info("scheduled %s (%s)", job.id, job.trigger)
    try:
        scheduler.start()
    except (_Stop, KeyboardInterrupt):
        logger.info("scheduler stopping")
    finally:
        signal.signal(signal.SIGTERM, previous)
        if scheduler.running:
            scheduler.shutdown(wait=False)
    return 0


def main(file: str | Path, *, once: bool = False) -> int:
    """Entry point of `aeroscrap schedule [--file F] [--once]`."""
    entries = load_schedule(file)
    placer = Placer.from_settings()
    try:
        return run_once(entries, placer) if once else run_forever(entries, placer)
    finally:
        placer.close()

"""Scheduler units: schedule file, due computation, node choice by load, skip-if-running, nodes down.

scrapyd nodes are faked at the HTTP layer (httpx.MockTransport), so the real client code runs;
crawl_runs checks run on SQLite and PostgreSQL. The real scrapyd is in tests/integration.
"""

from __future__ import annotations

import base64
import os
import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs

import httpx
import pytest
from sqlalchemy import Engine

from aeroscrap.db import runs
from aeroscrap.scheduler import (
    Placer,
    ScheduleEntry,
    ScheduleError,
    catch_up,
    load_schedule,
    missed_firing,
    next_firing,
    rank_nodes,
    run_forever,
    run_once,
)
from aeroscrap.scrapyd_client import (
    NodeStatus,
    NodeUnavailable,
    ScrapydNode,
    find_job,
    node_status,
)

ROOT = Path(__file__).resolve().parents[2]
AUTH = "Basic " + base64.b64encode(b"admin:s3cret").decode()


@dataclass
class FakeScrapyd:
    """Just enough of scrapyd's JSON API: load, jobs, schedule.json, auth, and being down."""

    url: str
    running: list[str] = field(default_factory=list)  # spider names
    pending: int = 0
    down: bool = False
    spiders: tuple[str, ...] = ("airindia", "aviationjobsearch", "linkedin")
    scheduled: list[dict[str, list[str]]] = field(default_factory=list)

    def handle(self, request: httpx.Request) -> httpx.Response:
        if self.down:
            raise httpx.ConnectError("connection refused", request=request)
        if request.headers.get("authorization") != AUTH:
            return httpx.Response(401, text="Unauthorized")
        path = request.url.path
        if path == "/daemonstatus.json":
            return self._ok(running=len(self.running), pending=self.pending, finished=0)
        if path == "/listjobs.json":
            jobs = [
                {"id": f"job-{spider}", "project": "aeroscrap", "spider": spider, "pid": 1}
                for spider in self.running
            ]
            other = {"id": "x", "project": "other", "spider": "airindia"}
            queued = [
                {"id": f["jobid"][0], "project": "aeroscrap", "spider": f["spider"][0]}
                for f in self.scheduled
            ]
            return self._ok(pending=queued, running=[*jobs, other], finished=[])
        if path == "/schedule.json":
            form = parse_qs(request.content.decode())
            if form["spider"][0] not in self.spiders:
                return self._error(f"spider '{form['spider'][0]}' not found")
            self.scheduled.append(form)
            self.pending += 1
            return self._ok(jobid=form["jobid"][0])
        return httpx.Response(404)

    def node(self, password: str = "s3cret") -> ScrapydNode:
        return ScrapydNode(
            self.url,
            username="admin",
            password=password,
            transport=httpx.MockTransport(self.handle),
        )

    @staticmethod
    def _ok(**data: object) -> httpx.Response:
        return httpx.Response(200, json={"status": "ok", "node_name": "fake", **data})

    @staticmethod
    def _error(message: str) -> httpx.Response:
        return httpx.Response(200, json={"status": "error", "message": message})


_open: list[Placer] = []


def placer(*fakes: FakeScrapyd, database_url: str | None = None) -> Placer:
    made = Placer([fake.node() for fake in fakes], database_url=database_url)
    _open.append(made)
    return made


@pytest.fixture(autouse=True)
def _close_placers() -> Iterator[None]:
    yield
    while _open:
        _open.pop().close()


def entry(cron: str = "0 */6 * * *", **kwargs: object) -> ScheduleEntry:
    return ScheduleEntry(name="e", spider="airindia", cron=cron, **kwargs)  # type: ignore[arg-type]


# --- schedule file -------------------------------------------------------------------------


def test_example_schedule_loads_with_args_and_settings() -> None:
    entries = {e.name: e for e in load_schedule(ROOT / "schedule.example.toml")}
    assert {e.spider for e in entries.values()} == {
        "aviationjobsearch",
        "airindia",
        "goose",
        "linkedin",
    }
    assert entries["linkedin-pilots-uk"].args == {
        "keywords": "airline pilot",
        "location": "United Kingdom",
    }
    assert entries["goose"].settings == {"CLOSESPIDER_TIMEOUT": "5400"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[crawl]]\nspider = "goose"\ncron = "61 * * * *"\n', "bad cron '61 * * * *'"),
        ('[[crawl]]\nspider = "goose"\ncron = "* * * * *"\nargz = {}\n', "unknown key(s) ['argz']"),
        ('[[crawl]]\ncron = "* * * * *"\n', "`spider` and `cron` are required"),
        (
            '[[crawl]]\nspider = "goose"\ncron = "1 * * * *"\n'
            '[[crawl]]\nspider = "goose"\ncron = "2 * * * *"\n',
            "duplicate entry name(s) ['goose']",
        ),
        ('timezone = "UTC"\n', "no [[crawl]] entries"),
        ("[[crawl]\n", "not valid TOML"),
    ],
)
def test_bad_schedule_files_are_named(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "schedule.toml"
    path.write_text(text)
    with pytest.raises(ScheduleError) as info:
        load_schedule(path)
    assert message in str(info.value)


def test_missing_schedule_file(tmp_path: Path) -> None:
    with pytest.raises(ScheduleError, match="cannot read schedule file"):
        load_schedule(tmp_path / "nope.toml")


# --- due computation -------------------------------------------------------------------------


def at(hour: int, minute: int = 0, day: int = 2) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=UTC)


def test_next_firing_follows_cron_and_timezone() -> None:
    assert next_firing(entry(), at(5, 30)) == at(6)
    assert next_firing(entry(), at(6)) == at(6)  # a firing exactly now is due now
    paris = entry("0 8 * * *", timezone="Europe/Paris")
    assert next_firing(paris, at(0)) == at(7)  # 08:00 CET is 07:00 UTC in March


def test_missed_firing_after_downtime() -> None:
    six_hourly = entry()
    assert missed_firing(six_hourly, at(5, 30), now=at(6, 10))  # the 06:00 firing was missed
    assert not missed_firing(six_hourly, at(6), now=at(6, 10))  # ran at 06:00: up to date
    assert not missed_firing(six_hourly, at(6, 1), now=at(11, 59))
    # Days of downtime are still one catch-up, and a source that never ran is due at once.
    assert missed_firing(six_hourly, at(6, day=1), now=at(6, 10, day=4))
    assert missed_firing(six_hourly, None, now=at(6, 10))
    # SQLite returns naive timestamps; they are UTC.
    assert missed_firing(six_hourly, at(5, 30).replace(tzinfo=None), now=at(6, 10))


# --- node choice -------------------------------------------------------------------------------


def test_rank_nodes_by_load_ties_by_order_down_nodes_excluded() -> None:
    statuses = [
        NodeStatus(url="a", running=2, pending=1),
        NodeStatus(url="b", running=1),
        NodeStatus(url="c", pending=1),
        NodeStatus(url="d", error="unreachable"),
        NodeStatus(url="e"),
    ]
    assert [s.url for s in rank_nodes(statuses)] == ["e", "b", "c", "a"]


def test_place_on_least_busy_node_with_args_settings_and_our_job_id() -> None:
    a = FakeScrapyd("http://a:6800", running=["linkedin"], pending=1)
    b = FakeScrapyd("http://b:6800", pending=1)
    placement = placer(a, b).place(
        "airindia",
        args={"base_url": "http://127.0.0.1:9"},
        settings={"DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "False"},
    )
    assert placement.status == "placed" and placement.node == "http://b:6800"
    assert a.scheduled == []
    [form] = b.scheduled
    assert form["spider"] == ["airindia"] and form["project"] == ["aeroscrap"]
    assert form["jobid"] == [placement.job_id]
    assert form["base_url"] == ["http://127.0.0.1:9"]
    assert sorted(form["setting"]) == ["AUTOTHROTTLE_ENABLED=False", "DOWNLOAD_DELAY=0"]


def test_consecutive_placements_spread_over_equal_nodes() -> None:
    a, b = FakeScrapyd("http://a:6800"), FakeScrapyd("http://b:6800")
    p = placer(a, b)
    first = p.place("airindia")
    second = p.place("aviationjobsearch")
    # Equal load: the first listed node; then the other one, since the first now has a job.
    assert (first.node, second.node) == ("http://a:6800", "http://b:6800")


# --- skip if running -----------------------------------------------------------------------------


def test_skip_source_running_on_any_node() -> None:
    a, b = FakeScrapyd("http://a:6800"), FakeScrapyd("http://b:6800", running=["airindia"])
    placement = placer(a, b).place("airindia")
    assert placement.status == "skipped" and placement.ok
    assert "job-airindia on http://b:6800" in placement.reason
    assert a.scheduled == b.scheduled == []
    # Another project's job of the same spider name does not count.
    assert placer(a).place("aviationjobsearch").status == "placed"


def test_skip_source_with_fresh_heartbeat_in_crawl_runs(engine: Engine, db_url: str) -> None:
    node = FakeScrapyd("http://a:6800")
    run_id = runs.start_run(engine, "airindia")  # e.g. started by hand or on a node now down
    assert placer(node, database_url=db_url).place("airindia").status == "skipped"
    # A row whose heartbeat stopped belongs to a dead process: it must not block forever.
    runs.update_run(engine, run_id, heartbeat_at=datetime.now(UTC) - timedelta(minutes=10))
    assert placer(node, database_url=db_url).place("airindia").status == "placed"


def test_unreadable_database_falls_back_to_job_lists() -> None:
    node = FakeScrapyd("http://a:6800")
    down_db = "postgresql+psycopg://u:pw@127.0.0.1:1/x"
    assert placer(node, database_url=down_db).place("airindia").status == "placed"


# --- nodes down ------------------------------------------------------------------------------------


def test_down_node_is_skipped_and_others_used(caplog: pytest.LogCaptureFixture) -> None:
    a = FakeScrapyd("http://a:6800", down=True)
    b = FakeScrapyd("http://b:6800", running=["linkedin"])
    placement = placer(a, b).place("airindia")
    assert placement.node == "http://b:6800"
    assert "skipping scrapyd node http://a:6800: scrapyd http://a:6800 unreachable" in caplog.text


def test_all_nodes_down_fails_with_reasons() -> None:
    a = FakeScrapyd("http://a:6800", down=True)
    b = FakeScrapyd("http://b:6800", down=True)
    placement = placer(a, b).place("airindia")
    assert placement.status == "failed" and not placement.ok
    assert "http://a:6800" in placement.reason and "http://b:6800" in placement.reason


def test_node_refusing_spider_falls_through_to_next() -> None:
    a = FakeScrapyd("http://a:6800", spiders=())  # e.g. project not deployed there yet
    b = FakeScrapyd("http://b:6800", running=["linkedin"])
    assert placer(a, b).place("airindia").node == "http://b:6800"
    assert placer(a, b).place("nosuchspider").status == "failed"


def test_wrong_credentials_are_reported_as_such() -> None:
    fake = FakeScrapyd("http://a:6800")
    with pytest.raises(NodeUnavailable, match="refused the credentials"):
        fake.node(password="wrong").daemon_status()
    status = fake.node(password="wrong").status()
    assert not status.ok and "401" in (status.error or "")


def test_node_status_and_find_job() -> None:
    a = FakeScrapyd("http://a:6800", running=["airindia"], pending=2)
    b = FakeScrapyd("http://b:6800", down=True)
    statuses = node_status([a.node(), b.node()])
    assert [(s.url, s.ok, s.load) for s in statuses] == [
        ("http://a:6800", True, 3),
        ("http://b:6800", False, 0),
    ]
    job = find_job("job-airindia", statuses)
    assert job is not None and job.node == "http://a:6800" and job.state == "running"
    assert find_job("x", statuses) is None  # the other project's job is not ours


# --- once / catch-up ---------------------------------------------------------------------------------


def test_run_once_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    busy = FakeScrapyd("http://a:6800", running=["airindia"])
    entries = [entry(), ScheduleEntry(name="ajs", spider="aviationjobsearch", cron="0 * * * *")]
    assert run_once(entries, placer(busy)) == 0  # one placed, one skipped as running
    out = capsys.readouterr().out
    assert "[e] skipped airindia: still running" in out
    assert "[ajs] placed aviationjobsearch on http://a:6800 as job " in out
    assert run_once(entries, placer(FakeScrapyd("http://a:6800", down=True))) == 1


def test_catch_up_places_only_missed_entries(engine: Engine, db_url: str) -> None:
    node = FakeScrapyd("http://a:6800")
    runs.start_run(engine, "airindia", status="finished")  # just ran
    old = runs.start_run(engine, "linkedin", status="finished", args={"keywords": "pilot"})
    runs.update_run(engine, old, started_at=datetime.now(UTC) - timedelta(days=2))
    entries = [
        entry("0 0 * * *"),
        ScheduleEntry("li-pilot", "linkedin", "0 0 * * *", args={"keywords": "pilot"}),
        # Same spider, other search: told apart by its arguments, it never ran, so it is due too,
        # but the source is now queued: one crawl of a source at a time, so it is skipped.
        ScheduleEntry("li-eng", "linkedin", "0 0 * * *", args={"keywords": "engineer"}),
    ]
    placed = catch_up(entries, placer(node, database_url=db_url))
    assert [(p.spider, p.status) for p in placed] == [
        ("linkedin", "placed"),
        ("linkedin", "skipped"),
    ]
    assert [f["keywords"] for f in node.scheduled] == [["pilot"]]


def test_service_catches_up_then_stops_on_sigterm(capsys: pytest.CaptureFixture[str]) -> None:
    node = FakeScrapyd("http://a:6800")
    entries = [entry("0 0 1 1 *")]  # far from firing during the test
    previous = signal.getsignal(signal.SIGTERM)
    timer = threading.Timer(1.0, os.kill, args=(os.getpid(), signal.SIGTERM))
    timer.start()
    started = time.monotonic()
    try:
        assert run_forever(entries, placer(node)) == 0
    finally:
        timer.cancel()
    assert time.monotonic() - started < 10
    # Without crawl_runs the entry never ran, so it was caught up at start-up.
    assert [f["spider"] for f in node.scheduled] == [["airindia"]]
    assert "[e] placed airindia on http://a:6800" in capsys.readouterr().out
    assert signal.getsignal(signal.SIGTERM) is previous

"""scrapyd end to end: deploy the egg, let the scheduler place sandbox crawls, find them in PostgreSQL.

Real scrapyd nodes (tests/integration/conftest.py), real `aeroscrap schedule --once`, real crawls
of the airindia and aviationjobsearch sandbox sites (plain HTML, fast).
"""

from __future__ import annotations

import configparser
import pkgutil
import re
import subprocess
import time
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest
from sqlalchemy import text

from aeroscrap.db.runs import SourceLock
from aeroscrap.db.session import make_engine
from aeroscrap.sandbox.server import serve
from tests.integration.conftest import BIN, PASSWORD, USER, Node, clean_env

if TYPE_CHECKING:
    from collections.abc import Iterator

    from aeroscrap.sandbox.server import SandboxHandle

SITES = ("airindia", "aviationjobsearch")
JOBS = 30
FAST = {"DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "False"}
PLACED = re.compile(
    r"^\[(?P<entry>\S+)\] placed (?P<spider>\S+) on (?P<node>\S+) as job (?P<job>\w+)$"
)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxHandle]:
    # A small delay per answer keeps each crawl running for a few seconds: long enough for the
    # "still running" placements below, short enough for the whole file to stay near a minute.
    with serve(list(SITES), jobs=JOBS, delay=0.05) as handle:
        yield handle


def schedule_file(tmp_path: Path, sandbox: SandboxHandle) -> Path:
    settings = ", ".join(f'{k} = "{v}"' for k, v in FAST.items())
    path = tmp_path / "schedule.toml"
    path.write_text(
        "".join(
            f'[[crawl]]\nspider = "{site}"\ncron = "0 3 * * *"\n'
            f'args = {{ base_url = "{sandbox.base_url(site)}" }}\n'
            f"settings = {{ {settings} }}\n"
            for site in SITES
        )
    )
    return path


def schedule_once(file: Path, nodes: list[Node], database_url: str) -> tuple[int, str]:
    """`aeroscrap schedule --once`, configured like the compose scheduler service."""
    env = clean_env(
        AEROSCRAP_SCRAPYD_URLS=",".join(node.url for node in nodes),
        AEROSCRAP_SCRAPYD_USERNAME=USER,
        AEROSCRAP_SCRAPYD_PASSWORD=PASSWORD,
        AEROSCRAP_DATABASE_URL=database_url,
    )
    proc = subprocess.run(
        [BIN / "aeroscrap", "schedule", "--once", "--file", str(file)],
        env=env,
        cwd=file.parent,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return proc.returncode, proc.stdout + proc.stderr


def placed_jobs(output: str) -> dict[str, tuple[str, str]]:
    """spider -> (node url, job id) from the scheduler's output."""
    found = (PLACED.match(line.strip()) for line in output.splitlines())
    return {m["spider"]: (m["node"], m["job"]) for m in found if m}


def wait_finished(nodes: list[Node], job_ids: set[str], timeout: float = 90) -> None:
    clients = [node.client() for node in nodes]
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            done = {j.id for c in clients for j in c.jobs() if j.state == "finished"}
            if job_ids <= done:
                return
            time.sleep(0.5)
    finally:
        for client in clients:
            client.close()
    logs = "\n".join(
        p.read_text(errors="replace")[-2000:] for n in nodes for p in n.home.rglob("*.log")
    )
    raise AssertionError(f"jobs {job_ids} did not finish in {timeout}s\n{logs}")


def crawl_runs(database_url: str) -> list[dict[str, object]]:
    engine = make_engine(database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT source, status, scrapyd_job_id, items_found, hostname "
                    "FROM crawl_runs ORDER BY id"
                )
            )
            return [dict(row._mapping) for row in rows]
    finally:
        engine.dispose()


def stored_urls(database_url: str, source: str) -> int:
    engine = make_engine(database_url)
    try:
        with engine.connect() as conn:
            return int(
                conn.execute(
                    text("SELECT count(DISTINCT url) FROM job_sources WHERE source = :s"),
                    {"s": source},
                ).scalar_one()
            )
    finally:
        engine.dispose()


def assert_crawled(database_url: str, placed: dict[str, tuple[str, str]]) -> None:
    """Each placed job has its finished crawl_runs row (with the scrapyd job id) and its jobs."""
    runs = {row["scrapyd_job_id"]: row for row in crawl_runs(database_url)}
    for spider, (_node, job_id) in placed.items():
        run = runs[job_id]
        assert (run["source"], run["status"], run["items_found"]) == (spider, "finished", JOBS)
        assert stored_urls(database_url, spider) == JOBS


@pytest.mark.slow
def test_scheduler_places_crawls_and_skips_running_sources(
    nodes: list[Node], sandbox: SandboxHandle, empty_db: str, tmp_path: Path
) -> None:
    node = nodes[0]
    file = schedule_file(tmp_path, sandbox)
    code, output = schedule_once(file, [node], empty_db)
    assert code == 0, output
    placed = placed_jobs(output)
    assert set(placed) == set(SITES), output
    assert {url for url, _ in placed.values()} == {node.url}

    # Placed again while both still run (or wait in scrapyd's queue): skipped, and still exit 0.
    code, again = schedule_once(file, [node], empty_db)
    assert code == 0, again
    assert placed_jobs(again) == {}
    for site in SITES:
        assert re.search(rf"skipped {site}: still running: (running|pending) job \w+ on ", again)

    wait_finished([node], {job for _, job in placed.values()})
    assert_crawled(empty_db, placed)
    # The skipped placements never reached scrapyd, so there is one run per source.
    assert sorted(str(r["source"]) for r in crawl_runs(empty_db)) == sorted(SITES)


@pytest.mark.slow
def test_two_nodes_share_the_crawls_and_the_source_lock(
    nodes: list[Node], sandbox: SandboxHandle, empty_db: str, tmp_path: Path
) -> None:
    code, output = schedule_once(schedule_file(tmp_path, sandbox), nodes, empty_db)
    assert code == 0, output
    placed = placed_jobs(output)
    # Both nodes idle: the first crawl goes to the first node, the second to the other one.
    assert {spider: url for spider, (url, _) in placed.items()} == {
        SITES[0]: nodes[0].url,
        SITES[1]: nodes[1].url,
    }, output

    wait_finished(nodes, {job for _, job in placed.values()})
    assert_crawled(empty_db, placed)

    # While the source is locked in PostgreSQL (as by a crawl on another node), a crawl of it
    # started on a node behind the scheduler's back records itself as skipped (D7, O2).
    engine = make_engine(empty_db)
    lock = SourceLock(engine, SITES[0])
    assert lock.acquire()
    try:
        with nodes[1].client() as client:
            direct = client.schedule(
                SITES[0],
                job_id="directduplicate",
                args={"base_url": sandbox.base_url(SITES[0])},
                settings=FAST,
            )
        wait_finished(nodes, {direct})
    finally:
        lock.release()
        engine.dispose()
    duplicate = [r for r in crawl_runs(empty_db) if r["scrapyd_job_id"] == direct]
    assert [(r["source"], r["status"]) for r in duplicate] == [(SITES[0], "skipped")]

    with nodes[0].client() as a, nodes[1].client() as b:
        finished = {j.id: j for client in (a, b) for j in client.jobs() if j.state == "finished"}
    for _spider, (url, job_id) in placed.items():
        assert finished[job_id].node == url
        assert finished[job_id].log_url == f"{url}/logs/aeroscrap/{_spider}/{job_id}.log"


def _services() -> dict[str, str]:
    """Every endpoint scrapyd serves, from its own default configuration."""
    config = configparser.ConfigParser()
    config.read_string((pkgutil.get_data("scrapyd", "default_scrapyd.conf") or b"").decode())
    return dict(config.items("services"))


def test_scrapyd_refuses_requests_without_credentials(nodes: list[Node]) -> None:
    url = nodes[0].url
    endpoints = sorted(_services())
    assert {"schedule.json", "addversion.json", "daemonstatus.json"} <= set(endpoints)
    # The web pages and logs too, not only the JSON API (RELIABILITY O1).
    paths = [*endpoints, "", "jobs", "logs/"]
    bad = [None, (USER, "wrong"), ("intruder", PASSWORD), (USER, "")]
    # Harmless parameters: with good credentials nothing is scheduled, deleted or deployed.
    form = {"project": "nope", "spider": "nope", "job": "nope", "version": "nope"}
    with httpx.Client(base_url=url, timeout=10) as client:
        for path in paths:
            for auth in bad:
                for method in ("GET", "POST"):
                    response = client.request(method, f"/{path}", auth=auth, data=form)
                    assert response.status_code == 401, (path, auth, method)
                    assert "status" not in response.text  # no JSON answer leaks through
            good = client.request(
                "POST" if path.endswith(".json") else "GET",
                f"/{path}",
                auth=(USER, PASSWORD),
                params=form if path.endswith(".json") else None,
                data=form if path.endswith(".json") else None,
            )
            assert good.status_code != 401, path
    with nodes[0].client(password="wrong") as intruder:
        assert not intruder.status().ok


@pytest.mark.slow
def test_admin_api_schedules_a_crawl_and_lists_nodes(nodes: list[Node], empty_db: str) -> None:
    import threading

    import uvicorn

    from aeroscrap.config import Settings
    from graphql_api.app import create_app

    key = "ops-admin-key-0123456789"
    settings = Settings(
        database_url=empty_db,
        admin_api_key=key,
        scrapyd_urls=[node.url for node in nodes],
        scrapyd_username=USER,
        scrapyd_password=PASSWORD,
    )
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=0))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive()
        time.sleep(0.01)
    api = f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}/graphql"
    schedule = (
        'mutation($args: [SpiderArgument!]) { scheduleCrawl(spider: "airindia", args: $args)'
        " { status node jobId reason } }"
    )
    # The API passes no Scrapy settings (admins cannot inject any), so the crawl runs with the
    # real 2 s politeness delay: a five-job site keeps it short.
    small = serve(["airindia"], jobs=5)
    variables = {"args": [{"name": "base_url", "value": small.base_url("airindia")}]}
    try:
        with httpx.Client(timeout=30) as http:
            refused = http.post(api, json={"query": schedule, "variables": variables}).json()
            assert refused["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
            auth = {"authorization": f"Bearer {key}"}
            answer = http.post(api, json={"query": schedule, "variables": variables}, headers=auth)
            placed = answer.json()["data"]["scheduleCrawl"]
            assert placed["status"] == "PLACED", placed
            assert placed["node"] in {node.url for node in nodes}
            wait_finished(nodes, {placed["jobId"]})
            listed = http.post(
                api,
                json={
                    "query": "{ scrapydNodes { url ok running jobs { id spider state logUrl } } }"
                },
                headers=auth,
            ).json()["data"]["scrapydNodes"]
        assert [n["url"] for n in listed] == [node.url for node in nodes]
        assert all(n["ok"] for n in listed)
        job = next(j for n in listed for j in n["jobs"] if j["id"] == placed["jobId"])
        assert (job["spider"], job["state"]) == ("airindia", "finished")
        assert job["logUrl"].endswith(f"/airindia/{placed['jobId']}.log")
        run = next(r for r in crawl_runs(empty_db) if r["scrapyd_job_id"] == placed["jobId"])
        assert run["status"] == "finished"
    finally:
        small.stop()
        server.should_exit = True
        thread.join(10)

"""Real scrapyd nodes for the integration tests: the project egg, started with deploy/ as shipped.

Each node runs `deploy/scrapyd-start.sh` (the compose `scrapyd` command) in its own temporary
home, on a free loopback port, with credentials; the crawls it starts write to PostgreSQL.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import text

from aeroscrap.db import migrate
from aeroscrap.db.session import make_engine
from aeroscrap.scrapyd_client import ScrapydError, ScrapydNode
from tests.conftest import _worker, create_pg_database, drop_pg_database

if TYPE_CHECKING:
    from collections.abc import Iterator

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
USER, PASSWORD = "aeroscrap", "it-s3cret"
# What the egg is built from: the packages and the files setuptools reads.
_EGG_SOURCES = ("aeroscrap", "spiders", "graphql_api", "resume_parser")
_EGG_FILES = ("pyproject.toml", "setup.py", "scrapy.cfg", "README.md")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def clean_env(**extra: str) -> dict[str, str]:
    """The test process's environment without AEROSCRAP_*/SCRAPYD_* leaking in, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AEROSCRAP_", "SCRAPYD_"))}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env.update(extra)
    return env


@pytest.fixture(scope="session")
def egg(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project egg, built by `scrapyd-deploy --build-egg` from a copy of the sources
    (the build writes build/ and *.egg-info next to setup.py; the working tree stays clean)."""
    src = tmp_path_factory.mktemp("egg-src")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in _EGG_SOURCES:
        shutil.copytree(ROOT / name, src / name, ignore=ignore)
    for name in _EGG_FILES:
        shutil.copy2(ROOT / name, src / name)
    out = src.parent / "aeroscrap.egg"
    subprocess.run(
        [BIN / "scrapyd-deploy", "--build-egg", str(out)],
        cwd=src,
        env=clean_env(),
        check=True,
        capture_output=True,
        timeout=120,
    )
    with zipfile.ZipFile(out) as archive:
        entry_points = archive.read("EGG-INFO/entry_points.txt").decode()
    if "[scrapy]" not in entry_points:
        pytest.fail(
            "the egg has no `scrapy` entry point, so scrapyd cannot find the settings: add "
            '[project.entry-points.scrapy] settings = "aeroscrap.settings" to pyproject.toml'
        )
    return out


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    """A migrated PostgreSQL database shared by the module's scrapyd nodes."""
    name = f"aeroscrap_scrapyd_{_worker()}"
    url = create_pg_database(name)
    migrate.upgrade(url)
    yield url
    drop_pg_database(name)


@pytest.fixture
def empty_db(pg_url: str) -> str:
    engine = make_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "TRUNCATE job_sources, jobs, company_mappings, companies, crawl_runs "
                "RESTART IDENTITY CASCADE"
            )
        )
    engine.dispose()
    return pg_url


@dataclass
class Node:
    """A running scrapyd node started by deploy/scrapyd-start.sh."""

    url: str
    home: Path
    process: subprocess.Popen[bytes]

    def client(
        self, *, username: str | None = USER, password: str | None = PASSWORD
    ) -> ScrapydNode:
        return ScrapydNode(self.url, username=username, password=password)

    def stop(self) -> None:
        # The script forwards SIGTERM to scrapyd; its group also holds any crawl still running.
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def launch_node(egg: Path, home: Path, database_url: str) -> Node:
    """Start a node in the background; `wait_deployed` tells when it is usable."""
    port = free_port()
    home.mkdir(parents=True, exist_ok=True)
    env = clean_env(
        SCRAPYD_USERNAME=USER,
        SCRAPYD_PASSWORD=PASSWORD,
        SCRAPYD_HTTP_PORT=str(port),
        SCRAPYD_HOME=str(home),
        AEROSCRAP_EGG=str(egg),
        AEROSCRAP_DATABASE_URL=database_url,
        AEROSCRAP_SPOOL_DIR=str(home / "spool"),
    )
    with (home / "node.log").open("wb") as log:
        process = subprocess.Popen(
            [ROOT / "deploy" / "scrapyd-start.sh"],
            cwd=home,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    return Node(f"http://127.0.0.1:{port}", home, process)


def wait_deployed(node: Node, timeout: float = 60) -> None:
    """Wait until the script has deployed the project on the node, or raise with its log."""
    deadline = time.monotonic() + timeout
    with node.client() as client:
        while time.monotonic() < deadline and node.process.poll() is None:
            try:
                if "aeroscrap" in client.projects():
                    return
            except ScrapydError:
                pass
            time.sleep(0.3)
    node.stop()
    log_text = (node.home / "node.log").read_text(errors="replace")[-3000:]
    raise RuntimeError(f"scrapyd node {node.url} did not come up:\n{log_text}")


@pytest.fixture(scope="module")
def nodes(egg: Path, pg_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Node]]:
    """Two scrapyd nodes sharing the module's PostgreSQL database."""
    started: list[Node] = []
    try:
        for name in ("node-a", "node-b"):
            started.append(launch_node(egg, tmp_path_factory.mktemp(name), pg_url))
        for node in started:
            wait_deployed(node)
        yield started
    finally:
        for node in started:
            node.stop()

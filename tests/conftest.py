"""Shared fixtures: every database test runs on SQLite and on a real PostgreSQL.

PostgreSQL comes from AEROSCRAP_TEST_PG_URL (CI creates the role and database). If it cannot be
reached the tests fail: a silent skip would hide half of the storage behaviour.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, make_url, text

from aeroscrap.db import migrate
from aeroscrap.db.session import make_engine

DEFAULT_PG_URL = "postgresql+psycopg://aeroscrap:aeroscrap@127.0.0.1:5432/aeroscrap_test"
_TABLES = "job_sources, jobs, company_mappings, companies, crawl_runs, resumes"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--db",
        choices=("all", "sqlite", "postgresql"),
        default="all",
        help="which databases the storage tests run on (default: both)",
    )


def _backends(config: pytest.Config) -> list[str]:
    choice = config.getoption("--db")
    return ["sqlite", "postgresql"] if choice == "all" else [choice]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames:
        backends = _backends(metafunc.config)
        if metafunc.definition.get_closest_marker("postgresql_only"):
            backends = [b for b in backends if b == "postgresql"]
        metafunc.parametrize("backend", backends, scope="session")


def pg_admin_url() -> str:
    return os.environ.get("AEROSCRAP_TEST_PG_URL", DEFAULT_PG_URL)


def _worker() -> str:
    # Unique per pytest process: parallel sessions (xdist workers, or two developers' runs on
    # one PostgreSQL) must never drop each other's databases.
    return f"{os.environ.get('PYTEST_XDIST_WORKER', 'main')}_{os.getpid()}"


def drop_pg_database(name: str) -> None:
    admin = make_engine(pg_admin_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def create_pg_database(name: str) -> str:
    """Create (or recreate) an empty PostgreSQL database and return its URL."""
    admin = make_engine(pg_admin_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(pg_admin_url()).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def _migrated_template(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A migrated database per backend and pytest process (SQLite: a template file to copy)."""
    if backend == "sqlite":
        path = tmp_path_factory.mktemp("sqlite") / "template.db"
        migrate.upgrade(f"sqlite:///{path}")
        yield f"sqlite:///{path}"
        return
    name = f"aeroscrap_test_{_worker()}"
    url = create_pg_database(name)
    migrate.upgrade(url)
    yield url
    drop_pg_database(name)


@pytest.fixture
def db_url(backend: str, _migrated_template: str, tmp_path: Path) -> str:
    """URL of an empty, migrated database: a fresh SQLite file, or a truncated PostgreSQL one."""
    if backend == "sqlite":
        source = Path(make_url(_migrated_template).database or "")
        target = tmp_path / "aeroscrap.db"
        shutil.copyfile(source, target)
        return f"sqlite:///{target}"
    engine = make_engine(_migrated_template)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {_TABLES} RESTART IDENTITY CASCADE"))
    engine.dispose()
    return _migrated_template


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    eng = make_engine(db_url)
    yield eng
    eng.dispose()

"""Engines for SQLite and PostgreSQL with the limits of RELIABILITY.md, and a loud connection check."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import OperationalError

from aeroscrap.exceptions import DatabaseUnavailable


def safe_target(url: str | URL) -> str:
    """host:port/db (or the SQLite path) for messages: never the password."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return f"sqlite:{parsed.database or ':memory:'}"
    return f"{parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database or ''}"


def make_engine(
    url: str, *, statement_timeout_ms: int = 30_000, writer: bool = True, **kwargs: Any
) -> Engine:
    """Create an engine: SQLite in WAL (writers BEGIN IMMEDIATE), PostgreSQL with timeouts."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(parsed, connect_args={"timeout": 30}, **kwargs)
        _configure_sqlite(engine, immediate=writer)
        return engine
    connect_args = {
        "connect_timeout": 5,
        "options": f"-c statement_timeout={statement_timeout_ms}",
        "application_name": "aeroscrap",
    }
    kwargs.setdefault("pool_pre_ping", True)
    # Batches go through psycopg's own executemany (pipeline mode, prepared once) rather than
    # SQLAlchemy's multi-VALUES rewrite, whose 500-row statement psycopg re-parses every time.
    kwargs.setdefault("use_insertmanyvalues", False)
    kwargs.setdefault("pool_timeout", 5)
    return create_engine(parsed, connect_args=connect_args, **kwargs)


def _configure_sqlite(engine: Engine, *, immediate: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, open transactions, so they can start as IMMEDIATE:
        # a writer then waits for the lock up front instead of failing with "database is locked".
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    # Readers (the API) stay deferred so they never queue behind each other.
    begin = "BEGIN IMMEDIATE" if immediate else "BEGIN"

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql(begin)


def check_connection(engine: Engine) -> None:
    """Raise DatabaseUnavailable naming host:port (never the password) if the database is down."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        reason = str(exc.orig).splitlines()[0] if exc.orig else type(exc).__name__
        password = engine.url.password
        if password:
            reason = reason.replace(str(password), "***")
        raise DatabaseUnavailable(
            f"database unavailable at {safe_target(engine.url)}: {reason}"
        ) from None

"""Alembic environment: the URL comes from the config (tests) or from get_settings()."""

from __future__ import annotations

from typing import Any

from alembic import context

from aeroscrap.config import get_settings
from aeroscrap.db import models  # noqa: F401  (registers the tables on Base.metadata)
from aeroscrap.db.base import Base
from aeroscrap.db.session import make_engine

# Full-text objects are database-specific and created by hand in the revisions (a PostgreSQL
# generated tsvector column, SQLite FTS5 tables); autogenerate must not see them as drift.
_FTS_NAMES = {"search_vector", "ix_jobs_search_vector"}


def _include_object(obj: Any, name: str | None, type_: str, reflected: bool, _other: Any) -> bool:
    if name in _FTS_NAMES:
        return False
    return not (type_ == "table" and name is not None and name.startswith("jobs_fts"))


def run_migrations() -> None:
    url = context.config.get_main_option("sqlalchemy.url") or get_settings().database_url
    engine = make_engine(url)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            include_object=_include_object,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations()

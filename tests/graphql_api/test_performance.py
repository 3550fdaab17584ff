"""DataLoaders keep the statement count of a nested query constant; slow queries time out cleanly."""

from __future__ import annotations

import anyio
import pytest
from graphql import GraphQLError
from sqlalchemy import Engine, event, text

from aeroscrap.db.session import make_engine
from graphql_api.context import run_db
from tests.conftest import pg_admin_url
from tests.graphql_api.conftest import LiveApi

NESTED = """query($n: Int!) { jobs(first: $n) { totalCount edges { node {
  id title company { name jobCount sources } sources { url }
  similarJobs(first: 3) { nodes { id company { name } } } } } } }"""


def _statements(api: LiveApi, first: int) -> int:
    seen: list[str] = []

    def count(*args: object) -> None:
        statement = str(args[2])
        # The pool's pre-ping and SQLite's BEGIN are not queries of ours.
        if statement.strip().upper() not in {"SELECT 1", "BEGIN"}:
            seen.append(statement)

    event.listen(api.app.state.engine, "before_cursor_execute", count)
    try:
        data = api.data(NESTED, {"n": first})
    finally:
        event.remove(api.app.state.engine, "before_cursor_execute", count)
    assert len(data["jobs"]["edges"]) == first
    return len(seen)


def test_nested_query_statement_count_does_not_grow_with_the_page(api: LiveApi) -> None:
    small, large = _statements(api, 2), _statements(api, 11)
    # page + count + companies + company stats + sources + similar (3) + companies of the
    # similar jobs; that last batch is skipped when the loader's cache already holds them all.
    assert large <= 9
    assert large - small <= 1


def test_statement_timeout_becomes_a_timeout_error() -> None:
    # statement_timeout is PostgreSQL's; SQLite has no server-side timeout to map.
    engine: Engine = make_engine(pg_admin_url(), writer=False, statement_timeout_ms=100)
    try:
        with pytest.raises(GraphQLError) as info:
            anyio.run(run_db, engine, lambda conn: conn.execute(text("SELECT pg_sleep(2)")).all())
    finally:
        engine.dispose()
    assert info.value.extensions == {"code": "TIMEOUT"}
    assert info.value.message == "query took too long"

"""DataLoaders keep the statement count of a nested query constant; slow queries time out cleanly."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import anyio
import pytest
from graphql import GraphQLError
from sqlalchemy import Engine, event, text

from aeroscrap.db.session import make_engine
from graphql_api import context
from graphql_api.context import ResultCache, run_db
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
    # page + its companies + its sightings (one DB call), count, company stats, similar jobs (3),
    # and companies of the similar jobs through the loader; that last batch is skipped when the
    # loader's cache already holds them all. A per-job N+1 would be 11 x 5 statements.
    assert large <= 10
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


def test_database_calls_queue_then_fail_cleanly_when_the_wait_is_too_long(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(context, "DB_CONCURRENCY", 1)
    monkeypatch.setattr(context, "DB_WAIT_SECONDS", 0.2)
    engine = make_engine(f"sqlite:///{tmp_path / 'q.db'}", writer=False)
    outcomes: list[str] = []

    def slow(conn: object, seconds: float) -> str:
        time.sleep(seconds)
        return "done"

    async def call(seconds: float) -> None:
        try:
            outcomes.append(await run_db(engine, slow, seconds))
        except GraphQLError as exc:
            outcomes.append(str((exc.extensions or {}).get("code")))

    async def scenario() -> None:
        async with anyio.create_task_group() as group:
            group.start_soon(call, 0.6)
            await anyio.sleep(0.05)
            group.start_soon(call, 0.0)
        # The slot is free again once the slow call is over.
        await call(0.0)

    try:
        anyio.run(scenario)
    finally:
        engine.dispose()
    assert outcomes == ["SERVICE_UNAVAILABLE", "done", "done"]


def test_result_cache_shares_one_computation_and_forgets_failures() -> None:
    calls: list[int] = []

    async def compute() -> int:
        calls.append(1)
        await anyio.sleep(0.01)
        return len(calls)

    async def failing() -> int:
        raise RuntimeError("db down")

    async def scenario() -> None:
        cache = ResultCache(ttl=60)
        results = []
        async with anyio.create_task_group() as group:
            for _ in range(5):
                group.start_soon(lambda: _collect(cache, compute, results))
        assert results == [1] * 5 and len(calls) == 1
        for _ in range(2):
            with pytest.raises(RuntimeError):
                await cache.get("bad", failing)
        expired = ResultCache(ttl=0)
        await expired.get("k", compute)
        await expired.get("k", compute)
        assert len(calls) == 3

    anyio.run(scenario)


async def _collect(
    cache: ResultCache, compute: Callable[[], Awaitable[int]], out: list[int]
) -> None:
    out.append(await cache.get("k", compute))


def test_analytics_are_served_from_the_cache_within_the_ttl(api: LiveApi) -> None:
    query = "{ analytics { byCountry { key count } } stats { totalJobs } }"
    first = api.data(query)
    seen: list[str] = []
    event.listen(api.app.state.engine, "before_cursor_execute", lambda *a: seen.append(a[2]))
    assert api.data(query) == first
    assert [s for s in seen if "GROUP BY" in s or "count(" in s] == []


@contextmanager
def _jobs_statements(api: LiveApi) -> Iterator[list[str]]:
    """The SQL of the statements reading jobs while the block runs."""
    seen: list[str] = []

    def keep(*args: object) -> None:
        if "FROM jobs" in str(args[2]):
            seen.append(str(args[2]))

    event.listen(api.app.state.engine, "before_cursor_execute", keep)
    try:
        yield seen
    finally:
        event.remove(api.app.state.engine, "before_cursor_execute", keep)


def _page_statement(api: LiveApi, fields: str) -> tuple[set[str], list[dict[str, object]]]:
    with _jobs_statements(api) as seen:
        data = api.data(f"{{ jobs(first: 3) {{ nodes {{ id {fields} }} }} }}")
    assert len(seen) == 1
    selected = seen[0].split("FROM jobs")[0].removeprefix("SELECT")
    return {column.split()[0] for column in selected.split(",")}, data["jobs"]["nodes"]


def test_a_page_reads_the_advert_only_when_a_field_shows_it(api: LiveApi) -> None:
    columns, nodes = _page_statement(api, "title")
    assert "jobs.title" in columns and "jobs.description_truncated" in columns
    assert not {"jobs.description", "jobs.requirements"} & columns
    assert all(node["title"] for node in nodes)
    columns, nodes = _page_statement(api, "description requirements")
    assert {"jobs.description", "jobs.requirements"} <= columns
    assert all(node["description"] for node in nodes)


def test_statement_templates_take_each_requests_values(api: LiveApi) -> None:
    # Page statements are built once per shape and reused: the values of a later request must
    # reach the database as parameters (same SQL text), never the first request's values.
    query = """query($c: String!, $s: String!) {
      byCountry: jobs(filter: {countryCode: $c}, first: 5) { nodes { countryCode } }
      bySearch: jobs(search: $s, first: 5) { nodes { id } } }"""
    texts: list[list[str]] = []
    pages = []
    for country, words in (("GB", "a320"), ("DE", "b1")):
        with _jobs_statements(api) as seen:
            pages.append(api.data(query, {"c": country, "s": words}))
        texts.append(sorted(seen))
    assert len(texts[0]) >= 2 and texts[0] == texts[1]
    for page, country in zip(pages, ("GB", "DE"), strict=True):
        nodes = page["byCountry"]["nodes"]
        assert nodes and {node["countryCode"] for node in nodes} == {country}
    assert pages[0]["bySearch"]["nodes"] != pages[1]["bySearch"]["nodes"]

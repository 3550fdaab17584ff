"""Per-request Context (engines, settings, admin flag, fresh DataLoaders) and the DB call helper."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar, cast

from anyio import CapacityLimiter, move_on_after
from anyio.lowlevel import RunVar
from graphql import GraphQLError
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.concurrency import run_in_threadpool

from graphql_api.queries.jobs import BadArgument
from graphql_api.security import bad_input

if TYPE_CHECKING:
    from starlette.requests import Request

    from aeroscrap.config import Settings
    from graphql_api.loaders import Loaders

P = ParamSpec("P")
T = TypeVar("T")
log = logging.getLogger(__name__)
# Database calls running at once per worker process (one event loop), below the pool size. Each
# runs in a thread; with 16 clients on 2 cores, 16 threads contending for the GIL and the CPUs
# with PostgreSQL stretched the p99 of a jobs page ~1.7x (4 threads: p99 250 -> 150 ms) for the
# same throughput. The others wait their turn in FIFO order, for as long as the pool would
# have let them wait (RELIABILITY.md A21: a clean SERVICE_UNAVAILABLE, never a hang).
DB_CONCURRENCY = 4
DB_WAIT_SECONDS = 5.0
_db_limiter: RunVar[CapacityLimiter] = RunVar("aeroscrap_db_limiter")


def _limiter() -> CapacityLimiter:
    try:
        return _db_limiter.get()
    except LookupError:
        limiter = CapacityLimiter(DB_CONCURRENCY)
        _db_limiter.set(limiter)
        return limiter


def _busy(reason: str) -> GraphQLError:
    log.warning(reason)
    return GraphQLError("server busy, try again", extensions={"code": "SERVICE_UNAVAILABLE"})


def _is_timeout(exc: OperationalError) -> bool:
    # psycopg raises QueryCanceled when statement_timeout fires (SQLSTATE 57014).
    return getattr(exc.orig, "sqlstate", None) == "57014"


def _read(
    engine: Engine, fn: Callable[Concatenate[Connection, P], T], *a: P.args, **kw: P.kwargs
) -> T:
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            # Reads need no transaction: autocommit saves the BEGIN and ROLLBACK round trips
            # (psycopg switches it client-side; the pool restores the default on check-in).
            conn.execution_options(isolation_level="AUTOCOMMIT")
        return fn(conn, *a, **kw)


async def run_db(
    engine: Engine, fn: Callable[Concatenate[Connection, P], T], *args: P.args, **kwargs: P.kwargs
) -> T:
    """Run `fn(conn, ...)` on a pooled connection in a worker thread; map DB failures to GraphQL errors.

    The engine is synchronous: running it in a thread keeps the event loop answering other
    requests while a slow statement runs (it is cut at statement_timeout).
    """
    limiter, borrower = _limiter(), object()
    acquired = False
    with move_on_after(DB_WAIT_SECONDS):
        # On behalf of a fresh object: one task may run several calls (DataLoader batches).
        await limiter.acquire_on_behalf_of(borrower)
        acquired = True
    if not acquired:
        raise _busy("database calls queued too long")
    try:
        return await run_in_threadpool(partial(_read, engine, fn, *args, **kwargs))
    except BadArgument as exc:
        raise bad_input(str(exc)) from None
    except OperationalError as exc:
        if _is_timeout(exc):
            raise GraphQLError("query took too long", extensions={"code": "TIMEOUT"}) from None
        raise
    except PoolTimeout:
        raise _busy("database pool exhausted") from None
    finally:
        limiter.release_on_behalf_of(borrower)


class ResultCache:
    """Short-lived results of expensive aggregates, shared by the requests of one worker.

    Analytics scan most of the jobs table; dashboards poll them and tolerate seconds of
    staleness, so identical requests within `ttl` share one computation (also while it runs).
    """

    def __init__(self, ttl: float = 30.0, maxsize: int = 256) -> None:
        self.ttl = ttl
        self.maxsize = maxsize
        self._entries: dict[Hashable, tuple[float, asyncio.Future[Any]]] = {}

    async def get(self, key: Hashable, compute: Callable[[], Awaitable[T]]) -> T:
        now = time.monotonic()
        entry = self._entries.get(key)
        if entry is None or entry[0] <= now:
            future: asyncio.Future[Any] = asyncio.ensure_future(compute())
            self._entries[key] = (now + self.ttl, future)
            if len(self._entries) > self.maxsize:
                # Dicts keep insertion order: drop the oldest entry.
                self._entries.pop(next(iter(self._entries)))
            entry = self._entries[key]
        try:
            return cast(T, await asyncio.shield(entry[1]))
        except Exception:
            # A failure (timeout, DB down) is not worth remembering.
            if self._entries.get(key) is entry:
                del self._entries[key]
            raise


@dataclass
class Context:
    """What every resolver sees; built per request so DataLoader caches die with the request."""

    engine: Engine
    writer: Engine
    settings: Settings
    is_admin: bool
    request: Request | None = None
    cache: ResultCache = field(default_factory=ResultCache)
    loaders: Loaders = field(init=False)

    def __post_init__(self) -> None:
        from graphql_api.loaders import Loaders

        self.loaders = Loaders(self.engine)

    async def db(
        self, fn: Callable[Concatenate[Connection, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        """Run a read function (see run_db)."""
        return await run_db(self.engine, fn, *args, **kwargs)

    async def cached_db(
        self, fn: Callable[Concatenate[Connection, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        """Like db(), through the worker's ResultCache (arguments must be hashable)."""
        key = (fn.__module__, fn.__qualname__, args, tuple(sorted(kwargs.items())))
        return await self.cache.get(key, lambda: run_db(self.engine, fn, *args, **kwargs))

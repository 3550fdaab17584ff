"""The Starlette application: /graphql (Strawberry) plus the plain routes; the lifespan owns the engines."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

import orjson
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.routing import BaseRoute, Route
from strawberry.asgi import GraphQL

from aeroscrap.config import Settings, get_settings
from aeroscrap.db.session import make_engine
from graphql_api.context import Context, ResultCache
from graphql_api.metrics import Metrics, MetricsMiddleware
from graphql_api.resume_routes import resume_routes, upload_route
from graphql_api.routes import ROUTES
from graphql_api.schema import build_schema
from graphql_api.security import MAX_BODY_BYTES, is_admin_request, key_digest
from resume_parser import worker as parser_worker

API_STATEMENT_TIMEOUT_MS = 5_000
# Analytics and stats may be this many seconds stale (they scan most of the jobs table).
ANALYTICS_TTL_SECONDS = 30.0


class _GraphQLApp(GraphQL[Context, None]):
    """Strawberry's ASGI app with a fresh Context (and fresh DataLoaders) per request."""

    def __init__(self, *args: Any, settings: Settings, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._settings = settings
        self._digest = key_digest(settings.admin_api_key)

    def encode_json(self, data: object) -> bytes:
        # orjson writes a 20-job page about 10x faster than json.dumps (0.15 ms a request).
        try:
            return orjson.dumps(data)
        except TypeError:  # what orjson refuses (integers beyond 64 bits), json still writes
            return json.dumps(data, separators=(",", ":")).encode()

    def decode_json(self, data: str | bytes) -> object:
        # orjson.JSONDecodeError is a json.JSONDecodeError: Strawberry's 400 answer still applies.
        return orjson.loads(data)

    async def get_context(self, request: Request, response: Any) -> Context:  # type: ignore[override]
        state = request.app.state
        return Context(
            engine=state.engine,
            writer=state.writer,
            settings=self._settings,
            # Only the header counts: a key in the query string would end up in access logs.
            is_admin=is_admin_request(request.headers.get("authorization"), self._digest),
            request=request,
            cache=state.cache,
        )


def create_app(
    settings: Settings | None = None,
    *,
    extra_routes: Sequence[BaseRoute] = (),
) -> Starlette:
    """Build the API; `extra_routes` lets a benchmark mount its baseline beside it."""
    settings = settings or get_settings()
    production = settings.env == "production"
    schema = build_schema(production=production)
    graphql = _GraphQLApp(
        schema,
        settings=settings,
        # GraphiQL only in development and the demo (RELIABILITY.md A7).
        graphql_ide=None if production else "graphiql",
        # POST only: a GET query could be triggered cross-site by a link or an <img>.
        allow_queries_via_get=False,
        subscription_protocols=(),
        multipart_uploads_enabled=False,
    )
    metrics = Metrics()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        app.state.engine = make_engine(
            settings.database_url,
            writer=False,
            statement_timeout_ms=API_STATEMENT_TIMEOUT_MS,
            pool_size=10,
            max_overflow=10,
        )
        app.state.writer = make_engine(settings.database_url, writer=True, pool_size=2)
        app.state.metrics = metrics
        app.state.cache = ResultCache(ttl=ANALYTICS_TTL_SECONDS)
        try:
            yield
        finally:
            app.state.engine.dispose()
            app.state.writer.dispose()
            parser_worker.shutdown()  # the idle resume-parser child processes

    middleware = [Middleware(MetricsMiddleware, metrics=metrics)]
    if settings.cors_origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(settings.cors_origins),
                allow_credentials=False,
                allow_methods=["GET", "POST"],
                allow_headers=["authorization", "content-type"],
                max_age=600,
            )
        )
    routes: list[BaseRoute] = [
        Route("/graphql", graphql, methods=["GET", "POST"]),
        # Multipart only here (resume uploads, 5.5 MiB); /graphql stays JSON-only at 1 MiB.
        upload_route(graphql),
        *ROUTES,
        *resume_routes(settings),
        *extra_routes,
    ]
    return Starlette(
        debug=False,
        routes=routes,
        middleware=middleware,
        lifespan=lifespan,
        max_body_size=MAX_BODY_BYTES,
    )

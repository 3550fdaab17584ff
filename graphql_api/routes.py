"""Plain HTTP routes: /health, /metrics and the streamed job exports (CSV and JSON)."""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Engine, select, text
from sqlalchemy.exc import SQLAlchemyError
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route

from graphql_api.context import run_db
from graphql_api.queries import analytics, crawl
from graphql_api.queries.jobs import JOB_COLUMNS, BadArgument, JobSpec, conditions

log = logging.getLogger(__name__)
EXPORT_DEFAULT_LIMIT = 10_000
EXPORT_MAX_LIMIT = 100_000
_CHUNK_ROWS = 500
_EXPORT_FIELDS = [c.name for c in JOB_COLUMNS if c.name not in {"requirements", "company_id"}]
# Spreadsheet apps run cells starting with these as formulas (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

_PARAM_TYPES: dict[str, tuple[str, Any]] = {
    "companyId": ("company_id", int),
    "company": ("company", str),
    "countryCode": ("country_code", str),
    "operationType": ("operation_type", str),
    "source": ("source", str),
    "status": ("status", str),
    "senior": ("senior", lambda v: {"true": True, "false": False}[v.lower()]),
    "postedFrom": ("posted_from", date.fromisoformat),
    "postedTo": ("posted_to", date.fromisoformat),
    "createdSince": ("created_since", datetime.fromisoformat),
    "updatedSince": ("updated_since", datetime.fromisoformat),
    "contractType": ("contract_type", str),
    "salaryMin": ("salary_min", float),
    "salaryMax": ("salary_max", float),
    "salaryCurrency": ("salary_currency", str),
    "search": ("search", str),
}


def export_spec(params: dict[str, str]) -> tuple[JobSpec, int]:
    """(spec, row limit) from export query parameters (the `jobs` filter names, camelCase).

    `day=YYYY-MM-DD` selects the jobs first seen that day (the original system's daily CSV).
    Raises BadArgument naming the parameter on unknown names or bad values.
    """
    values: dict[str, Any] = {}
    limit = EXPORT_DEFAULT_LIMIT
    for name, raw in params.items():
        try:
            if name == "limit":
                limit = int(raw)
            elif name == "day":
                start = datetime.combine(date.fromisoformat(raw), time(tzinfo=UTC))
                values["created_since"] = start
                values["created_before"] = start + timedelta(days=1)
            elif name in _PARAM_TYPES:
                field, convert = _PARAM_TYPES[name]
                values[field] = convert(raw)
            else:
                raise BadArgument(f"unknown parameter {name!r}")
        except BadArgument:
            raise
        except (ValueError, KeyError):
            raise BadArgument(f"bad value for {name!r}: {raw[:40]!r}") from None
    if values.get("status") not in {None, "active", "expired", "filled"}:
        raise BadArgument(f"bad value for 'status': {values['status']!r}")
    if not 1 <= limit <= EXPORT_MAX_LIMIT:
        raise BadArgument(f"limit must be between 1 and {EXPORT_MAX_LIMIT}")
    return JobSpec(**values), limit


def _rows(engine: Engine, spec: JobSpec, limit: int) -> Iterator[list[dict[str, Any]]]:
    with engine.connect() as conn:
        stmt = (
            select(*JOB_COLUMNS)
            .where(*conditions(conn, spec))
            .order_by(JOB_COLUMNS[0])
            .limit(limit)
        )
        result = conn.execution_options(stream_results=True, yield_per=_CHUNK_ROWS).execute(stmt)
        for chunk in result.partitions():
            yield [{f: row._mapping[f] for f in _EXPORT_FIELDS} for row in chunk]


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_chunks(engine: Engine, spec: JobSpec, limit: int) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(_EXPORT_FIELDS)
    for chunk in _rows(engine, spec, limit):
        writer.writerows([_cell(row[f]) for f in _EXPORT_FIELDS] for row in chunk)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def _json_default(value: Any) -> str:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def json_chunks(engine: Engine, spec: JobSpec, limit: int) -> Iterator[str]:
    yield "["
    first = True
    for chunk in _rows(engine, spec, limit):
        body = ",\n".join(json.dumps(row, default=_json_default) for row in chunk)
        yield ("\n" if first else ",\n") + body
        first = False
    yield "\n]\n"


def _export(kind: str) -> Any:
    async def endpoint(request: Request) -> Response:
        try:
            spec, limit = export_spec(dict(request.query_params))
        except BadArgument as exc:
            return JSONResponse({"error": str(exc), "code": "BAD_USER_INPUT"}, status_code=400)
        engine = request.app.state.engine
        if kind == "csv":
            chunks, media = csv_chunks(engine, spec, limit), "text/csv; charset=utf-8"
        else:
            chunks, media = json_chunks(engine, spec, limit), "application/json"
        # Starlette iterates a sync generator in a worker thread, so the loop stays free.
        return StreamingResponse(
            chunks,
            media_type=media,
            headers={"content-disposition": f'attachment; filename="jobs.{kind}"'},
        )

    return endpoint


async def health(request: Request) -> Response:
    """Database reachable, and the latest run of every source."""
    engine = request.app.state.engine
    try:
        await run_db(engine, lambda conn: conn.execute(text("SELECT 1")).scalar_one())
        runs = await run_db(engine, crawl.latest_runs)
    except (SQLAlchemyError, OSError):
        log.exception("health check failed")
        return JSONResponse({"status": "unavailable", "database": "unreachable"}, status_code=503)
    latest = [
        {
            "source": r.source,
            "status": r.status,
            "startedAt": r.started_at.isoformat(),
            "finishedAt": r.finished_at.isoformat() if r.finished_at else None,
        }
        for r in runs
    ]
    return JSONResponse({"status": "ok", "database": "ok", "latestRuns": latest})


async def metrics(request: Request) -> Response:
    """Prometheus text: requests and latencies of this worker, jobs and runs by status."""
    engine = request.app.state.engine
    try:
        jobs = await run_db(engine, analytics.jobs_by_status)
        runs = await run_db(engine, crawl.runs_by_status)
    except SQLAlchemyError:
        log.exception("metrics: database unavailable")
        jobs, runs = {}, {}
    body = request.app.state.metrics.render(jobs, runs)
    return PlainTextResponse(body, media_type="text/plain; version=0.0.4")


ROUTES = [
    Route("/health", health, methods=["GET"]),
    Route("/metrics", metrics, methods=["GET"]),
    Route("/export/jobs.csv", _export("csv"), methods=["GET"]),
    Route("/export/jobs.json", _export("json"), methods=["GET"]),
]

"""API benchmark: GraphQL vs a plain Starlette JSON endpoint over the same PostgreSQL data.

Builds N jobs (default 100,000) in a dedicated database, serves the API with one uvicorn worker
(uvloop + httptools, gc.freeze) in a subprocess, and drives it with 16 keep-alive clients on
loopback. Prints throughput and p50/p99 per scenario, then one `RESULT key=value ...` line.

Scenarios: `bare` is PERFORMANCE.md's bare-stack endpoint (one simple select of 20 jobs,
async SQLAlchemy), the machine's ceiling; `plain` serves the same page as `page` (job, company,
sightings) as plain JSON from the same fetch; `page`, `search_*` and `analytics` are GraphQL.
With 16 clients each waiting for its answer, p50 is about 16 / throughput: a p50 of 20 ms
needs 800 requests/s.

    python bench/api.py            # 100k jobs, 10 s per scenario
    python bench/api.py --quick    # 20k jobs, 3 s per scenario (< 1 min)

The database URL comes from AEROSCRAP_BENCH_PG_URL (default below); the role needs CREATEDB.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import random
import socket
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, make_url, text

from aeroscrap.ingest import search_text

DEFAULT_URL = "postgresql+psycopg://aeroscrap:aeroscrap@127.0.0.1:5432/aeroscrap_bench"
RARE, MEDIUM, COMMON = "zephyrion", "a350", "aviation"
COUNTRIES = ["GB", "IE", "DE", "FR", "ES", "AE", "IN", "US", "SG", "AU"]
OPS = ["airline", "cargo_airline", "mro", "business_aviation", "helicopter_operator", "airport"]
ROLES = [
    "captain",
    "first officer",
    "b1 engineer",
    "b2 engineer",
    "cabin crew",
    "dispatcher",
    "instructor",
    "planner",
    "technician",
    "ground handler",
]
AIRCRAFT = ["a320", "b737", "b787", "e190", "atr72", "a330", "q400", "b777"]
FILLER = [
    "safety",
    "operations",
    "team",
    "experience",
    "licence",
    "required",
    "base",
    "roster",
    "rotation",
    "training",
    "company",
    "benefits",
    "apply",
    "salary",
    "shift",
    "hangar",
    "line",
    "maintenance",
    "flight",
    "duty",
]

PAGE_QUERY = """query Page($f: JobFilter) { jobs(filter: $f, first: 20) { edges { cursor node {
  id title countryCode city postedDate salary { min max currency }
  company { name operationType } sources { source url } } } pageInfo { hasNextPage endCursor } } }"""
SEARCH_QUERY = """query Search($s: String!) { jobs(search: $s, first: 20) { edges { node {
  id title postedDate company { name } } } } }"""
ANALYTICS_QUERY = """{ analytics(filter: {status: ACTIVE}) { byCountry { key count }
  byOperationType { key count } seniorShare { share } } }"""
PAGE_FILTER = {"status": "ACTIVE", "countryCode": "GB"}


# --------------------------------------------------------------------------- data
def build_database(url: str, n_jobs: int) -> None:
    from aeroscrap.db import migrate
    from aeroscrap.db.models import Company, Job, JobSource
    from aeroscrap.db.repository import url_hash
    from aeroscrap.db.session import make_engine

    target = make_url(url)
    admin = make_engine(
        target.set(database="postgres").render_as_string(False), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{target.database}"'))
    admin.dispose()
    migrate.upgrade(url)
    rng = random.Random(7)
    now = datetime.now(UTC)
    engine = make_engine(url)
    companies = [
        {
            "id": i,
            "key": f"company {i}",
            "name": f"Company {i}",
            "operation_type": OPS[i % len(OPS)],
            "country_code": COUNTRIES[i % len(COUNTRIES)],
            "is_agency": i % 9 == 0,
            "curated": True,
        }
        for i in range(1, 501)
    ]
    started = time.perf_counter()
    with engine.begin() as conn:
        conn.execute(insert(Company.__table__), companies)
        conn.execute(text("SELECT setval(pg_get_serial_sequence('companies', 'id'), 500)"))
    batch: list[dict[str, Any]] = []
    sources: list[dict[str, Any]] = []
    for i in range(1, n_jobs + 1):
        company = companies[rng.randrange(len(companies))]
        role, aircraft = rng.choice(ROLES), rng.choice(AIRCRAFT)
        words = rng.sample(FILLER, 8)
        if rng.random() < 0.9:
            words.append(COMMON)
        if rng.random() < 0.05:
            words.append(MEDIUM)
        if rng.random() < 0.001:
            words.append(RARE)
        title = f"{aircraft.upper()} {role.title()}"
        desc = " ".join(words)
        country = COUNTRIES[rng.randrange(len(COUNTRIES))]
        url = f"https://jobs.bench/{i}"
        created = now - timedelta(minutes=i)
        batch.append(
            {
                "id": i,
                "url": url,
                "url_hash": url_hash(url),
                "source": rng.choice(["goose", "linkedin", "airindia", "aviationjobsearch"]),
                "source_job_id": str(i),
                "title": title,
                "normalized_title": title.lower(),
                "company": company["name"],
                "company_id": company["id"],
                "location": f"City {i % 300}",
                "city": f"city {i % 300}",
                "country_code": country,
                "operation_type": company["operation_type"],
                "senior_flag": role == "captain",
                "contract_type": "permanent",
                "posted_date": date.today() - timedelta(days=rng.randrange(365))
                if rng.random() > 0.02
                else None,
                "posted_estimated": False,
                "valid_through": None,
                "salary_min": 30000.0 + rng.randrange(100) * 1000,
                "salary_max": 140000.0,
                "salary_currency": "EUR",
                "salary_period": "year",
                "apply_url": None,
                "description": desc,
                "description_truncated": False,
                "status": "active" if rng.random() < 0.8 else "expired",
                "requirements": {"type_ratings": [aircraft.upper()]},
                "block_key": f"{company['key']}|{role}",
                "dedup_features": None,
                "search_text": search_text(title, company["name"], f"city {i % 300}", desc),
                "content_hash": str(i),
                "raw_json": None,
                "last_checked": now,
                "created_at": created,
                "updated_at": created,
            }
        )
        sources.append(
            {
                "job_id": i,
                "source": batch[-1]["source"],
                "source_job_id": str(i),
                "url": url,
                "url_hash": batch[-1]["url_hash"],
                "first_seen": created,
                "last_seen": now,
            }
        )
        if len(batch) == 2000 or i == n_jobs:
            with engine.begin() as conn:
                conn.execute(insert(Job.__table__), batch)
                conn.execute(insert(JobSource.__table__), sources)
            batch, sources = [], []
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))
    engine.dispose()
    print(f"built {n_jobs} jobs in {time.perf_counter() - started:.1f}s", flush=True)


# --------------------------------------------------------------------------- server
def serve(url: str, port: int) -> None:
    """The server subprocess: the product app plus a plain JSON route (bench only)."""
    import uvicorn
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route

    from aeroscrap.config import Settings
    from graphql_api.app import create_app
    from graphql_api.context import run_db
    from graphql_api.queries.jobs import (
        COMPANY_PREFIX,
        OPTIONAL_JOB_COLUMNS,
        JobSpec,
        fetch_page,
        sightings_of,
    )

    def plain_page(conn: Any, country: str) -> list[dict[str, Any]]:
        # The same one-statement fetch the GraphQL page uses (job, company and sightings, not
        # the advert nobody shows), so the ratio measures what GraphQL adds and nothing else.
        page = fetch_page(
            conn,
            JobSpec(status="active", country_code=country),
            order="posted",
            first=20,
            with_company=True,
            with_sightings=True,
            without=OPTIONAL_JOB_COLUMNS,
        )
        out = []
        for row, cursor in zip(page.rows, page.cursors, strict=True):
            values = row._mapping
            company = (
                {
                    "name": values[COMPANY_PREFIX + "name"],
                    "operationType": values[COMPANY_PREFIX + "operation_type"],
                }
                if values[COMPANY_PREFIX + "id"] is not None
                else None
            )
            out.append(
                {
                    "cursor": cursor,
                    "node": {
                        "id": row.id,
                        "title": row.title,
                        "countryCode": row.country_code,
                        "city": row.city,
                        "postedDate": row.posted_date.isoformat() if row.posted_date else None,
                        "salary": {
                            "min": row.salary_min,
                            "max": row.salary_max,
                            "currency": row.salary_currency,
                        },
                        "company": company,
                        "sources": [{"source": s.source, "url": s.url} for s in sightings_of(row)],
                    },
                }
            )
        return out

    async def plain(request: Request) -> Response:
        engine = request.app.state.engine
        edges = await run_db(engine, plain_page, request.query_params.get("country", "GB"))
        return JSONResponse({"data": {"jobs": {"edges": edges}}})

    # PERFORMANCE.md's bare-stack row, as it was measured there: 20 jobs of one simple select
    # through async SQLAlchemy, no joins, no relations. The ceiling of this machine today, so
    # that absolute latency targets can be read against it.
    from sqlalchemy.ext.asyncio import create_async_engine

    bare_engine = create_async_engine(url, pool_size=10)
    bare_select = text(
        "SELECT id, title, company, country_code, city, posted_date FROM jobs"
        " WHERE status = 'active' AND country_code = :country AND posted_date IS NOT NULL"
        " ORDER BY posted_date DESC, id DESC LIMIT 20"
    )

    async def bare(request: Request) -> Response:
        country = request.query_params.get("country", "GB")
        async with bare_engine.connect() as conn:
            rows = (await conn.execute(bare_select, {"country": country})).all()
        return JSONResponse(
            [
                {
                    "id": r.id,
                    "title": r.title,
                    "company": r.company,
                    "countryCode": r.country_code,
                    "city": r.city,
                    "postedDate": r.posted_date.isoformat(),
                }
                for r in rows
            ]
        )

    settings = Settings(_env_file=None, database_url=url, env="production")
    app = create_app(
        settings, extra_routes=[Route("/plain/jobs", plain), Route("/bare/jobs", bare)]
    )
    gc.collect()
    gc.freeze()
    uvicorn.run(
        app,
        host="127.0.0.1",
        port=port,
        loop="uvloop",
        http="httptools",
        limit_concurrency=200,
        timeout_keep_alive=5,
        server_header=False,
        access_log=False,
        log_level="warning",
        ws="none",
    )


# --------------------------------------------------------------------------- client
def _request(port: int, method: str, path: str, body: bytes = b"") -> bytes:
    head = (
        f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


async def _client(
    port: int, payload: bytes, until: float, latencies: list[float], errors: list[int]
) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while time.perf_counter() < until:
            start = time.perf_counter()
            writer.write(payload)
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            body = await reader.readexactly(length)
            latencies.append(time.perf_counter() - start)
            if not head.startswith(b"HTTP/1.1 200") or b'"errors"' in body:
                errors.append(1)
    finally:
        writer.close()


def run_scenario(port: int, payload: bytes, seconds: float, clients: int) -> dict[str, float]:
    async def main() -> tuple[list[float], list[int], float]:
        warm: list[float] = []
        await asyncio.gather(
            *(_client(port, payload, time.perf_counter() + 0.5, warm, []) for _ in range(clients))
        )
        latencies: list[float] = []
        errors: list[int] = []
        start = time.perf_counter()
        await asyncio.gather(
            *(_client(port, payload, start + seconds, latencies, errors) for _ in range(clients))
        )
        return latencies, errors, time.perf_counter() - start

    latencies, errors, elapsed = asyncio.run(main())
    latencies.sort()
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000  # noqa: E731
    return {
        "rps": len(latencies) / elapsed,
        "p50": pick(0.50),
        "p99": pick(0.99),
        "errors": float(len(errors)),
    }


def _gql(port: int, query: str, variables: dict[str, Any] | None = None) -> bytes:
    return _request(
        port,
        "POST",
        "/graphql",
        json.dumps({"query": query, "variables": variables or {}}).encode(),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="20k jobs, 3 s per scenario")
    parser.add_argument("--jobs", type=int)
    parser.add_argument("--seconds", type=float)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--reuse", action="store_true", help="keep the existing bench database")
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    url = os.environ.get("AEROSCRAP_BENCH_PG_URL", DEFAULT_URL)
    if args.serve:
        serve(url, args.serve)
        return
    n_jobs = args.jobs or (20_000 if args.quick else 100_000)
    seconds = args.seconds or (3.0 if args.quick else 10.0)
    if not args.reuse:
        build_database(url, n_jobs)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, __file__, "--serve", str(port)])
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("server did not start") from None
                time.sleep(0.1)
        scenarios = {
            "bare": _request(port, "GET", "/bare/jobs?country=GB"),
            "plain": _request(port, "GET", "/plain/jobs?country=GB"),
            "page": _gql(port, PAGE_QUERY, {"f": PAGE_FILTER}),
            "search_rare": _gql(port, SEARCH_QUERY, {"s": RARE}),
            "search_medium": _gql(port, SEARCH_QUERY, {"s": MEDIUM}),
            "search_common": _gql(port, SEARCH_QUERY, {"s": COMMON}),
            "analytics": _gql(port, ANALYTICS_QUERY),
        }
        results: dict[str, dict[str, float]] = {}
        # The ratio page/plain is what matters: alternate the two in rounds so that load from
        # anything else on the machine hits both alike.
        rounds = [("plain", "page")] * 3 + [(n,) for n in scenarios if n not in {"plain", "page"}]
        for names in rounds:
            for name in names:
                share = seconds / 3 if name in {"plain", "page"} else seconds
                r = run_scenario(port, scenarios[name], share, args.clients)
                results.setdefault(
                    name, {"n": 0.0, "rps": 0.0, "p50": 0.0, "p99": 0.0, "errors": 0.0}
                )
                acc = results[name]
                acc["n"] += 1
                for k in ("rps", "p50", "p99"):
                    acc[k] += (r[k] - acc[k]) / acc["n"]
                acc["errors"] += r["errors"]
        for name, r in results.items():
            print(
                f"{name:14s} {r['rps']:8.1f} req/s  p50 {r['p50']:7.2f} ms  p99 {r['p99']:7.2f} ms  errors {int(r['errors'])}",
                flush=True,
            )
    finally:
        server.terminate()
        server.wait(15)
    ratio = results["page"]["rps"] / results["plain"]["rps"]
    parts = [f"jobs={n_jobs}", f"clients={args.clients}", f"page_vs_plain={ratio:.2f}"]
    for name, r in results.items():
        parts += [
            f"{name}_rps={r['rps']:.0f}",
            f"{name}_p50_ms={r['p50']:.1f}",
            f"{name}_p99_ms={r['p99']:.1f}",
        ]
    parts.append(f"errors={int(sum(r['errors'] for r in results.values()))}")
    print("RESULT " + " ".join(parts))


if __name__ == "__main__":
    main()

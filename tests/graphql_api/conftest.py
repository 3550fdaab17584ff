"""A seeded database and the API served by a real uvicorn on 127.0.0.1 (port 0), per test."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest
import uvicorn
from sqlalchemy import Engine, insert, text

from aeroscrap.config import Settings
from aeroscrap.db import repository
from aeroscrap.db.models import Company, CompanyMapping, CrawlRun
from aeroscrap.ingest import search_text
from graphql_api.app import create_app

# pytest (--import-mode=importlib) loads this file as `graphql_api.conftest`, and the test modules
# import it as `tests.graphql_api.conftest`: without this alias, two module objects with two NOWs
# some milliseconds apart. The fixtures seed from one and the tests build their expectations from
# the other, so whenever the two imports straddle a second (about 1 run in 12) every exact
# timestamp boundary (createdSince = a seeded created_at) is off by one second. One module, one clock.
_IMPORT_NAME = "tests.graphql_api.conftest"
if __name__ != _IMPORT_NAME:
    sys.modules.setdefault(_IMPORT_NAME, sys.modules[__name__])

ADMIN_KEY = "test-admin-key-0123456789"
ALLOWED_ORIGIN = "https://app.aeroscrap.example"
NOW = datetime.now(UTC).replace(microsecond=0)
TODAY = NOW.date()


def job_row(n: int, **overrides: Any) -> dict[str, Any]:
    """A complete jobs row (what the store pipeline writes)."""
    url = f"https://jobs.example/job/{n}"
    title = overrides.pop("title", f"A320 Captain {n}")
    row: dict[str, Any] = {
        "url": url,
        "url_hash": repository.url_hash(url),
        "source": "goose",
        "source_job_id": str(n),
        "title": title,
        "normalized_title": title.lower(),
        "company": "Example Air",
        "company_id": 1,
        "location": "Dublin, Ireland",
        "city": "dublin",
        "country_code": "IE",
        "operation_type": "airline",
        "senior_flag": False,
        "contract_type": "permanent",
        "posted_date": TODAY - timedelta(days=n),
        "posted_estimated": False,
        "valid_through": None,
        "salary_min": None,
        "salary_max": None,
        "salary_currency": None,
        "salary_period": None,
        "apply_url": None,
        "description": f"Fly from Dublin. Job {n}.",
        "description_truncated": False,
        "status": "active",
        "requirements": None,
        "block_key": f"k{n}",
        "dedup_features": None,
        "search_text": "",
        "raw_json": {"n": n},
        "content_hash": f"h{n}",
        "last_checked": NOW,
        "created_at": NOW - timedelta(hours=n),
        "updated_at": NOW - timedelta(hours=n),
    }
    row.update(overrides)
    if not row["search_text"]:
        row["search_text"] = search_text(
            *(str(row[k] or "") for k in ("normalized_title", "company", "location", "description"))
        )
    return row


# 12 jobs over 3 companies, countries, sources and statuses; job 12 has no posting date.
SEED_JOBS = [
    job_row(
        1,
        title="A320 Captain",
        senior_flag=True,
        salary_min=90000,
        salary_max=110000,
        salary_currency="EUR",
        salary_period="year",
        requirements={"type_ratings": ["A320"], "licences": ["ATPL(A)"]},
    ),
    job_row(
        2,
        title="A320 First Officer",
        requirements={"type_ratings": ["A320"], "licences": ["CPL(A)"]},
    ),
    job_row(
        3,
        title="B737 Captain",
        senior_flag=True,
        company="SkyCargo",
        company_id=2,
        country_code="DE",
        operation_type="cargo_airline",
        location="Köln, Germany",
        description="Fly freighters from Zürich and Köln.",
        source="linkedin",
        salary_min=120000,
        salary_max=150000,
        salary_currency="EUR",
        salary_period="year",
    ),
    job_row(
        4,
        title="B1 Licensed Engineer",
        company="FixIt MRO",
        company_id=3,
        country_code="GB",
        operation_type="mro",
        location="London, UK",
        source="aviationjobsearch",
        contract_type="contract",
        description="Part-145 line maintenance. Turbine engines.",
    ),
    job_row(
        5,
        title="B2 Avionics Engineer",
        company="FixIt MRO",
        company_id=3,
        country_code="GB",
        operation_type="mro",
        location="London, UK",
        source="aviationjobsearch",
        status="expired",
    ),
    job_row(
        6,
        title="A320 Captain",
        company="SkyCargo",
        company_id=2,
        country_code="DE",
        operation_type="cargo_airline",
        senior_flag=True,
        source="linkedin",
        status="filled",
        requirements={"type_ratings": ["A320"]},
    ),
    job_row(
        7,
        title="Cabin Crew",
        description="Cabin crew based in Dublin.",
        salary_min=25000,
        salary_max=30000,
        salary_currency="EUR",
        salary_period="year",
    ),
    job_row(
        8,
        title="Flight Dispatcher",
        country_code="ES",
        location="Madrid, Spain",
        operation_type="airline",
        source="airindia",
    ),
    job_row(9, title="A330 Captain", senior_flag=True, requirements={"type_ratings": ["A330"]}),
    job_row(
        10,
        title="Ground Instructor",
        operation_type="training_organisation",
        company=None,
        company_id=None,
    ),
    job_row(
        11,
        title="Chief Pilot",
        senior_flag=True,
        description="Lead the pilot team. Drop'; table jobs.",
    ),
    job_row(
        12,
        title="Line Engineer",
        posted_date=None,
        company_id=3,
        company="FixIt MRO",
        country_code="GB",
        operation_type="mro",
    ),
]


def seed(engine: Engine) -> dict[str, int]:
    """Insert companies, mappings, jobs, sightings and crawl runs; return {url_hash: id}."""
    with engine.begin() as conn:
        conn.execute(
            insert(Company.__table__),
            [
                {
                    "id": 1,
                    "key": "example air",
                    "name": "Example Air",
                    "operation_type": "airline",
                    "country_code": "IE",
                    "is_agency": False,
                    "curated": True,
                },
                {
                    "id": 2,
                    "key": "skycargo",
                    "name": "SkyCargo",
                    "operation_type": "cargo_airline",
                    "country_code": "DE",
                    "is_agency": False,
                    "curated": True,
                },
                {
                    "id": 3,
                    "key": "fixit mro",
                    "name": "FixIt MRO",
                    "operation_type": "mro",
                    "country_code": "GB",
                    "is_agency": False,
                    "curated": False,
                },
                {
                    "id": 4,
                    "key": "100% aviation_",
                    "name": "100% Aviation_",
                    "operation_type": None,
                    "country_code": None,
                    "is_agency": True,
                    "curated": False,
                },
            ],
        )
        if conn.dialect.name == "postgresql":
            # Explicit ids do not move the sequence; the pipeline's own inserts come next.
            conn.execute(text("SELECT setval(pg_get_serial_sequence('companies', 'id'), 4)"))
        conn.execute(
            insert(CompanyMapping.__table__), [{"variant": "example air", "company_id": 1}]
        )
        ids = repository.upsert_jobs(conn, SEED_JOBS)
        sightings = []
        for row in SEED_JOBS:
            sightings.append(
                {
                    "job_id": ids[row["url_hash"]],
                    "source": row["source"],
                    "source_job_id": row["source_job_id"],
                    "url": row["url"],
                    "url_hash": row["url_hash"],
                    "first_seen": row["created_at"],
                    "last_seen": NOW,
                }
            )
        merged = "https://other.example/merged-a320"
        sightings.append(
            {
                "job_id": ids[SEED_JOBS[0]["url_hash"]],
                "source": "linkedin",
                "source_job_id": "L1",
                "url": merged,
                "url_hash": repository.url_hash(merged),
                "first_seen": NOW,
                "last_seen": NOW,
            }
        )
        repository.upsert_sources(conn, sightings)
        runs = [
            ("goose", "finished", 3),
            ("goose", "partial", 2),
            ("linkedin", "finished", 5),
            ("linkedin", "blocked", 1),
            ("airindia", "empty", 1),
            ("aviationjobsearch", "finished", 4),
        ]
        conn.execute(
            insert(CrawlRun.__table__),
            [
                {
                    "source": s,
                    "status": st,
                    "started_at": NOW - timedelta(hours=h),
                    "finished_at": NOW - timedelta(hours=h) + timedelta(minutes=5),
                    "items_found": 10,
                    "items_inserted": 5,
                    "errors": 1 if st != "finished" else 0,
                }
                for s, st, h in runs
            ],
        )
    return ids


class LiveApi:
    """The app under a real uvicorn server in a thread, plus an HTTP client for it."""

    def __init__(self, settings: Settings) -> None:
        self.app = create_app(settings)
        config = uvicorn.Config(self.app, host="127.0.0.1", port=0, log_level="warning", ws="none")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.01)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        self.http = httpx.Client(base_url=self.url, timeout=30)

    def gql(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        *,
        key: str | None = None,
        **kw: Any,
    ) -> dict[str, Any]:
        headers = {"authorization": f"Bearer {key}"} if key else {}
        response = self.http.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=headers, **kw
        )
        assert response.status_code == 200, response.text
        return response.json()  # type: ignore[no-any-return]

    def data(
        self, query: str, variables: dict[str, Any] | None = None, **kw: Any
    ) -> dict[str, Any]:
        body = self.gql(query, variables, **kw)
        assert body.get("errors") is None, body
        return body["data"]  # type: ignore[no-any-return]

    def close(self) -> None:
        self.http.close()
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture
def make_api(db_url: str) -> Iterator[Callable[..., LiveApi]]:
    """Start the API on the test database with settings overrides."""
    started: list[LiveApi] = []

    def start(**overrides: Any) -> LiveApi:
        values: dict[str, Any] = {
            "database_url": db_url,
            "env": "dev",
            "admin_api_key": ADMIN_KEY,
            "cors_origins": [ALLOWED_ORIGIN],
        }
        values.update(overrides)
        api = LiveApi(Settings(_env_file=None, **values))
        started.append(api)
        return api

    yield start
    for api in started:
        api.close()


@pytest.fixture
def seeded(engine: Engine) -> dict[str, int]:
    return seed(engine)


@pytest.fixture
def api(make_api: Callable[..., LiveApi], seeded: dict[str, int]) -> LiveApi:
    return make_api()


@pytest.fixture
def prod_api(make_api: Callable[..., LiveApi], seeded: dict[str, int]) -> LiveApi:
    return make_api(env="production")


__all__ = ["ADMIN_KEY", "ALLOWED_ORIGIN", "NOW", "TODAY", "LiveApi", "date", "job_row", "seed"]

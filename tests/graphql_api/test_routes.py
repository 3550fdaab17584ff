"""/health, /metrics and the streamed exports over real HTTP."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from tests.graphql_api.conftest import LiveApi


def test_health_reports_database_and_latest_runs(api: LiveApi) -> None:
    body = api.http.get("/health").json()
    assert body["status"] == "ok" and body["database"] == "ok"
    assert {r["source"]: r["status"] for r in body["latestRuns"]}["linkedin"] == "blocked"


def test_health_is_503_without_leaking_when_the_database_is_gone(
    make_api: Callable[..., LiveApi],
) -> None:
    api = make_api(database_url="postgresql+psycopg://u:s3cret@127.0.0.1:1/x")
    response = api.http.get("/health")
    assert response.status_code == 503
    assert "s3cret" not in response.text and "127.0.0.1" not in response.text
    body = api.http.post("/graphql", json={"query": "{ stats { totalJobs } }"})
    assert body.json()["errors"][0]["message"] == "Unexpected error."
    assert "s3cret" not in body.text and "psycopg" not in body.text


def test_metrics_prometheus_text(api: LiveApi) -> None:
    api.data("{ stats { totalJobs } }")
    text = api.http.get("/metrics").text
    assert 'aeroscrap_http_requests_total{method="POST",path="/graphql",status="200"} 1' in text
    assert 'aeroscrap_http_request_duration_seconds_count{path="/graphql"} 1' in text
    assert 'aeroscrap_jobs{status="active"} 10' in text
    assert 'aeroscrap_crawl_runs{status="finished"} 3' in text
    api.http.get("/no/such/path")
    assert 'path="other",status="404"' in api.http.get("/metrics").text


def test_csv_export_uses_the_job_filters_and_defuses_formulas(api: LiveApi) -> None:
    response = api.http.get("/export/jobs.csv", params={"countryCode": "GB", "status": "active"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["title"] for r in rows] == ["B1 Licensed Engineer", "Line Engineer"]
    search = api.http.get("/export/jobs.csv", params={"search": "zurich"}).text
    assert "B737 Captain" in search and "A320" not in search


def test_daily_json_export(api: LiveApi) -> None:
    from tests.graphql_api.conftest import NOW, SEED_JOBS

    day = SEED_JOBS[0]["created_at"].date().isoformat()
    jobs = api.http.get("/export/jobs.json", params={"day": day}).json()
    expected = {r["title"] for r in SEED_JOBS if r["created_at"].date().isoformat() == day}
    assert {j["title"] for j in jobs} == expected
    assert all(j["created_at"].startswith(day) for j in jobs)
    assert len(api.http.get("/export/jobs.json", params={"limit": "3"}).json()) == 3
    assert NOW


def test_export_rejects_unknown_or_bad_parameters(api: LiveApi) -> None:
    for params in (
        {"countyCode": "GB"},
        {"limit": "100001"},
        {"postedFrom": "yesterday"},
        {"status": "open"},
    ):
        response = api.http.get("/export/jobs.json", params=params)
        assert response.status_code == 400 and response.json()["code"] == "BAD_USER_INPUT"

"""Companies, analytics and crawl history over real HTTP."""

from __future__ import annotations

from tests.graphql_api.conftest import TODAY, LiveApi


def test_company_list_with_job_counts_and_literal_name_match(api: LiveApi) -> None:
    data = api.data("{ companies { totalCount nodes { name jobCount activeJobCount } } }")[
        "companies"
    ]
    assert data["totalCount"] == 4
    assert data["nodes"][0] == {"name": "Example Air", "jobCount": 6, "activeJobCount": 6}
    assert [n["name"] for n in data["nodes"]][-1] == "100% Aviation_"
    literal = api.data('{ companies(name: "0% AVIATION_") { nodes { name } } }')["companies"]
    assert literal["nodes"] == [{"name": "100% Aviation_"}]
    assert api.data('{ companies(name: "%") { totalCount } }')["companies"]["totalCount"] == 1


def test_company_profile(api: LiveApi) -> None:
    company = api.data(
        "{ company(id: 3) { name operationType countryCode jobCount activeJobCount firstPosted lastPosted sources jobs(first: 2) { totalCount nodes { id } pageInfo { hasNextPage } } } }"
    )["company"]
    assert company["operationType"] == "mro" and company["countryCode"] == "GB"
    assert (company["jobCount"], company["activeJobCount"]) == (3, 2)
    assert company["firstPosted"] == str(TODAY.fromordinal(TODAY.toordinal() - 5))
    assert company["lastPosted"] == str(TODAY.fromordinal(TODAY.toordinal() - 4))
    assert company["sources"] == ["aviationjobsearch", "goose"]
    assert company["jobs"]["totalCount"] == 3
    assert [n["id"] for n in company["jobs"]["nodes"]] == [4, 5]
    assert api.data("{ company(id: 99) { id } }")["company"] is None


def test_trending_companies(api: LiveApi) -> None:
    rows = api.data("{ trendingCompanies(days: 3) { company { name } recentJobs previousJobs } }")
    assert rows["trendingCompanies"][0] == {
        "company": {"name": "Example Air"},
        "recentJobs": 2,
        "previousJobs": 0,
    }


def test_analytics_breakdowns_share_and_trends(api: LiveApi) -> None:
    query = """{ analytics(filter: {status: ACTIVE}) {
        byCountry { key count } byOperationType { key count } bySource { key count } byStatus { key count }
        seniorShare { senior total share } trends(bucket: DAY) { period count }
        weeks: trends(bucket: WEEK) { count } months: trends(bucket: MONTH) { count } } }"""
    data = api.data(query)["analytics"]
    assert data["byCountry"][0] == {"key": "IE", "count": 6}
    assert {"key": "DE", "count": 1} in data["byCountry"]
    assert data["byStatus"] == [{"key": "active", "count": 10}]
    assert data["seniorShare"] == {"senior": 4, "total": 10, "share": 0.4}
    assert sum(p["count"] for p in data["trends"]) == 9
    assert sum(p["count"] for p in data["weeks"]) == 9 == sum(p["count"] for p in data["months"])
    assert data["trends"][-1] == {
        "period": str(TODAY.fromordinal(TODAY.toordinal() - 1)),
        "count": 1,
    }
    search = api.data('{ analytics(search: "captain") { seniorShare { total } } }')
    assert search["analytics"]["seniorShare"]["total"] == 4


def test_stats(api: LiveApi) -> None:
    stats = api.data(
        "{ stats { totalJobs activeJobs seniorJobs companies sources countries jobsLast24h jobsLast7d lastCrawlAt } }"
    )["stats"]
    assert stats["totalJobs"] == 12 and stats["activeJobs"] == 10 and stats["seniorJobs"] == 5
    assert (stats["companies"], stats["sources"], stats["countries"]) == (4, 4, 4)
    assert stats["jobsLast24h"] == 12 and stats["lastCrawlAt"] is not None


def test_crawl_runs_latest_and_unhealthy(api: LiveApi) -> None:
    runs = api.data('{ crawlRuns(source: "goose") { status itemsFound } }')["crawlRuns"]
    assert [r["status"] for r in runs] == ["PARTIAL", "FINISHED"]
    latest = api.data("{ latestCrawlRuns { source status } }")["latestCrawlRuns"]
    assert latest == [
        {"source": "airindia", "status": "EMPTY"},
        {"source": "aviationjobsearch", "status": "FINISHED"},
        {"source": "goose", "status": "PARTIAL"},
        {"source": "linkedin", "status": "BLOCKED"},
    ]
    bad = api.data("{ unhealthySources { source } }")["unhealthySources"]
    assert [r["source"] for r in bad] == ["airindia", "goose", "linkedin"]
    only = api.data("{ unhealthySources(statuses: [BLOCKED]) { source } }")["unhealthySources"]
    assert only == [{"source": "linkedin"}]
    assert api.data("{ crawlRuns(status: BLOCKED) { source } }")["crawlRuns"] == [
        {"source": "linkedin"}
    ]

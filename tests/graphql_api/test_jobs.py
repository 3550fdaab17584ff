"""Jobs over real HTTP: filters, search, ordering, keyset pages, lookups, comparison, similar jobs."""

from __future__ import annotations

import sys
from datetime import timedelta
from typing import Any

import pytest

from tests.graphql_api.conftest import SEED_JOBS, TODAY, LiveApi

PAGE = "query($f: JobFilter, $s: String, $o: JobOrder, $n: Int!, $a: String, $off: Int! = 0) { jobs(filter: $f, search: $s, orderBy: $o, first: $n, after: $a, offset: $off) { totalCount totalCountIsCapped edges { cursor node { id title } } pageInfo { hasNextPage endCursor } } }"


def ids(api: LiveApi, **variables: Any) -> list[int]:
    variables.setdefault("n", 100)
    data = api.data(PAGE, variables)["jobs"]
    return [edge["node"]["id"] for edge in data["edges"]]


def test_default_order_is_newest_posted_with_undated_jobs_last(api: LiveApi) -> None:
    assert ids(api) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]


@pytest.mark.parametrize(
    ("filter_", "expected"),
    [
        ({"companyId": 3}, [4, 5, 12]),
        ({"company": "SkyCargo"}, [3, 6]),
        ({"countryCode": "de"}, [3, 6]),
        ({"operationType": "mro"}, [4, 5, 12]),
        ({"source": "linkedin"}, [3, 6]),
        ({"status": "EXPIRED"}, [5]),
        ({"senior": True}, [1, 3, 6, 9, 11]),
        ({"contractType": "contract"}, [4]),
        ({"salaryMin": 100000}, [1, 3]),
        ({"salaryMin": 20000, "salaryMax": 95000}, [1, 7]),
        (
            {
                "postedFrom": str(TODAY - timedelta(days=3)),
                "postedTo": str(TODAY - timedelta(days=2)),
            },
            [2, 3],
        ),
        ({"company": "%"}, []),
        ({"countryCode": "IE", "senior": True, "status": "ACTIVE"}, [1, 9, 11]),
    ],
)
def test_filters(api: LiveApi, filter_: dict[str, Any], expected: list[int]) -> None:
    assert ids(api, f=filter_) == expected


def test_the_fixtures_seed_the_jobs_this_module_sees(api: LiveApi) -> None:
    # The seeded rows and the SEED_JOBS imported above must come from one conftest module: a second
    # copy has its own NOW, and exact-timestamp boundaries built from it miss by a second.
    fixtures = sys.modules[type(api).__module__]
    assert fixtures.SEED_JOBS is SEED_JOBS


def test_created_and_updated_since_and_their_orderings(api: LiveApi) -> None:
    # Job 4's own created_at is the boundary: createdSince is inclusive, so job 4 is in.
    since = SEED_JOBS[3]["created_at"].isoformat()
    assert ids(api, f={"createdSince": since}, o="CREATED") == [1, 2, 3, 4]
    assert ids(api, f={"updatedSince": since}, o="UPDATED") == [1, 2, 3, 4]


def test_keyset_pages_walk_every_job_once_across_the_undated_tail(api: LiveApi) -> None:
    seen: list[int] = []
    after = None
    while True:
        data = api.data(PAGE, {"n": 5, "a": after})["jobs"]
        seen += [e["node"]["id"] for e in data["edges"]]
        assert data["totalCount"] == 12 and data["totalCountIsCapped"] is False
        if not data["pageInfo"]["hasNextPage"]:
            break
        after = data["pageInfo"]["endCursor"]
    assert seen == list(range(1, 13))


def test_offset_reaches_into_the_undated_tail(api: LiveApi) -> None:
    assert ids(api, n=3, off=10) == [11, 12]
    assert ids(api, n=3, off=11) == [12]
    assert ids(api, n=3, off=12) == []


def test_search_folds_accents_and_needs_every_word(api: LiveApi) -> None:
    assert ids(api, s="ZÜRICH", o="POSTED") == [3]
    assert ids(api, s="zurich") == [3]
    assert ids(api, s="a320 captain", o="POSTED") == [1, 6]
    assert ids(api, s="captain a320 nosuchword") == []


def test_search_relevance_pages_and_injection_is_literal(api: LiveApi) -> None:
    first = api.data(PAGE, {"s": "captain", "n": 2})["jobs"]
    assert len(first["edges"]) == 2 and first["pageInfo"]["hasNextPage"]
    rest = ids(api, s="captain", a=first["pageInfo"]["endCursor"])
    found = [e["node"]["id"] for e in first["edges"]] + rest
    assert sorted(found) == [1, 3, 6, 9]
    assert ids(api, s="' OR 'x'='x' --") == []
    assert ids(api, s='"a320" OR NEAR(x) *') == []
    assert ids(api, s="%") == []
    assert ids(api, s="drop table") == [11]
    assert len(ids(api)) == 12


def test_job_by_id_and_by_url_including_a_merged_duplicate_url(api: LiveApi) -> None:
    query = "query($u: String!) { jobByUrl(url: $u) { id } }"
    assert api.data("{ job(id: 3) { title countryCode company { name } } }")["job"] == {
        "title": "B737 Captain",
        "countryCode": "DE",
        "company": {"name": "SkyCargo"},
    }
    assert api.data("{ job(id: 999) { id } }")["job"] is None
    assert api.data(query, {"u": "https://jobs.example/job/4"})["jobByUrl"] == {"id": 4}
    assert api.data(query, {"u": "https://other.example/merged-a320"})["jobByUrl"] == {"id": 1}
    assert api.data(query, {"u": "https://nowhere.example/"})["jobByUrl"] is None


def test_job_fields_salary_sources_and_requirements(api: LiveApi) -> None:
    job = api.data(
        "{ job(id: 1) { senior status salary { min max currency period } requirements sources { source url } } }"
    )["job"]
    assert job["senior"] is True and job["status"] == "ACTIVE"
    assert job["salary"] == {"min": 90000.0, "max": 110000.0, "currency": "EUR", "period": "year"}
    assert job["requirements"]["type_ratings"] == ["A320"]
    assert {s["source"] for s in job["sources"]} == {"goose", "linkedin"}


RELATED = "company { id name createdAt } sources { source sourceJobId url firstSeen lastSeen }"


def test_a_page_reads_companies_and_sightings_like_the_loaders(api: LiveApi) -> None:
    # A page joins its companies and sightings into its own statement; job(id) goes through the
    # DataLoaders. Both must give the same values, sightings oldest first, on both databases.
    by_loader = {n: api.data(f"{{ job(id: {n}) {{ {RELATED} }} }}")["job"] for n in range(1, 13)}
    for search in (None, "captain"):
        page = api.data(
            f"query($s: String) {{ jobs(search: $s, first: 100) {{ nodes {{ id {RELATED} }} }} }}",
            {"s": search},
        )["jobs"]["nodes"]
        assert page
        for node in page:
            assert {k: v for k, v in node.items() if k != "id"} == by_loader[node["id"]]
    first = by_loader[1]["sources"]
    assert [s["url"] for s in first] == [
        "https://jobs.example/job/1",
        "https://other.example/merged-a320",
    ]
    assert first[0]["firstSeen"] < first[1]["firstSeen"]
    assert by_loader[10]["company"] is None


def test_compare_jobs_side_by_side(api: LiveApi) -> None:
    data = api.data("{ compareJobs(ids: [3, 1, 404]) { jobs { id } missingIds differingFields } }")[
        "compareJobs"
    ]
    assert [j["id"] for j in data["jobs"]] == [3, 1]
    assert data["missingIds"] == [404]
    assert {"title", "country_code", "company_name"} <= set(data["differingFields"])


def test_similar_jobs_prefer_same_title_and_attributes_and_skip_inactive(api: LiveApi) -> None:
    data = api.data("{ job(id: 1) { similarJobs(first: 3) { totalCount nodes { id status } } } }")
    nodes = data["job"]["similarJobs"]["nodes"]
    assert nodes[0]["id"] == 9 or nodes[0]["id"] == 2
    assert {n["id"] for n in nodes} >= {2, 9}
    assert all(n["status"] == "ACTIVE" for n in nodes)
    assert 1 not in {n["id"] for n in nodes}


def test_similar_jobs_can_be_walked_until_the_depth_limit(api: LiveApi) -> None:
    ok = "{ job(id: 1) { similarJobs { nodes { similarJobs { nodes { id } } } } } }"
    assert api.data(ok)["job"]["similarJobs"]["nodes"]
    deep = "{ job(id: 1) { " + "similarJobs { nodes { " * 5 + "id" + " } }" * 5 + " } }"
    body = api.gql(deep)
    assert body["data"] is None
    assert "exceeds maximum operation depth of 8" in body["errors"][0]["message"]

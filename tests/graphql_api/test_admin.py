"""Admin mutations and queries with the bearer key, over real HTTP."""

from __future__ import annotations

from sqlalchemy import Engine, func, select

from aeroscrap.db.models import Job
from tests.graphql_api.conftest import ADMIN_KEY, LiveApi

INGEST = """mutation($r: [JobRecordInput!]!) { ingestJobs(records: $r) {
  recordId action reason jobId job { title countryCode } } }"""
RECORD = {
    "id": "r1",
    "source": "goose",
    "url": "https://www.gooserecruitment.com/job/9001/a350-captain/?utm_source=x",
    "title": "A350 Captain - Singapore",
    "company": "Example Air",
    "location": "Singapore",
    "posted": "2 days ago",
    "crawlDate": "2026-11-20",
    "description": "Fly the A350 from Singapore.",
}


def test_ingest_goes_through_the_pipeline(api: LiveApi, engine: Engine) -> None:
    bad = {"id": "r2", "source": "goose", "url": "not a url"}
    results = api.data(INGEST, {"r": [RECORD, bad]}, key=ADMIN_KEY)["ingestJobs"]
    assert results[0]["recordId"] == "r1" and results[0]["action"] == "inserted"
    assert results[0]["job"]["title"] == "A350 Captain - Singapore"
    assert (
        results[1]["action"] == "dropped" and results[1]["jobId"] is None and results[1]["reason"]
    )
    again = api.data(
        "mutation($r: JobRecordInput!) { ingestJob(record: $r) { action jobId } }",
        {"r": RECORD},
        key=ADMIN_KEY,
    )["ingestJob"]
    assert again["jobId"] == results[0]["jobId"] and again["action"] != "inserted"
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Job)).scalar_one() == 13
    denied = api.gql(INGEST, {"r": [RECORD]}, key="nope")
    assert denied["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_ingest_batch_size_is_bounded(api: LiveApi) -> None:
    body = api.gql(INGEST, {"r": []}, key=ADMIN_KEY)
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_company_mappings_create_update_delete(api: LiveApi) -> None:
    create = """mutation($v: String!, $c: Int!) { createCompanyMapping(variant: $v, companyId: $c) {
      __typename ... on CompanyMapping { id variant companyId } ... on NotFound { message } ... on Conflict { message } } }"""
    made = api.data(create, {"v": "  Fix-It  M.R.O. Ltd ", "c": 3}, key=ADMIN_KEY)[
        "createCompanyMapping"
    ]
    assert made["__typename"] == "CompanyMapping" and made["variant"] == "fix it m r o ltd"
    dup = api.data(create, {"v": "EXAMPLE AIR", "c": 2}, key=ADMIN_KEY)["createCompanyMapping"]
    assert dup["__typename"] == "Conflict"
    missing = api.data(create, {"v": "ghost", "c": 77}, key=ADMIN_KEY)["createCompanyMapping"]
    assert missing["__typename"] == "NotFound"
    update = """mutation($id: Int!) { updateCompanyMapping(id: $id, companyId: 2) {
      __typename ... on CompanyMapping { companyId } } }"""
    assert api.data(update, {"id": made["id"]}, key=ADMIN_KEY)["updateCompanyMapping"] == {
        "__typename": "CompanyMapping",
        "companyId": 2,
    }
    gone = api.data(update, {"id": 999}, key=ADMIN_KEY)["updateCompanyMapping"]
    assert gone["__typename"] == "NotFound"
    listed = api.data("{ companyMappings(companyId: 2) { variant } }", key=ADMIN_KEY)
    assert listed["companyMappings"] == [{"variant": "fix it m r o ltd"}]
    delete = "mutation($id: Int!) { deleteCompanyMapping(id: $id) { deleted } }"
    assert api.data(delete, {"id": made["id"]}, key=ADMIN_KEY)["deleteCompanyMapping"]["deleted"]
    assert not api.data(delete, {"id": made["id"]}, key=ADMIN_KEY)["deleteCompanyMapping"][
        "deleted"
    ]


def test_companies_without_mapping(api: LiveApi) -> None:
    rows = api.data("{ companiesWithoutMapping { name } }", key=ADMIN_KEY)[
        "companiesWithoutMapping"
    ]
    assert [r["name"] for r in rows] == ["100% Aviation_", "FixIt MRO", "SkyCargo"]
    assert (
        api.gql("{ companiesWithoutMapping { name } }")["errors"][0]["extensions"]["code"]
        == "UNAUTHENTICATED"
    )


def test_update_job_status(api: LiveApi) -> None:
    mutation = """mutation($id: Int!) { updateJobStatus(id: $id, status: FILLED) {
      __typename ... on Job { id status } ... on NotFound { message } } }"""
    assert api.data(mutation, {"id": 2}, key=ADMIN_KEY)["updateJobStatus"] == {
        "__typename": "Job",
        "id": 2,
        "status": "FILLED",
    }
    assert api.data("{ job(id: 2) { status } }")["job"]["status"] == "FILLED"
    assert (
        api.data(mutation, {"id": 404}, key=ADMIN_KEY)["updateJobStatus"]["__typename"]
        == "NotFound"
    )
    denied = api.gql(mutation, {"id": 3})
    assert denied["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert api.data("{ job(id: 3) { status } }")["job"]["status"] == "ACTIVE"

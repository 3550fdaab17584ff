"""Admin company mappings drive the ingest pipeline; unmapped spellings reach the admin's list."""

from __future__ import annotations

import pytest

from aeroscrap.normalize.company import variant_key
from graphql_api.types.admin import _variant
from tests.graphql_api.conftest import ADMIN_KEY, LiveApi

INGEST = """mutation($r: JobRecordInput!) { ingestJob(record: $r) {
  action job { companyName operationType company { id name } } } }"""
CREATE = """mutation($v: String!, $c: Int!) { createCompanyMapping(variant: $v, companyId: $c) {
  __typename ... on CompanyMapping { id variant } } }"""
UNMAPPED = "{ companiesWithoutMapping(first: 100) { id name } }"


def _record(n: int, company: str, title: str) -> dict[str, str]:
    return {
        "source": "aviationjobsearch",
        "url": f"https://jobs.example/{n}",
        "title": title,
        "company": company,
        "location": "Hamburg, Germany",
        "posted": "2026-11-01",
        "crawlDate": "2026-11-20",
        "description": "Load planning for our B777F fleet.",
    }


def test_a_mapping_made_through_the_api_applies_to_the_next_ingest(api: LiveApi) -> None:
    first = api.data(
        INGEST, {"r": _record(1, "Sky Freight Hamburg GmbH", "Load Controller")}, key=ADMIN_KEY
    )
    job = first["ingestJob"]["job"]
    assert job["companyName"] == "Sky Freight Hamburg GmbH"
    assert job["company"]["id"] != 2
    # The unknown spelling became a company no mapping points at: the admin's to-do list.
    unmapped = api.data(UNMAPPED, key=ADMIN_KEY)["companiesWithoutMapping"]
    assert job["company"] in unmapped

    made = api.data(CREATE, {"v": "Sky Freight Hamburg GmbH", "c": 2}, key=ADMIN_KEY)
    assert made["createCompanyMapping"]["variant"] == "sky freight hamburg gmbh"
    second = api.data(
        INGEST, {"r": _record(2, "SKY FREIGHT HAMBURG GMBH", "Flight Dispatcher")}, key=ADMIN_KEY
    )
    assert second["ingestJob"]["action"] == "inserted"
    assert second["ingestJob"]["job"] == {
        "companyName": "SkyCargo",
        "operationType": "cargo_airline",
        "company": {"id": 2, "name": "SkyCargo"},
    }


def test_the_api_stores_spellings_in_the_seed_form(api: LiveApi) -> None:
    # "example air" is stored; every spelling of it is that same variant, hence a conflict.
    for spelling in ("EXAMPLE-AIR", "Example Air!", "  éxample   air "):
        result = api.data(CREATE, {"v": spelling, "c": 2}, key=ADMIN_KEY)
        assert result["createCompanyMapping"]["__typename"] == "Conflict", spelling


@pytest.mark.parametrize(
    "spelling", ["  Fix-It  M.R.O. Ltd ", "Çelebi Aviation Holding A.Ş.", "Jet2.com", "KLM"]
)
def test_admin_and_seed_share_the_variant_key(spelling: str) -> None:
    assert _variant(spelling) == variant_key(spelling)

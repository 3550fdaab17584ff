"""Security limits of RELIABILITY.md A1-A10, A18-A20 over real HTTP, on both databases."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from unittest import mock

import pytest
from sqlalchemy import event

from graphql_api import security
from tests.graphql_api.conftest import ALLOWED_ORIGIN, LiveApi


def test_depth_limit_rejects_before_any_sql(api: LiveApi) -> None:
    statements: list[str] = []
    event.listen(api.app.state.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    deep = "{ jobs { nodes { " + "company { jobs { nodes { " * 10 + "id" + " } } }" * 10 + " } } }"
    body = api.gql(deep)
    assert body["data"] is None
    assert "exceeds maximum operation depth of 8" in body["errors"][0]["message"]
    assert statements == []


def test_alias_limit(api: LiveApi) -> None:
    query = "{ " + " ".join(f"a{i}: jobs(first: 100) {{ totalCount }}" for i in range(500)) + " }"
    # 500 aliased jobs() fields are also over the token limit, which the parser checks first.
    assert "more than 2000 tokens" in api.gql(query)["errors"][0]["message"]
    many = "{ " + " ".join(f"a{i}: stats {{ totalJobs }}" for i in range(300)) + " }"
    assert api.gql(many)["errors"][0]["message"] == "300 aliases found. Allowed: 15"
    assert (
        "Allowed: 15"
        in api.gql("{ " + " ".join(f"a{i}: stats {{ totalJobs }}" for i in range(16)) + " }")[
            "errors"
        ][0]["message"]
    )
    assert (
        api.gql("{ " + " ".join(f"a{i}: stats {{ totalJobs }}" for i in range(15)) + " }").get(
            "errors"
        )
        is None
    )


def test_token_limit_and_body_limit(api: LiveApi) -> None:
    tokens = "{ " + " ".join("__typename" for _ in range(2100)) + " }"
    body = api.gql(tokens)
    assert "Document contains more than 2000 tokens" in body["errors"][0]["message"]
    huge = {"query": "{ stats { totalJobs } }", "pad": "x" * (1024 * 1024 + 10)}
    response = api.http.post(
        "/graphql", content=json.dumps(huge), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


@pytest.mark.parametrize("raw", [b"{not json", b'{"query": NaN}', b"\xff\xfe"])
def test_a_body_that_is_not_json_is_a_400(api: LiveApi, raw: bytes) -> None:
    response = api.http.post("/graphql", content=raw, headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert "Unable to parse request body as JSON" in response.text


def test_batching_is_off(api: LiveApi) -> None:
    response = api.http.post("/graphql", json=[{"query": "{ stats { totalJobs } }"}] * 1000)
    assert response.status_code == 400
    assert "Batching is not enabled" in response.text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ("first: 1000000", "first must be between 1 and 100"),
        ("first: 0", "first must be between 1 and 100"),
        ("first: -1", "first must be between 1 and 100"),
        ("offset: 10001", "offset must be between 0 and 10000"),
        ('after: "garbage!"', "invalid cursor"),
        ('filter: {countryCode: "GB\'; DROP TABLE jobs;--"}', "countryCode must be 2 letters"),
        (
            'filter: {postedFrom: "2026-02-01", postedTo: "2026-01-01"}',
            "postedFrom must not be after postedTo",
        ),
        ("filter: {salaryMin: 5, salaryMax: 1}", "salaryMin must not exceed salaryMax"),
    ],
)
def test_bad_arguments_are_bad_user_input(api: LiveApi, args: str, message: str) -> None:
    statements: list[str] = []
    event.listen(api.app.state.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    body = api.gql(f"{{ jobs({args}) {{ totalCount }} }}")
    error = body["errors"][0]
    assert message in error["message"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert statements == []


def test_order_is_an_enum(api: LiveApi) -> None:
    body = api.gql('{ jobs(orderBy: "posted_date; DROP TABLE jobs") { totalCount } }')
    assert "JobOrder" in body["errors"][0]["message"]
    assert api.data("{ stats { totalJobs } }")["stats"]["totalJobs"] == 12


def test_cursor_of_one_order_is_refused_by_another(api: LiveApi) -> None:
    end = api.data("{ jobs(first: 1, orderBy: CREATED) { pageInfo { endCursor } } }")
    cursor = end["jobs"]["pageInfo"]["endCursor"]
    body = api.gql("query($a: String) { jobs(after: $a) { totalCount } }", {"a": cursor})
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_production_hides_introspection_graphiql_and_suggestions(prod_api: LiveApi) -> None:
    body = prod_api.gql("{ __schema { types { name } } }")
    assert "introspection" in body["errors"][0]["message"].lower()
    assert prod_api.gql('{ __type(name: "Job") { name } }')["errors"]
    typo = prod_api.gql("{ jobz { totalCount } }")["errors"][0]["message"]
    assert "Did you mean" not in typo
    assert prod_api.http.get("/graphql", headers={"accept": "text/html"}).status_code == 404


def test_development_has_introspection_graphiql_and_suggestions(api: LiveApi) -> None:
    assert (
        api.data("{ __schema { queryType { name } } }")["__schema"]["queryType"]["name"] == "Query"
    )
    assert "Did you mean" in api.gql("{ jobz { totalCount } }")["errors"][0]["message"]
    page = api.http.get("/graphql", headers={"accept": "text/html"})
    assert page.status_code == 200 and "graphiql" in page.text.lower()


def test_get_queries_are_refused(api: LiveApi) -> None:
    response = api.http.get("/graphql", params={"query": "{ stats { totalJobs } }"})
    assert response.status_code in {400, 405}


def test_unexpected_errors_are_masked_and_logged_with_a_request_id(
    api: LiveApi, caplog: pytest.LogCaptureFixture
) -> None:
    boom = RuntimeError("psycopg SELECT secret-host password=hunter2")
    with (
        mock.patch("graphql_api.queries.analytics.stats", side_effect=boom),
        caplog.at_level(logging.ERROR),
    ):
        response = api.http.post("/graphql", json={"query": "{ stats { totalJobs } }"})
    body = response.json()
    assert body["errors"][0]["message"] == "Unexpected error."
    assert body["errors"][0]["path"] == ["stats"]
    for leak in ("Traceback", 'File "', "psycopg", "SELECT", "secret-host", "hunter2"):
        assert leak not in response.text
    request_id = response.headers["x-request-id"]
    assert any(request_id in r.getMessage() and r.exc_info for r in caplog.records)


ADMIN_MUTATION = (
    'mutation { createCompanyMapping(variant: "Example Airlines", companyId: 1) { __typename } }'
)


def _mapping_count(api: LiveApi, key: str) -> int:
    return len(api.data("{ companyMappings(first: 100) { id } }", key=key)["companyMappings"])


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"authorization": "Bearer wrong"},
        {"authorization": "Bearer"},
        {"authorization": "Basic dGVzdDp0ZXN0"},
        {"authorization": "test-admin-key-0123456789"},
    ],
)
def test_admin_needs_the_bearer_key(api: LiveApi, headers: dict[str, str]) -> None:
    before = _mapping_count(api, "test-admin-key-0123456789")
    response = api.http.post(
        "/graphql",
        json={"query": ADMIN_MUTATION},
        headers={**headers, "origin": "https://evil.example"},
    )
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "UNAUTHENTICATED"
    assert _mapping_count(api, "test-admin-key-0123456789") == before


def test_admin_key_in_the_query_string_is_ignored(api: LiveApi) -> None:
    response = api.http.post(
        "/graphql?key=test-admin-key-0123456789&api_key=test-admin-key-0123456789",
        json={"query": ADMIN_MUTATION},
    )
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


@pytest.mark.parametrize("key", [None, ""])
def test_admin_is_disabled_without_a_configured_key(
    make_api: Callable[..., LiveApi], seeded: object, key: str | None
) -> None:
    api = make_api(admin_api_key=key)
    for header in ({}, {"authorization": "Bearer"}, {"authorization": "Bearer None"}):
        body = api.http.post("/graphql", json={"query": ADMIN_MUTATION}, headers=header).json()
        assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        assert "disabled" in body["errors"][0]["message"]


def test_key_check_uses_compare_digest_over_sha256() -> None:
    digest = security.key_digest("k3y")
    assert digest == hashlib.sha256(b"k3y").digest()
    with mock.patch("graphql_api.security.hmac.compare_digest", return_value=True) as spy:
        assert security.is_admin_request("Bearer anything", digest)
    spy.assert_called_once_with(hashlib.sha256(b"anything").digest(), digest)
    assert security.is_admin_request("Bearer k3y", digest)
    assert security.is_admin_request("bearer  k3y ", digest)
    assert not security.is_admin_request("Bearer k3y", None)
    assert not security.is_admin_request("Bearer ", digest)
    assert security.key_digest("") is None


def test_cors_allowlist_without_credentials(api: LiveApi) -> None:
    preflight = {
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
    }
    evil = api.http.options("/graphql", headers={"origin": "https://evil.example", **preflight})
    assert "access-control-allow-origin" not in evil.headers
    good = api.http.options("/graphql", headers={"origin": ALLOWED_ORIGIN, **preflight})
    assert good.headers["access-control-allow-origin"] == ALLOWED_ORIGIN
    assert "access-control-allow-credentials" not in good.headers
    simple = api.http.post(
        "/graphql",
        json={"query": "{ stats { totalJobs } }"},
        headers={"origin": "https://evil.example", "cookie": "session=1"},
    )
    assert "access-control-allow-origin" not in simple.headers
    assert "access-control-allow-credentials" not in simple.headers


def test_no_server_header_and_websocket_subscriptions_refused(api: LiveApi) -> None:
    response = api.http.get(
        "/graphql",
        headers={
            "connection": "upgrade",
            "upgrade": "websocket",
            "sec-websocket-version": "13",
            "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==",
        },
    )
    assert response.status_code != 101


def test_multipart_is_off(api: LiveApi) -> None:
    files = {f"f{i}": (None, "x") for i in range(50)}
    response = api.http.post("/graphql", files=files)
    assert response.status_code in {400, 415}

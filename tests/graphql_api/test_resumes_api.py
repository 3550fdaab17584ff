"""Resume API over real HTTP: admin key on every path, no personal data without it, uploads."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from sqlalchemy import Engine, func, select
from starlette.applications import Starlette

from aeroscrap.config import Settings
from aeroscrap.db.models import Resume
from graphql_api.app import create_app
from graphql_api.resume_routes import UPLOAD_PATH
from resume_parser import worker
from tests.graphql_api.conftest import ADMIN_KEY

MARKER_EMAIL = "marker.kerrigan@example.com"
CV = (
    "MARTA KERRIGAN\nBased in Dublin, Ireland | " + MARKER_EMAIL + " | +353 87 123 4567\n\n"
    "LICENCES AND RATINGS\nEASA ATPL(A)\nType ratings: A320\nClass 1 Medical\n"
    "Total time: 6,000 hours; PIC: 3,500 hours\n\nEXPERIENCE\nCaptain A320 — Example Air\n"
    "Jan 2018 – Present\n"
).encode()

UPLOAD = "mutation($f: Upload!, $c: CandidateInfo){ uploadResume(file:$f, candidate:$c){ id status duplicate } }"
PII = ("marker", "Marta", "KERRIGAN", "Kerrigan", "+353", "Dublin")


@pytest.fixture(scope="module", autouse=True)
def _stop_parser_workers() -> Iterator[None]:
    """The sandboxed parser keeps idle child processes; stop them when this module is done."""
    yield
    worker.shutdown()


def build_app(settings: Settings) -> Starlette:
    """The app as `aeroscrap serve` builds it."""
    return create_app(settings)


class ResumeApi:
    """The app under a real uvicorn on 127.0.0.1 (port 0)."""

    def __init__(self, settings: Settings) -> None:
        config = uvicorn.Config(build_app(settings), host="127.0.0.1", port=0, log_level="info")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            assert time.monotonic() < deadline and self.thread.is_alive(), "uvicorn did not start"
            time.sleep(0.01)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        self.http = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60)

    def gql(
        self, query: str, variables: dict[str, Any] | None = None, *, key: str | None = None
    ) -> httpx.Response:
        headers = {"authorization": f"Bearer {key}"} if key else {}
        return self.http.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
        )

    def data(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        body = self.gql(query, variables, key=ADMIN_KEY).json()
        assert body.get("errors") is None, body
        return body["data"]  # type: ignore[no-any-return]

    def upload(
        self,
        data: bytes,
        filename: str,
        *,
        key: str | None = ADMIN_KEY,
        candidate: dict[str, Any] | None = None,
    ) -> httpx.Response:
        operations = {"query": UPLOAD, "variables": {"f": None, "c": candidate}}
        headers = {"authorization": f"Bearer {key}"} if key else {}
        return self.http.post(
            UPLOAD_PATH,
            data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.f"]})},
            files={"0": (filename, data, "application/pdf")},
            headers=headers,
        )

    def close(self) -> None:
        self.http.close()
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture
def make_resume_api(db_url: str, tmp_path: Path) -> Iterator[Callable[..., ResumeApi]]:
    started: list[ResumeApi] = []

    def start(**overrides: Any) -> ResumeApi:
        values: dict[str, Any] = {
            "database_url": db_url,
            "env": "dev",
            "admin_api_key": ADMIN_KEY,
            "resume_dir": tmp_path / "resumes",
        }
        values.update(overrides)
        api = ResumeApi(Settings(_env_file=None, **values))
        started.append(api)
        return api

    yield start
    for api in started:
        api.close()


@pytest.fixture
def api(make_resume_api: Callable[..., ResumeApi], seeded: dict[str, int]) -> ResumeApi:
    return make_resume_api()


def _count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(Resume)).scalar_one())


def _upload_ok(
    api: ResumeApi, data: bytes = CV, filename: str = "cv.txt", **kw: Any
) -> dict[str, Any]:
    response = api.upload(data, filename, **kw)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body.get("errors") is None, body
    return body["data"]["uploadResume"]  # type: ignore[no-any-return]


def test_upload_answers_only_an_opaque_id_and_status(
    api: ResumeApi, engine: Engine, tmp_path: Path
) -> None:
    response = api.upload(CV, "../../etc/passwd")
    assert response.status_code == 200
    assert not any(secret in response.text for secret in PII)
    first = response.json()["data"]["uploadResume"]
    assert first["status"] == "parsed" and first["duplicate"] is False
    again = _upload_ok(api, filename="other.txt")
    assert again == {**first, "duplicate": True}
    assert _count(engine) == 1
    stored = api.data(
        "query($id: ID!){ resume(id:$id){ filename email totalHours licences } }",
        {"id": first["id"]},
    )
    assert stored["resume"] == {
        "filename": "passwd",
        "email": MARKER_EMAIL,
        "totalHours": 6000,
        "licences": ["ATPL(A)"],
    }
    assert [p.name for p in (tmp_path / "resumes").glob("*.txt")] == [f"{first['id']}.txt"]


def test_upload_with_candidate_info(api: ResumeApi) -> None:
    up = _upload_ok(
        api, candidate={"name": "Given Name", "countryCode": "gb", "notes": "via agency"}
    )
    got = api.data(
        "query($id: ID!){ resume(id:$id){ candidateName countryCode info } }", {"id": up["id"]}
    )
    assert got["resume"]["candidateName"] == "Given Name"
    assert got["resume"]["countryCode"] == "GB"
    assert got["resume"]["info"]["notes"] == "via agency"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 32,
        b"\x7fELF\x02\x01\x01" + b"\x00" * 32,
        b"<html><body>x</body></html>",
        b"a\x00b",
    ],
)
def test_non_resume_upload_is_refused(
    api: ResumeApi, engine: Engine, tmp_path: Path, data: bytes
) -> None:
    body = api.upload(data, "cv.pdf").json()
    assert body["data"] is None
    assert body["errors"][0]["message"] == "unsupported file type (expected PDF, DOCX or TXT)"
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert _count(engine) == 0 and not (tmp_path / "resumes").exists()


def test_oversize_upload_gets_413(api: ResumeApi, engine: Engine) -> None:
    response = api.upload(b"%PDF-" + b"0" * (6 * 1024 * 1024), "big.pdf")
    assert response.status_code == 413
    assert _count(engine) == 0


def test_plain_graphql_route_stays_json_only(api: ResumeApi) -> None:
    operations = {"query": UPLOAD, "variables": {"f": None}}
    response = api.http.post(
        "/graphql",
        data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.f"]})},
        files={"0": ("cv.txt", CV, "text/plain")},
        headers={"authorization": f"Bearer {ADMIN_KEY}"},
    )
    assert response.status_code == 400


PROTECTED = [
    ("{ resumes { id email } }", {}),
    ("query($id: ID!){ resume(id:$id){ candidateName email phone } }", {"id": "ID"}),
    ("{ resumeStats { total byLicence { key count } } }", {}),
    ("query($id: ID!){ matchJobs(resumeId:$id){ score reasons { detail } } }", {"id": "ID"}),
    ("query($j: Int!){ matchResumes(jobId:$j){ resumeId resume { email } } }", {"j": 1}),
    ("mutation($id: ID!){ deleteResume(id:$id){ deleted } }", {"id": "ID"}),
]


@pytest.mark.parametrize("key", [None, "wrong-key"])
def test_every_resume_path_needs_the_key(
    api: ResumeApi, engine: Engine, key: str | None, caplog: pytest.LogCaptureFixture
) -> None:
    resume_id = _upload_ok(api)["id"]
    with caplog.at_level(logging.DEBUG):
        for query, variables in PROTECTED:
            values = {k: resume_id if v == "ID" else v for k, v in variables.items()}
            response = api.gql(query, values, key=key)
            body = response.json()
            assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED", body
            assert not any(secret in response.text for secret in PII)
        for path in (f"/resumes/{resume_id}/file", "/resumes/not-a-uuid/file"):
            headers = {"authorization": f"Bearer {key}"} if key else {}
            download = api.http.get(path, headers=headers)
            assert download.status_code == 401
            assert not any(secret in download.text for secret in PII)
        refused = api.upload(CV + b"\nnew", "cv.txt", key=key)
        assert refused.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert _count(engine) == 1
    assert not any(secret in caplog.text for secret in PII)


def test_admin_disabled_without_a_configured_key(
    make_resume_api: Callable[..., ResumeApi], seeded: dict[str, int]
) -> None:
    api = make_resume_api(admin_api_key=None)
    response = api.upload(CV, "cv.txt", key="")
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert (
        api.gql("{ resumes { id } }", key="anything").json()["errors"][0]["extensions"]["code"]
        == "UNAUTHENTICATED"
    )


def test_list_filter_stats_match_download_delete(api: ResumeApi, seeded: dict[str, int]) -> None:
    resume_id = _upload_ok(api)["id"]
    listed = api.data('{ resumes(filter: {licence: "ATPL(A)", minTotalHours: 5000}) { id } }')
    assert listed["resumes"] == [{"id": resume_id}]
    assert api.data('{ resumes(filter: {typeRating: "B737"}) { id } }')["resumes"] == []
    bad = api.gql('{ resumes(filter: {licence: "%"}) { id } }', key=ADMIN_KEY).json()
    assert bad["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"

    stats = api.data("{ resumeStats { total byStatus { key count } byLicence { key count } } }")
    assert stats["resumeStats"]["total"] == 1
    assert {"key": "ATPL(A)", "count": 1} in stats["resumeStats"]["byLicence"]

    matches = api.data(
        "query($id: ID!){ matchJobs(resumeId:$id, first: 5){ jobId score meetsRequirements reasons { kind status detail } job { title } } }",
        {"id": resume_id},
    )["matchJobs"]
    assert matches[0]["job"]["title"] == "A320 Captain" and matches[0]["meetsRequirements"]
    assert {"kind": "type_rating", "status": "held", "detail": "A320"} in matches[0]["reasons"]
    job_id = matches[0]["jobId"]
    candidates = api.data(
        "query($j: Int!){ matchResumes(jobId:$j){ resumeId meetsRequirements resume { email } } }",
        {"j": job_id},
    )["matchResumes"]
    assert candidates == [
        {"resumeId": resume_id, "meetsRequirements": True, "resume": {"email": MARKER_EMAIL}}
    ]
    missing = api.gql("{ matchResumes(jobId: 999999){ score } }", key=ADMIN_KEY).json()
    assert missing["errors"][0]["extensions"]["code"] == "NOT_FOUND"

    download = api.http.get(
        f"/resumes/{resume_id}/file", headers={"authorization": f"Bearer {ADMIN_KEY}"}
    )
    assert download.status_code == 200 and download.content == CV
    assert download.headers["content-disposition"].startswith("attachment")
    assert download.headers["x-content-type-options"] == "nosniff"

    deleted = api.data("mutation($id: ID!){ deleteResume(id:$id){ deleted } }", {"id": resume_id})
    assert deleted["deleteResume"] == {"deleted": True}
    gone = api.http.get(
        f"/resumes/{resume_id}/file", headers={"authorization": f"Bearer {ADMIN_KEY}"}
    )
    assert gone.status_code == 404

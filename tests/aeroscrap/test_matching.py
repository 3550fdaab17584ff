"""Matching: hand-built candidates and jobs whose right order is obvious to an aviation recruiter."""

from __future__ import annotations

import hashlib
import itertools
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, insert

from aeroscrap import matching
from aeroscrap.db.models import Job, Resume
from aeroscrap.matching import (
    Match,
    MatchFilter,
    MatchTargetNotFound,
    Reason,
    match_jobs,
    match_resumes,
    seniority_level,
)
from aeroscrap.requirements import job_requirements
from aeroscrap.resumes import store_resume
from resume_parser import worker

NOW = datetime.now(UTC).replace(microsecond=0)
_serial = itertools.count(1)

B737_CAPTAIN_AD = (
    "Requirements:\n- Valid EASA ATPL(A)\n- Current B737 type rating\n"
    "- Minimum 3,000 hours total time, 1,000 hours PIC\n- Class 1 medical"
)
A320_FO_AD = (
    "Requirements: CPL(A) or ATPL(A), valid A320 type rating, minimum 1,500 hours total time."
)

B1_AD = "A Part-66 B1 licence and recent experience on type are essential."


@pytest.fixture(scope="module", autouse=True)
def _stop_parser_workers() -> Iterator[None]:
    """The sandboxed parser keeps idle child processes; stop them when this module is done."""
    yield
    worker.shutdown()


def add_job(engine: Engine, title: str, description: str, **overrides: Any) -> int:
    n = next(_serial)
    row: dict[str, Any] = {
        "url": f"https://jobs.example/{n}",
        "url_hash": hashlib.sha256(f"u{n}".encode()).hexdigest(),
        "source": "goose",
        "title": title,
        "normalized_title": title.lower(),
        "country_code": "IE",
        "operation_type": "airline",
        "senior_flag": False,
        "description": description,
        "status": "active",
        "requirements": job_requirements(title, description),
        "block_key": f"k{n}",
        "search_text": title.lower(),
        "content_hash": f"h{n}",
        "last_checked": NOW,
        "created_at": NOW - timedelta(minutes=n),
        "updated_at": NOW,
    }
    row.update(overrides)
    with engine.begin() as conn:
        return int(conn.execute(insert(Job).values(row).returning(Job.id)).scalar_one())


def add_candidate(
    engine: Engine,
    *,
    licences: list[str],
    types: list[str],
    total: int | None,
    pic: int | None = None,
    medical: int | None = 1,
    country: str | None = "IE",
    titles: tuple[str, ...] = (),
) -> str:
    public_id = str(uuid.uuid4())
    row = {
        "public_id": public_id,
        "sha256": hashlib.sha256(public_id.encode()).hexdigest(),
        "filename": "cv.txt",
        "stored_name": f"{public_id}.txt",
        "kind": "txt",
        "size": 1,
        "status": "parsed",
        "country_code": country,
        "total_hours": total,
        "pic_hours": pic,
        "medical_class": medical,
        "licences": "," + "".join(f"{c}," for c in licences),
        "type_ratings": "," + "".join(f"{c}," for c in types),
        "parsed": {"experience": [{"title": t, "employer": "X"} for t in titles]},
        "created_at": NOW,
    }
    with engine.begin() as conn:
        conn.execute(insert(Resume).values(row))
    return public_id


def reasons(match: Match, kind: str) -> list[Reason]:
    return [r for r in match.reasons if r.kind == kind]


def test_b737_captain_beats_a_cadet_for_a_b737_captain_job(engine: Engine) -> None:
    job = add_job(engine, "B737 Captain", B737_CAPTAIN_AD)
    captain = add_candidate(
        engine,
        licences=["ATPL(A)"],
        types=["B737"],
        total=6000,
        pic=3500,
        titles=("Captain B737", "First Officer B737"),
    )
    cadet = add_candidate(
        engine, licences=["CPL(A)"], types=[], total=200, pic=100, titles=("Cadet Pilot",)
    )
    first, second = match_resumes(engine, job)
    assert (first.resume_id, second.resume_id) == (captain, cadet)
    assert first.meets_requirements and not second.meets_requirements
    assert first.score > second.score and 0 <= second.score <= first.score <= 1
    assert reasons(first, "type_rating") == [Reason("type_rating", "held", "B737")]
    assert reasons(first, "seniority")[0].status == "fits"
    assert reasons(second, "type_rating") == [Reason("type_rating", "missing", "B737")]
    assert reasons(second, "licence") == [Reason("licence", "missing", "ATPL(A)")]
    short = reasons(second, "total_hours")[0]
    assert short.status == "short" and "short by 2,800 h" in short.detail
    assert reasons(second, "pic_hours")[0].detail.startswith("short by 900 h")
    assert reasons(second, "seniority")[0].status == "below"


def test_a320_first_officer_beats_a_b737_first_officer_for_an_a320_job(engine: Engine) -> None:
    job = add_job(engine, "A320 First Officer", A320_FO_AD)
    b737_fo = add_candidate(
        engine, licences=["ATPL(A)"], types=["B737"], total=2500, titles=("First Officer",)
    )
    a320_fo = add_candidate(
        engine, licences=["CPL(A)"], types=["A320"], total=2000, titles=("First Officer",)
    )
    first, second = match_resumes(engine, job)
    assert (first.resume_id, second.resume_id) == (a320_fo, b737_fo)
    assert first.meets_requirements and not second.meets_requirements
    assert reasons(second, "type_rating") == [Reason("type_rating", "missing", "A320")]
    # An ATPL holder meets a "CPL or ATPL" ad; the licence is not what holds them back.
    assert reasons(second, "licence")[0].status == "held"


def test_type_rating_provided_keeps_both_qualified_but_the_rated_one_first(
    engine: Engine,
) -> None:
    job = add_job(
        engine,
        "A320 First Officer",
        "CPL(A), 1,500 hours total time. Non-type rated pilots welcome: type rating provided.",
    )
    b737_fo = add_candidate(engine, licences=["CPL(A)"], types=["B737"], total=1600)
    a320_fo = add_candidate(engine, licences=["CPL(A)"], types=["A320"], total=1600)
    first, second = match_resumes(engine, job)
    assert (first.resume_id, second.resume_id) == (a320_fo, b737_fo)
    assert first.meets_requirements and second.meets_requirements
    assert reasons(second, "type_rating") == [Reason("type_rating", "not_held", "A320")]


def test_b1_engineer_beats_a_b2_engineer_for_a_b1_job(engine: Engine) -> None:
    job = add_job(engine, "Licensed Engineer (B1) B737", B1_AD, operation_type="mro")
    b2 = add_candidate(
        engine, licences=["PART66-B2"], types=["B737"], total=None, medical=None,
        titles=("B2 Avionics Engineer",),
    )  # fmt: skip
    b1 = add_candidate(
        engine, licences=["PART66-B1"], types=["B737"], total=None, medical=None,
        titles=("B1 Licensed Engineer",),
    )  # fmt: skip
    first, second = match_resumes(engine, job)
    assert (first.resume_id, second.resume_id) == (b1, b2)
    assert first.meets_requirements and not second.meets_requirements
    assert reasons(second, "licence") == [Reason("licence", "missing", "PART66-B1")]


def test_qualified_candidates_rank_first_even_with_a_lower_score(engine: Engine) -> None:
    job = add_job(engine, "B737 Captain", B737_CAPTAIN_AD)
    # Qualified, but abroad and a first officer by title: a modest score.
    qualified = add_candidate(
        engine, licences=["ATPL(A)"], types=["B737"], total=3100, pic=1000, country="GB",
        titles=("First Officer",),
    )  # fmt: skip
    # Everything else is perfect, but the medical is Class 2: a hard requirement missed.
    class_two = add_candidate(
        engine, licences=["ATPL(A)"], types=["B737"], total=9000, pic=6000, medical=2,
        titles=("Captain",),
    )  # fmt: skip
    first, second = match_resumes(engine, job)
    assert (first.resume_id, second.resume_id) == (qualified, class_two)
    assert second.score > first.score
    assert reasons(second, "medical") == [
        Reason("medical", "insufficient", "Class 2 held, Class 1 required")
    ]
    assert reasons(first, "location") == [Reason("location", "other_country", "GB → IE")]
    assert reasons(first, "seniority")[0].status == "step_up"


def test_match_jobs_ranks_active_jobs_for_a_captain(engine: Engine) -> None:
    captain = add_candidate(
        engine, licences=["ATPL(A)"], types=["B737"], total=6000, pic=3500,
        titles=("Captain B737",),
    )  # fmt: skip
    b737 = add_job(engine, "B737 Captain", B737_CAPTAIN_AD)
    a320 = add_job(engine, "A320 First Officer", A320_FO_AD)
    b1 = add_job(engine, "Licensed Engineer (B1)", B1_AD, country_code="GB")
    add_job(engine, "B737 Captain", B737_CAPTAIN_AD, status="expired")
    add_job(engine, "B737 Captain", B737_CAPTAIN_AD, requirements=None)
    found = match_jobs(engine, captain)
    assert [m.job_id for m in found] == [b737, a320, b1]
    assert [m.meets_requirements for m in found] == [True, False, False]
    assert reasons(found[0], "location") == [Reason("location", "same_country", "IE")]
    assert reasons(found[1], "seniority")[0].status == "above"
    in_gb = match_jobs(engine, captain, filters=MatchFilter(country_code="gb"))
    assert [m.job_id for m in in_gb] == [b1]
    assert match_jobs(engine, captain, first=1)[0].job_id == b737


def test_match_jobs_scans_only_the_newest_jobs(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    captain = add_candidate(engine, licences=["ATPL(A)"], types=["B737"], total=6000, pic=3500)
    newest = add_job(engine, "A320 First Officer", A320_FO_AD, created_at=NOW)
    add_job(engine, "B737 Captain", B737_CAPTAIN_AD, created_at=NOW - timedelta(days=30))
    monkeypatch.setattr(matching, "JOB_SCAN_LIMIT", 1)
    assert [m.job_id for m in match_jobs(engine, captain)] == [newest]


def test_unknown_ids_raise(engine: Engine) -> None:
    with pytest.raises(MatchTargetNotFound):
        match_jobs(engine, str(uuid.uuid4()))
    with pytest.raises(MatchTargetNotFound):
        match_resumes(engine, 999_999)


def test_unstated_hours_are_not_taken_as_met(engine: Engine) -> None:
    job = add_job(engine, "B737 Captain", B737_CAPTAIN_AD)
    add_candidate(engine, licences=["ATPL(A)"], types=["B737"], total=None, titles=("Captain",))
    (only,) = match_resumes(engine, job)
    assert not only.meets_requirements
    assert reasons(only, "total_hours")[0].status == "unknown"


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("Training Captain A320", 5),
        ("Captain B737", 4),
        ("Senior First Officer", 3),
        ("First Officer", 2),
        ("B1 Licensed Engineer", 2),
        ("Aircraft Mechanic", 1),
        ("Cadet Pilot", 0),
    ],
)
def test_seniority_ladder(title: str, level: int) -> None:
    assert seniority_level(title) == level


def test_a_parsed_resume_fixture_matches_through_storage(engine: Engine, tmp_path: Path) -> None:
    fixture = Path(__file__).parents[1] / "resume_parser" / "fixtures"
    stored = store_resume(
        engine,
        (fixture / "10_airline_captain_fatima_al_hashimi.txt").read_bytes(),
        "captain.txt",
        None,
        directory=tmp_path / "resumes",
    )
    assert stored.status == "parsed"
    job = add_job(engine, "B737 Captain", B737_CAPTAIN_AD)
    (match,) = match_resumes(engine, job)
    assert match.resume_id == stored.public_id
    kinds = {r.kind for r in match.reasons}
    assert {"licence", "type_rating", "total_hours", "seniority", "location"} <= kinds

"""Explainable resume-to-job matching: a score and the reasons a recruiter would give.

Every Match says, reason by reason, what the candidate holds or lacks (type rating held or
missing, hours short by N, licence, medical, location, seniority). Hard requirements of the ad
(licence, a required type rating, minimum hours, medical class) that the candidate does not
meet set `meets_requirements=False`; they are never folded silently into the score, and
ranking always puts fully qualified matches first.

Reason statuses: licence held/missing; type_rating held/missing (required) or
preferred_held/not_held (not required); total_hours and pic_hours meets/short/unknown; medical
meets/insufficient/unknown; location same_country/other_country/unknown; seniority
fits/above/step_up/below/unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import Engine, select

from aeroscrap.db.models import Job, Resume, table_of
from aeroscrap.exceptions import AeroScrapError
from aeroscrap.requirements import job_requirements

# Only the newest jobs (and resumes) matching the indexed filters are scored: a match request
# must never read a whole table. 2,000 active jobs cover weeks of postings for one filter.
JOB_SCAN_LIMIT = 2_000
RESUME_SCAN_LIMIT = 5_000
# Holding the key licence implies the lesser ones (an ATPL holder meets a "CPL" ad).
_IMPLIES = {
    "ATPL(A)": ("CPL(A)", "PPL(A)"),
    "CPL(A)": ("PPL(A)",),
    "ATPL(H)": ("CPL(H)", "PPL(H)"),
    "CPL(H)": ("PPL(H)",),
    "PART66-B1": ("PART66-A",),
}
_WEIGHTS = {
    "licence": 0.25,
    "type_rating": 0.25,
    "hours": 0.2,
    "medical": 0.1,
    "seniority": 0.1,
    "location": 0.1,
}
# Seniority ladder shared by pilots, engineers and other roles (higher wins on a tie of rungs).
_LEVELS = (
    (5, re.compile(r"chief|director|head of|training captain|\bTR[IE]\b|examiner", re.I)),
    (4, re.compile(r"captain|commander|\bcpt\b|manager|supervisor", re.I)),
    (3, re.compile(r"senior|\bSFO\b|\blead\b|principal", re.I)),
    (0, re.compile(r"cadet|trainee|student|apprentice|intern\b|graduate|ab[- ]initio", re.I)),
    (1, re.compile(r"second officer|junior|assistant|mechanic|\bhelper\b", re.I)),
)
_DEFAULT_LEVEL = 2  # first officer, licensed engineer, dispatcher, controller ...
_LEVEL_NAMES = {0: "trainee", 1: "junior", 2: "first officer / mid-level", 3: "senior",
                4: "captain / manager", 5: "chief / training"}  # fmt: skip


class Reason(NamedTuple):
    """One explanation: kind (licence, type_rating, ...), status and a readable detail."""

    kind: str
    status: str
    detail: str


@dataclass(slots=True)
class Match:
    """A scored pairing of one resume and one job."""

    job_id: int
    resume_id: str
    score: float
    meets_requirements: bool
    reasons: list[Reason] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class MatchFilter:
    """Indexed job filters for match_jobs."""

    country_code: str | None = None
    operation_type: str | None = None


class MatchTargetNotFound(AeroScrapError, LookupError):
    """Raised when the resume or job to match does not exist."""


def match_jobs(
    engine: Engine, resume_id: str, *, filters: MatchFilter | None = None, first: int = 20
) -> list[Match]:
    """The best active jobs for one resume: qualified first, then by score."""
    filters = filters or MatchFilter()
    with engine.connect() as conn:
        resume = conn.execute(select(table_of(Resume)).where(Resume.public_id == resume_id))
        cand_row = resume.mappings().first()
        if cand_row is None:
            raise MatchTargetNotFound(f"no resume with id {resume_id!r}")
        stmt = select(*_JOB_COLUMNS).where(Job.status == "active", Job.requirements.isnot(None))
        if filters.country_code:
            stmt = stmt.where(Job.country_code == filters.country_code.upper())
        if filters.operation_type:
            stmt = stmt.where(Job.operation_type == filters.operation_type)
        stmt = stmt.order_by(Job.created_at.desc(), Job.id.desc()).limit(JOB_SCAN_LIMIT)
        jobs = conn.execute(stmt).mappings().all()
    candidate = candidate_profile(cand_row)
    matches = [score_match(candidate, job_profile(job)) for job in jobs if job["requirements"]]
    return _rank(matches)[:first]


def match_resumes(engine: Engine, job_id: int, *, first: int = 20) -> list[Match]:
    """The best candidates for one job: qualified first, then by score."""
    table = table_of(Resume)
    with engine.connect() as conn:
        job = conn.execute(select(*_JOB_COLUMNS, Job.description).where(Job.id == job_id))
        job_row = job.mappings().first()
        if job_row is None:
            raise MatchTargetNotFound(f"no job with id {job_id}")
        stmt = (
            select(table)
            .where(table.c.status == "parsed")
            .order_by(table.c.created_at.desc(), table.c.id.desc())
            .limit(RESUME_SCAN_LIMIT)
        )
        resumes = conn.execute(stmt).mappings().all()
    wanted = job_profile(job_row)
    return _rank([score_match(candidate_profile(r), wanted) for r in resumes])[:first]


_JOB_COLUMNS = (
    Job.id,
    Job.title,
    Job.normalized_title,
    Job.country_code,
    Job.operation_type,
    Job.senior_flag,
    Job.requirements,
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """What matching needs of a resume."""

    resume_id: str
    licences: frozenset[str]
    type_ratings: frozenset[str]
    total_hours: int | None
    pic_hours: int | None
    medical_class: int | None
    country_code: str | None
    level: int | None


@dataclass(frozen=True, slots=True)
class Wanted:
    """What matching needs of a job."""

    job_id: int
    requirements: dict[str, Any]
    country_code: str | None
    level: int


@lru_cache(maxsize=4096)  # titles repeat across thousands of jobs and resumes
def seniority_level(title: str) -> int:
    """Rung on the seniority ladder (0 trainee .. 5 chief/training) of a job title."""
    for level, pattern in _LEVELS:
        if pattern.search(title):
            return level
    return _DEFAULT_LEVEL


def candidate_profile(row: Any) -> Candidate:
    """A Candidate from a resumes row (its parsed experience gives the seniority)."""
    titles = [j.get("title") or "" for j in ((row["parsed"] or {}).get("experience") or [])]
    licences = set(filter(None, (row["licences"] or "").split(",")))
    for code in list(licences):
        licences.update(_IMPLIES.get(code, ()))
    return Candidate(
        resume_id=row["public_id"],
        licences=frozenset(licences),
        type_ratings=frozenset(filter(None, (row["type_ratings"] or "").split(","))),
        total_hours=row["total_hours"],
        pic_hours=row["pic_hours"],
        medical_class=row["medical_class"],
        country_code=row["country_code"],
        # The highest rung held: a captain who was once a first officer is a captain.
        level=max((seniority_level(t) for t in titles if t), default=None),
    )


def job_profile(row: Any) -> Wanted:
    """A Wanted from a jobs row; requirements are read from the text when not stored yet."""
    requirements = row["requirements"]
    if not requirements:
        requirements = job_requirements(row["title"], row.get("description") or "")
    level = seniority_level(row["title"])
    if row["senior_flag"] and level < 3:
        level = 3
    return Wanted(row["id"], requirements, row["country_code"], level)


def score_match(cand: Candidate, job: Wanted) -> Match:
    """Score one pairing and explain it."""
    req = job.requirements
    reasons: list[Reason] = []
    parts: dict[str, float] = {}
    hard_ok = True

    licences = list(req.get("licences") or [])
    if licences:
        held = [c for c in licences if c in cand.licences]
        hard_ok &= bool(held)
        parts["licence"] = 1.0 if held else 0.0
        reasons.append(
            Reason("licence", "held", held[0])
            if held
            else Reason("licence", "missing", " or ".join(licences))
        )

    parts["type_rating"], type_ok = _types(cand, req, reasons)
    hard_ok &= type_ok

    hour_scores = []
    for key, kind, label in (
        ("min_total_hours", "total_hours", "total"),
        ("min_pic_hours", "pic_hours", "PIC"),
    ):
        need = req.get(key)
        if need:
            value, ok = _hours(getattr(cand, kind), need, kind, label, reasons)
            hour_scores.append(value)
            hard_ok &= ok
    if hour_scores:
        parts["hours"] = sum(hour_scores) / len(hour_scores)

    if need_class := req.get("medical_class"):
        if cand.medical_class is None:
            parts["medical"] = 0.5  # often left off a resume; checked at interview
            reasons.append(Reason("medical", "unknown", f"Class {need_class} required, not stated"))
        elif cand.medical_class <= need_class:
            parts["medical"] = 1.0
            reasons.append(Reason("medical", "meets", f"Class {cand.medical_class}"))
        else:
            hard_ok = False
            parts["medical"] = 0.0
            reasons.append(
                Reason(
                    "medical",
                    "insufficient",
                    f"Class {cand.medical_class} held, Class {need_class} required",
                )
            )

    parts["location"] = _location(cand, job, reasons)
    parts["seniority"] = _seniority(cand, job, reasons)

    total_weight = sum(_WEIGHTS[k] for k in parts)
    score = sum(_WEIGHTS[k] * v for k, v in parts.items()) / total_weight
    return Match(job.job_id, cand.resume_id, round(score, 4), hard_ok, reasons)


def _types(cand: Candidate, req: dict[str, Any], reasons: list[Reason]) -> tuple[float, bool]:
    types = list(req.get("type_ratings") or [])
    preferred = [t for t in req.get("preferred_type_ratings") or [] if t not in types]
    held = [t for t in types if t in cand.type_ratings]
    held_preferred = [t for t in preferred if t in cand.type_ratings]
    if req.get("type_rated_required") and types:
        if held:
            reasons.append(Reason("type_rating", "held", held[0]))
            return 1.0, True
        reasons.append(Reason("type_rating", "missing", " or ".join(types)))
        return 0.0, False
    if held:
        reasons.append(Reason("type_rating", "held", held[0]))
        return 1.0, True
    if held_preferred:
        reasons.append(Reason("type_rating", "preferred_held", held_preferred[0]))
        return 0.9, True
    wanted = types or preferred
    if wanted:
        reasons.append(Reason("type_rating", "not_held", " or ".join(wanted)))
        return 0.4, True
    return 0.6, True


def _hours(
    have: int | None, need: int, kind: str, label: str, reasons: list[Reason]
) -> tuple[float, bool]:
    if have is None:
        # Experienced pilots always state their hours; unstated hours cannot be taken as met.
        reasons.append(Reason(kind, "unknown", f"{need:,} h {label} required, not stated"))
        return 0.1, False
    if have >= need:
        reasons.append(Reason(kind, "meets", f"{have:,} h {label} (≥ {need:,} h)"))
        return 1.0, True
    reasons.append(Reason(kind, "short", f"short by {need - have:,} h {label}"))
    return 0.7 * have / need, False


def _location(cand: Candidate, job: Wanted, reasons: list[Reason]) -> float:
    if not cand.country_code or not job.country_code:
        reasons.append(Reason("location", "unknown", cand.country_code or job.country_code or "-"))
        return 0.5
    if cand.country_code == job.country_code:
        reasons.append(Reason("location", "same_country", job.country_code))
        return 1.0
    reasons.append(Reason("location", "other_country", f"{cand.country_code} → {job.country_code}"))
    return 0.4


def _seniority(cand: Candidate, job: Wanted, reasons: list[Reason]) -> float:
    want = _LEVEL_NAMES[job.level]
    if cand.level is None:
        reasons.append(Reason("seniority", "unknown", f"no job titles; role is {want}"))
        return 0.3
    have = _LEVEL_NAMES[cand.level]
    gap = job.level - cand.level
    if gap == 0:
        reasons.append(Reason("seniority", "fits", have))
        return 1.0
    if gap < 0:
        reasons.append(Reason("seniority", "above", f"{have} for a {want} role"))
        return 0.8
    if gap <= 2:
        # One or two rungs is the usual next move: first officer to captain, cadet to FO.
        reasons.append(Reason("seniority", "step_up", f"{have} → {want}"))
        return 0.7 - 0.15 * gap
    reasons.append(Reason("seniority", "below", f"{have} → {want}"))
    return 0.1


def _rank(matches: list[Match]) -> list[Match]:
    return sorted(
        matches, key=lambda m: (not m.meets_requirements, -m.score, -m.job_id, m.resume_id)
    )

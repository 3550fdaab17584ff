"""Similar jobs: full-text candidates per job in one statement, scored on title and attributes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import Connection, Row, literal, select, union_all

from aeroscrap.db.models import Job
from graphql_api.queries.jobs import JOB_COLUMNS
from graphql_api.queries.search import match_condition, search_terms

# Per job: newest jobs sharing its title words, plus newest jobs of the same company. Both come from
# indexes, so the cost does not grow with the table.
CANDIDATES = 40
_jobs = Job.__table__


def _features(requirements: Any) -> set[str]:
    # Requirements are a JSON object of lists (licences, type ratings, ...); compare their values.
    found: set[str] = set()
    if isinstance(requirements, dict):
        for value in requirements.values():
            if isinstance(value, list):
                found.update(str(v).lower() for v in value)
            elif isinstance(value, str):
                found.add(value.lower())
    return found


def score(job: Row[Any], other: Row[Any]) -> float:
    """0..1: title similarity dominates; company, operation type, country and requirements add."""
    title = fuzz.token_set_ratio(job.normalized_title, other.normalized_title) / 100
    mine, theirs = _features(job.requirements), _features(other.requirements)
    shared = len(mine & theirs) / len(mine | theirs) if mine | theirs else 0.0
    return (
        0.6 * title
        + 0.15 * (job.company_id is not None and job.company_id == other.company_id)
        + 0.1 * (job.operation_type is not None and job.operation_type == other.operation_type)
        + 0.05 * (job.country_code is not None and job.country_code == other.country_code)
        + 0.1 * shared
    )


def _candidate_queries(conn: Connection, jobs: Iterable[Row[Any]]) -> list[Any]:
    parts = []
    for job in jobs:
        terms = search_terms(job.normalized_title)
        if terms:
            parts.append(
                select(literal(job.id).label("for_id"), _jobs.c.id)
                .where(match_condition(conn, terms), _jobs.c.id != job.id)
                .where(_jobs.c.status == "active")
                .order_by(_jobs.c.id.desc())
                .limit(CANDIDATES)
            )
        if job.company_id is not None:
            parts.append(
                select(literal(job.id).label("for_id"), _jobs.c.id)
                .where(_jobs.c.company_id == job.company_id, _jobs.c.id != job.id)
                .where(_jobs.c.status == "active")
                .order_by(_jobs.c.id.desc())
                .limit(CANDIDATES)
            )
    return parts


def similar_jobs(
    conn: Connection, jobs: Sequence[Row[Any]], first: int
) -> dict[int, list[Row[Any]]]:
    """{job id: up to `first` similar active jobs, best first}, in two statements for all jobs."""
    parts = _candidate_queries(conn, jobs)
    if not parts:
        return {job.id: [] for job in jobs}
    # Each part keeps its own ORDER BY/LIMIT, so it is wrapped as a subquery inside the union.
    union = union_all(*(select(p.subquery()) for p in parts)).subquery("candidates")
    pairs = [(r.for_id, r.id) for r in conn.execute(select(union.c.for_id, union.c.id))]
    ids = sorted({other for _, other in pairs})
    rows = {r.id: r for r in conn.execute(select(*JOB_COLUMNS).where(_jobs.c.id.in_(ids)))}
    by_job: dict[int, set[int]] = {job.id: set() for job in jobs}
    for for_id, other in pairs:
        by_job[for_id].add(other)
    result: dict[int, list[Row[Any]]] = {}
    for job in jobs:
        ranked = sorted(
            (rows[i] for i in by_job[job.id] if i in rows),
            key=lambda other: (-score(job, other), -other.id),
        )
        result[job.id] = ranked[:first]
    return result

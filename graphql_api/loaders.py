"""DataLoader batch functions: one statement per batch, results in key order, None when missing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Engine, Row
from strawberry.dataloader import DataLoader

from graphql_api.context import run_db
from graphql_api.queries import companies, jobs, similar


def _similar(
    conn: Connection, keys: Sequence[tuple[int, int]]
) -> dict[tuple[int, int], list[Row[Any]]]:
    rows = jobs.jobs_by_ids(conn, [job_id for job_id, _ in keys])
    widest = max(first for _, first in keys)
    best = similar.similar_jobs(conn, list(rows.values()), widest)
    return {(job_id, first): best.get(job_id, [])[:first] for job_id, first in keys}


class Loaders:
    """The loaders of one request."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self.job = DataLoader[int, Row[Any] | None](load_fn=self._load_jobs)
        self.company = DataLoader[int, Row[Any] | None](load_fn=self._load_companies)
        self.company_stats = DataLoader[int, companies.CompanyStats](load_fn=self._load_stats)
        self.sources = DataLoader[int, list[Row[Any]]](load_fn=self._load_sources)
        self.similar = DataLoader[tuple[int, int], list[Row[Any]]](load_fn=self._load_similar)

    async def _load_jobs(self, keys: list[int]) -> list[Row[Any] | None]:
        found = await run_db(self._engine, jobs.jobs_by_ids, keys)
        return [found.get(k) for k in keys]

    async def _load_companies(self, keys: list[int]) -> list[Row[Any] | None]:
        found = await run_db(self._engine, companies.companies_by_ids, keys)
        return [found.get(k) for k in keys]

    async def _load_stats(self, keys: list[int]) -> list[companies.CompanyStats]:
        found = await run_db(self._engine, companies.company_stats, keys)
        return [found.get(k) or companies.CompanyStats() for k in keys]

    async def _load_sources(self, keys: list[int]) -> list[list[Row[Any]]]:
        found = await run_db(self._engine, jobs.sources_by_job_ids, keys)
        return [found.get(k, []) for k in keys]

    async def _load_similar(self, keys: list[tuple[int, int]]) -> list[list[Row[Any]]]:
        found = await run_db(self._engine, _similar, keys)
        return [found[k] for k in keys]

"""`aeroscrap db seed`: load the curated companies and their name variants (idempotent)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

from sqlalchemy import Connection, func, select

from aeroscrap.config import get_settings
from aeroscrap.db import repository
from aeroscrap.db.models import Company, CompanyMapping
from aeroscrap.db.session import check_connection, make_engine
from aeroscrap.normalize.company import company_key, variant_key


@dataclass(frozen=True)
class SeedCounts:
    companies: int
    new_companies: int
    mappings: int
    new_mappings: int


def curated_companies() -> list[dict[str, Any]]:
    """The entries of aeroscrap/data/companies.json."""
    raw = resources.files("aeroscrap").joinpath("data/companies.json").read_text("utf-8")
    entries: list[dict[str, Any]] = json.loads(raw)
    return entries


def _count(conn: Connection, model: type) -> int:
    return int(conn.execute(select(func.count()).select_from(model)).scalar_one())


def seed_companies(database_url: str | None = None) -> SeedCounts:
    """Upsert every curated company (by key) and every name variant (by variant)."""
    engine = make_engine(database_url or get_settings().database_url)
    check_connection(engine)
    entries = curated_companies()
    companies = {
        company_key(e["name"]): {
            "key": company_key(e["name"]),
            "name": e["name"],
            "operation_type": e["operation_type"],
            "country_code": e.get("country"),
            "is_agency": bool(e.get("agency")),
            "curated": True,
        }
        for e in entries
    }
    try:
        with engine.begin() as conn:
            before = (_count(conn, Company), _count(conn, CompanyMapping))
            ids = repository.upsert_companies(conn, list(companies.values()))
            variants: dict[str, int] = {}
            for entry in entries:
                company_id = ids[company_key(entry["name"])]
                for name in (entry["name"], *entry.get("aliases", [])):
                    # First entry wins: a curated name is never re-pointed by another's alias.
                    variants.setdefault(variant_key(name), company_id)
            repository.upsert_mappings(
                conn, [{"variant": v, "company_id": c} for v, c in variants.items() if v]
            )
            after = (_count(conn, Company), _count(conn, CompanyMapping))
    finally:
        engine.dispose()
    return SeedCounts(after[0], after[0] - before[0], after[1], after[1] - before[1])

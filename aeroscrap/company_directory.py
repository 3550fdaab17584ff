"""The stored company mappings as an in-memory lookup: which company a scraped spelling names.

Normalisation consults company_mappings before its rules (aeroscrap.normalize.company). One query
loads every mapping joined with its company; per record the lookup is a dict get. A long crawl
re-reads the rows at most every `max_age_s` seconds and rebuilds its indexes only when a row
changed, so an admin's edit reaches running crawls without a query per item.
"""

from __future__ import annotations

import math
import threading
import time
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy import Engine, Select, select

from aeroscrap.db.models import Company, CompanyMapping, table_of
from aeroscrap.normalize.company import MappedCompany, name_key, variant_key

__all__ = ["DEFAULT_MAX_AGE_S", "CompanyDirectory", "directory_for"]

# How stale a crawl's view of the mappings may get: an admin's edit applies within this time.
DEFAULT_MAX_AGE_S = 30.0


def _rows_query() -> Select[Any]:
    mappings, companies = table_of(CompanyMapping), table_of(Company)
    c = companies.c
    return (
        select(
            mappings.c.id,
            mappings.c.variant,
            c.id,
            c.key,
            c.name,
            c.operation_type,
            c.country_code,
            c.is_agency,
        )
        .join(companies, c.id == mappings.c.company_id)
        .order_by(mappings.c.id)
    )


@lru_cache(maxsize=16384)
def _variant(spelling: str) -> str:
    # A crawl sees the same few hundred spellings again and again.
    return variant_key(spelling)


@dataclass(frozen=True)
class _Snapshot:
    """Indexes built from one read of the rows; replaced whole, so readers never see a mix."""

    fingerprint: int | None = None
    by_variant: dict[str, MappedCompany] = field(default_factory=dict)
    by_key: dict[str, MappedCompany] = field(default_factory=dict)


def _snapshot(rows: Sequence[tuple[Any, ...]], fingerprint: int) -> _Snapshot:
    by_variant: dict[str, MappedCompany] = {}
    companies: dict[int, MappedCompany] = {}
    for _, variant, company_id, key, name, kind, country, agency in rows:
        company = companies.setdefault(
            company_id, MappedCompany(company_id, key, name, kind, country, bool(agency))
        )
        by_variant[variant] = company
    # A mapped company's own key names it; then each spelling's key, oldest mapping first, so
    # that "Acme Aero Ltd" mapped also covers "ACME AERO LIMITED". Not through the alias table:
    # a mapped "Emirates Engineering" must not capture every advert the rules read as Emirates.
    by_key = {company.key: company for company in companies.values() if company.key}
    for _, variant, company_id, *_rest in rows:
        key = name_key(variant)
        if key:
            by_key.setdefault(key, companies[company_id])
    return _Snapshot(fingerprint, by_variant, by_key)


class CompanyDirectory:
    """Spelling -> stored company, from company_mappings joined with companies."""

    def __init__(
        self,
        engine: Engine,
        *,
        max_age_s: float = DEFAULT_MAX_AGE_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.engine = engine
        self.max_age_s = max_age_s
        self._clock = clock
        self._checked = -math.inf
        self._current = _Snapshot()

    @classmethod
    def load(cls, engine: Engine, *, max_age_s: float = DEFAULT_MAX_AGE_S) -> CompanyDirectory:
        """A directory holding the database's mappings now."""
        directory = cls(engine, max_age_s=max_age_s)
        directory.refresh(force=True)
        return directory

    @property
    def size(self) -> int:
        """How many stored spellings the current snapshot holds."""
        return len(self._current.by_variant)

    def find(self, spelling: str, key: str) -> MappedCompany | None:
        """The company mapped to `spelling`, else to the rules' advertiser `key`, else None."""
        current = self._current
        found = current.by_variant.get(_variant(spelling))
        if found is None and key:
            found = current.by_key.get(key)
        return found

    def refresh(self, *, force: bool = False) -> bool:
        """Re-read the mappings if `max_age_s` has passed (or `force`); True if they changed.

        Database errors propagate; the old mappings stay in use and the next check retries.
        """
        now = self._clock()
        if not force and now - self._checked < self.max_age_s:
            return False
        # Stamped before the query: a database that is down is not asked again at once.
        self._checked = now
        with self.engine.connect() as conn:
            rows = [tuple(row) for row in conn.execute(_rows_query())]
        # No updated_at columns to compare: the rows themselves are the version. Reading them is
        # cheap; building the indexes (a rules key per spelling) is what is skipped when equal.
        fingerprint = hash(tuple(rows))
        if fingerprint == self._current.fingerprint:
            return False
        self._current = _snapshot(rows, fingerprint)
        return True


_shared: weakref.WeakKeyDictionary[Engine, CompanyDirectory] = weakref.WeakKeyDictionary()
_shared_lock = threading.Lock()


def directory_for(engine: Engine) -> CompanyDirectory:
    """The engine's directory, checked against the database on every call.

    For one-off ingests (the admin API): each sees every mapping made before it, and the indexes
    are rebuilt only when the mappings changed.
    """
    with _shared_lock:
        directory = _shared.get(engine)
        if directory is None:
            directory = _shared[engine] = CompanyDirectory(engine, max_age_s=0.0)
    directory.refresh()
    return directory

"""Raw job records -> normalised -> de-duplicated -> stored; shared by crawls, `aeroscrap ingest`
and the admin API, so every path applies the same rules.

Duplicate decisions for a batch happen inside one transaction under the merge lock
(repository.lock_for_merge), so concurrent crawls of overlapping sources decide deterministically.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy import Engine, String

from aeroscrap import dedup
from aeroscrap.company_directory import CompanyDirectory, directory_for
from aeroscrap.db import repository
from aeroscrap.db.models import Job
from aeroscrap.normalize.company import CompanyLookup
from aeroscrap.normalize.record import NormalizedJob, normalize_job
from aeroscrap.normalize.search_words import index_text
from aeroscrap.pipelines.validate import InvalidJob, check_record
from aeroscrap.requirements import job_requirements

logger = logging.getLogger(__name__)

MAX_RAW_JSON_BYTES = 256 * 1024
# What people search by: title, company, location, the licences and aircraft types the advert
# asks for (wherever it names them), then the opening of the description. The index's write cost
# grows with the text indexed: a whole 2 kB description made inserts ~10x slower than no index,
# and 300 characters instead of 500 made job writes ~20% faster (bench/storage.py), so only this
# many characters of words (stop words dropped) are kept.
MAX_SEARCH_CHARS = 320
_REQUIREMENT_TERMS = ("licences", "preferred_licences", "type_ratings", "preferred_type_ratings")
_KEY_CACHE_SIZE = 200_000


@dataclass(frozen=True)
class Prepared:
    """A validated, normalised record with everything the store needs precomputed."""

    job: NormalizedJob
    features: dedup.DedupKey
    url_hash: str
    block_key: str
    base_key: str | None
    ref_key: str | None
    content_hash: str
    raw_json: dict[str, Any]
    features_json: dict[str, Any]
    requirements: dict[str, Any]
    search_text: str


@dataclass
class IngestResult:
    """What happened to one record."""

    job_id: int | None
    action: str  # inserted | updated | duplicate | dropped
    reason: str | None = None
    # True when the record joined another URL's job by fuzzy match (not by its own URL).
    merged: bool = False
    prepared: Prepared | None = field(default=None, repr=False)


def _json_default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, set | frozenset):
        return sorted(value)
    return str(value)


def _raw_json(record: Mapping[str, Any]) -> dict[str, Any]:
    """The record as scraped, kept under MAX_RAW_JSON_BYTES: long texts are cut, never the keys."""
    raw: dict[str, Any] = json.loads(json.dumps(dict(record), default=_json_default))
    if len(json.dumps(raw).encode()) > MAX_RAW_JSON_BYTES:
        # jobs.description already holds the (clamped) text; here only a head of each string.
        raw = {k: v[:10_000] if isinstance(v, str) else v for k, v in raw.items()}
        raw["raw_json_truncated"] = True
    return raw


# Longest text each jobs column holds. Derived values can outgrow them (a city read from a
# 300-character location), and PostgreSQL refuses a whole batch for one such value.
_TEXT_LIMITS = {
    column.name: column.type.length
    for column in Job.__table__.columns
    if isinstance(column.type, String) and column.type.length
}


def _clamped(row: dict[str, Any]) -> dict[str, Any]:
    for name, limit in _TEXT_LIMITS.items():
        value = row.get(name)
        if isinstance(value, str) and len(value) > limit:
            row[name] = value[:limit]
    return row


def _blocks(key: dedup.DedupKey) -> tuple[str, str | None]:
    """The indexed blocking keys of a job: advertiser + role head noun, and the agency reference
    key when the advert has one (a shared reference decides even when titles are reworded).
    Cut to their columns' lengths here, so that probes and stored keys agree."""
    keys = dedup.block_keys(key)
    ref = keys[1][: _TEXT_LIMITS["ref_key"]] if len(keys) > 1 else None
    return keys[0][: _TEXT_LIMITS["block_key"]], ref


def _stored_base(key: dedup.DedupKey) -> str | None:
    """jobs.base_key of a job: its dedup base, cut to the column's length."""
    base = dedup.base_key(key)
    return None if base is None else base[: _TEXT_LIMITS["base_key"]]


def dedup_columns(features: dedup.DedupKey) -> dict[str, Any]:
    """The jobs columns derived from a job's dedup key: what a store probes, and what
    `aeroscrap db rekey` rewrites when the rules change."""
    block, ref = _blocks(features)
    return {
        "block_key": block,
        "base_key": _stored_base(features),
        "ref_key": ref,
        "dedup_features": features.as_dict(),
    }


def _content_hash(job: NormalizedJob) -> str:
    parts = [
        job.title,
        job.company,
        job.location.raw,
        job.description,
        job.contract_type,
        job.salary_raw,
        job.status,
        job.apply_url,
        str(job.valid_through),
        # An estimated date is the crawl day: it must not make every re-crawl look like a change.
        "" if job.posted_estimated else str(job.posted_date),
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def requirement_terms(requirements: Mapping[str, Any] | None) -> str:
    """The licence and type-rating codes of job_requirements, as words for the index."""
    if not requirements:
        return ""
    return " ".join(code for key in _REQUIREMENT_TERMS for code in requirements.get(key) or ())


def search_text(*parts: str) -> str:
    """What the full-text index holds: the words of the parts, the last (the description) cut
    short."""
    *head, description = parts
    return index_text(head, description, MAX_SEARCH_CHARS)


def prepare(
    record: Mapping[str, Any], *, validate: bool = True, directory: CompanyLookup | None = None
) -> Prepared:
    """Validate and normalise one raw record; raises an InvalidJob subclass if it is not a job.

    `directory` holds the stored company mappings, applied before the rules (None: rules only).
    """
    if validate:
        check_record(dict(record))
    job = normalize_job(record, directory=directory)
    features = dedup.dedup_key(job)
    columns = dedup_columns(features)
    requirements = job_requirements(job.title, job.description)
    return Prepared(
        job=job,
        features=features,
        url_hash=repository.url_hash(job.canonical_url),
        block_key=columns["block_key"],
        base_key=columns["base_key"],
        ref_key=columns["ref_key"],
        content_hash=_content_hash(job),
        raw_json=_raw_json(record),
        features_json=columns["dedup_features"],
        requirements=requirements,
        search_text=search_text(
            job.title,
            job.company,
            job.advertiser.display_name,
            job.location.raw,
            requirement_terms(requirements),
            job.description,
        ),
    )


def display_url(raw: str, canonical: str) -> str:
    """The URL to show and follow: the canonical path and query (tracking parameters gone) on the
    scheme and host the site really uses; identity stays with the canonical URL's hash."""
    shown, real = urlsplit(canonical), urlsplit(raw)
    if not real.scheme or not real.netloc:
        return canonical
    return urlunsplit((real.scheme, real.netloc, shown.path, shown.query, ""))


def _job_row(p: Prepared, company_id: int | None, now: datetime) -> dict[str, Any]:
    job = p.job
    row = {
        "url": display_url(job.url, job.canonical_url),
        "url_hash": p.url_hash,
        "source": job.source,
        "source_job_id": job.source_job_id,
        "title": job.title,
        "normalized_title": job.normalized_title,
        "company": job.company or job.advertiser.display_name,
        "company_id": company_id,
        "location": job.location.raw or None,
        "city": job.city,
        "country_code": job.country_code,
        "operation_type": job.operation_type,
        "senior_flag": job.senior_flag,
        "contract_type": job.contract_type,
        "posted_date": job.posted_date,
        "posted_estimated": job.posted_estimated,
        "valid_through": job.valid_through,
        "salary_min": job.salary_min,
        "salary_max": job.salary_max,
        "salary_currency": job.salary_currency,
        "salary_period": job.salary_period,
        "apply_url": job.apply_url or None,
        "description": job.description or None,
        "description_truncated": job.description_truncated,
        "status": job.status,
        "requirements": p.requirements,
        "block_key": p.block_key,
        "base_key": p.base_key,
        "ref_key": p.ref_key,
        "dedup_features": p.features_json,
        "search_text": p.search_text,
        # jobs.description holds the advert (cleaned): storing it twice would double each row.
        "raw_json": {k: v for k, v in p.raw_json.items() if k != "description"},
        "content_hash": p.content_hash,
        "last_checked": now,
        "created_at": now,
        "updated_at": now,
    }
    return _clamped(row)


def _arrival(job_id: int) -> tuple[int, int]:
    # Stored jobs (ids > 0, oldest first) before this batch's new ones (-1, -2, ... in order).
    return (0, job_id) if job_id > 0 else (1, -job_id)


def _best_match(p: Prepared, buckets: Mapping[str, dedup.CandidateBucket]) -> int | None:
    """The stored (or earlier in-batch) job this record duplicates: best score, then the job
    that came first."""
    block = buckets.get(p.block_key)
    refs = buckets.get(p.ref_key) if p.ref_key else None
    candidates = itertools.chain(
        block.candidates(p.features) if block else (), refs.everything() if refs else ()
    )
    best: tuple[float, tuple[int, int], int] | None = None
    for job_id, other in candidates:
        result = dedup.match(p.features, other)
        if result.same:
            rank = (-result.score, _arrival(job_id), job_id)
            if best is None or rank < best:
                best = rank
    return best[2] if best else None


def block_probe(p: Prepared) -> repository.BlockProbe:
    """What the stored jobs `p` could duplicate are fetched by."""
    # Remote records match remote ones anywhere: no country or base filter for them.
    remote = p.features.remote
    return repository.BlockProbe(
        p.block_key,
        None if remote else p.job.country_code,
        p.ref_key,
        None if remote else p.base_key,
    )


class Ingestor:
    """Stores batches of prepared records; keeps company ids cached across batches.

    With a `directory`, each batch first re-checks the company mappings (at most every
    `directory.max_age_s`), so records prepared with it afterwards see the admin's edits.
    """

    def __init__(self, engine: Engine, *, directory: CompanyDirectory | None = None) -> None:
        self.engine = engine
        self.directory = directory
        self._company_ids: dict[str, int] = {}
        # Decoded dedup features of stored jobs: decoding JSON for every candidate of every
        # batch was the largest cost of storing into a big table.
        self._keys: dict[int, dedup.DedupKey] = {}

    def _candidates(self, conn: Any, batch: Sequence[Prepared]) -> dict[str, dedup.CandidateBucket]:
        """Stored jobs each record could duplicate, bucketed by blocking and reference key."""
        probes = [block_probe(p) for p in batch]
        dates = [p.job.posted_date for p in batch if p.job.posted_date]
        # An undated record can match a job of any date: then no date window at all.
        since = (
            min(dates) - timedelta(days=dedup.MAX_POSTED_GAP_DAYS)
            if len(dates) == len(batch)
            else None
        )
        rows = repository.candidates_by_block(conn, probes, since=since)
        missing = [row.id for row in rows if row.id not in self._keys]
        if len(self._keys) + len(missing) > _KEY_CACHE_SIZE:
            self._keys.clear()
        for job_id, data in repository.dedup_features(conn, missing).items():
            self._keys[job_id] = dedup.DedupKey.from_dict(data)
        buckets: dict[str, dedup.CandidateBucket] = defaultdict(dedup.CandidateBucket)
        for row in rows:
            for bucket in (row.block_key, row.ref_key):
                if bucket:
                    buckets[bucket].add(row.id, self._keys[row.id])
        return buckets

    def _company_ids_for(self, conn: Any, batch: Sequence[Prepared]) -> dict[str, int]:
        wanted = {
            p.job.advertiser.key: {
                "key": p.job.advertiser.key,
                "name": p.job.advertiser.display_name[:200],
                "operation_type": p.job.advertiser.operation_type,
                "country_code": p.job.advertiser.country_code,
                "is_agency": p.job.advertiser.is_agency,
                "curated": False,
            }
            for p in batch
            if p.job.advertiser.key and p.job.advertiser.key not in self._company_ids
        }
        if wanted:
            self._company_ids.update(repository.ensure_companies(conn, list(wanted.values())))
        return self._company_ids

    def store(
        self, batch: Sequence[Prepared], *, now: datetime | None = None
    ) -> list[IngestResult]:
        """Decide and write a batch in one transaction; results are in batch order."""
        now = now or datetime.now(UTC)
        results: list[IngestResult] = []
        if self.directory is not None:
            self.directory.refresh()
        with self.engine.begin() as conn:
            repository.lock_for_merge(conn)
            companies = self._company_ids_for(conn, batch)
            by_url = repository.job_ids_by_url_hash(conn, (p.url_hash for p in batch))
            by_sid = repository.job_ids_by_source_id(
                conn, ((p.job.source, p.job.source_job_id) for p in batch if p.job.source_job_id)
            )
            buckets = self._candidates(conn, batch)
            known = repository.job_keys(conn, set(by_url.values()) | set(by_sid.values()))

            new_rows: dict[int, dict[str, Any]] = {}  # temporary negative id -> row
            updates: dict[int, dict[str, Any]] = {}
            touched: set[int] = set()
            sources: list[tuple[int, Prepared]] = []
            for p in batch:
                job = p.job
                target = by_url.get(p.url_hash)
                if target is None and job.source_job_id:
                    target = by_sid.get((job.source, job.source_job_id))
                own_url = target is not None
                if target is None:
                    target = _best_match(p, buckets)
                if target is None:
                    target = -(len(new_rows) + 1)
                    new_rows[target] = _job_row(p, companies.get(job.advertiser.key), now)
                    known[target] = (p.url_hash, p.content_hash)
                    for bucket in (p.block_key, p.ref_key):
                        if bucket:
                            buckets[bucket].add(target, p.features)
                    results.append(IngestResult(target, "inserted", prepared=p))
                elif own_url and known.get(target, ("", ""))[0] == p.url_hash:
                    # A re-scrape of the job's own URL: the latest content wins, as an upsert would.
                    if known[target][1] != p.content_hash:
                        row = _job_row(p, companies.get(job.advertiser.key), now)
                        if target < 0:
                            new_rows[target] = row
                        else:
                            row["id"] = target
                            if job.posted_estimated:
                                # Keep the first estimate: the crawl day moves, the posting does not.
                                row.pop("posted_date")
                                row.pop("posted_estimated")
                            updates[target] = row
                        known[target] = (p.url_hash, p.content_hash)
                        results.append(IngestResult(target, "updated", prepared=p))
                    else:
                        touched.add(target)
                        results.append(IngestResult(target, "duplicate", prepared=p))
                else:
                    touched.add(target)
                    results.append(
                        IngestResult(target, "duplicate", merged=not own_url, prepared=p)
                    )
                by_url.setdefault(p.url_hash, target)
                sources.append((target, p))

            inserted = repository.upsert_jobs(conn, list(new_rows.values()))
            real = {tmp: inserted[row["url_hash"]] for tmp, row in new_rows.items()}
            repository.update_jobs(conn, list(updates.values()))
            repository.touch_jobs(conn, {t for t in touched if t > 0} - set(updates), now)
            repository.upsert_sources(
                conn,
                [
                    {
                        "job_id": real.get(jid, jid),
                        "source": p.job.source,
                        "source_job_id": p.job.source_job_id,
                        "url": display_url(p.job.url, p.job.canonical_url),
                        "url_hash": p.url_hash,
                        "first_seen": now,
                        "last_seen": now,
                    }
                    for jid, p in sources
                ],
            )
        for result in results:
            if result.job_id is not None and result.job_id < 0:
                result.job_id = real[result.job_id]
            if result.action in {"inserted", "updated"} and result.prepared and result.job_id:
                self._keys[result.job_id] = result.prepared.features
        return results


def ingest_records(engine: Engine, records: Sequence[Mapping[str, Any]]) -> list[IngestResult]:
    """Validate, normalise, de-duplicate and store records; invalid ones come back as dropped."""
    results: list[IngestResult | None] = [None] * len(records)
    ready: list[tuple[int, Prepared]] = []
    directory = directory_for(engine)
    for i, record in enumerate(records):
        try:
            ready.append((i, prepare(record, directory=directory)))
        except InvalidJob as exc:
            results[i] = IngestResult(None, "dropped", reason=str(exc))
    stored = Ingestor(engine).store([p for _, p in ready]) if ready else []
    for (i, _), result in zip(ready, stored, strict=True):
        results[i] = result
    return [r for r in results if r is not None]

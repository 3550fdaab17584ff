"""All SQL the pipeline writes with: batched, idempotent upserts that behave alike on both databases."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from psycopg.types.json import Json
from sqlalchemy import (
    JSON,
    ColumnElement,
    Connection,
    and_,
    bindparam,
    case,
    literal_column,
    or_,
    select,
    text,
    true,
    tuple_,
    union_all,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

from aeroscrap.db.models import Company, CompanyMapping, Job, JobSource, table_of

# Columns an upsert of a job rewrites; created_at and id are never touched after the insert.
# The first ones are what a job shows; INTERNAL_JOB_COLUMNS only serve dedup, search and audit.
JOB_CONTENT_COLUMNS = (
    "url",
    "source",
    "source_job_id",
    "title",
    "normalized_title",
    "company",
    "company_id",
    "location",
    "city",
    "country_code",
    "operation_type",
    "senior_flag",
    "contract_type",
    "posted_date",
    "posted_estimated",
    "valid_through",
    "salary_min",
    "salary_max",
    "salary_currency",
    "salary_period",
    "apply_url",
    "description",
    "description_truncated",
    "status",
    "requirements",
    "block_key",
    "base_key",
    "ref_key",
    "dedup_features",
    "search_text",
    "raw_json",
)
INTERNAL_JOB_COLUMNS = frozenset(
    {"block_key", "base_key", "ref_key", "dedup_features", "search_text", "raw_json"}
)
# An advisory-lock id for "merging into jobs": concurrent crawls decide duplicates one at a time.
_MERGE_LOCK_ID = 0x6A6F6273


def url_hash(canonical_url: str) -> str:
    """The unique key of a URL (sha256 hex): URLs themselves can exceed B-tree row limits."""
    return hashlib.sha256(canonical_url.encode("utf-8", "surrogatepass")).hexdigest()


def _insert(conn: Connection, table: Any) -> Any:
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    return dialect.insert(table)


def _last_per_key(rows: Iterable[Mapping[str, Any]], key: str) -> list[Mapping[str, Any]]:
    # One statement must not touch a row twice ("ON CONFLICT DO UPDATE command cannot affect row
    # a second time" on PostgreSQL); the last version of a key in a batch wins.
    return list({row[key]: row for row in rows}.values())


@dataclass(frozen=True)
class BlockProbe:
    """What a record's duplicate candidates are looked up by: `base` is its base city key (as in
    jobs.base_key), None when it names no city or is remote and so may match any base."""

    block_key: str
    country: str | None
    ref_key: str | None
    base: str | None


def lock_for_merge(conn: Connection) -> None:
    """Serialise duplicate decisions across processes for the current transaction.

    PostgreSQL takes a transaction-scoped advisory lock; SQLite writers already hold the
    database lock from BEGIN IMMEDIATE (see aeroscrap.db.session).
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _MERGE_LOCK_ID})


# What upsert_jobs writes of a job, in its staging table's column order.
_UPSERT_COLUMNS = (
    "url_hash",
    *JOB_CONTENT_COLUMNS,
    "content_hash",
    "last_checked",
    "created_at",
    "updated_at",
)
# COPY needs JSON values wrapped; which columns those are is the model's to say.
_JSON_COLUMNS = frozenset(c.name for c in table_of(Job).c if isinstance(c.type, JSON))
_STAGE = "jobs_upsert_stage"


def upsert_jobs(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    """Insert or update jobs keyed on url_hash; returns {url_hash: job id}.

    `updated_at` moves only when `content_hash` changed; `last_checked` always moves.
    """
    batch = _last_per_key(rows, "url_hash")
    if not batch:
        return {}
    table = table_of(Job)
    stmt: Any
    if conn.dialect.name == "postgresql":
        # Like an executemany, the first row's keys say which columns are written; the others
        # keep their defaults.
        columns = [c for c in _UPSERT_COLUMNS if c in batch[0]]
        _copy_to_stage(conn, batch, columns)
        stage: Any = select(*(literal_column(c) for c in columns)).select_from(text(_STAGE))
        stmt = postgresql.insert(table).from_select(columns, stage)
    else:
        stmt = sqlite.insert(table)
    excluded = stmt.excluded
    changed = table.c.content_hash != excluded.content_hash
    set_: dict[str, Any] = {name: excluded[name] for name in JOB_CONTENT_COLUMNS}
    set_["content_hash"] = excluded.content_hash
    set_["last_checked"] = excluded.last_checked
    set_["updated_at"] = case((changed, excluded.updated_at), else_=table.c.updated_at)
    stmt = stmt.on_conflict_do_update(index_elements=[table.c.url_hash], set_=set_)
    if conn.dialect.name == "postgresql":
        # The staged INSERT ... SELECT is one statement, so it can return the ids itself.
        returned = conn.execute(stmt.returning(table.c.url_hash, table.c.id))
        return {row.url_hash: row.id for row in returned}
    # No RETURNING here: with it SQLAlchemy renders one INSERT with every row's placeholders,
    # which is re-parsed per batch; an executemany and one indexed SELECT of the ids is cheaper.
    conn.execute(stmt, batch)
    hashes = [row["url_hash"] for row in batch]
    found = conn.execute(select(table.c.url_hash, table.c.id).where(table.c.url_hash.in_(hashes)))
    return {row.url_hash: row.id for row in found}


def _copy_to_stage(
    conn: Connection, batch: Sequence[Mapping[str, Any]], columns: Sequence[str]
) -> None:
    """COPY the batch into a per-session temporary staging table, emptied first (a transaction
    may upsert several batches).

    One COPY and one INSERT ... SELECT ... ON CONFLICT cost the client a fraction of an
    executemany of ~40 bound parameters per row (bench/storage.py).
    """
    driver = conn.connection.driver_connection
    assert driver is not None
    with driver.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMPORARY TABLE IF NOT EXISTS {_STAGE} AS "
            f"SELECT {', '.join(_UPSERT_COLUMNS)} FROM jobs WITH NO DATA"
        )
        cursor.execute(f"TRUNCATE {_STAGE}")
        with cursor.copy(f"COPY {_STAGE} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in batch:
                copy.write_row(
                    [
                        Json(row[c]) if c in _JSON_COLUMNS and row[c] is not None else row[c]
                        for c in columns
                    ]
                )


def update_jobs(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    """Update existing jobs by id; `updated_at` moves only when `content_hash` changed."""
    groups: dict[tuple[str, ...], list[Mapping[str, Any]]] = {}
    for row in _last_per_key(rows, "id"):
        groups.setdefault(tuple(sorted(row)), []).append(row)
    table = table_of(Job)
    # executemany needs one column set per statement, hence one statement per shape of row.
    for columns, group in groups.items():
        values: dict[str, Any] = {
            c: bindparam(f"v_{c}")
            for c in columns
            if c not in {"id", "url", "url_hash", "created_at"}
        }
        if "content_hash" in values and "updated_at" in values:
            values["updated_at"] = case(
                (table.c.content_hash != bindparam("v_content_hash"), bindparam("v_updated_at")),
                else_=table.c.updated_at,
            )
        stmt = update(table).where(table.c.id == bindparam("v_id")).values(values)
        conn.execute(stmt, [{f"v_{k}": v for k, v in row.items()} for row in group])


def job_keys(conn: Connection, job_ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """{job id: (url_hash of its primary URL, content_hash)}."""
    ids = [i for i in set(job_ids) if i > 0]
    if not ids:
        return {}
    table = table_of(Job)
    rows = conn.execute(
        select(table.c.id, table.c.url_hash, table.c.content_hash).where(table.c.id.in_(ids))
    )
    return {row.id: (row.url_hash, row.content_hash) for row in rows}


def touch_jobs(conn: Connection, job_ids: Iterable[int], when: datetime) -> None:
    """Move last_checked of jobs seen again unchanged."""
    ids = sorted(set(job_ids))
    if ids:
        table = table_of(Job)
        conn.execute(update(table).where(table.c.id.in_(ids)).values(last_checked=when))


def upsert_sources(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    """Record sightings keyed on url_hash: first_seen kept, last_seen moved, job_id re-pointed."""
    batch = _last_per_key(rows, "url_hash")
    if not batch:
        return
    table = table_of(JobSource)
    stmt = _insert(conn, table)
    stmt = stmt.on_conflict_do_update(
        index_elements=[table.c.url_hash],
        set_={"last_seen": stmt.excluded.last_seen, "job_id": stmt.excluded.job_id},
    )
    conn.execute(stmt, batch)


def job_ids_by_url_hash(conn: Connection, hashes: Iterable[str]) -> dict[str, int]:
    """{url_hash: job id} for URLs already seen (any source)."""
    keys = list(set(hashes))
    if not keys:
        return {}
    table = table_of(JobSource)
    rows = conn.execute(select(table.c.url_hash, table.c.job_id).where(table.c.url_hash.in_(keys)))
    return {row.url_hash: row.job_id for row in rows}


def job_ids_by_source_id(
    conn: Connection, pairs: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], int]:
    """{(source, source_job_id): job id} for site job ids already seen."""
    wanted = set(pairs)
    if not wanted:
        return {}
    table = table_of(JobSource)
    rows = conn.execute(
        select(table.c.source, table.c.source_job_id, table.c.job_id).where(
            table.c.source_job_id.in_({sid for _, sid in wanted})
        )
    )
    return {
        (row.source, row.source_job_id): row.job_id
        for row in rows
        if (row.source, row.source_job_id) in wanted
    }


def _in_blocks(table: Any, probes: Sequence[BlockProbe]) -> Any:
    """Rows of the probes' blocks in a compatible country: the same country, or no country on
    either side, exactly as the matcher's base rule."""
    anywhere = {p.block_key for p in probes if p.country is None}
    pairs = {(p.block_key, p.country) for p in probes if p.country is not None}
    blocks = {p.block_key for p in probes}
    by_country = or_(
        table.c.block_key.in_(anywhere),
        tuple_(table.c.block_key, table.c.country_code).in_(pairs),
        and_(table.c.block_key.in_(blocks), table.c.country_code.is_(None)),
    )
    # The blocks stated on their own too are what SQLite looks the index up by: for the OR alone
    # it scans the table.
    return and_(table.c.block_key.in_(blocks), by_country)


def candidates_by_block(
    conn: Connection, probes: Iterable[BlockProbe], *, since: date | None = None
) -> list[Any]:
    """Stored jobs that could duplicate a batch's records: same blocking key and a compatible
    base, or same agency-reference key; blocks are read posted since `since` or undated.

    A record with a base city meets its block's jobs of that base (any country: the matcher
    compares equal cities only) and those with no base in a compatible country; a record with
    none (no city, or remote) meets its whole block in a compatible country. Agency references
    decide both ways, so a block whose records all carry one is read only for the jobs without
    (an equal reference is found by the reference lookup). The filters only drop rows the
    matcher would reject, so results never change, and a popular block costs a batch the rows
    of its records' bases rather than all of its rows.
    """
    probes = list(probes)
    if not probes:
        return []
    table = table_of(Job)
    columns = (table.c.id, table.c.block_key, table.c.ref_key)
    recent = or_(table.c.posted_date.is_(None), table.c.posted_date >= since) if since else true()
    open_blocks = {p.block_key for p in probes if not p.ref_key}
    unreferenced = and_(recent, table.c.ref_key.is_(None))
    # A few lookups of ix_jobs_block_key_base_key and ix_jobs_ref_key, rather than one OR the
    # planner might turn into a scan.
    selects = [
        select(*columns).where(where)
        for where in (
            *_block_conditions(conn, [p for p in probes if p.block_key in open_blocks], recent),
            *_block_conditions(
                conn, [p for p in probes if p.block_key not in open_blocks], unreferenced
            ),
        )
    ]
    refs = {p.ref_key for p in probes if p.ref_key}
    if refs:
        selects.append(select(*columns).where(table.c.ref_key.in_(refs)))
    stmt = union_all(*selects).order_by("id")
    # UNION ALL (json has no equality operator on PostgreSQL); a job found twice is kept once.
    return list({row.id: row for row in conn.execute(stmt)}.values())


def _block_conditions(
    conn: Connection, probes: Sequence[BlockProbe], also: ColumnElement[bool]
) -> list[ColumnElement[bool]]:
    """WHERE clauses (each with `also`) reading the rows of the probes' blocks they could match."""
    table = table_of(Job)
    unbased = [p for p in probes if p.base is None]
    whole = {p.block_key for p in unbased if p.country is None}
    # A block read whole for one record needs no narrower reads for the others.
    based = [p for p in probes if p.base is not None and p.block_key not in whole]
    found: list[ColumnElement[bool]] = []
    if unbased:
        found.append(and_(_in_blocks(table, unbased), also))
    if based:
        same_base: Any = tuple_(table.c.block_key, table.c.base_key).in_(
            {(p.block_key, p.base) for p in based}
        )
        if conn.dialect.name == "sqlite":
            # SQLite scans for a list of pairs alone; PostgreSQL looks each pair up, but given
            # the blocks too it reads them whole.
            same_base = and_(table.c.block_key.in_({p.block_key for p in based}), same_base)
        found.append(and_(same_base, also))
        found.append(and_(table.c.base_key.is_(None), _in_blocks(table, based), also))
    return found


def dedup_features(conn: Connection, job_ids: Sequence[int]) -> dict[int, Any]:
    """{job id: stored dedup features (JSON)} for the given jobs."""
    if not job_ids:
        return {}
    table = table_of(Job)
    rows = conn.execute(
        select(table.c.id, table.c.dedup_features).where(table.c.id.in_(list(job_ids)))
    )
    return {row.id: row.dedup_features for row in rows}


def upsert_companies(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    """Insert or refresh companies keyed on `key`; returns {key: id}."""
    batch = _last_per_key(rows, "key")
    if not batch:
        return {}
    table = table_of(Company)
    stmt = _insert(conn, table)
    columns = [c for c in batch[0] if c != "key"]
    stmt = stmt.on_conflict_do_update(
        index_elements=[table.c.key], set_={c: stmt.excluded[c] for c in columns}
    )
    conn.execute(stmt, batch)
    keys = [row["key"] for row in batch]
    found = conn.execute(select(table.c.key, table.c.id).where(table.c.key.in_(keys)))
    return {row.key: row.id for row in found}


def ensure_companies(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    """Ids of companies by key, inserting the unknown ones (never overwriting curated data)."""
    batch = _last_per_key(rows, "key")
    if not batch:
        return {}
    table = table_of(Company)
    keys = [row["key"] for row in batch]
    found = {
        row.key: row.id
        for row in conn.execute(select(table.c.key, table.c.id).where(table.c.key.in_(keys)))
    }
    missing = [row for row in batch if row["key"] not in found]
    if missing:
        conn.execute(
            _insert(conn, table).on_conflict_do_nothing(index_elements=[table.c.key]), missing
        )
        found.update(
            (row.key, row.id)
            for row in conn.execute(
                select(table.c.key, table.c.id).where(table.c.key.in_([r["key"] for r in missing]))
            )
        )
    return found


def upsert_mappings(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    """Point name variants at companies (variant is unique)."""
    batch = _last_per_key(rows, "variant")
    if not batch:
        return
    table = table_of(CompanyMapping)
    stmt = _insert(conn, table)
    stmt = stmt.on_conflict_do_update(
        index_elements=[table.c.variant], set_={"company_id": stmt.excluded.company_id}
    )
    conn.execute(stmt, batch)

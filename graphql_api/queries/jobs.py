"""Job filters, orderings, keyset pagination and capped counts: one SQL builder for every job list."""

from __future__ import annotations

import base64
import binascii
import functools
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal, NamedTuple

from sqlalchemy import (
    JSON,
    BindParameter,
    ColumnElement,
    Connection,
    Row,
    Select,
    bindparam,
    func,
    select,
    tuple_,
    type_coerce,
)

from aeroscrap.db.models import Company, Job, JobSource
from aeroscrap.db.repository import INTERNAL_JOB_COLUMNS, JOB_CONTENT_COLUMNS, url_hash
from aeroscrap.normalize.url import canonical_url
from graphql_api.queries.search import (
    match_condition,
    match_on,
    query_text,
    ranked_window,
    search_terms,
)

Order = Literal["posted", "created", "updated", "relevance"]
# Counts stop here so that a count never scans a whole large table on a hot path.
COUNT_CAP = 10_000

_jobs = Job.__table__
# Everything a job type or an export shows; the bulky internal columns (raw_json, dedup features,
# search_text) stay in the database.
JOB_COLUMNS = tuple(
    _jobs.c[name]
    for name in (
        "id",
        *(c for c in JOB_CONTENT_COLUMNS if c not in INTERNAL_JOB_COLUMNS),
        "last_checked",
        "created_at",
        "updated_at",
    )
)

# Columns a page may leave out when nothing shows them: the advert (TOAST-compressed on
# PostgreSQL, so every row read decompresses it) and the requirements JSON (decoded per row).
OPTIONAL_JOB_COLUMNS = frozenset({"description", "requirements"})

_companies = Company.__table__
# A page whose jobs' companies are selected reads them in the same statement (LEFT JOIN), under
# these labels: one statement fewer per page than a separate lookup by id.
COMPANY_PREFIX = "co_"
COMPANY_COLUMNS = tuple(c.label(COMPANY_PREFIX + c.name) for c in _companies.c)
_COMPANY_JOIN = _jobs.outerjoin(_companies, _companies.c.id == _jobs.c.company_id)


class BadArgument(ValueError):
    """Raised when a filter, cursor or page argument is invalid; the message names the value."""


@dataclass(frozen=True)
class JobSpec:
    """Which jobs: the filters shared by the `jobs` query, analytics and the exports."""

    company_id: int | None = None
    company: str | None = None
    country_code: str | None = None
    operation_type: str | None = None
    source: str | None = None
    status: str | None = None
    senior: bool | None = None
    posted_from: date | None = None
    posted_to: date | None = None
    created_since: datetime | None = None
    created_before: datetime | None = None
    updated_since: datetime | None = None
    contract_type: str | None = None
    salary_min: float | None = None
    salary_max: float | None = None
    salary_currency: str | None = None
    search: str | None = None
    ids: tuple[int, ...] | None = field(default=None)

    def __post_init__(self) -> None:
        if self.country_code is not None and (
            len(self.country_code) != 2 or not self.country_code.isalpha()
        ):
            raise BadArgument(f"countryCode must be 2 letters, got {self.country_code!r}")
        if self.posted_from and self.posted_to and self.posted_from > self.posted_to:
            raise BadArgument("postedFrom must not be after postedTo")
        if (
            self.salary_min is not None
            and self.salary_max is not None
            and self.salary_min > self.salary_max
        ):
            raise BadArgument("salaryMin must not exceed salaryMax")

    @property
    def terms(self) -> list[str]:
        return search_terms(self.search)


# Each filter of a JobSpec as a condition on its bound parameter (named after the filter). A
# salary filter keeps the jobs whose advertised range overlaps the requested one.
_FILTERS: dict[str, Callable[[Any], ColumnElement[bool]]] = {
    "company_id": lambda v: _jobs.c.company_id == v,
    "company": lambda v: _jobs.c.company == v,
    "country_code": lambda v: _jobs.c.country_code == v,
    "operation_type": lambda v: _jobs.c.operation_type == v,
    "source": lambda v: _jobs.c.source == v,
    "status": lambda v: _jobs.c.status == v,
    "contract_type": lambda v: _jobs.c.contract_type == v,
    "salary_currency": lambda v: _jobs.c.salary_currency == v,
    "senior": lambda v: _jobs.c.senior_flag == v,
    "posted_from": lambda v: _jobs.c.posted_date >= v,
    "posted_to": lambda v: _jobs.c.posted_date <= v,
    "created_since": lambda v: _jobs.c.created_at >= v,
    "created_before": lambda v: _jobs.c.created_at < v,
    "updated_since": lambda v: _jobs.c.updated_at >= v,
    "salary_min": lambda v: func.coalesce(_jobs.c.salary_max, _jobs.c.salary_min) >= v,
    "salary_max": lambda v: func.coalesce(_jobs.c.salary_min, _jobs.c.salary_max) <= v,
    "ids": lambda v: _jobs.c.id.in_(v),
}
_SEARCH = "search"


def _filter_values(spec: JobSpec) -> dict[str, Any]:
    """{filter: value} of the filters a spec sets (not its search), as their parameters take them."""
    values = {name: getattr(spec, name) for name in _FILTERS}
    for name in ("country_code", "salary_currency"):
        if values[name]:
            values[name] = values[name].upper()
    if values["ids"] is not None:
        values["ids"] = list(values["ids"])
    return {name: value for name, value in values.items() if value is not None}


def _param(name: str, value: Any = None) -> BindParameter[Any]:
    # Without a value the parameter is required: a statement template takes it at execution.
    return bindparam(name, value, required=value is None, expanding=name == "ids")


def conditions(
    conn: Connection, spec: JobSpec, *, with_search: bool = True
) -> list[ColumnElement[bool]]:
    """WHERE conditions for a spec; every value is a bound parameter, never SQL text."""
    out = [_FILTERS[name](_param(name, value)) for name, value in _filter_values(spec).items()]
    if with_search and spec.search is not None:
        out.append(match_condition(conn, spec.terms))
    return out


@functools.lru_cache(maxsize=256)
def _template_conditions(
    dialect: str, filters: tuple[str, ...], search: bool
) -> tuple[ColumnElement[bool], ...]:
    """The conditions of specs setting `filters` (and a search), on parameters without values."""
    found = [_FILTERS[name](_param(name)) for name in filters]
    if search:
        found.append(match_on(dialect, _SEARCH))
    return tuple(found)


class _Query(NamedTuple):
    """A spec as a statement template sees it: which filters it sets, and their parameters."""

    dialect: str
    filters: tuple[str, ...]
    search: bool
    params: dict[str, Any]

    @classmethod
    def of(cls, conn: Connection, spec: JobSpec) -> _Query:
        dialect = conn.dialect.name
        params = _filter_values(spec)
        filters = tuple(params)
        search = spec.search is not None
        if search:
            params[_SEARCH] = query_text(dialect, spec.terms)
        return cls(dialect, filters, search, params)

    @property
    def shape(self) -> tuple[str, tuple[str, ...], bool]:
        """What a statement template is built for (its values come as parameters)."""
        return self.dialect, self.filters, self.search


@dataclass(frozen=True)
class Cursor:
    """A position in one ordering: (phase, sort key, id) or an offset for relevance."""

    order: Order
    phase: str
    key: str
    id: int

    def encode(self) -> str:
        raw = f"{self.order}|{self.phase}|{self.key}|{self.id}"
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, value: str, order: Order) -> Cursor:
        try:
            raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
            got, phase, key, ident = raw.split("|")
            cursor = cls(got, phase, key, int(ident))  # type: ignore[arg-type]
        except (binascii.Error, UnicodeDecodeError, ValueError):
            raise BadArgument(f"invalid cursor {value[:40]!r}") from None
        if got != order or phase not in {"v", "n", "o"}:
            raise BadArgument(f"cursor {value[:40]!r} belongs to another ordering")
        return cursor


@dataclass
class JobPage:
    """One page of job rows and what the connection needs to say about it."""

    rows: list[Row[Any]]
    cursors: list[str]
    has_next: bool


_SORT_COLUMN = {"posted": _jobs.c.posted_date, "created": _jobs.c.created_at}
_SORT_COLUMN["updated"] = _jobs.c.updated_at


def _key_text(value: date | datetime | None) -> str:
    return "" if value is None else value.isoformat()


def _key_value(order: Order, key: str) -> date | datetime:
    try:
        return date.fromisoformat(key) if order == "posted" else datetime.fromisoformat(key)
    except ValueError:
        raise BadArgument("invalid cursor") from None


def fetch_page(
    conn: Connection,
    spec: JobSpec,
    *,
    order: Order,
    first: int,
    after: str | None = None,
    offset: int = 0,
    with_company: bool = False,
    with_sightings: bool = False,
    without: frozenset[str] = frozenset(),
) -> JobPage:
    """A page of jobs, newest first: keyset on (sort key, id), so deep pages cost what page 1 costs.

    Jobs without a posting date come after all dated ones (both databases sort NULLs differently,
    so the two groups are read as two index-ordered phases). `with_company` adds each job's
    company as COMPANY_COLUMNS (all None when the job has none), `with_sightings` its sightings
    (read them with sightings_of): the page and what it shows in one statement. `without` names
    OPTIONAL_JOB_COLUMNS the caller will not read.

    Statements are templates built once per shape (which filters, which phase, which relations)
    and executed with the values as parameters: building and keying a statement of this size
    cost more CPU than running it.
    """
    if order == "relevance" and spec.search is None:
        order = "posted"
    cursor = Cursor.decode(after, order) if after else None
    if not without <= OPTIONAL_JOB_COLUMNS:
        raise ValueError(f"only {sorted(OPTIONAL_JOB_COLUMNS)} may be left out")
    if spec.search is not None and not spec.terms:
        return JobPage([], [], False)  # only stop words or punctuation: nothing matches
    query = _Query.of(conn, spec)
    shown = (with_company, with_sightings, without)
    if order == "relevance":
        return _relevance_page(conn, query, shown, first, cursor, offset)
    column = _SORT_COLUMN[order]
    want = first + 1
    rows: list[Row[Any]] = []
    phases: list[str] = []
    if cursor is None or cursor.phase == "v":
        after_key = cursor is not None
        params = {**query.params, "offset": offset, "limit": want}
        if cursor is not None:
            params |= {"after_key": _key_value(order, cursor.key), "after_id": cursor.id}
        stmt = _page_template(*query.shape, order, "v", after_key, shown)
        got = list(conn.execute(stmt, params).all())
        rows += got
        phases += ["v"] * len(got)
        if order == "posted" and not got and offset:
            # The offset ran past the dated jobs: carry what is left of it into the undated ones.
            where = _phase_conditions(*query.shape, order, "v", after_key)
            offset = max(offset - _count(conn, select(_jobs.c.id).where(*where), params), 0)
        elif got:
            offset = 0
    if order == "posted" and len(rows) < want:
        params = {**query.params, "offset": offset, "limit": want - len(rows)}
        if cursor is not None and cursor.phase == "n":
            params["after_id"] = cursor.id
        stmt = _page_template(*query.shape, order, "n", "after_id" in params, shown)
        got = list(conn.execute(stmt, params).all())
        rows += got
        phases += ["n"] * len(got)
    has_next = len(rows) > first
    rows, phases = rows[:first], phases[:first]
    cursors = [
        Cursor(order, phase, _key_text(row._mapping[column.name]), row.id).encode()
        for row, phase in zip(rows, phases, strict=True)
    ]
    return JobPage(rows, cursors, has_next)


# What a page shows besides the job: (with_company, with_sightings, without).
_Shown = tuple[bool, bool, frozenset[str]]


@functools.lru_cache(maxsize=512)
def _phase_conditions(
    dialect: str, filters: tuple[str, ...], search: bool, order: Order, phase: str, after: bool
) -> tuple[ColumnElement[bool], ...]:
    """The conditions of one phase: dated ("v") or undated ("n") jobs, after a cursor's
    (after_key, after_id) when `after`."""
    column = _SORT_COLUMN[order]
    where = list(_template_conditions(dialect, filters, search))
    if phase == "v":
        if order == "posted":
            where.append(column.is_not(None))
        if after:
            key = bindparam("after_key", type_=column.type)
            where.append(tuple_(column, _jobs.c.id) < tuple_(key, bindparam("after_id")))
    else:
        where.append(column.is_(None))
        if after:
            where.append(_jobs.c.id < bindparam("after_id"))
    return tuple(where)


@functools.lru_cache(maxsize=512)
def _page_template(
    dialect: str,
    filters: tuple[str, ...],
    search: bool,
    order: Order,
    phase: str,
    after: bool,
    shown: _Shown,
) -> Select[Any]:
    column = _SORT_COLUMN[order]
    ordering = (column.desc(), _jobs.c.id.desc()) if phase == "v" else (_jobs.c.id.desc(),)
    return (
        _select_list(dialect, *shown)
        .where(*_phase_conditions(dialect, filters, search, order, phase, after))
        .order_by(*ordering)
        .offset(bindparam("offset"))
        .limit(bindparam("limit"))
    )


class Sighting(NamedTuple):
    """One job_sources row, as a with_sightings page carries it."""

    id: int
    source: str
    source_job_id: str | None
    url: str
    first_seen: datetime
    last_seen: datetime


def _sightings_column(dialect: str) -> ColumnElement[Any]:
    # One JSON array of Sighting-ordered arrays per job (unordered: sightings_of sorts them).
    sources = JobSource.__table__
    fields = [sources.c[name] for name in Sighting._fields]
    if dialect == "postgresql":
        aggregate = func.json_agg(func.json_build_array(*fields))
    else:
        aggregate = func.json_group_array(func.json_array(*fields))
    found = select(aggregate).where(sources.c.job_id == _jobs.c.id).scalar_subquery()
    # JSON: SQLite hands back text, which the type decodes; psycopg decodes json itself.
    return type_coerce(found, JSON).label("sightings")


@functools.cache
def _select_list(
    dialect: str, with_company: bool, with_sightings: bool, without: frozenset[str]
) -> Select[Any]:
    # Built once per combination: coercing ~40 columns into a new select was a fifth of a
    # page's statement-building CPU. Selects are immutable; every .where() makes a new one.
    stmt = select(*(c for c in JOB_COLUMNS if c.name not in without))
    if with_company:
        stmt = stmt.add_columns(*COMPANY_COLUMNS).select_from(_COMPANY_JOIN)
    if with_sightings:
        stmt = stmt.add_columns(_sightings_column(dialect))
    return stmt


def sightings_of(row: Row[Any]) -> list[Sighting]:
    """The sightings a with_sightings page row carries, oldest first (as sources_by_job_ids)."""
    # JSON has no timestamps: both databases write them as ISO 8601 text (naive UTC in SQLite).
    parse = datetime.fromisoformat
    found = [
        Sighting(ident, source, source_job_id, url, parse(first), parse(last))
        for ident, source, source_job_id, url, first, last in row.sightings or ()
    ]
    found.sort(key=lambda s: (s.first_seen, s.id))
    return found


def _relevance_page(
    conn: Connection,
    query: _Query,
    shown: _Shown,
    first: int,
    cursor: Cursor | None,
    offset: int,
) -> JobPage:
    # Ranks tie and move as jobs arrive, so relevance pages by position inside the ranked window.
    start = (cursor.id if cursor else 0) + offset
    params = {**query.params, "offset": start, "limit": first + 1}
    stmt = _relevance_template(query.dialect, query.filters, shown)
    rows = list(conn.execute(stmt, params).all())
    has_next = len(rows) > first
    rows = rows[:first]
    cursors = [Cursor("relevance", "o", "", start + i + 1).encode() for i in range(len(rows))]
    return JobPage(rows, cursors, has_next)


@functools.lru_cache(maxsize=256)
def _relevance_template(dialect: str, filters: tuple[str, ...], shown: _Shown) -> Select[Any]:
    conditions = _template_conditions(dialect, filters, False)
    window = ranked_window(dialect, _SEARCH, conditions).subquery("ranked")
    # Pick the page's ids first: joining the window to the full select would build the company
    # and sightings of every job in the window before the sort keeps first + 1 of them.
    page_ids = (
        select(window.c.id, window.c.rank)
        .order_by(window.c.rank.desc(), window.c.id.desc())
        .offset(bindparam("offset"))
        .limit(bindparam("limit"))
        .subquery("page_ids")
    )
    return (
        _select_list(dialect, *shown)
        .join(page_ids, page_ids.c.id == _jobs.c.id)
        .order_by(page_ids.c.rank.desc(), _jobs.c.id.desc())
    )


def _count(conn: Connection, stmt: Select[Any], params: dict[str, Any] | None = None) -> int:
    capped = stmt.with_only_columns(_jobs.c.id).order_by(None).limit(COUNT_CAP + 1).subquery()
    return int(conn.execute(select(func.count()).select_from(capped), params).scalar_one())


def count_jobs(conn: Connection, spec: JobSpec) -> int:
    """Matching jobs, counted up to COUNT_CAP + 1 (so callers can tell 'more than the cap')."""
    return _count(conn, select(_jobs.c.id).where(*conditions(conn, spec)))


def jobs_by_ids(conn: Connection, ids: Sequence[int]) -> dict[int, Row[Any]]:
    """{id: row} for the given job ids (missing ids are absent)."""
    if not ids:
        return {}
    rows = conn.execute(select(*JOB_COLUMNS).where(_jobs.c.id.in_(sorted(set(ids)))))
    return {row.id: row for row in rows}


def sources_by_job_ids(conn: Connection, job_ids: Sequence[int]) -> dict[int, list[Row[Any]]]:
    """{job id: sightings, oldest first}."""
    sources = JobSource.__table__
    found: dict[int, list[Row[Any]]] = defaultdict(list)
    stmt = (
        select(sources)
        .where(sources.c.job_id.in_(sorted(set(job_ids))))
        .order_by(sources.c.first_seen, sources.c.id)
    )
    for row in conn.execute(stmt):
        found[row.job_id].append(row)
    return found


def job_by_url(conn: Connection, url: str) -> Row[Any] | None:
    """The job first seen at `url`, or the job a merged duplicate URL points at."""
    # Jobs are keyed on the canonical URL; a pasted URL may still carry tracking parameters.
    digests = list(dict.fromkeys(url_hash(u) for u in (url, canonical_url(url)) if u))
    sources = JobSource.__table__
    sighting = select(sources.c.job_id).where(sources.c.url_hash.in_(digests))
    stmt = select(*JOB_COLUMNS).where(_jobs.c.url_hash.in_(digests) | _jobs.c.id.in_(sighting))
    return conn.execute(stmt.limit(1)).first()

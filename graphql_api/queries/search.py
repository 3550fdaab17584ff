"""Full-text search terms and conditions for both databases (PostgreSQL tsvector, SQLite FTS5)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Connection,
    Select,
    bindparam,
    false,
    func,
    literal_column,
    select,
    text,
)

from aeroscrap.db.models import Job

# The one tokenisation: jobs.search_text is written with it, so queries must use it too.
from aeroscrap.normalize.search_words import words

# Ranking every match of a very common term costs 350-500 ms on 100k rows (PERFORMANCE.md), so
# relevance is computed over the newest RANK_WINDOW matches only.
RANK_WINDOW = 200
MAX_TERMS = 12

_jobs = Job.__table__


def search_terms(query: str | None) -> list[str]:
    """Folded words of a user query, stop words dropped as the index drops them; every word must
    match (AND). Operators are never parsed."""
    if not query:
        return []
    return list(dict.fromkeys(words(query)))[:MAX_TERMS]


def query_text(dialect: str, terms: list[str]) -> str:
    """The terms as the database's full-text query string, every term a quoted literal: user text
    never becomes an operator (tsquery) or FTS5 syntax."""
    if dialect == "postgresql":
        return " & ".join("'" + t.replace("\\", "\\\\").replace("'", "''") + "'" for t in terms)
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


def _param(key: str, value: str | None, unique: bool) -> BindParameter[str]:
    # Without a value the parameter is required: a statement template takes it at execution.
    return bindparam(key, value, unique=unique, required=value is None)


def _tsquery(query: BindParameter[str]) -> Any:
    return func.to_tsquery(literal_column("'simple'"), query)


def match_on(
    dialect: str, key: str, value: str | None = None, *, unique: bool = False
) -> ColumnElement[bool]:
    """A WHERE condition on jobs: the full-text index matches the query_text bound as `key`."""
    query = _param(key, value, unique)
    if dialect == "postgresql":
        return literal_column("jobs.search_vector").op("@@")(_tsquery(query))
    fts = text(f"SELECT rowid FROM jobs_fts WHERE jobs_fts MATCH :{key}").bindparams(query)
    return _jobs.c.id.in_(fts)


def match_condition(conn: Connection, terms: list[str]) -> ColumnElement[bool]:
    """A WHERE condition on jobs: every term is in the full-text index. No terms (a query of
    only stop words or punctuation) match nothing rather than everything."""
    if not terms:
        return false()
    dialect = conn.dialect.name
    # unique: one statement may hold several MATCH clauses (similar jobs of a whole page).
    return match_on(dialect, "fts_q", query_text(dialect, terms), unique=True)


def ranked_window(dialect: str, key: str, conditions: Sequence[ColumnElement[bool]]) -> Select[Any]:
    """(id, rank) of the newest RANK_WINDOW matches of the query_text a statement template takes
    as `key`; a higher rank is a better match."""
    if dialect == "postgresql":
        # Rank only the window: PostgreSQL computes the select list before a top-N sort, so
        # ranking inside the limited query scored every match of a common term.
        newest = (
            select(_jobs.c.id)
            .where(match_on(dialect, key), *conditions)
            .order_by(_jobs.c.id.desc())
            .limit(RANK_WINDOW)
            .subquery("newest")
        )
        rank = func.ts_rank(
            literal_column("jobs.search_vector"), _tsquery(_param(key, None, False))
        )
        return select(newest.c.id.label("id"), rank.label("rank")).join(
            _jobs, _jobs.c.id == newest.c.id
        )
    # bm25() exists only inside the FTS query; lower is better, so it is negated.
    fts = (
        text(
            f"SELECT rowid AS id, -bm25(jobs_fts) AS rank FROM jobs_fts WHERE jobs_fts MATCH :{key}"
        )
        .bindparams(_param(key, None, False))
        .columns(id=_jobs.c.id.type, rank=_jobs.c.salary_min.type)
        .subquery("fts")
    )
    return (
        select(fts.c.id, fts.c.rank)
        .join(_jobs, _jobs.c.id == fts.c.id)
        .where(*conditions)
        .order_by(fts.c.id.desc())
        .limit(RANK_WINDOW)
    )

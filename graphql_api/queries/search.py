"""Full-text search terms and conditions for both databases (PostgreSQL tsvector, SQLite FTS5)."""

from __future__ import annotations

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


def _pg_query(terms: list[str]) -> Any:
    # Each term quoted as a tsquery lexeme: user text can never become an operator.
    quoted = " & ".join("'" + t.replace("\\", "\\\\").replace("'", "''") + "'" for t in terms)
    return func.to_tsquery(literal_column("'simple'"), quoted)


def _fts5_query(terms: list[str]) -> str:
    # FTS5 string literals: user text is never parsed as FTS5 syntax.
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


def _fts_bind(terms: list[str]) -> BindParameter[str]:
    # unique: one statement may hold several MATCH clauses (similar jobs of a whole page).
    return bindparam("fts_q", _fts5_query(terms), unique=True)


def match_condition(conn: Connection, terms: list[str]) -> ColumnElement[bool]:
    """A WHERE condition on jobs: every term is in the full-text index. No terms (a query of
    only stop words or punctuation) match nothing rather than everything."""
    if not terms:
        return false()
    if conn.dialect.name == "postgresql":
        return literal_column("jobs.search_vector").op("@@")(_pg_query(terms))
    fts = text("SELECT rowid FROM jobs_fts WHERE jobs_fts MATCH :fts_q").bindparams(
        _fts_bind(terms)
    )
    return _jobs.c.id.in_(fts)


def ranked_window(
    conn: Connection, terms: list[str], conditions: list[ColumnElement[bool]]
) -> Select[Any]:
    """(id, rank) of the newest RANK_WINDOW matches; a higher rank is a better match."""
    if conn.dialect.name == "postgresql":
        # Rank only the window: PostgreSQL computes the select list before a top-N sort, so
        # ranking inside the limited query scored every match of a common term.
        newest = (
            select(_jobs.c.id)
            .where(match_condition(conn, terms), *conditions)
            .order_by(_jobs.c.id.desc())
            .limit(RANK_WINDOW)
            .subquery("newest")
        )
        rank = func.ts_rank(literal_column("jobs.search_vector"), _pg_query(terms))
        return select(newest.c.id.label("id"), rank.label("rank")).join(
            _jobs, _jobs.c.id == newest.c.id
        )
    # bm25() exists only inside the FTS query; lower is better, so it is negated.
    fts = (
        text(
            "SELECT rowid AS id, -bm25(jobs_fts) AS rank FROM jobs_fts WHERE jobs_fts MATCH :fts_q"
        )
        .bindparams(_fts_bind(terms))
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

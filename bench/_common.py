"""What the benchmarks share: throw-away databases, realistic job text, timing and output.

Every benchmark measures the product next to its baseline in one run and prints ratios, because
absolute figures on these 2-core machines move by 10-25% from one minute to the next.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import resource
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    # `python bench/NAME.py` puts bench/ first on sys.path, not the project root.
    sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine, create_engine, text  # noqa: E402
from sqlalchemy.exc import DBAPIError  # noqa: E402

SAMPLES = ROOT / "tests" / "fixtures" / "jobs" / "sample_jobs.jsonl"
# The role can create databases; each benchmark makes its own and drops it at the end.
PG_ADMIN_URL = os.environ.get(
    "AEROSCRAP_BENCH_PG_ADMIN", "postgresql+psycopg://aeroscrap:aeroscrap@127.0.0.1:5432/postgres"
)
# Sentences that would change a record's contract type or make its advertiser an agency are kept
# out of the filler text, so padding a description never changes what the pipeline decides.
_LOADED_WORDS = re.compile(
    r"client|ref\b|ref:|recruit|agency|contract|permanent|fixed|seasonal|temporary|interim|"
    r"freelance|part[- ]time|confidential|\d{3,}",
    re.IGNORECASE,
)


def load_samples() -> list[dict[str, Any]]:
    """The raw sample records (tests/fixtures/jobs/sample_jobs.jsonl)."""
    with SAMPLES.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def filler_sentences(samples: Sequence[dict[str, Any]]) -> list[str]:
    """Neutral sentences of real job adverts, to grow descriptions to a realistic length."""
    found: set[str] = set()
    for record in samples:
        for sentence in re.split(r"(?<=[.!?])\s+", record.get("description") or ""):
            if len(sentence) > 40 and not _LOADED_WORDS.search(sentence):
                found.add(sentence.strip())
    return sorted(found)


def pad_text(head: str, sentences: Sequence[str], size: int, rng: random.Random) -> str:
    """`head` followed by random sentences, in paragraphs, until about `size` characters."""
    parts = [head]
    length = len(head)
    while length < size:
        paragraph = " ".join(rng.choice(sentences) for _ in range(3))
        parts.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(parts)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (ru_maxrss, kB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextlib.contextmanager
def pg_database(name: str) -> Iterator[str]:
    """A new, empty PostgreSQL database (replacing a leftover of the same name), dropped after."""
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        _drop_pg(admin, name)
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = admin.url.set(database=name).render_as_string(hide_password=False)
        try:
            yield url
        finally:
            _drop_pg(admin, name)
    finally:
        admin.dispose()


def _drop_pg(admin: Engine, name: str) -> None:
    # A plain DROP stops an autovacuum worker by itself, which WITH (FORCE) may not do for a
    # non-superuser; a lingering connection of ours gets a few seconds to close.
    for _ in range(10):
        try:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            return
        except DBAPIError:
            time.sleep(1)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@contextlib.contextmanager
def sqlite_database(name: str) -> Iterator[str]:
    """A SQLite file in a temporary directory, removed after."""
    with tempfile.TemporaryDirectory(prefix="aeroscrap-bench-") as folder:
        yield f"sqlite:///{folder}/{name}.db"


@contextlib.contextmanager
def database(kind: str, name: str) -> Iterator[str]:
    """A throw-away database of `kind` ("postgresql" or "sqlite"), its URL yielded."""
    maker = pg_database if kind == "postgresql" else sqlite_database
    with maker(name) as url:
        yield url


def migrate(url: str) -> None:
    """Bring a database to the product's schema through its own migrations."""
    from aeroscrap.db.migrate import upgrade

    upgrade(url)


def drop_fulltext(engine: Engine) -> None:
    """Remove the full-text index (what migration 0001 adds) to measure what it costs."""
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("DROP INDEX ix_jobs_search_vector"))
            conn.execute(text("ALTER TABLE jobs DROP COLUMN search_vector"))
        else:
            for trigger in ("jobs_fts_ai", "jobs_fts_ad", "jobs_fts_au"):
                conn.execute(text(f"DROP TRIGGER {trigger}"))
            conn.execute(text("DROP TABLE jobs_fts"))


class Stopwatch:
    """Accumulates wall and process-CPU time over several `with watch:` blocks."""

    def __init__(self) -> None:
        self.wall = 0.0
        self.cpu = 0.0
        self._started = (0.0, 0.0)

    def __enter__(self) -> Stopwatch:
        self._started = (time.perf_counter(), time.process_time())
        return self

    def __exit__(self, *_exc: object) -> None:
        self.wall += time.perf_counter() - self._started[0]
        self.cpu += time.process_time() - self._started[1]


def rate(count: float, seconds: float) -> float:
    """count per second, 0 for no time."""
    return count / seconds if seconds > 0 else 0.0


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A plain text table: first column left-aligned, the others right-aligned."""
    cells = [[str(h) for h in headers]] + [[_cell(v) for v in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = []
    for number, row in enumerate(cells):
        lines.append(
            "  ".join(
                value.ljust(widths[i]) if i == 0 else value.rjust(widths[i])
                for i, value in enumerate(row)
            )
        )
        if number == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}" if abs(value) < 100 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def result_line(values: dict[str, Any]) -> str:
    """The one machine-readable last line: RESULT key=value ..."""
    parts = []
    for key, value in values.items():
        shown = f"{value:.3g}" if isinstance(value, float) and abs(value) < 10 else value
        if isinstance(value, float) and abs(value) >= 10:
            shown = f"{value:.0f}"
        parts.append(f"{key}={shown}")
    return "RESULT " + " ".join(parts)

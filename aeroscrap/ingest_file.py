"""`aeroscrap ingest FILE.jsonl`: raw records from a JSON-lines file (or stdin) through the same
pipeline as crawls, in batches, with a progress line and a per-record report (DESIGN.md)."""

from __future__ import annotations

import contextlib
import json
import logging
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from aeroscrap.company_directory import CompanyDirectory
from aeroscrap.config import get_settings
from aeroscrap.db.session import check_connection, make_engine
from aeroscrap.ingest import Ingestor, IngestResult, Prepared, prepare
from aeroscrap.pipelines.validate import InvalidJob

logger = logging.getLogger(__name__)


def _read_jsonl(path: str) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """(line number, record or None, error) for each non-empty line of a JSON-lines file."""
    with contextlib.ExitStack() as stack:
        handle = (
            sys.stdin
            if path == "-"
            else stack.enter_context(Path(path).open(encoding="utf-8", errors="replace"))
        )
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, None, f"invalid JSON: {exc.msg} at column {exc.colno}"
                continue
            if not isinstance(record, dict):
                yield number, None, "not a JSON object"
                continue
            yield number, record, None


def _count_lines(path: str) -> int | None:
    """Lines in the input, for the progress display (None for stdin)."""
    if path == "-":
        return None
    with Path(path).open("rb") as handle:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))


def report_line(record_id: Any, result: IngestResult) -> dict[str, Any]:
    """One line of the ingest report (DESIGN.md `aeroscrap ingest --report`)."""
    line: dict[str, Any] = {"id": record_id, "job_id": result.job_id, "action": result.action}
    if result.prepared is None:
        line["reason"] = result.reason
        return line
    job = result.prepared.job
    line.update(
        normalized_title=job.normalized_title,
        company=job.advertiser.display_name or job.company,
        country_code=job.country_code,
        operation_type=job.operation_type,
        senior_flag=job.senior_flag,
        posted_date=job.posted_date.isoformat() if job.posted_date else None,
    )
    return line


def ingest_file(path: str, *, report_path: str | None = None, batch_size: int = 500) -> int:
    """`aeroscrap ingest`: every line gets a report line; bad lines are reported, never lost."""
    engine = make_engine(get_settings().database_url)
    check_connection(engine)
    try:
        with contextlib.ExitStack() as stack:
            report = (
                stack.enter_context(Path(report_path).open("w", encoding="utf-8"))
                if report_path
                else None
            )
            ingestor = Ingestor(engine, directory=CompanyDirectory.load(engine))
            counts = _ingest_lines(ingestor, path, report, batch_size)
    finally:
        engine.dispose()
    print(file=sys.stderr)
    print(", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or "no records")
    return 0


def _ingest_lines(
    ingestor: Ingestor, path: str, report: IO[str] | None, batch_size: int
) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    pending: list[tuple[Any, Prepared]] = []

    def emit(record_id: Any, result: IngestResult) -> None:
        counts[result.action] += 1
        if report:
            report.write(json.dumps(report_line(record_id, result), ensure_ascii=False) + "\n")

    total = _count_lines(path)

    def flush() -> None:
        stored = ingestor.store([p for _, p in pending])
        for (record_id, _), result in zip(pending, stored, strict=True):
            emit(record_id, result)
        pending.clear()
        done = sum(counts.values())
        progress = f"{done}/{total} ({100 * done // max(total, 1)}%)" if total else str(done)
        print(f"\ringested {progress} records", end="", file=sys.stderr, flush=True)

    for number, record, error in _read_jsonl(path):
        record_id = record.get("id", number) if record else number
        if record is None:
            logger.warning("line %d skipped: %s", number, error)
            emit(record_id, IngestResult(None, "dropped", reason=error))
            continue
        try:
            pending.append((record_id, prepare(record, directory=ingestor.directory)))
        except InvalidJob as exc:
            emit(record_id, IngestResult(None, "dropped", reason=str(exc)))
        if len(pending) >= batch_size:
            flush()
    if pending:
        flush()
    return counts

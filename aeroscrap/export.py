"""`aeroscrap export`: the jobs as CSV or JSON, with the filters of the API's /export routes."""

from __future__ import annotations

import sys
from pathlib import Path

from aeroscrap.config import get_settings
from aeroscrap.db.session import check_connection, make_engine
from aeroscrap.exceptions import AeroScrapError


def export_jobs(output: str, *, fmt: str, filters: dict[str, str] | None = None) -> int:
    """Stream the jobs matching `filters` (names as in /export/jobs.csv) to a file or stdout."""
    from graphql_api.queries.jobs import BadArgument
    from graphql_api.routes import csv_chunks, export_spec, json_chunks

    try:
        spec, limit = export_spec(filters or {})
    except BadArgument as exc:
        raise AeroScrapError(f"bad export filter: {exc}") from None
    engine = make_engine(get_settings().database_url, writer=False)
    check_connection(engine)
    chunks = csv_chunks if fmt == "csv" else json_chunks
    try:
        if output == "-":
            for chunk in chunks(engine, spec, limit):
                sys.stdout.write(chunk)
        else:
            with Path(output).open("w", encoding="utf-8", newline="") as handle:
                for chunk in chunks(engine, spec, limit):
                    handle.write(chunk)
            print(f"exported jobs to {output}", file=sys.stderr)
    finally:
        engine.dispose()
    return 0

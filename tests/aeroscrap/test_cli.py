"""The `aeroscrap` command as a user runs it: export, resume parse, clear errors."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import Engine

from aeroscrap.ingest import ingest_records

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests/fixtures/jobs/sample_jobs.jsonl"
RESUME = ROOT / "tests/resume_parser/fixtures/10_airline_captain_fatima_al_hashimi.txt"


def aeroscrap(*args: str, db_url: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "AEROSCRAP_DATABASE_URL": db_url}
    return subprocess.run(
        [sys.executable, "-m", "aeroscrap.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_export_csv_with_filters(db_url: str, engine: Engine) -> None:
    records = [json.loads(line) for line in SAMPLE.read_text().splitlines()][:60]
    ingest_records(engine, records)
    done = aeroscrap("export", "--filter", "countryCode=GB", db_url=db_url)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert rows and {row["country_code"] for row in rows} == {"GB"}
    bad = aeroscrap("export", "--filter", "country=GB", db_url=db_url)
    assert bad.returncode == 1
    assert "unknown parameter 'country'" in bad.stderr


def test_resume_parse_prints_the_truth_format(tmp_path: Path) -> None:
    done = aeroscrap("resume", "parse", str(RESUME), "--json", db_url=f"sqlite:///{tmp_path}/x.db")
    assert done.returncode == 0, done.stderr
    parsed = json.loads(done.stdout)
    truth = json.loads(RESUME.with_suffix(".truth.json").read_text())
    assert parsed["schema_version"] == "1.0"
    for field in ("name", "email", "phone", "total_hours", "licences", "type_ratings"):
        assert parsed[field] == truth[field], field


def test_bad_configuration_fails_with_a_clear_message(tmp_path: Path) -> None:
    done = aeroscrap("db", "upgrade", db_url="mysql://user:s3cret@host/db")
    assert done.returncode == 1
    assert "AEROSCRAP_DATABASE_URL" in done.stderr
    assert "s3cret" not in done.stderr

"""Score the company and location knowledge against the labelled sample fixtures.

Prints the accuracy of country_code (resolve_location on the location field) and operation_type
(resolve_company on company, source and description), then every miss, so a change to the tables
can be checked against README 3.3/3.4 in one run:

    .venv/bin/python scripts/eval_knowledge.py [fixtures_dir]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from aeroscrap.normalize.company import resolve_company
from aeroscrap.normalize.location import resolve_location

_DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "jobs"


def _load(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else _DEFAULT
    jobs = _load(folder / "sample_jobs.jsonl")
    labels = {str(label["id"]): label for label in _load(folder / "sample_labels.jsonl")}
    country_misses: list[str] = []
    type_misses: list[str] = []
    started = time.perf_counter()
    for job in jobs:
        label = labels[str(job["id"])]
        location = resolve_location(job.get("location"))  # type: ignore[arg-type]
        if location.country_code != label["country_code"]:
            country_misses.append(
                f"{job['id']} {job.get('location')!r}: got {location.country_code}, "
                f"want {label['country_code']}"
            )
        advertiser = resolve_company(
            job.get("company"),  # type: ignore[arg-type]
            source=str(job["source"]),
            description=job.get("description"),  # type: ignore[arg-type]
        )
        if advertiser.operation_type != label["operation_type"]:
            type_misses.append(
                f"{job['id']} [{job['source']}] {job.get('company')!r}: got "
                f"{advertiser.operation_type}, want {label['operation_type']} | "
                f"{str(job.get('description'))[:120]}"
            )
    elapsed = (time.perf_counter() - started) / max(len(jobs), 1) * 1e6
    total = len(jobs)
    print(f"records: {total}  ({elapsed:.0f} µs per record, cold caches included)")
    print(f"country_code   accuracy: {1 - len(country_misses) / total:.4f}")
    print(f"operation_type accuracy: {1 - len(type_misses) / total:.4f}")
    for title, misses in (("country_code", country_misses), ("operation_type", type_misses)):
        print(f"\n{title} misses ({len(misses)}):")
        for miss in misses:
            print("  " + miss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))

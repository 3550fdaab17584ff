"""Per-record CPU cost of preparing a scraped job: normalize_job, dedup_key and job_requirements.

Usage: .venv/bin/python bench/prepare.py [--quick] [--rounds N] [--profile]

Two record sets: the fixtures as scraped (tests/fixtures/jobs sample + holdout, short texts) and
the same records with realistic 2-4 KB multi-line adverts (blurb, duties, requirements with hours,
licences, medical and type ratings, desirable items, benefits; bullets, typographic punctuation,
some CRLF and no-break spaces). Every round times each step over every record in turn, so load
from other work on the machine hits all steps alike; the best round counts. The baselines are a
bare `json.loads` + dict copy of the same lines and `normalize_job` alone.
Last line: RESULT prepare_ms_per_record=.. normalize_ms=.. requirements_ms=.. dedup_key_ms=.. ...
(the ms figures are for the long-advert set).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import random
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import fields
from typing import Any

from _common import ROOT, result_line, table

from aeroscrap import dedup, ingest
from aeroscrap.normalize.record import normalize_job
from aeroscrap.requirements import job_requirements

FIXTURES = ROOT / "tests" / "fixtures" / "jobs"
_TYPES = ("A320", "A330", "A350", "B737", "B777", "B787", "E190", "ATR 72", "Q400", "AW139")
_BLURB = (
    "{company} is one of the fastest-growing operators in the region, flying to more than 80 "
    "destinations across Europe, the Middle East and Africa.",
    "Our fleet of modern {type} aircraft is supported by our own Part-145 maintenance "
    "organisation and a dedicated training centre.",
    "We are proud of our safety record, our on-time performance and the people who make it "
    "happen every day, on the ground and in the air.",
    "Joining us means joining a team that values professionalism, diversity and a healthy "
    "work-life balance.",
    "We’re looking for motivated professionals to join our base and help us deliver a safe, "
    "reliable and friendly service to our customers.",
)
_DUTIES = (
    "Operate flights safely and efficiently in accordance with the Operations Manual",
    "Carry out pre-flight planning, briefings and post-flight reporting",
    "Supervise and support the crew, promoting a strong safety culture",
    "Perform scheduled and unscheduled maintenance, inspections and defect rectification",
    "Certify work in line with Part-145 procedures and company exposition",
    "Liaise with Maintenance Control, Operations and Ground Handling teams",
    "Maintain accurate technical records and complete documentation on time",
    "Take part in recurrent training, line checks and safety initiatives",
)
_REQUIREMENTS = (
    "Valid EASA ATPL(A) or CPL(A) with frozen ATPL",
    "Minimum {total:,} hours total time, of which {pic:,} hours PIC",
    "Minimum {total:,} hrs TT on multi-crew aircraft",
    "Current {type} type rating",
    "Valid {type} type rating with at least 500 hours on type",
    "Unrestricted EASA Class 1 medical certificate",
    "EASA Part-66 B1.1 licence with {type} type endorsement",
    "English language proficiency ICAO Level 4 or above",
    "Unrestricted right to live and work in the EU",
    "MCC and JOC certificates",
    "Excellent communication skills and a professional attitude",
    "Willingness to relocate to the base within 3 months",
)
_DESIRABLE = (
    "{type} type rating would be an advantage",
    "TRI/TRE experience is desirable",
    "Previous experience with a low-cost carrier is a plus",
    "Knowledge of a second European language",
)
_OFFER = (
    "Competitive salary and sector pay",
    "Up to 900 block hours a year on a 5/4 roster",
    "Type rating provided for non-type rated candidates",
    "Private medical insurance and pension scheme",
    "Staff travel for you and your family",
    "Uniform, crew parking and annual leave of 25 days",
)


def _bullets(items: Sequence[str], rng: random.Random, values: dict[str, Any]) -> list[str]:
    mark = rng.choice(("- ", "• ", "* ", "– "))
    return [mark + item.format(**values) for item in items]


def long_advert(record: dict[str, Any], rng: random.Random) -> str:
    """A realistic 2-4 KB multi-line advert for `record`: its own text first, then sections."""
    values = {
        "company": record.get("company") or "The company",
        "type": rng.choice(_TYPES),
        "total": rng.choice((1500, 2000, 3000, 4000, 5000)),
        "pic": rng.choice((500, 1000, 1500)),
    }
    lines = [record.get("description") or "", "", " ".join(b.format(**values) for b in _BLURB)]
    lines += ["", rng.choice(("Key Responsibilities:", "Responsibilities", "The role:"))]
    lines += _bullets(rng.sample(_DUTIES, 6), rng, values)
    lines += ["", rng.choice(("Requirements:", "About you", "What you need:"))]
    lines += _bullets(rng.sample(_REQUIREMENTS, rng.randint(6, 9)), rng, values)
    lines += ["", "Desirable:", *_bullets(rng.sample(_DESIRABLE, 3), rng, values)]
    lines += ["", "What we offer:", *_bullets(rng.sample(_OFFER, 5), rng, values)]
    while sum(map(len, lines)) < rng.randint(2_000, 3_800):
        lines += ["", " ".join(rng.sample(_BLURB, 3)).format(**values)]
    text = "\n".join(lines)
    roll = rng.random()
    if roll < 0.15:
        text = text.replace("\n", "\r\n")  # Windows line ends from some boards
    elif roll < 0.30:
        text = text.replace("Minimum ", "Minimum\u00a0").replace(". ", ".  ")
    return text


def load_lines() -> list[str]:
    """The raw JSON lines of the sample and holdout fixtures."""
    lines: list[str] = []
    for name in ("sample_jobs.jsonl", "holdout_jobs.jsonl"):
        with (FIXTURES / name).open(encoding="utf-8") as handle:
            lines += [line for line in handle if line.strip()]
    return lines


def long_lines(lines: Sequence[str], seed: int = 7) -> list[str]:
    """The same records, each with a generated long advert as its description."""
    rng = random.Random(seed)
    out = []
    for line in lines:
        record = json.loads(line)
        record["description"] = long_advert(record, rng)
        out.append(json.dumps(record, ensure_ascii=False))
    return out


_PREPARE_HAS_REQUIREMENTS = any(f.name == "requirements" for f in fields(ingest.Prepared))


def prepare_all(record: dict[str, Any]) -> Any:
    """What the pipeline computes per record: prepare(), plus the requirements if it does not."""
    prepared = ingest.prepare(record)
    if not _PREPARE_HAS_REQUIREMENTS:
        job_requirements(prepared.job.title, prepared.job.description)
    return prepared


def _steps(lines: Sequence[str]) -> dict[str, Callable[[], None]]:
    records = [json.loads(line) for line in lines]
    jobs = [normalize_job(r) for r in records]

    def baseline() -> None:
        for line in lines:
            dict(json.loads(line))

    def normalize() -> None:
        for record in records:
            normalize_job(record)

    def keys() -> None:
        for job in jobs:
            dedup.dedup_key(job)

    def requirements() -> None:
        for job in jobs:
            job_requirements(job.title, job.description)

    def prepare() -> None:
        for record in records:
            prepare_all(record)

    return {
        "json.loads + dict (baseline)": baseline,
        "normalize_job": normalize,
        "dedup_key": keys,
        "job_requirements": requirements,
        "prepare (all three + hashes)": prepare,
    }


def measure(lines: Sequence[str], rounds: int) -> dict[str, float]:
    """Best-round CPU milliseconds per record of each step."""
    steps = _steps(lines)
    best = dict.fromkeys(steps, float("inf"))
    for _ in range(rounds):
        for name, step in steps.items():
            started = time.process_time()
            step()
            best[name] = min(best[name], time.process_time() - started)
    return {name: 1000 * seconds / len(lines) for name, seconds in best.items()}


def main(argv: list[str] | None = None) -> int:
    """Measure both record sets, print the table and the RESULT line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 rounds (well under a minute)")
    parser.add_argument("--rounds", type=int, help="default 10 (3 with --quick)")
    parser.add_argument("--profile", action="store_true", help="cProfile of prepare to stderr")
    args = parser.parse_args(argv)
    rounds = args.rounds or (3 if args.quick else 10)
    fixtures = load_lines()
    adverts = long_lines(fixtures)
    sizes = [len(json.loads(line)["description"]) for line in adverts]
    print(f"{len(fixtures)} records; long adverts {min(sizes)}-{max(sizes)} chars; {rounds} rounds")
    # One warm-up pass fills the company and location caches, as a running crawl has them.
    measure(fixtures + adverts, 1)
    short, long = measure(fixtures, rounds), measure(adverts, rounds)
    base = long["normalize_job"]
    rows = [[name, short[name], long[name], long[name] / base if base else 0.0] for name in long]
    print(table(["step", "fixtures ms/rec", "2-4 KB ms/rec", "x normalize_job"], rows))
    if args.profile:
        profiler = cProfile.Profile()
        records = [json.loads(line) for line in adverts]
        profiler.enable()
        for record in records:
            prepare_all(record)
        profiler.disable()
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(25)
    print(
        result_line(
            {
                "prepare_ms_per_record": long["prepare (all three + hashes)"],
                "normalize_ms": long["normalize_job"],
                "requirements_ms": long["job_requirements"],
                "dedup_key_ms": long["dedup_key"],
                "baseline_json_ms": long["json.loads + dict (baseline)"],
                "fixtures_prepare_ms": short["prepare (all three + hashes)"],
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

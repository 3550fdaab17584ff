"""Ingest throughput: prepare() + Ingestor.store() (normalise, dedup, store, full-text index) vs a
bare batched upsert of the same rows, into PostgreSQL and SQLite.

Usage: .venv/bin/python bench/ingest.py [--quick] [--records N] [--db postgresql|sqlite] [--profile]

Records are generated from tests/fixtures/jobs/sample_jobs.jsonl: new advertisers (curated
companies and invented ones, mildly Zipf-distributed), cities, aircraft types, agency references,
~2 KB descriptions, and ~25% duplicates: re-scrapes of the same URL with tracking parameters,
copies on another source, and reposts under a new URL. Each batch of 500 is prepared once, then
stored by every path in turn (pipeline and bare, per database), so load from other work on the
machine hits all paths alike. The bare path is repository.upsert_jobs of the rows the pipeline
builds (ingest._job_row), nothing else.

Flat cost check: after the main run, the same probe records (a fresh stream) are stored into the
full database (N jobs) and, alternately, into one holding the first 1,000 records.
Last line: RESULT pg_records_per_s=.. pg_bare_per_s=.. ... cost_ratio_pg=.. peak_rss_mb=..
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import itertools
import json
import pstats
import random
import re
import sys
from collections import Counter, deque
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

from _common import (
    ROOT,
    Stopwatch,
    database,
    filler_sentences,
    load_samples,
    migrate,
    pad_text,
    peak_rss_mb,
    rate,
    result_line,
    table,
)
from sqlalchemy import Engine, text

from aeroscrap import ingest
from aeroscrap.db import repository
from aeroscrap.db.session import make_engine
from aeroscrap.pipelines.validate import InvalidJob

BATCH = 500
SMALL_BASE = 1_000
_AIRCRAFT = re.compile(r"\b(A3[1-8]0(?:neo)?|A220|B?7[3-8]7(?:NG|MAX)?|E1[79]5?|ATR ?72|Q400)\b")
_TYPES = ("A320", "A330", "A350", "B737", "B777", "B787", "E190", "ATR72", "Q400", "A220")
_REF = re.compile(r"Ref:?\s*[A-Z]{0,3}\d{3,}")
_SYLLABLES = ("zan", "vel", "kor", "mar", "tal", "ost", "bri", "dun", "fen", "gal", "hav", "lor")
_ENDINGS = ("a", "ex", "on", "ia", "is", "ar", "o", "en")
_KINDS = ("Air", "Airways", "Aviation", "Cargo", "Helicopters", "Technics", "Aerospace", "Jet")
_AGENCY_SOURCES = ("goose", "linkedin", "aviationjobsearch")


class RecordGenerator:
    """An endless, deterministic stream of raw job records with realistic duplicates."""

    def __init__(self, stream: int, *, advertisers: int, zipf: float) -> None:
        self.samples = load_samples()
        self.sentences = filler_sentences(self.samples)
        self.locations = sorted({s["location"] for s in self.samples if s.get("location")})
        curated = json.loads((ROOT / "aeroscrap" / "data" / "companies.json").read_text("utf-8"))
        self.agencies = [c["name"] for c in curated if c.get("agency")]
        # The advertiser pool is the same for every stream, so probe records meet stored ones.
        pool_rng = random.Random(1)
        names = [c["name"] for c in curated if not c.get("agency")]
        invented = [
            f"{a.title()}{b}{e} {k}"
            for a, b, e, k in itertools.product(_SYLLABLES, _SYLLABLES, _ENDINGS, _KINDS)
        ]
        pool_rng.shuffle(invented)
        self.advertisers = (names + invented)[:advertisers]
        pool_rng.shuffle(self.advertisers)
        self.weights = list(
            itertools.accumulate(1 / (k + 1) ** zipf for k in range(len(self.advertisers)))
        )
        self.rng = random.Random(f"stream:{stream}")
        self.next_id = stream * 10_000_000
        self.recent: deque[dict[str, Any]] = deque(maxlen=3_000)
        self.kinds: Counter[str] = Counter()
        self.start = date(2026, 9, 1)

    def records(self, count: int) -> Iterator[dict[str, Any]]:
        """`count` records, crawl dates spread over 90 days; duplicates follow their original."""
        for i in range(count):
            crawl = self.start + timedelta(days=90 * i // max(count, 1))
            roll = self.rng.random()
            if self.recent and roll < 0.11:
                kind, record = "same_url", self._rescrape(self.rng.choice(self.recent), crawl)
            elif self.recent and roll < 0.20:
                kind, record = "cross_source", self._copy(self.rng.choice(self.recent), crawl)
            elif self.recent and roll < 0.25:
                kind, record = "repost", self._repost(self.rng.choice(self.recent), crawl)
            else:
                kind, record = "original", self._original(crawl)
                self.recent.append(record)
            self.kinds[kind] += 1
            yield {k: v for k, v in record.items() if not k.startswith("_")}

    def _original(self, crawl: date) -> dict[str, Any]:
        rng = self.rng
        sample = rng.choice(self.samples)
        agency = sample["source"] == "goose" or bool(_REF.search(sample["description"] or ""))
        title = _AIRCRAFT.sub(lambda _: rng.choice(_TYPES), sample["title"])
        location = sample["location"] if rng.random() < 0.6 else rng.choice(self.locations)
        head = sample["description"] or ""
        if agency:
            ref = f"Ref: {rng.choice(('GR', 'AV', 'JR', ''))}{rng.randrange(10_000, 99_999)}."
            company = (
                sample["company"] if sample["source"] == "goose" else rng.choice(self.agencies)
            )
            head = f"{_REF.sub('', head).rstrip(' .')}. {ref}"
            source = sample["source"] if sample["source"] in _AGENCY_SOURCES else "linkedin"
        else:
            company = rng.choices(self.advertisers, cum_weights=self.weights)[0]
            head = head.replace(sample["company"] or "\0", company)
            source = sample["source"]
        tail = pad_text("", self.sentences, rng.randint(1_200, 2_600), rng)
        return self._dress(
            {
                "source": source,
                "title": title,
                "company": company,
                "location": location,
                "description": f"{head}\n\n{tail}",
                "salary": sample.get("salary"),
                "_agency": agency,
            },
            crawl,
            crawl - timedelta(days=rng.randint(0, 14)),
        )

    def _dress(self, record: dict[str, Any], crawl: date, posted: date) -> dict[str, Any]:
        """Give a record a new site URL and the posted/crawl strings its source shows."""
        self.next_id += 1
        record = {**record, **_site_url(record["source"], self.next_id, record)}
        return _dated(record, crawl, posted, self.rng)

    def _rescrape(self, original: dict[str, Any], crawl: date) -> dict[str, Any]:
        crawl = max(crawl, original["_crawl"] + timedelta(days=1))
        noise = self.rng.choice(("?utm_source=google&utm_medium=cpc", "#apply", "?trk=feed"))
        record = {**original, "url": original["url"] + noise}
        if self.rng.random() < 0.3:
            record["description"] += "\n\nApplications are reviewed as they arrive."
        return _dated(record, crawl, original["_posted"], self.rng)

    def _copy(self, original: dict[str, Any], crawl: date) -> dict[str, Any]:
        rng = self.rng
        others = [s for s in (*_AGENCY_SOURCES[1:], "workday") if s != original["source"]]
        source = rng.choice(others[:2] if original["_agency"] else others)
        company = original["company"]
        if original["source"] == "goose":
            # Off Goose's own site, the agency itself is the advertiser named.
            company = "Goose Recruitment"
        title = original["title"] + rng.choice(("", " (m/f/d)", " - Immediate Start"))
        record = {**original, "source": source, "company": company, "title": title}
        return self._dress(record, crawl, original["_posted"] + timedelta(days=rng.randint(0, 2)))

    def _repost(self, original: dict[str, Any], crawl: date) -> dict[str, Any]:
        crawl = max(crawl, original["_crawl"] + timedelta(days=self.rng.randint(7, 20)))
        return self._dress(dict(original), crawl, crawl - timedelta(days=self.rng.randint(0, 2)))


def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")[:60]


def _site_url(source: str, job_id: int, record: dict[str, Any]) -> dict[str, str]:
    slug, by = _slug(record["title"]), _slug(record["company"] or "x")
    ref = _REF.search(record["description"])
    urls = {
        "linkedin": f"https://www.linkedin.com/jobs/view/{job_id}/?trk=public_jobs_topcard-title",
        "aviationjobsearch": f"https://www.aviationjobsearch.com/en-GB/jobs/flight-crew/pilots/{slug}-by-{by}-{job_id}",
        "goose": f"https://www.gooserecruitment.com/job/{job_id}/{slug}-{_slug(ref.group(0)) if ref else 'x'}/",
        "airindia": f"https://careers.airindia.com/job/{slug}/{job_id}/",
        "workday": f"https://{by[:20]}.wd3.myworkdayjobs.com/en-US/careers/job/{slug}_R{job_id}",
    }
    return {"url": urls.get(source, f"https://jobs.lever.co/{by[:20]}/{job_id}")}


def _dated(record: dict[str, Any], crawl: date, posted: date, rng: random.Random) -> dict[str, Any]:
    days = (crawl - posted).days
    posted_text: str | None = {
        "linkedin": f"{days} days ago" if days else f"{rng.randint(1, 20)} hours ago",
        "goose": posted.strftime("%d/%m/%Y"),
        "airindia": posted.strftime("%d-%b-%Y"),
        "workday": f"Posted {days} Days Ago" if days else "Posted Today",
    }.get(record["source"], posted.isoformat())
    if record["source"] == "aviationjobsearch":
        posted_text = None
    return {
        **record,
        "posted": posted_text,
        "posted_estimated": posted_text is None,
        "crawl_date": crawl.isoformat(),
        "_crawl": crawl,
        "_posted": posted,
    }


class Target:
    """One database with the pipeline's database and the bare upsert's database."""

    def __init__(self, kind: str, stack: contextlib.ExitStack) -> None:
        self.kind = kind
        self.engines: dict[str, Engine] = {}
        for role in ("full", "bare", "small"):
            url = stack.enter_context(database(kind, f"aeroscrap_bench_ingest_{role}"))
            migrate(url)
            self.engines[role] = make_engine(url)
            stack.callback(self.engines[role].dispose)
        self.full = ingest.Ingestor(self.engines["full"])
        self.small = ingest.Ingestor(self.engines["small"])
        self.watches = {
            name: Stopwatch() for name in ("store", "bare", "probe_full", "probe_small")
        }
        self.actions: Counter[str] = Counter()

    def store(self, batch: list[ingest.Prepared], now: datetime) -> None:
        with self.watches["store"]:
            results = self.full.store(batch)
        self.actions.update("merged" if r.merged else r.action for r in results)
        rows = [ingest._job_row(p, None, now) for p in batch]
        with self.watches["bare"], self.engines["bare"].begin() as conn:
            repository.upsert_jobs(conn, rows)

    def count(self, role: str, table_name: str) -> int:
        with self.engines[role].connect() as conn:
            return int(conn.execute(text(f"SELECT count(*) FROM {table_name}")).scalar_one())


def _prepared(
    records: Iterator[dict[str, Any]], watch: Stopwatch, drops: Counter[str]
) -> list[ingest.Prepared]:
    out = []
    with watch:
        for record in records:
            try:
                out.append(ingest.prepare(record))
            except InvalidJob as exc:
                drops[type(exc).__name__] += 1
    return out


def run(kinds: list[str], records: int, probe: int, options: argparse.Namespace) -> dict[str, Any]:
    """Stream, store, probe; returns the figures per database."""
    main_stream = RecordGenerator(0, advertisers=options.advertisers, zipf=options.zipf)
    prep, drops = Stopwatch(), Counter[str]()
    now = datetime.now(UTC)
    with contextlib.ExitStack() as stack:
        targets = [Target(kind, stack) for kind in kinds]
        stream = main_stream.records(records)
        first = _prepared(itertools.islice(stream, SMALL_BASE), Stopwatch(), Counter())
        for target in targets:
            target.small.store(first)
        profiler = cProfile.Profile() if options.profile else None
        rss_start = peak_rss_mb()
        pending = first
        while pending:
            for target in targets:
                if profiler and target is targets[0]:
                    profiler.enable()
                target.store(pending, now)
                if profiler:
                    profiler.disable()
            if profiler:
                profiler.enable()
            pending = _prepared(itertools.islice(stream, BATCH), prep, drops)
            if profiler:
                profiler.disable()
        # `first` was prepared untimed; charge it at the measured rate.
        stored = records - sum(drops.values())
        scale = records / max(1, records - SMALL_BASE)
        prepare_s, prepare_cpu = prep.wall * scale, prep.cpu * scale
        rss = peak_rss_mb()
        counts = {
            t.kind: {n: t.count(role, n) for role, n in (("full", "jobs"), ("full", "job_sources"))}
            | {"bare_jobs": t.count("bare", "jobs")}
            for t in targets
        }
        probe_stream = RecordGenerator(1, advertisers=options.advertisers, zipf=options.zipf)
        probe_watch = Stopwatch()
        probes = _prepared(probe_stream.records(probe), probe_watch, Counter())
        for start in range(0, len(probes), BATCH):
            chunk = probes[start : start + BATCH]
            for target in targets:
                with target.watches["probe_full"]:
                    target.full.store(chunk)
                with target.watches["probe_small"]:
                    target.small.store(chunk)
        figures: dict[str, Any] = {
            "kinds": dict(main_stream.kinds),
            "drops": dict(drops),
            "prepare_s": prepare_s,
            "prepare_per_s": rate(records, prepare_s),
            "rss_mb": rss,
            "rss_start_mb": rss_start,
            "prepare_cpu_ms": 1000 * prepare_cpu / records,
            "probe_prepare_ms": 1000 * probe_watch.wall / max(1, len(probes)),
        }
        for t in targets:
            w = t.watches
            per_probe = {k: 1000 * w[k].wall / max(1, len(probes)) for k in w if "probe" in k}
            total = {k: v + figures["probe_prepare_ms"] for k, v in per_probe.items()}
            figures[t.kind] = {
                "records_per_s": rate(records, prepare_s + w["store"].wall),
                "store_per_s": rate(records, w["store"].wall),
                "bare_per_s": rate(records, w["bare"].wall),
                "cpu_per_record_ms": 1000 * (prepare_cpu + w["store"].cpu) / records,
                "jobs": counts[t.kind]["jobs"],
                "sources": counts[t.kind]["job_sources"],
                "bare_jobs": counts[t.kind]["bare_jobs"],
                "actions": dict(t.actions),
                "probe_store_ms": per_probe,
                "probe_total_ms": total,
                "cost_ratio": total["probe_full"] / total["probe_small"],
                "store_ratio": per_probe["probe_full"] / per_probe["probe_small"],
            }
        figures["stored"] = stored
        if profiler:
            stats = pstats.Stats(profiler, stream=sys.stderr)
            stats.sort_stats("tottime").print_stats(25)
            stats.sort_stats("cumulative").print_stats(25)
    return figures


def main(argv: list[str] | None = None) -> int:
    """Measure, print the tables and the RESULT line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10,000 records (about a minute)")
    parser.add_argument("--records", type=int, help="default 100,000 (10,000 with --quick)")
    parser.add_argument("--probe", type=int, help="probe records (default 2,000; 1,000 quick)")
    parser.add_argument("--db", choices=("postgresql", "sqlite"), action="append")
    parser.add_argument("--advertisers", type=int, default=3_000)
    parser.add_argument("--zipf", type=float, default=0.6, help="advertiser skew exponent")
    parser.add_argument("--profile", action="store_true", help="cProfile top functions to stderr")
    args = parser.parse_args(argv)
    records = args.records or (10_000 if args.quick else 100_000)
    probe = args.probe or (1_000 if args.quick else 2_000)
    kinds = args.db or ["postgresql", "sqlite"]
    f = run(kinds, records, probe, args)

    print(f"{records:,} records generated: {f['kinds']}; dropped {f['drops'] or 0}")
    print(f"advertiser pool {args.advertisers:,} (Zipf s={args.zipf}); batches of {BATCH}")
    print(
        f"prepare (validate+normalise+dedup features): {f['prepare_per_s']:,.0f} records/s, "
        f"{f['prepare_cpu_ms']:.2f} ms CPU/record\n"
    )
    rows = []
    for kind in kinds:
        d = f[kind]
        rows.append((kind, "pipeline prepare+store", d["records_per_s"], d["cpu_per_record_ms"]))
        rows.append((kind, "  store only (Ingestor.store)", d["store_per_s"], "-"))
        rows.append((kind, "bare upsert_jobs, same rows", d["bare_per_s"], "-"))
    print(table(("database", "path", "records/s", "CPU ms/record"), rows))
    print()
    rows = []
    for kind in kinds:
        d = f[kind]
        print(f"{kind}: jobs={d['jobs']:,} job_sources={d['sources']:,} actions={d['actions']}")
        for label, key in (
            (f"{SMALL_BASE:,} stored", "probe_small"),
            (f"{records:,}", "probe_full"),
        ):
            rows.append((kind, label, d["probe_store_ms"][key], d["probe_total_ms"][key]))
    print(table(("database", "probe into", "store ms/record", "total ms/record"), rows))
    print(
        f"peak RSS (ru_maxrss): {f['rss_start_mb']:.0f} MB after the first {SMALL_BASE:,} "
        f"records, {f['rss_mb']:.0f} MB after all {records:,} (one process, every database)"
    )
    summary: dict[str, Any] = {"records": records}
    for kind in kinds:
        p, d = ("pg" if kind == "postgresql" else "sqlite"), f[kind]
        summary |= {
            f"{p}_records_per_s": d["records_per_s"],
            f"{p}_records_per_cpu_s": 1000 / d["cpu_per_record_ms"],
            f"{p}_bare_per_s": d["bare_per_s"],
            f"{p}_vs_bare": d["records_per_s"] / d["bare_per_s"],
            f"cost_ratio_{p}": d["cost_ratio"],
            f"store_ratio_{p}": d["store_ratio"],
        }
    summary |= {
        "prepare_per_s": f["prepare_per_s"],
        "prepare_cpu_ms": f["prepare_cpu_ms"],
        "peak_rss_mb": f["rss_mb"],
    }
    print(
        "targets: pg_records_per_s >= 2000 on one core (records_per_cpu_s counts this process's "
        "CPU only), cost_ratio (probe at N vs at 1,000 stored) <= 1.5"
    )
    print(result_line(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())

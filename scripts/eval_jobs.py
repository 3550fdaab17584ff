"""Score job normalisation and dedup against labelled fixtures (README section 5).

    .venv/bin/python scripts/eval_jobs.py [--jobs FILE --labels FILE] [--report OUT.jsonl]

Every record is normalized, then assigned a job: same canonical URL first, else the best match in a
`DedupIndex`, else a new job. The original system's rule (same company string, same posted date,
title `fuzz.ratio` >= 90) runs on the same records for comparison.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aeroscrap.dedup import DedupIndex, dedup_key  # noqa: E402
from aeroscrap.normalize.record import NormalizedJob, normalize_job  # noqa: E402

DEFAULT_JOBS = ROOT / "tests/fixtures/jobs/sample_jobs.jsonl"
DEFAULT_LABELS = ROOT / "tests/fixtures/jobs/sample_labels.jsonl"
FIELDS = ("country_code", "operation_type", "senior_flag", "posted_date", "normalized_title")


@dataclass(frozen=True)
class DedupScores:
    """Pairwise and B-cubed scores of one clustering against the gold clustering."""

    precision: float
    recall: float
    f1: float
    bcubed_f1: float
    recall_by_kind: dict[str, float]
    false_merge_by_dim: dict[str, tuple[int, int]]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """One JSON object per non-empty line."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def assign_jobs(jobs: Sequence[NormalizedJob]) -> list[str]:
    """Our pipeline: canonical URL first, then aviation-aware matching through a DedupIndex."""
    by_url: dict[str, str] = {}
    index = DedupIndex()
    assigned: list[str] = []
    for number, job in enumerate(jobs):
        key = dedup_key(job)
        job_id = by_url.get(job.canonical_url) if job.canonical_url else None
        if job_id is None:
            job_id = index.find(key) or f"J{number:05d}"
        if job.canonical_url:
            by_url.setdefault(job.canonical_url, job_id)
        index.add(job_id, key)
        assigned.append(job_id)
    return assigned


def assign_original(raw: Sequence[Mapping[str, Any]], jobs: Sequence[NormalizedJob]) -> list[str]:
    """The original system: same URL string, or same company + posted date + title ratio >= 90."""
    parent = list(range(len(jobs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in combinations(range(len(jobs)), 2):
        a, b = jobs[i], jobs[j]
        same = raw[i].get("url") == raw[j].get("url") or (
            raw[i].get("company") == raw[j].get("company")
            and a.posted_date == b.posted_date
            and fuzz.ratio(a.title, b.title) >= 90
        )
        if same:
            parent[root(j)] = root(i)
    return [f"O{root(i):05d}" for i in range(len(jobs))]


def _pairs(clusters: Iterable[str]) -> set[tuple[int, int]]:
    members: dict[str, list[int]] = defaultdict(list)
    for index, cluster in enumerate(clusters):
        members[cluster].append(index)
    return {pair for group in members.values() for pair in combinations(group, 2)}


def score_dedup(predicted: Sequence[str], labels: Sequence[Mapping[str, Any]]) -> DedupScores:
    """README 5 dedup metrics, plus recall per dup_kind and false merges per hard-negative dim."""
    gold = [label["canonical_job_id"] for label in labels]
    predicted_pairs, gold_pairs = _pairs(predicted), _pairs(gold)
    hits = len(predicted_pairs & gold_pairs)
    precision = hits / len(predicted_pairs) if predicted_pairs else 1.0
    recall = hits / len(gold_pairs) if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    size_p, size_g, size_both = (
        Counter(predicted),
        Counter(gold),
        Counter(zip(predicted, gold, strict=True)),
    )
    b_precision = sum(
        size_both[(p, g)] / size_p[p] for p, g in zip(predicted, gold, strict=True)
    ) / len(gold)
    b_recall = sum(
        size_both[(p, g)] / size_g[g] for p, g in zip(predicted, gold, strict=True)
    ) / len(gold)
    bcubed = 2 * b_precision * b_recall / (b_precision + b_recall)

    kind_total: Counter[str] = Counter()
    kind_hit: Counter[str] = Counter()
    for i, j in gold_pairs:
        kind = _later_kind(labels, i, j)
        kind_total[kind] += 1
        kind_hit[kind] += (i, j) in predicted_pairs
    recall_by_kind = {k: kind_hit[k] / kind_total[k] for k in sorted(kind_total)}

    members: dict[str, list[int]] = defaultdict(list)
    for index, cluster in enumerate(gold):
        members[cluster].append(index)
    merged: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    seen: set[tuple[int, int, str]] = set()
    for i, label in enumerate(labels):
        for entry in label.get("meta", {}).get("hard_negative_of", []):
            other, _, dim = entry.partition(":")
            for j in members.get(other, []):
                pair = (min(i, j), max(i, j), dim)
                if pair not in seen:
                    seen.add(pair)
                    merged[dim][0] += predicted[i] == predicted[j]
                    merged[dim][1] += 1
    false_merge = {dim: (m, t) for dim, (m, t) in sorted(merged.items())}
    return DedupScores(precision, recall, f1, bcubed, recall_by_kind, false_merge)


def _later_kind(labels: Sequence[Mapping[str, Any]], i: int, j: int) -> str:
    kinds = [labels[k].get("meta", {}).get("dup_kind", "original") for k in (i, j)]
    return next((kind for kind in kinds if kind != "original"), "original")


def output_line(record_id: str, job_id: str, job: NormalizedJob) -> dict[str, Any]:
    """One line of the scorer's input format (README section 5)."""
    return {
        "id": record_id,
        "job_id": job_id,
        "country_code": job.country_code,
        "operation_type": job.operation_type,
        "senior_flag": job.senior_flag,
        "posted_date": job.posted_date.isoformat() if job.posted_date else None,
        "normalized_title": job.normalized_title,
    }


def field_accuracy(
    lines: Sequence[Mapping[str, Any]], labels: Sequence[Mapping[str, Any]]
) -> dict[str, float]:
    """Share of records whose output field equals the label (titles after collapsing spaces)."""
    result = {}
    for name in FIELDS:
        if name == "normalized_title":
            ok = sum(
                " ".join(o[name].split()) == " ".join(g[name].split())
                for o, g in zip(lines, labels, strict=True)
            )
        else:
            ok = sum(o[name] == g[name] for o, g in zip(lines, labels, strict=True))
        result[name] = ok / len(labels)
    return result


def evaluate(jobs_path: Path, labels_path: Path, report: Path | None = None) -> dict[str, Any]:
    """Run both systems over the fixtures; returns every figure the printout shows."""
    raw = read_jsonl(jobs_path)
    by_id = {label["id"]: label for label in read_jsonl(labels_path)}
    labels = [by_id[record["id"]] for record in raw]
    jobs = [normalize_job(record) for record in raw]
    ours = assign_jobs(jobs)
    original = assign_original(raw, jobs)
    lines = [
        output_line(r["id"], job_id, job) for r, job_id, job in zip(raw, ours, jobs, strict=True)
    ]
    if report is not None:
        with report.open("w", encoding="utf-8") as handle:
            for line in lines:
                handle.write(json.dumps(line) + "\n")
    return {
        "ours": score_dedup(ours, labels),
        "original": score_dedup(original, labels),
        "fields": field_accuracy(lines, labels),
        "records": len(raw),
    }


def _print(results: Mapping[str, Any]) -> None:
    ours: DedupScores = results["ours"]
    original: DedupScores = results["original"]
    print(f"records: {results['records']}")
    print(f"{'dedup':<34}{'ours':>8}{'original':>10}")
    for name in ("precision", "recall", "f1", "bcubed_f1"):
        print(
            f"{'pairwise ' + name if name != 'bcubed_f1' else 'B-cubed F1':<34}"
            f"{getattr(ours, name):>8.3f}{getattr(original, name):>10.3f}"
        )
    for kind in sorted(set(ours.recall_by_kind) | set(original.recall_by_kind)):
        print(
            f"{'recall ' + kind:<34}{ours.recall_by_kind.get(kind, 0):>8.3f}"
            f"{original.recall_by_kind.get(kind, 0):>10.3f}"
        )
    for dim in sorted(set(ours.false_merge_by_dim) | set(original.false_merge_by_dim)):
        (m1, t1), (m2, t2) = (
            ours.false_merge_by_dim.get(dim, (0, 0)),
            original.false_merge_by_dim.get(dim, (0, 0)),
        )
        print(f"{'false merges ' + dim:<34}{f'{m1}/{t1}':>8}{f'{m2}/{t2}':>10}")
    fields = results["fields"]
    for name in FIELDS:
        print(f"{'accuracy ' + name:<34}{fields[name]:>8.3f}")
    labelled = [fields[name] for name in FIELDS[:4]]
    print(f"{'accuracy mean (4 labelled fields)':<34}{sum(labelled) / len(labelled):>8.3f}")


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=Path, default=DEFAULT_JOBS)
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    parser.add_argument("--report", type=Path, default=None, help="write the scorer's JSONL here")
    args = parser.parse_args(argv)
    _print(evaluate(args.jobs, args.labels, args.report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

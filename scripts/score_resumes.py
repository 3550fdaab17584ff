"""Score the resume parser against *.truth.json files (rules of TRUTH_FORMAT.md).

Usage: python scripts/score_resumes.py [DIR] [--no-sandbox]
Prints per-field precision / recall / F1 (summed over all files) and the macro F1.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

DEFAULT_DIR = Path("/work/shared/fixtures/resumes")
SCALARS = ["name", "email", "phone", "location.city", "location.country", "total_hours",
           "pic_hours", "medical_class"]  # fmt: skip
FIELDS = [*SCALARS, "summary", "skills", "experience", "experience_title", "education",
          "education_degree", "licences", "type_ratings", "certifications"]  # fmt: skip


@dataclass
class Counts:
    """True positives, false positives and false negatives of one field."""

    tp: float = 0
    fp: float = 0
    fn: float = 0

    def add(self, tp: float, fp: float, fn: float) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def norm_text(value: Any) -> str:
    """NFC, case-folded, whitespace collapsed."""
    text = unicodedata.normalize("NFC", str(value)).casefold()
    return re.sub(r"\s+", " ", text).strip()


def norm_scalar(field: str, value: Any) -> Any:
    if value is None:
        return None
    if field == "phone":
        return re.sub(r"\D", "", str(value)) or None
    if field in {"total_hours", "pic_hours", "medical_class"}:
        try:
            return int(value)
        except (TypeError, ValueError):
            return str(value)
    return norm_text(value) or None


def get(obj: dict[str, Any], dotted: str) -> Any:
    for key in dotted.split("."):
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)  # type: ignore[assignment]
    return obj


def score_scalar(got: Any, want: Any) -> tuple[int, int, int]:
    if want is None:
        return (0, 1, 0) if got is not None else (0, 0, 0)
    if got is None:
        return 0, 0, 1
    return (1, 0, 0) if got == want else (0, 1, 1)


def word_f1(a: str, b: str) -> float:
    wa, wb = norm_text(a).split(), norm_text(b).split()
    if not wa or not wb:
        return 0.0
    common = 0
    pool = list(wb)
    for w in wa:
        if w in pool:
            pool.remove(w)
            common += 1
    if not common:
        return 0.0
    p, r = common / len(wa), common / len(wb)
    return 2 * p * r / (p + r)


def similar(a: str, b: str) -> float:
    return fuzz.ratio(norm_text(a), norm_text(b)) / 100


def match_sets(got: list[Any], want: list[Any], ok: Any) -> tuple[int, int, int]:
    """Greedy one-to-one matching: (tp, fp, fn)."""
    used: set[int] = set()
    tp = 0
    for w in want:
        for i, g in enumerate(got):
            if i not in used and ok(g, w):
                used.add(i)
                tp += 1
                break
    return tp, len(got) - tp, len(want) - tp


def date_ok(got: Any, want: Any) -> bool:
    """Compared at the truth's precision: "2014" accepts "2014-06", not the reverse."""
    if want is None or got is None:
        return want == got
    want, got = str(want).lower(), str(got).lower()
    return got == want or (len(want) == 4 and got[:4] == want and want != "present")


def title_ok(a: str, b: str) -> bool:
    na, nb = norm_text(a), norm_text(b)
    return similar(a, b) >= 0.85 or (bool(na) and bool(nb) and (na in nb or nb in na))


def code_set(values: list[str] | None) -> list[str]:
    return sorted({re.sub(r"\s+", "", v).upper() for v in values or []})


def score_file(got: dict[str, Any], want: dict[str, Any], counts: dict[str, Counts]) -> None:
    for field in SCALARS:
        g, w = norm_scalar(field, get(got, field)), norm_scalar(field, get(want, field))
        counts[field].add(*score_scalar(g, w))
    gs, ws = got.get("summary"), want.get("summary")
    if ws is None:
        counts["summary"].add(0, 1 if gs else 0, 0)
    elif not gs:
        counts["summary"].add(0, 0, 1)
    else:
        counts["summary"].add(*((1, 0, 0) if word_f1(gs, ws) >= 0.8 else (0, 1, 1)))
    counts["skills"].add(
        *match_sets(
            got.get("skills") or [], want.get("skills") or [], lambda g, w: similar(g, w) >= 0.9
        )
    )
    gjobs, wjobs = got.get("experience") or [], want.get("experience") or []
    counts["experience"].add(
        *match_sets(
            gjobs,
            wjobs,
            lambda g, w: (
                similar(g.get("employer") or "", w["employer"]) >= 0.85
                and date_ok(g.get("start"), w["start"])
                and date_ok(g.get("end"), w["end"])
            ),
        )
    )
    counts["experience_title"].add(
        *match_sets(
            gjobs,
            wjobs,
            lambda g, w: (
                title_ok(g.get("employer") or "", w["employer"])
                and title_ok(g.get("title") or "", w["title"])
            ),
        )
    )
    gedu, wedu = got.get("education") or [], want.get("education") or []
    counts["education"].add(
        *match_sets(
            gedu,
            wedu,
            lambda g, w: (
                similar(g.get("institution") or "", w["institution"]) >= 0.85
                and g.get("year") == w["year"]
            ),
        )
    )
    counts["education_degree"].add(
        *match_sets(
            gedu,
            wedu,
            lambda g, w: (
                similar(g.get("institution") or "", w["institution"]) >= 0.85
                and title_ok(g.get("degree") or "", w["degree"])
            ),
        )
    )
    for field in ("licences", "type_ratings", "certifications"):
        g_codes, w_codes = set(code_set(got.get(field))), set(code_set(want.get(field)))
        tp = len(g_codes & w_codes)
        counts[field].add(tp, len(g_codes) - tp, len(w_codes) - tp)


def main(argv: list[str] | None = None) -> int:
    """Score every resume in a directory; print the table and the macro F1."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dir", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--no-sandbox", action="store_true", help="parse in this process")
    parser.add_argument("-v", "--verbose", action="store_true", help="list per-file failures")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from resume_parser import parse_resume

    counts = {f: Counts() for f in FIELDS}
    files = sorted(p for p in args.dir.glob("*.truth.json"))
    if not files:
        print(f"no *.truth.json files in {args.dir}", file=sys.stderr)
        return 2
    for truth_path in files:
        want = json.loads(truth_path.read_text(encoding="utf-8"))
        stem = truth_path.name[: -len(".truth.json")]
        source = next(p for p in args.dir.glob(stem + ".*") if not p.name.endswith(".json"))
        result = parse_resume(source, sandbox=not args.no_sandbox)
        got = result.resume.to_dict() if result.resume else {}
        before = {f: (c.fp, c.fn) for f, c in counts.items()}
        score_file(got, want, counts)
        if args.verbose:
            bad = [f for f, c in counts.items() if (c.fp, c.fn) != before[f]]
            print(f"{source.name}: {result.status} {' '.join(bad) or 'ok'}")
    print(f"{'field':<18} {'P':>6} {'R':>6} {'F1':>6}")
    f1s = []
    for field in FIELDS:
        p, r, f = counts[field].prf()
        f1s.append(f)
        print(f"{field:<18} {p:6.3f} {r:6.3f} {f:6.3f}")
    macro = sum(f1s) / len(f1s)
    print(f"{'macro F1':<18} {'':>6} {'':>6} {macro:6.3f}   ({len(files)} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

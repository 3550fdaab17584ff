"""The held-out resumes (tests/resume_parser/holdout/): written apart from the parser's fixtures.

The parser was tuned on tests/resume_parser/fixtures/; these 26 resumes (other names, layouts,
heading wordings, date, phone and hour formats) check that its rules carry over to new files.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HOLDOUT = Path(__file__).parent / "holdout"
MACRO_FLOOR = 0.90
FIELD_FLOOR = 0.80


def _scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "score_resumes", ROOT / "scripts/score_resumes.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_resumes"] = module
    spec.loader.exec_module(module)
    return module


def test_holdout_set_is_complete() -> None:
    truths = sorted(HOLDOUT.glob("*.truth.json"))
    assert len(truths) >= 20
    resumes = [p for p in HOLDOUT.iterdir() if p.suffix in {".pdf", ".docx", ".txt"}]
    assert {p.stem + ".truth.json" for p in resumes} == {t.name for t in truths}
    assert {p.suffix for p in resumes} == {".pdf", ".docx", ".txt"}


def test_holdout_scores_above_floors(capsys: pytest.CaptureFixture[str]) -> None:
    assert _scorer().main([str(HOLDOUT)]) == 0
    out = capsys.readouterr().out
    rows = [line.split() for line in out.splitlines()[1:-1]]
    low = {row[0]: float(row[-1]) for row in rows if float(row[-1]) < FIELD_FLOOR}
    assert not low, out
    macro = float(out.splitlines()[-1].split()[2])
    assert macro >= MACRO_FLOOR, out

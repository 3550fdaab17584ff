"""Parsing the fixture resumes: real fields, and the scorer's macro F1 over the set."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from resume_parser import parse_resume
from resume_parser.cli import cli_main
from tests.resume_parser.builders import FIXTURES

ROOT = Path(__file__).resolve().parents[2]


def _scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "score_resumes", ROOT / "scripts/score_resumes.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_resumes"] = module
    spec.loader.exec_module(module)
    return module


def test_two_column_pdf_is_read_column_by_column() -> None:
    result = parse_resume(FIXTURES / "02_air_traffic_controller_arjun_menon.pdf")
    assert result.status == "parsed" and result.resume is not None
    resume = result.resume
    assert resume.name == "Arjun Menon"
    assert resume.phone == "+917715925930"
    assert "Team resource management (TRM)" in resume.skills
    assert [(j.employer, j.start, j.end) for j in resume.experience] == [
        ("Coastal Airspace Authority", "2022-12", "present"),
        ("Continental Area Control Centre", "2013-05", "2022-06"),
    ]
    assert (resume.licences, resume.medical_class) == (["ATCO"], 3)


def test_docx_tables_headers_and_footers() -> None:
    table = parse_resume(FIXTURES / "03_flight_dispatcher_andrea_d_angelo.docx").resume
    assert table is not None
    assert table.name == "Andrea D'Angelo"
    assert [e.institution for e in table.education] == [
        "Deccan Institute of Aeronautics",
        "Aero Skills Institute",
    ]
    footer = parse_resume(FIXTURES / "06_cadet_pilot_gokhan_erdogdu.docx").resume
    assert footer is not None
    assert footer.phone == "+905452377493"  # national number, country from "Antalya – Turkey"
    assert footer.location is not None and footer.location.country == "TR"
    assert (footer.total_hours, footer.pic_hours) == (180, 107)


def test_txt_key_value_layout() -> None:
    resume = parse_resume(FIXTURES / "10_airline_captain_fatima_al_hashimi.txt").resume
    assert resume is not None
    assert resume.phone is None
    assert (resume.total_hours, resume.pic_hours) == (15920, 6800)
    assert resume.type_ratings == ["A350", "A330"]
    assert resume.experience[1].employer == "Nordic Shuttle"
    assert resume.education[0].year == 2006


def test_to_dict_has_the_truth_shape() -> None:
    result = parse_resume(FIXTURES / "07_aerospace_engineer_isla_whitmore.txt", sandbox=False)
    assert result.resume is not None
    data = result.resume.to_dict()
    truth = json.loads((FIXTURES / "07_aerospace_engineer_isla_whitmore.truth.json").read_text())
    assert set(truth) - {"_meta"} <= set(data)
    assert data["schema_version"] == "1.0"
    assert 0.0 <= data["confidence"] <= 1.0


def test_fixture_set_scores_above_target(capsys: pytest.CaptureFixture[str]) -> None:
    scorer = _scorer()
    assert scorer.main([str(FIXTURES)]) == 0
    out = capsys.readouterr().out
    rows = {line.split()[0]: line.split() for line in out.splitlines()[1:-1]}
    assert all(float(row[-1]) >= 0.8 for row in rows.values()), out
    macro = float(out.splitlines()[-1].split()[2])
    assert macro >= 0.9, out


def test_scorer_counts_wrong_values_as_fp_and_fn() -> None:
    scorer = _scorer()
    counts = {f: scorer.Counts() for f in scorer.FIELDS}
    want = {
        "name": "Ana Lima",
        "phone": "+351912345678",
        "experience": [
            {"employer": "Blue Air", "title": "Pilot", "start": "2014", "end": "present"}
        ],
    }
    got = {
        "name": "ANA LIMA",
        "phone": "+351 912 345 679",
        "experience": [
            {"employer": "BLUE AIR", "title": "Pilot", "start": "2014-06", "end": "present"}
        ],
    }
    scorer.score_file(got, want, counts)
    assert counts["name"].prf()[2] == 1.0
    assert (counts["phone"].fp, counts["phone"].fn) == (1, 1)
    assert counts["experience"].tp == 1


def test_cli_json_and_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main([str(FIXTURES / "12_mro_planner_rhys_st_john_smythe.pdf"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["location"] == {"city": "London", "country": "GB"}
    bad = tmp_path / "cv.pdf"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert cli_main([str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unsupported_type" in err

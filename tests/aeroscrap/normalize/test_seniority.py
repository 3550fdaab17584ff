"""senior_flag (README 3.5)."""

from __future__ import annotations

import pytest

from aeroscrap.normalize.seniority import senior_flag
from aeroscrap.normalize.title import normalize_title


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Captain A320", True),
        ("Capt. B737NG", True),
        ("Training Captain", True),
        ("Senior First Officer", True),
        ("S/FO A330", True),
        ("Sr. Aircraft Tech", True),
        ("Snr Planner", True),
        ("VP Operations", True),
        ("Vice President, Flight Operations", True),
        ("Head of Flight Operations", True),
        ("Heads of Department", False),
        ("Nominated Person Ground Operations", True),
        ("Team Leader - Ramp", True),
        ("Lead B1 Engineer", True),
        ("Chief Pilot", True),
        ("Director of Maintenance", True),
        ("Duty Manager", True),
        ("Shift Supervisor", True),
        ("Hangar Superintendent", True),
        ("Principal Engineer", True),
        ("Part-145 Postholder", True),
        ("Sikorsky S-92 Commander", True),
        ("Captains Wanted", True),
        # Junior wins.
        ("Trainee Duty Manager", False),
        ("Junior Project Manager", False),
        ("Graduate Management Trainee", False),
        ("Cadet Pilot Programme - Captain track", False),
        ("Apprentice Supervisor", False),
        ("Engineering Internship - Manager's office", False),
        ("Student Pilot", False),
        # Everything else.
        ("First Officer", False),
        ("Second Officer", False),
        ("Co-Pilot", False),
        ("Aircraft Technician", False),
        ("Flight Instructor", False),
        ("Sales Executive", False),
        ("Management Accountant", False),
        ("Payroll Administrator - Head Office", False),
        ("Leadership Programme Coordinator", False),
        ("", False),
    ],
)
def test_senior_flag(title: str, expected: bool) -> None:
    assert senior_flag(normalize_title(title)) is expected

"""Field rules on small inputs: dates, phones, places, headings, hours and codes."""

from __future__ import annotations

import pytest

from resume_parser.aviation import (
    find_certifications,
    find_hours,
    find_licences,
    find_medical,
    find_type_ratings,
)
from resume_parser.contacts import find_phone, proper_case
from resume_parser.dates import find_range, join_date_cells
from resume_parser.geo import parse_location
from resume_parser.models import Line
from resume_parser.sections import classify_heading
from resume_parser.text import BULLET_RE, decode, lines_from_text


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Jan 2019 - Present", "2019-01", "present"),
        ("03.2015 - 06.2018", "2015-03", "2018-06"),
        ("2015-03 to 2018-06", "2015-03", "2018-06"),
        ("Mar. 2017 to Sep. 2019", "2017-03", "2019-09"),
        ("2012 – 2014", "2012", "2014"),
        ("Since March 2021", "2021-03", "present"),
        ("since 03/2021", "2021-03", "present"),
        ("2016 to date", "2016", "present"),
    ],
)
def test_date_ranges(text: str, start: str, end: str) -> None:
    found = find_range(text)
    assert found is not None and (found.start, found.end) == (start, end)


def test_birth_dates_are_not_ranges() -> None:
    assert find_range("Date of birth: 01.05.1995") is None


@pytest.mark.parametrize(
    ("text", "region", "expected"),
    [
        ("Tel: +44 (0)7700 900123", None, "+447700900123"),
        ("Mobile: 0044 7700 900123", None, "+447700900123"),
        ("☎ (404) 555-0123", "US", "+14045550123"),
        ("Phone: 06 42 34 63 76", "FR", "+33642346376"),
        ("Type ratings: A330-200/300", "AE", None),
    ],
)
def test_phones(text: str, region: str | None, expected: str | None) -> None:
    assert find_phone([Line(text)], region) == expected


@pytest.mark.parametrize(
    ("text", "city", "country"),
    [
        ("Wrocław – Polska", "Wrocław", "PL"),
        ("Dallas, TX, U.S.A.", "Dallas", "US"),
        ("Hyderabad (India)", "Hyderabad", "IN"),
        ("Singapore", "Singapore", "SG"),
        ("München, Deutschland", "München", "DE"),
    ],
)
def test_locations(text: str, city: str, country: str) -> None:
    loc = parse_location(text)
    assert loc is not None and (loc.city, loc.country) == (city, country)


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Career Objective", "summary"),
        ("Professional Background", "experience"),
        ("Training & Education", "education"),
        ("Certificates & Licenses", "licences"),
        ("Areas of Expertise", "skills"),
        ("Flying Hours", "hours"),
        ("Additional Training", "certifications"),
        ("Line Pilot | 2019", None),
    ],
)
def test_heading_wordings(heading: str, kind: str | None) -> None:
    assert classify_heading(heading) == kind


def test_hours_and_medical() -> None:
    lines = [
        Line("Total: 15,920 hrs; P1: 6 800 hrs; PICUS: 900 hrs"),
        Line("FAA Second-Class Medical"),
    ]
    assert find_hours(lines) == (15920, 6800)
    assert find_medical(lines) == 2
    assert find_hours([Line("PICUS 500 h, SIC 1200 h")]) == (None, None)


def test_codes() -> None:
    lines = [Line("Frozen ATPL"), Line("Type ratings: B757/767, A320/A321neo (CFM)"),
             Line("English – ICAO Level 5")]  # fmt: skip
    assert find_licences(lines) == ["CPL(A)"]
    assert find_type_ratings(lines, all_lines=False) == ["B757", "B767", "A320"]
    assert find_certifications(lines) == ["ATPL-THEORY", "IR", "MEP", "ICAO-EN-5"]
    assert find_licences([Line("Aircraft types (B2): ERJ-190")]) == []


def test_names_in_capitals() -> None:
    assert proper_case("PIETER VAN DER BERG") == "Pieter van der Berg"
    assert proper_case("ANDREA D'ANGELO") == "Andrea D'Angelo"


def test_txt_decoding_and_markup() -> None:
    assert decode("Zoë".encode("cp1252")) == "Zoë"
    lines = lines_from_text("## Skills\n- Python\nSUMMARY\n=======\nText")
    assert [(ln.text, ln.heading, ln.bullet) for ln in lines] == [
        ("Skills", True, False), ("Python", False, True), ("SUMMARY", True, False),
        ("Text", False, False),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "total", "pic"),
    [
        ("Total flight time: 3,250 hrs (1,900 P1)", 3250, 1900),
        ("Total: 14200h | PIC: 7,900 h | PICUS: 600 h", 14200, 7900),
        ("Total time 9 850 h; PIC 4 200 h; SIC 5 650 h", 9850, 4200),
        ("Total Time (TT): 5.400 h", 5400, None),
        ("Total experience: 12 years", None, None),
        # A label/value table row (cells joined by a tab).
        ("Pilot-in-command\t5,910", None, 5910),
        ("Total time\t6,820", 6820, None),
    ],
)
def test_hours_share_a_line(text: str, total: int | None, pic: int | None) -> None:
    assert find_hours([Line(text)]) == (total, pic)


def test_type_suffixes_and_designators_collapse_to_the_family() -> None:
    line = Line("Type ratings: AS350 B3, Bell 412EP, EC135T2, A321LR, A330neo, CL-65")
    assert find_type_ratings([line], all_lines=True) == [
        "H125",
        "B412",
        "H135",
        "A320",
        "A330",
        "CRJ",
    ]


def test_from_and_to_cells_make_one_range() -> None:
    assert join_date_cells("06/2018\tpresent\tBaltic Aero\tPlanner") == (
        "06/2018 – present\tBaltic Aero\tPlanner"
    )
    found = find_range("Oct 2015 – Till date")
    assert found is not None and (found.start, found.end) == ("2015-10", "present")


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Bengaluru, Karnataka, India", "Bengaluru"),
        ("Ennis, Co. Clare, Ireland", "Ennis"),
        ("Atlanta, Georgia, United States", "Atlanta"),
    ],
)
def test_region_between_city_and_country_is_skipped(text: str, city: str) -> None:
    found = parse_location(text)
    assert found is not None and found.city == city


def test_skills_summary_is_a_skills_heading() -> None:
    assert classify_heading("Skills Summary") == "skills"
    assert classify_heading("Professional Summary") == "summary"


def test_unlabelled_national_number_in_the_contact_block() -> None:
    assert find_phone([Line("07700 900123")], "GB") is None
    assert find_phone([Line("07700 900123")], "GB", strict=False) == "+447700900123"


@pytest.mark.parametrize("bullet", ["•", "-", "\uf0b7", "\uf0a7"])
def test_word_symbol_bullets_are_bullets(bullet: str) -> None:
    # Word exports Symbol- and Wingdings-font bullets as private-use characters.
    assert BULLET_RE.sub("", f"{bullet}\tCrew Resource Management") == "Crew Resource Management"


def test_aps_mcc_is_the_multi_crew_course_not_an_approach_rating() -> None:
    assert find_certifications([Line("APS MCC, Skyways Training, 2024")]) == ["MCC"]
    assert "ATC-APS" in find_certifications([Line("Ratings: ADI, APS")])

"""Field rules on small inputs: dates, phones, places, headings, hours and codes."""

from __future__ import annotations

import io
from collections.abc import Callable

import docx
import pytest
from docx.document import Document as DocxDocument

from resume_parser.aviation import (
    find_certifications,
    find_hours,
    find_licences,
    find_medical,
    find_type_ratings,
)
from resume_parser.contacts import find_phone, proper_case
from resume_parser.dates import find_range, join_date_cells, join_split_range
from resume_parser.docx import extract_docx
from resume_parser.education import parse_education
from resume_parser.experience import parse_experience
from resume_parser.fields import build_resume
from resume_parser.geo import parse_location
from resume_parser.models import Line
from resume_parser.pdf import extract_pdf
from resume_parser.sections import classify_heading
from resume_parser.text import BULLET_RE, decode, lines_from_text
from tests.resume_parser.builders import make_pdf


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
        ("Aircraft Type Qualifications", "licences"),
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
        # A metropolitan area or a unit named as such, not in pycountry's list of names.
        ("Makati, Metro Manila, Philippines", "Makati"),
        ("Wuhan, Hubei Province, China", "Wuhan"),
        # A state's code written after the town, with or without a postcode.
        ("Cairns QLD, Australia", "Cairns"),
        ("Perth WA 6000, Australia", "Perth"),
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


def test_air_transport_pilot_licence_is_an_atpl() -> None:
    line = Line("Air Transport Pilot Licence (Helicopters) – issued by CAA NZ")
    assert find_licences([line]) == ["ATPL(H)"]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("SEP (Safety and Emergency Procedures) – annual", []),
        ("Safety & Emergency Procedures (SEP) recurrent", []),
        ("SEP (land) class rating", ["SEP"]),
    ],
)
def test_cabin_crew_sep_is_not_the_class_rating(text: str, codes: list[str]) -> None:
    assert find_certifications([Line(text)]) == codes


def _pdf(pages: list[list[tuple[float, int, int, str]]], font: str = "Helvetica") -> bytes:
    """A PDF with (x, y, font size, text) runs in one font, one list per page."""
    objects = [b"<</Type/Catalog/Pages 2 0 R>>", b"",
               b"<</Type/Font/Subtype/Type1/BaseFont/%s>>" % font.encode()]  # fmt: skip
    kids = []
    for page in pages:
        ops = "\n".join(f"BT /F1 {size} Tf {x} {y} Td ({text}) Tj ET" for x, y, size, text in page)
        objects.append(b"<</Length %d>>stream\n" % len(ops) + ops.encode() + b"\nendstream")
        objects.append(
            b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents %d 0 R"
            b"/Resources<</Font<</F1 3 0 R>>>>>>" % len(objects)
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<</Type/Pages/Kids[%s]/Count %d>>" % (b" ".join(kids), len(pages))
    return make_pdf(objects)


def test_pdf_list_item_wrapped_inside_its_hanging_indent() -> None:
    # The wrapped line starts between the bullet (x=80) and the item's text (x=91).
    lines = extract_pdf(_pdf([[
        (72, 720, 10, "Line Maintenance Technician"),
        (80, 704, 10, "-"), (91, 704, 10, "Performed daily and weekly checks on the turboprop"),
        (86, 692, 10, "fleet overnight."),
    ]]))  # fmt: skip
    assert [(ln.text, ln.bullet) for ln in lines][-1] == (
        "Performed daily and weekly checks on the turboprop fleet overnight.",
        True,
    )


def test_pdf_line_ending_in_dates_is_not_wrapped_into_the_next() -> None:
    lines = extract_pdf(_pdf([[
        (72, 650, 12, "EDUCATION"),
        (72, 630, 10, "BSc Applied Physics - Lowland University of Science and Technology - 2004 - 2008"),
        (72, 618, 10, "Approach Control Rating Course - Northern Air Traffic Academy - 2016"),
    ]]))  # fmt: skip
    assert [ln.text for ln in lines][1:] == [
        "BSc Applied Physics - Lowland University of Science and Technology - 2004 - 2008",
        "Approach Control Rating Course - Northern Air Traffic Academy - 2016",
    ]


def test_pdf_numbered_footer_and_continuation_title_are_not_body_text() -> None:
    def footer(number: int) -> list[tuple[int, int, int, str]]:
        return [(72, 40, 8, "Leeds, UK | +44 7700 900456"), (480, 40, 8, f"Page {number} of 2")]

    first = [(72, 740, 20, "JOANNA ROE"), (72, 700, 12, "SKILLS"),
             (72, 684, 10, "Load planning, Crew scheduling"), *footer(1)]  # fmt: skip
    second = [(72, 770, 8, "Joanna Roe - Curriculum Vitae"), (72, 740, 12, "INTERESTS"),
              (72, 724, 10, "Fell running"), *footer(2)]  # fmt: skip
    texts = [ln.text for ln in extract_pdf(_pdf([first, second]))]
    assert texts == [
        "Leeds, UK | +44 7700 900456\tPage 1 of 2",
        "JOANNA ROE",
        "SKILLS",
        "Load planning, Crew scheduling",
        "INTERESTS",
        "Fell running",
    ]


def test_txt_list_item_wrapped_under_its_text() -> None:
    text = "    - Checked baggage loads and\n      DG declarations.\n  Ramp Agent, Kisumu Air\n"
    assert [(ln.text, ln.bullet) for ln in lines_from_text(text)] == [
        ("Checked baggage loads and DG declarations.", True),
        # Set left of the bullet: the next entry's header, not the item's wrap.
        ("Ramp Agent, Kisumu Air", False),
    ]


def _jobs(text: str) -> list[tuple[str, str, str | None, str | None]]:
    resume = build_resume(lines_from_text(text))
    return [(j.title, j.employer, j.start, j.end) for j in resume.experience]


def test_employer_town_after_a_title_line() -> None:
    text = (
        "EXPERIENCE\nLine Maintenance Technician\n"
        "Northgate Aviation Services, Tavistock | 2015-04 – 2019-08\n"
        "- Daily checks.\nStores Assistant\nMoorland Aero Services, Okehampton · 2012 – 2015\n"
    )
    assert _jobs(text) == [
        ("Line Maintenance Technician", "Northgate Aviation Services", "2015-04", "2019-08"),
        ("Stores Assistant", "Moorland Aero Services", "2012", "2015"),
    ]


def test_double_hyphen_separates_employer_and_town() -> None:
    text = "EXPERIENCE\nPrairie Sky Connection -- Fargo, ND\nCrew Scheduler    2012 - 2016\n"
    assert _jobs(text) == [("Crew Scheduler", "Prairie Sky Connection", "2012", "2016")]


def test_title_with_a_dash_then_employer_after_a_comma() -> None:
    text = "EXPERIENCE\nSFI – A320 family, Northern Sim Training Academy (2018 – Present)\n"
    assert _jobs(text) == [
        ("SFI – A320 family", "Northern Sim Training Academy", "2018", "present")
    ]


def test_dates_first_then_title_and_employer_lines() -> None:
    lines = [
        Line("03/2016–now"), Line("Avionics Technician", bold=True),
        Line("Baltic Aero Services, Riga"), Line("Fault isolation on A320s.", bullet=True),
        Line("2012–2016"), Line("Apprentice"), Line("Daugava Avionics Works, Jelgava"),
    ]  # fmt: skip
    assert [(j.title, j.employer) for j in parse_experience(lines)] == [
        ("Avionics Technician", "Baltic Aero Services"),
        ("Apprentice", "Daugava Avionics Works"),
    ]


def test_dates_column_with_wrapped_items_and_school_below() -> None:
    text = (
        "EMPLOYMENT\n"
        "2016 – 2020     Ramp Clerk\n"
        "                Lakeside Ground Handling Ltd, Kisumu\n"
        "                - Checked baggage loads and\n"
        "                  dangerous goods declarations.\n"
        "2013 – 2016     Warehouse Clerk\n"
        "                Coastline Freight Forwarders, Malindi\n"
        "EDUCATION\n"
        "2011 – 2013     Certificate in Air Cargo Operations\n"
        "                Rift Valley School of Aviation\n"
    )
    resume = build_resume(lines_from_text(text))
    assert [(j.title, j.employer) for j in resume.experience] == [
        ("Ramp Clerk", "Lakeside Ground Handling Ltd"),
        ("Warehouse Clerk", "Coastline Freight Forwarders"),
    ]
    assert [(e.institution, e.degree, e.year) for e in resume.education] == [
        ("Rift Valley School of Aviation", "Certificate in Air Cargo Operations", 2013)
    ]


def test_medical_class_under_a_medical_heading() -> None:
    resume = build_resume(lines_from_text("## Licences\nCPL(A)\n## Medical\nClass 2, renewed 2025"))
    assert resume.medical_class == 2


def _docx(build: Callable[[DocxDocument], None]) -> bytes:
    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_label_rows_and_column_headers_stay_in_their_section() -> None:
    def build(document: DocxDocument) -> None:
        document.add_heading("Licences", level=1)
        table = document.add_table(rows=0, cols=2)
        for label, value in [("Licence", "CPL(A)"), ("Medical", "Class 2, valid to 05/2027")]:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = label, value
        document.add_heading("Type Qualifications", level=1)
        table = document.add_table(rows=0, cols=2)
        for label, value in [("Aircraft", "Qualified since"), ("Boeing 777-300ER", "2018")]:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = label, value

    resume = build_resume(extract_docx(_docx(build)))
    assert resume.medical_class == 2
    assert resume.type_ratings == ["B777"]


def test_docx_dates_cell_beside_title_and_employer_cell() -> None:
    def build(document: DocxDocument) -> None:
        document.add_heading("Work Experience", level=1)
        cells = document.add_table(rows=1, cols=2).rows[0].cells
        cells[0].text = "05/2017 – present"
        cells[1].text = "Cabin Supervisor\nHarbour Regional Airways, Nelson"

    resume = build_resume(extract_docx(_docx(build)))
    assert [(j.title, j.employer, j.start) for j in resume.experience] == [
        ("Cabin Supervisor", "Harbour Regional Airways", "2017-05")
    ]


@pytest.mark.parametrize(
    ("text", "city", "country"),
    [
        ("Boulder, CO 80301", "Boulder", "US"),
        ("Halifax, NS B3H 4R2", "Halifax", "CA"),
        ("Nagpur – 440010, Maharashtra, India", "Nagpur", "IN"),
        ("Apt 4B, 221 Lake Shore Drive, Lincoln Park, Chicago, IL 60614, USA", "Chicago", "US"),
    ],
)
def test_postcode_after_the_state_or_town(text: str, city: str, country: str) -> None:
    loc = parse_location(text)
    assert loc is not None and (loc.city, loc.country) == (city, country)


@pytest.mark.parametrize(
    ("heading", "kind"),
    [("About", "summary"), ("ABOUT ME", "summary"), ("About the airline", None)],
)
def test_about_heads_the_summary(heading: str, kind: str | None) -> None:
    assert classify_heading(heading) == kind


@pytest.mark.parametrize(
    ("text", "pic"),
    [("P1:\t2,405 hrs", 2405), ("Pilot-in-command: | 1 180 h", 1180), ("Night | 300 h", None)],
)
def test_hours_label_cell_with_its_own_colon(text: str, pic: int | None) -> None:
    assert find_hours([Line(text)]) == (None, pic)


def test_title_qualifier_after_a_dash_with_the_employer_below() -> None:
    lines = [
        Line("Line Engineer – Avionics & Cabin Systems", bold=True),
        Line("Nordfjord Air Services AS, Bodø\t(May 2018 – Present)"),
    ]
    assert [(j.title, j.employer) for j in parse_experience(lines)] == [
        ("Line Engineer – Avionics & Cabin Systems", "Nordfjord Air Services AS")
    ]


def test_docx_dates_cell_beside_a_bold_course_and_its_school() -> None:
    def build(document: DocxDocument) -> None:
        for heading in ["Profile", "Experience"]:
            document.add_heading(heading, level=1)
        document.add_heading("Education and Training", level=1)
        table = document.add_table(rows=2, cols=2)
        for row, (dates, course, school) in zip(
            table.rows,
            [
                ("09.2014 – 07.2016", "Modular CPL(A) training", "Alpine Flight Academy"),
                ("2013", "Matura", "Realgymnasium Linz"),
            ],
            strict=True,
        ):
            row.cells[0].text = dates
            paragraph = row.cells[1].paragraphs[0]
            paragraph.add_run(course).bold = True
            row.cells[1].add_paragraph(school)

    resume = build_resume(extract_docx(_docx(build)))
    assert [(e.institution, e.degree, e.year) for e in resume.education] == [
        ("Alpine Flight Academy", "Modular CPL(A) training", 2016),
        ("Realgymnasium Linz", "Matura", 2013),
    ]


def test_dates_column_row_wrapped_over_two_lines() -> None:
    assert join_split_range("2016 –\tHarbour Air Taxi, Ålesund", "2020\tFirst Officer") == (
        "2016 – 2020\tHarbour Air Taxi, Ålesund\tFirst Officer"
    )
    assert join_split_range("2016 – 2020\tHarbour Air Taxi", "Captain\tx") is None
    lines = [
        Line("03/2020 –\tHarbour Air Taxi, Ålesund"),
        Line("present\tFirst Officer Dash 8"),
        Line("2014 -\tKystfly Klubb, Molde"),
        Line("2016\tChief Flying Instructor"),
    ]
    assert [(j.employer, j.title, j.start, j.end) for j in parse_experience(lines)] == [
        ("Harbour Air Taxi", "First Officer Dash 8", "2020-03", "present"),
        ("Kystfly Klubb", "Chief Flying Instructor", "2014", "2016"),
    ]


def test_header_lines_below_the_dates_keep_their_comma_tail() -> None:
    lines = [
        Line("Coastal Link Regional — Duluth, MN (2017–2020)", bold=True),
        Line("Captain, Saab 340"),
        Line("Scheduled passenger flying across the upper Midwest in all seasons."),
        Line("2012 – 2015"),
        Line("Harbourview Inn, Essaouira", bold=True),
        Line("Front Desk Agent"),
    ]
    assert [(j.employer, j.title) for j in parse_experience(lines)] == [
        ("Coastal Link Regional", "Captain, Saab 340"),
        ("Harbourview Inn", "Front Desk Agent"),
    ]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Type ratings: CL-600-2D24 (CRJ900), CL-600-2B19 (CRJ200)", ["CRJ"]),
        ("Type ratings: CL-600-2B16 (Challenger 604)", []),
    ],
)
def test_crj_type_certificate_models(text: str, codes: list[str]) -> None:
    assert find_type_ratings([Line(text)], all_lines=False) == codes


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        (
            "UK Part-66 licence, categories B1.3 and C, type ratings AW139 (B1) and S-92",
            ["PART66-B1", "PART66-C"],
        ),
        ("Type ratings: A320 family (B1/B2), A330", []),
        ("Clean driving licence, category C+E", []),
        ("HGV Category C entitlement, forklift licence", []),
    ],
)
def test_part66_categories_before_type_ratings_and_not_road_licences(
    text: str, codes: list[str]
) -> None:
    assert find_licences([Line(text)]) == codes


def test_skills_paragraph_soft_wrapped_inside_an_item() -> None:
    text = (
        "Sam Doe\nSKILLS\nBorescope inspection, Engine change and ground\n"
        "runs on CFM56, Wiring repair,\nTorque checks\n"
    )
    assert build_resume(lines_from_text(text)).skills == [
        "Borescope inspection",
        "Engine change and ground runs on CFM56",
        "Wiring repair",
        "Torque checks",
    ]


def test_grade_notes_are_neither_school_nor_qualification() -> None:
    lines = [
        Line("2009 - 2013\tNorthgate University"),
        Line("BEng Aeronautical Engineering"),
        Line("First Class, CGPA 3.9 / 4.0"),
        Line("2007 - 2009\tRiverside Sixth Form College"),
        Line("A-levels in Maths and Physics"),
        Line("Instituto Politécnico do Porto — Licenciatura em Engenharia, 2006\tcum laude"),
    ]
    assert [(e.institution, e.degree, e.year) for e in parse_education(lines)] == [
        ("Northgate University", "BEng Aeronautical Engineering", 2013),
        ("Riverside Sixth Form College", "A-levels in Maths and Physics", 2009),
        ("Instituto Politécnico do Porto", "Licenciatura em Engenharia", 2006),
    ]


def test_school_line_above_a_dashed_qualification() -> None:
    lines = [
        Line("Escola Profissional de Aeronáutica"),
        Line("Curso Técnico - Aviónica (avionics), 2011"),
    ]
    assert [(e.institution, e.degree, e.year) for e in parse_education(lines)] == [
        ("Escola Profissional de Aeronáutica", "Curso Técnico - Aviónica (avionics)", 2011)
    ]


def test_title_qualifier_after_a_comma_with_the_employer_below() -> None:
    lines = [
        Line("since 2017\tAir Traffic Controller, Approach and Tower", bold=True),
        Line("Alpenkontrolle AG, Wangen"),
        Line("Arrival and departure sequencing for the hub; OJTI for trainees."),
    ]
    assert [(j.title, j.employer) for j in parse_experience(lines)] == [
        ("Air Traffic Controller, Approach and Tower", "Alpenkontrolle AG")
    ]


def test_school_line_below_a_comma_qualification() -> None:
    lines = [
        Line("BACHELOR OF SCIENCE, AVIATION TECHNOLOGY • 2016", bold=True),
        Line("Prairie State University"),
    ]
    assert [(e.institution, e.degree, e.year) for e in parse_education(lines)] == [
        ("Prairie State University", "BACHELOR OF SCIENCE, AVIATION TECHNOLOGY", 2016)
    ]


def test_town_beside_the_phone_wins_over_a_headline_of_codes() -> None:
    lines = [
        Line("Sam Doe", heading=True, size=1.6, bold=True),
        Line("Avionics Technician\t|\tA&P / IA\t|\tFCC GROL"),
        Line("Wichita, Kansas 67209\t·\t316.555.0198\t·\tsam.doe@example.com"),
        Line("Technical Skills", heading=True),
        Line("Garmin G1000 upgrades\t|\tADS-B Out installations"),
    ]
    resume = build_resume(lines)
    assert resume.location is not None
    assert (resume.location.city, resume.location.country) == ("Wichita", "US")
    assert resume.skills == ["Garmin G1000 upgrades", "ADS-B Out installations"]


def test_linkedin_roles_grouped_under_a_company() -> None:
    lines = [
        Line("Gulfline Airways", size=1.17),
        Line("6 years 4 months"),
        Line("Lead Flight Dispatcher", bold=True),
        Line("June 2021 - Present (3 years 6 months)"),
        Line("Houston, Texas, United States"),
        Line("Desk lead for the Mexico and Central America desk; B737 and A321 fleet."),
        Line("Flight Dispatcher", bold=True),
        Line("August 2018 - June 2021 (2 years 11 months)"),
        Line("Houston, Texas, United States"),
        Line("Prairie Commuter", size=1.17),
        Line("Crew Scheduler", bold=True),
        Line("March 2016 - July 2018 (2 years 5 months)"),
    ]
    assert [(j.title, j.employer, j.start, j.end) for j in parse_experience(lines)] == [
        ("Lead Flight Dispatcher", "Gulfline Airways", "2021-06", "present"),
        ("Flight Dispatcher", "Gulfline Airways", "2018-08", "2021-06"),
        ("Crew Scheduler", "Prairie Commuter", "2016-03", "2018-07"),
    ]


def test_big_regular_heading_among_bold_sidebar_headings() -> None:
    lines = [
        Line("Sam Doe", size=2.4),
        Line("Summary", size=1.44),
        Line("Dispatcher with nine years in operations control."),
        Line("Contact", heading=True, size=1.17, bold=True),
        Line("Skills", heading=True, size=1.17, bold=True),
        Line("Languages", heading=True, size=1.17, bold=True),
        Line("Licenses & certifications", heading=True, size=1.17, bold=True),
    ]
    assert build_resume(lines).summary == "Dispatcher with nine years in operations control."


def test_pdf_europass_label_column_and_form_rows() -> None:
    # Courier glyphs are 0.6 em wide, so each label ends at x=190: a right-aligned label column
    # 5 points from its values, too narrow a gap to split cells by width alone.
    rows = [
        ("Dates", "10/2019 - present"),
        ("Occupation or position held", "B1 Certifying Engineer"),
        ("Name and address of employer", "Carpathia Technics SRL, Otopeni, Romania"),
        ("Dates", "04/2015 - 09/2019"),
        ("Occupation or position held", "B1 Engineer"),
        ("Name and address of employer", "Danubius Aero Maintenance SA, Arad, Romania"),
    ]
    runs = [(190 - 6 * len(label), 700 - 14 * i, 10, label) for i, (label, _) in enumerate(rows)]
    runs += [(195, 700 - 14 * i, 10, value) for i, (_, value) in enumerate(rows)]
    lines = extract_pdf(_pdf([runs], font="Courier"))
    assert lines[1].text == "Occupation or position held\tB1 Certifying Engineer"
    assert [(j.title, j.employer, j.start) for j in parse_experience(lines)] == [
        ("B1 Certifying Engineer", "Carpathia Technics SRL", "2019-10"),
        ("B1 Engineer", "Danubius Aero Maintenance SA", "2015-04"),
    ]


def test_europass_education_rows_below_the_dates() -> None:
    lines = [
        Line("Dates\t09/2010 – 07/2012"),
        Line("Title of qualification awarded\tEASA Part-147 B1.1 Basic Training"),
        Line("Name and type of organisation\tAeroTehnica Training Centre, Bucharest"),
        Line("Dates\t09/2006 – 07/2010"),
        Line("Title of qualification awarded\tBachelor of Engineering, Aerospace Engineering"),
        Line("Name and type of organisation\tPolitehnica University of Bucharest"),
    ]
    assert [(e.institution, e.degree, e.year) for e in parse_education(lines)] == [
        ("AeroTehnica Training Centre", "EASA Part-147 B1.1 Basic Training", 2012),
        (
            "Politehnica University of Bucharest",
            "Bachelor of Engineering, Aerospace Engineering",
            2010,
        ),
    ]


def test_name_label_is_not_the_start_of_a_longer_label() -> None:
    lines = [
        Line("Jana Novak", size=1.6),
        Line("Name and address of employer\tKestrel Aero Services, Brno"),
    ]
    assert build_resume(lines).name == "Jana Novak"

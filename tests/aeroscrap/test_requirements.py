"""Job-ad requirements read as a recruiter reads them: required vs preferred, bars vs benefits."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from aeroscrap import requirements, requirements_patterns
from aeroscrap.requirements import job_requirements
from aeroscrap.requirements_patterns import Rx
from resume_parser import aviation
from resume_parser.aviation import find_hours, find_licences
from resume_parser.models import Line

FIXTURE_JOBS = Path(__file__).parents[3] / "shared" / "fixtures" / "jobs" / "sample_jobs.jsonl"


@pytest.mark.parametrize(
    ("text", "total", "pic"),
    [
        ("Minimum 3,000 hours total time", 3000, None),
        ("3000+ hours TT", 3000, None),
        ("Total flight time: 1500 hrs", 1500, None),
        ("Min. 1500h total", 1500, None),
        ("A minimum of 1,500 flight hours", 1500, None),
        ("at least 2000 hours of flight experience", 2000, None),
        ("500 hrs PIC", None, 500),
        ("PIC time of 1,000 hours", None, 1000),
        ("minimum 500 hours pilot in command", None, 500),
        ("3000 hours total including 1000 PIC", 3000, 1000),
        ("A minimum of 1500 hours, of which 500 hours as PIC", 1500, 500),
        ("5.000 h total time, 2.500 h P1", 5000, 2500),
        ("1000 hours as captain on multi-crew jets", None, 1000),
        ("Minimum 4,000 hrs TT with 1,500 hrs in command", 4000, 1500),
    ],
)
def test_hours_phrasings(text: str, total: int | None, pic: int | None) -> None:
    req = job_requirements("Captain", text)
    assert (req["min_total_hours"], req["min_pic_hours"]) == (total, pic)


@pytest.mark.parametrize(
    "text",
    [
        "Up to 900 block hours a year on a 5/4 roster",
        "Minimum 500 hours on type",
        "1,000 hours multi-crew experience",
        "Minimum 200 hours PICUS",
        "Fleet of 30 aircraft flying 200 million guests",
        "We offer 750 hours per year and a 13th salary",
    ],
)
def test_hours_that_are_not_the_total_time_bar(text: str) -> None:
    req = job_requirements("First Officer", text)
    assert req["min_total_hours"] is None
    assert req["min_pic_hours"] is None


@pytest.mark.parametrize(
    ("text", "medical"),
    [
        ("Unrestricted First Class Medical", 1),
        ("Valid EASA Class 1 medical certificate", 1),
        ("FAA 2nd Class Medical", 2),
        ("Medical: Class 3 (ATCO)", 3),
        ("Benefits: private medical insurance, first class service", None),
        ("Medical cover for you and your family", None),
    ],
)
def test_medical_class(text: str, medical: int | None) -> None:
    assert job_requirements("Pilot", text)["medical_class"] == medical


@pytest.mark.parametrize(
    ("title", "text", "licences"),
    [
        ("Captain", "ATPL holder", ["ATPL(A)"]),
        ("Captain", "Valid FAA ATP certificate", ["ATPL(A)"]),
        ("First Officer", "ATPL or CPL with frozen ATPL", ["ATPL(A)", "CPL(A)"]),
        ("First Officer", "CPL(A) with ATPL theory credit, ME/IR", ["CPL(A)"]),
        ("Engineer", "Part-66 B1 licence", ["PART66-B1"]),
        ("Licensed Engineer", "EASA Part-66 B1.1 or B2 licence", ["PART66-B1", "PART66-B2"]),
        ("B1 Engineer", "Join our line team.", ["PART66-B1"]),
        ("Licensed Engineer (B1) B737", "Permanent role", ["PART66-B1"]),
        ("Aircraft Mechanic", "FAA Airframe and Powerplant certificate required", ["FAA-AP"]),
        ("Helicopter Pilot", "ATPL or CPL, 2000 hours total time", ["ATPL(H)", "CPL(H)"]),
        ("Pilot", "CPL(H) with an NVG rating", ["CPL(H)"]),
        ("Flight Dispatcher", "FAA Aircraft Dispatcher certificate", ["DISPATCHER"]),
        ("Cabin Crew", "Applicants must apply online. Cabin Crew Attestation an asset.", []),
        ("Captain", "Valid passport and US B1/B2 visa", []),
        ("Cadet", "Apply to our cadet programme. Compliance with our code of conduct.", []),
    ],
)
def test_licences(title: str, text: str, licences: list[str]) -> None:
    assert job_requirements(title, text)["licences"] == licences


def test_type_rating_required_from_title_and_text() -> None:
    req = job_requirements(
        "B737 Captain", "Valid B737 type rating. Minimum 3,000 hours total time, 500 hrs PIC."
    )
    assert req["type_ratings"] == ["B737"]
    assert req["type_rated_required"] is True
    assert (req["min_total_hours"], req["min_pic_hours"]) == (3000, 500)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("First Officer", "Requirements:\n- ATPL holder\n- A320 type rated preferred"),
        ("First Officer", "A320 type rating would be an advantage."),
        ("First Officer", "Ideally, you hold an A320 type rating."),
        ("First Officer", "Desirable:\n- A320 type rating\n- MCC"),
        ("First Officer", "Type rating on A320 (preferred)"),
    ],
)
def test_preferred_type_rating_is_not_required(title: str, text: str) -> None:
    req = job_requirements(title, text)
    assert req["preferred_type_ratings"] == ["A320"]
    assert req["type_ratings"] == []
    assert req["type_rated_required"] is False


def test_required_and_preferred_in_one_sentence() -> None:
    req = job_requirements(
        "Captain", "A valid B737 type rating is required, A320 rating would be an advantage."
    )
    assert req["type_ratings"] == ["B737"]
    assert req["preferred_type_ratings"] == ["A320"]
    assert req["type_rated_required"] is True


@pytest.mark.parametrize(
    "text",
    [
        "Non-type rated pilots welcome: type rating provided.",
        "We will fund your type rating.",
        "No type rating required, training given.",
        "What we offer:\n- Sponsored type rating\n- Relocation",
    ],
)
def test_type_rating_provided_is_not_required(text: str) -> None:
    req = job_requirements("A320 First Officer", text)
    assert req["type_ratings"] == ["A320"]
    assert req["type_rated_required"] is False


@pytest.mark.parametrize(
    ("title", "text", "types"),
    [
        ("B787 Dreamliner Captain", "Current Boeing 787 type rating.", ["B787"]),
        ("Captain", "Must hold a B757/767 type rating.", ["B757", "B767"]),
        ("Pilot", "Type rating on ATR 72-600 or Dash 8 Q400 required.", ["ATR72", "Q400"]),
        ("Helicopter Pilot", "Current AW139 type rating; S-92 an advantage.", ["AW139"]),
        ("Captain", "Type rated on the Embraer 190 (E-Jets).", ["E190"]),
        ("Captain A320neo", "Must be type rated.", ["A320"]),
    ],
)
def test_type_families(title: str, text: str, types: list[str]) -> None:
    req = job_requirements(title, text)
    assert req["type_ratings"] == types
    assert req["type_rated_required"] is True


def test_single_family_fleet_in_blurb_is_the_role_aircraft() -> None:
    assert job_requirements("First Officer", "Join our A320 fleet.")["type_ratings"] == ["A320"]
    mixed = job_requirements("First Officer", "We fly A320, A330 and B737 aircraft.")
    assert mixed["type_ratings"] == []


def test_fleet_in_the_benefits_counts_only_when_nothing_else_names_a_type() -> None:
    offer = "Requirements:\n- Valid ATPL\nWhat we offer:\n- Flying our A320 fleet from Madrid"
    assert job_requirements("First Officer", offer)["type_ratings"] == ["A320"]
    assert job_requirements("First Officer B737", offer)["type_ratings"] == ["B737"]
    wanted = "Desirable:\n- A320 type rating\nWhat we offer:\n- Flying our A320 and B737 fleet"
    req = job_requirements("First Officer", wanted)
    assert (req["type_ratings"], req["preferred_type_ratings"]) == (["B737"], ["A320"])


def test_preferred_licence_kept_apart() -> None:
    req = job_requirements("B1 Engineer", "B1 licence essential. B2 would be an advantage.")
    assert req["licences"] == ["PART66-B1"]
    assert req["preferred_licences"] == ["PART66-B2"]


def test_full_ad_with_sections() -> None:
    ad = (
        "Ryanair is Europe's largest airline group, carrying over 200 million guests a year.\n"
        "Responsibilities:\n- Command of the aircraft\n- Supervise the First Officer\n"
        "Requirements:\n- Valid EASA ATPL(A)\n"
        "- Minimum 3,000 hours total time, of which 1,000 hours PIC\n"
        "- Current B737 type rating\n- Unrestricted Class 1 medical\n"
        "Desirable:\n- TRI/TRE experience\n- A320 type rating\n"
        "What we offer:\n- Up to 900 block hours a year\n- Medical insurance and pension\n"
    )
    assert job_requirements("Captain B737", ad) == {
        "licences": ["ATPL(A)"],
        "preferred_licences": [],
        "type_ratings": ["B737"],
        "preferred_type_ratings": ["A320"],
        "type_rated_required": True,
        "min_total_hours": 3000,
        "min_pic_hours": 1000,
        "medical_class": 1,
    }


def test_empty_and_unrelated_text() -> None:
    empty = job_requirements("", "")
    assert empty["licences"] == [] and empty["min_total_hours"] is None
    assert job_requirements("Receptionist", "Answer phones, greet visitors.")["type_ratings"] == []


def test_type_rated_in_the_title_is_required() -> None:
    req = job_requirements("Type Rated Captain B777 - London", "Operate our Boeing 777 fleet.")
    assert (req["type_ratings"], req["type_rated_required"]) == (["B777"], True)


def test_prioritised_is_preferred_not_required() -> None:
    req = job_requirements(
        "A320 Senior First Officer", "Type-rated candidates will be prioritised."
    )
    assert req["type_rated_required"] is False
    assert req["preferred_type_ratings"] == ["A320"]


# The gates in front of resume_parser's patterns must pass every text those patterns read, or a
# new surface form added there would be silently skipped here. Texts with "İ", "ı" or "ſ" bypass
# the gates, so they are left out.
_LICENCE_FORMS = [
    aviation._FROZEN,
    *(pattern for _, pattern in aviation._LICENCE_FAMILIES),
    *(pattern for _, pattern in aviation._LICENCES),
    *(pattern for _, pattern in aviation._PART66),
]
_HOURS_FORMS = [aviation._TOTAL_RE, aviation._PIC_BEFORE_RE, aviation._PIC_AFTER_RE]


@settings(max_examples=60, suppress_health_check=[HealthCheck.filter_too_much])
@given(st.data())
@pytest.mark.parametrize("form", _LICENCE_FORMS, ids=lambda p: p.pattern[:30])
def test_licence_gate_passes_every_licence_form(form: re.Pattern[str], data: st.DataObject) -> None:
    text = data.draw(st.sampled_from(["", "Part-66 "])) + data.draw(st.from_regex(form))
    assume(not requirements_patterns.ODD_CASE.search(text))
    if find_licences([Line(text)]):
        assert requirements._may_name_licence(text.lower())


@settings(max_examples=60, suppress_health_check=[HealthCheck.filter_too_much])
@given(st.data())
@pytest.mark.parametrize("form", _HOURS_FORMS, ids=lambda p: p.pattern[:30])
def test_hours_gate_passes_every_hours_form(form: re.Pattern[str], data: st.DataObject) -> None:
    text = data.draw(st.from_regex(form))
    assume(not requirements_patterns.ODD_CASE.search(text))
    if find_hours([Line(text)]) != (None, None):
        assert any(word in text.lower() for word in requirements_patterns.HOURS_NEEDS)


_TWINS = [
    *(
        (name, value)
        for name, value in vars(requirements_patterns).items()
        if isinstance(value, Rx)
    ),
    *((f"PIC_PATTERNS[{i}]", rx) for i, (_, rx) in enumerate(requirements_patterns.PIC_PATTERNS)),
    *(
        (f"TOTAL_PATTERNS[{i}]", rx)
        for i, (_, rx) in enumerate(requirements_patterns.TOTAL_PATTERNS)
    ),
]
_NO_ODD_CASE = st.characters(blacklist_characters=requirements_patterns.ODD_CASE_CHARS)


# Each case-insensitive pattern and its lower-case twin must find the same spans, or reading an ad
# through the twins would change what is extracted.
@settings(max_examples=80, suppress_health_check=[HealthCheck.filter_too_much])
@given(st.data())
@pytest.mark.parametrize(("name", "twin"), _TWINS, ids=[name for name, _ in _TWINS])
def test_lower_case_twin_agrees(name: str, twin: Rx, data: st.DataObject) -> None:
    text = data.draw(
        st.one_of(
            st.from_regex(twin.mixed),
            st.text(alphabet=_NO_ODD_CASE, max_size=60),
            st.builds(
                "".join, st.lists(st.from_regex(twin.mixed) | st.text(_NO_ODD_CASE), max_size=4)
            ),
        )
    )
    assume(not requirements_patterns.ODD_CASE.search(text))
    mixed = [m.span() for m in twin.mixed.finditer(text)]
    assert [m.span() for m in twin.lower.finditer(text.lower())] == mixed, name


_WORD_LISTS = {
    "RELEVANT": (*requirements_patterns.GATE_WORDS, *"0123456789"),
    "LICENCE_WORD": requirements_patterns.LICENCE_WORDS,
    "NOT_HELD_WORD": requirements_patterns.NOT_HELD_WORDS,
    "PREFERRED_WORD": requirements_patterns.PREFERRED_WORDS,
    "ENGINEER_WORD": requirements_patterns.ENGINEER_WORDS,
    "LICENCE_PHRASE": requirements_patterns.LICENCE_PHRASES,
    "HOURS_NEED": requirements_patterns.HOURS_NEEDS,
    "TYPE_WORD": requirements_patterns.TYPE_WORDS,
}


# A word finder must say exactly what a test of each word with `in` says, or a gate would change.
@given(st.data())
@pytest.mark.parametrize("name", sorted(_WORD_LISTS))
def test_word_finder_agrees_with_in(name: str, data: st.DataObject) -> None:
    words = _WORD_LISTS[name]
    pieces = st.sampled_from(words) | st.text("abcdeilnoprty 16&(-.", max_size=4)
    low = "".join(data.draw(st.lists(pieces, max_size=6)))
    cut = data.draw(st.integers(0, len(low)))
    for text in (low, low[cut:], low[:cut]):
        expected = any(word in text for word in words)
        assert (getattr(requirements_patterns, name).search(text) is not None) == expected


@given(st.text(alphabet=_NO_ODD_CASE, max_size=60))
@example("3 h")
@example("1500+ HRS")
@example("TOTAL")
@example("in flight")
def test_hour_hint_on_lower_case_text(text: str) -> None:
    low = text.lower()
    split = requirements_patterns.HOUR_FIGURE.search(low) or requirements_patterns.HOUR_WORD.search(
        low
    )
    assert (split is not None) == (requirements_patterns.HOUR_HINT.search(low) is not None)


@given(st.text(alphabet="0123456789,. \u00a0\taB-/", max_size=20))
@example("3,000 h, CRJ1000, A350-1000, 1.5, 12, 1,2,3")
def test_type_anchor_is_a_short_or_glued_digit_run(text: str) -> None:
    runs = re.finditer(r"[0-9]+(?:[,.][0-9]+)*", text)
    expected = [
        m.start()
        for m in runs
        if len(m.group()) < 4 or (m.start() > 0 and not text[m.start() - 1].isspace())
    ]
    assert [m.start() for m in requirements_patterns.TYPE_ANCHOR.finditer(text)] == expected


@given(st.text(alphabet="0123456789,. h", max_size=16))
@example("1,500 h 12.000 h 123456 h")
def test_figure_pattern_reads_as_its_plain_form(text: str) -> None:
    plain = re.compile(r"(?<![\d.,])(\d{1,2}[,.]\d{3}|\d{1,5})(?![\d,.]\d)")
    expected = [(m.span(), m.group(1)) for m in plain.finditer(text)]
    figure = re.compile(requirements_patterns._NUM)
    assert [(m.span(), m.group(1)) for m in figure.finditer(text)] == expected


@given(
    st.lists(
        st.sampled_from(
            [
                "atpl",
                "atco",
                "a & p",
                "a3",
                "cpl",
                "cca",
                "category c",
                "cat. a",
                "ppl",
                "mpl",
                "foo",
                "b1",
                "x",
                "_",
                "1",
                " ",
                ".",
                "é",
            ]
        ),
        max_size=6,
    ).map("".join)
)
def test_licence_token_reads_as_its_plain_form(low: str) -> None:
    plain = re.compile(
        r"\b(?:(?:atpl?|cpl|ppl|mpl|atco|foo|cca|a\s*&\s*p|(?:category|cat\.?)\s*[ac]|a[1-4])\b|b[12])"
    )
    found = requirements_patterns.LICENCE_TOKEN.search(low) is not None
    assert found == (plain.search(low) is not None)

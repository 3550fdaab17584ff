"""normalized_title (README 3.1) and title_segments."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aeroscrap.normalize.title import normalize_title, title_segments


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # The README 3.1 table.
        ("Capt. B737NG – Immediate Start", "captain b737ng"),
        ("URGENT: F/O Boeing 737 MAX (m/f/d)", "first officer b737max"),
        (
            "Part-66 Cat B1.1 Lic. Engineer - Airbus A-320 (Contract)",
            "part 66 category b1.1 licensed engineer a320 contract",
        ),
        ("Sikorsky S-92 Commander - Aberdeen", "s92 commander aberdeen"),
        ("Sr. Aircraft Tech - Toronto", "senior aircraft technician toronto"),
        ("Direct Entry Captain Bombardier Global 7500 (Urgent)", "direct entry captain global7500"),
        # Step 1: diacritics.
        ("Fluggerätmechaniker (m/w/d)", "fluggeratmechaniker"),
        ("Çelebi Ramp Agent", "celebi ramp agent"),
        # Step 2: every gender marker form.
        ("Pilot (w/m/d)", "pilot"),
        ("Pilot (h/f)", "pilot"),
        ("Pilot (M/F/X)", "pilot"),
        ("Pilot (all genders)", "pilot"),
        ("Pilot (gn)", "pilot"),
        # Step 3: punctuated abbreviations and "&".
        ("S/FO A330", "senior first officer a330"),
        ("A/C Cleaner", "aircraft cleaner"),
        ("A&P Mechanic", "airframe and powerplant mechanic"),
        ("Sales & Marketing", "sales and marketing"),
        # Step 4: only digit.digit keeps its dot.
        ("B1.3 Engineer AW169", "b1.3 engineer aw169"),
        ("Eng. 3.5yrs", "engineer 3.5yrs"),
        # Step 5: designators.
        ("ATR 72-600 Captain", "atr72 600 captain"),
        ("AW 139 Pilot", "aw139 pilot"),
        ("Embraer E-190 F/O", "e190 first officer"),
        ("Challenger 350 Captain", "challenger350 captain"),
        ("Phenom 300 Pilot", "phenom300 pilot"),
        ("Dassault Falcon 7X Captain", "falcon7x captain"),
        ("Airbus Helicopters Technician", "airbus helicopters technician"),
        ("Boeing 777F Captain", "b777f captain"),
        ("737NG Captain", "b737ng captain"),
        ("A320 neo Captain", "a320neo captain"),
        ("A350 XWB Captain", "a350 xwb captain"),
        ("B787 Dreamliner Captain", "b787 dreamliner captain"),
        ("A320 Family Captain", "a320 family captain"),
        ("Gulfstream G650 Captain", "g650 captain"),
        # Step 6: whole tokens only ("Engineering" is not "eng").
        ("Snr Mgr Maint Ops", "senior manager maintenance operations"),
        ("VP Engineering", "vice president engineering"),
        ("LAME B1 - Perm", "licensed aircraft maintenance engineer b1 permanent"),
        ("Jnr Asst Acft Mech (FTC)", "junior assistant aircraft mechanic fixed term contract"),
        # Step 7: noise.
        ("Captain - Urgently Required", "captain"),
        ("Ramp Agent - Hiring Now - Start ASAP", "ramp agent"),
        ("", ""),
    ],
)
def test_readme_rules(raw: str, expected: str) -> None:
    assert normalize_title(raw) == expected


def test_locations_contracts_and_qualifiers_stay() -> None:
    assert normalize_title("B1 Licensed Engineer - Dublin (Contract)") == (
        "b1 licensed engineer dublin contract"
    )
    assert normalize_title("Type Rated Captain - Direct Entry") == "type rated captain direct entry"


def test_segments_split_on_separators_not_on_part_66() -> None:
    assert title_segments("Licensed Engineer (B2 Avionics) B767F - Cologne (f/m/d)") == [
        "licensed engineer",
        "b2 avionics",
        "b767f",
        "cologne",
    ]
    assert title_segments("Part-66 Cat B1 Engineer – Urgent") == ["part 66 category b1 engineer"]


@given(st.text(max_size=200))
def test_normalize_title_is_idempotent_and_never_raises(raw: str) -> None:
    once = normalize_title(raw)
    assert normalize_title(once) == once
    assert set(once) <= set("abcdefghijklmnopqrstuvwxyz0123456789. ")

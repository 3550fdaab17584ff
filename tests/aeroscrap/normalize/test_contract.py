"""contract_type (README 4.2 rule 6)."""

from __future__ import annotations

import pytest

from aeroscrap.normalize.contract import contract_type, stated_contract_type


@pytest.mark.parametrize(
    ("title", "description", "expected"),
    [
        ("B1 Licensed Engineer (Contract)", "", "contract"),
        ("Contract B1 Licensed Engineer B737 - Budapest", "", "contract"),
        ("Stress Engineer - Contract", "", "contract"),
        ("Stress Engineer (FTC)", "", "fixed_term"),
        ("A320 First Officer - Fixed Term Contract - Dublin", "", "fixed_term"),
        ("Aircraft Technician - Perm - Esbjerg", "", "permanent"),
        ("Aircraft Technician - Permanent", "This is a 12-month contract.", "permanent"),
        ("Seasonal Cabin Crew", "", "seasonal"),
        # The same words in the boards' other languages.
        ("Agente de Rampa - Temporada de verano", "", "seasonal"),
        ("Opérateur de piste saisonnier (H/F)", "", "seasonal"),
        ("Flugbegleiter (m/w/d) - befristet", "", "fixed_term"),
        ("Cabin Crew - Summer Season 2027", "", "seasonal"),
        (
            "Customer Service Ambassador",
            "This is a 18-month contract with the possibility of extension.",
            "contract",
        ),
        ("Maintenance Planner", "This is a fixed-term contract until June 2027.", "fixed_term"),
        ("Ramp Agent", "This is a permanent, full-time position.", "permanent"),
        ("Ramp Agent", "Seasonal role from April to October.", "seasonal"),
        ("Ramp Agent", "Maternity cover for 12 months.", "fixed_term"),
        ("Ramp Agent", "", "permanent"),
        # "Contract" naming the role or the work, not the employment.
        ("Contracts Manager", "", "permanent"),
        ("Contract Administrator", "", "permanent"),
        ("Commercial Analyst", "You will manage contracts with airline customers.", "permanent"),
    ],
)
def test_contract_type(title: str, description: str, expected: str) -> None:
    assert contract_type(title, description) == expected


def test_title_wins_over_site_field_and_description() -> None:
    assert contract_type("Planner (Contract)", "A permanent position.", "Permanent") == "contract"
    assert contract_type("Planner", "This is a 6-month contract.", "Permanent") == "permanent"
    assert contract_type("Planner", "", "Contract") == "contract"


def test_unstated_is_none_before_the_default() -> None:
    assert stated_contract_type("Planner", "Great team.") is None
    assert contract_type(None, None) == "permanent"

"""parse_salary: pay strings as numbers, currency and period."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aeroscrap.normalize.salary import Salary, parse_salary


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("£95,000 - £105,000 per annum", Salary(95000, 105000, "GBP", "year")),
        ("Up to £137,000", Salary(None, 137000, "GBP", "year")),
        ("£160k - £165k + benefits", Salary(160000, 165000, "GBP", "year")),
        ("€60.50 per hour", Salary(60.5, 60.5, "EUR", "hour")),
        ("INR 6-11 LPA", Salary(600000, 1100000, "INR", "year")),
        ("AED 25,000 per month (tax free)", Salary(25000, 25000, "AED", "month")),
        ("CHF 192,000 - CHF 197,000 per annum", Salary(192000, 197000, "CHF", "year")),
        ("$120,000.00 - $150,000.00", Salary(120000, 150000, "USD", "year")),
        ("Up to CAD 63,000", Salary(None, 63000, "CAD", "year")),
        ("€100,000 to €130,000 per annum", Salary(100000, 130000, "EUR", "year")),
        ("HK$ 40,000 monthly", Salary(40000, 40000, "HKD", "month")),
        ("£450 per day", Salary(450, 450, "GBP", "day")),
    ],
)
def test_parse_salary(raw: str, expected: Salary) -> None:
    assert parse_salary(raw) == expected


@pytest.mark.parametrize(
    "raw", [None, "", "Competitive", "DOE", "Negotiable", "Competitive salary + benefits"]
)
def test_no_amount(raw: str | None) -> None:
    assert parse_salary(raw) is None


@given(st.text(max_size=80))
def test_never_raises(raw: str) -> None:
    found = parse_salary(raw)
    if found is not None:
        assert found.max is not None and (found.min is None or found.min <= found.max)
        assert found.period in {"year", "month", "day", "hour"}

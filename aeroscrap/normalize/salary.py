"""`parse_salary`: a raw pay string ("£95,000 - £105,000 per annum", "INR 6-11 LPA") as numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from aeroscrap.normalize.text import clean_text

# Longest symbols first: "HK$" must not be read as "$".
_SYMBOLS = (
    ("HK$", "HKD"),
    ("NZ$", "NZD"),
    ("AU$", "AUD"),
    ("A$", "AUD"),
    ("CA$", "CAD"),
    ("C$", "CAD"),
    ("S$", "SGD"),
    ("US$", "USD"),
    ("R$", "BRL"),
    ("£", "GBP"),
    ("€", "EUR"),
    ("₹", "INR"),
    ("¥", "JPY"),
    ("₺", "TRY"),
    ("$", "USD"),
)
_CODES = frozenset(
    [
        "AED",
        "AUD",
        "BHD",
        "BRL",
        "CAD",
        "CHF",
        "CNY",
        "CZK",
        "DKK",
        "EUR",
        "GBP",
        "HKD",
        "HUF",
        "IDR",
        "ILS",
        "INR",
        "JPY",
        "KRW",
        "KWD",
        "MXN",
        "MYR",
        "NOK",
        "NZD",
        "OMR",
        "PHP",
        "PKR",
        "PLN",
        "QAR",
        "RON",
        "SAR",
        "SEK",
        "SGD",
        "THB",
        "TRY",
        "TWD",
        "USD",
        "ZAR",
    ]
)
_WORD_CURRENCIES = {"rs": "INR", "lpa": "INR", "lakh": "INR", "lakhs": "INR", "euro": "EUR"}
_CODE = re.compile(r"\b([A-Z]{3})\b")
_AMOUNT = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(k|m|million|lakhs?|lpa|l|crores?|cr)?(?![a-z])",
    re.I,
)
_MULTIPLIERS = {"k": 1e3, "m": 1e6, "million": 1e6, "l": 1e5, "lakh": 1e5, "lakhs": 1e5}
_MULTIPLIERS |= {"lpa": 1e5, "crore": 1e7, "crores": 1e7, "cr": 1e7}
_PERIODS = (
    ("hour", re.compile(r"per hour|hourly|/ ?h(?:ou)?r\b|\bp/?h\b|an hour|\bph\b", re.I)),
    ("day", re.compile(r"per day|daily|day rate|/ ?day\b|\bp/?d\b", re.I)),
    ("month", re.compile(r"per month|monthly|/ ?month\b|\bp/?m\b|\bpcm\b|a month", re.I)),
    (
        "year",
        re.compile(
            r"per annum|per year|annual|yearly|/ ?y(?:ea)?r\b|\bp\.?a\.?\b|lpa|a year", re.I
        ),
    ),
)


@dataclass(frozen=True)
class Salary:
    """A pay range; `period` is year, month, day or hour; either bound may be missing."""

    min: float | None
    max: float | None
    currency: str | None
    period: str | None


def _currency(text: str) -> str | None:
    for symbol, code in _SYMBOLS:
        if symbol in text:
            return code
    for match in _CODE.finditer(text.upper()):
        if match.group(1) in _CODES:
            return match.group(1)
    for word in re.findall(r"[a-z]+", text.lower()):
        if word in _WORD_CURRENCIES:
            return _WORD_CURRENCIES[word]
    return None


def _period(text: str, top: float) -> str:
    for period, pattern in _PERIODS:
        if pattern.search(text):
            return period
    # No unit given: the magnitude says it (a 45,000 figure is yearly, 35.50 hourly).
    if top >= 15_000:
        return "year"
    if top >= 1_500:
        return "month"
    return "day" if top >= 150 else "hour"


def parse_salary(text: object) -> Salary | None:
    """Parse a pay string; None when it holds no amount ("Competitive", "DOE")."""
    raw = clean_text(text, max_len=300)
    found: list[tuple[float, str]] = []
    for match in _AMOUNT.finditer(raw):
        value = float(match.group(1).replace(",", "") + (match.group(2) or ""))
        found.append((value, (match.group(3) or "").lower()))
    # "INR 6-11 LPA", "12-14k": a unit written once, after the range, applies to both ends.
    if len(found) >= 2 and not found[0][1] and found[1][1] and found[0][0] <= found[1][0]:
        found[0] = (found[0][0], found[1][1])
    amounts = [value * _MULTIPLIERS.get(unit, 1.0) for value, unit in found]
    amounts = [a for a in amounts if a > 0][:2]
    if not amounts:
        return None
    low, high = min(amounts), max(amounts)
    if re.search(r"\bup to\b|\bmax(?:imum)?\b", raw, re.I) and len(amounts) == 1:
        low_bound: float | None = None
    else:
        low_bound = low
    return Salary(low_bound, high, _currency(raw), _period(raw, high))

"""`parse_posted`: the posting date of README 3.6 and the date shapes of SITES.md.

The common shapes are read by regular expressions; dateparser (about 0.8 ms a call) only sees the
long tail. The result is a date in [crawl_date - 5 years, crawl_date] or None, never an exception;
an absolute date may also lie up to a year after the crawl day, because README 3.6 reads numeric
dates by the source's order only ("12/11/2026" on LinkedIn is 11 December even when crawled in
November) and never by closeness to the crawl date.
"""

from __future__ import annotations

import re
import warnings
from datetime import UTC, date, datetime, timedelta

import dateparser

from aeroscrap.normalize.text import clean_text

# Sources whose numeric dates are day-first (UK/Indian sites); every other known one is month-first.
DAY_FIRST_SOURCES = frozenset({"aviationjobsearch", "airindia", "goose"})
MONTH_FIRST_SOURCES = frozenset({"linkedin", "workday", "greenhouse", "lever", "smartrecruiters"})
MAX_AGE_YEARS = 5
# An absolute date this far after the crawl day is a typo or a placeholder, not a posting date.
MAX_AHEAD_DAYS = 366
# Long strings are prose, not dates, and would cost dateparser milliseconds.
_MAX_TEXT = 80

_PREFIX = re.compile(
    r"^(?:(?:date\s+)?(?:re)?posted(?:\s+on)?|active|published(?:\s+on)?|listed(?:\s+on)?)\b\s*:?\s*",
    re.I,
)
# A closing/expiry date is not a posting date (README 3.6).
_NOT_POSTED = re.compile(
    r"clos|expir|deadline|apply\s+by|until|valid\s+through|\bends?\b|promoted|sponsored", re.I
)
_NOW = re.compile(
    r"^(?:today|just\s+now|just\s+posted|now|new|moments?\s+ago|"
    r"this\s+(?:morning|afternoon|evening))$",
    re.I,
)
_CLOSING_PREFIX = re.compile(
    r"^(?:closing\s+date|closes|expiry\s+date|expires|deadline|apply\s+by|valid\s+through)\b\s*:?\s*",
    re.I,
)
_YESTERDAY = re.compile(r"^yesterday$", re.I)
_RELATIVE = re.compile(
    r"^(?:about|around|over|almost|nearly|approx(?:imately)?\.?|~)?\s*"
    r"(?P<n>\d{1,4}|an?|one|(?:a\s+)?few|several)\s*(?P<plus>\+)?\s*"
    r"(?P<unit>s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|"
    r"mos?|months?|y|yrs?|years?)\s*(?:ago)?$",
    re.I,
)
_UNIT_DAYS = {"d": 1, "w": 7, "mo": 30, "y": 365}
_ISO = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?$",
    re.I,
)
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})$")
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?(?:\.\d+)?$")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january", "janv", "januar"),
            ("feb", "february", "febr", "februar"),
            ("mar", "march", "mars", "marz", "märz"),
            ("apr", "april", "avr"),
            ("may", "mai"),
            ("jun", "june", "juin", "juni"),
            ("jul", "july", "juil", "juli"),
            ("aug", "august", "aout", "août"),
            ("sep", "sept", "september"),
            ("oct", "october", "okt", "oktober"),
            ("nov", "november"),
            ("dec", "december", "dez", "dezember"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<mon>[a-zä]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_TEXTUAL = (
    # 12-Nov-2026, 12 November 2026, 12 Nov. 2026
    re.compile(rf"^{_WEEKDAY}{_DAY}[\s\-/]+{_MONTH}[\s\-/,]+{_YEAR}$", re.I),
    # Nov 12, 2026 / November 12 2026
    re.compile(rf"^{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}$", re.I),
    # Tue Aug 25 00:00:00 UTC 2026 (Java Date.toString, SuccessFactors microdata)
    re.compile(
        rf"^{_WEEKDAY}{_MONTH}\s+{_DAY}\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s+[a-z+\-0-9:]*\s*{_YEAR}$",
        re.I,
    ),
)


def earliest_posted(crawl_date: date) -> date:
    """The oldest posting date accepted for a crawl on `crawl_date` (5 years before it)."""
    try:
        return crawl_date.replace(year=crawl_date.year - MAX_AGE_YEARS)
    except ValueError:
        if crawl_date.year - MAX_AGE_YEARS < 1:
            return date.min
        # 29 February in a year that has none.
        return crawl_date.replace(year=crawl_date.year - MAX_AGE_YEARS, day=28)


def parse_posted(text: object, crawl_date: date, source: str = "") -> date | None:
    """Posting date from a raw "posted" string relative to `crawl_date`, or None."""
    if isinstance(crawl_date, datetime):
        crawl_date = crawl_date.date()
    try:
        found = _parse(clean_text(text), crawl_date, (source or "").lower())
    except (ValueError, OverflowError):
        return None
    latest = crawl_date + timedelta(days=MAX_AHEAD_DAYS)
    if found is None or found > latest or found < earliest_posted(crawl_date):
        return None
    return found


def parse_date(text: object, source: str = "") -> date | None:
    """An absolute date (closing date, expiry) in any README 3.6 shape, or None; never raises."""
    cleaned = _CLOSING_PREFIX.sub("", clean_text(text)).strip(" .")
    if not cleaned or len(cleaned) > _MAX_TEXT:
        return None
    try:
        return _absolute(cleaned, (source or "").lower())
    except (ValueError, OverflowError):
        return None


def _parse(text: str, crawl: date, source: str) -> date | None:
    text = text.strip(" .")
    if not text or len(text) > _MAX_TEXT or _NOT_POSTED.search(text):
        return None
    text = _PREFIX.sub("", text).strip(" .")
    if not text or _NOW.match(text):
        return crawl
    if _YESTERDAY.match(text):
        return crawl - timedelta(days=1)
    relative = _RELATIVE.match(text)
    if relative:
        return _relative(relative, crawl)
    return _absolute(text, source) or _long_tail(text, crawl, source)


def _absolute(text: str, source: str) -> date | None:
    iso = _ISO.match(text)
    if iso:
        return date(int(iso[1]), int(iso[2]), int(iso[3]))
    numeric = _NUMERIC.match(text)
    if numeric:
        return _numeric(numeric, source)
    if _EPOCH.match(text):
        return _epoch(text)
    for pattern in _TEXTUAL:
        textual = pattern.match(text)
        if textual:
            month = _MONTHS.get(textual["mon"].lower())
            return date(int(textual["year"]), month, int(textual["day"])) if month else None
    return None


def _relative(match: re.Match[str], crawl: date) -> date:
    raw_n = match["n"].lower()
    # "A few" / "several" are vague: read as 3, which only matters for days and longer.
    count = int(raw_n) if raw_n.isdigit() else 1 if raw_n in {"a", "an", "one"} else 3
    unit = match["unit"].lower()
    if unit == "m" or unit.startswith(("s", "mi", "h")):
        # Seconds, minutes and hours never roll back a day (README 3.6).
        return crawl
    key = "mo" if unit.startswith("mo") else unit[0]
    return crawl - timedelta(days=_UNIT_DAYS[key] * count)


def _numeric(match: re.Match[str], source: str) -> date | None:
    first, second, year = int(match[1]), int(match[2]), int(match[3])
    if year < 100:
        year += 2000
    month_first = source in MONTH_FIRST_SOURCES
    readings = (
        [(second, first), (first, second)] if month_first else [(first, second), (second, first)]
    )
    # The source's order decides; the other order is read only when the first cannot be a date.
    for day, month in readings:
        if 1 <= month <= 12:
            try:
                return date(year, month, day)
            except ValueError:
                return None
    return None


def _epoch(text: str) -> date:
    value = float(text)
    if len(text.split(".")[0]) == 13:
        value /= 1000
    return datetime.fromtimestamp(value, tz=UTC).date()


def _long_tail(text: str, crawl: date, source: str) -> date | None:
    if not re.search(r"[0-9]|ago|last|week|month|year|day", text, re.I):
        return None
    # Without a word (a month, "ago", "vor", "días") dateparser still reads "2" as the 2nd of
    # the crawl's month: a lone number is no date (README 3.6 "anything else").
    if not re.search(r"[^\W\d_]", text):
        return None
    settings = {
        "RELATIVE_BASE": datetime(crawl.year, crawl.month, crawl.day, 12),
        "PREFER_DATES_FROM": "past",
        "DATE_ORDER": "MDY" if source in MONTH_FIRST_SOURCES else "DMY",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "REQUIRE_PARTS": ["day", "month", "year"] if re.search(r"\d{4}", text) else [],
    }
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = dateparser.parse(text, settings=settings)
    except Exception:  # dateparser raises assorted error types on odd input
        return None
    return parsed.date() if parsed else None

"""parse_posted (README 3.6, SITES.md "Dates seen in the wild", RELIABILITY.md D11)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aeroscrap.normalize.dates import MAX_AHEAD_DAYS, earliest_posted, parse_date, parse_posted

CRAWL = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("today", CRAWL),
        ("Just now", CRAWL),
        ("Posted Today", CRAWL),
        ("11 minutes ago", CRAWL),
        ("23 hours ago", CRAWL),
        ("about 23 hours ago", CRAWL),
        ("an hour ago", CRAWL),
        ("yesterday", date(2026, 11, 19)),
        ("Posted yesterday", date(2026, 11, 19)),
        ("4 days ago", date(2026, 11, 16)),
        ("Posted 30+ Days Ago", date(2026, 10, 21)),
        ("30+ days ago", date(2026, 10, 21)),
        ("1 week ago", date(2026, 11, 13)),
        ("3 weeks ago", date(2026, 10, 30)),
        ("a month ago", date(2026, 10, 21)),
        ("2 months ago", date(2026, 9, 21)),
        ("Reposted 3 days ago", date(2026, 11, 17)),
        ("Active 2 days ago", date(2026, 11, 18)),
        ("Posted on: 2026-11-02", date(2026, 11, 2)),
        ("Date posted: 2026-11-20T23:30:00-05:00", date(2026, 11, 20)),
        ("2026-11-20T02:00:00Z", date(2026, 11, 20)),
        ("12-Nov-2026", date(2026, 11, 12)),
        ("12 November 2026", date(2026, 11, 12)),
        ("Nov 12, 2026", date(2026, 11, 12)),
        ("November 12, 2026", date(2026, 11, 12)),
        ("12th Nov 2026", date(2026, 11, 12)),
        ("Tue Aug 25 00:00:00 UTC 2026", date(2026, 8, 25)),
        ("1794182400000", date(2026, 11, 9)),
        ("1794182400", date(2026, 11, 9)),
    ],
)
def test_shapes(raw: str, expected: date) -> None:
    assert parse_posted(raw, CRAWL, "linkedin") == expected


@pytest.mark.parametrize("source", ["aviationjobsearch", "airindia", "goose"])
def test_day_first_sources(source: str) -> None:
    assert parse_posted("12/11/2026", CRAWL, source) == date(2026, 11, 12)
    assert parse_posted("Posted On: 02.10.2026", CRAWL, source) == date(2026, 10, 2)


@pytest.mark.parametrize("source", ["linkedin", "workday", "greenhouse", "lever"])
def test_month_first_sources(source: str) -> None:
    assert parse_posted("11/12/2026", CRAWL, source) == date(2026, 11, 12)
    # Month-first on these sites even when the day-first reading is closer to the crawl date.
    assert parse_posted("10/11/2026", CRAWL, source) == date(2026, 10, 11)


def test_impossible_order_falls_back_to_the_only_valid_reading() -> None:
    assert parse_posted("25/10/2026", CRAWL, "linkedin") == date(2026, 10, 25)


@pytest.mark.parametrize(
    "raw",
    [
        None,
        "",
        "Promoted",
        "Closing date: 11/12/2026",
        "Expires 30/11/2026",
        "31/02/2026",
        "2099-01-01",
        "sometime soon",
        "2019-01-01",
        "x" * 5000,
    ],
)
def test_not_a_posting_date(raw: str | None) -> None:
    assert parse_posted(raw, CRAWL, "linkedin") is None


def test_absolute_date_is_read_by_source_order_even_after_the_crawl_day() -> None:
    # README 3.6: the source's order decides, never closeness to the crawl date.
    assert parse_posted("12/11/2026", CRAWL, "linkedin") == date(2026, 12, 11)
    assert parse_posted("12.11.2026", CRAWL, "linkedin") == date(2026, 12, 11)
    assert parse_posted("Posted 12/21/2026", CRAWL, "linkedin") == date(2026, 12, 21)
    assert parse_posted("2026-11-21", CRAWL, "linkedin") == date(2026, 11, 21)


def test_far_future_date_is_none() -> None:
    assert parse_posted("2028-01-01", CRAWL, "linkedin") is None


def test_long_tail_goes_to_dateparser() -> None:
    assert parse_posted("last week", CRAWL, "linkedin") == date(2026, 11, 13)
    assert parse_posted("20 Nov 2026, 14:00", CRAWL, "goose") == CRAWL


def test_datetime_crawl_date_is_accepted() -> None:
    assert parse_posted("yesterday", datetime(2026, 11, 20, 23, 59), "goose") == date(2026, 11, 19)


def test_closing_dates_parse_with_parse_date() -> None:
    assert parse_date("Closing date: 11/12/2026", "aviationjobsearch") == date(2026, 12, 11)
    assert parse_date("23 December 2025") == date(2025, 12, 23)
    assert parse_date("31/02/2026") is None
    assert parse_date(None) is None


def test_earliest_posted_handles_leap_day() -> None:
    assert earliest_posted(date(2028, 2, 29)) == date(2023, 2, 28)
    assert earliest_posted(date(3, 1, 1)) == date.min


# dateparser loads its language data on its first call, which can take a second.
@settings(deadline=None)
@given(
    st.one_of(st.none(), st.text(max_size=60), st.from_regex(r"\d{1,13}", fullmatch=True)),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    st.sampled_from(["linkedin", "goose", "workday", "airindia", "", "unknown"]),
)
def test_never_raises_and_stays_in_range(raw: str | None, crawl: date, source: str) -> None:
    found = parse_posted(raw, crawl, source)
    # An absolute date is kept as written even if after the crawl (README 3.6), up to a limit.
    latest = crawl + timedelta(days=MAX_AHEAD_DAYS) if crawl.year < 9999 else crawl
    assert found is None or earliest_posted(crawl) <= found <= latest


@pytest.mark.parametrize("raw", ["2", "15", "12 5", "3 4"])
def test_a_lone_number_is_no_posting_date(raw: str) -> None:
    assert parse_posted(raw, date(2026, 11, 26), "goose") is None


@given(
    st.integers(min_value=0, max_value=400),
    st.sampled_from(["minutes", "hours", "days", "weeks", "months"]),
)
def test_relative_forms_stay_in_range(count: int, unit: str) -> None:
    found = parse_posted(f"{count} {unit} ago", CRAWL, "linkedin")
    assert found is None or earliest_posted(CRAWL) <= found <= CRAWL

"""linkedin: card and posting reading, start stepping, 400 end, 429/999 blocking."""

from __future__ import annotations

import logging

import pytest
from parsel import Selector

from spiders.linkedin import Card, LinkedInSpider, read_cards, read_posting
from tests.spiders.helpers import html_response, make_spider, page, run_callback

BASE = "http://127.0.0.1:8004"
SEARCH = f"{BASE}/jobs-guest/jobs/api/seeMoreJobPostings/search?keywords=aviation&location=&start=0"
CARD = Card(
    "4061000618",
    "A&P Mechanic",
    "Atlas Air",
    "Miami, FL, United States",
    "2026-11-20",
    "6 days ago",
    None,
    None,
)


def test_read_cards() -> None:
    cards = read_cards(Selector(text=page("linkedin_search.html")), SEARCH)

    assert len(cards) == 10
    first = cards[0]
    assert first.job_id == "4061000618"
    assert (first.title, first.company, first.location) == (
        "A&P Mechanic",
        "Atlas Air",
        "Miami, FL, United States",
    )
    assert first.posted == "2026-11-20"
    assert any(c.salary and c.salary.startswith("$") for c in cards)


def test_read_cards_id_from_link_when_urn_missing() -> None:
    html = """<div class="base-search-card"><a class="base-card__full-link"
      href="https://www.linkedin.com/jobs/view/a320-captain-at-easyjet-4061234567?refId=x">x</a>
      <h3 class="base-search-card__title"> A320 Captain </h3>
      <time class="job-search-card__listdate--new" datetime="2026-11-25">1 day ago</time></div>"""
    (card,) = read_cards(Selector(text=html), "https://www.linkedin.com/")
    assert (card.job_id, card.title, card.posted) == ("4061234567", "A320 Captain", "2026-11-25")


def test_read_posting_description_and_criteria() -> None:
    posting = read_posting(Selector(text=page("linkedin_posting.html")))

    assert posting.description and "aviation industry" in posting.description
    assert set(posting.criteria) == {
        "Seniority level",
        "Employment type",
        "Job function",
        "Industries",
    }


def test_keywords_argument_splits_searches() -> None:
    assert make_spider(LinkedInSpider, base_url=BASE, keywords="pilot; cabin crew").searches == [
        "pilot",
        "cabin crew",
    ]
    assert len(make_spider(LinkedInSpider, base_url=BASE).searches) >= 2


def test_parse_search_steps_start_by_cards_received_and_skips_seen_ids() -> None:
    spider = make_spider(LinkedInSpider, base_url=BASE, location="United Kingdom")
    spider.seen_ids.add("4061000618")
    response = html_response(SEARCH, page("linkedin_search.html"), keywords="aviation", start=0)

    requests = run_callback(spider.parse_search, response)

    assert len(requests) == 10
    assert requests[-1].cb_kwargs == {"keywords": "aviation", "start": 10}
    assert "location=United+Kingdom" in requests[-1].url


def test_parse_search_400_ends_quietly() -> None:
    spider = make_spider(LinkedInSpider, base_url=BASE)
    response = html_response(SEARCH, "", status=400, keywords="aviation", start=40)

    assert run_callback(spider.parse_search, response) == []
    assert spider.crawler.stats.get_value("aeroscrap/blocked") is None


@pytest.mark.parametrize("status", [429, 999])
def test_block_sets_stat_warns_and_keeps_the_card(
    status: int, caplog: pytest.LogCaptureFixture
) -> None:
    spider = make_spider(LinkedInSpider, base_url=BASE)
    blocked_search = html_response(SEARCH, "", status=status, keywords="aviation", start=10)
    posting_url = f"{BASE}/jobs-guest/jobs/api/jobPosting/{CARD.job_id}"

    with caplog.at_level(logging.WARNING):
        assert run_callback(spider.parse_search, blocked_search) == []
        (item,) = run_callback(
            spider.parse_posting, html_response(posting_url, "", status=status, card=CARD)
        )

    assert spider.crawler.stats.get_value("aeroscrap/blocked") == 1
    assert [r.levelname for r in caplog.records].count("WARNING") == 1
    assert item.title == "A&P Mechanic" and item.description is None
    assert item.url == f"{BASE}/jobs/view/{CARD.job_id}"

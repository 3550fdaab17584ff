"""aviationjobsearch: link filtering, title splitting, detail reading, callbacks."""

from __future__ import annotations

import pytest
from parsel import Selector

from aeroscrap.items import JobItem
from spiders._common import PARSE_ERROR_STAT, MalformedPage
from spiders.aviationjobsearch import (
    AviationJobSearchSpider,
    detail_links,
    read_detail,
    split_page_title,
)
from tests.spiders.helpers import html_response, make_spider, page, run_callback

BASE = "http://127.0.0.1:8001"
IN_TITLE_URL = (
    f"{BASE}/jobs/aircraft-maintenance-engineers/licensed-engineer/"
    "engineer-in-charge-line-maintenance-by-aer-lingus-GmtV94-576010"
)


def test_detail_links_keeps_only_three_segment_job_pages() -> None:
    links = detail_links(Selector(text=page("ajs_listing.html")), f"{BASE}/en-GB/jobs")

    assert len(links) == 25
    assert all(link.startswith(f"{BASE}/jobs/") and "-by-" in link for link in links)
    assert not any(link.endswith(("/jobs/pilots", "/alerts/new")) for link in links)


def test_detail_links_rejects_category_and_two_segment_pages() -> None:
    html = """
      <a href="/jobs/pilots">Pilots</a>
      <a href="/jobs/pilots/first-officer">First officer jobs</a>
      <a href="/jobs/alerts/new">Alerts</a>
      <a href="/jobs/pilots/first-officer/first-officer-boeing-by-jet2com-Ii8fte-576343">FO</a>
      <a href="/jobs/mechanics/ap-mechanic/ap-mechanic-by-altitude-global-576619?utm=x">A&amp;P</a>
      <a href="/jobs/pilots/first-officer/first-officer-boeing-by-jet2com-Ii8fte-576343">again</a>
    """
    links = detail_links(Selector(text=html), "https://www.aviationjobsearch.com/en-GB/jobs")

    assert links == [
        "https://www.aviationjobsearch.com/jobs/pilots/first-officer/first-officer-boeing-by-jet2com-Ii8fte-576343",
        "https://www.aviationjobsearch.com/jobs/mechanics/ap-mechanic/ap-mechanic-by-altitude-global-576619?utm=x",
    ]


@pytest.mark.parametrize(
    ("page_title", "heading", "expected"),
    [
        (
            "First Officer Boeing in Hahn Airport, Lautzenhausen, Rheinland-Pfalz, Germany by Jet2.com - Aviation Job Search",
            None,
            (
                "First Officer Boeing",
                "Hahn Airport, Lautzenhausen, Rheinland-Pfalz, Germany",
                "Jet2.com",
            ),
        ),
        (
            "A&P Mechanic in Zambia by Altitude Global - Aviation Job Search",
            None,
            ("A&P Mechanic", "Zambia", "Altitude Global"),
        ),
        (
            "Engineer in Charge in Dublin by Aer Lingus - Aviation Job Search",
            "Engineer in Charge",
            ("Engineer in Charge", "Dublin", "Aer Lingus"),
        ),
        (
            "Stress Engineer by Airbus - Aviation Job Search",
            None,
            ("Stress Engineer", None, "Airbus"),
        ),
        ("Just a title", None, ("Just a title", None, None)),
    ],
)
def test_split_page_title(page_title: str, heading: str | None, expected: tuple[str, ...]) -> None:
    assert split_page_title(page_title, heading) == expected


def test_read_detail_title_containing_in() -> None:
    detail = read_detail(Selector(text=page("ajs_detail_in_title.html")))

    assert detail.title == "Engineer in Charge - Line Maintenance"
    assert detail.location == "Dublin, County Dublin, Ireland"
    assert detail.company == "Aer Lingus"
    assert detail.contract_type == "Full-Time"
    assert detail.posted is None
    assert detail.description is not None
    assert (
        detail.description.splitlines()[-1]
        == "Relevant experience in the aviation industry is essential."
    )


def test_read_detail_with_posted_date_and_salary_in_description() -> None:
    posted = read_detail(Selector(text=page("ajs_detail_posted.html")))
    contract = read_detail(Selector(text=page("ajs_detail_contract.html")))

    assert posted.posted == "25/11/2026"
    assert contract.contract_type == "Contract"
    assert contract.salary is not None
    assert contract.salary.startswith("Rate: Days: £")


def test_read_detail_rejects_a_page_without_the_board_title() -> None:
    with pytest.raises(MalformedPage):
        read_detail(Selector(text="<html><title>Error</title><body><p>oops</p></body></html>"))


def test_parse_listing_requests_details_and_next_page() -> None:
    spider = make_spider(AviationJobSearchSpider, base_url=BASE)
    response = html_response(f"{BASE}/en-GB/jobs", page("ajs_listing.html"), page=1)

    requests = run_callback(spider.parse_listing, response)

    assert [r.callback for r in requests].count(spider.parse_job) == 25
    assert requests[-1].url == f"{BASE}/en-GB/jobs?page=2"
    assert requests[-1].cb_kwargs == {"page": 2}


def test_parse_listing_stops_on_a_page_without_jobs() -> None:
    spider = make_spider(AviationJobSearchSpider, base_url=BASE)
    response = html_response(f"{BASE}/en-GB/jobs?page=9", "<p>No jobs match.</p>", page=9)

    assert run_callback(spider.parse_listing, response) == []


def test_parse_job_estimates_the_missing_date() -> None:
    spider = make_spider(AviationJobSearchSpider, base_url=BASE)
    (item,) = run_callback(
        spider.parse_job, html_response(IN_TITLE_URL, page("ajs_detail_in_title.html"))
    )

    assert isinstance(item, JobItem)
    assert (item.source, item.url, item.source_job_id) == (
        "aviationjobsearch",
        IN_TITLE_URL,
        "576010",
    )
    assert item.posted is None and item.posted_estimated is True
    assert item.crawl_date == spider.crawl_date and item.crawl_date.endswith("+00:00")
    assert item.status == "active"


def test_parse_job_on_garbage_logs_and_counts_instead_of_raising(
    caplog: pytest.LogCaptureFixture,
) -> None:
    spider = make_spider(AviationJobSearchSpider, base_url=BASE)
    garbage = "<html><head><title>\ufffd\ufffd</title><body><div><p><span>\x00\x01"

    items = run_callback(spider.parse_job, html_response(IN_TITLE_URL, garbage))

    assert items == []
    assert spider.crawler.stats.get_value(PARSE_ERROR_STAT) == 1
    assert any(r.levelname == "ERROR" and IN_TITLE_URL in r.getMessage() for r in caplog.records)

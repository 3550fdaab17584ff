"""goose: rendered listing links, the labelled detail list, the agency as company."""

from __future__ import annotations

from parsel import Selector

from spiders.goose import GooseSpider, detail_links, read_detail
from tests.spiders.helpers import html_response, make_spider, page, run_callback

BASE = "http://127.0.0.1:8003"
DETAIL = f"{BASE}/job/b1-slash-b2-licensed-engineer-800413a"


def test_raw_listing_has_no_job_links_until_rendered() -> None:
    assert detail_links(Selector(text=page("goose_listing_raw.html")), f"{BASE}/jobs") == []
    links = detail_links(Selector(text=page("goose_listing_rendered.html")), f"{BASE}/jobs")

    assert len(links) == 24
    assert not any(link.endswith("/apply") or "save_job" in link for link in links)


def test_detail_links_skip_apply_and_save_job() -> None:
    html = """
      <a href="/job/atr-42-slash-72-500-captain-providenciales-821532a">ATR</a>
      <a href="/job/atr-42-slash-72-500-captain-providenciales-821532a/apply">Apply</a>
      <a href="/save_job?job=821532a">Save</a>
      <a href="/job/mcc-coordinator-869603/">MCC</a>
      <a href="/jobs">All jobs</a>
    """
    assert detail_links(Selector(text=html), "https://www.goose-recruitment.com/jobs") == [
        "https://www.goose-recruitment.com/job/atr-42-slash-72-500-captain-providenciales-821532a",
        "https://www.goose-recruitment.com/job/mcc-coordinator-869603/",
    ]


def test_read_detail_labelled_fields() -> None:
    detail = read_detail(Selector(text=page("goose_detail.html")))

    assert detail.title == "B1/B2 Licensed Engineer"
    assert detail.ref == "800413a"
    assert detail.company == "GOOSE Recruitment"
    assert detail.location == "South Caribbean Coast"
    assert detail.fields["Posted"] == "6 days ago"
    assert detail.fields["Expiry Date"] == "19 December 2026"
    assert detail.fields["Contact Email"] == "james@goose-recruitment.com"
    assert (
        detail.description
        and "Right to work in the country of the role" in detail.description.splitlines()
    )


def test_read_detail_from_the_page_title_alone() -> None:
    html = "<title>MCC Coordinator - Ref: 869603 - Europe · GOOSE Recruitment</title><p>x</p>"
    detail = read_detail(Selector(text=html))

    assert (detail.title, detail.ref, detail.location, detail.company) == (
        "MCC Coordinator", "869603", "Europe", "GOOSE Recruitment",
    )  # fmt: skip


def test_parse_listing_follows_details_without_the_browser() -> None:
    spider = make_spider(GooseSpider, base_url=BASE)
    response = html_response(f"{BASE}/jobs", page("goose_listing_rendered.html"), page=1)

    requests = run_callback(spider.parse_listing, response)

    assert len(requests) == 24
    assert all(not r.meta.get("playwright") for r in requests)


def test_start_renders_the_listing_in_the_browser() -> None:
    spider = make_spider(GooseSpider, base_url=BASE)
    request = spider.listing_request(f"{BASE}/jobs", 1)

    assert request.meta["playwright"] is True
    assert GooseSpider.custom_settings["DOWNLOAD_HANDLERS"]["file"] is None


def test_parse_job_item() -> None:
    spider = make_spider(GooseSpider, base_url=BASE)
    (item,) = run_callback(spider.parse_job, html_response(DETAIL, page("goose_detail.html")))

    assert item.source_job_id == "800413a"
    assert item.posted == "6 days ago" and item.posted_estimated is False
    assert item.valid_through == "19 December 2026"
    assert item.salary == "£45,000 - £55,000 per annum"
    assert item.contract_type == "Permanent"
    assert item.apply_url == f"{DETAIL}/apply"
    assert item.raw["Sector"] == "Commercial"


def test_json_ld_dates_win_over_the_relative_text() -> None:
    html = page("goose_detail.html").replace(
        "</head>",
        '<script type="application/ld+json">{"@type": "JobPosting", "datePosted": "2026-11-20",'
        ' "validThrough": "2026-12-19"}</script></head>',
    )
    detail = read_detail(Selector(text=html))

    assert (detail.posted, detail.valid_through) == ("2026-11-20", "2026-12-19")

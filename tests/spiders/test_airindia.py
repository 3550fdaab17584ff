"""airindia: tiles (three copies of each field), microdata dates, filled jobs, Air India Express."""

from __future__ import annotations

from parsel import Selector

from spiders.airindia import AirIndiaSpider, Tile, company_for, is_filled, page_title, read_tiles
from tests.spiders.helpers import html_response, make_spider, page, run_callback

BASE = "http://127.0.0.1:8002"
DETAIL = f"{BASE}/job/Hyderabad-Lead-Cargo-Sales/47574012/"
AIX = f"{BASE}/aix/job/_-Aircraft-Maintenance-Engineer-B1-A320/47574053/"
FILLED = f"{BASE}/job/Chennai-Lead-Cargo-Sales/47574094/"


def test_read_tiles_once_per_tile_with_tablet_location() -> None:
    tiles = read_tiles(Selector(text=page("airindia_search.html")), f"{BASE}/search/")

    assert len(tiles) == 25
    assert len({t.job_id for t in tiles}) == 25
    assert tiles[0] == Tile(DETAIL, "47574012", "Lead - Cargo Sales", "Hyderabad, Southern")
    assert any(t.url.startswith(f"{BASE}/aix/job/_-") for t in tiles)


def test_read_tiles_past_the_end_is_empty() -> None:
    assert read_tiles(Selector(text=page("airindia_search_end.html")), f"{BASE}/search/") == []


def test_read_tiles_falls_back_to_job_links_of_another_theme() -> None:
    html = '<table><tr class="data-row"><td><a href="/job/Mumbai-Cabin-Crew/123/">Cabin Crew</a></td></tr></table>'
    assert read_tiles(Selector(text=html), BASE) == [
        Tile(f"{BASE}/job/Mumbai-Cabin-Crew/123/", "123", "Cabin Crew", None)
    ]


def test_company_follows_the_aix_prefix() -> None:
    assert company_for(AIX) == "Air India Express"
    assert company_for(DETAIL) == "Air India"


def test_filled_detection_and_titles() -> None:
    assert is_filled(Selector(text=page("airindia_detail_filled.html")))
    assert not is_filled(Selector(text=page("airindia_detail.html")))
    assert page_title(Selector(text=page("airindia_detail.html"))) == "Lead - Cargo Sales"
    assert (
        page_title(Selector(text="<title>Pilot Job Details | Air India Careers</title>")) == "Pilot"
    )


def test_parse_search_requests_details_and_steps_startrow_by_tiles() -> None:
    spider = make_spider(AirIndiaSpider, base_url=BASE)
    response = html_response(f"{BASE}/search/", page("airindia_search.html"), startrow=0)

    requests = run_callback(spider.parse_search, response)

    assert len(requests) == 26
    assert requests[0].cb_kwargs["tile"].location == "Hyderabad, Southern"
    assert requests[-1].url.endswith("/search/?createNewAlert=false&q=&locationsearch=&startrow=25")


def test_parse_job_reads_microdata_date_and_description() -> None:
    spider = make_spider(AirIndiaSpider, base_url=BASE)
    tile = Tile(DETAIL, "47574012", "Lead - Cargo Sales", "Hyderabad, Southern")
    (item,) = run_callback(
        spider.parse_job, html_response(DETAIL, page("airindia_detail.html"), tile=tile)
    )

    assert (item.title, item.company, item.location) == (
        "Lead - Cargo Sales",
        "Air India",
        "Hyderabad, Southern",
    )
    assert item.posted == "Wed Oct 14 00:00:00 UTC 2026"
    assert item.posted_estimated is False
    assert item.status == "active"
    assert item.source_job_id == "47574012"
    assert item.description and "Lead - Cargo Sales" in item.description


def test_parse_job_aix_without_tile_uses_og_title_and_detail_location() -> None:
    spider = make_spider(AirIndiaSpider, base_url=BASE)
    (item,) = run_callback(spider.parse_job, html_response(AIX, page("airindia_detail_aix.html")))

    assert item.company == "Air India Express"
    assert item.title == "Aircraft Maintenance Engineer B1 A320"
    assert item.location and item.location.endswith(", IN")


def test_parse_job_filled() -> None:
    spider = make_spider(AirIndiaSpider, base_url=BASE)
    tile = Tile(FILLED, "47574094", "Lead - Cargo Sales", "Chennai, Southern")
    (item,) = run_callback(
        spider.parse_job, html_response(FILLED, page("airindia_detail_filled.html"), tile=tile)
    )

    assert item.status == "filled"
    assert item.title == "Lead - Cargo Sales"
    assert item.posted is None and item.posted_estimated is False
    assert item.description is None


def test_parse_job_open_page_without_description_is_a_parse_error() -> None:
    spider = make_spider(AirIndiaSpider, base_url=BASE)
    html = "<html><head><title>Pilot Job Details | Air India Careers</title></head><body></body></html>"

    assert run_callback(spider.parse_job, html_response(DETAIL, html)) == []
    assert spider.crawler.stats.get_value("aeroscrap/parse_error") == 1

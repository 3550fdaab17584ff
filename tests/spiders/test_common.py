"""Shared spider helpers: structured data, text, labelled lists, loud failures."""

from __future__ import annotations

import logging

import pytest
from parsel import Selector

from spiders._common import (
    block_text,
    job_posting_fields,
    json_ld_job_posting,
    labelled_fields,
    microdata_job_posting,
    trailing_id,
)
from spiders.aviationjobsearch import AviationJobSearchSpider
from tests.spiders.helpers import make_spider

GRAPH = """<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [{"@type": "WebPage"},
 {"@type": ["JobPosting"], "title": "Captain A320", "datePosted": "2026-08-25",
  "hiringOrganization": {"@type": "Organization", "name": "easyJet"},
  "employmentType": ["FULL_TIME", "CONTRACTOR"]}]}
</script>"""


def test_json_ld_job_posting_inside_graph() -> None:
    fields = job_posting_fields(Selector(text=GRAPH))

    assert fields == {
        "title": "Captain A320",
        "datePosted": "2026-08-25",
        "employmentType": "FULL_TIME, CONTRACTOR",
        "hiringOrganization": "easyJet",
    }


def test_json_ld_list_broken_block_and_raw_newlines() -> None:
    html = (
        '<script type="application/ld+json">{not json</script>'
        '<script type="application/ld+json">[{"@type": "Organization"},'
        ' {"@type": "JobPosting", "title": "Line\none"}]</script>'
    )
    posting = json_ld_job_posting(Selector(text=html))
    assert posting is not None and posting["title"] == "Line\none"


def test_microdata_reads_only_the_posting_scope() -> None:
    html = """<div class="jobDisplayShell" itemscope itemtype="http://schema.org/JobPosting">
      <h1 itemprop="title">B787 Captain</h1>
      <meta itemprop="datePosted" content="Tue Aug 25 00:00:00 UTC 2026">
      <div itemprop="hiringOrganization" itemscope itemtype="http://schema.org/Organization">
        <meta itemprop="name" content="Air India"></div></div>"""
    props = microdata_job_posting(Selector(text=html))

    assert props["title"] == "B787 Captain"
    assert props["datePosted"] == "Tue Aug 25 00:00:00 UTC 2026"
    assert "name" not in props


def test_block_text_keeps_paragraphs_and_drops_scripts() -> None:
    html = "<div id='d'><p>Rate: <b>Days</b>: £17.91</p><script>x=1</script><ul><li>ELP  5</li></ul>tail</div>"
    assert block_text(Selector(text=html).css("#d")) == "Rate: Days: £17.91\nELP 5\ntail"


def test_labelled_fields_list_items_and_definition_lists() -> None:
    html = """<ul><li><strong>Posted:</strong> 4 days ago</li><li>No label here</li></ul>
      <dl><dt>Salary</dt><dd>Competitive Salary</dd><dt>Job Type</dt><dd>Permanent</dd></dl>"""
    assert labelled_fields(Selector(text=html).css("ul, dl")) == {
        "Posted": "4 days ago",
        "Salary": "Competitive Salary",
        "Job Type": "Permanent",
    }


@pytest.mark.parametrize(
    ("url", "expected"),
    [("/job/Gurugram-Manager-Engine-OEMs/47574344/", "47574344"), ("/x/y?page=2", None)],
)
def test_trailing_id(url: str, expected: str | None) -> None:
    assert trailing_id(url) == expected


def test_base_url_must_be_absolute() -> None:
    with pytest.raises(ValueError, match="absolute"):
        make_spider(AviationJobSearchSpider, base_url="127.0.0.1:8000")


def test_closing_without_items_is_an_error(caplog: pytest.LogCaptureFixture) -> None:
    spider = make_spider(AviationJobSearchSpider, base_url="http://127.0.0.1:1")
    spider.crawler.stats.set_value("response_received_count", 3)

    with caplog.at_level(logging.ERROR):
        spider.closed("finished")

    assert "source=aviationjobsearch pages=3 items=0 – layout changed?" in caplog.text

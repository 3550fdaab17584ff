"""Stored company mappings in normalisation: mapped spellings first, the rules for the rest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aeroscrap.normalize.company import MappedCompany, resolve_company, variant_key
from aeroscrap.normalize.record import normalize_job

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures/jobs"
NORTHWIND = MappedCompany(7, "northwind technics", "Northwind Technics", "mro", "NL", False)
TALENT = MappedCompany(8, "skyhire", "SkyHire", "recruitment_agency", "GB", True)
UNTYPED = MappedCompany(9, "blue heron", "Blue Heron", None, None, False)


class Lookup:
    """A fixed set of mappings, looked up as aeroscrap.company_directory does."""

    def __init__(self, variants: dict[str, MappedCompany], keys: dict[str, MappedCompany]):
        self.variants = variants
        self.keys = keys

    def find(self, spelling: str, key: str) -> MappedCompany | None:
        return self.variants.get(variant_key(spelling)) or self.keys.get(key)


DIRECTORY = Lookup(
    {
        "skyward ops ltd": NORTHWIND,
        "skyhire aviation": TALENT,
        "blue heron helicopters": UNTYPED,
    },
    {"nwt aero": NORTHWIND},
)
RECORD = {
    "source": "aviationjobsearch",
    "url": "https://jobs.example/1",
    "title": "B1 Licensed Engineer",
    "company": "Skyward Ops Ltd.",
    "location": "Amsterdam, Netherlands",
    "posted": "2026-11-01",
    "crawl_date": "2026-11-20",
    "description": "Line maintenance on A320 family aircraft.",
}


def _fixtures() -> list[dict[str, object]]:
    lines = [
        line
        for name in ("sample_jobs.jsonl", "holdout_jobs.jsonl")
        for line in (FIXTURES / name).read_text("utf-8").splitlines()
        if line.strip()
    ]
    return [json.loads(line) for line in lines]


def test_a_mapped_spelling_takes_the_stored_company() -> None:
    job = normalize_job(RECORD, directory=DIRECTORY)
    assert job.advertiser.key == "northwind technics"
    assert job.advertiser.company_id == 7
    assert (job.company, job.operation_type) == ("Northwind Technics", "mro")
    rules = normalize_job(RECORD)
    assert rules.advertiser.company_id is None
    assert (rules.company, rules.operation_type) == ("Skyward Ops Ltd.", "airline")


def test_a_spelling_is_also_found_by_its_rules_key() -> None:
    # "NWT Aero Limited" is not a stored spelling, but its key is that of one ("NWT Aero").
    job = normalize_job({**RECORD, "company": "NWT AERO LIMITED"}, directory=DIRECTORY)
    assert (job.advertiser.company_id, job.company) == (7, "Northwind Technics")


def test_the_location_alone_gives_the_jobs_country() -> None:
    # jobs.country_code narrows duplicate candidates: a guessed country would hide duplicates.
    job = normalize_job({**RECORD, "location": ""}, directory=DIRECTORY)
    assert job.advertiser.country_code == "NL"
    assert job.country_code is None


def test_a_mapped_agency_is_typed_by_its_stated_client() -> None:
    description = "Our client, a cargo airline, is hiring a Captain."
    advertiser = resolve_company(
        "SkyHire Aviation", source="linkedin", description=description, directory=DIRECTORY
    )
    assert (advertiser.key, advertiser.is_agency, advertiser.operation_type) == (
        "skyhire",
        True,
        "cargo_airline",
    )
    assert advertiser.company_id == 8


def test_an_untyped_mapped_company_is_typed_from_the_spelling() -> None:
    advertiser = resolve_company("Blue Heron Helicopters", source="x", directory=DIRECTORY)
    assert (advertiser.display_name, advertiser.operation_type) == (
        "Blue Heron",
        "helicopter_operator",
    )


def test_on_goose_a_mapped_client_is_not_the_advertiser() -> None:
    job = normalize_job({**RECORD, "source": "goose"}, directory=DIRECTORY)
    assert job.advertiser.key == "goose recruitment"
    assert job.advertiser.company_id is None
    assert job.company == "Skyward Ops Ltd."


@pytest.mark.parametrize("directory", [None, Lookup({}, {}), DIRECTORY])
def test_unmapped_spellings_normalise_exactly_as_the_rules_do(directory: Lookup | None) -> None:
    records = _fixtures()
    assert len(records) > 600
    for record in records:
        assert normalize_job(record, directory=directory) == normalize_job(record)

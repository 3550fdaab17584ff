"""resolve_location: README 3.3 country rules, base keys of 4.2 rule 5, and robustness."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aeroscrap.normalize.location import Location, ascii_fold, resolve_location

README_COUNTRIES = [
    ("UK", "GB"),
    ("England", "GB"),
    ("Scotland", "GB"),
    ("Wales", "GB"),
    ("Northern Ireland", "GB"),
    ("Great Britain", "GB"),
    ("UAE", "AE"),
    ("KSA", "SA"),
    ("Hong Kong SAR", "HK"),
    ("Deutschland", "DE"),
    ("España", "ES"),
    ("Österreich", "AT"),
    ("Schweiz", "CH"),
    ("Türkiye", "TR"),
    ("Hamburg", "DE"),
    ("Toulouse, Occitanie", "FR"),
    ("Shannon, Co. Clare", "IE"),
    ("London Heathrow", "GB"),
    ("Mumbai, Maharashtra", "IN"),
    ("Luqa", "MT"),
    ("Hamburg-Fuhlsbüttel", "DE"),
    ("Atlanta, GA", "US"),
    ("Mobile, AL", "US"),
    ("Los Angeles, CA", "US"),
    ("Indianapolis, IN", "US"),
    ("Perth, WA", "AU"),
    ("Melbourne, FL", "US"),
    ("Montreal, QC", "CA"),
    ("Remote - UK", "GB"),
    ("Germany (Remote)", "DE"),
    ("Home-based, UK", "GB"),
    ("Ireland", "IE"),
    ("Pan India", "IN"),
]


@pytest.mark.parametrize(("text", "country"), README_COUNTRIES)
def test_readme_examples_resolve_to_their_country(text: str, country: str) -> None:
    assert resolve_location(text).country_code == country


@pytest.mark.parametrize(
    "text",
    [
        "Remote",
        "Fully Remote",
        "Home-based",
        "Remote (EMEA)",
        "Europe",
        "Middle East",
        "Asia",
        "EMEA",
        "Worldwide",
        "Multiple Locations",
        "Various",
        "Scandinavia",
        "GCC",
        "Remote (APAC)",
        "Remote (GCC)",
        "",
        None,
    ],
)
def test_location_naming_no_country_is_null(text: str | None) -> None:
    assert resolve_location(text).country_code is None


# Places and spellings that are not in the sample fixtures.
UNSEEN = [
    ("Köln, Nordrhein-Westfalen", "DE"),
    ("Nürnberg", "DE"),
    ("Wien, Österreich", "AT"),
    ("Genf", "CH"),
    ("Lisboa", "PT"),
    ("Praha", "CZ"),
    ("Warszawa, mazowieckie", "PL"),
    ("Bucureşti", "RO"),
    ("Reykjavík", "IS"),
    ("Bangalore", "IN"),
    ("Gurgaon, Haryana", "IN"),
    ("Cochin", "IN"),
    ("Trivandrum, Kerala", "IN"),
    ("Jeddah", "SA"),
    ("Dammam, Eastern Province", "SA"),
    ("Sharjah", "AE"),
    ("Muscat, Oman", "OM"),
    ("Addis Ababa", "ET"),
    ("Johannesburg, Gauteng", "ZA"),
    ("Nairobi", "KE"),
    ("Sepang", "MY"),
    ("Changi", "SG"),
    ("Incheon", "KR"),
    ("Auckland, New Zealand", "NZ"),
    ("Mississauga, ON", "CA"),
    ("Calgary, AB", "CA"),
    ("Victoria, BC", "CA"),
    ("London, ON", "CA"),
    ("Birmingham, AL", "US"),
    ("Cambridge, MA", "US"),
    ("Wichita, KS", "US"),
    ("Everett, WA", "US"),
    ("Washington, DC", "US"),
    ("Atlanta, Georgia", "US"),
    ("Tbilisi, Georgia", "GE"),
    ("Adelaide, SA", "AU"),
    ("Riyadh, SA", "SA"),
    ("Darwin, NT", "AU"),
    ("Yellowknife, NT", "CA"),
    ("Perth, Scotland", "GB"),
    ("Sydney NSW", "AU"),
    ("Brisbane, Queensland", "AU"),
    ("Newark, NJ", "US"),
    ("Bogotá, Colombia", "CO"),
    ("São José dos Campos", "BR"),
    ("Kloten", "CH"),
    ("Zaventem", "BE"),
    ("Schiphol", "NL"),
    ("Gardermoen", "NO"),
    ("Marignane", "FR"),
    ("Blagnac", "FR"),
    ("Fiumicino", "IT"),
    ("Cranfield", "GB"),
    ("Aberdeen Dyce", "GB"),
    ("Glasgow Prestwick Airport", "GB"),
    ("Flughafen München", "DE"),
    ("Aeropuerto de Madrid-Barajas", "ES"),
    ("Toulouse Blagnac Airport", "FR"),
    ("Leipzig/Halle Airport, Germany", "DE"),
    ("Greater London Area", "GB"),
    ("Hybrid - Dublin", "IE"),
    ("On-site - Glasgow", "GB"),
    ("United States (Remote)", "US"),
    ("Remote, US", "US"),
    ("Florida, USA", "US"),
    ("Karnataka", "IN"),
    ("Bavaria", "DE"),
    ("Jersey", "JE"),
    ("New Jersey", "US"),
    ("(DXB)", "AE"),
    ("MUC", "DE"),
    ("Paris, FR", "FR"),
    ("Portland", "US"),
    ("Santiago", "CL"),
    ("Bridgetown", "BB"),
    ("Lanzarote", "ES"),
    ("Lao PDR", "LA"),
    ("St. John's, NL", "CA"),
    ("Adelaide, SA", "AU"),
    ("London, ON", "CA"),
    ("Providenciales", "TC"),
]


@pytest.mark.parametrize(("text", "country"), UNSEEN)
def test_unseen_places_resolve(text: str, country: str) -> None:
    assert resolve_location(text).country_code == country


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Munich", "München"),
        ("Cork Airport", "Cork"),
        ("Hounslow, England", "London Heathrow"),
        ("Heathrow Airport, UK", "London Heathrow (LHR), UK"),
        ("Horley, England, United Kingdom", "London Gatwick"),
        ("Crawley, West Sussex", "Gatwick"),
        ("Köln", "Cologne Bonn Airport, Germany"),
        ("Bengaluru, Karnataka, India", "Bangalore"),
        ("Zaventem, Brussels Region, Belgium", "Brussels"),
        ("Kloten, Zurich, Switzerland", "Zürich, Switzerland"),
        ("Genève, Switzerland", "Geneva, Geneva, Switzerland"),
        ("Sandweiler, Luxembourg", "Luxembourg, Luxembourg"),
        ("Hamad International Airport, Qatar", "Doha"),
        ("Leipzig/Halle Airport, Germany", "Leipzig, Saxony, Germany"),
        ("Frankfurt am Main (FRA), Germany", "Frankfurt"),
        ("Malta International Airport", "Luqa, Malta"),
    ],
)
def test_spellings_of_one_base_share_the_city_key(one: str, other: str) -> None:
    assert resolve_location(one).city == resolve_location(other).city is not None


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Dublin", "Shannon"),
        ("London Heathrow", "London Gatwick"),
        ("London Stansted", "London Luton"),
        ("Paris CDG", "Paris Orly"),
        ("Hamburg", "Munich"),
    ],
)
def test_different_bases_keep_different_keys(one: str, other: str) -> None:
    assert resolve_location(one).city != resolve_location(other).city


def test_unknown_town_keeps_its_name_as_base() -> None:
    place = resolve_location("Smallville, Germany")
    assert (place.country_code, place.city) == ("DE", "smallville")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # A shared two-letter code after a known town means the town's country.
        ("Guadalajara, JA", "MX"),
        ("Monterrey, NL", "MX"),
        ("St. John's, NL", "CA"),
        ("Eindhoven, NL", "NL"),
        ("Darwin, NT", "AU"),
        ("Yellowknife, NT", "CA"),
        # An unknown town leaves every reading of the code standing.
        ("Smallville, OH", "US"),
        # A country's name is never dropped, whatever the town.
        ("Paris, USA", "US"),
    ],
)
def test_short_codes_are_read_in_the_towns_country(text: str, country: str) -> None:
    assert resolve_location(text).country_code == country


def test_an_airports_town_is_its_base_and_a_new_airport_its_own() -> None:
    assert resolve_location("Tillé, France").city == resolve_location("Beauvais (BVA)").city
    assert resolve_location("Navi Mumbai").city != resolve_location("Mumbai").city


def test_a_towns_official_style_is_the_town() -> None:
    assert resolve_location("Cebu City").city == resolve_location("Cebu").city
    # A curated place named "... City" stays itself.
    assert resolve_location("London City").city != resolve_location("London").city


def test_country_only_location_has_no_city() -> None:
    assert resolve_location("Germany").city is None
    assert resolve_location("Qatar").city is None


def test_remote_flag_and_raw_text_are_kept() -> None:
    place = resolve_location("Remote - UK")
    assert place == Location("GB", None, None, True, "Remote - UK")
    assert resolve_location("Dublin, Ireland").remote is False


def test_state_is_reported_as_region() -> None:
    assert resolve_location("Atlanta, GA").region == "georgia"
    assert resolve_location("Remote (EMEA)").region == "emea"


def test_ascii_fold_strips_marks_and_punctuation() -> None:
    assert ascii_fold("Düsseldorf-Lohausen") == "dusseldorf lohausen"
    assert ascii_fold("Øresund  Ærø") == "oresund aero"
    assert ascii_fold("Straße") == "strasse"


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.none(), st.text(max_size=200)))
def test_never_raises_on_arbitrary_text(text: str | None) -> None:
    place = resolve_location(text)
    assert isinstance(place, Location)
    assert place.country_code is None or len(place.country_code) == 2


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Dublin", "GA", "(LHR)", "Remote", "-", ",", "/", "UK", "?"])))
def test_never_raises_on_location_like_fragments(parts: list[str]) -> None:
    assert isinstance(resolve_location(" ".join(parts)), Location)

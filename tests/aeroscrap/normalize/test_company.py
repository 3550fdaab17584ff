"""company_key / resolve_company: README 3.2 aliases, 3.4 types, traps and the agency rule."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aeroscrap.normalize.company import OPERATION_TYPES, Advertiser, company_key, resolve_company


@pytest.mark.parametrize(
    "names",
    [
        ["IndiGo", "InterGlobe Aviation Ltd", "IndiGo (InterGlobe Aviation Limited)"],
        ["KLM", "KLM Royal Dutch Airlines"],
        ["Emirates", "Emirates Group", "Emirates Airline", "The Emirates Group"],
        ["Jet2", "Jet2.com Limited", "JET2.COM LTD"],
        ["daa", "Dublin Airport Authority", "DAA plc"],
        ["Ryanair", "Ryanair - Europe's Favourite Airline", "Ryanair DAC", "Ryanair | Careers"],
        ["Lufthansa Technik", "Lufthansa Technik AG", "LUFTHANSA TECHNIK"],
        ["Swissport", "Swissport International AG", "Swissport International Ltd."],
        ["Çelebi Aviation", "Celebi Aviation Holding A.S."],
        ["Rolls-Royce", "Rolls Royce plc", "Rolls-Royce Holdings plc"],
        ["Goose Recruitment", "Goose", "Goose Recruitment Ltd"],
        ["Airbus", "Airbus SAS", "Airbus Operations GmbH"],
        ["Saudia", "Saudi Arabian Airlines"],
        ["Etihad Engineering", "Etihad Airways Engineering", "Etihad Engineering LLC"],
        # Legal forms written before the name, multi-word ones, and taglines after a colon.
        ["Garuda Indonesia", "PT Garuda Indonesia (Persero) Tbk"],
        ["BAA Training", "UAB BAA Training"],
        ["Vietjet", "Vietjet Aviation Joint Stock Company"],
        ["Thai Airways", "Thai Airways International Public Company Limited"],
        ["Aeroméxico", "Aerovías de México, S.A. de C.V."],
        ["Copenhagen Airports", "Copenhagen Airports A/S"],
        ["Turkish Airlines", "Turkish Airlines: Widen Your World"],
        ["Collins Aerospace", "Collins Aerospace, an RTX business"],
        ["Air Canada", "Air Canada Careers"],
        # Registered names: German legal forms, the "air transport" of Iberian names.
        ["ADAC Luftrettung", "ADAC Luftrettung gGmbH"],
        ["Hi Fly", "Hi Fly Transportes Aéreos S.A."],
        # One airport, named in English or its own language, listed or not.
        ["Vienna Airport", "Vienna International Airport", "Flughafen Wien AG"],
        ["Graz Airport", "Graz International Airport", "Flughafen Graz GmbH"],
        ["Lisbon Airport", "Aeroporto Internacional de Lisboa"],
        ["Bologna Airport", "Aeroporto G. Marconi di Bologna S.p.A."],
        # Trading names, Japanese legal forms, an unlisted airline with and without "Airways".
        ["Cape Air", "Hyannis Air Service, Inc. d/b/a Cape Air"],
        ["Setouchi Aero Engineering K.K.", "Setouchi Aero Engineering Co., Ltd."],
        ["Tasman Link", "Tasman Link Airways Limited"],
        # Airports named in Baltic and Nordic languages, legal forms that lead, "Authority".
        ["Parnu Airport", "AS Pärnu Lennujaam"],
        ["Tartu Airport", "Tartu Lennujaam"],
        ["Kaunas Airport", "Kaunas oro uostas"],
        ["Umea Airport", "Umeå flygplats"],
        ["Gdansk Airport", "Port Lotniczy Gdańsk"],
        ["Cork Airport", "Cork Airport Authority"],
        ["Air Examplia", "Air Examplia Luftverkehrsgesellschaft mbH"],
        # A page name that adds the name in its own script.
        ["Examplia Air", "Examplia Air طيران"],
        ["Formosa Examplia Airlines", "Formosa Examplia Airlines 航空"],
    ],
)
def test_names_of_one_organisation_share_a_key(names: list[str]) -> None:
    keys = {company_key(name) for name in names}
    assert len(keys) == 1 and "" not in keys


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Lufthansa", "Lufthansa Technik"),
        ("Lufthansa", "Lufthansa Aviation Training"),
        ("Lufthansa", "Lufthansa Cargo"),
        ("Air India", "AIESL"),
        ("Air India", "Air India Aviation Academy"),
        ("Air India", "Air India Express"),
        ("KLM", "KLM UK Engineering"),
        ("KLM", "KLM Cityhopper"),
        ("Emirates", "Emirates SkyCargo"),
        ("Emirates", "dnata"),
        ("Etihad Airways", "Etihad Engineering"),
        ("Spirit Airlines", "Spirit AeroSystems"),
        ("CAE", "CAE Parc Aviation"),
        ("London Heathrow Airport", "London Gatwick Airport"),
        ("Aeroporto di Milano Linate", "Aeroporto di Milano Malpensa"),
        ("Graz Airport", "Airport Handling Services"),
    ],
)
def test_organisations_sharing_a_brand_stay_apart(one: str, other: str) -> None:
    assert company_key(one) != company_key(other)


def test_normalisation_of_unknown_names_follows_readme() -> None:
    assert company_key("The Skyhigh Widgets Company Ltd.") == "skyhigh widgets"
    assert company_key("Fjord Air AS - Flying the north") == "fjord air"
    assert company_key("Zürich Flügel GmbH & Co. KG") == "zurich flugel"
    assert company_key("Acme Aviation Holdings Group") == "acme aviation"
    assert company_key(None) == ""


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Airbus Helicopters", "oem_manufacturer"),
        ("Air Lease Corporation", "lessor"),
        ("Air BP", "other"),
        ("daa", "airport"),
        ("KLM UK Engineering", "mro"),
        ("Cargolux", "cargo_airline"),
        ("FedEx Express", "cargo_airline"),
        ("VistaJet", "business_aviation"),
        ("CHC Helicopter", "helicopter_operator"),
        ("MTU Maintenance Hannover", "mro"),
        ("Manchester Airports Group", "airport"),
        ("BOC Aviation", "lessor"),
        ("Worldwide Flight Services", "ground_handling"),
        ("FTEJerez", "training_organisation"),
        ("NATS", "regulator_government"),
        ("EUROCONTROL", "regulator_government"),
        ("gategroup", "other"),
        ("Amadeus", "other"),
        ("Spirit AeroSystems", "oem_manufacturer"),
        # Brand followed by a place is the brand.
        ("dnata Singapore", "ground_handling"),
        ("Bristow Norway AS", "helicopter_operator"),
        ("Menzies Aviation Ireland", "ground_handling"),
    ],
)
def test_direct_employer_types(name: str, kind: str) -> None:
    advertiser = resolve_company(name, source="linkedin")
    assert (advertiser.operation_type, advertiser.known, advertiser.is_agency) == (
        kind,
        True,
        False,
    )


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Nordic Regional Airways", "airline"),
        ("Skyward Helicopters Ltd", "helicopter_operator"),
        ("Baltic Aero Technics UAB", "mro"),
        ("Aero Component Repair Services", "mro"),
        ("Bayside Regional Airport", "airport"),
        ("Orion Jet Leasing", "lessor"),
        ("Coastal Flight Academy", "training_organisation"),
        ("Republic of Examplia Civil Aviation Authority", "regulator_government"),
        ("Tri-Star Aerostructures", "oem_manufacturer"),
        ("Atlantic Cargo Airlines", "cargo_airline"),
        ("Harbour Ground Handling", "ground_handling"),
        ("SkyHigh Staffing Solutions", "recruitment_agency"),
        ("Flyvista", "airline"),
        # In their own languages: airports, civil aviation authorities, air navigation.
        ("AS Pärnu Lennujaam", "airport"),
        ("Umeå flygplats", "airport"),
        ("Examplia Repülőtér Zrt.", "airport"),
        ("Dirección de Aviación Civil de Examplia", "regulator_government"),
        ("Examplische Flugsicherung GmbH", "regulator_government"),
        ("Luftfartstilsynet Examplia", "regulator_government"),
        ("CAA Examplia", "regulator_government"),
        ("Examplia HEMS Academy", "training_organisation"),
        ("Tay Rotor Services", "helicopter_operator"),
    ],
)
def test_unknown_employers_are_typed_from_their_name(name: str, kind: str) -> None:
    advertiser = resolve_company(name, source="aviationjobsearch")
    assert advertiser.operation_type == kind
    assert advertiser.known is False


GOOSE = company_key("Goose Recruitment")


@pytest.mark.parametrize(
    ("company", "description", "kind"),
    [
        ("Goose Recruitment", "Our client, a leading Part-145 MRO, is looking for a B1.", "mro"),
        ("Major European Airline", "We are recruiting a Captain.", "airline"),
        ("Leading MRO Provider", "Our client, whose name is confidential, ...", "mro"),
        (
            "Confidential",
            "Goose Recruitment is recruiting on behalf of Cargolux for a FO.",
            "cargo_airline",
        ),
        (
            "Confidential",
            "On behalf of a confidential client we seek a Captain.",
            "recruitment_agency",
        ),
        (
            "Goose Recruitment",
            "Our client, whose name is confidential, seeks a Captain.",
            "recruitment_agency",
        ),
        (
            "Goose Recruitment",
            "Join Goose as a Recruitment Consultant in Bristol.",
            "recruitment_agency",
        ),
        (
            "Goose Recruitment",
            "Our client is a well-known business jet operator in Geneva.",
            "business_aviation",
        ),
        (
            "Goose Recruitment",
            "Goose is working with an aircraft lessor to recruit a CAMO lead.",
            "lessor",
        ),
        (
            "Goose Recruitment",
            "Working with a major UK airport to recruit a duty manager.",
            "airport",
        ),
        ("Goose Recruitment", "On behalf of our client Jet2 we are hiring pilots.", "airline"),
        ("Cargolux", "Captain B747F based in Luxembourg.", "cargo_airline"),
        ("Offshore Helicopter Operator", None, "helicopter_operator"),
    ],
)
def test_goose_adverts_belong_to_goose_and_take_a_stated_client_type(
    company: str, description: str | None, kind: str
) -> None:
    advertiser = resolve_company(company, source="goose", description=description)
    assert (advertiser.key, advertiser.is_agency, advertiser.operation_type) == (GOOSE, True, kind)


def test_job_title_never_types_a_confidential_client() -> None:
    advertiser = resolve_company(
        "Goose Recruitment",
        source="goose",
        description="Our client, whose name is confidential at this stage, is looking for a Captain.",
    )
    assert advertiser.operation_type == "recruitment_agency"


@pytest.mark.parametrize(
    ("company", "description", "kind"),
    [
        (
            "Rishworth Aviation",
            "Rishworth Aviation is working with an Asian airline to recruit.",
            "airline",
        ),
        (
            "AeroProfessional Ltd",
            "Our client, a leading low-cost airline, is looking for...",
            "airline",
        ),
        ("CAE Parc Aviation", "On behalf of Lufthansa Technik we seek B1 engineers.", "mro"),
        (
            "Morson Group",
            "An exciting opportunity for a confidential client.",
            "recruitment_agency",
        ),
        (
            "Goose Recruitment",
            "Goose Recruitment is recruiting on behalf of VistaJet for a...",
            "business_aviation",
        ),
        ("Randstad", "Our client, an in-flight catering company, is looking for drivers.", "other"),
        (
            "Matchtech",
            "Our client, a HEMS operator, is looking for a pilot.",
            "helicopter_operator",
        ),
    ],
)
def test_agency_adverts_on_other_sources(company: str, description: str, kind: str) -> None:
    advertiser = resolve_company(company, source="linkedin", description=description)
    assert advertiser.is_agency and advertiser.known
    assert advertiser.key == company_key(company)
    assert advertiser.operation_type == kind


@pytest.mark.parametrize(
    ("description", "agency"),
    [
        ("Brightwing Crew Partners is supplying contract Captains to a confidential client.", True),
        ("Brightwing is recruiting for Examplia Air, a regional airline.", True),
        (
            "Brightwing is a regional airline. We are recruiting for this role at our Cork base.",
            False,
        ),
        ("We are hiring for several positions in our Cork hangar.", False),
        ("Brightwing manages aircraft on behalf of their owners.", False),
    ],
)
def test_agency_language_is_about_another_organisation(description: str, agency: bool) -> None:
    advertiser = resolve_company("Brightwing", source="linkedin", description=description)
    assert advertiser.is_agency is agency


@pytest.mark.parametrize(
    ("company", "description", "agency", "kind"),
    [
        # An agency that only describes its client.
        (
            "Brightline Resourcing",
            "Brightline is supporting a busy Part-145 organisation.",
            True,
            "mro",
        ),
        ("Brightline", "We are sourcing for a growing ACMI operator in Malta.", True, "airline"),
        (
            "Brightline Technical",
            "Brightline Technical is a specialist aviation recruitment consultancy. A leading "
            "business jet charter company in Geneva needs captains.",
            True,
            "business_aviation",
        ),
        # An advert opening on the hiring organisation, whoever places it.
        (
            "Brightline",
            "An established Part-145 organisation in Kent is looking for B1s.",
            False,
            "mro",
        ),
        ("Brightline", "We are recruiting for a Captain to join our A320 fleet.", False, "airline"),
    ],
)
def test_a_described_client_or_employer_gives_the_kind(
    company: str, description: str, agency: bool, kind: str
) -> None:
    advertiser = resolve_company(company, source="linkedin", description=description)
    assert (advertiser.is_agency, advertiser.operation_type) == (agency, kind)


def test_unlisted_agency_is_detected_from_the_advert() -> None:
    advertiser = resolve_company(
        "Skyline Crew Partners",
        source="aviationjobsearch",
        description="Our client, a fast-growing ACMI airline, is looking for First Officers.",
    )
    assert (advertiser.is_agency, advertiser.known, advertiser.operation_type) == (
        True,
        False,
        "airline",
    )


@pytest.mark.parametrize(
    ("company", "description", "kind"),
    [
        (
            "Polaris Aero",
            "Polaris Aero is an all-cargo airline operating ATR 72 freighters. Our maintenance"
            " team needs a B1 engineer.",
            "cargo_airline",
        ),
        ("Hermeus", "Hermeus designs and builds hypersonic aircraft. Join us.", "oem_manufacturer"),
        ("Nordlys", "We are a Part-145 approved MRO in Tromsø.", "mro"),
        # What the advert says outranks the words of the name.
        (
            "Helix Helicopters",
            "Helix Helicopters designs and manufactures helicopters.",
            "oem_manufacturer",
        ),
        (
            "Hub Airport Services",
            "Hub Airport Services is an independent ground handler.",
            "ground_handling",
        ),
        (
            "Highland Rotor",
            "Highland Rotor is an offshore and search and rescue helicopter operator.",
            "helicopter_operator",
        ),
        ("Aldebaran Aviation", "We operate a fleet of 12 ATR 72 freighters.", "cargo_airline"),
        (
            "Skylift Cargo Services",
            "Skylift Cargo Services runs a cargo terminal.",
            "ground_handling",
        ),
        (
            "Fjord Aviation",
            "We operate nine AW169 and H145 helicopters on air ambulance contracts.",
            "helicopter_operator",
        ),
        ("Baltica Aero", "Our Part-145 approved hangars perform C-checks.", "mro"),
        (
            "Tagus Aviation",
            "We are an EASA approved training organisation (ATO).",
            "training_organisation",
        ),
        ("Aldgate Aviation", "Our portfolio of 60 aircraft is leased to 20 airlines.", "lessor"),
        ("Northfuel Aviation", "Northfuel Aviation is an aviation fuel supplier.", "other"),
        (
            "Kestrel Aero Services",
            "Kestrel Aero Services provides maintenance, repair and overhaul services to airlines.",
            "mro",
        ),
        (
            "Tarn Aviation",
            "We provide ground handling for 30 airlines at Dublin.",
            "ground_handling",
        ),
        # What the advert says of other organisations, or of the job, types nothing.
        ("Skyward", "Skyward is a regional airline. Our maintenance team is growing.", "airline"),
        ("Nordlys", "We are looking for a maintenance planner.", "airline"),
        ("Nordlys", "Our customers include a cargo airline and an MRO.", "airline"),
    ],
)
def test_unlisted_employers_are_typed_by_what_their_advert_says_they_are(
    company: str, description: str, kind: str
) -> None:
    advertiser = resolve_company(company, source="linkedin", description=description)
    assert (advertiser.known, advertiser.is_agency) == (False, False)
    assert advertiser.operation_type == kind


def test_what_an_agency_says_its_client_is_types_the_advert() -> None:
    advertiser = resolve_company(
        "Goose Recruitment",
        source="linkedin",
        description="We are recruiting on behalf of Star Air, the Danish all-cargo airline, for"
        " B1 engineers.",
    )
    # The alias table knows another Star Air (an Indian passenger airline): the advert decides.
    assert (advertiser.is_agency, advertiser.operation_type) == (True, "cargo_airline")


def test_flying_on_behalf_of_owners_is_not_agency_work() -> None:
    advertiser = resolve_company(
        "Calder Aviation",
        source="linkedin",
        description="Calder Aviation manages and operates business jets on behalf of their owners.",
    )
    assert (advertiser.is_agency, advertiser.operation_type) == (False, "business_aviation")


def test_direct_employer_ignores_client_words_in_description() -> None:
    advertiser = resolve_company(
        "Ryanair", source="linkedin", description="Ryanair works with a leading MRO provider."
    )
    assert advertiser.operation_type == "airline"


def test_table_is_large_valid_and_has_no_shared_aliases() -> None:
    text = resources.files("aeroscrap").joinpath("data/companies.json").read_text("utf-8")
    entries = json.loads(text)
    assert len(entries) >= 400
    seen: dict[str, str] = {}
    for entry in entries:
        assert entry["operation_type"] in OPERATION_TYPES
        assert entry["agency"] == (entry["operation_type"] == "recruitment_agency")
        assert len(entry["country"]) == 2
        for name in [entry["name"], *entry["aliases"]]:
            key = company_key(name)
            # A spelling with no key (another script than Latin) could never be looked up.
            assert key, name
            assert seen.setdefault(key, entry["name"]) == entry["name"], name


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.none(), st.text(max_size=120)),
    st.sampled_from(["goose", "linkedin", "workday", ""]),
    st.one_of(st.none(), st.text(max_size=300)),
)
def test_never_raises(name: str | None, source: str, description: str | None) -> None:
    advertiser = resolve_company(name, source=source, description=description)
    assert isinstance(advertiser, Advertiser)
    assert advertiser.operation_type in OPERATION_TYPES
    assert isinstance(company_key(name), str)


@pytest.mark.parametrize(
    "name", ["Civil Aviation Authority Ghana", "Civil Aviation Authority of Examplia", "CAA Peru"]
)
def test_a_countrys_own_authority_is_not_the_uk_caa(name: str) -> None:
    assert company_key(name) != company_key("UK Civil Aviation Authority")

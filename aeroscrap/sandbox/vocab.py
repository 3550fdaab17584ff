"""Word lists the sandbox draws its fictitious aviation jobs from (employers, places, roles)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """A base: city or airport, region and country as the boards spell them."""

    city: str
    region: str
    country: str


@dataclass(frozen=True)
class Employer:
    """A hiring organisation: shown name, the advertiser slug AJS puts in URLs, and its bases."""

    name: str
    slug: str
    places: tuple[Place, ...]
    kind: str


@dataclass(frozen=True)
class Role:
    """A role template; `{ac}` is replaced by an aircraft type when the role has one."""

    title: str
    category: str
    subcategory: str
    sector: str
    aircraft: tuple[str, ...] = ()


LUTON = Place("Luton", "England", "United Kingdom")
LEEDS = Place("Leeds Bradford Airport", "England", "United Kingdom")
MANCHESTER = Place("Manchester", "England", "United Kingdom")
HEATHROW = Place("London Heathrow", "England", "United Kingdom")
DUBLIN = Place("Dublin", "County Dublin", "Ireland")
SHANNON = Place("Shannon", "Co. Clare", "Ireland")
HAMBURG = Place("Hamburg", "Hamburg", "Germany")
HAHN = Place("Hahn Airport, Lautzenhausen", "Rheinland-Pfalz", "Germany")
ZURICH = Place("Zürich", "Zurich", "Switzerland")
TOULOUSE = Place("Toulouse", "Occitanie", "France")
DUBAI = Place("Dubai", "Dubai", "United Arab Emirates")
ABU_DHABI = Place("Abu Dhabi", "Abu Dhabi", "United Arab Emirates")
DOHA = Place("Doha", "Ad Dawhah", "Qatar")
LUXEMBOURG = Place("Sandweiler", "Luxembourg", "Luxembourg")
ABERDEEN = Place("Aberdeen", "Scotland", "United Kingdom")
MIAMI = Place("Miami", "FL", "United States")
ATLANTA = Place("Atlanta", "GA", "United States")
MONTREAL = Place("Montreal", "QC", "Canada")
AMSTERDAM = Place("Amsterdam", "North Holland", "Netherlands")
LUSAKA = Place("Lusaka", "Lusaka Province", "Zambia")

EMPLOYERS: tuple[Employer, ...] = (
    Employer("Jet2.com", "jet2com", (LEEDS, MANCHESTER), "airline"),
    Employer("Ryanair", "ryanair", (DUBLIN, HAHN), "airline"),
    Employer("easyJet", "easyjet", (LUTON, MANCHESTER), "airline"),
    Employer("Aer Lingus", "aer-lingus", (DUBLIN, SHANNON), "airline"),
    Employer("Emirates", "emirates", (DUBAI,), "airline"),
    Employer("Qatar Airways", "qatar-airways", (DOHA,), "airline"),
    Employer("KLM Royal Dutch Airlines", "klm", (AMSTERDAM,), "airline"),
    Employer("Cargolux", "cargolux", (LUXEMBOURG,), "cargo_airline"),
    Employer("Atlas Air", "atlas-air", (MIAMI,), "cargo_airline"),
    Employer("Lufthansa Technik", "lufthansa-technik", (HAMBURG,), "mro"),
    Employer("SR Technics", "sr-technics", (ZURICH,), "mro"),
    Employer("Storm Aviation", "storm-aviation", (HEATHROW, MANCHESTER), "mro"),
    Employer("Morson Edge", "morson-international", (MANCHESTER, TOULOUSE), "agency"),
    Employer("Altitude Global", "altitude-global", (ATLANTA, LUSAKA), "agency"),
    Employer("Etihad Airways Engineering", "etihad-engineering", (ABU_DHABI,), "mro"),
    Employer("Bristow", "bristow", (ABERDEEN,), "helicopter"),
    Employer("Airbus", "airbus", (TOULOUSE, HAMBURG), "oem"),
    Employer("Collins Aerospace", "collins-aerospace", (ATLANTA,), "oem"),
    Employer("CAE", "cae", (MONTREAL,), "training"),
    Employer("Heathrow Airport", "heathrow-airport", (HEATHROW,), "airport"),
)

ROLES: tuple[Role, ...] = (
    Role("First Officer {ac}", "pilots", "first-officer", "Flight Crew", ("A320", "Boeing 737")),
    Role("Captain {ac}", "pilots", "captain", "Flight Crew", ("A320", "B737NG", "A330", "B787")),
    Role("Senior First Officer {ac}", "pilots", "first-officer", "Flight Crew", ("A350", "B777")),
    Role("Type Rated Training Captain {ac}", "pilots", "captain", "Flight Crew", ("A320",)),
    Role(
        "B1 Licensed Engineer {ac}",
        "aircraft-maintenance-engineers",
        "b1-engineer",
        "MRO & Technical Services",
        ("A320", "B737", "ATR 72"),
    ),
    Role(
        "B2 Avionics Engineer {ac}",
        "aircraft-maintenance-engineers",
        "b2-engineer",
        "MRO & Technical Services",
        ("A330", "B787"),
    ),
    Role("A&P Mechanic", "mechanics", "ap-mechanic", "MRO & Technical Services"),
    Role("Aircraft Technician", "technicians", "aircraft-technician", "MRO & Technical Services"),
    Role(
        "Engineer in Charge - Line Maintenance",
        "aircraft-maintenance-engineers",
        "licensed-engineer",
        "MRO & Technical Services",
    ),
    Role(
        "Compliance Monitoring Manager",
        "airworthiness-certification",
        "compliance",
        "MRO & Technical Services",
    ),
    Role(
        "CAMO Technical Records Officer",
        "airworthiness-certification",
        "technical-records",
        "MRO & Technical Services",
    ),
    Role("Stress Engineer", "aerospace-engineers", "stress-engineer", "MRO & Technical Services"),
    Role("Flight Operations Officer", "flight-operations", "operations-officer", "Commercial"),
    Role("Crew Scheduler", "flight-operations", "crew-planning", "Commercial"),
    Role("Head of Maintenance", "management", "head-of-maintenance", "MRO & Technical Services"),
    Role(
        "Procurement Specialist - Aircraft Parts",
        "finance-and-procurement",
        "procurement",
        "Commercial",
    ),
    Role("Aircraft Sales Support Executive", "sales-support", "sales-executive", "Commercial"),
    Role("Cabin Crew", "flight-operations", "cabin-crew", "Commercial"),
)

AIR_INDIA_TITLES: tuple[str, ...] = (
    "Manager - Engine OEMs",
    "Cabin Crew",
    "B787 Captain",
    "A320 First Officer",
    "Senior Manager - Revenue Management",
    "Aircraft Maintenance Engineer B1 A320",
    "Deputy General Manager - Flight Safety",
    "Officer - Ground Operations",
    "Assistant Manager - Crew Scheduling",
    "Lead - Cargo Sales",
    "B777 Senior First Officer",
    "Manager - Reliability Engineering",
)
AIR_INDIA_CITIES: tuple[tuple[str, str], ...] = (
    ("Mumbai", "Western"),
    ("Gurugram", "HO"),
    ("Delhi", "Northern"),
    ("Hyderabad", "Southern"),
    ("Bengaluru", "Southern"),
    ("Chennai", "Southern"),
    ("Kolkata", "Eastern"),
)
AIX_CITIES: tuple[tuple[str, str], ...] = (("Kochi", "Southern"), ("Bengaluru", "Southern"))

GOOSE_LOCATIONS: tuple[str, ...] = (
    "Dorset",
    "Sydney",
    "Europe",
    "South Caribbean Coast",
    "Flexible",
    "Doha",
    "Providenciales",
    "Dublin",
    "Hong Kong",
)
GOOSE_SALARIES: tuple[str, ...] = (
    "$70,000 - $72,000",
    "€100,000 to €130,000 per annum",
    "Competitive Salary",
    "Salary DOE",
    "£45,000 - £55,000 per annum",
)
GOOSE_CLIENTS: tuple[str, ...] = (
    "a major European airline",
    "a leading Part-145 MRO provider",
    "a Caribbean regional airline",
    "a confidential client",
    "a growing business aviation operator",
)
GOOSE_CONTACTS: tuple[tuple[str, str], ...] = (
    ("Sophie Turner", "+44 (0)1202 900 101"),
    ("James Whitaker", "+44 (0)1202 900 102"),
    ("Aoife Byrne", "+353 1 555 0103"),
)
GOOSE_EXTRA_TITLES: tuple[str, ...] = (
    "ATR 42/72-500 Captain - Providenciales",
    "MCC Coordinator",
    "B1/B2 Licensed Engineer",
)

REQUIREMENTS: dict[str, tuple[str, ...]] = {
    "Flight Crew": (
        "Minimum 3,000 hours total time",
        "Unrestricted First Class Medical",
        "ELP Level 5+",
        "Valid type rating or willingness to complete one",
    ),
    "MRO & Technical Services": (
        "EASA Part-66 licence with relevant type ratings",
        "Experience in a Part-145 environment",
        "Willingness to work shifts",
    ),
    "Commercial": (
        "Experience in the aviation industry",
        "Excellent communication skills",
        "Right to work in the country of the role",
    ),
}
LINKEDIN_SENIORITY: tuple[str, ...] = ("Entry level", "Associate", "Mid-Senior level", "Director")
LINKEDIN_INDUSTRIES: tuple[str, ...] = (
    "Airlines and Aviation",
    "Aviation and Aerospace Component Manufacturing",
    "Maintenance and Repair of Aircraft",
)
CONTRACT_TYPES: tuple[str, ...] = ("Permanent", "Permanent", "Contract", "Full-Time", "Part-Time")

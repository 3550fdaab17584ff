"""Place names: countries in many languages (pycountry + babel), sub-national codes, big cities."""

from __future__ import annotations

import functools
import re
import unicodedata

import pycountry
from babel import Locale

from resume_parser.models import Location

# Languages whose country names are looked up; resumes often name the home country in its own
# language ("Polska", "Deutschland", "Türkiye").
_LOCALES = [
    "en",
    "de",
    "fr",
    "es",
    "it",
    "pt",
    "nl",
    "pl",
    "tr",
    "sv",
    "da",
    "nb",
    "fi",
    "cs",
    "sk",
    "hu",
    "ro",
    "el",
    "ru",
    "uk",
    "ar",
    "zh",
    "ja",
    "ko",
    "vi",
    "id",
    "ms",
    "th",
    "hi",
    "he",
    "hr",
    "sr",
    "sl",
    "bg",
    "lt",
    "lv",
    "et",
    "ga",
    "ca",
    "is",
    "fa",
]
_ALIASES = {
    "uk": "GB", "u.k.": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
    "northern ireland": "GB", "great britain": "GB", "britain": "GB", "united kingdom": "GB",
    "usa": "US", "u.s.a.": "US", "us": "US", "u.s.": "US", "america": "US",
    "united states of america": "US", "united states": "US", "uae": "AE", "u.a.e.": "AE",
    "emirates": "AE", "the netherlands": "NL", "holland": "NL", "russia": "RU",
    "south korea": "KR", "korea": "KR", "czech republic": "CZ", "czechia": "CZ",
    "vietnam": "VN", "viet nam": "VN", "turkey": "TR", "türkiye": "TR", "turkiye": "TR",
    "ivory coast": "CI", "hong kong sar": "HK", "macau": "MO", "taiwan": "TW", "iran": "IR",
    "syria": "SY", "laos": "LA", "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ",
    "moldova": "MD", "brunei": "BN", "cape verde": "CV", "ksa": "SA", "republic of ireland": "IE",
}  # fmt: skip
US_STATES = set(
    [
        "AL",
        "AK",
        "AZ",
        "AR",
        "CA",
        "CO",
        "CT",
        "DE",
        "FL",
        "GA",
        "HI",
        "ID",
        "IL",
        "IN",
        "IA",
        "KS",
        "KY",
        "LA",
        "ME",
        "MD",
        "MA",
        "MI",
        "MN",
        "MS",
        "MO",
        "MT",
        "NE",
        "NV",
        "NH",
        "NJ",
        "NM",
        "NY",
        "NC",
        "ND",
        "OH",
        "OK",
        "OR",
        "PA",
        "RI",
        "SC",
        "SD",
        "TN",
        "TX",
        "UT",
        "VT",
        "VA",
        "WA",
        "WV",
        "WI",
        "WY",
        "DC",
    ]
)
_SUBDIVISIONS = {
    **dict.fromkeys(US_STATES, "US"),
    **dict.fromkeys(["ON", "BC", "AB", "QC", "MB", "SK", "NS", "NB", "NL", "PE"], "CA"),
    **dict.fromkeys(["NSW", "VIC", "QLD", "TAS", "ACT"], "AU"),
}
# Large cities and aviation hubs, for a location written without its country.
_CITIES = {
    "london": "GB", "manchester": "GB", "edinburgh": "GB", "glasgow": "GB", "birmingham": "GB",
    "bristol": "GB", "aberdeen": "GB", "belfast": "GB", "dublin": "IE", "cork": "IE",
    "shannon": "IE", "paris": "FR", "toulouse": "FR", "lyon": "FR", "marseille": "FR",
    "nice": "FR", "berlin": "DE", "munich": "DE", "münchen": "DE", "frankfurt": "DE",
    "hamburg": "DE", "cologne": "DE", "köln": "DE", "düsseldorf": "DE", "stuttgart": "DE",
    "madrid": "ES", "barcelona": "ES", "palma": "ES", "seville": "ES", "lisbon": "PT",
    "lisboa": "PT", "porto": "PT", "rome": "IT", "roma": "IT", "milan": "IT", "milano": "IT",
    "amsterdam": "NL", "rotterdam": "NL", "brussels": "BE", "zurich": "CH", "zürich": "CH",
    "geneva": "CH", "genève": "CH", "basel": "CH", "vienna": "AT", "wien": "AT",
    "copenhagen": "DK", "stockholm": "SE", "oslo": "NO", "stavanger": "NO", "bergen": "NO",
    "helsinki": "FI", "reykjavik": "IS", "warsaw": "PL", "warszawa": "PL", "kraków": "PL",
    "krakow": "PL", "wrocław": "PL", "gdańsk": "PL", "prague": "CZ", "praha": "CZ",
    "budapest": "HU", "bucharest": "RO", "sofia": "BG", "athens": "GR", "istanbul": "TR",
    "ankara": "TR", "antalya": "TR", "izmir": "TR", "moscow": "RU", "kyiv": "UA", "kiev": "UA",
    "dubai": "AE", "abu dhabi": "AE", "sharjah": "AE", "doha": "QA", "riyadh": "SA",
    "jeddah": "SA", "muscat": "OM", "manama": "BH", "kuwait city": "KW", "amman": "JO",
    "cairo": "EG", "tel aviv": "IL", "casablanca": "MA", "nairobi": "KE", "addis ababa": "ET",
    "lagos": "NG", "abuja": "NG", "accra": "GH", "johannesburg": "ZA", "cape town": "ZA",
    "mumbai": "IN", "delhi": "IN", "new delhi": "IN", "bangalore": "IN", "bengaluru": "IN",
    "hyderabad": "IN", "chennai": "IN", "kolkata": "IN", "karachi": "PK", "lahore": "PK",
    "dhaka": "BD", "colombo": "LK", "kathmandu": "NP", "bangkok": "TH", "kuala lumpur": "MY",
    "jakarta": "ID", "bali": "ID", "manila": "PH", "hanoi": "VN", "ho chi minh city": "VN",
    "hồ chí minh city": "VN", "beijing": "CN", "shanghai": "CN", "guangzhou": "CN",
    "shenzhen": "CN", "chengdu": "CN", "tokyo": "JP", "osaka": "JP", "seoul": "KR",
    "taipei": "TW", "sydney": "AU", "melbourne": "AU", "brisbane": "AU", "perth": "AU",
    "adelaide": "AU", "auckland": "NZ", "wellington": "NZ", "christchurch": "NZ",
    "new york": "US", "los angeles": "US", "chicago": "US", "atlanta": "US", "dallas": "US",
    "houston": "US", "miami": "US", "seattle": "US", "denver": "US", "phoenix": "US",
    "san francisco": "US", "boston": "US", "las vegas": "US", "orlando": "US",
    "toronto": "CA", "montreal": "CA", "montréal": "CA", "vancouver": "CA", "calgary": "CA",
    "mexico city": "MX", "são paulo": "BR", "sao paulo": "BR", "rio de janeiro": "BR",
    "buenos aires": "AR", "santiago": "CL", "lima": "PE", "bogotá": "CO", "bogota": "CO",
    "panama city": "PA",
}  # fmt: skip
# City-states and territories whose name is both the city and the country.
_CITY_STATES = {"singapore": "SG", "hong kong": "HK", "monaco": "MC", "luxembourg": "LU",
                "macau": "MO", "macao": "MO", "bahrain": "BH", "kuwait": "KW"}  # fmt: skip


# Countries whose postal addresses name the state or province after the town.
_STATE_COUNTRIES = ("US", "CA", "AU")


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).casefold().strip(" .")).strip()


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.cache
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for locale_id in _LOCALES:
        for code, name in Locale.parse(locale_id).territories.items():
            if len(code) == 2 and code.isalpha():
                names.setdefault(_key(name), code)
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names[_key(value)] = country.alpha_2
    names.update({_key(k): v for k, v in _ALIASES.items()})
    names.update({_plain(k): v for k, v in list(names.items()) if _plain(k) not in names})
    return names


@functools.cache
def _subdivision_names() -> dict[str, set[str]]:
    """Casefolded names of states, provinces and regions per country ("karnataka" in "IN")."""
    names: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        for key in (_key(sub.name), _plain(_key(sub.name))):
            names.setdefault(sub.country_code, set()).add(key)
    return names


@functools.cache
def _subdivision_codes() -> dict[str, set[str]]:
    """Short codes of states and provinces per country ("QLD" in "AU", "TX" in "US"), the way
    addresses abbreviate them after the town ("Townsville QLD")."""
    codes: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        short = sub.code.split("-", 1)[1]
        if short.isalpha():
            codes.setdefault(sub.country_code, set()).add(short)
    return codes


# A metropolitan area or an administrative unit named as such ("Metro Manila", "Greater London",
# "Co. Kerry", "Jiangsu Province"), written between the city and the country.
_REGION_RE = re.compile(
    r"^(?:co\.|county|metro|greater)\s|\s(?:province|region|state|county|district|prefecture|"
    r"governorate|territory|oblast|voivodeship)$"
)


def warm() -> None:
    """Build the lookup tables now (done once in the worker's parent before forking)."""
    _country_names()
    _subdivision_names()
    _subdivision_codes()


def country_code(text: str) -> str | None:
    """ISO alpha-2 for a country name in many languages ("Polska" -> "PL"), else None."""
    key = _key(text)
    if not key:
        return None
    names = _country_names()
    code = names.get(key) or names.get(_plain(key))
    if code:
        return code
    raw = text.strip(" .")
    if len(raw) == 3 and raw.isupper():
        found = pycountry.countries.get(alpha_3=raw)
        return found.alpha_2 if found else None
    return None


def parse_location(text: str) -> Location | None:
    """A Location from "City, Country", "City – Country", "City (Country)", "City, ST"..."""
    text = re.sub(r"[()\[\]|/·•]|\s[-–—]\s|\s[-–—]|[-–—]\s", ",", text)
    parts = [p.strip(" .,;:\t") for p in text.split(",")]
    # A postcode in a part of its own ("Hyderabad – 500034") names no place.
    parts = [p for p in parts if len(p) <= 40 and any(ch.isalpha() for ch in p)]
    # A street address names the town, region and country last ("Plot 7, Road No. 2, Banjara
    # Hills, Pune, Maharashtra, India"): a long line that ends in a country keeps its tail.
    if len(parts) > 5 and country_code(_without_postcode(parts[-1])):
        parts = parts[-5:]
    if not parts or len(parts) > 5:
        return None
    for i in range(len(parts) - 1, -1, -1):
        part = _without_postcode(parts[i])
        code = country_code(part)
        if code is None and part.upper() in _SUBDIVISIONS and part.isupper() and i > 0:
            code = _SUBDIVISIONS[part.upper()]
        if code is None and i > 0:
            code = _state_country(part)
        if code is None:
            continue
        city = _city_before(parts[:i], code)
        if city is None and _key(part) in _CITY_STATES:
            city = part
        return Location(city, code)
    for part in parts:
        key = _key(part)
        if key in _CITY_STATES:
            return Location(part, _CITY_STATES[key])
        if key in _CITIES:
            return Location(part, _CITIES[key])
    return None


def _state_country(text: str) -> str | None:
    """The country of a state or province spelled out after a town ("Wichita, Kansas"), for the
    countries whose addresses name the state; elsewhere region names clash with towns."""
    key = _key(text)
    names = _subdivision_names()
    return next((code for code in _STATE_COUNTRIES if key in names.get(code, set())), None)


def _without_postcode(part: str) -> str:
    """The part without the postal code printed beside a state or country ("AZ 85255",
    "QC H3Z 2Y7", "Singapore 018956", "D-80331"): postcodes of every country hold a digit,
    names of states and countries none."""
    words = [w for w in part.split() if not any(ch.isdigit() for ch in w)]
    return " ".join(words) if words else part


def _city_before(parts: list[str], code: str) -> str | None:
    regions = _subdivision_names().get(code, set())
    short = _subdivision_codes().get(code, set())
    for index in range(len(parts) - 1, -1, -1):
        part = parts[index]
        bare = _without_postcode(part)
        if bare.isupper() and (bare in _SUBDIVISIONS or bare in short):
            continue  # "IL 60614" between the town and the country
        words = part.split()
        if len(words) > 1 and words[-1] in short and words[-1].isupper():
            part = " ".join(words[:-1])  # "Townsville QLD": the state's code follows the town
        # "Bengaluru, Karnataka, India": a state or province between the city and the country.
        region = _key(part) in regions or _plain(_key(part)) in regions
        region = region or bool(_REGION_RE.search(_key(part)))
        if region and index > 0 and not any(ch.isdigit() for ch in parts[index - 1]):
            continue
        if any(ch.isdigit() for ch in part):
            # "SW1A 1AA London" or "80331 München": drop the postcode, keep the place.
            words = [w for w in part.split() if not any(ch.isdigit() for ch in w)]
            if len(words) > 1 and words[-1] in short and words[-1].isupper():
                words.pop()  # "Sydney NSW 2000"
            if words and len(words) <= 3:
                return " ".join(words)
            continue
        if len(part.split()) <= 4 and part[:1].isupper():
            return part
        return None
    return None


def is_region(text: str) -> bool:
    """True when text is a country or a state ("United States", "Texas", "TX"): unlike a city
    after a comma, it does not also fit as the town of an employer ("Acme Aero, Kraków")."""
    return (
        text.strip() in _SUBDIVISIONS
        or country_code(text) is not None
        or _state_country(text) is not None
    )


def is_place(text: str) -> bool:
    """True when text is just a country, a state/province code or a well-known city."""
    key = _key(text)
    return (
        text.strip() in _SUBDIVISIONS
        or key in _CITIES
        or key in _CITY_STATES
        or country_code(text) is not None
    )

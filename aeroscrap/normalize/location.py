"""Resolve a free-text job location to a country, a comparable base key and a remote flag.

Implements README 3.3 (country_code from the location field only) and the base comparison of
4.2 rule 5. Every comma/dash separated part of the text is read in every way it can be read (country
name, state or region, state abbreviation, ISO code, city or airport, IATA code); each reading votes
for a country with a weight and the best-supported country wins. This is what makes
`Atlanta, GA` US (state abbreviation outvotes Gabon's ISO code) while `Tbilisi, Georgia` stays GE.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import pycountry
from babel import Locale

__all__ = ["Location", "ascii_fold", "resolve_location"]


@dataclass(frozen=True)
class Location:
    """A resolved location; `city` is the canonical base key (`munich` for `München`)."""

    country_code: str | None
    city: str | None
    region: str | None
    remote: bool
    raw: str


# Letters NFKD does not decompose into ASCII.
_EXTRA_FOLD = str.maketrans(
    {"ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ı": "i", "þ": "th", "ð": "d"}
)
_NON_WORD = re.compile(r"[^\w]+")


def ascii_fold(text: str) -> str:
    """Lowercase, fold diacritics and reduce punctuation to single spaces."""
    text = unicodedata.normalize("NFKD", text.lower().translate(_EXTRA_FOLD))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", text).replace("_", " ").strip()


# Reading weights. A country named outright decides unless that name is also a region elsewhere.
_W_COUNTRY, _W_COUNTRY_AMBIGUOUS = 100, 35
_W_STATE_ABBR, _W_REGION, _W_REGION_FIRST, _W_ISO = 40, 30, 10, 20
_W_PLACE, _W_PLACE_ALT, _W_CITY, _W_CITY_ALT = 25, 10, 15, 5

_REMOTE = re.compile(
    r"\b(fully remote|remote first|remote|home based|home working|work from home|wfh|"
    r"teleworking|telecommute|anywhere)\b"
)
_NOISE = re.compile(
    r"\b(hybrid|on site|onsite|based in|based at|based|greater|metropolitan area|metro area|area|"
    r"city cent(?:re|er)|region|headquarters|hq|office|offices|and surroundings|surrounding)\b"
)
# "Airport" in the languages of the boards' employers and places, folded to ASCII: a company
# named with one of them is an airport operator, a location holding one names its airport's town.
AIRPORT_NOUNS = (
    "airport|airports|aeroport|aeroports|aeroporto|aeroportos|aeropuerto|aeropuertos|flughafen|"
    "flugplatz|lufthavn|lufthamn|flygplats|luchthaven|lentoasema|lennujaam|lidosta|oro uostas|"
    "oro uostai|lotnisko|port lotniczy|letiste|letisko|repuloter|zracna luka|letalisce|"
    "havalimani|havaalani|aerodrom|aerodromio|flugvollur|bandara"
)
_AIRPORT_WORDS = re.compile(
    rf"\b(international airport|intl airport|{AIRPORT_NOUNS}|int l|intl|apt|terminal \d*|t\d)\b"
)
_SPLIT = re.compile(r"\s*(?:,|;|\||\s[-–—]\s|\bor\b|&)\s*")
_PAREN = re.compile(r"\(([^)]*)\)")


@dataclass
class _Gazetteer:
    """Lookup tables built once from places.json, pycountry and babel."""

    countries: dict[str, str]
    regions: dict[str, list[tuple[str, str]]]
    abbrs: dict[str, list[tuple[str, str]]]
    places: dict[str, list[tuple[str, str]]]
    cities: dict[str, list[str]]
    iata: dict[str, tuple[str, str]]
    world: set[str]
    iso: frozenset[str]


def _add(table: dict[str, list[tuple[str, str]]], name: str, value: tuple[str, str]) -> None:
    key = ascii_fold(name)
    if key and value not in table[key]:
        table[key].append(value)


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    data = json.loads(resources.files("aeroscrap").joinpath("data/places.json").read_text("utf-8"))
    countries: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if hasattr(country, attr):
                countries.setdefault(ascii_fold(getattr(country, attr)), country.alpha_2)
    # Country names in the languages of local boards and LinkedIn locales ("Deutschland").
    for locale in data["locales"]:
        for code, name in Locale.parse(locale).territories.items():
            if len(code) == 2 and code.isalpha() and pycountry.countries.get(alpha_2=code):
                countries.setdefault(ascii_fold(name), code)
    for code, aliases in data["countries"].items():
        for alias in aliases:
            countries[ascii_fold(alias)] = code

    regions: dict[str, list[tuple[str, str]]] = defaultdict(list)
    abbrs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for sub in pycountry.subdivisions:
        country, _, suffix = sub.code.partition("-")
        value = (ascii_fold(sub.name), country)
        _add(regions, sub.name, value)
        if country in ("US", "CA", "AU"):
            _add(abbrs, suffix, value)
    # A subdivision name shared by many countries ("Central", "Northern") says nothing.
    regions = defaultdict(list, {k: v for k, v in regions.items() if len(v) < 3 and len(k) > 3})
    for entry in data["regions"]:
        value = (ascii_fold(entry["name"]), entry["country"])
        for name in [entry["name"], *entry.get("aliases", [])]:
            _add(regions, name, value)

    places: dict[str, list[tuple[str, str]]] = defaultdict(list)
    iata: dict[str, tuple[str, str]] = {}
    for entry in data["places"]:
        value = (entry["name"], entry["country"])
        for name in [entry["name"], *entry.get("aliases", [])]:
            _add(places, name, value)
        for code in entry.get("iata", []):
            iata[code] = value
    for code, (city, country) in data["airports"].items():
        iata.setdefault(code, (city, country))
    # Resolved through the code so that a curated airport keeps its base key.
    for name, code in data["airport_names"].items():
        places.setdefault(name, [iata[code]])
    return _Gazetteer(
        countries=countries,
        regions=regions,
        abbrs=abbrs,
        places=places,
        cities=data["cities"],
        iata=iata,
        world={ascii_fold(w) for w in data["world_regions"]},
        iso=frozenset(c.alpha_2 for c in pycountry.countries),
    )


@dataclass
class _Reading:
    country: str
    weight: int
    part: int
    city: str | None = None
    region: str | None = None


def _place_readings(gaz: _Gazetteer, key: str, part: int) -> list[_Reading]:
    """Curated places first; world cities add the other countries a name exists in."""
    curated = gaz.places.get(key, [])
    readings = [
        _Reading(c, _W_PLACE if i == 0 else _W_PLACE_ALT, part, city=name)
        for i, (name, c) in enumerate(curated)
    ]
    known = {c for _, c in curated}
    readings += [
        _Reading(c, _W_CITY if i == 0 and not curated else _W_CITY_ALT, part, city=key)
        for i, c in enumerate(gaz.cities.get(key, []))
        if c not in known
    ]
    return readings


def _read_part(gaz: _Gazetteer, raw: str, part: int, single: bool) -> list[_Reading]:
    """Every reading of one part; an empty list means the part is unknown."""
    key = ascii_fold(raw)
    if key.endswith(" city") and key not in gaz.places and key[: -len(" city")] in gaz.places:
        # "Taoyuan City": a curated town under its official style is that town.
        key = key[: -len(" city")]
    readings: list[_Reading] = []
    if raw.isupper() and len(raw) == 3 and raw in gaz.iata and key not in gaz.countries:
        city, country = gaz.iata[raw]
        readings.append(_Reading(country, _W_PLACE, part, city=city))
    if part > 0 and len(key) <= 3:
        for name, country in gaz.abbrs.get(key, []):
            readings.append(_Reading(country, _W_STATE_ABBR, part, region=name))
    if (part > 0 or single) and key.upper() in gaz.iso:
        readings.append(_Reading(key.upper(), _W_ISO, part))
    region_weight = _W_REGION if part > 0 or single else _W_REGION_FIRST
    if single and key in gaz.places:
        # A lone curated place ("Portland", "Santiago") is the city, not a same-named province.
        region_weight = _W_REGION_FIRST
    for name, country in gaz.regions.get(key, []):
        readings.append(_Reading(country, region_weight, part, region=name))
    readings += _place_readings(gaz, key, part)
    stripped = _AIRPORT_WORDS.sub(" ", key).split()
    if not readings and stripped and stripped != key.split():
        readings += _place_readings(gaz, " ".join(stripped), part)
    if key in gaz.countries:
        country = gaz.countries[key]
        ambiguous = any(r.country != country for r in readings)
        readings.append(_Reading(country, _W_COUNTRY_AMBIGUOUS if ambiguous else _W_COUNTRY, part))
    if not readings:
        readings = _search_inside(gaz, key, part)
    return readings


def _codes_of_the_city(found: list[_Reading], before: list[_Reading]) -> list[_Reading]:
    """Drop a short code's readings in countries the town before it is not in.

    Two-letter state and country codes are shared: "NL" is Newfoundland, the Netherlands and,
    to Mexicans, Nuevo León. After a known town ("Monterrey, NL") only the town's countries
    can be meant; after an unknown one, every reading stands.
    """
    towns = {r.country for r in before if r.part == 0 and r.city}
    if not towns or any(r.part == 0 and not r.city for r in before):
        return found
    kept = [r for r in found if r.country in towns]
    return kept or [r for r in found if r.weight != _W_STATE_ABBR and r.weight != _W_ISO]


def _search_inside(gaz: _Gazetteer, key: str, part: int) -> list[_Reading]:
    """Longest known country or curated place inside an unknown part ("Munich Area Germany")."""
    tokens = key.split()
    for size in range(min(len(tokens), 4), 0, -1):
        for start in range(len(tokens) - size + 1):
            gram = " ".join(tokens[start : start + size])
            if gram in gaz.countries:
                return [_Reading(gaz.countries[gram], _W_COUNTRY_AMBIGUOUS, part)]
            if gram in gaz.places:
                return _place_readings(gaz, gram, part)
    return []


def _parts(text: str) -> tuple[list[str], list[str]]:
    """Split into parts; bracketed texts ("(LHR)", "(Remote)") are returned apart."""
    brackets = [b.strip() for b in _PAREN.findall(text)]
    main = _PAREN.sub(" ", text)
    parts: list[str] = []
    for chunk in _SPLIT.split(main):
        pieces = [chunk] if "/" not in chunk else [chunk, *chunk.split("/")]
        for piece in pieces:
            cleaned = _NOISE.sub(" ", _REMOTE.sub(" ", ascii_fold(piece))).strip()
            if cleaned and piece.strip().isupper():
                parts.append(piece.strip())
            elif cleaned:
                parts.append(cleaned)
    return parts, brackets


def resolve_location(text: str | None) -> Location:
    """Resolve a location field (README 3.3); never raises, unknown text gives no country."""
    raw = text if isinstance(text, str) else ""
    try:
        return _resolve(raw)
    except Exception:
        return Location(None, None, None, False, raw)


# Scraped locations repeat heavily ("Dublin, Ireland"), so a cache keeps the average call cheap.
@lru_cache(maxsize=8192)
def _resolve(raw: str) -> Location:
    gaz = _gazetteer()
    folded = ascii_fold(raw)
    remote = bool(_REMOTE.search(folded))
    parts, brackets = _parts(raw[:300])
    world = next((w for w in map(ascii_fold, [*parts, *brackets]) if w in gaz.world), None)
    parts = [p for p in parts if ascii_fold(p) not in gaz.world]
    readings: list[_Reading] = []
    for index, part in enumerate(parts):
        found = _read_part(gaz, part, index, single=len(parts) == 1)
        if index > 0 and len(part) <= 3:
            found = _codes_of_the_city(found, readings)
        readings += found
    for bracket in brackets:
        # "(APAC)" or "(GCC)" is a world region, not the Ugandan town or the IATA code it spells.
        if not _REMOTE.fullmatch(ascii_fold(bracket)) and ascii_fold(bracket) not in gaz.world:
            readings += _read_part(gaz, bracket, len(parts) + 1, single=False)
    if not readings:
        return Location(None, None, world, remote, raw)
    scores: dict[str, int] = defaultdict(int)
    first_seen: dict[str, int] = {}
    for reading in readings:
        scores[reading.country] += reading.weight
        first_seen.setdefault(reading.country, reading.part)
    country = max(scores, key=lambda c: (scores[c], -first_seen[c]))
    mine = sorted((r for r in readings if r.country == country), key=lambda r: r.part)
    city = next((r.city for r in mine if r.city), None)
    if city is None and parts and all(r.city for r in readings if r.part == 0):
        # An unknown town is still a base: "Smallville, Germany" keeps "smallville".
        city = ascii_fold(parts[0]) or None
    region = next((r.region for r in mine if r.region), world)
    return Location(country, city, region, remote, raw)

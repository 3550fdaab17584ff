"""Aviation-aware de-duplication of jobs with different URLs (README section 4.2-4.3).

A job is reduced to a `DedupKey`: advertiser, agency reference, role words after synonym folding,
seniority modifiers, aircraft type families, licence categories, base, contract type and date.
`same_job` applies the hard rules first (any differing aircraft family, licence, seniority, base,
contract or agency reference means a different job), then compares the role words, so wording,
word order, abbreviations and noise do not matter while the one differing detail does.
`block_key` is the narrow indexed key candidates are fetched by, `base_key` narrows it to a base;
`DedupIndex` is the in-memory form.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, fields
from datetime import date
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from aeroscrap.normalize.location import resolve_location
from aeroscrap.normalize.text import fold
from aeroscrap.normalize.title import title_segments
from aeroscrap.normalize.vocabulary import (
    ROLE_HEADS,
    aircraft_family,
    drop_initials,
    licence_category,
    role_words,
)

if TYPE_CHECKING:
    from aeroscrap.normalize.record import NormalizedJob

_REF = re.compile(
    r"\b(?:job\s+)?ref(?:erence)?\.?(?:\s*(?:no|number)\.?|\s*#)?\s*[:.#]?\s*"
    r"([a-z]{0,5}[-/]?\d{3,}[a-z]?)\b",
    re.I,
)
# Posted dates are evidence only, but copies of one vacancy are never months apart (README 4.2.7).
MAX_POSTED_GAP_DAYS = 90
_FUZZY_ROLE_MIN = 90.0
# Where-the-work-is words one copy may leave out ("Maintenance Shift Supervisor").
_SOFT = frozenset({"maintenance", "line", "base", "station", "hangar", "airside"})
_PART_66 = frozenset({"b1", "b2", "b3"})
_LICENSED_TRADES = frozenset({"technician", "mechanic", "engineer"})
# The trade a category already says: "B2" is the avionics licence, "B1" the mechanical one.
_CATEGORY_TRADES = {"b1": frozenset({"mechanical"}), "b2": frozenset({"avionic", "avionics"})}
# Title qualifiers that the gazetteer also knows as places ("- IT", "Security Officer").
_NOT_PLACES = frozenset(
    [
        # "(Male & Female)", "Male/Female": who may apply, not Malé.
        "male",
        "female",
        "male female",
        "male and female",
        "it",
        "hr",
        "fleet",
        "hub",
        "central",
        "north",
        "south",
        "east",
        "west",
        "offshore",
        "mobile",
        "officer",
        "line",
        "base",
    ]
)


@dataclass(frozen=True)
class DedupKey:
    """What decides whether two records are one job (README 4.2)."""

    advertiser: str
    is_agency: bool
    agency_ref: str | None
    role_main: frozenset[str]
    role_all: frozenset[str]
    role_text: str
    levels: frozenset[str]
    aircraft: frozenset[str]
    licences: frozenset[str]
    title_city: str | None
    city: str | None
    country: str | None
    remote: bool
    place_words: frozenset[str]
    contract: str
    posted: date | None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form, so a store can keep the key beside the job instead of recomputing it."""
        # Shallow on purpose: dataclasses.asdict deep-copies every value, and this runs per item.
        data = {item.name: getattr(self, item.name) for item in fields(self)}
        for name, value in data.items():
            if isinstance(value, frozenset):
                data[name] = sorted(value)
        data["posted"] = self.posted.isoformat() if self.posted else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DedupKey:
        """Inverse of `as_dict`."""
        values = dict(data)
        for item in fields(cls):
            if item.type == "frozenset[str]":
                values[item.name] = frozenset(values[item.name])
        values["posted"] = date.fromisoformat(data["posted"]) if data["posted"] else None
        return cls(**values)


@dataclass(frozen=True)
class MatchResult:
    """The decision for one pair, a score in [0, 1] to rank candidates and the deciding reason."""

    same: bool
    score: float
    reason: str


def _word_starts_ref(text: str) -> bool:
    """Whether some word of `text` starts with "ref", as every _REF match's does.

    A substring search finds the few candidates far faster than _REF scans a long description.
    """
    low = text.lower()
    at = low.find("ref")
    while at >= 0:
        if at == 0 or not (low[at - 1].isalnum() or low[at - 1] == "_"):
            return True
        at = low.find("ref", at + 1)
    return False


def agency_ref(description: str, source: str = "", source_job_id: str | None = None) -> str | None:
    """The advert's reference ("Ref: GR12345" -> "GR12345"); Goose URLs carry it too."""
    text = description or ""
    found = _REF.findall(text) if _word_starts_ref(text) else []
    if found:
        return re.sub(r"[-/]", "", found[-1]).upper()
    if source == "goose" and source_job_id:
        return re.sub(r"[-/]", "", source_job_id).upper()
    return None


_MAKERS = frozenset(
    [
        "airbus",
        "boeing",
        "embraer",
        "bombardier",
        "dassault",
        "gulfstream",
        "cessna",
        "textron",
        "beechcraft",
        "pilatus",
        "sikorsky",
        "leonardo",
        "agustawestland",
        "bell",
        "eurocopter",
        "tecnam",
        "diamond",
        "cirrus",
        "daher",
    ]
)


def _scan(tokens: list[str]) -> tuple[list[str], set[str], set[str]]:
    """Split segment tokens into remaining words, aircraft families and licence categories."""
    rest: list[str] = []
    aircraft: set[str] = set()
    licences: set[str] = set()
    i = 0
    while i < len(tokens):
        previous = tokens[i - 1] if i else ""
        licence, used = licence_category(tokens, i, previous)
        if licence:
            licences.add(licence)
            i += used
            continue
        family, used = aircraft_family(tokens, i)
        if family:
            aircraft.add(family)
            i += used
            continue
        # "Captain Embraer Legacy 600" and "Captain Legacy 600" fly one type: the maker's name
        # says nothing the aircraft family does not.
        if tokens[i] not in _MAKERS:
            rest.append(tokens[i])
        i += 1
    return rest, aircraft, licences


def _title_place(segment: str) -> tuple[bool, str | None, str | None]:
    """Whether a title part names a place, with its base key (below country level) and country."""
    if segment in _NOT_PLACES:
        return False, None, None
    place = resolve_location(segment)
    words = segment.split()
    if not place.city and len(words) > 1 and len(words[-1]) == 3:
        # "Beauvais (BVA)" lost its brackets in the title: a code that is the named town's
        # airport is part of the place. ("Base GRU" and "Base CGH" stay apart: two airports.)
        town = resolve_location(" ".join(words[:-1]))
        coded = resolve_location(f"{' '.join(words[:-1])} ({words[-1].upper()})")
        if town.city and coded.city == town.city:
            place = coded
    if place.city:
        return True, place.city, place.country_code
    if not (place.country_code or place.remote):
        return False, None, None
    if place.region:
        # "Dublin" alone reads as the county; with its country it reads as the city key the
        # location field of another copy would give.
        in_country = resolve_location(f"{segment}, {place.country_code}")
        return True, in_country.city or segment, place.country_code
    return True, None, place.country_code


def _without_company(main: list[str], job: NormalizedJob) -> list[str]:
    """Drop a leading company name ("Ryanair Cabin Crew" is Ryanair's "Cabin Crew")."""
    for name in (job.advertiser.key, job.company):
        words = fold(name).split()
        if words and main[: len(words)] == words and len(main) > len(words):
            return main[len(words) :]
    return main


def dedup_key(job: NormalizedJob) -> DedupKey:
    """Reduce a normalized job to the features dedup compares."""
    place_words = set(fold(job.city or "").split())
    main: list[str] | None = None
    extra: list[str] = []
    aircraft: set[str] = set()
    licences: set[str] = set()
    levels: set[str] = set()
    title_city: str | None = None
    title_country: str | None = None
    for segment in title_segments(job.title):
        rest, found_aircraft, found_licences = _scan(segment.split())
        aircraft |= found_aircraft
        licences |= found_licences
        role, found_levels = role_words(rest)
        if role == ["base"]:
            continue  # "Base: Beauvais" — the label of the place that follows, not a trade
        if main is not None and role:
            is_place, city, country = _title_place(segment)
            if is_place:
                # A title suffix ("- Dublin") is the base and outranks the location field.
                title_city = city or title_city
                title_country = country or title_country
                continue
        role = [w for w in role if w not in place_words]
        if main is None and role:
            # Seniority is read from the role part only: "- Training Provided" is not a rank.
            main, levels = role, found_levels
        else:
            extra += role
    main = _without_company(main or [], job)
    if licences & _PART_66:
        # A Part-66 licence holder is the licensed engineer whatever the title calls them.
        said = frozenset().union(*(_CATEGORY_TRADES.get(c, frozenset()) for c in licences))
        main = ["engineer" if w in _LICENSED_TRADES else w for w in main if w not in said]
        extra = ["engineer" if w in _LICENSED_TRADES else w for w in extra if w not in said]
    main = drop_initials(main)
    extra = [w for w in drop_initials(main + extra) if w not in main]
    place_words |= set(fold(title_city or "").split())
    return DedupKey(
        advertiser=job.advertiser.key,
        is_agency=job.advertiser.is_agency,
        agency_ref=agency_ref(job.description, job.source, job.source_job_id),
        role_main=frozenset(main),
        role_all=frozenset(main + extra),
        role_text=" ".join(main),
        levels=frozenset(levels),
        aircraft=frozenset(aircraft),
        licences=frozenset(licences),
        title_city=title_city,
        city=job.location.city,
        country=job.location.country_code or title_country,
        remote=job.location.remote,
        place_words=frozenset(place_words),
        contract=job.contract_type,
        posted=job.posted_date,
    )


def block_key(key: DedupKey) -> str:
    """Narrow indexed blocking key: advertiser plus the role's head noun ("engineer")."""
    words = key.role_text.split() or sorted(key.role_all)
    heads = [w for w in words if w in ROLE_HEADS]
    head = heads[-1] if heads else words[-1] if words else "_"
    return f"{key.advertiser}|{head}"


def block_keys(key: DedupKey) -> tuple[str, ...]:
    """Every key to index a job under: the block key, plus its agency reference when it has one."""
    keys = (block_key(key),)
    return (*keys, f"{key.advertiser}|ref:{key.agency_ref}") if key.agency_ref else keys


def base_key(key: DedupKey) -> str | None:
    """The base city a job is grouped and indexed by within its block, None when it names none.

    A title suffix ("- Shannon") names the base even when the location field gives the head
    office, so it outranks the location's city, as in `_base_compatible`.
    """
    return key.title_city or key.city or None


def _base_compatible(a: DedupKey, b: DedupKey) -> bool:
    if a.remote and b.remote:
        return True
    city_a, city_b = base_key(a), base_key(b)
    if city_a and city_b:
        return city_a == city_b
    if (a.remote and city_b) or (b.remote and city_a):
        return False
    # Country-only is compatible with a city in that country (README 4.2 rule 5).
    return not (a.country and b.country and a.country != b.country)


def _role_similarity(a: DedupKey, b: DedupKey) -> float:
    places = a.place_words | b.place_words
    main_a, main_b = a.role_main - places, b.role_main - places
    all_a, all_b = a.role_all - places, b.role_all - places
    nested = all_a <= all_b or all_b <= all_a
    if nested and main_a == main_b:
        return 1.0
    # A place named in one title ("Ramp Agent Gurugram") is the other's base, not a role word.
    # Word order and placement differ ("Maintenance Shift Supervisor", "Shift Supervisor - Line
    # Maintenance"): each record's main role words appear somewhere in the other's title, and
    # one title's words contain the other's, so a qualifier ("- Structures") may be missing but
    # two different ones ("- Safety", "- Pricing") make two jobs.
    if nested and main_a - _SOFT <= all_b and main_b - _SOFT <= all_a:
        return 0.97
    # Spelling slips ("Maintainance Planner") are the only other tolerated difference.
    ratio = fuzz.token_sort_ratio(" ".join(sorted(all_a)), " ".join(sorted(all_b)))
    return ratio / 100.0 if ratio >= _FUZZY_ROLE_MIN else 0.0


def match(a: DedupKey, b: DedupKey) -> MatchResult:
    """Decide whether two records are the same job, with a score and the deciding reason."""
    if a.advertiser != b.advertiser or not a.advertiser:
        return MatchResult(False, 0.0, "advertiser")
    if a.agency_ref and b.agency_ref:
        # The agency's own job reference is decisive both ways (README 4.2 rule 1).
        same = a.agency_ref == b.agency_ref
        return MatchResult(same, 1.0 if same else 0.0, "agency_ref")
    for reason, differs in (
        ("aircraft", a.aircraft and b.aircraft and a.aircraft != b.aircraft),
        ("licence", a.licences and b.licences and a.licences != b.licences),
        ("seniority", a.levels != b.levels),
        ("contract", a.contract != b.contract),
        ("location", not _base_compatible(a, b)),
    ):
        if differs:
            return MatchResult(False, 0.0, reason)
    gap = abs((a.posted - b.posted).days) if a.posted and b.posted else 0
    if gap > MAX_POSTED_GAP_DAYS:
        return MatchResult(False, 0.0, "posted_date")
    similarity = _role_similarity(a, b)
    if similarity == 0.0:
        return MatchResult(False, 0.0, "role")
    # Closer posting dates rank a candidate higher; they never decide on their own.
    return MatchResult(True, similarity - min(gap, 60) / 600, "role")


def same_job(a: DedupKey, b: DedupKey) -> bool:
    """True when `a` and `b` are the same vacancy under different URLs (README 4.2)."""
    return match(a, b).same


class CandidateBucket:
    """The stored jobs of one blocking key, grouped by what must be equal for a match (seniority
    levels, contract) and by base city, so that a record is compared only with the jobs it could
    be. A popular advertiser's block can hold thousands of jobs; without the groups every record
    was matched against each of them.

    Exact: `match` rejects every pair the groups leave out. Agency references decide across
    groups, so a reference bucket is read whole (`everything`).
    """

    def __init__(self) -> None:
        self._groups: dict[tuple[frozenset[str], str], dict[str | None, list[tuple[int, DedupKey]]]]
        self._groups = {}

    def add(self, job_id: int, key: DedupKey) -> None:
        group = self._groups.setdefault((key.levels, key.contract), {})
        group.setdefault(base_key(key), []).append((job_id, key))

    def candidates(self, key: DedupKey) -> Iterator[tuple[int, DedupKey]]:
        """The jobs `key` could match: same levels and contract; same city, or none, unless the
        record itself has no city or is remote (_base_compatible)."""
        by_city = self._groups.get((key.levels, key.contract))
        if not by_city:
            return
        city = base_key(key)
        if city is None or key.remote:
            for jobs in by_city.values():
                yield from jobs
            return
        yield from by_city.get(city, ())
        yield from by_city.get(None, ())

    def everything(self) -> Iterator[tuple[int, DedupKey]]:
        for by_city in self._groups.values():
            for jobs in by_city.values():
                yield from jobs


class DedupIndex:
    """In-memory blocking index: candidates come from `block_keys` buckets, never a full scan."""

    def __init__(self) -> None:
        self._buckets: dict[str, list[tuple[str, DedupKey]]] = defaultdict(list)

    def add(self, job_id: str, key: DedupKey) -> None:
        """Index one record of job `job_id`."""
        for bucket in block_keys(key):
            self._buckets[bucket].append((job_id, key))

    def find(self, key: DedupKey) -> str | None:
        """The job id of the best-matching indexed record, or None."""
        best: tuple[float, str] | None = None
        for bucket in block_keys(key):
            for job_id, other in self._buckets.get(bucket, ()):
                result = match(key, other)
                if result.same and (best is None or result.score > best[0]):
                    best = (result.score, job_id)
        return best[1] if best else None

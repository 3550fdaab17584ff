"""Aviation-aware de-duplication of jobs with different URLs (README section 4.2-4.3).

A job is reduced to a `DedupKey`: advertiser, agency reference, role words after synonym folding,
seniority modifiers, aircraft type families, licence categories, base, contract type and date.
`same_job` applies the hard rules first (any differing aircraft family, licence, seniority, base,
contract or agency reference means a different job), then compares the role words, so wording,
word order, abbreviations and noise do not matter while the one differing detail does.
`block_key` is the narrow indexed key candidates are fetched by; `DedupIndex` is the in-memory form.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from aeroscrap.normalize.aircraft import aircraft_family, licence_category
from aeroscrap.normalize.location import resolve_location
from aeroscrap.normalize.text import fold
from aeroscrap.normalize.title import title_segments

if TYPE_CHECKING:
    from aeroscrap.normalize.record import NormalizedJob

# Role phrases that name one role in several ways; applied in order to the role words.
_SYNONYMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"\bcontinuing airworthiness\b|\bcamo airworthiness\b", "camo"),
        (r"\bairworthiness (engineer|manager|specialist)\b", r"camo \1"),
        (r"\bcontrol officer\b", "controller"),
        (r"\bmaintenance control (?:centre|center)\b", "mcc"),
        (r"\b(?:mcc|maintenance) controller\b|\bmcc\b", "maintenancecontroller"),
        (
            r"\bcabin crew members?\b|\bcabin crew\b|\bflight attendants?\b|\bcabin attendants?\b"
            r"|\bstewardess(?:es)?\b|\bstewards?\b|\bair host(?:ess)?\b",
            "cabincrew",
        ),
        (
            r"\b(?:airline )?(?:trainee pilot|cadet pilot|pilot cadet|student pilot|"
            r"ab initio pilot|pilot trainee|cadet)s?(?: programme| program| scheme| course)?\b",
            "cadetpilot",
        ),
        (r"\bco pilot\b|\bcopilot\b", "first officer"),
        (r"\bcommander\b|\bpilot in command\b", "captain"),
        (r"\bline training\b", "training"),
        (r"\bsearch and rescue\b", "sar"),
        (r"\bquality assurance\b", "quality"),
        (
            r"\b(?:baggage handler|ramp agent|ramp handler|ramp operative|ramp assistant|"
            r"ramp services? agent|baggage handling agent|ramp services? operative)s?\b",
            "rampagent",
        ),
        (r"\bground support equipment\b", "gse"),
        (r"\bhuman resources\b", "hr"),
        (r"\b(?:aircraft |flight )?dispatcher\b|\bflight operations officer\b", "dispatcher"),
        (r"\bmaintenance (technician|engineer|mechanic)\b", r"\1"),
        (r"\bfire ?fighters?\b|\bfire and rescue officer\b", "firefighter"),
        (r"\bsecurity (?:agent|screener|officer|guard)\b|\bscreening officer\b", "securityofficer"),
        (r"\b(?:passenger|customer) services? agent\b|\bcheck in agent\b", "passengeragent"),
        (r"\bco ordinator\b", "coordinator"),
    )
)
# Words that say nothing about which role it is (the README's "noise", plus filler).
_NOISE = frozenset(
    [
        "aircraft",
        "aviation",
        "airport",
        "airline",
        "airlines",
        "licensed",
        "license",
        "licence",
        "certifying",
        "type",
        "rated",
        "direct",
        "entry",
        "part",
        "66",
        "145",
        "category",
        "family",
        "member",
        "members",
        "programme",
        "program",
        "job",
        "vacancy",
        "vacancies",
        "position",
        "role",
        "opportunity",
        "new",
        "experienced",
        "qualified",
        "the",
        "a",
        "an",
        "of",
        "for",
        "and",
        "in",
        "at",
        "with",
        "to",
        "on",
        "all",
        "genders",
        "gn",
        "hiring",
        "urgent",
        "immediate",
        "start",
        "now",
        "apply",
        "asap",
        "required",
        "wanted",
        "needed",
        "based",
        "contract",
        "contractor",
        "permanent",
        "fixed",
        "term",
        "temporary",
        "temp",
        "seasonal",
        "freelance",
        "full",
        "time",
        "remote",
        "hybrid",
    ]
)
# Seniority modifiers: "X", "Senior X" and "Lead X" are different roles (README 4.2 rule 2).
_LEVELS = frozenset(
    [
        "senior",
        "lead",
        "chief",
        "principal",
        "junior",
        "trainee",
        "training",
        "deputy",
        "apprentice",
        "intern",
        "graduate",
    ]
)
_REF = re.compile(
    r"\b(?:job\s+)?ref(?:erence)?(?:\s*(?:no|number|#))?\s*[:.#]?\s*([a-z]{0,5}[-/]?\d{3,}[a-z]?)\b",
    re.I,
)
# Posted dates are evidence only, but copies of one vacancy are never months apart (README 4.2.7).
MAX_POSTED_GAP_DAYS = 90
_FUZZY_ROLE_MIN = 90.0


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
    contract: str
    posted: date | None


@dataclass(frozen=True)
class MatchResult:
    """The decision for one pair, a score in [0, 1] to rank candidates and the deciding reason."""

    same: bool
    score: float
    reason: str


def agency_ref(description: str, source: str = "", source_job_id: str | None = None) -> str | None:
    """The advert's reference ("Ref: GR12345" -> "GR12345"); Goose URLs carry it too."""
    found = _REF.findall(description or "")
    if found:
        return re.sub(r"[-/]", "", found[-1]).upper()
    if source == "goose" and source_job_id:
        return re.sub(r"[-/]", "", source_job_id).upper()
    return None


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
        rest.append(tokens[i])
        i += 1
    return rest, aircraft, licences


def _singular(token: str) -> str:
    return (
        token[:-1] if len(token) > 3 and token.endswith("s") and not token.endswith("ss") else token
    )


def _role_words(words: list[str]) -> tuple[list[str], set[str]]:
    """Fold synonyms, drop noise and split off seniority modifiers; returns (role, levels)."""
    text = " ".join(words)
    for pattern, replacement in _SYNONYMS:
        text = pattern.sub(replacement, text)
    tokens = text.split()
    levels = {t for t in tokens if t in _LEVELS}
    levels |= {"head" for i, t in enumerate(tokens[:-1]) if t == "head" and tokens[i + 1] == "of"}
    role = [
        _singular(t)
        for i, t in enumerate(tokens)
        if t not in _NOISE
        and t not in _LEVELS
        and not (t == "head" and "of" in tokens[i + 1 : i + 2])
    ]
    return role, levels


def _drop_initials(role: list[str]) -> list[str]:
    """Drop an acronym of neighbouring words: "Flight Instructor (FI)" is "Flight Instructor"."""
    kept = []
    for i, token in enumerate(role):
        others = role[:i] + role[i + 1 :]
        initials = {"".join(w[0] for w in others[j : j + len(token)]) for j in range(len(others))}
        if not (2 <= len(token) <= 4 and token.isalpha() and token in initials):
            kept.append(token)
    return kept


def dedup_key(job: NormalizedJob) -> DedupKey:
    """Reduce a normalized job to the features dedup compares."""
    place_words = set(fold(job.city or "").split())
    main: list[str] | None = None
    extra: list[str] = []
    aircraft: set[str] = set()
    licences: set[str] = set()
    levels: set[str] = set()
    title_city: str | None = None
    for segment in title_segments(job.title):
        rest, found_aircraft, found_licences = _scan(segment.split())
        aircraft |= found_aircraft
        licences |= found_licences
        role, found_levels = _role_words(rest)
        levels |= found_levels
        if main is not None and role:
            place = resolve_location(segment)
            if place.city or place.country_code or place.remote:
                # A title suffix ("- Dublin") is the base and outranks the location field.
                title_city = place.city or title_city
                continue
        role = [w for w in role if w not in place_words]
        if main is None and role:
            main = role
        else:
            extra += role
    main = _drop_initials(main or [])
    extra = [w for w in _drop_initials(main + extra) if w not in main]
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
        country=job.location.country_code,
        remote=job.location.remote,
        contract=job.contract_type,
        posted=job.posted_date,
    )


def block_key(key: DedupKey) -> str:
    """Narrow indexed blocking key: advertiser plus the role's head noun ("engineer")."""
    words = key.role_text.split() or sorted(key.role_all)
    return f"{key.advertiser}|{words[-1] if words else '_'}"


def block_keys(key: DedupKey) -> tuple[str, ...]:
    """Every key to index a job under: the block key, plus its agency reference when it has one."""
    keys = (block_key(key),)
    return (*keys, f"{key.advertiser}|ref:{key.agency_ref}") if key.agency_ref else keys


def _base_compatible(a: DedupKey, b: DedupKey) -> bool:
    if a.remote and b.remote:
        return True
    if a.title_city and b.title_city:
        return a.title_city == b.title_city
    cities_a = {c for c in (a.title_city, a.city) if c}
    cities_b = {c for c in (b.title_city, b.city) if c}
    if cities_a and cities_b:
        return bool(cities_a & cities_b)
    if (a.remote and cities_b) or (b.remote and cities_a):
        return False
    # Country-only is compatible with a city in that country (README 4.2 rule 5).
    return not (a.country and b.country and a.country != b.country)


def _role_similarity(a: DedupKey, b: DedupKey) -> float:
    if a.role_main == b.role_main:
        return 1.0
    # Extra qualifier words ("- Structures", "- Line Maintenance") are optional when every main
    # role word of each record appears somewhere in the other's title.
    if a.role_main and b.role_main and a.role_main <= b.role_all and b.role_main <= a.role_all:
        return 0.97
    ratio = fuzz.token_sort_ratio(a.role_text, b.role_text)
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

"""Resolve a scraped company field to its advertiser: key, display name, type and agency status.

Implements README 3.2 (advertiser normalisation through the alias table in data/companies.json) and
the operation_type rules of 3.4, including the agency rule: an agency advert belongs to the agency,
and takes the client's type only when the company field or the description says what the client is.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from aeroscrap.normalize.location import ascii_fold, resolve_location

__all__ = ["OPERATION_TYPES", "Advertiser", "company_key", "resolve_company"]

OPERATION_TYPES = frozenset(
    {
        "airline",
        "cargo_airline",
        "business_aviation",
        "helicopter_operator",
        "mro",
        "airport",
        "oem_manufacturer",
        "lessor",
        "ground_handling",
        "training_organisation",
        "recruitment_agency",
        "regulator_government",
        "other",
    }
)


@dataclass(frozen=True)
class Advertiser:
    """Who placed an advert; for agency adverts the agency, typed by its client when stated."""

    key: str
    display_name: str
    operation_type: str
    country_code: str | None
    is_agency: bool
    known: bool


@dataclass(frozen=True)
class _Company:
    name: str
    operation_type: str
    country: str | None
    agency: bool

    @property
    def key(self) -> str:
        return _normalise(self.name)


_LEGAL = frozenset(
    [
        "ltd",
        "limited",
        "plc",
        "gmbh",
        "ag",
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "llc",
        "llp",
        "lp",
        "sa",
        "sas",
        "sarl",
        "spa",
        "srl",
        "nv",
        "bv",
        "dac",
        "pvt",
        "private",
        "pte",
        "pjsc",
        "psc",
        "uab",
        "as",
        "asa",
        "ab",
        "oy",
        "oyj",
        "co",
        "company",
        "kg",
        "kgaa",
        "group",
        "holdings",
        "holding",
        "sl",
        "slu",
        "sau",
        "se",
        "kft",
        "zrt",
        "sro",
        "doo",
        "pty",
        "bhd",
        "sdn",
        "jsc",
        "ojsc",
        "ltda",
        "lda",
        "aps",
        "mbh",
        "ug",
        "ehf",
    ]
)
_TAGLINE = re.compile(r"\s+[-–—|]\s+|\s+\|\s*")
_BRACKET = re.compile(r"\(([^)]*)\)")
# Dots and apostrophes join letters (S.A., Int'l); other punctuation separates words.
_JOINERS = re.compile(r"[.'’`]")


def _normalise(name: str) -> str:
    """README 3.2 normalisation without the alias table."""
    text = _JOINERS.sub("", name.replace("&", " and "))
    words = ascii_fold(text).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in _LEGAL:
        words.pop()
    return " ".join(words)


def _candidates(name: str) -> list[str]:
    """Normalised forms to look up: whole name, name before a tagline, bracketed legal name."""
    head = _TAGLINE.split(name.strip(), maxsplit=1)[0]
    forms = [_BRACKET.sub(" ", head), *_BRACKET.findall(head), head, name]
    return [key for key in dict.fromkeys(_normalise(form) for form in forms) if key]


@lru_cache(maxsize=1)
def _table() -> dict[str, _Company]:
    raw = resources.files("aeroscrap").joinpath("data/companies.json").read_text("utf-8")
    table: dict[str, _Company] = {}
    entries = json.loads(raw)
    # Canonical names first, so an alias can never steal another organisation's own name.
    for entry in entries:
        company = _Company(
            entry["name"], entry["operation_type"], entry["country"], entry["agency"]
        )
        table[company.key] = company
    for entry in entries:
        company = table[_normalise(entry["name"])]
        for alias in entry.get("aliases", []):
            table.setdefault(_normalise(alias), company)
    return table


@lru_cache(maxsize=16384)
def _lookup(name: str) -> tuple[str, _Company | None]:
    """The table entry for a company field, with the normalised key used when none matched."""
    table = _table()
    forms = _candidates(name)
    for form in forms:
        if form in table:
            return table[form].key, table[form]
    key = forms[0] if forms else ""
    words = key.split()
    # "dnata Dubai", "Bristow Norway": a known brand followed only by a place is that brand.
    for cut in range(len(words) - 1, 0, -1):
        brand, rest = " ".join(words[:cut]), " ".join(words[cut:])
        if brand in table and resolve_location(rest).country_code is not None:
            return table[brand].key, table[brand]
    return key, None


def company_key(name: str | None) -> str:
    """Normalised advertiser key (README 3.2), resolved through the alias table."""
    if not isinstance(name, str):
        return ""
    return _lookup(name)[0]


# Words that say what kind of organisation a name or a client description is. Order matters: the
# first rule that matches wins, so the specific kinds come before the words they contain
# ("cargo airline" before "airline", "aircraft lessor" before "aircraft").
_KIND_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(rf"\b(?:{words})\b"))
    for kind, words in (
        (
            "recruitment_agency",
            r"recruit\w*|staffing|personnel|resourcing|talent|manpower|headhunt\w*",
        ),
        ("lessor", r"lessors?|leasing|lease|aircraft finance|aviation capital|aviation partners"),
        (
            "regulator_government",
            r"civil aviation authority|aviation authority|ministry|"
            r"directorate|government|regulator|air navigation|air traffic|navigation services|"
            r"aviation administration|aviation safety agency|air force|department of",
        ),
        ("airport", r"airports?|aeroporto|aeropuerto|aeroport|flughafen|lufthavn|havalimani"),
        (
            "oem_manufacturer",
            r"manufacturer|manufacturing|oem|aerospace|aerostructures|"
            r"aerosystems|aircraft industries|industries|avionics|propulsion|engines|defen[cs]e",
        ),
        (
            "mro",
            r"mro|technics|technik|maintenance|engineering|repair|overhaul|part 145|"
            r"aerotechnic\w*|component services|engine services|engine shop",
        ),
        (
            "helicopter_operator",
            r"helicopters?|heli|rotorcraft|hems|air ambulance|search and rescue",
        ),
        ("cargo_airline", r"cargo|freight\w*|freighter"),
        (
            "business_aviation",
            r"business aviation|business jets?|private jets?|bizjet|"
            r"corporate jets?|executive aviation|jet charter|fractional|vip",
        ),
        ("ground_handling", r"handling|ground services|ramp services|groundhandling"),
        (
            "training_organisation",
            r"academy|flight school|flying school|flight training|"
            r"aviation training|training|college|university|ato|simulator",
        ),
        ("other", r"catering|fuels?|software|technologies|consulting|insurance|travel"),
        ("airline", r"airlines?|airways|air lines|carrier|low cost|flag carrier|airline group"),
    )
)


def _kind_from_words(text: str) -> str | None:
    folded = ascii_fold(text)
    return next((kind for kind, pattern in _KIND_RULES if pattern.search(folded)), None)


# Where an agency advert names or describes its client.
_CLIENT = re.compile(
    r"(?:on behalf of|working with|partnering with|recruiting for|our client|client)[,:]?\s+"
    r"(?P<client>[^.,;]+?)(?=\s+(?:to recruit|for an?|is looking|are looking|is seeking|who|"
    r"which|to find|in search)\b|[.,;]|$)",
    re.IGNORECASE,
)
_VAGUE = re.compile(r"\b(confidential|undisclosed|unnamed|whose name)\b", re.IGNORECASE)


def _client_type(company: str | None, description: str | None) -> str | None:
    """The end client's type when the advert states it; None for a confidential client."""
    if company and not _VAGUE.search(company):
        _, entry = _lookup(company)
        if entry is not None and not entry.agency:
            return entry.operation_type
        if entry is None:
            kind = _kind_from_words(company)
            if kind not in (None, "recruitment_agency"):
                return kind
    for match in _CLIENT.finditer(description or ""):
        client = match.group("client").strip()
        if _VAGUE.search(client):
            continue
        article = re.match(r"(?:an?|the)\s+", client, re.IGNORECASE)
        if article is None:
            _, entry = _lookup(client)
            if entry is not None and not entry.agency:
                return entry.operation_type
        kind = _kind_from_words(client)
        if kind not in (None, "recruitment_agency"):
            return kind
    return None


_AGENCY_SIGNAL = re.compile(r"\b(our client|on behalf of)\b", re.IGNORECASE)
_GOOSE = "Goose Recruitment"


def resolve_company(name: str | None, *, source: str, description: str | None = None) -> Advertiser:
    """The advertiser of one scraped record (README 3.2 and 3.4, agency rule included)."""
    company = name.strip() if isinstance(name, str) else ""
    key, entry = _lookup(company) if company else ("", None)
    if source == "goose" and (entry is None or not entry.agency):
        # On Goose's own site the company field is the client or a placeholder, never the advertiser.
        key, entry = _lookup(_GOOSE)
        client = _client_type(company, description)
    elif entry is not None and entry.agency:
        client = _client_type(None, description)
    elif entry is None and (
        _kind_from_words(company) == "recruitment_agency"
        or _AGENCY_SIGNAL.search(description or "")
    ):
        return Advertiser(
            key, company, _client_type(None, description) or "recruitment_agency", None, True, False
        )
    elif entry is not None:
        return Advertiser(key, entry.name, entry.operation_type, entry.country, False, True)
    else:
        kind = _kind_from_words(company) or "airline"
        return Advertiser(key, company, kind, None, False, False)
    assert entry is not None
    kind = client or "recruitment_agency"
    return Advertiser(key, entry.name, kind, entry.country, True, True)

"""Resolve a scraped company field to its advertiser: key, display name, type and agency status.

Implements README 3.2 (advertiser normalisation through the alias table in data/companies.json) and
the operation_type rules of 3.4 (the words that name a kind are in company_kind.py), including
the agency rule: an agency advert belongs to the agency, and takes the client's type only when
the company field or the description says what the client is.
A spelling the database maps (company_mappings, passed in as a `CompanyLookup`) is looked up first
and stands in for the alias table; `variant_key` is the one form such spellings are stored in.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Protocol

from aeroscrap.normalize.company_kind import described_kind, kind_from_words
from aeroscrap.normalize.location import AIRPORT_NOUNS, ascii_fold, resolve_location
from aeroscrap.normalize.text import fold

__all__ = [
    "OPERATION_TYPES",
    "Advertiser",
    "CompanyLookup",
    "MappedCompany",
    "company_key",
    "name_key",
    "resolve_company",
    "variant_key",
]

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
    # The companies row a stored mapping named; None when the rules alone decided.
    company_id: int | None = None


@dataclass(frozen=True)
class MappedCompany:
    """The company a stored spelling maps to (company_mappings joined with companies)."""

    company_id: int
    key: str
    name: str
    operation_type: str | None
    country_code: str | None
    is_agency: bool


class CompanyLookup(Protocol):
    """Stored company mappings (aeroscrap.company_directory), consulted before the rules."""

    def find(self, spelling: str, key: str) -> MappedCompany | None:
        """The company mapped to `spelling`, else to the rules' advertiser `key`, else None."""
        ...


_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def variant_key(name: str) -> str:
    """How a company spelling is stored in company_mappings: folded, punctuation-free words."""
    return " ".join(_NON_ALNUM.sub(" ", fold(name)).split())


@dataclass(frozen=True)
class _Company:
    name: str
    operation_type: str
    country: str | None
    agency: bool

    @property
    def key(self) -> str:
        return _normalise(self.name)


# Trailing legal/organisational words (README 3.2), plus a dangling "and" left by "GmbH & Co. KG".
_LEGAL = frozenset(
    re.findall(
        r"\w+",
        """
        ltd limited plc gmbh ag inc incorporated corp corporation llc llp lp sa sas
        sarl spa srl nv bv dac pvt private pte pjsc psc uab as asa
        ab oy oyj co company kg kgaa group holdings holding sl slu sau se
        kft zrt sro doo pty bhd sdn jsc ojsc ltda lda aps mbh ug
        ehf hf bsc saoc saog qcsc qsc sme soc sae wll fze fzco fzllc and
        tbk persero pcl public ltda eireli sab sapi cv de rl zrt nyrt ooo gsc
        ggmbh ev ohg kk aktiengesellschaft careers jobs
        """,
    )
)
# Legal forms written before the name: "PT Garuda Indonesia", "UAB BAA Training", "OOO S7".
_LEADING_LEGAL = frozenset(
    # Baltic, Romanian and Russian forms lead: "AS Tallinna Lennujaam", "SIA ...", "VĮ ...".
    re.findall(r"\w+", "pt uab ooo zao oao pao pjsc ojsc cjsc jsc tov societe as sia vi ao sc")
)
# Multi-word legal forms that end a name ("Joint Stock Company", "S.A. de C.V."), and the
# "air transport" a registered name adds to its brand ("Hi Fly Transportes Aereos S.A.").
_LEGAL_PHRASE = re.compile(
    r"(?:\s+(?:joint stock|sp z oo|s de rl|de cv|de rl|transportes aereos|linhas aereas|"
    r"lineas aereas|lignes aeriennes|taxi aereo|luftverkehrsgesellschaft|fluggesellschaft|"
    r"luftfahrtgesellschaft))+$"
)
# A page name's tagline or parent: "Ryanair - Europe's Favourite Airline", "Emirates | Hello
# Tomorrow", "Turkish Airlines: Widen Your World", "Collins Aerospace, an RTX business".
_TAGLINE = re.compile(
    r"\s+[-–—|·•]\s+|\s+\|\s*|:\s+|,\s+(?:a|an|part of|member of|subsidiary of)\s+",
    re.IGNORECASE,
)
_BRACKET = re.compile(r"\(([^)]*)\)")
# Dots and apostrophes join letters (S.A., Int'l); other punctuation separates words.
_JOINERS = re.compile(r"[.'’`]")
# Single letters around a slash are one legal abbreviation ("A/S", "S/A", "K/S").
_SLASHED = re.compile(r"\b(\w)/(\w)\b")


def _normalise(name: str) -> str:
    """README 3.2 normalisation without the alias table, plus leading and multi-word legal forms."""
    text = _JOINERS.sub("", _SLASHED.sub(r"\1\2", name).replace("&", " and "))
    words = ascii_fold(text).split()
    # "Riyadh Air طيران الرياض", "China Airlines 中華航空": a page name may add the name in its
    # own script; the Latin words are the name the other boards show.
    latin = [word for word in words if word.isascii()]
    if latin and len(latin) < len(words):
        words = latin
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    if len(words) > 1 and words[0] in _LEADING_LEGAL:
        words = words[1:]
    while True:
        while len(words) > 1 and words[-1] in _LEGAL:
            words.pop()
        joined = " ".join(words)
        shorter = _LEGAL_PHRASE.sub("", joined)
        if shorter == joined or not shorter:
            return joined
        words = shorter.split()


def name_key(name: str) -> str:
    """A name's advertiser key without the alias table (legal forms and "the" dropped)."""
    return _normalise(name)


# "Hyannis Air Service, Inc. d/b/a Cape Air": the name after "doing business as" is the brand.
_TRADING_AS = re.compile(r"^.*?\b(?:d/b/a|dba|t/a|trading as|doing business as)\s+", re.IGNORECASE)


def _candidates(name: str) -> list[str]:
    """Normalised forms to look up: whole name, name before a tagline, bracketed legal name; an
    airport's name in its one form first."""
    head = _TAGLINE.split(_TRADING_AS.sub("", name.strip()), maxsplit=1)[0]
    forms = [_normalise(form) for form in (_BRACKET.sub(" ", head), *_BRACKET.findall(head), head)]
    forms.append(_normalise(name))
    # "Aerovías del Continente Americano S.A. Avianca": a brand may follow the registered name's
    # legal form. Tried last, so it only counts when the table knows it.
    words = ascii_fold(_JOINERS.sub("", head)).split()
    cut = max((i for i, word in enumerate(words[1:-1], 1) if word in _LEGAL), default=0)
    if cut:
        forms.append(_normalise(" ".join(words[cut + 1 :])))
    airport = _airport_form(forms[0])
    return [key for key in dict.fromkeys([airport or "", *forms]) if key]


# How airport operators name themselves in other languages: "Flughafen Wien", "Aeroporto di Roma",
# "Tallinna Lennujaam": the noun becomes "airport", before or after the place as in the name.
_AIRPORT_NOUN = re.compile(rf"\b(?:{AIRPORT_NOUNS})\b")
# "International" in those languages, and the articles between noun and place.
_AIRPORT_FILLER = frozenset(
    re.findall(
        r"\w+",
        """international internacional internazionale internationale starptautiska tarptautinis
        rahvusvaheline miedzynarodowe miedzynarodowy mezinarodni nemzetkozi uluslararasi de di
        do da del of the""",
    )
)


def _airport_form(key: str) -> str | None:
    """ "<city> airport" for the names of one airport ("Flughafen Wien", "Vienna International
    Airport" -> "vienna airport"), the city in the gazetteer's English name; None for others."""
    named = _AIRPORT_NOUN.sub("airport", key).split()
    if named[-2:] == ["airport", "authority"]:
        named.pop()  # "Shannon Airport Authority" runs Shannon Airport
    words = [word for word in named if word not in _AIRPORT_FILLER] if "airport" in named else []
    if len(words) > 1 and words[-1] == "airport":
        place = words[:-1]
    elif len(words) > 1 and words[0] == "airport":
        place = words[1:]
    else:
        return None
    text = " ".join(place)
    city = resolve_location(text).city
    # Only a name that is a place alone is renamed: "London Heathrow" and "London Gatwick" differ.
    if city and len(city.split()) == len(place):
        return f"{city} airport"
    # "Aeroporto G. Marconi di Bologna": a dedication before the city names no other airport.
    # Only the city's own name: "Linate" also resolves to Milan, and so does "Malpensa".
    if words[0] == "airport" and resolve_location(place[-1]).city == place[-1]:
        return f"{place[-1]} airport"
    return f"{text} airport"


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


# Names each country's own body bears: followed by a place they name that country's body.
_NATIONAL_BODIES = frozenset(
    {
        "civil aviation authority",
        "caa",
        "civil aviation administration",
        "dgca",
        "directorate general of civil aviation",
        "gaca",
        "airports authority",
        "air navigation services",
        "ministry of transport",
        "air force",
        "navy",
        "army",
        "coast guard",
    }
)


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
    # An unlisted airline's name with and without its "Airlines" is one advertiser ("Tasman Link
    # Airways Limited", "Tasman Link"); listed ones are matched whole above.
    if len(words) > 2 and words[-1] in _AIRLINE_WORDS:
        words = words[:-1]
        key = " ".join(words)
    # "dnata Dubai", "Bristow Norway": a known brand followed only by a place is that brand; but
    # every country has its own "Civil Aviation Authority", "DGCA" or air force.
    for cut in range(len(words) - 1, 0, -1):
        brand, rest = " ".join(words[:cut]), " ".join(words[cut:])
        neutral = all(word in _NEUTRAL for word in words[cut:])
        if brand in _NATIONAL_BODIES:
            continue
        if brand in table and (neutral or resolve_location(rest).country_code is not None):
            return table[brand].key, table[brand]
    return key, None


_AIRLINE_WORDS = frozenset({"airlines", "airways", "airline"})
# Words a page name adds to a brand without naming another organisation ("easyJet Europe Airline").
_NEUTRAL = frozenset(re.findall(r"\w+", "europe european international worldwide global airline"))


def company_key(name: str | None) -> str:
    """Normalised advertiser key (README 3.2), resolved through the alias table."""
    if not isinstance(name, str):
        return ""
    return _lookup(name)[0]


# Where an agency advert names or describes its client: "Our client, a leading Part-145 MRO, ...",
# "... on behalf of Cargolux for ...", "... working with a global cargo airline to recruit ...".
_CLIENT = re.compile(
    r"\b(?:(?:our|a|the)\s+client(?:s)?,?\s+(?:is\s+|are\s+)?|"
    r"(?:on behalf of|working with|partnering with|recruiting for|hiring for)\s+"
    r"(?:(?:our|a|an)\s+client,?\s+)?)"
    r"(?P<client>[^.,;:()]+?)"
    r"(?=\s+(?:to|for|is|are|who|which|that|based|in|at|with)\b(?!-)|[.,;:()]|$)",
    re.IGNORECASE,
)
_VAGUE = re.compile(
    r"\b(confidential|undisclosed|unnamed|whose name|not disclosed)\b", re.IGNORECASE
)
_ARTICLE = re.compile(r"^(?:an?|the|one of the|one of)\s+", re.IGNORECASE)


def _type_of(text: str) -> str | None:
    """The kind of organisation a company field or client phrase names or describes."""
    if not text or _VAGUE.search(text):
        return None
    if _ARTICLE.match(text) is None:
        entry = _named_company(text)
        if entry is not None:
            return None if entry.agency else entry.operation_type
    kind = kind_from_words(text)
    return None if kind == "recruitment_agency" else kind


def _named_company(text: str) -> _Company | None:
    """A known company named at the start of a phrase: "Jet2 we are hiring" names Jet2.

    A shorter name only counts when the next word is lowercase, so that "United Kingdom based
    carrier" is not read as United Airlines.
    """
    words = text.split()
    for size in range(len(words), 0, -1):
        if size < len(words) and not words[size][:1].islower():
            continue
        _, entry = _lookup(" ".join(words[:size]))
        if entry is not None:
            return entry
    return None


# What the advert says a named client is: "on behalf of Star Air, the Danish all-cargo airline".
_APPOSITIVE = re.compile(r",\s+(?P<what>(?:an?|the)\s+[^.,;:()]+)")


def _client_type(company: str, description: str | None) -> str | None:
    """The end client's type when the advert states it (README 3.4 agency rule), else None. What
    the advert says the client is outranks what the alias table knows of its name."""
    stated = _type_of(company)
    if stated is not None:
        return stated
    text = description or ""
    for match in _CLIENT.finditer(text):
        described = _APPOSITIVE.match(text, match.end())
        stated = (described and _type_of(described["what"])) or _type_of(
            match.group("client").strip()
        )
        if stated is not None:
            return stated
    # No "our client": an advert may still describe whom it recruits for ("An established
    # Part-145 organisation in Dorset needs ...", "... supporting a line maintenance contractor").
    for match in _DESCRIBED_CLIENT.finditer(text[:600]):
        stated = _type_of(match.group("client"))
        if stated is not None:
            return stated
    return None


def _opening_kind(description: str | None) -> str | None:
    """The kind an advert opening on its hiring organisation names: "An established Part-145
    organisation in Dorset is looking for ..." (the employer, or the client it recruits for)."""
    opening = _DESCRIBED_CLIENT.match(description or "")
    return _type_of(opening.group("client")) if opening else None


_DESCRIBED_CLIENT = re.compile(
    r"(?:^|(?<=[.!?:]\s)|\b(?:for|with|supporting|by|at|join)\s+)(?:an?)\s+"
    r"(?P<client>(?:(?:leading|established|major|growing|large|respected|busy|global|"
    r"international|independent|fast[- ]growing|well[- ]known|regional|national|european|"
    r"uk|us|gulf|asian)\s+)*[^.,;:()]{2,50}?\s+(?:organi[sz]ation|operator|provider|"
    r"contractor|company|carrier|airline|mro|facility|group|business|specialist|manufacturer|"
    r"handler|school|academy))\b",
    re.IGNORECASE,
)


# Agency language: a client, or recruiting for another organisation by name. "On behalf of
# their owners" (aircraft management) and "we are recruiting for this role" (any employer) are not.
_AGENCY_TEXT = re.compile(
    r"\b(?:our client|(?:a|an|the)\s+(?:confidential|undisclosed|unnamed)\s+client|"
    r"on behalf of(?!\s+(?:their|its)\b)|"
    r"(?:recruiting|hiring|sourcing)\s+for\s+an?\s+[^.,;:()]{0,50}?\b(?:organi[sz]ation|"
    r"operator|provider|contractor|carrier|airline|mro)\b|"
    r"(?:recruiting|hiring)\s+for\s+(?!(?:this|these|that|the|our|its|their|a|an|two|three|"
    r"several|multiple|various|new|experienced|\d+)\b))",
    re.IGNORECASE,
)
_GOOSE = "Goose Recruitment"


def resolve_company(
    name: str | None,
    *,
    source: str,
    description: str | None = None,
    directory: CompanyLookup | None = None,
) -> Advertiser:
    """The advertiser of one scraped record (README 3.2 and 3.4, agency rule included).

    A spelling the `directory` maps stands for that company; otherwise the alias table decides.
    The source and agency rules apply to either. An unknown direct employer is typed by what its
    advert says it is, else by its name's words, and defaults to "airline", the commonest kind of
    hiring organisation on aviation boards.
    """
    company = name.strip() if isinstance(name, str) else ""
    key, entry = _lookup(company) if company else ("", None)
    mapped = directory.find(company, key) if directory is not None and company else None
    if mapped is None:
        return _resolve(company, key, entry, source, description)
    kind = mapped.operation_type or ""
    if kind not in OPERATION_TYPES:
        # A company first seen in a crawl may have no type yet: typed as an unknown one would be.
        kind = kind_from_words(company) or "airline"
    stored = _Company(mapped.name, kind, mapped.country_code, mapped.is_agency)
    advertiser = _resolve(company, mapped.key, stored, source, description)
    # On Goose the field names the client, so the advertiser can still be another company.
    if advertiser.key != mapped.key:
        return advertiser
    return replace(advertiser, company_id=mapped.company_id)


def _resolve(
    company: str, key: str, entry: _Company | None, source: str, description: str | None
) -> Advertiser:
    if source == "goose" and (entry is None or not entry.agency):
        # On Goose's own site the company field is the client or a placeholder, never the advertiser.
        _, goose = _lookup(_GOOSE)
        assert goose is not None, "companies.json must list Goose Recruitment"
        kind = _client_type(company, description)
        return _agency(goose.key, goose.name, goose.country, kind, known=True)
    if entry is not None and entry.agency:
        kind = _client_type("", description)
        return _agency(key, entry.name, entry.country, kind, known=True)
    if entry is not None:
        return Advertiser(key, entry.name, entry.operation_type, entry.country, False, True)
    # Names mislead ("Helix Helicopters" builds helicopters): what the advert says comes first.
    said = described_kind(name_key(company).split()[:1], description) if company else None
    if (
        not company
        or _VAGUE.search(company)
        or kind_from_words(company) == "recruitment_agency"
        or said == "recruitment_agency"
        or _AGENCY_TEXT.search(description or "")
    ):
        # An unlisted agency (or a hidden one) is still the advertiser of its advert.
        kind = _client_type("", description)
        return _agency(key, company, None, kind, known=False)
    kind = said or _opening_kind(description) or kind_from_words(company) or "airline"
    return Advertiser(key, company, kind, None, False, False)


def _agency(
    key: str, name: str, country: str | None, client: str | None, *, known: bool
) -> Advertiser:
    return Advertiser(key, name, client or "recruitment_agency", country, True, known)

"""`contract_type`: permanent, contract, fixed_term or seasonal, from the title, site field or text.

README 4.2 rule 6: the four types are different jobs and a job stating none is permanent. The title
is the advertiser's own label, so it wins; then the site's structured field; then the description.
"""

from __future__ import annotations

import re

from aeroscrap.normalize.text import fold

PERMANENT, CONTRACT, FIXED_TERM, SEASONAL = "permanent", "contract", "fixed_term", "seasonal"
CONTRACT_TYPES = (PERMANENT, CONTRACT, FIXED_TERM, SEASONAL)

# "contract" names a role, not a contract type, in "Contracts Manager" or "Contract Administrator".
_ROLE_AFTER_CONTRACT = (
    r"(?!\s+(?:manager|management|administrator|administration|analyst|specialist|negotiator|"
    r"officer|coordinator|lead|director|executive|controller|law|lawyer|counsel))"
)
# Each rule is (type, words one of which every match contains, pattern): the words keep the
# patterns off the many descriptions that cannot match, which is most of their cost.
_TITLE_RULES = (
    (
        SEASONAL,
        ("season",),
        re.compile(r"\bseasonal\b|\b(?:summer|winter) season\b|\bseason \d{4}\b"),
    ),
    # The same words in the languages of the boards' home markets.
    (
        SEASONAL,
        ("saison", "temporada", "sazonal"),
        re.compile(r"\bsaisonniere?s?\b|\bsaisonal\b|\bsaisonkraft\b|\btemporada\b|\bsazonal\b"),
    ),
    (
        FIXED_TERM,
        ("fixed term", "ftc", "temp", "maternity cover", "befristet", "cdd"),
        re.compile(
            r"\bfixed term\b|\bftc\b|\btemporary\b|\btemp\b|\bmaternity cover\b|\bbefristet\b|"
            r"\bcdd\b"
        ),
    ),
    (
        CONTRACT,
        ("contract", "freelance"),
        re.compile(r"\b(?:contract|contractor|freelance)\b" + _ROLE_AFTER_CONTRACT),
    ),
    (PERMANENT, ("perm",), re.compile(r"\b(?:permanent|perm)\b")),
)
# In prose, only statements about the position count ("you will manage contracts" does not).
_DESCRIPTION_RULES = (
    (
        SEASONAL,
        ("season",),
        re.compile(
            r"\bseasonal (?:role|position|contract|vacanc|job|basis|employment)|"
            r"\bfor the (?:\d{4} )?(?:summer|winter) season\b|\bthis is a seasonal\b"
        ),
    ),
    (
        FIXED_TERM,
        ("fixed term", "temporary", "maternity"),
        re.compile(
            r"\bfixed term\b|\btemporary (?:role|position|contract|basis|assignment)|"
            r"\bmaternity (?:cover|leave cover)\b|\bthis is a temporary\b"
        ),
    ),
    (
        CONTRACT,
        ("contract", "assignment", "freelance", "day rate"),
        re.compile(
            r"\b\d+ ?(?:month|week|year)s? (?:contract|assignment)\b|"
            r"\bcontract (?:role|position|basis|assignment|opportunity|vacancy)\b|"
            r"\bthis is a (?:\w+ ){0,2}contract\b|\bon a contract\b|\bcontractor (?:role|position)\b|"
            r"\bfreelance (?:role|position|basis)\b|\bday rate\b"
        ),
    ),
    (
        PERMANENT,
        ("permanent",),
        re.compile(r"\bpermanent(?:,)? (?:\w+ )?(?:role|position|contract|job|basis|employment)\b"),
    ),
)
_SEPARATORS = re.compile(r"[^a-z0-9]+")


def _first_match(
    text: str, rules: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...]
) -> str | None:
    for kind, words, pattern in rules:
        if any(word in text for word in words) and pattern.search(text):
            return kind
    return None


def _prepare(text: object) -> str:
    return " " + _SEPARATORS.sub(" ", fold(text)) + " "


def stated_contract_type(title: object, description: object, raw: object = None) -> str | None:
    """The contract type the advert states, or None when it states none."""
    return (
        _first_match(_prepare(title), _TITLE_RULES)
        or _first_match(_prepare(raw), _TITLE_RULES)
        or _first_match(_prepare(description), _DESCRIPTION_RULES)
    )


def contract_type(title: object, description: object, raw: object = None) -> str:
    """One of CONTRACT_TYPES; a job that states no type is permanent (README 4.2 rule 6)."""
    return stated_contract_type(title, description, raw) or PERMANENT

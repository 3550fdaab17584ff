"""`senior_flag`: README 3.5, computed from the normalized title alone."""

from __future__ import annotations

SENIOR_WORDS = frozenset(
    {
        "captain",
        "commander",
        "chief",
        "director",
        "manager",
        "senior",
        "lead",
        "leader",
        "principal",
        "supervisor",
        "superintendent",
        "president",
        "postholder",
    }
)
SENIOR_PHRASES = (("head", "of"), ("nominated", "person"))
JUNIOR_WORDS = frozenset(
    {
        "trainee",
        "cadet",
        "graduate",
        "apprentice",
        "apprenticeship",
        "intern",
        "internship",
        "junior",
        "student",
    }
)


def _matches(token: str, words: frozenset[str]) -> bool:
    # A keyword matches itself or its plural with "s" ("captains").
    return token in words or (token.endswith("s") and token[:-1] in words)


def senior_flag(normalized_title: str) -> bool:
    """True if a senior keyword or phrase is present and no junior keyword is (junior wins)."""
    tokens = (normalized_title or "").split()
    if any(_matches(token, JUNIOR_WORDS) for token in tokens):
        return False
    if any(_matches(token, SENIOR_WORDS) for token in tokens):
        return True
    return any(
        tokens[i] == first and _matches(tokens[i + 1], frozenset({second}))
        for i in range(len(tokens) - 1)
        for first, second in SENIOR_PHRASES
    )

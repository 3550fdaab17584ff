"""`normalized_title`: the exact steps of README section 3.1, in order, and nothing more."""

from __future__ import annotations

import re
import unicodedata

from aeroscrap.normalize.text import clean_text, strip_diacritics

# Step 2: gender markers made of m/w/f/d/h/x, plus the two spelled-out forms.
_GENDER = re.compile(
    r"\(\s*[mwfdhx]\s*(?:/\s*[mwfdhx]\s*){1,3}\)|\(\s*all\s+genders\s*\)|\(\s*gn\s*\)"
)

# Step 3: abbreviations whose punctuation step 4 would otherwise destroy.
_PUNCT_ABBREVIATIONS = (
    (re.compile(r"(?<![a-z0-9])s/fo(?![a-z0-9])"), " senior first officer "),
    (re.compile(r"(?<![a-z0-9])f/o(?![a-z0-9])"), " first officer "),
    (re.compile(r"(?<![a-z0-9])a/c(?![a-z0-9])"), " aircraft "),
    (re.compile(r"(?<![a-z0-9])a&p(?![a-z0-9])"), " airframe and powerplant "),
)

# Step 4: everything but a-z, 0-9 and a dot between two digits (b1.1) becomes a space.
_NON_ALNUM = re.compile(r"(?:(?<![0-9])\.|\.(?![0-9])|[^a-z0-9.])+")
_SPACES = re.compile(r" +")

# Step 5: aircraft designators. A "token" boundary is any non-alphanumeric character.
_B = r"(?<![a-z0-9.])"
_E = r"(?![a-z0-9.])"
_SPLIT_ABE = re.compile(_B + r"([abe]) ([0-9]{3}[a-z]*)" + _E)
_SPLIT_SHAW = re.compile(_B + r"(s|h|aw|atr) ([0-9]{2,3}[a-z]*)" + _E)
_BIZJET = re.compile(_B + r"(global|challenger|phenom|falcon) ([0-9][a-z0-9]*)" + _E)
_MANUFACTURER = re.compile(
    _B
    + r"(?:airbus|boeing|embraer|gulfstream|sikorsky|leonardo|bombardier|dassault) "
    + r"(?=[a-z0-9.]*[0-9])"
)
_BARE_BOEING = re.compile(_B + r"(7[0-8]7[a-z]*)" + _E)
_VARIANT = re.compile(_B + r"([ab][0-9]{3}[a-z]*) (neo|ceo|ng|max)" + _E)

# Step 6: whole-token abbreviations.
_ABBREVIATIONS = {
    "fo": "first officer",
    "sfo": "senior first officer",
    "capt": "captain",
    "cpt": "captain",
    "lic": "licensed",
    "licenced": "licensed",
    "licence": "license",
    "eng": "engineer",
    "engr": "engineer",
    "tech": "technician",
    "mech": "mechanic",
    "mgr": "manager",
    "sr": "senior",
    "snr": "senior",
    "jr": "junior",
    "jnr": "junior",
    "asst": "assistant",
    "acft": "aircraft",
    "maint": "maintenance",
    "mx": "maintenance",
    "ops": "operations",
    "vp": "vice president",
    "ftc": "fixed term contract",
    "perm": "permanent",
    "cat": "category",
    "ame": "aircraft maintenance engineer",
    "lame": "licensed aircraft maintenance engineer",
}

# Step 7: recruiting noise, longest phrase first so "urgently required" wins over "urgent".
_NOISE = re.compile(
    r"(?<![a-z0-9.])(?:urgently required|immediate start|apply now|hiring now|start asap|urgent|asap)"
    + _E
)


# Title parts: spaced hyphens, dashes, pipes, colons, commas and brackets separate a role from its
# base, contract or qualifier ("A320 Captain - Zurich (Contract)"); "Part-66" is not split.
_SEGMENT_SPLIT = re.compile(r"\s+[-/]+\s+|\s+-|-\s+|[–—|:;,()\[\]{}]")


def title_segments(raw: object) -> list[str]:
    """The normalized parts of a title in order, empty ones dropped (gender markers go first)."""
    text = strip_diacritics(unicodedata.normalize("NFKC", clean_text(raw))).lower()
    text = _GENDER.sub(" ", text)
    parts = (_normalize_once(part) for part in _SEGMENT_SPLIT.split(text))
    return [part for part in parts if part]


def _join(match: re.Match[str]) -> str:
    return match.group(1) + match.group(2)


def normalize_title(raw: object) -> str:
    """Apply README 3.1 steps 1-7 to a raw title; never raises, "" for empty input.

    Real titles reach a fixed point in one pass; contrived ones ("a urgent 320": removing noise
    brings "a" and "320" together) need another, so repeat until stable to stay idempotent.
    """
    text = _normalize_once(clean_text(raw))
    for _ in range(3):
        again = _normalize_once(text)
        if again == text:
            break
        text = again
    return text


def _normalize_once(text: str) -> str:
    if not text:
        return ""
    # 1. NFKC, strip diacritics, lowercase.
    text = strip_diacritics(unicodedata.normalize("NFKC", text)).lower()
    # 2. Gender markers.
    text = _GENDER.sub(" ", text)
    # 3. Punctuated abbreviations, then every remaining "&".
    for pattern, replacement in _PUNCT_ABBREVIATIONS:
        text = pattern.sub(replacement, text)
    text = text.replace("&", " and ")
    # 4. Only a-z, 0-9 and digit.digit survive.
    text = _SPACES.sub(" ", _NON_ALNUM.sub(" ", text)).strip()
    # 5. Aircraft designators, in the README's order.
    text = _SPLIT_ABE.sub(_join, text)
    text = _SPLIT_SHAW.sub(_join, text)
    text = _BIZJET.sub(_join, text)
    text = _MANUFACTURER.sub("", text)
    text = _BARE_BOEING.sub(r"b\1", text)
    text = _VARIANT.sub(_join, text)
    # 6. Whole-token abbreviations.
    text = " ".join(_ABBREVIATIONS.get(token, token) for token in text.split(" "))
    # 7. Recruiting noise.
    text = _NOISE.sub(" ", text)
    return _SPACES.sub(" ", text).strip()

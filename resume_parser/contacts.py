"""Contact block: the candidate's name, e-mail, phone (E.164) and own location."""

from __future__ import annotations

import re
import unicodedata

import phonenumbers

from resume_parser.geo import parse_location
from resume_parser.models import Line, Location
from resume_parser.sections import classify_heading

EMAIL_RE = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_PHONE_RE = re.compile(r"(?<![\w/.\-])(?:\+|00)?\(?\d[\d\s().\-/]{5,22}\d(?![\w/])")
_PHONE_LABEL_RE = re.compile(r"\b(phone|tel|mobile|mob|cell|whatsapp)\b|[☎✆📞📱☏]", re.IGNORECASE)
_DATE_LIKE_RE = re.compile(r"^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$|^\d{4}[./-]\d{1,2}[./-]\d{1,2}$")
_LABEL_RE = re.compile(
    r"^\s*(name|full name|e-?mail|mail|phone|tel(?:ephone)?|mobile|cell|mob|whatsapp|"
    r"location|address|based in|residence|home base|city|lives in)"
    # "Name and address of employer" (a Europass label) is a longer label, not "Name".
    r"(?!\s+(?:and|of|&)\b)\s*[:.\-]?\s*",
    re.IGNORECASE,
)
_LOCATION_LABELS = {"location", "address", "based in", "residence", "home base", "city", "lives in"}
_SKIP_LABEL_RE = re.compile(
    r"^\s*(nationality|citizenship|date of birth|dob|born|driving|passport|visa|languages?)\b",
    re.IGNORECASE,
)
_ICONS = "✉☎✆📞📱📧⌂📍🏠☏✈•·|"
# Words that mark a line as a job title or document title rather than a person's name.
_NOT_NAME = re.compile(
    r"\b(pilot|captain|officer|engineer|technician|manager|controller|crew|planner|dispatcher|"
    r"instructor|mechanic|attendant|cadet|resume|résumé|curriculum|vitae|cv|profile|aviation|"
    r"operations|airport|airline|airways|street|road|avenue)\b",
    re.IGNORECASE,
)
_PARTICLES = {
    "van", "der", "den", "de", "del", "della", "di", "da", "du", "von", "bin", "binti", "ibn",
    "la", "le", "dos", "das", "do", "y", "ten", "ter", "zu", "e",
}  # fmt: skip
_NAME_TOKEN = re.compile(r"^[^\W\d_][^\W\d_'’.\-]*(?:['’\-][^\W\d_]+)*\.?$")


def find_email(lines: list[Line]) -> str | None:
    """The first e-mail address, lower case."""
    for line in lines:
        match = EMAIL_RE.search(line.text)
        if match:
            return match.group(0).lower()
    return None


def find_phone(lines: list[Line], region: str | None, *, strict: bool = True) -> str | None:
    """The first phone number as E.164; national numbers take the resume's country.

    strict=False is for the contact block itself, where a number needs no label to be a phone.
    """
    for line in lines:
        text = line.text
        if _SKIP_LABEL_RE.match(text):
            continue
        text = EMAIL_RE.sub(" ", text)
        labelled = not strict or bool(_PHONE_LABEL_RE.search(text))
        for match in _PHONE_RE.finditer(text):
            number = _to_e164(match.group(0), region, strict=not labelled)
            if number:
                return number
    return None


def _to_e164(raw: str, region: str | None, *, strict: bool) -> str | None:
    raw = raw.strip()
    if _DATE_LIKE_RE.match(raw) or sum(c.isdigit() for c in raw) < 7:
        return None
    raw = re.sub(r"^00(?=[1-9])", "+", raw)
    # "+44 (0)7700 ..." writes the trunk prefix that is dropped after a country code.
    raw = re.sub(r"^(\+\d{1,3})\s*\(0\)\s*", r"\1 ", raw)
    if not raw.startswith("+") and region is None:
        return None
    try:
        number = phonenumbers.parse(raw, None if raw.startswith("+") else region)
    except phonenumbers.NumberParseException:
        return None
    # Fictional ranges (555-01xx, 07700 900xxx) are only "possible"; a label vouches for them.
    if not phonenumbers.is_possible_number(number):
        return None
    if strict and not phonenumbers.is_valid_number(number) and not raw.startswith("+"):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def find_location(lines: list[Line]) -> Location | None:
    """The candidate's location: a labelled line first, else a contact-block fragment."""
    for line in lines:
        match = _LABEL_RE.match(line.text)
        if match and match.group(1).lower() in _LOCATION_LABELS:
            loc = parse_location(line.text[match.end() :])
            if loc:
                return loc
    # A town beside the phone or email is the candidate's own; a headline above ("Avionics
    # Technician | A&P / IA") can hold codes that pass for a town and a state.
    contact = [ln for ln in lines if EMAIL_RE.search(ln.text) or _PHONE_RE.search(ln.text)]
    for line in contact + lines:
        if _SKIP_LABEL_RE.match(line.text) or line.bullet:
            continue
        for fragment in _fragments(line.text):
            loc = parse_location(fragment)
            if loc:
                return loc
    return None


def _fragments(text: str) -> list[str]:
    text = EMAIL_RE.sub("\t", text)
    text = _PHONE_RE.sub("\t", text)
    text = re.sub(r"https?://\S+|www\.\S+", "\t", text)
    parts = re.split(r"\t|\s[|·•]\s|[" + re.escape(_ICONS) + "]", text)
    return [p.strip(" ,;") for p in parts if p.strip(" ,;")]


def find_name(preamble: list[Line], everything: list[Line]) -> str | None:
    """The person's name: a "Name:" label, the biggest line, else the first name-like line."""
    for line in everything[:40]:
        match = _LABEL_RE.match(line.text)
        if match and match.group(1).lower() in {"name", "full name"}:
            name = _name_in(line.text[match.end() :])
            if name:
                return name
    big = sorted((ln for ln in everything[:80] if ln.size >= 1.3), key=lambda ln: -ln.size)
    for line in big[:3]:
        name = _name_in(line.text)
        if name:
            return name
    for line in (preamble or everything)[:8]:
        name = _name_in(line.text)
        if name:
            return name
    return None


def _name_in(text: str) -> str | None:
    for part in re.split(r"\t|\s[|–—·-]\s|,\s|[" + re.escape(_ICONS) + "]", text):
        part = part.strip(" :*#")
        if _is_name(part):
            return proper_case(unicodedata.normalize("NFC", part))
    return None


def _is_name(text: str) -> bool:
    tokens = text.split()
    if not 2 <= len(tokens) <= 6 or len(text) > 60:
        return False
    if _NOT_NAME.search(text) or classify_heading(text) is not None or "@" in text:
        return False
    if not all(_NAME_TOKEN.match(t) for t in tokens):
        return False
    capitals = sum(1 for t in tokens if t[0].isupper() or t[:2].lower() in {"d'", "o'"})
    return capitals >= 2 and capitals >= len(tokens) - 2


def proper_case(name: str) -> str:
    """Title-case a name printed in capitals, keeping particles and apostrophes right."""
    letters = [c for c in name if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return name
    words = []
    for i, word in enumerate(name.split()):
        lower = word.lower()
        if i > 0 and lower in _PARTICLES:
            words.append(lower)
            continue
        pieces = re.split(r"(['’\-])", lower)
        words.append("".join(p[:1].upper() + p[1:] for p in pieces))
    return " ".join(words)

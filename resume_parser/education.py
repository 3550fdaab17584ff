"""Education and training entries: institution, qualification and the year completed."""

from __future__ import annotations

import re

from resume_parser.dates import find_range, last_year
from resume_parser.entries import (
    clean,
    fields_below,
    header_after,
    header_before,
    kv_pair,
    score,
    split_parts,
)
from resume_parser.geo import is_place
from resume_parser.models import Education, Line

_INSTITUTION_WORDS = re.compile(
    r"(universit|universida|institut|academ|akademie|college|colegio|school|schule|centre|"
    r"center|zentrum|polytechn|politechn|politecnic|lyc[ée]e|gymnasium|escuela|escola|[ée]cole|"
    r"scuola|hochschule|"
    r"faculty|\bato\b|campus|conservatoire|seminary|training organi[sz]ation|flight training)",
    re.IGNORECASE,
)
_DEGREE_WORDS = re.compile(
    r"\b(b\.?sc|m\.?sc|b\.?a|m\.?a|b\.?eng|m\.?eng|mba|ph\.?d|bachelor|master|diploma|"
    r"certificate|course|programme|program|degree|aas|associate|hnd|hnc|a-levels?|gcse|"
    r"baccalaur[ée]at|abitur|licence|integrated|modular|atpl|cpl|mpl|ppl|basic training|"
    r"secondary|high school diploma|cadet|ab-initio|part-147|type rating|training)\b",
    re.IGNORECASE,
)
_INSTITUTION_KEYS = {"institution", "school", "university", "college", "academy", "institute"}
_DEGREE_KEYS = {"qualification", "degree", "course", "programme", "program", "diploma", "award"}
_YEAR_LEAD = re.compile(
    r"\b(?:graduated|class of|completed|awarded|expected|finished)(?:\s+in)?\s*\t", re.IGNORECASE
)
# A grade or honours note ("GPA 3.6 / 4.0", "Final average: 8.7 / 10", "Graduated cum laude")
# sits beside or under an entry; it is neither a school nor a qualification.
_GRADE = re.compile(
    r"\b(?:c?gpa|grade|average|cum laude|distinction|merit|first[- ]class|second[- ]class)\b|"
    r"\d(?:\.\d+)?\s*/\s*\d",
    re.IGNORECASE,
)
_YEAR_WORDS = re.compile(r"\b(graduated|class of|completed|awarded|expected|in)\b", re.IGNORECASE)


def parse_education(lines: list[Line]) -> list[Education]:
    """Education entries in resume order from the lines of the education sections."""
    entries: list[Education] = []
    floor = 0
    for i, line in enumerate(lines):
        if line.bullet:
            continue
        year = _year_of(line.text)
        if year is None:
            continue
        rest = _without_dates(line.text)
        if kv_pair(line) is not None:
            rest = ""
        before = [b for b in header_before(lines, i, floor) if not _is_grade(b.text)]
        below: list[Line] = []
        if kv_pair(line) is not None and not _keyed(before):
            before = below = fields_below(lines, i)
        entry, used = _build(_without_grades(rest), before, header_after(lines, i))
        # Rows below that this entry took are not the next entry's header.
        floor = i + 1 + max(used, len(below))
        if entry is not None:
            entry.year = year
            entries.append(entry)
    return entries


def _year_of(text: str) -> int | None:
    found = find_range(text, allow_single=True)
    if found is None:
        return None
    if found.end not in (None, "present"):
        return int(found.end[:4])
    if found.end == "present":
        return None
    return last_year(text[found.span[0] : found.span[1]])


def _without_dates(text: str) -> str:
    """The line without its dates; empty when only "Graduated"/"Class of" words remain."""
    while (found := find_range(text, allow_single=True)) is not None:
        text = text[: found.span[0]] + "\t" + text[found.span[1] :]
    # "Class of 2015" / "Graduated in 2014" lose their year; the words must go with it.
    text = _YEAR_LEAD.sub("\t", text)
    return text if re.search(r"[A-Za-z]{3,}", _YEAR_WORDS.sub(" ", text)) else ""


def _build(rest: str, before: list[Line], after: list[Line]) -> tuple[Education | None, int]:
    """The entry a dated line heads, and how many of the `after` lines it took."""
    kv = {k: v for k, v in (kv_pair(b) or ("", "") for b in before) if k}
    institution = next((v for k, v in kv.items() if k in _INSTITUTION_KEYS), None)
    degree = next((v for k, v in kv.items() if k in _DEGREE_KEYS), None)
    if institution or degree:
        return Education(_institution(clean(institution or "")), clean(degree or ""), None), 0
    parts = split_parts(rest)
    pre = [p for b in before for p in split_parts(b.text)]
    whole = clean(rest)
    school_above = len(pre) == 1 and _kind(pre[0]) > 0
    school_below = not pre and bool(after) and _kind(after[0].text) > 0
    if (school_above or school_below) and "\t" not in whole and _all_degree(parts):
        # The school has a line of its own above or below, so a dash or comma on the dated line
        # belongs to the qualification ("Técnico em Manutenção - Célula", "Bachelor of Science,
        # Aviation Technology"), not between school and degree.
        parts = [whole]
    parts = pre + parts if len(parts) < 2 else parts
    # "2010 – 2012  Diploma in …" with the school on the line below, or a dates cell beside a
    # cell holding the qualification and the school on lines of their own: the dates lead.
    used = 0
    while len(parts) < 2 and used < len(after):
        parts += split_parts(after[used].text)
        used += 1
    parts = [p for p in parts if not is_place(p)]
    if not parts:
        return None, used
    if len(parts) == 1:
        kind = _kind(parts[0])
        entry = Education(
            _institution(parts[0]) if kind > 0 else "", parts[0] if kind <= 0 else "", None
        )
        return entry, used
    ranked = sorted(range(len(parts)), key=lambda i: _kind(parts[i]), reverse=True)
    inst = ranked[0]
    deg = ranked[-1] if ranked[-1] != inst else ranked[1]
    if _kind(parts[inst]) == _kind(parts[deg]):
        # No vocabulary to go on: "Degree — Institution" on one line, institution line above.
        inst, deg = (0, 1) if pre and len(pre) == 1 else (1, 0)
    return Education(_institution(parts[inst]), parts[deg], None), used


def _keyed(lines: list[Line]) -> bool:
    """True when the lines label a school or a qualification ("School: …", "Degree: …")."""
    keys = {kv[0] for kv in map(kv_pair, lines) if kv is not None}
    return bool(keys & (_INSTITUTION_KEYS | _DEGREE_KEYS))


def _is_grade(text: str) -> bool:
    """A grade or honours note; "Diploma (Distinction)" names a qualification and is none."""
    return bool(_GRADE.search(text)) and not _DEGREE_WORDS.search(text)


def _without_grades(text: str) -> str:
    """The dated line without cells that only hold a grade note."""
    return "\t".join(c for c in text.split("\t") if not _is_grade(c))


def _all_degree(parts: list[str]) -> bool:
    """True when no part names a school or a place (the parts are pieces of one qualification)."""
    return len(parts) > 1 and all(_kind(p) <= 0 and not is_place(p) for p in parts)


def _kind(text: str) -> int:
    """Positive for an institution name, negative for a qualification."""
    return score(text, _INSTITUTION_WORDS) * 2 - score(text, _DEGREE_WORDS)


def _institution(text: str) -> str:
    """Drop a trailing ", City" from "Aerotec Flight Academy, Salamanca" (the place is not the name)."""
    if ", " not in text:
        return text
    head, tail = text.rsplit(", ", 1)
    words = tail.split()
    town = len(words) <= 3 and all(w[:1].isupper() for w in words)
    if is_place(tail) or (
        town and _INSTITUTION_WORDS.search(head) and not _INSTITUTION_WORDS.search(tail)
    ):
        return head
    return text

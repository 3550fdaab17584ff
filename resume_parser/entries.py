"""Shared helpers for dated entries (jobs, education): finding anchors and splitting headers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from resume_parser.dates import find_range
from resume_parser.models import Line

KV_RE = re.compile(r"^\s*([A-Za-z][A-Za-z /&]{1,30}?)\s*:\s*(.+)$")
# Separators between the parts of an entry header, strongest first.
_SPLITTERS = [
    re.compile(r"\t"),
    re.compile(r"\s+(?:at|@|with)\s+"),
    re.compile(r"\s+[|·•]\s+"),
    # "--" and "---" stand in for dashes in plain text.
    re.compile(r"\s+[—–]\s+|\s+-{1,3}\s+|\s+[—–](?=\S)|(?<=\S)[—–]\s+"),
    re.compile(r",\s+"),
]
# Labels of the Europass CV form, with the keys the entry parsers know them by.
_FORM_LABELS = {
    "dates": "dates",
    "occupation or position held": "position",
    "name and address of employer": "employer",
    "title of qualification awarded": "qualification",
    "name and type of organisation": "institution",
    "name and type of organization": "institution",
}
_TRIM = " \t|,;:·•*_–—-[]"


@dataclass(slots=True)
class Header:
    """The text parts that describe one dated entry, nearest the date first."""

    parts: list[str]
    kv: dict[str, str]


def clean(text: str) -> str:
    """Strip separators, emphasis and leftover brackets from an entry fragment."""
    text = re.sub(r"\(\s*\)|\[\s*\]", "", text)
    text = text.strip(_TRIM)
    # Brackets belong to the text ("Certificate (Science)") unless a split left one unpaired.
    if text.startswith("(") and text.count("(") > text.count(")"):
        text = text[1:].strip(_TRIM)
    if text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1].strip(_TRIM)
    if text.count("(") > text.count(")"):
        text = text.rsplit("(", 1)[0].strip(_TRIM)
    return re.sub(r"\s{2,}", " ", text)


def split_parts(text: str) -> list[str]:
    """Split "Title — Employer, City" style headers into parts, by the strongest separator."""
    text = clean(text)
    if not text:
        return []
    for pattern in _SPLITTERS:
        pieces = [clean(p) for p in pattern.split(text)]
        pieces = [p for p in pieces if p]
        if len(pieces) > 1:
            if pattern.pattern.startswith(r"\s+(?:at"):
                return pieces[:1] + split_parts(" at ".join(pieces[1:]))[:1] + pieces[2:]
            return pieces
    return [text]


def kv_pair(line: Line) -> tuple[str, str] | None:
    """("position", "Captain A350") for a "Position: Captain A350" line, or for a row of the
    Europass form's label column ("Occupation or position held | Captain A350")."""
    if line.bullet:
        return None
    label, _, value = line.text.partition("\t")
    form_key = _FORM_LABELS.get(label.strip().lower())
    if form_key and value.strip():
        return form_key, value.strip()
    match = KV_RE.match(line.text)
    if not match:
        return None
    return match.group(1).strip().lower(), match.group(2).strip()


def fields_below(lines: list[Line], index: int, limit: int = 3) -> list[Line]:
    """The label/value rows below a dated one ("Dates | 2019 – present" heads a Europass entry
    whose position and employer rows follow)."""
    found: list[Line] = []
    for line in lines[index + 1 : index + 1 + limit]:
        if kv_pair(line) is None or find_range(line.text) is not None:
            break
        found.append(line)
    return found


def is_description(line: Line) -> bool:
    """A bullet or sentence describing duties, not part of an entry header."""
    text = line.text.strip()
    return line.bullet or (text.endswith(".") and len(text.split()) > 5) or len(text.split()) > 16


def header_before(lines: list[Line], index: int, floor: int, limit: int = 2) -> list[Line]:
    """Header lines just above lines[index]: non-description lines back to floor."""
    found: list[Line] = []
    i = index - 1
    while i >= floor and len(found) < limit:
        line = lines[i]
        if is_description(line):
            break
        found.insert(0, line)
        i -= 1
    return found


def header_after(lines: list[Line], index: int, limit: int = 2) -> list[Line]:
    """Header lines just below lines[index]: the title and employer (or school) of an entry
    whose dates come first (a dates column, or a table's dates cell read before its neighbour)."""
    found: list[Line] = []
    for line in lines[index + 1 : index + 1 + limit]:
        dated = find_range(line.text, allow_single=True) is not None
        if dated or is_description(line) or kv_pair(line) is not None:
            break
        found.append(line)
    return found


def score(text: str, words: re.Pattern[str]) -> int:
    """How many role words of a vocabulary the text holds."""
    return len(words.findall(text))

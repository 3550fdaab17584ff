"""Dates in resumes: month-year tokens, ranges ("03/2015 – 06/2018", "since 2020") and years."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12,
    "december": 12,
    # Common non-English spellings seen in European resumes.
    "januar": 1, "janvier": 1, "enero": 1, "gennaio": 1, "februar": 2, "février": 2,
    "fevrier": 2, "febrero": 2, "märz": 3, "mars": 3, "marzo": 3, "avril": 4, "abril": 4,
    "mai": 5, "mayo": 5, "maggio": 5, "juni": 6, "juin": 6, "junio": 6, "giugno": 6,
    "juli": 7, "juillet": 7, "julio": 7, "luglio": 7, "août": 8, "aout": 8, "agosto": 8,
    "septembre": 9, "septiembre": 9, "settembre": 9, "oktober": 10, "octobre": 10,
    "octubre": 10, "ottobre": 10, "novembre": 11, "noviembre": 11, "dezember": 12,
    "décembre": 12, "decembre": 12, "diciembre": 12, "dicembre": 12, "okt": 10, "dez": 12,
}  # fmt: skip
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_DATE = (
    rf"(?:(?:{_MONTH_NAMES})\.?,?\s*'?{_YEAR}"
    rf"|(?:0?[1-9]|1[0-2])\s*[./-]\s*{_YEAR}"
    rf"|{_YEAR}\s*[./-]\s*(?:0[1-9]|1[0-2]|[1-9])(?![\d./-])"
    rf"|{_YEAR})"
)
_PRESENT = (
    r"(?:present|current(?:ly)?|now|today|(?:to|till|until|up\s+to)\s+(?:date|now|present|today)|"
    r"date|ongoing|heute|aujourd'hui|actuel|"
    r"presente|actualidad)"
)
_SEP = r"\s*(?:-|–|—|−|~|to|until|till|through|thru|bis|au|a)\s*"
_RANGE_RE = re.compile(
    rf"(?<![\w/.])(?:(?:from|since)\s+)?(?P<start>{_DATE})(?:{_SEP}(?P<end>{_DATE}|{_PRESENT}))?"
    rf"(?![\w/])",
    re.IGNORECASE,
)
_SINCE_RE = re.compile(r"\b(since|from)\s+$", re.IGNORECASE)
_PRESENT_RE = re.compile(rf"^{_PRESENT}$", re.IGNORECASE)
_YEAR_RE = re.compile(rf"(?<!\d){_YEAR}(?!\d)")


@dataclass(slots=True)
class DateRange:
    """A date range found in a string; end is "present" for a current position."""

    start: str
    end: str | None
    span: tuple[int, int]


def normalise_date(token: str) -> str | None:
    """ "Mar. 2017" -> "2017-03", "03/2015" -> "2015-03", "2016" -> "2016"."""
    token = token.strip().lower()
    match = re.match(rf"({_MONTH_NAMES})\.?,?\s*'?({_YEAR})$", token)
    if match:
        return f"{match.group(2)}-{_MONTHS[match.group(1)]:02d}"
    match = re.match(rf"(\d{{1,2}})\s*[./-]\s*({_YEAR})$", token)
    if match:
        return f"{match.group(2)}-{int(match.group(1)):02d}"
    match = re.match(rf"({_YEAR})\s*[./-]\s*(\d{{1,2}})$", token)
    if match and 1 <= int(match.group(2)) <= 12:
        return f"{match.group(1)}-{int(match.group(2)):02d}"
    match = re.match(rf"({_YEAR})$", token)
    return match.group(1) if match else None


def find_range(text: str, *, allow_single: bool = False) -> DateRange | None:
    """The first date range in text ("since X" counts as X to present).

    A lone date only counts when allow_single is set, or when preceded by "since"/"from".
    """
    for match in _RANGE_RE.finditer(text):
        start = normalise_date(match.group("start"))
        if start is None:
            continue
        raw_end = match.group("end")
        lead = match.group(0).lower().lstrip()
        since = lead.startswith(("since", "from")) or bool(_SINCE_RE.search(text[: match.start()]))
        if raw_end is None:
            if since:
                return DateRange(start, "present", match.span())
            if allow_single:
                return DateRange(start, None, match.span())
            continue
        if _PRESENT_RE.match(raw_end.strip()):
            return DateRange(start, "present", match.span())
        end = normalise_date(raw_end)
        if end is not None and end[:4] >= start[:4]:
            return DateRange(start, end, match.span())
    return None


def last_year(text: str) -> int | None:
    """The last plausible year in text (the completion year of an education range)."""
    years = _YEAR_RE.findall(text)
    return int(years[-1]) if years else None


def join_date_cells(text: str) -> str:
    """Join "From" and "To" table cells ("06/2018\tpresent") into one range ("06/2018 – present")."""
    if "\t" not in text:
        return text
    cells = text.split("\t")
    out = [cells[0]]
    for cell in cells[1:]:
        prev = out[-1].strip()
        end = cell.strip()
        if normalise_date(prev) and (normalise_date(end) or _PRESENT_RE.match(end)):
            out[-1] = f"{prev} – {end}"
        else:
            out.append(cell)
    return "\t".join(out)


_OPEN_CELL_RE = re.compile(rf"^\s*{_DATE}\s*(?:-|–|—|−|to)\s*$", re.IGNORECASE)


def join_split_range(first: str, second: str) -> str | None:
    """One row from a dates column wrapped over two lines ("2019 –\tAcme Air" over
    "now\tCaptain"): "2019 – now\tAcme Air\tCaptain", or None when the lines are not such a pair.
    A narrow dates column wraps its range, and each half would otherwise be no date at all."""
    head, _, rest = first.partition("\t")
    tail, _, rest2 = second.partition("\t")
    if not _OPEN_CELL_RE.match(head):
        return None
    tail = tail.strip()
    if not (normalise_date(tail) or _PRESENT_RE.match(tail)):
        return None
    return f"{head.strip()} {tail}\t{rest}\t{rest2}".rstrip("\t")

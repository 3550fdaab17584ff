"""Work experience: one Job per dated header, with title and employer told apart by vocabulary."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from resume_parser.dates import find_range, join_date_cells, join_split_range
from resume_parser.entries import (
    clean,
    fields_below,
    header_after,
    header_before,
    kv_pair,
    score,
    split_parts,
)
from resume_parser.geo import is_place, is_region
from resume_parser.models import Job, Line

_TITLE_WORDS = re.compile(
    r"\b(pilot|captain|commander|officer|fo|sfo|engineer|technician|mechanic|inspector|manager|"
    r"controller|dispatcher|planner|agent|crew|attendant|purser|steward(?:ess)?|instructor|"
    r"examiner|auditor|analyst|specialist|supervisor|director|head|lead|chief|coordinator|"
    r"assistant|scheduler|aerodynamicist|designer|consultant|trainee|cadet|intern|apprentice|"
    r"associate|executive|administrator|representative|handler|marshaller|loadmaster|"
    r"operator|ame|lame|advisor|adviser|officer|president|founder|owner|student|senior|junior|"
    r"clerk|foreman|superintendent|fitter|receptionist)\b",
    re.IGNORECASE,
)
_EMPLOYER_WORDS = re.compile(
    r"\b(airways|airlines?|air|aviation|aero|aerospace|technics|services|ltd|limited|llc|inc|"
    r"gmbh|ag|as|asa|sa|plc|corp|corporation|company|co|group|authority|centre|center|unit|"
    r"airport|academy|industries|charters?|heli|helicopters?|jets?|express|cargo|mro|systems|"
    r"international|university|school|navy|force|army|coastguard|police|agency|administration|"
    r"solutions|holdings|partners|logistics|ab|bv|nv|spa|srl|pty|ministry|department|"
    r"hangar|flight\s+school|ato|rescue|air\s+ambulance)\b",
    re.IGNORECASE,
)
_TITLE_KEYS = {"position", "title", "job title", "role", "rank", "designation"}
_EMPLOYER_KEYS = {"employer", "company", "organisation", "organization", "airline", "operator"}
_DATE_KEYS = {"period", "dates", "date", "from - to", "from", "to", "since", "until", "duration",
              "start", "end"}  # fmt: skip
_DURATION = re.compile(
    r"^\s*\(?\s*\d+\s+(?:years?|yrs?|months?|mos?)(?:\s+\d+\s+(?:months?|mos?))?\s*\)?\s*$|"
    r"\s*\(\s*\d+\s+(?:years?|yrs?|months?|mos?)(?:\s+\d+\s+(?:months?|mos?))?\s*\)\s*$",
    re.IGNORECASE,
)
_CORP_SUFFIX = re.compile(r"^(ltd|limited|inc|llc|plc|gmbh|ag|sa|as|co|corp)\.?$", re.IGNORECASE)


def parse_experience(lines: list[Line]) -> list[Job]:
    """Jobs in resume order from the lines of the experience sections."""
    lines = _join_wrapped_dates(_without_durations(lines))
    header_cols = _column_roles(lines)
    jobs: list[Job] = []
    floor = 0
    for i, line in enumerate(lines):
        if line.bullet or len(line.text.split()) > 20:
            continue
        text = join_date_cells(line.text)
        found = find_range(text)
        if found is None:
            continue
        rest = text[: found.span[0]] + "\t" + text[found.span[1] :]
        kv = kv_pair(line)
        if kv is not None:
            rest = ""
        before = header_before(lines, i, floor)
        below: list[Line] = []
        if kv is not None and not _keyed(before):
            before = below = fields_below(lines, i)
        job, used = _build(rest, before, header_cols, header_after(lines, i))
        # Rows below that this job took are not the next job's header.
        floor = i + 1 + max(used, len(below))
        if job is None:
            continue
        if not job.employer and jobs:
            # Roles grouped under one company heading (LinkedIn, promotions listed together)
            # name the employer once, above the first role.
            job.employer = jobs[-1].employer
        job.start, job.end = found.start, found.end
        jobs.append(job)
    return jobs


def _without_durations(lines: list[Line]) -> list[Line]:
    """Lines without the lengths of stay LinkedIn prints ("6 years 4 months" under a company,
    "(3 years 6 months)" after dates): they are neither a title nor an employer."""
    out: list[Line] = []
    for line in lines:
        text = _DURATION.sub("", line.text).rstrip() if not line.bullet else line.text
        if text:
            out.append(line if text == line.text else replace(line, text=text))
    return out


def _keyed(lines: list[Line]) -> bool:
    """True when the lines label a title or an employer ("Position: …", "Employer: …")."""
    keys = {kv[0] for kv in map(kv_pair, lines) if kv is not None}
    return bool(keys & (_TITLE_KEYS | _EMPLOYER_KEYS))


def _join_wrapped_dates(lines: list[Line]) -> list[Line]:
    """Lines with each dates-column row that wrapped over two lines joined back into one."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        joined = None
        if i + 1 < len(lines) and not lines[i].bullet:
            joined = join_split_range(lines[i].text, lines[i + 1].text)
        if joined is None:
            out.append(lines[i])
            i += 1
        else:
            out.append(Line(joined, bold=lines[i].bold))
            i += 2
    return out


def _column_roles(lines: list[Line]) -> list[str] | None:
    """Roles of table columns from a "Period | Position | Employer" header row, if any."""
    for line in lines:
        cells = [c.strip().lower() for c in line.text.split("\t")]
        if len(cells) < 2:
            continue
        roles = []
        for cell in cells:
            if cell in _TITLE_KEYS:
                roles.append("title")
            elif cell in _EMPLOYER_KEYS:
                roles.append("employer")
            elif cell in _DATE_KEYS:
                roles.append("date")
            else:
                roles.append("")
        if "title" in roles and "employer" in roles:
            return roles
    return None


def _build(
    rest: str, before: list[Line], roles: list[str] | None, after: list[Line]
) -> tuple[Job | None, int]:
    """The job a dates line heads, and how many of the `after` lines it took."""
    kv = {k: v for k, v in (kv_pair(b) or ("", "") for b in before) if k}
    title = next((v for k, v in kv.items() if k in _TITLE_KEYS), None)
    employer = next((v for k, v in kv.items() if k in _EMPLOYER_KEYS), None)
    if title or employer:
        return Job(_employer(employer or ""), clean(title or ""), None, None), 0
    if roles and "\t" in rest.strip("\t"):
        cells = [clean(c) for c in rest.split("\t")]
        if len([c for c in cells if c]) == len([r for r in roles if r != "date"]):
            named = [r for r in roles if r != "date"]
            values = dict(zip(named, [c for c in cells if c], strict=False))
            job = Job(_employer(values.get("employer", "")), values.get("title", ""), None, None)
            return job, 0
    parts = _named(_split_header(rest))
    if len(parts) == 2 and after and _qualified_title(rest, parts, after[0].text):
        # "Air Traffic Controller, Approach and Tower" above "Helvetic Air Navigation AG": the
        # employer has a line of its own, so the comma only qualifies the title.
        return Job(_employer(split_parts(after[0].text)[0]), clean(rest), None, None), 1
    employer_first = False
    used = 0
    if len(parts) < 2:
        pre = [p for b in before for p in _named(split_parts(b.text))]
        # An employer line above a "Title | dates" line is the common two-line layout.
        employer_first = len(before) == 1 and len(parts) == 1
        if employer_first and _is_organisation(parts[0]) and _dash_only(before[0].text):
            # "Ground Instructor – Navigation & Met" above "Acme Flying Academy | dates": the
            # employer has a line of its own, so the dash above only qualifies the title.
            return Job(_employer(parts[0]), clean(before[0].text), None, None), 0
        parts = pre + parts
        while len(parts) < 2 and used < len(after):
            more = used + 1 < len(after)
            used += 1
            # A line that is only a place ("Houston, Texas, United States") says where the role
            # was, and ends the header: the lines below belong to the next entry.
            if _is_place_line(clean(after[used - 1].text)):
                break
            parts = _named(parts + _after_parts(after[used - 1].text, whole=bool(parts) or more))
    if not parts:
        return None, used
    if len(parts) == 1:
        return Job("", parts[0], None, None), used
    return _assign(parts, employer_first=employer_first), used


def _after_parts(text: str, *, whole: bool) -> list[str]:
    """Parts of a header line below the dates. When another part is at hand (or another line
    follows), the line is one part: "Riad Zitoune Hotel, Marrakech" is an employer and its town,
    "First Officer, CRJ700/900" a title and its aircraft; neither tail is a part of its own."""
    parts = split_parts(text)
    if whole and len(parts) == 2 and clean(text) == f"{parts[0]}, {parts[1]}":
        if is_place(parts[1]):
            return parts[:1]
        if len(parts[1].split()) <= 3 and not _is_organisation(parts[1]):
            return [clean(text)]
    return parts


def _qualified_title(rest: str, parts: list[str], below: str) -> bool:
    """True when the header is "Title, qualifier" (a comma, the tail no organisation's name)
    and the line below starts with an organisation's name."""
    below_parts = split_parts(below)
    return (
        clean(rest) == f"{parts[0]}, {parts[1]}"
        and score(parts[0], _TITLE_WORDS) > 0
        and not _is_organisation(parts[0])
        and not score(parts[1], _EMPLOYER_WORDS)
        and bool(below_parts)
        and _is_organisation(below_parts[0])
    )


def _split_header(text: str) -> list[str]:
    """Header parts, with "TRI / SFI – Q400 & ATR 72, Lakeshore Sim Centre" read as title, then
    employer: a title may hold a dash of its own, which would otherwise win as the separator and
    leave the title's qualifier in front of the employer."""
    parts = split_parts(text)
    if len(parts) != 2 or ", " not in parts[1]:
        return parts
    head, tail = parts[1].split(", ", 1)
    if (
        score(tail, _EMPLOYER_WORDS)
        and not score(head, _EMPLOYER_WORDS) + score(head, _TITLE_WORDS)
        and not score(parts[0], _EMPLOYER_WORDS)
    ):
        whole = clean(text)
        start = whole.find(parts[0])
        end = whole.find(head, start + len(parts[0]))
        if start >= 0 and end >= 0:
            return [whole[start : end + len(head)], tail]
    return parts


def _dash_only(text: str) -> bool:
    """True when only a dash splits the text ("Captain – A330"): no tab, bar, comma or "at"."""
    parts = split_parts(text)
    return len(parts) == 2 and not re.search(r"\t|\s[|·•]\s|,\s|\s(?:at|@|with)\s", text)


def _assign(parts: list[str], *, employer_first: bool) -> Job:
    """Pick which part is the title and which the employer; the rest are places."""
    best: tuple[int, int, int] | None = None
    pick = (0, 1)
    for t in range(len(parts)):
        for e in range(len(parts)):
            if t == e or is_place(parts[e]) or _CORP_SUFFIX.match(parts[e]):
                continue
            gain = score(parts[t], _TITLE_WORDS) - score(parts[t], _EMPLOYER_WORDS)
            # "Duluth, MN" and "Fjellvind Flyskole, Stavanger" look alike: a name before a place
            # is only a poor employer, taken when the other parts fit worse.
            gain -= int(_is_place(parts[e]))
            gain += score(parts[e], _EMPLOYER_WORDS) - score(parts[e], _TITLE_WORDS)
            # Ties go to the usual order: "Title, Employer" unless the layout says otherwise.
            order = (e < t) if employer_first else (t < e)
            key = (gain, int(order), -abs(t - e))
            if best is None or key > best:
                best, pick = key, (t, e)
    if best is None:
        return Job("", parts[0], None, None)
    t, e = pick
    employer = parts[e]
    if e + 1 < len(parts) and _CORP_SUFFIX.match(parts[e + 1]):
        employer += ", " + parts[e + 1]
    return Job(_employer(employer), parts[t], None, None)


def _named(parts: list[str]) -> list[str]:
    """Drop place names after the first part of a header: known places ("Singapore", "GA"),
    "Town, ST" and a town right after an organisation's name ("Acme Aero Services, Tavistock")."""
    named = parts[:1]
    for before, part in itertools.pairwise(parts):
        if _is_place(part) or (_is_town(part) and _is_organisation(before)):
            continue
        named.append(part)
    return named


def _is_place(text: str) -> bool:
    """A known place, or towns before one ("Duluth, MN", "Sandnes, Rogaland, Norway")."""
    if is_place(text):
        return True
    pieces = text.split(", ")
    return len(pieces) > 1 and is_place(pieces[-1]) and all(map(_is_town, pieces[:-1]))


def _is_place_line(text: str) -> bool:
    """Towns before a country or state ("Houston, Texas, United States")."""
    pieces = text.split(", ")
    return len(pieces) > 1 and is_region(pieces[-1]) and all(map(_is_town, pieces[:-1]))


def _is_town(text: str) -> bool:
    """One to three capitalised words that name no role nor organisation kind."""
    words = text.split()
    return (
        0 < len(words) <= 3
        and all(word[:1].isupper() for word in words)
        and not score(text, _TITLE_WORDS)
        and not score(text, _EMPLOYER_WORDS)
    )


def _is_organisation(text: str) -> bool:
    return score(text, _EMPLOYER_WORDS) > score(text, _TITLE_WORDS)


def _employer(text: str) -> str:
    """Drop a trailing "(City)" or ", City" from an employer name."""
    text = clean(re.sub(r"\s*\([^)]*\)\s*$", "", text))
    if ", " in text:
        head, tail = text.split(", ", 1)
        if not _CORP_SUFFIX.match(tail.split(",")[0].strip()):
            text = head
    return text

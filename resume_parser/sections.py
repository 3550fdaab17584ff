"""Section splitting: which lines are headings, and which kind of section each one opens.

Headings are recognised by their wording (many variants per kind) and confirmed by how they are
set: a heading style or bigger bold font, capitals, Markdown, a trailing colon or a short line
of its own. Unknown wordings only open a section when the layout clearly marks a heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from resume_parser.dates import find_range
from resume_parser.models import Line

# Order matters: the first kind whose pattern matches wins ("Training & Education" is education,
# "Certificates & Licences" is licences, "Career Objective" is a summary, "Skills Summary" is
# skills).
_KINDS: list[tuple[str, re.Pattern[str]]] = [
    (
        "hours",
        re.compile(
            r"\b(flight|flying)\s+(time|hours|experience)\b|^hours\b|\blog\s*book\b|\bhours\b"
        ),
    ),
    (
        "skills",
        re.compile(
            r"\bskills?\b|\bcompetenc|\bexpertise\b|\bstrengths\b|\babilities\b|\bproficienc"
        ),
    ),
    (
        "summary",
        re.compile(
            # "About" alone heads the summary; "About the company" heads nothing of the kind.
            r"\b(summary|profile|objective|statement|about\s+me|overview|introduction|"
            r"who\s+i\s+am|in\s+brief|personal\s+profile)\b|^about$"
        ),
    ),
    # Cabin crew list the types they are qualified on as a rating holder lists type ratings.
    (
        "licences",
        re.compile(
            r"\blicen[cs]es?\b|\bratings?\b|\bendorsements?\b|\btype\s+qualifications?\b|"
            r"\baircraft\s+types?\b"
        ),
    ),
    (
        "education",
        re.compile(
            r"\beducation|\bacademic|\bdegrees?\b|\bschooling\b|\bqualifications\b|\bstudies\b"
        ),
    ),
    (
        "certifications",
        re.compile(
            r"\bcertif|\bcourses?\b|\btraining\b|\baccreditations?\b|professional development"
        ),
    ),
    (
        "experience",
        re.compile(
            r"\bexperience\b|\bemployment\b|\bwork\b|\bcareer\b|\bhistory\b|\bbackground\b|"
            r"\bpositions\b|\bappointments\b"
        ),
    ),
    ("languages", re.compile(r"\blanguages?\b")),
    (
        "other",
        re.compile(
            r"\bpersonal\b|\binformation\b|\binterests\b|\bhobbies\b|\breferences?\b|\bchecks\b|"
            r"\bmemberships?\b|\bawards?\b|\bachievements\b|\bpublications\b|\bvolunteer|"
            r"\bprojects\b|\bcontact\b|\bdetails\b|\bactivities\b"
        ),
    ),
]
# An inline "Heading: content" line only opens these kinds ("Skills: A, B").
_INLINE_KINDS = {"skills", "languages", "certifications", "licences"}
_INLINE_RE = re.compile(r"^([A-Za-z][A-Za-z &/]{2,40}):\s+(\S.*)$")
# Names of organisations and job titles that happen to contain a heading word
# ("Aero Skills Institute", "Training Captain").
_ENTITY_RE = re.compile(
    r"\b(institute|academy|university|college|school|centre|center|airways|airlines|aviation|"
    r"aero|ltd|inc|gmbh|captain|pilot|officer|engineer|manager|instructor|technician)\b",
    re.IGNORECASE,
)
# Font size, relative to the body, that marks a heading on its own.
_BIG = 1.3
_NUMBERING_RE = re.compile(r"^(?:\d{1,2}[.)]|[IVX]{1,4}\.)\s+")


@dataclass(slots=True)
class Section:
    """A run of lines under one heading."""

    kind: str
    title: str
    lines: list[Line] = field(default_factory=list)


@dataclass(slots=True)
class Document:
    """A resume split into the lines before the first heading and its sections."""

    preamble: list[Line]
    sections: list[Section]

    def of(self, *kinds: str) -> list[Section]:
        """Sections of the given kinds, in document order."""
        return [s for s in self.sections if s.kind in kinds]

    def lines_of(self, *kinds: str) -> list[Line]:
        """All lines of the sections of the given kinds."""
        return [line for s in self.of(*kinds) for line in s.lines]


def classify_heading(text: str) -> str | None:
    """The section kind a heading wording names, or None."""
    norm = _NUMBERING_RE.sub("", text).strip(" :-–—|*#[]()").lower().replace("’", "'")
    if not norm or len(norm) > 50 or len(norm.split()) > 6:
        return None
    if any(ch.isdigit() for ch in norm) or "@" in norm:
        return None
    for kind, pattern in _KINDS:
        if pattern.search(norm):
            return kind
    return None


def split_sections(lines: list[Line]) -> Document:
    """Split lines into a preamble and sections."""
    preamble: list[Line] = []
    sections: list[Section] = []
    # When the layout marks its headings, unmarked lines need more to count as one.
    marked = [ln for ln in lines if _styled(ln) and classify_heading(ln.text) is not None]
    strict = len(marked) >= 3
    # When it marks them with a heading style, a bold line in a table's cell beside a dates cell
    # is the entry's emphasis: "10.2017 – 12.2019 | Integrated ATPL training" names a course, not
    # a "Training" section.
    by_style = sum(1 for ln in marked if ln.heading) >= 3
    previous = ""
    for line in lines:
        current = sections[-1].kind if sections else None
        emphasis = by_style and line.bold and not line.heading and _bare_range(previous)
        previous = line.text
        kind, rest = _heading_of(
            line, current, started=bool(sections), strict=strict, emphasis=emphasis
        )
        if kind is not None:
            sections.append(Section(kind, line.text if rest is None else line.text.split(":")[0]))
            if rest:
                sections[-1].lines.append(Line(rest))
        elif sections:
            sections[-1].lines.append(line)
        else:
            preamble.append(line)
    return Document(preamble, sections)


def _bare_range(text: str) -> bool:
    """True for a line that is only a date range ("10.2017 – 12.2019", "Since 04.2023")."""
    found = find_range(text)
    if found is None:
        return False
    start, end = found.span
    return not re.search(r"[A-Za-z]{3,}", text[:start] + text[end:])


def _styled(line: Line) -> bool:
    return line.heading or (line.bold and not line.bullet)


def _heading_of(
    line: Line, current: str | None, *, started: bool, strict: bool, emphasis: bool
) -> tuple[str | None, str | None]:
    """(kind, inline content) when the line is a heading, else (None, None)."""
    if line.bullet:
        return None, None
    text = line.text
    if "\t" in text:
        return None, None
    match = _INLINE_RE.match(text)
    if match:
        kind = classify_heading(match.group(1))
        if kind in _INLINE_KINDS and kind != current:
            return kind, match.group(2)
        return None, None
    kind = classify_heading(text)
    if kind is not None and (line.heading or _set_apart(line, strict=strict, emphasis=emphasis)):
        return kind, None
    if kind is None and line.heading and started and len(text.split()) <= 5:
        return "other", None
    return None, None


def _set_apart(line: Line, *, strict: bool, emphasis: bool) -> bool:
    """A line not styled as a heading but set like one (bold, capitals, a colon, Title Case);
    with emphasis set, bold is not enough."""
    text = line.text
    if _ENTITY_RE.search(text):
        return False
    if line.bold and not emphasis:
        return True
    # A markedly bigger font sets a heading apart without bold (LinkedIn's "Save to PDF" sets
    # its main-column headings large and regular, its sidebar headings bold).
    if line.size >= _BIG:
        return True
    stripped = text.strip(" :")
    letters = [c for c in stripped if c.isalpha()]
    if (letters and all(c.isupper() for c in letters)) or text.endswith(":"):
        return True
    if strict:
        return False
    words = [w for w in re.split(r"[\s&/]+", stripped) if w]
    small = {"and", "of", "the", "&", "in", "for", "to", "a"}
    return len(words) <= 4 and all(w[0].isupper() or w.lower() in small for w in words)

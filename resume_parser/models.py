"""Result types of the resume parser: ParsedResume (the truth-format fields) and ParseResult."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = "1.0"

Status = Literal[
    "parsed",
    "no_text",
    "encrypted",
    "corrupt",
    "too_large",
    "too_complex",
    "unsupported_type",
    "parse_timeout",
    "parse_memory",
]
Kind = Literal["pdf", "docx", "txt"]


@dataclass(slots=True)
class Line:
    """One line of extracted text with the layout hints the extractor could see."""

    text: str
    heading: bool = False  # styled like a heading (Heading style, larger bold font, ## ...)
    size: float = 0.0  # font size relative to the body text (1.0 = body); 0 when unknown
    bullet: bool = False  # a list item (bullet glyph or a list paragraph style)
    bold: bool = False  # the whole line is bold


@dataclass(slots=True)
class Location:
    """The candidate's own location."""

    city: str | None
    country: str | None  # ISO 3166-1 alpha-2


@dataclass(slots=True)
class Job:
    """One position held: dates are "YYYY-MM", "YYYY" or "present"."""

    employer: str
    title: str
    start: str | None
    end: str | None


@dataclass(slots=True)
class Education:
    """One education or training entry; year is the year completed."""

    institution: str
    degree: str
    year: int | None


@dataclass(slots=True)
class ParsedResume:
    """Everything the parser extracts from one resume (schema 1.0 of TRUTH_FORMAT.md)."""

    name: str | None = None
    email: str | None = None
    phone: str | None = None
    location: Location | None = None
    summary: str | None = None
    skills: list[str] = field(default_factory=list)
    experience: list[Job] = field(default_factory=list)
    education: list[Education] = field(default_factory=list)
    licences: list[str] = field(default_factory=list)
    type_ratings: list[str] = field(default_factory=list)
    total_hours: int | None = None
    pic_hours: int | None = None
    medical_class: int | None = None
    certifications: list[str] = field(default_factory=list)
    confidence: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """The truth JSON shape, with schema_version and confidence."""
        data = asdict(self)
        return {"schema_version": SCHEMA_VERSION, **data}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ParsedResume:
        """Rebuild from to_dict() output (used to pass results out of the child process)."""
        loc = data.get("location")
        return cls(
            name=data.get("name"),
            email=data.get("email"),
            phone=data.get("phone"),
            location=Location(**loc) if loc else None,
            summary=data.get("summary"),
            skills=list(data.get("skills", [])),
            experience=[Job(**j) for j in data.get("experience", [])],
            education=[Education(**e) for e in data.get("education", [])],
            licences=list(data.get("licences", [])),
            type_ratings=list(data.get("type_ratings", [])),
            total_hours=data.get("total_hours"),
            pic_hours=data.get("pic_hours"),
            medical_class=data.get("medical_class"),
            certifications=list(data.get("certifications", [])),
            confidence=float(data.get("confidence", 0.0)),
        )


@dataclass(slots=True)
class ParseResult:
    """Outcome of one parse. message never contains resume text."""

    status: Status
    kind: Kind | None = None
    resume: ParsedResume | None = None
    message: str = ""

    @property
    def ok(self) -> bool:
        """True when the resume was parsed."""
        return self.status == "parsed"


class ParseFailure(Exception):
    """Raised inside the parser when a file cannot be parsed; carries the result status."""

    def __init__(self, status: Status, message: str) -> None:
        super().__init__(message)
        self.status: Status = status
        self.message = message

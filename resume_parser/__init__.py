"""Resume parsing for AeroScrap: PDF, DOCX and TXT to the fields of TRUTH_FORMAT.md."""

from __future__ import annotations

from resume_parser.api import parse_bytes, parse_resume
from resume_parser.models import Education, Job, Location, ParsedResume, ParseResult

__all__ = [
    "Education",
    "Job",
    "Location",
    "ParseResult",
    "ParsedResume",
    "parse_bytes",
    "parse_resume",
]

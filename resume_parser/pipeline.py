"""The parse itself, as run inside the sandbox child: bytes in, ParseResult out."""

from __future__ import annotations

from resume_parser import geo
from resume_parser.docx import extract_docx
from resume_parser.fields import build_resume
from resume_parser.models import Kind, Line, ParseFailure, ParseResult
from resume_parser.pdf import check_streams, extract_pdf
from resume_parser.text import decode, lines_from_text

MAX_TEXT_CHARS = 200_000


def parse_data(data: bytes, kind: Kind) -> ParseResult:
    """Extract and parse one resume of a known kind; never raises for a bad file."""
    try:
        lines = _extract(data, kind)
        if sum(len(line.text) for line in lines) > MAX_TEXT_CHARS:
            raise ParseFailure("too_large", f"the resume holds over {MAX_TEXT_CHARS} characters")
        if not any(any(ch.isalnum() for ch in line.text) for line in lines):
            raise ParseFailure("no_text", f"no text found in the {kind.upper()}")
        resume = build_resume(lines)
    except ParseFailure as failure:
        return ParseResult(failure.status, kind, None, failure.message)
    except MemoryError:
        return ParseResult("parse_memory", kind, None, "the parser ran out of memory")
    except RecursionError:
        return ParseResult("too_complex", kind, None, "the file is nested too deeply")
    return ParseResult("parsed", kind, resume, "")


def _extract(data: bytes, kind: Kind) -> list[Line]:
    if kind == "pdf":
        check_streams(data)
        return extract_pdf(data)
    if kind == "docx":
        return extract_docx(data)
    return lines_from_text(decode(data))


def warm() -> None:
    """Load lazily built tables before the sandbox server starts forking children."""
    geo.warm()

"""The parse itself, as run inside the sandbox child: bytes in, ParseResult out."""

from __future__ import annotations

import contextlib
import io

import docx

from resume_parser import geo
from resume_parser.docx import extract_docx
from resume_parser.fields import build_resume
from resume_parser.models import Kind, Line, ParseFailure, ParseResult
from resume_parser.pdf import check_streams, extract_pdf
from resume_parser.text import decode, lines_from_text

MAX_TEXT_CHARS = 200_000
# A one-line PDF in a standard font: opening it loads pdfium's font and text machinery.
_WARM_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R"
    b"/Resources<</Font<</F1 5 0 R/F2 6 0 R>>>>>>endobj\n"
    b"4 0 obj<</Length 90>>stream\nBT /F1 12 Tf 72 720 Td (Warm up) Tj ET "
    b"BT /F2 18 Tf 72 700 Td (Bold line) Tj ET\nendstream endobj\n"
    b"5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n"
    b"6 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica-Bold>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


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
    """Load lazily built tables and code paths before the sandbox server forks children.

    Whatever is loaded here is shared by every child; whatever is not is paid for per file.
    """
    geo.warm()
    sample = (
        "Jane Doe\njane@example.com | +44 7700 900123 | London, UK\nSUMMARY\nPilot.\n"
        "EXPERIENCE\nCaptain, Example Air\nJan 2019 - Present\nEDUCATION\nBSc, X University 2010"
    )
    build_resume(lines_from_text(sample))
    with contextlib.suppress(ParseFailure):
        extract_docx(_blank_docx())
    with contextlib.suppress(ParseFailure):
        extract_pdf(_WARM_PDF)


def _blank_docx() -> bytes:
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return buffer.getvalue()

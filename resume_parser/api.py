"""Public entry points: parse_resume(path) and parse_bytes(data)."""

from __future__ import annotations

from pathlib import Path

from resume_parser.models import ParseFailure, ParseResult
from resume_parser.sniff import sniff

MAX_FILE_BYTES = 5 * 1024 * 1024


def parse_resume(path: str | Path, *, sandbox: bool = True) -> ParseResult:
    """Parse the resume file at path (PDF, DOCX or TXT, told apart by content)."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        return ParseResult("corrupt", None, None, f"cannot read file: {exc.strerror}")
    if size > MAX_FILE_BYTES:
        return ParseResult(
            "too_large", None, None, f"file is {size} bytes (limit {MAX_FILE_BYTES})"
        )
    with path.open("rb") as handle:
        data = handle.read(MAX_FILE_BYTES + 1)
    return parse_bytes(data, path.name, sandbox=sandbox)


def parse_bytes(data: bytes, filename: str | None = None, *, sandbox: bool = True) -> ParseResult:
    """Parse resume bytes; filename is informational only, never used to pick the parser."""
    del filename  # the type comes from magic bytes only (RELIABILITY.md A12)
    if len(data) > MAX_FILE_BYTES:
        return ParseResult(
            "too_large", None, None, f"file is {len(data)} bytes (limit {MAX_FILE_BYTES})"
        )
    if not data.strip():
        return ParseResult("no_text", "txt" if data else None, None, "the file is empty")
    try:
        kind = sniff(data)
    except ParseFailure as failure:
        return ParseResult(failure.status, None, None, failure.message)
    if sandbox:
        from resume_parser.worker import parse_sandboxed

        return parse_sandboxed(data, kind)
    from resume_parser.pipeline import parse_data

    return parse_data(data, kind)

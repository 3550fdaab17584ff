"""File type detection by magic bytes only; the name and Content-Type are never trusted."""

from __future__ import annotations

import io
import zipfile

from resume_parser.models import Kind, ParseFailure

_PDF_MAGIC = b"%PDF-"
_ZIP_MAGIC = b"PK\x03\x04"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Markup and binary formats that contain no NUL byte but are not resumes.
_MARKUP_PREFIXES = (b"<!doctype", b"<html", b"<?xml", b"<head", b"<body", b"<svg", b"<script")
_UNSUPPORTED = "unsupported file type (expected PDF, DOCX or TXT)"


def sniff(data: bytes) -> Kind:
    """Return the kind of a resume file; raise ParseFailure("unsupported_type") otherwise."""
    if data.startswith(_PDF_MAGIC):
        return "pdf"
    if data.startswith(_ZIP_MAGIC):
        return _sniff_zip(data)
    if _looks_like_text(data):
        return "txt"
    raise ParseFailure("unsupported_type", _UNSUPPORTED)


def _sniff_zip(data: bytes) -> Kind:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise ParseFailure("corrupt", "damaged ZIP container") from exc
    if "word/document.xml" not in names:
        raise ParseFailure("unsupported_type", _UNSUPPORTED)
    return "docx"


def _looks_like_text(data: bytes) -> bool:
    if data.startswith(_UTF16_BOMS):
        try:
            decoded = data.decode("utf-16")
        except UnicodeDecodeError:
            return False
        return "\x00" not in decoded and not _is_markup(decoded[:64].encode("utf-8", "ignore"))
    if b"\x00" in data:
        return False
    if _is_markup(data[:256]):
        return False
    sample = data[:4096]
    # Control bytes other than whitespace mean a binary format without NULs.
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls <= len(sample) // 100


def _is_markup(head: bytes) -> bool:
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return stripped.startswith(_MARKUP_PREFIXES)

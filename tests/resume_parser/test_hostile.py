"""Hostile and odd files (RELIABILITY.md A12-A17): each gets a status, never an exception."""

from __future__ import annotations

import io
import os
import signal
import zipfile
from pathlib import Path

import pytest

from resume_parser import parse_bytes, parse_resume
from resume_parser.worker import _crash
from tests.resume_parser.builders import (
    FIXTURES,
    docx_bomb,
    docx_with,
    flate_bomb_pdf,
    page_pdf,
    text_pdf,
)


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64, "photo.pdf"),
        (_zip({"notes.txt": b"hello"}), "cv.docx"),
        (b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 120, "cv.txt"),
        (b"<!DOCTYPE html><html><body>Jane Doe</body></html>", "cv.txt"),
        (b"  <html><head></head><body>x</body></html>", "cv.pdf"),
        (b"Jane Doe\x00\x00Pilot", "cv.txt"),
    ],
    ids=["png-as-pdf", "zip-not-docx", "elf", "html-doctype", "html", "text-with-nul"],
)
def test_non_resume_is_unsupported(data: bytes, name: str) -> None:
    result = parse_bytes(data, name)
    assert result.status == "unsupported_type"
    assert result.resume is None
    assert "unsupported file type" in result.message


def test_encrypted_pdf() -> None:
    encrypt = b"<</Filter/Standard/V 1/R 2/O<" + b"11" * 32 + b">/U<" + b"22" * 32 + b">/P -4>>"
    ident = b"<00112233445566778899aabbccddeeff>"
    data = page_pdf(
        b"BT /F1 12 Tf 72 720 Td (Secret) Tj ET",
        extra=[encrypt],
        trailer_extra=b"/Encrypt 6 0 R/ID[" + ident + ident + b"]",
    )
    result = parse_bytes(data)
    assert (result.status, result.kind) == ("encrypted", "pdf")


def test_pdf_without_text_is_no_text() -> None:
    result = parse_bytes(page_pdf(b"0 0 1 rg 72 72 200 200 re f"))
    assert (result.status, result.kind) == ("no_text", "pdf")


def test_pdf_with_too_many_pages_is_too_complex() -> None:
    result = parse_bytes(page_pdf(b"BT /F1 12 Tf 72 720 Td (Page) Tj ET", pages=25))
    assert result.status == "too_complex"


def test_damaged_pdf_is_corrupt() -> None:
    assert parse_bytes(b"%PDF-1.7\n garbage without objects").status == "corrupt"


@pytest.mark.slow
def test_flate_bomb_pdf_is_stopped() -> None:
    result = parse_bytes(flate_bomb_pdf(400))
    assert result.status in {"too_large", "parse_memory"}
    assert result.resume is None


def test_docx_zip_bomb_is_too_large() -> None:
    data = docx_bomb(60)
    assert len(data) < 1024 * 1024
    assert parse_bytes(data).status == "too_large"


def test_docx_with_doctype_is_corrupt() -> None:
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
    )
    result = parse_bytes(docx_with({"word/document.xml": xxe}))
    assert (result.status, result.kind) == ("corrupt", "docx")


def test_oversize_file_is_too_large(tmp_path: Path) -> None:
    big = tmp_path / "big.pdf"
    big.write_bytes(b"%PDF-1.4\n" + os.urandom(5 * 1024 * 1024))
    assert parse_resume(big).status == "too_large"


def test_empty_txt_is_no_text() -> None:
    assert parse_bytes(b"").status == "no_text"
    assert parse_bytes(b"  \n\n ").status == "no_text"


def test_latin1_txt_is_decoded() -> None:
    text = "José Müller\nEmail: jose.muller@example.com\nLocation: Málaga, Spain\n"
    result = parse_bytes(text.encode("latin-1"))
    assert result.status == "parsed" and result.resume is not None
    assert result.resume.name == "José Müller"
    assert result.resume.location is not None and result.resume.location.country == "ES"


def test_utf16_txt_is_decoded() -> None:
    text = "Kenji Watanabe\nkenji@example.jp\nTokyo, Japan\n"
    result = parse_bytes(text.encode("utf-16"))
    assert result.status == "parsed" and result.resume is not None
    assert result.resume.email == "kenji@example.jp"
    assert result.resume.location is not None and result.resume.location.country == "JP"


def test_text_pdf_made_here_parses() -> None:
    data = text_pdf(["Maria Lopez", "maria.lopez@example.com", "Madrid, Spain"])
    result = parse_bytes(data)
    assert result.status == "parsed" and result.resume is not None
    assert (result.resume.name, result.resume.email) == ("Maria Lopez", "maria.lopez@example.com")


def test_message_never_holds_resume_text() -> None:
    result = parse_bytes(b"secret.person@example.com\x00binary")
    assert "secret" not in result.message


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (signal.SIGXCPU, "parse_timeout"),
        (signal.SIGKILL, "parse_timeout"),
        (signal.SIGSEGV, "parse_memory"),
        (signal.SIGABRT, "parse_memory"),
    ],
)
def test_dead_child_maps_to_status(status: int, expected: str) -> None:
    # A raw wait status whose low bits are the signal number means "killed by that signal".
    assert _crash(status, "pdf")["status"] == expected


def _rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


@pytest.mark.slow
def test_caller_rss_does_not_grow() -> None:
    parse_resume(FIXTURES / "02_air_traffic_controller_arjun_menon.pdf")  # start the worker
    bomb = flate_bomb_pdf(400)
    zip_bomb = docx_bomb(60)
    before = _rss_kb()
    for _ in range(3):
        assert parse_bytes(bomb).status in {"too_large", "parse_memory"}
        assert parse_bytes(zip_bomb).status == "too_large"
    for path in sorted(FIXTURES.glob("*.pdf")) + sorted(FIXTURES.glob("*.docx")):
        assert parse_resume(path).status == "parsed"
    assert _rss_kb() - before < 20 * 1024

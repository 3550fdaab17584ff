"""Builders for hostile and odd resume files, made in the test rather than stored."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


def make_pdf(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    """A PDF with a correct xref table from numbered object bodies (1 = catalog)."""
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<</Size %d/Root 1 0 R%s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        trailer_extra,
        xref,
    )
    return out


def page_pdf(content: bytes, *, pages: int = 1, extra: list[bytes] | None = None,
             trailer_extra: bytes = b"", stream_dict: bytes = b"") -> bytes:  # fmt: skip
    """A PDF of `pages` pages sharing one content stream in Helvetica."""
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[%s]/Count %d>>" % (kids, pages),
        b"<</Length %d%s>>stream\n" % (len(content), stream_dict) + content + b"\nendstream",
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
    ]
    objects += [
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 3 0 R"
        b"/Resources<</Font<</F1 4 0 R>>>>>>"
    ] * pages
    return make_pdf(objects + (extra or []), trailer_extra)


def text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF showing the given lines."""
    ops = []
    y = 740
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"BT /F1 11 Tf 72 {y} Td ({escaped}) Tj ET")
        y -= 16
    return page_pdf("\n".join(ops).encode("latin-1"))


def flate_bomb_pdf(inflated_mb: int) -> bytes:
    """A page whose FlateDecode content stream inflates to inflated_mb MiB of spaces."""
    packer = zlib.compressobj(9)
    chunk = b" " * (1024 * 1024)
    packed = b"".join(packer.compress(chunk) for _ in range(inflated_mb)) + packer.flush()
    return page_pdf(packed, stream_dict=b"/Filter/FlateDecode")


def docx_with(replacements: dict[str, bytes], base: Path | None = None) -> bytes:
    """A copy of a fixture DOCX with some members replaced."""
    base = base or FIXTURES / "11_maintenance_engineer_gulsen_aydin.docx"
    out = io.BytesIO()
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = replacements.get(info.filename, src.read(info))
            dst.writestr(info.filename, data)
    return out.getvalue()


def docx_bomb(inflated_mb: int) -> bytes:
    """A DOCX whose document.xml inflates to inflated_mb MiB, streamed so memory stays flat."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        dst.writestr("[Content_Types].xml", b"<Types/>")
        with dst.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(b"<w:document>")
            chunk = b"<w:p/>" * (1024 * 1024 // 6)
            for _ in range(inflated_mb):
                member.write(chunk)
            member.write(b"</w:document>")
    return out.getvalue()

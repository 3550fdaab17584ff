"""DOCX text extraction: a ZIP pre-check against bombs and XXE, then python-docx.

python-docx reads each ZIP member whole, so the sizes are checked from the central directory
first (zipfile never inflates past a member's declared size). A DOCTYPE has no place in
OOXML; refusing it stops entity tricks before any XML parser sees the part.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING

import docx
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from resume_parser.dates import find_range
from resume_parser.models import Line, ParseFailure
from resume_parser.sections import classify_heading
from resume_parser.text import BULLET_RE, strip_markup

if TYPE_CHECKING:
    from collections.abc import Iterator

    from docx.document import Document

MAX_ENTRIES = 200
MAX_UNCOMPRESSED = 50 * 1024 * 1024
MAX_RATIO = 100
MAX_CHARS = 200_000
_RATIO_FLOOR = 1024 * 1024  # tiny members compress wildly; only large ones can be bombs
_DOCTYPE_MARKS = tuple("<!doctype".encode(enc) for enc in ("ascii", "utf-16-le", "utf-16-be"))
_EMU_PER_PT = 12700
_BODY_PT = 11.0


def check_zip(data: bytes) -> None:
    """Reject ZIP bombs (too_large) and any XML part with a DOCTYPE (corrupt)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise ParseFailure("corrupt", "damaged ZIP container") from exc
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES:
            raise ParseFailure("too_large", f"DOCX has {len(infos)} parts (limit {MAX_ENTRIES})")
        total = sum(i.file_size for i in infos)
        packed = sum(i.compress_size for i in infos)
        if total > MAX_UNCOMPRESSED:
            raise ParseFailure("too_large", f"DOCX inflates to {total} bytes")
        for info in infos:
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > _RATIO_FLOOR and ratio > MAX_RATIO:
                raise ParseFailure("too_large", f"DOCX part compressed {ratio:.0f}:1")
        if total > _RATIO_FLOOR and total / max(packed, 1) > MAX_RATIO:
            raise ParseFailure("too_large", "DOCX compression ratio over limit")
        for info in infos:
            if info.filename.endswith((".xml", ".rels")):
                try:
                    head = archive.read(info).lower()
                except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
                    raise ParseFailure("corrupt", "damaged DOCX part") from exc
                if any(mark in head for mark in _DOCTYPE_MARKS):
                    raise ParseFailure("corrupt", "DOCX part declares a DOCTYPE")


def extract_docx(data: bytes) -> list[Line]:
    """Extract Lines (headers, body paragraphs and tables in order, footers) from DOCX bytes."""
    check_zip(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many types (KeyError, XMLSyntaxError, ...)
        raise ParseFailure("corrupt", "the DOCX cannot be read") from exc
    lines: list[Line] = []
    seen_parts: set[int] = set()
    for section in document.sections:
        if id(section.header.part) not in seen_parts and not section.header.is_linked_to_previous:
            seen_parts.add(id(section.header.part))
            lines.extend(_block_lines(section.header.iter_inner_content()))
    lines.extend(_block_lines(_body(document)))
    for section in document.sections:
        if not section.footer.is_linked_to_previous:
            lines.extend(_block_lines(section.footer.iter_inner_content()))
    if sum(len(line.text) for line in lines) > MAX_CHARS:
        raise ParseFailure("too_large", f"the DOCX holds over {MAX_CHARS} characters")
    return lines


def _body(document: Document) -> Iterator[Paragraph | Table]:
    return document.iter_inner_content()


def _block_lines(blocks: Iterator[Paragraph | Table]) -> list[Line]:
    lines: list[Line] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            lines.extend(_paragraph_lines(block))
        else:
            lines.extend(_table_lines(block))
    return lines


def _paragraph_lines(par: Paragraph) -> list[Line]:
    # The raw style id, not par.style: python-docx resolves a style by scanning every style.
    ppr = par._p.pPr
    style = (ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else "") or ""
    runs = [r for r in par.runs if r.text.strip()]
    sizes = [r.font.size / _EMU_PER_PT for r in runs if r.font.size]
    size = max(sizes) / _BODY_PT if sizes else 0.0
    if style == "Title":
        size = max(size, 2.0)
    bold = bool(runs) and all(r.bold for r in runs)
    heading = style.startswith("Heading") or (bold and size > 1.05)
    bullet = "List" in style or (ppr is not None and ppr.numPr is not None)
    lines = []
    for part in par.text.split("\n"):
        # Runs of spaces or tabs inside a paragraph separate columns (date  title at employer).
        text = strip_markup(re.sub(r"(?<=\S)(?: {2,}|\t+)(?=\S)", "\t", part.strip()))
        if BULLET_RE.match(text):
            text, bullet = BULLET_RE.sub("", text, count=1), True
        if text:
            lines.append(Line(text, heading=heading, size=size, bullet=bullet, bold=bold))
    return lines


def _table_lines(table: Table) -> list[Line]:
    lines: list[Line] = []
    for row in table.rows:
        cells: list[_Cell] = []
        for cell in row.cells:
            if not any(cell is c or cell._tc is c._tc for c in cells):
                cells.append(cell)
        texts = [c.text.strip() for c in cells]
        if len(cells) == 2 and _label_like(texts[0]) and _section_body(texts[1]):
            # A "SECTION | content" row: the left cell heads the right one.
            lines.append(Line(texts[0], heading=True))
            lines.extend(_block_lines(cells[1].iter_inner_content()))
        elif all("\n" not in t for t in texts):
            joined = "\t".join(strip_markup(t) for t in texts if t)
            if joined:
                lines.append(Line(joined))
        else:
            for cell in cells:
                lines.extend(_block_lines(cell.iter_inner_content()))
    return lines


def _label_like(text: str) -> bool:
    """A section heading in a table's left cell. A label no heading wording names ("Aircraft",
    "Medical") heads a column or a value of its own table row, inside the current section."""
    return (
        0 < len(text.split()) <= 5
        and "\n" not in text
        and not any(c.isdigit() for c in text)
        and classify_heading(text) is not None
    )


def _section_body(text: str) -> bool:
    """Content of a "SECTION | content" row, not the dates cell of a "Title | dates" row nor the
    value of a "Label | value" row ("Total time | 6,820")."""
    if "\n" in text:
        return True
    if len(text.split()) <= 3 and any(c.isdigit() for c in text):
        return False
    found = find_range(text)
    if found is None:
        return bool(text)
    return len((text[: found.span[0]] + text[found.span[1] :]).split()) > 2

"""Renderers for the hand-written holdout resumes: PDF (reportlab), DOCX (python-docx) and TXT.

A resume is a header (name first, then contact lines) and sections of marked-up lines:
"- x" a bullet, "**x**" a bold line, "|a|b|c" table cells, "left\\tright" a right-aligned date.
The layouts mimic the ones resumes come in: one column, a sidebar (two columns), a banner,
tables, DOCX headers/footers and several plain-text conventions and encodings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.shared import Pt
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

_FONT_DIRS = [
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/truetype/liberation"),
]
_FAMILIES = {
    "dejavu": ("DejaVuSans", "DejaVuSans-Bold"),
    "dejavuserif": ("DejaVuSerif", "DejaVuSerif-Bold"),
    "liberation": ("LiberationSans-Regular", "LiberationSans-Bold"),
    "liberationserif": ("LiberationSerif-Regular", "LiberationSerif-Bold"),
    "helvetica": ("Helvetica", "Helvetica-Bold"),
}


@dataclass
class Resume:
    """One holdout resume: its text, its layout and its hand-written truth."""

    stem: str
    fmt: str  # pdf | docx | txt
    layout: str
    header: list[str]
    sections: list[tuple[str, list[str]]]
    truth: dict[str, object]
    side: set[str] = field(default_factory=set)  # headings placed in the sidebar
    font: str = "dejavu"
    encoding: str = "utf-8"
    caps_headings: bool = False


def _register(family: str) -> tuple[str, str]:
    regular, bold = _FAMILIES[family]
    for name in (regular, bold):
        if name in pdfmetrics.getRegisteredFontNames() or name.startswith("Helvetica"):
            continue
        path = next(d / f"{name}.ttf" for d in _FONT_DIRS if (d / f"{name}.ttf").exists())
        pdfmetrics.registerFont(TTFont(name, str(path)))
    return regular, bold


class _Column:
    """A text column on a reportlab canvas that wraps lines and breaks pages."""

    def __init__(self, pdf: canvas.Canvas, x: float, width: float, fonts: tuple[str, str]) -> None:
        self.pdf, self.x, self.width, self.fonts = pdf, x, width, fonts
        self.y = A4[1] - 50

    def _room(self, need: float) -> None:
        if self.y - need < 45:
            self.pdf.showPage()
            self.y = A4[1] - 50

    def text(self, text: str, size: float = 10, *, bold: bool = False, indent: float = 0) -> None:
        font = self.fonts[1] if bold else self.fonts[0]
        for row in simpleSplit(text, font, size, self.width - indent) or [""]:
            self._room(size * 1.35)
            self.pdf.setFont(font, size)
            self.pdf.drawString(self.x + indent, self.y, row)
            self.y -= size * 1.35

    def line(self, raw: str, size: float) -> None:
        if raw.startswith("- "):
            self._room(size * 1.35)
            self.pdf.setFont(self.fonts[0], size)
            self.pdf.drawString(self.x + 4, self.y, "•")
            self.text(raw[2:], size, indent=14)
        elif raw.startswith("**") and raw.endswith("**"):
            self.text(raw[2:-2], size, bold=True)
        elif raw.startswith("|"):
            cells = raw.strip("|").split("|")
            self._room(size * 1.35)
            self.pdf.setFont(self.fonts[0], size)
            # Columns as wide as their text plus a gap, so cells never overlap.
            x = self.x
            for cell in cells:
                self.pdf.drawString(x, self.y, cell)
                x += max(self.pdf.stringWidth(cell, self.fonts[0], size) + 24, 90)
            self.y -= size * 1.35
        elif "\t" in raw:
            left, right = raw.split("\t", 1)
            fits = self.pdf.stringWidth(raw, self.fonts[0], size) + 30 < self.width
            if not fits:
                self.text(left, size)
                self.text(right, size)
                return
            self._room(size * 1.35)
            self.pdf.setFont(self.fonts[0], size)
            self.pdf.drawString(self.x, self.y, left)
            self.pdf.drawRightString(self.x + self.width, self.y, right)
            self.y -= size * 1.35
        else:
            self.text(raw, size)

    def heading(self, text: str, size: float) -> None:
        self.y -= size * 0.6
        self._room(size * 3)
        self.text(text, size, bold=True)
        self.y -= 2


def render_pdf(resume: Resume, path: Path) -> None:
    """Draw the resume into a PDF in its layout (classic, banner or sidebar)."""
    fonts = _register(resume.font)
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    width = A4[0]
    name, *contact = resume.header
    if resume.layout in {"sidebar", "sidebar-right"}:
        side_x, main_x = (30, 215) if resume.layout == "sidebar" else (420, 40)
        side = _Column(pdf, side_x, 150, fonts)
        main = _Column(pdf, main_x, 350, fonts)
        main.text(name, 22, bold=True)
        main.y -= 6
        for line in contact:
            side.text(line, 9)
        for heading, lines in resume.sections:
            column = side if heading in resume.side else main
            size = 9.5 if column is side else 10
            column.heading(_head(resume, heading), 11.5 if column is side else 12.5)
            for raw in lines:
                column.line(raw, size)
    else:
        col = _Column(pdf, 50, width - 100, fonts)
        col.text(name, 24 if resume.layout == "banner" else 20, bold=True)
        if resume.layout == "banner":
            col.text("    ".join(contact), 9)
        else:
            for line in contact:
                col.text(line, 9.5)
        for heading, lines in resume.sections:
            col.heading(_head(resume, heading), 12.5)
            for raw in lines:
                col.line(raw, 10)
    pdf.save()


def _head(resume: Resume, heading: str) -> str:
    return heading.upper() if resume.caps_headings else heading


def render_docx(resume: Resume, path: Path) -> None:
    """Write the resume as DOCX: styled or bold headings, tables, header/footer contact."""
    document = docx.Document()
    name, *contact = resume.header
    title = document.add_paragraph()
    run = title.add_run(name)
    run.bold, run.font.size = True, Pt(20)
    if resume.layout == "headerfooter":
        document.sections[0].header.paragraphs[0].text = "  |  ".join(contact[:1])
        document.sections[0].footer.paragraphs[0].text = "  |  ".join(contact[1:])
    else:
        for line in contact:
            document.add_paragraph(line)
    if resume.layout == "sectiontable":
        table = document.add_table(rows=0, cols=2)
        for heading, lines in resume.sections:
            left, right = table.add_row().cells
            left.text = _head(resume, heading)
            right.paragraphs[0].text = _plain(lines[0])
            for raw in lines[1:]:
                right.add_paragraph(
                    _plain(raw), style="List Bullet" if raw.startswith("- ") else None
                )
        document.save(str(path))
        return
    for heading, lines in resume.sections:
        if resume.layout == "headings":
            document.add_heading(_head(resume, heading), level=2)
        else:
            run = document.add_paragraph().add_run(_head(resume, heading))
            run.bold, run.font.size = True, Pt(13)
        rows: list[list[str]] = []
        for raw in [*lines, ""]:
            if raw.startswith("|"):
                rows.append(raw.strip("|").split("|"))
                continue
            if rows:
                table = document.add_table(rows=0, cols=len(rows[0]))
                for cells in rows:
                    for cell, value in zip(table.add_row().cells, cells, strict=True):
                        cell.text = value
                rows = []
            if not raw:
                continue
            if raw.startswith("- "):
                document.add_paragraph(raw[2:], style="List Bullet")
            elif raw.startswith("**") and raw.endswith("**"):
                document.add_paragraph().add_run(raw[2:-2]).bold = True
            else:
                document.add_paragraph(raw)
    document.save(str(path))


def _plain(raw: str) -> str:
    raw = raw[2:] if raw.startswith("- ") else raw
    return raw.strip("*")


def render_txt(resume: Resume, path: Path) -> None:
    """Write the resume as plain text in a markdown, caps, keyvalue or plain convention."""
    name, *contact = resume.header
    layout = resume.layout
    out = [f"# {name}" if layout == "markdown" else name, *contact, ""]
    bullet = {"markdown": "- ", "caps": "• ", "keyvalue": "o ", "plain": "* "}[layout]
    for heading, lines in resume.sections:
        if layout == "markdown":
            out.append(f"## {heading}")
        elif layout == "caps":
            out += [heading.upper(), "=" * len(heading)]
        elif layout == "keyvalue":
            out.append(f"[{heading.upper()}]")
        else:
            out.append(f"{heading}:")
        for raw in lines:
            if raw.startswith("- "):
                out.append(bullet + raw[2:])
            elif raw.startswith("**") and raw.endswith("**"):
                out.append(raw if layout == "markdown" else raw[2:-2])
            else:
                cells = raw.strip("|").split("|") if raw.startswith("|") else [raw]
                out.append(re.sub(r"\t", "    ", "   ".join(cells)))
        out.append("")
    text = "\n".join(out)
    newline = "\r\n" if resume.encoding in {"cp1252", "utf-16"} else "\n"
    path.write_bytes(text.replace("\n", newline).encode(resume.encoding))


def render(resume: Resume, folder: Path) -> Path:
    """Write the resume file into folder; return its path."""
    path = folder / f"{resume.stem}.{resume.fmt}"
    {"pdf": render_pdf, "docx": render_docx, "txt": render_txt}[resume.fmt](resume, path)
    return path

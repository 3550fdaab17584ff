"""Plain-text resumes: byte decoding and the light markup (Markdown, underlines, [HEADINGS])."""

from __future__ import annotations

import re
import unicodedata

from resume_parser.models import Line

# List bullets; Word exports Symbol- and Wingdings-font ones as private-use characters (U+F0B7).
BULLET_CHARS = "[-*•·▪▫◦‣›»●■□✓✔➢➤►o–—\ue000-\uf8ff]"
BULLET_RE = re.compile(rf"^\s*(?:{BULLET_CHARS}|\d{{1,2}}[.)])\s+(?=\S)")
_UNDERLINE_RE = re.compile(r"^\s*([=\-~_*#])\1{2,}\s*$")
_MD_HEADING_RE = re.compile(r"^\s*(#{1,6})\s+(.*?)\s*#*\s*$")
_BRACKET_HEADING_RE = re.compile(r"^\s*\[\s*([^\]]{2,60}?)\s*\]\s*$")
_EMPHASIS_RE = re.compile(r"(\*\*|__|\*|`)(.+?)\1")


def decode(data: bytes) -> str:
    """Decode TXT bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, else cp1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    elif data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            # cp1252 leaves five bytes undefined; "replace" keeps a bad byte from failing the file.
            text = data.decode("cp1252", errors="replace")
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def strip_markup(text: str) -> str:
    """Remove inline Markdown emphasis and collapse whitespace runs (tabs are kept)."""
    text = _EMPHASIS_RE.sub(r"\2", text)
    text = _EMPHASIS_RE.sub(r"\2", text)
    return re.sub(r"[ \u00a0\u2002\u2003\u2009]+", " ", text).strip()


def lines_from_text(text: str) -> list[Line]:
    """Split decoded text into Lines, turning Markdown and underline headings into hints."""
    raw = text.split("\n")
    out: list[Line] = []
    # The hanging indent of the list item on the line above: past its bullet, up to its text.
    item = (-1, -1)
    for i, row in enumerate(raw):
        if not row.strip() or _UNDERLINE_RE.match(row):
            item = (-1, -1)
            continue
        indent = len(row) - len(row.lstrip())
        marker = BULLET_RE.match(row)
        if not marker and out and item[0] < indent <= item[1]:
            # A list item wrapped by hand: the next line is indented under the item's text.
            out[-1].text += " " + strip_markup(row)
            continue
        item = (indent, marker.end()) if marker else (-1, -1)
        nxt = raw[i + 1] if i + 1 < len(raw) else ""
        heading = bool(_UNDERLINE_RE.match(nxt))
        md = _MD_HEADING_RE.match(row)
        bracket = _BRACKET_HEADING_RE.match(row)
        if md:
            # "#"/"##" are section headings; deeper levels head entries inside a section.
            heading = len(md.group(1)) <= 2
            row = md.group(2)
        elif bracket:
            heading = True
            row = bracket.group(1)
        bold = bool(re.fullmatch(r"\s*(\*\*|__)[^*_]+\1\s*:?\s*", row))
        bullet = bool(BULLET_RE.match(row))
        if bullet:
            row = BULLET_RE.sub("", row, count=1)
        # Two or more spaces (or tabs) inside a line separate columns of a plain-text layout.
        cleaned = strip_markup(re.sub(r"(?<=\S)(?: {2,}|\t+)(?=\S)", "\t", row.strip()))
        if cleaned:
            out.append(Line(cleaned, heading=heading, bullet=bullet, bold=bold))
    return out

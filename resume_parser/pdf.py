"""PDF text extraction with pypdfium2: text runs with their boxes and fonts, rebuilt into lines.

pdfium's text runs are cheap (a few ms per page) and carry the layout that matters for resumes:
font size and weight (name, headings), a gutter between page columns (sidebar layouts are read
column by column rather than line by line) and wide gaps inside a line (table cells become tabs).
"""

from __future__ import annotations

import bisect
import itertools
import re
import zlib
from collections import Counter
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from resume_parser.dates import find_range
from resume_parser.models import Line, ParseFailure
from resume_parser.text import BULLET_CHARS, BULLET_RE

MAX_PAGES = 20
MAX_CHARS = 200_000
_BOLD_WEIGHT = 600
# A label column: this many rows whose labels end at one x, under this gap (points) from
# their values.
_LABEL_ROWS = 6
_LABEL_GAP = 12.0
_BULLET_ONLY = re.compile(rf"^{BULLET_CHARS}$")


@dataclass(slots=True)
class _Seg:
    x0: float
    x1: float
    y0: float  # bottom (PDF space: y grows upwards)
    y1: float
    text: str
    size: float
    bold: bool

    @property
    def mid(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass(slots=True)
class _Row:
    segs: list[_Seg]
    cells: list[str] = field(default_factory=list)
    cell_x: list[float] = field(default_factory=list)

    @property
    def x0(self) -> float:
        return self.segs[0].x0

    @property
    def x1(self) -> float:
        return max(s.x1 for s in self.segs)

    @property
    def y0(self) -> float:
        return min(s.y0 for s in self.segs)

    @property
    def y1(self) -> float:
        return max(s.y1 for s in self.segs)

    @property
    def size(self) -> float:
        # Bullet glyphs often come from a bigger symbol font; they say nothing about the text.
        return max((s.size for s in self.segs if _has_text(s)), default=self.segs[0].size)

    @property
    def bold(self) -> bool:
        return all(s.bold for s in self.segs if _has_text(s))

    @property
    def starts_bold(self) -> bool:
        return next((s.bold for s in self.segs if _has_text(s)), False)

    @property
    def text(self) -> str:
        return "\t".join(self.cells)


def extract_pdf(data: bytes) -> list[Line]:
    """Extract Lines from PDF bytes; raise ParseFailure for encrypted, damaged or huge files."""
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if pdfium_c.FPDF_GetLastError() == pdfium_c.FPDF_ERR_PASSWORD:
            raise ParseFailure("encrypted", "the PDF is password protected") from exc
        raise ParseFailure("corrupt", "the PDF cannot be opened") from exc
    try:
        if len(doc) > MAX_PAGES:
            raise ParseFailure("too_complex", f"the PDF has {len(doc)} pages (limit {MAX_PAGES})")
        pages: list[list[_Row]] = []
        total = 0
        for index in range(len(doc)):
            page = doc[index]
            try:
                page_rows = _page_rows(page)
            finally:
                page.close()
            total += sum(len(r.text) for r in page_rows)
            if total > MAX_CHARS:
                raise ParseFailure("too_large", f"the PDF holds over {MAX_CHARS} characters")
            pages.append(page_rows)
    finally:
        doc.close()
    return _to_lines(_without_running_rows(pages))


# Rows of a page's top or bottom that may be a running header or footer.
_RUNNING_ROWS = 4


def _without_running_rows(pages: list[list[_Row]]) -> list[_Row]:
    """The pages' rows with a running header or footer (the same text, page numbers aside, at
    the top or bottom of every page) read once, first: it is usually the contact block, and left
    in place it would join whatever section each page ends with. A continuation page's title
    line is dropped."""
    if len(pages) < 2:
        return [row for page in pages for row in page]

    def ends(page: list[_Row]) -> set[str]:
        return {_running_key(row) for row in page[:_RUNNING_ROWS] + page[-_RUNNING_ROWS:]}

    running = set.intersection(*(ends(page) for page in pages))
    once: dict[str, _Row] = {}
    for row in pages[0]:
        if _running_key(row) in running:
            once.setdefault(_running_key(row), row)
    kept = [
        row
        for number, page in enumerate(pages)
        for index, row in enumerate(page)
        if _running_key(row) not in running
        and not (number and _names_document(row) and (index < 2 or index >= len(page) - 2))
    ]
    return [*once.values(), *kept]


def _running_key(row: _Row) -> str:
    # Page numbers ("Page 1 of 2") are the one part of a running footer that changes per page.
    return re.sub(r"\d+", "0", row.text)


# "Jane Doe – Curriculum Vitae", "Page 2 of 3", "CV – page 2": a continuation page's title line.
_DOCUMENT_TITLE = re.compile(
    r"\b(?:curriculum\s+vitae|r[ée]sum[ée]|cv)\b|^\W*page\s+\d+(?:\s*(?:of|/)\s*\d+)?\W*$",
    re.IGNORECASE,
)


def _names_document(row: _Row) -> bool:
    """A title line that a layout repeats at the top or bottom of each page after the first; on
    a two-page resume it is on one page only, so repetition cannot show it."""
    return (
        len(row.cells) == 1
        and len(row.text.split()) <= 8
        and bool(_DOCUMENT_TITLE.search(row.text))
    )


def _page_rows(page: pdfium.PdfPage) -> list[_Row]:
    textpage = page.get_textpage()
    try:
        segs = _segments(textpage)
    finally:
        textpage.close()
    width = page.get_width()
    rows: list[_Row] = []
    for column in _columns(segs, width):
        column_rows = _group_rows(column)
        cut = _label_cut(column_rows)
        if cut is not None:
            for row in column_rows:
                _build_cells(row, cut)
        rows.extend(_merge_rows(column_rows))
    return rows


def _label_cut(rows: list[_Row]) -> float | None:
    """The gutter after a right-aligned label column (Europass: "Dates | 10/2019 – present"),
    where labels end at one x and values start a few points on. The gap is too narrow to split
    cells by width alone, but labels that line up at their right edge mark it."""
    ends = sorted(
        a.x1
        for row in rows
        for a, b in itertools.pairwise(row.segs)
        if _has_text(a) and 0 < b.x0 - a.x1 < _LABEL_GAP
    )
    best: list[float] = []
    for i, end in enumerate(ends):
        group = ends[i : bisect.bisect_right(ends, end + 2.0)]
        if len(group) > len(best):
            best = group
    if len(best) < _LABEL_ROWS:
        return None
    cut = max(best) + 0.5
    crossing = sum(1 for row in rows for s in row.segs if s.x0 < cut < s.x1)
    return cut if crossing <= 2 else None


def _segments(textpage: pdfium.PdfTextPage) -> list[_Seg]:
    segs: list[_Seg] = []
    for i in range(textpage.count_rects()):
        x0, y0, x1, y1 = textpage.get_rect(i)
        text = textpage.get_text_bounded(x0, y0, x1, y1).replace("\r", " ").replace("\n", " ")
        if not text.strip():
            continue
        height = max(y1 - y0, 1.0)
        index = textpage.get_index(x0 + height / 2, (y0 + y1) / 2, height / 2, height / 2)
        size, bold = height, False
        if index is not None:
            font_size = pdfium_c.FPDFText_GetFontSize(textpage.raw, index)
            size = font_size if font_size > 0 else height
            bold = pdfium_c.FPDFText_GetFontWeight(textpage.raw, index) >= _BOLD_WEIGHT
        segs.append(_Seg(x0, x1, y0, y1, text, round(size, 1), bold))
    return segs


def _columns(segs: list[_Seg], width: float) -> list[list[_Seg]]:
    """Split a page at a vertical gutter that no text crosses (sidebar layouts).

    A table has cells side by side too, but its cells share baselines across the gap; page
    columns do not, so a gap whose two sides line up row for row is not treated as a gutter.
    """
    if len(segs) < 10:
        return [segs]
    cover = [0] * (int(width) + 2)
    for s in segs:
        for x in range(max(int(s.x0), 0), min(int(s.x1) + 1, len(cover))):
            cover[x] += 1
    lo, hi = int(width * 0.15), int(width * 0.85)
    # A long e-mail address may run over the gutter of a narrow sidebar: a couple of crossings
    # do not make a page one column.
    allowed = 2 if len(segs) >= 30 else 0
    best: tuple[int, int] | None = None
    x = lo
    while x < hi:
        if cover[x] <= allowed:
            start = x
            while x < hi and cover[x] <= allowed:
                x += 1
            if x - start >= 8 and (best is None or x - start > best[1] - best[0]):
                best = (start, x)
        x += 1
    if best is None:
        return [segs]
    cut = (best[0] + best[1]) / 2
    # A crossing segment belongs to the side holding most of it.
    on_left = [s.x0 < cut and (s.x1 <= cut or cut - s.x0 > s.x1 - cut) for s in segs]
    left = [s for s, side in zip(segs, on_left, strict=True) if side]
    right = [s for s, side in zip(segs, on_left, strict=True) if not side]
    if min(len(left), len(right)) < 4:
        return [segs]
    aligned = sum(1 for s in left if any(abs(s.mid - r.mid) < 1.5 for r in right))
    if aligned > len(left) * 0.5:
        return [segs]
    # The column holding the largest text (the name, usually) is read first.
    if max(s.size for s in right) > max(s.size for s in left):
        return [right, left]
    return [left, right]


def _group_rows(segs: list[_Seg]) -> list[_Row]:
    rows: list[_Row] = []
    for seg in sorted(segs, key=lambda s: -s.mid):
        for row in rows[-3:]:
            first = row.segs[0]
            if first.y0 <= seg.mid <= first.y1 or seg.y0 <= first.mid <= seg.y1:
                row.segs.append(seg)
                break
        else:
            rows.append(_Row([seg]))
    for row in rows:
        row.segs.sort(key=lambda s: s.x0)
        _build_cells(row)
    return rows


def _build_cells(row: _Row, cut: float | None = None) -> None:
    cells: list[str] = []
    cell_x: list[float] = []
    prev: _Seg | None = None
    for seg in row.segs:
        text = seg.text
        # A list bullet and its text are one cell however wide the hanging indent.
        gap = seg.x0 - prev.x1 if prev is not None else 0.0
        at_cut = cut is not None and prev is not None and prev.x1 < cut < seg.x0
        wide = gap > max(1.5 * seg.size, 12.0) or at_cut
        if prev is None or (wide and not _BULLET_ONLY.match(cells[-1])):
            cells.append(text.strip())
            cell_x.append(seg.x0)
        elif prev.text.endswith(" ") or text.startswith(" ") or seg.x0 - prev.x1 > 0.2 * seg.size:
            cells[-1] = cells[-1].rstrip() + " " + text.strip()
        else:
            cells[-1] += text.strip()
        prev = seg
    row.cells = [c for c in cells if c]
    row.cell_x = [x for c, x in zip(cells, cell_x, strict=True) if c]


def _merge_rows(rows: list[_Row]) -> list[_Row]:
    """Join lines that are wraps of the line above: list items, sentences, first table cells."""
    out: list[_Row] = []
    right = max((seg.x1 for row in rows for seg in row.segs), default=0.0)
    for row in rows:
        if out and row.cells and (_continues(out[-1], row) or _wrapped(out[-1], row, right)):
            prev = out[-1]
            prev.cells[0] = prev.cells[0] + " " + row.cells[0]
            prev.segs.extend(row.segs)
            prev.segs.sort(key=lambda s: s.x0)
            continue
        out.append(row)
    return out


def _next_line(prev: _Row, row: _Row) -> bool:
    """Whether `row` is one text line set right below `prev`, in the same font size."""
    if len(row.cells) != 1 or abs(prev.size - row.size) > 0.6:
        return False
    gap = min(s.y0 for s in prev.segs) - row.y1
    return -0.5 * row.size <= gap <= 0.8 * row.size


def _continues(prev: _Row, row: _Row) -> bool:
    if not _next_line(prev, row):
        return False
    text = row.cells[0]
    if BULLET_RE.match(text) or "@" in text or "@" in prev.cells[-1]:
        return False
    near_left = abs(row.x0 - prev.x0) < 3 or abs(row.x0 - _text_x(prev)) < 3
    first = prev.cells[0]
    if prev.bold and row.bold and first.isupper() and text.isupper() and len(prev.cells) == 1:
        # A heading wrapped in a right-aligned label column ("EDUCATION AND" / "TRAINING").
        near_left = near_left or abs(row.x1 - prev.x1) < 3
    bulleted = BULLET_RE.match(first) is not None
    # A list item's wrapped line may start anywhere in its hanging indent, between the bullet
    # glyph and the item's text, depending on how the writer set the indent.
    near_left = near_left or (bulleted and prev.x0 < row.x0 < _text_x(prev))
    if len(prev.cells) > 1:
        return near_left and row.x1 < prev.cell_x[1] - 6
    if not near_left:
        return False
    if bulleted:
        ends_sentence = first.endswith(".") and text[:1].isupper()
        return not row.starts_bold and not ends_sentence
    if prev.bold != row.bold:
        return False
    if prev.bold and first.isupper() and text.isupper():
        return True
    return text[:1].islower() or first.endswith((",", "&", "/", " and", " of", "-", "–"))


def _wrapped(prev: _Row, row: _Row, right: float) -> bool:
    """A line the layout broke because the next word did not fit: the same indent and style, and
    the row's first word would have run past the column's right edge."""
    if not _next_line(prev, row) or len(prev.cells) != 1 or prev.bold != row.bold:
        return False
    text = row.cells[0]
    if abs(row.x0 - prev.x0) >= 3 or BULLET_RE.match(text):
        return False
    dates = find_range(text)
    if dates is not None and dates.span[0] == 0:
        return False  # a line of its own for the dates of the entry above
    if "@" in text or "@" in prev.cells[0] or prev.x1 - prev.x0 < 0.7 * (right - prev.x0):
        return False  # a contact line, or a line that stops well short of the edge
    word = text.split()[0]
    width = (row.x1 - row.x0) * len(word) / max(len(text), 1)
    # A whole entry ("BSc … — Institute — 2005 – 2009") ends with its dates: the next is another.
    return prev.x1 + 0.3 * row.size + width > right and not _ends_with_dates(prev.cells[0])


def _ends_with_dates(text: str) -> bool:
    dates = find_range(text)
    return dates is not None and not text[dates.span[1] :].strip(" .,;)]")


def _has_text(seg: _Seg) -> bool:
    return any(c.isalnum() for c in seg.text)


def _text_x(row: _Row) -> float:
    if len(row.segs) > 1 and BULLET_RE.match(row.segs[0].text + " x"):
        return row.segs[1].x0
    return row.x0


def _to_lines(rows: list[_Row]) -> list[Line]:
    weights: Counter[float] = Counter()
    for row in rows:
        for seg in row.segs:
            weights[seg.size] += len(seg.text)
    body = weights.most_common(1)[0][0] if weights else 0.0
    lines: list[Line] = []
    for row in rows:
        text = row.text
        if not text:
            continue
        bullet = bool(BULLET_RE.match(text))
        if bullet:
            text = BULLET_RE.sub("", text, count=1)
        size = row.size / body if body else 0.0
        # Bold capitals alone also mark employer lines, so only a bigger bold font is a hint.
        heading = row.bold and "\t" not in text and len(text) <= 60 and size >= 1.08 and not bullet
        lines.append(Line(text, heading=heading, size=size, bullet=bullet, bold=row.bold))
    return lines


INFLATE_BUDGET = 128 * 1024 * 1024
_STREAM_RE = re.compile(rb"stream\r?\n")
_CHUNK = 1024 * 1024


def check_streams(data: bytes) -> None:
    """Reject a PDF whose compressed streams inflate past INFLATE_BUDGET (a Flate bomb).

    pdfium inflates streams whole; counting the output first, a chunk at a time and without
    parsing the PDF, keeps memory flat and stops a bomb before it is decoded for real.
    """
    total = 0
    for match in _STREAM_RE.finditer(data):
        inflater = zlib.decompressobj()
        pending = memoryview(data)[match.end() :]
        try:
            out = inflater.decompress(pending, _CHUNK)
            while out:
                total += len(out)
                if total > INFLATE_BUDGET:
                    raise ParseFailure("too_large", "the PDF inflates past the size limit")
                out = inflater.decompress(inflater.unconsumed_tail, _CHUNK)
        except zlib.error:
            continue

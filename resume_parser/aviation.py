"""Aviation fields: licences, type ratings, flight hours, medical class and certifications.

The canonical codes of TRUTH_FORMAT.md are kept as data tables (code, pattern) so that a new
surface form is one more alternative in a pattern, not new code.
"""

from __future__ import annotations

import re

from resume_parser.models import Line

_I = re.IGNORECASE
_HELI = re.compile(r"\(H\)|helicopter|rotorcraft|rotary", _I)
_NOT_HELD = re.compile(
    r"\b(course|theory|theoretical|exams?|programme|program|student|working towards|studying|"
    r"in progress|frozen)\b",
    _I,
)
_FROZEN = re.compile(r"\bfrozen\s+ATPL|ATPL\s*\(?frozen", _I)

# Licence families; "(A)/(H)" is decided per line.
_LICENCE_FAMILIES = [
    # Some authorities (CASA, for one) name it the "Air Transport Pilot Licence".
    ("ATPL", re.compile(r"\bATPL\b|air(?:line)? transport pilot|\bATP\b", _I)),
    ("CPL", re.compile(r"\bCPL\b|commercial pilot(?:'s)? (?:licen[cs]e|certificate)", _I)),
    ("PPL", re.compile(r"\bPPL\b|private pilot(?:'s)? (?:licen[cs]e|certificate)", _I)),
]
_LICENCES = [
    ("MPL", re.compile(r"\bMPL\b|multi[- ]crew pilot(?:'s)? licen[cs]e", _I)),
    ("FAA-AP", re.compile(r"\bA\s*&\s*P\b|airframe\s*(?:&|and)\s*power\s*plant", _I)),
    ("ATCO", re.compile(r"\bATCO\b|air traffic control(?:ler)?(?:'s)? licen[cs]e", _I)),
    (
        "DISPATCHER",
        re.compile(
            r"(?:aircraft|flight) dispatcher(?:'s)? (?:certificate|licen[cs]e)|"
            r"flight operations officer|\bFOO\b|dispatch licen[cs]e",
            _I,
        ),
    ),
    ("CCA", re.compile(r"cabin crew attestation|\bCCA\b", _I)),
]
_PART66_CONTEXT = re.compile(r"part[- ]?66|\bAML\b|\bcategory\b|\bcat\.?\s|licen[cs]e", _I)
_PART66 = [
    ("PART66-A", re.compile(r"\b(?:category|cat\.?)\s*A\b|\bA[1-4]\b", _I)),
    ("PART66-B1", re.compile(r"\bB1(?:\.[1-4])?\b")),
    ("PART66-B2", re.compile(r"\bB2\b")),
    # "categories B1.1, B2 and C" lists C after the others. The list opens with a numbered
    # category, a token aeroscrap.requirements' licence gate looks for.
    (
        "PART66-C",
        re.compile(
            r"\b(?:category|cat\.?)\s*C\b|\b(?:categor(?:y|ies)|cat\.?)\s+"
            r"(?:(?:A[1-4]|B[12])(?:\.[1-4])?\s*(?:,|/|&|and)\s*)+C\b",
            _I,
        ),
    ),
]
# Road-vehicle licences use the same "Category C" / "B" letters as Part-66 categories.
_ROAD_LICENCE = re.compile(r"\bdriv(?:ing|er'?s?)\s+licen[cs]e|\b[LHP][GC]V\b", _I)

# A type code ends where its digits end: suffixes such as A321LR, A330neo, EC135T2, Bell 412EP,
# ERJ-145XR or AS350B3 name variants of the same rating.
_TYPES = [
    ("A220", r"\bA220(?!\d)|\bCS\s?[13]00(?!\d)|\bBD-?500(?!\d)"),
    ("A320", r"\bA3(?:18|19|20|21)(?!\d)|\bA32F\b"),
    ("A330", r"\bA330(?!\d)"),
    ("A340", r"\bA340(?!\d)"),
    ("A350", r"\bA350(?!\d)"),
    ("A380", r"\bA380(?!\d)"),
    ("B737", r"(?<![\d.])(?:B|Boeing\s*)?737(?!\d)"),
    ("B747", r"(?<![\d.])(?:B|Boeing\s*)?747(?!\d)"),
    ("B757", r"(?<![\d.])(?:B|Boeing\s*)?757(?!\d)"),
    ("B767", r"(?<![\d.])(?:B|Boeing\s*)?767(?!\d)"),
    ("B777", r"(?<![\d.])(?:B|Boeing\s*)?777(?!\d)"),
    ("B787", r"(?<![\d.])(?:B|Boeing\s*)?787(?!\d)|dreamliner"),
    ("ATR72", r"\bATR\s?-?(?:42|72)"),
    ("Q400", r"\bQ400(?!\d)|\bdash\s?8\b|\bDHC-?8"),
    ("E190", r"\b(?:E|ERJ-?|EMB-?|Embraer\s*)(?:170|175|190|195)(?!\d)|\bE-?jets?\b"),
    # CL-65 is the type-rating designator of the CRJ family, CL-600-2B19/2C10/2D24/2E25 the
    # type-certificate models of its variants (other CL-600 models are Challenger bizjets).
    ("CRJ", r"\bCRJ|\bCL-?65\b|\bCL-?600-?2(?:B19|C1\d|D\d\d|E25)\b"),
    ("E145", r"\b(?:E|ERJ-?|EMB-?|Embraer\s*)(?:135|140|145)(?!\d)"),
    ("DHC6", r"\bDHC-?6(?!\d)|twin otter"),
    ("C208", r"\bC-?208(?!\d)|\bcaravan\b"),
    ("PC12", r"\bPC-?12(?!\d)"),
    ("AW139", r"\bAW\s?139(?!\d)"),
    ("AW169", r"\bAW\s?169(?!\d)"),
    ("S92", r"\bS-?92"),
    ("H135", r"\b(?:EC|H)\s?135(?!\d)"),
    ("H145", r"\b(?:EC|H)\s?145(?!\d)|\bBK\s?117"),
    ("H125", r"\bH125(?!\d)|\bAS\s?350(?!\d)"),
    ("R44", r"\bR44(?!\d)"),
    ("AW109", r"\bA(?:W)?\s?109(?!\d)"),
    ("S76", r"\bS-?76"),
    ("H175", r"\b(?:EC|H)\s?175(?!\d)"),
    ("H225", r"\b(?:EC|H)\s?225(?!\d)|\bAS\s?332|super puma"),
    ("B412", r"\bBell\s?-?412(?!\d)|\bB412(?!\d)"),
]
TYPE_PATTERNS = [(code, re.compile(p, _I)) for code, p in _TYPES]
_TYPE_LINE = re.compile(
    r"type[- ]?rat|type[- ]?qualif|endorse|aircraft types?|\btypes?\s*:|rated on|qualified on", _I
)

_CERTS = [
    ("MCC", r"\bMCC\b|multi[- ]crew co-?operation"),
    ("JOC", r"\bJOC\b|jet orientation"),
    ("CRM", r"\bCRM\b|crew resource management"),
    ("DG", r"\bDGR?\b|dangerous goods"),
    ("UPRT", r"\bUPRT\b|upset prevention"),
    ("IR", r"\bIR\b|instrument rating|\b[MS]E/IR\b"),
    ("MEP", r"\bMEP\b|multi[- ]engine piston|\bME\s?/\s?IR\b"),
    # Cabin crew's "SEP" is Safety & Emergency Procedures training, not the class rating.
    ("SEP", r"\bSEP\b(?!\W*safety)(?<!procedures \(SEP)|single[- ]engine piston"),
    ("ATPL-THEORY", r"ATPL\s*\(?(?:theory|theoretical|exams?|credit|ground|knowledge)|frozen"),
    ("FI", r"\bFI\s?\([AH]\)|\bFI\b|\bCFII?\b|flight instructor (?:rating|certificate)"),
    ("TRI", r"\bTRI\b|type rating instructor"),
    ("TRE", r"\bTRE\b|type rating examiner"),
    ("NVG", r"\bNVG\b|\bNVIS\b|night vision"),
    ("HUET", r"\bHUET\b|underwater escape"),
    ("HF", r"\bhuman factors\b|\bHF\b"),
    ("EWIS", r"\bEWIS\b|electrical wiring interconnect"),
    ("FTS", r"fuel tank safety|\bFTS\b"),
    ("AVSEC", r"\bAVSEC\b|aviation security"),
    ("FIRST-AID", r"first[- ]aid|emergency first response|\bEFR\b"),
    ("SMS", r"\bSMS\b|safety management system"),
    ("ISO9001-LA", r"ISO\s?9001\b.*lead auditor|lead auditor.*ISO\s?9001\b"),
    ("AS9100-LA", r"(?:AS|EN)\s?9100\w*.*lead auditor|lead auditor.*(?:AS|EN)\s?9100"),
    ("OJTI", r"\bOJTI\b|on[- ]the[- ]job training instructor"),
    ("ATC-ADI", r"\bADI\b|aerodrome control instrument"),
    ("ATC-APP", r"\bAPP\b|approach control procedural"),
    # "APS MCC" is the airline-standard multi-crew course, not the approach rating.
    ("ATC-APS", r"\bAPS\b(?!\s*[-/]?\s*MCC)|approach control surveillance"),
    ("ATC-ACS", r"\bACS\b|area control surveillance"),
    ("CENG", r"\bC\.?\s?Eng\b|chartered engineer"),
    ("PMP", r"\bPMP\b|project management professional"),
    ("FCC-GROL", r"\bGROL\b|general radiotelephone operator"),
    ("LSS-GB", r"six sigma green belt|\bLSS\s?-?GB\b"),
]
CERT_PATTERNS = [(code, re.compile(p, _I)) for code, p in _CERTS]
_ICAO_RE = re.compile(r"ICAO\b[^,;]*?\b(?:level|lvl|LP|ELP)?\s*([456])\b", _I)

_NUMBER = r"(\d{1,3}(?:[,. ]\d{3})+|\d{1,6})"
_UNIT = r"\s*(?:h|hrs?|hours|fh)\b"
_NOT_HOURS = r"(?!\d|\s*(?:years?|yrs|months?|%|sectors|landings|cycles|flights))"
_TOTAL_RE = re.compile(
    rf"\b(?:total|TT|TFT)\b[^\d\n:;|]{{0,30}}?[:=\-–]?\s*(?:of\s+)?{_NUMBER}{_NOT_HOURS}|"
    rf"{_NUMBER}{_UNIT}\s*(?:in\s+)?(?:total|TT)\b",
    _I,
)
_PIC_LABEL = r"(?:PIC|P1|pilot[- ]in[- ]command)(?!\s*US)\b"
# "PIC: 3,100 h" (label first) is tried before "1,900 P1" / "107 hours as PIC" (label after).
_PIC_BEFORE_RE = re.compile(rf"\b{_PIC_LABEL}(?:\s+(?:time|hours))?\s*[:=\-–]?\s*{_NUMBER}", _I)
_PIC_AFTER_RE = re.compile(
    rf"(?<![\w.,]){_NUMBER}(?:{_UNIT})?\s*(?:as\s+|of\s+)?{_PIC_LABEL}(?!\s*[:=])", _I
)
# The label cell may end in its own colon ("PIC: | 3,920 h", "P1:\t2,405"); a cell that ends in
# a figure and no colon ("TT 9,420 | PIC 6,880") is a figure of its own, not a label.
_LABEL_TAB_RE = re.compile(r"(?:(?<=[A-Za-z)])\s*[:=]?|(?<=\w)[:=])(?:\s*\t\s*|\s+\|\s+)(?=\d)")
# Figures of different kinds share a line ("Total: 5,400 h | PIC: 3,100 h; SIC 2,000 h").
_CHUNK_RE = re.compile(r"\t|\s[|•·]\s|;|,\s+(?=[A-Za-z])")
_MEDICAL_RE = re.compile(
    r"class\s*[-:]?\s*(1|2|3|I{1,3}|one|two|three)\b[^.;]*?medical|"
    r"medical[^.;]*?class\s*[-:]?\s*(1|2|3|I{1,3}|one|two|three)\b|"
    r"\b(first|second|third|1st|2nd|3rd)[- ]class\b[^.;]*?medical",
    _I,
)
_MEDICAL_VALUES = {
    "1": 1, "i": 1, "one": 1, "first": 1, "1st": 1,
    "2": 2, "ii": 2, "two": 2, "second": 2, "2nd": 2,
    "3": 3, "iii": 3, "three": 3, "third": 3, "3rd": 3,
}  # fmt: skip


def _add(found: list[str], code: str) -> None:
    if code not in found:
        found.append(code)


def find_licences(lines: list[Line]) -> list[str]:
    """Canonical licence codes the candidate holds, in order of appearance."""
    found: list[str] = []
    for line in lines:
        text = line.text
        if _FROZEN.search(text):
            _add(found, "CPL(A)")
            continue
        if _NOT_HELD.search(text):
            continue
        for family, pattern in _LICENCE_FAMILIES:
            if pattern.search(text):
                _add(found, f"{family}({'H' if _HELI.search(text) else 'A'})")
        for code, pattern in _LICENCES:
            if pattern.search(text):
                _add(found, code)
        # Categories come before any "type ratings" on a licence line: letters after it
        # ("Type ratings: A320 (B1)") qualify the types, not the licence held.
        own = text[: m.start()] if (m := _TYPE_LINE.search(text)) else text
        if _PART66_CONTEXT.search(own) and not _ROAD_LICENCE.search(text):
            for code, pattern in _PART66:
                if pattern.search(own):
                    _add(found, code)
    return found


def find_type_ratings(lines: list[Line], *, all_lines: bool) -> list[str]:
    """Aircraft type codes; all_lines for a licences section, else only "type rating" lines."""
    found: list[str] = []
    for line in lines:
        text = re.sub(r"\([^)]*\)", " ", line.text)  # engine names in brackets are ignored
        if re.search(rf"\d{_UNIT}", line.text, _I):
            continue  # per-type hours are not ratings
        if not all_lines and not _TYPE_LINE.search(line.text):
            continue
        hits = []
        for code, pattern in TYPE_PATTERNS:
            for match in pattern.finditer(text):
                hits.append((match.start(), code))
        for _, code in sorted(hits):
            _add(found, code)
    return found


def find_certifications(lines: list[Line]) -> list[str]:
    """Canonical certification and course codes, in order of appearance."""
    found: list[str] = []
    for line in lines:
        text = line.text
        hits = []
        for code, pattern in CERT_PATTERNS:
            match = pattern.search(text)
            if match:
                hits.append((match.start(), code))
        if _FROZEN.search(text):
            hits += [(len(text), "ATPL-THEORY"), (len(text), "IR"), (len(text), "MEP")]
        icao = _ICAO_RE.search(text)
        if icao and re.search(r"english|ICAO", text, _I):
            hits.append((icao.start(), f"ICAO-EN-{icao.group(1)}"))
        for _, code in sorted(hits, key=lambda h: h[0]):
            _add(found, code)
    return found


def _number(text: str) -> int:
    return int(re.sub(r"[,. ]", "", text))


def find_hours(lines: list[Line]) -> tuple[int | None, int | None]:
    """(total hours, PIC hours) from "Total: 5,400 h", "PIC 3 100 hrs", "107 hours as PIC"..."""
    total = pic = None
    for line in lines:
        text = re.sub(r"[\u00a0\u202f\u2009]", " ", line.text)
        text = re.sub(r"\bPICUS\b|\bSIC\b|\bP1\s*U/?S\b", "#", text, flags=_I)
        # A table row "Pilot-in-command | 5,910" is one "label: value", not two chunks.
        text = _LABEL_TAB_RE.sub(": ", text)
        if total is None and (match := _TOTAL_RE.search(text)):
            total = _number(match.group(1) or match.group(2))
        if pic is None:
            chunks = _CHUNK_RE.split(text)
            match = next(filter(None, map(_PIC_BEFORE_RE.search, chunks)), None) or next(
                filter(None, map(_PIC_AFTER_RE.search, chunks)), None
            )
            if match:
                pic = _number(match.group(1))
    return total, pic


def find_medical(lines: list[Line]) -> int | None:
    """Medical class 1-3 from "Class 1 Medical", "FAA Second-Class Medical"..."""
    for line in lines:
        match = _MEDICAL_RE.search(line.text)
        if match:
            value = next(g for g in match.groups() if g)
            return _MEDICAL_VALUES[value.lower()]
    return None

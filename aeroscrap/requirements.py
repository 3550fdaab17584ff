"""Aviation requirements of a job ad: licences, type ratings, minimum hours and medical class.

The ad is read as a recruiter reads it: what is required versus merely preferred ("A320 type
rated preferred"), what belongs to the benefits ("type rating provided", "900 block hours a
year") and what is the bar ("Minimum 3,000 hours total time"). The canonical codes and their
surface forms come from resume_parser.aviation, so a resume and a job speak the same codes.

`licences` are alternatives (any one satisfies the ad: "ATPL or CPL with frozen ATPL"), as are
`type_ratings` (the fleet the role flies or maintains); holding one of those types is a hard
requirement only when `type_rated_required` is true.

This runs once per scraped item, so every regex is gated by plain substring tests on the
lower-cased clause: most of an ad (duties, company blurb) never reaches a pattern. Each gate holds
words one of which every text the gated patterns can match contains, so a gate never changes a
result. Case-insensitive patterns also match "İ"/"ı" for i and "ſ" for s, which a substring test
on lower-cased text misses: an ad holding one of those three skips the gates that rely on this.
"""

from __future__ import annotations

import re
from typing import Any

from resume_parser.aviation import TYPE_PATTERNS, find_hours, find_licences, find_medical
from resume_parser.models import Line

_I = re.IGNORECASE
# One alternation of the parser's type patterns, tried only where a type can start.
# Each alternative ends in an empty named group rather than sitting inside one: the regex engine
# then tries a failing position about twice as fast, and `lastgroup` names the type that matched.
_TYPES = re.compile(
    "|".join(f"(?:{p.pattern})(?P<t{i}>)" for i, (_, p) in enumerate(TYPE_PATTERNS)), _I
)
_TYPE_CODES = {f"t{i}": code for i, (code, _) in enumerate(TYPE_PATTERNS)}
# Every type form holds a digit run or one of these words.
_TYPE_WORDS = ("dreamliner", "jet", "crj", "otter", "caravan", "puma")
_DIGITS = re.compile(r"[0-9]+(?:[,.][0-9]+)*")
# First letters of every surface form in TYPE_PATTERNS ("737" alone starts with a 7).
_TYPE_FIRST = frozenset("abcdehpqrst7")
# A letter of _TYPE_FIRST (either case) not preceded by a letter or digit: where a type can start.
_TYPE_START = re.compile(
    r"(?<![^\W_])[" + "".join(sorted(_TYPE_FIRST | {c.upper() for c in _TYPE_FIRST})) + "]"
)
_TYPE_LOOKBACK = 12  # "Embraer 190", "Boeing 737": the name starts this far before the digits
HELICOPTER_TYPES = frozenset(
    {"AW139", "AW169", "S92", "H135", "H145", "H125", "R44", "AW109", "S76", "H175", "H225", "B412"}
)
MAX_PLAUSIBLE_HOURS = 30_000

_GATE_WORDS = (
    "licen", "atpl", "atp ", "cpl", "ppl ", "ppl(", " mpl", "mpl ", "part-66", "part 66",
    "part66", "medic", "rated", "rating", "airframe", "atco", "air traffic", "dispatch",
    "operations officer", " foo", "attestation", " cca", "endorse", "on type", "certificate",
    *_TYPE_WORDS,
)  # fmt: skip
_LICENCE_WORDS = (
    "licen", "atpl", "atp ", "cpl", "ppl ", "ppl(", " mpl", "mpl ", "part", "b1", "b2", "a1",
    "a2", "a3", "a4", "categor", "cat ", "cat.", "a&p", "a & p", "airframe", "atco",
    "air traffic", "dispatch", "operations officer", " foo", "attestation", " cca",
    "certificate",
)  # fmt: skip
_NOT_HELD_WORDS = ("course", "theor", "exam", "program", "student", "toward", "study", "frozen")
_PREFERRED_WORDS = (
    "prefer", "desirab", "advantag", "plus", "nice", "benefic", "ideal", "asset", "bonus",
    "welcome", "priorit",
)  # fmt: skip
_HELI_WORDS = ("helicopter", "rotary", "rotorcraft", "(h)", "hems", "offshore")
_ENGINEER_WORDS = ("engineer", "technician", "mechanic", "certifying", "avionic", "b1", "b2")
_HOUR_HINT_TEXT = r"[0-9]\s*\+?\s*h|hour|hrs|tt|pic|p1|command|captain|time|total|fl[iy]"
_HOUR_HINT = re.compile(_HOUR_HINT_TEXT, _I)
# The same on lower-cased text without the letters IGNORECASE folds specially: several times faster.
_HOUR_HINT_LOWER = re.compile(_HOUR_HINT_TEXT)
# IGNORECASE matches these for i and s; lower() keeps "ı" and "ſ" and turns "İ" into "i" + U+0307.
_ODD_CASE = re.compile("[\u0130\u0131\u017f]")
# Every licence form find_licences knows (resume_parser.aviation) holds one of these phrases or
# tokens, lower-cased; tests/aeroscrap/test_requirements.py checks the forms against them.
_LICENCE_PHRASES = (
    "frozen", "airline transport pilot", "commercial pilot", "private pilot", "crew pilot",
    "airframe", "air traffic control", "dispatch", "flight operations officer",
    "cabin crew attestation",
)  # fmt: skip
# One word boundary up front: the engine tries the alternatives only at word starts.
_LICENCE_TOKEN = re.compile(
    r"\b(?:(?:atpl?|cpl|ppl|mpl|atco|foo|cca|a\s*&\s*p|(?:category|cat\.?)\s*[ac]|a[1-4])\b|b[12])"
)
# Every total or PIC figure find_hours reads is labelled with one of these.
_HOURS_NEEDS = ("total", "tt", "tft", "pic", "p1", "pilot")
_PLUS = re.compile(r"(\d)\s*\+")
_TITLE_LICENCE = re.compile(r"\(([AB]\d[^)]*)\)")

_BULLETS = ("-", "*", "–")
_FRAGMENTS = re.compile(r",\s+|\s+(?:but|whereas|while|although)\s+|\s*\((?=[^)]*\))", _I)
_LICENCE_PIECES = re.compile(r"\s+(?:or|and|with|plus|including)\s+|\s*/\s*", _I)
_AEROPLANE = re.compile(r"\(A\)|aeroplane|airplane|fixed[- ]wing", _I)
_PART66 = re.compile(r"part[- ]?66|\bAML\b", _I)
_ENGINEER_TITLE = re.compile(r"engineer|technician|mechanic|certifying|\bAME\b|\bLAE\b|avionic", _I)
# The US "B1/B2 visa" is not a Part-66 licence.
_VISA = re.compile(r"\b(?:B1\s*/\s*B2|C1\s*/\s*D)\s+visas?\b|\bvisas?\b", _I)
_MEDICAL_NOISE = re.compile(r"medical\s+(?:insurance|cover(?:age)?|plan|benefits?|care|scheme)", _I)
_PREFERRED = re.compile(
    r"\bprefer(?:red|ably|ence)?\b|desirable|advantage(?:ous)?|\ba plus\b|nice[- ]to[- ]have|"
    r"beneficial|\bideal(?:ly)?\b|an asset|\bbonus\b|(?:is|are|be) welcome|prioriti[sz]ed",
    _I,
)

_DIGIT = re.compile(r"[0-9]")
_HEADING = re.compile(r"^([^:\d]{2,45}):\s*(.*)$|^([A-Za-z][A-Za-z ,&'/()-]{1,40})$")
_HEAD_PREFERRED = re.compile(r"desirable|preferred|nice[- ]to[- ]have|advantag|bonus|\bplus\b", _I)
_HEAD_OTHER = re.compile(
    r"offer|benefit|package|perks|salary|remuneration|about (?:us|the company)|who we are|"
    r"why join|rewards|we provide|how to apply",
    _I,
)
_HEAD_REQUIRED = re.compile(
    r"requirement|essential|required|must|minimum|qualification|criteria|what you|profile|"
    r"about you|skills|experience|eligib|prerequisite|you (?:will )?(?:have|need|bring)",
    _I,
)
_HEAD_NEUTRAL = re.compile(r"responsibilit|duties|role|position|job|overview", _I)

_TYPE_RATED = re.compile(
    r"type[- ]?rat(?:ed|ing)|rated on|current on|(?:hours|experience|time) on TYPE|\bon type\b|"
    r"endorse",
    _I,
)
_NOT_TYPE_RATED = re.compile(
    r"non[- ]?type[- ]?rated|type rating\s+(?:is\s+|will be\s+|can be\s+)?(?:fully\s+)?"
    r"(?:provided|offered|funded|sponsored|paid|included|given|bonded)|"
    r"(?:provide|offer|fund|sponsor|pay for|include)s?\s+(?:a\s+|the\s+|your\s+)?"
    r"(?:full\s+|fully\s+funded\s+)?type rating|no type rating|"
    r"type rating\s+(?:is\s+)?not\s+(?:required|necessary|needed)|without (?:a\s+)?type rating|"
    r"(?:funded|sponsored|paid|free) type rating|type rating (?:course|training)",
    _I,
)

_NUM = r"(?<![\d.,])(\d{1,2}[,.]\d{3}|\d{1,5})(?![\d,.]\d)"
_UNIT = r"\s*(?:h|hrs?|hours?|fh)\b"
_MIN = r"(?:a\s+)?(?:minimum|min\.?|at least|over|more than|in excess of|greater than)\s+(?:of\s+)?"
_COMMAND = r"(?:PIC|P1|pilot[- ]in[- ]command|command|captain|commander)"
_COMMAND_WORDS = ("pic", "p1", "command", "captain")
_MIN_WORDS = ("min", "least", "over", "more than", "excess", "greater")
# (words one of which must be present, pattern): the words keep patterns off clauses they
# cannot match, which is most of the cost.
_PIC_PATTERNS = (
    (
        _COMMAND_WORDS,
        re.compile(
            rf"{_NUM}(?:{_UNIT})?\s+(?:\w+\s+)?(?:as\s+|of\s+|in\s+)?{_COMMAND}\b(?!\s*US)", _I
        ),
    ),
    (
        _COMMAND_WORDS,
        re.compile(
            rf"\b{_COMMAND}(?!\s*US)\s+(?:time|hours|experience)?\s*(?:of\s+)?(?:{_MIN})?{_NUM}", _I
        ),
    ),
)
_TOTAL_PATTERNS = (
    (
        ("total", "tt", "flight", "flying", "logged"),
        re.compile(rf"{_NUM}{_UNIT}\s+(?:of\s+)?(?:total|TT\b|flight|flying|logged)", _I),
    ),
    (
        ("flight", "flying", "logged"),
        re.compile(rf"{_NUM}\s+(?:flight|flying|logged)\s+(?:hours|hrs|time)", _I),
    ),
    (
        ("flight", "flying"),
        re.compile(
            rf"(?:flight|flying)\s+(?:time|hours|experience)\s*(?:of\s+)?(?:{_MIN})?{_NUM}", _I
        ),
    ),
    (_MIN_WORDS, re.compile(rf"{_MIN}{_NUM}{_UNIT}(?!\s+(?:of\s+)?(?:\w+\s+)?{_COMMAND})", _I)),
    (("experience", "hours"), re.compile(rf"{_NUM}{_UNIT}\s+(?:of\s+)?(?:experience|hours)\b", _I)),
)
# Hours of a kind (on type, multi-crew, per year...) are never the total-time bar.
_QUALIFIED = re.compile(
    r"\W*(?:\w+\s+){0,3}?(?:on\s+(?:type|the|jets?|turbo\w*)|TYPE|multi[- ]?(?:crew|engine|pilot)|"
    r"jet|turbine|turbo|night|instrument|IFR|cross[- ]country|dual|instruct\w*|sim\w*|"
    r"per\s+(?:year|month|annum)|a\s+(?:year|month)|annual\w*|block|roster|"
    r"as\s+(?:first officer|FO|co-?pilot|SIC))",
    _I,
)


def job_requirements(title: str, description: str) -> dict[str, Any]:
    """Required/preferred licences and type ratings, minimum total/PIC hours, medical class."""
    # Screening the whole ad once leaves a handful of words to test per line.
    whole = (description or "").lower()
    acc = _Accumulator(title or "", description or "", whole)
    mode = "neutral"
    gate = [w for w in _GATE_WORDS if w in whole]
    for line, bullet in _lines(description or ""):
        low = line.lower()
        relevant = _DIGIT.search(line) is not None or any(map(low.__contains__, gate))
        # A short line is a heading only when it says nothing itself ("Desirable", not
        # "B737 type rating essential"); a bullet never is.
        if not bullet and (":" in line or (len(line) <= 45 and not relevant)):
            match = _HEADING.match(line)
            if match and (match.group(1) or not relevant):
                line, mode = _heading(match, line, mode)
                low = line.lower()
                relevant = _DIGIT.search(line) is not None or any(map(low.__contains__, gate))
        if not relevant:
            continue
        if mode == "other":
            acc.benefit(line, low)
            continue
        for fragment, preferred in _fragments(line, low, mode == "preferred"):
            acc.read(fragment, preferred=preferred)
    return acc.result()


def _lines(text: str) -> list[tuple[str, bool]]:
    """Sentences and list items, each with whether it was a bullet."""
    # str.replace and splitlines run in C: a regex split costs more than the rest of the ad.
    for sep in ("•", "·", "▪", "●", "\t"):
        text = text.replace(sep, "\n- ")
    for sep in (". ", "; ", " - ", " – "):
        text = text.replace(sep, "\n")
    out = []
    for raw in text.splitlines():
        line = raw.strip(" *-–.")
        if line:
            out.append((line, raw.lstrip()[:1] in _BULLETS))
    return out


def _has_digit(text: str) -> bool:
    return _DIGIT.search(text) is not None


def _heading(match: re.Match[str], line: str, mode: str) -> tuple[str, str]:
    """A heading ("Desirable:", "What we offer") switches the mode of the lines after it."""
    head = match.group(1) or match.group(3)
    rest = match.group(2) or ""
    if _HEAD_PREFERRED.search(head):
        return rest, "preferred"
    if _HEAD_OTHER.search(head):
        return rest, "other"
    if _HEAD_REQUIRED.search(head):
        return rest, "required"
    if _HEAD_NEUTRAL.search(head):
        return rest, "neutral"
    return line, mode


def _fragments(line: str, low: str, preferred_mode: bool) -> list[tuple[str, bool]]:
    """Split a sentence into clauses; "(preferred)" or "Ideally," also marks its neighbour."""
    if not any(w in low for w in _PREFERRED_WORDS):
        return [(line, preferred_mode)]
    parts = [p for p in _FRAGMENTS.split(line) if p and p.strip(" )")]
    out: list[tuple[str, bool]] = []
    carry = False
    for i, part in enumerate(parts):
        cue = bool(_PREFERRED.search(part))
        part_low = part.lower()
        if cue and not (_has_digit(part) or any(w in part_low for w in _GATE_WORDS)):
            if i == 0:
                carry = True  # "Ideally, you hold ..." applies to what follows
            elif out:
                out[-1] = (out[-1][0], True)  # "..., preferred" applies to what precedes
            continue
        out.append((part, preferred_mode or cue or carry))
    return out


def _codes(text: str, low: str) -> tuple[list[str], str]:
    """Aircraft family codes in order, and the text (`low` lower-cased) with each type replaced by
    "TYPE"."""
    anchors = [
        m.start()
        for m in _DIGITS.finditer(text)
        # A bare "3,000" or "1500" is a count, not a type ("CRJ1000" and "A350-1000" are glued).
        if len(m.group()) < 4 or (m.start() > 0 and not text[m.start() - 1].isspace())
    ]
    for word in _TYPE_WORDS:
        at = low.find(word)
        while at >= 0:
            anchors.append(at)
            at = low.find(word, at + 1)
    found: list[str] = []
    pieces: list[str] = []
    done = 0
    if not anchors:
        return found, text
    for anchor in sorted(anchors):
        if anchor < done:
            continue
        # Only a word start with a letter some type begins with, up to the anchor itself.
        window = _TYPE_START.finditer(text, max(done, anchor - _TYPE_LOOKBACK), anchor + 1)
        for candidate in window:
            start = candidate.start()
            match = _TYPES.match(text, start)
            if match:
                code = _TYPE_CODES[str(match.lastgroup)]
                if code not in found:
                    found.append(code)
                pieces += [text[done:start], "TYPE"]
                done = match.end()
                break
    return found, "".join([*pieces, text[done:]]) if found else text


def _may_name_licence(low: str) -> bool:
    """False when find_licences can find nothing in the text of `low` (see _LICENCE_PHRASES)."""
    return any(p in low for p in _LICENCE_PHRASES) or _LICENCE_TOKEN.search(low) is not None


def _number(text: str) -> int | None:
    value = int(text.replace(",", "").replace(".", ""))
    return value if 0 < value <= MAX_PLAUSIBLE_HOURS else None


def _add(found: list[str], codes: list[str]) -> None:
    for code in codes:
        if code not in found:
            found.append(code)


class _Accumulator:
    """Collects what each clause says; result() turns it into the requirements dict."""

    def __init__(self, title: str, description: str, description_low: str) -> None:
        self.licences: list[str] = []
        self.preferred_licences: list[str] = []
        self.types: list[str] = []
        self.preferred_types: list[str] = []
        self.fleet: list[str] = []  # types named outside requirement clauses (a fallback)
        self.not_type_rated = False
        self.total: list[int] = []
        self.pic: list[int] = []
        self.medical: list[int] = []
        title_low = title.lower()
        self.title_types, _ = _codes(title, title_low)
        self.heli = any(w in title_low or w in description_low for w in _HELI_WORDS) or any(
            t in HELICOPTER_TYPES for t in self.title_types
        )
        # Whether the substring gates are exact for this ad (see the module docstring).
        self.gated = not (_ODD_CASE.search(title) or _ODD_CASE.search(description))
        self.engineer = bool(_ENGINEER_TITLE.search(title))
        # "Type Rated Captain B777": the title alone makes the rating a requirement.
        self.type_rated = bool(self.title_types) and bool(_TYPE_RATED.search(title))
        # "B1 Engineer" in a title is the Part-66 licence even without the word "licence".
        self.licence_words: tuple[str, ...] = _LICENCE_WORDS
        self.licences = self._licences(_TITLE_LICENCE.sub(r"\1", title), title_low)
        # Every later clause is a piece of the description: only its words can occur there.
        self.licence_words = tuple(w for w in _LICENCE_WORDS if w in description_low)

    def benefit(self, line: str, low: str) -> None:
        """Benefits and company blurbs: only "type rating provided" and the fleet count."""
        if "type" in low and _NOT_TYPE_RATED.search(line):
            self.not_type_rated = True
        _add(self.fleet, _codes(line, low)[0])

    def read(self, fragment: str, *, preferred: bool) -> None:
        low = fragment.lower()
        types, plain = _codes(fragment, low)
        if "type" in low and _NOT_TYPE_RATED.search(fragment):
            self.not_type_rated = True
            _add(self.fleet, types)
            return
        rated = ("rat" in low or "endorse" in low or " on t" in low) and bool(
            _TYPE_RATED.search(plain)
        )
        if preferred:
            if rated or types:
                _add(self.preferred_types, types or self.title_types)
            _add(self.preferred_licences, self._licences(fragment, low))
            return
        if rated:
            self.type_rated = True
            _add(self.types, types)
        else:
            _add(self.fleet, types)
        _add(self.licences, self._licences(fragment, low))
        if _has_digit(plain) and (_HOUR_HINT_LOWER if self.gated else _HOUR_HINT).search(low):
            self._hours(plain)
        if "medic" in low:
            medical = find_medical([Line(_MEDICAL_NOISE.sub(" ", fragment))])
            if medical:
                self.medical.append(medical)

    def _licences(self, fragment: str, low: str) -> list[str]:
        if not any(map(low.__contains__, self.licence_words)):
            return []
        text = _VISA.sub(" ", fragment) if "visa" in low else fragment
        if self.engineer or any(w in low for w in _ENGINEER_WORDS):
            text = "Part-66 " + text
        pieces = [text]
        if any(w in low for w in _NOT_HELD_WORDS):
            # The parser skips a resume line naming a course or "frozen"; in an ad such words
            # sit beside the licence ("CPL with ATPL theory"), so read the alternatives alone.
            part66 = "Part-66 " if _PART66.search(text) else ""
            pieces = [part66 + p for p in _LICENCE_PIECES.split(text)] + pieces
        found: list[str] = []
        for piece in pieces:
            if self.gated and not _may_name_licence(piece.lower()):
                continue
            for code in find_licences([Line(piece)]):
                if self.heli and code.endswith("(A)") and not _AEROPLANE.search(piece):
                    code = code[:-3] + "(H)"
                _add(found, [code])
        return found

    def _hours(self, plain: str) -> None:
        text = _PLUS.sub(r"\1", plain)
        low = text.lower()
        total = pic = None
        if not self.gated or any(w in low for w in _HOURS_NEEDS):
            total, pic = find_hours([Line(text)])
        if total is not None and (value := _number(str(total))):
            self.total.append(value)
        if pic is not None and (value := _number(str(pic))):
            self.pic.append(value)
        if pic is None:
            self.pic += _scan(text, low, _PIC_PATTERNS, qualified_ok=True)
        if total is None:
            self.total += _scan(text, low, _TOTAL_PATTERNS, qualified_ok=False)

    def result(self) -> dict[str, Any]:
        types = list(self.title_types)
        _add(types, self.types)
        if not types:
            # A fleet named only in a blurb ("our A320 fleet") is still the role's aircraft,
            # but only when it is one family: a mixed fleet says nothing about the role.
            fleet = [t for t in self.fleet if t not in self.preferred_types]
            types = fleet if len(fleet) == 1 else []
        return {
            "licences": self.licences,
            "preferred_licences": [c for c in self.preferred_licences if c not in self.licences],
            "type_ratings": types,
            "preferred_type_ratings": [t for t in self.preferred_types if t not in self.types],
            "type_rated_required": self.type_rated and not self.not_type_rated and bool(types),
            "min_total_hours": min(self.total) if self.total else None,
            "min_pic_hours": min(self.pic) if self.pic else None,
            "medical_class": min(self.medical) if self.medical else None,
        }


def _scan(
    text: str,
    low: str,
    patterns: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...],
    *,
    qualified_ok: bool,
) -> list[int]:
    """The first plausible figure the job-ad phrasings find (the parser's forms came first)."""
    for words, pattern in patterns:
        if not any(w in low for w in words):
            continue
        for match in pattern.finditer(text):
            if not qualified_ok and _QUALIFIED.match(text, match.end()):
                continue
            if (value := _number(match.group(1))) is not None:
                return [value]
    return []

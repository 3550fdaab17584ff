"""Aviation requirements of a job ad: licences, type ratings, minimum hours and medical class.

The ad is read as a recruiter reads it: what is required versus merely preferred ("A320 type
rated preferred"), what belongs to the benefits ("type rating provided", "900 block hours a
year") and what is the bar ("Minimum 3,000 hours total time"). The canonical codes and their
surface forms come from resume_parser.aviation, so a resume and a job speak the same codes.

`licences` are alternatives (any one satisfies the ad: "ATPL or CPL with frozen ATPL"), as are
`type_ratings` (the fleet the role flies or maintains); holding one of those types is a hard
requirement only when `type_rated_required` is true.

This runs once per scraped item, so every regex is gated by word tests on the lower-cased line
or clause (aeroscrap.requirements_patterns.word_finder): most of an ad (duties, company blurb)
never reaches a pattern. Each gate holds words one of which every text the gated patterns can match
contains, so a gate never changes a result; it is tested on the piece of the ad at hand, never on
the whole ad. Case-insensitive patterns run as their lower-case twins on lower-cased text; they
also match "İ"/"ı" for i and "ſ" for s, which neither a twin nor a word test sees: an ad holding
one of those three keeps the case-insensitive patterns and skips the gates that rely on this.
Types named in blurbs only matter when the ad names no other type, so they are read only then.
"""

from __future__ import annotations

import re
from typing import Any

from aeroscrap import requirements_patterns as pat
from aeroscrap.requirements_patterns import Rx
from resume_parser.aviation import find_hours, find_licences, find_medical
from resume_parser.models import Line

MAX_PLAUSIBLE_HOURS = 30_000


def job_requirements(title: str, description: str) -> dict[str, Any]:
    """Required/preferred licences and type ratings, minimum total/PIC hours, medical class."""
    text = description or ""
    acc = _Accumulator(title or "", text)
    mode = "neutral"
    for raw in _lines(text):
        line = raw.strip(" *-–.")
        if not line:
            continue
        low = line.lower()
        relevant = _relevant(low)
        # A short line is a heading only when it says nothing itself ("Desirable", not
        # "B737 type rating essential"); a bullet never is.
        if (":" in line or (len(line) <= 45 and not relevant)) and not _bullet(raw):
            match = pat.HEADING.match(line)
            if match and (match.group(1) or not relevant):
                line, mode = acc.heading(match, line, mode)
                low = line.lower()
                relevant = _relevant(low)
        if not relevant:
            continue
        if mode == "other":
            acc.benefit(line, low)
        elif pat.PREFERRED_WORD.search(low):
            for fragment, preferred in _fragments(line, mode == "preferred"):
                acc.read(fragment, fragment.lower(), preferred=preferred)
        else:
            acc.read(line, low, preferred=mode == "preferred")
    return acc.result()


def _lines(text: str) -> list[str]:
    """Sentences and list items, before stripping bullets and blanks."""
    # str.replace and splitlines run in C: a regex split costs more than the rest of the ad.
    # Looking for one character is many times faster than a replace that finds nothing.
    for sep in ("•", "·", "▪", "●", "\t"):
        if sep in text:
            text = text.replace(sep, "\n- ")
    for sep in (". ", "; ", " - ", " – "):
        text = text.replace(sep, "\n")
    return text.splitlines()


def _bullet(raw: str) -> bool:
    return raw.lstrip()[:1] in pat.BULLETS


def _relevant(low: str) -> bool:
    """Whether the line (`low` lower-cased) may say anything: a figure or a gate word."""
    return pat.RELEVANT.search(low) is not None


def _has_digit(text: str) -> bool:
    return pat.DIGIT.search(text) is not None


def _fragments(line: str, preferred_mode: bool) -> list[tuple[str, bool]]:
    """Split a sentence into clauses; "(preferred)" or "Ideally," also marks its neighbour."""
    parts = [p for p in pat.FRAGMENTS.split(line) if p and p.strip(" )")]
    out: list[tuple[str, bool]] = []
    carry = False
    for i, part in enumerate(parts):
        cue = bool(pat.PREFERRED.search(part))
        if cue and not _relevant(part.lower()):
            if i == 0:
                carry = True  # "Ideally, you hold ..." applies to what follows
            elif out:
                out[-1] = (out[-1][0], True)  # "..., preferred" applies to what precedes
            continue
        out.append((part, preferred_mode or cue or carry))
    return out


def _may_name_licence(low: str) -> bool:
    """False when find_licences can find nothing in the text of `low` (see LICENCE_PHRASES)."""
    return pat.LICENCE_PHRASE.search(low) is not None or pat.LICENCE_TOKEN.search(low) is not None


def _number(text: str) -> int | None:
    value = int(text.replace(",", "").replace(".", ""))
    return value if 0 < value <= MAX_PLAUSIBLE_HOURS else None


def _add(found: list[str], codes: list[str]) -> None:
    for code in codes:
        if code not in found:
            found.append(code)


class _Accumulator:
    """Collects what each clause says; result() turns it into the requirements dict."""

    def __init__(self, title: str, description: str) -> None:
        self.licences: list[str] = []
        self.preferred_licences: list[str] = []
        self.types: list[str] = []
        self.preferred_types: list[str] = []
        # Types named outside requirement clauses (a fallback), in order: the codes of a clause, or
        # a blurb line (text, lower-cased) read only when the fallback is needed.
        self.fleet: list[list[str] | tuple[str, str]] = []
        self.not_type_rated = False
        self.total: list[int] = []
        self.pic: list[int] = []
        self.medical: list[int] = []
        self.title_low = title.lower()
        self.description = description
        self._heli: bool | None = None
        # Whether the lower-case twins and the substring gates are exact for this ad.
        self.gated = not (
            pat.ODD_CASE.search(title) or any(map(description.__contains__, pat.ODD_CASE_CHARS))
        )
        self.title_types, _ = self._codes(title, self.title_low)
        self.engineer = self._search(pat.ENGINEER_TITLE, title, self.title_low)
        # "Type Rated Captain B777": the title alone makes the rating a requirement.
        self.type_rated = bool(self.title_types) and self._search(
            pat.TYPE_RATED, title, self.title_low
        )
        # "B1 Engineer" in a title is the Part-66 licence even without the word "licence".
        self.licences = self._licences(pat.TITLE_LICENCE.sub(r"\1", title), self.title_low)

    @property
    def heli(self) -> bool:
        """A helicopter role: licences read as (H). Worked out only when an (A) licence shows."""
        if self._heli is None:
            # On the whole ad a test per word is faster than a word finder.
            description_low = self.description.lower()
            self._heli = any(
                w in self.title_low or w in description_low for w in pat.HELI_WORDS
            ) or any(t in pat.HELICOPTER_TYPES for t in self.title_types)
        return self._heli

    def _search(self, pattern: Rx, text: str, low: str) -> bool:
        """`pattern` found in `text` (`low` lower-cased), by its lower-case twin when exact."""
        if self.gated:
            return pattern.lower.search(low) is not None
        return pattern.mixed.search(text) is not None

    def _hour_hint(self, low: str) -> bool:
        """Whether a figure in the clause (`low` lower-cased) may be a number of hours."""
        if self.gated:
            return bool(pat.HOUR_FIGURE.search(low) or pat.HOUR_WORD.search(low))
        return pat.HOUR_HINT.search(low) is not None

    def heading(self, match: re.Match[str], line: str, mode: str) -> tuple[str, str]:
        """A heading ("Desirable:", "What we offer") switches the mode of the lines after it."""
        head = match.group(1) or match.group(3)
        rest = match.group(2) or ""
        low = head.lower()
        if self._search(pat.HEAD_PREFERRED, head, low):
            return rest, "preferred"
        if self._search(pat.HEAD_OTHER, head, low):
            return rest, "other"
        if self._search(pat.HEAD_REQUIRED, head, low):
            return rest, "required"
        if self._search(pat.HEAD_NEUTRAL, head, low):
            return rest, "neutral"
        return line, mode

    def benefit(self, line: str, low: str) -> None:
        """Benefits and company blurbs: only "type rating provided" and the fleet count."""
        if "type" in low and self._search(pat.NOT_TYPE_RATED, line, low):
            self.not_type_rated = True
        self.fleet.append((line, low))

    def read(self, fragment: str, low: str, *, preferred: bool) -> None:
        if "type" in low and self._search(pat.NOT_TYPE_RATED, fragment, low):
            self.not_type_rated = True
            self.fleet.append((fragment, low))
            return
        may_rate = "rat" in low or "endorse" in low or " on t" in low
        may_count = _has_digit(fragment) and self._hour_hint(low)
        if not (preferred or may_rate or may_count):
            # The types named here only go to the fallback fleet: read them if it is needed.
            self.fleet.append((fragment, low))
            self._credentials(fragment, low)
            return
        types, plain = self._codes(fragment, low)
        rated = may_rate and self._search(
            pat.TYPE_RATED, plain, low if plain is fragment else plain.lower()
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
            self.fleet.append(types)
        self._credentials(fragment, low)
        # A figure inside a type ("A320") is no count of hours.
        if may_count and _has_digit(plain):
            self._hours(plain)

    def _credentials(self, fragment: str, low: str) -> None:
        """The licences and the medical class a required clause names."""
        _add(self.licences, self._licences(fragment, low))
        if "medic" in low:
            medical = find_medical([Line(pat.MEDICAL_NOISE.sub(" ", fragment))])
            if medical:
                self.medical.append(medical)

    def _codes(self, text: str, low: str) -> tuple[list[str], str]:
        return pat.type_codes(text, low, lower_case=self.gated)

    def _licences(self, fragment: str, low: str) -> list[str]:
        if not pat.LICENCE_WORD.search(low):
            return []
        text = pat.VISA.sub(" ", fragment) if "visa" in low else fragment
        if self.engineer or pat.ENGINEER_WORD.search(low):
            text = "Part-66 " + text
        pieces = [text]
        if pat.NOT_HELD_WORD.search(low):
            # The parser skips a resume line naming a course or "frozen"; in an ad such words
            # sit beside the licence ("CPL with ATPL theory"), so read the alternatives alone.
            part66 = "Part-66 " if pat.PART66.search(text) else ""
            pieces = [part66 + p for p in pat.LICENCE_PIECES.split(text)] + pieces
        found: list[str] = []
        for piece in pieces:
            if self.gated and not _may_name_licence(piece.lower()):
                continue
            for code in find_licences([Line(piece)]):
                if code.endswith("(A)") and not pat.AEROPLANE.search(piece) and self.heli:
                    code = code[:-3] + "(H)"
                _add(found, [code])
        return found

    def _hours(self, plain: str) -> None:
        text = pat.PLUS.sub(r"\1", plain) if "+" in plain else plain
        low = text.lower()
        total = pic = None
        if not self.gated or pat.HOURS_NEED.search(low):
            total, pic = find_hours([Line(text)])
        if total is not None and (value := _number(str(total))):
            self.total.append(value)
        if pic is not None and (value := _number(str(pic))):
            self.pic.append(value)
        subject = low if self.gated else text
        if pic is None:
            self.pic += self._scan(subject, low, pat.PIC_PATTERNS, qualified_ok=True)
        if total is None:
            self.total += self._scan(subject, low, pat.TOTAL_PATTERNS, qualified_ok=False)

    def _scan(
        self,
        subject: str,
        low: str,
        patterns: tuple[tuple[tuple[str, ...], Rx], ...],
        *,
        qualified_ok: bool,
    ) -> list[int]:
        """The first plausible figure the job-ad phrasings find (the parser's forms came first).
        `subject` is `low` when the lower-case twins are exact, else the text itself."""
        qualified = pat.QUALIFIED.lower if self.gated else pat.QUALIFIED.mixed
        for words, pattern in patterns:
            if not any(map(low.__contains__, words)):
                continue
            for match in (pattern.lower if self.gated else pattern.mixed).finditer(subject):
                if not qualified_ok and qualified.match(subject, match.end()):
                    continue
                if (value := _number(match.group(1))) is not None:
                    return [value]
        return []

    def result(self) -> dict[str, Any]:
        types = list(self.title_types)
        _add(types, self.types)
        if not types:
            # A fleet named only in a blurb ("our A320 fleet") is still the role's aircraft,
            # but only when it is one family: a mixed fleet says nothing about the role.
            fleet: list[str] = []
            for codes in self.fleet:
                _add(fleet, codes if isinstance(codes, list) else self._codes(*codes)[0])
            fleet = [t for t in fleet if t not in self.preferred_types]
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

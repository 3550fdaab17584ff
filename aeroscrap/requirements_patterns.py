"""Word lists and patterns aeroscrap.requirements reads a job ad with, and type_codes, which
finds the aircraft types of a clause with them.

Most patterns are case-insensitive and come as an `Rx` pair: the pattern itself, for any text,
and its lower-case twin without IGNORECASE, for lower-cased text. IGNORECASE makes the engine
enter every alternative at every position, while a lower-case literal lets it skip a position on
one character compare, so the twin runs several times faster. The two agree on a text without "İ",
"ı" and "ſ" (ODD_CASE_CHARS): for every other character lower() keeps one character and keeps
which letters IGNORECASE matches it to. The word lists are substring gates on lower-cased text;
each holds a word that every text the gated patterns can match contains.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from resume_parser.aviation import TYPE_PATTERNS

_I = re.IGNORECASE
# IGNORECASE matches these for i and s; lower() keeps "ı" and "ſ" and turns "İ" into "i" + U+0307.
ODD_CASE_CHARS = "\u0130\u0131\u017f"
ODD_CASE = re.compile(f"[{ODD_CASE_CHARS}]")


class Rx(NamedTuple):
    """A case-insensitive pattern and its twin for lower-cased text (see the module docstring)."""

    mixed: re.Pattern[str]
    lower: re.Pattern[str]


def _lowered(source: str) -> str:
    """`source` with its literal letters lower-cased: escapes (\\W, \\S) and "(?P" stay."""
    return re.sub(
        r"\\.|\(\?P|[A-Z]",
        lambda m: m.group().lower() if len(m.group()) == 1 else m.group(),
        source,
    )


def rx(source: str) -> Rx:
    """The case-insensitive pattern of `source` and its lower-case twin."""
    return Rx(re.compile(source, _I), re.compile(_lowered(source)))


# Characters from the most to the least frequent in English text; any other one is rarer still.
_BY_FREQUENCY = " etaoinshrdlcumwfgypbvkjxqz"


def _frequency(char: str) -> int:
    return len(_BY_FREQUENCY) - _BY_FREQUENCY.find(char) if char in _BY_FREQUENCY else 0


def word_finder(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern that finds one of `words` where one occurs (the same as testing each with `in`).

    Each word is entered at one of its characters and checked back with a lookbehind, the words
    grouped by that character, chosen rare and shared: the engine skips to the few characters
    that can start a match and tries only their words. On a line or clause that beats a test per
    word, whose cost is mostly the call; on a whole ad a test per word is faster.
    """
    entry: dict[str, int] = {}
    for word in sorted(words, key=lambda w: -min(map(_frequency, w))):  # fewest choices first
        chosen = {w[i] for w, i in entry.items()}
        entry[word] = min(
            range(len(word)), key=lambda i: 0 if word[i] in chosen else _frequency(word[i])
        )
    tails: dict[str, list[str]] = {}
    for word in words:
        at = entry[word]
        check = f"(?<={re.escape(word)})" if at else ""
        tails.setdefault(word[at], []).append(re.escape(word[at + 1 :]) + check)
    return re.compile(
        "|".join(
            re.escape(first) + ("" if "" in rest else f"(?:{'|'.join(rest)})")
            for first, rest in tails.items()
        )
    )


# One alternation of the parser's type patterns, tried only where a type can start.
# Each alternative ends in an empty named group rather than sitting inside one: the regex engine
# then tries a failing position about twice as fast, and `lastgroup` names the type that matched.
TYPES = rx("|".join(f"(?:{p.pattern})(?P<t{i}>)" for i, (_, p) in enumerate(TYPE_PATTERNS)))
TYPE_CODES = {f"t{i}": code for i, (code, _) in enumerate(TYPE_PATTERNS)}
# Every type form holds a digit run or one of these words.
TYPE_WORDS = ("dreamliner", "jet", "crj", "otter", "caravan", "puma")
TYPE_WORD = word_finder(TYPE_WORDS)
# Where a digit run ("3,000" is one run) starts that may be part of a type: shorter than 4
# characters or glued to what precedes it ("CRJ1000", "A350-1000"); a bare "3,000" or "1500" is a
# count. The digit comes first so that the engine skips to digits before trying the rest.
TYPE_ANCHOR = re.compile(
    r"[0-9](?<![0-9][0-9])(?<![0-9][,.][0-9])"
    r"(?:(?<=\S[0-9])|(?:[0-9]{0,2}|[,.][0-9])(?![0-9]|[,.][0-9]))"
)
# First letters of every surface form in TYPE_PATTERNS ("737" alone starts with a 7).
TYPE_FIRST = frozenset("abcdehpqrst7")
# A letter of TYPE_FIRST (either case) not preceded by a letter or digit: where a type can start.
TYPE_START = re.compile(
    r"(?<![^\W_])[" + "".join(sorted(TYPE_FIRST | {c.upper() for c in TYPE_FIRST})) + "]"
)
TYPE_LOOKBACK = 12  # "Embraer 190", "Boeing 737": the name starts this far before the digits
HELICOPTER_TYPES = frozenset(
    {"AW139", "AW169", "S92", "H135", "H145", "H125", "R44", "AW109", "S76", "H175", "H225", "B412"}
)


def type_codes(text: str, low: str, *, lower_case: bool) -> tuple[list[str], str]:
    """Aircraft family codes in order, and the text (`low` lower-cased) with each type replaced by
    "TYPE"; `lower_case` when the lower-case twins are exact for the text."""
    anchors = [m.start() for m in TYPE_ANCHOR.finditer(text)]
    if TYPE_WORD.search(low):
        for word in TYPE_WORDS:
            at = low.find(word)
            while at >= 0:
                anchors.append(at)
                at = low.find(word, at + 1)
    found: list[str] = []
    if not anchors:
        return found, text
    # Positions in `low` are those in `text`: only "İ" changes the length.
    types, subject = (TYPES.lower, low) if lower_case else (TYPES.mixed, text)
    pieces: list[str] = []
    done = 0
    for anchor in sorted(anchors):
        if anchor < done:
            continue
        # Only a word start with a letter some type begins with, up to the anchor itself.
        candidate = TYPE_START.search(text, max(done, anchor - TYPE_LOOKBACK), anchor + 1)
        while candidate:
            start = candidate.start()
            match = types.match(subject, start)
            if match:
                code = TYPE_CODES[str(match.lastgroup)]
                if code not in found:
                    found.append(code)
                pieces += [text[done:start], "TYPE"]
                done = match.end()
                break
            candidate = TYPE_START.search(text, start + 1, anchor + 1)
    return found, "".join([*pieces, text[done:]]) if found else text


GATE_WORDS = (
    "licen", "atpl", "atp ", "cpl", "ppl ", "ppl(", " mpl", "mpl ", "part-66", "part 66",
    "part66", "medic", "rated", "rating", "airframe", "atco", "air traffic", "dispatch",
    "operations officer", " foo", "attestation", " cca", "endorse", "on type", "certificate",
    *TYPE_WORDS,
)  # fmt: skip
LICENCE_WORDS = (
    "licen", "atpl", "atp ", "cpl", "ppl ", "ppl(", " mpl", "mpl ", "part", "b1", "b2", "a1",
    "a2", "a3", "a4", "categor", "cat ", "cat.", "a&p", "a & p", "airframe", "atco",
    "air traffic", "dispatch", "operations officer", " foo", "attestation", " cca",
    "certificate",
)  # fmt: skip
NOT_HELD_WORDS = ("course", "theor", "exam", "program", "student", "toward", "study", "frozen")
PREFERRED_WORDS = (
    "prefer", "desirab", "advantag", "plus", "nice", "benefic", "ideal", "asset", "bonus",
    "welcome", "priorit",
)  # fmt: skip
# A figure or a gate word: whether a line may say anything at all.
RELEVANT = word_finder((*GATE_WORDS, *"0123456789"))
LICENCE_WORD = word_finder(LICENCE_WORDS)
NOT_HELD_WORD = word_finder(NOT_HELD_WORDS)
PREFERRED_WORD = word_finder(PREFERRED_WORDS)
HELI_WORDS = ("helicopter", "rotary", "rotorcraft", "(h)", "hems", "offshore")
ENGINEER_WORDS = ("engineer", "technician", "mechanic", "certifying", "avionic", "b1", "b2")
ENGINEER_WORD = word_finder(ENGINEER_WORDS)
# A figure read as hours needs one of these nearby. The case-insensitive pattern serves ads with
# odd-case letters; on lower-cased text the figure and the words are the same test, faster apart.
HOUR_HINT = re.compile(r"[0-9]\s*\+?\s*h|hour|hrs|tt|pic|p1|command|captain|time|total|fl[iy]", _I)
HOUR_FIGURE = re.compile(r"[0-9]\s*\+?\s*h")
HOUR_WORD = word_finder(
    ("hour", "hrs", "tt", "pic", "p1", "command", "captain", "time", "total", "fli", "fly")
)
# Every licence form find_licences knows (resume_parser.aviation) holds one of these phrases or
# tokens, lower-cased; tests/aeroscrap/test_requirements.py checks the forms against them.
LICENCE_PHRASES = (
    "frozen", "transport pilot", "commercial pilot", "private pilot", "crew pilot",
    "airframe", "air traffic control", "dispatch", "flight operations officer",
    "cabin crew attestation",
)  # fmt: skip
LICENCE_PHRASE = word_finder(LICENCE_PHRASES)
# A licence token at a word start: "\bx" is written "x(?<!\w.)", so that every alternative starts
# with its letter and the engine skips to those letters.
LICENCE_TOKEN = re.compile(
    r"a(?<!\w.)(?:tpl?|tco|\s*&\s*p|[1-4])\b|c(?<!\w.)(?:pl|ca|ategory\s*[ac]|at\.?\s*[ac])\b|"
    r"p(?<!\w.)pl\b|m(?<!\w.)pl\b|f(?<!\w.)oo\b|b(?<!\w.)[12]"
)
# Every total or PIC figure find_hours reads is labelled with one of these.
HOURS_NEEDS = ("total", "tt", "tft", "pic", "p1", "pilot")
HOURS_NEED = word_finder(HOURS_NEEDS)
PLUS = re.compile(r"(\d)\s*\+")
TITLE_LICENCE = re.compile(r"\(([AB]\d[^)]*)\)")

BULLETS = ("-", "*", "–")
DIGIT = re.compile(r"[0-9]")
FRAGMENTS = re.compile(r",\s+|\s+(?:but|whereas|while|although)\s+|\s*\((?=[^)]*\))", _I)
LICENCE_PIECES = re.compile(r"\s+(?:or|and|with|plus|including)\s+|\s*/\s*", _I)
AEROPLANE = re.compile(r"\(A\)|aeroplane|airplane|fixed[- ]wing", _I)
PART66 = re.compile(r"part[- ]?66|\bAML\b", _I)
ENGINEER_TITLE = rx(r"engineer|technician|mechanic|certifying|\bAME\b|\bLAE\b|avionic")
# The US "B1/B2 visa" is not a Part-66 licence.
VISA = re.compile(r"\b(?:B1\s*/\s*B2|C1\s*/\s*D)\s+visas?\b|\bvisas?\b", _I)
MEDICAL_NOISE = re.compile(r"medical\s+(?:insurance|cover(?:age)?|plan|benefits?|care|scheme)", _I)
PREFERRED = re.compile(
    r"\bprefer(?:red|ably|ence)?\b|desirable|advantage(?:ous)?|\ba plus\b|nice[- ]to[- ]have|"
    r"beneficial|\bideal(?:ly)?\b|an asset|\bbonus\b|(?:is|are|be) welcome|prioriti[sz]ed",
    _I,
)

HEADING = re.compile(r"^([^:\d]{2,45}):\s*(.*)$|^([A-Za-z][A-Za-z ,&'/()-]{1,40})$")
HEAD_PREFERRED = rx(r"desirable|preferred|nice[- ]to[- ]have|advantag|bonus|\bplus\b")
HEAD_OTHER = rx(
    r"offer|benefit|package|perks|salary|remuneration|about (?:us|the company)|who we are|"
    r"why join|rewards|we provide|how to apply"
)
HEAD_REQUIRED = rx(
    r"requirement|essential|required|must|minimum|qualification|criteria|what you|profile|"
    r"about you|skills|experience|eligib|prerequisite|you (?:will )?(?:have|need|bring)"
)
HEAD_NEUTRAL = rx(r"responsibilit|duties|role|position|job|overview")

# These two are only searched for, never read: each alternative starts with a letter (a lookbehind
# stands for a leading \b), so that the engine skips to the letters that can start one.
TYPE_RATED = rx(
    r"type[- ]?rat(?:ed|ing)|rated on|current on|hours on TYPE|experience on TYPE|time on TYPE|"
    r"on type\b(?<=\bon type)|endorse"
)
NOT_TYPE_RATED = rx(
    r"non[- ]?type[- ]?rated|type rating\s+(?:is\s+|will be\s+|can be\s+)?(?:fully\s+)?"
    r"(?:provided|offered|funded|sponsored|paid|included|given|bonded)|"
    + "".join(
        rf"{verb}s?\s+(?:a\s+|the\s+|your\s+)?(?:full\s+|fully\s+funded\s+)?type rating|"
        for verb in ("provide", "offer", "fund", "sponsor", "pay for", "include")
    )
    + r"no type rating|type rating\s+(?:is\s+)?not\s+(?:required|necessary|needed)|"
    r"without (?:a\s+)?type rating|"
    + "".join(f"{how} type rating|" for how in ("funded", "sponsored", "paid", "free"))
    + r"type rating (?:course|training)"
)

# A figure, "1,500" or "1500". It starts with its first digit (the lookbehind is checked once that
# is read), so that the engine skips to digits in the patterns that start with a figure.
_NUM = r"(\d(?<![\d.,]\d)(?:\d?[,.]\d{3}|\d{0,4}))(?![\d,.]\d)"
_UNIT = r"\s*(?:h|hrs?|hours?|fh)\b"
_MIN_WORD = r"(?:minimum|min\.?|at least|over|more than|in excess of|greater than)"
# "(?:a\s+)?" up front would hide the first letters from the engine.
_MIN = rf"(?:a\s+{_MIN_WORD}|{_MIN_WORD})\s+(?:of\s+)?"
_COMMAND = r"(?:PIC|P1|pilot[- ]in[- ]command|command|captain|commander)"
_COMMAND_WORDS = ("pic", "p1", "command", "captain")
_MIN_WORDS = ("min", "least", "over", "more than", "excess", "greater")
# (words one of which must be present, pattern): the words keep patterns off clauses they
# cannot match, which is most of the cost.
PIC_PATTERNS = (
    (_COMMAND_WORDS, rx(rf"{_NUM}(?:{_UNIT})?\s+(?:\w+\s+)?(?:as\s+|of\s+|in\s+)?{_COMMAND}\b(?!\s*US)")),
    (_COMMAND_WORDS, rx(rf"\b{_COMMAND}(?!\s*US)\s+(?:time|hours|experience)?\s*(?:of\s+)?(?:{_MIN})?{_NUM}")),
)  # fmt: skip
TOTAL_PATTERNS = (
    (
        ("total", "tt", "flight", "flying", "logged"),
        rx(rf"{_NUM}{_UNIT}\s+(?:of\s+)?(?:total|TT\b|flight|flying|logged)"),
    ),
    (("flight", "flying", "logged"), rx(rf"{_NUM}\s+(?:flight|flying|logged)\s+(?:hours|hrs|time)")),
    (("flight", "flying"), rx(rf"(?:flight|flying)\s+(?:time|hours|experience)\s*(?:of\s+)?(?:{_MIN})?{_NUM}")),
    (_MIN_WORDS, rx(rf"{_MIN}{_NUM}{_UNIT}(?!\s+(?:of\s+)?(?:\w+\s+)?{_COMMAND})")),
    (("experience", "hours"), rx(rf"{_NUM}{_UNIT}\s+(?:of\s+)?(?:experience|hours)\b")),
)  # fmt: skip
# Hours of a kind (on type, multi-crew, per year...) are never the total-time bar.
QUALIFIED = rx(
    r"\W*(?:\w+\s+){0,3}?(?:on\s+(?:type|the|jets?|turbo\w*)|TYPE|multi[- ]?(?:crew|engine|pilot)|"
    r"jet|turbine|turbo|night|instrument|IFR|cross[- ]country|dual|instruct\w*|sim\w*|"
    r"per\s+(?:year|month|annum)|a\s+(?:year|month)|annual\w*|block|roster|"
    r"as\s+(?:first officer|FO|co-?pilot|SIC))"
)

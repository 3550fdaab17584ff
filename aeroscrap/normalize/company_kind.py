"""What kind of organisation (README 3.4 operation types) a name or an advert describes.

The words of a name or of a client description, and what an advert says of its own employer,
mapped to an operation type; company.py decides which of them applies to an advert.
"""

from __future__ import annotations

import re

from aeroscrap.normalize.location import AIRPORT_NOUNS, ascii_fold

# Words that say what kind of organisation a name or a client description is. The first rule that
# matches wins, so specific kinds come before the words they contain ("cargo airline" before
# "airline", "helicopter MRO" before "helicopter", "aerospace manufacturer" before "maintenance").
_KIND_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(rf"\b(?:{words})\b"))
    for kind, words in (
        (
            "recruitment_agency",
            r"recruit\w*|staffing|personnel|resourcing|talent|manpower|headhunt\w*",
        ),
        ("lessor", r"lessors?|leasing|lease|aircraft finance|aviation capital|aviation partners"),
        (
            "regulator_government",
            r"civil aviation authority|aviation authority|ministry|directorate|government|"
            r"regulator|air navigation|air traffic|navigation services|aviation administration|caa|dgca|"
            r"safety agency|air force|department of|navy|army|"
            # Civil aviation authorities and air navigation providers in their own languages.
            r"aviacion civil|aviacao civil|aviation civile|aviazione civile|zivilluftfahrt|"
            r"luftfahrt bundesamt|luftfartstilsynet|luftfartstilsyn|luftfartsverket|"
            r"transportstyrelsen|trafikstyrelsen|lotnictwa cywilnego|civilniho letectvi|"
            r"flugsicherung|navegacion aerea|navegacao aerea|navigation aerienne|"
            r"navigazione aerea|luchtverkeersleiding",
        ),
        ("airport", AIRPORT_NOUNS),
        # Before the makers' "supplier": a fuel or catering supplier makes nothing that flies.
        ("other", r"fuel supplier|aviation fuel|into plane|fuelling|fueling|inflight catering"),
        (
            "oem_manufacturer",
            r"manufacturer|manufacturing|oem|aerospace|aerostructures|aerosystems|industries|"
            r"avionics|propulsion|engines|defen[cs]e|tier 1|supplier",
        ),
        (
            "mro",
            r"mro|technics|technik|maintenance|engineering|repair|overhaul|part 145|camo|"
            r"aerotechnic\w*|component services|engine services|engine shop",
        ),
        (
            "helicopter_operator",
            r"helicopters?|heli|rotorcraft|rotors?|rotary wing|hems|air ambulance|"
            r"search and rescue",
        ),
        (
            "ground_handling",
            r"handling|ground handlers?|ground services|ramp services|groundhandling|"
            r"cargo terminals?|terminal operator",
        ),
        ("cargo_airline", r"cargo|freight\w*|freighter|express parcel"),
        (
            "business_aviation",
            r"business aviation|private aviation|business jets?|private jets?|bizjet|corporate jets?|"
            r"executive aviation|executive jets?|jet charter|private charter|fractional|vip",
        ),
        (
            "training_organisation",
            r"academy|flight school|flying school|flight training|aviation training|training|"
            r"college|university|ato|simulator",
        ),
        ("other", r"catering|fuels?|software|technologies|consulting|insurance|travel"),
        (
            "airline",
            r"airlines?|airways|air lines|carrier|low cost|acmi|regional operator|charter operator",
        ),
    )
)


# A school's name ends with what it is, whatever it teaches: "ADAC HEMS Academy".
_SCHOOL_HEAD = re.compile(r"\b(?:academy|school|college|university|institute)$")


def kind_from_words(text: str) -> str | None:
    """The kind of organisation a name or a phrase names (the first matching rule), else None."""
    folded = ascii_fold(text)
    if _SCHOOL_HEAD.search(folded):
        return "training_organisation"
    return next((kind for kind, pattern in _KIND_RULES if pattern.search(folded)), None)


_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
# A sentence in which an employer says what it is: "... is a Danish all-cargo airline ...".
_SELF_KIND = re.compile(
    r"\b(?:is|are)\s+(?:an?|the|one of the)\s+(?P<what>[^.,;:()]+?)"
    r"(?=\s+(?:to|for|who|which|that|based|in|at|with|operating|flying|providing|offering|"
    r"serving|headquartered|specialising|specializing)\b|[.,;:()]|$)",
    re.IGNORECASE,
)
# What an employer says it operates: "We operate a fleet of nine AW169 and H145 helicopters",
# "Our fleet of 12 ATR 72 freighters".
_OPERATES = re.compile(
    r"\b(?:operates?|runs?|flies|fly|fleet of)\s+(?P<what>[^.,;:()]+?)(?=\s+(?:to|for|from|"
    r"with|in|at|across)\b|[.,;:()]|$)",
    re.IGNORECASE,
)
# What an employer says it provides: "X provides maintenance, repair and overhaul services to
# airline customers" (stopping before the customers).
_PROVIDES = re.compile(
    r"\b(?:provides?|offers?|delivers?|performs?|specialis(?:es|izes) in)\s+(?P<what>[^.;:()]+?)"
    r"(?=\s+(?:to|for|at|across|from|in|on)\b|[.;:()]|$)",
    re.IGNORECASE,
)
# Approvals and trades only one kind of organisation holds or plies.
_HOLDS = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("mro", r"\bpart[- ]?145\b"),
        ("training_organisation", r"\bapproved training organi[sz]ation\b|\bpart[- ]?147\b"),
        ("lessor", r"\b(?:is|are) leased to\b|\bleases? (?:its|our) aircraft\b"),
    )
)
# An employer that designs or builds aircraft (or their engines and systems) is their maker.
_MAKER = re.compile(
    r"\b(?:designs?|builds?|manufactures?|develops?|produces?)\b[^.]{0,60}?\b(?:aircraft|"
    r"aeroplanes?|airplanes?|helicopters?|engines?|drones?|uavs?|avionics|satellites?|rockets?|"
    r"spacecraft|aerostructures)\b",
    re.IGNORECASE,
)


def described_kind(subject: list[str], description: str | None) -> str | None:
    """The kind of organisation an unlisted advertiser's advert says it is (an agency too), read
    only from its sentences about itself: those opening with "we", "our" or a word of `subject`
    (the first word of its name key): "<Name> is ...", "We are ...", "Our Part-145 hangars ..."."""
    subjects = {"we", "our", *subject}
    for sentence in _SENTENCE.split((description or "")[:1_000]):
        # Only the sentence's first word decides whether it is about the employer (folded only
        # when it is not plain ASCII: folding every sentence cost more than the rest).
        first = sentence[:40].split(maxsplit=1)[:1]
        word = first[0].lower() if first and first[0].isascii() else ascii_fold(sentence[:40])
        if not word or word.split()[0] not in subjects:
            continue
        if _MAKER.search(sentence):
            return "oem_manufacturer"
        for said in (
            _SELF_KIND.search(sentence),
            _OPERATES.search(sentence),
            _PROVIDES.search(sentence),
        ):
            kind = kind_from_words(said["what"]) if said else None
            if kind is not None:
                return kind
        held = next((kind for kind, pattern in _HOLDS if pattern.search(sentence)), None)
        if held is not None:
            return held
    return None

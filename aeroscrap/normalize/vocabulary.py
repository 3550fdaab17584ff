"""Aviation vocabulary for dedup: aircraft type families, licence categories and role words.

Dedup compares type-rating families, not designators: A320 = A320neo = A321, B737 = 737NG = MAX,
777F = B777, while A320 != A330, Global 6000 != Global 7500, AW139 != AW189, CFM56 != LEAP-1A
(README 4.2 rules 3-4). Role words are folded so that synonyms name one role (Cabin Crew = Flight
Attendant) while seniority modifiers are kept apart (rule 2). Input tokens are those of
`normalize_title` (designators already joined).
"""

from __future__ import annotations

import re
from collections.abc import Callable

_Family = str | Callable[[re.Match[str]], str]

# Ordered: the first full match names the family. "\w*" swallows variant suffixes (neo, ng, max,
# f, er, lr, xwb-less forms), which share the type rating of the base designator.
_SINGLE: tuple[tuple[re.Pattern[str], _Family], ...] = tuple(
    (re.compile(pattern), family)
    for pattern, family in (
        # Corporate versions share their airliner's type rating: ACJ320neo, ACJ330, BBJ MAX 8.
        (r"(?:acj|a)3(?:18|19|20|21)\w*", "a320"),
        (r"a22[0-3]\w*|bcs[13]|cs[13]00|acj(?:tsi|two\w*|22\d\w*)", "a220"),
        (r"acj33\d\w*", "a330"),
        (r"acj35\d\w*", "a350"),
        (r"bbj(?:[1-3]|max\w*)?", "b737"),
        (r"a3[01]0\w*", "a300"),
        (r"a33\d\w*", "a330"),
        (r"a34\d\w*", "a340"),
        (r"a35\d\w*", "a350"),
        (r"a38\d\w*", "a380"),
        (r"b?7([0-8])7\w*", lambda m: f"b7{m[1]}7"),
        # "Embraer 190" is "190" once the README drops the maker's name.
        (r"e?1(?:70|75)\w*|erj17\d", "e170"),
        (r"e?19[05]\w*|erj19\d", "e190"),
        # Never a bare "135"/"145": those are FAR Part 135 and Part-145.
        (r"e1[34]5\w*|erj1[34]5\w*", "e145"),
        (r"atr(?:\d{2}\w*)?", "atr"),
        (r"q[1-4]00\w*|dhc8\w*|dash8\w*", "dash8"),
        (r"crj\d{3,4}\w*", "crj"),
        (r"aw(\d{3})\w*", lambda m: f"aw{m[1]}"),
        (r"s(\d{2})[a-z]*", lambda m: f"s{m[1]}"),
        (r"(?:h|ec)1(35|45|75)\w*", lambda m: f"h1{m[1]}"),
        (r"bk117\w*", "h145"),
        (r"(?:h|ec)225\w*|as332\w*", "h225"),
        (r"h125\w*|as350\w*", "h125"),
        (r"(?:h|ec)130\w*", "h130"),
        (r"bell(\d{3})\w*", lambda m: f"bell{m[1]}"),
        (r"global(?:5000|5500|6000|6500|express\w*|xrs)", "global6000"),
        (r"global(?:7500|8000)", "global7500"),
        (r"challenger(?:300|350|3500)", "cl300"),
        (r"challenger6\d\d", "cl600"),
        (r"falcon[78]x", "falcon7x"),
        (r"(falcon|phenom|challenger|global|legacy|praetor|learjet)(\d+[a-z]*)", lambda m: m[0]),
        (r"g([1-8]\d0)(?:er)?", lambda m: f"g{m[1]}"),
        (r"cfm56\w*", "cfm56"),
        (r"leap1[abc]", lambda m: m[0]),
        (r"v2500\w*", "v2500"),
        (r"(pw\d{3,4}g?)\w*", lambda m: m[1]),
        (
            r"(ge90|genx|ge9x|cf6|cf34|rb211|pt6|md\d{2}|dc\d{1,2}|pc(?:12|21|24))\w*",
            lambda m: m[1],
        ),
    )
)
# Two-token names normalize_title leaves apart ("dash 8", "leap 1a", "trent xwb").
_PAIRS: tuple[tuple[str, re.Pattern[str], _Family], ...] = tuple(
    (first, re.compile(second), family)
    for first, second, family in (
        ("dash", r"8", "dash8"),
        ("dhc", r"8", "dash8"),
        ("q", r"[1-4]00", "dash8"),
        ("crj", r"\d{3,4}", "crj"),
        ("erj", r"17\d", "e170"),
        ("erj", r"19\d", "e190"),
        ("erj", r"1[34]5", "e145"),
        ("bell", r"\d{3}", lambda m: f"bell{m[0]}"),
        ("leap", r"1[abc]", lambda m: f"leap{m[0]}"),
        ("trent", r"xwb|\d{3,4}\w*", lambda m: f"trent{m[0]}"),
        ("cfm", r"56\w*", "cfm56"),
        ("ec", r"1(?:35|45|75|30)|225", lambda m: f"h{m[0]}"),
        ("as", r"350|332", lambda m: "h125" if m[0] == "350" else "h225"),
        ("pc", r"12|21|24", lambda m: f"pc{m[0]}"),
        ("king", r"air", "kingair"),
        ("citation", r"[a-z0-9]+", lambda m: f"citation{m[0]}"),
        ("md", r"(\d{2})f?", lambda m: f"md{m[1]}"),
    )
)
# Words after a designator that belong to it ("a350 xwb", "b737 800", "atr72 600", "b777 f"),
# freighter conversions included ("b747 8f", "b757 200pcf", "b767 300bcf").
_VARIANT = re.compile(
    r"xwb|dreamliner|family|fam|neo|ceo|max|ng|f|freighter|er|lr|xlr|sp|e2|series|classic|srs|"
    r"\d{1,4}(?:er|lr|f|sf|bcf|pcf|bdsf|p2f)?"
)
# Anything else shaped like a designator (letters then digits) is kept as its own "type".
_GENERIC = re.compile(r"[a-z]{1,3}\d{2,4}[a-z]{0,3}")
_LICENCE = re.compile(r"b([123])(?:\.\d)?l?")
_LICENCE_SUFFIX = frozenset({"avionics", "mechanical", "structures", "structural"})


def _name(pattern_match: re.Match[str], family: _Family) -> str:
    return family if isinstance(family, str) else family(pattern_match)


def aircraft_family(tokens: list[str], i: int) -> tuple[str | None, int]:
    """The type family starting at tokens[i] and how many tokens it uses, or (None, 0)."""
    token = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    family: str | None = None
    used = 0
    for first, second, pair_family in _PAIRS:
        if token == first and nxt:
            found = second.fullmatch(nxt)
            if found:
                family, used = _name(found, pair_family), 2
                break
    if family is None:
        for pattern, single_family in _SINGLE:
            found = pattern.fullmatch(token)
            if found:
                family, used = _name(found, single_family), 1
                break
    if family is None and _GENERIC.fullmatch(token) and not _LICENCE.fullmatch(token):
        family, used = token, 1
    if family is None:
        return None, 0
    while i + used < len(tokens) and _VARIANT.fullmatch(tokens[i + used]):
        used += 1
    return family, used


def licence_category(tokens: list[str], i: int, previous: str) -> tuple[str | None, int]:
    """The Part-66 (or FAA A&P) licence category at tokens[i] and the tokens it uses."""
    token = tokens[i]
    found = _LICENCE.fullmatch(token)
    if found:
        used = 1
        # "B2 Avionics", "B1 (mechanical)" just spell out the category.
        while i + used < len(tokens) and tokens[i + used] in _LICENCE_SUFFIX:
            used += 1
        return f"b{found[1]}", used
    if previous == "category" and token in {"a", "a1", "a2", "a3", "a4", "c"}:
        return token[0], 1
    if tokens[i : i + 3] == ["airframe", "and", "powerplant"]:
        return "ap", 3
    return None, 0


# Role phrases that name one role in several ways; applied in order to the role words.
_SYNONYMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"\bcontinuing airworthiness\b|\bcamo airworthiness\b", "camo"),
        (r"\bairworthiness (engineer|manager|specialist)\b", r"camo \1"),
        (r"\bcontrol officer\b", "controller"),
        (r"\bmaintenance control (?:centre|center)\b", "mcc"),
        (r"\bmoc\b|\bmaintenance operations control\b", "mcc"),
        (r"\b(?:mcc|maintenance) controller\b|\bmcc\b", "maintenancecontroller"),
        (
            r"\bcabin crew members?\b|\bcabin crew\b|\bflight attendants?\b|\bcabin attendants?\b"
            r"|\bstewardess(?:es)?\b|\bstewards?\b|\bair host(?:ess)?\b",
            "cabincrew",
        ),
        (
            r"\b(?:airline )?(?:trainee pilot|cadet pilot|pilot cadet|student pilot|"
            r"ab initio pilot|pilot trainee|cadet)s?(?: pilot| training)*"
            r"(?: programme| program| scheme| course)?\b",
            "cadetpilot",
        ),
        # Ranks and trades in the languages of the boards' home markets, so that a bilingual
        # title ("Comandante A320 / Captain A320") and its English copy name one role.
        (
            r"\b(?:comandante|capitan|kapitan|flugkapitan|commandant de bord|kaptein|kapten|"
            r"kapteeni|kaptajn|kapitein|gezagvoerder)\b",
            "captain",
        ),
        (
            r"\b(?:copiloto|co piloto|copilote|primer oficial|primeiro oficial|erster offizier|"
            r"premier officier|officier pilote de ligne|styrmann|styrman|andenpilot)\b",
            "first officer",
        ),
        # Joined like the English "cabincrew" above, which has already been folded.
        (
            r"\b(?:tripulante de cabina(?: de pasajeros)?|tripulante de cabine|tcp|tcps|auxiliar de vuelo|"
            r"auxiliar de voo|azafata|comissari[oa]s?(?: a)? de bordo|comissari[oa]s?|"
            r"flugbegleiter(?:in|innen)?|hotesse de l air|steward de l air|"
            r"personnel navigant commercial|pnc|kabinpersonal|kabinansatt|kabinpersonale|"
            r"stewardess|cabin host(?:ess)?|mudif(?:a)? (?:al )?tayaran)\b",
            "cabincrew",
        ),
        (r"\bagente de rampa\b|\bvorfeldmitarbeiter\b|\bagent de piste\b", "rampagent"),
        (
            r"\bagente de (?:pasaje|pasajeros|servicio al pasajero|tierra|aeroporto)\b|"
            r"\bagent d escale\b|\bpassagierabfertiger\b|\bkundenberater\b",
            "passengeragent",
        ),
        (
            r"\b(?:operateur de degivrage|operateur degivrage|enteiser|de icer|deicer|"
            r"operario de deshielo)\b",
            "de icing operator",
        ),
        (
            r"\b(?:flugzeugbetanker|betanker|avitailleur|abastecedor|fuel(?:l)?ing operator|"
            r"fuel operator)\b",
            "fueller",
        ),
        (r"\bmechaniker bodengerate\b|\bmecanicien gse\b", "gse mechanic"),
        (
            r"\b(?:pompier d aerodrome|pompier aeroportuaire|agent sslia|sslia|bombero de aeropuerto|"
            r"bombero|flughafenfeuerwehrmann|feuerwehrmann)\b",
            "firefighter",
        ),
        (
            r"\b(?:flugzeugmechaniker|fluggeratmechaniker|luftfahrzeugmechaniker|flymekaniker|"
            r"mecanicien (?:avion|aeronautique)|mecanico de (?:aeronaves|aviones|avioes|aviacion)|"
            r"mecanico aeronautico|meccanico aeronautico|vliegtuigmonteur)\b",
            "aircraft mechanic",
        ),
        (
            r"\b(?:flytekniker|flygtekniker|luftfahrzeugtechniker|flugzeugtechniker|"
            r"technicien (?:aeronautique|avion|de maintenance aeronautique)|"
            r"tecnico de (?:mantenimiento|manutencao) (?:aeronautico|aeronautica|de aeronaves)|"
            r"tecnico de aviones|tecnico aeronautico|tecnico de aeronaves|vliegtuigtechnicus)\b",
            "aircraft technician",
        ),
        (
            r"\b(?:despachante operacional de voo|despachador de vuelo|despachante de voo)\b",
            "dispatcher",
        ),
        (r"\bco pilot\b|\bcopilot\b", "first officer"),
        (r"\bcommander\b|\bpilot in command\b", "captain"),
        (r"\bltc\b", "training captain"),
        # Instructor, examiner and controller ratings by their usual abbreviations.
        (r"\bsfi\b", "simulator flight instructor"),
        (r"\btri\b", "type rating instructor"),
        (r"\btre\b", "type rating examiner"),
        (r"\bcri\b", "class rating instructor"),
        (r"\biri\b", "instrument rating instructor"),
        (r"(?<!wi )\bfi(?: [ah])?\b", "flight instructor"),
        (r"\batcos?\b", "air traffic controller"),
        (r"\batsep\b", "air traffic safety electronics personnel"),
        (r"\bline training\b", "training"),
        (r"\bline (captain|first officer|pilot)\b", r"\1"),
        (r"\bsearch and rescue\b", "sar"),
        (r"\bquality assurance\b", "quality"),
        (
            r"\b(?:baggage handler|ramp agent|ramp handler|ramp operative|ramp assistant|"
            r"ramp services? agent|baggage handling agent|ramp services? operative)s?\b",
            "rampagent",
        ),
        (r"\bground support equipment\b", "gse"),
        (r"\bhuman resources\b", "hr"),
        (r"\b(?:aircraft |flight )?dispatcher\b|\bflight operations officer\b", "dispatcher"),
        (r"\bmaintenance (technician|engineer|mechanic)\b", r"\1"),
        (r"\bfire ?fighters?\b|\bfire and rescue officer\b", "firefighter"),
        (r"\bsecurity (?:agent|screener|officer|guard)\b|\bscreening officer\b", "securityofficer"),
        (r"\b(?:passenger|customer) services? agent\b|\bcheck in agent\b", "passengeragent"),
        (r"\bco ordinator\b", "coordinator"),
        (r"\bairworthiness (?:inspector|surveyor)\b", "airworthinesssurveyor"),
        (
            r"\bstores? (?:assistant|operative|person|clerk|storeman)\b|\bstoreman\b",
            "storesoperative",
        ),
        (r"\b(?:into plane )?(?:re)?fuel(?:l)?er\b", "fueller"),
        (r"\bcertifying (?:technician|mechanic|engineer|staff)\b|\blae\b", "engineer"),
        (r"\bamt\b", "technician"),
        (r"\bflying instructor\b", "flight instructor"),
        (r"\bground school instructor\b", "ground instructor"),
        (r"\bsim\b", "simulator"),
        (r"\bsoftware developer\b", "software engineer"),
        (r"\bnon destructive (?:testing|inspection)\b", "ndt"),
        (r"\brevenue management analyst\b", "revenue analyst"),
    )
)
# One search tells whether any synonym applies, so most titles skip the substitutions.
_ANY_SYNONYM = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in _SYNONYMS))
# Words that say nothing about which role it is (the README's "noise", plus filler).
_NOISE = frozenset(
    " ".join(
        (
            "aircraft aviation airport airline airlines licensed license licence certifying type",
            "rated direct entry part 66 145 category family member members job",
            "vacancy vacancies position role opportunity new experienced qualified the a an of for",
            "and in at with to on all genders gn hiring urgent immediate start now apply asap",
            "required wanted needed based contract contractor permanent fixed term temporary temp",
            "seasonal freelance full time remote hybrid helicopter teilzeit vollzeit",
            "saisonnier saisonniere saisonal temporada verano invierno sazonal",
        )
    ).split()
)
# Seniority modifiers: "X", "Senior X" and "Lead X" are different roles (README 4.2 rule 2).
LEVELS = frozenset(
    " ".join(
        ("senior lead chief principal junior trainee deputy apprentice intern graduate",)
    ).split()
)


_TRAINED_RANKS = frozenset({"captain", "first", "officer", "pilot", "engineer", "commander"})
# Head nouns of roles: the blocking key uses the last of these in a title, so that a stray word
# after it ("Ramp Agent Gurugram") does not move the job to another bucket.
ROLE_HEADS = frozenset(
    " ".join(
        (
            "engineer technician mechanic captain officer pilot manager agent controller analyst",
            "planner inspector supervisor instructor dispatcher attendant handler assistant",
            "operative coordinator director specialist consultant administrator ambassador",
            "firefighter fueller driver scientist counsel partner advisor surveyor president",
            "executive accountant buyer designer developer architect auditor examiner leader",
            "superintendent postholder purser trainer clerk cabincrew rampagent dispatcher",
            "maintenancecontroller securityofficer passengeragent airworthinesssurveyor",
            "storesoperative cadetpilot crew staff worker fitter electrician painter welder",
        )
    ).split()
)


def _singular(token: str) -> str:
    return (
        token[:-1] if len(token) > 3 and token.endswith("s") and not token.endswith("ss") else token
    )


def _is_level(tokens: list[str], i: int) -> bool:
    token, following = tokens[i], tokens[i + 1] if i + 1 < len(tokens) else ""
    if token == "head":
        return following == "of"
    if token in ("training", "base", "check"):
        # "Training Captain" and "Base Captain" are ranks; "Training Provided" is not.
        return following in _TRAINED_RANKS
    return token in LEVELS


def role_words(words: list[str]) -> tuple[list[str], set[str]]:
    """Fold synonyms, drop noise and split off seniority modifiers; returns (role, levels)."""
    text = " ".join(words)
    if _ANY_SYNONYM.search(text):
        for pattern, replacement in _SYNONYMS:
            text = pattern.sub(replacement, text)
    tokens = text.split()
    levels = {t for i, t in enumerate(tokens) if _is_level(tokens, i)}
    role = [
        _singular(t) for i, t in enumerate(tokens) if t not in _NOISE and not _is_level(tokens, i)
    ]
    return role, levels


def drop_initials(role: list[str]) -> list[str]:
    """Drop an acronym of neighbouring words: "Flight Instructor (FI)" is "Flight Instructor"."""
    kept = []
    for i, token in enumerate(role):
        others = role[:i] + role[i + 1 :]
        initials = {"".join(w[0] for w in others[j : j + len(token)]) for j in range(len(others))}
        if not (2 <= len(token) <= 4 and token.isalpha() and token in initials):
            kept.append(token)
    return kept

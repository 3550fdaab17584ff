"""Text cleaning shared by every normaliser: safe-to-store text and a folded form for comparison."""

from __future__ import annotations

import re
import unicodedata

# C0/C1 control characters except \t and \n, plus bidi overrides/isolates: PostgreSQL rejects NUL,
# and the bidi controls let a title render reversed (RELIABILITY.md D12).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2066-\u2069\ufeff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# A run of two or more blanks, or one blank that is not a plain space (tab, no-break space...).
_SPACES = re.compile(r"[^\S\n]{2,}|[^\S\n ]")
_SPACE_AROUND_NEWLINE = re.compile(r" *\n *")
_MANY_NEWLINES = re.compile(r"\n{3,}")
# Every character the full cleaning removes or rewrites: the controls above, \r, surrogates and
# each whitespace character but " " and "\n". A text without them (and without the spacing
# patterns of _UNTIDY) only needs the NFC and strip checks to be known clean.
_ODD = re.compile(
    r"[\x00-\x09\x0b-\x1f\x7f-\xa0\u1680\u2000-\u200b\u2028-\u202f\u205f\u2066-\u2069\u3000"
    r"\ufeff\ud800-\udfff]"
)
_UNTIDY = ("  ", " \n", "\n ", "\n\n\n")
# Combining marks all lie at U+0300 or above: only such characters need a look.
_MAYBE_MARK = re.compile(r"[^\x00-\u02ff]")


def clean_text(s: object, max_len: int | None = None) -> str:
    """Return `s` as storable text: no control characters or lone surrogates, NFC, collapsed spaces.

    Newlines survive (descriptions keep their paragraphs); runs of other whitespace become one space.
    Idempotent: `clean_text(clean_text(x)) == clean_text(x)`, also with `max_len`.
    """
    if s is None:
        return ""
    text = s if isinstance(s, str) else str(s)
    # Most texts are clean already (every normaliser cleans its input again), so checking is
    # the common path. ASCII ends can only be whitespace or controls, which cleaning drops too.
    candidate = text.strip() if text.isascii() else text
    if (max_len is None or len(candidate) <= max_len) and _is_clean(candidate):
        return candidate
    return _clean(text, max_len)


def _is_clean(text: str) -> bool:
    """Whether `_clean` would return `text` unchanged (ignoring `max_len`)."""
    return (
        text == text.strip()
        and not any(pattern in text for pattern in _UNTIDY)
        and _ODD.search(text) is None
        and unicodedata.is_normalized("NFC", text)
    )


def _clean(text: str, max_len: int | None) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SURROGATE.sub("", text)
    text = _CONTROL.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = _SPACES.sub(" ", text)
    text = _SPACE_AROUND_NEWLINE.sub("\n", text)
    text = _MANY_NEWLINES.sub("\n\n", text).strip()
    if max_len is not None:
        # Cutting may leave a trailing space, so clean the cut once more (loop: NFC may regrow it).
        limit = max(max_len, 0)
        while len(text) > max_len:
            text = unicodedata.normalize("NFC", text[:limit]).strip()
            limit -= 1
    return text


def strip_diacritics(s: str) -> str:
    """Drop combining marks after NFKD (`Zürich` -> `Zurich`); `ß`/`ø`-style letters stay."""
    if s.isascii():
        return s
    decomposed = unicodedata.normalize("NFKD", s)
    # A text holds few distinct marks: one C-level replace per mark beats a per-character loop.
    for ch in set(_MAYBE_MARK.findall(decomposed)):
        if unicodedata.combining(ch):
            decomposed = decomposed.replace(ch, "")
    return decomposed


def fold(s: object) -> str:
    """Search/compare form: NFKC, diacritics stripped, lowercased (`Zürich` -> `zurich`)."""
    text = clean_text(s)
    return strip_diacritics(unicodedata.normalize("NFKC", text)).casefold()

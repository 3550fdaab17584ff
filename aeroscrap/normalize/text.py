"""Text cleaning shared by every normaliser: safe-to-store text and a folded form for comparison."""

from __future__ import annotations

import re
import unicodedata

# C0/C1 control characters except \t and \n, plus bidi overrides/isolates: PostgreSQL rejects NUL,
# and the bidi controls let a title render reversed (RELIABILITY.md D12).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2066-\u2069\ufeff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SPACES = re.compile(r"[^\S\n\t]+|\t+")
_SPACE_AROUND_NEWLINE = re.compile(r" *\n *")
_MANY_NEWLINES = re.compile(r"\n{3,}")


def clean_text(s: object, max_len: int | None = None) -> str:
    """Return `s` as storable text: no control characters or lone surrogates, NFC, collapsed spaces.

    Newlines survive (descriptions keep their paragraphs); runs of other whitespace become one space.
    Idempotent: `clean_text(clean_text(x)) == clean_text(x)`, also with `max_len`.
    """
    if s is None:
        return ""
    text = s if isinstance(s, str) else str(s)
    if text.isascii() and text.isprintable() and "  " not in text:
        # Fast path for the common case: printable ASCII has no controls, surrogates or
        # composable characters, so only the ends and the length can need work.
        text = text.strip()
        if max_len is None or len(text) <= max_len:
            return text
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
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(s: object) -> str:
    """Search/compare form: NFKC, diacritics stripped, lowercased (`Zürich` -> `zurich`)."""
    text = clean_text(s)
    return strip_diacritics(unicodedata.normalize("NFKC", text)).casefold()

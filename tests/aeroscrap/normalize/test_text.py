"""clean_text, strip_diacritics and fold: storable text, and the same answer on every path."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from aeroscrap.normalize.text import _clean, clean_text, fold, strip_diacritics

# Characters each handled by a different rule: blanks, controls, line ends, marks, compatibility
# forms, bidi and zero-width controls, a lone surrogate.
_TRICKY = st.text(
    alphabet=st.sampled_from(
        list("ab .\n\t\r\x00\x0b\x0c\x1c\x85\xa0\u1680\u2000\u200b\u2028\u202e\u205f\u3000")
        + list("\ufeff\ud800é\u0301\u0327ﬁÅ\u212b\u0344\u1100\u1161Ａ")
    ),
    max_size=30,
)
_MAX_LEN = st.one_of(st.none(), st.integers(min_value=0, max_value=50))


def _reference_strip(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


@given(st.one_of(st.text(max_size=300), _TRICKY), _MAX_LEN)
@example(".\u0301\t .\ta", None)  # a tab beside a space once became two spaces, then one
@example("é\u3000\tÅ", 3)
def test_clean_text_is_idempotent_and_storable(raw: str, max_len: int | None) -> None:
    once = clean_text(raw, max_len)
    assert clean_text(once, max_len) == once
    assert "\x00" not in once
    once.encode("utf-8")  # no lone surrogates left
    if max_len is not None:
        assert len(once) <= max_len


@given(st.one_of(st.text(max_size=300), _TRICKY), _MAX_LEN)
def test_clean_text_shortcut_agrees_with_full_cleaning(raw: str, max_len: int | None) -> None:
    assert clean_text(raw, max_len) == _clean(raw, max_len)


def test_clean_text_shortcut_agrees_on_every_code_point() -> None:
    for code in range(sys.maxunicode + 1):
        text = f"a{chr(code)}b"
        assert clean_text(text) == _clean(text, None), hex(code)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (".\u0301\t .\ta", ".\u0301 . a"),
        ("A320 \t Captain", "A320 Captain"),
        ("A320\t\tCaptain", "A320 Captain"),
        ("A320\u00a0\u2009Captain", "A320 Captain"),
        ("line one \t\n\t line two", "line one\nline two"),
        ("Requirements:\n\n\n\n- ATPL", "Requirements:\n\n- ATPL"),
        ("  multi\nline\n  ", "multi\nline"),
    ],
)
def test_clean_text_collapses_blanks_and_keeps_lines(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


def test_clean_text_keeps_letters_and_drops_controls() -> None:
    assert (
        clean_text("Zu\u0308rich\x00 \u202eSão  Paulo\x07\r\n\r\n\r\nok")
        == "Zürich São Paulo\n\nok"
    )
    assert clean_text("bad \ud800 surrogate") == "bad surrogate"
    assert clean_text(None) == ""
    assert clean_text(1500) == "1500"


def test_clean_text_returns_clean_text_unchanged() -> None:
    text = "Requirements:\n- Valid EASA ATPL(A)\n- Zürich base – B787 “Dreamliner”\n\nApply now."
    assert clean_text(text) is text
    assert clean_text(text, max_len=20) == "Requirements:\n- Vali"


@given(st.one_of(st.text(max_size=200), _TRICKY))
@example("Zu\u0308rich Ångström café ﬁ ½ ḁ̸̢̛͎̼̀̈́")
def test_strip_diacritics_drops_every_combining_mark(raw: str) -> None:
    assert strip_diacritics(raw) == _reference_strip(raw)


def test_strip_diacritics_on_every_code_point() -> None:
    for code in range(0x300, sys.maxunicode + 1):
        text = f"a{chr(code)}"
        assert strip_diacritics(text) == _reference_strip(text), hex(code)


def test_strip_diacritics_keeps_letters_without_marks() -> None:
    assert strip_diacritics("Zürich São Paulo Ærø Straße") == "Zurich Sao Paulo Ærø Straße"
    assert strip_diacritics("plain ascii") == "plain ascii"


def test_fold_matches_accented_and_plain() -> None:
    assert fold("Zürich") == fold("ZURICH") == "zurich"
    assert fold("Ｔｏｋｙｏ") == "tokyo"

"""The index's words and a query's words come from one tokenisation, so a word found in an
advert is always found again by a search for it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from aeroscrap.normalize.search_words import STOP_WORDS, index_text, words


def test_words_fold_split_on_punctuation_and_drop_stop_words() -> None:
    assert words("The Pilot’s A320-200 rating (TRI/TRE) — Zürich; e.g. A.T.P.L.") == [
        "pilot",
        "s",
        "a320",
        "200",
        "rating",
        "tri",
        "tre",
        "zurich",
        "e.g",
        "a.t.p.l",
    ]
    assert words("the and of with") == []
    # Words a user could mean are not stop words.
    assert {"it", "us", "uk", "a", "b1"}.isdisjoint(STOP_WORDS)


def test_index_text_keeps_the_head_whole_and_caps_the_description() -> None:
    head = ("B737 Captain", "Ryanair DAC", "Dublin, Ireland")
    text = index_text(head, "Fly the line. " * 200, limit=60)
    assert text.startswith("b737 captain ryanair dac dublin ireland fly line")
    assert len(text) <= 60
    long_title = ("word " * 50,)
    assert index_text(long_title, "more text", limit=20).split() == ["word"] * 50


@given(st.text(max_size=300), st.text(max_size=3000))
def test_every_kept_word_is_found_by_a_query_for_it(title: str, description: str) -> None:
    text = index_text((title,), description, limit=500)
    kept = text.split()
    assert set(words(title)) <= set(kept)
    # Re-tokenising the stored text gives back the same words: query and index agree.
    assert words(text) == kept

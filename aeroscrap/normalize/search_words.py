"""The words of the full-text index: one tokenisation for what jobs.search_text holds and for
what a user's query looks up, so both sides always agree."""

from __future__ import annotations

import string
from collections.abc import Iterable

from aeroscrap.normalize.text import fold

# Punctuation separates words, except '.', which stays inside a word as in the SQLite FTS5
# tokenizer (aircraft codes like "a.t.p.l"). A translate table and str.split are ~5x faster than
# a regex over every character of an advert.
_SEPARATORS = str.maketrans(
    {c: " " for c in string.punctuation if c != "."}
    | {chr(c): " " for c in range(0x2010, 0x2060)}  # dashes, quotes, bullets, ellipsis
    | {c: " " for c in "\u00a1\u00ab\u00b7\u00bb\u00bf"}
)
# Function words that match nearly every advert: indexing them costs GIN/FTS5 writes on every
# job and a query of them finds everything. Words a search could mean ("it", "us", "uk", "a"
# in "class a"...) are deliberately absent.
STOP_WORDS = frozenset(
    """about after all also an and any are as at be been being but by can could do for from
    had has have if in into is its may more most must not of on or our out over should so such
    than that the their them then there these they this those through to up was we were what
    when where which while who will with within would you your""".split()  # noqa: SIM905
)
# Stop words are about 40% of an advert's characters, so twice the kept length of description
# always fills it; folding and tokenising more would cost CPU for words never kept.
_SCAN_FACTOR = 2


def words(text: str) -> list[str]:
    """Folded words of a text, without stop words, in order (repeats kept)."""
    stripped = (w.strip(".") for w in fold(text).translate(_SEPARATORS).split())
    return [w for w in stripped if w and w not in STOP_WORDS]


def index_text(head: Iterable[str], description: str, limit: int) -> str:
    """jobs.search_text: every word of the head parts (title, company, location), then the
    description's words while the text stays within `limit` characters. Repeats stay: ranking
    counts them."""
    kept = words(" ".join(head))
    size = sum(len(w) + 1 for w in kept)
    for word in words(description[: _SCAN_FACTOR * limit]):
        size += len(word) + 1
        if size > limit + 1:
            break
        kept.append(word)
    return " ".join(kept)

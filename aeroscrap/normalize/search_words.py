"""The words of the full-text index: one tokenisation for what jobs.search_text holds and for
what a user's query looks up, so both sides always agree."""

from __future__ import annotations

import re
from collections.abc import Iterable

from aeroscrap.normalize.text import fold

# '.' stays inside a word as in the SQLite FTS5 tokenizer (aircraft codes like "a.t.p.l").
_WORD = re.compile(r"[\w.]+")
# Function words that match nearly every advert: indexing them costs GIN/FTS5 writes on every
# job and a query of them finds everything. Words a search could mean ("it", "us", "uk", "a"
# in "class a"...) are deliberately absent.
STOP_WORDS = frozenset(
    """about after all also an and any are as at be been being but by can could do for from
    had has have if in into is its may more most must not of on or our out over should so such
    than that the their them then there these they this those through to up was we were what
    when where which while who will with within would you your""".split()  # noqa: SIM905
)
# How much of a description is read for index words: role, aircraft, base and requirements come
# first in adverts, and folding/tokenising costs client CPU per character.
_DESCRIPTION_SCAN_CHARS = 2_000


def words(text: str) -> Iterable[str]:
    """Folded words of a text, without stop words, in order (repeats kept)."""
    for word in _WORD.findall(fold(text)):
        word = word.strip(".")
        if word and word not in STOP_WORDS:
            yield word


def index_text(head: Iterable[str], description: str, limit: int) -> str:
    """jobs.search_text: every word of the head parts (title, company, location), then the
    description's words while the text stays within `limit` characters. Repeats stay: ranking
    counts them."""
    kept = list(words(" ".join(head)))
    size = sum(len(w) + 1 for w in kept)
    for word in words(description[:_DESCRIPTION_SCAN_CHARS]):
        size += len(word) + 1
        if size > limit + 1:
            break
        kept.append(word)
    return " ".join(kept)

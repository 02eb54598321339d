"""Films titled with one everyday word ("Love", "Fear"): "love is great" is a saying, not a verdict on
Love (2015). Such a title is the film only with evidence: typed as a title (capitalised mid-sentence,
quoted, with its year), or the film is well known and the sentence reads as a verdict on a film."""

from __future__ import annotations

import contextlib
import re
import weakref
from collections import Counter
from collections.abc import Mapping

from agent.understanding.request import CatalogLookup
from store.movie import ascii_fold

COMMON_SHARE = 0.002  # a word in this share of the catalog's synopses, lower-cased, is an everyday word
COMMON_LEAST = 3  # and in at least this many (a small catalog's share rounds to nothing)
_PROSE_WORD = re.compile(r"(?<![\w'-])[a-z][a-z'-]*")
# words said of a film seen, not of love or fear in general: "was great", "overrated", "a 4", "the movie"
_OF_A_FILM = re.compile(
    r"\b(?:loved|liked|hated|enjoyed|disliked|adored|was|were|wasn'?t|weren'?t|been|overrated|underrated|mid|slaps|classic|masterpiece|favs?|favou?rites?"
    r"|movie|film|flick|watched|seen|saw|rewatch\w*|stars?|rated|\d+\s*/\s*10|a\s+\d(?:\.\d)?)\b"
)
_prose: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def prose_counts(lookup: CatalogLookup) -> Mapping[str, int]:
    """How many synopses use each word in lower case, counted once per catalog."""
    try:
        return _prose[lookup]
    except (KeyError, TypeError):
        pass
    counts: Counter[str] = Counter()
    for movie in lookup.movies.values():
        counts.update(set(_PROSE_WORD.findall(ascii_fold(movie.overview or ""))))
    with contextlib.suppress(TypeError):  # a lookup that can't be weakly referenced is counted each time
        _prose[lookup] = counts
    return counts


def everyday_word_title(movie_id: str, lookup: CatalogLookup) -> str | None:
    """The film's title in lower case when it is one word the catalog's synopses use as a word."""
    movie = lookup.movies.get(movie_id)
    word = ascii_fold(movie.title).casefold() if movie and movie.title else ""
    if not word.isalpha():
        return None
    least = max(COMMON_LEAST, COMMON_SHARE * len(lookup.movies))
    return word if prose_counts(lookup).get(word, 0) >= least else None


def typed_as_a_title(text: str, word: str) -> bool:
    """The word is written as a title somewhere: capitalised mid-sentence ("I think Love was great"),
    quoted ("'love' was great") or with a year ("love (2015)")."""
    for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE):
        before, after = text[: m.start()].rstrip(), text[m.end() :]
        if before.endswith(("'", '"', "“", "‘")) or after.startswith(("'", '"', "”", "’")):
            return True
        if re.match(r"\s*\(?(?:18|19|20)\d\d\b", after):
            return True
        if m[0][0].isupper() and before and not before.endswith((".", "!", "?", ":")):
            return True
    return False


def unproven_word_title(text: str, movie_id: str, lookup: CatalogLookup) -> bool:
    """A film titled with an everyday word, named with no sign the word means the film: "love is great",
    "fear was great" (Fear, 1996, little known), but not "alien was great" nor "I think Love was great"."""
    word = everyday_word_title(movie_id, lookup)
    if word is None or typed_as_a_title(text, word):
        return False
    match = lookup.resolve_title(word)
    known = match is not None and match.movie_id == movie_id and match.well_known
    return not (known and _OF_A_FILM.search(text.lower()))

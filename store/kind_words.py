"""Words said of the kind of film wanted ("scary", "an epic", "horror") find films by what they are,
never by their titles. A title says nothing of its film's kind: Scary Movie 3 (a 5.8 spoof) came
first for "something scary", found twice by its title, once in the synopsis that names its own
franchise ("the third installment of the Scary Movie franchise") and once in its vector, whose
document begins with the title (store.embeddings.movie_document). Films asked for by name are
found by title lookups before search, so nothing here hides them.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from functools import lru_cache

from store.movie import Movie


def lexical_match(words: Sequence[str], kind_words: Collection[str]) -> str:
    """The FTS5 query for these words: a kind word counts only in the keywords and synopsis of a
    film whose titles do not carry it ("scary" does not find Scary Movie 3 by the synopsis that
    names its franchise); any other word anywhere, titles and people included."""
    return " OR ".join(
        f'({{keywords overview}} : "{w}" NOT {{titles}} : "{w}")' if w in kind_words else f'"{w}"' for w in words
    )


def titled_by_kind(movie: Movie, kind_words: Collection[str]) -> bool:
    """Whether a word of any of the film's titles is a kind word asked for ("Scary Movie 3" for
    "scary", "Epic Movie" for "epic")."""
    return not title_words(movie.title, movie.original_title, *movie.aka).isdisjoint(kind_words)


@lru_cache(maxsize=1 << 15)
def title_words(*titles: str | None) -> frozenset[str]:
    """The words of a film's titles, lower case; a turn asks it of some 150 films, mostly the same ones."""
    return frozenset(w for title in titles if title for w in re.findall(r"\w+", title.casefold()))


def story_first(
    hits: list[tuple[str, float]], movies: Mapping[str, Movie], kind_words: Collection[str]
) -> list[tuple[str, float]]:
    """Vector hits with the films whose titles carry a kind word moved after every other, each
    group in its order: their nearness owes to their title's word, so they keep a place in the
    pool (a genre filter may leave few films) but none before a film found by its story."""
    if not kind_words:
        return hits
    titled = [h for h in hits if (m := movies.get(h[0])) is not None and titled_by_kind(m, kind_words)]
    if not titled:
        return hits
    ids = {h[0] for h in titled}
    return [*(h for h in hits if h[0] not in ids), *titled]

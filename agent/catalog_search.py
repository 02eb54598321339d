"""Search by words alone (`moviebot search "heist gone wrong"`), ranked as chat ranks the same words.

The plain catalog search fused the words' vector and lexical hits and nothing else, so the
README's own example, "heist gone wrong" (crime, 1990-1999, up to 130 minutes), listed Batman
Returns, The Net and Virtuosity first and Reservoir Dogs, tagged "heist gone wrong", 19th, and
without filters films titled Heist (Heist, The Maiden Heist 5.0, American Heist 4.3), while chat
put Reservoir Dogs first. Chat reads the words first: a genre or mood named is a kind of film,
found by synopsis and tags rather than title (store.kind_words), and a theme ("heist") counts for
a film whose keywords hold it (agent.scoring's themes). This does the same; the filters are the
caller's, so nothing the words say narrows the films (the options do that); words that are a
title are searched as they are, so its sequels and namesakes follow it.
"""

from __future__ import annotations

from agent.nodes.retrieve import kind_words, query_text
from agent.understanding.reader import understand
from store.catalog import Catalog, ScoredMovie
from store.filters import Filters, has_theme

POOL = 100  # films fused before the themes reorder them, as chat's retrieval pool
THEME_WEIGHT = 1.0  # a film holding every theme asked outranks a better fused one holding none, as in chat


def search_words(catalog: Catalog, text: str, filters: Filters | None = None, k: int = 10) -> list[ScoredMovie]:
    """The k best films for these words within the filters: fused relevance and quality, plus the
    share of the themes said that each film's keywords hold (the whole phrase, when several words,
    is a theme too: "heist gone wrong" is one of Reservoir Dogs' keywords)."""
    if not text.strip() or ((found := catalog.resolve_title(text)) is not None and found.score >= 100):
        return catalog.search(text, filters, k=k)  # "the dark knight" is a title: "dark" asks no dark films
    request = vars(understand(text, catalog))
    words = query_text(request, labels_tone=catalog.labels_tone) or text
    themes = [t.casefold() for t in request.get("keywords") or []]
    phrase = (request.get("query") or "").casefold().strip()
    if len(phrase.split()) > 1 and phrase not in themes:
        themes.append(phrase)
    results = catalog.search(words, filters, k=max(k, POOL), kind_words=kind_words(request))
    if not themes:
        return results[:k]

    def held(movie) -> float:
        overview = movie.overview.casefold()
        return sum(1.0 if has_theme(movie.keywords, t) else 0.5 if t in overview else 0.0 for t in themes)

    ranked = sorted(results, key=lambda r: r.score + THEME_WEIGHT * held(r.movie) / len(themes), reverse=True)
    return ranked[:k]

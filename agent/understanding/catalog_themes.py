"""A theme the phrasebook doesn't know but the catalog does: "movies about grief", "a film about chess",
"something involving beekeeping". The phrase tables name a few hundred themes; the catalog's films carry
thousands of tags (TMDB keywords, MovieLens users' tags). A word right after "about" or "involving" that
enough films are tagged with is the theme searched for, as "about dogs" is, instead of words left to guess
from under "I didn't find a genre, person, film, era or theme I know"."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from agent.theme_tags import is_theme
from agent.understanding.effect import Effect
from agent.understanding.meaning import Reading
from agent.understanding.request import CatalogLookup
from agent.understanding.text import STOPWORDS, Scan, Tok, word_set

MIN_FILMS = 3  # a tag fewer films carry is too thin to lean on, and often one film's own quirk
_CUES = word_set("about involving")
_DETERMINERS = word_set("a an the some")
# what a message says "about" that is no theme: the picks, the bot, the talk itself
_NOT_THEMES = word_set(
    """it them this that these those one ones first second third fourth fifth last other others
    movie movies film films plot story ending cast director actors rating length runtime
    you yourself me myself us him her anything something everything nothing same minutes hours hour"""
)


@lru_cache(maxsize=4)
def tag_counts(lookup: CatalogLookup) -> Counter[str]:
    """How many of the catalog's films carry each theme tag, case-folded, counted once per catalog."""
    counts: Counter[str] = Counter()
    for movie in lookup.movies.values():
        counts.update({tag.casefold() for tag in movie.keywords if is_theme(tag)})
    return counts


def read_catalog_themes(scan: Scan, reading: Reading, lookup: CatalogLookup) -> None:
    """ "movies about grief": the tag "grief" leans the picks, its word stays in the search."""
    counts = tag_counts(lookup)
    if not counts:
        return
    toks = scan.tokens()
    for i, tok in enumerate(toks):
        if tok.text not in _CUES:
            continue
        start = i + 1
        while start < len(toks) and toks[start].text in _DETERMINERS:
            start += 1
        found = _tag_at(toks, start, counts)
        if found is not None and not any(t.start in scan.kept for t in toks[start : found[1]]):  # read already
            tag, end = found
            reading.apply(Effect(keywords=(tag,)), said=scan.text[toks[start].start : toks[end - 1].end])
            scan.kept.update(t.start for t in toks[start:end])


def _tag_at(toks: list[Tok], start: int, counts: Counter[str]) -> tuple[str, int] | None:
    """The tag the words at `start` say, two words before one ("ice hockey" before "ice"), and where
    they end; None when no tag enough films carry is said there."""
    for size in (2, 1):
        words = toks[start : start + size]
        if len(words) < size or not all(w.is_word and w.text not in STOPWORDS for w in words):
            continue
        if words[-1].text in _NOT_THEMES or words[-1].text.isdigit():
            continue
        tag = _known(" ".join(w.text for w in words), counts)
        if tag is not None:
            return tag, start + size
    return None


def _known(phrase: str, counts: Counter[str]) -> str | None:
    """The form of the phrase most films are tagged with: "dogs" finds "dog", "grief" itself."""
    forms = {phrase, phrase + "s", phrase.removesuffix("s"), phrase.removesuffix("es")}
    best = max(forms, key=lambda form: counts.get(form, 0))
    return best if counts.get(best, 0) >= MIN_FILMS else None

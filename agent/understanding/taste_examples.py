"""Films given as examples of a kind of film the user refuses ("I hate horror, like Saw (2004)", "I can't
stand musicals like Grease"): films to keep away from, not the reference a "like" usually names."""

from __future__ import annotations

import re

from agent.understanding.meaning import Reading, extend_unique
from agent.understanding.request import CatalogLookup
from agent.understanding.text import Scan, sentence_span
from store.movie import ascii_fold
from store.vocab import normalise_genre

# what introduces an example right after the kind it is one of: "horror, like", "musicals such as"
_EXAMPLE_CUE = re.compile(
    r"\s*(?:movies|films|flicks|ones|stuff)?\s*[,:(-]?\s*(?:like|such\s+as|e\.?g\.?|especially|for\s+example"
    r"|for\s+instance|say)\b"
)
_CONTRAST = re.compile(r"\b(?:but|though|although|yet|however|except)\b")


def refused_examples(scan: Scan, reading: Reading, lookup: CatalogLookup) -> None:
    """Films named as examples right after a refused genre are refused with it, never liked."""
    out = reading.result
    for start, end in scan.negated:
        if not out.like_titles or not out.exclude_genres or not _names_a_genre(scan.lowered[start:end]):
            continue
        cue = _EXAMPLE_CUE.match(scan.lowered, end)
        if cue is None:
            continue
        _, closing = sentence_span(scan.lowered, cue.end(), cue.end())
        if contrast := _CONTRAST.search(scan.lowered, cue.end(), closing):  # "like Saw, but I loved Alien"
            closing = contrast.start()
        said = ascii_fold(scan.lowered[:closing]).casefold().replace("&", "and")
        for movie_id in list(out.like_titles):
            movie = lookup.movies.get(movie_id)
            title = ascii_fold(movie.title).casefold().replace("&", "and") if movie else ""
            if title and (at := said.find(title, cue.end())) >= 0:
                out.like_titles.remove(movie_id)
                extend_unique(out.exclude_titles, [movie_id])
                if len(said) == closing:  # offsets hold: the title is searched for no more either
                    scan.take(at, at + len(title), negated=True)


def _names_a_genre(refused: str) -> bool:
    """ "i hate horror", "can't stand musicals": the refusal ends with a genre's name."""
    words = re.findall(r"[\w'-]+", refused)[-3:]
    return any(normalise_genre(" ".join(words[n:])) for n in range(len(words)))


# "I hate horror, like Saw (2004)", "I love westerns, like Unforgiven": a taste for a kind, shown by a film
_TASTE_THEN_EXAMPLE = re.compile(
    r"^\W*(?:i|we)\s+(?:really\s+|just\s+|absolutely\s+|totally\s+)?(?:hate|loathe|despise|love|adore|like|enjoy"
    r"|can'?t\s+stand|cannot\s+stand|(?:don'?t|do\s+not)\s+(?:really\s+)?(?:like|enjoy))\s+(?P<kind>[\w\s'-]{2,30}?)"
    + _EXAMPLE_CUE.pattern
)


def taste_shown_by_example(lowered: str) -> bool:
    """The message states a taste for a genre and names films as examples of it: the taste is
    what to go by (as "I hate horror" alone is), and the films are judged with it."""
    taste = _TASTE_THEN_EXAMPLE.match(lowered)
    return taste is not None and _names_a_genre(taste["kind"])

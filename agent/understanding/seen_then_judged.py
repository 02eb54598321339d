"""A film watched, then another judged in a sentence of its own: "I watched Heat. Fargo was awful". The
bare "awful" beside a named film reads as a wish ("an awful lot like Heat"), so only "seen" was left and
Fargo was dropped; each film's own clause says what it was."""

from __future__ import annotations

import re

from agent.understanding.classified import Classified
from agent.understanding.ordinals import ordinal_in
from agent.understanding.request import CatalogLookup
from agent.understanding.verdicts import mixed_verdicts


def judged_after_seen(text: str, lowered: str, titles: list[str], lookup: CatalogLookup) -> Classified | None:
    """Each film's own verdict when a clause judges a film the "seen" did not name; None otherwise,
    so "I've seen Heat. Any great thrillers?" lends Heat no "great"."""
    mixed = mixed_verdicts(text, lowered, titles, lookup, ordinal_in)
    apart = {t for t in mixed or () if isinstance(t, str)} - set(titles)
    if not apart or any(_a_pronoun(t, text, lookup) for t in apart):  # "I watched Heat. It was awful": Heat's
        return None
    verdicts = tuple((t, v, stars or None) for t, (v, stars) in mixed.items() if isinstance(t, str))
    return Classified(verdicts[0][1], titles=[t for t, _, _ in verdicts], verdicts=verdicts)


_PRONOUNS = frozenset({"it", "this", "that", "they", "them", "these", "those", "he", "she", "her", "us"})


def _a_pronoun(movie_id: str, text: str, lookup: CatalogLookup) -> bool:
    """A film called "It" or "Her" is that film only when typed with its year ("It (2017) was awful")."""
    movie = lookup.movies.get(movie_id)
    title, year = (movie.title, movie.year) if movie is not None else movie_id.rsplit("-", 1)
    return title.casefold() in _PRONOUNS and not re.search(rf"\({year}\)", text)

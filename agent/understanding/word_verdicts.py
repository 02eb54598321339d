"""A verdict on a word that is also a little-known film's title: "fear was great" noted nothing (rightly:
"fear" may be the feeling) but then recommended films by the word (Fear Clinic), as if asked for them.
The message is only a verdict, so the bot asks whether the film was meant and notes nothing."""

from __future__ import annotations

import re

from agent.understanding.request import CatalogLookup
from agent.understanding.text import PANNED, PRAISED
from agent.understanding.word_titles import unproven_word_title

# the whole message is one word and a verdict on it: "fear was great", "love is terrible"
_WORD_VERDICT = re.compile(rf"^\W*(?P<word>[^\W\d_][\w'-]*)(?:{PRAISED}|{PANNED})\W*$", re.IGNORECASE)


def word_title_asked(text: str, lookup: CatalogLookup) -> str | None:
    """ "Did you mean the film Fear (1996)?" for a verdict on an everyday word that titles a film, with
    no sign the film was meant; None otherwise."""
    said = _WORD_VERDICT.match(text.strip())
    match = lookup.resolve_title(said["word"]) if said else None
    if match is None or match.title.casefold() != said["word"].casefold():
        return None
    if not unproven_word_title(text, match.movie_id, lookup):
        return None
    label = lookup.movies[match.movie_id].label
    return (f"Did you mean the film {label}? I haven't noted anything: say “{label} was great” (or how you found "
            f"it) and I'll note it.")  # fmt: skip

"""A theme refused that the phrasebook doesn't know: "horror, nothing with clowns", "no spiders",
"without sharks please". The word is what films must not be about (their keywords, title or
synopsis), as "no zombies" is; without this it was only dropped from the search, and the reply said
nothing of it."""

from __future__ import annotations

from agent.understanding.text import STOPWORDS, Tok, tokens_of, word_set

_CUES = frozenset(tokens_of(cue) for cue in ("no", "nothing", "without", "avoid", "avoiding", "excluding", "free of"))
_BETWEEN = word_set("with about involving including any movies films scenes of")
_LISTED = word_set(", or and nor")
_ENDS = word_set(", . ! ? ; and or please pls plz thanks")
# things said after "no" that are no theme: "no worries", "no thanks", "no spoilers please"
_NOT_THEMES = word_set(
    "worries thanks problems spoilers subtitles ideas thoughts plans preferences rules rush limits strings "
    "ads commercials kids others details exceptions guarantees complaints regrets favorites favourites"
)


def refused_themes(toks: list[Tok], i: int, cue_end: int, k: int) -> tuple[list[str], int]:
    """The themes refused when "no"/"nothing with"/"without" at toks[i:cue_end] refuses plural nouns
    from toks[k] and the clause ends after them ("no clowns", "nothing with clowns or spiders, please"),
    and where they end; ([], k) otherwise."""
    if tuple(t.text for t in toks[i:cue_end]) not in _CUES or any(t.text not in _BETWEEN for t in toks[cue_end:k]):
        return [], k
    if toks[i].text == "nothing" and k == cue_end:  # "nothing happens", "nothing works": a verb, not a theme
        return [], k
    themes: list[str] = []
    while k < len(toks) and _a_theme(toks[k].text) and (k + 1 == len(toks) or toks[k + 1].text in _ENDS):
        themes.append(toks[k].text)
        k += 1
        if k + 1 < len(toks) and toks[k].text in _LISTED and _a_theme(toks[k + 1].text):
            k += 1  # "clowns or spiders"
        else:
            break
    return themes, k


def _a_theme(word: str) -> bool:
    plural = len(word) >= 4 and word.isalpha() and word.endswith("s") and not word.endswith(("ss", "us", "is"))
    return plural and word not in STOPWORDS and word not in _NOT_THEMES

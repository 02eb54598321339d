"""What one phrase means (an Effect): what it adds to a request, and what it means refused.
The phrase tables are agent.understanding.phrases."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

YearSpan = tuple[int | None, int | None]

# a tone the catalog tells by a genre: "nothing romantic" refuses romance films, which the genre can
# rule out where no tone label can; "scary" is horror's, "funny" comedy's, as they ask for them
TONE_GENRES = {"romantic": "romance", "funny": "comedy", "scary": "horror"}


@dataclass(frozen=True)
class Effect:
    """What one phrase adds to an Understood; `negated` is what it means after "no"/"not"."""

    genres: tuple[str, ...] = ()
    moods: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    exclude_genres: tuple[str, ...] = ()
    exclude_moods: tuple[str, ...] = ()
    exclude_keywords: tuple[str, ...] = ()
    exclude_people: tuple[str, ...] = ()
    exclude_languages: tuple[str, ...] = ()  # "not in English", "foreign films"
    require_keywords: tuple[str, ...] = ()  # themes every pick must carry ("directed by women")
    studios: tuple[str, ...] = ()  # "a pixar movie" (agent.understanding.studios where none are recorded)
    exclude_studios: tuple[str, ...] = ()  # "no pixar"
    modifiers: tuple[str, ...] = ()
    years: Callable[[int], YearSpan] | None = None  # of today's year
    runtime: tuple[int | None, int | None] | None = None
    min_rating: float | None = None
    hidden_gem: bool = False
    quality: bool = False  # "good", "decent", "acclaimed": well-rated films lean up, none is left out
    popular: bool = False
    negated: Effect | None = None
    only_negated: bool = False  # "long" alone means nothing ("after a long day"); "not too long" does
    # nothing in it to search for: said of the speaker ("as a kid"), or read whole as a filter or caveat
    aside: bool = False
    caveat: str = ""  # what the catalog cannot tell of this phrase, said with the answer
    country_not_refused: str = ""  # "nothing from France": a country refused, which no filter can leave out

    @property
    def soft(self) -> bool:
        """Moods and themes stay in the semantic query: they describe the film, not a filter; an
        occasion's words ("date night") are no film's, though it leans to a mood."""
        return bool(self.moods or self.keywords) and not self.aside

    def when_negated(self, *, softly: bool = False) -> Effect:
        """ "No horror" drops the genre, "nothing scary" the mood and horror, which stands for it,
        "no zombies" the theme (not horror). `softly` ("not too romantic", "too scary") refuses only
        the tone: a romance may be only a little romantic."""
        if self.negated is not None:
            return self.negated
        if self.moods:
            genres = () if softly else tuple(g for m in self.moods if (g := TONE_GENRES.get(m)) in self.genres)
            return Effect(exclude_moods=self.moods, exclude_genres=genres)
        if self.keywords or self.require_keywords:
            return Effect(exclude_keywords=self.keywords or self.require_keywords)
        if self.genres:
            return Effect(exclude_genres=self.genres)
        if self.languages:  # "not in English", "any language but English"
            return Effect(exclude_languages=self.languages)
        return Effect()

"""Applying meaning: an Understood being filled in, and which filters numbers already fixed."""

from __future__ import annotations

from collections.abc import Iterable

from agent.prose import prose_list
from agent.understanding.effect import TONE_GENRES, Effect
from agent.understanding.request import Understood

# --- applying meaning --------------------------------------------------------------------------


def extend_unique(target: list[str], values: Iterable[str]) -> None:
    for value in values:
        if value not in target:
            target.append(value)


def taken_to_mean(typed: str, meant: str) -> str:
    """The caveat for words read as what they do not spell ("I took "inceptoin" to mean Inception
    (2010)."): a guess is said, in the same words wherever it is made, so a wrong one can be corrected."""
    return f'I took "{typed}" to mean {meant}.'


def _narrowed(low: int | None, high: int | None, new_low: int | None, new_high: int | None) -> tuple:
    """A range narrowed by another: the higher floor and the lower ceiling, None meaning open."""
    low = new_low if low is None else low if new_low is None else max(low, new_low)
    high = new_high if high is None else high if new_high is None else min(high, new_high)
    return low, high


class Reading:
    """An Understood being filled in, plus which filters numbers already fixed."""

    def __init__(self, today_year: int):
        self.result = Understood()
        self.today = today_year
        self.explicit_years = False
        self.stand_in_years = False  # years read for what the catalog doesn't record ("silent", "black and white")
        self.explicit_runtime = False
        self.explicit_rating = False
        self.genre_spans: list[tuple[int, int, tuple[str, ...]]] = []  # where each genre phrase was read
        self.mood_spans: list[tuple[int, int, tuple[str, ...]]] = []  # where each tone ("scary") was read
        self.place_spans: list[tuple[int, int, Effect]] = []  # where each language or country was read
        self.named_genres: set[str] = set()  # said as a genre ("sci-fi"), not implied by a theme ("space")
        self.theme_genres: set[str] = set()  # implied by a theme ("aliens": sci-fi)
        self.year_spans: list[tuple[int | None, int | None]] = []  # each year bound read, None open
        self.kind_spans: list[tuple[int, int, Effect]] = []  # where each studio, language or country was read

    def apply(self, effect: Effect, said: str = "") -> None:
        out = self.result
        extend_unique(out.genres, effect.genres)
        if not effect.keywords:
            self.named_genres.update(effect.genres)
        else:
            self.theme_genres.update(effect.genres)
        extend_unique(out.moods, effect.moods)
        extend_unique(out.keywords, effect.keywords)
        extend_unique(out.languages, effect.languages)
        extend_unique(out.countries, effect.countries)
        extend_unique(out.exclude_genres, effect.exclude_genres)
        extend_unique(out.exclude_moods, effect.exclude_moods)
        extend_unique(out.exclude_keywords, effect.exclude_keywords)
        extend_unique(out.exclude_people, effect.exclude_people)
        extend_unique(out.exclude_languages, effect.exclude_languages)
        extend_unique(out.require_keywords, effect.require_keywords)
        extend_unique(out.studios, effect.studios)
        extend_unique(out.exclude_studios, effect.exclude_studios)
        extend_unique(out.modifiers, effect.modifiers)
        extend_unique(out.caveats, [effect.caveat] if effect.caveat else [])
        if effect.country_not_refused:  # "nothing from Spain or Italy": one sentence for both
            say_countries_not_refused(out, [*out.countries_not_refused, effect.country_not_refused])
        out.hidden_gem |= effect.hidden_gem
        out.popular |= effect.popular
        out.quality |= effect.quality
        # A vague "recent" or "short" yields to numbers the user typed.
        if effect.years is not None and not self.explicit_years:
            self.bound_years(*effect.years(self.today))
            self.stand_in_years |= bool(effect.caveat)
        if effect.runtime is not None and not self.explicit_runtime:
            self.bound_runtime(*effect.runtime)
        if effect.min_rating is not None and not self.explicit_rating:
            if effect.min_rating >= (out.min_rating or 0.0):
                out.rating_words = said
            out.min_rating = max(out.min_rating or 0.0, effect.min_rating)

    def refusals_win(self) -> None:
        """ "movies set in space that are not sci-fi": a genre a theme word only implies ("space" is
        sci-fi's) yields to its refusal, so the request never asks for and refuses the same genre."""
        out = self.result
        implied = set(out.exclude_genres) - self.named_genres
        out.genres = [g for g in out.genres if g not in implied]
        # "a comedy but not funny": the comedy asked for stays, and only the tone is refused
        kept = {TONE_GENRES.get(m) for m in out.exclude_moods} & self.named_genres & set(out.genres)
        out.exclude_genres = [g for g in out.exclude_genres if g not in kept]
        out.theme_genres = [g for g in out.genres if g in self.theme_genres - self.named_genres]
        out.years_stand_in = self.stand_in_years and not self.explicit_years  # "a silent film from 1925": asked

    def bound_years(self, low: int | None, high: int | None) -> None:
        self.year_spans.append((low, high))
        out = self.result
        out.year_min, out.year_max = _narrowed(out.year_min, out.year_max, low, high)

    def bound_runtime(self, low: int | None, high: int | None) -> None:
        out = self.result
        out.min_runtime, out.max_runtime = _narrowed(out.min_runtime, out.max_runtime, low, high)


def say_countries_not_refused(out: Understood, names: list[str]) -> None:
    """`out` with `names` the countries refused that no filter can leave out, said in one caveat
    ("... may come from Spain, Italy or France.") where the first was; no names, no caveat."""
    names = list(dict.fromkeys(names))
    before = _country_caveat(out.countries_not_refused) if out.countries_not_refused else None
    at = out.caveats.index(before) if before in out.caveats else len(out.caveats)
    out.caveats[at : at + 1] = [_country_caveat(names)] if names else []
    out.countries_not_refused = names


def _country_caveat(names: list[str]) -> str:
    said = [f"the {name}" if name.startswith(_SAID_WITH_THE) else name for name in names]
    named = prose_list(said, "or")
    return f"I can ask for a country but not leave one out, so some of these may come from {named}."


_SAID_WITH_THE = ("United", "Czech", "Netherlands", "Philippines", "Dominican")  # "the United States"

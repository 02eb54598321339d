"""Follow-ups: how a new message changes the last request ("something older", "no horror though")."""

from __future__ import annotations

import dataclasses

from agent.deps import Deps
from agent.prose import prose_list
from agent.understanding.comparative_tone import LEANS as _LEANS
from agent.understanding.comparative_tone import comparative_leans
from agent.understanding.relative_notes import PLAIN_LONG, PLAIN_SHORT, against_film, nothing_to_compare, plain_length
from agent.understanding.request import Request, Understood, has_filters
from agent.understanding.studios import leaned_kinds
from agent.understanding.wars import asks_for_war, wars_refused

LIST_FIELDS = ("genres", "any_genres", "soft_genres", "exclude_genres", "lean_away_genres", "moods", "exclude_moods",
               "keywords", "exclude_keywords", "require_keywords", "people", "any_people", "soft_people",
               "exclude_people", "like_titles", "exclude_titles", "languages", "exclude_languages", "countries",
               "studios", "exclude_studios", "directing", "acting")  # fmt: skip
OPPOSITES = {"genres": "exclude_genres", "any_genres": "exclude_genres", "soft_genres": "exclude_genres",
             "exclude_genres": "genres", "lean_away_genres": "genres",
             "moods": "exclude_moods", "exclude_moods": "moods",
             "keywords": "exclude_keywords", "exclude_keywords": "keywords", "require_keywords": "exclude_keywords",
             "people": "exclude_people", "any_people": "exclude_people", "soft_people": "exclude_people",
             "exclude_people": "people",
             "like_titles": "exclude_titles", "exclude_titles": "like_titles",
             "languages": "exclude_languages", "exclude_languages": "languages",
             "studios": "exclude_studios", "exclude_studios": "studios",
             "directing": "acting", "acting": "directing"}  # fmt: skip


def merge_request(previous: Request, new: Understood, *, last_picks: list[dict], deps: Deps) -> Request:
    """A follow-up ("something older", "no horror though") changes the last request
    rather than replacing it: new constraints win, earlier ones stay."""
    merged = {**previous}
    asked = [*(previous.get("genres") or []), *(previous.get("any_genres") or []), *(previous.get("soft_genres") or [])]
    new = wars_refused(new, war=asks_for_war(asked))  # "no vietnam ones" after war films: the war, not the country
    new_dict = dataclasses.asdict(new)
    if "other_people" in new.modifiers:  # "not him, someone else", "not him, Jim Carrey": who was named before
        named = previous.get("people") or previous.get("any_people") or previous.get("soft_people") or []
        refused = [p for p in named if p not in new.people]
        new_dict["exclude_people"] = list(dict.fromkeys([*new_dict["exclude_people"], *refused]))
        merged["soft_people"] = [p for p in merged.get("soft_people") or [] if p not in refused]
    # "something scary now" after comedies: the new genre leads, the old ones still count; "anything
    # with Jim Carrey now" after Ben Stiller films: whoever was named last leads, the others softly
    lean(merged, genres=bool(new.genres or new.any_genres), people=bool(new.people or new.any_people))
    for name in LIST_FIELDS:
        values = list(dict.fromkeys([*(merged.get(name) or []), *new_dict[name]]))
        opposite = OPPOSITES.get(name)
        if opposite:
            values = [v for v in values if v not in new_dict[opposite]]
        merged[name] = values
    # "in Italian instead" after French films, "dreamworks instead" after Pixar: a film is rarely both
    for name in ("languages", "countries", "studios"):
        if new_dict[name]:
            merged[name] = list(new_dict[name])
    for name in ("year_min", "year_max", "soft_year_min", "soft_year_max", "min_runtime", "max_runtime",
                 "min_rating", "count"):  # fmt: skip
        if new_dict[name] is not None:
            merged[name] = new_dict[name]
    if new.min_rating is not None:  # "rated 7+" after "the best": the number said now
        merged["rating_words"] = new.rating_words
    for low, high in (("year_min", "year_max"), ("min_runtime", "max_runtime")):
        # "from the last decade" after "early 2000s": the new floor above the old ceiling replaces
        # the range rather than leave one no film can meet (2016-2003)
        if merged.get(low) is not None and merged.get(high) is not None and merged[low] > merged[high]:
            merged[low if new_dict[low] is None else high] = None
    refused = [*(merged.get("exclude_years") or []), *new_dict["exclude_years"]]
    merged["exclude_years"] = [list(span) for span in dict.fromkeys(tuple(span) for span in refused)]
    for name in ("hidden_gem", "popular"):
        merged[name] = bool(merged.get(name)) or new_dict[name]
    # "a good thriller" then "older ones": the lean was this message's; a bare "more" keeps it
    merged["quality"] = new.quality or (bool(previous.get("quality")) and not has_filters(new))
    if new.query:
        merged["query"] = new.query
    named = set(new.genres) - set(new.theme_genres)  # "aliens" then "sci-fi please": sci-fi is asked now
    merged["theme_genres"] = [g for g in dict.fromkeys([*(previous.get("theme_genres") or []), *new.theme_genres])
                              if g in merged["genres"] and g not in named]  # fmt: skip
    if new.year_min is not None or new.year_max is not None:  # "from the 20s" after "a silent film": asked now
        merged["years_stand_in"] = new.years_stand_in
    merged["unknown_titles"] = new_dict["unknown_titles"]  # said of this message only
    merged["caveats"] = new_dict["caveats"]
    said_years = new.year_min is not None or new.year_max is not None  # "older pls, like 80s": the 1980s
    said_length = new.max_runtime is not None or new.min_runtime is not None  # "shorter pls, 2h max": 120 min
    modifiers = [m for m in new.modifiers if not (said_years and m in ("older", "newer", "no_older", "no_newer"))
                 and not (said_length and m in ("shorter", "longer"))]  # fmt: skip
    apply_modifiers(merged, modifiers, last_picks, deps, references=_references(new))
    merged["modifiers"] = modifiers  # this message's, as Request documents, not the first request's
    if new.genres or new.any_genres:  # "a horror film instead" after "something funnier": the lean ends
        merged["tone_leans"] = []
    merged["tone_leans"] = comparative_leans(merged)  # "more" after "something funnier" still leans, and says so
    merged["said_at"] = said_at(previous, merged)
    return merged


def said_at(previous: Request, merged: Request) -> dict[str, int]:
    """When each constraint was set, counted in follow-ups: "older ones" after "tom hanks, not a drama"
    sets the years a turn after the person, so the years are what a later dead end loosens first."""
    when = dict(previous.get("said_at") or {})
    turn = max(when.values(), default=0) + 1
    for name, value in merged.items():
        if name != "said_at" and value not in (None, [], "", False) and value != previous.get(name):
            when[name] = turn
    return when


def lean(request: Request, *, genres: bool = True, people: bool = True, places: bool = False) -> Request:
    """Turn the request's genres (with their alternatives) and people, and with `places` its
    languages, countries, studios and required tags, into soft ones, which lean the ranking instead of
    filtering it."""
    if genres:
        asked = [*(request.get("genres") or []), *(request.get("any_genres") or [])]
        request["soft_genres"] = list(dict.fromkeys([*(request.get("soft_genres") or []), *asked]))
        request["genres"], request["any_genres"] = [], []
    if people:
        asked = [*(request.get("people") or []), *(request.get("any_people") or [])]
        request["soft_people"] = list(dict.fromkeys([*(request.get("soft_people") or []), *asked]))
        request["people"], request["any_people"] = [], []
    if places:  # and studios: "We love Disney!" said before leans to family films
        request["soft_genres"] = list(dict.fromkeys([*(request.get("soft_genres") or []),
                                                     *leaned_kinds(request.get("studios") or [])]))  # fmt: skip
        request["studios"] = []
        # and required tags: "based on a true story?" said before leans to the theme
        request["keywords"] = list(dict.fromkeys([*(request.get("keywords") or []),
                                                  *(request.get("require_keywords") or [])]))  # fmt: skip
        request["require_keywords"] = []
        for hard, soft in (("languages", "soft_languages"), ("countries", "soft_countries")):
            request[soft] = list(dict.fromkeys([*(request.get(soft) or []), *(request.get(hard) or [])]))
            request[hard] = []
        request["exclude_languages"] = []  # "foreign films" said earlier: no softer form to keep
    return request


def apply_modifiers(
    request: Request, modifiers: list[str], last_picks: list[dict], deps: Deps, references: list[str] = ()
) -> None:
    """Relative words read against what was just shown: "older" means older than those; against
    the films the message itself names, when it names some: "like The Matrix but older"."""
    if not modifiers:
        return
    ids = list(references) or [p["id"] for p in last_picks]
    shown = [deps.catalog.movies[movie_id] for movie_id in ids if movie_id in deps.catalog]
    years = [m.year for m in shown if m.year]
    runtimes = [m.runtime for m in shown if m.runtime]
    named = shown if references else []  # films the message named, whose length the user may not know
    for modifier in modifiers:
        # "older" means older than everything just shown: the era moves past the last answer
        # (a floor left in place would pin it, as 1990-1993 after 90s picks from 1994 on)
        if modifier == "older" and years:
            request["year_max"], request["year_min"] = min(years) - 1, None
        elif modifier == "newer" and years:
            request["year_min"], request["year_max"] = max(years) + 1, None
        elif modifier == "no_older" and years:  # "nothing older than the second one": from its year on
            request["year_min"] = max(years)
            request["year_max"] = None if (request.get("year_max") or 9999) < max(years) else request.get("year_max")
        elif modifier == "no_newer" and years:  # "nothing newer than the first one": up to its year
            request["year_max"] = min(years)
            request["year_min"] = None if (request.get("year_min") or 0) > min(years) else request.get("year_min")
        elif modifier == "past_old" and years:  # "too old" of picks from 2010-2013: from 2014, not 1996, on
            request["year_min"] = max(request.get("year_min") or 0, max(years) + 1)
            request["year_max"] = (
                None if (request.get("year_max") or 9999) < request["year_min"] else request["year_max"]
            )
        elif modifier == "past_new" and years:  # "too recent" of picks from the 1990s: before them
            request["year_max"] = min(request.get("year_max") or 9999, min(years) - 1)
            request["year_min"] = None if (request.get("year_min") or 0) > request["year_max"] else request["year_min"]
        elif modifier in ("older", "newer", "no_older", "no_newer"):  # nothing to go by: said, not guessed
            _add(request, "caveats", [nothing_to_compare(modifier)])
        elif modifier == "shorter":  # the length moves past the last answer too: "under 90 min" ... "longer"
            bound = (min(runtimes) - 1) if runtimes else PLAIN_SHORT  # nor past a bound picks were loosened from
            request["max_runtime"], request["min_runtime"] = min(bound, request.get("max_runtime") or bound), None
        elif modifier == "longer":  # is no "at least 89 min, up to 89 min"
            bound = (max(runtimes) + 1) if runtimes else PLAIN_LONG
            request["min_runtime"], request["max_runtime"] = max(bound, request.get("min_runtime") or bound), None
        if modifier in ("shorter", "longer") and (named or not runtimes):  # the bound said where it came from
            said = against_film(modifier, named) if runtimes else plain_length(modifier, named)
            _add(request, "caveats", [said])
        elif modifier == "lighter":
            _add(request, "exclude_moods", ["dark", "bleak", "disturbing", "violent"])
            _add(request, "moods", ["light"])
            request["moods"] = [m for m in request["moods"] if m not in ("dark", "bleak", "disturbing", "violent")]
            _add(request, "soft_genres", ["comedy"])  # what a catalog without tone labels can lean to
        elif modifier == "darker":
            _add(request, "moods", ["dark"])
            request["exclude_moods"] = [m for m in request.get("exclude_moods", []) if m != "dark"]
        elif modifier in _LEANS:  # the genre leans too: many catalogs label no tone at all
            mood, genre = _LEANS[modifier]
            other_mood, other_genre = _LEANS.get(_OPPOSITE.get(modifier, ""), ("", ""))
            _add(request, "moods", [mood])
            _add(request, "soft_genres", [genre])
            request["moods"] = [m for m in request["moods"] if m != other_mood]  # "scarier" after "funnier"
            request["soft_genres"] = [g for g in request["soft_genres"] if g != other_genre]
        elif modifier == "more_popular":
            request["popular"], request["hidden_gem"] = True, False
        elif modifier == "less_known":
            request["hidden_gem"], request["popular"] = True, False
        elif modifier == "like_shown" and shown:  # "same vibe": like the films just shown
            _add(request, "like_titles", [m.id for m in shown])


_OPPOSITE = {"funnier": "scarier", "scarier": "funnier"}  # the lean one gives way to


def _references(new: Understood) -> list[str]:
    """The titles "older" is relative to when the message says so ("like X but older", "shorter than
    X"); not "newer ones like X" or "a newer version called X", where the word describes the films."""
    return new.compared_to or (new.like_titles if new.relative_to_titles else [])


def _add(request: Request, name: str, values: list[str]) -> None:
    request[name] = list(dict.fromkeys([*(request.get(name) or []), *values]))


def fresh_request(new: Understood, deps: Deps) -> Request:
    request = dataclasses.asdict(new)
    del request["countries_not_refused"]  # said of this message in its caveat, which the request keeps
    del request["said_by"]  # a role chosen for this message (agent.credited_roles), which the request keeps
    del request["compared_to"]  # "shorter than Heat": read into the length bound below
    apply_modifiers(request, new.modifiers, [], deps, references=_references(new))
    return request


def genres_as_tags(request: Request, deps: Deps) -> Request:
    """A genre no film in this catalog carries ("a sports movie" where the data sets label none
    "sport") is looked for as the catalog's tag of that name instead, and the answer says so. A genre
    only a theme implied ("boxing": sport) is kept in `theme_tags`, so that neither this note nor any
    pick says the user asked for it: "a film about boxing" never said "sport"."""
    lacking = [g for g in dict.fromkeys([*(request.get("genres") or []), *(request.get("any_genres") or [])])
               if not deps.catalog.carries_genre(g)]  # fmt: skip
    if not lacking:
        return request
    request = {**request}
    implied = [g for g in lacking if g in (request.get("theme_genres") or [])]
    named = [g for g in lacking if g not in implied]
    for name in ("genres", "any_genres", "theme_genres"):
        request[name] = [g for g in request.get(name) or [] if g not in lacking]
    request["require_keywords"] = list(dict.fromkeys([*(request.get("require_keywords") or []), *lacking]))
    # "boxing" then "sports ones please": said now, so asked for from here on
    earlier = [g for g in request.get("theme_tags") or [] if g not in named]
    request["theme_tags"] = [g for g in dict.fromkeys([*earlier, *implied]) if g in request["require_keywords"]]
    notes = []
    if named:
        said = prose_list([f'"{g}"' for g in named], "or")
        notes.append(f"My catalog has no {said} genre, so I went by the tag instead.")
    if implied:
        kinds = prose_list([f'"{g}"' for g in implied])
        notes.append(f"I took what you asked to mean {kinds} films, a genre my catalog lacks, so I went by the tag.")
    request["caveats"] = [*(request.get("caveats") or []), *notes]
    return request

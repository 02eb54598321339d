"""Reply: the answer's text, the picks as front ends receive them, and the suggestions logged."""

from __future__ import annotations

from functools import lru_cache

from agent.best_rated import filled_note, honoured
from agent.credited_roles import people_described
from agent.deps import Deps
from agent.factcheck import asked_genres, breaks, loosened, span_said, tagged, years_asked
from agent.nodes.likeness import unlike_references
from agent.nodes.taste_intro import taste_head
from agent.profile_cache import profile_for
from agent.prose import prose_list
from agent.scoring import GEM_MIN_RATING, lesser_known
from agent.state import State
from agent.understanding.comparative_tone import comparative_leans
from agent.understanding.request import Request
from agent.understanding.series import is_series
from agent.understanding.studios import unrecorded_refused
from store.catalog import title_key
from store.filters import has_theme
from store.movie import rating_floor
from store.vocab import COUNTRIES, LANGUAGES


def not_in_catalog(titles: list[str], catalog) -> str:
    """What to say of films named that the catalog lacks ("Frozen 2"), for the caller to go on;
    of a TV series ("Breaking Bad"), that it is one; of words that begin several films' titles ("I
    liked Harry Potter"), that they are not one film (it said it couldn't find "Harry Potter")."""
    series = [t for t in titles if is_series(t)]
    begun = {t: n for t in titles if t not in series and (n := len(catalog.titled(t))) >= 2}
    films = [t for t in titles if t not in series and t not in begun]
    said = []
    if series:
        named = " and ".join(f"“{title}”" for title in series)
        said.append(f"{named} {'are TV series' if len(series) > 1 else 'is a TV series'}, and I only know films")
    for title, count in begun.items():
        said.append(f"“{title}” begins the titles of {count} films in my catalog; say which one you mean")
    if films:
        named = prose_list([f"“{title}”" for title in films], "or")
        said.append(f"I couldn't find {named} in my catalog (a typo, or too new or obscure?)")
    return "; ".join(said)


def reply(state: State, deps: Deps) -> dict:
    """The answer: an intro line, one block per pick, and the suggestions logged."""
    picks = state.get("picks") or []
    request = honoured(state.get("request") or {}, state.get("fitting"))  # a floor from words: agent.best_rated
    relaxed = (state.get("debug") or {}).get("relaxed") or []
    if not picks:
        text = ("I couldn't find anything that fits all of that and that you haven't seen. "
                "Try loosening a constraint, e.g. a wider year range.")  # fmt: skip
        if held := (state.get("debug") or {}).get("held"):
            text = nothing_shorter(request, held, deps)
        text = " ".join([*(request.get("caveats") or []), text])
        text = f"{state['noted']} {text}" if state.get("noted") else text
        return {"reply": text, "intro": text, "recommendations": [], "messages": [{"role": "assistant", "text": text}]}
    gems = _lesser_known_note(state, request, picks, deps)
    shown = [deps.catalog.movies[p["id"]] for p in picks]
    carried = {theme: sum(has_theme(m.keywords, theme) for m in shown) for theme in request.get("keywords") or []}
    picked = {"lesser_known": gems[0], "picked_genres": {g for m in shown for g in m.genres},
              "picked_moods": {mood for m in shown for mood in m.moods}, "picked_themes": carried}  # fmt: skip
    head, summary = intro_parts(request, len(picks), deps, **picked)
    notes, who = loosened(shown, request) if relaxed else ([], "")
    if notes:  # the first words say nothing matched, never that these picks are what was asked
        already = [deps.catalog.movies[m].label for m in (state.get("debug") or {}).get("shown_fit") or []]
        intro = f"{loosened_line(summary, notes, already)} {head}; {who} outside what you asked."
    else:
        missed, none_fit = unlike_references(request, [m.id for m in shown], deps)
        if missed or none_fit:  # "like The Notebook" is not said of Korean thrillers
            unlike = {m.id for m in missed + none_fit}
            kept = [m for m in request.get("like_titles") or [] if m not in unlike]
            head, summary = intro_parts({**request, "like_titles": kept}, len(picks), deps, **picked)
        # nothing described ("something for me", "something everyone hated"): what the picks went by
        head = head if summary else taste_head(head, profile_for(deps, state.get("user")), deps)
        intro = f"{head}: {summary}" if summary else f"{head}:"
        if none_fit:
            titles = prose_list([reference_name(m.id, deps) for m in none_fit])
            intro = f"No film that fits the rest of what you asked is much like {titles}. {intro}"
        if missed:
            titles = prose_list([reference_name(m.id, deps) for m in missed], "or")
            intro = f"{intro if summary else head + '.'} None of them is much like {titles}."
    intro = f"{intro} {gems[1]}".strip()
    if request.get("best_rated") is not None:  # "best movies of 2015", two rated 8+: what the others are
        _, rest = intro_parts({**request, "min_rating": None, "best_rated": None}, len(picks), deps, **picked)
        cleared = sum((m.rating_that_counts or 0) >= rating_floor(request["best_rated"]) for m in shown)
        note = filled_note(request, state.get("fitting"), len(picks), cleared=cleared, rest=rest.removesuffix("."))
        intro = f"{note} {intro}"
    elif not relaxed:
        intro = f"{_how_many_fit(state, len(picks))} {intro}".strip()
    intro = f"{_count_out_of_bounds(state, request, len(picks), deps)} {intro}".strip()
    if relaxed:
        intro = f"{beyond_catalog(request, deps)} {intro}".strip()
    intro = f"{intro} {unrecorded_refused(shown, request)}".strip()  # "no pixar": picks of unknown studio
    if request.get("caveats"):
        intro = " ".join([*request["caveats"], intro])
    unknown = request.get("unknown_titles") or []
    if unknown:
        intro = f"{not_in_catalog(unknown, deps.catalog)}, so these leave it out. {intro}"
    if state.get("noted"):
        intro = f"{state['noted']} {intro}"
    suggestion_ids = _log(state, deps, picks)
    recommendations = []
    lines = [intro]
    for n, (pick, suggestion_id) in enumerate(zip(picks, suggestion_ids, strict=True), 1):
        movie = deps.catalog.movies[pick["id"]]
        recommendations.append(recommendation(movie, pick["explanation"], pick["score"], suggestion_id=suggestion_id,
                                              outside=breaks(movie, request), asked=asked_genres(request)))  # fmt: skip
        lines.append(f"{n}. {movie.label} — {pick['explanation']}")
    text = "\n".join(lines)
    remembered = [{"id": p["id"], "reasons": p["reasons"], "explanation": p["explanation"]} for p in picks]
    return {
        "reply": text,
        "intro": intro,
        "recommendations": recommendations,
        "messages": [{"role": "assistant", "text": text}],
        "shown": [p["id"] for p in picks],
        "last_picks": remembered,
        # "the second one" after an answer of one film may mean the second of the answer before
        "earlier_picks": [p["id"] for p in state.get("last_picks") or []] or list(state.get("earlier_picks") or []),
        "focus": None,
        "listed": [],  # "the first one" is among these picks now, not a series listed before
    }


def nothing_shorter(request: Request, held: str, deps: Deps) -> str:
    """ "anything shorter?" with none left: said plainly, the rest of the request kept, where longer
    films offered as "I loosened the runtime" answered the opposite of what was asked."""
    bound = request.get("max_runtime") if held == "shorter" else request.get("min_runtime")
    _, summary = intro_parts({**request, "min_runtime": None, "max_runtime": None}, 2, deps)
    rest = f" that fits the rest of what you asked ({summary.removesuffix('.')})," if summary else ""
    length = f"runs {bound} minutes or {'less' if held == 'shorter' else 'more'}" if bound else f"is {held}"
    return (
        f"I have nothing {held}: no film{rest} that you haven't seen or been shown lately {length}. "
        "Say what else could change, or ask for something new."
    )


def recommendation(
    movie, explanation: str, score: float, *, outside: list[str] | None = None, asked: list[str] | None = None, **extra
) -> dict:
    """One pick as every front end receives it (the JSON contract's fields and more). A pick a
    loosened search let through is `relaxed`, and `outside` names the constraints it breaks
    (agent.factcheck.breaks: genres, years, exclude_years, runtime, languages, people, ...).
    The genres `asked` for come first, so a card that shows only the first few shows those."""
    return {
        "id": movie.id,
        "title": movie.title,
        "year": movie.year,
        "genres": movie.genres_asked_first(asked or ()),
        "runtime": movie.runtime,
        "directors": movie.directors,
        "cast": movie.cast,  # the API's picks carry it (bot.http.models.EXTRA_PICK_FIELDS); ask --json does not
        "rating": movie.rating,
        "explanation": explanation,
        "score": score,
        "poster_url": movie.poster_url,
        "relaxed": bool(outside),
        "outside": list(outside or []),
        **extra,
    }


def _log(state: State, deps: Deps, picks: list[dict]) -> list[int | None]:
    if deps.profiles is None or not state.get("user"):
        return [None] * len(picks)
    platform, _, _ = state["user"].partition(":")
    return deps.profiles.log_suggestions(
        state["user"],
        held_back=deps.config.unattended_shown or not state.get("unattended"),
        platform=platform,
        channel=state.get("channel") or "",
        request=state.get("message") or "",
        items=[
            {
                "movie_id": p["id"],
                "rank": p["rank"],
                "score": p["score"],
                "features": p["features"],
                "propensity": p["propensity"],
            }
            for p in picks
        ],
    )


def beyond_catalog(request: Request, deps: Deps) -> str:
    """ "My catalog's newest films are from 2018, so none are from 2022.": a year range past either end
    of the catalog, said once and plainly, where "I loosened the years" alone left the reason unsaid."""
    low, high = request.get("year_min"), request.get("year_max")
    if low is None and high is None:
        return ""
    span = _year_span(deps.catalog)
    if span is None:
        return ""
    oldest, newest = span
    asked = years_asked(request)
    if low is not None and low > newest:
        return f"My catalog's newest films are from {newest}, so none are from {asked}."
    if high is not None and high < oldest:
        return f"My catalog's oldest films are from {oldest}, so none are from {asked}."
    return ""


@lru_cache(maxsize=4)
def _year_span(catalog) -> tuple[int, int] | None:
    """The catalog's oldest and newest years, read once per catalog (as passing.known_words is),
    not over 11k films on every loosened answer."""
    years = [m.year for m in catalog.movies.values() if m.year]
    return (min(years), max(years)) if years else None


def _how_many_fit(state: State, given: int) -> str:
    """When fewer films honour every hard constraint than were wanted, say how many there are,
    so a short answer is not mistaken for a lazy one ("Only 2 films in my catalog fit all of that")."""
    fitting, wanted = state.get("fitting") or {}, state.get("wanted") or 0
    fresh, everything, again = fitting.get("fresh"), fitting.get("all"), fitting.get("again") or 0
    if fresh is None or fresh >= wanted or (given >= wanted and not again):
        return ""
    asked = (state.get("request") or {}).get("count") or state.get("k")  # said, or given (ask --k 5, a batch k)
    asked_for = f" (you asked for {asked})" if asked else ""
    films, fit = ("film", "fits") if fresh == 1 else ("films", "fit")
    if again and not fresh:
        here = "it is" if again == 1 else "they are"
        lately = "I've shown you every film of mine that fits all of that lately"
        return f"{lately}, so here {here} again, shown longest ago first."
    if again:
        others = "one is a film" if again == 1 else f"{again} are films"
        return (f"Only {fresh} {films} you haven't been shown lately {fit} all of that{asked_for}; "
                f"the other {others} I showed you before.")  # fmt: skip
    unknown = unrecorded_note(fitting.get("unrecorded") or [])
    if everything == fresh:
        return f"Only {fresh} {films} in my catalog {fit} all of that{asked_for}.{unknown}"
    unseen = f"Only {fresh} {films} that you haven't seen, ruled out or been shown lately {fit} all of that"
    return f"{unseen}{asked_for}; {everything} in my catalog do in all.{unknown}"


def _count_out_of_bounds(state: State, request: Request, given: int, deps: Deps) -> str:
    """A count said that no answer gives: "give me 60 comedies" got 50 and "0 comedies" three,
    and neither said why."""
    asked = request.get("count")
    if asked is None or (state.get("always_recommend") and state.get("k")):  # a batch line's k decides
        return ""
    most = deps.config.max_count
    if asked > most and given == most:
        return f"You asked for {asked}, but I can give at most {most} at a time."
    if asked < 1:
        return f"You asked for {asked}, so I went with {given}."
    return ""


def unrecorded_note(gaps: list) -> str:
    """ " (In my catalog 6,249 films have no cast recorded; some of them may fit too.)" """
    if not gaps:
        return ""
    said = prose_list([f"{count:,} {'film has' if count == 1 else 'films have'} {what}" for what, count in gaps])
    return f" (In my catalog {said}; some of them may fit too.)"


def _lesser_known_note(state: State, request: Request, picks: list[dict], deps: Deps) -> tuple[bool, str]:
    """For a wish for lesser-known films: whether every pick is one (agent.scoring.lesser_known),
    and the sentence that says what they were measured against, or that the catalog had too few."""
    best_known = [deps.catalog.movies[i] for i in state.get("best_known") or [] if i in deps.catalog]
    if not request.get("hidden_gem") or not best_known:
        return False, ""
    lesser = [lesser_known(deps.catalog.movies[p["id"]], best_known) for p in picks]
    named = prose_list([m.title for m in best_known[:3]])
    than = (f"the {len(best_known)} best-known films that fit, such as {named}" if len(best_known) > 3
            else f"{named}, the best-known films that fit")  # fmt: skip
    rated = f"rated {GEM_MIN_RATING:.1f} or more"
    if all(lesser):
        each = "It has" if len(picks) == 1 else "Each has"
        return True, f"{each} fewer votes than {than}."
    if not any(lesser):
        return False, (f"None of these is lesser-known: I found no film you haven't seen, {rated}, with fewer "
                       f"votes than {than}.")  # fmt: skip
    count = sum(lesser)
    first = (("The first" if count == 1 else f"The first {count}") if all(lesser[:count])
             else f"{count} of them")  # fmt: skip
    verb = "has" if count == 1 else "have"
    return False, f"{first} {verb} fewer votes than {than}; I found no more you haven't seen, {rated}."


def reference_name(movie_id: str, deps: Deps) -> str:
    """A film the request goes by, as the intro names it: with its year when the catalog has another
    film of that title ("like King Kong (1933)"), so which one is plain, or when few people know it:
    "like Parasite" over the 1982 horror film of 2 votes reads as the famous one the catalog lacks."""
    movie = deps.catalog.movies[movie_id]
    shared = len(deps.catalog.ids_for_title(title_key(movie.title))) > 1
    obscure = movie.votes is not None and movie.votes < OBSCURE_VOTES
    return movie.label if (shared or obscure) and movie.year else movie.title


OBSCURE_VOTES = 50  # fewer votes than this, and a film named by title alone may be taken for another


def loosened_line(summary: str, notes: list[str], already: list[str]) -> str:
    """ "Nothing matched 2022 thriller films, so I loosened the years (picks from 2018, outside 2022).":
    what was asked, said as what nothing matched, then what gave; after "not from before 2010", the
    Korean thriller that fits was just shown, and is named."""
    asked = summary.removesuffix(".") or "everything"
    loosening = f"so I loosened {' and '.join(notes)}."
    if not already:
        return f"Nothing matched {asked}, {loosening}"
    verb, pronoun = ("fits", "it") if len(already) == 1 else ("fit", "them")
    fitting = asked if summary else "all of that"
    return f"{prose_list(already)} {verb} {fitting}, and I suggested {pronoun} above. Nothing else did, {loosening}"


def intro_line(request: Request, count: int, deps: Deps, **picked) -> str:
    """ "Here are 3 picks: 1990s crime thrillers like Se7en, not horror." (intro_parts)."""
    head, summary = intro_parts(request, count, deps, **picked)
    return f"{head}: {summary}" if summary else f"{head}:"


def intro_parts(request: Request, count: int, deps: Deps, *, lesser_known: bool = False,
           picked_genres: set[str] = frozenset(), picked_moods: set[str] = frozenset(),
           picked_themes: dict[str, int] | None = None) -> tuple[str, str]:  # fmt: skip
    """ "Here are 3 picks", "1990s crime thrillers like Se7en, not horror." from the request; a
    genre the picks lean to, or a tone asked for, is named only when one of them has it, and a
    theme as the reasons say it (store.filters.has_theme): `picked_themes` counts the picks
    carrying each; "about" it only when every one does, so "a movie about a dog" is never a bare
    "Here are 3 picks:"."""
    bits = []
    years = _years(request)
    open_years = years.startswith(("from ", "up to "))  # said after the noun: "crime films, up to 2000"
    if years and not open_years:
        bits.append(years)
    # a film is in one of the languages and from one of the countries: "French or Korean films",
    # "Spanish or Argentinian thrillers", "Spanish Argentinian films" (in Spanish, from Argentina)
    languages = [LANGUAGES.get(code, code) for code in request.get("languages") or []]
    countries = [COUNTRIES.get(code, (code, code))[1] for code in request.get("countries") or []]
    bits += [prose_list(languages, "or"), prose_list([c for c in countries if c not in languages], "or")]
    genres = " ".join(request.get("genres") or [])
    if request.get("any_genres"):
        genres = (genres + " " if genres else "") + prose_list(request["any_genres"], "or")
    bits.append(genres + " films" if genres else "films" if any(bits) else "")
    described = " ".join(b for b in bits if b)
    about, some = _themes_said(picked_themes or {}, count)
    if about:
        described = f"{described or 'films'} about {about}"
    likes = [reference_name(m, deps) for m in request.get("like_titles") or [] if m in deps.catalog]
    if likes:
        described = (described + " " if described else "") + "like " + prose_list(likes)
    if people := people_described(request, deps.catalog if deps is not None else None):
        described = (described + " " if described else "") + people
    extras = [years] if open_years else []
    extras += some
    if request.get("exclude_genres"):
        extras.append("no " + "/".join(request["exclude_genres"]))
    if request.get("lean_away_genres"):  # "less action": ranked lower, not left out
        extras.append("leaning away from " + "/".join(request["lean_away_genres"]))
    if request.get("require_keywords"):
        extras.append(tagged(request["require_keywords"]))
    if request.get("exclude_keywords"):
        extras.append("nothing about " + prose_list([f'"{k}"' for k in request["exclude_keywords"]], "or"))
    if request.get("exclude_people"):
        extras.append("nothing with " + prose_list(request["exclude_people"], "or"))
    if request.get("studios"):
        extras.append("made by " + prose_list(request["studios"], "or"))
    if request.get("exclude_studios"):
        extras.append("nothing made by " + prose_list(request["exclude_studios"], "or"))
    if request.get("exclude_languages"):
        extras.append(
            "not in " + prose_list([LANGUAGES.get(code, code) for code in request["exclude_languages"]], "or")
        )
    refused = [deps.catalog.movies[m].title for m in request.get("exclude_titles") or [] if m in deps.catalog]
    if refused:  # with the films of its series (retrieve.excluded_for)
        extras.append("not " + prose_list(series_said(refused), "or"))
    if request.get("exclude_years"):
        extras.append("nothing from " + prose_list([span_said(span) for span in request["exclude_years"]], "or"))
    if request.get("best_rated") is not None:  # the floor from words lowered to fill up (agent.best_rated)
        extras.append("the best rated")
    elif request.get("min_rating"):
        extras.append(f"rated {request['min_rating']:g}+")
    if request.get("min_runtime"):
        extras.append(f"at least {request['min_runtime']} min")
    if request.get("max_runtime"):
        extras.append(f"up to {request['max_runtime']} min")
    if request.get("popular"):  # "a crowd pleaser": what the ranking leans to, as nothing else says so
        extras.append(f"leaning to popular, well-liked {'ones' if described else 'films'}")
    if request.get("quality"):  # "a good thriller": a lean, not a floor, so no "rated 7+" is claimed
        extras.append(f"leaning to well-rated {'ones' if described else 'films'}")
    comparative = comparative_leans(request)  # "something funnier" after "a war drama": "leaning to comedy"
    leaning = [g for g in request.get("soft_genres") or [] if g in picked_genres and (not genres or g in comparative)]
    if leaning:
        extras.append("leaning to " + "/".join(leaning))
    moods = [mood for mood in request.get("moods") or [] if mood in picked_moods]  # a tone no pick has goes unsaid
    if moods:
        extras.append(", ".join(moods))
    if request.get("exclude_moods") and deps.catalog.labels_tone:  # a tone no film is labelled with rules none out
        extras.append("not " + "/".join(request["exclude_moods"][:2]))
    noun = ("lesser-known " if lesser_known else "") + ("pick" if count == 1 else "picks")
    summary = ", ".join(x for x in [described, *extras] if x)
    end = "" if summary.endswith(".") or not summary else "."  # "made by Warner Bros." takes no second full stop
    return f"Here {'is' if count == 1 else 'are'} {count} {noun}", summary + end


def _themes_said(carried: dict[str, int], count: int) -> tuple[str, list[str]]:
    """The themes every pick carries as a tag ('"christmas"'), and how many carry the rest ('1 tagged
    "dog"', 'none tagged "europe"'): a theme leans the ranking, so not every pick need carry it. It is
    said of the tags only, never "none about robots": a film not tagged may still be about it
    (Terminator 2 is no "robots" film by its tags), but the theme asked for is never passed over."""
    every = [f'"{theme}"' for theme, n in carried.items() if n >= count]
    rest = [f'{n or "none"} tagged "{theme}"' for theme, n in carried.items() if n < count]
    return " and ".join(every), rest


def _years(request: Request) -> str:
    low, high = request.get("year_min"), request.get("year_max")
    if low and high and high - low == 9 and low % 10 == 0:
        return f"{low}s"
    if low and high:
        return str(low) if low == high else f"{low}-{high}"
    if low:
        return f"from {low} on"
    if high:
        return f"up to {high}"
    return ""


def series_said(titles: list[str]) -> list[str]:
    """Titles refused, with the films of one series said once: ["Heat", "the Harry Potter films"]
    for Heat and the eight "Harry Potter and the ..." films a "not harry potter" refused."""
    said: list[str] = []
    for title in titles:
        words = title.split()
        kin = [t for t in titles if t.split()[:2] == words[:2]] if len(words) > 2 else [title]
        if len(kin) < 3:
            said.append(title)
            continue
        head = []
        for column in zip(*(t.split() for t in kin), strict=False):
            if any(w != column[0] for w in column):
                break
            head.append(column[0])
        while head and head[-1].lower() in ("and", "the", "of", "a", "an", "-", ":"):
            head.pop()
        name = f"the {' '.join(head).removeprefix('The ').rstrip(':,;-–')} films"
        if name not in said:
            said.append(name)
    return said

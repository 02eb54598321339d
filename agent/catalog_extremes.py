"""Questions about the whole catalog: how many films fit ("how many Kubrick films do you have?") and its
extremes ("what's the longest movie you have?", "the oldest horror film in your catalog?"). They ask for
one fact, answered from the catalog's own figures, never with picks: a title that merely holds the word
("The Longest Yard") answers nothing."""

from __future__ import annotations

from collections.abc import Callable

from agent.deps import Deps
from agent.explanations import vote_count
from agent.nodes.reply import intro_line, unrecorded_note
from agent.nodes.retrieve import filters_for, unrecorded_for
from agent.prose import prose_list
from agent.understanding.fact_questions import catalog_extreme_words
from agent.understanding.merge import fresh_request, genres_as_tags
from agent.understanding.reader import understand
from store.movie import MIN_VOTES, Movie

# A rating is only "the highest" when enough people gave it: films rated by this many people are
# compared first, and only a catalog with none of them falls back to MIN_VOTES.
WELL_RATED_VOTES = 1000
NAMED_TIES = 3  # films named when several share the extreme ("all from 1916")

# each extreme: the figure it compares, whether the highest wins, what it is called, and the figure said
_EXTREMES: dict[str, tuple[Callable[[Movie], float | None], bool, str, Callable[[Movie], str]]] = {
    "longest": (lambda m: m.runtime, True, "longest", lambda m: f"at {m.runtime} minutes"),
    "shortest": (lambda m: m.runtime, False, "shortest", lambda m: f"at {m.runtime} minutes"),
    "oldest": (lambda m: m.year, False, "oldest", lambda m: ""),  # the label says the year
    "newest": (lambda m: m.year, True, "newest", lambda m: ""),
    "best": (lambda m: m.rating, True, "highest rated", lambda m: f"rated {m.rating:.1f} from {_votes(m)}"),
}


def _votes(movie: Movie) -> str:
    return f"{vote_count(movie.votes)} vote{'s' * (movie.votes != 1)}"


def catalog_extreme(word: str, said: str, deps: Deps) -> tuple[str, str | None]:
    """The reply to "what's the `word` film you have?" and the film it names (for "is it any good?"
    next), from the films that fit what else the question names ("the longest horror film")."""
    request = _asked(_without(said), deps)
    fitting = [deps.catalog.movies[i] for i in deps.catalog.matching_ids(filters_for(request, set()))]
    key, highest, called, figure = _EXTREMES[word]
    rule = ""
    if word == "best":
        counted = [m for m in fitting if m.rating is not None and (m.votes or 0) >= WELL_RATED_VOTES]
        floor = WELL_RATED_VOTES if counted else MIN_VOTES
        fitting = counted or [m for m in fitting if m.rating is not None and (m.votes or 0) >= MIN_VOTES]
        rule = f", counting films rated by at least {floor:,} people"
    known = [m for m in fitting if key(m) is not None]
    described = intro_line(request, len(fitting), deps).partition(": ")[2].removesuffix(".")
    gaps = unrecorded_note(unrecorded_for(request, deps.catalog))
    if not known:
        return (
            f"I have no film{' that fits' * bool(described)}{rule}, so I can't say which is the {called}.{gaps}",
            None,
        )
    top = (max if highest else min)(key(m) for m in known)
    tied = sorted((m for m in known if key(m) == top), key=lambda m: (-(m.votes or 0), m.title))
    unrecorded = len(fitting) - len(known)
    what = "runtime" if word in ("longest", "shortest") else "year"
    those = "those films" if described else "my films"
    unsure = f" ({unrecorded:,} of {those} have no {what} recorded, so one of them could be the {called}.)"
    caveat = unsure if unrecorded and word != "best" else ""
    noun = "film" if len(tied) == 1 else "films"
    lead = f"Of the films that fit ({described}), the {called}" if described else f"The {called} {noun}"
    if len(tied) == 1:
        said = f"{lead} in my catalog is {tied[0].label}{', ' * bool(figure(tied[0]))}{figure(tied[0])}{rule}."
    else:
        named = [m.label for m in tied[:NAMED_TIES]]
        more = len(tied) - len(named)
        films = prose_list([*named, f"{more} more"] if more else named)
        every = f"rated {top:.1f}" if word == "best" else f"{top} minutes" if what == "runtime" else f"from {top}"
        said = f"{lead} in my catalog are {films}, all {every}{rule}."
    return f"{said}{caveat}{gaps}", tied[0].id


def how_many(said: str, deps: Deps) -> str:
    """ "How many Kubrick films do you have?": the films that fit what the question names, counted."""
    request = _asked(said, deps)
    count = deps.catalog.count_matching(filters_for(request, set()))
    described = intro_line(request, count, deps).partition(": ")[2].removesuffix(".")
    films = "film" if count == 1 else "films"
    fit = f" that fit: {described}" if described else ""
    gaps = unrecorded_note(unrecorded_for(request, deps.catalog))
    return f"My catalog has {count:,} {films}{fit}.{gaps}"


def _asked(said: str, deps: Deps) -> dict:
    """What else a catalog question names ("horror", "Kubrick"), as a request the filters take."""
    return genres_as_tags(fresh_request(understand(said, deps.catalog, today_year=deps.today.year), deps), deps)


def _without(said: str) -> str:
    """The question without its superlative, so "newest" asks for no recent years and "highest rated"
    for no rating floor: only the rest ("horror", "from the 80s") narrows the films compared."""
    for start, end in reversed(catalog_extreme_words(said.lower())):
        said = f"{said[:start]} {said[end:]}"
    return said

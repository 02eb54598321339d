"""The other things people say: why a pick, what they have seen or loved, help, small talk."""

from __future__ import annotations

import re

from agent.account_help import account_help
from agent.catalog_extremes import catalog_extreme, how_many
from agent.crowd import verdicts
from agent.deps import Deps
from agent.explanations import links_to, reasons_for, vote_count
from agent.factcheck import crowd_errors
from agent.film_brief import film_in_brief, rating_in_brief, without_synopsis
from agent.my_history import MY_HISTORY, my_history, what_you_thought, why_not
from agent.nodes.just_named import led_by_the_film_taken
from agent.nodes.kind_answers import kind_answer, streaming_of
from agent.nodes.noted import noted_line
from agent.nodes.opinions_stored import store_opinions, unkept_said, verdict_parts
from agent.nodes.pointed_title import title_past_the_list
from agent.nodes.reply import not_in_catalog
from agent.nodes.taken_back import stored_before, take_back
from agent.pick_leans import lean_reason
from agent.profile import LIKED_FROM, stars_then
from agent.prose import prose_list
from agent.sequels import PLACES, SERIES_FACTS, no_sequels_note, series_answer
from agent.state import MAX_MESSAGE, State
from agent.understanding.help_topics import closes_chat, help_topic
from agent.understanding.passing import in_another_language
from agent.understanding.reader import understand
from agent.understanding.text import normalise_message
from agent.understanding.unkept_stars import unkept_note
from agent.understanding.versions import version_chosen, versions_of
from agent.unnoted import unnoted_said
from agent.watched_said import day_told, no_day_told
from store.filters import has_theme
from store.movie import Movie, normalise_title
from store.vocab import LANGUAGES

HELP = (
    "Tell me what you're in the mood for and I'll suggest a few movies, each with a reason. For example:\n"
    "• something like Se7en but less grim, from the 90s\n"
    "• a feel-good comedy under 2 hours\n"
    "• Korean thrillers, highly rated\n"
    "• give me 5 movies by Hayao Miyazaki\n"
    'Then: "more", "something older", "another like the second one", "why the first one?".\n'
    'Tell me "I\'ve seen Heat" or "I loved Amélie" and I\'ll remember it.'
)
UNCLEAR_LEAD = "Sorry, I didn't catch that. "
UNCLEAR = (
    f"{UNCLEAR_LEAD}I can suggest movies by genre, era, mood, language, people or a film you "
    "liked. For example:\n"
    "• something like Se7en but less grim, from the 90s\n"
    "• a feel-good comedy under 2 hours"
)
TRUE = "true story"  # in TMDB's tag "based on true story" too
ENJOY = "Okay, enjoy the film!"
SMALL_TALK = 'Happy to help! Ask me for a movie whenever you like — say "help" for ideas.'


def say(text: str, intent: str) -> dict:
    return {"reply": text, "intro": text, "recommendations": [], "intent": intent,
            "messages": [{"role": "assistant", "text": text}]}  # fmt: skip


TV_HELP = "I only know films, not TV series. " + HELP
OUTSIDE_HELP = ("I can't book tickets, see what's on in cinemas near you, or suggest books, music or games: I only "
                "know the films in my catalog. " + HELP)  # fmt: skip


def respond_help(state: State, deps: Deps) -> dict:
    said = next((m["text"] for m in reversed(state.get("messages") or []) if m.get("role") == "user"), "")
    topic = help_topic(said)
    if topic == "restart":  # "start over": the last request, its picks and the film spoken of are put aside
        return {**say(RESTART, "help"), "request": {}, "last_picks": [], "earlier_picks": [], "focus": None}
    if topic == "account":  # in the words of the user's front end: an API user has no /forget
        return say(account_help(state.get("user"), said), "help")
    return say({"tv": TV_HELP, "outside": OUTSIDE_HELP}.get(topic, HELP), "help")


RESTART = "Clean slate: I've put the last request aside. What do you feel like watching?"


def respond_smalltalk(state: State, deps: Deps) -> dict:
    if state.get("last_picks") and closes_chat(normalise_message(state.get("message") or "")):
        return say(ENJOY, "smalltalk")  # "no more please" after picks: no more, and no invitation to ask
    return say(SMALL_TALK, "smalltalk")


def pointed_films(state: State, deps: Deps) -> list[str]:
    """Movie ids the message points at: named titles, "the second one" among the last picks, or
    the one film spoken of since ("why the second one?", "what's Heat about?")."""
    last = [p["id"] for p in state.get("last_picks") or []]
    if state.get("mentioned"):
        shown = [*last, *([state["focus"]] if state.get("focus") else [])]
        placed = [last[i] for i in state.get("positions") or [] if -len(last) <= i < len(last)]  # "seen heat and 2"
        return list(dict.fromkeys([*(_as_shown(m, shown, deps) for m in state["mentioned"]), *placed]))
    if state.get("every"):
        return last
    if state.get("positions") and last:  # "the first two"
        return list(dict.fromkeys(last[i] for i in state["positions"] if -len(last) <= i < len(last)))
    ordinal = state.get("ordinal")
    if ordinal is not None:  # with no list shown, "the second one" is not the film last asked about
        return [last[ordinal]] if -len(last) <= ordinal < len(last) else []
    if len(last) == 1:
        return last
    if len(last) > 1 and (names := _people_named(state, deps)):  # "seen the Nolan one": his, or none
        return _made_by_or_with(names, last, deps)
    if state.get("unknown_titles"):  # "tenet was like 2 stars" with no Tenet: not the film judged before
        return []
    return [state["focus"]] if state.get("focus") else []  # "why the second?" ... "seen that one"


# "the Nolan one", "the one with Tom Hanks", "the DiCaprio movie": a pick pointed at by a person
_BY_A_PERSON = re.compile(r"\bthe\b[^.?!,;]{1,40}?\b(?:one|film|movie|flick)\b")


def _people_named(state: State, deps: Deps) -> list[str]:
    """The people the message points at a film by ("the Nolan one", "the one with Tom Hanks")."""
    message = (state.get("message") or "")[:MAX_MESSAGE]
    if not _BY_A_PERSON.search(message.casefold()):
        return []
    understood = understand(message, deps.catalog)
    return list(
        dict.fromkeys([*understood.people, *understood.any_people, *understood.soft_people, *understood.exclude_people])
    )


def _made_by_or_with(names: list[str], films: list[str], deps: Deps) -> list[str]:
    """Those of `films` one of `names` directed or stars in."""
    wanted, movies = {name.casefold() for name in names}, deps.catalog.movies
    return [
        m for m in films if m in movies and wanted & {p.casefold() for p in (*movies[m].directors, *movies[m].cast)}
    ]


def _as_shown(movie_id: str, shown: list[str], deps: Deps) -> str:
    """A title named after a film of that title was shown means the one shown: "seen the host"
    after The Host (2006) is that film, not The Host (2013), whatever their votes."""
    if movie_id in shown or movie_id not in deps.catalog:
        return movie_id
    named = normalise_title(deps.catalog.movies[movie_id].title)
    for other in shown:
        if other in deps.catalog and named in {normalise_title(t) for t in deps.catalog.movies[other].titles}:
            return other
    return movie_id


# "why that one?", "why did you pick this movie?": one film; "why these?", "why are those ones good?": them all
_ONE_OF_THEM = re.compile(
    r"\b(?:that|this)\s+(?:one|film|movie|pick|flick)\b|\b(?:it|that|this)\W*$|\bpick(?:ed)?\s+it\b"
)
_ALL_OF_THEM = re.compile(r"\b(?:these|those|them|they|all|both)\b.*|\b(?:ones|picks|films|movies)\b.*")


@led_by_the_film_taken
def answer_why(state: State, deps: Deps) -> dict:
    """The reasons recorded when the pick was made: the same facts, spelled out."""
    last = {p["id"]: p for p in state.get("last_picks") or []}
    if not last:
        return say("I haven't suggested anything yet in this conversation. Ask me for a movie first!", "why")
    pointed = [m for m in pointed_films(state, deps) if m in last]
    ordinal = state.get("ordinal")
    if ordinal is not None and not state.get("mentioned") and not -len(last) <= ordinal < len(last):
        return which_film(state, "why", deps)  # "why the fifth one?" after three: how many there were
    targets = pointed or list(last)[:1]
    named = [m for m in state.get("mentioned") or [] if m in deps.catalog]
    if named and not pointed:  # "why?" replied to a pick of an earlier answer, or a film never suggested
        earlier = [m for m in named if m in (state.get("shown") or [])]
        if not earlier:
            labels = prose_list([deps.catalog.movies[m].label for m in named])
            return say(f"I haven't suggested {labels} in this conversation.", "why")
        targets = earlier[:1]
    if state.get("ordinal") is None and not state.get("mentioned") and not state.get("positions") and len(last) > 1:
        names = _people_named(state, deps)  # the message read once more, only here and in pointed_films
        by_people = _made_by_or_with(names, list(last), deps) if names else []
        if names and not by_people:  # "why the Spike Lee one?" with none of his
            return say(f"None of my last picks is by or with {prose_list(names, 'or')}.", "why")
        one = not by_people and _ONE_OF_THEM.search(_ALL_OF_THEM.sub(" ", (state.get("message") or "").casefold()))
        if one and not pointed:  # "why that one?" after three picks: which is not said, so not guessed
            titles = prose_list([deps.catalog.movies[m].title for m in last], "or")
            return say(f'Which one: {titles}? Say e.g. "why the second one?"', "why")
        targets = by_people or (pointed if one else list(last))  # "that one": the pick just asked about
    lines = []
    for movie_id in targets:
        movie = deps.catalog.movies[movie_id]
        # a movie night's pick answered the night's request, not this conversation's: "Against Heat, named
        # in the request" was said of a comedy picked for a night that named no film
        request = (last.get(movie_id) or {}).get("request") or state.get("request") or {}
        anchors = [deps.catalog.movies[m] for m in request.get("like_titles") or [] if m in deps.catalog]
        # an earlier answer's pick: its facts alone, for the request it answered may not be this one
        reasons = (
            last[movie_id]["reasons"]
            if movie_id in last
            else reasons_for(movie, request={}, anchors=[], profile=None, catalog=deps.catalog)
        )
        leaned = lean_reason(movie, request) if movie_id in last else None  # "feel-good": comedy/family
        reasons = [leaned, *reasons] if leaned else reasons
        because = "; ".join(reasons) if reasons else "it was the closest match to what you asked for"
        lines.append(f"{movie.label}: {because}.")
        for anchor in anchors:
            lines.append(f"  Against {anchor.label}, named in the request: {'; '.join(links_to(movie, anchor))}.")
        for verdict in verdicts(deps.profiles, movie, anchors, state.get("user")):
            said = verdict.said()
            if not crowd_errors(said, [verdict]):  # the gate every claim about people's ratings passes
                lines.append(f"  {said}.")
        if movie.overview:
            lines.append(f"  {movie.overview}")
    return {**say("\n".join(lines), "why"), "focus": targets[0] if len(targets) == 1 else None}


@led_by_the_film_taken
def answer_facts(state: State, deps: Deps) -> dict:
    """ "Is it long?", "who directed the third one?", "what's Heat about?": the catalog's own data."""
    asked = state.get("facts") or []
    if asked == ["count"]:
        return say(how_many(_last_said(state), deps), "facts")
    if asked[:1] == ["extreme"]:  # "what's the longest movie you have?"
        text, named = catalog_extreme(asked[1], _last_said(state), deps)
        return {**say(text, "facts"), **({"focus": named} if named else {})}
    if asked and asked[0] in MY_HISTORY:  # "how many movies have I watched?", "what did I say I liked?"
        return say(my_history(asked[0], state, deps), "facts")
    if asked == ["list"]:  # "what did you just recommend?"
        shown = [deps.catalog.movies[p["id"]].label for p in state.get("last_picks") or [] if p["id"] in deps.catalog]
        return say(f"I suggested {prose_list(shown)}." if shown else "I haven't suggested anything here yet.", "facts")
    if asked == ["among"]:  # "was Heat in any of those?"
        return say(among_the_picks(state, deps), "facts")
    missing = state.get("unknown_titles") or []
    # a film the question names and the catalog lacks is not the one talked about before
    targets = state.get("mentioned") or [] if missing else pointed_films(state, deps)
    if missing:  # "who directed Oppenheimer?", "do you have Dune (2021)?"
        lacking = not_in_catalog(missing, deps.catalog)
        if not targets:
            return say(f"{lacking}, so I can't {_CANT_SAY.get(asked[0] if asked else '', 'say')}.", "facts")
        if asked == ["catalog"]:
            have = prose_list([deps.catalog.movies[m].label for m in targets])
            return say(f"{lacking}. I do have {have}.", "facts")
        lead = f"{lacking}. The one I have: "
    elif not targets:
        return which_film(state, "facts", deps)
    else:
        lead = ""
    if asked and asked[0] in SERIES_FACTS:  # "the dark knight sequels": the later films of its series, or none
        text, pointed = series_answer(asked[0], targets, deps.catalog, state.get("message") or "")
        return {**say(lead + text, "facts"), **pointed}
    if asked and asked[0] in COMPARISONS:
        return say(compared([deps.catalog.movies[m] for m in targets], asked[0]), "facts")
    if asked == ["why_not"]:  # "why not Saving Private Ryan?": its rating, that it was seen, or the request
        return {**say(lead + " ".join(why_not(m, state, deps) for m in targets), "facts"), "focus": targets[0]}
    if asked == ["mine"]:  # "what did I rate Titanic?": the user's own history, not the catalog's
        return {
            **say(lead + " ".join(what_you_thought(m, state, deps) for m in targets), "facts"),
            "focus": targets[0],
        }
    if asked == ["streaming"] and len(targets) > 1:  # "any of those on netflix?": the picks, in one sentence
        return say(lead + streaming_of([deps.catalog.movies[m] for m in targets]), "facts")
    message = state.get("message") or ""
    text = lead + "\n".join(film_facts(deps.catalog.movies[m], asked, message) for m in targets)
    return {**say(text, "facts"), "focus": targets[0] if len(targets) == 1 else state.get("focus")}


def among_the_picks(state: State, deps: Deps) -> str:
    """Whether each film named was among the last picks, one sentence each, and what they were when not."""
    last = [p["id"] for p in state.get("last_picks") or [] if p["id"] in deps.catalog]
    if not last:
        return "I haven't suggested anything yet in this conversation."
    said, missed = [], []
    for movie_id in pointed_films(state, deps):
        label = deps.catalog.movies[movie_id].label
        if movie_id in last:
            place = f"number {last.index(movie_id) + 1} of" if len(last) > 1 else ""
            said.append(f"Yes, {label} was {place or 'my'} {'my last picks' if place else 'last pick'}.")
        elif movie_id in (state.get("shown") or []):
            said.append(f"{label} wasn't in my last picks, but I suggested it earlier in this conversation.")
        else:
            said.append(f"No, I haven't suggested {label} in this conversation.")
            missed.append(deps.catalog.movies[movie_id].title)
    if missed:
        said.append(f"My last picks were {prose_list([deps.catalog.movies[m].label for m in last])}. "
                    f'Say "something like {missed[0]}" for films like it.')  # fmt: skip
    return " ".join(said)


def _last_said(state: State) -> str:
    return next((m["text"] for m in reversed(state.get("messages") or []) if m.get("role") == "user"), "")


_CANT_SAY = {  # what a question about a film the catalog lacks can't be told
    "runtime": "tell you how long it runs",
    "directors": "tell you who directed it",
    "cast": "tell you who is in it",
    "crew": "tell you who made it",
    "year": "tell you when it came out",
    "plot": "tell you what it is about",
    "kind": "tell you what kind of film it is",
    "language": "tell you what language it is in",
    "true": "tell you whether it is based on a true story",
    "catalog": "suggest it; describe it and I'll find films like it",
    "rating": "tell you how it is rated",
    "certificate": "tell you its age rating",
    "streaming": "tell you where it streams",
    "mine": "look it up in your history",
    "why_not": "suggest it",
    "sequels": "tell you its sequels",
    "next": "tell you what comes after it",
    **{place: f"tell you its series' {place} film" for place in PLACES},
    "order": "tell you its series' order",
}


# "which of these is the shortest?": the key each superlative ranks the picks by, and how it is said
COMPARISONS = {
    "shortest": (lambda m: m.runtime, min, lambda m: f"at {m.runtime} minutes"),
    "longest": (lambda m: m.runtime, max, lambda m: f"at {m.runtime} minutes"),
    "best": (lambda m: m.rating, max, lambda m: f"at {m.rating:.1f}"),
    "newest": (lambda m: m.year, max, lambda m: f"from {m.year}"),
    "oldest": (lambda m: m.year, min, lambda m: f"from {m.year}"),
}


def _from_votes(movie: Movie) -> str:
    """How many votes a rating rests on: 8.3 from 40 votes says less than 8.3 from 8k."""
    return f" from {vote_count(movie.votes)} vote{'s' * (movie.votes != 1)}" if movie.votes else ""


_OF_TWO = {"shortest": "shorter", "longest": "longer", "best": "better rated", "newest": "newer", "oldest": "older"}


def compared(movies: list[Movie], superlative: str) -> str:
    """ "Of these, Heat (1995) is the longest, at 170 minutes.", from the catalog's figures only."""
    key, pick, said = COMPARISONS[superlative]
    known = [m for m in movies if key(m) is not None]
    if not known:
        return f"I don't know which of these is the {superlative}."
    if len(movies) == 2 and len(known) == 1:  # "which is longer, heat or alien?", Heat's length unknown
        missing = next(m for m in movies if key(m) is None)
        return f"I can't tell: I don't have that figure for {missing.label}. {known[0].label} is {said(known[0])}."
    best = pick(known, key=key)
    ties = [m for m in known if key(m) == key(best)]
    unknown = f" (I don't have that figure for {prose_list([m.label for m in movies if key(m) is None])})" if len(
        known) < len(movies) else ""  # fmt: skip
    who = f"{prose_list([m.label for m in ties])} are" if len(ties) > 1 else f"{best.label} is"
    noun = "best rated" if superlative == "best" else superlative
    if len(movies) == len(known) == 2 and len(ties) == 1:  # "is pulp fiction better than heat?": both figures
        other = next(m for m in known if m is not best)
        against = f"against {said(other).split(' ', 1)[1]} for {other.label}"
        return f"Of the two, {who} the {_OF_TWO.get(superlative, noun)}, {said(best)}, {against}."
    votes = _from_votes(best) if superlative == "best" and len(ties) == 1 else ""  # what the rating rests on
    return f"Of these, {who} the {noun}, {said(best)}{votes}{unknown}."


def film_facts(movie: Movie, asked: list[str], message: str = "") -> str:
    """One sentence per fact asked, each saying what the catalog holds, or that it holds nothing; a
    kind asked by name ("is it scary?") is answered yes or no."""
    label, said = movie.label, []
    for fact in asked:
        if fact == "runtime":
            hours, minutes = divmod(movie.runtime or 0, 60)
            length = f" ({hours} h {minutes:02d} min)" if hours else ""
            said.append(f"{label} runs {movie.runtime} minutes{length}." if movie.runtime
                        else f"I don't know how long {label} runs.")  # fmt: skip
        elif fact == "directors":
            said.append(f"{label} was directed by {prose_list(movie.directors)}." if movie.directors
                        else f"My catalog doesn't record who directed {label}.")  # fmt: skip
        elif fact == "cast":
            said.append(
                f"{label} stars {prose_list(movie.cast[:4])}." if movie.cast else f"I don't have {label}'s cast."
            )
        elif fact == "crew":  # "who wrote Pulp Fiction?": say what is recorded instead
            known = [f"was directed by {prose_list(movie.directors)}"] if movie.directors else []
            known += [f"stars {prose_list(movie.cast[:4])}"] if movie.cast else []
            also = f" {label} {' and '.join(known)}." if known else ""
            said.append(f"I only have films' directors and leading actors, not their writers, composers or "
                        f"producers.{also}")  # fmt: skip
        elif fact == "certificate":  # "is it rated R?"
            kind = f" {label} is listed as {prose_list(movie.genres)}." if movie.genres else ""
            said.append(f"My catalog doesn't record age ratings (PG, R, 12A...).{kind}")
        elif fact == "streaming":  # "is the 2nd one on netflix?"
            said.append(f"I can't see what is streaming where, so I can't tell you where to watch {label}.")
        elif fact == "year":
            said.append(f"{movie.title} came out in {movie.year}." if movie.year
                        else f"I don't know when {label} came out.")  # fmt: skip
        elif fact == "plot":
            said.append(f"{label}: {movie.overview}" if movie.overview else without_synopsis(movie))
        elif fact == "kind" and (answer := kind_answer(movie, message)):  # "is it animated?": yes or no
            said.append(answer)
        elif fact == "kind":  # "is it dark?": what the catalog says it is, for the user to judge
            tone = f", and its tone is {prose_list(movie.moods[:3])}" if movie.moods else ""
            said.append(f"{label} is listed as {prose_list(movie.genres)}{tone}." if movie.genres
                        else f"I don't know what kind of film {label} is.")  # fmt: skip
        elif fact == "true":  # "is it based on a true story?": what its tags say, and no more
            tag = next((k for k in movie.keywords if has_theme([k], TRUE)), None)
            said.append(f"Yes: {label} is tagged “{tag}”." if tag
                        else f"My catalog doesn't tag {label} as based on a true story.")  # fmt: skip
        elif fact == "rating":  # "is the first one any good?": the catalog's rating, for the user to judge
            said.append(rating_in_brief(movie))
        elif fact == "catalog":  # "do you have Heat?"
            about = [", ".join(movie.genres)] if movie.genres else []
            about += [f"{movie.runtime} min"] if movie.runtime else []
            about += [f"directed by {prose_list(movie.directors)}"] if movie.directors else []
            said.append(f"Yes, I have {label}" + (f": {'; '.join(about)}." if about else "."))
        elif fact == "about":  # "the second one?", "tell me about Heat": its facts and whole synopsis
            said.append(film_in_brief(movie, short=False))
        elif fact == "language":
            said.append(f"{label} is in {LANGUAGES.get(movie.language, movie.language)}." if movie.language
                        else f"I don't know what language {label} is in.")  # fmt: skip
    return " ".join(said)


def which_film(state: State, intent: str, deps: Deps) -> dict:
    """The message points at no film this conversation can tell."""
    count, ordinal = len(state.get("last_picks") or []), state.get("ordinal")
    if count and ordinal is not None and not -count <= ordinal < count:  # "the second one" after one pick
        if count == 1:
            only = deps.catalog.movies[state["last_picks"][0]["id"]].label
            return say(f'I only suggested one film just now, {only}: say "it" or its name to ask about it.', intent)
        if intent == "facts" and (titled := title_past_the_list(state.get("message") or "", count, deps)):
            return say(titled, intent)  # "number 23" after three picks: The Number 23
        return say(f'I only suggested {count} films just now; which one do you mean? Say "the first one", or '
                    "name it.", intent)  # fmt: skip
    if state.get("last_picks"):
        names = _people_named(state, deps)
        none_of = f"None of my last picks is by or with {prose_list(names, 'or')}. " if names else ""
        return say(f'{none_of}Which one do you mean? Name it, or say "the second one".', intent)
    return say('Which movie do you mean? Name it, or say "the second one" after I suggest some.', intent)


@led_by_the_film_taken
def record_opinion(state: State, deps: Deps) -> dict:
    """ "I've seen Heat", "loved the first one", "hated Titanic": written to the profile."""
    intent = state.get("intent") or "seen"
    if state.get("verdicts"):  # "I loved Amelie and hated Titanic": each film its own verdict
        return _record_verdicts(state, deps)
    targets = pointed_films(state, deps)
    if not targets and state.get("unknown_titles"):  # "watched Alien 3, loved it" with no Alien 3
        return say(f"{not_in_catalog(state['unknown_titles'], deps.catalog)}, so I haven't noted anything.", intent)
    if not targets and (unnoted := unnoted_said(state.get("message") or "", deps.catalog)):
        return say(unnoted, "unclear")  # "seen every pixar movie", "fear was great": nothing noted, not "seen"
    if not targets:
        return which_film(state, intent, deps)
    labels = [deps.catalog.movies[m].label for m in targets]
    stars = state.get("stated_rating")
    if deps.profiles is None or not state.get("user"):
        return say(f"Noted: {prose_list(labels)}. (I have nowhere to remember it in this session.)", intent)
    user = state["user"]
    before = stored_before(deps, user, targets, intent, stars, bool(state.get("stars_said")))
    moved = take_back(deps, user, state.get("replaces") or {})
    if intent == "dismissed":  # "don't show me Heat again": never suggested, and neither seen nor rated
        for movie_id in targets:
            deps.profiles.dismiss(user, movie_id, source="chat")
        text = f"Got it: I won't suggest {prose_list(labels)} again.{moved}{_other_versions(state, targets, deps)}"
        return {**say(text, intent), "stored_before": before,
                "recorded": {"watched": [], "ratings": {}, "likes": [], "dismissed": targets}}  # fmt: skip
    said = targets if state.get("stars_said") else ()  # "heat is a 4": stars given, not a word
    on = day_told(state.get("message") or "", deps.clock())  # "I watched Alien yesterday": that day kept
    undated = on is None and no_day_told(state.get("message") or "")  # "saw Alien last month": no day kept
    recorded = store_opinions(deps, user, {m: (intent, stars) for m in targets}, said, on, undated)
    names = prose_list(labels)
    if state.get("stars_said") and stars is not None and intent in ("liked", "disliked"):  # "gave Heat a 4"
        text = f"Noted: {stars:g} out of 5 for {names}.{stars_then(stars)}"  # a 3 promises nothing
    elif intent == "liked" and stars is not None and stars < LIKED_FROM:  # "Heat was ok": no more of it promised
        text = f"Noted: {names} {'were' if len(targets) > 1 else 'was'} OK for you, kept as {stars:g} out of 5."
    elif intent == "liked":
        loved = "loved" if (stars or 0) >= 5 else "liked"  # as it is said back later: "which you loved"
        text = f"Great, I've noted that you {loved} {names}. I'll look for more in that vein."
    elif intent == "disliked":
        were, them = ("weren't", "them") if len(targets) > 1 else ("wasn't", "it")  # "hated all of them"
        text = f"Noted: {names} {were} for you. I'll steer away from things like {them}."
    else:
        day = (
            f" on {on.date().isoformat()}"
            if on is not None
            else " with no date, as no exact day was said"
            if undated
            else ""
        )
        text = f"Got it: {names} marked as watched{day}. I won't suggest {'them' if len(targets) > 1 else 'it'} again."
    text += moved + _other_versions(state, targets, deps) + unkept_note(state.get("message") or "", deps.catalog)
    text += no_sequels_note(state.get("without_sequels") or [], deps.catalog)  # "seen heat and its sequels"
    if state.get("unknown_titles"):  # "seen spirited away, totoro and ponyo" with no "totoro" found
        missing = state["unknown_titles"]
        text += f" {not_in_catalog(missing, deps.catalog)}, so I haven't noted {'them' if len(missing) > 1 else 'it'}."
    # the film just judged is what "it" means next: "what did I think of it?", "more like that"
    focus = targets[0] if len(targets) == 1 else state.get("focus")
    return {**say(text, intent), "recorded": recorded, "stored_before": before, "focus": focus}


def _other_versions(state: State, targets: list[str], deps: Deps) -> str:
    """ " Other films are called King Kong too (1933, 1976): ..." when a film was named by a title
    it shares and without its year, so the one noted may not be the one meant."""
    message = state.get("message") or ""
    if not state.get("mentioned") or version_chosen(message):  # a pick pointed at, or the version chosen
        return ""
    for movie_id in targets:
        movie = deps.catalog.movies[movie_id]
        others = [m for m in versions_of(movie_id, deps.catalog) if m.id != movie_id]
        if others and str(movie.year) not in message:
            years = ", ".join(str(m.year) for m in others)
            return (f" Other films are called {movie.title} too ({years}): if you meant one of them, say which, "
                    f'like "the {others[0].year} one".')  # fmt: skip
    return ""


def _record_verdicts(state: State, deps: Deps) -> dict:
    last = [p["id"] for p in state.get("last_picks") or []]
    opinions: dict[str, tuple[str, float | None]] = {}
    unkept: dict[str, float] = {}  # "I rated Heat 4 and The Matrix 11": nothing noted of The Matrix
    for ref, verdict, stars in state["verdicts"]:
        movie_id = ref if isinstance(ref, str) else (last[ref] if -len(last) <= ref < len(last) else None)
        if movie_id is None:
            return which_film(state, state.get("intent") or "seen", deps)
        if verdict == "unkept":
            unkept.setdefault(movie_id, stars)
        else:
            opinions.setdefault(movie_id, (verdict, stars))
    label = {m: deps.catalog.movies[m].label for m in [*opinions, *unkept]}
    set_aside = [m for m, (verdict, _) in opinions.items() if verdict == "dismissed"]
    opinions = {m: opinion for m, opinion in opinions.items() if m not in set_aside}
    # "I rated Heat 4 and The Matrix 3": each its stars; "I rated Toy Story 3 and Heat 4": Toy Story 3 has none;
    # "loved heat and jaws 5": Heat by the word, Jaws by its stars
    worded = set(state.get("worded") or ())  # "loved heat and jaws 5": Heat's 5 stands for "loved", as alone
    given = [m for m, (_, stars) in opinions.items() if stars is not None and m not in worded] if state.get(
        "stars_said") else []  # fmt: skip
    parts = verdict_parts(opinions, given, label, stars_said=bool(state.get("stars_said")))
    not_kept = unkept_said(unkept, label)
    if unplaced := state.get("unplaced"):  # "I really like Heat (1995) I didn't care for that": which is "that"?
        said = "loved" if unplaced == "liked" else "hated"
        not_kept = (
            f"{not_kept} I couldn't tell which film “that” is, so I noted nothing of it (say “{said} the second one”)."
        )
    if missing := state.get("unknown_titles"):  # "I rated heat 4 and blorfzap 3"
        lacking = not_in_catalog(missing, deps.catalog)
        not_kept = f"{not_kept} {lacking}, so I haven't noted {'them' if len(missing) > 1 else 'it'}."
    if deps.profiles is None or not state.get("user"):
        noted = f"Noted: {'; '.join(parts)}. (I have nowhere to remember it in this session.)" if parts else ""
        return say(f"{noted} {not_kept.strip()}".strip(), "seen")
    recorded = store_opinions(deps, state["user"], opinions, given)
    for movie_id in set_aside:  # "the third looks boring": never suggested again, and neither seen nor rated
        deps.profiles.dismiss(state["user"], movie_id, source="chat")
    recorded |= {"dismissed": set_aside} if set_aside else {}
    nor = f", nor {prose_list([label[m] for m in set_aside])}" if set_aside else ""
    noted = (
        f"Noted: {'; '.join(parts)}. I won't suggest {'them' if len(opinions) > 1 else 'it'} again{nor}."
        if parts
        else f"Got it: I won't suggest {prose_list([label[m] for m in set_aside])} again."
        if set_aside
        else ""
    )
    return {**say(f"{noted} {not_kept.strip()}".strip(), state.get("intent") or "seen"), "recorded": recorded}


def note_in_passing(state: State, deps: Deps) -> dict:
    """ "We already watched Inception, and really liked Before Sunrise": a request that states
    facts stores them before retrieval, so this very answer leaves Inception out."""
    heard = state.get("in_passing") or {}
    if not heard or deps.profiles is None or not state.get("user"):
        return {"recorded": {}, "noted": ""}
    opinions = {m: ("seen", None) for m in heard.get("seen") or []}
    opinions |= {m: ("liked", stars) for m, stars in (heard.get("liked") or {}).items()}
    opinions |= {m: ("disliked", stars) for m, stars in (heard.get("disliked") or {}).items()}  # as said alone
    rated = {m: (v, stars) for m, (v, stars) in (heard.get("rated") or {}).items()}  # "heat 4, jaws 5, what else?"
    opinions |= rated
    worded = set(heard.get("worded") or ())  # "loved heat and jaws 5, what else?": Heat's stars stand for "loved"
    rated = {m: opinion for m, opinion in rated.items() if m not in worded}
    said = [*(heard.get("said") or ()), *(m for m, (_, stars) in rated.items() if stars is not None)]
    recorded = store_opinions(deps, state["user"], opinions, said) if opinions else {}
    if refused := [m for m in heard.get("dismissed") or [] if m not in opinions]:  # "not Heat again, others?"
        for movie_id in refused:
            deps.profiles.dismiss(state["user"], movie_id, source="chat")
        recorded = {**recorded, "dismissed": refused}
    noted = noted_line(recorded, deps, {m: stars for m, (_, stars) in rated.items() if stars is not None})
    if unkept := heard.get("unkept"):  # "heat 4 and the matrix 11, what else?": the 11 named back, as alone
        labels = {m: deps.catalog.movies[m].label for m in unkept}
        noted = f"{noted} {unkept_said(unkept, labels)}".strip()
    if recorded.get("watched"):  # "seen heat and its sequels, what else?": that it has none, so none was marked
        noted = f"{noted}{no_sequels_note(state.get('without_sequels') or [], deps.catalog)}".strip()
    if heard.get("unsure"):  # "seen it, others?" with three picks and none spoken of since
        said = {"seen": "seen", "liked": "loved", "dismissed": "skip"}.get(heard["unsure"], "hated")
        example = f"{said} the second one"
        noted = f"{noted} I couldn't tell which film you meant, so I noted nothing (say “{example}”).".strip()
    return {"recorded": recorded, "noted": noted}


def respond_unclear(state: State, deps: Deps) -> dict:
    """Nothing in the message to go on: say so, rather than make a request up (and that a long
    message was read only so far: what it asked may come after the cut)."""
    if len(state.get("message") or "") > MAX_MESSAGE:
        return say(f"Your message was long, so I read only its first {MAX_MESSAGE:,} characters, and I "
                    f"didn't catch a request in them. Try a shorter message.", "unclear")  # fmt: skip
    if in_another_language(state.get("message") or ""):  # "quiero una película de terror"
        return say(f"Sorry, I only understand English. {UNCLEAR.removeprefix(UNCLEAR_LEAD)}", "unclear")
    return say(UNCLEAR, "unclear")

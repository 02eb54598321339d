"""Understand: classify the message and turn it into a request, merged with the last one for follow-ups."""

from __future__ import annotations

import dataclasses
import re

from agent.credited_roles import with_roles
from agent.deps import Deps
from agent.like_sequels import like_with_sequels
from agent.nodes.conversation import pointed_films
from agent.nodes.history import restarred, revising
from agent.nodes.judged_apart import judged_in_passing, judged_words_out
from agent.nodes.just_named import just_named, went_by_named
from agent.nodes.lists_again import AGAIN_NOTE, first_list_again, kept_with_picks, without_picks
from agent.nodes.past_the_picks import beyond_the_last, past_the_list, past_the_picks
from agent.nodes.retrieve import without_titles
from agent.nodes.softened_years import soften_older
from agent.prose import prose_list
from agent.sequels import PLACES, sequel_films
from agent.series_places import series_places_as_titles
from agent.series_seen import whole_series_as_titles
from agent.state import MAX_MESSAGE, State
from agent.understanding.chat_words import spelt_out
from agent.understanding.comparative_tone import TONE_BY_GENRE, comparative_leans, only_comparative
from agent.understanding.corrections import typed_before_a_score
from agent.understanding.crowd_asks import disliked_note
from agent.understanding.dismissals import request_beside
from agent.understanding.dropping import drop_part
from agent.understanding.instead import replace_instead
from agent.understanding.intents import Classified, classify, reference_ordinal, states_subject, thanked_then
from agent.understanding.less_dark import less_dark_as_lighter
from agent.understanding.like_it import asks_like_it
from agent.understanding.llm_reader import read_message
from agent.understanding.marked_titles import titles_with_years
from agent.understanding.merge import apply_modifiers, fresh_request, genres_as_tags, lean, merge_request
from agent.understanding.named_before import named_before, set_aside
from agent.understanding.nothing_read import emoji_intent, guessed_note
from agent.understanding.passing import facts_in_passing, in_another_language, says_nothing, unread
from agent.understanding.pointing import picks_rejected
from agent.understanding.pronouns import people_meant, taken_to_be, unresolved
from agent.understanding.rated_asks import request_said
from agent.understanding.reader import BUT_RELATIVE, NOT_AS_RELATIVE, understand
from agent.understanding.removing import removal_of
from agent.understanding.request import Request, Understood, contract, has_filters, is_open
from agent.understanding.story_places import unknown_places
from agent.understanding.text import normalise_message
from agent.understanding.tone_leans import lean_to_tones
from agent.understanding.unkept_stars import unkept_note
from agent.understanding.versions import chosen_versions, version_in_place, versions_said_after
from agent.unnoted import unnoted_said

MAX_REFERENCES = 6  # films from a handed-in conversation used as references, most recent first


def _with_sequels(classified: Classified, deps: Deps) -> tuple[Classified, list[str]]:
    """ "I watched the matrix and its sequels": the sequels the catalog has are named too, so each is
    marked and said back (it called "its sequels" a title it could not find); and the films said so
    that have none, for the reply to say none was marked. Each film's sequels are found once a turn."""
    if classified.feedback is not None:  # "seen heat and its sequels, anything else?": Heat's none said too
        feedback, without = _with_sequels(classified.feedback, deps)
        return dataclasses.replace(classified, feedback=feedback), without
    found = {film: sequel_films(film, deps.catalog) for film in classified.with_sequels}
    later = [m.id for films in found.values() for m in films]
    without = [film for film, films in found.items() if not films]
    if not later:
        return classified, without
    return dataclasses.replace(classified, titles=list(dict.fromkeys([*classified.titles, *later]))), without


def _missing_read(understood: Understood, classified: Classified) -> list[str]:
    """The titles read that the catalog lacks, but a numbered film a series question asks about: "is there a
    godfather 4" said "I couldn't find “godfather 4”. The one I have: ...", where the answer says there are 3."""
    if classified.titles and set(classified.facts) & set(PLACES):
        return []
    return understood.unknown_titles


# turns that speak of films shown rather than ask for any: after a movie night they are about its pick,
# and "more" next is the night's next pick ("why that one?" then "more" gave the speaker's own picks)
_ASIDE = ("why", "facts", "seen", "liked", "disliked", "dismissed", "interested", "unseen", "unwatched", "unrated",
          "undo", "smalltalk")  # fmt: skip


def understand_message(state: State, deps: Deps) -> dict:
    """Classify the message and turn it into a request, merged with the last one for follow-ups; any
    other turn than one of those asides ends a movie night this conversation holds."""
    update = _understood(state, deps)
    if state.get("movie_night") and update.get("intent") not in _ASIDE:
        update["movie_night"] = None
    return update


def _understood(state: State, deps: Deps) -> dict:
    said = _SLASH_REQUEST.sub("", (state.get("message") or "").strip())
    message, unlinked = _imdb_links_as_titles(said[:MAX_MESSAGE], deps)
    typed = message  # what the conversation keeps: the user's words, not the films read into them
    message = series_places_as_titles(spelt_out(message), deps.catalog)  # "smth similar", "seen the first two rockys"
    message = whole_series_as_titles(message, deps.catalog)  # "seen all the harry potter movies": each film
    history = list(state.get("messages") or [])
    seeded = []
    if not history and state.get("context"):
        seeded = [m for m in state["context"] if m.get("text")]
        history = seeded
    previous = state.get("request") or {}
    last_picks = state.get("last_picks") or []
    if not previous and seeded:
        previous = _fold_context(seeded, deps)
    # a film asked about counts as context too: "what's Heat about?" ... "is it long?"
    has_previous = bool(previous) or bool(last_picks) or bool(state.get("focus"))
    base = {"messages": [*seeded, {"role": "user", "text": typed}], "ordinal": None, "mentioned": [], "every": False,
            "positions": [], "facts": [], "stated_rating": None, "stars_said": False, "verdicts": [], "worded": [],
            "unplaced": "", "llm_calls": 0, "picks": [], "candidates": [], "in_passing": {}, "recorded": {},
            "noted": "", "debug": {}, "unknown_titles": [], "stored_before": {}, "replaces": {}, "without_sequels": [],
            "listed": [], "went_by": "", "repeated": []}  # fmt: skip
    if not message and state.get("always_recommend"):
        # a batch line or evaluation turn where nothing is asked yet (the other side speaks first):
        # picks for the conversation so far, or for anyone
        request = previous or fresh_request(Understood(), deps)
        return {**base, "intent": "refine" if previous else "recommend", "request": request,
                "understood": contract(request, lambda movie_id: _label(movie_id, deps))}  # fmt: skip
    if unlinked and not message.strip():  # only a link to a film the catalog lacks
        return {**base, "intent": "facts", "facts": ["catalog"], "unknown_titles": [f"IMDb {i}" for i in unlinked]}
    if not message:
        return {**base, "intent": "help"}
    if unnoted_said(message, deps.catalog):  # "seen every pixar movie", "fear was great": said so, not picks
        return {**base, "intent": "seen"}
    if (moved := _version_corrected(message, state, deps)) is not None:
        return {**base, **moved}
    if previous and (request := drop_part(message, previous, deps)) is not None:  # "drop the tom hanks part"
        return {
            **base,
            "intent": "refine",
            "request": request,
            "referenced": list(request.get("like_titles") or []),
            "understood": contract(request, lambda movie_id: _label(movie_id, deps)),
        }
    removal = removal_of(message, deps.catalog, today_year=deps.today.year)  # "remove horror from the picks"
    message = removal.message if removal else message
    referred = people_meant(message, state, deps)  # "anything else by him?": the director just named
    message = referred.message if referred else message
    classified, understood, calls = read_message(deps, message, history, has_previous=has_previous)
    if classified.intent == "more" and (thanked := thanked_then(message)) is not None:  # "Great, but I've seen it!"
        understood = understand(thanked, deps.catalog, today_year=deps.today.year)  # asks for no great films
    classified, without_sequels = _with_sequels(classified, deps)  # "I watched the matrix and its sequels"
    if classified.intent in ("recommend", "refine", "more") and classified.feedback is None:
        understood = like_with_sequels(message, understood, deps.catalog)  # "something like heat and its sequels"
    # "sofia" after Francis Ford Coppola's films, "only carell" after Steve Carell or Paul Rudd
    said_of = named_before(message, understood, previous, deps.catalog.people_index()) if previous else None
    if said_of is not None:
        understood = said_of.understood
        if said_of.completed and classified.intent == "recommend":
            classified = dataclasses.replace(classified, intent="refine")
    classified = dataclasses.replace(classified, intent=emoji_intent(message, classified.intent, understood))  # "🤠"
    if classified.facts == ("next",) and not classified.titles and not state.get("focus"):
        classified = Classified("more" if previous else "recommend")  # "the next one" after picks: another pick
    intent = classified.intent
    # "who directed Alien?" ... "something like it": Alien is the reference, whatever was asked before
    like_focus = _film_spoken_of(message, state, classified, understood, deps)
    if like_focus:
        understood = dataclasses.replace(understood, like_titles=[like_focus])
    if intent == "recommend" and classified.feedback is not None and classified.feedback.intent == "seen":
        # "seen alien, totoro and ponyo, what else?": the picks go on from the films listed, whose
        # words are no more to search for
        seen, lacking = classified.feedback.titles, classified.feedback.unknown
        sequels = [k for k in understood.keywords if k != "sequel"] if classified.feedback.with_sequels else None
        understood = dataclasses.replace(understood, like_titles=list(dict.fromkeys([*understood.like_titles, *seen])),
                                         keywords=understood.keywords if sequels is None else sequels,
                                         query=without_titles(understood.query, seen, deps.catalog),
                                         unknown_titles=[*understood.unknown_titles, *lacking])  # fmt: skip
    rated = classified.feedback.verdicts if classified.feedback and classified.feedback.stars_said else ()
    if intent in ("recommend", "more") and rated:
        # "heat 4, alien 3 and jaws 5, what else?": more of the last picks, or films like those liked; "alien"
        # asks for no sci-fi
        liked = [m for m, verdict, _ in rated if verdict in ("liked", "seen")] if intent == "recommend" else []
        understood = Understood(like_titles=liked, unknown_titles=list(classified.feedback.unknown))
        asked = understand(tail, deps.catalog) if (tail := request_said(message)) is not None else None
        if asked is not None and (has_filters(asked) or asked.year_min is not None or asked.year_max is not None):
            # "heat 4 and jaws 5, any comedies?": comedies; "..., any similar?" films like those liked
            understood = dataclasses.replace(asked, unknown_titles=understood.unknown_titles)
    # "like King Kong" ... "the 1933 one": the other film of that title, not films of 1933
    versions = chosen_versions(message, previous.get("like_titles") or [], deps.catalog) if previous else None
    if versions:
        classified, understood, intent = Classified("refine"), Understood(), "refine"
    if intent == "more" and picks_rejected(normalise_message(message)):  # "these are all bad": no "bad" to search
        understood = Understood()
    if state.get("always_recommend") and intent not in ("recommend", "refine", "more"):
        # a batch line or an evaluation turn always wants picks; "loved it!" adds a reference
        if intent == "liked":
            understood = dataclasses.replace(
                understood, like_titles=list(dict.fromkeys([*understood.like_titles, *classified.titles]))
            )
        intent = "refine" if previous else "recommend"
    # gibberish is said to be, in a chat and on a batch line or API call with nothing before it
    # to answer instead; an evaluation turn always gets picks for its conversation
    unattended_alone = state.get("unattended") and not previous
    if (classified.intent == "recommend" and (not state.get("always_recommend") or unattended_alone)
            and says_nothing(message, understood, deps.catalog)):  # fmt: skip
        intent = "unclear"
    elif (intent == "recommend" and previous and not state.get("always_recommend")
          and (not_read := unread(understood, deps.catalog))):  # fmt: skip
        # "a war film" then "blorptastic instead": the war films still, and what went unread said so
        said = prose_list([f'"{word}"' for word in not_read], "or")
        understood, intent = Understood(caveats=[f"I didn't catch {said}, so here is more of the same."]), "more"
    if classified.feedback is not None and classified.feedback.intent == "dismissed":  # not a film to go by
        refused = classified.feedback.titles  # nor its series, nor its words ("don't give me anything like Twilight")
        if intent in ("recommend", "more") and (rest := request_beside(message, deps.catalog)) is not None:
            # "..., any comedies?": comedies, not films about aliens
            understood = understand(rest, deps.catalog, today_year=deps.today.year)
        understood = dataclasses.replace(
            understood,
            like_titles=[t for t in understood.like_titles if t not in refused],
            exclude_titles=list(dict.fromkeys([*understood.exclude_titles, *refused])),
            query=without_titles(understood.query, refused, deps.catalog),
        )
    update = {**base, "intent": intent, "ordinal": classified.ordinal, "mentioned": classified.titles,
              "every": classified.every, "positions": list(classified.positions), "facts": list(classified.facts),
              "stated_rating": classified.rating, "stars_said": classified.stars_said, "llm_calls": calls,
              "verdicts": [list(v) for v in classified.verdicts], "worded": list(classified.worded),
              "unplaced": classified.unplaced,
              "unknown_titles": list(dict.fromkeys([*_missing_read(understood, classified), *classified.unknown])),
              "without_sequels": without_sequels}  # fmt: skip
    if classified.ordinal is not None:  # "the third one" after a series listed, then "the second one": of it still
        update["listed"] = list(state.get("listed") or [])
    # "heat 4 and alien 5", "tell me about the first one": Heat, as "more like the first one" goes by
    asks_of_a_place = intent in ("why", "facts") and classified.ordinal is not None and not classified.titles
    if asks_of_a_place and (named := just_named(state, classified.ordinal)) is not None:
        went_by = went_by_named(state, named, classified.ordinal, deps)
        update |= {"mentioned": [named], "ordinal": None, "went_by": went_by}
    if classified.verdicts and classified.stars_said:  # read film by film: "jaws 5" is Jaws given 5, not a title
        update["unknown_titles"] = list(classified.unknown)
    scored = intent in ("liked", "disliked") and classified.stars_said and not classified.titles
    if scored and classified.ordinal is None and not classified.positions and not classified.every:
        typed = typed_before_a_score(message, deps.catalog)  # "tenet was like 2 stars", with no Tenet
        update["unknown_titles"] = [*update["unknown_titles"], *([typed] if typed else [])]
    if last := state.get("stored_before") or {}:  # "undo that", "actually make that 3 stars": the film just noted
        update |= revising(intent, classified, message, last)
        update |= restarred(message, last)  # "I gave Heat 4 stars" then "make it 2": Heat's stars, not 2 picks
        intent = update["intent"]  # a rating now, so no request is read from it: "count: 2" was understood
    # "something older", "from the 80s": a message that says nothing about the film itself follows on
    bounds_only = is_open(dataclasses.asdict(understood)) and not states_subject(message, understood)
    follows_on = previous and (state.get("always_recommend") or bounds_only)
    if understood.taken_years:  # "Ghost (1998)" read as Ghost (1990): said before whatever the answer is
        if intent in ("recommend", "refine", "more"):
            understood = dataclasses.replace(understood, caveats=[*understood.caveats, *understood.taken_years])
        elif intent in _OPINIONS and set(classified.titles) & {*understood.like_titles, *understood.exclude_titles}:
            update["went_by"] = " ".join(filter(None, [update.get("went_by"), *understood.taken_years]))
    earlier = list(state.get("earlier_requests") or [])
    # "back to the previous search" (and what else the message says: "but from the 2000s")
    asks_back = intent in ("recommend", "refine", "more")
    again = first_list_again(message, earlier) if asks_back else None  # "back to the first list": its films
    back, update["repeated"] = again if again is not None else (None, [])
    back = back or (_gone_back_to(message, understood, earlier) if asks_back else None)
    nowhere = asks_back and back is None and not earlier and _THE_LAST_ONE.search(message.lower())
    if nowhere and _GOING_BACK.search(message.lower()):  # said, rather than picks said to be a guess
        back = {**previous, "caveats": [], "unknown_titles": []}
    if back is None and asks_back and _meant_instead(message, understood, previous):
        back = {**previous, "caveats": [], "unknown_titles": [], "like_titles": []}  # "I meant Heat": the rest holds
    if back is not None:
        intent = update["intent"] = "recommend"
        update["request"] = merge_request(back, understood, last_picks=[], deps=deps)
        if update["repeated"]:  # the same films as then, said to be
            update["request"]["caveats"] = [AGAIN_NOTE, *(update["request"].get("caveats") or [])]
        if previous:  # the subject left is kept in turn: "back to the previous search" twice is where one was
            update["earlier_requests"] = [kept_with_picks(previous, last_picks), *earlier][:MAX_EARLIER]
    elif intent in ("refine", "more") or (intent == "recommend" and follows_on):
        understood = less_dark_as_lighter(message, understood)  # "less grim" after "a war drama": lighter
        request = merge_request(previous, understood, last_picks=last_picks, deps=deps)
        replace_instead(message, understood, previous, request)  # "a horror instead": no comedy lean left
        soften_older(message, request, previous, state, deps)  # "older" then "not so old": between the two
        if said_of is not None:
            set_aside(request, said_of.set_aside)
        named = just_named(state, classified.ordinal) if classified.ordinal is not None else None
        relative = BUT_RELATIVE.search(message.lower()) or NOT_AS_RELATIVE.search(message.lower())
        pointing = intent in ("more", "refine") or relative  # "not as old as the first one" reads as bounds only
        if pointing and classified.ordinal is not None and (last_picks or named):
            pointed = _at(last_picks, classified.ordinal)
            if named is not None:  # "heat 4 and alien 5", "more like the first one"
                taken = went_by_named(state, named, classified.ordinal, deps)
                pointed, request["caveats"] = named, [*(request.get("caveats") or []), taken]
            elif pointed is None:  # "the second one" after one pick: the answer before's, or said to be none
                pointed, taken = past_the_picks(state, classified.ordinal, deps)
                request["caveats"] = [*(request.get("caveats") or []), taken]
            if pointed:
                request["like_titles"] = [pointed]
            if pointed and understood.modifiers and relative:
                # "like the second one but older": older than that film, not than all the picks (whose
                # shortest would otherwise stay the bound "shorter" keeps)
                for field in ("min_runtime", "max_runtime"):
                    if getattr(understood, field) is None:
                        request[field] = previous.get(field)
                apply_modifiers(request, understood.modifiers, [], deps, references=[pointed])
        if versions:
            request["like_titles"] = versions
        if like_focus:  # "more like that" after a verdict on a film: that film, not the older reference
            request["like_titles"] = [like_focus]
        update["request"] = request
        # "kubrick instead": the Hitchcock films are one to go back to
        if intent != "more" and previous and _subject(request) != _subject(previous):
            update["earlier_requests"] = [kept_with_picks(previous, last_picks), *earlier][:MAX_EARLIER]
    elif intent == "recommend":
        went_by = _relative_to_named(state, classified.ordinal, message, understood, deps)
        if went_by is not None:  # "heat 4 and alien 5" then "not as old as the first one": newer than Heat
            understood, caveat = went_by
            understood = dataclasses.replace(understood, caveats=[*understood.caveats, caveat])
        update["request"] = fresh_request(understood, deps)
        if previous:  # a new subject: the last one is kept, for "back to the comedies"
            update["earlier_requests"] = [kept_with_picks(previous, last_picks), *earlier][:MAX_EARLIER]
    past = None  # "loved the second one, anything similar?" after one pick: no film to note
    if intent in ("recommend", "refine", "more") and not state.get("always_recommend"):
        named = tuple(dict.fromkeys([*understood.like_titles, *understood.exclude_titles]))
        heard = facts_in_passing(message, deps.catalog, named)
        update["in_passing"] = {"seen": heard.seen, "liked": heard.liked, "disliked": heard.disliked} if heard else {}
        if classified.feedback is not None:  # "the first one was great, anything newer?" too
            _verdict_with_more(update["in_passing"], classified.feedback, state, deps)
            past = update["in_passing"].pop("past", None)  # said with the answer, as nothing was stored
        if update.get("request"):  # "Heat was great, and more comedies": no The Heat for the comedies
            judged = judged_in_passing(update["in_passing"])
            judged_words_out(update["request"], understood, judged, message, deps.catalog.movies)
    if update.get("request"):
        _choose_version_said_after(message, update["request"], deps)  # "like oceans eleven, the original one"
        update["request"] = with_roles(genres_as_tags(update["request"], deps), deps.catalog, understood.said_by)
        update["referenced"] = list(update["request"].get("like_titles") or [])
        leaned = comparative_leans(update["request"]) if only_comparative(understood) else []  # "funnier"
        tone = TONE_BY_GENRE if leaned else TONE_UNLABELLED
        caveats = [tone] if _asks_a_tone(understood) and not deps.catalog.labels_tone else []
        if not deps.catalog.labels_tone:  # "something sad": dramas lean, as the catalog can tell no sad film
            lean_to_tones(update["request"], understood.moods)
        caveats += [left_out] if removal and (left_out := removal.said(follow_up=bool(previous))) else []
        caveats += [past] if past else []
        caveats += [f"I couldn't find the IMDb film {imdb_id} in my catalog." for imdb_id in unlinked]
        caveats += unknown_places(message, update["request"], deps.catalog)  # "set in reykjavik"
        # "I'd give heat -3"; "I rated heat 4 and the matrix 11, what else?" names the 11 once, when it is noted
        named_back = bool(update.get("in_passing", {}).get("unkept"))
        caveats += [unkept.strip()] if not named_back and (unkept := unkept_note(message, deps.catalog)) else []
        caveats += [hated] if (hated := disliked_note(message)) else []  # "something everyone hated"
        if back is not None and nowhere:
            caveats.append(f"{NOTHING_EARLIER}, so here is more of this one." if previous else f"{NOTHING_EARLIER}.")
        if in_another_language(message) and not understood.like_titles:  # "quiero una película de terror"
            caveats.append(OTHER_LANGUAGE)
        if len(said) > MAX_MESSAGE:  # what came after the cut asked for nothing: say it went unread
            caveats.append(f"Your message was long, so I read only its first {MAX_MESSAGE:,} characters.")
        if referred and referred.film:  # "anything else by him?" about Inception: not Inception
            refused = update["request"].get("exclude_titles") or []
            update["request"]["exclude_titles"] = list(dict.fromkeys([*refused, referred.film]))
        if referred and not referred.people:  # "anything by him?" with no one named: said, not guessed
            caveats.append(unresolved(referred, deps))
        elif referred and (guess := taken_to_be(referred, deps)):  # "she" after a cast of several
            caveats.append(guess)
        if (
            intent == "recommend"
            and not follows_on
            and back is None
            and not [c for c in caveats if c != TONE_UNLABELLED]  # "about xyzzy, not depressing": both said
            and not any((update.get("in_passing") or {}).values())  # "couldn't stand heat, what else?"
            and (guessed := guessed_note(understood, deps.catalog, message))
        ):
            caveats.append(guessed)  # "banana": picks that answer nothing in it, said to be a guess
        if caveats:
            update["request"]["caveats"] = [*(update["request"].get("caveats") or []), *caveats]
    update["understood"] = contract(update.get("request") or previous, lambda movie_id: _label(movie_id, deps))
    return update


def _film_spoken_of(
    message: str, state: State, classified: Classified, understood: Understood, deps: Deps
) -> str | None:
    """The film "it" is in a wish for films like it ("something like it", "any similar movies?"): the one
    film spoken of since the last picks (asked about, explained, judged), when the message names none;
    not one the user just said they disliked ("hated the second one", "any similar?" is not for more of it).
    After an answer of one pick and nothing said of a film since, "that" is the pick ("just one", then
    "more like that")."""
    picks = state.get("last_picks") or []
    focus = state.get("focus") or (picks[0]["id"] if len(picks) == 1 else None)
    if not focus or classified.intent not in ("recommend", "refine", "more") or understood.like_titles:
        return None
    if classified.ordinal is not None or not asks_like_it(message):  # "like the second one": that pick
        return None
    user = state.get("user")
    stars = deps.profiles.rating(user, focus) if deps.profiles is not None and user else None
    return None if stars is not None and stars < 3 else focus


def _version_corrected(message: str, state: State, deps: Deps) -> dict | None:
    """ "I've seen King Kong" ... "I meant the 1933 one": the opinion the last turn stored moves to
    the film of that title the message chooses (record_opinion takes it back from the other)."""
    stored = state.get("stored_before") or {}
    found = version_in_place(message, list(stored), deps.catalog) if stored else None
    if found is None:
        return None
    old, new = found
    opinion = stored[old]
    # the film chosen is the one now spoken of, not the one of its title just judged
    return {"intent": opinion["intent"], "mentioned": [new], "stated_rating": opinion["stars_given"],
            "stars_said": opinion["stars_said"], "replaces": {old: opinion} if new != old else {},
            "focus": new}  # fmt: skip


def _choose_version_said_after(message: str, request: Request, deps: Deps) -> None:
    """ "like oceans eleven but the original one": the reference is the 1960 film; "like king kong, the
    1976 one" chooses that film, and 1976 filters nothing."""
    chosen = versions_said_after(message, request.get("like_titles") or [], deps.catalog)
    if chosen is None:
        return
    request["like_titles"], year = chosen
    if year is not None and request.get("year_min") == request.get("year_max") == year:
        request["year_min"] = request["year_max"] = None


MAX_EARLIER = 5  # earlier subjects of a conversation one can go back to
# "back to the comedies", "go back to the previous search", "return to the action ones"
# "a thriller like Zorblax Returns" then "sorry, I meant Heat": the film not found, named again
_MEANT = re.compile(r"^\W*(?:(?:no|nope|sorry|oops|oh|ah|actually|wait|my bad)\W+)*(?:i\s+)?meant?\b")


def _meant_instead(message: str, understood: Understood, previous: Request | None) -> bool:
    """ "I meant Heat" after a film the catalog lacked: that film's place in the last request, which keeps
    the rest of what it asked for (it was read afresh: "like Heat", the thriller gone)."""
    lacked = bool(previous and previous.get("unknown_titles"))
    return lacked and bool(understood.like_titles) and bool(_MEANT.match(message.lower()))


_GOING_BACK = re.compile(r"^\W*(?:(?:ok|okay|actually|hmm|no)\W+)*(?:let'?s\s+)?(?:go\s+)?(?:back|return)\s+to\b")
_THE_LAST_ONE = re.compile(r"\b(?:previous|last|earlier|other|first)\s+(?:one|search|request|ones|list|topic)\b")
# "back to the first list": the conversation's first subject, not the one just before
_THE_FIRST = re.compile(r"\b(?:(?:very\s+)?first|original|initial)\s+(?:search|request|list|topic|question)\b")


def _gone_back_to(message: str, understood: Understood, earlier: list[Request]) -> Request | None:
    """The earlier request the message goes back to: the latest with the genres it names ("back to
    the comedies"), or the one before this subject ("back to the previous search")."""
    if not earlier or not _GOING_BACK.search(message.lower()):
        return None
    genres = set(understood.genres or understood.any_genres or understood.soft_genres)
    if genres:
        found = next((r for r in earlier if genres <= {*(r.get("genres") or []), *(r.get("any_genres") or [])}), None)
    else:
        found = earlier[-1] if _THE_FIRST.search(message.lower()) else None
        found = found or (earlier[0] if _THE_LAST_ONE.search(message.lower()) else None)
    return None if found is None else {**without_picks(found), "caveats": [], "unknown_titles": []}  # said then


# what a request is about, apart from what was said of it once (caveats, titles not found, "older")
_OPINIONS = ("seen", "liked", "disliked", "dismissed", "interested", "unseen")  # answers that say which film they noted
_SAID_ONCE = ("caveats", "unknown_titles", "modifiers", "tone_leans", "taken_years")


def _subject(request: Request) -> dict:
    return {k: v for k, v in request.items() if k not in _SAID_ONCE and v not in (None, [], False, "")}


# "back to the previous search" with none before this one: the current subject again, or with none yet
# picks for anyone, said so (not "only a guess from its words")
NOTHING_EARLIER = "There's no earlier search in this conversation to go back to"


# "/recommend a heist film" typed in a chat with no slash commands (the terminal, the HTTP API)
_SLASH_REQUEST = re.compile(r"^/(?:recommend|ask|suggest|movie|movies)\b\s*", re.IGNORECASE)
# a link to a film's IMDb page, or its bare id: "https://www.imdb.com/title/tt0111161/"
_IMDB_LINK = re.compile(r"(?:https?://)?(?:(?:www|m)\.)?imdb\.com/title/(tt\d{7,8})\S*|\b(tt\d{7,8})\b")


def _imdb_links_as_titles(message: str, deps: Deps) -> tuple[str, list[str]]:
    """A film's IMDb link read as its title and year ("The Shawshank Redemption (1994)"); the ids
    of links to films the catalog lacks, which are left out of the message."""
    unlinked: list[str] = []

    def title(m: re.Match[str]) -> str:
        imdb_id = m[1] or m[2]
        movie = deps.catalog.by_imdb_id(imdb_id)
        if movie is None:
            unlinked.append(imdb_id)
            return " "
        return movie.label

    return _IMDB_LINK.sub(title, message), unlinked


TONE_UNLABELLED = "My catalog doesn't label films' tone, so I can't promise one."
OTHER_LANGUAGE = "I only understand English, so I may have missed some of what you asked."
_TONES = {"lighter", "darker", "funnier", "scarier", "more_romantic"}
# a tone that is what its genre is for: "romantic dramas" are romance dramas, "something funny" a comedy
# (a "dark comedy" is no darker for being a comedy)
_TONE_OF_GENRE = {"romantic": "romance", "funny": "comedy", "scary": "horror", "action-packed": "action",
                  "family-friendly": "family"}  # fmt: skip


def _asks_a_tone(understood: Understood) -> bool:
    """ "something light", "nothing dark", "lighter": a wish about tone, which only mood labels can
    honour; "something romantic" asks for romance films, which the genre does, and "nothing
    romantic" refuses them."""
    genres = {*understood.genres, *understood.any_genres}
    moods = [m for m in understood.moods if _TONE_OF_GENRE.get(m) not in genres]
    # "nothing romantic" refuses romance films, which the genre does
    refused = [m for m in understood.exclude_moods if _TONE_OF_GENRE.get(m) not in understood.exclude_genres]
    return bool(moods or refused or _TONES & set(understood.modifiers))


def _verdict_with_more(heard: dict, verdict: Classified, state: State, deps: Deps) -> None:
    """ "seen it, others?", "hated the second one, what else?": the verdict is stored as if said
    alone, before the next picks are chosen; when "it" could be any of the picks, nothing is
    stored and the answer says so (`unsure`)."""
    if verdict.verdicts and verdict.stars_said:  # "heat 4, alien 3 and jaws 5, what else?": each its stars
        kept = {m: [v, stars] for m, v, stars in verdict.verdicts if v in ("liked", "disliked", "seen")}
        heard["rated"] = {**heard.get("rated", {}), **kept}
        heard["worded"] = [*heard.get("worded", []), *verdict.worded]  # "loved heat and jaws 5": Heat's, a word's
        # "heat 4 and the matrix 11, what else?": the 11 named back, as alone
        heard["unkept"] = {**heard.get("unkept", {}), **{m: n for m, v, n in verdict.verdicts if v == "unkept"}}
        return
    pointed = pointed_films({**state, "mentioned": verdict.titles, "ordinal": verdict.ordinal, "every": verdict.every,
                        "positions": list(verdict.positions)}, deps)  # fmt: skip
    if not pointed and beyond_the_last(state, verdict.ordinal):  # "loved the second one" after one pick
        heard["past"] = past_the_list(state, verdict.ordinal, deps, "noted nothing")
        return
    if not pointed:
        heard["unsure"] = verdict.intent
        return
    if verdict.intent == "seen":
        heard["seen"] = [*heard.get("seen", []), *pointed]
    elif verdict.intent == "dismissed":
        heard["dismissed"] = [*heard.get("dismissed", []), *pointed]
    else:  # "hated the second one, others?": the stars its words stand for alone ("hated" 1, "loved" 5)
        heard[verdict.intent] = {**heard.get(verdict.intent, {}), **dict.fromkeys(pointed, verdict.rating)}
        heard["said"] = [*heard.get("said", []), *(pointed if verdict.stars_said else [])]  # "the first was a 4"


def _fold_context(context: list[dict], deps: Deps) -> dict:
    """A conversation handed in whole (a batch line, an evaluation): the user's messages
    build up one request, and the films the conversation has been about, on either side,
    become its references, except those the user said they disliked."""
    request: Request = {}
    talked_about: list[str] = []
    disliked: set[str] = set()
    for message in context:
        text = message["text"][:MAX_MESSAGE]
        named = titles_with_years(text, deps.catalog)
        talked_about += [m for m in named if m not in talked_about]
        if message.get("role") != "user":
            continue
        understood = understand(text, deps.catalog, today_year=deps.today.year)
        classified = classify(text, deps.catalog, has_previous=bool(request), understood=understood)
        if classified.verdicts:  # "I loved Amelie and hated Titanic": only Titanic is disliked
            disliked.update(t for t, verdict, _ in classified.verdicts if verdict == "disliked" and isinstance(t, str))
        elif classified.intent == "disliked":
            disliked.update(classified.titles or named)
        request = (
            merge_request(request, understood, last_picks=[], deps=deps) if request else fresh_request(understood, deps)
        )
    references = [m for m in reversed(talked_about) if m not in disliked][:MAX_REFERENCES]
    if references:
        request["like_titles"] = list(dict.fromkeys([*(request.get("like_titles") or []), *references]))
    # what was asked before the last message leans the picks rather than filtering them: a chat
    # drifts, and "I like comedies" or "anime" three messages ago does not rule out a thriller or a
    # Hollywood film now; refusals, years and the other bounds still hold, and the last message,
    # merged on top, filters as it says
    return lean(request, places=True)


def _label(movie_id: str, deps: Deps) -> str | None:
    movie = deps.catalog.movies.get(movie_id)
    return movie.label if movie is not None else None


def _relative_to_named(
    state: State, ordinal: int | None, message: str, understood: Understood, deps: Deps
) -> tuple[Understood, str] | None:
    """ "heat 4 and alien 5" then "not as old as the first one" (or "like the first one but newer"),
    with no picks shown: the request like Heat and newer than it, and the line that says Heat was meant."""
    lowered = message.lower()
    relative = BUT_RELATIVE.search(lowered) or NOT_AS_RELATIVE.search(lowered)
    ordinal = reference_ordinal(lowered) if ordinal is None else ordinal  # with nothing shown, no place was read
    if ordinal is None or not understood.modifiers or not relative:
        return None
    named = just_named(state, ordinal)
    if named is None:
        return None
    like = list(dict.fromkeys([named, *understood.like_titles]))
    return dataclasses.replace(understood, like_titles=like, relative_to_titles=True), went_by_named(
        state, named, ordinal, deps
    )


def _at(items: list[dict], index: int) -> str | None:
    try:
        return items[index]["id"]
    except IndexError:
        return None

"""What flows through the recommender graph, and what the checkpointer remembers per thread.

Everything here is plain JSON-able data (dicts, lists, strings, numbers) so that a
conversation survives restarts in the SQLite checkpointer.
"""

from __future__ import annotations

from typing import Annotated, Any, TypedDict

from agent.understanding.request import Request

MAX_REMEMBERED_TURNS = 20


def remember(previous: list[dict] | None, new: list[dict] | None) -> list[dict]:
    """Conversation reducer: append, keeping the last MAX_REMEMBERED_TURNS messages."""
    merged = [*(previous or []), *(new or [])]
    return merged[-MAX_REMEMBERED_TURNS:]


def accumulate_ids(previous: list[str] | None, new: list[str] | dict | None) -> list[str]:
    """Ids shown in this thread, oldest first, without repeats; {"withdrawn": ids} takes ids out
    again (picks a front end could not post: MovieService.withdraw)."""
    if isinstance(new, dict):
        gone = set(new.get("withdrawn") or [])
        return [i for i in previous or [] if i not in gone]
    return list(dict.fromkeys([*(previous or []), *(new or [])]))[-500:]


MAX_MESSAGE = 2000  # characters read from one message; the rest is ignored, not an error


class InputState(TypedDict, total=False):
    """What a caller passes for one turn."""

    message: str  # the user's latest message
    user: str  # profile key, "platform:id"
    k: int | None  # how many picks the caller wants (the request's own count wins)
    channel: str  # where the message was said (a Discord channel id, "terminal", ...)
    context: list[dict]  # earlier turns given by the caller ({"role", "text"}), e.g. a batch line
    # a movie night started in this conversation, for its "more" (agent.movie_nights); a turn of the
    # speaker's own ends it, but for one about the films shown ("why that one?", "is it long?")
    movie_night: dict | None
    exclude_ids: list[str]  # movies the caller rules out for this turn (e.g. already mentioned)
    unattended: bool  # no person is known to read this answer (a batch line, an API call)
    always_recommend: bool  # answer with k picks whatever the message (batch lines, evaluations); fewer,
    # said so, when fewer films honour the request


class OutputState(TypedDict, total=False):
    """What a caller gets back from one turn."""

    reply: str  # the whole answer as text, readable on its own
    intro: str  # the answer's first line, for front ends that render picks themselves
    recommendations: list[dict]  # picks: id, title, year, genres, runtime, directors, rating, explanation, score
    understood: dict  # the request as understood (the stable JSON contract)
    intent: str  # what the router decided the message was
    recorded: dict  # what this turn stored: {"watched": [ids], "ratings": {id: stars}, "likes": [ids]}


class State(InputState, OutputState, total=False):
    """Everything a turn works on; the checkpointer keeps it per thread between turns."""

    messages: Annotated[list[dict], remember]  # the conversation, both sides
    request: Request  # the merged request (an Understood as a dict), kept for follow-ups
    earlier_requests: list[Request]  # the conversation's earlier subjects, latest first ("back to the comedies")
    ordinal: int | None  # "the second one" -> 1, resolved against last_picks
    mentioned: list[str]  # ids named in the message as seen/liked/disliked
    every: bool  # the message is about every film of the last list ("seen all of those")
    positions: list[int]  # ... or several places in it ("the first two": [0, 1])
    facts: list[str]  # what a question asks of a film: runtime, directors, cast, year, plot, language
    stated_rating: float | None  # stars stated with them, or a verdict's ("loved" 5, "boring" 2)
    stars_said: bool  # the message gave those stars in so many words ("a 4"), so the reply may repeat them
    verdicts: list  # each film's own verdict where one message gives several: (id or place, verdict, stars)
    unplaced: str  # a verdict said of "that" beside films named, on no film it can tell ("disliked")
    worded: list[str]  # films of those whose stars stand for a word ("loved" in "loved heat and jaws 5"), not a number
    unknown_titles: list[str]  # films the message named that the catalog lacks ("Alien 3")
    without_sequels: list[str]  # films said seen "and its sequels" that have none in the catalog
    # facts a request stated on the side: {"seen": [ids], "liked": {id: stars}, "rated": {id: [verdict, stars]}}
    in_passing: dict
    noted: str  # the line saying what was stored from them, said once before the picks
    went_by: str  # which film "the first one" was taken to mean, when not the first pick: said before the answer
    stored_before: dict  # per film this turn stored an opinion of: what the profile held before, and the opinion
    replaces: dict  # the last turn's film whose opinion this one moves to another of its title ("the 1933 one")
    fitting: dict  # films honouring every hard constraint: {"all": in the catalog, "fresh": not excluded}
    wanted: int  # how many picks this answer aimed for
    best_known: list[str]  # for a lesser-known wish: the most-voted films honouring the request, most first
    candidates: list[dict]  # retrieved and scored: {"id", "features": {...}, "score"}
    picks: list[dict]  # chosen candidates, best first, with "reasons"
    shown: Annotated[list[str], accumulate_ids]  # every id suggested in this thread
    referenced: Annotated[list[str], accumulate_ids]  # every film this thread's requests went by ("like Whiplash")
    last_picks: list[dict]  # the previous answer's picks (id, reasons), for "why" and "the second one"
    earlier_picks: list[str]  # the picks of the answer before that: "the second one" after one pick
    repeated: list[str]  # an earlier list asked for again ("back to the first list"): these films, in order
    focus: str | None  # the one film since spoken of ("why the second one?"): what "that one" means next
    listed: list[str]  # the films the last answer listed of a series, in its order: what "the third one" means next
    llm_calls: int  # chat-model calls made this turn (at most 2)
    debug: dict[str, Any]  # timings and counts, never shown to users

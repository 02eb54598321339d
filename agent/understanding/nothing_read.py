"""A request the bot read nothing in: "banana", "a movie where a purple elephant plays chess on the
moon", "🍌". The picks such a message gets answer none of it, so the reply says so instead of
presenting them as an answer; an emoji the phrase tables read ("🤠" is a western) is a request."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from agent.understanding.ages import AN_ADULTS_AGE
from agent.understanding.passing import has_meaning
from agent.understanding.request import Understood
from agent.understanding.surnames_alone import asked_whose
from agent.understanding.text import STOPWORDS, word_set
from agent.understanding.tone_leans import GENRES_OF_TONE
from agent.understanding.versions import same_title

if TYPE_CHECKING:
    from store.catalog import Catalog

_WORDLESS = re.compile(r"[^\w]*")
# emoji said as a greeting or thanks, which small talk answers
_FRIENDLY = set("🙂😊😀😃😄😁👋🙏👌✌🤝😉🥰💯🎉🙌❤♥")
# words of a plain wish for any film ("surprise me", "I'm bored"), which popular picks do answer
_ANY_FILM = (
    word_set(
        "surprise surprising bored boring random anything whatever something pick choose idea ideas"
        " af asf lol lmao tbh ngl rn pls plz please tonight yo hey hi idk bruh"  # "bored af, suggest smth": chat
        " whats wat wut u ur"  # "whats good to watch tonight", "what should i watch rn im bored af"
    )
    | STOPWORDS
)
# words after a title that ask for its films ("harry potter movies")
_SERIES_WORDS = re.compile(r"(?:\s+(?:movies?|films?|series|franchise|saga|ones))+$")
# "the original total recall", "the new dune": which film of a title, before it
_VERSION_WORDS = re.compile(r"^(?:the\s+)?(?:original|old|older|classic|new|newer|latest|remake\s+of|remade)\s+")


def guessed_note(understood: Understood, catalog: Catalog, message: str = "") -> str:
    """What a fresh request's picks are, when nothing in it was read as a genre, person, film, era,
    theme or bound and only its words remain to search for; empty when something was read, or
    nothing was said but "a movie please", which popular picks do answer, or the words are a film's
    title ("the matrix") or begin a series' ("harry potter movies"), which the search finds."""
    words = set(re.findall(r"[a-z]+", understood.query.lower()))
    if not catalog.labels_tone:  # "about xyzzy, not depressing": a tone no film is labelled with, no genre leaned to
        understood = replace(understood, moods=[m for m in understood.moods if GENRES_OF_TONE.get(m)], exclude_moods=[])
    if has_meaning(understood) or _read_as_taste(understood) or not words or words <= _ANY_FILM:
        return ""
    if AN_ADULTS_AGE in understood.caveats:  # "she's 80": what the picks are is said there
        return ""
    if any(names_a_title(said, catalog) for said in (understood.query, message)):  # "before sunrise": query "sunrise"
        return ""
    if asked_whose(understood.caveats):  # "something by del toro": a name was found, only not whose
        return "Until then, these picks are only a guess from your message's words and what is popular."
    # the message is not quoted back: it may name anyone ("something Alice would like")
    return (
        "I didn't find a genre, person, film, era or theme I know in your message, so these picks are only a "
        "guess from its words and what is popular."
    )


def _read_as_taste(understood: Understood) -> bool:
    """ "Well I like drama movies": a genre, era or person said as a taste, which leans the picks."""
    u = understood
    return bool(u.soft_genres or u.soft_people or u.soft_year_min is not None or u.soft_year_max is not None)


def names_a_title(query: str, catalog: Catalog) -> bool:
    """The words left unread are a catalog film's title ("before sunrise") or begin two or more
    titles, a series ("harry potter", "harry potter movies")."""
    said = " ".join(re.sub(r"[^\w\s':-]", " ", query.lower()).split())
    said = _VERSION_WORDS.sub("", _SERIES_WORDS.sub("", said)).strip()
    if not said:
        return False
    match = catalog.resolve_title(said)
    if match is not None and same_title(said, match.title):
        return True
    return len(said.split()) <= 4 and len(catalog.titled(said)) >= 2


def emoji_intent(message: str, intent: str, understood: Understood) -> str:
    """ "🤠" alone asks for westerns; an emoji that neither reads as a request nor greets ("🍌") was
    not understood, which is said rather than answered with small talk."""
    said = message.strip()
    if intent != "smalltalk" or not said or not _WORDLESS.fullmatch(said):
        return intent
    if has_meaning(understood):
        return "recommend"
    return "smalltalk" if all(c in _FRIENDLY or not c.strip() or c == "\ufe0f" for c in said) else "unclear"

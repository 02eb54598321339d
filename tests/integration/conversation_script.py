"""Scripted conversations for tests/integration/test_conversations.py (issue 15).

Each conversation is a list of turns said by one new user. A turn states what a person would
check: what the message was read as (`read`, keys of the `understood` contract), what kind of
turn it was (`intent`), what was stored (`watched`, `liked`), what the reply must or must not
say, and any picks it must or must not contain. The runner adds the checks every turn gets:
each pick honours the request's hard constraints or says it is outside them, every "as you
asked" clause is true of its film, and nothing recorded as watched is suggested.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

NOT_GRIM = {"dark", "bleak", "disturbing"}
NOT_VIOLENT = {"violent", "disturbing"}


@dataclass
class Turn:
    say: str
    intent: str | tuple[str, ...] | None = None
    read: dict[str, Any] = field(default_factory=dict)  # understood key -> exact value
    picks: bool | None = None  # True: some picks; False: none
    has: tuple[str, ...] = ()  # the reply says these (case-insensitive)
    lacks: tuple[str, ...] = ()  # and never these
    watched: tuple[str, ...] = ()  # ids this turn marks watched
    liked: tuple[str, ...] = ()  # ids this turn records as liked
    never: tuple[str, ...] = ()  # ids never picked on this turn
    moods_not: frozenset[str] = frozenset()  # no pick has any of these moods
    older_than_before: bool = False  # every pick is older than every pick of the last answer
    newer_than_before: bool = False
    why_names: tuple[str, ...] = ()  # a why-answer names these links


def T(say: str, **kwargs) -> Turn:
    return Turn(say, **kwargs)


REC = ("recommend", "refine", "more")
NONSENSE = ("didn't catch",)

CONVERSATIONS: dict[str, list[Turn]] = {
    # -- a new subject starts a new request ----------------------------------------------
    "documentaries-then-french-60s": [
        T("any good documentaries?", intent=REC, read={"genres": ["documentary"]}, picks=True),
        T(
            "French films from the 1960s",
            intent=REC,
            read={"genres": [], "languages": ["fr"], "year_min": 1960, "year_max": 1969},
            picks=True,
            lacks=("documentary", "loosened"),
        ),
        T(
            "something older",
            intent=REC,
            read={"languages": ["fr"], "year_max": 1959},
            picks=True,
            older_than_before=True,
        ),
    ],
    # -- a sequel number is the film's own: a missing sequel is said to be missing, not its original
    "sequel-numbers": [
        T(
            "films like Blade Runner 2049",
            intent=REC,
            picks=True,
            read={"like_titles": ["Blade Runner 2049 (2017)"], "year_min": None, "year_max": None},
        ),
        T(
            "something like Toy Story 4",
            intent=REC,
            read={"like_titles": []},
            picks=True,
            has=("couldn't find “Toy Story 4” in my catalog",),
        ),
        T(
            "something like Toy Story 2",
            intent=REC,
            read={"like_titles": ["Toy Story 2 (1999)"]},
            picks=True,
            lacks=("couldn't find",),
        ),
        # a verdict on a film the catalog lacks: said to be unknown, nothing noted, no picks made up around it
        T(
            "I also really liked Frozen 2",
            intent="liked",
            picks=False,
            has=("couldn't find “Frozen 2” in my catalog", "haven't noted anything"),
        ),
    ],
    "se7en-then-french-60s": [
        T("something like Se7en", intent=REC, read={"like_titles": ["Se7en (1995)"]}, picks=True),
        T(
            "French films from the 1960s",
            intent=REC,
            read={"like_titles": [], "languages": ["fr"], "year_min": 1960, "year_max": 1969},
            picks=True,
            lacks=("Se7en",),
        ),
        T("why the second one?", intent="why", picks=False, lacks=("Se7en",)),
    ],
    "comedy-then-western": [
        T("a comedy", read={"genres": ["comedy"]}, picks=True),
        T(
            "a western from the 60s",
            intent=REC,
            read={"genres": ["western"], "year_min": 1960, "year_max": 1969},
            picks=True,
        ),
        T("more", intent="more", read={"genres": ["western"]}, picks=True),
    ],
    "heist-then-horror": [
        T("a heist movie from the 90s", read={"year_min": 1990, "year_max": 1999}, picks=True),
        T(
            "Japanese horror films",
            intent=REC,
            read={"genres": ["horror"], "languages": ["ja"], "year_min": None, "year_max": None},
            picks=True,
        ),
        T("something newer", intent="refine", read={"genres": ["horror"], "languages": ["ja"]}, newer_than_before=True),
    ],
    "kurosawa-then-animation": [
        T("films by Akira Kurosawa", read={"people": ["Akira Kurosawa"]}, picks=True),
        T("animated films for kids", intent=REC, read={"people": [], "genres": ["animation", "family"]}, picks=True),
        T("older ones", intent=REC, read={"genres": ["animation", "family"]}, picks=True, older_than_before=True),
    ],
    "korean-then-italian": [
        T("a Korean thriller", read={"languages": ["ko"], "genres": ["thriller"]}, picks=True),
        T("Italian dramas", intent=REC, read={"languages": ["it"], "genres": ["drama"]}, picks=True),
        T("why the first one?", intent="why", picks=False),
    ],
    "sci-fi-then-romance-80s": [
        T("sci-fi movies", read={"genres": ["sci-fi"]}, picks=True),
        T(
            "romance films from the 80s",
            intent=REC,
            read={"genres": ["romance"], "year_min": 1980, "year_max": 1989},
            picks=True,
        ),
        T("why the first one?", intent="why", picks=False),
    ],
    "war-then-like-amelie": [
        T("a war film", read={"genres": ["war"]}, picks=True),
        T("something like Amélie", intent=REC, read={"genres": [], "like_titles": ["Amélie (2001)"]}, picks=True),
        T("more", intent="more", read={"like_titles": ["Amélie (2001)"]}, picks=True),
    ],
    "miyazaki-then-noir": [
        T("movies by Hayao Miyazaki", read={"people": ["Hayao Miyazaki"]}, picks=True),
        T("film noir from the 40s", intent=REC, read={"people": [], "year_min": 1940, "year_max": 1949}, picks=True),
        T("more", intent="more", read={"year_min": 1940, "year_max": 1949}),
    ],
    "german-then-spanish": [
        T("German films", read={"languages": ["de"]}, picks=True),
        T("Spanish-language films", intent=REC, read={"languages": ["es"]}, picks=True),
        T(
            "from the 2000s",
            intent="refine",
            read={"languages": ["es"], "year_min": 2000, "year_max": 2009},
            picks=True,
        ),
    ],
    # -- modifiers adjust the last request -------------------------------------------------
    "crime-90s-older": [
        T("a 90s crime film", read={"genres": ["crime"], "year_min": 1990, "year_max": 1999}, picks=True),
        T("something older", intent="refine", read={"genres": ["crime"]}, picks=True, older_than_before=True),
        T("older still", intent="refine", read={"genres": ["crime"]}, picks=True, older_than_before=True),
    ],
    "drama-60s-newer": [
        T("a drama from the 60s", read={"genres": ["drama"], "year_min": 1960, "year_max": 1969}, picks=True),
        T("something newer", intent="refine", read={"genres": ["drama"]}, picks=True, newer_than_before=True),
        T("why the first one?", intent="why", picks=False),
    ],
    "thriller-in-french": [
        T("a thriller", read={"genres": ["thriller"]}, picks=True),
        T("in French", intent="refine", read={"genres": ["thriller"], "languages": ["fr"]}, picks=True),
        T("more", intent="more", read={"languages": ["fr"]}),
    ],
    "comedy-shorter": [
        T("a comedy", read={"genres": ["comedy"]}, picks=True),
        T("under 90 minutes", intent="refine", read={"genres": ["comedy"], "max_runtime": 89}, picks=True),
        T(
            "from the 80s",
            intent="refine",
            read={"genres": ["comedy"], "max_runtime": 89, "year_min": 1980, "year_max": 1989},
        ),
    ],
    "crime-less-violent": [
        T("crime movies", read={"genres": ["crime"]}, picks=True),
        T("less violent", intent="refine", read={"genres": ["crime"]}, picks=True, moods_not=NOT_VIOLENT),
        T("more", intent="more", read={"genres": ["crime"]}, picks=True, moods_not=NOT_VIOLENT),
    ],
    "action-no-sci-fi": [
        T("action movies from the 2000s", read={"genres": ["action"], "year_min": 2000, "year_max": 2009}, picks=True),
        T("no sci-fi though", intent="refine", read={"genres": ["action"], "exclude_genres": ["sci-fi"]}, picks=True),
        T("why the first one?", intent="why", picks=False),
    ],
    "horror-funnier": [
        T("a horror movie", read={"genres": ["horror"]}, picks=True),
        T("funnier", intent="refine", read={"genres": ["horror"]}, picks=True),
        T("more", intent="more", picks=True),
    ],
    # -- soft wishes shape the ranking -----------------------------------------------------
    "se7en-less-grim": [
        T(
            "something like Se7en but less grim",
            intent=REC,
            read={"like_titles": ["Se7en (1995)"]},
            picks=True,
            moods_not=NOT_GRIM,
            never=("misery-1990", "from-dusk-till-dawn-1996"),
        ),
        T("why the second one?", intent="why", picks=False, has=("Se7en",), why_names=("Se7en",)),
        T("more", intent="more", picks=True, moods_not=NOT_GRIM),
    ],
    "thriller-not-too-violent": [
        T("a thriller that's not too violent", read={"genres": ["thriller"]}, picks=True, moods_not=NOT_VIOLENT),
        T("more", intent="more", read={"genres": ["thriller"]}, picks=True, moods_not=NOT_VIOLENT),
        T(
            "from the 90s",
            intent="refine",
            read={"genres": ["thriller"], "year_min": 1990, "year_max": 1999},
            moods_not=NOT_VIOLENT,
        ),
    ],
    "something-fun": [
        T("something fun for tonight", intent=REC, picks=True, moods_not=NOT_GRIM),
        T("from the 90s", intent="refine", read={"year_min": 1990, "year_max": 1999}, picks=True, moods_not=NOT_GRIM),
        T("why the first one?", intent="why", picks=False),
    ],
    "lighter-drama": [
        T("a drama", read={"genres": ["drama"]}, picks=True),
        T("lighter", intent="refine", read={"genres": ["drama"]}, picks=True, moods_not=NOT_GRIM),
        T("more", intent="more", read={"genres": ["drama"]}, picks=True, moods_not=NOT_GRIM),
    ],
    # -- "why" names concrete links ----------------------------------------------------------
    "heat-why-second": [
        T("movies like Heat", read={"like_titles": ["Heat (1995)"]}, picks=True),
        T("why the second one?", intent="why", picks=False, has=("Heat",), why_names=("Heat",)),
        T("why the first one?", intent="why", picks=False, has=("Heat",)),
    ],
    "why-before-anything": [
        T("why the second one?", intent="why", picks=False, has=("haven't suggested",)),
        T("a musical", read={"genres": ["musical"]}, picks=True),
        T("why the first one?", intent="why", picks=False),
    ],
    "nolan-why": [
        T("films by Christopher Nolan", read={"people": ["Christopher Nolan"]}, picks=True),
        T("why the third one?", intent="why", picks=False, has=("Christopher Nolan",)),
        T("something older", intent="refine", read={"people": ["Christopher Nolan"]}, older_than_before=True),
    ],
    # -- relaxation says what it loosened --------------------------------------------------
    "korean-thriller-short": [
        T(
            "a korean thriller under 100 minutes",
            read={"languages": ["ko"], "genres": ["thriller"], "max_runtime": 99},
            picks=True,
        ),
        T("why the first one?", intent="why", picks=False),
        T("a comedy", intent=REC, read={"genres": ["comedy"], "languages": [], "max_runtime": None}, picks=True),
    ],
    "romance-thriller-2000s": [
        T(
            "romance thrillers from 2000 to 2019",
            read={"genres": ["romance", "thriller"], "year_min": 2000, "year_max": 2019},
            picks=True,
        ),
        T("more", intent="more", read={"genres": ["romance", "thriller"]}),
        T("why the first one?", intent="why", picks=False),
    ],
    "french-western": [
        T("a French western from the 60s", read={"languages": ["fr"], "genres": ["western"]}, picks=True),
        T("why the first one?", intent="why", picks=False),
        T(
            "an Italian western",
            intent=REC,
            read={"languages": ["it"], "genres": ["western"], "year_min": None},
            picks=True,
        ),
    ],
    "short-epic": [
        T("an epic war film under 80 minutes", read={"genres": ["war"], "max_runtime": 79}, picks=True),
        T("why the first one?", intent="why", picks=False),
        T("a biography", intent=REC, read={"genres": ["biography"], "max_runtime": None}, picks=True),
    ],
    "documentary-60s-english": [
        T(
            "documentaries from the 1960s",
            read={"genres": ["documentary"], "year_min": 1960, "year_max": 1969},
            picks=True,
        ),
        T("why the first one?", intent="why", picks=False),
        T("something newer", intent="refine", read={"genres": ["documentary"]}, newer_than_before=True),
    ],
    # -- nonsense is admitted ----------------------------------------------------------------
    "keyboard-mash": [
        T("asdf qwerty zxcv blorp", picks=False, has=NONSENSE),
        T("hi", intent="smalltalk", picks=False),
        T("a comedy", read={"genres": ["comedy"]}, picks=True),
    ],
    "nonsense-after-picks": [
        T("a western", read={"genres": ["western"]}, picks=True),
        T("blorp flim zanzo", picks=False, has=NONSENSE),
        T("more", intent="more", read={"genres": ["western"]}, picks=True),
    ],
    "greeting-thanks": [
        T("hello", intent="smalltalk", picks=False),
        T("xkcd qqq zzzz", picks=False, has=NONSENSE),
        T("thanks", intent="smalltalk", picks=False),
    ],
    "gibberish-numbers": [
        T("wubba lubba dub dub", picks=False, has=NONSENSE),
        T("a 2010s horror film", read={"genres": ["horror"], "year_min": 2010, "year_max": 2019}, picks=True),
        T("more", intent="more", read={"genres": ["horror"]}, picks=True),
    ],
    # -- facts said in passing are remembered -------------------------------------------------
    "watched-inception-liked-two": [
        T(
            "We already watched Inception last week, and we really liked Before Sunrise and Eternal Sunshine of "
            "the Spotless Mind. Anything for tonight?",
            intent=REC,
            picks=True,
            watched=("inception-2010",),
            liked=("before-sunrise-1995", "eternal-sunshine-of-the-spotless-mind-2004"),
            never=("inception-2010",),
            has=("Noted",),
        ),
        T("a sci-fi film", read={"genres": ["sci-fi"]}, picks=True, never=("inception-2010",)),
        T("more", intent="more", picks=True, never=("inception-2010",)),
    ],
    "seen-two-then-ask": [
        T(
            "I've seen Heat and Goodfellas, something like them?",
            intent=REC,
            picks=True,
            watched=("heat-1995", "goodfellas-1990"),
            has=("Noted",),
        ),
        T(
            "crime films from the 90s",
            read={"genres": ["crime"], "year_min": 1990, "year_max": 1999},
            picks=True,
            never=("heat-1995", "goodfellas-1990"),
        ),
        T("more", intent="more", picks=True, never=("heat-1995", "goodfellas-1990")),
    ],
    "loved-in-long-message": [
        T(
            "My partner and I loved Amélie and we want a romance for date night, nothing too long",
            intent=REC,
            picks=True,
            liked=("amelie-2001",),
            has=("Noted",),
        ),
        T("why the first one?", intent="why", picks=False),
        T(
            "something newer",
            intent="refine",
            read={"genres": ["romance"]},
            newer_than_before=True,
            never=("amelie-2001",),
        ),
    ],
    "seen-it-plain": [
        T("a heist film", picks=True),
        T("I've seen the first one", intent="seen", picks=False, has=("watched",)),
        T("more", intent="more", picks=True),
    ],
    "loved-plain": [
        T("I loved Amélie", intent="liked", picks=False, liked=("amelie-2001",)),
        T("a comedy", read={"genres": ["comedy"]}, picks=True, lacks=("you tend to rate",)),
        T("a drama", read={"genres": ["drama"]}, picks=True, lacks=("you tend to rate",)),
    ],
    "rated-three-romances": [
        T("I loved Amélie", intent="liked", liked=("amelie-2001",)),
        T("I loved Before Sunrise", intent="liked", liked=("before-sunrise-1995",)),
        T("I loved Casablanca", intent="liked", liked=("casablanca-1942",)),
        T("a romance", read={"genres": ["romance"]}, picks=True),
    ],
    "hated-then-ask": [
        T("I hated Titanic", intent="disliked", picks=False),
        T(
            "a romance from the 90s",
            read={"genres": ["romance"], "year_min": 1990, "year_max": 1999},
            picks=True,
            never=("titanic-1997",),
        ),
        T("more", intent="more", picks=True, never=("titanic-1997",)),
    ],
    # a film refused ("that isn't Titanic") or panned in passing is no pick and no reference; one
    # written with its year is a title, not a theme; the year a film was seen in is no filter
    "panned-and-dated": [
        T(
            "something with Leonardo DiCaprio that isn't Titanic",
            intent=REC,
            read={"people": ["Leonardo DiCaprio"]},
            picks=True,
            never=("titanic-1997",),
        ),
        T("something like Heat", read={"like_titles": ["Heat (1995)"]}, picks=True, has=("like heat",)),
        T(
            "I just watched Heat and hated it, something else",
            intent=REC,
            read={"like_titles": []},
            picks=True,
            watched=("heat-1995",),
            has=("heat (1995) wasn't for you",),
            lacks=("picks: like heat", ", like heat", "— like heat"),
        ),
        T(
            "I saw Alien (1979) last week, what else?",
            intent=REC,
            read={"like_titles": ["Alien (1979)"], "genres": []},
            picks=True,
            watched=("alien-1979",),
            has=("like alien",),
        ),
        T(
            "I saw it in 1999 at the cinema, something similar to The Matrix",
            intent=REC,
            read={"like_titles": ["The Matrix (1999)"], "year_min": None, "year_max": None},
            picks=True,
            has=("like the matrix",),
        ),
        T(
            "I watched Psycho last night, anything like it?",
            intent=REC,
            read={"like_titles": ["Psycho (1960)"]},
            picks=True,
            watched=("psycho-1960",),
            has=("like psycho",),
        ),
    ],
    # a film stands for its director or its star, and is not picked itself
    "credits-of-a-film": [
        T(
            "movies by the director of Parasite",
            intent=REC,
            read={"people": ["Bong Joon Ho"]},
            picks=True,
            has=("bong joon ho",),
            never=("parasite-2019",),
        ),
        T(
            "something with the guy from Drive",
            intent=REC,
            read={"people": ["Ryan Gosling"]},
            picks=True,
            never=("drive-2011",),
        ),
        T("more", intent="more", picks=True, never=("drive-2011",)),
    ],
    # -- a theme refused leaves out every film tagged with it, and its genre stays wanted
    "themes-refused": [
        T("a horror movie", intent=REC, read={"genres": ["horror"]}, picks=True),
        T(
            "no zombies though",
            intent=("refine", "recommend"),
            read={"genres": ["horror"], "exclude_keywords": ["zombies"]},
            picks=True,
            has=('nothing about "zombies"',),
        ),
        T(
            "no superhero movies",  # says nothing of the film wanted: it follows on
            intent=REC,
            read={"exclude_keywords": ["zombies", "superhero"], "genres": ["horror"]},
            picks=True,
            has=('nothing about "zombies" or "superhero"',),
        ),
        T(
            "superhero films are not my thing, a crime thriller please",
            intent=REC,
            read={"genres": ["crime", "thriller"], "exclude_keywords": ["superhero"]},
            picks=True,
        ),
        # a refused tone a genre stands for refuses the genre ("a comedy but not romantic": no romance)
        T(
            "nothing scary, a comedy please",
            intent=REC,
            read={"genres": ["comedy"], "exclude_genres": ["horror"]},
            picks=True,
        ),
    ],
    # -- a question about a film is answered from the catalog, and "it" is that film next
    "questions-about-a-pick": [
        T("something like Inception", intent=REC, picks=True),
        T("ok the third one sounds good, is it long?", intent="facts", picks=False, has=("minutes",)),
        T("who directed it?", intent="facts", picks=False, has=("was directed by",)),
        T("what's Heat about?", intent="facts", picks=False, has=("Heat (1995):", "thief")),
        T("seen it", intent="seen", picks=False, watched=("heat-1995",)),
        # every film shown is noted as seen, and others come for the same request
        T("I have seen all of those", intent="more", picks=True, has=("Noted: you've seen",), never=("heat-1995",)),
        T("more", intent="more", picks=True, never=("heat-1995",)),
    ],
    # -- mixed, longer conversations -------------------------------------------------------
    "long-evening": [
        T(
            "a feel-good comedy under 2 hours",
            read={"genres": ["comedy"], "max_runtime": 119},
            picks=True,
            moods_not=NOT_GRIM,
        ),
        T("more", intent="more", read={"genres": ["comedy"]}, picks=True),
        T("why the second one?", intent="why", picks=False),
        T("something older", intent="refine", read={"genres": ["comedy"]}, picks=True, older_than_before=True),
        T(
            "a Japanese animated film",
            intent=REC,
            read={"genres": ["animation"], "languages": ["ja"], "max_runtime": None},
            picks=True,
        ),
        T("thanks", intent="smalltalk", picks=False),
    ],
    "date-night": [
        T("a romantic comedy", read={"genres": ["comedy", "romance"]}, picks=True),
        T(
            "from the 90s",
            intent="refine",
            read={"genres": ["comedy", "romance"], "year_min": 1990, "year_max": 1999},
            picks=True,
        ),
        T("I've seen the first one", intent="seen", picks=False),
        T("more", intent="more", picks=True),
        T("a horror film", intent=REC, read={"genres": ["horror"], "year_min": None}, picks=True),
    ],
    "director-then-era": [
        T("something by Stanley Kubrick", read={"people": ["Stanley Kubrick"]}, picks=True),
        T("anything from the 70s", intent=REC, read={"year_min": 1970, "year_max": 1979}, picks=True),
        T("a musical", intent=REC, read={"genres": ["musical"], "people": []}, picks=True),
    ],
    "family-night": [
        T("a family film", read={"genres": ["family"]}, picks=True),
        T("shorter", intent="refine", read={"genres": ["family"]}, picks=True),
        T("I've seen all of them", picks=True, has=("Noted: you've seen",), lacks=("couldn't tell who",)),
        T("a documentary", intent=REC, read={"genres": ["documentary"]}, picks=True),
    ],
}

"""Which fact a question asks of a film ("is it long?", "who directed the third one?", "what's Heat
about?"), answered from the catalog; each pattern ends where the film's name may follow."""

from __future__ import annotations

import re
from typing import Literal

from agent.understanding.request import CatalogLookup
from agent.understanding.versions import same_title
from store.catalog import TitleMatch
from store.movie import TITLE_MATCH_SCORE
from store.vocab import LANGUAGES

Fact = Literal["runtime", "directors", "cast", "crew", "year", "plot", "language", "kind", "catalog", "rating",
               "certificate", "streaming", "mine", "list", "count", "shortest", "longest", "best", "newest",
               "oldest", "extreme", "among", "my_watched", "my_rated", "my_picks", "why_not", "about", "sequels",
               "next", "earlier", "first", "second", "third", "fourth", "fifth", "sixth", "order", "true"]  # fmt: skip

# A question about a film shown or named, answered from the catalog: "is it long?", "who directed
# the third one?", "what's Heat about?". Each match ends where the film's name may follow.
COLLECTION = r"(?:catalog|catalogue|database|db|library|collection|list|system)"
_THE_FILM = r"[^.?!]{1,80}?"  # "it", "the third one", "Heat": what the question is about
# "is it long?", "so is the second one scary?": the verb opens the question ("I was hoping to find a good
# comedy" asks nothing of a film)
_ASKS_IF = (
    r"(?:^|[.?!,;:]\s*|\b(?:so|and|but|then|also|ok|okay|well|hmm|wait|what about \w+|how about \w+)\s+)"
    r"\W*(?:is|was)\b"
)
# a pick pointed at: "is Tom Hanks in the second one?", "is the first one French?"
_A_PICK = r"(?:it|that|this|that one|this one|the (?:\w+|\d+(?:st|nd|rd|th)) one)"
_SERVICES = (
    r"netflix|hulu|prime|amazon|amazon prime|prime video|disney\+?|disney plus|hbo|hbo max|max"
    r"|apple tv\+?|peacock|paramount\+?|streaming|any streaming (?:service|platform)s?"
)
_LANGUAGE_NAMES = "|".join(sorted((n.lower() for n in LANGUAGES.values()), key=len, reverse=True))
# a question's end, chat filler allowed: "is the 2nd one subbed or dubbed lol", "is it long tho"
_END = r"(?:\s+(?:lol|lmao|haha|tho|though|tbh|ngl|pls|please|rn|btw))*\W*$"
# ... or where its question mark ends it: "Is Heat any good? Haven't seen that." asks of Heat still
_ASKED_END = rf"(?:{_END}|\s*\?)"
# "is it funny or serious?", "is the second one scary or not?": a kind offered with another, or with its opposite,
# still asks of the film (it was read as a request for funny films)
_OR_ELSE = r"(?:,? or (?:not|(?:a |an )?[\w-]+(?: (?:one|film|movie))?))"
FACT_QUESTIONS: tuple[tuple[Fact, re.Pattern[str]], ...] = tuple(
    (fact, re.compile(pattern))
    for fact, pattern in (
        ("runtime", r"\bhow long(?: is| was|'s)?\b|\bhow many minutes(?: is| was)?\b"
                    r"|\b(?:what'?s )?the (?:runtime|length)(?: of)?\b"
                    rf"|{_ASKS_IF}(?= {_THE_FILM}(?: too| very| really| pretty| that)? (?:long|short){_END})"),
        ("directors", r"\bwho (?:directed|made)\b|\bwho(?:'?s| is| was) the director(?: of)?\b"
                      r"|^\W*(?:did|does|didn'?t) [\w' .-]{2,40}? direct\b"),  # "did Kubrick direct Spartacus?"
        ("cast", r"\bwho(?:'?s| is| was| are| were) in\b|\bwho (?:stars|starred|acts|acted|plays|played)(?: in)?\b"
                 r"|^\W*(?:did|does) [\w' .-]{2,40}? (?:star|act|appear|play) in\b"
                 r"|\b(?:who'?s|who is|what'?s|what is) (?:in )?the cast(?: of)?\b"
                 r"|\bwho(?:'?s| is| was| are| were) the (?:main |lead )?(?:stars?|leads?|actors?|actress(?:es)?)"
                 r" (?:of|in)\b"
                 rf"|^\W*(?:is|was) [\w' .-]{{2,40}}? in\b(?= {_A_PICK}{_END})"),  # "is he in the first one?"
        # credits the catalog does not record: "who wrote Pulp Fiction?", "who did the music for Jaws?"
        ("crew", r"\bwho (?:did|made|wrote|composed|scored|shot) the (?:music|score|soundtrack|screenplay|script"
                 r"|cinematography)(?: (?:for|of|in))?\b|\bwho (?:wrote|composed|scored|produced|shot|edited)\b"
                 r"|\bwho(?:'?s| is| was) the (?:writer|screenwriter|composer|producer|cinematographer|editor)s?"
                 r"(?: (?:of|for))?\b"),
        ("year", rf"\bwhen (?:did|was|is)\b(?= {_THE_FILM} (?:come out|made|released)\b)|\bwhat year (?:is|was|did)\b"
                 rf"|\bhow old is\b|\bwhen(?:'?s| is| was)\b(?= {_THE_FILM} from{_END})"),
        ("plot", rf"\bwhat(?:'?s| is| was)\b(?= {_THE_FILM} about{_END})"
                 r"|\bwhat(?:'?s| is) the (?:plot|story|premise)(?: of)?\b"
                 rf"|\bwhat did you say (?:it|that|the \w+ one) (?:is|was) about{_END}"),
        ("about", r"^\W*tell me (?:more )?about\b"),  # the film in brief: its facts and premise
        ("rating", rf"{_ASKS_IF}(?= {_THE_FILM} (?:any good|good|worth (?:it|watching|a watch|seeing)"
                   rf"|(?:rated )?(?:well|highly|high)(?: rated)?){_ASKED_END})"  # "is the third one rated well?"
                   rf"|\bwhat(?:'?s| is) (?:it|that|the \w+ one) rated(?: on imdb)?{_END}"
                   r"|\bhow (?:good|well rated) is\b|\bwhat(?:'?s| is) (?:the|its) rating(?: of)?\b"
                   # "should I watch inception?": a film named, not "should I watch something funny?"
                   r"|^\W*(?:so\s+|ok\s+|okay\s+)?should (?:i|we) (?:watch|see|bother with)\b"
                   r"(?= (?!(?:something|anything|a|an|some|another|what|which|tonight|next|more|any|one|ones"
                   rf"|movies?|films?)\b){_THE_FILM}{_END})"),
        # "is the second one animated?", "what kind of movie is it": its genres and tone, from the catalog
        ("kind", r"\bwhat (?:genre|kind of (?:film|movie)|type of (?:film|movie))\b(?: is| was)?"
                 rf"|{_ASKS_IF}(?= {_THE_FILM} (?:a |an )?(?:animated|animation|cartoon|anime|comedy|funny|"
                 r"horror|scary|romantic|romance|thriller|documentary|musical|western|sci ?fi|science fiction|"
                 rf"violent|gory|dark|sad){_OR_ELSE}?{_END})"),
        # "is the 2nd one based on a true story?": the catalog's tag, not a request for films with it
        ("true", rf"{_ASKS_IF}(?= {_THE_FILM} (?:based on|inspired by|from) (?:a )?(?:true|real)(?:[ -]life)?"
                 rf" (?:story|events){_END})"),
        ("language", r"\bwhat language\b(?: is| was)?"
                     rf"|{_ASKS_IF}(?= {_THE_FILM} (?:in (?:{_LANGUAGE_NAMES})|(?:subtitled|subbed|dubbed)"
                     rf"(?: or (?:subtitled|subbed|dubbed))?|in a foreign language){_END})"
                     rf"|^\W*(?:is|was)\b(?= {_A_PICK} (?:{_LANGUAGE_NAMES}){_END})"),  # "is the second one french?"
        # "is it rated R?", "is the first one PG-13?": age ratings, which the catalog does not record
        ("certificate", rf"{_ASKS_IF}(?= {_THE_FILM} (?:rated (?:pg-?13|pg|r|g|nc-?17|u|12a?|15|18)"
                        rf"|pg-?13|pg|nc-?17|r rated){_END})|\bage rating\b|\bmpaa\b"
                        # "is alien for kids?", "is it family friendly?": what an age rating would answer
                        rf"|{_ASKS_IF}(?= {_THE_FILM} (?:(?:ok|okay|suitable|appropriate|safe|good|fine|alright) )?"
                        r"(?:for (?:kids|children|a kid|a child|my kids|families|the family|the kids)"
                        rf"|(?:kid|kids|child|family)[ -]friendly|age[ -]appropriate){_END})"),
        # "is the 2nd one on netflix?": where a film streams, which the catalog does not record
        ("streaming", rf"{_ASKS_IF}(?= {_THE_FILM} (?:on|streaming on|available on) (?:{_SERVICES}){_END})"
                      r"|\bwhere (?:can|could) (?:i|we) (?:watch|stream)\b"),
        # "what did I rate Titanic?", "have I seen Heat?", "what did I think of Alien?", "did I like
        # Heat?": the user's own history
        ("mine", r"\bwhat (?:did|have) (?:i|we) (?:rate|rated|give|given|gave)\b|\bhow (?:did|have) (?:i|we) rated?\b"
                 r"|^\W*(?:have|did) (?:i|we) (?:already )?(?:rate|rated|seen|see|watch|watched)\b"
                 r"|\bwhat (?:did|do) (?:i|we) (?:think|make) of\b|\bhow did (?:i|we) (?:like|find|feel about)\b"
                 r"|\bwhat(?:'?s| is| was) my (?:rating|verdict|score)(?: (?:of|for|on))?\b"
                 r"|^\W*(?:(?:so|and|wait|remind me)\W+)?(?:did|do) (?:i|we) (?:like|love|enjoy|hate|dislike)\b"),
        # "do you have Dune?", "is Oppenheimer in your catalog?": whether the catalog holds the film
        ("catalog", r"^\W*(?:do|have) (?:you|u|ya) (?:have|got|carry|know)(?: (?:the|a) (?:movie|film))?\b"
                    rf"|^\W*(?:is|are)\b(?= {_THE_FILM} in (?:your|the) {COLLECTION}{_END})"),
    )
)  # fmt: skip


# "any of those on netflix?", "are any of them on hulu", "can I stream these anywhere": where the picks
# stream, a question about them (which moviebot can't answer), no request for films that stream
_THE_SHOWN = (
    r"(?:(?:any|all|either|some|none|one)(?: of)? (?:those|these|them|the (?:picks|films|movies|ones))"
    r"|those|these|they|them)"  # "are them on netflix?", as typed
)
_STREAMS_ON = rf"(?:on (?:{_SERVICES})|(?:streaming|available)(?: on (?:{_SERVICES})| anywhere| online)?)"
STREAMING_PICKS = re.compile(
    rf"^\W*(?:(?:so|and|but|ok|okay|hmm+|wait)\W+)?(?:(?:are|is|r) )?{_THE_SHOWN} {_STREAMS_ON}{_END}"
    rf"|\b(?:can|could) (?:i|we) (?:stream|watch) {_THE_SHOWN} (?:anywhere|online|on (?:{_SERVICES})){_END}"
    rf"|\bwhere (?:can|could) (?:i|we) (?:stream|watch) {_THE_SHOWN}{_END}"
)


# "was heat in any of those?", "is Fight Club one of them?", "did you suggest the godfather?": whether a
# film was among the picks just given, a question about the last answer and no request for that film.
# Each match ends where the film's name follows.
_THE_PICKS = (
    r"(?:those|these|them|there|the (?:list|picks?|ones?|suggestions|recommendations|films|movies)"
    r"|your (?:list|picks|suggestions|recommendations))"
    r"(?: (?:you|u) (?:just )?(?:gave|suggested|recommended|picked|showed|listed)(?: me| us)?)?"
)
AMONG_THE_PICKS = re.compile(
    r"^\W*(?:(?:so|and|but|wait|hmm+|ok|okay|sorry)\W+)?(?:(?:is|was)\b(?! there\b)(?= [^.?!]{1,80}? (?:in (?:any of )?"
    rf"|among |amongst |on |one of |part of |(?:in )?(?:any|one) of ){_THE_PICKS}\W*$)"
    r"|(?:did|have|had) (?:you|u) (?:already |just |ever |actually )?(?:suggest(?:ed)?|recommend(?:ed)?"
    r"|mention(?:ed)?|pick(?:ed)?|list(?:ed)?|include(?:d)?|show(?:ed|n)?(?: me| us)?"
    r"|give (?:me|us)|given (?:me|us)))\b"
)
# what such a question says after the film it names, not part of the film's name
AMONG_TAIL = re.compile(
    rf"\s+(?:in (?:any of )?|among |amongst |on |one of |part of |(?:in )?(?:any|one) of ){_THE_PICKS}\W*$"
    r"|\s+(?:already|before|earlier|just now)\W*$"
)


_ASKED_YEAR = re.compile(r"(?<![\w-])(?:19[0-9]{2}|20[0-9]{2})(?![\w-])")


def other_year(text: str, match: TitleMatch, lookup: CatalogLookup) -> str | None:
    """ "Dune (2021)" when the film found is Dune (1984) and the catalog has no Dune of 2021."""
    title, year = match.title, match.year
    said = [int(y) for y in _ASKED_YEAR.findall(text) if y not in title]  # "Blade Runner 2049" is a title
    if not said or year is None or any(abs(y - year) <= 1 for y in said):
        return None
    match = lookup.resolve_title(f"{title} ({said[0]})")
    if match is not None and match.year is not None and abs(match.year - said[0]) <= 1:
        return None
    return f"{title} ({said[0]})"


# "which of these has the best rating?", "which one is shortest": a comparison of the last picks
_SUPERLATIVES: dict[str, Fact] = {"shortest": "shortest", "longest": "longest", "best": "best", "highest": "best",
                                  "best rated": "best", "highest rated": "best", "newest": "newest",
                                  "most recent": "newest", "latest": "newest", "oldest": "oldest"}  # fmt: skip
_WHICH_OF_THEM = re.compile(
    r"^\W*which\s+(?:one|of\s+(?:these|them|those|the\s+\w+))?\b[^?.!]*?\b"
    r"(shortest|longest|best rated|highest rated|best|highest|newest|most recent|latest|oldest)\b"
    # "the oldest one?", "and the newest?": nothing but the superlative, of the picks just shown
    r"|^\W*(?:(?:and|so|ok|okay|what about)\W+)?the\s+(shortest|longest|best rated|highest rated|newest|most recent"
    r"|latest|oldest)(?:\s+(?:one|film|movie|pick))?(?:\s+(?:of\s+(?:these|them|those)|then))?\W*$"
    # "what's the best of these?", "what is the best one out of those": of the picks, no "best films" filter
    r"|^\W*what(?:'s|\s+is|\s+would\s+be)\s+the\s+(shortest|longest|best rated|highest rated|best|highest|newest"
    r"|most recent|latest|oldest)(?:\s+(?:one|film|movie|pick))?\s+(?:(?:out\s+)?of|among)\s+(?:these|them|those)\b"
)


# "what's the longest movie you have?", "the oldest horror film in your catalog": the whole catalog's
# extreme, not the picks' ("The Longest Yard" is no answer)
_EXTREME_WORDS: dict[str, Fact] = {"shortest": "shortest", "longest": "longest", "best rated": "best",
                                   "highest rated": "best", "top rated": "best", "best-rated": "best",
                                   "highest-rated": "best", "top-rated": "best", "newest": "newest",
                                   "most recent": "newest", "latest": "newest", "oldest": "oldest",
                                   "earliest": "oldest"}  # fmt: skip
_EXTREME = "|".join(sorted(_EXTREME_WORDS, key=len, reverse=True))
_OF_THE_CATALOG = re.compile(
    rf"(?:\bthe\s+|^\W*)(?P<word>{_EXTREME})\s+(?:[\w'-]+\s+){{0,4}}?[\w'-]+\s+"
    rf"(?:(?:that\s+)?you(?:'ve|\s+have)?\s+(?:got|have|know(?:\s+of)?|hold|carry|list)"
    rf"(?!\s+(?:seen|watched|recommended|suggested|liked|loved))"
    rf"|(?:you\s+)?(?:in|on)\s+(?:your|the)\s+{COLLECTION})\b"
)


def catalog_extreme_asked(lowered: str) -> Fact | None:
    """The extreme a question asks of the whole catalog ("what's the longest movie you have?")."""
    return _EXTREME_WORDS[m["word"]] if (m := _OF_THE_CATALOG.search(lowered)) else None


def catalog_extreme_words(lowered: str) -> list[tuple[int, int]]:
    """Where such a question says its superlative, to be left out of what else it asks."""
    return [m.span("word") for m in _OF_THE_CATALOG.finditer(lowered)]


def superlative_asked(lowered: str) -> Fact | None:
    """The superlative a question asks of the picks ("which of these is the shortest?", "the oldest one?")."""
    if (m := _WHICH_OF_THEM.search(lowered)) is None:
        return None
    return _SUPERLATIVES[next(w for w in m.groups() if w)]


# "is pulp fiction better than heat?", "which is better, heat or alien?": two films named, their ratings;
# "which is older, alien or heat?", "which came out first": their years ("longer", "shorter": their lengths)
_THAN = r"better|rated higher|better rated|older|newer|more recent|longer|shorter"
_WHICH = _THAN + r"|(?:came|come|was|is)\s+(?:out|released|made)\s+(?:first|earlier|later|last)"
_BETTER = re.compile(
    rf"^\W*(?:is|was)\s+(?P<a>.+?)\s+(?:any\s+)?(?P<x>{_THAN})\s+than\s+(?P<b>.+?)\W*$"
    rf"|^\W*which(?:\s+one)?(?:'s|\s+is|\s+was|\s+film|\s+movie)?\s+(?P<y>{_WHICH})\W+(?P<c>.+?)\s+or\s+"
    r"(?P<d>.+?)\W*$"
)
_COMPARED: dict[str, Fact] = {"older": "oldest", "first": "oldest", "earlier": "oldest", "newer": "newest",
                              "recent": "newest", "later": "newest", "last": "newest", "longer": "longest",
                              "shorter": "shortest"}  # fmt: skip


def films_compared(lowered: str, lookup: CatalogLookup) -> tuple[list[TitleMatch], Fact] | None:
    """The two films a "which is better" (or older, newer, longer, shorter) question names, each as it is
    titled, and the superlative that answers it; None otherwise."""
    if (m := _BETTER.match(lowered)) is None:
        return None
    asked = (m["x"] or m["y"]).split()[-1]
    found = []
    for typed in (m["a"] or m["c"], m["b"] or m["d"]):
        match = lookup.resolve_title(typed.strip(" \"'"))
        if match is None or match.score < TITLE_MATCH_SCORE or not same_title(typed.strip(" \"'"), match.title):
            return None
        found.append(match)
    return (found, _COMPARED.get(asked, "best")) if found[0].movie_id != found[1].movie_id else None

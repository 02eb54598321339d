"""Verdicts on films: "loved it", "hated Titanic", "seen Heat", and which film each is about when
one message gives several ("I loved Amelie and hated Titanic")."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from agent.understanding.days_said import some_time_ago_blanked
from agent.understanding.ordinals import places_in
from agent.understanding.request import CatalogLookup, Understood, has_filters
from agent.understanding.sentiments import MIDDLING, SENTIMENTS, Verdict
from agent.understanding.text import OPINION_LEAD, PANNED, PRAISED
from agent.understanding.versions import same_title
from agent.understanding.whose_verdict import users_verdict
from store.movie import ascii_fold
from store.vocab import normalise_genre

NOT_SEEN = re.compile(
    r"\b(?:haven'?t|have not|never|not|didn'?t|did not|hasn'?t|not yet)\s+(?:\w+\s+)?"
    r"(?:seen|watched|saw|see|watch)\b"
    # "I don't think I have seen Gamer", "I doubt I've seen it": a viewing doubted, so none to note
    r"|\b(?:(?:don'?t|do\s+not|dont)\s+(?:think|believe)|doubt)\s+(?:that\s+)?(?:i|we)(?:'ve|\s+have|\s+had|'d)?"
    r"\s+(?:ever\s+|actually\s+|really\s+)?(?:seen|watched|saw)\b"
)
SEEN = re.compile(r"\b(?:seen|watched|saw)\b")
# "have you seen Heat?", "did u ever watch Jaws": the user asks the bot, and tells of no viewing of their own
_ASKED_IF_SEEN = re.compile(r"\b(?:have|did|had)\s+(?:you|u|ya)\s+(?:ever\s+|already\s+)?(?:seen|watched|saw)\b")


def asked_if_seen_blanked(lowered: str) -> str:
    """The message with the bot's own viewing, asked about, blanked out in place."""
    return _ASKED_IF_SEEN.sub(lambda m: " " * len(m[0]), lowered)


# "i'll have to check out Meet the Fockers": a film still to see, so neither seen nor judged
PLANNED = re.compile(
    r"\b(?:will|ll|gonna|going\s+to|have\s+to|need\s+to|got\s+to|gotta|want\s+to|wanna|must)"
    r"\s+(?:\w+\s+)?(?:check\s+out|watch|see|try|look\s+into|look\s+up)\b"
)
# "the third looks boring": a guess about a film not seen, so a lean away from it, never a watched dislike
_LOOKS_BAD = (
    r"\b(?:looks|seems|sounds)\s+(?:\w+\s+)?(?:boring|bad|dumb|stupid|awful|terrible|lame|meh|silly|cheesy|dull)\b"
)
LOOKS_BAD = re.compile(_LOOKS_BAD)
# "don't show me Notting Hill again", "not interested in the first one", "the second looks boring,
# skip it": a film the user has not seen and wants no more of, never suggested again (nor rated)
DISMISS = re.compile(
    r"\b(?:do not|don'?t|never|stop|quit)\s+(?:ever\s+)?(?:again\s+)?(?:show(?:ing)?|suggest(?:ing)?"
    r"|recommend(?:ing)?|give|giving|offer(?:ing)?|pick(?:ing)?)\b"
    r"|\bnot\s+interested\b|\bno\s+interest\s+in\b|\bskip\b|\bpass\s+on\b|\bnot\s+for\s+me\s+thanks\b"
    # "not the second one" (said alone, to the picks): that one set aside, not a request for nothing
    r"|^\W*(?:no,?\s+)?not\s+(?:the\s+)?(?=(?:first|second|third|fourth|fifth|last|\d(?:st|nd|rd|th))\s+(?:one|film|movie|pick)\W*$)"
    # "i don't want to see heat again, something funny": never again, as "don't show me heat again"
    r"|\b(?:do not|don'?t|never)\s+(?:want|wanna|need)\s+(?:to\s+)?(?:see|watch)\b(?=[^,;.!?]{1,60}?\bagain\b)"
    # "not heat or alien again, any comedies?": never again, as "don't show me heat again"
    r"|\bnot\s+(?!(?:this|that|it|again|so|too|very|really|sure|quite|much|a|an|watching|seeing)\b)(?=[^,;.!?]{1,60}?\bagain\b)"
    rf"|{_LOOKS_BAD}"
)

# where one verdict ends and the next may begin: "I loved Amelie and hated Titanic"
_CLAUSE_BREAK = re.compile(
    r"[.!?;,]|\b(?:but|and|while|whereas|though|although|yet|plus)\b"
    # "I loved Up (2009) I haven't seen 101 Dalmatians (1996)", "... really need to Yes I loved Deep Impact":
    # a new sentence typed without its stop
    r"|(?<=\s)(?:yes|yeah)\b|(?<=\s)(?=i\s+(?:haven'?t|have\s+not|never|didn'?t|did\s+not"
    r"|(?:really\s+)?(?:prefer|like|liked|love|loved|enjoy|enjoyed|hate|hated))\b)"
)


def verdict_in(lowered: str, start: int = 0, end: int | None = None) -> tuple[re.Match[str], Verdict, float] | None:
    """The user's own first verdict between `start` and `end`, its kind and the stars it stands for."""
    end = len(lowered) if end is None else end
    for pattern, verdict, stars, _ in SENTIMENTS:
        for m in pattern.finditer(lowered, start, end):
            own = users_verdict(lowered, m.start(), doubted_too=verdict == "liked")
            if own and not said_of_a_genre(lowered, m, stars):
                return m, verdict, stars
    if not NOT_SEEN.search(lowered, start, end) and (m := SEEN.search(lowered, start, end)):
        return m, "seen", 0.0
    return None


# a clause that turns the verdict before it around: "... but not Collateral", "Collateral not so much"
_NOT_THE_SAME = re.compile(
    r"^\W*not\b(?!\s+(?:only|just)\b)|\bnot\s+(?:so|as|that|too)\s+much\b|\bnot\s+really\W*$|\bless\s+so\b"
    r"|\bnot\s+at\s+all\W*$"
)


def mixed_verdicts(
    text: str, lowered: str, titles: list[str], lookup: CatalogLookup, place_of: Callable[[str], int | None]
) -> dict[str | int, tuple[Verdict, float]] | None:
    """Each film's own verdict when a message gives films different ones ("I loved Amelie and
    hated Titanic", "Amelie was great but Titanic was awful", "seen Heat and loved Alien"), by the
    clause that names it, or the place in the last list it points at (`place_of`: "the first was
    great but the second was boring"); None when they all share one, or a film can't be placed."""
    if len(text) != len(lowered):  # offsets into the lowered text must hold in the typed one
        return None
    clauses = []  # (films named, verdict, whether the verdict comes before the films)
    unseen: set[str] = set()  # films a clause says were not seen: judged by no other clause
    tastes = False  # a clause judges a genre, not a film: the films' own verdicts are theirs alone
    spans = _clauses(lowered, titles, lookup)
    judged = titles_blanked(lowered, titles, lookup)  # "I hate horror, like Saw (2004)": no "saw" seen
    for start, end in spans:
        if said := NOT_SEEN.search(lowered, start, end) or PLANNED.search(lowered, start, end):  # "haven't seen Aliens"
            before, after = (
                _films_in(text[start : said.start()], 0, lookup),
                _films_in(text[said.end() : end], 0, lookup),
            )
            # "... and Heat I actually haven't seen Alien": Heat shares the verdict before, Alien is unseen;
            # "I loved Heat, Alien I haven't seen": the film named just before, with no verdict of its own
            fronted = clauses[-1][0] if clauses and clauses[-1][1] is None and not (after or before) else []
            unseen.update(after or before or fronted)
            clauses.append((before if after else [], None, False, False))
            continue
        found = verdict_in(judged, start, end)
        if found is None and len(SEEN.findall(lowered, start, end)) > 1:  # "I saw Saw": the verb, then the title
            found = verdict_in(lowered, start, end)
        # "I've seen the first two, the third looks boring": the third set aside, neither seen nor disliked
        if (dismissal := DISMISS.search(lowered, start, end)) and (found is None or found[1] == "disliked"):
            found = (dismissal, "dismissed", 0.0)
        ids: list[str | int] = [*_films_in(text[start:end], found[0].end() - start if found else 0, lookup)]
        if not ids and (place := place_of(lowered[start:end])) is not None:
            ids = list(places_in(lowered[start:end])) or [place]  # "seen the first two": both places
        if not ids and found and of_a_genre(lowered[:end], found[0]):  # "I don't like horror, but Alien was great"
            tastes = True
            clauses.append(([], found[1:], True, True))
            continue
        if not ids and found is None and _genre_let_in(lowered[start:end]):  # "sci-fi is okay, like Aliens"
            tastes = True
            clauses.append(([], ("liked", 4.0), True, True))
            continue
        first = found is not None and found[0].start() < start + _first_title_at(lowered[start:end], ids, lookup)
        clauses.append((ids, found[1:] if found else None, first, False))
    verdicts: dict[str | int, tuple[Verdict, float]] = {}
    for n, (ids, found, _, _) in enumerate(clauses):
        if not ids:
            continue
        if found is None and n and clauses[n - 1][3]:  # "I love comedies, like Superbad": an example of the taste,
            if _CONTRAST.search(lowered, spans[n - 1][1], spans[n][0] + 1):  # but no taste passes a "but"
                return None
            found = clauses[n - 1][1]
        if found is None:  # "I loved Amelie and Titanic", "Amelie and Titanic were great"
            before = next((c for c in reversed(clauses[:n]) if c[1] and not c[3]), None)
            after = next((c for c in clauses[n + 1 :] if c[1] and not c[3]), None)
            source = before if before and before[2] else after or before
            found = source[1] if source else None
            if found is not None and _NOT_THE_SAME.search(
                lowered[slice(*spans[n])]
            ):  # "I liked Heat but not Collateral"
                if found[0] != "liked":
                    unseen.update(t for t in ids if isinstance(t, str))  # "hated Heat but not Alien": no verdict
                    continue
                found = ("disliked", 2.0)
        elif found[0] == "seen" and (following := _next_said(clauses, n)) and not following[0] and following[1]:
            found = following[1]  # "I watched Heat and hated it", "I just watched Heat today. I loved it."
        if found is None:
            return None
        verdicts.update({t: found for t in ids if t not in verdicts})
    verdicts = {t: v for t, v in verdicts.items() if t not in unseen}
    if not set(titles) - unseen <= set(verdicts) or not verdicts:
        return None
    # "not a fan of that kind, I prefer things like Armageddon": a verdict on no film is not the film's
    other = {c[1][0] for c in clauses if c[1] and not c[0] and not c[3]} - {"seen", *(v for v, _ in verdicts.values())}
    # "Heat was decent but Ronin was great": both liked, each with its own stars; "Heat was good but Ronin was
    # great": one verdict, but also on a film the verdict's own reading missed, judged in a clause of its own
    judged_apart = {t for ids, found, _, _ in clauses if found for t in ids if isinstance(t, str) and t not in titles}
    judged_apart |= {
        t
        for (ids, found, _, _), span in zip(clauses, spans, strict=True)
        if not found and _CARRIED.search(lowered[slice(*span)])
        for t in ids
        if isinstance(t, str) and t not in titles
    }
    named_apart = bool(titles) and bool(judged_apart & set(verdicts))
    if len(set(verdicts.values())) < 2 and not unseen and not tastes and not other and not named_apart:
        return None
    return verdicts


def _next_said(clauses: list, n: int):
    """The first clause after the n-th that names a film or gives a verdict: a sentence's end leaves an
    empty one between "I just watched Heat today." and "I loved it."."""
    return next((c for c in clauses[n + 1 :] if c[0] or c[1]), None)


_CONTRAST = re.compile(r"\b(?:but|though|although|yet|while|whereas)\b")
# "sci-fi is okay", "comedies are fine": a kind of film let in, a taste its example ("like Aliens") shares
_LET_IN = re.compile(
    r"\b(?:is|are|'s|was|were)\s+(?:(?:usually|always|also|still|really|pretty|totally|generally)\s+)?"
    r"(?:okay|ok|fine|alright|all\s+right|good|great|cool)\b"
)


def said_of_a_genre(lowered: str, m: re.Match[str], stars: float) -> bool:
    """ "sci-fi is okay": a middling verdict whose subject is a genre, a taste, not a film's three stars."""
    if stars != MIDDLING:
        return False
    words = re.findall(r"[\w'-]+", lowered[max(0, m.start() - 40) : m.start()])[-3:]
    return any(normalise_genre(" ".join(words[n:])) for n in range(len(words)))


def _genre_let_in(clause: str) -> bool:
    """ "sometimes thrilling sci-fi is okay": a genre said, just before the words that let it in."""
    let_in = _LET_IN.search(clause)
    if let_in is None:
        return False
    words = re.findall(r"[\w'-]+", clause[: let_in.start()])[-3:]
    return any(normalise_genre(" ".join(words[n:])) for n in range(len(words)))


def genre_verdict_apart(lowered: str, anchor: re.Match[str], titles: list[str], lookup: CatalogLookup) -> bool:
    """ "I don't like horror but Aliens (1986) ...": the verdict is on a genre, and the films are named in
    a later clause, so it is no verdict on them."""
    if not titles or not of_a_genre(lowered, anchor):
        return False
    named_at = anchor.end() + _first_title_at(lowered[anchor.end() :], list(titles), lookup)
    return named_at < len(lowered) and _CLAUSE_BREAK.search(lowered, anchor.end(), named_at) is not None


def _clauses(lowered: str, titles: list[str], lookup: CatalogLookup) -> list[tuple[int, int]]:
    """The message cut at each break that is not inside a film's title ("Pride and Prejudice")."""
    movies = lookup.movies
    inside = []
    for movie_id in titles:
        title = ascii_fold(movies[movie_id].title).casefold().replace("&", "and") if movie_id in movies else ""
        at = ascii_fold(lowered).find(title) if title else -1
        if at >= 0:
            inside.append((at, at + len(title)))
    spans, start = [], 0
    for m in _CLAUSE_BREAK.finditer(lowered):
        if not any(a < m.start() < b for a, b in inside):
            spans.append((start, m.start()))
            start = m.end()
    return [*spans, (start, len(lowered))]


def _films_in(clause: str, after_verdict: int, lookup: CatalogLookup) -> list[str]:
    """The films a clause names: read as the reader reads titles, else listed after its verdict
    ("loved Amelie") or from its start ("Titanic was awful")."""
    from agent.understanding.reader import understand  # the reader's modules import this one
    from agent.understanding.title_lists import titles_after

    named = understand(clause, lookup)
    if ids := [*named.like_titles, *(t for t in named.exclude_titles if t not in named.like_titles)]:
        return ids
    so = _SO_WAS.match(clause)  # "and so was Ronin": the film after the words that carry the verdict
    for start in dict.fromkeys((after_verdict, _after_answer(clause), *([so.end()] if so else []))):
        if found := titles_after(clause, start, lookup):
            return [m.movie_id for m in found]
    return []


# "... and so was Ronin", "Ronin too", "and Ronin as well": the verdict before, carried to the film this names
_SO_WAS = re.compile(
    r"^\W*(?:(?:and|but)\s+)?(?:so\s+(?:was|is|were|are|did|does)|also|same\s+(?:for|with|goes\s+for))\s+"
)
_CARRIED = re.compile(rf"{_SO_WAS.pattern}|\b(?:too|as\s+well|also)\W*$")


def _after_lead(head: str) -> int:
    """Where the film's name starts after an opinion's lead ("I thought", "honestly", "imo")."""
    lead = OPINION_LEAD.match(head.lower())
    return lead.end() if lead else 0


def _after_answer(clause: str) -> int:
    """Where a clause's words start after an opening answer ("Yes I have seen it": not Yes (2005)),
    unless the word is written as a title, with its year."""
    lead = _ANSWER_LEAD.match(clause)
    return lead.end() if lead and not clause.startswith("(", lead.end()) else 0


def _first_title_at(clause: str, ids: list[str | int], lookup: CatalogLookup) -> int:
    """Where the first of the clause's films is named in it, by the first word of its title."""
    places = []
    for movie_id in ids:
        movie = lookup.movies.get(movie_id) if isinstance(movie_id, str) else None
        word = movie.title.lower().split()[0] if movie and movie.title else ""
        if word and (at := clause.find(word)) >= 0:
            places.append(at)
    return min(places, default=len(clause))


# "Bad Moms (2016) was cute too": the verdict, carried over from a film said before, still ends the message
_VERDICT_ENDS = re.compile(rf"(?:{PRAISED}|{PANNED})(?:\s+(?:too|also|as\s+well))?\W*$")


_PRONOUNS = frozenset({"it", "this", "that", "they", "them", "these", "those", "he", "she", "this one", "that one"})


def a_title_then(text: str, lookup: CatalogLookup) -> bool:
    """The whole message is a title and a verdict: "Toy Story 2 was great", "Kill Bill: Vol. 2 was boring"."""
    verdict = _VERDICT_ENDS.search(text.lower())
    head = text[: verdict.start()].strip(" \t\"'“”") if verdict and len(text) < 120 else ""
    head = head[_after_answer(head) :]  # "Yes The Conjuring 2 (2016) was great", but "Yes (2005) was great"
    head = head[_after_lead(head) :]  # "I thought Heat was great"
    if head.lower() in _PRONOUNS:  # "It was great, thanks" is about the film just shown, not It (2017)
        return False
    # "The Dark Knight Rises (2012) was great", as a reply to a pick names it: the title, of that year
    year = _TITLE_YEAR.search(head)
    name = head[: year.start()] if year else head
    match = lookup.resolve_title(head) if head else None
    if year and (match is None or not same_title(name, match.title)):
        match = lookup.resolve_title(name)
    return match is not None and same_title(name, match.title) and (not year or match.year == int(year[1]))


_TITLE_YEAR = re.compile(r"\s*\(((?:18|19|20)\d\d)\)$")
# "yes I love those", "oh I loved it": an answer or exclamation opening the reply, not a film's title
_ANSWER_LEAD = re.compile(r"^(?:(?:yes|yeah|yep|yup|no|nope|nah|oh|ok|okay|well|sure|wow|haha|lol)\b[\s,.!]*)+", re.I)


_FILLER = re.compile(r"(?<!\S)(?:was|is|were|so|kinda|pretty|really|just|lowkey|honestly|imo|tbh)$")


def _before_verdict(text: str) -> str:
    """The text with a verdict's run-up taken off its end: "casino was" of "casino was mid", "heat"
    of "heat, honestly". A loop, not one pattern: `(?:\W+|...)*$` backtracked exponentially, and a
    message with a few dozen spaces or dots before a verdict word held its turn for minutes."""
    while True:
        end = len(text)
        while end and not (text[end - 1].isalnum() or text[end - 1] == "_"):
            end -= 1
        text = text[:end]
        filler = _FILLER.search(text)
        if filler is None or filler.start() == 0:
            return text
        text = text[: filler.start()]


def films_judged(text: str, lowered: str, anchor: re.Match[str] | None, titles: list[str],
                 lookup: CatalogLookup) -> list[str]:  # fmt: skip
    """The films a verdict is on, never one its own words name ("interstellar, never again" judges
    no Never Again); with none read, a title typed whole before it ("heat slaps", "casino was mid")."""
    movies = lookup.movies
    if anchor is not None:
        said = anchor.group().strip()
        titles = [t for t in titles if t not in movies or ascii_fold(movies[t].title).casefold() != said]
    if titles or anchor is None:
        return titles
    head = _before_verdict((text if len(text) == len(lowered) else lowered)[: anchor.start()])
    head = head.strip(" \t\"'“”?!.,:")
    head = head[_after_answer(head) :] if not _TITLE_YEAR.search(head) else head  # "yes I love those"
    head = head[_after_lead(head) :]  # "I think Heat is overrated"
    if not head or len(head.split()) > 6 or head.lower() in _PRONOUNS:
        return titles
    from agent.understanding.reader import understand  # the reader's modules import this one

    said = understand(head, lookup)
    theme = _only_a_theme(said)  # "alien was great": a whole well-known title, judged; "love is great" a theme
    if has_filters(said, titles=False) and not theme:  # "horror was great": a genre it stays
        return titles
    match = lookup.resolve_title(head)
    if match is None or not same_title(head, match.title) or (theme and not match.well_known):
        return titles
    return [match.movie_id]


def _only_a_theme(u: Understood) -> bool:
    """What was read is a theme and the genres it implies, nothing else ("alien": aliens, sci-fi)."""
    bare = dataclasses.replace(u, keywords=[], genres=[g for g in u.genres if g not in u.theme_genres])
    return bool(u.keywords) and not has_filters(bare, titles=False)


_ECHOED = re.compile(r"^[^?.!,]{1,40}\?(?=\s*\w)")


# "thanks for recommending Heat": thanks for a pick given, not a wish for another
_THANKED_FOR = re.compile(
    r"\b(?:thanks|thank\s+you|thx|ty)\s+(?:(?:so|very)\s+much\s+)?for\s+(?:recommending|suggesting)\b"
)


def thanked_for(lowered: str) -> bool:
    """ "thanks for recommending Heat": thanks for a film, with no verdict on it and no wish for more."""
    return bool(_THANKED_FOR.search(lowered))


def unasked(lowered: str) -> str:
    """ "interstellar? never again lol": a film echoed with a question mark and judged, which asks nothing;
    "thanks for recommending heat" asks for nothing either."""
    lowered = some_time_ago_blanked(_THANKED_FOR.sub(lambda m: " " * len(m[0]), lowered))  # "the other day"
    echo = _ECHOED.match(lowered)
    if echo and any(pattern.search(lowered, echo.end()) for pattern, *_ in SENTIMENTS):
        return f"{lowered[: echo.end() - 1]},{lowered[echo.end() :]}"
    return lowered


def titles_blanked(lowered: str, movie_ids: list[str], lookup: CatalogLookup) -> str:
    """The message with the named films' titles blanked out, in place: a title's words are no verdict
    ("i did like 10 things i hate about you" liked it)."""
    for movie_id in movie_ids:
        if (movie := lookup.movies.get(movie_id)) is not None and (title := movie.title.lower()) in lowered:
            # whole words only: with Love named, "i loved love" keeps its "loved"
            lowered = re.sub(rf"(?<!\w){re.escape(title)}(?!\w)", lambda m: " " * len(m[0]), lowered)
    return lowered


def of_a_genre(lowered: str, anchor: re.Match[str] | None) -> bool:
    """ "I like action", "she loves romantic comedies": a taste for a genre, no verdict on a film."""
    if anchor is None:
        return False
    words = re.findall(r"[\w'-]+", lowered[anchor.end() : anchor.end() + 40])[:3]
    return any(normalise_genre(" ".join(words[:n])) for n in range(len(words), 0, -1))

"""Read a chat message as a movie request: genres, moods, years, runtime, people, reference titles.

No language model sits on moviebot's request path, so this is a small rule-based reader. It
works in passes from the most specific evidence to the least, and every pass blanks out what it
explained so that later, vaguer rules cannot re-read it:

1. reference titles after cues ("like Se7en or Fight Club", "not Titanic"), resolved against the
   catalog, so "war" in "Star Wars" or "no" in "No Country for Old Men" is never a filter;
2. people, by full name, from the catalog's people index;
3. bare Title-Cased mentions ("Star Wars marathon tonight"), then surnames said alone ("by Kubrick"),
   then people named as a film's credit ("Lincoln directed by Spielberg") or in a question about the
   film at hand ("Is Tom Hanks in that?") become soft, and people refused ("nothing with Adam Sandler")
   are excluded;
4. numbers: years and decades, runtimes, ratings, counts, except a verdict on a film ("that is a
   classic"), a year said of one ("it came out in 1979") or the number a title begins with ("2012 (2009)");
5. one walk over the remaining words that looks each phrase up in the tables
   in agent.understanding.phrases, with negations ("no horror", "not too long") applied to the phrases that follow them;
   genres offered as alternatives ("thrillers or comedies") then need only one of them to fit;
6. genres said as a taste ("I love horror movies") rather than asked for lean the ranking instead of filtering it.

Whatever nothing explained becomes the query for semantic search.
"""

from __future__ import annotations

import itertools
import re

from agent.understanding.ages import AN_ADULTS_AGE, read_ages
from agent.understanding.before_title import read_years_of_titles
from agent.understanding.catalog_themes import read_catalog_themes
from agent.understanding.counts import read_count
from agent.understanding.crowd_asks import set_aside_disliked
from agent.understanding.days_said import set_aside_days_ago
from agent.understanding.effect import Effect
from agent.understanding.either_kinds import either_kinds
from agent.understanding.either_years import either_years
from agent.understanding.families import read_families
from agent.understanding.filler_like import drop_filler_likes
from agent.understanding.first_names import read_first_names
from agent.understanding.franchises import read_refused_series
from agent.understanding.initials import read_initialled_names
from agent.understanding.less_of import less_as_a_lean
from agent.understanding.like_series import read_like_series
from agent.understanding.listed_titles import read_listed_titles
from agent.understanding.meaning import Reading, extend_unique
from agent.understanding.message_titles import read_bare_titles, read_cued_titles
from agent.understanding.misspelt import read_misspelt_people
from agent.understanding.misspelt_titles import read_misspelt_titles
from agent.understanding.negation import walk_phrases
from agent.understanding.number_titles import read_number_titles
from agent.understanding.numbers import read_kid_ages, read_rating, read_runtime, read_years
from agent.understanding.occasions import lean_to_occasions
from agent.understanding.opening_title import read_opening_title
from agent.understanding.passing import has_meaning, own_verdict_wins
from agent.understanding.people import (
    People,
    about_the_film,
    lean_unrecorded_credits,
    read_people,
    refuse_people,
    set_aside_praise,
    soften_credit_questions,
    soften_credits,
)
from agent.understanding.people_alternatives import read_people_alternatives
from agent.understanding.quality_words import asks_for_good
from agent.understanding.request import CatalogLookup, Understood
from agent.understanding.role_cues import read_roles
from agent.understanding.series import read_series
from agent.understanding.studios import leaned_kinds, without_studio_data
from agent.understanding.surnames_alone import read_surnames
from agent.understanding.taste_examples import refused_examples
from agent.understanding.text import GAP, STOPWORDS, TOKEN, Scan, Tok, sentence_span, word_set
from agent.understanding.title_lists import read_credits_of_titles
from agent.understanding.title_years import obscure_notes, read_unknown_dated, taken_notes
from agent.understanding.titles import TitleReader
from agent.understanding.uneventful import read_uneventful
from agent.understanding.unknown_titles import note_missing_sequels, note_unknown_titles
from agent.understanding.wanted_series import read_wanted_series
from agent.understanding.wars import asks_for_war, wars_refused
from store.vocab import COUNTRIES, LANGUAGES

# --- the query ---------------------------------------------------------------------------------


# words no synopsis is about: left over from "under 100 minutes", they would only add noise to the search
_NEVER_QUERIED = word_set(
    "movie movies film films flick flicks stuff something anything "
    "hour hours hr hrs minute minutes mins half longer shorter dozen handful bunch several pair "
    "again anymore "  # "don't show me horror again, any comedies?"
    "fav fave favourite favorite favs faves favourites favorites"  # "Das Boot is my fav": not a wish for one
    " among both"  # "Heat and Ronin are among my favorites", "... were both great": said of the films named
    " hidden gem gems underrated"  # "a hidden gem": how well known, not The Hidden Fortress by its title
    " super"  # "if you have a super suggestion": praise, not Super (2010) or Super 8 by their titles
    " nah nope meh hmm hmmm ugh eh"  # "nah too old": the answer to the picks, not a word to search for
)


# era words, read as years: as a search they only find titles ("I like old movies" found Oldboy, Old School
# and Old Yeller once the era was read as a taste, which leans the picks but filters none out)
_ERA_WORDS = word_set(
    "old older oldie oldies new newer newest recent recently latest current currently classic classics vintage "
    "modern contemporary"
)

_NOT_FALLEN_BACK_ON = _NEVER_QUERIED | _ERA_WORDS


BUT_RELATIVE = re.compile(
    r"\b(?:but|just|only|though|yet)\s+(?:a\s+(?:bit|little)\s+|slightly\s+|somewhat\s+|much\s+)?"
    r"(?:older|newer|shorter|longer)\b|\b(?:older|newer|shorter|longer)\s+than\b"
)
# "not as old as the first one": newer than that film, as "like the first one but newer" is
NOT_AS_RELATIVE = re.compile(r"\bnot\s+(?:as|so)\s+(?:old|new|recent|long|short)\s+as\b")


def _query(scan: Scan) -> str:
    """What is left, in phrases, trimmed of filler ("a heist movie in Paris" -> "heist in Paris")."""
    phrases: list[str] = []
    current: list[Tok] = []
    for tok in [*scan.tokens(), None]:
        if tok is not None and tok.text in _NEVER_QUERIED:
            continue
        if tok is not None and tok.is_word:
            current.append(tok)
            continue
        while current and current[0].text in STOPWORDS and current[0].start not in scan.kept:
            current.pop(0)
        while current and current[-1].text in STOPWORDS and current[-1].start not in scan.kept:
            current.pop()
        if current:
            phrases.append(_join(scan.original, current))
        current = []
    if phrases:
        return ", ".join(phrases)
    # Everything became a filter: fall back to the content words, minus what was refused.
    words = []
    for m in TOKEN.finditer(scan.original.lower()):
        word = m.group()
        refused = any(start <= m.start() < end for start, end in (*scan.negated, *scan.aside))
        if word[0].isalpha() and word not in STOPWORDS and word not in _NOT_FALLEN_BACK_ON and not refused:
            words.append(scan.original[m.start() : m.end()])
    return " ".join(words)


def _join(original: str, toks: list[Tok]) -> str:
    """The words as typed, keeping "feel-good" whole where nothing was dropped in between."""
    text = original[toks[0].start : toks[0].end]
    for previous, tok in itertools.pairwise(toks):
        between = original[previous.end : tok.start]
        text += (between if between in ("-", "'") else " ") + original[tok.start : tok.end]
    return text


# "I love horror movies", "comedies are my favorite": a taste, not a request. Its genres lean the
# ranking (soft_genres) instead of filtering it, unless the same message asks for something.
_TASTE = re.compile(
    r"\bi(?: a|')m (?:a |such a )?(?:big |huge )?(?:fan|into)\b|\bwe(?: a|')re (?:big |huge )?(?:fans|into)\b|"
    r"favou?rite|\bfave?\b|\bgrew up (?:on|with|watching)\b|"
    r"\b(?:i|we) (?:really |also |just |do |mostly |usually |generally |always |all )?"
    r"(?:like|love|enjoy|prefer|adore|dig)\b",
    re.IGNORECASE,
)
_ASKS = re.compile(
    r"looking for|recommend|suggest|\b(?:want|need|something|any|see|watch|show|find|give)\b|\?|in the mood|"
    r"\b(?:can|could|would) you\b",
    re.IGNORECASE,
)


# "that is a classic", "what a classic!", "yes a oldie and goodie", "Maya Rudolph was the best in it",
# "One of the classics.", "it's a must see": a verdict on a film or a person named before, not a wish for
# old or top-rated films ("a classic for tonight" is one; so are "what is the best classic you know?" and
# "yes a classic please")
_VERDICT = re.compile(
    r"\b(?:is|was|are|were|be|'s|thats|its|what|such|makes\s+it|made\s+it|yes|yeah|yep|one\s+of)\s+"
    r"(?:a\s+|an\s+|such\s+a\s+|the\s+)?"
    r"(?:(?:real|true|total|absolute|great|timeless|all[- ]time|certified|definite|quite|big|huge|fun|very)\s+)?"
    r"(?P<word>clas+ics?|best|oldies?|must[- ]see)\b"
)
_A_QUESTION_FOR_PICKS = re.compile(
    r"\b(?:which|any|recommend|suggest|know|else|other|more|give|need|want|looking|please)\b"
    r"|\bwhat(?:\s+(?:is|are|was)|'s|s)\b"  # "what's the best comedy ever made?" too
)


# "I like comedies the best", "we love westerns best": which kind the person prefers, not a wish for
# top-rated films ("I like the best horror films" is one)
_PREFERRED = re.compile(
    r"\b(?:like|love|enjoy|prefer|watch)\b[^.?!;]{0,40}?\b(?:the\s+|most\s+)?(?P<word>best)\s*(?:[.!,;]|$)"
)


# "I'm a huge fan of Alien": how big a fan, not a wish for big films (nor Big, by its title)
_HOW_BIG_A_FAN = re.compile(
    r"\b(?:i'?m|i\s+am|i\s+was|we'?re|we\s+are|we\s+were)\s+(?:such\s+|really\s+|also\s+)?(?:an?\s+)?(?:really\s+)?"
    r"(?P<size>big|huge|massive|great|enormous)(?=\s+fans?\b)"
)


def drop_verdicts(scan: Scan) -> None:
    for m in _HOW_BIG_A_FAN.finditer(scan.lowered):  # "fan of" may be taken by now, as a title's cue
        if scan.text[m.start("size") : m.end("size")] == m["size"]:
            scan.take(m.start("size"), m.end("size"), aside=True)
    for m in _VERDICT.finditer(scan.text):
        opening, closing = sentence_span(scan.text, m.start(), m.end())
        if not _A_QUESTION_FOR_PICKS.search(scan.text, opening, closing):
            scan.take(m.start("word"), m.end("word"))
    for m in _PREFERRED.finditer(scan.text):
        scan.take(m.start("word"), m.end("word"))


# "but its still a funny movie", "That was a really scary one", "It has great music", "The 40-Year-Old
# Virgin (2005) was funny": a genre said of the film at hand, a pronoun opening its clause or a title
# (taken, so blanked) as its subject; "a movie that is scary" asks for one
_SAID_OF_THE_FILM = re.compile(
    r"(?:(?:^|[.!?,;:]|\b(?:but|and|yes|yeah|yep|so|well|oh|though|because|cause|lol|haha))\s*"
    r"(?:it(?:'s| +is| +was| +has| +had)|its|that(?:'s| +is| +was| +has| +had)|thats|th(?:is|at) +one(?:'s| +is| +was)"
    r"|this +(?:is|was|has)|they(?:'re| +are| +were| +have))"
    rf"|{GAP}[{GAP}\s]*(?:is|was|has|had|are|were))"
    r"(?: +(?:still|also|really|just|such|definitely|truly|kind +of|sort +of))*(?: +(?:a|an|some))?"
    r"(?: +(?:really|very|pretty|so|quite|great|good|fun|real|true|total|classic|excellent|awesome|nice|little|solid))*"
    r" *$"
)


def _said_of_the_film(scan: Scan, start: int) -> bool:
    return bool(_SAID_OF_THE_FILM.search(scan.text, max(0, start - 60), start))


def soften_genre_questions(scan: Scan, reading: Reading) -> None:
    """A genre named in a question about the film at hand ("Is it romantic at all?", "is that a
    horror movie?") or said of it ("but it's still a funny movie") leans the ranking; "is there
    any horror you'd recommend?" and "a movie that is scary" still ask."""
    out = reading.result
    said, asked = set(), set()  # a genre also asked for elsewhere in the message is still asked for
    for start, end, genres in reading.genre_spans:
        of_the_film = about_the_film(scan, start, end) or _said_of_the_film(scan, start)
        (said if of_the_film else asked).update(genres)
    remarked, wished = set(), set()  # "Have you seen It? it was scary!": a tone said of it is no wish for one
    for start, end, moods in reading.mood_spans:
        (remarked if about_the_film(scan, start, end) or _said_of_the_film(scan, start) else wished).update(moods)
    out.moods = [m for m in out.moods if m not in remarked - wished]
    softened = [g for g in [*out.genres, *out.any_genres] if g in said - asked]
    if softened:
        out.genres = [g for g in out.genres if g not in softened]
        out.any_genres = [g for g in out.any_genres if g not in softened]
        extend_unique(out.soft_genres, softened)


def said_as_taste(text: str, reading: Reading) -> None:
    """Pass 6: genres, studios and a loose era said as a taste ("I love horror movies", "we love
    Disney!", "I like old movies too") rather than asked for become soft; years said as numbers still hold."""
    out = reading.result
    if not _TASTE.search(text) or _ASKS.search(text):
        return
    out.soft_genres = list(dict.fromkeys([*out.soft_genres, *out.genres, *out.any_genres, *leaned_kinds(out.studios)]))
    out.genres, out.any_genres, out.studios = [], [], []
    if not reading.explicit_years and (out.year_min is not None or out.year_max is not None):
        out.soft_year_min, out.soft_year_max = out.year_min, out.year_max
        out.year_min = out.year_max = None


# Genres offered as alternatives: "thrillers or comedies", "scary or suspenseful", "horror movies,
# comedy", "thrillers and comedies" (kinds listed, plural first), "a horror film and an action
# one" (a film each). Beside each other or joined by a singular "and" they combine: "romantic
# comedies", "sci fi fantasy", "action and adventure".
_OR = re.compile(r"\s*(?:movies?|films?|flicks?|ones?|stuff)?\s*,?\s*(?:or|either)\s+(?:a\s+|an\s+|some\s+|maybe\s+)?")
_LIST = re.compile(r"\s*(?:movies?|films?|flicks?|ones?)?\s*(?:,|and|&|,\s*and)\s*(?:also\s+|some\s+)?")
_PLURAL = re.compile(r"(?:s|movies|films|flicks)$")
_EACH = re.compile(r"\s*(?:movie|film|flick|one)\s*,?\s*(?:and|&|plus)\s+(?:a|an|one)\s+")
_KINDS = re.compile(r"\s*(?:movies|films|flicks)\b")
# "one action one romance", "one comedy and the other a thriller": one of each
_ONE = re.compile(r"\bone\s+(?:a\s+|an\s+)?$")
_ONE_EACH = re.compile(
    r"\s*(?:movie|film|flick)?\s*,?\s*(?:and\s+|&\s+|plus\s+)?(?:one|the other(?: one)?)\s+(?:a\s+|an\s+)?"
)


def read_alternatives(scan: Scan, reading: Reading) -> None:
    """Pass 5b: genres offered as alternatives are `any_genres` (at least one of them), not all."""
    out, spans = reading.result, sorted(reading.genre_spans)
    either: list[str] = []
    for (begin, end, first), (start, _, second) in itertools.pairwise(spans):
        between = scan.original[end:start].lower()
        plural = _PLURAL.search(scan.original[:end].lower()) or _KINDS.match(between)
        listed = _LIST.fullmatch(between) and plural
        one_each = _ONE_EACH.fullmatch(between) and _ONE.search(scan.original[:begin].lower())
        if _OR.fullmatch(between) or listed or _EACH.fullmatch(between) or one_each:
            either += [g for g in (*first, *second) if g not in either]
    if len(either) >= 2:
        out.any_genres = [g for g in either if g in out.genres]
        out.genres = [g for g in out.genres if g not in out.any_genres]


# A language offered as an alternative to a country ("Spanish or Argentinian films") is the country
# whose adjective it also is: a film must have every kind of place asked for, so the language and
# the country would otherwise both be required ("Irish or English comedies": English is England's).
_COUNTRY_OF_ADJECTIVE = {adjective.lower(): code for code, (_, adjective) in COUNTRIES.items()} | {"english": "GB"}
_COMMA = re.compile(r"\s*,\s*")


def read_place_alternatives(scan: Scan, reading: Reading) -> None:
    """Pass 5c: a language and a country joined by "or" become two countries where they can."""
    out, spans = reading.result, sorted(reading.place_spans, key=lambda span: span[:2])
    either: list[Effect] = []
    chain: list[Effect] = []  # "Spanish, Argentinian or Mexican": a list is alternatives if it ends in "or"
    for (_, end, first), (start, _, second) in itertools.pairwise(spans):
        between = scan.original[end:start].lower()
        if _COMMA.fullmatch(between) or _OR.fullmatch(between):
            chain += [e for e in (first, second) if e not in chain]
        else:
            chain = []
        if _OR.fullmatch(between):
            either += [e for e in chain if e not in either]
    if not any(e.countries for e in either) or not any(e.languages for e in either):
        return
    countries = []  # in the order they were said
    for effect in either:
        for code in effect.languages:
            country = _COUNTRY_OF_ADJECTIVE.get(LANGUAGES[code].lower())
            if country and code in out.languages:
                out.languages.remove(code)
            countries += [country] if country else []
        countries += effect.countries
    out.countries = list(dict.fromkeys([*countries, *out.countries]))


# "my wife loves musicals but I hate them": the genre just named, refused by a pronoun
_REFUSES_IT = re.compile(
    r"\b(?:i|we|he|she|they)\s+(?:really\s+|just\s+)?(?:hate|hates|dislike|dislikes|can'?t\s+stand"
    r"|(?:don'?t|doesn'?t|do\s+not|does\s+not)\s+(?:like|enjoy))\s+(?:them|those|it|that|these)\b"
    r"(?=\s*(?:$|[,.!?;]|(?:at\s+all|much|either|though|tho|but|and|so|what)\b))"  # not "them gory"
)


def refuse_genre_pronouns(scan: Scan, reading: Reading) -> None:
    """Pass 5d: a genre named, then refused as "them" in the same sentence, is refused."""
    out = reading.result
    for m in _REFUSES_IT.finditer(scan.text):
        opening, _ = sentence_span(scan.text, m.start(), m.end())
        named = [span for span in reading.genre_spans if opening <= span[0] < m.start()]
        if not named:
            continue
        start, end, genres = named[-1]
        scan.negated.append((start, end))  # never searched for either
        refused = list(genres)
        for name in ("genres", "any_genres", "soft_genres"):
            setattr(out, name, [g for g in getattr(out, name) if g not in refused])
        extend_unique(out.exclude_genres, refused)


# --- entry points ------------------------------------------------------------------------------


def understand(text: str, lookup: CatalogLookup, *, today_year: int = 2026) -> Understood:
    """Read one message; fields it does not mention stay empty so a follow-up can merge onto it."""
    scan = Scan(text)
    reading = Reading(today_year)
    out = reading.result
    people = People(lookup.people_index())
    reader = TitleReader(scan, lookup, people)
    drop_filler_likes(scan)  # "like max 100 minutes": no film Max
    set_aside_days_ago(scan)  # "I saw Heat 3 days ago": no Heat 3
    set_aside_disliked(scan)  # "so bad it's good": not gone by, so not searched for either
    read_number_titles(scan, lookup, out)  # "like 2001": the film, not the year
    read_series(scan, lookup, out)
    read_credits_of_titles(scan, reader, out)
    unknown = read_cued_titles(scan, reader, out)
    read_years_of_titles(scan, reader, reading)  # "from before Titanic"
    read_misspelt_titles(scan, lookup, out)  # "like inceptoin"
    read_refused_series(scan, lookup, out)
    series = read_wanted_series(scan, lookup)  # "harry potter movies": no Deborah Harry
    read_like_series(scan, lookup, out)  # "something like harry potter": its first film
    read_people(scan, people, out)
    read_families(scan, lookup, out)  # "the Hemsworth brothers", "with the Afflecks": either of them
    set_aside_praise(scan)  # "tony jaa is the GOAT": no film Goat
    read_bare_titles(scan, reader, out)
    read_listed_titles(scan, reader, out)  # "Collateral and Heat": both films, with no cue
    read_opening_title(scan, reader, out)  # "das boot is my fav, something similar"
    unknown = note_missing_sequels(scan, reader, out, unknown)
    read_first_names(scan, lookup, out)  # "with denzel", "any leo movies": not Melissa Leo
    read_initialled_names(scan, lookup, out)  # "by P.T. Anderson": not Sean Anders
    read_surnames(scan, lookup.surname_index(), out, lookup.people_index(), lookup.shared_surnames())
    read_misspelt_people(scan, lookup, out)
    soften_credits(scan, out)
    lean_unrecorded_credits(scan, out)
    soften_credit_questions(scan, out)
    refuse_people(scan, out)
    read_people_alternatives(scan, out)
    read_roles(scan, out)
    read_unknown_dated(scan, out)  # "called Forever My Girl (2018)": a film the catalog lacks
    for start, end in scan.title_years:  # "(1995)" a title did not take is still a title's year
        scan.take(start, end)
    drop_verdicts(scan)
    read_kid_ages(scan, out)
    read_ages(scan, out)  # "she's 85": no count, year or length
    read_years(scan, reading)
    read_runtime(scan, reading)
    read_rating(scan, reading)
    read_count(scan, reading)
    read_uneventful(scan, out)  # "a film where nothing happens": no refusal of the words after it
    walk_phrases(scan, reading)
    read_alternatives(scan, reading)
    read_place_alternatives(scan, reading)
    either_kinds(scan, reading)  # "Disney, and also anime": a studio or a language, which no request holds
    refuse_genre_pronouns(scan, reading)
    refused_examples(scan, reading, lookup)  # "I hate horror, like Saw (2004)": Saw refused too
    soften_genre_questions(scan, reading)
    lean_to_occasions(scan, out)  # "valentine's day movies": romance, leaned to
    read_catalog_themes(scan, reading, lookup)  # "movies about grief": a tag the phrasebook lacks
    reading.refusals_win()
    either_years(scan.lowered, reading)  # "before 1990 or after 2010": either side
    if has_meaning(out):  # "a comedy for my grandma, she's 85": the age goes unsaid beside what was read
        out.caveats = [c for c in out.caveats if c != AN_ADULTS_AGE]
    if not reading.explicit_years and (out.year_min or 0) > (out.year_max or 9999):
        out.year_min = out.year_max = None  # "old and new ones", "a modern western classic": no era after all
    note_unknown_titles(scan, unknown, out)
    out.taken_years = taken_notes(reader.taken_years, [*out.like_titles, *out.exclude_titles], lookup)
    out.taken_years += obscure_notes(text, [*out.like_titles, *out.exclude_titles], lookup, reader.taken_years)
    extend_unique(out.unknown_titles, reader.years_lacked)  # "Ghost (1970) also worth it": said to be unknown
    without_studio_data(out, lookup)
    query = _query(scan)  # with nothing else left, it falls back to every word, the series' too
    out.query = ", ".join([*(s for s in series if s.casefold() not in query.casefold()), *filter(None, [query])])
    # "like The Matrix but older": older than The Matrix, not than whatever was shown last
    out.relative_to_titles = bool(out.like_titles and out.modifiers and BUT_RELATIVE.search(scan.lowered))
    said_as_taste(scan.original, reading)  # typography made plain: "I’m a fan" reads as "I'm a fan"
    own_verdict_wins(text, lookup, out)  # "everyone hated titanic but i loved it": Titanic is the user's liked film
    less_as_a_lean(scan.lowered, out)  # "less action": leaned away from, not refused
    out.quality |= asks_for_good(scan.original)  # "a good thriller": well-rated ones lean up, none left out
    return wars_refused(out, war=asks_for_war([*out.genres, *out.any_genres, *out.soft_genres]))

"""Every reason checked against the film's stored fields before a user reads it.

An explanation may say "as you asked" only of constraints the film meets, and a pick that a
relaxed search let through says which constraint it is outside of, and by how much ("from
1958, just outside the 1960s you asked for"). `asked_clause` and `outside_clause` write those
clauses from the facts; `check` is the gate every explanation passes, from the templates or
from a model, and drops any "as you asked" sentence that claims what is not true.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from agent.crowd import LIKED_STARS, Verdict
from agent.model_claims import Grounding, model_sentence_errors
from agent.prose import prose_list
from agent.understanding.studios import made_by_said
from store.filters import has_tag, in_spans
from store.movie import Movie, rating_floor, shown_rating
from store.vocab import GENRES, LANGUAGES

NOUN_GENRES = {"thriller": 9, "western": 9, "musical": 9, "documentary": 9, "drama": 8, "comedy": 8, "romance": 7}
ASKED = "as you asked"
OUTSIDE = "you asked for"  # every clause about a broken constraint ends in these words


def genre_phrase(genres: list[str]) -> str:
    """["crime", "thriller"] -> "crime thriller", ["crime"] -> "crime film": the noun goes last."""
    ordered = sorted(genres[:3], key=lambda g: NOUN_GENRES.get(g, 0))
    phrase = " ".join(ordered).replace("film-noir", "noir")
    return phrase if ordered and ordered[-1] in NOUN_GENRES else f"{phrase} film"


def a_or_an(phrase: str) -> str:
    """ "an action film", "a crime thriller", "an 80s film": the article the phrase takes."""
    return f"{'an' if phrase[:1].lower() in 'aeiou8' else 'a'} {phrase}"


def asked_genres(request: Mapping) -> list[str]:
    """Every genre a request asks for: all of `genres`, and the alternatives of `any_genres`."""
    return [*(request.get("genres") or []), *(request.get("any_genres") or [])]


def said_genres(request: Mapping) -> list[str]:
    """The genres asked for that the user said: not sci-fi that "about aliens" only implied."""
    return [g for g in asked_genres(request) if g not in (request.get("theme_genres") or [])]


def decade_of(request: Mapping) -> int | None:
    """1960 for a request of 1960-1969, else None."""
    low, high = request.get("year_min"), request.get("year_max")
    return low if low and high and high - low == 9 and low % 10 == 0 else None


def years_asked(request: Mapping) -> str:
    """The year range as the user would say it back: "the 1960s", "1990-1995", "after 2010"."""
    low, high = request.get("year_min"), request.get("year_max")
    if decade_of(request):
        return f"the {low}s"
    if low and high:
        return f"{low}-{high}" if low != high else str(low)
    if low:
        return f"{low} or later"
    return f"{high} or earlier" if high else ""


def span_said(span) -> str:
    """[1960, 1969] -> "the 1960s", [1999, 1999] -> "1999", [1980, 1999] -> "1980-1999"."""
    low, high = span
    if high - low == 9 and low % 10 == 0:
        return f"the {low}s"
    return str(low) if low == high else f"{low}-{high}"


# -- what the film meets, and what it does not ------------------------------------------------


def asked_people(request: Mapping) -> list[str]:
    """Every person a request asks for: all of `people`, and the alternatives of `any_people`."""
    return [*(request.get("people") or []), *(request.get("any_people") or [])]


def breaks(movie: Movie, request: Mapping) -> list[str]:
    """The request's hard constraints the film does not meet, by name."""
    broken = []
    either = request.get("any_genres") or []
    if any(g not in movie.genres for g in request.get("genres") or []) or (
        either and not any(g in movie.genres for g in either)
    ):
        broken.append("genres")
    if any(g in movie.genres for g in request.get("exclude_genres") or []):
        broken.append("exclude_genres")
    low, high = request.get("year_min"), request.get("year_max")
    if (low and (movie.year is None or movie.year < low)) or (high and (movie.year is None or movie.year > high)):
        broken.append("years")
    if request.get("exclude_years") and (movie.year is None or in_spans(movie.year, request["exclude_years"])):
        broken.append("exclude_years")
    shortest, longest = request.get("min_runtime"), request.get("max_runtime")
    if (longest and (movie.runtime is None or movie.runtime > longest)) or (
        shortest and (movie.runtime is None or movie.runtime < shortest)
    ):
        broken.append("runtime")
    if request.get("languages") and movie.language not in request["languages"]:
        broken.append("languages")
    if request.get("countries") and movie.country not in request["countries"]:
        broken.append("countries")
    if request.get("exclude_languages") and (movie.language is None or movie.language in request["exclude_languages"]):
        broken.append("exclude_languages")
    credited = {*movie.directors, *movie.cast}
    either_person = request.get("any_people") or []
    if any(p not in credited for p in request.get("people") or []) or (
        either_person and not any(p in credited for p in either_person)
    ):
        broken.append("people")
    if request.get("min_rating") and (movie.rating_that_counts or 0) < rating_floor(request["min_rating"]):
        broken.append("min_rating")
    if not all(has_tag(movie.keywords, tag) for tag in request.get("require_keywords") or []):
        broken.append("themes")
    if request.get("studios") and not made_by_said(movie, request["studios"]):
        broken.append("studios")
    return broken


def asked_clause(movie: Movie, request: Mapping) -> str:
    """ "a 1990s crime thriller, 127 minutes long, as you asked": only what the film meets."""
    broken = set(breaks(movie, request))
    bits = []
    said_years = not request.get("years_stand_in")  # "a silent film": the years stood in, and the caveat says so
    if (request.get("year_min") or request.get("year_max")) and "years" not in broken and said_years:
        bits.append(f"{decade_of(request)}s" if decade_of(request) else str(movie.year))
    if request.get("languages") and "languages" not in broken:
        bits.append(LANGUAGES.get(movie.language or "", movie.language or ""))
    genres = [g for g in movie.card_genres(asked_genres(request)) if g in said_genres(request)]  # on its card
    if genres and "genres" not in broken:
        bits.append(genre_phrase(genres))
    elif bits:
        bits.append("film")
    phrase = " ".join(b for b in bits if b)
    if phrase:
        phrase = a_or_an(phrase)
    extras = []
    if (request.get("max_runtime") or request.get("min_runtime")) and "runtime" not in broken:
        extras.append(f"{movie.runtime} minutes long")
    for person in asked_people(request):
        if person in movie.directors and person not in (request.get("acting") or []):  # "starring X" asked
            extras.append(f"directed by {person}")
        elif person in movie.cast:
            extras.append(f"starring {person}")
    if said_tags(request) and "themes" not in broken:
        extras.append(tagged(said_tags(request)))
    extras.append(made_by_said(movie, request.get("studios") or []))  # only of a film its companies say so
    text = ", ".join(x for x in [phrase, *extras] if x)
    return f"{text}, {ASKED}" if text else ""


def outside_clause(movie: Movie, request: Mapping) -> str:
    """What a pick let through by a relaxed search misses, and by how much."""
    parts = []
    broken = breaks(movie, request)
    if "years" in broken:
        low, high = request.get("year_min"), request.get("year_max")
        if movie.year is None:
            parts.append(f"of unknown year, so maybe not from {years_asked(request)} {OUTSIDE}")
        else:
            gap = (low - movie.year) if low and movie.year < low else (movie.year - high)
            how = "just outside" if gap <= 3 else f"{gap} years outside"
            parts.append(f"from {movie.year}, {how} {years_asked(request)} {OUTSIDE}")
    if "exclude_years" in broken:
        refused = prose_list([span_said(span) for span in request["exclude_years"]], "or")
        parts.append(f"from {movie.year or 'an unknown year'}, though you asked for nothing from {refused}")
    if "runtime" in broken:
        longest = request.get("max_runtime")
        if movie.runtime and longest and movie.runtime > longest:
            # no number quoted back: "under 100" is kept as at most 99, which the user never said
            parts.append(f"{movie.runtime} minutes, longer than {OUTSIDE}")
        elif movie.runtime and request.get("min_runtime"):
            parts.append(f"{movie.runtime} minutes, shorter than {OUTSIDE}")
        else:
            parts.append(f"of unknown length, so maybe not the runtime {OUTSIDE}")  # it may well fit
    if "languages" in broken:
        wanted = prose_list([LANGUAGES.get(code, code) for code in request["languages"]], "or")
        known = LANGUAGES.get(movie.language or "", movie.language)
        spoken = f"in {known}, not" if movie.language else "in an unknown language, so maybe not"
        parts.append(f"{spoken} the {wanted} {OUTSIDE}")
    if "countries" in broken:
        made = f"made in {movie.country}, not" if movie.country else "made in an unknown country, so maybe not"
        parts.append(f"{made} the country {OUTSIDE}")
    if "exclude_languages" in broken:
        spoken = LANGUAGES.get(movie.language or "", "an unknown language")
        refused = prose_list([LANGUAGES.get(code, code) for code in request["exclude_languages"]], "or")
        parts.append(f"in {spoken}, though you asked for nothing in {refused}")
    if "genres" in broken:
        missing = [g for g in request.get("genres") or [] if g not in movie.genres]
        either = request.get("any_genres") or []
        if either and not any(g in movie.genres for g in either):
            missing.append(" or ".join(either))
        has = ", ".join(movie.genres) or "no genre"
        parts.append(f"not {a_or_an(' or '.join(missing) + ' film')} ({has}), unlike what {OUTSIDE}")
    if "exclude_genres" in broken:
        unwanted = [g for g in request.get("exclude_genres") or [] if g in movie.genres]
        parts.append(f"{a_or_an(' and '.join(unwanted) + ' film')}, though you asked for no {' or '.join(unwanted)}")
    if "people" in broken:
        missing = [p for p in request.get("people") or [] if p not in movie.directors and p not in movie.cast]
        either = request.get("any_people") or []
        if either and not any(p in movie.directors or p in movie.cast for p in either):
            missing += either
        parts.append(f"without {prose_list(missing, 'or')}, whom {OUTSIDE}")
    if "min_rating" in broken:
        floor = f"{request['min_rating']:g}"
        words = request.get("rating_words")  # "best" is no number: the 8 is the bot's reading of it
        rated = _rated(movie, request["min_rating"])
        parts.append(f'{rated}, under {floor}, the rating I took "{words}" to mean' if words
                     else f"{rated}, under the {floor} {OUTSIDE}")  # fmt: skip
    if "themes" in broken:
        said, implied = said_tags(request), implied_tags(request)
        if said and not all(has_tag(movie.keywords, tag) for tag in said):
            parts.append(f"not {tagged(said)}, which {OUTSIDE}")
        if implied and not all(has_tag(movie.keywords, tag) for tag in implied):
            parts.append(f"not {tagged(implied)}, the tag I went by for what you asked")
    if "studios" in broken:
        # the catalog's companies, not the world's: Aladdin is credited to Walt Disney Pictures alone
        studios = prose_list(request["studios"], "or")
        parts.append(f"{studios} is not among the studios I have recorded for it, which {OUTSIDE}" if movie.studios
                     else f"with no studio recorded, so maybe not made by {studios}, which {OUTSIDE}")  # fmt: skip
    return "; ".join(parts)


def said_tags(request: Mapping) -> list[str]:
    """The tags required that the user asked for: not "sport", which "boxing" only implied."""
    return [t for t in request.get("require_keywords") or [] if t not in implied_tags(request)]


def implied_tags(request: Mapping) -> list[str]:
    """The tags required that stand in for a genre only a theme implied (merge.genres_as_tags)."""
    return [t for t in request.get("theme_tags") or [] if t in (request.get("require_keywords") or [])]


def tagged(themes: list[str], *, verb: str = "tagged") -> str:
    """'tagged "woman director"': a required theme is a catalog tag, and is said as one."""
    return f"{verb} " + " and ".join(f'"{theme}"' for theme in themes)


# -- the gate -----------------------------------------------------------------------------------

# a sentence ends at . ! ? or …, but not at an initial ("L.A. Confidential") or a title ("Dr. No")
_SENTENCE = re.compile(
    r"(?<=[.!?…])(?<!\b[A-Z]\.)(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bJr\.)(?<!\bvs\.)"
    r"\s+(?=[A-Z\"“(])"
)


def sentences(text: str) -> list[str]:
    """The text's sentences, an initial or a title's abbreviation ending none ("Desmond T. Doss")."""
    return _SENTENCE.split(text.strip())


_GENRE_WORDS = {g: g for g in GENRES} | {"noir": "film-noir"}
# compiled once: a turn checks every clause of every pick against each of them
_LANGUAGE_NAMES = [(code, name, re.compile(rf"\b{re.escape(name.lower())}\b")) for code, name in LANGUAGES.items()]
_GENRE_NAMES = [
    (word, genre, re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")) for word, genre in _GENRE_WORDS.items()
]


_TAGGED = re.compile(r'\btagged "[^"]+"(?: and "[^"]+")*', re.IGNORECASE)


def claim_errors(claim: str, movie: Movie, request: Mapping) -> list[str]:
    """What an "as you asked" claim says that is false of the film, or was not asked."""
    errors = []
    broken = set(breaks(movie, request))
    for said in _TAGGED.finditer(claim):  # 'tagged "sport"': the catalog tag, required and carried
        for theme in re.findall(r'"([^"]+)"', said.group()):
            if theme not in said_tags(request) or not has_tag(movie.keywords, theme):
                errors.append(f"tag {theme}")
    claim = _TAGGED.sub(" ", claim)  # a tag's words are no genre or language said
    lowered = claim.lower()
    years_said = re.findall(r"\b(?:1[89]\d\d|20\d\d)s?\b", claim)
    asked_years = (request.get("year_min") or request.get("year_max")) and not request.get("years_stand_in")
    if years_said and ("years" in broken or not asked_years):
        errors.append("years")
    for said in years_said:
        decade = said.endswith("s")
        year = int(said.rstrip("s"))
        if movie.year is None or (decade and not year <= movie.year <= year + 9) or (not decade and year != movie.year):
            errors.append(f"year {said}")
    for code, name, pattern in _LANGUAGE_NAMES:
        if pattern.search(lowered) and (movie.language != code or code not in (request.get("languages") or [])):
            errors.append(f"language {name}")
    for word, genre, pattern in _GENRE_NAMES:
        if pattern.search(lowered) and (genre not in movie.genres or genre not in said_genres(request)):
            errors.append(f"genre {word}")
    runtime_asked = request.get("max_runtime") or request.get("min_runtime")
    for minutes in re.findall(r"(\d+)[- ]min", lowered):
        if int(minutes) != movie.runtime or "runtime" in broken or not runtime_asked:
            errors.append(f"runtime {minutes}")
    for verb, person in re.findall(r"(directed by|starring|with) ([A-Z][^,;.]+)", claim):
        people = movie.directors if verb == "directed by" else [*movie.cast, *movie.directors]
        if person.strip() not in people or person.strip() not in asked_people(request):
            errors.append(f"person {person.strip()}")
    return errors


def check(
    text: str,
    movie: Movie,
    request: Mapping,
    *,
    verdicts: Sequence[Verdict] = (),
    model_written: bool = False,
    grounding: Grounding | None = None,
) -> str:
    """The explanation as users may read it, a pick outside the request saying so first.

    Every "as you asked" (or "as requested") vouches for the words before it, or after it when
    it leads ("As you asked, a French film"); a clause whose vouched words claim what the film
    does not meet, or what was not asked, is dropped. A model's text is held to more: every
    sentence, parenthesis and clause is read for plain facts (its year, genres, runtime,
    language, director and cast, and how people here rated it) and whatever is false goes.
    """
    kept = []
    for sentence in sentences(text):
        if model_written and is_crowd_claim(sentence) and crowd_errors(sentence, list(verdicts)):
            continue
        if model_written and _CLAIMS_IT_ALL.search(sentence) and breaks(movie, request):
            continue  # "a perfect match for what you wanted", of a pick outside the request
        clauses = [_checked_clause(c.strip(), movie, request, model_written and (grounding or Grounding()))
                   for c in sentence.split(";")]  # fmt: skip
        clauses = [c for c in clauses if c]
        if clauses and clauses != ["."]:
            joined = "; ".join(clauses)
            kept.append(joined[0].upper() + joined[1:] + ("" if joined[-1] in ".!?…" else "."))
    checked = " ".join(kept)
    outside = outside_clause(movie, request)
    if outside and outside.casefold() not in checked.casefold():  # a model's own "you asked for" hides nothing
        checked = f"{outside[0].upper()}{outside[1:]}. {checked}".strip()
    return checked


# a model's way of saying a pick meets the whole request
_CLAIMS_IT_ALL = re.compile(
    r"\byou(?:'re| are| were)? (?:asked|wanted|requested|after|looking for)\b|\byour (?:request|criteria|brief)\b"
    r"|\bexactly what\b|\bperfect(?:ly)? (?:match|fit)|\bfits? (?:the bill|everything)|\bticks? (?:all|every)",
    re.IGNORECASE,
)
_ASKED = re.compile(r",?\s*\b(?:just )?(?:as you(?: have)? (?:asked|requested|wanted)|as requested|like you asked)\b",
                    re.IGNORECASE)  # fmt: skip
_PAREN = re.compile(r"\s*\(([^()]*)\)")


def _checked_clause(clause: str, movie: Movie, request: Mapping, model_written: Grounding | bool) -> str:
    """The clause, or "" when what it vouches for is false; a false parenthesis alone is cut."""
    if not clause:
        return ""
    body = _PAREN.sub("", clause)
    for aside in _PAREN.findall(clause):
        if _ASKED.search(aside) and not _has_words(_ASKED.sub("", aside)):
            body = f"{body}, as you asked"  # "(as you asked)" vouches for the clause around it
    if _vouching_errors(body, movie, request, model_written):
        return ""
    for aside in _PAREN.findall(clause):
        if _ASKED.search(aside) and not _has_words(_ASKED.sub("", aside)):
            continue
        if _vouching_errors(aside, movie, request, model_written):
            clause = clause.replace(f"({aside})", "").replace("  ", " ")
    return re.sub(r"\s+([,.;])", r"\1", clause).strip()


def _vouching_errors(text: str, movie: Movie, request: Mapping, model_written: Grounding | bool) -> list[str]:
    """Errors of the words each "as you asked" vouches for, and (for a model, `model_written` being
    what to ground its words on) of plain facts elsewhere."""
    parts = _ASKED.split(text)
    errors: list[str] = []
    vouched = [False] * len(parts)
    for i in range(len(parts) - 1):  # each "as you asked" vouches for what precedes it, or else what follows
        vouched[i if _has_words(parts[i]) else i + 1] = True
    for part, asked in zip(parts, vouched, strict=True):
        if asked:
            errors += claim_errors(part, movie, request)
        if model_written:  # a model's vouched words are plain facts too: "a sixties comedy, as you asked"
            errors += fact_errors(part, movie)
            errors += model_sentence_errors(part, movie, model_written) if isinstance(model_written, Grounding) else []
    return errors


def _has_words(text: str) -> bool:
    return bool(re.search(r"[A-Za-z0-9]{2,}", text))


_ANY_LANGUAGE = "|".join(re.escape(name) for name in LANGUAGES.values())
# genre words that are also everyday nouns ("a family man", "a crime boss") count only before another
# genre word or a word for a film
_PLAIN_NOUNS = {"action", "adventure", "biography", "crime", "family", "fantasy", "history", "music", "mystery",
                "romance", "sport", "war"}  # fmt: skip
_FILM_WORDS = r"(?:film|films|movie|movies|picture|flick|classic|feature)"


_HOURS_THEN_MINUTES = re.compile(r"\b(?:\d|one|two|three|four)\s*(?:hours?|hrs?|h)\b,?\s*(?:and\s+)?\d+\s*min")


def fact_errors(text: str, movie: Movie) -> list[str]:
    """What a sentence of a model's says about the film that its stored fields contradict."""
    errors = []
    lowered = text.lower()
    alone = _HOURS_THEN_MINUTES.sub(" ", lowered)  # "2 hours 24 minutes" is read whole, by model_claims
    for minutes in re.findall(r"(\d+)[- ]min", alone):
        if movie.runtime is None or int(minutes) != movie.runtime:
            errors.append(f"runtime {minutes}")
    pattern = r"(?<!set )\b(?:from|released in|made in|came out in|a|an)\s+(?:the\s+)?((?:1[89]|20)\d\d)(s?)\b"
    for year, decade in re.findall(pattern, lowered):
        low = int(year)
        if movie.year is None or not (low <= movie.year <= low + 9 if decade else movie.year == low):
            errors.append(f"year {year}{decade}")
    errors += [f"genre {g}" for g in _genres_claimed(lowered) if g not in movie.genres]
    for verb, person in re.findall(r"((?i:directed by|starring)) ([A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)*)", text):
        people = movie.directors if verb.lower() == "directed by" else [*movie.cast, *movie.directors]
        person = re.sub(r"(?<=\w\w)\.$", "", person.strip())  # the sentence's full stop, not an initial's
        if person not in people:
            errors.append(f"person {person}")
    for name in re.findall(rf"\bin ({_ANY_LANGUAGE})\b(?!\s+[A-Z])|\b({_ANY_LANGUAGE})-language", text):
        said = next(n for n in name if n)
        if LANGUAGES.get(movie.language or "") != said:
            errors.append(f"language {said}")
    return errors


def _genres_claimed(lowered: str) -> list[str]:
    """The genres "a romance thriller" or "an action film" says the film is."""
    words = "|".join(re.escape(w) for w in sorted(_GENRE_WORDS, key=len, reverse=True))
    claimed = []
    for match in re.finditer(rf"\b(?:a|an|is|it's)\s+(?:[\w-]+\s+){{0,2}}?((?:(?:{words})[\s-]+)*(?:{words}))\b"
                             rf"(\s+{_FILM_WORDS})?", lowered):  # fmt: skip
        run = re.findall(words, match.group(1))
        if len(run) == 1 and run[0] in _PLAIN_NOUNS and not match.group(2):
            continue
        claimed += [_GENRE_WORDS[w] for w in run]
    return claimed


# -- what people here said of it ---------------------------------------------------------------

_PEOPLE = r"(?:people|users|viewers|fans|members|raters|others|everyone|everybody|nobody|folks|audiences?)"
_CROWD = re.compile(
    rf"\b{_PEOPLE}\b(?:\s+\w+){{0,3}}?\s+(?:who|that)\s+(?:also\s+)?(?:liked|loved|enjoyed|adored|rated|gave|saw)\b"
    rf"|\b{_PEOPLE}\b(?:\s+here)?\s+(?:also\s+)?(?:liked|loved|enjoyed|adored|rated|gave)\s+(?:it|this|the)\b"
    rf"|\b(?:liked|loved|enjoyed|rated\s+\w+)\s+by\s+(?:\w+\s+){{0,3}}?{_PEOPLE}\b"
    r"|\bfans of\b|\b\d+\s*(?:%|per ?cent)\s+of\b"
    r"|(?<![\d.])\b\d+\s+(?:of|out of)\s+(?:the\s+)?\d+\b",  # "8.4 out of 10" is a score
    re.IGNORECASE,
)  # a sentence about how people liked or rated a film, not "two people fall in love"
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20,
}  # fmt: skip
_ALL = re.compile(r"\b(?:all|every|everyone|everybody|each)\b", re.IGNORECASE)
_MOST = re.compile(r"\b(?:most|majority|nearly all|almost all|mostly|many|plenty)\b", re.IGNORECASE)
_NONE = re.compile(r"\b(?:nobody|no one|none)\b", re.IGNORECASE)


def is_crowd_claim(sentence: str) -> bool:
    """Whether a sentence says how other people liked or rated something."""
    return bool(_CROWD.search(sentence))


def crowd_errors(sentence: str, verdicts: list[Verdict]) -> list[str]:
    """What a claim about how people here rated the pick says beyond the counts (agent.crowd).

    The claim must name a reference title with a verdict, every number in it must be one of that
    verdict's counts (or their share in per cent), and "all", "most" or "nobody" must be true.
    """
    lowered = sentence.lower()
    named = [v for v in verdicts if v.reference.lower() in lowered]
    if not named:
        return ["a claim about other people's ratings with no counts behind it"]
    verdict = named[0]
    rest = lowered
    for title in (verdict.reference, verdict.pick):
        rest = rest.replace(title.lower(), " ")
    rest = re.sub(r"\((?:19|20)\d\d\)", " ", rest)  # "Se7en (1995)": the title's year, not a count
    said = [float(n) for n in re.findall(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.]\d)", rest)]
    said += [float(_NUMBER_WORDS[w]) for w in re.findall(r"[a-z]+", rest) if w in _NUMBER_WORDS]
    counts = {verdict.fans, verdict.rated, verdict.liked, LIKED_STARS, 5}
    shares = {round(100 * verdict.liked / d) for d in (verdict.rated, verdict.fans) if d}
    shares |= {round(100 * verdict.rated / verdict.fans)} if verdict.fans else set()
    percent = "%" in rest or "per cent" in rest or "percent" in rest
    errors = [f"number {n:g}" for n in said if n not in counts and not (percent and round(n) in shares)]
    if _ALL.search(rest) and verdict.liked != verdict.rated:
        errors.append(f"'all' but {verdict.liked} of {verdict.rated}")
    if _MOST.search(rest) and 2 * verdict.liked <= verdict.rated:
        errors.append(f"'most' but {verdict.liked} of {verdict.rated}")
    if _NONE.search(rest) and verdict.liked:
        errors.append(f"'nobody' but {verdict.liked} of {verdict.rated}")
    quantified = said or _ALL.search(rest) or _MOST.search(rest) or _NONE.search(rest)
    if not quantified and 2 * verdict.liked <= verdict.rated:  # "people who liked Se7en liked this too"
        errors.append(f"liked, but by {verdict.liked} of {verdict.rated}")
    return errors


def _rated(movie: Movie, floor: float) -> str:
    if movie.rating is None:
        return "unrated"
    rated = f"rated {shown_rating(movie.rating, floor)}"
    if movie.rating_that_counts is None:
        return f"{rated} by only {movie.votes} {'person' if movie.votes == 1 else 'people'}"
    return rated


def relaxation_note(movies: list[Movie], request: Mapping) -> str:
    """What a relaxed search let through, and by how much, said once for the whole answer."""
    notes, who = loosened(movies, request)
    if not notes:
        return ""
    return f"Nothing matched everything, so I loosened {' and '.join(notes)}: {who} outside what you asked."


def loosened(movies: list[Movie], request: Mapping) -> tuple[list[str], str]:
    """The constraints the picks break, each with how far ("the years (picks from 2018, outside
    2022)"), and how many of the picks break one ("all of them are", "1 of 3 are")."""
    notes = []
    outside = {name: [m for m in movies if name in breaks(m, request)] for name in
               ("years", "runtime", "languages", "genres", "people", "min_rating", "countries", "themes",
                "studios")}  # fmt: skip
    if outside["years"]:
        years = sorted(m.year for m in outside["years"] if m.year)
        span = f"{years[0]}" if len(set(years)) == 1 else f"{years[0]} to {years[-1]}"
        notes.append(f"the years (picks from {span}, outside {years_asked(request)})")
    if outside["runtime"]:  # "(up to 178 minutes)", "(down to 95 minutes)", "(95 to 178 minutes)"
        lengths = [m.runtime for m in outside["runtime"] if m.runtime]
        low, high = request.get("min_runtime"), request.get("max_runtime")
        shorter = [n for n in lengths if low and n < low]
        longer = [n for n in lengths if high and n > high]
        how = []
        if shorter and longer:
            how.append(f"{min(shorter)} to {max(longer)} minutes")
        elif shorter:
            how.append(f"down to {min(shorter)} minutes")
        elif longer:
            how.append(f"up to {max(longer)} minutes")
        if len(lengths) < len(outside["runtime"]):  # a film of no recorded length was "up to 0 minutes"
            how.append("some of unknown length" if how else "to films of unknown length")
        notes.append(f"the runtime ({', '.join(how)})")
    if outside["languages"]:
        spoken = sorted({LANGUAGES.get(m.language or "", "unknown") for m in outside["languages"]})
        notes.append(f"the language ({', '.join(spoken)})")
    if outside["genres"]:
        notes.append("the genres")
    if outside["people"]:
        notes.append("the people you named")
    if outside["min_rating"]:
        counted = [m.rating_that_counts for m in outside["min_rating"] if m.rating_that_counts is not None]
        how = [f"down to {shown_rating(min(counted), request['min_rating'])}"] if counted else []
        if any(m.rating is not None and m.rating_that_counts is None for m in outside["min_rating"]):
            how.append("some rated by too few people to count")
        if any(m.rating is None for m in outside["min_rating"]):
            how.append("some unrated")
        notes.append(f"the rating floor ({', '.join(how)})")
    if outside["countries"]:
        notes.append("the country")
    if outside["themes"]:
        notes.append(tagged(request["require_keywords"], verb="the tag"))
    if outside["studios"]:
        notes.append("the studio")
    count = sum(1 for m in movies if breaks(m, request))
    who = (
        "it is" if len(movies) == 1 else "all of them are" if count == len(movies) else f"{count} of {len(movies)} are"
    )
    return notes, who

"""Why each pick: facts that tie it to the request and the user, as templates or one LLM call."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from pydantic import BaseModel

import prompts
from agent.deps import Deps
from agent.factcheck import (
    a_or_an,
    asked_clause,
    asked_genres,
    breaks,
    genre_phrase,
    implied_tags,
    outside_clause,
    sentences,
    tagged,
)
from agent.like_wording import tie, tied
from agent.profile import SAID, THUMBS, Profile, as_given
from agent.theme_tags import shared_themes
from agent.understanding.request import Request
from agent.untrusted import own_links, sanitise, unknown_references
from store.catalog import Catalog
from store.filters import has_tag, has_theme
from store.movie import Movie, normalise_title, shown_rating
from store.vocab import LANGUAGES

MAX_EXPLANATION = 400


class Explanation(BaseModel):
    id: str
    text: str = ""  # an empty one is skipped, not a reason to throw away the others


class Explanations(BaseModel):
    explanations: list[Explanation]


# -- facts ---------------------------------------------------------------------------------


YOURS = ", which you "  # what every reason resting on the user's own rating says
A_FILM_YOU_LIKED = "a film you liked"  # ... and says in public, without the film or the stars


def your_rating(stars: float, reaction: str | None = None) -> str:
    """A rating as the user would own it: "loved it" is stored as 5 stars, so a 5 reads "which you
    loved (5/5)" rather than claiming they typed "5/5"; a 4 "liked", the rest "rated". A 👍 or 👎
    is said as what it was, and "I liked Heat" in chat "which you liked": their stored stars are
    none the user gave."""
    if reaction in SAID:
        return f"which you {reaction}"
    if reaction in THUMBS:
        return f"which you {'liked' if reaction == 'like' else 'gave a thumbs down'} {THUMBS[reaction]}"
    verb = "loved" if stars >= 5 else "liked" if stars >= 4 else "rated"
    return f"which you {verb} ({as_given(stars)})" if verb != "rated" else f"which you rated {as_given(stars)}"


def reasons_for(
    movie: Movie,
    *,
    request: Request,
    anchors: list[Movie],
    profile: Profile | None,
    catalog: Catalog,
    in_public: bool = False,
    lesser: bool | None = None,
    unlike: Collection[str] = (),
) -> list[str]:
    """Concrete, checkable reasons, strongest first. Each names the fact it rests on; `in_public`
    (a movie night, read by the whole channel) leaves out which film of the user's it is and their stars;
    `lesser` says whether a wish for lesser-known films is met by this one (agent.scoring.lesser_known);
    `unlike` holds the references the film is not like (agent.nodes.likeness), which its reasons
    tie it to by what it shares, never as "like" them (agent.like_wording)."""
    reasons: list[str] = []
    asked = asked_clause(movie, request)
    card = movie.card_genres(asked_genres(request))  # all a reason may call it: its card lists only these
    for anchor in anchors:
        rated = profile.ratings.get(anchor.id) if profile is not None else None
        reaction = profile.reactions.get(anchor.id) if profile is not None else None
        suffix = f", {your_rating(rated, reaction)}" if rated is not None else ""
        # what it shares with the film said once ("with X and sharing the theme Y, like Alien, which you
        # loved (5/5)"), and no person the "as you asked" clause names already
        if facts := _shared_with(movie, anchor, named=asked, card=card):
            shared = " and ".join([facts[0], *(f.replace("shares", "sharing", 1) for f in facts[1:])])
            reasons.append(tie(shared, anchor, like=anchor.id not in unlike) + suffix)
    if profile is not None and not profile.is_empty:
        for liked_id in profile.liked()[:20]:
            liked = catalog.movies[liked_id]
            yours = your_rating(profile.ratings[liked_id], profile.reactions.get(liked_id))
            said = " ".join(reasons)  # a person a reason names already is not a second reason
            shared_director = {d for d in movie.directors if d in liked.directors and d not in said}
            if shared_director:
                director = sorted(shared_director)[0]
                reasons.append(f"by {director}, who made a film you liked" if in_public
                               else f"same director as {liked.title} ({director}), {yours}")  # fmt: skip
                break
            shared_cast = [a for a in movie.cast if a in liked.cast and a not in said]
            if shared_cast and not set(movie.directors) & set(liked.directors):
                reasons.append(f"{shared_cast[0]} stars, as in a film you liked" if in_public
                               else f"{shared_cast[0]} stars, as in {liked.title}, {yours}")  # fmt: skip
                break
        if not any(YOURS in r or r.endswith(A_FILM_YOU_LIKED) for r in reasons):
            taste = taste_reason(movie, profile, catalog, in_public=in_public, asked=asked_genres(request))
            if taste:
                reasons.append(taste)
    outside = outside_clause(movie, request)
    if outside:
        reasons.insert(0, outside)
    if asked:
        reasons.append(asked)
    elif anchors and not any(tied(r, a) for r in reasons for a in anchors):
        # under "like Amélie", a pick that shares only a genre with it says so rather than nothing
        for anchor in anchors:
            if genres := [g for g in card if g in anchor.genres]:
                reasons.insert(bool(outside), tie(a_or_an(genre_phrase(genres)), anchor, like=anchor.id not in unlike))
                break
    if (implied := implied_tags(request)) and all(has_tag(movie.keywords, tag) for tag in implied):
        reasons.append(tagged(implied))  # true of the film, though never asked for as such
    moods = [m for m in request.get("moods") or [] if m in movie.moods]
    if moods:
        reasons.append(f"{' and '.join(moods)} in tone")
    themes = [k for k in request.get("keywords") or [] if has_theme(movie.keywords, k)]
    if themes:
        listed = " and ".join(f'"{t}"' for t in themes[:2])
        reasons.append(f"{listed} {'is' if len(themes) == 1 else 'are'} among its themes")
    if movie.rating is not None and "min_rating" not in breaks(movie, request):  # else the outside clause says it
        # the floor the intro names: under "best", the one read, which the films filling the answer miss
        rated = shown_rating(movie.rating, request.get("best_rated") or request.get("min_rating"))
        if request.get("hidden_gem") and movie.votes and movie.votes < 100_000 and lesser is not False:
            reasons.append(f"rated {rated} yet only {vote_count(movie.votes)} vote{'s' * (movie.votes != 1)}")
        else:
            votes = f" from {vote_count(movie.votes)} votes" if movie.votes and movie.votes >= 1000 else ""
            reasons.append(f"rated {rated}{votes}")
    return reasons


TASTE_EVIDENCE = 3  # liked films sharing a genre before "you tend to rate ... highly" is a fair claim


def taste_reason(
    movie: Movie, profile: Profile, catalog: Catalog, *, in_public: bool = False, asked: Sequence[str] = ()
) -> str:
    """A claim about taste only on enough evidence: three or more liked films in the genre make
    a tendency; fewer are named for what they are ("since you liked Amélie, also a comedy"), or in
    public (a movie night) not named ("a comedy, like a film you liked")."""
    liked = [catalog.movies[m] for m in profile.liked() if m in catalog and m != movie.id]
    best = ""
    card = movie.card_genres(asked)  # the genres its card shows, those `asked` for first
    for affinity, genre in sorted(((profile.genres.get(g, 0.0), g) for g in card), reverse=True):
        sharing = [m for m in liked if genre in m.genres]
        if len(sharing) >= TASTE_EVIDENCE and affinity > 0.15:
            return f"you tend to rate {genre} films highly ({len(sharing)} you liked)"
        if sharing and not best:
            best = (f"{a_or_an(genre + ' film')}, like {A_FILM_YOU_LIKED}" if in_public
                    else f"since you {verdict_verb(sharing[0].id, profile)} {sharing[0].title}, "
                         f"also {a_or_an(genre + ' film')}")  # fmt: skip
    return best


def verdict_verb(movie_id: str, profile: Profile) -> str:
    """ "loved" or "liked", as your_rating says it: the word said in chat, a 👍 as liked, 5 stars as loved;
    the one word for a liked film wherever it is named (reasons, agent.nodes.taste_intro's first line)."""
    reaction = profile.reactions.get(movie_id)
    if reaction in ("liked", "loved"):
        return reaction
    return "loved" if reaction not in THUMBS and profile.ratings.get(movie_id, 0) >= 5 else "liked"


def links_to(movie: Movie, anchor: Movie) -> list[str]:
    """Everything concrete two films share, for "why the second one?": people, themes,
    genres, era and tone."""
    links = []
    directors = [d for d in movie.directors if d in anchor.directors]
    if directors:
        links.append(f"same director ({directors[0]})")
    cast = [a for a in movie.cast if a in anchor.cast]
    if cast:
        links.append(f"{' and '.join(cast[:2])} in both")
    themes = shared_themes(movie, anchor)
    if themes:
        links.append("shared themes: " + ", ".join(f'"{t}"' for t in themes[:3]))
    genres = [g for g in movie.genres if g in anchor.genres]
    if genres:
        links.append("both " + ", ".join(genres))
    if movie.year and anchor.year:
        gap = movie.year - anchor.year
        if movie.year // 10 == anchor.year // 10:
            links.append(f"both from the {movie.year // 10 * 10}s")
        else:
            links.append(f"made {abs(gap)} years {'after' if gap > 0 else 'before'} it")
    moods = [m for m in movie.moods if m in anchor.moods]
    if moods:
        links.append(f"both {' and '.join(moods[:2])} in tone")
    elif movie.moods and anchor.moods:  # a film with no tone labels is of no known tone
        links.append(f"a different tone ({', '.join(movie.moods[:2])} rather than {', '.join(anchor.moods[:2])})")
    return links


def _shared_with(movie: Movie, anchor: Movie, *, named: str = "", card: Sequence[str] = ()) -> list[str]:
    """What the film shares with a reference, at most two facts; a person `named` (by the "as you
    asked" clause) goes unsaid here, and with them whoever else they worked with."""
    facts = []
    directors = [d for d in movie.directors if d in anchor.directors]
    if directors and directors[0] not in named:
        facts.append(f"directed by {directors[0]}")
    cast = [a for a in movie.cast if a in anchor.cast]
    if cast and not directors and cast[0] not in named:
        facts.append(f"with {cast[0]}")
    genres = [g for g in card or movie.main_genres if g in anchor.genres]  # only what its card calls it
    keywords = shared_themes(movie, anchor)
    if keywords:
        facts.append(f'shares the theme "{keywords[0]}"')
    elif len(genres) >= 2 and not facts:
        facts.append(a_or_an(genre_phrase(genres)))
    return facts[:2]


def vote_count(votes: int) -> str:
    """A vote count as a reply says it: "8k", "1.2M", "640"."""
    if votes >= 1_000_000:
        return f"{votes / 1_000_000:.1f}M"
    if votes >= 1000:
        return f"{votes // 1000}k"
    return str(votes)


def template_explanation(movie: Movie, reasons: list[str]) -> str:
    """Up to three reasons, then the premise in the catalog's own words."""
    head = "; ".join(reasons[:3])
    head = head[0].upper() + head[1:] + "." if head else ""
    premise = first_sentence(movie.overview)
    return " ".join(x for x in (head, premise) if x)[:MAX_EXPLANATION]


def first_sentence(text: str, limit: int = 200) -> str:
    if not text:
        return ""
    sentence = sentences(text)[0]  # not cut at "When U.S." or "Desmond T."
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rsplit(" ", 1)[0] + "…"


# -- the LLM path --------------------------------------------------------------------------


def render_movies(movies: list[Movie], reasons: dict[str, list[str]] | None = None) -> str:
    """The one way retrieved movies are shown to a model: id, facts, and our reasons."""
    blocks = []
    for movie in movies:
        lines = [f"- id: {movie.id}", f"  title: {movie.label}"]
        for label, value in (
            ("genres", ", ".join(movie.genres)),
            ("directors", ", ".join(movie.directors)),
            ("cast", ", ".join(movie.cast[:4])),
            ("runtime", f"{movie.runtime} min" if movie.runtime else ""),
            ("language", LANGUAGES.get(movie.language or "", "")),
            ("rating", f"{movie.rating:.1f}/10" if movie.rating is not None else ""),
            ("moods", ", ".join(movie.moods)),
            ("keywords", ", ".join(movie.keywords[:8])),
            ("synopsis", movie.overview),
        ):
            if value:
                lines.append(f"  {label}: {value}")
        if reasons and reasons.get(movie.id):
            lines.append("  why it fits: " + "; ".join(reasons[movie.id]))
        blocks.append("\n".join(lines))
    return "\n".join(blocks)


def llm_explanations(
    deps: Deps,
    movies: list[Movie],
    reasons: dict[str, list[str]],
    *,
    request_text: str,
    profile_summary: str,
    excluded_titles: list[str],
    allowed_ids: set[str],
) -> dict[str, str]:
    """One batched call for every pick; an explanation naming an unknown title is dropped."""
    if deps.llm is None or not movies:
        return {}
    prompt = prompts.render(
        "explain",
        request=request_text or "(no specific request)",
        profile=profile_summary,
        movies=render_movies(movies, reasons),
        exclude=", ".join(excluded_titles[:40]) or "none",
    )
    answer = deps.llm.ask(Explanations, "You explain movie picks using only the facts given.", prompt)
    if not isinstance(answer, Explanations):
        return {}
    by_id = {m.id: m for m in movies}
    known = [deps.catalog.movies[i].title for i in allowed_ids if i in deps.catalog] + sorted(_names_of(movies))
    texts: dict[str, str] = {}
    for item in answer.explanations:
        movie = by_id.get(item.id)
        if movie is None:
            continue
        text = untouched_sentences(item.text, own_links(movie))
        if not text or len(text) > MAX_EXPLANATION:
            continue
        # a film the user could not have brought up, in the catalog or not: the template instead
        unknown = unknown_references(text, known, is_title=lambda key: bool(deps.catalog.ids_for_title(key)))
        if unknown or named_titles(text, deps.catalog, ignore=_names_of(movies)) - allowed_ids:
            continue
        texts[item.id] = text
    return texts


def untouched_sentences(text: str, links: list[str]) -> str:
    """The sentences the sanitiser leaves whole: one that held a ping or a foreign link would read
    "Watch it at now." without it, so it goes."""
    kept = []
    for sentence in re.split(r"(?<=[.!?…])\s+", text.strip()):  # finer than sentences(): "film. @everyone"
        clean = sanitise(sentence, links=links)
        if clean and _WHITESPACE.sub("", clean) == _WHITESPACE.sub("", sentence):
            kept.append(clean)
    return " ".join(kept)


_WHITESPACE = re.compile(r"\s+")


def _names_of(movies: list[Movie]) -> set[str]:
    return {normalise_title(n) for m in movies for n in (*m.directors, *m.cast)}


_SPAN = re.compile(  # "The Silence of the Lambs": joining words between capitals, more than one in a row too
    r"[\"“*_]([^\"”*_]{2,80})[\"”*_]"
    r"|((?:[A-Z0-9][\w'’:\-.&]*(?:(?:\s+(?:of|the|a|an|and|in|on|to|for|&))+\s+|\s+)?)+)"
)


def named_titles(text: str, catalog: Catalog, *, ignore: set[str] = frozenset()) -> set[str]:
    """Ids of catalog movies a text names, read from quoted or capitalised spans.

    A lone capitalised word at a sentence start ("It", "Up") is not taken for a title.
    """
    found: set[str] = set()
    for match in _SPAN.finditer(text):
        span = (match.group(1) or match.group(2) or "").strip()
        words = span.split()
        if not words:
            continue
        at_start = match.start() == 0 or text[: match.start()].rstrip().endswith((".", "!", "?", ":"))
        covered: set[int] = set()  # words already read as a title or a person's name
        for size in range(len(words), 0, -1):
            for start in range(len(words) - size + 1):
                if covered & set(range(start, start + size)):
                    continue
                key = normalise_title(" ".join(words[start : start + size]))
                if not key:
                    continue
                if key in ignore:
                    covered.update(range(start, start + size))
                    continue
                if size == 1 and (len(key) < 4 or (start == 0 and at_start and not match.group(1))):
                    continue
                ids = catalog.ids_for_title(key)
                if ids:
                    found.update(ids)
                    covered.update(range(start, start + size))
    return found

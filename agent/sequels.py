"""A film's sequels, as the catalog can tell them: the later films of its series (the titles that
carry on its title, or the title it carries on: store.catalog.Catalog.series_of), a later film
of its title made plural with someone of it ("Aliens" after "Alien"), and a later film whose title
holds a word only this series' titles carry with the series' people or, uncredited, its genres
("Furious 7", "The Fate of the Furious" after "The Fast and the Furious", which the title alone
missed). The catalog records no collections or release dates, so a film of the same year is not
called later, and the answer says how it looked.

A film numbered before the one asked about (Episode I after Episode IV) came out later but is a
prequel, and is said to be one, never listed among the sequels."""

from __future__ import annotations

import functools
import itertools
import re
import weakref
from typing import NamedTuple

from agent.prose import prose_list
from agent.understanding.sequels import sequels_asked
from store.catalog import Catalog, TitleMatch, continues
from store.movie import Movie

_EPISODE = re.compile(r"\bepisode\s+(?P<n>\d{1,2}|[ivx]{1,5})\b")
# "The Godfather: Part II": a part numbers the series only after the whole title of a film of it
# ("The Hunger Games: Mockingjay - Part 1" is the first part of Mockingjay, not of the series)
_PART = re.compile(r"^(?P<name>.+?)[\s:,–—-]*\b(?:part|chapter)\s+(?P<n>\d{1,2}|[ivx]{1,5})\b")
_LAST_PART = re.compile(_PART.pattern + r"$")
_ROMAN = {"i": 1, "v": 5, "x": 10}
_SMALL_WORDS = frozenset({"the", "a", "an", "and", "of", "in", "on", "to", "&", "part", "episode", "chapter"})
RARE = 10  # titles outside the series a word may be in and still mark the series ("furious", "wars")


def sequels_of(movie_id: str, catalog: Catalog) -> tuple[list[Movie], list[Movie]]:
    """The films of this film's series released after it, and those of its year, oldest first;
    prequels (numbered before it) among them: see prequels_of."""
    movie = catalog.movies[movie_id]
    if movie.year is None:
        return [], []
    series = _series(movie_id, catalog)
    films = sorted((catalog.movies[m] for m in series - {movie_id}), key=lambda m: (m.year or 0, m.title))
    return [m for m in films if (m.year or 0) > movie.year], [m for m in films if m.year == movie.year]


def _series(movie_id: str, catalog: Catalog) -> frozenset[str]:
    """Its series' films of its own kind: an animated spin-off of a live-action series is none (spin_offs)."""
    return _found(movie_id, catalog).series


def _members(movie_id: str, catalog: Catalog) -> frozenset[str]:
    return _found(movie_id, catalog).members


class _Found(NamedTuple):
    """A film's series as the catalog's titles, title words and people tell it."""

    titled: frozenset[str]  # the films whose titles carry its title on, or it theirs (_titled_series)
    worded: frozenset[str]  # the later films joined by a title word and leads or genres (_by_franchise_words)
    members: frozenset[str]  # those, and the uncredited films whose titles open as all of theirs (_by_opening)
    series: frozenset[str]  # the members of its own kind (_same_kind)


_FOUND: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _found(movie_id: str, catalog: Catalog) -> _Found:
    """Its series, found once per catalog and film: one answer found it five or six times over."""
    known = _FOUND.setdefault(catalog, {})
    if (found := known.get(movie_id)) is None:
        movie = catalog.movies[movie_id]
        titled = _titled_series(movie_id, catalog)
        worded = _by_franchise_words(movie, titled, catalog)
        members = titled | worded | _by_opening(titled | worded | {movie_id}, catalog)
        series = {m for m in members if _same_kind(movie, catalog.movies[m])}
        found = known[movie_id] = _Found(*map(frozenset, (titled, worded, members, series)))
    return found


def spin_offs(movie_id: str, catalog: Catalog) -> list[Movie]:
    """The films its series' titles took in but _series leaves out as of another kind, oldest first:
    "star wars sequels" listed Star Wars: The Clone Wars (2008, animated) with The Empire Strikes Back."""
    left = _members(movie_id, catalog) - _series(movie_id, catalog)
    return sorted((catalog.movies[m] for m in left), key=lambda m: (m.year or 9999, m.title))


def _by_opening(series: set[str], catalog: Catalog) -> set[str]:
    """Films with no one credited whose titles begin with the words all the series' titles begin with
    ("harry potter and the"), two of them at least not small words: the Deathly Hallows parts, which
    MovieLens lists uncredited, so neither leads nor (other) genres joined them, and the watch order
    of the Harry Potter films listed 6 of 8. Not a documentary about them."""
    if len(series) < 2:
        return set()
    heads = [re.findall(r"[\w'.&-]+", catalog.movies[m].title.casefold()) for m in series]
    opening = list(itertools.takewhile(lambda words: len(set(words)) == 1, zip(*heads, strict=False)))
    opening = [words[0] for words in opening]
    if sum(w not in _SMALL_WORDS for w in opening) < 2:
        return set()
    return {
        m
        for m in catalog.titled(" ".join(opening))
        if not (other := catalog.movies[m]).cast and not other.directors and "documentary" not in other.genres
    }


def _titled_series(movie_id: str, catalog: Catalog) -> set[str]:
    series: set[str] = set()
    movie = catalog.movies[movie_id]
    for root in {movie_id} | _roots(movie, catalog) | _other_parts(movie, catalog) | _singular_roots(movie, catalog):
        series |= catalog.series_of(root) | _plural_sequels(catalog.movies[root], catalog)
    return series


def _roots(movie: Movie, catalog: Catalog) -> set[str]:
    """The films whose titles this one carries on: The Matrix for The Matrix Reloaded, Star Wars for
    The Empire Strikes Back (as "Star Wars: Episode V - ...")."""
    found = set()
    for title in (t.casefold() for t in movie.titles):
        for word in re.finditer(r"[\w'.&-]+", title):
            head = title[: word.end()]
            if word.end() < len(title) and continues(title, head):
                found |= {m for m in catalog.titled(head) if head in (t.casefold() for t in catalog.movies[m].titles)}
    return found


def _other_parts(movie: Movie, catalog: Catalog) -> set[str]:
    """The films whose titles differ from this one's only by the part number they end with: "Harry
    Potter and the Deathly Hallows: Part 2" for Part 1, which no title carries on."""
    found = set()
    for title in (t.casefold() for t in movie.titles):
        if (m := _LAST_PART.match(title)) is None:
            continue
        for other in catalog.titled(m["name"]):
            if any(
                (o := _LAST_PART.match(t.casefold())) and o["name"] == m["name"] for t in catalog.movies[other].titles
            ):
                found.add(other)
    return found


def _plural_sequels(movie: Movie, catalog: Catalog) -> set[str]:
    """ "Aliens" after "Alien": its title plus an s, sharing its director or one of its three leads
    (a plural title alone may be another story altogether)."""
    plural = f"{movie.title}s".casefold()
    made_by = set(movie.directors) | set(movie.cast[:3])
    return {
        other.id
        for m in catalog.titled(plural)
        if (other := catalog.movies[m]).title.casefold() == plural
        and made_by & (set(other.directors) | set(other.cast[:3]))
    }


def _singular_roots(movie: Movie, catalog: Catalog) -> set[str]:
    """ "Alien" for "Aliens": the earlier film whose title this one makes plural, sharing someone of
    it, as _plural_sequels joins them the other way; unjoined, "what comes after aliens?" said no
    later film carries its title on, with Alien³ (1992) in the catalog."""
    if not movie.title.endswith("s") or movie.year is None:
        return set()
    singular = movie.title[:-1].casefold()
    made_by = set(movie.directors) | set(movie.cast[:3])
    return {
        other.id
        for m in catalog.titled(singular)
        if (other := catalog.movies[m]).title.casefold() == singular
        and (other.year or movie.year) < movie.year
        and made_by & (set(other.directors) | set(other.cast[:3]))
    }


def _by_franchise_words(movie: Movie, series: set[str], catalog: Catalog) -> set[str]:
    """Later films the titles alone did not join to the series: their title holds a word every film
    of the series has in one of its titles and few other titles have ("furious"), and they share
    one of the series' three leads (a director goes on to other films: Mission to Mars), or, with
    no one credited and the series of several films, every genre of the film asked about (Kung Fu
    Panda: Secrets of the Furious Five does neither). Not a documentary about it. A film alone
    ("Harry Potter and the Philosopher's Stone") is joined by its leads only."""
    if movie.year is None:
        return set()
    films = [catalog.movies[m] for m in series | {movie.id}]
    marks = set.intersection(*(_words(f) for f in films))
    marks = {w for w in marks if len(_carriers(catalog, w) - series - {movie.id}) <= RARE}
    leads = {p for f in films for p in f.cast[:3]}
    found = set()
    for word in marks:
        for other_id in _carriers(catalog, word) - series - {movie.id}:
            other = catalog.movies[other_id]
            if (other.year or 0) <= movie.year or "documentary" in other.genres:
                continue
            if set(other.cast[:3]) & leads or (
                len(films) > 1 and not other.cast and not other.directors and set(movie.genres) <= set(other.genres)
            ):
                found.add(other_id)
    return found


def _words(movie: Movie) -> set[str]:
    """The words of a film's titles that could name a series ("fast", "furious"; not "the")."""
    return {w for t in movie.titles for w in re.findall(r"[a-z]+", t.casefold()) if w not in _SMALL_WORDS}


def _carriers(catalog: Catalog, word: str) -> set[str]:
    return _word_index(catalog).get(word, set())


_INDEXES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _word_index(catalog: Catalog) -> dict[str, set[str]]:
    """Each title word -> the films with it in a title, built once per catalog (and let go with it)."""
    if (index := _INDEXES.get(catalog)) is None:
        index = {}
        for movie in catalog.movies.values():
            for word in _words(movie):
                index.setdefault(word, set()).add(movie.id)
        _INDEXES[catalog] = index
    return index


def episode(movie: Movie, names: frozenset[str] = frozenset()) -> int | None:
    """The number a film's titles give it in its series ("Star Wars: Episode V - ..." is 5, "The
    Godfather: Part II" 2 when "the godfather" is among `names`, the series' titles), else None."""
    if (m := _number_match(movie, names)) is None:
        return None
    return int(m["n"]) if m["n"].isdigit() else _roman(m["n"])


def _number_match(movie: Movie, names: frozenset[str]) -> re.Match | None:
    for title in (t.casefold() for t in movie.titles):
        if m := _EPISODE.search(title):
            return m
        if (m := _PART.search(title)) and m["name"] in names:
            return m
    return None


def titles_of(films) -> frozenset[str]:
    """The series' titles, casefolded: what may come before a "Part N" that numbers the series."""
    return frozenset(t.casefold() for f in films for t in f.titles)


def _roman(text: str) -> int:
    values = [_ROMAN[c] for c in text]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def split_prequels(movie: Movie, later: list[Movie]) -> tuple[list[Movie], list[Movie]]:
    """(sequels and other later films, prequels): a later film numbered before this one is a prequel."""
    names = titles_of([movie, *later])
    number = episode(movie, names)
    if number is None:
        return later, []
    before = [m for m in later if (n := episode(m, names)) is not None and n < number]
    return [m for m in later if m not in before], before


def sequels_question(text: str, catalog: Catalog, *, filters: bool = False) -> str | None:
    """The answer to a structured request whose text asks for a film's sequels ("star wars sequels"),
    which read as a theme answered Terminator Genisys "about 'sequel'", Star Wars said nowhere;
    None when the text asks no such thing about a film the catalog has."""
    found = sequels_asked(" ".join(text.lower().split()), catalog)
    if not isinstance(found, TitleMatch):
        return None
    unused = " It asks about a film's sequels, so the filters were not used." if filters else ""
    return sequels_said(found.movie_id, catalog) + unused


def sequels_said(movie_id: str, catalog: Catalog) -> str:
    """ "Later films of The Dark Knight (2008)'s series in my catalog: The Dark Knight Rises (2012).",
    the prequels among them said apart, or that it has none."""
    movie = catalog.movies[movie_id]
    later, same_year = sequels_of(movie_id, catalog)
    later, prequels = split_prequels(movie, later)
    alongside = f" {prose_list([m.label for m in same_year])} came out the same year." if same_year else ""
    before = _prequels_said(movie, prequels) + _numbered_after_said(movie, catalog)
    apart = spin_offs_said(movie_id, catalog, later_only=True)
    if later:
        titles = prose_list([m.label for m in later])
        titled, worded = _found(movie_id, catalog)[:2]
        joined = [m.label for m in later if m.id in worded]
        opened = [m.label for m in later if m.id not in worded | titled]
        how = _joined_said(joined, everyone=len(joined) == len(later)) + _opening_said(opened)
        return f"Later films of {movie.label}'s series in my catalog: {titles}.{how}{before}{alongside}{apart}"
    if prequels or same_year or apart:
        return f"My catalog has no later film of {movie.label}'s series.{before}{alongside}{apart}"
    return (
        f"My catalog has no sequel to {movie.label}: no later film carries its title on. "
        f'Say "something like {movie.title}" for films like it.'
    )


def sequel_films(movie_id: str, catalog: Catalog) -> list[Movie]:
    """Its sequels, oldest first, as "seen star wars and its sequels" marks them: the later films of its
    series (none of another kind: _series) but the prequels among them."""
    return split_prequels(catalog.movies[movie_id], sequels_of(movie_id, catalog)[0])[0]


def _same_kind(movie: Movie, other: Movie) -> bool:
    """An animated film of a live-action series is a spin-off unless it shares the series' leads or director."""
    if "animation" not in other.genres or "animation" in movie.genres:
        return True
    return bool((set(movie.directors) | set(movie.cast[:3])) & (set(other.directors) | set(other.cast[:3])))


def no_sequels_note(movie_ids: list[str], catalog: Catalog) -> str:
    """ "I watched heat and its sequels": that the catalog has none, so none was marked."""
    if not movie_ids:
        return ""
    return (
        f" My catalog has no sequel to {prose_list([catalog.movies[m].label for m in movie_ids])}, so none was marked."
    )


def next_films(movie_id: str, catalog: Catalog) -> list[Movie]:
    """The later films of its series of the first year after it, prequels left out (one, mostly)."""
    later = sequel_films(movie_id, catalog)
    return [m for m in later if m.year == later[0].year]


def next_said(movie_id: str, catalog: Catalog) -> str:
    """ "what comes after the empire strikes back?": the first later film of its series by release
    year ("Return of the Jedi (1983)"), prequels left out; films of one year said together, as the
    catalog records no release dates; as sequels_said says it when there is no later film."""
    movie = catalog.movies[movie_id]
    first = next_films(movie_id, catalog)
    if not first:
        return sequels_said(movie_id, catalog)
    story = _numbered_after_said(movie, catalog)
    if len(first) == 1:
        return f"The next film of {movie.label}'s series in my catalog, by release year, is {first[0].label}.{story}"
    return (f"The next films of {movie.label}'s series in my catalog came out in {first[0].year}: "
            f"{prose_list([m.label for m in first])}; it does not record which came first.{story}")  # fmt: skip


def earlier_said(movie_id: str, catalog: Catalog) -> str:
    """ "is aliens a sequel?": the earlier films of its series the catalog has, or that it found none;
    the catalog records no series, so "none" is said of what it found, never that the film is no sequel."""
    movie = catalog.movies[movie_id]
    others = sorted((catalog.movies[m] for m in _series(movie_id, catalog) - {movie_id}), key=lambda m: m.year or 0)
    earlier = [m for m in others if m.year and movie.year and m.year < movie.year]
    if earlier:
        return f"Yes: {movie.label} comes after {prose_list([m.label for m in earlier])} in its series."
    later = [m.label for m in others if m.year and movie.year and m.year > movie.year]
    found = f"no earlier film of {movie.label}'s series" if later else f"no other film of a series with {movie.label}"
    after = f" {prose_list(later)} came after it." if later else ""
    return (f"I found {found} in my catalog, which records no series (I go by titles and leads), so I can't say "
            f"it is a sequel.{after}")  # fmt: skip


def series_films(movie_id: str, catalog: Catalog) -> list[Movie]:
    """The film and the later films the catalog takes for its series, oldest first."""
    films = {movie_id} | _series(movie_id, catalog)
    return sorted((catalog.movies[m] for m in films), key=lambda m: (m.year or 9999, m.title))


PLACES = ("first", "second", "third", "fourth", "fifth", "sixth", "last")


def place_said(movie_id: str, catalog: Catalog, place: str = "first") -> str:
    """ "what's the first star wars movie?", "the third alien movie": that film of its series by
    release year, and the one so numbered when the numbers say otherwise (Episode I came out in 1999)."""
    films = series_films(movie_id, catalog)
    movie, n = catalog.movies[movie_id], len(films) if place == "last" else PLACES.index(place) + 1
    if len(films) == 1:
        alone = f"My catalog has no other film of {movie.label}'s series, so it cannot say which is the {place}."
        return alone + spin_offs_said(movie_id, catalog)
    if len(films) < n:
        listed = prose_list([m.label for m in films])
        # "found": a film the titles and leads did not join may be of it (Live Free or Die Hard)
        said = f"I found only {len(films)} films of {movie.label}'s series in my catalog, by release year: {listed}."
        return said + _found_how(movie_id, films, catalog)
    said = f"The {place} film of {movie.label}'s series in my catalog, by release year, is {films[n - 1].label}."
    if tied := [m.label for m in films if m.year == films[n - 1].year and m != films[n - 1]]:
        said += f" {prose_list(tied)} came out the same year; my catalog does not record which came first."
    numbered = [m for m in films if episode(m, titles_of(films)) == n and place != "last"]
    if numbered and numbered[0] != films[n - 1]:
        said += f" By episode number it is {numbered[0].label}."
    return said


def order_said(movie_id: str, catalog: Catalog) -> str:
    """ "in what order should I watch the star wars movies?": release order, and episode order when
    the titles number them; the catalog records no series, so it says how the films were found."""
    films = series_films(movie_id, catalog)
    movie = catalog.movies[movie_id]
    if len(films) == 1:
        alone = f"My catalog has no other film of {movie.label}'s series, so it knows no order to watch them in."
        return alone + spin_offs_said(movie_id, catalog)
    found = prose_list([m.label for m in films])
    said = f"The films I found of {movie.label}'s series in my catalog, in release order: {found}."
    names = titles_of(films)
    numbered = sorted((m for m in films if episode(m, names) is not None), key=lambda m: episode(m, names))
    if len(numbered) > 1 and numbered != [m for m in films if m in numbered]:
        said += f" In episode order: {prose_list([m.label for m in numbered])}."
    return said + _found_how(movie_id, films, catalog)


def _prequels_said(movie: Movie, prequels: list[Movie]) -> str:
    if not prequels:
        return ""
    titles = prose_list([m.label for m in prequels])
    kind = "a prequel" if len(prequels) == 1 else "prequels"
    numeral = _numeral(movie, titles_of([movie, *prequels]))
    return f" {titles} came out later but {_are(prequels)} {kind}, numbered before Episode {numeral}, not sequels."


def _numbered_after_said(movie: Movie, catalog: Catalog) -> str:
    """ "the phantom menace sequels": Episodes IV-VI follow it in the story but came out before it."""
    series = [catalog.movies[m] for m in _found(movie.id, catalog).titled - {movie.id}]
    names = titles_of([movie, *series])
    number = episode(movie, names)
    if number is None or movie.year is None:
        return ""
    earlier = sorted((m for m in series if (m.year or movie.year) < movie.year and (episode(m, names) or 0) > number),
                     key=lambda m: (m.year, m.title))  # fmt: skip
    if not earlier:
        return ""
    return (f" {prose_list([m.label for m in earlier])}, numbered after Episode {_numeral(movie, names)}, "
            f"came out before it.")  # fmt: skip


def spin_offs_said(movie_id: str, catalog: Catalog, *, later_only: bool = False) -> str:
    """ " Star Wars: The Clone Wars (2008), animated, is left out as a spin-off.": what the list leaves out.
    One older than the series' first film is no spin-off of it: The Lord of the Rings (1978) before the
    live-action films."""
    year = catalog.movies[movie_id].year or 0
    first = series_films(movie_id, catalog)[0].year or 0
    left = [m for m in spin_offs(movie_id, catalog) if not later_only or (m.year or 0) > year]
    later = [m for m in left if (m.year or 9999) >= first]
    said = _not_of_series([m for m in left if m not in later])
    if later:
        titles = prose_list([m.label for m in later])
        said += f" {titles}, animated, {_are(later)} left out as {_kind(later, 'a spin-off')}."
    return said


def _not_of_series(films: list[Movie]) -> str:
    if not films:
        return ""
    one = len(films) == 1
    return (f" {prose_list([m.label for m in films])}, animated, {'shares' if one else 'share'} no one credited "
            f"with these films, so {'it is' if one else 'they are'} left out as not of their series.")  # fmt: skip


def series_meant(movie_id: str, catalog: Catalog, typed: str = "") -> tuple[str, list[Movie]]:
    """The film a series question goes by, and the films put aside for it. "the lord of the rings" is The
    Lord of the Rings (1978), animated, whose title the live-action films of 2001-2003 carry on, no one of
    it credited in them: they are the series people mean (as an animated film of a live-action series is
    no film of it: _same_kind), so the first of them stands for it; unless its year was typed."""
    movie = catalog.movies[movie_id]
    if "animation" not in movie.genres or (movie.year is not None and str(movie.year) in typed):
        return movie_id, []
    others = (catalog.movies[m] for m in catalog.series_of(movie_id) - {movie_id})
    live = sorted((m for m in others if not _same_kind(m, movie)), key=lambda m: (m.year or 9999, m.title))
    return (live[0].id, [movie]) if live else (movie_id, [])


def _opening_said(opened: list[str]) -> str:
    """How films with no one credited were taken for the series (_by_opening), so a wrong guess can be told."""
    if not opened:
        return ""
    return f" {prose_list(opened)}, with no one credited, {_are(opened)} joined by the words all its titles open with."


def _kind(films: list, one: str) -> str:
    return one if len(films) == 1 else one.removeprefix("a ") + "s"


def _joined_said(joined: list[str], *, everyone: bool) -> str:
    """How films no title carried on were taken for the series, so a wrong guess can be told."""
    if not joined:
        return ""
    whom = "All of them are" if everyone else f"Of these, {prose_list(joined)} {_are(joined)}"
    return f" {whom} joined to the series by a word its titles share and its leads or genres."


def _are(films: list) -> str:
    return "is" if len(films) == 1 else "are"


def _numeral(movie: Movie, names: frozenset[str]) -> str:
    """The film's number as its title writes it: "IV" for "Star Wars: Episode IV - A New Hope"."""
    m = _number_match(movie, names)
    return m["n"].upper() if m else ""


def series_answer(fact: str, targets: list[str], catalog: Catalog, typed: str = "") -> tuple[str, dict]:
    """The answer to a series question about each film, and what the next turn may point at: the film
    "the next one" goes on from, and the films the answer listed, in its order, which "the third one"
    means (it meant the third pick of an earlier answer). A film put aside for the series meant
    (series_meant) is said to be."""
    meant = [series_meant(m, catalog, typed) for m in targets]
    targets = [m for m, _ in meant]
    text = " ".join(_SERIES_ANSWERS[fact](m, catalog) for m in targets)
    if aside := [f for _, put in meant for f in put]:
        titles = prose_list(list(dict.fromkeys(f.title for f in aside)))
        lead = f"By {titles} I took the live-action films to be meant."
        unsaid = [f for f in aside if f.label not in text]
        text = f"{lead} {text}{_not_of_series(unsaid)}"
    after = next_films(targets[0], catalog) if fact == "next" else []
    listed = _LISTS[fact](targets[0], catalog) if fact in _LISTS and len(targets) == 1 else []
    return text, {"focus": after[0].id if len(after) == 1 else targets[0], "listed": [m.id for m in listed]}


def count_said(movie_id: str, catalog: Catalog) -> str:
    """ "how many harry potter films are there?": the films of its series the catalog has, named, as it
    counted the whole catalog ("My catalog has 11,008 films.")."""
    films = series_films(movie_id, catalog)
    movie = catalog.movies[movie_id]
    if len(films) == 1:
        return f"My catalog has no other film of {movie.label}'s series: only that one." + spin_offs_said(
            movie_id, catalog
        )
    said = (
        f"I found {len(films)} films of {movie.label}'s series in my catalog: {prose_list([m.label for m in films])}."
    )
    return said + _found_how(movie_id, films, catalog)


def best_said(movie_id: str, catalog: Catalog) -> str:
    """ "which star wars film is best?": its series' films by the catalog's ratings, best first, each with
    its rating and votes; those few rated (fewer than FEW_VOTES) and those unrated are said apart."""
    films = series_films(movie_id, catalog)
    movie = catalog.movies[movie_id]
    if len(films) == 1:
        alone = f"My catalog has no other film of {movie.label}'s series to compare it with."
        return alone + spin_offs_said(movie_id, catalog)
    rated = _by_rating(films)
    ranked = [m for m in rated if (m.votes or 0) >= FEW_VOTES]
    if not ranked:
        return f"My catalog has no rating from {FEW_VOTES} votes or more for any film of {movie.label}'s series."
    said = f"By their ratings in my catalog, the films I found of {movie.label}'s series rank: {_rated(ranked)}."
    if few := [m for m in rated if m not in ranked]:
        said += f" Rated by too few to rank with them: {_rated(few)}."
    if unrated := [m.label for m in films if m not in rated]:
        said += f" {prose_list(unrated)} {_are(unrated)} not rated."
    return said + _found_how(movie_id, films, catalog)


FEW_VOTES = 100  # a rating from fewer votes is said, not ranked with the others


def _by_rating(films: list[Movie]) -> list[Movie]:
    return sorted((m for m in films if m.rating is not None), key=lambda m: (-m.rating, -(m.votes or 0)))


def _ranked(films: list[Movie]) -> list[Movie]:
    """The films as best_said lists them: the ranked first, then the few rated."""
    rated = _by_rating(films)
    return [m for m in rated if (m.votes or 0) >= FEW_VOTES] + [m for m in rated if (m.votes or 0) < FEW_VOTES]


def _rated(films: list[Movie]) -> str:
    return prose_list([f"{m.label} at {m.rating:.1f}/10 from {m.votes or 0:,} votes" for m in films])


def _found_how(movie_id: str, films: list[Movie], catalog: Catalog) -> str:
    """That the catalog records no series, how its films were found, and the spin-offs left out."""
    said = " It records no series, so these are the films whose titles (or title words and leads) carry it on."
    titled, worded = _found(movie_id, catalog)[:2]
    said += _opening_said([m.label for m in films if m.id not in worded | titled])
    return said + spin_offs_said(movie_id, catalog)


def _order_listed(movie_id: str, catalog: Catalog) -> list[Movie]:
    """The films order_said lists: none when it finds the film alone."""
    films = series_films(movie_id, catalog)
    return films if len(films) > 1 else []


_SERIES_ANSWERS = {"sequels": sequels_said, "next": next_said, "order": order_said, "series_count": count_said,
                   "series_best": best_said, "earlier": earlier_said,
                   **{place: functools.partial(place_said, place=place) for place in PLACES}}  # fmt: skip
SERIES_FACTS = frozenset(_SERIES_ANSWERS)
_LISTS = {"sequels": sequel_films, "order": _order_listed, "series_count": _order_listed,
          "series_best": lambda movie_id, catalog: _ranked(_order_listed(movie_id, catalog))}  # fmt: skip

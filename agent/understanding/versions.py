"""Which film of a title is meant: "the original Godzilla", "the new one", "the remake of", "the 1954"."""

from __future__ import annotations

import re
from typing import Protocol

from agent.understanding.request import CatalogLookup
from agent.understanding.text import Tok, word_set
from store.catalog import Catalog, TitleMatch, title_key
from store.movie import Movie, normalise_title, numbered_key, without_episode


class TitleReader(Protocol):
    """agent.understanding.titles.TitleReader, as far as this module uses it."""

    lookup: CatalogLookup

    def read_list(
        self, toks: list[Tok], j: int, strength: str, *, named: bool = False
    ) -> tuple[list[TitleMatch], int]: ...


def same_title(typed: str, title: str) -> bool:
    """The whole title typed, its number written either way: "godfather 2" and "godfather part ii" are
    The Godfather: Part II, as the catalog resolves them (they were taken for words: "sequel" a theme)."""
    same = normalise_title(typed).replace(" ", "") == normalise_title(title).replace(" ", "")
    return same or numbered_key(typed) == numbered_key(title) or _same_episode(typed, title)


def _same_episode(typed: str, title: str) -> bool:
    """ "Star Wars: Episode VIII – The Last Jedi" typed whole names Star Wars: The Last Jedi, and "Star Wars:
    The Phantom Menace" names Star Wars: Episode I - The Phantom Menace: the episode is said or left out."""
    plain_typed, plain_title = without_episode(typed), without_episode(title)
    if not plain_typed and not plain_title:
        return False
    return normalise_title(plain_typed or typed).replace(" ", "") == normalise_title(plain_title or title).replace(
        " ", ""
    )


def typed_whole(typed: str, match: TitleMatch) -> bool:
    """The whole of one of the film's titles typed, its year after it or not: "Star Wars: Episode V - The
    Empire Strikes Back" is The Empire Strikes Back, by its other title."""
    titles = dict.fromkeys((match.title, *match.titles))
    return any(same_title(typed, t) or same_title(typed, f"{t} {match.year}") for t in titles)


_FIRST_VERSION = word_set("original old older classic")
_LATEST_VERSION = word_set("new newer newest latest recent remake reboot")


def version_at(toks: list[Tok], j: int) -> tuple[str, int]:
    """ "the original", "the 1998", "the remake of" at toks[j]: which of the films of a title is meant
    ("first", "latest" or the year), and where the title starts; ("", j) when none is said."""
    if j + 2 >= len(toks) or toks[j].text != "the":
        return "", j
    word = toks[j + 1].text
    if word.isdigit() and len(word) == 4 and 1880 <= int(word) <= 2100:
        return word, j + 2
    if word in _FIRST_VERSION:
        return "first", j + 2
    if word in _LATEST_VERSION:
        return "latest", j + 3 if toks[j + 2].text == "of" and j + 3 < len(toks) else j + 2
    return "", j


def the_version(lookup: CatalogLookup, match: TitleMatch, version: str) -> TitleMatch | None:
    """The film of `match`'s title that `version` means: the earliest, the latest or that year's;
    None when there is no such choice (one film of that title, none of that year)."""
    if version.isdigit():
        dated = lookup.resolve_title(f"{match.title} {version}")
        found = dated is not None and dated.year == int(version) and same_title(match.title, dated.title)
        return dated if found else None
    films = [(match.year, match.movie_id, match.title)]
    for movie_id, label in match.alternatives:
        title, _, year = label.rpartition(" (")
        if same_title(title, match.title) and year[:4].isdigit():
            films.append((int(year[:4]), movie_id, title))
    dated_films = [f for f in films if f[0]]
    if len(dated_films) < 2:
        return None
    year, movie_id, title = (min if version == "first" else max)(dated_films)
    return TitleMatch(movie_id=movie_id, title=title, year=year, score=match.score)


def read_versions(
    reader: TitleReader, toks: list[Tok], j: int, strength: str, *, named: bool = False
) -> tuple[list[TitleMatch], int]:
    """TitleReader.read_list, with the first title's version said before it taken into account, when
    the words are no title themselves ("The Old Man and the Sea") and the title has films to choose from."""
    whole = reader.read_list(toks, j, strength, named=named)
    version, start = version_at(toks, j)
    if not version or (whole[0] and whole[0][0].score >= TITLE_EXACT):
        return whole
    found, end = reader.read_list(toks, start, strength, named=named)
    chosen = the_version(reader.lookup, found[0], version) if found else None
    return ([chosen, *found[1:]], end) if chosen is not None else whole


TITLE_EXACT = 100.0  # a title typed as the catalog has it


# "the 1933 one", "no, I meant the original", "the one from 1976": which film of the title the last
# request went by, said on its own after it
_CHOSEN = re.compile(
    r"^\W*(?:(?:no|nope|sorry|oh|ah|actually|i\s+mean|i\s+meant|meant)\W+)*"
    # "not the remake, the original": the version refused first is no theme to refuse
    r"(?:not\s+the\s+(?:remake|reboot|original|old\s+one|new\s+one|newer\s+one|older\s+one)\W+(?:but\s+|i\s+mean\s+)?)?"
    r"(?:like\s+)?the\s+"
    r"(?:(?:one|version|film|movie)\s+(?:from|of)\s+(?P<year>\d{4})"
    r"|(?P<word>\d{4}|original|old|older|oldest|classic|new|newer|newest|latest|recent|remake|reboot)"
    r"(?:\s+(?:one|version|film|movie|remake))?)\W*$"
)


def version_chosen(message: str) -> str:
    """ "first", "latest" or the year when the message only says which film of a title it means; else ""."""
    found = _CHOSEN.match(message.strip().lower())
    if not found:
        return ""
    word = found["year"] or found["word"]
    if word.isdigit():
        return word if 1880 <= int(word) <= 2100 else ""
    return "first" if word in _FIRST_VERSION or word == "oldest" else "latest"


def chosen_versions(message: str, references: list[str], catalog: Catalog) -> list[str] | None:
    """The references with the film the message chooses in place of another of its title ("like King
    Kong" ... "the 1933 one"); None when the message chooses none of them."""
    found = version_in_place(message, references, catalog)
    if found is None:
        return None
    n = references.index(found[0])
    return list(dict.fromkeys([*references[:n], found[1], *references[n + 1 :]]))


# "like oceans eleven but the original one", "like psycho, the remake": which film of the title,
# said after it in the same message
_CHOSEN_AFTER = re.compile(
    r"(?:,|\bbut\b|\bi mean\b)\s*the\s+(?P<word>original|old|older|oldest|classic|new|newer|newest|latest"
    r"|recent|remake|reboot|\d{4})(?:\s+(?:one|version|film|movie))?\W*$"
)


def versions_said_after(message: str, references: list[str], catalog: Catalog) -> tuple[list[str], int | None] | None:
    """The references with the film a version said after them in the same message chooses, and the
    year that chose it, if a year did; None when none is said, or no reference has films to choose from."""
    said = _CHOSEN_AFTER.search(message.strip().lower())
    chosen = chosen_versions(f"the {said['word']} one", references, catalog) if said and references else None
    return (chosen, int(said["word"]) if said["word"].isdigit() else None) if chosen else None


def version_in_place(message: str, films: list[str], catalog: Catalog) -> tuple[str, str] | None:
    """(a film of `films`, the film of its title the message chooses instead, maybe the same): "I've
    seen King Kong" ... "I meant the 1933 one"; None when the message chooses none."""
    version = version_chosen(message)
    if not version:
        return None
    for movie_id in films:
        dated = versions_of(movie_id, catalog)
        if len(dated) < 2:
            continue
        if version.isdigit():
            chosen = next((m for m in dated if m.year == int(version)), None)
        else:
            chosen = (min if version == "first" else max)(dated, key=lambda m: m.year)
        if chosen is not None:
            return movie_id, chosen.id
    return None


def versions_of(movie_id: str, catalog: Catalog) -> list[Movie]:
    """Every dated film the catalog holds under this film's title, itself included, oldest first."""
    movie = catalog.movies.get(movie_id)
    films = [catalog.movies[m] for m in catalog.ids_for_title(title_key(movie.title))] if movie else []
    return sorted((m for m in films if m.year and same_title(m.title, movie.title)), key=lambda m: (m.year, m.id))

"""The filters of a structured request (`/v1/recommendations`), by the names of Turn.understood,
read into the request's fields: everyday names taken, unknown ones and contradictions refused."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from agent.factcheck import span_said, years_asked
from agent.prose import prose_list
from agent.service_types import InvalidInput
from agent.typed_titles import other_meaning, taken_note
from agent.understanding.meaning import taken_to_mean
from agent.understanding.people import closest_person
from agent.understanding.reader import understand
from agent.understanding.studios import REINGEST
from store.filters import contradictions
from store.movie import Movie, ascii_fold
from store.surnames import SHARED_NAMED, surname_keys
from store.vocab import LANGUAGES, parse_country, parse_genre, parse_language


def request_filters(filters: dict, catalog, resolve: Callable[[str], Movie], said: Mapping | None = None) -> dict:
    """Turn.understood's names -> the request's fields; InvalidInput for anything else. Each field
    a filter gives replaces that field of `said` (what the text asked; its other fields hold), and
    the caveats (the text's) say what of the text it replaced and which misspelt person was read
    as chat reads them."""
    said = said or {}
    out: dict[str, Any] = {}
    took: list[str] = []
    for name, value in filters.items():
        if value is None or value == []:
            continue
        if name in ("genres", "any_genres", "exclude_genres"):  # everyday names too: "Sci-Fi", "Westerns"
            out[name] = _parsed(parse_genre, value)
        elif name in ("year_min", "year_max", "min_runtime", "max_runtime", "count"):
            out[name] = _whole(name, value)
        elif name == "min_rating":
            out[name] = _number(name, value)
        elif name in ("language", "languages", "exclude_languages"):  # "French" or "fr"
            out[name if name == "exclude_languages" else "languages"] = _parsed(parse_language, value)
        elif name in ("country", "countries"):  # "South Korea", "Korean" or "KR"
            out["countries"] = _parsed(parse_country, value)
        elif name in ("people", "any_people", "exclude_people"):  # as credited, in any case, or a well-known surname
            out[name] = _parsed(lambda name: person_named(catalog, name, took), value)
        elif name in ("exclude_keywords", "require_keywords"):  # themes refused or required
            values = [value] if isinstance(value, str) else list(value)
            out[name] = [text for v in values if (text := str(v).strip().lower())]
        elif name in ("studios", "exclude_studios"):  # "Pixar": any company whose name holds those words
            out[name] = _studios(name, value, catalog)
        elif name == "exclude_years":  # [[1994, 1994]]: spans, as `understood` names them
            out[name] = [_span(span) for span in (value if isinstance(value, list | tuple) else [value])]
        elif name == "like_titles":
            titles = [value] if isinstance(value, str) else list(value)
            out[name] = [_liked(catalog, resolve, str(t), took) for t in titles]
        else:
            raise InvalidInput(f"unknown filter {name!r}")
    if clash := contradictions(out):  # "year_min": 2000, "year_max": 1990 fits no film
        raise InvalidInput(f"no film could fit these filters: {'; '.join(clash)}")
    _narrow_alternatives(out)
    clashes = clashing_text(said, out)
    if took := [*dict.fromkeys(clashes.values()), *replaced(said, out, catalog, skip=clashes), *took]:
        out["caveats"] = list(dict.fromkeys([*(said.get("caveats") or []), *took]))
    return out


def replaced(said: Mapping, given: Mapping, catalog, skip: Mapping | None = None) -> list[str]:
    """A sentence for each field of the text the filters replaced and left something of it out:
    "a comedy" with {"genres": ["horror"]} was answered "Here are 3 picks: horror films.", the
    comedy dropped without a word. A filter that keeps all the text said of it ("comedy" with
    ["comedy", "horror"]) replaces nothing said. Fields in `skip` (clashing_text's) are said there."""

    def shown(name: str, value: object) -> str:
        values = value if isinstance(value, list | tuple) else [value]
        named = [catalog.movies[v].label if name == "like_titles" and v in catalog.movies else v for v in values]
        named = [_value_said(v) for v in named] if "languages" in name else named  # "French", not "fr"
        return ", ".join("-".join(map(str, v)) if isinstance(v, list | tuple) else str(v) for v in named)

    out = []
    for name, value in given.items():
        before = said.get(name)
        if before in (None, [], "") or name == "caveats" or name in (skip or {}):
            continue
        kept = set(map(str, value)) if isinstance(value, list) else {str(value)}
        if not ({str(b) for b in before} <= kept if isinstance(before, list) else str(before) in kept):
            out.append(f"The filters' {name} ({shown(name, value)}) replace the text's ({shown(name, before)}).")
    return out


SPANS = (("year_min", "year_max", "years"), ("min_runtime", "max_runtime", "runtime"))


def clashing_text(said: Mapping, out: dict) -> dict[str, str]:
    """Where the text and the filters ask for what no film can be ("a 90s thriller" with
    {"year_min": 2000}), the filters win, being explicit: the text's other bound is dropped from
    `out` (it was 2000-1999, then loosened to "just outside 2000-1999"), and a sentence, keyed by
    each field it settles, says the two cannot both hold and which was gone by."""
    notes: dict[str, str] = {}
    for low, high, what in SPANS:
        given = [name for name in (low, high) if out.get(name) is not None]
        if len(given) != 1:
            continue
        first = out.get(low, said.get(low))
        last = out.get(high, said.get(high))
        if first is None or last is None or first <= last:
            continue
        text_span = {low: said.get(low), high: said.get(high)}
        filter_span = {low: out.get(low), high: out.get(high)}
        dropped = high if given == [low] else low
        out[dropped] = None
        sentence = (f"The text asks for {_span_said(what, text_span)} but the filters for "
                    f"{_span_said(what, filter_span)}: the two cannot both hold, so "
                    f"I went by the filters ({_span_said(what, filter_span)}).")  # fmt: skip
        notes.update(dict.fromkeys((low, high), sentence))
    notes.update(_clashing_lists(said, out))
    notes.update(_clashing_years(said, out))
    return notes


PAIRS = (("genres", "exclude_genres"), ("people", "exclude_people"), ("languages", "exclude_languages"),
         ("studios", "exclude_studios"))  # fmt: skip


def _clashing_lists(said: Mapping, out: dict) -> dict[str, str]:
    """ "a comedy" with {"exclude_genres": ["comedy"]} answered "Nothing matched comedy films, no
    comedy, so I loosened the genres": the text's side of a value both asked for and refused goes."""
    notes = {}
    for wanted, refused in PAIRS:
        for texts, filters in ((wanted, refused), (refused, wanted)):
            if texts in out or not out.get(filters):
                continue
            both = [value for value in said.get(texts) or () if value in out[filters]]
            if not both:
                continue
            out[texts] = [value for value in said[texts] if value not in both]
            named = prose_list([_value_said(value) for value in both], "and")
            asks, goes = ("asks for", "refuse") if texts == wanted else ("refuses", "ask for")
            them = named if wanted == "people" else "it" if len(both) == 1 else "them"  # Tom Hanks is no "it"
            notes[texts] = (f"The text {asks} {named} but the filters {goes} {them}: "
                            f"the two cannot both hold, so I went by the filters.")  # fmt: skip
    return notes


def _clashing_years(said: Mapping, out: dict) -> dict[str, str]:
    """ "not from the 90s" with {"year_min": 1990, "year_max": 1999}: every year asked refused; the
    text's side goes, its refused years or its span."""
    merged = {**said, **out}
    first, last, spans = merged.get("year_min"), merged.get("year_max"), merged.get("exclude_years")
    if first is None or last is None or not spans or not contradictions({"year_min": first, "year_max": last,
                                                                         "exclude_years": spans}):  # fmt: skip
        return {}
    asked = years_asked({"year_min": first, "year_max": last})
    refused = prose_list([span_said(span) for span in spans], "and")
    if out.get("exclude_years"):  # the filters refuse the years the text asked for
        out["year_min"] = out.get("year_min") if "year_min" in out else None
        out["year_max"] = out.get("year_max") if "year_max" in out else None
        sentence = f"The text asks for {asked} but the filters refuse {refused}"
    else:
        out["exclude_years"] = []
        sentence = f"The text refuses {refused} but the filters ask for {asked}"
    return dict.fromkeys(("year_min", "year_max", "exclude_years"), f"{sentence}: the two cannot both hold, so I went "
                                                                     "by the filters.")  # fmt: skip


def _value_said(value: object) -> str:
    return LANGUAGES.get(str(value), str(value)) if isinstance(value, str) and len(value) == 2 else str(value)


def _span_said(what: str, span: Mapping) -> str:
    """{"year_min": 1990, "year_max": 1999} -> "the 1990s"; runtimes in minutes."""
    if what == "years":
        return years_asked(span) or "any year"
    shortest, longest = span.get("min_runtime"), span.get("max_runtime")
    if shortest and longest:
        return f"{shortest}-{longest} minutes"
    return f"at least {shortest} minutes" if shortest else f"at most {longest} minutes"


def _liked(catalog, resolve: Callable[[str], Movie], typed: str, took: list[str]) -> str:
    """The film a like_titles entry names, and, when one with the article is likely meant ("Interview":
    The Interview (2014)), the sentence saying which was taken."""
    movie = resolve(typed)
    if (other := other_meaning(catalog, typed, movie)) is not None:
        took.append(taken_note(typed, movie, other))
    return movie.id


def _narrow_alternatives(out: dict) -> None:
    """`any_people` as chat leaves it: one refused is no alternative ("Tom Hanks or Meg Ryan, not Tom
    Hanks" is Meg Ryan's films), and alternatives one of which is required anyway ask nothing more
    (the header said "with Tom Hanks and Tom Hanks or Meg Ryan"). The same for `any_genres`."""
    for either, every, refused in (("any_people", "people", "exclude_people"),
                                   ("any_genres", "genres", "exclude_genres")):  # fmt: skip
        left = [value for value in out.get(either, ()) if value not in out.get(refused, ())]
        if set(left) & set(out.get(every, ())):
            left = []
        if either in out:
            out[either] = left


def person_named(catalog, name: str, took: list[str] | None = None) -> str:
    """The person as credited: "stanley kubrick", "Kubrick"; ValueError for no one the catalog has,
    or a surname several people here carry ("washington"), naming them. A misspelling ("scorcese")
    is read as chat reads it when `took` is given, which gets the sentence saying so; without it,
    the error asks whether that person was meant."""
    typed = " ".join(str(name).split())
    key = typed.casefold()
    found = catalog.people_index().get(key) or catalog.people_index().get(ascii_fold(key))
    surname = catalog.surname_index().get(ascii_fold(key))
    if found or surname:
        return found or surname.name
    if carriers := _carrying(catalog, ascii_fold(key)):
        names = carriers[:SHARED_NAMED]
        who = prose_list(names, "or")
        several = "several people here, such as " if len(carriers) > len(names) else ""
        raise ValueError(f"{typed!r} could be {several}{who}: give the whole name")
    if meant := _misspelt(catalog, typed):
        if took is None:
            raise ValueError(f"no one called {typed!r} directed or acted in a film of the catalog; "
                             f"did you mean {meant}?")  # fmt: skip
        took.append(taken_to_mean(typed, meant))
        return meant
    raise ValueError(f"no one called {typed!r} directed or acted in a film of the catalog")


def _carrying(catalog, surname: str) -> list[str]:
    """The people credited here whose surname it is, those chat names when it is said alone first
    ("washington": Denzel Washington, Kerry Washington...)."""
    shared = catalog.shared_surnames().get(surname)
    named = list(shared.names) if shared else []
    others = sorted(name for key, name in catalog.people_index().items() if surname in surname_keys(key))
    return list(dict.fromkeys([*named, *others]))


def _misspelt(catalog, typed: str) -> str | None:
    """The one person chat would take `typed` for: a full name a letter or two from one person's
    ("martin scorcese"), or a surname read where a person is expected ("with scorcese")."""
    if " " in typed:
        return closest_person(ascii_fold(typed.casefold()), catalog.people_index())
    read = understand(f"a film with {typed}", catalog)
    return read.people[0] if len(read.people) == 1 else None


def _parsed(parse: Callable[[str], str], value: object) -> list[str]:
    """One filter's values, each as `parse` names it; InvalidInput says which value is not known."""
    values = [value] if isinstance(value, str) else list(value) if isinstance(value, list | tuple) else [value]
    try:
        return list(dict.fromkeys(parse(str(v)) for v in values))
    except ValueError as exc:
        raise InvalidInput(str(exc)) from None


def _studios(name: str, value: object, catalog) -> list[str]:
    """Studios as named; InvalidInput on a catalog that records none, where the filter could only
    answer nothing (or refuse nothing) and the caller is told how to get them."""
    values = [value] if isinstance(value, str) else list(value) if isinstance(value, list | tuple) else [value]
    studios = list(dict.fromkeys(text for v in values if (text := " ".join(str(v).split()))))
    if studios and not catalog.records_studios:
        raise InvalidInput(f"{name}: this catalog records no film's studio; {REINGEST}")
    return studios


def _span(span: object) -> list[int]:
    """[low, high] years, low first; InvalidInput for anything else."""
    if not isinstance(span, list | tuple) or len(span) != 2:
        raise InvalidInput(f"exclude_years takes spans of two years, e.g. [[1994, 1994]], got {span!r}")
    low, high = (_whole("exclude_years", year) for year in span)
    if low > high:
        raise InvalidInput(f"exclude_years: {low} comes after {high}")
    return [low, high]


def _whole(name: str, value: object) -> int:
    return _converted(name, value, int, "a whole number")


def _number(name: str, value: object) -> float:
    return _converted(name, value, float, "a number")


def _converted(name: str, value: object, kind: Callable, what: str):
    """`value` as `kind` (a number or numeric text, never a bool); InvalidInput naming the filter."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise InvalidInput(f"{name} must be {what}, got {value!r}")
    try:
        return kind(value)
    except ValueError:
        raise InvalidInput(f"{name} must be {what}, got {value!r}") from None

"""Understanding a message: its intent, the request it makes, and how it changes the last one."""

from __future__ import annotations

import dataclasses
import logging
import re

from pydantic import BaseModel, Field

import prompts
from agent.deps import Deps
from agent.intents import Classified, classify
from agent.understanding import Understood, understand
from store.movie import normalise_title
from store.vocab import COUNTRIES, GENRES, LANGUAGES, MOODS

log = logging.getLogger(__name__)

LIST_FIELDS = ("genres", "exclude_genres", "moods", "exclude_moods", "keywords", "people", "like_titles",
               "exclude_titles", "languages", "countries")  # fmt: skip
OPPOSITES = {"genres": "exclude_genres", "exclude_genres": "genres", "moods": "exclude_moods",
             "exclude_moods": "moods"}  # fmt: skip
INTENTS = ("recommend", "refine", "more", "why", "seen", "liked", "disliked", "help", "smalltalk")


class LLMRequest(BaseModel):
    """What the model is asked to return; every value is checked against the catalog after."""

    intent: str = "recommend"
    genres: list[str] = Field(default_factory=list)
    exclude_genres: list[str] = Field(default_factory=list)
    moods: list[str] = Field(default_factory=list)
    exclude_moods: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    like_titles: list[str] = Field(default_factory=list)
    mentioned_titles: list[str] = Field(default_factory=list)
    people: list[str] = Field(default_factory=list)
    year_min: int | None = None
    year_max: int | None = None
    min_runtime: int | None = None
    max_runtime: int | None = None
    min_rating: float | None = None
    languages: list[str] = Field(default_factory=list)
    countries: list[str] = Field(default_factory=list)
    count: int | None = None
    ordinal: int | None = None
    stars: float | None = None
    hidden_gem: bool = False
    query: str = ""


def read_message(
    deps: Deps, message: str, history: list[dict], *, has_previous: bool
) -> tuple[Classified, Understood, int]:
    """Rules always run (they are instant and they are the fallback); an LLM, when
    configured, gets the first word. Returns the classification, the request and the
    number of LLM calls made."""
    rules_request = understand(message, deps.catalog, today_year=deps.today.year)
    rules_intent = classify(message, deps.catalog, has_previous=has_previous, understood=rules_request)
    if deps.llm is None:
        return rules_intent, rules_request, 0
    answer = deps.llm.ask(
        LLMRequest,
        "You extract structured movie requests. Answer with JSON only.",
        prompts.render(
            "understand",
            history="\n".join(f"{m['role']}: {m['text']}" for m in history[-8:]) or "(none)",
            message=message,
            genres=", ".join(GENRES),
            moods=", ".join(MOODS),
            year=deps.today.year,
        ),
    )
    if not isinstance(answer, LLMRequest):
        return rules_intent, rules_request, 1
    return *_from_llm(deps, answer, rules_intent, rules_request, has_previous), 1


def _from_llm(
    deps: Deps, answer: LLMRequest, rules_intent: Classified, rules: Understood, has_previous: bool
) -> tuple[Classified, Understood]:
    """Keep what the model said that the catalog and vocabularies can vouch for."""
    intent = answer.intent if answer.intent in INTENTS else rules_intent.intent
    if intent in ("refine", "more", "why") and not has_previous:
        intent = "recommend"
    people_index = deps.catalog.people_index()
    like_ids = _resolve_all(deps, answer.like_titles) or rules.like_titles
    mentioned = _resolve_all(deps, answer.mentioned_titles) or rules_intent.titles
    request = Understood(
        genres=[g for g in answer.genres if g in GENRES],
        exclude_genres=[g for g in answer.exclude_genres if g in GENRES],
        moods=[m for m in answer.moods if m in MOODS],
        exclude_moods=[m for m in answer.exclude_moods if m in MOODS],
        keywords=[k.lower() for k in answer.keywords if k.strip()][:8],
        year_min=_bounded(answer.year_min, 1870, deps.today.year + 1),
        year_max=_bounded(answer.year_max, 1870, deps.today.year + 1),
        min_runtime=_bounded(answer.min_runtime, 1, 600),
        max_runtime=_bounded(answer.max_runtime, 1, 600),
        min_rating=answer.min_rating if answer.min_rating is not None and 0 <= answer.min_rating <= 10 else None,
        hidden_gem=answer.hidden_gem or rules.hidden_gem,
        popular=rules.popular,
        people=[people_index[p.casefold()] for p in answer.people if p.casefold() in people_index],
        like_titles=like_ids,
        exclude_titles=rules.exclude_titles,
        # the model may have read a title the rules could not; otherwise the rules' unknown ones stand
        unknown_titles=rules.unknown_titles if set(like_ids) <= set(rules.like_titles) else [],
        languages=[code for code in answer.languages if code in LANGUAGES],
        countries=[code.upper() for code in answer.countries if code.upper() in COUNTRIES],
        count=_bounded(answer.count, 1, deps.config.max_count),
        modifiers=rules.modifiers,
        query=answer.query.strip() or rules.query,
    )
    stars = answer.stars if answer.stars is not None and 0.5 <= answer.stars <= 5 else rules_intent.rating
    classified = Classified(intent=intent, ordinal=answer.ordinal if answer.ordinal is not None
                            else rules_intent.ordinal, titles=mentioned, rating=stars)  # fmt: skip
    return classified, request


def _resolve_all(deps: Deps, titles: list[str]) -> list[str]:
    ids = []
    for title in titles:
        match = deps.catalog.resolve_title(title)
        if match is not None and match.score >= 85 and match.movie_id not in ids:
            ids.append(match.movie_id)
    return ids


def _bounded(value: int | float | None, low: int, high: int) -> int | None:
    return int(value) if value is not None and low <= value <= high else None


def merge_request(previous: dict, new: Understood, *, last_picks: list[dict], deps: Deps) -> dict:
    """A follow-up ("something older", "no horror though") changes the last request
    rather than replacing it: new constraints win, earlier ones stay."""
    merged = {**previous}
    new_dict = dataclasses.asdict(new)
    if new.genres and merged.get("genres"):
        # "something scary now" after comedies: the new genre leads, the old ones still count
        merged["soft_genres"] = list(dict.fromkeys([*(merged.get("soft_genres") or []), *merged["genres"]]))
        merged["genres"] = []
    for name in LIST_FIELDS:
        values = list(dict.fromkeys([*(merged.get(name) or []), *new_dict[name]]))
        opposite = OPPOSITES.get(name)
        if opposite:
            values = [v for v in values if v not in new_dict[opposite]]
        merged[name] = values
    for name in ("year_min", "year_max", "min_runtime", "max_runtime", "min_rating", "count"):
        if new_dict[name] is not None:
            merged[name] = new_dict[name]
    for name in ("hidden_gem", "popular"):
        merged[name] = bool(merged.get(name)) or new_dict[name]
    if new.query:
        merged["query"] = new.query
    merged["unknown_titles"] = new_dict["unknown_titles"]  # said of this message only
    apply_modifiers(merged, new.modifiers, last_picks, deps)
    return merged


def apply_modifiers(request: dict, modifiers: list[str], last_picks: list[dict], deps: Deps) -> None:
    """Relative words read against what was just shown: "older" means older than those."""
    shown = [deps.catalog.movies[p["id"]] for p in last_picks if p["id"] in deps.catalog]
    years = [m.year for m in shown if m.year]
    runtimes = [m.runtime for m in shown if m.runtime]
    for modifier in modifiers:
        if modifier == "older" and years:
            request["year_max"] = min(years) - 1
            request["year_min"] = None if (request.get("year_min") or 0) >= min(years) else request.get("year_min")
        elif modifier == "newer" and years:
            request["year_min"] = max(years) + 1
            request["year_max"] = None if (request.get("year_max") or 9999) <= max(years) else request.get("year_max")
        elif modifier == "shorter":
            request["max_runtime"] = (min(runtimes) - 1) if runtimes else 100
        elif modifier == "longer":
            request["min_runtime"] = (max(runtimes) + 1) if runtimes else 140
        elif modifier == "lighter":
            _add(request, "exclude_moods", ["dark", "bleak", "disturbing", "violent"])
            _add(request, "moods", ["light"])
            request["moods"] = [m for m in request["moods"] if m not in ("dark", "bleak", "disturbing", "violent")]
        elif modifier == "darker":
            _add(request, "moods", ["dark"])
            request["exclude_moods"] = [m for m in request.get("exclude_moods", []) if m != "dark"]
        elif modifier == "funnier":
            _add(request, "moods", ["funny"])
        elif modifier == "scarier":
            _add(request, "moods", ["scary"])
        elif modifier == "more_popular":
            request["popular"], request["hidden_gem"] = True, False
        elif modifier == "less_known":
            request["hidden_gem"], request["popular"] = True, False


def _add(request: dict, name: str, values: list[str]) -> None:
    request[name] = list(dict.fromkeys([*(request.get(name) or []), *values]))


_YEAR_MARK = re.compile(r"\((\d{4})\)")


def titles_with_years(text: str, catalog) -> list[str]:
    """Films written as "Title (Year)", the way catalogs and many chats name them.

    The longest run of words before the year that is exactly a catalog title wins, so
    "I loved Man on Wire (2008)" finds Man on Wire and not Wire.
    """
    found: list[str] = []
    for mark in _YEAR_MARK.finditer(text):
        year = int(mark.group(1))
        words = text[: mark.start()].split()[-8:]
        for start in range(len(words)):
            key = normalise_title(" ".join(words[start:]).strip(" ,;:!?\"'"))
            films = [catalog.movies[m] for m in catalog.ids_for_title(key) if catalog.movies[m].year == year]
            if films:
                best = max(films, key=lambda m: m.votes or 0).id
                if best not in found:
                    found.append(best)
                break
    return found


def fresh_request(new: Understood, deps: Deps) -> dict:
    request = dataclasses.asdict(new)
    apply_modifiers(request, new.modifiers, [], deps)
    return request

"""The LLM reader: the rules always read a message (they are instant, and the fallback); a chat model,
when one is configured, gets the first word, and only what the catalog and vocabularies vouch for is kept."""

from __future__ import annotations

import dataclasses
import re
from typing import get_args

from pydantic import BaseModel, Field
from rapidfuzz import fuzz

import prompts
from agent.deps import Deps
from agent.understanding.classified import Classified, Intent
from agent.understanding.intents import classify
from agent.understanding.quality_phrases import AWARDS
from agent.understanding.reader import understand
from agent.understanding.request import Understood
from agent.understanding.text import STOPWORDS
from agent.untrusted import sanitise
from store.movie import TITLE_MATCH_SCORE, ascii_fold, normalise_title
from store.vocab import GENRES, MOODS, country_code, language_code

INTENTS = get_args(Intent)


class LLMRequest(BaseModel):
    """What the model is asked to return; every value is checked against the catalog after."""

    intent: str = "recommend"
    genres: list[str] = Field(default_factory=list)
    any_genres: list[str] = Field(default_factory=list)
    exclude_genres: list[str] = Field(default_factory=list)
    moods: list[str] = Field(default_factory=list)
    exclude_moods: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    like_titles: list[str] = Field(default_factory=list)
    mentioned_titles: list[str] = Field(default_factory=list)
    people: list[str] = Field(default_factory=list)
    exclude_people: list[str] = Field(default_factory=list)
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
    said = ascii_fold(" ".join([message, *(m["text"] for m in history[-8:])])).casefold()
    return *_from_llm(deps, answer, rules_intent, rules_request, has_previous, said, message), 1


def _from_llm(
    deps: Deps,
    answer: LLMRequest,
    rules_intent: Classified,
    rules: Understood,
    has_previous: bool,
    said: str = "",
    message: str = "",
) -> tuple[Classified, Understood]:
    """Keep what the model said that the catalog and vocabularies can vouch for, and people only
    if the conversation (`said`, folded) names them: a model can't ask for Spielberg unprompted."""
    intent = answer.intent if answer.intent in INTENTS else rules_intent.intent
    if rules_intent.intent in _RULES_KNOW or intent == "facts":
        intent = rules_intent.intent  # a question, a verdict, "why": the rules read which film and what of it
    if intent in _STORES and rules_intent.intent not in _STORES:
        intent = rules_intent.intent  # "a comedy please" read as "disliked Titanic" would rate a film unasked
    if rules_intent.intent in _ASKS and intent not in _ASKS and _asks_something(rules):
        intent = rules_intent.intent  # "a western from the 60s" is a request, whatever the model calls it
    if intent in ("refine", "more", "why") and not has_previous:
        intent = "recommend"
    people_index = deps.catalog.people_index()
    asked = {*rules.genres, *rules.any_genres}
    # "thrillers or comedies": alternatives either reader heard stay alternatives, never all required
    either = [g for g in dict.fromkeys([*answer.any_genres, *rules.any_genres]) if g in GENRES]
    either = either if len(either) >= 2 else []
    refused = list(dict.fromkeys([*rules.exclude_people, *_people(answer.exclude_people, people_index, said)]))
    like_ids = _resolve_all(deps, answer.like_titles, said) or rules.like_titles
    mentioned = _resolve_all(deps, answer.mentioned_titles, said) or rules_intent.titles
    message = ascii_fold(message).casefold()
    negated = bool(_NEGATING.search(message))  # a refusal the model read needs words that refuse
    themes_refused = rules.exclude_keywords  # "no zombies": the rules' reading, never a theme asked for
    request = Understood(
        genres=[g for g in answer.genres if g in GENRES and g not in either],
        any_genres=either,
        exclude_genres=[g for g in answer.exclude_genres if g in GENRES and (negated or g not in asked)],
        moods=[m for m in answer.moods if m in MOODS],
        exclude_moods=[m for m in answer.exclude_moods if m in MOODS],
        keywords=[k for k in (sanitise(k).lower() for k in answer.keywords) if k and k not in themes_refused][:8],
        exclude_keywords=themes_refused,
        require_keywords=rules.require_keywords,
        studios=rules.studios,  # the rules' reading: the model has no field for them
        exclude_studios=rules.exclude_studios,
        year_min=_bounded(answer.year_min, 1870, deps.today.year + 1),
        year_max=_bounded(answer.year_max, 1870, deps.today.year + 1),
        min_runtime=_bounded(answer.min_runtime, 1, 600),
        max_runtime=_bounded(answer.max_runtime, 1, 600),
        # "an oscar winner": the rules' rating floor stands in for the awards the catalog lacks, as the answer says
        min_rating=answer.min_rating
        if answer.min_rating is not None and 0 <= answer.min_rating <= 10
        else rules.min_rating
        if AWARDS in rules.caveats
        else None,
        hidden_gem=answer.hidden_gem or rules.hidden_gem,
        popular=rules.popular,
        quality=rules.quality,  # the rules' reading: the model has no field for it
        # a refusal either reader heard wins over an ask: "nothing with Adam Sandler" is never a filter for him
        people=[name for name in _people(answer.people, people_index, said) if name not in refused],
        exclude_people=refused,
        like_titles=like_ids,
        exclude_titles=rules.exclude_titles,
        # the model may have read a title the rules could not; otherwise the rules' unknown ones stand
        unknown_titles=rules.unknown_titles if set(like_ids) <= set(rules.like_titles) else [],
        languages=[
            code for code in map(language_code, answer.languages) if code and code not in rules.exclude_languages
        ],
        exclude_languages=rules.exclude_languages,
        countries=[code for code in map(country_code, answer.countries) if code],
        count=_bounded(answer.count, 1, deps.config.max_count),
        modifiers=rules.modifiers,
        caveats=rules.caveats,
        query=sanitise(answer.query) or rules.query,
    )
    request = _rules_fill_in(request, rules)
    # the user's own stars win, and the model's need a number or a star said: "loved it" is no 2/5
    stars = rules_intent.rating
    if stars is None and answer.stars is not None and 0.5 <= answer.stars <= 5 and _STARS_SAID.search(message):
        stars = answer.stars
    classified = Classified(intent=intent, ordinal=answer.ordinal if answer.ordinal is not None
                            else rules_intent.ordinal, titles=mentioned, rating=stars,
                            stars_said=rules_intent.stars_said,
                            every=rules_intent.every and not mentioned and answer.ordinal is None,
                            positions=rules_intent.positions if not mentioned and answer.ordinal is None else (),
                            facts=rules_intent.facts,
                            feedback=rules_intent.feedback if intent == "more" else None,
                            verdicts=rules_intent.verdicts if intent == rules_intent.intent else (),
                            worded=rules_intent.worded if intent == rules_intent.intent else ())  # fmt: skip
    return classified, request


# what the rules read exactly: the model's word does not replace them
_RULES_KNOW = ("why", "facts", "seen", "liked", "disliked", "dismissed", "help")
# what stores something for the user (a rating, a film watched or refused): never on the model's word alone
_STORES = ("seen", "liked", "disliked", "dismissed")
_ASKS = ("recommend", "refine", "more")
_NEGATING = re.compile(r"\b(?:no|not|nothing|none|never|without|except|but|pass|skip|avoid|hate|hated|dislike|"
                       r"rather not|sick of|tired of|enough|instead)\b|n't\b")  # fmt: skip
# a grade said: "4 stars", "3.5/5", "8 out of 10", "a solid eight", "⭐⭐⭐" (not "the first one", "Ocean's 11")
_STARS_SAID = re.compile(
    r"(?:\b\d+(?:\.\d+)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|half))\s*(?:stars?\b|/\s*(?:5|10)\b"
    r"|out of (?:5|10|five|ten)\b)|★|⭐|\b(?:give|gave|rate|rated|rating|score|scored)\b[^.!?]{0,20}?\b(?:\d+(?:\.\d+)?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten)\b"
)
# "I'll pass on horror": a genre the model refused is not filled in from a rules' misreading as asked
_REFUSED_BY = {"genres": "exclude_genres", "any_genres": "exclude_genres", "soft_genres": "exclude_genres",
               "people": "exclude_people", "soft_people": "exclude_people", "languages": "exclude_languages",
               "like_titles": "exclude_titles", "moods": "exclude_moods", "keywords": "exclude_keywords"}  # fmt: skip
# fields read together: the model's pair, or the rules' pair, never one bound of each
_PAIRS = (("year_min", "year_max"), ("min_runtime", "max_runtime"), ("soft_year_min", "soft_year_max"))


def _rules_fill_in(request: Understood, rules: Understood) -> Understood:
    """What the model left out and the rules read stays asked: an empty or cut-off reading ({"intent":
    "recommend"}) drops no year, runtime, genre or person the message names."""
    filled = {}
    for name in (f.name for f in dataclasses.fields(Understood)):
        if any(name in pair for pair in _PAIRS):
            continue
        if name in ("query", "relative_to_titles") or (name == "unknown_titles" and request.like_titles):
            continue  # the model read a title the rules could not: "Barry Lyndon" is no unknown "Barry"
        mine, theirs = getattr(request, name), getattr(rules, name)
        if isinstance(theirs, list) and (refused := _REFUSED_BY.get(name)):  # the model's refusals win
            theirs = [value for value in theirs if value not in getattr(request, refused)]
        if theirs and not mine and not (name == "genres" and request.any_genres):
            filled[name] = theirs
    for pair in _PAIRS:
        if all(getattr(request, n) is None for n in pair):
            filled.update({n: getattr(rules, n) for n in pair})
    if request.people or filled.get("people"):  # a refusal either reader heard still wins over an ask
        filled["people"] = [p for p in filled.get("people", request.people) if p not in request.exclude_people]
    return dataclasses.replace(request, **filled)


def _asks_something(rules: Understood) -> bool:
    said = ("caveats", "countries_not_refused", "modifiers")  # what a message can say and ask for nothing
    return any(value for name, value in dataclasses.asdict(rules).items() if name not in said)


def _resolve_all(deps: Deps, titles: list[str], said: str = "") -> list[str]:
    """The catalog's films for the titles the model read, each only when the conversation (`said`,
    folded) has it as the model wrote it or as the catalog does: the model may mend a typo, not add a film."""
    ids = []
    for title in titles:
        match = deps.catalog.resolve_title(title)
        if match is None or match.score < TITLE_MATCH_SCORE or match.movie_id in ids:
            continue
        if said and not any(_said_near(name, said) for name in (title, match.title)):
            continue
        ids.append(match.movie_id)
    return ids


def _said_near(name: str, said: str) -> bool:
    """The conversation has the title, or something a typo or an article away ("titanik", "godfather")."""
    key = normalise_title(ascii_fold(name))
    if not key:
        return False
    words = key.split()  # "the first harry potter": two of its words in a row, of a long title
    pairs = (" ".join(words[i : i + 2]) for i in range(len(words) - 1) if not {*words[i : i + 2]} <= STOPWORDS)
    return fuzz.partial_ratio(key, said) >= TYPO_NEAR or any(f" {pair} " in f" {said} " for pair in pairs)


TYPO_NEAR = 80  # rapidfuzz partial ratio: "titanic" in "something like titanik" is 86


def _bounded(value: int | float | None, low: int, high: int) -> int | None:
    return int(value) if value is not None and low <= value <= high else None


def _people(names: list[str], people_index, said: str = "") -> list[str]:
    """The catalog's names for the people the model named; unknown names, and names of people
    the conversation never mentions (by their surname, at least), are dropped."""
    found = [people_index[p.casefold()] for p in names if isinstance(p, str) and p.casefold() in people_index]
    return [p for p in found if not said or ascii_fold(p.split()[-1]).casefold() in said]

"""Request and response bodies: these models are the OpenAPI document served at /docs."""

from __future__ import annotations

import json
import math
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictInt, field_validator, model_validator

NAME_PATTERN = r"^[A-Za-z0-9_.@+-]{1,64}$"
UserId = Annotated[
    str,
    Field(
        pattern=NAME_PATTERN,
        description="Your own id for the person: letters, digits and _ . @ + - (up to 64). "
        "It is scoped to your API key: another key's 'ana' is a different person. It is case-sensitive and "
        "taken as you send it: 'Zoe' and 'zoe' are two people.",
        examples=["ana"],
    ),
]
MAX_TEXT_CHARS = 2000
STARS_RULE = "a number from 0.5 to 5 in steps of 0.5"


def _stars(value: object) -> object:
    """One sentence for every wrong value: NaN was "Input should be less than or equal to 5"."""
    number = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
    if not number or not 0.5 <= value <= 5 or value * 2 != int(value * 2):
        raise ValueError(f"must be {STARS_RULE}, got {json.dumps(value, default=str)}")
    return value


Stars = Annotated[float, Field(ge=0.5, le=5, multiple_of=0.5), BeforeValidator(_stars)]


class Body(BaseModel):
    """A request body takes JSON's own types: "k": "5" or "stars": "4" is refused (422 naming the field),
    not read as a number, so what is accepted is what the OpenAPI document says; NaN and Infinity too,
    which Python's JSON reader lets through."""

    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False)


class ChatRequest(Body):
    user: UserId
    conversation: str = Field(
        "default",
        pattern=NAME_PATTERN,
        description="Turns are remembered per (user, conversation): 'more', 'something older' build on it.",
    )
    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS, examples=["something like Se7en but less grim"])

    @field_validator("text")
    @classmethod
    def _not_blank(cls, text: str) -> str:
        if not text.strip():
            raise ValueError("the message is blank")
        return text


class Filters(Body):
    """Hard constraints, named as in a turn's `understood`: a chat turn's `understood` may be sent back
    as `filters` to refine it. Leanings read from `text` are no filter and `understood` does not show
    them: a crowd-pleaser or popular film, hidden gems or lesser-known ones, a mood ("dark", "feel-good"),
    a theme ("a heist movie"), an era said as a taste ("I love 80s films"). They come only from `text`, so
    send the text again beside the filters to keep them."""

    genres: list[str] = Field(default_factory=list, max_length=20, examples=[["crime", "thriller"]])
    any_genres: list[str] = Field(default_factory=list, max_length=20, examples=[["thriller", "comedy"]])
    exclude_genres: list[str] = Field(default_factory=list, max_length=20)
    year_min: int | None = Field(None, ge=1870, le=2100)
    year_max: int | None = Field(None, ge=1870, le=2100)
    min_runtime: int | None = Field(None, ge=1, le=1000)
    max_runtime: int | None = Field(None, ge=1, le=1000)
    min_rating: float | None = Field(None, ge=0, le=10)
    people: list[str] = Field(default_factory=list, max_length=20, examples=[["Michael Mann"]])
    any_people: list[str] = Field(default_factory=list, max_length=20, examples=[["Tom Hanks", "Meg Ryan"]])
    exclude_people: list[str] = Field(default_factory=list, max_length=20, examples=[["Adam Sandler"]])
    exclude_keywords: list[str] = Field(
        default_factory=list, max_length=20, examples=[["superhero"]], description="Themes no pick may have."
    )
    require_keywords: list[str] = Field(
        default_factory=list, max_length=20, examples=[["woman director"]], description="Themes every pick has."
    )
    like_titles: list[str] = Field(default_factory=list, max_length=20, examples=[["Heat (1995)"]])
    exclude_years: list[Annotated[list[StrictInt], Field(min_length=2, max_length=2)]] = Field(
        default_factory=list, max_length=20, examples=[[[1994, 1994]]], description="Year spans no pick may be from."
    )
    count: StrictInt | None = Field(None, ge=1, le=50, description="How many picks, when `k` is not given.")
    languages: list[str] = Field(default_factory=list, max_length=20, examples=[["ko"]])
    exclude_languages: list[str] = Field(
        default_factory=list, max_length=20, examples=[["en"]], description="Languages no pick is in."
    )
    countries: list[str] = Field(default_factory=list, max_length=20, examples=[["KR"]])
    studios: list[str] = Field(
        default_factory=list,
        max_length=20,
        examples=[["Pixar"]],
        description="Every pick was made by one of these (a production company whose name holds the words: "
        "'Pixar' is Pixar Animation Studios). Only films whose studio the catalog records can pass; "
        "a catalog that records none refuses the filter.",
    )
    exclude_studios: list[str] = Field(
        default_factory=list,
        max_length=20,
        examples=[["Disney"]],
        description="No pick is known to be made by these; a film whose studio is not recorded may still be.",
    )


class RecommendationsRequest(Body):
    user: UserId
    text: str = Field("", max_length=MAX_TEXT_CHARS, examples=["heist gone wrong"])
    filters: Filters | None = None
    k: StrictInt | None = Field(None, ge=1, le=50, description="How many picks (default 3, at most 50).")


FeedbackKind = Literal["like", "dislike", "stars", "watched", "dismiss"]


class FeedbackRequest(Body):
    user: UserId
    movie_id: str = Field(min_length=1, max_length=200, examples=["heat-1995"])
    kind: FeedbackKind
    stars: Stars | None = Field(
        None,
        description="Required when kind is 'stars': 1 to 5 in half stars, as the star reactions go (a rating "
        "of 0.5 is given with POST /v1/users/{user}/watched); marks it watched.",
    )
    event_id: str = Field(
        min_length=1, max_length=128, description="Your id for this event: sending it again changes nothing."
    )
    suggestion_id: int | None = Field(None, description="The recommendation's suggestion_id, when it was one.")

    @model_validator(mode="after")
    def _stars_with_stars(self) -> FeedbackRequest:
        if (self.kind == "stars") != (self.stars is not None):
            raise ValueError("give stars exactly when kind is 'stars'")
        if self.stars is not None and self.stars < 1:  # the store refused it after this check let it by: a 500
            raise ValueError(f"stars feedback goes from 1 to 5, as the star reactions do, got {self.stars:g}; "
                             "a rating of 0.5 is given with POST /v1/users/{user}/watched")  # fmt: skip
        return self


class WatchedRequest(Body):
    movie: str = Field(min_length=1, max_length=300, description="A catalog id, 'Title (Year)', or a title.")
    stars: Stars | None = None
    on: str | None = Field(
        None,
        max_length=40,
        description="The day it was watched, YYYY-MM-DD, as `/watched add` and `moviebot watched add --date` "
        "take it (a film already listed keeps its day otherwise); a day still to come is refused.",
        examples=["2024-05-31"],
    )


class Recommendation(BaseModel):
    id: str
    title: str
    year: int | None = None
    genres: list[str] = []
    runtime: int | None = None
    directors: list[str] = []
    cast: list[str] = []
    rating: float | None = None
    poster_url: str | None = None
    explanation: str = ""
    suggestion_id: int | None = Field(
        None,
        description="Send it back with feedback on this pick. One numbering for the whole server, every key "
        "included: the gaps between yours are the picks others here were shown (other keys, Discord, Slack).",
    )
    score: float | None = None
    relaxed: bool = Field(False, description="True when this pick is outside what was asked for.")
    outside: list[str] = Field([], description="The constraints a relaxed pick breaks (e.g. 'genres', 'years').")


class TurnResponse(BaseModel):
    """The contract of `moviebot ask --json`, plus each pick's suggestion_id, cast and poster."""

    reply: str = Field(description="The whole answer as text.")
    recommendations: list[Recommendation]
    understood: dict[str, Any] = Field(
        description="The request's hard constraints as understood, by the names `filters` takes. Leanings "
        "the reply may name (a crowd-pleaser, hidden gems, a mood, a theme or era said as a taste) are not "
        "shown: they come only from the text."
    )
    intent: str = ""
    recorded: dict[str, Any] = Field(default_factory=dict, description="What the message stored (ratings, watched).")

    @classmethod
    def of(cls, turn) -> TurnResponse:
        data = turn.to_json()
        for shown, full in zip(data["recommendations"], turn.recommendations, strict=True):
            shown.update({k: full[k] for k in EXTRA_PICK_FIELDS if full.get(k) is not None})
        return cls.model_validate({**data, "recorded": turn.recorded})


EXTRA_PICK_FIELDS = ("suggestion_id", "cast", "poster_url")


class FeedbackResponse(BaseModel):
    recorded: bool = Field(description="False when this event_id was already applied.")
    kind: str
    stars: float | None = None
    movie_id: str
    message: str


class RatedResponse(BaseModel):
    movie_id: str
    label: str
    stars: float | None = None
    message: str
    at: str | None = Field(None, description="When it is now listed as watched (the `on` given, or the day it was "
                           "already listed): ISO 8601, UTC; null when not known.")  # fmt: skip
    note: str = Field(
        "",
        description="When a title typed without its article was taken for one film and another "
        "was likely meant, which was taken and how to name the other; the message says it too.",
    )


class WatchedItem(BaseModel):
    movie_id: str
    label: str
    year: int | None = None
    stars: float | None = None
    reaction: str = Field("", description='"like" or "dislike" when the stars are a 👍/👎\'s, "liked", "loved" or '
                          '"disliked" for a verdict said in chat with no number ("I liked Heat"), kept for ranking '
                          "and never given as stars", examples=["like"])  # fmt: skip
    at: str | None = Field(None, description="When it was marked watched: ISO 8601, UTC; null when not known "
                           "(imported from a row with no date).",
                           examples=["2026-12-04T10:00:00.000000+00:00"])  # fmt: skip


class ProfileResponse(BaseModel):
    summary: str = Field(description="The taste profile in a sentence or two.")
    rated: int
    watched: int
    dismissed: int
    top_genres: list[tuple[str, float]] = Field(description="(genre, affinity about -1..1), strongest liked first.")
    top_people: list[tuple[str, float]]
    top_decades: list[tuple[int, float]]
    recent_watched: list[str] = Field(description="Labels, newest first.")
    is_empty: bool
    genres: dict[str, float] = {}
    decades: dict[int, float] = {}


Rows = list[dict[str, Any]]


class Conversation(BaseModel):
    channel: str = Field(description="The conversation's name, as sent in /v1/chat (`<key name>:<conversation>`).")
    messages: list[Any] = Field(description="What the conversation remembers, oldest first.")


class Export(BaseModel):
    """Everything stored about one user, row by row as stored (`user` is the stored key, `http:<key name>:<id>`)."""

    model_config = ConfigDict(extra="allow")  # whatever else is stored about them is sent too

    user: dict[str, Any] | None = Field(description="The user's row: key, platform, display name, created_at; "
                                                    "null when only other rows exist.")  # fmt: skip
    ratings: Rows = Field(
        description="movie_id, stars, source, rated_at (null: imported without a date; "
        "one imported before migration m007 has the moment of its import)."
    )
    watched: Rows = Field(description="movie_id, source, watched_at (null: imported without a date).")
    dismissed: Rows = Field(description="movie_id, source, dismissed_at: films never to suggest again.")
    feedback: Rows = Field(
        description="Every feedback event: event_id, movie_id, kind, value, suggestion_id; each one's id, and the "
        "feedback_id of ratings, watched and dismissed rows, are numbered across the whole server, as suggestion "
        "ids are."
    )
    suggestions: Rows = Field(description="Every pick shown: id (the suggestion_id), movie_id, rank, shown_at.")
    memberships: Rows = Field(description="Where the user was seen (Discord and Slack).")
    models: Rows = Field(description="The learning re-ranker's model of the user (scope, updated_at, blob_base64).")
    conversations: list[Conversation] = Field(description="Each conversation's remembered messages.")


class Deleted(BaseModel):
    deleted: dict[str, int] = Field(description="How many rows of each kind were deleted.")


class SkippedRow(BaseModel):
    where: str = Field(description='Where the row is in the file sent: "ratings.csv:7", "export.json:ratings[3]".')
    line: int | None = Field(description="The CSV line number (the header is line 1); null for a JSON export's rows.")
    title: str = Field(description="The title the row gives (a moviebot export's row: its movie_id); may be empty.")
    year: int | None = Field(description="The year the row gives, if any.")
    reason: str = Field(description='Why it was skipped: "not in the catalog", "could be several films", a bad value.')
    alternatives: list[str] = Field(default=[], description="The films an ambiguous title could mean.")


class ImportReport(BaseModel):
    """What an import did: the counts, each row skipped and why, and the same sentences Discord and Slack say."""

    format: str = Field(description="The export's format as read: letterboxd, imdb or moviebot.")
    rows: int = Field(description="Rows read, skipped ones included.")
    rated: int = Field(description="Ratings written.")
    watched: int = Field(description="Films marked watched (a rated film counts, but for a 👍/👎 alone).")
    rated_only: int = Field(description="Ratings written of films not marked watched: a 👍/👎 alone, "
                                        "in a moviebot export.")  # fmt: skip
    dismissed: int = Field(description="Films never to suggest again, from a moviebot export.")
    kept: int = Field(description="The file's rating not written: the user rated that film here since, "
                                  "or the file's is undated.")  # fmt: skip
    skipped: list[SkippedRow] = Field(description="Each row not imported: not in the catalog, ambiguous, invalid.")
    summary: list[str] = Field(description="What the import did, a sentence a line, as the chat front ends say it.")


class Health(BaseModel):
    status: Literal["ok", "unavailable"]
    detail: str = ""


class Choice(BaseModel):
    movie_id: str
    label: str = Field(examples=["Heat (1995)"])


class Error(BaseModel):
    error: str = Field(examples=["not_found"])
    message: str = Field(examples=["There is nothing at this address."])
    choices: list[Choice] | None = Field(
        default=None, description="With `ambiguous_title`: the films the title could be; send one's movie_id."
    )

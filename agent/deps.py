"""The long-lived things every node needs, built once by the front end and passed in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from pydantic import BaseModel

from agent.collaborative import CollaborativeModel, CollaborativeSettings, collaborative_model
from store.catalog import Catalog

if TYPE_CHECKING:
    from agent.bandit import Ranker
    from agent.dialogue_ranker import ConversationSignal
    from store.profiles import ProfileStore


class LLM(Protocol):
    """A chat model behind one structured call (agent.llm.StructuredLLM, or a fake)."""

    calls: int

    def ask(self, schema: type[BaseModel], system: str, user: str) -> BaseModel | None: ...


@dataclass(frozen=True)
class AgentConfig:
    default_count: int = 3  # picks per answer when the request names no number
    max_count: int = 50  # the most picks one answer may hold (a batch line's or an API call's k)
    pool: int = 60  # candidates retrieved before ranking
    recent_days: int = 14  # titles shown to a user this recently are not repeated unless asked
    explore: bool = True  # let the learning re-ranker explore (off for evaluation)
    unattended_shown: bool = False  # batch lines and API answers hold their films back as shown ones do
    collaborative: CollaborativeSettings = field(default_factory=CollaborativeSettings)  # lambda, row weights


@dataclass
class Deps:
    catalog: Catalog
    profiles: ProfileStore | None = None
    llm: LLM | None = None
    ranker: Ranker | None = None
    conversations: ConversationSignal | None = None  # what people name next, from dialogues (moviebot train)
    config: AgentConfig = field(default_factory=AgentConfig)
    clock: Callable[[], dt.datetime] = field(default=lambda: dt.datetime.now(dt.UTC))  # what time it is now
    profile_cache: dict = field(default_factory=dict, repr=False)  # (user, data hash) -> Profile

    @property
    def today(self) -> dt.date:
        """Read from the clock on every use, so a bot that runs for months knows the year."""
        return self.clock().date()

    def collaborative(self) -> CollaborativeModel | None:
        """The item-item model over the profile store's ratings, made on first use and kept
        between turns; None without a profile store."""
        return collaborative_model(self.profiles, self.config.collaborative, self.profile_cache)

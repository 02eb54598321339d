"""Wiring: Settings in, a ready Recommender (and its parts) out. Every front end starts here."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from agent.deps import AgentConfig, Deps
from agent.recommender import Recommender, sqlite_checkpointer
from bot.settings import Settings
from store.catalog import Catalog
from store.comentions import FILE_NAME as COMENTIONS_FILE
from store.comentions import CoMentions
from store.home import DataDir
from store.profiles import ProfileStore
from store.starter import open_catalog

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    settings: Settings
    home: DataDir
    catalog: Catalog
    profiles: ProfileStore
    recommender: Recommender

    @property
    def deps(self) -> Deps:
        return self.recommender.deps

    def close(self) -> None:
        self.profiles.close()
        self.catalog.close()


def make_llm(settings: Settings):
    """The chat model behind structured calls, or None for the offline rule-based path."""
    if not settings.llm_enabled:
        return None
    from agent.llm import StructuredLLM, make_chat_model

    model = make_chat_model(
        api_key=settings.openai_api_key,
        base_url=settings.openai_base_url,
        model=settings.llm_model,
        timeout=settings.llm_timeout,
    )
    return StructuredLLM(model, max_attempts=settings.llm_max_attempts)


def open_runtime(
    settings: Settings,
    *,
    progress=None,
    memory: bool = True,
    config: AgentConfig | None = None,
    profiles: ProfileStore | None = None,
    learning: bool = True,
    comentions: CoMentions | None = None,
) -> Runtime:
    """`memory=False` keeps no conversations; `profiles` replaces the data dir's profile
    store (an evaluation's scratch one); `learning=False` ranks with the fixed ranker only;
    `comentions` replaces the data dir's co-mention table (one fitted in memory)."""
    home = DataDir(settings.home).ensure()
    embedder = settings.embedder()
    catalog, _ = open_catalog(home, embedder, progress=progress)
    profiles = profiles or ProfileStore(home.state_db_path)
    from agent.bandit import Ranker
    from agent.dialogue_ranker import ConversationSignal

    table = comentions if comentions is not None else CoMentions.load(home.root / COMENTIONS_FILE)
    deps = Deps(
        catalog=catalog,
        profiles=profiles,
        llm=make_llm(settings),
        ranker=Ranker(profiles) if learning else None,
        conversations=ConversationSignal.from_table(table, catalog.movies),
        config=config or AgentConfig(),
        today=dt.date.today(),
    )
    checkpointer = sqlite_checkpointer(home.root / "conversations.sqlite") if memory else None
    return Runtime(settings, home, catalog, profiles, Recommender(deps, checkpointer))

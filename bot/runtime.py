"""Wiring: Settings in, a ready MovieService (and its parts) out. Every front end starts here,
and nothing else in bot/ opens the profile store or builds the recommender."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from agent.deps import AgentConfig, Deps
from agent.recommender import Recommender, sqlite_checkpointer
from agent.service import MovieService, build_service
from bot.settings import Settings
from store.catalog import Catalog
from store.comentions import FILE_NAME as COMENTIONS_FILE
from store.comentions import CoMentions
from store.embeddings import SentenceTransformerEmbedder
from store.home import DataDir
from store.profiles import ProfileStore
from store.starter import open_catalog

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    settings: Settings
    home: DataDir
    service: MovieService

    @property
    def catalog(self) -> Catalog:
        return self.service.catalog

    @property
    def profiles(self) -> ProfileStore:
        return self.service.profiles

    @property
    def recommender(self) -> Recommender:
        return self.service.recommender

    @property
    def deps(self) -> Deps:
        return self.service.deps

    def close(self) -> None:
        self.service.close()
        self.profiles.close()
        self.catalog.close()


def make_llm(settings: Settings):
    """The chat model behind structured calls, or None for the offline rule-based path.

    MOVIEBOT_LLM_TIMEOUT bounds each call, retries and waits included, not each request:
    a turn that waited on a slow server once does not wait on it again."""
    if not settings.llm_enabled:
        return None
    from agent.llm import StructuredLLM, make_chat_model

    model = make_chat_model(
        api_key=settings.openai_api_key,
        base_url=settings.openai_base_url,
        model=settings.llm_model,
        timeout=settings.llm_timeout,
    )
    return StructuredLLM(model, max_attempts=settings.llm_max_attempts, max_seconds=settings.llm_timeout)


def draw_profile_chart(profile) -> bytes:
    """The PNG the service draws profiles with; matplotlib is imported on first use only."""
    from bot.charts import profile_chart

    return profile_chart(profile)


def open_catalog_only(settings: Settings, *, progress=None) -> Catalog:
    """The catalog alone (built from the starter file on first use), for pure search."""
    home = DataDir(settings.home).ensure()
    catalog, _ = open_catalog(home, settings.embedder(), progress=progress, vectors=settings.vector_store())
    return catalog


def _one_thread_per_turn(settings: Settings) -> None:
    """NumPy's BLAS (the exact vector search) on one thread, like PyTorch's per query: a
    11k x 384 product is a millisecond on one core, and two threads that wait on each
    other while other processes hold the cores took 30 ms (measured on a busy 2-core box)."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=settings.torch_threads or 1, user_api="blas")


def open_runtime(
    settings: Settings,
    *,
    progress=None,
    memory: bool = True,
    config: AgentConfig | None = None,
    scratch_ratings: list[tuple] | None = None,
    learning: bool = True,
    comentions: CoMentions | None = None,
    serving: bool = False,
    catalog: Catalog | None = None,
    clock: Callable[[], datetime] | None = None,
) -> Runtime:
    """`memory=False` keeps no conversations; `scratch_ratings` (an evaluation's) puts a
    profile store in memory holding only those (user, movie, stars, at) rows in place of the
    data dir's; `learning=False` ranks with the fixed ranker only;
    `comentions` replaces the data dir's co-mention table (an evaluation's, fitted in memory),
    and `catalog` is the data dir's catalog when the caller has opened it already; `clock` is
    what time the recommender takes it to be (an evaluation replays dialogues of their own year).
    `serving=True` is a long-running bot: it embeds each query on one PyTorch thread
    (turns run side by side) and warms up before it returns, so the first user's turn is
    as fast as any (a one-shot command would only pay for the warm-up)."""
    home = DataDir(settings.home).ensure()
    if serving:
        _one_thread_per_turn(settings)
    embedder = settings.embedder()
    if serving and isinstance(embedder, SentenceTransformerEmbedder):
        embedder.threads = settings.torch_threads or 1  # turns run side by side: one thread each
    if catalog is None:
        catalog, _ = open_catalog(home, embedder, progress=progress, vectors=settings.vector_store())
    if scratch_ratings is None:
        profiles = ProfileStore(home.state_db_path)
    else:
        profiles = ProfileStore(None)
        if scratch_ratings:
            profiles.bulk_rate(scratch_ratings, source="evaluation")
    from agent.bandit import Ranker
    from agent.dialogue_ranker import ConversationSignal

    config = config or AgentConfig()
    config = replace(config, unattended_shown=settings.unattended_shown, explore=config.explore and settings.explore)
    table = comentions if comentions is not None else CoMentions.load(home.root / COMENTIONS_FILE)
    service = build_service(
        catalog,
        profiles,
        llm=make_llm(settings),
        ranker=Ranker(profiles) if learning else None,
        conversations=ConversationSignal.from_table(table, catalog.movies, catalog.vector_rows),
        config=config,
        checkpointer=sqlite_checkpointer(home.root / "conversations.sqlite") if memory else None,
        chart=draw_profile_chart,
        clock=clock,
    )
    if serving:
        service.recommender.warm()
    return Runtime(settings, home, service)

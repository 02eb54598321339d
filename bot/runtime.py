"""Wiring: Settings in, a ready Recommender (and its parts) out. Every front end starts here."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from agent.deps import AgentConfig, Deps
from agent.recommender import Recommender, sqlite_checkpointer
from bot.settings import Settings
from store.catalog import Catalog
from store.embeddings import SentenceTransformerEmbedder
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
    profiles: ProfileStore | None = None,
    learning: bool = True,
    serving: bool = False,
) -> Runtime:
    """`memory=False` keeps no conversations; `profiles` replaces the data dir's profile
    store (an evaluation's scratch one); `learning=False` ranks with the fixed ranker only.
    `serving=True` is a long-running bot: it embeds each query on one PyTorch thread
    (turns run side by side) and warms up before it returns, so the first user's turn is
    as fast as any (a one-shot command would only pay for the warm-up)."""
    home = DataDir(settings.home).ensure()
    if serving:
        _one_thread_per_turn(settings)
    embedder = settings.embedder()
    if serving and isinstance(embedder, SentenceTransformerEmbedder):
        embedder.threads = settings.torch_threads or 1  # turns run side by side: one thread each
    catalog, _ = open_catalog(home, embedder, progress=progress, vectors=settings.vector_store())
    profiles = profiles or ProfileStore(home.state_db_path)
    from agent.bandit import Ranker

    deps = Deps(
        catalog=catalog,
        profiles=profiles,
        llm=make_llm(settings),
        ranker=Ranker(profiles) if learning else None,
        config=config or AgentConfig(),
        today=dt.date.today(),
    )
    checkpointer = sqlite_checkpointer(home.root / "conversations.sqlite") if memory else None
    recommender = Recommender(deps, checkpointer)
    if serving:
        recommender.warm()
    return Runtime(settings, home, catalog, profiles, recommender)

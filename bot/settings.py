"""The one place that reads the environment; everything below `bot/` receives a Settings."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path


def _default_home() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "moviebot"


@dataclass(frozen=True)
class Settings:
    home: Path = field(default_factory=_default_home)
    embedding_model: str | None = None  # a local sentence-transformers folder; None = the bundled one
    openai_api_key: str | None = None
    openai_base_url: str | None = None
    llm_model: str = "gpt-4o-mini"
    llm_timeout: float = 20.0
    llm_max_attempts: int = 3
    discord_token: str | None = None
    discord_test_guild_id: int | None = None
    discord_channels: tuple[int, ...] = ()

    @property
    def llm_enabled(self) -> bool:
        return bool(self.openai_api_key or self.openai_base_url)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides) -> Settings:
        env = os.environ if environ is None else environ
        guild = env.get("DISCORD_TEST_GUILD_ID", "").strip()
        channels = tuple(int(c) for c in env.get("MOVIEBOT_DISCORD_CHANNELS", "").replace(",", " ").split() if c)
        settings = cls(
            home=Path(env["MOVIEBOT_HOME"]).expanduser() if env.get("MOVIEBOT_HOME") else _default_home(),
            embedding_model=env.get("MOVIEBOT_EMBEDDING_MODEL") or None,
            openai_api_key=env.get("OPENAI_API_KEY") or None,
            openai_base_url=env.get("OPENAI_BASE_URL") or None,
            llm_model=env.get("MOVIEBOT_LLM_MODEL") or cls.llm_model,
            llm_timeout=float(env.get("MOVIEBOT_LLM_TIMEOUT") or cls.llm_timeout),
            discord_token=env.get("DISCORD_TOKEN") or None,
            discord_test_guild_id=int(guild) if guild else None,
            discord_channels=channels,
        )
        return replace(settings, **{k: v for k, v in overrides.items() if v is not None})

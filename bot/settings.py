"""The one place that reads the environment; everything below `bot/` receives a Settings."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from store.embeddings import PRECISIONS, SentenceTransformerEmbedder


def _default_home() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "moviebot"


@dataclass(frozen=True)
class Settings:
    home: Path = field(default_factory=_default_home)
    embedding_model: str | None = None  # a local sentence-transformers folder; None = the bundled one
    embedding_precision: str = "int8"  # or "float32": slower to embed, no better at retrieval (embedding_bench)
    embedding_tokens: int = 64  # each movie's document is cut at this many tokens
    openai_api_key: str | None = None
    openai_base_url: str | None = None
    llm_model: str = "gpt-4o-mini"
    llm_timeout: float = 20.0
    llm_max_attempts: int = 3
    discord_token: str | None = None
    discord_test_guild_id: int | None = None
    discord_channels: tuple[int, ...] = ()
    unattended_shown: bool = False  # batch lines and API answers hold their films back as chat answers do
    slack_bot_token: str | None = None
    slack_app_token: str | None = None

    @property
    def llm_enabled(self) -> bool:
        return bool(self.openai_api_key or self.openai_base_url)

    def slack_tokens(self) -> tuple[str, str]:
        """(bot token, app-level token), or a SettingsError saying which one is missing or wrong.
        Checked only by the Slack front end, so a bad Slack token never stops `moviebot chat`."""
        bot, app = self.slack_bot_token, self.slack_app_token
        steps = "see the README's Slack section"
        if not bot:
            raise SettingsError(f"SLACK_BOT_TOKEN is not set: export the Bot User OAuth Token (xoxb-...); {steps}")
        if not app:
            raise SettingsError(
                "SLACK_APP_TOKEN is not set: export an app-level token with the connections:write scope "
                f"(xapp-...); {steps}"
            )
        if not bot.startswith("xoxb-") or len(bot) < 12 or any(c.isspace() for c in bot):
            hint = " (that is the app-level token; the two are swapped)" if bot.startswith("xapp-") else ""
            raise SettingsError(f"SLACK_BOT_TOKEN must be a bot token starting with xoxb-{hint}")
        if not app.startswith("xapp-") or len(app) < 12 or any(c.isspace() for c in app):
            hint = " (that is the bot token; the two are swapped)" if app.startswith("xoxb-") else ""
            raise SettingsError(f"SLACK_APP_TOKEN must be an app-level token starting with xapp-{hint}")
        return bot, app

    def embedder(self) -> SentenceTransformerEmbedder:
        """The sentence embedder these settings describe; it loads its model on first use."""
        return SentenceTransformerEmbedder(
            self.embedding_model, precision=self.embedding_precision, max_seq_length=self.embedding_tokens
        )

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides) -> Settings:
        env = os.environ if environ is None else environ
        guild = _number(env, "DISCORD_TEST_GUILD_ID", int, None)
        channels = env.get("MOVIEBOT_DISCORD_CHANNELS", "").replace(",", " ").split()
        if not all(channel.isdigit() for channel in channels):
            raise SettingsError("MOVIEBOT_DISCORD_CHANNELS must be channel ids separated by commas or spaces")
        settings = cls(
            home=Path(env["MOVIEBOT_HOME"]).expanduser() if env.get("MOVIEBOT_HOME") else _default_home(),
            embedding_model=env.get("MOVIEBOT_EMBEDDING_MODEL") or None,
            embedding_precision=_choice(env, "MOVIEBOT_EMBEDDING_PRECISION", PRECISIONS, cls.embedding_precision),
            embedding_tokens=_number(env, "MOVIEBOT_EMBEDDING_TOKENS", int, cls.embedding_tokens, low=16, high=512),
            openai_api_key=env.get("OPENAI_API_KEY") or None,
            openai_base_url=env.get("OPENAI_BASE_URL") or None,
            llm_model=env.get("MOVIEBOT_LLM_MODEL") or cls.llm_model,
            llm_timeout=_number(env, "MOVIEBOT_LLM_TIMEOUT", float, cls.llm_timeout, low=1, high=600),
            discord_token=env.get("DISCORD_TOKEN") or None,
            discord_test_guild_id=guild,
            discord_channels=tuple(int(channel) for channel in channels),
            unattended_shown=_choice(env, "MOVIEBOT_UNATTENDED_SHOWN", _SWITCH, "no") in _YES,
            slack_bot_token=(env.get("SLACK_BOT_TOKEN") or "").strip() or None,
            slack_app_token=(env.get("SLACK_APP_TOKEN") or "").strip() or None,
        )
        return replace(settings, **{k: v for k, v in overrides.items() if v is not None})


_SWITCH = ("yes", "no", "true", "false", "on", "off", "1", "0")
_YES = ("yes", "true", "on", "1")


class SettingsError(ValueError):
    """An environment variable moviebot cannot use; the message names it and what it takes."""


def _number(env, name: str, kind: type, default, *, low: float | None = None, high: float | None = None):
    text = (env.get(name) or "").strip()
    if not text:
        return default
    try:
        value = kind(text)
    except ValueError:
        what = "a whole number" if kind is int else "a number"
        raise SettingsError(f"{name} must be {what}, not {text!r}") from None
    if (low is not None and value < low) or (high is not None and value > high):
        raise SettingsError(f"{name} must be between {low:g} and {high:g}, not {text}")
    return value


def _choice(env, name: str, choices: tuple[str, ...], default: str) -> str:
    text = (env.get(name) or "").strip().lower()
    if text and text not in choices:
        raise SettingsError(f"{name} must be one of {', '.join(choices)}, not {text!r}")
    return text or default

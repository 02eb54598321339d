"""The one place that reads the environment; everything below `bot/` receives a Settings."""

from __future__ import annotations

import hashlib
import ipaddress
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from bot.history_files import MAX_IMPORT_BYTES
from store.embeddings import PRECISIONS, SentenceTransformerEmbedder
from store.vectors import INDEXES, VectorStore, parse_chroma_url


def _default_home() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "moviebot"


@dataclass(frozen=True)
class ApiKey:
    """One HTTP API tenant: its name namespaces its users (http:<name>:<user>)."""

    name: str
    key: str = field(repr=False)

    @property
    def digest(self) -> bytes:
        return hashlib.sha256(self.key.encode()).digest()


@dataclass(frozen=True)
class HttpSettings:
    """The HTTP API: where it listens, who may call it, and how much each caller may ask."""

    port: int | None = None  # None: the HTTP API is off
    host: str = "127.0.0.1"
    api_keys: tuple[ApiKey, ...] = ()  # none: open to anyone who can reach a loopback address
    rate_per_minute: int = 600  # per key; 0 turns rate limiting off
    burst: int = 60  # requests a key may make at once before the rate applies
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)  # threads running turns
    max_body_bytes: int = 64 * 1024
    max_import_bytes: int = MAX_IMPORT_BYTES  # a history file, as Discord's and Slack's import take
    processes: int = 1  # processes answering on the one socket, each with its own runtime (bot.http.processes)

    @property
    def loopback(self) -> bool:
        if self.host == "localhost":
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False

    def check_exposure(self) -> None:
        """An API without keys is only ever reachable from this machine."""
        if not self.api_keys and not self.loopback:
            raise SettingsError(
                f"the HTTP API would listen on {self.host} with no API key: set MOVIEBOT_API_KEYS "
                "(name:key pairs, or @file) or listen on 127.0.0.1"
            )


@dataclass(frozen=True)
class Settings:
    home: Path = field(default_factory=_default_home)
    embedding_model: str | None = None  # a local sentence-transformers folder; None = the bundled one
    embedding_precision: str = "int8"  # or "float32": slower to embed, no better at retrieval (embedding_bench)
    embedding_tokens: int = 64  # each movie's document is cut at this many tokens
    chroma_url: str | None = None  # a Chroma server (http://chroma:8000); None = embedded in the data dir
    vector_index: str = "memory"  # searches on an exact in-memory copy of the vectors, or "chroma" itself
    torch_threads: int | None = None  # PyTorch and BLAS threads per turn; None: 1 when serving, else all cores
    openai_api_key: str | None = None
    openai_base_url: str | None = None
    llm_model: str = "gpt-4o-mini"
    llm_timeout: float = 20.0
    llm_max_attempts: int = 3
    discord_token: str | None = None
    discord_test_guild_id: int | None = None
    discord_channels: tuple[int, ...] = ()
    unattended_shown: bool = False  # batch lines and API answers hold their films back as chat answers do
    explore: bool = True  # the learning re-ranker's epsilon-greedy exploration; off: the same request, the same answer
    slack_bot_token: str | None = None
    slack_app_token: str | None = None
    http: HttpSettings = field(default_factory=HttpSettings)

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
        """The sentence embedder these settings describe; it loads its model on first use.
        (A serving runtime sets its `threads`: see bot.runtime.open_runtime.)"""
        return SentenceTransformerEmbedder(
            self.embedding_model,
            precision=self.embedding_precision,
            max_seq_length=self.embedding_tokens,
            threads=self.torch_threads,
        )

    def vector_store(self) -> VectorStore:
        """Where the catalog's vectors live and where searches over them run."""
        return VectorStore(self.chroma_url, self.vector_index)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides) -> Settings:
        env = os.environ if environ is None else environ
        guild = _number(env, "DISCORD_TEST_GUILD_ID", int, None)
        channels = env.get("MOVIEBOT_DISCORD_CHANNELS", "").replace(",", " ").split()
        if not all(channel.isdigit() for channel in channels):
            raise SettingsError("MOVIEBOT_DISCORD_CHANNELS must be channel ids separated by commas or spaces")
        chroma_url = (env.get("MOVIEBOT_CHROMA_URL") or "").strip() or None
        if chroma_url:
            try:
                parse_chroma_url(chroma_url)
            except ValueError as exc:
                raise SettingsError(f"MOVIEBOT_CHROMA_URL: {exc}") from None
        settings = cls(
            home=Path(env["MOVIEBOT_HOME"]).expanduser() if env.get("MOVIEBOT_HOME") else _default_home(),
            embedding_model=env.get("MOVIEBOT_EMBEDDING_MODEL") or None,
            embedding_precision=_choice(env, "MOVIEBOT_EMBEDDING_PRECISION", PRECISIONS, cls.embedding_precision),
            embedding_tokens=_number(env, "MOVIEBOT_EMBEDDING_TOKENS", int, cls.embedding_tokens, low=16, high=512),
            chroma_url=chroma_url,
            vector_index=_choice(env, "MOVIEBOT_VECTOR_INDEX", INDEXES, cls.vector_index),
            torch_threads=_number(env, "MOVIEBOT_TORCH_THREADS", int, None, low=1, high=256),
            openai_api_key=env.get("OPENAI_API_KEY") or None,
            openai_base_url=env.get("OPENAI_BASE_URL") or None,
            llm_model=env.get("MOVIEBOT_LLM_MODEL") or cls.llm_model,
            llm_timeout=_number(env, "MOVIEBOT_LLM_TIMEOUT", float, cls.llm_timeout, low=1, high=600),
            discord_token=env.get("DISCORD_TOKEN") or None,
            discord_test_guild_id=guild,
            discord_channels=tuple(int(channel) for channel in channels),
            unattended_shown=_choice(env, "MOVIEBOT_UNATTENDED_SHOWN", _SWITCH, "no") in _YES,
            explore=_choice(env, "MOVIEBOT_EXPLORE", _SWITCH, "yes") in _YES,
            slack_bot_token=(env.get("SLACK_BOT_TOKEN") or "").strip() or None,
            slack_app_token=(env.get("SLACK_APP_TOKEN") or "").strip() or None,
            http=_http_from_env(env),
        )
        return replace(settings, **{k: v for k, v in overrides.items() if v is not None})


_SWITCH = ("yes", "no", "true", "false", "on", "off", "1", "0")
_YES = ("yes", "true", "on", "1")


class SettingsError(ValueError):
    """An environment variable moviebot cannot use; the message names it and what it takes."""


def _http_from_env(env) -> HttpSettings:
    default = HttpSettings()
    return HttpSettings(
        port=_number(env, "MOVIEBOT_HTTP_PORT", int, None, low=0, high=65535),
        host=(env.get("MOVIEBOT_HTTP_HOST") or "").strip() or default.host,
        api_keys=parse_api_keys(env.get("MOVIEBOT_API_KEYS") or ""),
        rate_per_minute=_number(env, "MOVIEBOT_HTTP_RATE", int, default.rate_per_minute, low=0, high=1_000_000),
        burst=_number(env, "MOVIEBOT_HTTP_BURST", int, default.burst, low=1, high=100_000),
        workers=_number(env, "MOVIEBOT_HTTP_WORKERS", int, default.workers, low=1, high=256),
        processes=_number(env, "MOVIEBOT_HTTP_PROCESSES", int, default.processes, low=1, high=64),
    )


_TENANT_NAME = re.compile(r"[A-Za-z0-9_.-]{1,64}")


def parse_api_keys(text: str) -> tuple[ApiKey, ...]:
    """`name:key` pairs separated by commas or newlines, or `@path` to a file of them
    (blank lines and lines starting with # are skipped)."""
    text = text.strip()
    where = "MOVIEBOT_API_KEYS"
    if text.startswith("@"):
        path = Path(text[1:]).expanduser()
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise SettingsError(f"MOVIEBOT_API_KEYS names {path}, which cannot be read: {exc.strerror}") from None
        where = str(path)
        text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    keys: list[ApiKey] = []
    for pair in filter(None, (p.strip() for p in re.split(r"[,\n]", text))):
        name, sep, key = pair.partition(":")
        name, key = name.strip(), key.strip()
        if not sep or not _TENANT_NAME.fullmatch(name) or not key:
            raise SettingsError(
                f"{where}: each entry must be name:key with a name of letters, digits, '_', '.' or '-', "
                f"not {name + sep + ('...' if key else '')!r}"
            )
        if len(key) < 16:
            raise SettingsError(f"{where}: the key for {name!r} is shorter than 16 characters; use a long random one")
        if any(k.name == name for k in keys):
            raise SettingsError(f"{where}: {name!r} is named twice")
        if any(k.key == key for k in keys):
            raise SettingsError(f"{where}: {name!r} reuses another tenant's key")
        keys.append(ApiKey(name, key))
    return tuple(keys)


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

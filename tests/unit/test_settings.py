"""The environment a user configures moviebot with: what it reads and what it refuses."""

from __future__ import annotations

import pytest

from bot.cli.commands import main
from bot.settings import Settings, SettingsError
from store.vectors import VectorStore
from tests.fakes import OtherSetupEmbedder


def test_the_embedding_setup_comes_from_the_environment():
    default = Settings.from_env({}).embedder()
    assert (default.precision, default.model_id.split(":")[1:]) == ("int8", ["64", "int8"])
    chosen = Settings.from_env({"MOVIEBOT_EMBEDDING_PRECISION": "Float32", "MOVIEBOT_EMBEDDING_TOKENS": "128"})
    embedder = chosen.embedder()
    assert embedder.precision == "float32" and embedder.model_id.endswith(":128")
    assert embedder.model_id != default.model_id  # so vectors of the two setups never share a cache entry


def test_a_chroma_server_is_read_from_the_environment():
    assert Settings.from_env({}).vector_store() == VectorStore()
    settings = Settings.from_env({"MOVIEBOT_CHROMA_URL": " http://chroma:8000 ", "MOVIEBOT_VECTOR_INDEX": "Chroma"})
    assert settings.vector_store() == VectorStore("http://chroma:8000", "chroma")


def test_torch_threads_come_from_the_environment():
    assert Settings.from_env({}).embedder().threads is None  # an ingest uses every core
    assert Settings.from_env({"MOVIEBOT_TORCH_THREADS": "2"}).embedder().threads == 2


def test_discord_ids_are_parsed():
    settings = Settings.from_env({"DISCORD_TEST_GUILD_ID": " 42 ", "MOVIEBOT_DISCORD_CHANNELS": "7, 8 9"})
    assert settings.discord_test_guild_id == 42 and settings.discord_channels == (7, 8, 9)


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("MOVIEBOT_EMBEDDING_TOKENS", "lots", "MOVIEBOT_EMBEDDING_TOKENS must be a whole number, not 'lots'"),
        ("MOVIEBOT_EMBEDDING_TOKENS", "4", "MOVIEBOT_EMBEDDING_TOKENS must be between 16 and 512, not 4"),
        ("MOVIEBOT_EMBEDDING_PRECISION", "fp16", "must be one of int8, float32, not 'fp16'"),
        ("MOVIEBOT_LLM_TIMEOUT", "soon", "MOVIEBOT_LLM_TIMEOUT must be a number, not 'soon'"),
        ("DISCORD_TEST_GUILD_ID", "my-server", "DISCORD_TEST_GUILD_ID must be a whole number"),
        ("MOVIEBOT_DISCORD_CHANNELS", "#general", "MOVIEBOT_DISCORD_CHANNELS must be channel ids"),
        ("MOVIEBOT_CHROMA_URL", "chroma:8000", "MOVIEBOT_CHROMA_URL: a Chroma server URL looks like http://"),
        ("MOVIEBOT_CHROMA_URL", "http://chroma:eighty", "the port in 'http://chroma:eighty' is not a number"),
        ("MOVIEBOT_VECTOR_INDEX", "hnsw", "MOVIEBOT_VECTOR_INDEX must be one of memory, chroma, not 'hnsw'"),
    ],
)
def test_a_bad_value_is_named_with_what_it_takes(name, value, message, monkeypatch, tmp_path, capsys):
    with pytest.raises(SettingsError, match=message):
        Settings.from_env({name: value})
    monkeypatch.setenv(name, value)
    assert main(["catalog", "stats", "--data-dir", str(tmp_path)]) == 2
    assert message in capsys.readouterr().err


def test_changing_the_embedding_setup_says_the_catalog_is_re_embedded(catalog, home, monkeypatch, capsys):
    monkeypatch.setattr("bot.settings.Settings.embedder", lambda self: OtherSetupEmbedder())
    assert main(["search", "serial killer", "--data-dir", str(home.root)]) == 0
    out, err = capsys.readouterr()
    assert "The embedding setup changed: re-embedding the catalog once" in err and "Se7en" in out
    assert main(["search", "serial killer", "--data-dir", str(home.root)]) == 0
    assert "embedding setup" not in capsys.readouterr().err  # once only

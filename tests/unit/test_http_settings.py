"""The HTTP API's settings: keys from the environment or a file, and what is refused."""

from __future__ import annotations

import pytest

from bot.settings import HttpSettings, Settings, SettingsError, parse_api_keys


def test_keys_are_name_key_pairs_or_a_file_of_them(tmp_path):
    keys = Settings.from_env(
        {"MOVIEBOT_API_KEYS": " acme:0123456789abcdef , beta.io:fedcba9876543210xyz "}
    ).http.api_keys
    assert [(k.name, k.key) for k in keys] == [("acme", "0123456789abcdef"), ("beta.io", "fedcba9876543210xyz")]
    assert "0123456789abcdef" not in repr(keys)  # keys never end up in logs via repr
    path = tmp_path / "keys"
    path.write_text("# tenants\nacme:0123456789abcdef\n\nbeta:fedcba9876543210xyz\n", encoding="utf-8")
    assert [k.name for k in parse_api_keys(f"@{path}")] == ["acme", "beta"]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("acme", "each entry must be name:key"),
        ("ac me:0123456789abcdef", "each entry must be name:key"),
        ("acme:short", "the key for 'acme' is shorter than 16 characters"),
        ("acme:0123456789abcdef,acme:fedcba9876543210", "'acme' is named twice"),
        ("acme:0123456789abcdef,beta:0123456789abcdef", "'beta' reuses another tenant's key"),
        ("@/no/such/file", "MOVIEBOT_API_KEYS names /no/such/file, which cannot be read"),
    ],
)
def test_bad_keys_are_refused_with_the_reason(value, message):
    with pytest.raises(SettingsError, match=message):
        parse_api_keys(value)


def test_http_numbers_are_checked():
    http = Settings.from_env(
        {"MOVIEBOT_HTTP_PORT": "8080", "MOVIEBOT_HTTP_RATE": "0", "MOVIEBOT_HTTP_WORKERS": "3"}
    ).http
    assert (http.port, http.rate_per_minute, http.workers) == (8080, 0, 3)
    with pytest.raises(SettingsError, match="MOVIEBOT_HTTP_PORT must be a whole number, not 'http'"):
        Settings.from_env({"MOVIEBOT_HTTP_PORT": "http"})
    with pytest.raises(SettingsError, match="MOVIEBOT_HTTP_WORKERS must be between 1 and 256"):
        Settings.from_env({"MOVIEBOT_HTTP_WORKERS": "0"})


def test_http_processes_are_one_unless_asked_and_checked():
    assert Settings.from_env({}).http.processes == 1
    assert Settings.from_env({"MOVIEBOT_HTTP_PROCESSES": "2"}).http.processes == 2
    with pytest.raises(SettingsError, match="MOVIEBOT_HTTP_PROCESSES must be between 1 and 64"):
        Settings.from_env({"MOVIEBOT_HTTP_PROCESSES": "0"})


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_an_open_api_may_listen_on_loopback(host):
    HttpSettings(host=host).check_exposure()


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.5", "::", "example.org"])
def test_an_open_api_may_not_listen_anywhere_else(host):
    with pytest.raises(SettingsError, match=f"would listen on {host} with no API key"):
        HttpSettings(host=host).check_exposure()
    HttpSettings(host=host, api_keys=parse_api_keys("acme:0123456789abcdef")).check_exposure()

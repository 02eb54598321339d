"""compose.yaml checked statically (no Docker here or in CI): the pieces must name each other
correctly, the moviebot image must have what the file runs, and the environment it sets must be
one moviebot accepts."""

from __future__ import annotations

import importlib.metadata
import re
import shlex
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bot.cli.commands import build_parser
from bot.serve import plan
from bot.settings import Settings

yaml = pytest.importorskip("yaml")

ROOT = Path(__file__).resolve().parents[2]
_INTERPOLATION = re.compile(r"\$\{(\w+)(?::?[-?][^}]*)?\}")


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def dockerfile() -> dict[str, list[str]]:
    """Each instruction's arguments, in order (continuation lines joined)."""
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8").replace("\\\n", " ")
    found: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            instruction, _, rest = line.strip().partition(" ")
            found.setdefault(instruction.upper(), []).append(rest.strip())
    return found


def exec_form(text: str) -> list[str]:
    return yaml.safe_load(text)  # ["moviebot"] is a YAML (JSON) list too


def flag(args: list[str], name: str) -> str:
    return args[args.index(name) + 1]


def dockerfile_env(dockerfile) -> dict[str, str]:
    env = {}
    for line in dockerfile.get("ENV", []):
        env.update(dict(part.split("=", 1) for part in shlex.split(line)))
    return env


def service_env(service: dict) -> dict[str, str]:
    """The service's environment as the container sees it: ${VAR:-default} gives its default,
    a required ${VAR:?...} a value of the documented shape."""
    samples = {"MOVIEBOT_API_KEYS": "me:0123456789abcdef0123456789abcdef"}

    def value(match: re.Match) -> str:
        whole = match.group(0)
        if ":?" in whole:
            return samples[match.group(1)]
        return whole.split(":-", 1)[1][:-1] if ":-" in whole else ""

    return {name: _INTERPOLATION.sub(value, str(raw)) for name, raw in (service.get("environment") or {}).items()}


def test_the_image_entrypoint_is_the_moviebot_command(dockerfile):
    [entrypoint] = dockerfile["ENTRYPOINT"]
    assert exec_form(entrypoint) == ["moviebot"]
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    module, _, function = scripts["moviebot"].partition(":")
    assert callable(getattr(__import__(module, fromlist=[function]), function))
    for copied in ("bot", "agent", "store", "prompts"):  # what `pip install .` in the image needs
        assert any(line.split()[:1] == [copied] for line in dockerfile["COPY"]), copied


def test_moviebot_runs_serve_and_serve_is_a_command(compose):
    service = compose["services"]["moviebot"]
    assert service["command"] == ["serve"]
    args = build_parser().parse_args(service["command"])
    assert args.command == "serve"


def test_moviebot_finds_chroma_by_its_service_name_and_port(compose):
    services = compose["services"]
    url = urlsplit(service_env(services["moviebot"])["MOVIEBOT_CHROMA_URL"])
    assert url.scheme == "http" and url.hostname in services
    chroma = services[url.hostname]
    entrypoint = chroma["entrypoint"]
    assert entrypoint[:2] == ["chroma", "run"] and chroma.get("command") == []
    assert int(flag(entrypoint, "--port")) == url.port
    assert flag(entrypoint, "--host") == "0.0.0.0"  # reachable from the other container, not loopback only
    assert f":{url.port}/" in " ".join(chroma["healthcheck"]["test"])
    assert services["moviebot"]["depends_on"]["chroma"]["condition"] == "service_healthy"


def test_the_chroma_command_comes_with_the_installed_chromadb():
    scripts = {e.name: e for e in importlib.metadata.entry_points(group="console_scripts")}
    assert "chroma" in scripts and scripts["chroma"].dist.name == "chromadb"


def test_volumes_are_declared_and_mounted_where_each_process_keeps_its_data(compose, dockerfile):
    declared = set(compose["volumes"])
    mounts = {name: dict(m.split(":", 1) for m in svc.get("volumes", [])) for name, svc in compose["services"].items()}
    assert all(volume in declared for found in mounts.values() for volume in found)
    image_env = dockerfile_env(dockerfile)
    # moviebot's state (catalogs, profiles, conversations) lives in MOVIEBOT_HOME: the volume every
    # moviebot container, `docker compose run moviebot ingest` included, shares
    assert mounts["moviebot"]["moviebot-data"] == image_env["MOVIEBOT_HOME"]
    assert image_env["MOVIEBOT_HOME"] in " ".join(dockerfile["VOLUME"])
    # Chroma keeps its collections where `chroma run --path` says, and the image pre-creates that
    # folder so the volume belongs to the unprivileged user
    chroma_path = flag(compose["services"]["chroma"]["entrypoint"], "--path")
    assert mounts["chroma"]["chroma-data"] == chroma_path
    assert any(chroma_path in line for line in dockerfile["RUN"] if "mkdir" in line)
    assert set(mounts["moviebot"]).isdisjoint(mounts["chroma"])  # each store has one writer


def test_the_environment_compose_sets_is_one_moviebot_accepts(compose):
    service = compose["services"]["moviebot"]
    settings = Settings.from_env(service_env(service))
    assert settings.chroma_url == "http://chroma:8000"
    http = next(front for front in plan(settings) if front.name == "HTTP API")
    assert http.on and settings.http.host == "0.0.0.0" and settings.http.api_keys
    assert f"{settings.http.port}:{settings.http.port}" in service["ports"]

"""The layout shows the architecture: imports go agent -> store, never back, and never round in a circle."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FRONT_ENDS = ("bot", "evaluation", "discord", "slack_bolt", "slack_sdk", "fastapi")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, package: str) -> set[str]:
    """Every module `path` imports, at any depth in the file (a function-level import still binds)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _graph(package: str) -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in (ROOT / package).rglob("*.py")}
    return {name: {m for m in _imports(path, package) if m in modules and m != name} for name, path in modules.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


@pytest.mark.parametrize("package", ["agent", "store", "bot", "evaluation"])
def test_no_import_cycles(package: str) -> None:
    assert _cycle(_graph(package)) is None


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


@pytest.mark.parametrize("package", ["agent", "store"])
def test_the_core_never_imports_a_front_end(package: str) -> None:
    offenders = {
        _module_name(path): sorted(m for m in _imports(path, package) if m.split(".")[0] in FRONT_ENDS)
        for path in (ROOT / package).rglob("*.py")
    }
    assert {name: found for name, found in offenders.items() if found} == {}


def test_store_never_imports_agent() -> None:
    offenders = [_module_name(p) for p in (ROOT / "store").rglob("*.py") if any(
        m.split(".")[0] == "agent" for m in _imports(p, "store"))]  # fmt: skip
    assert offenders == []


def test_agent_modules_stay_readable() -> None:
    long = {_module_name(p): n for p in (ROOT / "agent").rglob("*.py") if (n := len(p.read_text().splitlines())) > 600}
    assert long == {}


def test_evaluation_never_imports_bot() -> None:
    offenders = [_module_name(p) for p in (ROOT / "evaluation").rglob("*.py") if any(
        m.split(".")[0] == "bot" for m in _imports(p, "evaluation"))]  # fmt: skip
    assert offenders == []


def test_only_the_runtime_opens_the_profile_store_or_builds_deps() -> None:
    """Front ends talk to the service; bot/runtime.py is the one place it is put together."""
    offenders = [
        _module_name(path)
        for path in (ROOT / "bot").rglob("*.py")
        if path.name != "runtime.py" and any(m in ("store.profiles.ProfileStore", "agent.deps.Deps",
                                                   "agent.recommender.Recommender") for m in _imports(path, "bot"))
    ]  # fmt: skip
    assert offenders == []


def test_the_moviebot_script_entry_point_stays_a_function_once_every_command_is_loaded():
    import bot.cli
    import bot.cli.commands  # loading every command family must not shadow it

    assert callable(bot.cli.main)

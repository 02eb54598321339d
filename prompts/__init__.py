"""Prompt files, one per prompt, rendered with str.format placeholders."""

from __future__ import annotations

import string
from functools import cache
from importlib import resources


@cache
def load(name: str) -> str:
    return (resources.files(__name__) / f"{name}.md").read_text(encoding="utf-8")


def placeholders(name: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(load(name)) if field}


def render(name: str, **values: object) -> str:
    """Fill a prompt; a missing or unused value is a bug, so it raises instead of guessing."""
    wanted = placeholders(name)
    missing, unused = wanted - set(values), set(values) - wanted
    if missing or unused:
        raise KeyError(f"prompt {name!r}: missing {sorted(missing)}, unused {sorted(unused)}")
    return load(name).format(**values)


def names() -> list[str]:
    return sorted(p.name.removesuffix(".md") for p in resources.files(__name__).iterdir() if p.name.endswith(".md"))

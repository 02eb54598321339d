"""A darker tone turned down after a request: "less grim" after "a war drama" means what "something
lighter" means, leaning to comedy on a catalog that labels no tone (agent.understanding.merge), and
saying so. Said with a film ("like se7en but less grim") it stays a refusal of the dark moods, as the
films like Se7en are what is asked for."""

from __future__ import annotations

import dataclasses
import re

from agent.understanding.request import Understood

_LESS_DARK = re.compile(r"\bless\s+(?:grim|dark|bleak|depressing|gloomy|heavy|grimdark)\b", re.IGNORECASE)
_DARK_MOODS = frozenset(("dark", "bleak", "disturbing", "violent"))


def less_dark_as_lighter(message: str, understood: Understood) -> Understood:
    """`understood` with "less grim" (or dark, bleak, depressing) read as "lighter" when the message,
    a follow-up, names no film and asks for no other tone; otherwise `understood` as it is."""
    if not _LESS_DARK.search(message) or understood.like_titles or understood.moods:
        return understood
    if not set(understood.exclude_moods) <= _DARK_MOODS or "lighter" in understood.modifiers:
        return understood
    return dataclasses.replace(understood, exclude_moods=[], modifiers=[*understood.modifiers, "lighter"])

"""Lists said as a sentence says them: the one helper every reply that names several things uses."""

from __future__ import annotations


def prose_list(items: list[str], conjunction: str = "and") -> str:
    """Items as a sentence lists them: "Heat, Ronin and The Town"; with "or" when one is meant."""
    if not items:  # nothing to list, as a filter left empty
        return ""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {conjunction} {items[-1]}"

"""Statements the bot can't note, answered with what it can't do rather than with picks: a whole
studio said seen ("seen every Pixar movie") and a verdict on an everyday word that titles a little-known
film ("fear was great")."""

from __future__ import annotations

from agent.series_seen import whole_kind_unmarked
from agent.understanding.word_verdicts import word_title_asked
from store.catalog import Catalog


def unnoted_said(message: str, catalog: Catalog) -> str | None:
    """What to say instead of noting or recommending, or None when the message is none of these."""
    return whole_kind_unmarked(message, catalog) or word_title_asked(message, catalog)

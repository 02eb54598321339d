"""A follow-up in a conversation someone else was answered in: Alice asks for "a heist movie from
the 2000s" in a Slack thread, Bob writes "more but funnier" under it.

Each person keeps a conversation of their own (their messages, their thread in the checkpointer),
but Bob's turn begins where the thread's last answer left off: Alice's request, the earlier subjects,
the films it went by and every film the thread has shown, and its picks, which "the second one"
points at. What Bob is shown is his: his profile ranks the picks and his watched list excludes
films. The last picks' reasons are made again without Alice's profile and without saying who asked,
so "why the second one?" never tells Bob that he rated, or asked for, something he did not.
"""

from __future__ import annotations

import re

from agent.explanations import reasons_for
from agent.nodes.likeness import unlike_anchors
from agent.state import State
from store.catalog import Catalog


def carried_over(values: State, catalog: Catalog) -> dict:
    """What one conversation hands to another person following up in it; empty when it holds
    nothing to go on (never asked, or started over)."""
    request = values.get("request") or {}
    last_picks = [p for p in values.get("last_picks") or [] if p.get("id") in catalog]
    if not request and not last_picks:
        return {}
    anchors = [catalog.movies[m] for m in request.get("like_titles") or [] if m in catalog]
    movies = [catalog.movies[p["id"]] for p in last_picks]
    public = [reasons_for(m, request=request, anchors=anchors, profile=None, catalog=catalog,
                          unlike=unlike_anchors(catalog, m.id, anchors)) for m in movies]  # fmt: skip
    picks = [
        {"id": movie.id, "reasons": [_asked(r) for r in reasons]} for movie, reasons in zip(movies, public, strict=True)
    ]
    return {
        "request": {**request, "caveats": [], "unknown_titles": []} if request else {},  # those were said then
        "earlier_requests": list(values.get("earlier_requests") or []),
        "referenced": list(values.get("referenced") or []),
        "shown": list(values.get("shown") or []),
        "last_picks": picks,
        "focus": values.get("focus"),
    }


def _asked(reason: str) -> str:
    """ "a crime thriller, as you asked" -> "as asked": someone else asked."""
    return _YOU_ASKED_FOR.sub("the request asked for", _AS_YOU_ASKED.sub("as asked", reason))


_AS_YOU_ASKED = re.compile(r"\bas you asked\b")
_YOU_ASKED_FOR = re.compile(r"\byou asked for\b")

"""A tone said relative to the films just shown ("something funnier", "lighter", "a funnier one") on a
catalog that labels no tone: the genre that tone comes in leans the picks (agent.understanding.merge),
and the answer says so, rather than only that it can't promise a tone."""

from __future__ import annotations

from agent.understanding.request import Request, Understood

# the tone and the genre each comparative word leans to ("lighter" is merge's own: it refuses dark moods too)
LEANS = {"funnier": ("funny", "comedy"), "scarier": ("scary", "horror"), "more_romantic": ("romantic", "romance")}
_LEAN_GENRES = {**{modifier: genre for modifier, (_, genre) in LEANS.items()}, "lighter": "comedy"}


def comparative_leans(request: Request) -> list[str]:
    """The genres comparative words leaned this request to, in the latest message or an earlier one
    whose lean it still keeps ("more" after "something funnier"), and that it does not already ask for
    or refuse: "comedy" for "something funnier" after "a war drama"."""
    asked = {*(request.get("genres") or []), *(request.get("exclude_genres") or [])}
    leaned = [_LEAN_GENRES[m] for m in request.get("modifiers") or [] if m in _LEAN_GENRES]
    leaned += request.get("tone_leans") or []
    kept = set(request.get("soft_genres") or [])
    return [g for g in dict.fromkeys(leaned) if g in kept and g not in asked]


def only_comparative(understood: Understood) -> bool:
    """The message's only wish about tone is a comparative word that leans a genre ("funnier
    please"), not a tone to be had ("something sad") or refused ("nothing dark")."""
    return (
        not understood.moods and not understood.exclude_moods and any(m in _LEAN_GENRES for m in understood.modifiers)
    )


# said with the header's "leaning to comedy", which names the genre when a pick has it
TONE_BY_GENRE = "My catalog doesn't label films' tone, so I went by genre instead."

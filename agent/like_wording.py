"""How a reason ties a pick to a reference title, in words that agree with the intro.

The intro says "None of them is much like Heat (1995)." when no pick is among the films most like
Heat (agent.nodes.likeness); the reasons under it said "An action thriller, like Heat", and under
"No film ... is much like The Notebook" a Korean monster film 'Shares the theme "river", like The
Notebook'. One rule now holds for both: a reason says a pick is "like" a reference only when the pick
is like it by that same measure; of any other pick it says what the two share and no more ("An
action thriller, as is Heat", 'Shares the theme "river" with The Notebook'), which is true and does
not gainsay the intro.
"""

from __future__ import annotations

from store.movie import Movie


def tie(shared: str, anchor: Movie, *, like: bool) -> str:
    """What a pick shares with the reference (`shared`: "an action thriller", 'shares the theme "x"',
    "directed by X", "with Y", joined by "and"), said as being like it or only as sharing that."""
    if like:
        return f"{shared}, like {anchor.title}"
    last = shared.rsplit(" and ", 1)[-1] if " and sharing " in shared else shared
    if last.startswith(("shares ", "sharing ")):
        return f"{shared} with {anchor.title}"
    if shared.startswith("directed by "):
        return f"{shared}, as {anchor.title} was"
    if shared.startswith("with "):
        return f"{shared}, as in {anchor.title}"
    return f"{shared}, as is {anchor.title}"


def tied(reason: str, anchor: Movie) -> bool:
    """Whether a reason already ties its pick to the reference, in either wording of tie()."""
    title = anchor.title
    return any(f"{words}{title}" in reason for words in (", like ", " with ", ", as ", ", as in ", ", as is "))

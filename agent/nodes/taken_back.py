"""What the profile held of films before a turn changed them, and putting it back: "undo that",
"actually I haven't seen it", "I meant the 1933 one" restore each film as it was, its days kept."""

from __future__ import annotations

from agent.deps import Deps
from agent.prose import prose_list
from store.profiles import SOURCE_OF


def stored_before(deps: Deps, user: str, targets: list[str], intent: str, stars: float | None,
                   stars_said: bool) -> dict:  # fmt: skip
    """What the profile held of each film before this opinion, and the opinion: what a "the 1933 one"
    on the next turn restores and repeats for the other film."""
    dismissed, reactions = deps.profiles.dismissed(user), deps.profiles.reactions(user)
    return {m: {"watched": deps.profiles.has_watched(user, m), "stars": deps.profiles.rating(user, m),
                "reaction": reactions.get(m), "dismissed": m in dismissed, "intent": intent, "stars_given": stars,
                "stars_said": stars_said, "rows": deps.profiles.rows_of(user, m)}
            for m in targets}  # fmt: skip


def take_back(deps: Deps, user: str, replaced: dict) -> str:
    """The last turn's opinion of a film, undone as the profile was before it; the sentence saying so."""
    for movie_id, before in replaced.items():
        rows = before.get("rows") or {}  # the days it was seen and rated (none in a turn from an older version)
        if not before["watched"]:
            deps.profiles.remove_watched(user, movie_id)
        elif not deps.profiles.has_watched(user, movie_id):  # "forget that I watched Heat", undone
            _put_back(deps, user, movie_id, rows, "watched")
        if before["stars"] is None:
            deps.profiles.unrate(user, movie_id)
        elif deps.profiles.rating(user, movie_id) != before["stars"]:  # a 👍 put back is still a 👍
            _put_back(deps, user, movie_id, rows, "ratings", before)
        if not before["dismissed"]:
            deps.profiles.undismiss(user, movie_id)
    labels = [deps.catalog.movies[m].label for m in replaced if m in deps.catalog.movies]
    return f" I've taken back what I noted for {prose_list(labels)}." if labels else ""


def _put_back(deps: Deps, user: str, movie_id: str, rows: dict, table: str, before: dict | None = None) -> None:
    """One row as the film had it, its day kept; as of now when that row was not read."""
    if table in rows:
        deps.profiles.put_back(user, movie_id, {table: rows[table]})
    elif table == "watched":
        deps.profiles.add_watched(user, movie_id, source="chat")
    else:
        source = SOURCE_OF.get(before.get("reaction") or "", "chat")
        deps.profiles.rate(user, movie_id, before["stars"], source=source)

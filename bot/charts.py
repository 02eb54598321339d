"""Pictures of a user's taste, as PNG bytes, for `moviebot profile --chart` and Discord's /profile.

Figures are made with matplotlib's object API on the Agg canvas, never pyplot: pyplot keeps
global state that is not safe across the Discord bot's worker threads.
"""

from __future__ import annotations

import io

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

LIKED = "#2a9d8f"
DISLIKED = "#e76f51"
MAX_GENRES = 12


def profile_figure(profile) -> Figure:
    """Genre and decade affinities (about -1..1) as horizontal bars, least liked at the bottom; at most
    MAX_GENRES genres, the strongest likes and dislikes both."""
    figure = Figure(figsize=(9, 4.8), dpi=100, layout="constrained")
    FigureCanvasAgg(figure)
    genres_ax, decades_ax = figure.subplots(1, 2, width_ratios=[3, 2])
    genres = sorted(strongest_both_ways(profile.genres.items(), MAX_GENRES), key=lambda kv: kv[1])
    _bars(genres_ax, [g for g, _ in genres], [a for _, a in genres], "Genres")
    decades = sorted(profile.decades.items(), reverse=True)
    _bars(decades_ax, [f"{d}s" for d, _ in decades], [a for _, a in decades], "Decades")
    figure.suptitle(f"Taste of {profile.user}: {len(profile.ratings)} rated")
    return figure


def strongest_both_ways(items, limit: int) -> list[tuple[str, float]]:
    """The strongest likes and the strongest dislikes, at most `limit` in all.

    Cutting by size alone dropped every dislike of someone who loves a dozen genres a lot and
    dislikes one a little, leaving a chart of positive bars under a "dislike < 0 < like" axis:
    a third of the bars (or all the room the likes leave) go to the dislikes when there are any.
    """
    likes = sorted((kv for kv in items if kv[1] >= 0), key=lambda kv: (-kv[1], kv[0]))
    dislikes = sorted((kv for kv in items if kv[1] < 0), key=lambda kv: (kv[1], kv[0]))
    kept_dislikes = min(len(dislikes), max(limit - len(likes), limit // 3))
    return likes[: limit - kept_dislikes] + dislikes[:kept_dislikes]


def profile_chart(profile) -> bytes:
    buffer = io.BytesIO()
    profile_figure(profile).savefig(buffer, format="png")
    return buffer.getvalue()


def _bars(ax, labels: list[str], values: list[float], title: str) -> None:
    ax.set_title(title)
    ax.axvline(0, color="#888888", linewidth=0.8)
    if not labels:
        ax.text(0.5, 0.5, "No ratings yet", ha="center", va="center", transform=ax.transAxes, color="#666666")
        ax.set_yticks([])
        ax.set_xlim(-1, 1)
        return
    ax.barh(labels, values, color=[LIKED if v >= 0 else DISLIKED for v in values])
    limit = max(0.25, *(abs(v) for v in values)) * 1.15
    ax.set_xlim(-limit, limit)
    ax.set_xlabel("affinity (dislike < 0 < like)")

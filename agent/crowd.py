"""How the people here who liked a film the user named rated a pick, counted in the profile store.

"Of the 14 people here who liked Se7en, 10 rated The Usual Suspects and 9 gave it 4 stars or
more" is said only on evidence (MIN_EVIDENCE people who liked the reference and rated the
pick), and the same counts are what agent.factcheck holds a model's claim of this kind to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from store.movie import Movie

if TYPE_CHECKING:
    from store.profiles import ProfileStore

MIN_EVIDENCE = 3  # people who liked the reference and rated the pick, before anything is said
LIKED_STARS = 4.0  # "liked": this many stars or more, for the reference and the pick alike


@dataclass(frozen=True)
class Verdict:
    reference: str  # the title the user named
    pick: str  # the title picked
    fans: int  # people here (the user aside) who liked the reference
    rated: int  # of them, how many rated the pick
    liked: int  # of those, how many gave it LIKED_STARS or more

    def said(self) -> str:
        people = "person" if self.fans == 1 else "people"
        return (
            f"Of the {self.fans} {people} here who liked {self.reference}, {self.rated} rated {self.pick} "
            f"and {self.liked} gave it {LIKED_STARS:g} stars or more"
        )


def verdicts(profiles: ProfileStore | None, movie: Movie, anchors: list[Movie], user: str | None) -> list[Verdict]:
    """One verdict per reference title with enough evidence about the pick; none without a store."""
    if profiles is None:
        return []
    found = []
    for anchor in anchors:
        if anchor.id == movie.id:
            continue
        fans, rated, liked = profiles.fans_rating(anchor.id, movie.id, exclude_user=user, min_stars=LIKED_STARS)
        if rated >= MIN_EVIDENCE:
            found.append(Verdict(anchor.title, movie.title, fans, rated, liked))
    return found

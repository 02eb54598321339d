"""Which of a film's catalog tags are what it is about. The tags come from TMDB keywords and
MovieLens users' tags, and many say how a film was made, shown or judged ("3d", "imax",
"aftercreditsstinger", "based on comic", "visually stunning"), not what it is about: such a tag
shared by two films is no shared theme. Neither is a tag that is one of the two films' titles
("minions" on 300 is its henchmen, on Minions its name)."""

from __future__ import annotations

from agent.understanding.text import alternatives
from store.movie import Movie

# how a film was made, released, shown or judged, never what it is about
THEMELESS = frozenset(
    alternatives(
        "3d | imax | cgi | dvd | sequel | remake | prequel | reboot | aftercreditsstinger | duringcreditsstinger"
        " | woman director | female director | independent film | black and white | silent film | short film"
        " | live action | not seen | boring | bad | really bad | overrated | stylized | cinematography"
        " | good cinematography | visually appealing | visually stunning | great soundtrack | good writing"
        " | bad writing | great performances | great acting | good acting | criterion | national film registry"
    )
)
# "based on comic book", "oscar (best actress)", "in netflix queue": a source, an award, a watch list
_PREFIXES = ("based on ", "oscar ", "oscar(", "imdb ", "afi ", "in netflix", "seen ")


def is_theme(tag: str, *films: Movie) -> bool:
    """Whether a catalog tag may be said to be a theme of these films."""
    folded = tag.casefold().strip()
    if folded in THEMELESS or folded.startswith(_PREFIXES):
        return False
    return not any(folded == (film.title or "").casefold() for film in films)


def shared_themes(movie: Movie, anchor: Movie) -> list[str]:
    """The tags both films carry that are themes, in the film's own order."""
    return [k for k in movie.keywords if k in anchor.keywords and is_theme(k, movie, anchor)]

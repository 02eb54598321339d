"""A tag two films share is called a shared theme only when it is what they are about."""

from __future__ import annotations

from agent.explanations import links_to, reasons_for
from store.movie import Movie


def _film(title: str, year: int, keywords: list[str], genres: list[str]) -> Movie:
    return Movie(id=f"{title.lower()}-{year}", title=title, year=year, genres=genres, keywords=keywords)


TITANIC = _film("Titanic", 1997, ["shipwreck", "iceberg", "imax", "3d", "based on true story"], ["drama", "romance"])
FROZEN = _film("Frozen", 2013, ["princess", "snow", "3d", "imax", "aftercreditsstinger"], ["animation", "family"])
THREE_HUNDRED = _film("300", 2006, ["army", "shield", "minions", "based on comic book"], ["action", "war"])
MINIONS = _film("Minions", 2015, ["minions", "villain", "based on comic book"], ["animation", "comedy"])
LUSITANIA = _film("Lusitania", 2007, ["shipwreck", "3d"], ["drama", "history"])


def test_a_format_or_source_tag_is_no_shared_theme(catalog):
    """ "like titanic but with a happy ending" explained Frozen as 'Shares the theme "3d", like
    Titanic', and "movies like 300" had 'shares the theme "minions"': how a film was shown, what it
    was based on or another film's name is not what both are about."""
    for movie, anchor in ((FROZEN, TITANIC), (MINIONS, THREE_HUNDRED)):
        said = " ".join(reasons_for(movie, request={}, anchors=[anchor], profile=None, catalog=catalog))
        assert "theme" not in said, said
        assert not any("themes" in link for link in links_to(movie, anchor))
    said = " ".join(reasons_for(LUSITANIA, request={}, anchors=[TITANIC], profile=None, catalog=catalog))
    assert 'shares the theme "shipwreck", like Titanic' in said  # a real theme is still said
    assert 'shared themes: "shipwreck"' in links_to(LUSITANIA, TITANIC)

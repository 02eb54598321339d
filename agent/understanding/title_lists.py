"""Titles read out of part of a message for other passes: after a verb of seeing or liking
(agent.understanding.passing), after a verdict (agent.understanding.intents); and the people a
title stands for ("by the director of Parasite")."""

from __future__ import annotations

import re

from agent.understanding.days_said import set_aside_days_ago
from agent.understanding.meaning import extend_unique
from agent.understanding.message_titles import panned_ids
from agent.understanding.people import People
from agent.understanding.request import CatalogLookup, Understood
from agent.understanding.text import GAP, PANNED_AFTER, Scan
from agent.understanding.title_cues import STRONG, WEAK
from agent.understanding.titles import MAX_TITLE_TOKENS, TitleReader
from agent.understanding.versions import same_title
from store.catalog import TitleMatch
from store.movie import normalise_title, number_value


def titles_after(text: str, offset: int, lookup: CatalogLookup, *, exact: bool = False) -> list[TitleMatch]:
    """Titles listed from `offset` (into normalise_message(text)) on, read as after "like"; only
    those typed whole or Title Cased with `exact` ("who directed it originally" names no film)."""
    return judged_titles_after(text, offset, lookup, exact=exact)[0]


def judged_titles_after(
    text: str, offset: int, lookup: CatalogLookup, *, exact: bool = False, named: bool = False
) -> tuple[list[TitleMatch], list[str]]:
    """titles_after, and the ids of those a verdict right after them pans ("Heat, hated it"); `named`
    when what comes before says a film follows ("watched alien last night": the film, not the theme)."""
    scan = Scan(text)
    set_aside_days_ago(scan)  # "saw Heat the other day, anything like it?": no film "Heat the Other Day"
    toks = scan.tokens()
    j = next((k for k, t in enumerate(toks) if t.start >= offset), len(toks))
    reader = TitleReader(scan, lookup, People(lookup.people_index()))
    found, end = reader.read_list(toks, j, WEAK if exact else STRONG, named=named)
    verdict = PANNED_AFTER.match(scan.text, toks[end - 1].end) if found else None
    return found, panned_ids(verdict, [m.movie_id for m in found])


def titles_reaching(text: str, offset: int, lookup: CatalogLookup) -> tuple[list[TitleMatch], int]:
    """titles_after with `exact`, and where in `text` the list ends ("heat or alien|, any comedies?"); what
    is read as the films named ("don't show me alien again": the film, as "seen alien")."""
    scan = Scan(text)
    toks = scan.tokens()
    j = next((k for k, t in enumerate(toks) if t.start >= offset), len(toks))
    found, end = TitleReader(scan, lookup, People(lookup.people_index())).read_list(toks, j, WEAK, named=True)
    return found, toks[end - 1].end if found else offset


def ends_in_numbered_title(text: str, lookup: CatalogLookup) -> bool:
    """Whether `text` ends with a catalog title whose last word is its number, typed whole
    ("rated toy story 3"), in digits where the title spells it ("rated ocean's 11" is Ocean's Eleven,
    "rocky 2" Rocky II): that number is the film's, not stars."""
    words = text.split()[-MAX_TITLE_TOKENS:]
    for start in range(len(words) - 1):  # two words at least: "rated 9" is no film called "9"
        typed = " ".join(words[start:])
        match = lookup.resolve_title(typed)
        if match is not None and (same_title(typed, match.title) or _number_spelt(typed, match.title)):
            return True
    return False


def _number_spelt(typed: str, title: str) -> bool:
    """ "ocean's 11", "oceans 11" and Ocean's Eleven: the same words, and the typed number the title's last."""
    said, named = normalise_title(typed).split(), normalise_title(title).split()
    return (len(said) > 1 and len(named) > 1 and "".join(said[:-1]) == "".join(named[:-1]) and said[-1].isdigit()
            and number_value(named[-1], named=True) == int(said[-1]))  # fmt: skip


# "movies by the director of Parasite", "something with the guy from Drive": the person a film stands
# for, its directors or its top-billed actor
_CREDIT_OF = re.compile(
    r"\b(?:by|from)\s+(?:the\s+)?(?P<director>director|maker|filmmaker|creator)s?\s+"
    r"(?:of|behind|who\s+made)\s+"
    r"|\b(?:with|starring)\s+(?:the\s+)?(?:guy|actor|actress|star|lead|girl|woman|man|dude)\s+(?:from|of|in)\s+"
    # "something by the same director as Heat", "films by whoever directed heat", "same actor as alien"
    r"|\b(?:(?:by|from)\s+)?(?:the\s+)?same\s+(?P<same_director>director|maker|filmmaker)s?\s+as\s+"
    r"|\b(?:by|from)\s+whoever\s+(?P<whoever>directed|made)\s+"
    r"|\b(?:(?:with|starring)\s+)?(?:the\s+)?same\s+(?:actor|actress|star|lead)\s+as\s+"
)


def read_credits_of_titles(scan: Scan, reader: TitleReader, out: Understood) -> None:
    """Pass 0, before titles are read as references: the people such a phrase means are asked
    for, and the film that names them is neither a reference nor a pick."""
    for m in list(_CREDIT_OF.finditer(scan.text)):
        if GAP in scan.text[m.start() : m.end()]:
            continue
        toks = scan.tokens()
        j = next((k for k, t in enumerate(toks) if t.start >= m.end()), len(toks))
        found, end = reader.read_list(toks, j, STRONG)
        if not found:
            continue
        directors, cast = reader.lookup.credits_of(found[0].movie_id)
        directing = m["director"] or m["same_director"] or m["whoever"]
        people = directors[:2] if directing else cast[:1]
        if people:  # "the makers of Airplane!" are two directors, either of whom will do
            extend_unique(out.any_people if len(people) > 1 else out.people, people)
        else:  # a film whose credits the catalog lacks: said, rather than the film taken as the request
            named = f"{found[0].title} ({found[0].year})" if found[0].year else found[0].title
            role = "directed" if directing else "starred in"
            out.caveats.append(f"I don't know who {role} {named}, so I couldn't go by that.")
        extend_unique(out.exclude_titles, [found[0].movie_id])  # known already: the others are wanted
        scan.take(m.start(), toks[end - 1].end, aside=True)  # nor are its title's words searched for

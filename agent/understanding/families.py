"""Pass 2b: a family named by its surname ("the Hemsworth brothers", "a movie with the Afflecks",
"the Baldwins' films"): the people of that surname the catalog credits, either of them. Without this
the words were dropped, and the picks were a guess that said nothing of the family asked for."""

from __future__ import annotations

import re
from collections.abc import Mapping

from agent.prose import prose_list
from agent.understanding.meaning import extend_unique
from agent.understanding.people import _REFUSED_BEFORE
from agent.understanding.phrases import PHRASEBOOK
from agent.understanding.request import CatalogLookup, Understood
from agent.understanding.surnames_alone import AFTER_A_PERSON, BEFORE_A_PERSON, COMMON_WORD_SURNAMES, WHOSE_SURNAME
from agent.understanding.text import GAP, STOPWORDS, Scan
from store.movie import ascii_fold
from store.surnames import SHARED_MIN_FILMS, SHARED_NAMED, SharedSurname, Surname, surname_keys

# "the Hemsworth brothers", "the Dardenne sisters", "the Baldwin bros": a surname and a family word
_FAMILY = re.compile(r"\b(?:the +)?([^\W\d_][\w-]*) +(?:brothers|bros|sisters|siblings|twins|family)\b(?:'s|')?")
# "the Afflecks", "the Hemsworths' films", "the Duplasses": a surname made plural
_PLURAL = re.compile(r"\bthe +([^\W\d_][\w-]*?)(e?s)\b('s|')?")
# "a film about the Kennedys", "the story of the Wright brothers": a family as the subject, not the cast
_SUBJECT_BEFORE = re.compile(r"\b(?:about|on|involving|(?:story|life|lives|biopic) +of)\s*$")
_CUED_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(BEFORE_A_PERSON))}|both|either)\s*$")


def read_families(scan: Scan, lookup: CatalogLookup, out: Understood) -> None:
    """A surname said of a family names the people carrying it here (credited on a few films each),
    any of them; more than a reply could list is said to be ambiguous, and no one is taken."""
    surnames, shared = lookup.surname_index(), lookup.shared_surnames()
    if not surnames and not shared:
        return
    for pattern, needs_cue in ((_FAMILY, False), (_PLURAL, True)):
        for match in list(pattern.finditer(scan.text)):
            start, end = match.span()
            if GAP in scan.text[start:end]:
                continue  # read already: "the Coen brothers" are the duo (people.People)
            key = ascii_fold(match[1]).casefold()
            members = _members(key, surnames, shared)
            if not members and pattern is _PLURAL and match[2] == "es":  # "the Joneses", "the Duplasses"
                key = f"{key}e"
                members = _members(key, surnames, shared)
            if not members or not _said_of_people(scan, match, key, needs_cue):
                continue
            if lookup.titled(scan.lowered[start:end].removesuffix("'s").removesuffix("'")):
                continue  # "the Simpsons movie", "Step Brothers": a film's title, read as one later
            _take_family(scan, lookup, start, end, members, out)


def _members(key: str, surnames: Mapping[str, Surname], shared: Mapping[str, SharedSurname]) -> list[str]:
    """The people whose surname `key` is, credited on enough films to be meant, the best known first."""
    found = surnames.get(key) or shared.get(key)
    if found is None:
        return []
    carriers = [c for c in found.carriers if key in surname_keys(c.name) and c.films >= SHARED_MIN_FILMS]
    if not carriers:
        return [found.name] if isinstance(found, Surname) else []
    return [c.name for c in carriers]


def _said_of_people(scan: Scan, match: re.Match[str], key: str, needs_cue: bool) -> bool:
    before = scan.lowered[: match.start()]
    if _SUBJECT_BEFORE.search(before):
        return False  # "about the Wright brothers" is a story about them
    if tuple(scan.lowered[match.start(1) : match.end()].split()) in PHRASEBOOK:
        return False  # "warner brothers" is the studio
    if key in STOPWORDS or (needs_cue and key in COMMON_WORD_SURNAMES):
        return False  # "the kings", "the woods": words, not families
    if not needs_cue:
        return True
    after = scan.lowered[match.end() :].split()
    possessive = bool(match[3])
    alone = not scan.lowered[: match.start()].strip(" ,.!?") and not after
    return (
        possessive or alone or bool(_CUED_BEFORE.search(before) or _REFUSED_BEFORE.search(before))
        or (bool(after) and after[0].strip(".,!?") in AFTER_A_PERSON)
    )  # fmt: skip


def _take_family(scan: Scan, lookup: CatalogLookup, start: int, end: int, members: list[str], out: Understood) -> None:
    typed = scan.original[start:end].removesuffix("'s").removesuffix("'")
    if len(members) > SHARED_NAMED:  # "the Jacksons": too many unrelated people to guess a family from
        extend_unique(out.caveats, [WHOSE_SURNAME.format(said=typed, names=prose_list(members[:SHARED_NAMED], "or"))])
        return
    refused = _REFUSED_BEFORE.search(scan.text[:start])
    scan.take(start, end, negated=bool(refused))
    if refused:  # "nothing with the Afflecks": neither of them
        extend_unique(out.exclude_people, members)
        return
    extend_unique(out.any_people, members)
    extend_unique(out.caveats, [_family_said(typed, members, lookup)])


def _family_said(typed: str, members: list[str], lookup: CatalogLookup) -> str:
    """Whom the family was taken to be, and whether any film here has more than one of them, so a
    pick with one of them is not taken for a film with the family."""
    if len(members) == 1:
        return f'I took "{typed}" to mean {members[0]}, the only one of them credited on several films here.'
    said = f'I took "{typed}" to mean {prose_list(members, "or")}'
    wanted = set(members)
    together = sorted(
        (m for m in lookup.movies.values() if len(wanted & {*m.directors, *m.cast}) >= 2),
        key=lambda m: (-(m.votes or 0), m.title),
    )
    if not lookup.movies:
        return f"{said}."
    several = "both" if len(members) == 2 else "more than one of them"
    if not together:
        return f"{said}; no film here has {several}."
    named = [f"{m.title} ({m.year})" if m.year else m.title for m in together[:2]]
    if len(together) == 1:
        return f"{said}; {named[0]} has {several}."
    return f"{said}; {len(together)} films here have {several}, such as {prose_list(named)}."

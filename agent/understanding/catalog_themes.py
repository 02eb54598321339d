"""A theme the phrasebook doesn't know but the catalog does: "movies about grief", "a film about chess",
"something involving beekeeping", and refused: "a drama, nothing about cancer". The phrase tables name a
few hundred themes; the catalog's films carry thousands of tags (TMDB keywords, MovieLens users' tags).
A word right after "about" or "involving" that enough films are tagged with is the theme searched for, as
"about dogs" is, instead of words left to guess from under "I didn't find a genre, person, film, era or
theme I know"; refused, no pick may be about it."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from agent.theme_tags import is_theme
from agent.understanding.effect import Effect
from agent.understanding.meaning import Reading
from agent.understanding.phrases import PHRASEBOOK
from agent.understanding.request import CatalogLookup
from agent.understanding.text import STOPWORDS, TOKEN, Scan, Tok, word_set

MIN_FILMS = 3  # a tag fewer films carry is too thin to lean on, and often one film's own quirk
_CUES = word_set("about involving")
_REFUSAL_CUES = _CUES | word_set("with including")  # "nothing with violence", "no films involving cancer"
_LISTED = word_set(", or and nor")
_DETERMINERS = word_set("a an the some")
# what a message says "about" that is no theme: the picks, the bot, the talk itself
_NOT_THEMES = word_set(
    """it them this that these those one ones first second third fourth fifth last other others
    movie movies film films plot story ending cast director actors rating length runtime
    you yourself me myself us him her anything something everything nothing same minutes hours hour"""
)


@lru_cache(maxsize=4)
def tag_counts(lookup: CatalogLookup) -> Counter[str]:
    """How many of the catalog's films carry each theme tag, case-folded, counted once per catalog."""
    counts: Counter[str] = Counter()
    for movie in lookup.movies.values():
        counts.update({tag.casefold() for tag in movie.keywords if is_theme(tag)})
    return counts


def read_catalog_themes(scan: Scan, reading: Reading, lookup: CatalogLookup) -> None:
    """ "movies about grief": the tag "grief" leans the picks, its word stays in the search."""
    counts = tag_counts(lookup)
    if not counts:
        return
    toks = scan.tokens()
    for i, tok in enumerate(toks):
        if tok.text not in _CUES:
            continue
        start = i + 1
        while start < len(toks) and toks[start].text in _DETERMINERS:
            start += 1
        found = _tag_at(toks, start, counts)
        if found is not None and not any(t.start in scan.kept for t in toks[start : found[1]]):  # read already
            tag, end = found
            reading.apply(Effect(keywords=(tag,)), said=scan.text[toks[start].start : toks[end - 1].end])
            scan.kept.update(t.start for t in toks[start:end])
    _read_refused(scan, reading, counts)
    _read_wars_in(scan, reading, counts)


# "the war in Vietnam", "a film about the war in Iraq", "wars in Afghanistan": a war said by its place
_WAR_IN = re.compile(r"\bwars? +(?:in|on|against) +(?:the +)?((?:[^\W\d_]+)(?: +[^\W\d_]+)?)")


def _read_wars_in(scan: Scan, reading: Reading, counts: Counter[str]) -> None:
    """A war said by its place leans to the films tagged with that war ("vietnam war", "war in
    afghanistan"), as "the vietnam war" does; the place itself was read as where the story is."""
    for match in _WAR_IN.finditer(scan.lowered):
        words = match[1].split()
        for size in (len(words), 1):
            place = " ".join(words[:size])
            tag = next((t for t in (f"{place} war", f"war in {place}") if counts.get(t, 0) >= MIN_FILMS), None)
            if tag is not None:
                reading.apply(Effect(keywords=(tag,)), said=match[0])
                break


def _read_refused(scan: Scan, reading: Reading, counts: Counter[str]) -> None:
    """ "a drama, nothing about cancer" answered The Fault in Our Stars: the refusal ended at a word no
    phrase table knows and was dropped. A tag enough films carry, refused after "about", "with" or
    "involving" (and the tags listed after it: "nothing about cancer or divorce"), is what no pick may be
    about, as "no zombies" is."""
    if not scan.negated:  # most messages refuse nothing: no second tokenising on every turn
        return
    said = [Tok(m.group(), m.start(), m.end()) for m in TOKEN.finditer(scan.lowered)]
    starts = {t.start: i for i, t in enumerate(said)}
    refused: list[str] = []
    for span_start, span_end in list(scan.negated):
        inside = [i for t, i in starts.items() if span_start <= t < span_end]
        end = max(inside, default=0) + 1
        at = _refused_at(said, min(inside), end, counts, refused) if len(inside) >= 2 else None
        if at is not None and at > end:
            scan.take(said[end].start, said[at - 1].end, negated=True)
        while at is not None and at + 1 < len(said) and said[at].text in _LISTED:
            if not scan.text[said[at + 1].start].isalnum():
                break  # read as something else
            more = _tag_at(said, at + 1, counts)  # "nothing about cancer or divorce"
            if more is None or _in_phrasebook(said[at + 1 : more[1]]):
                break
            refused.append(more[0])
            scan.take(said[at].start, said[more[1] - 1].end, negated=True)
            at = more[1]
    fresh = [tag for tag in dict.fromkeys(refused) if tag not in reading.result.exclude_keywords]
    if fresh:
        reading.apply(Effect(exclude_keywords=tuple(fresh)))


def _refused_at(said: list[Tok], first: int, end: int, counts: Counter[str], refused: list[str]) -> int | None:
    """Where the refused words said[first:end] end, when their last one or two are a tag (added to
    `refused`) or a phrase the tables read, after a cue ("nothing about the cancer"); else None."""
    for size in (1, 2):
        start = end - size
        cue = start - 1
        while cue > first and said[cue].text in _DETERMINERS:
            cue -= 1
        if cue < first or said[cue].text not in _REFUSAL_CUES:
            continue
        if _in_phrasebook(said[start:end]):  # "nothing about zombies": refused by the phrase tables
            return end
        found = _tag_at(said, start, counts)
        if found is not None and found[1] >= end:  # the refusal read "no movies about ice", the tag is "ice hockey"
            refused.append(found[0])
            return found[1]
    return None


def _in_phrasebook(words: list[Tok]) -> bool:
    return tuple(w.text for w in words) in PHRASEBOOK


def _tag_at(toks: list[Tok], start: int, counts: Counter[str]) -> tuple[str, int] | None:
    """The tag the words at `start` say, two words before one ("ice hockey" before "ice"), and where
    they end; None when no tag enough films carry is said there."""
    for size in (2, 1):
        words = toks[start : start + size]
        if len(words) < size or not all(w.is_word and w.text not in STOPWORDS for w in words):
            continue
        if words[-1].text in _NOT_THEMES or words[-1].text.isdigit():
            continue
        tag = _known(" ".join(w.text for w in words), counts)
        if tag is not None:
            return tag, start + size
    return None


def _known(phrase: str, counts: Counter[str]) -> str | None:
    """The form of the phrase most films are tagged with: "dogs" finds "dog", "grief" itself."""
    forms = {phrase, phrase + "s", phrase.removesuffix("s"), phrase.removesuffix("es")}
    best = max(forms, key=lambda form: counts.get(form, 0))
    return best if counts.get(best, 0) >= MIN_FILMS else None

"""Where a message names films: after a cue ("like Se7en", "not Titanic", "Fargo-style", "X meets Y")
and bare, as a Title Cased run of words. agent.understanding.titles reads each candidate span."""

from __future__ import annotations

import re

from agent.understanding.meaning import extend_unique, taken_to_mean
from agent.understanding.negation import no_title_after_refusal
from agent.understanding.request import Understood
from agent.understanding.text import (
    JUDGED_THEN_ASKED,
    NUMBERISH,
    OPINION_LEAD,
    PANNED_AFTER,
    STOPWORDS,
    Scan,
    Tok,
    word_set,
)
from agent.understanding.title_cues import (
    BARE,
    INFIX,
    MAX_TITLE_CUE,
    NAMING_CUES,
    STRICT,
    STRONG,
    SUFFIX,
    TITLE_CUES,
    WEAK,
)
from agent.understanding.title_runs import capitalised_runs, sign_off, unusual
from agent.understanding.titles import NEGATING_TITLE_CUES, Candidate, TitleReader, grade_follows
from agent.understanding.versions import read_versions, same_title
from store.movie import leading_article


def read_cued_titles(scan: Scan, reader: TitleReader, out: Understood) -> list[tuple[int, int]]:
    """Titles after a cue ("like X", "X meets Y", "X-style", "not X"); the unknown names after "like"."""
    unknown: list[tuple[int, int]] = []
    toks = scan.tokens()
    i = 0
    while i < len(toks):
        kind, after = None, i + 1
        for n in range(min(MAX_TITLE_CUE, len(toks) - i), 0, -1):
            key = tuple(t.text for t in toks[i : i + n])
            if key in TITLE_CUES:
                kind, after = TITLE_CUES[key], i + n
                break
        if kind in (STRONG, WEAK):
            naming = tuple(t.text for t in toks[i:after]) in NAMING_CUES
            matches, end = read_versions(reader, toks, after, kind, named=naming)  # "like the original Godzilla"
            if matches:
                _read_references(scan, out, [m.movie_id for m in matches], toks[i].start, toks[end - 1].end)
                _say_if_misspelt(scan.original[toks[after].start : toks[end - 1].end], matches, out)
                after = end
            elif (kind == STRONG or key in _VIEWINGS) and (named := _named_after(scan, toks, after)):
                unknown.append(named)  # "like Zorblax Returns", "have seen Hereditary already": a film it lacks
        elif kind == STRICT:
            after = _refused_titles(scan, reader, out, toks, i, after)
        elif kind == SUFFIX:
            picked = reader.best(reader.backward(toks, i), STRONG)
            if picked:
                extend_unique(out.like_titles, [picked[0].movie_id])
                scan.take(toks[picked[1].start].start, toks[after - 1].end)
        elif kind == INFIX:
            picked = reader.best(reader.backward(toks, i), STRONG)
            matches, end = reader.read_list(toks, after, STRONG)
            if picked:
                matches.insert(0, picked[0])
            if matches:
                extend_unique(out.like_titles, [m.movie_id for m in matches])
                first = picked[1].start if picked else i
                scan.take(toks[first].start, toks[max(end, after) - 1].end)
                after = max(end, after)
        i = after
    return unknown


def _say_if_misspelt(typed: str, matches: list, out: Understood) -> None:
    """ "like the dark night", "like pulp fction": one film taken for words that do not spell its title,
    as many words long, is said to be ("I took ... to mean"), as misspelt_titles says of its own finds."""
    if len(matches) != 1 or matches[0].by_word or matches[0].score >= 100:
        return
    match = matches[0]
    if any(same_title(typed, title) for title in (match.title, *match.titles)):
        return
    if len(typed.split()) != len(match.title.split()):
        return
    extend_unique(out.caveats, [taken_to_mean(typed, f"{match.title} ({match.year})")])


def _read_references(scan: Scan, out: Understood, ids: list[str], start: int, end: int) -> None:
    """The titles from `start` to `end` are references, or refused by a verdict after them (text.PANNED_AFTER)."""
    panned = PANNED_AFTER.match(scan.text, end)
    refused = panned_ids(panned, ids)
    extend_unique(out.like_titles, [i for i in ids if i not in refused])
    extend_unique(out.exclude_titles, refused)
    scan.take(start, panned.end() if panned else end, negated=bool(panned))


def panned_ids(verdict: re.Match[str] | None, ids: list[str]) -> list[str]:
    return (ids if verdict["all"] else ids[-1:]) if verdict else []


def _named_after(scan: Scan, toks: list[Tok], j: int) -> tuple[int, int] | None:
    """The Title Cased run that starts right at toks[j] ("like Zorblax Returns, but..."), as a span."""
    if not scan.has_case:
        return None  # in all-lower or ALL-CAPS text no word looks more like a title than the next
    if j + 1 < len(toks) and toks[j].text in ("the", "a", "an") and not scan.capitalised(toks[j]):
        j += 1  # "like the Office": the article is often typed in lower case
    run = next(((a, b) for a, b in capitalised_runs(scan, toks) if a == j), None)
    if run is None or toks[run[0]].text.isdigit():
        return None
    return toks[run[0]].start, toks[run[1] - 1].end


# a viewing names a film: the Title Cased words after it that no pass explained are one the catalog lacks
_VIEWINGS = {("seen",), ("saw",), ("watched",)}
_VAGUE_FILM = word_set("anything something any a film films movie movies that that's thats is which too")


def _past_likeness(toks: list[Tok], j: int) -> int:
    """Where the titles start after "not anything that's similar to": the likeness is what is refused."""
    k = j
    while k < len(toks) and toks[k].text in _VAGUE_FILM:
        k += 1
    for n in range(min(MAX_TITLE_CUE, len(toks) - k), 0, -1):
        cue = tuple(t.text for t in toks[k : k + n])
        if (k > j or cue == ("like",)) and TITLE_CUES.get(cue) == STRONG:  # "but not like The Maze Runner"
            return k + n
    return j


def _refused_titles(scan: Scan, reader: TitleReader, out: Understood, toks: list[Tok], i: int, after: int) -> int:
    """After "not"/"except": a refused title, unless the cue word starts the title itself."""
    cue = tuple(t.text for t in toks[i:after])
    if after < len(toks) and no_title_after_refusal(toks, after) and not reader.scan.capitalised(toks[after]):
        return after  # "not too cheesy": a degree, not a title; "not her, someone else": a person
    starts_title = reader.scan.capitalised(toks[i]) or not reader.scan.has_case
    if cue in NEGATING_TITLE_CUES and starts_title:  # "No Country for Old Men" is not a refusal
        whole = reader.best(reader.forward(toks, i), STRICT)
        if whole and same_title(whole[1].text, whole[0].title):
            extend_unique(out.like_titles, [whole[0].movie_id])
            scan.take(toks[i].start, toks[whole[1].end - 1].end)
            return whole[1].end
    if cue == ("nothing",) and _words_after_nothing(reader, toks, after):
        return after  # "nothing happening tonight": no refusal of The Happening
    after = _past_likeness(toks, after)  # "not anything that's similar to Ted": Ted is refused
    matches, end = reader.read_list(toks, after, STRICT, named=cue in NAMING_CUES)  # "hated alien": the film
    if cue in NEGATING_TITLE_CUES and after < len(toks) and toks[after].text in ("a", "an"):
        # "Not a fan, anything like Heat?": "not a ..." says what something isn't, so it refuses only a title that
        # opens with that article itself ("not a quiet place"), never The Fan
        matches = [m for m in matches if m.title.lower().startswith(f"{toks[after].text} ")]
    if not matches:
        return after
    extend_unique(out.exclude_titles, [m.movie_id for m in matches])
    scan.take(toks[i].start, toks[end - 1].end, negated=True)
    return end


def _words_after_nothing(reader: TitleReader, toks: list[Tok], after: int) -> bool:
    """ "nothing happening tonight", "nothing up tonight": a bare "nothing" before one word in lower case,
    or a title typed without its article, says something of its own; a refusal names the film ("nothing
    like The Happening", "not up", "nothing star wars")."""
    picked = reader.best(reader.forward(toks, after), STRICT)
    if picked is None:
        return False
    match, cand = picked
    article_dropped = leading_article(match.title) and not leading_article(cand.text)
    return not cand.title_cased and (len(cand.words) == 1 or article_dropped)


def read_bare_titles(scan: Scan, reader: TitleReader, out: Understood) -> None:
    """Title Cased runs with no cue ("Star Wars marathon tonight"), held to a higher bar.

    A lone capitalised word counts only when it is the whole message ("Psycho") or looks like
    no ordinary word ("Se7en", "Amélie"): "Big", "Friday" or "Drive" are capitalised for emphasis
    far more often than they are meant as films.
    """
    toks = scan.tokens()
    words = [t for t in toks if t.is_word and not t.text.isdigit()]  # "(1994)" is no Title Cased word
    whole_message = len(words) == 1
    if not scan.has_case or (len(words) >= 4 and sum(map(scan.capitalised, words)) >= 0.85 * len(words)):
        return  # Title Case Or ALL CAPS messages say nothing about which words are titles
    for start, end in capitalised_runs(scan, toks)[:4]:
        opens = start == 0 or OPINION_LEAD.fullmatch(scan.text, 0, toks[start].start) is not None
        judged = opens and JUDGED_THEN_ASKED.match(scan.text, toks[end - 1].end) is not None
        dated = toks[end - 1].start in scan.title_year_starts  # "Heat (1995)": written as a title, with its year
        if not dated and sign_off(scan.original[toks[start].start : toks[end - 1].end]):  # "Merry Christmas"
            continue
        cands = [
            c
            for c in _run_candidates(reader, toks, start, end)
            if len(c.words) > 1 or whole_message or judged or dated or unusual(c.text) or c.sequel  # "Alien 3"
        ]
        # "or Alien (1979)": a word written with its year is as sure a title as one just praised
        picked = reader.best(cands, WEAK if judged or dated else BARE)
        if picked:
            _read_references(scan, out, [picked[0].movie_id], toks[picked[1].start].start, toks[picked[1].end - 1].end)


def _run_candidates(reader: TitleReader, toks: list[Tok], start: int, end: int) -> list[Candidate]:
    """ "Looking for a Modern Times": the run from its first content word, then all of it."""
    first = next((k for k in range(start, end) if toks[k].is_word and toks[k].text not in STOPWORDS), start)
    spans = [(first, end), (start, end)] if first != start else [(start, end)]
    for a, b in list(spans):
        if b - a > 1 and NUMBERISH.fullmatch(toks[b - 1].text):  # "Heat 4 stars"
            spans.append((a, b - 1))
        # "gave Toy Story 4 a 4": "a" joins a run as in "A Star Is Born", so the title may end before
        # it, with its number ("Toy Story 3") or with the number read as a sequel's ("Toy Story" 4)
        for k in range(a + 1, b - 1):
            if grade_follows(toks, k):
                spans += [(a, k), *([(a, k - 1)] if k - 1 > a and NUMBERISH.fullmatch(toks[k - 1].text) else [])]
    return [reader.candidate(toks, a, b) for a, b in sorted(spans, key=lambda span: span[1] - span[0])]

"""Pass 5: one walk over the words nothing else explained, looking each phrase up in the phrasebook
(misspellings forgiven), with negations ("no horror", "not too long") applied to the phrases after them."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from rapidfuzz.distance import OSA

from agent.understanding.effect import Effect
from agent.understanding.meaning import Reading
from agent.understanding.phrases import MAX_PHRASE, PHRASEBOOK, RECENT
from agent.understanding.refused_themes import refused_themes
from agent.understanding.story_places import after_set_in, place_end, place_refused_at, place_said, place_set_in
from agent.understanding.text import STOPWORDS, Scan, Tok, alternatives, tokens_of, word_set

_TIME_PASSED = word_set("been waited wait waiting took taking for")  # "it's been too long", "waited too long"
_NEGATION_CUES: frozenset[tuple[str, ...]] = frozenset(
    tokens_of(cue)
    for cue in alternatives(
        "no | not | nothing | none | without | avoid | avoiding | skip | less | never | non | minus | "
        "don't want | dont want | do not want | don't like | dont like | do not like | don't need | "
        "don't really like | dont really like | do not really like | don't enjoy | dont enjoy | do not enjoy | "
        "don't really enjoy | dont really enjoy | don't care for | dont care for | don't really care for | "
        "not into | not really into | not a fan of | not a big fan of | not a huge fan of | not much of a fan of | "
        "not really a fan of | no more | anything but | not in the mood for | not interested in | "
        "not keen on | not big on | no interest in | forget about | "
        # "but not looking for animation this time": a wish said not to be this one
        "not looking for | not really looking for | not after | not really after | not wanting | "
        "don't feel like | dont feel like | do not feel like | don't feel like watching | dont feel like watching | "
        "do not feel like watching | not feeling | not up for | not looking to watch | not looking to see | "
        "don't show me | dont show me | do not show me | never show me | stop showing me | "
        "don't suggest | dont suggest | do not suggest | stop suggesting | don't recommend | dont recommend | "
        "don't give me | dont give me | do not give me | "
        "don't want to see | dont want to see | do not want to see | don't want to watch | dont want to watch | "
        "do not want to watch | don't wanna see | dont wanna see | don't wanna watch | dont wanna watch | "
        "hate | i hate | hates | dislikes | despise | despises | loathe | loathes | "
        "doesn't like | doesnt like | does not like | sick of | tired of | "
        "can't stand | cant stand | rather not | except | excluding | "
        "isn't | isnt | wasn't | aren't | shouldn't be | nor | zero | free of | other than | "
        "neither of us likes | neither of us like | none of us like | none of us likes | nobody likes | no one likes"
    )
)
_MAX_CUE = max(len(cue) for cue in _NEGATION_CUES)
_QUALIFIERS = word_set(
    "too very overly so that super really a an any anything something much more the of in for kind "
    "type sort all at with involving including ones one scenes scene lot lots mood movies films stuff from by about "
    "big huge"  # "I'm not a huge sci fi fan"
)
INTENSIFIERS = word_set("too very overly so that super really much")
_PRONOUNS = word_set("him them")
_SOMEONE_ELSE = word_set("someone somebody anyone anybody else other another different")


def no_title_after_refusal(toks: list, k: int) -> bool:
    """What a refusal says at toks[k] is no title: a degree ("not too cheesy") or a person ("not him",
    "not her, someone else"); "a sci-fi romance but not her" still refuses the film Her."""
    word = toks[k].text
    if word in INTENSIFIERS or word in _PRONOUNS:
        return True
    return word == "her" and any(t.text in _SOMEONE_ELSE for t in toks[k + 1 : k + 4])


_LIST_SEPARATORS = word_set(", or and nor / & neither")
# After "," or "and", these start what is wanted: "no horror, something with action", "nothing scary, a comedy",
# "nothing scary, for kids" (no refusal of family films), "no gore, from the 80s", "no horror and more comedy"
_NEW_CLAUSE = word_set("something anything any a an some with just for from more")


def _typo_targets() -> dict[str, list[str]]:
    """Single-word phrases of six letters or more, by first letter: short words collide too
    easily ("light"/"night", "crime"/"prime") to be guessed at."""
    targets: dict[str, list[str]] = {}
    for key in PHRASEBOOK:
        if len(key) == 1 and len(key[0]) >= 6 and key[0].isalpha():
            targets.setdefault(key[0][0], []).append(key[0])
    return targets


# Typo repair: same first letter, one edit (two from nine letters up).
_TYPO_TARGETS = _typo_targets()
# Real words one edit away from a vocabulary word ("thrilled" is not "thriller").
_NOT_TYPOS = word_set(
    "thrilled violet eastern trench finish indiana fighter mastery auction comely classical hunted "
    "raging poison watches policy concept hungry columbia knight slashed franchise franchises tens"
)


@lru_cache(maxsize=4096)
def _typo(word: str) -> str | None:
    """The vocabulary word `word` is a likely misspelling of ("horor" -> "horror"), if any."""
    if len(word) == 4 and word.isalpha() and word not in STOPWORDS and word not in _NOT_TYPOS:
        # "somethin funy from the 80s": a doubled letter typed once is the one slip short words are safe to mend
        # ("funy" is funny, "hapy" happy), where any other edit of four letters is too likely another word
        doubled = (word[: j + 1] + word[j:] for j in range(len(word)))
        return next((w for w in doubled if (w,) in PHRASEBOOK), None)
    if len(word) < 5 or not word.isalpha() or word in STOPWORDS or word in _NOT_TYPOS:
        return None
    limit = 2 if len(word) >= 9 else 1
    best, best_distance = None, limit + 1
    for target in _TYPO_TARGETS.get(word[0], ()):
        if abs(len(target) - len(word)) > limit:
            continue
        distance = OSA.distance(word, target, score_cutoff=limit)
        if distance < best_distance:
            best, best_distance = target, distance
    return best


def _phrase_at(toks: list[Tok], i: int) -> tuple[int, Effect] | None:
    """The longest phrase starting at toks[i], or a single misspelt vocabulary word."""
    for n in range(min(MAX_PHRASE, len(toks) - i), 0, -1):
        effect = PHRASEBOOK.get(tuple(t.text for t in toks[i : i + n]))
        if effect is not None:
            return i + n, effect
    if toks[i].text == "new" and i + 1 < len(toks) and _names_genre(toks, i + 1):
        return i + 1, RECENT  # "new comedies", "a new horror movie"
    if toks[i].is_word:
        corrected = _typo(toks[i].text)
        if corrected is not None:
            return i + 1, PHRASEBOOK[(corrected,)]
    return None


def _names_genre(toks: list[Tok], i: int) -> bool:
    for n in range(min(MAX_PHRASE, len(toks) - i), 0, -1):
        effect = PHRASEBOOK.get(tuple(t.text for t in toks[i : i + n]))
        if effect is not None:
            return bool(effect.genres)
    return False


def _cue_at(toks: list[Tok], i: int) -> int | None:
    for n in range(min(_MAX_CUE, len(toks) - i), 0, -1):
        if tuple(t.text for t in toks[i : i + n]) in _NEGATION_CUES:
            return i + n
    return place_refused_at(toks, i)  # "doesn't take place in paris"


# --- pass 5: the phrase walk -------------------------------------------------------------------


_PLACE_IN_THE_STORY = re.compile(
    r"\b(?:set|takes? +place|took +place|taking +place|happens?|happened|located|based|about|life) +(?:in|on|about)?"
    r" *(?:the|a|an)? *$|\babout *(?:the)? *$"
    r"|\bwars? +(?:in|on|against) *(?:the)? *$"  # "the war in Vietnam": the war there, not films made there
)


# what a sentence says of a film already named ("That is another classic"): a verdict, no era asked
# for (a genre said so is a taste, read softly by agent.understanding.meaning)
_SAID_OF_A_FILM = re.compile(
    r"(?:^|[.!?]\s*|\b(?:yes|yeah|oh|and|but|well|ok|okay|heard|think|thought|guess|know|said|says)\W+)"
    r"(?:that|it|this)(?:'s|\s+is|\s+was)\s+"
    r"(?:(?:another|a|an|such\s+a|one|the|real|true|great|good|total|fun|real|cool)\s+){0,3}$"
)


_ENDS_IT = re.compile(
    r"\s*(?:movie|film|one|flick|classic|too|though|honestly)?\s*(?:[.!?,;]|$)"
)  # not "... I'm after"


# what a message says of the picks shown: "these r kinda old", "they're all a bit long": like "too old"
_SAID_OF_PICKS = re.compile(
    r"(?:^|[.!?,;]\s*|\b(?:nah|no|hmm+|but|ugh|eh|meh|honestly|tbh|lol|ok|okay)\W+)(?:these|those|they|they're|theyre"
    r"|them|the\s+picks|all\s+of\s+them"
    # "the 1st one is a bit long tbh", "it's kinda old": one of the picks
    r"|it(?:'s|s)?|th(?:at|is)\s+one(?:'s)?|the\s+(?:first|second|third|last|1st|2nd|3rd)(?:\s+one)?(?:'s)?)"
    r"(?:\s+(?:are|r|'re|is|was|seem|seems|look|looks|feel|feels|all|kinda|kind\s+of|a\s+bit|a\s+little"
    r"|pretty|way|so|really|quite|rather|bit|little|lil))*\s+$"
)
_PICKS_SENTENCE_END = re.compile(
    r"\s*(?:movies?|films?|ones?)?(?:\s+(?:tbh|lol|honestly|tho|though|ngl|imo))*\s*(?:[.!?,;]|$)"
)


# A refusal said after what it refuses: "superhero films are not my thing", "horror isn't for me"
_REFUSED_AFTER = re.compile(
    r"(?:\s+(?:movies?|films?|flicks?|stuff))?\s+(?:is|are|'s|'re)(?:\s+not|n't)\s+(?:really\s+)?"
    r"(?:my\s+thing|for\s+me|my\s+cup\s+of\s+tea|my\s+jam)\b"
)


def walk_phrases(scan: Scan, reading: Reading) -> None:
    """Look every remaining phrase up; a negation cue turns the phrases after it into exclusions."""
    toks = scan.tokens()
    i = 0
    while i < len(toks):
        hit = _phrase_at(toks, i)
        cue_end = _cue_at(toks, i)
        if cue_end is not None and (hit is None or cue_end >= hit[0]):
            i = _negation(scan, reading, toks, i, cue_end)
            continue
        if hit is None and (hit := _place_set_in(toks, i)) is None:
            i += 1
            continue
        end, effect = hit
        if refusal := _REFUSED_AFTER.match(scan.text, toks[end - 1].end):  # "superhero films are not my thing"
            reading.apply(effect.when_negated())
            scan.take(toks[i].start, refusal.end(), negated=True)
            i = next((n for n, t in enumerate(toks) if t.start >= refusal.end()), len(toks))
            continue
        too_much = i > 0 and toks[i - 1].text == "too" and not (end < len(toks) and toks[end].text == "to")
        # "these r kinda old": said of the picks, an era or length is a complaint, as "too old" is
        of_picks = bool(effect.years or effect.runtime) and _said_of_picks(scan, toks[i].start, toks[end - 1].end)
        if too_much and effect.runtime is not None and i > 1 and toks[i - 2].text in _TIME_PASSED:
            scan.take(toks[i - 1].start, toks[end - 1].end, aside=True)  # "it's been too long": since, not runtime
            i = end
            continue
        if (too_much or of_picks) and not effect.only_negated:  # "Those are too scary": less of it, not "too scary to"
            complaint = effect.when_negated(softly=True)
            if complaint == Effect() and effect.years:  # "too old": newer ones; "too recent": older ones
                low, high = effect.years(2000)
                complaint = Effect(modifiers=("older",) if low is not None and high is None else ("newer",))
            elif effect.years and complaint.years:  # "nah too old" after 2010s picks: newer than those too
                low, _ = complaint.years(2000)
                complaint = replace(complaint, modifiers=("past_old",) if low is not None else ("past_new",))
            elif effect.runtime is not None:  # "too long": shorter than those shown; "too short": longer
                complaint = Effect(modifiers=("shorter",) if effect.runtime[0] is not None else ("longer",))
            reading.apply(complaint)
            scan.take(toks[i - 1 if too_much else i].start, toks[end - 1].end, negated=True)
            i = end
            continue
        said_of_it = _SAID_OF_A_FILM.search(scan.text, 0, toks[i].start) and _ENDS_IT.match(
            scan.text, toks[end - 1].end
        )
        if effect.years and not effect.genres and said_of_it:
            scan.take(toks[i].start, toks[end - 1].end, aside=True)  # "That is another classic movie."
            i = end
            continue
        if effect.countries and _PLACE_IN_THE_STORY.search(" ".join(t.text for t in toks[max(0, i - 3) : i])):
            # "set in France", "a movie about Vietnam": where the story is, not where the film was made
            effect = Effect(keywords=(place_said(toks[i:end]),))
        if not effect.only_negated:
            reading.apply(effect, said=scan.text[toks[i].start : toks[end - 1].end])
            if effect.studios or effect.languages or effect.countries:
                reading.kind_spans.append((toks[i].start, toks[end - 1].end, effect))
            if effect.genres:
                reading.genre_spans.append((toks[i].start, toks[end - 1].end, tuple(effect.genres)))
            if effect.moods:
                reading.mood_spans.append((toks[i].start, toks[end - 1].end, tuple(effect.moods)))
            elif effect.languages or effect.countries:
                reading.place_spans.append((toks[i].start, toks[end - 1].end, effect))
            if effect.soft:
                scan.kept.update(t.start for t in toks[i:end])
            else:
                scan.take(toks[i].start, toks[end - 1].end, aside=effect.aside)
        i = end


_INSTEAD_ENDS = word_set("please pls plz instead then thanks thx . ! ?")


def _instead_after(toks: list[Tok], comma: int) -> bool:
    """ "not horror, comedy", "not pixar, dreamworks": one thing after the comma, with no "or" or "and"
    to make a list of it, ends the message, and is what is wanted instead; "no horror, gore or
    slashers" refuses all three (and "not" is the only cue read so: "no horror, gore" refuses both)."""
    if comma >= len(toks) or toks[comma].text != ",":
        return False
    hit = _phrase_at(toks, comma + 1) if comma + 1 < len(toks) else None
    return hit is not None and all(t.text in _INSTEAD_ENDS for t in toks[hit[0] :])


def _place_set_in(toks: list[Tok], i: int) -> tuple[int, Effect] | None:
    """ "films set in paris", "a movie set in new york": a place the phrasebook does not know, after
    "set in", is the theme searched for (as a known country is), not words left to guess from."""
    span = place_set_in(toks, i)
    if span is None or _phrase_at(toks, span[0]):
        return None
    start, end = span
    return end, Effect(keywords=(place_said(toks[start:end]),))


def _negation(scan: Scan, reading: Reading, toks: list[Tok], i: int, cue_end: int) -> int:
    """ "No horror or gore", "nothing too long", "not a fan of musicals"; returns where to go on."""
    j, k, last, intensified, story, set_in = cue_end, cue_end, None, False, False, False
    while j < len(toks):
        k = j
        new_clause = toks[j].text in _NEW_CLAUSE and (toks[j].text != "more" or toks[i].text != "less")
        if j > cue_end and toks[j - 1].text in (",", "and") and new_clause:  # "less sci-fi and more drama": leans
            break
        while k < len(toks) and k - j < 3 and toks[k].text in _QUALIFIERS and not _phrase_at(toks, k):
            intensified |= toks[k].text in INTENSIFIERS
            k += 1
        placed = after_set_in(toks, k) if k < len(toks) else None  # "no films set in new zealand"
        k = placed if placed is not None else k
        set_in |= placed is not None
        story |= set_in or any(t.text == "about" for t in toks[j:k])
        hit = _phrase_at(toks, k) if k < len(toks) else None
        unknown_place = hit is None and set_in  # "not set in new york or paris"
        if unknown_place or (placed is not None and not (hit[1].countries or hit[1].keywords)):
            end = place_end(toks, k)  # "not set in new york": a place the phrasebook does not know
            hit = (end, Effect(keywords=(place_said(toks[k:end]),))) if end is not None else None
        if hit is None:
            break
        end, effect = hit
        if effect.countries and story:  # "nothing about vietnam", "not set in france": the theme
            effect = Effect(keywords=(place_said(toks[k:end]),))
        reading.apply(effect.when_negated(softly=intensified))
        last = end
        instead = [t.text for t in toks[i:cue_end]] == ["not"] and _instead_after(toks, end)
        if end < len(toks) and toks[end].text in _LIST_SEPARATORS and not instead:
            j = end + 1
            continue
        break
    if last is not None:
        scan.take(toks[i].start, toks[last - 1].end, negated=True)
        return last
    themes, end = refused_themes(toks, i, cue_end, k) if not intensified else ([], k)
    if themes:  # "nothing with clowns or spiders": what no pick may be about
        reading.apply(Effect(exclude_keywords=tuple(themes)))
        scan.take(toks[i].start, toks[end - 1].end, negated=True)
        return end
    if k < len(toks) and toks[k].is_word and (intensified or toks[k].text not in STOPWORDS):
        # "not too cheesy", "but not Nolan": nothing to filter, but kept out of the query
        scan.take(toks[i].start, toks[k].end, negated=True)
        return k + 1
    return cue_end


def _said_of_picks(scan: Scan, start: int, end: int) -> bool:
    """Whether the phrase at start..end ends a sentence about the picks shown ("these r kinda old")."""
    return bool(_SAID_OF_PICKS.search(scan.text, 0, start) and _PICKS_SENTENCE_END.match(scan.text, end))

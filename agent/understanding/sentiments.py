"""The words of a verdict on a film and the stars each stands for ("hated" 1, "loved" 5), one table
that a verdict said alone and one said in passing beside a request both read, so the same words
store the same stars whichever way they come."""

from __future__ import annotations

import re
from typing import Literal

Verdict = Literal["seen", "liked", "disliked"]
MIDDLING = 3.0  # the stars of "Heat was ok": neither liked nor disliked

# Verdicts, checked in order ("didn't like" must win over "like"): pattern, intent, stars, and
# whether it is a bare adjective ("good", "boring"), which only counts in a message with no filters
# ("a good thriller" asks for one; "good one" judges one).
SENTIMENTS: tuple[tuple[re.Pattern[str], Verdict, float, bool], ...] = (
    (
        re.compile(
            r"\b(?:hated|hate|loathed|despised|(?:couldn'?t|could not|can'?t|cannot)\s+stand)\b|👎"
            r"|\b(?:remember|recall)\s+(?:really\s+)?(?:hating|loathing)\b"  # "I remember hating Cats"
        ),
        "disliked",
        1.0,
        False,
    ),
    (re.compile(r"\b(?:terrible|awful|horrible|the worst|garbage|trash)\b"), "disliked", 1.0, True),
    (
        re.compile(
            r"\b(?:didn'?t|did not|don'?t|do not|wasn'?t|was not|not)\s+(?:really\s+)?"
            r"(?:like|love|enjoy|care for|a fan|great|good|for me|my thing)\b|\bdisliked\b"
        ),
        "disliked",
        2.0,
        False,
    ),
    # "not a big fan of Heat", "never been a fan of Ronin": a mild dislike, never the fan's 5 stars
    (
        re.compile(
            r"\b(?:not|never\s+been|never\s+was)\s+(?:really\s+|even\s+|much\s+of\s+)?(?:a\s+)?"
            r"(?:(?:big|huge|massive|great)\s+)?fans?\s+of\b"
        ),
        "disliked",
        2.0,
        False,
    ),
    # "Heat isn't my favorite", "not really my cup of tea": lukewarm, never the favourite it names
    (
        re.compile(
            r"\b(?:isn'?t|is\s+not|wasn'?t|was\s+not|not)\s+(?:really\s+|exactly\s+)?"
            r"my\s+(?:favou?rite|fave?|cup\s+of\s+tea)\b"
        ),
        "disliked",
        2.0,
        False,
    ),
    (re.compile(r"\b(?:boring|meh|fell flat)\b"), "disliked", 2.0, True),
    # "seven was overrated imo", "casino was mid", "interstellar? never again lol"
    (re.compile(r"\bnever again\b(?!\s+(?:show|suggest|recommend|give|offer|pick))"), "disliked", 1.0, False),
    (
        re.compile(
            r"\b(?:overrated|over-rated|(?:was|is|'s|so|kinda|pretty|lowkey|honestly|just|mega)\s+mid)\b"
            r"(?![\s-]*'?\d)"
        ),
        "disliked",
        2.0,
        False,
    ),
    (
        re.compile(
            r"\b(?:loved|adored|(?:i|we)\s+(?:really\s+|do\s+|did\s+)?(?:love|adore))\b|❤|😍"
            r"|\b(?:remember|recall)\s+(?:really\s+|absolutely\s+)?(?:loving|adoring)\b"  # "I remember loving Jaws"
        ),
        "liked",
        5.0,
        False,
    ),
    # "Heat is a classic", "Jaws was one of the best movies ever": said of a film named before it (of "it"
    # or "that", about a pick, it is too loose to rate one)
    (
        re.compile(
            r"(?<!\bit)(?<!\bthat)(?<!\bthis)(?<!\bwhat)(?:\s+is|\s+was|'s)\s+(?:(?:such|an?|absolute|true|real|total"
            r"|all[- ]time)\s+)*(?:classic\b(?!\s+(?:movies?|films?)\b)|one\s+of\s+the\s+(?:best|greatest)\b)"
        ),
        "liked",
        5.0,
        False,
    ),
    # "I'm a huge fan of Alien", "we were big fans of Heat"
    (
        re.compile(
            r"\b(?:i'?m|i\s+am|i\s+was|we'?re|we\s+are|we\s+were)\s+(?:such\s+|really\s+|also\s+)?(?:an?\s+)?"
            r"(?:(?:really\s+)?(?:big|huge|massive|great|enormous)\s+)?fans?\s+of\b"
        ),
        "liked",
        5.0,
        False,
    ),
    # "some of my favorites are Heat and Ronin", "Heat is one of my all-time faves", "I grew up on Jaws"
    (
        re.compile(
            r"(?<!\bnot )(?<!n't )\bmy\s+(?:(?:all[- ]time|absolute|personal|top)\s+)?(?:favou?rites?|faves?|favs?)\b"
            r"(?!\s+(?:genres?|directors?|actors?|actress(?:es)?|kinds?|types?|decades?|eras?|people|person)\b)"
            r"|\b(?:a\s+few|some)\s+(?:all[- ]time\s+)?(?:favou?rites|faves|favs)(?:\s+(?:movies|films))?\s*:"
            r"|\bgrew\s+up\s+(?:on|with|watching)\b|\bmy\s+top\s+(?:\d+|three|five|ten)(?:\s+\w+)?\s*(?:are\b|:)"
        ),
        "liked",
        5.0,
        False,
    ),
    (re.compile(r"\b(?:slaps|slapped|goated|(?:a|an absolute|such a|total)\s+banger|bangs)\b"), "liked", 5.0, False),
    # "the prestige was sick", "heat is fire": slang praise of a film, not "I was sick" or "sick of it"
    (
        re.compile(
            r"(?<!\bi )(?<!\bwe )(?<!\bhe )(?<!\bshe )(?<!\bthey )\b(?:was|is|'s|so|lowkey)\s+"
            r"(?:(?:so|lowkey|straight|actually)\s+)?(?:sick|fire|dope|lit)\b(?!\s+(?:of|and\s+tired))"
        ),
        "liked",
        5.0,
        False,
    ),
    (
        re.compile(
            r"\b(?:amazing|masterpiece|favou?rite|fave?|awesome|fantastic|incredible|brilliant"
            r"|excellent|superb|wonderful|outstanding|phenomenal|terrific|spectacular)\b"
        ),
        "liked",
        5.0,
        True,
    ),
    (
        # "I did enjoy Wonder Woman (2017)": the emphatic "did" as "do"
        re.compile(r"\b(?:liked|enjoyed|(?:i|we)\s+(?:really\s+|also\s+|do\s+|did\s+)?(?:like|enjoy|prefer))\b|👍"),
        "liked",
        4.0,
        False,
    ),
    # "Heat was ok", "Ronin is decent": a middling verdict, three stars; not "it's fine" or "that's ok",
    # which answer the bot rather than judge a film
    (
        re.compile(
            r"(?<!\bit)(?<!\bthat)(?<!\bthis)(?<!\bwhat)(?<!\bthat one)(?<!\bthis one)(?:\s+(?:is|was)|'s)\s+"
            r"(?:just\s+|only\s+|pretty\s+|kinda\s+|fairly\s+)?(?:ok(?:ay)?|alright|all\s+right|decent|so-so|average)"
            r"(?![\w-])(?!\s+(?:for|with|to)\b)"
        ),
        "liked",
        MIDDLING,
        False,
    ),
    # "Bad Moms was cute too", "Superbad was hilarious": said of a film (bare, they ask for one: "something cute")
    (re.compile(r"\b(?:good|great|nice|solid|cute|hilarious|enjoyable|entertaining)\b"), "liked", 4.0, True),
)


def dislike_stars(said: str) -> float | None:
    """The stars the words of a dislike stand for, read from SENTIMENTS as when the verdict is said
    alone ("hated" 1, "didn't like" 2), so "hated titanic, something else?" stores what "I hated
    Titanic" does; None for words no verdict said alone reads, kept as a plain dislike."""
    lowered = said.lower()
    found = (stars for pattern, verdict, stars, _ in SENTIMENTS if verdict == "disliked" and pattern.search(lowered))
    return next(found, None)

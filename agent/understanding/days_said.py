"""The day a message says a film was watched ("I watched Alien yesterday", "saw Heat last night",
"watched Jaws on Sunday"), so the watched list keeps when, not the moment it was told."""

from __future__ import annotations

import re
from datetime import date, timedelta

from agent.understanding.numbers import number_said
from agent.understanding.text import Scan

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WATCHED = re.compile(r"\b(?:watched|saw|seen|caught|rewatched|re-watched|finished)\b")
_DAY = re.compile(
    r"\b(?:yesterday|last\s+night"
    rf"|(?:on|last|this(?:\s+past)?)\s+(?P<weekday>{'|'.join(_WEEKDAYS)})(?:\s+(?:night|evening|morning))?"
    r"|(?P<n>\d+|a\s+couple(?:\s+of)?|an?|one|two|three|four|five|six)\s+(?P<unit>days?|weeks?)\s+(?:ago|back)"
    r"|last\s+(?P<week>week)"  # "last week": a week back, the nearest day it names
    # "last weekend": the Saturday of last week; "over the weekend": the latest Saturday gone
    r"|(?P<weekend>last|(?:this\s+)?past|over\s+the|this|on\s+the)\s+weekend)\b"
)
_SENTENCE_END = re.compile(r"[.!?;]")


def day_watched(lowered: str, today: date) -> date | None:
    """The day a viewing the message tells of took place ("yesterday", "on Sunday", "3 days ago"), when
    the sentence that says it tells of one; never today, which is when the film is noted anyway."""
    for said in _DAY.finditer(lowered):
        opening = max((m.end() for m in _SENTENCE_END.finditer(lowered, 0, said.start())), default=0)
        closing = next((m.start() for m in _SENTENCE_END.finditer(lowered, said.end())), len(lowered))
        if _WATCHED.search(lowered, opening, closing) is None:
            continue
        if said["weekday"]:
            back = (today.weekday() - _WEEKDAYS.index(said["weekday"])) % 7
            return today - timedelta(days=back or 7)  # "on Sunday", said on a Sunday: the one before
        if said["unit"]:
            n = 2 if said["n"].startswith("a couple") else number_said(said["n"])  # "a couple days ago"
            return today - timedelta(days=n * (7 if said["unit"].startswith("week") else 1))
        if said["week"]:
            return today - timedelta(days=7)
        if said["weekend"]:
            return _saturday(today, last_week=said["weekend"] == "last")
        return today - timedelta(days=1)  # "yesterday", "last night"
    return None


def _saturday(today: date, *, last_week: bool) -> date:
    """The Saturday a weekend said means: of the week before this one ("last weekend", Monday to
    Sunday weeks), else the latest gone by ("over the weekend", "this past weekend")."""
    if last_week:
        return today - timedelta(days=today.weekday() + 2)
    return today - timedelta(days=(today.weekday() - 5) % 7 or 7)


def when_vague(lowered: str) -> bool:
    """A viewing told with a when that names no day ("last month", "a while back", "as a kid"): the
    film is watched, but at no day the watched list could honestly show."""
    for said in _VAGUE_WHEN.finditer(lowered):
        opening = max((m.end() for m in _SENTENCE_END.finditer(lowered, 0, said.start())), default=0)
        closing = next((m.start() for m in _SENTENCE_END.finditer(lowered, said.end())), len(lowered))
        if _WATCHED.search(lowered, opening, closing) is not None:
            return True
    return False


# "the other day", "a while back", "ages ago": when a film was watched, though no day
_SOME_TIME_AGO = (
    r"\bthe\s+other\s+(?:day|night|evening|morning|afternoon|week|weekend)\b"
    r"|\b(?:a\s+(?:little\s+|good\s+)?while|a\s+long\s+time|some\s+time|a\s+(?:year|month)|a\s+few\s+"
    r"(?:years|months|weeks)|ages|years|months|weeks)\s+(?:ago|back)\b"
)
_SOME_TIME_AGO_SAID = re.compile(_SOME_TIME_AGO)
_VAGUE_WHEN = re.compile(
    rf"{_SOME_TIME_AGO}|\b(?:last|earlier\s+this)\s+(?:month|year|summer|winter|spring|fall|autumn|christmas)\b"
    r"|\b(?:as\s+a\s+(?:kid|child|teen(?:ager)?)|when\s+i\s+was\s+(?:a\s+kid|a\s+child|young|little|younger))\b"
    r"|\b(?:long\s+ago|back\s+in\s+(?:the\s+)?(?:day|\d{2,4}s?)|in\s+(?:19|20)\d\d)\b"
)


def some_time_ago_blanked(lowered: str) -> str:
    """The message with "the other day" and "a while back" blanked out in place: they tell when, and
    ask for no "other" film."""
    return _SOME_TIME_AGO_SAID.sub(lambda m: " " * len(m[0]), lowered)


# "3 days ago", "like 10 times", "a lot": when, how often or how much a film was watched or liked
_WHEN_OR_HOW_OFTEN = re.compile(
    r"\b(?:\d+|a\s+couple(?:\s+of)?|a\s+few|an?|one|two|three|four|five|six)\s+(?:days?|weeks?)\s+(?:ago|back)\b"
    rf"|{_SOME_TIME_AGO}"
    r"|\b(?:\d+|a\s+few|a\s+couple\s+of|a\s+dozen|a\s+hundred|a\s+million|two|three|four|five|ten)\s+times\b"
    r"|\b(?:a\s+lot|a\s+ton|so\s+much|very\s+much|a\s+bunch)(?=\s*(?:$|[,.!?;]|(?:but|and|though|tho|lol|too)\b))"
)


def set_aside_days_ago(scan: Scan) -> None:
    """ "I saw Heat 3 days ago", "watched Alien like 10 times", "I liked Heat a lot": when, how often or
    how much; not Heat 3, 10 (1979) or a film "Heat a lot", nor a length or a count of films."""
    for said in _WHEN_OR_HOW_OFTEN.finditer(scan.text):
        scan.take(said.start(), said.end(), aside=True)
    for said in _LATELY.finditer(scan.text):  # "I saw heat recently": no film "Heat Recently"
        if _WATCHED.search(scan.text, 0, said.start()):
            scan.take(said.start(), said.end(), aside=True)
    # "I watched Alien and Aliens yesterday", "... last month": the day, not a film "Aliens Yesterday"
    for pattern in (_DAY, _VAGUE_WHEN):
        for said in pattern.finditer(scan.text):
            if _WATCHED.search(scan.text, 0, said.start()) and not said[0].startswith("in "):  # "in 1999" asks
                scan.take(said.start(), said.end(), aside=True)


# "recently", said of a viewing; "recently released" asks for new films
_LATELY = re.compile(r"\b(?:recently|lately)\b(?!\s+(?:released|made|out|came))")


def when_cut(said: str) -> str:
    """A list's text without the when that closes it: "alien and aliens last weekend" is two films."""
    for pattern in (_DAY, _VAGUE_WHEN, _WHEN_OR_HOW_OFTEN, _LATELY):
        for m in pattern.finditer(said):
            if not said[m.end() :].strip(" .!,"):
                return said[: m.start()].rstrip(" ,")
    return said

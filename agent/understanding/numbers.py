"""Pass 4: numbers: years and decades, runtimes, ratings, kids' ages (counts are in counts.py)."""

from __future__ import annotations

import itertools
import re

from agent.understanding.effect import YearSpan
from agent.understanding.either_years import joined_spans, without_gaps
from agent.understanding.meaning import Reading, extend_unique
from agent.understanding.request import Understood
from agent.understanding.text import Scan

# --- pass 4: numbers ---------------------------------------------------------------------------

_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "single": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "dozen": 12,
    "a dozen": 12,
    "a couple of": 2,
}
_NUMBER = r"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|a\s+dozen"


def number_said(word: str) -> int:
    """ "3", "three", "a dozen", "a couple of": the number a word or two say."""
    word = " ".join(word.split())
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


_KID_AGE = re.compile(
    rf"(?<![\w.])(?P<age>{_NUMBER})(?:\.5)?[\s-]*(?:years?|yrs?|y)[\s-]*olds?(?!\w)|\b(?:toddlers?|preschoolers?)\b"
)


def read_kid_ages(scan: Scan, out: Understood) -> None:
    """ "For my 8 year old" asks for a family film, and its number is neither a year nor a count."""
    for m in list(_KID_AGE.finditer(scan.text)):
        if m["age"] is None or number_said(m["age"]) <= 13:
            extend_unique(out.genres, ["family"])
        scan.take(m.start(), m.end())


_WORD_DECADES = {
    "twenties": 1920,
    "thirties": 1930,
    "forties": 1940,
    "fifties": 1950,
    "sixties": 1960,
    "seventies": 1970,
    "eighties": 1980,
    "nineties": 1990,
    "noughties": 2000,
    "aughts": 2000,
}
_TIME_POINT = re.compile(
    r"""(?<![\w.])
    (?:(?P<part>early|mid|late)[\s-]*)?
    (?:
        '?(?P<decade>(?:1[89]|20)?\d0)'?s
      | (?:nineteen[\s-]+)?
        (?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|noughties|aughts)
      | (?P<year>(?:1[89]|20)\d\d)
      | (?<!\w)'(?P<short>\d\d)(?!['%/])(?!\s*(?:stars?|m|mins?|minutes?|h|hrs?|hours?)\b)  # "from '97": 1997
    )(?!\w)(?!\+\d)""",
    re.X,
)
# "Spielberg from the 80s", "nolan after 2010", "Scorsese 90s": the words right after a name that bound
# its films in time, which cue the name as a person as "films" after it does
_TIME_BOUND_AFTER = re.compile(
    r"[\s,]+(?:(?:made|released|filmed)\s+)?"
    r"(?:(?:from|in|of|during|after|before|since|until|till|around|circa|pre|post|between)[\s-]+)?(?:the\s+)?"
    + _TIME_POINT.pattern,
    re.X,
)


def bounds_in_time(text: str, end: int) -> bool:
    """Whether text, from `end` on, opens with a year or decade the films are to be from."""
    return _TIME_BOUND_AFTER.match(text, end) is not None


_JOINER = re.compile(r"\s*(?:-|to|and|or|through|thru|until|till|&|/|,)\s*(?:the\s+)?")
# "don't show me anything older than 2000": a refusal of what follows, as "nothing older than 2000"
_DONT_SHOW = (
    r"(?:(?:don'?t|do\s+not|never)\s+(?:show|suggest|recommend|give)(?:\s+(?:me|us))?"
    r"\s+(?:anything|any|movies?|films?))"
)
# A refusal before a year span: "not from the 60s", "nothing before 2000", "I don't want anything 80s".
_REFUSAL = (
    rf"(?:not|nothing|none|no|never|{_DONT_SHOW}|but\s+not|anything\s+but|except(?:\s+for)?|exclud(?:e|ing)|avoid(?:ing)?|"
    r"(?:that\s+|which\s+)?(?:isn'?t|is\s+not|wasn'?t|aren'?t|are\s+not)|"
    r"other\s+than|apart\s+from|(?:i\s+)?(?:don'?t|do\s+not)\s+want|(?:i\s+)?(?:don'?t|do\s+not)\s+like)\s+"
    r"(?:(?:anything|something|any|a|movies?|films?|stuff|ones?)\s+)?"
)
# "nothing made before 1990", "no films that came out after 2010": how the film came to be, between
# the refusal and its bound
_MADE = r"(?:(?:that\s+|which\s+)?(?:(?:was|were)\s+)?(?:made|released|filmed|shot|produced|(?:came|coming)\s+out)\s+)?"
# "nothing older than like 2000", "before, say, 1990": a filler between a bound and its year keeps the bound
_FILLER = r"(?:,?\s*(?:like|say|maybe|around|about|roughly|approximately|circa|um+|uh+)\s*,?\s*)?"
_REFUSAL_HELD = (  # "nothing before 2000 or after 2010": a refused bound, then "or", refuses the next one too
    rf"(?:{_REFUSAL}{_MADE}(?:from\s+)?(?:before|after|pre|post|(?:older|newer|earlier|later)\s+than)[\s-]*"
    r"(?:the\s+)?'?\d{2,4}'?s?\s*,?\s*(?:or|nor)\s+|"
    rf"{_REFUSAL})"
)
_YEAR_OPS_BEFORE: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(r"(?<!\w)" + pattern + r"\s*" + _FILLER + r"(?:the\s+)?(?:year\s+)?$"), op)
    for pattern, op in (
        (rf"{_REFUSAL_HELD}(?:older|earlier)\s+than", "since"),  # "i don't want anything older than 2000"
        (rf"{_REFUSAL_HELD}(?:newer|later|more\s+recent)\s+than", "until"),
        # "nothing before 2000", "nothing made before 2000", "nothing pre-2000"
        (rf"{_REFUSAL_HELD}{_MADE}(?:from\s+)?(?:before|pre|prior\s+to|earlier\s+than)[\s-]*", "since"),
        (rf"{_REFUSAL_HELD}{_MADE}(?:from\s+)?(?:after|post|later\s+than)[\s-]*", "until"),
        (rf"{_REFUSAL}(?:(?:from|in|of|made\s+in|released\s+in|set\s+in)\s+)?", "exclude"),  # "not the 60s"
        (r"(?:since|starting(?:\s+(?:in|from))?|as\s+of)", "since"),
        (rf"{_MADE}(?:after|post|newer\s+than|later\s+than|more\s+recent\s+than)[\s-]*", "after"),
        (rf"{_MADE}(?:before|pre|older\s+than|earlier\s+than|prior\s+to)[\s-]*", "before"),
        (r"(?:until|till|up\s+to|through|no\s+later\s+than)", "until"),
        (r"(?:around|circa|(?<!what )(?<!how )about|ca\.?)", "around"),  # "what about the 70s" is no "around"
    )
)
_YEAR_OPS_AFTER: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(r"\s*" + pattern + r"(?!\w)(?!\s+(?:the\s+)?'?\d)"), op)  # "the 90s or after 2010": another bound
    for pattern, op in (
        (
            r"(?:onwards?|on(?=\s*(?:$|[,.!?]))|and\s+(?:later|after|up|newer|beyond)|or\s+(?:later|newer|after)|\+)",
            "since",
        ),
        (r"(?:and|or)\s+(?:earlier|before|older)", "until"),
    )
)
_RELATIVE_YEARS = re.compile(
    r"(?:(?:from|in|of|over)\s+)?(?:the\s+)?(?:last|past)\s+"
    r"(?:(?P<n>\d{1,2}|two|three|four|five|ten|twenty|few|couple(?:\s+of)?)\s+(?:years?|yrs?)|(?P<decade>decade))"
    r"|(?P<this>this|last)\s+(?P<unit>year|decade)"
    # "no older than 10 years" ("under 10 years old" is as often a child's age, so it is not read)
    rf"|(?:no|{_REFUSAL})older\s+than\s+(?:an?\s+)?"  # "nothing older than 10 years" too
    r"(?P<old>\d{1,2}|two|three|four|five|ten|twenty|few|couple(?:\s+of)?)\s+(?:years?|yrs?)(?:\s+old)?"
)


def _point_span(m: re.Match[str], today: int) -> YearSpan | None:
    if m["year"] or m["short"]:
        year = int(m["year"] or m["short"])
        if m["short"]:  # '05 is 2005 and '97 is 1997: the latest year that is no later than next year
            year += 2000 if 2000 + year <= today + 1 else 1900
        return (year, year) if 1874 <= year <= today + 2 else None
    if m["word"]:
        start = _WORD_DECADES[m["word"]]
    else:
        digits = int(m["decade"])
        start = digits if digits >= 100 else (2000 + digits if digits < 20 else 1900 + digits)
    low, high = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get(m["part"] or "", (0, 9))
    return start + low, start + high


# "between 85 and 95", "from 85 to 95": years of the last century said with two digits, only as a
# range ("kids from 10 to 12" are ages)
_SHORT_RANGE = re.compile(
    r"\b(?:between|from)\s+'?(?P<a>[3-9]\d)\s*(?:and|to|-|–)\s*'?(?P<b>[3-9]\d)(?!\s*(?:[\w%/+]|\.\d))"
)


def _short_ranges(scan: Scan, reading: Reading) -> None:
    for m in list(_SHORT_RANGE.finditer(scan.text)):
        low, high = 1900 + int(m["a"]), 1900 + int(m["b"])
        if low <= high and not _AN_AGE.search(scan.text[: m.start()]):
            reading.bound_years(low, high)
            reading.explicit_years = True
            scan.take(m.start(), m.end())


_TITLE_AFTER = re.compile(r" +[A-Z]")
# "a French film from 2030", "made in 2040", "after 2031": a year said as the films' own is asked for even
# past any film made (or before any), so the reply can say the catalog has none, rather than drop it unsaid
_YEAR_CUED = re.compile(
    r"(?<!\w)(?:from|in|of|during|after|before|since|until|till|circa|around|pre|post|year)[\s-]+(?:the\s+)?(?:year\s+)?$"
)


def _far_year_asked(text: str, m: re.Match[str]) -> YearSpan | None:
    """A four-digit year out of the range _point_span trusts, read only when cued as a year."""
    if not m["year"] or m["part"] or not _YEAR_CUED.search(text, 0, m.start()):
        return None
    year = int(m["year"])
    return year, year


def read_years(scan: Scan, reading: Reading) -> None:
    """Decades, years and ranges: exact spans unite ("80s or 90s"), open bounds intersect."""
    _short_ranges(scan, reading)
    text = scan.text
    points = []
    for m in _TIME_POINT.finditer(text):
        if m["short"] and _TITLE_AFTER.match(scan.original, m.end()):
            continue  # "'28 Days Later'": a title's number, not a year
        # the viewing verb may be part of a title read
        if _seen_at(scan.lowered, m.start(), decade=not (m["year"] or m["short"])):
            scan.take(m.start(), m.end())  # "I saw it in 1999", "I saw 1922 on Netflix", "in the 90s": no film's year
        elif span := _point_span(m, reading.today) or _far_year_asked(text, m):
            points.append((m, span))
    spans, gaps = joined_spans([(m.start(), m.end(), span) for m, span in points], text, _JOINER)
    united: list[YearSpan] = []
    for start, end, (low, high) in spans:
        if _said_of_a_film(text, start) or _in_a_title(scan, end) or _AN_AGE.search(text[:start]):
            # "wow, that movie came out in 1979": a fact, not a wish; "they're in their 60s": an age
            scan.take(start, end)
            continue
        op, start, end = _year_operator(text, start, end)
        bounds = {
            None: None,
            "since": (low, None),
            "after": (high + 1, None),
            "before": (None, low - 1),
            "until": (None, high),
            "around": (low - 3, high + 3),
            "exclude": None,
        }[op]
        if op == "exclude":  # "not the 60s or the 90s": each, not the years between
            extend_unique(reading.result.exclude_years, without_gaps((low, high), gaps))
        elif bounds is None:
            united.append((low, high))
            extend_unique(reading.result.exclude_years, [g for g in gaps if low <= g[0] <= high])
        elif op == "around":
            united.append(bounds)
        else:
            reading.bound_years(*bounds)
        scan.take(start, end, aside=True)  # "nothing older than 2000": a bound's words are never searched
        reading.explicit_years = True
    if united:
        reading.bound_years(min(s[0] for s in united), max(s[1] for s in united))
    for m in _RELATIVE_YEARS.finditer(scan.text):
        if _when_seen(scan.lowered, m.start()):
            scan.take(m.start(), m.end())  # "I saw Ghostbusters in a drive-in last year": not the film's year
            continue
        reading.explicit_years = True
        if m["this"]:
            span = _relative_calendar(m["this"], m["unit"], reading.today)
        elif m["decade"]:
            span = (reading.today - 10, None)
        else:
            n = (m["n"] or m["old"]).split()[0]
            span = (reading.today - (5 if n == "few" else 2 if n == "couple" else number_said(n)), None)
        start = m.start()
        if not m["old"] and (refused := _REFUSED_SPAN.search(scan.text[max(0, start - 60) : start])):
            start -= len(refused.group())  # "nothing from the last 5 years": up to the year before them
            if span[1] is not None:  # "not this year": that year left out
                extend_unique(reading.result.exclude_years, [list(span)])
            span = (None, span[0] - 1) if span[1] is None else (None, None)
        reading.bound_years(*span)
        scan.take(start, m.end(), aside=True)


_REFUSED_SPAN = re.compile(rf"(?<!\w){_REFUSAL}{_MADE}(?:(?:from|in|of)\s+)?$")  # "nothing from the last 5 years"


_AN_AGE = re.compile(
    r"\bin\s+(?:their|his|her|my|our|your)\s+(?:(?:early|mid|late)\s+)?$"
    # "my parents (60s)", "for my grandpa (80s)": a person's age in brackets after them
    r"|\b(?:parents?|folks|mom|mum|mother|dad|father|grand(?:ma|pa|mother|father|parents?)|gran|granny|nan|nana"
    r"|wife|husband|in-?laws|aunt|uncle|boss|neighbou?rs?)\s*\(\s*(?:both\s+|early\s+|mid\s+|late\s+)?$",
    re.I,
)
# "I saw it last year", "we watched Coco this year": the time of a viewing, said in the same clause
_VIEWED = re.compile(r"\b(?:saw|seen|watched|rewatched|re-watched|caught|went\s+to|took\s+\w+\s+to)\b")
_FROM_BEFORE = re.compile(r"\b(?:from|of|released|came\s+out|made)\s+(?:in\s+)?(?:the\s+)?$")


def _seen_at(text: str, start: int, *, decade: bool = False) -> bool:
    """Whether the year starting at `start` dates a viewing ("we saw it in 1999") or follows the
    viewing verb itself ("I saw 1922 on Netflix": the film of that name, not a year to ask for);
    a decade only after "in the" ("I saw it in the 90s", not "I've seen the 90s classics")."""
    cut = text.rfind(",", 0, start) + 1  # "I haven't seen it, anything in the 90s?" asks for them
    viewing = _VIEWING_DECADE if decade else _VIEWING_TIME
    return _when_seen(text[cut:], start - cut) and bool(viewing.search(text[:start]))


_VIEWING_TIME = re.compile(r"\b(?:(?:back\s+)?in|saw|seen|watched|rewatched|re-watched)\s+$")
_VIEWING_DECADE = re.compile(r"\bin\s+the\s+$")


def _when_seen(text: str, start: int) -> bool:
    """Whether the relative period starting at `start` says when the speaker saw something,
    not when a film should be from: a viewing verb earlier in its clause, and no "from"
    ("a film from last year") right before it."""
    clause = re.split(r"[.!?;]|\bbut\b|\band\s+now\b", text[:start])[-1]
    return bool(_VIEWED.search(clause)) and not _FROM_BEFORE.search(clause)


# "that movie came out in 1979", "it was released in the 80s": when a film named before is from.
# Its subject opens the clause ("a film that came out in the 90s" asks for one).
_OF_A_FILM = re.compile(
    r"(?:(?:^|[.!?,;:]|\b(?:and|but|so|wow|oh|yeah|yes|think|guess|believe))\s*"
    r"(?:that|this|the)(?:\s+(?:movie|film|one|original))?|\bit|\bwhich)\s+"
    r"(?:came\s+out|was\s+released|was\s+made|(?:is|was)\s+from|premiered|dates\s+from)"
    r"(?:\s+(?:way\s+)?back)?\s+(?:in\s+)?(?:the\s+)?$"
)


def _said_of_a_film(text: str, start: int) -> bool:
    return bool(_OF_A_FILM.search(text[:start]))


# "2012 (2009)", "2001: A Space Odyssey (1968)", "The Legend of 1900 (1998)": a number in a title
_REST_OF_A_TITLE = re.compile(r"(?::[^.!?]{0,60})?\s*")


def _in_a_title(scan: Scan, end: int) -> bool:
    """Whether a title's "(year)" follows the number ending at `end`, with at most the rest of
    that title in between."""
    return any(start >= end and _REST_OF_A_TITLE.fullmatch(scan.original, end, start) for start, _ in scan.title_years)


def _year_operator(text: str, start: int, end: int) -> tuple[str | None, int, int]:
    """The "since"/"before"/"onwards" around a year span, and the span widened to cover it."""
    before = text[max(0, start - 60) : start]
    for pattern, op in _YEAR_OPS_BEFORE:
        if hit := pattern.search(before):
            start -= len(hit.group())
            onwards = [(o, h) for p, o in _YEAR_OPS_AFTER if op == "exclude" and (h := p.match(text, end))]
            if onwards:  # "nothing from 2020 on": the years before it; "nothing from 1990 or earlier": after it
                op, end = {"since": "before", "until": "after"}[onwards[0][0]], onwards[0][1].end()
            return op, start, end
    for pattern, op in _YEAR_OPS_AFTER:
        if hit := pattern.match(text, end):
            return op, start, hit.end()
    return None, start, end


def _relative_calendar(which: str, unit: str, today: int) -> YearSpan:
    if unit == "year":
        year = today if which == "this" else today - 1
        return year, year
    decade = today // 10 * 10
    return (decade, None) if which == "this" else (decade - 10, decade - 1)


_DURATION = re.compile(
    r"""(?<![\w.])(?:
        (?P<hm_h>\d|an?|one|two|three)\s*(?:h|hrs?|hours?)\s*(?:and\s+)?
        (?:(?P<hm_m>\d{1,2})|(?P<hm_words>(?:twenty|thirty|forty|fourty|fifty)(?:[\s-]+five)?|five|ten|fifteen
            |a\s+quarter))
        (?:\s*(?:m|mins?|minutes?)|(?!\s+(?:people|persons|friends|kids|of|films?|movies?|picks|years?|stars?)\b))
      | (?P<colon_h>\d):(?P<colon_m>[0-5]\d)
      | (?P<halfhour>half\s+an\s+hour)
      | (?P<h>\d+(?:\.\d+)?|an?|one|two|three|four)(?P<h_half>\s+and\s+a\s+half)?
        \s*(?:h|hrs?|hours?)(?P<half>\s+and\s+a\s+half)?
      | (?P<m>\d{2,3})\s*(?:m|mins?|minutes?)
    )(?!\w)""",
    re.X,
)
_RUNTIME_BEFORE: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(r"(?<!\w)(?:" + pattern + r")\s*" + _FILLER + "$"), op)
    for pattern, op in (
        # "nothing under 90 min" is a floor and "nothing over 100 mins" a ceiling, whatever the last word says
        (rf"(?:nothing|none|not\s+anything|{_DONT_SHOW})\s+(?:under|shorter\s+than|less\s+than|below)", "min"),
        (rf"(?:nothing|none|not\s+anything|{_DONT_SHOW})\s+(?:over|longer\s+than|more\s+than|above)", "max"),
        # "under 100 min" leaves a 100-minute film out; "at most 100" keeps it
        (r"under|less\s+than|shorter\s+than|below|fewer\s+than|<", "below"),
        (
            r"no\s+longer\s+than|not\s+longer\s+than|no\s+more\s+than|"
            r"not\s+more\s+than|not\s+over|at\s+most|max(?:imum)?(?:\s+of)?|within|up\s+to|tops",
            "max",
        ),
        (r"over|more\s+than|longer\s+than|above|>", "above"),
        (r"at\s+least|min(?:imum)?(?:\s+of)?|no\s+shorter\s+than|not\s+shorter\s+than", "min"),
        (r"around|about|roughly|approximately|approx\.?|~", "around"),
    )
)
_RUNTIME_AFTER: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\s*(?:or\s+(?:less|shorter|under|so)|max(?:imum)?|tops|at\s+most)(?!\w)"), "max"),
    (re.compile(r"\s*(?:or\s+(?:more|longer|over)|plus|\+|at\s+least|minimum)(?!\w)"), "min"),
)


_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "five": 5, "ten": 10, "fifteen": 15}


def _minute_words(words: str) -> int:
    """ "forty five", "forty-five", "a quarter": minutes past the hour, in words."""
    if "quarter" in words:
        return 15
    parts = words.replace("-", " ").split()
    return _TENS[parts[0]] + (5 if len(parts) > 1 else 0)


def _minutes(m: re.Match[str]) -> int:
    if m["hm_h"]:  # "1h45", "an hour and 45 minutes", "one hour and forty-five minutes", "an hour and a quarter"
        hours = int(m["hm_h"]) if m["hm_h"].isdigit() else _NUMBER_WORDS[m["hm_h"]]
        return hours * 60 + (int(m["hm_m"]) if m["hm_m"] else _minute_words(m["hm_words"]))
    if m["colon_h"]:
        return int(m["colon_h"]) * 60 + int(m["colon_m"])
    if m["halfhour"]:
        return 30
    if m["h"]:
        word = m["h"]
        hours = float(word) if word[0].isdigit() else _NUMBER_WORDS[word]
        return round((hours + (0.5 if m["h_half"] or m["half"] else 0)) * 60)
    return int(m["m"])


# "between 90 and 100 minutes", "90-120 mins", "1.5 to 2 hours": both bounds
_RUNTIME_RANGE = re.compile(
    r"(?<![\w.])(?:between\s+)?(?P<a>\d{1,3}(?:\.\d)?)\s*(?:-|–|to|and)\s*(?P<b>\d{1,3}(?:\.\d)?)\s*"
    r"(?:(?P<minutes>m|mins?|minutes?)|(?P<hours>h|hrs?|hours?))(?!\w)"
)
# "a 2 and a half hour epic", "a two hour movie", "one that is 2 hours": a length said of the film, give or take
_A_LENGTH = re.compile(
    r"(?<!\w)(?:an?|(?:(?:that|which)\s*(?:'s|’s|\s+is|\s+runs|\s+lasts)|it\s+(?:runs|lasts)|runs|lasts)"
    r"(?:\s+just)?)\s*$"
)

_LONG = re.compile(r"\s+long(?!\w)")


def _runtime_ranges(scan: Scan, reading: Reading) -> None:
    for m in list(_RUNTIME_RANGE.finditer(scan.text)):
        scale = 60 if m["hours"] else 1
        low, high = round(float(m["a"]) * scale), round(float(m["b"]) * scale)
        if 20 <= low <= high <= 400:
            reading.bound_runtime(low, high)
            reading.explicit_runtime = True
            scan.take(m.start(), m.end())


# "between 1h30 and 2 hours", "from 1h to 1h30": two whole lengths
_BETWEEN_LENGTHS = re.compile(r"\s*(?:-|–|to|and)\s*")
_BEFORE_LENGTHS = re.compile(r"(?:between|from)\s+$")
# "we argued for an hour", "waited for two hours": how long something else took
_SPENT = re.compile(
    r"\b(?:argued|waited|queued|talked|debated|discussed|searched|scrolled|looked|browsed|fought|drove|walked"
    r"|sat|stood|argu(?:e|ing)|wait(?:ing)?|talk(?:ing)?|scroll(?:ing)?|search(?:ing)?|look(?:ing)?)\s+(?:around\s+)?"
    r"for\s+(?:about\s+|almost\s+|over\s+)?$"
)


def _length_ranges(scan: Scan, reading: Reading, lengths: list[re.Match[str]]) -> set[int]:
    """Ranges of two whole lengths; the starts of the lengths they use."""
    used: set[int] = set()
    for a, b in itertools.pairwise(lengths):
        if a.start() in used or not _BETWEEN_LENGTHS.fullmatch(scan.text, a.end(), b.start()):
            continue
        cue = _BEFORE_LENGTHS.search(scan.text, max(0, a.start() - 10), a.start())
        low, high = _minutes(a), _minutes(b)
        if (cue or scan.text[a.end() : b.start()].strip() in "-–to") and 20 <= low <= high <= 400:
            reading.bound_runtime(low, high)
            reading.explicit_runtime = True
            scan.take(cue.start() if cue else a.start(), b.end())
            used |= {a.start(), b.start()}
    return used


def read_runtime(scan: Scan, reading: Reading) -> None:
    """ "Under 2 hours", "90 minutes or less", "at least 2h", "around 100 min"; bare means at most,
    unless the message bounds the length some other way ("under 2 hours, we argued for an hour")."""
    _runtime_ranges(scan, reading)
    lengths = list(_DURATION.finditer(scan.text))
    in_ranges = _length_ranges(scan, reading, lengths)
    bare: list[tuple[int, int, int]] = []
    for m in lengths:
        minutes = _minutes(m)
        if not 20 <= minutes <= 400 or m.start() in in_ranges:
            continue
        start, end = m.start(), m.end()
        before = scan.text[max(0, start - 40) : start]  # "don't show me anything longer than" 2 hours
        op = "max"
        if _SPENT.search(before):  # "we argued for an hour about it" says nothing of the film
            scan.take(start, end, aside=True)
            continue
        for pattern, candidate in _RUNTIME_BEFORE:
            if hit := pattern.search(before):
                op, start = candidate, start - len(hit.group())
                break
        else:
            past_long = long.end() if (long := _LONG.match(scan.text, end)) else end  # "2 hours long at most"
            for pattern, candidate in _RUNTIME_AFTER:
                if hit := pattern.match(scan.text, past_long):
                    op, end = candidate, hit.end()
                    break
            else:
                if hit := _A_LENGTH.search(before):  # "a 2 and a half hour epic", "one that runs 2 hours"
                    op, start = "around", start - len(hit.group())
                else:
                    op = "bare"
        if long := _LONG.match(scan.text, end):  # "90 minutes long" asks for nothing long
            end = long.end()
        if op == "bare":  # "I have an hour": at most that, if nothing else says
            bare.append((minutes, start, end))
            continue
        bounds = {"max": (None, minutes), "below": (None, minutes - 1), "min": (minutes, None),
                  "above": (minutes + 1, None), "around": (minutes - 15, minutes + 15)}[op]  # fmt: skip
        reading.bound_runtime(*bounds)
        reading.explicit_runtime = True
        scan.take(start, end, aside=True)  # "that runs 2 hours long" is no words to search for
    # "we have 2 hours" is at most that, unless the message sets a longest length itself ("under 2
    # hours, we argued for an hour"); beside a shortest ("at least 90 minutes") it is the longest
    longest = min((minutes for minutes, _, _ in bare), default=None)
    if longest is not None and reading.result.max_runtime is None and longest >= (reading.result.min_runtime or 0):
        reading.bound_runtime(None, longest)
        reading.explicit_runtime = True
    for _, start, end in bare:
        scan.take(start, end, aside=True)


_OR_MORE = r"(?:\+|or\s+(?:more|higher|above|better))"
_RATING = re.compile(
    rf"""(?:
        (?:(?:rated|rating|scored)\s+)?(?:above|over|at\s+least|higher\s+than|more\s+than|better\s+than)\s+
        (?P<stars>[1-5](?:\.5)?)\s*(?:stars?|/\s*5)(?:\s*{_OR_MORE})?
      | (?:rated|rating|scored)\s+(?P<stars_rated>[1-5](?:\.5)?)\s*(?:\+\s*)?(?:stars?|/\s*5)(?:\s*{_OR_MORE})?
      | (?P<stars_more>[1-5](?:\.5)?)\s*(?:\+\s*stars?|stars?\s*{_OR_MORE}|/\s*5\s*{_OR_MORE})
      | (?:rated|rating|ratings|score|scored|imdb|rotten\s+tomatoes|metacritic)\s*(?:of|is|on\s+imdb)?\s*
        (?:above|over|at\s+least|higher\s+than|more\s+than|better\s+than|>=?)?\s*
        (?P<a>10|\d(?:\.\d)?)(?!\d)(?:\s*/\s*10)?\s*(?:\+|or\s+(?:more|higher|above|better))?
      | (?:(?:at\s+least|above|over)\s+)?(?P<b>10|\d(?:\.\d)?)\s*(?:\+|or\s+(?:more|higher|above|better))?\s*
        (?:/\s*10\s*)?(?:(?:on|at|in)\s+)?(?:imdb|rating|rated)
      | (?:at\s+least|above|over)\s+(?P<c>10|\d(?:\.\d)?)\s*/\s*10
    )(?!\w)""",
    re.X,
)


def read_rating(scan: Scan, reading: Reading) -> None:
    for m in list(_RATING.finditer(scan.text)):
        stars = m["stars"] or m["stars_rated"] or m["stars_more"]  # out of 5: "rated 4 stars or more"
        value = float(stars) * 2 if stars else float(m["a"] or m["b"] or m["c"])
        if 1 <= value <= 10:
            out = reading.result
            out.min_rating = max(out.min_rating or 0.0, value)
            out.rating_words = "" if out.min_rating == value else out.rating_words
            reading.explicit_rating = True
            scan.take(m.start(), m.end(), aside=True)  # "rated 8+" is no words to search for

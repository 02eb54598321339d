"""Pass 4, how many picks: "give me 3", "top five", "a couple", "just one", "just 2 please"."""

from __future__ import annotations

import re

from agent.understanding.meaning import Reading
from agent.understanding.numbers import _NUMBER, number_said
from agent.understanding.text import Scan

_COUNT_NOUNS = (
    r"movies|films|flicks|picks|options|recommendations|recs|suggestions|titles|ideas|ones|choices|more|"
    r"documentaries|docs|comedies|dramas|thrillers|westerns|musicals|cartoons|classics|gems|horrors|"
    r"romances|mysteries|animes|things|shows"
)
# "for 4 people or more", "for the 3 of us", "we're 4 friends", "me and 3 mates", "a group of 6": the
# audience (kids are left to the phrases, where they ask for family films), never a count or a title word
_AUDIENCE = re.compile(
    rf"(?<!\w)(?:(?:the\s+|all\s+)?(?:{_NUMBER})\s+of\s+us|(?:the\s+|all\s+|for\s+)(?:{_NUMBER})\s+of\s+them"
    rf"|(?:^\W*|(?:for|with|me\s+and|we'?re|we\s+are|group\s+of)\s+)(?:the\s+|all\s+|my\s+|our\s+)?(?:{_NUMBER})\s+(?:people"
    r"|persons|friends|guys|girls|adults|grown\s?ups|viewers|players|mates|buddies|roommates|coworkers|colleagues)(?!\s+(?:who|that)\b)"
    rf"|(?:we'?re|we\s+are|a\s+group\s+of)\s+(?:{_NUMBER})(?=\s*(?:$|[,.;:!?)]|and\b|but\b|so\b)))(?:\s+or\s+(?:more|less|so))?(?!\w)"
)
# "2 kids who love cartoons", "85 and likes musicals": a clause about someone ends the count
_NO_COUNT_BETWEEN = r"(?:who|that|which|likes?|loves?|adores?|enjoys?|hates?|wants?|prefers?|is|are|was|were)\b"
_COUNTS: tuple[re.Pattern[str], ...] = (
    re.compile(
        rf"(?:give|show|recommend|suggest|list|find|get|need|want|pick|name|send)\s+(?:me\s+|us\s+)?"
        rf"(?:like\s+|about\s+|around\s+|maybe\s+|just\s+|only\s+)?(?P<n>{_NUMBER})(?!\w)(?!\s*(?:stars?|%|/))"
    ),
    re.compile(rf"\btop\s+(?P<n>{_NUMBER})(?!\w)"),
    # "crime thrillers from the 90s pls, 5 of them": how many, said on its own
    re.compile(
        rf"(?:^|[,.;:!?-]\s*)(?:(?:just|only|maybe|like|about|around)\s+)?(?P<n>{_NUMBER})\s+of\s+(?:them|those|these|em)\b"
    ),
    re.compile(
        r"(?<!for\s)(?<!as\s)\b(?P<n>a\s+couple(?:\s+of)?|couple\s+of|a\s+few|one\s+or\s+two|two\s+or\s+three|"
        r"several|a\s+handful(?:\s+of)?|a\s+bunch(?:\s+of)?|half\s+a\s+dozen|a\s+dozen|a\s+pair\s+of)\b"
        r"(?!\s+(?:of\s+)?(?:hours?|minutes?|years?|days?|decades?))"
    ),
    re.compile(
        rf"(?<![\w.#])(?<!my\s)(?P<n>{_NUMBER})(?!\s+of\s+(?:my|our|your|his|her|their|the)\b)"  # "one of my"
        rf"\s+(?:(?!{_NO_COUNT_BETWEEN})[^\W\d_][\w'-]*\s+){{0,3}}?(?:{_COUNT_NOUNS})(?!\w)"
    ),
)
# a whole message that is how many: "just 2 please", "only 3", "make it 4", "two please"
_COUNT_ALONE = re.compile(
    rf"^\W*(?:(?:ok|okay|hmm+|well|and|so|actually|no)\W+)*(?:"
    rf"(?:just|only|make\s+it|maybe\s+just|let'?s\s+say)\s+(?P<n>{_NUMBER})(?:\s+(?:please|pls|thanks))?"
    rf"|(?P<m>{_NUMBER})\s+(?:please|pls))\W*$"
)
_PHRASE_COUNTS = {"several": 5, "handful": 5, "bunch": 5, "dozen": 12, "pair": 2, "couple": 2, "few": 3}
_SINGLE = re.compile(
    r"(?<![\w'])(?<!\bis\s)(?<!\bwas\s)(?<!'s\s)(?<!\bsuch\s)"  # "That is one great film" describes one
    r"(?:one|1|a\s+single|single|just\s+one|only\s+one)\s+(?:[^\W\d_][\w'-]*\s+){0,3}?"
    r"(?:movie|film|flick|documentary)(?![\w'])"
    # "just one thriller please", "only one comedy": one of a kind named in the singular ("one of the best
    # comedies" is no count, and "one funny thing" names no kind)
    r"|(?<![\w'])(?<!\bis\s)(?<!\bwas\s)(?:just\s+one|only\s+one|one|a\s+single)\s+(?!of\b)(?:[^\W\d_][\w'-]*\s+)?"
    r"(?:comedy|thriller|drama|western|musical|romance|mystery|horror|cartoon|classic|anime|rom-?com|doc"
    r"|pick|option|suggestion|recommendation|rec|title)(?![\w'-])"
    # a whole message that asks for one: "just one", "only one please", "only the best one"
    r"|^\W*(?:just|only)\s+(?:the\s+(?:best|top)\s+)?(?:one|1)(?:\s+please)?\W*$"
)


def _count_value(phrase: str) -> int:
    words = phrase.split()
    if "or" in words:  # "one or two": the larger
        return number_said(words[-1])
    if "half" in words:  # "half a dozen"
        return 6
    for word in words:
        if word in _PHRASE_COUNTS:
            return _PHRASE_COUNTS[word]
    return number_said(phrase)


def read_count(scan: Scan, reading: Reading) -> None:
    """ "Give me 3", "top five", "a couple", "just one movie": as said, so the answer can say when it
    cannot give that many ("give me 60 comedies" got 50, "0 comedies" one, and neither was said).

    "A movie" is how people ask for a recommendation, not a count: it sets none.
    """
    out = reading.result
    for m in list(_AUDIENCE.finditer(scan.text)):  # "for the 4 of us" is who watches, not how many picks
        scan.take(m.start(), m.end(), aside=True)
    if alone := _COUNT_ALONE.match(scan.text):
        said = "n" if alone["n"] else "m"
        out.count = _count_value(alone[said])
        scan.take(alone.start(), alone.end(), aside=True)  # "make it two" is no words to search for
        return
    for pattern in _COUNTS:
        m = pattern.search(scan.text)
        if m is None:
            continue
        out.count = _count_value(m["n"])
        scan.take(m.start("n"), m.end("n"))
        return
    if _SINGLE.search(scan.text):
        out.count = 1

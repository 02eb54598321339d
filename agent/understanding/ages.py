"""A person's age said in passing ("she's 85", "my kids are 8 and 10", "I'm 30"): never a count
of films, a year or a length. A child's age asks for family films, as "my 8 year old" does."""

from __future__ import annotations

import re

from agent.understanding.meaning import extend_unique
from agent.understanding.request import Understood
from agent.understanding.text import Scan

_AGE = r"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
_WORDS = {word: n for n, word in enumerate(_AGE.split("|")[1:], start=1)}
_PEOPLE = (
    r"i|you|he|she|they|kids?|children|child|sons?|daughters?|boys?|girls?|nephews?|nieces?|grandkids?"
    r"|grandchildren|grandsons?|granddaughters?|brothers?|sisters?|siblings?|cousins?|toddlers?|twins"
    r"|parents?|folks|mom|mum|mother|dad|father|grand(?:ma|pa|mother|father|parents?)|gran|granny|nan|nana"
    r"|wife|husband|partner|girlfriend|boyfriend|friends?|aunt|uncle|in-?laws"
)
# whose age asks for family films: a child's ("my son is 9"), never the speaker's or a friend's
_CHILDREN = (
    r"kids?|children|child|sons?|daughters?|boys?|girls?|nephews?|nieces?|grandkids?|grandchildren|grandsons?"
    r"|granddaughters?|brothers?|sisters?|siblings?|cousins?|toddlers?|twins"
)
_OF_A_CHILD = re.compile(rf"(?<![\w'])(?:{_CHILDREN})(?:'s|'re|\s+(?:is|are|turns?|turned|just\s+turned|will\s+be))")
_CHILD_BEFORE = re.compile(rf"(?<![\w'])(?:{_CHILDREN})\W+(?:\w+\W+)?$")  # "my kids, aged 8 and 10"
# "8 and 10", "8, 10 and 12" ("8 and 10, 3 comedies": the 3 is a count)
_MORE_AGES = rf"(?:\s*,?\s*(?:and|&|or)\s*(?:{_AGE})|\s*,\s*(?:{_AGE})(?=\s*,?\s*(?:and|&|or)\s*(?:{_AGE})))"
# "she's 85", "my kids are 8 and 10", "he just turned 12", "my son is almost 9": who, then a number
_SAID_OF_SOMEONE = re.compile(
    rf"(?<![\w'])(?:{_PEOPLE})(?:'s|'re|'m|\s+(?:is|are|am|was|were|turns?|turned|just\s+turned|will\s+be))"
    rf"(?:\s+(?:only|just|almost|nearly|about|around|like|over|under|both|now))*"
    rf"\s+(?P<ages>(?:{_AGE}){_MORE_AGES}*)(?![\w%/+'-]|\.\d)"
    # "I'm 2 hours free", "she's 5 minutes away", "they're 3 films behind": not an age
    r"(?!\s*(?:hours?|hrs?|h\b|minutes?|mins?|stars?|films?|movies?|picks?|ones?|of\b|people|friends|guys|years?\s+(?:ago|since)"
    # "I was 10 when I first saw Jaws", "you're 2 for 2", "I'm 12 years a slave fan": not an age asked about
    r"|when\b|for\b|years?\s+a\b))"
    # "aged 85", "ages 8 and 10", "age 12"
    rf"|(?<![\w'])(?:aged?|ages)\s+(?P<aged>(?:{_AGE})(?:\s*(?:-|to)\s*(?:{_AGE})|{_MORE_AGES})*)(?![\w%/+'-]|\.\d)"
)
_ONE_AGE = re.compile(rf"(?<!\w)(?:{_AGE})(?!\w)")
_CHILD = 13  # the oldest age read_kid_ages reads as a child too
_ADULT = 18
# "my son, he's 8": a pronoun after a child named in the same message is the child
_PRONOUN = re.compile(r"(?:he|she|they)\b")
_CHILD_NAMED = re.compile(rf"\b(?:my|our)\s+(?:\w+\s+)?(?:{_CHILDREN})\b")
_SPEAKER = re.compile(r"(?:i|you)\b")
# "my grandma would like something, she's 80" with nothing else read (agent.understanding.reader drops it then)
AN_ADULTS_AGE = (
    "I can't pick films by a grown-up's age (my catalog records no age ratings or audiences), so these are "
    "only a guess from what is popular; tell me what they enjoy, a genre or a film they liked, and I'll go by that."
)


def read_ages(scan: Scan, out: Understood) -> None:
    """Blank out each age said of someone, so no later pass reads it as a count, a year or a length.
    Only a child's age ("my son is 9", "kids aged 8 and 10") asks for family films."""
    for m in list(_SAID_OF_SOMEONE.finditer(scan.text)):
        group = "ages" if m["ages"] else "aged"
        ages = [int(a) if a.isdigit() else _WORDS[a] for a in _ONE_AGE.findall(m[group])]
        of_a_child = _OF_A_CHILD.match(m[0]) if m["ages"] else _CHILD_BEFORE.search(scan.text[: m.start()])
        of_a_child = of_a_child or (_PRONOUN.match(m[0]) and _CHILD_NAMED.search(scan.text[: m.start()]))
        if ages and all(age <= _CHILD for age in ages) and of_a_child:
            extend_unique(out.genres, ["family"])
        elif ages and min(ages) >= _ADULT and not _SPEAKER.match(m[0]):  # "she's 80": said what it can't do
            extend_unique(out.caveats, [AN_ADULTS_AGE])
        scan.take(m.start(group), m.end(group), aside=True)

"""Words people shorten when they chat ("smth similar?", "a movie ppl love"), spelt out before the
message is read: every pattern knows "something", and a shortening it does not know is searched as
a word ("smth similar?" after "loved heat" got The Smurfs, said to be "only a guess")."""

from __future__ import annotations

import re

SPELT_OUT = {
    "smth": "something",
    "smthg": "something",
    "smthn": "something",
    "smthng": "something",
    "sth": "something",
    "somethin": "something",
    "sumthin": "something",
    "sumthing": "something",
    "anythin": "anything",
    "nothin": "nothing",
    "ppl": "people",
}
_SHORT = re.compile(r"(?<![\w'])(" + "|".join(SPELT_OUT) + r")(?![\w'])", re.IGNORECASE)


# "these r kinda old": "are", only after whom it is said of ("rated r" stays an age rating)
_ARE = re.compile(r"(?<![\w'])(these|those|they|you|u|we)\s+r(?![\w'])", re.IGNORECASE)


def spelt_out(message: str) -> str:
    """The message with its chat shortenings written in full, in the case they were typed."""
    message = _ARE.sub(lambda m: m[0][:-1] + "are", message)

    def full(m: re.Match[str]) -> str:
        word = SPELT_OUT[m[1].casefold()]
        return word.upper() if m[1].isupper() and len(m[1]) > 1 else word.capitalize() if m[1][0].isupper() else word

    return _SHORT.sub(full, message)

"""The message being read: normalised text, tokens, and the word tables every pass shares."""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple


def word_set(text: str) -> frozenset[str]:
    """A word table written as prose-like text, one entry per whitespace-separated word."""
    return frozenset(text.split())


def alternatives(text: str) -> list[str]:
    """Phrases written "a | b c | d", as every table in this module spells them."""
    return [phrase.strip() for phrase in text.split("|") if phrase.strip()]


# --- reading the text --------------------------------------------------------------------------

GAP = "\x1f"  # what consumed text is overwritten with: a non-word that breaks every pattern
TOKEN = re.compile(r"\x1f+|[^\W_]+(?:'[^\W_]+)*|[^\w\s'\-]")
_TYPOGRAPHY = str.maketrans(
    {"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "}
    | {"\ufe0f": None, "\u200d": None}  # emoji variation selector and joiner: "❤️" reads as "❤"
)


class Tok(NamedTuple):
    text: str  # lower-cased, or a run of GAP
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()


_YEAR_IN_PARENS = re.compile(r"\((1[89]\d\d|20\d\d)\)")
# "w/ Denzel", "a comedy w/o Adam Sandler": spelt out before anything is read
_SHORTHAND = re.compile(r"\b[wW]/(?:([oO])\b)? *")


def normalise_message(text: str) -> str:
    """The lower-cased, typographically normalised text every offset in this module refers to."""
    return Scan(text).text


def tokens_of(text: str) -> tuple[str, ...]:
    return tuple(m.group() for m in TOKEN.finditer(text.lower()))


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence holding text[start:end] begins, and where its closing mark (. ! ? or a
    line break) stands, len(text) when it has none."""
    opening = max(text.rfind(mark, 0, start) for mark in ".!?\n") + 1
    closing = min((i for i in (text.find(mark, end) for mark in ".!?\n") if i >= 0), default=len(text))
    return opening, closing


class Scan:
    """The message being read: lower-cased text whose explained spans are blanked out.

    Blanking keeps every offset valid, so the original casing is always at hand to tell a
    Title Cased film from ordinary words.
    """

    def __init__(self, text: str):
        original = unicodedata.normalize("NFC", text).translate(_TYPOGRAPHY)
        original = _SHORTHAND.sub(lambda m: "without " if m[1] else "with ", original)
        # "Heat (1995)" reads as "Heat 1995", a title with its year; same length keeps offsets
        self.title_years = [m.span(1) for m in _YEAR_IN_PARENS.finditer(original)]
        self.title_year_starts = frozenset(start for start, _ in self.title_years)
        self.original = _YEAR_IN_PARENS.sub(r" \1 ", original)
        lowered = self.original.lower()
        if len(lowered) != len(self.original):  # "İ" lower-cases to two characters
            lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in self.original)
        self.text = lowered
        self.lowered = lowered  # the text before any span was blanked
        self.negated: list[tuple[int, int]] = []
        self.aside: list[tuple[int, int]] = []  # said of the speaker, not of a film ("as a kid"): never searched
        self.kept: set[int] = set()  # starts of tokens that are mood or theme words, never filler
        self.named: dict[tuple[int, int], str] = {}  # spans taken as people's names -> the person
        self.has_case = any(c.islower() for c in self.original) and any(c.isupper() for c in self.original)
        self._tokens: list[Tok] | None = None

    def take(self, start: int, end: int, *, negated: bool = False, aside: bool = False) -> None:
        self.text = self.text[:start] + GAP * (end - start) + self.text[end:]
        self._tokens = None
        if negated:
            self.negated.append((start, end))
        if aside:
            self.aside.append((start, end))

    def blank(self, start: int, end: int) -> None:
        """Filler read as if it had not been typed ("like maybe Heat" is "like Heat"): unlike a
        taken span it joins what stands either side of it."""
        self.text = self.text[:start] + " " * (end - start) + self.text[end:]
        self._tokens = None

    def tokens(self) -> list[Tok]:
        if self._tokens is None:
            self._tokens = [Tok(m.group(), m.start(), m.end()) for m in TOKEN.finditer(self.text)]
        return self._tokens

    def capitalised(self, tok: Tok) -> bool:
        first = self.original[tok.start]
        return first.isupper() or first.isdigit()

    def title_cased(self, toks: list[Tok]) -> bool:
        """Every word but small connectors starts with a capital, as titles are written."""
        if not self.has_case:
            return False
        words = [t for t in toks if t.is_word]
        return bool(words) and all(
            self.capitalised(t) or (i > 0 and t.text in TITLE_CONNECTORS) for i, t in enumerate(words)
        )


# plain praise, of one film ("Heat was great") or of several ("Heat and Ronin were both great")
PRAISE_WORDS = (
    r"great|amazing|awesome|brilliant|fantastic|incredible|excellent|superb|good|wonderful|outstanding|phenomenal"
    r"|terrific|spectacular|hilarious|cute"
)
# "was great", "is my favourite", "is my fav": a verdict said of the film named just before it
PRAISED = (
    rf"\s+(?:was|is)\s+(?:so\s+|really\s+|just\s+|absolutely\s+)?(?:{PRAISE_WORDS}|a masterpiece|"
    r"(?:such\s+)?an?\s+(?:absolute\s+|true\s+|real\s+)?classic"
    r"|(?:one\s+of\s+|among\s+)?my (?:all[- ]time\s+)?(?:favou?rites?|fave?s?))\b"  # "one of my all time faves"
)
# "Alien was great, something similar" (or "I thought Alien was ..."): a message that opens by judging a
# film and then asks for more is about that film, though "Alien" alone is a theme. A verdict alone
# ("Heat was boring") is read as feedback by agent.understanding.intents.
OPINION_LEAD = re.compile(
    r"(?:\W*(?:(?:i|we)\s+(?:thought|think|found|felt|reckon|guess)|honestly|well|so|ok(?:ay)?"
    r"|yeah|yes|oh|man|tbh|imo)\b(?:\W+(?:that|like))?\W*)+"
)  # leads may follow each other: "ok so", "oh man"
JUDGED_THEN_ASKED = re.compile(
    PRAISED + r".*?\b(?:(?:any|some)(?:thing|one)\b.*\b(?:similar|like (?:it|that|this))|more like (?:it|that|this)"
    r"|what else)\b",
    re.IGNORECASE,
)
_PANNING = r"terrible|awful|horrible|boring|meh"
PANNED = rf"\s+(?:was|is)\s+(?:so\s+|really\s+|just\s+|absolutely\s+)?(?:{_PANNING})\b"
# "I just watched Heat and hated it", "Heat (1995), it was boring": a verdict against the film
# said right after it makes it one to steer away from, never the reference; after a list, "hated it"
# is said of its last title and "hated them" of all
PANNED_AFTER = re.compile(
    r"(?:\s*\d{4})?\s*(?:[,.;-]|\band\b|\bbut\b)?\s*(?:"
    r"(?:(?:i|we)\s+)?(?:really\s+|totally\s+|just\s+)?(?:hated|disliked|didn'?t\s+(?:like|enjoy)"
    r"|did\s+not\s+(?:like|enjoy)|couldn'?t\s+stand|could\s+not\s+stand)"
    r"\s+(?:it|that|this|(?P<all>them(?:\s+both)?|both))\b"
    r"|(?:(?:it|that|which)\s+)?(?:was|is)\s+(?:so\s+|really\s+|just\s+|pretty\s+|absolutely\s+)?"
    rf"(?:{_PANNING}|bad|dull|disappointing|overrated)\b"
    r"|(?:it\s+)?sucked\b)"
)


STOPWORDS = word_set(
    """
    a an the and or but nor of to in on at for from with by about as into than then so if is are was
    were be been being am it its it's this that these those there here what what's which who whom how
    when where why i i'm im i've ive i'd id i'll me my mine we we're us our you you're your he she they
    them their some any anything something someone somethin everything nothing all each every one ones
    another other others more most less least fewer very really just only also too quite pretty kinda sorta
    maybe perhaps please pls plz thanks thank thx ty hi hey hello yo ok okay well like likes want wants
    wanted wanna need needs looking look find give gimme show recommend recommendation recommendations
    rec recs suggest suggestion suggestions tell help get got can could would should will shall may
    might must do does did don't dont doesn't didn't have has had having watch watching watched see
    seeing seen saw movie movies film films flick flicks cinema stuff thing things kind sort type
    tonight today tomorrow yesterday now weekend time good great nice cool awesome amazing lol
    haha idk yes yeah yep no not sure mood feel feeling vibe vibes similar same style whatever else
    worth actually around enjoy enjoyed love loved liked hate hated idea ideas option options pick
    picks choice choices list couple few several first second third fourth fifth last latter former
    previous next starring featuring directed director actor actress cast made wife husband girlfriend
    boyfriend partner friends family's lets let's u ur bot moviebot watchlist alone
    together someone's whether either neither rather instead though tho although altho however ever
    between after before since until till under over above below within onwards top least already
    haven't havent hasn't isn't isnt wasn't aren't won't can't cant couldn't wouldn't shouldn't that's
    thats there's
    """
)

# Small words a title may keep lower-case inside ("No Country for Old Men").
TITLE_CONNECTORS = word_set(
    "of the a an and or in on to for at with from by de la le du des da del vs is it my me no not as"
)

# Where a list of titles after "like" certainly ends.
_SHORTENED = word_set("mr mrs ms dr st jr sr vs vol no pt a b c d e f g h i j k l m n o p q r s t u v w x y z")


def abbreviated(toks: list[Tok], k: int, first: int) -> bool:
    """toks[k] is the full stop of "Dr." or "E.T." (a short word or a letter right before it, at or
    after toks[first]): no end of a title or a sentence."""
    before = toks[k - 1] if k > first else None
    return toks[k].text == "." and before is not None and before.end == toks[k].start and before.text in _SHORTENED


HARD_STOPS = word_set(
    '. ! ? ; ( ) [ ] " but though although however except please pls plz thanks thank thx lol '
    "haha instead because since if so unless whereas"
)
# Where a title may end ("Heat with Al Pacino", "Heat and Ronin", "Heat from the 90s").
SOFT_STOPS = word_set(
    ", : & / and or nor with from that which who in set under over less more for by starring featuring "
    "without not no plus meets vs than about where when one ones movie movies film films flick flicks "
    "stuff style type kind vibes vibe esque series franchise trilogy only just also too as at on to is like "
    "was are were it its made directed released after before during around between any anything "
    "something some etc then maybe obv obviously lol tbh btw already though haha ofc again anymore"
)
TITLE_SEPARATORS = word_set(", & / and or nor plus meets vs also even maybe")
# Words after which a title often goes on ("Pride and Prejudice", "Once Upon a Time in the West",
# "Star Trek Into Darkness"); not "with", which mostly names a person ("Heat with Al Pacino").
TITLE_CONTINUES = word_set("and & of in on to for at the a into")


NUMBERISH = re.compile(r"\d+(?:s|'s|st|nd|rd|th)?|#")


def may_end_title_before(tok: Tok) -> bool:
    """A title typed after "like" may stop before this token ("Zodiac what else", "Heat from",
    "shawshank redemption 😭")."""
    text = tok.text
    emoji = not tok.is_word and unicodedata.category(text[:1] or " ").startswith("S")
    return (
        text in SOFT_STOPS
        or (text in STOPWORDS and text not in TITLE_CONNECTORS)
        or bool(NUMBERISH.fullmatch(text))
        or emoji
    )

"""A message that only points at a film just shown: "the second one?", "what was the first one
again?", "the third one sounds good, tell me more". It asks about that film, so it is answered with
the film's facts in brief, never with a new list."""

from __future__ import annotations

import re
from collections.abc import Callable

# "the second one?", "#2", "number 3 again?", "what was the first one again?", "remind me of the last one"
_ONLY_A_PICK = re.compile(
    # "no, the second one", "actually, #2", "sorry, I mean the third one"
    r"^[^\w#]*(?:(?:and|so|ok|okay|hmm+|wait|sorry|um+|uh+|no|nope|nah|actually|i mean|oh)[^\w#]+)*"
    r"(?:(?:what|which)(?:'s| is| was)\s+|remind me (?:of |about |what )?|(?:and |so )?what about\s+)?"
    r"(?:the\s+)?(?P<pick>[\w#.\s-]{1,24}?)(?:\s+(?:one|pick|film|movie|suggestion|title))?"
    r"(?:\s+(?:again|you (?:said|suggested|picked|mentioned|recommended)))?\W*$"
)
_A_PLACE = re.compile(
    r"#\s*\d{1,2}|(?:number|no\.|option|pick)\s*#?\s*\d{1,2}|\w+(?:[\s-]+(?:to[\s-]+)?last)?"
    r"|(?:first|top|last)\s+(?:two|three|2|3)"  # "the first two?": both, in brief
)
# "tell me more", "more info on the third", "details on #2": asks about a pick, not for more picks
_TELL_MORE = re.compile(
    r"\btell me (?:a bit |a little )?more\b(?!\s+(?:like|films|movies|options|picks|suggestions))"
    r"|\bmore (?:info|information|details)\b|\bdetails (?:on|about|of)\b|\bmore about\b"
)

# after "tell me more", a place said as a place: "the third one", "#2", "number 3", "the last" at the
# end; never "the first world war" or "the second half"
_A_PICK_NAMED = re.compile(
    r"#\s*\d{1,2}\b|\b(?:number|no\.|option|pick|suggestion)\s*#?\s*\d{1,2}\b"
    r"|\b(?:(?:second[\s-]+(?:to[\s-]+)?)?last|penultimate|first|second|third|fourth|fifth|sixth|seventh|eighth"
    r"|ninth|tenth|final|top|[1-9]\d?(?:st|nd|rd|th))"
    r"(?=\s+(?:one|pick|film|movie|suggestion|title)s?\b|\s*(?:[^\w\s#]|$))"
)


def pick_asked_about(lowered: str, ordinal_of: Callable[[str], int | None]) -> int | None:
    """The place in the last list a message asks about, when it does nothing but point at it (or
    asks to hear more of it); None otherwise. `ordinal_of` reads "second", "#2", "the 3rd" as a place."""
    # "the first horror film" says more than a place
    m = _ONLY_A_PICK.match(lowered)
    if m and _A_PLACE.fullmatch(m["pick"]) and (place := ordinal_of(m["pick"])) is not None:
        return place
    if _TELL_MORE.search(lowered) and (named := _A_PICK_NAMED.search(lowered)):
        return ordinal_of(named[0])
    return None


# "perfect", "sounds great", "that's perfect", "ok cool": approval said of a pick chosen by its place
_APPROVAL = (
    r"(?:perfect|great|awesome|sweet|nice|cool|excellent|lovely|ideal|fantastic|amazing|dope|fire|bet|yes|yeah|yep"
    r"|yup|sure|deal|love it|ooh+|oh+|ok(?:ay)?|alright|k)"
)
_APPROVED = (
    rf"(?:(?:that'?s|thats|that is|sounds|looks|seems|it'?s|its)\s+)?(?:(?:really|so|just)\s+)?{_APPROVAL}"
    r"(?:\s+(?:then|thanks|thx|ty))?"
)
_STRONG = re.compile(r"\b(?!(?:ok(?:ay)?|alright|k|oh+|ooh+|yes|yeah|yep|yup|sure)\b)\w+")  # not "ok, the 3rd one"
_TAKE = r"(?:(?:i'?ll|ill|i will|we'?ll|let'?s|lets|gonna|going to)\s+)?(?:take|go with|pick|choose|do)\s+"
_PLACE = r"(?:the\s+)?(?P<pick>#\s*\d{1,2}|number\s*\d{1,2}|\w+(?:[\s-]+to[\s-]+last)?)(?:\s+(?:one|pick|film|movie))?"
_CHOSEN_AFTER = re.compile(  # "perfect, the third one"
    rf"^\W*(?P<said>(?:{_APPROVED}[\s,.!:;-]+)+)(?:{_TAKE})?{_PLACE}(?:\s+(?:please|pls|plz|it is))?\W*$"
)
_CHOSEN_BEFORE = re.compile(  # "the second one, perfect"
    rf"^\W*(?:{_TAKE})?{_PLACE}[\s,.!:;-]+(?P<said>{_APPROVED}(?:[\s,.!:;-]+{_APPROVED})*)\W*$"
)


_CHOSEN_THEN = re.compile(  # "ok the 2nd then", "fine, #3 then", "the third one it is": settled on
    rf"^\W*(?:{_APPROVED}[\s,.!:;-]+|fine[\s,.!:;-]+)*(?:{_TAKE})?{_PLACE}\s+(?:then|it\s+is)\W*$"
)


def chosen_pick(lowered: str, ordinal_of: Callable[[str], int | None]) -> int | None:
    """The place of the pick a message chooses with a word of approval ("perfect, the third one",
    "great, #2", "the second one, perfect", "ok the 2nd then"): a plan to watch it, not a film titled Perfect to search
    for and not a verdict on one already seen. A bare "ok, the third one" still asks about it."""
    if (then := _CHOSEN_THEN.match(lowered)) and _A_PLACE.fullmatch(then["pick"]):
        return ordinal_of(then["pick"])
    m = _CHOSEN_AFTER.match(lowered) or _CHOSEN_BEFORE.match(lowered)
    if m is None or not _STRONG.search(m["said"]):
        return None
    return ordinal_of(m["pick"]) if _A_PLACE.fullmatch(m["pick"]) else None


# "these suck", "nah these are boring", "not feeling any of those": the picks turned down as suggestions
_OPENING = r"^\W*(?:(?:nah|nope|no|meh|ugh+|hmm+|honestly|tbh|lol|ok(?:ay)?|idk|eh|bruh|man|dude|sorry|yeah|yea)\W+)*"
_PICKS = (
    r"(?:(?:all\s+of\s+)?(?:these|those|they|them)(?:\s+(?:ones|picks|movies|films|suggestions|recs))?"
    r"|(?:your|ur|the)\s+(?:picks|suggestions|recs|recommendations|choices|options))"
)
_LINK = r"(?:(?:are|r|look|looks|seem|sound|all|kinda|kind\s+of|pretty|so|really|just|lowkey|honestly|both)\s+)*"
_BAD = (
    r"(?:suck|sucks|bad|terrible|awful|boring|lame|trash|garbage|meh|mid|weak|dull|crap|crappy|shit|ass|meh"
    r"|not\s+(?:it|great|good|for\s+me|my\s+(?:thing|vibe|type|style|cup\s+of\s+tea)))"
)
_DISLIKE = r"(?:(?:i'?m\s+|i\s+am\s+)?not\s+(?:feeling|into)|i\s+(?:don'?t|do\s+not)\s+(?:like|love|want)|i\s+hate)"
_CLOSING = r"(?:\W+(?:tbh|lol|lmao|ngl|honestly|tho|though|man|bro|dude|sorry|either|too|at\s+all))*\W*$"
_REJECTED = re.compile(rf"{_OPENING}(?:{_PICKS}\s+{_LINK}{_BAD}|{_DISLIKE}\s+(?:any\s+of\s+)?{_PICKS}){_CLOSING}")
# "meh", "nah", "nope not feeling it", "lol no": a bare shrug or no after picks turns them down too, where a
# laugh before it is no thanks ("lol no" was answered "Happy to help!")
_SHRUG = re.compile(
    rf"^\W*(?:(?:hmm+|ugh+|eh|honestly|tbh|lol|lmao|haha+|ha|hah|hehe)\W+)*(?:nah+|nope|no+|meh+)"
    rf"(?:\W+(?:nah+|nope|no+|meh+))*"
    rf"(?:\W+(?:not\s+(?:really|feeling\s+(?:it|them|those|these)|it)))?{_CLOSING}"
)


def picks_rejected(lowered: str) -> bool:
    """Whether the message does nothing but turn down the picks just shown: a wish for other films
    for the same request, not a verdict on films watched (nothing is rated or marked seen), and no
    words to search for ("these are all bad" found Bad Girls)."""
    return _REJECTED.match(lowered) is not None or _SHRUG.match(lowered) is not None


# "meh, seen them all", "seen 'em", "i've already watched all of those": every pick shown is one the user has
# seen; a shrug before it says they are stale, no verdict on films watched
_ALL_OF = r"(?:all\s+(?:of\s+)?|each\s+of\s+|every\s+one\s+of\s+)"
_SEEN_EVERY = re.compile(
    rf"{_OPENING}(?:(?:i|we)(?:'?ve|\s+have)?\s+)?(?:already\s+|both\s+|just\s+)*(?:seen|watched|saw)\s+"
    rf"(?:{_ALL_OF}|(?:them|those|these)\s+)?(?:them|those|these|'em|em|ones|three|(?<=all\s)[2-5])"
    rf"(?:\s+(?:ones|movies|films|picks))?(?:\s+(?:all|already|before|too|already\s+lol))*{_CLOSING}"
)


def every_pick_seen(lowered: str) -> bool:
    """Whether the message only says the user has seen all the picks just shown: each marked watched, with
    no verdict ("meh, seen them all" is no dislike), and others asked for."""
    return _SEEN_EVERY.match(lowered) is not None

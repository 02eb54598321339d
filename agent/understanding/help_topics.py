"""Which help a message wants: what moviebot keeps of the user, TV series, a clean slate, or ideas."""

from __future__ import annotations

import re

from agent.understanding.text import normalise_message

# questions about what moviebot keeps of the user, answered with where to see or delete it
ACCOUNT_QUESTIONS = (
    r"how (?:do|can) i (?:rate|mark|add|remove)\b.*|what (?:have i|did i) (?:watched|seen|rated|liked)\b.*"
    r"|what do you know about me|what do you remember(?: about me)?|(?:show )?my (?:profile|history|ratings|watchlist)"
    r"|(?:please )?(?:forget|delete|erase) (?:everything(?! (?:i|we) (?:said|asked|just|talked|discussed)|,? let)|me"
    r"|all(?! (?:that|this|those|of (?:that|this)|about))|my (?:data|history|profile))\b.*"
    r"|/(?:forget|watched|profile|rate|export)\b.*"  # a slash command typed where there are none
)
_ACCOUNT = re.compile(rf"^\W*(?:{ACCOUNT_QUESTIONS})\W*$")
RESTART = re.compile(  # "start over", "reset": a clean slate, answered as help is
    r"^\W*(?:(?:ok|okay|let'?s|please|can we|actually|forget (?:it|that|all that)|never ?mind)\W+)*"
    r"(?:start (?:over|again|fresh)|reset|restart|clean slate|new (?:search|conversation|chat)"
    r"|forget (?:all )?(?:that|this|those|it)|forget (?:everything|all) (?:we|i) (?:talked|said|discussed|asked)\b.*"
    r"|forget everything,? let'?s start (?:over|again)|never ?mind)(?:\W+(?:please|pls|now|then|thanks))*\W*$"
)
_TV = re.compile(r"\b(?:tv|series|shows)\b")


def help_topic(text: str) -> str:
    """Which help a "help" message wants: "account" (what is kept and where), "tv", "restart" (a clean
    slate: "start over", "reset") or "general"."""
    lowered = normalise_message(text)
    topics = (("restart", RESTART.match(lowered)), ("account", _ACCOUNT.match(lowered)), ("tv", _TV.search(lowered)))
    return next((topic for topic, said in topics if said), "general")

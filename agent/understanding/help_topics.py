"""Which help a message wants: what moviebot keeps of the user, TV series, a clean slate, or ideas; and
which messages are only pleasantries ("thanks, have a good night!"), asking for nothing."""

from __future__ import annotations

import re

from agent.understanding.text import normalise_message, word_set

_ASKING = (
    r"how (?:do|can|could|would|should) (?:i|we)|(?:can|could) (?:i|we|you)|is (?:there|it) (?:a way|possible) to"
    r"|how to|where (?:do|can) i|i (?:want|need|would like) to|i'd like to|i wanna|(?:please|pls)"
)
_DATA_VERBS = (
    r"export|download|save|back ?up|get|delete|remove|erase|wipe|clear|reset|import|upload|bring in|sync|connect"
    r"|link|see|view|check|show(?: me)?|find|access|look at|edit|change"
)
_DATA = (
    r"(?:(?:all )?(?:of )?my )?(?:data|account|ratings?|rated films|history|profile|watch ?list|watch history"
    r"|letterboxd|imdb)|(?:all )?(?:of )?my (?:stuff|info|information|list)"
    r"|what (?:i'?ve|i have|i) (?:watched|seen|rated|liked)"
    r"|(?:the )?(?:films|movies) i'?(?:ve| have)? (?:watched|seen|rated)"
)
# questions about what moviebot keeps of the user, answered with where to see or delete it
ACCOUNT_QUESTIONS = (
    r"how (?:do|can) i (?:rate|mark|add|remove)\b.*|what (?:have i|did i) (?:watched|seen|rated|liked)\b.*"
    r"|what do you know about (?:me|my tastes?)|what do you remember(?: about me)?"
    r"|(?:show )?my (?:profile|history|ratings|watchlist)|(?:please )?(?:clear|reset|delete|remove|erase|forget)"
    r" (?:all (?:of )?)?my (?:ratings|stars|scores)"
    r"|(?:please )?(?:forget|delete|erase) (?:everything(?! (?:i|we) (?:said|asked|just|talked|discussed)|,? let)|me"
    r"|all(?! (?:that|this|those|of (?:that|this)|about))|my (?:data|history|profile))\b.*"
    r"|/(?:forget|watched|profile|rate|export|import)\b.*"  # a slash command typed where there are none
    # "how do I export my data?", "can I import my letterboxd", "how do I see what I've watched"
    rf"|(?:{_ASKING}) (?:{_DATA_VERBS})(?: out| in| back| from| to)? (?:{_DATA})\b.*|(?:can|could) i (?:rate|mark)\b.*"
    r"|(?:please )?(?:remove|delete|take|drop) .{1,80} (?:from|off) my watch ?list\b.*"  # none is kept
)
_ACCOUNT = re.compile(rf"^\W*(?:{ACCOUNT_QUESTIONS})\W*$")
RESTART = re.compile(  # "start over", "reset": a clean slate, answered as help is
    r"^\W*(?:(?:ok|okay|let'?s|please|can we|actually|forget (?:it|that|all that)|never ?mind)\W+)*"
    r"(?:start (?:over|again|fresh)|reset|restart|clean slate|new (?:search|conversation|chat)"
    r"|forget (?:all )?(?:that|this|those|it)|forget (?:everything|all) (?:we|i) (?:talked|said|discussed|asked)\b.*"
    r"|forget everything,? let'?s start (?:over|again)|never ?mind)(?:\W+(?:please|pls|now|then|thanks))*\W*$"
)
_TV = re.compile(r"\b(?:tv|series|shows)\b")
# what a film recommender cannot do: tickets, what is on in cinemas, other kinds of things to enjoy
OUTSIDE = re.compile(
    r"\b(?:book|buy|reserve|order|get)(?: me| us)?(?: \w+)?(?: \w+)? tickets?\b|\bshow ?times?\b"
    r"|\b(?:playing|showing|on) (?:in|at) (?:the )?(?:theaters?|theatres?|cinemas?|movies)\b(?! (?:in|from) \d)"
    r"|\b(?:in|at) (?:the )?(?:theaters?|theatres?|cinemas?) (?:near me|right now|now|today|tonight|this week)\b"
    r"|\b(?:recommend|suggest|give|need|want|looking for)(?: me| us)?(?: (?:a|an|some|good|great|new|nice))*"
    r" (?:books?|novels?|albums?|songs?|podcasts?|video ?games?|games?)\W*$"
)


def help_topic(text: str) -> str:
    """Which help a "help" message wants: "account" (what is kept and where), "tv", "outside" (tickets,
    cinemas, books), "restart" (a clean slate: "start over", "reset") or "general"."""
    lowered = normalise_message(text)
    topics = (("restart", RESTART.match(lowered)), ("account", _ACCOUNT.match(lowered)),
              ("outside", OUTSIDE.search(lowered)), ("tv", _TV.search(lowered)))  # fmt: skip
    return next((topic for topic, said in topics if said), "general")


SMALLTALK = word_set(
    """hi hello hey hiya yo sup thanks thank you thx ty cheers lol lmao haha hahaha ok okay k cool nice great
    awesome bye goodbye cya night good morning evening afternoon how are doing hmm yes no yeah nope sure
    alright perfect wow oh there again much all for that's it is was bot moviebot well done
    very so indeed definitely absolutely totally exactly certainly of course yep yup agreed right true and
    i'm im sorry same then but my friend friends buddy pal mate"""
)
# what people say to open or close a chat, or to be kind; a message of nothing else asks for nothing
_PLEASANTRY = re.compile(
    r"\b(?:thanks?(?: you)?(?: (?:so|very) much| a lot| alot| a bunch| a ton)?(?: (?:for|4) (?:your|the|all the"
    r"|all your|my) (?:(?:good|great|nice|awesome|kind) )?(?:help|suggestions?"
    r"|recommendations?|recs|picks|ideas|time|chat)(?: (?:today|tonight|again))?)?|thx|ty|cheers|(?:you|u) too"
    r"|same to you|(?:(?:i )?hope (?:you|u) )?(?:have|had) a (?:good|great|nice|wonderful|lovely|fun)"
    r" (?:night|day|evening|one|weekend|time|morning|afternoon)"
    # "Hi there! I am great! How about you?", "I got to go though, goodbye.", "you have given great suggestions"
    r"|(?:i'm|i am|im) (?:doing )?(?:great|fine|well|ok|okay|alright)(?: thanks| thank you)?"
    r"|(?:how|what) about (?:you|u|yourself)|and (?:you|u|yourself)(?=\W*$)"
    r"|(?:i )?(?:(?:have|got|need) to|gotta|must) (?:go|run)(?: now)?(?: though)?"
    r"|(?:you|u)(?:'ve| have) (?:given|made|had|got) (?:me |us )?(?:some |such |really |very |so many )*"
    r"(?:great|good|nice|awesome|excellent|wonderful) (?:suggestions?|picks|recommendations?|recs|ideas|choices)"
    r"|good ?(?:night|bye|day|evening|morning|afternoon)|(?:it was |it's )?(?:nice|good|great|pleased) (?:to )?"
    r"(?:meet|meeting|chat|chatting|talk|talking)(?: (?:to|with))? (?:you|u)|take care|see (?:you|ya)(?: later| soon)?"
    r"|bye(?: bye)?|cya|ttyl|how (?:are|r) (?:you|u)(?: doing)?(?: today)?|how's it going|what's up"
    r"|(?:i think )?(?:we're|we are|i'm|i am) (?:good|all set|set|done)(?: (?:for now|here|then|now))?"
    r"|(?:i'm|i am) (?:happy|fine|good) with (?:the|these|those|this|that|your) (?:selection|suggestions?|picks|list"
    r"|choices?)"
    # "these are some good suggestions thank you!", "you gave me great ideas": praise of the help, asking for nothing
    r"|(?:(?:these|those|they|them|you|u) (?:are|were|r|gave me|had|have|made) )?(?:(?:some|really|very|such|so|all"
    r"|(?:a )?(?:lot|lots|bunch) of) )*(?:great|excellent|good|nice|awesome|cool) (?:suggestions?|picks|choices?"
    r"|recommendations?|recs|ideas)"
    r"|you(?:'ve| have) been (?:very |so |really )?(?:helpful|great)|that'?s (?:all|it)(?: for (?:now|today))?"
    # "Yes, I really appreciate your help!", "are you still there?"
    r"|(?:i|we) (?:really |truly )?appreciate (?:it|that|this|you|your help|the help|all your help|the suggestions?)"
    r"|(?:are )?(?:you|u) still (?:there|here)"
    r"|(?:(?:we're |we are )?on the )?same page"  # "Same page then!"
    # "Sounds good!", "looks great, thanks": said of nothing named, a thanks ("that sounds good" points at a pick)
    r"|(?:sounds?|looks?|seems?) (?:(?:really|very|so|pretty|all) )?(?:good|great|fine|perfect|cool|nice|awesome"
    r"|lovely|fun|like a plan)"
    r")\b"
)

_VERDICT_WORDS = word_set("great good nice perfect awesome cool")  # "thanks, it was great": praise of a film
_SAID_OF = word_set("it is was that's that this")  # what makes such a word a verdict: "great!, thanks" is none
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def only_pleasantries(lowered: str) -> bool:
    """The message holds pleasantries and nothing else ("you too, have a good day", "Hi, how are you?")."""
    rest = _PLEASANTRY.sub(" ", lowered)
    if rest == lowered:
        return False
    words = _WORD.findall(rest)
    judged = any(w in _SAID_OF for w in words)  # "thanks, it was great" judges the film; "great!, thanks" doesn't
    return all(w in SMALLTALK and not (judged and (w in _VERDICT_WORDS or w in _SAID_OF)) for w in words)


GREETINGS = word_set("hi hello hey hiya yo thanks thank thx ty cheers lol haha bye goodbye")


# "no more please", "that's enough", "I'm good" after picks: no more films are wanted, where "no more horror"
# and "no more like that" still ask for some
_CLOSING = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|no|nah|nope|thanks|thank you|thx|cool|great)\W+)*"
    r"(?:no more|nothing (?:more|else)|(?:that'?s|that is|thats) (?:enough|plenty)|enough|"
    r"(?:i'?m|i am|im|we'?re|we are) (?:good|fine|ok(?:ay)?|all set|set|done)|all good)"
    r"(?:\W+(?:please|pls|plz|thanks|thank you|thx|ty|for now|for today|now|then|though|i think))*\W*$"
)


def closes_chat(lowered: str) -> bool:
    """The message says no more films are wanted, and nothing else."""
    return bool(_CLOSING.match(lowered))

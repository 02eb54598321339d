"""The words that introduce a title ("like Se7en", "not Titanic", "Fargo-style"), and how much each
vouches for the title after it; agent.understanding.titles reads the titles."""

from __future__ import annotations

from agent.understanding.text import alternatives, tokens_of

# How much a cue vouches for the title after it: "like" a lot, "I like" less (it is also how
# people state tastes), "not"/"except" little; a bare Title Cased phrase has no cue at all.
STRONG, WEAK, STRICT, BARE = "strong", "weak", "strict", "bare"
NOT_A_CUE, SUFFIX, INFIX = "not a cue", "suffix", "infix"  # "I'd like"; "X-style"; "X meets Y"

# "some of my favorites are Heat and Ronin", "my all-time favourite is Heat", "a few faves: Heat, Ronin"
_ONE_FAVOURITE = [f"{w}{kind}" for w in ("favorite", "favourite", "fave", "fav") for kind in ("", " movie", " film")]
_FAVOURITES = [
    *(f"{w}s" for w in ("favorite", "favourite", "fave", "fav")),
    *(f"{w} {kind}" for w in ("favorite", "favourite", "fave", "fav") for kind in ("movies", "films")),
]
_FAVOURITES_ARE = " | ".join(
    [
        *(f"my {when}{one} is" for when in ("", "all time ") for one in _ONE_FAVOURITE),
        *(f"{whose} {when}{many}{verb}" for whose in ("my", "a few", "some") for when in ("", "all time ")
          for many in _FAVOURITES for verb in (" are", " :") if whose == "my" or verb == " :"),
        *(f"my top {n}{kind}{verb}" for n in ("3", "5", "10", "three", "five", "ten")
          for kind in ("", " movies", " films", " favorites", " favourites") for verb in (" are", " :")),
    ]
)  # fmt: skip

# Cue -> how a title after it is read. "like" is a reference unless it is the verb ("I'd like").
TITLE_CUES: dict[tuple[str, ...], str] = {
    tokens_of(cue): kind
    for kinds, kind in (
        (
            "like | similar to | similar as | in the vein of | in the style of | along the lines of | "
            "reminiscent of | same vibe as | same vibes as | comparable to | akin to | a la | à la | "
            "fans of | fan of | for fans of | if i liked | if i loved | if i enjoyed | if you liked | "
            "if you loved | since i liked | since i loved | because i liked | because i loved | loved | "
            "liked | enjoyed | adored | really enjoyed | just watched | just saw | just finished | "
            "grew up on | grew up with | grew up watching | "  # "I grew up on Jaws"
            "more like | kind of like | sort of like | between | a cross between | a mix of | mix of | a blend of | "
            + _FAVOURITES_ARE,
            STRONG,
        ),
        (
            "i like | i love | we like | we love | i really like | i really love | you like | i do like | "
            "what about | how about | do you have | have you got | got any | is there | saw | seen | watched | "
            "thinking about | thinking of | thinking about was | was thinking of | "
            "for recommending | for suggesting | i meant | i mean | meant",  # "thanks for recommending Heat, loved it"
            WEAK,
        ),
        (
            "nothing like | not like | unlike | nothing similar to | anything but | except | except for | "
            "other than | apart from | besides | excluding | but not | no more | not | nothing | isn't | isnt | "
            "aren't | arent | no | hated | but not a fan of | but not a big fan of | but not a huge fan of | "
            "disliked | didn't like | didnt like | did not like | didn't enjoy | didnt enjoy | "
            "don't like | dont like | "
            "don't want | dont want | not a fan of | not a big fan of | not a huge fan of | not really a fan of",
            STRICT,
        ),
        (
            "i'd like | id like | we'd like | you'd like | would like | would you like | feel like | "
            "feels like | looks like | look like | sounds like | seems like | was like | is like | be like",
            NOT_A_CUE,
        ),
        ("style | esque | vibes | vibe | inspired | type", SUFFIX),
        ("meets | crossed with", INFIX),
    )
    for cue in alternatives(kinds)
}
MAX_TITLE_CUE = max(len(cue) for cue in TITLE_CUES)
# Cues that say a film follows, so that a well-known title that is also filter talk ("alien", "ghost")
# is the film when it ends the phrase: a comparison ("movies like alien"), a viewing ("seen alien, jaws
# and the shining"), a favourite, a verdict ("loved alien", "hated alien"). Not a taste ("loved alien
# movies", "I like ghost stories": the word goes on) nor a question ("what about aliens?").
NAMING_CUES = frozenset(
    {cue for cue, kind in TITLE_CUES.items() if kind == STRONG}
    | {("seen",), ("saw",), ("watched",), ("hated",), ("disliked",)}
)

"""Tell what kind of turn a chat message is: a request, a follow-up, feedback, or chatter.

The dialogue must know this before it reads filters: "more like the second one" continues the
last list, "I loved Heat" is a rating to store, while "I loved Heat, anything similar?" is a new
request that happens to name a reference title. Rules are checked from the most specific turn to
the least, and anything unrecognised is a request, because answering with movies is the safe
default for a recommender.
"""

from __future__ import annotations

import dataclasses
import re

from agent.understanding.classified import Classified
from agent.understanding.compared_only import compared_only
from agent.understanding.corrections import (
    HOLD_ON,
    UNDO,
    Interest,
    asked_politely,
    interest_in,
    unrated_in,
    unwatched_in,
)
from agent.understanding.dismissals import DISMISSED_TAIL, dismissed_titles, request_beside
from agent.understanding.film_questions import REFERENT, fact_question, typed_title
from agent.understanding.help_topics import (
    ACCOUNT_QUESTIONS,
    GREETINGS,
    OUTSIDE,
    RESTART,
    SMALLTALK,
    closes_chat,
    only_pleasantries,
)
from agent.understanding.like_it import asks_like_it
from agent.understanding.my_history import my_history_question, picks_asked, why_not_titles
from agent.understanding.new_subject import states_subject
from agent.understanding.opening_title import praised_then_asked
from agent.understanding.ordinals import ordinal_in, places_in
from agent.understanding.pointed_verdicts import judged_by_place, on_picks
from agent.understanding.pointing import chosen_pick, every_pick_seen, pick_asked_about, picks_rejected
from agent.understanding.praised_after import praised_after_naming
from agent.understanding.rated_asks import request_after
from agent.understanding.reader import understand
from agent.understanding.request import CatalogLookup, Understood, has_filters
from agent.understanding.seen_then_judged import judged_after_seen
from agent.understanding.sequels import film_or_unknown, series_asked
from agent.understanding.stars import asks_for_a_rating, outside_stars, rated_seen_list, stars_in
from agent.understanding.stars_each import asks_after, stars_each, verdicts_intent
from agent.understanding.taste_examples import taste_shown_by_example
from agent.understanding.text import PANNED, PRAISED, STOPWORDS, normalise_message, word_set
from agent.understanding.title_lists import titles_after
from agent.understanding.unplaced_verdicts import unplaced_verdict
from agent.understanding.unseen import said_unseen
from agent.understanding.unseen_after import titled_then_unseen
from agent.understanding.verdict_titles import named_titles
from agent.understanding.verdicts import (
    DISMISS,
    NOT_SEEN,
    SEEN,
    SENTIMENTS,
    a_title_then,
    asked_if_seen_blanked,
    films_judged,
    genre_verdict_apart,
    mixed_verdicts,
    of_a_genre,
    said_of_a_genre,
    thanked_for,
    titles_blanked,
    unasked,
)
from agent.understanding.versions import same_title
from agent.understanding.whose_verdict import seen_intent, users_verdict
from agent.understanding.word_titles import unproven_word_title

_HELP = re.compile(
    r"^\W*(?:/?help|commands|usage|\?+|how (?:does|do) (?:this|it|you) work|what (?:can|do) you do"
    r"|what can i (?:ask|say|do)|how (?:do|can) i use (?:this|you|it)|what are you|who are you"
    r"|what is this|i need help|help me|help please|please help|are you (?:a bot|an ai|human|real)"
    r"|who (?:made|built|created|wrote) you|tell me about yourself"
    r"|(?:can|do) you (?:recommend|suggest|do) (?:tv|series|shows|tv shows)|any (?:tv shows|series)"
    rf"|{ACCOUNT_QUESTIONS})\W*$"
)
_WHY = re.compile(
    r"^\W*(?:(?:but|and|so|ok|okay|hmm+)\W+)?why\b(?!\s+not\b)"
    r"|\bwhy\s+(?:did|do|would|is|was|that|this|the|'d)\b|\b(?:explain|what makes|how come)\b"
    r"|(?<!know )(?<!sure )(?<!idk )\bwhy\W*$"  # "the second one, why?"
)
_WHY_TARGET = re.compile(
    r"\b(?:why(?:\s+(?:did|do|would)\s+you\s+(?:pick|choose|recommend|suggest|include|go\s+with)|\s+(?:is|was))?"
    r"|picked|chose|recommended|suggested|included|what makes|explain)\b"
)

# A whole message that is one word (a film's name, maybe numbered) and a verdict on it.
_ONLY_A_VERDICT = re.compile(rf"^\W*[^\W\d_][\w'-]*(?:\s+\d+)?(?:{PRAISED}|{PANNED})\W*$")
# people in a group, not picks: "one likes sci-fi", "two of them hate Will Ferrell"
_GROUP_MEMBERS = re.compile(
    r"\b(?:two|three|four|some|most|none|several|few) of (?:them|us)\b|\b(?:one|each|all) of (?:us|my \w+)\b"
    r"|\bone (?:likes|loves|hates|wants|prefers|doesn'?t|can'?t|is into)\b"
)
_RELATIVE_THAT = re.compile(r"\b(movies?|films?|flicks?|stories|ones|stuff|anything|kinds?)\s+(?:that|which)\b")
_THAT_FILM = re.compile(r"\b(?:it|that|that one|this one|that movie|that film|this movie|this film)\b")
_EVERY = re.compile(
    r"\ball(?: of)? (?:them|those|these|three|four|five|of the above|'?em)(?!\w)|\b(?:them|those|these|'?em) all\b"
    r"|\ball [2-5]\b|\bevery (?:one"
    r"|single one) of (?:them|those|these)\b|\b(?:seen|watched) (?:those|these)(?: ones| movies| films)?\b"
)
# "I need to see that one", "I want to watch it again": a film shown, wanted, and no request for others
_PLANNED_FILM = (
    r"(?:it|them|those|these|both|(?:that|this)(?:\s+(?:last\s+)?(?:one|movie|film))?|the\s+\w+\s+one)"
    r"(?:\s+(?:again|too|soon|tonight|later|sometime|first))*\s*(?:[.!,;]|$)"
)
# A message that asks for something is a request even when it also gives feedback.
_ASKS = re.compile(
    r"\?|\b(?:something|anything|recommend\w*|suggest\w*|similar|what else|what next|what now|what should"
    r"|give me|show me|find me|any (?:ideas|suggestions|recs)|other|another|else|more like"
    r"|(?:i|we) (?:want|need|fancy)(?! to (?:watch|see|check out) " + _PLANNED_FILM + ")|looking for"
    r"|(?:^|[,.;!?]\s*)(?:need|want|fancy)\s+(?:a|an|some|something)"  # "..., need a romance we can both watch"
    r"|in the mood for|up for|more (?:please|pls|plz))\b"  # "loved Heat, more please"
    r"|\b(?:know|heard)\s+of\s+(?:any|some)\b|\b(?:do|d)\s+(?:you|u|ya)\s+(?:know|have)\s+(?:any|some)\b"  # no "?"
    r"|\b(?:more|movies?|films?|stuff|ones?)\s+like\b"
)
# "I've seen Heat. Thrillers from the 90s please": a sentence of its own that asks, beside the verdict's
_ASKS_POLITELY = re.compile(r"(?:^|[.!?;]\s*)(?P<ask>[^.!?;]*\b(?:please|pls|plz)\b[^.!?;]*)")
# "is there another new one?", "got one more good one?": a word or two said of the next pick, which is still one
# more of the same request (what the words ask beyond it is read as a refinement), and no verdict on a pick shown
_NEXT_DESCRIBED = r"\b(?:another|one\s+more)\s+(?:[^\W\d_]+\s+){1,2}?(?:one|film|movie|flick|pick)\b"
_MORE = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|cool|nice|thanks|great|hmm+|and|yes|yeah|sure|alright|got it)\W+)*"
    r"(?:more|another|others|other ones|next|again|keep going|go on|continue)\b"
    r"|\b(?:more like|another (?:one|like)|show me more|give me more|any more|anymore|more options"
    r"|more suggestions|more please|more of (?:that|those|these|the same)|what else|something else"
    r"|anything else|next one|different ones|other ones|other options|others|similar to"
    r"|none of (?:these|those|them)|not (?:these|those)(?: ones)?|(?:seen|watched) (?:them|those|these) all"
    r"|(?:\d+|one|two|three|four|five|a few|a couple|some) more)\b"
    r"|" + _NEXT_DESCRIBED
)
_LIKE_WHICH = re.compile(
    r"\b(?:like|similar to|not (?:as|so) (?:old|new|recent|long|short) as|(?:older|newer|earlier|later) than)\b"
)  # "nothing older than the second one" goes by that pick too
# "like the third one", "something like the 2nd", "similar to number 3": more like a pick
_LIKE_A_PICK = re.compile(
    r"^\W*(?:(?:something|anything|one|ones|films?|movies?|stuff|more)\s+)?(?:like|similar to)\s+(?:the\s+)?"
    r"(?:#\s*\d|number\s*\d|(?:first|second|third|fourth|fifth|last|1st|2nd|3rd|[4-9]th)\b)"
)


_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def classify(
    text: str, lookup: CatalogLookup, *, has_previous: bool, understood: Understood | None = None
) -> Classified:
    """The kind of turn `text` is; `has_previous` says whether a list was already shown.

    `understood` is `understand(text, lookup)` when the caller has already read the message.
    """
    if (held := HOLD_ON.match(normalise_message(text))) and len(text) == len(normalise_message(text)):
        text, understood = " " * held.end() + text[held.end() :], None  # "no wait, heat is a 4": not The Wait
    if has_previous and (rest := thanked_then(text)) is not None:
        said = classify(rest, lookup, has_previous=has_previous)
        if said.intent == "seen":  # "Great, but I've seen it!": thanks, seen, and another wanted
            return Classified("more", feedback=said)
        if said.intent == "more" and said.feedback is not None and said.feedback.intent == "seen":
            return said  # "cool, but I've seen all of those"
    if (thanks := _THANKS_FIRST.match(normalise_message(text))) and len(text) == len(normalise_message(text)):
        text, understood = " " * thanks.end() + text[thanks.end() :], None  # "thanks! heat was great": the verdict
    classified = _classify(text, lookup, has_previous=has_previous, understood=understood)
    about_picks = classified.intent in ("why", "facts", "seen", "liked", "disliked") and not classified.titles
    if about_picks and (positions := places_in(normalise_message(text))):
        return dataclasses.replace(classified, ordinal=None, positions=positions)
    seen_all = classified.intent == "seen" or (classified.intent == "dismissed" and SEEN.search(text.lower()))
    if has_previous and seen_all and classified.every and not classified.titles:
        return Classified("more", feedback=classified)  # "already seen all of those": noted, and others shown
    # "she's seen all of those": not the user's viewing, so set aside, not marked watched, and others shown
    return classified


# "Great, but I've seen it!", "sounds good but I already saw that one": thanks for the pick, then the "but" that
# turns it down; the "great" is said of the suggestion, no verdict on the film
_THANKS_BUT = re.compile(
    r"^\W*(?:(?:oh|ok|okay|wow|ah)\W+)?(?:great|cool|nice|awesome|perfect|lovely|thanks|thank\s+you|thx|ty"
    r"|(?:that\s+)?(?:sounds|looks)\s+(?:good|great|cool|nice|fun|interesting))(?:\W+(?:thanks|thank\s+you))?"
    r"\W*\s*but\b"
)


def thanked_then(text: str) -> str | None:
    """The message with a thanks before its "but" blanked out in place ("Great, but I've seen it!"); None
    when it opens with none."""
    thanks = _THANKS_BUT.match(normalise_message(text))
    if thanks is None or len(text) != len(normalise_message(text)):
        return None
    return " " * thanks.end() + text[thanks.end() :]


# "thanks!", "thx for the recs yesterday,": thanks before what the message goes on to say
_THANKS_FIRST = re.compile(
    r"^\W*(?:thanks|thank\s+you|thx|ty|cheers)(?:\s+(?:so|very)\s+much)?(?:\s+(?:for|4)\s+(?:the|your|all\s+the)"
    r"\s+(?:recs|recommendations?|suggestions?|picks|help)(?:\s+(?:yesterday|earlier|last\s+night|btw))?)?"
    r"\s*[,.!:;-]+\s*(?=\w)"
)


def _classify(text: str, lookup: CatalogLookup, *, has_previous: bool, understood: Understood | None) -> Classified:
    lowered = normalise_message(text)
    words = _WORD.findall(lowered)
    if not words:
        return _emoji_only(lowered, has_previous)
    ordinal = ordinal_in(lowered)
    if picks_asked(lowered):  # "have I seen any of these?": the profile, of the picks shown, no new picks
        return Classified("facts", every=True, facts=("my_picks",))
    if mine := my_history_question(lowered):  # "how many movies have I watched?": the profile's, not help
        return Classified("facts", facts=(mine,))
    if asked := why_not_titles(text, lowered, lookup):  # "why not Saving Private Ryan?"
        return Classified("facts", titles=asked[0], facts=("why_not",), unknown=() if asked[0] else (asked[1],))
    if _HELP.match(lowered) or RESTART.match(lowered) or OUTSIDE.search(lowered):
        return Classified("help")
    if heard_of := titled_then_unseen(text, lookup):  # "Ronin? never heard of it": no question asked
        return Classified("unseen", titles=[heard_of])
    if only_pleasantries(lowered) or closes_chat(lowered):  # "thanks, have a good night!" rates no The Night
        return Classified("smalltalk")
    if UNDO.match(lowered):
        return Classified("undo")
    if has_previous and (chosen := chosen_pick(lowered, ordinal_in)) is not None:  # "perfect, the third one"
        return Classified("interested", ordinal=chosen)
    if has_previous and picks_rejected(lowered):  # "these suck": other films, and no verdict on films not seen
        return Classified("more")
    if has_previous and every_pick_seen(lowered):  # "meh, seen them all": watched, no verdict, and others
        return Classified("more", feedback=Classified("seen", every=True))
    if not SEEN.search(lowered) and (place := pick_asked_about(lowered, ordinal_in)) is not None:
        return Classified("facts", ordinal=place, facts=("about",))  # "the second one?": that film, in brief
    if not _ASKS.search(asked_politely(lowered)) and (unrated := unrated_in(text, lowered, lookup, ordinal_in)):
        return Classified("unrated", ordinal=unrated.ordinal, titles=unrated.titles)  # "forget my rating for heat"
    if not _ASKS.search(asked_politely(lowered)) and (unseen := unwatched_in(text, lowered, lookup, ordinal_in)):
        return Classified("unwatched", ordinal=unseen.ordinal, titles=unseen.titles)
    if _WHY.search(lowered):
        return Classified("why", ordinal=ordinal, titles=_why_titles(text, lowered, lookup))
    if series := series_asked(lowered, lookup):  # "the dark knight sequels", "what comes after alien?": no theme
        return Classified(
            "facts", facts=(series[0],), ordinal=None if series[1] else ordinal, **film_or_unknown(series[1])
        )
    if fact := fact_question(text, lowered, lookup, ordinal, has_previous):
        return fact
    understood = understood or understand(text, lookup)
    listed = rated_seen_list(text, lookup, has_previous=has_previous)
    if listed and listed.stars is None and praised_after_naming(text, lowered, understood, lookup):
        listed = None  # "saw Heat and Ronin, they were amazing": a verdict on both, read below
    if listed:  # "seen heat, totoro and 3": each item
        one = listed.positions[0] if len(listed.positions) == 1 and not listed.titles else None  # "seen #3"
        seen = Classified("seen", ordinal=one, titles=list(listed.titles), every=listed.every, unknown=listed.unknown,
                          positions=() if one is not None else listed.positions,
                          with_sequels=listed.with_sequels)  # fmt: skip
        if listed.stars is not None:  # "seen parasite and blorfzap, 4 stars": Parasite's stars
            verdict = "liked" if listed.stars >= 3 else "disliked"
            seen = dataclasses.replace(seen, intent=verdict, rating=listed.stars, stars_said=True)
        more = "more" if has_previous and not listed.titles else "recommend"  # "seen alien, jaws and 3, what else?"
        return Classified(more, feedback=seen) if listed.asks else seen
    asks = bool(_ASKS.search(DISMISS.sub(" ", unasked(lowered))))  # "don't suggest it" asks for nothing
    if plan := interest_in(text, lowered, lookup, ordinal_in):  # "#6 looks fun, seen #7 too": no verdict on #6
        said = understand(plan.text, lookup)
        feedback = _feedback(plan.text, plan.lowered, said, lookup, ordinal_in(plan.lowered))
        if feedback is None and not asks:  # "never heard of Dracula Untold (2014) that sounds good": that film
            named = understood.like_titles if plan.ordinal is None and len(understood.like_titles) == 1 else []
            return Classified("interested", ordinal=plan.ordinal, titles=plan.titles or named, every=plan.every)
        if feedback and not (feedback.titles or feedback.positions or feedback.every) and feedback.ordinal is None:
            feedback = dataclasses.replace(feedback, ordinal=plan.ordinal, titles=plan.titles)  # "looks great, seen it"
    else:
        wished = re.sub(_NEXT_DESCRIBED, lambda m: " " * len(m[0]), lowered)  # "another good one": of the next pick
        feedback = _feedback(text, wished, understood, lookup, ordinal)
    if feedback and feedback.intent == "dismissed":  # "don't show me Heat again": "show me" asks for nothing
        rest = DISMISSED_TAIL.sub("", DISMISS.sub(" ", lowered))  # "... anymore" asks for no more
        beside = request_beside(text, lookup)  # "don't show me alien again" asks for no sci-fi
        wished = understood if beside is None else understand(beside, lookup)
        others = _MORE.search(rest) or _ASKS.search(rest.replace("?", "")) or has_filters(wished, titles=False)
        # "skip the first one, any comedies?": comedies, afresh; "skip it, something from the 80s?": more of the same
        more = "more" if has_previous and not states_subject(text, understood) else "recommend"
        return Classified(more, feedback=feedback) if others else feedback
    if feedback and feedback.verdicts and feedback.stars_said and asks_after(lowered):  # "heat 4, jaws 5, what else?"
        return Classified("more" if has_previous and not request_after(lowered) else "recommend", feedback=feedback)
    if not asks and feedback and feedback.titles and feedback.intent != "seen" and taste_shown_by_example(lowered):
        return Classified("recommend", feedback=feedback)  # "I hate horror, like Saw (2004)": noted, and no horror
    if not asks and feedback and not (has_filters(understood, titles=False) and _asks_apart(text, lookup)):
        return feedback  # "I've seen Heat. Thrillers from the 90s please" asks too (and Heat is noted in passing)
    if not asks and feedback is None and thanked_for(lowered) and understood.like_titles:  # no wish for more
        return Classified("interested", titles=list(understood.like_titles))
    if (
        not asks and feedback is None and (unseen := said_unseen(text, lowered, understood, lookup))
    ):  # "I never saw Heat"
        return Classified("unseen", titles=unseen[0], unknown=unseen[1])
    more = _MORE.search(lowered) or _LIKE_A_PICK.search(lowered)
    if has_previous and more and not has_filters(understood) and not understood.like_titles:
        return Classified("more", ordinal=_place_liked(lowered, plan), feedback=feedback)
    if has_previous and _refines(lowered, understood):  # "like the second one but from the 2010s"
        pointed = on_picks(feedback, has_previous, lowered)  # "loved it, anything like it but shorter?" too
        return Classified("refine", ordinal=_place_liked(lowered, plan), feedback=pointed)
    if not asks and not has_filters(understood) and not understood.like_titles and _chatter(words, understood):
        return Classified("smalltalk")
    if feedback and feedback.intent == "liked" and feedback.titles and feedback.titles == understood.like_titles:
        return Classified("recommend", feedback=feedback)  # "heat was great, more like that": kept, and the reference
    if feedback and feedback.titles and _judged_then_wished(text, lookup):  # "Heat was great, and more comedies"
        return Classified("recommend", feedback=feedback)
    return Classified("recommend", feedback=on_picks(feedback, has_previous, lowered))  # "hated #1, any 80s ones?"


_ASKING_SHAPE = re.compile(
    r"^(?!\W*(?:it|that|this|he|she|they)(?:'s|'re| is| was| are| were)\b)"  # describes
    r"(?:\W*(?:a|an|any|some|something|anything|maybe)\b|.*\b(?:movies?|films?|flicks?|ones?)\b)"
)


def _asks_apart(text: str, lookup: CatalogLookup) -> bool:
    """A sentence with no verdict says please or asks for films ("I loved Heat. a crime thriller from the 90s")."""
    sentences = re.split(r"(?<=[.!?;])\s+", text)
    for said in sentences:
        if SEEN.search(sentence := normalise_message(said)) or any(p.search(sentence) for p, *_ in SENTIMENTS):
            continue
        shaped = len(sentences) > 1 and _ASKING_SHAPE.match(sentence)
        u = understand(said, lookup) if shaped else Understood()  # not "Pacino and De Niro together!"
        asked = (u.genres, u.any_genres, u.people, u.any_people, u.year_min, u.year_max, u.languages, u.countries)
        if _ASKS_POLITELY.search(sentence) or any(asked):
            return True
    return any(_describes_films(clause, lookup) or _wishes_more(clause, lookup) for clause in _CLAUSE.split(text))


_CLAUSE = re.compile(r",\s*|\s+but\s+")


def _judged_then_wished(text: str, lookup: CatalogLookup) -> bool:
    """A clause that is a title and its verdict, then one that asks for films: "Heat was great, and more
    comedies" noted no verdict (the comedies made "great" read as a wish) and read "heat" as a theme."""
    first, *rest = _CLAUSE.split(text, maxsplit=1)
    if not rest or not a_title_then(first, lookup):
        return False
    return _wishes_more(rest[0], lookup) or _describes_films(rest[0], lookup)


# "I liked Oldboy, more Korean films please": a clause that asks for more of a kind, or says please
_MORE_OF_A_KIND = re.compile(r"^\W*(?:(?:and|so|now|ok|okay)\s+)?(?:(?:any|some|give me|show me)\s+)?more\s+\w")


def _wishes_more(clause: str, lookup: CatalogLookup) -> bool:
    """A clause with no verdict that asks for more of a kind or says please, and names what it asks
    for: "I liked Oldboy, more Korean films please" was only noted, and the Korean films went unasked."""
    said = normalise_message(clause)
    if SEEN.search(said) or any(p.search(said) for p, *_ in SENTIMENTS):
        return False
    if not (_MORE_OF_A_KIND.match(said) or _ASKS_POLITELY.search(said)):
        return False
    return has_filters(understand(clause, lookup), titles=False)


_DESCRIBES_ONE = re.compile(r"\W*(?:a|an|the|that|this|its|it's|it is|which|one)\b")


def _describes_films(clause: str, lookup: CatalogLookup) -> bool:
    """A clause with no verdict that plainly describes films wanted: a genre with a person, an era, a
    length or a language ("tom hanks drama thats not too long, I've already seen Forrest Gump")."""
    said = normalise_message(clause)
    if SEEN.search(said) or any(p.search(said) for p, *_ in SENTIMENTS) or _DESCRIBES_ONE.match(said):
        return False  # "I've seen Forrest Gump, the tom hanks drama from 1994": the film seen, described
    u = understand(clause, lookup)
    bounds = (u.people, u.any_people, u.year_min, u.year_max, u.min_runtime, u.max_runtime, u.languages, u.countries)
    if (u.people or u.any_people) and _FILMS_OF.search(said):  # "tarantino movies", "want more michael mann type stuff"
        return True
    return bool(u.genres or u.any_genres) and any(bounds)


_FILMS_OF = re.compile(r"\b(?:movies|films|flicks|stuff|ones)\b")


# "the first one but newer", "the second, only shorter": that pick, changed in one way
_PICK_BUT = re.compile(
    r"^\W*(?:(?:ok|okay|so|and|hmm+|well|maybe|actually)\W+)*(?:something\s+)?(?:the\s+)?"
    r"(?:#\s*\d|number\s*\d|(?:first|second|third|fourth|fifth|last|1st|2nd|3rd|[4-9]th)\b)(?:\s+one)?\W+"
    r"(?:but|only|just)\s+(?:a\s+(?:bit|little)\s+|slightly\s+|somewhat\s+|much\s+)?"
    r"(?:older|newer|more recent|earlier|later|shorter|longer|funnier|darker|lighter|scarier)\b"
)


def reference_ordinal(lowered: str) -> int | None:
    """ "More like the second one" points at a suggestion; "seen the first, what else" does not."""
    if _PICK_BUT.match(lowered):
        return ordinal_in(lowered)
    m = _LIKE_WHICH.search(lowered)
    return ordinal_in(lowered[m.end() :]) if m else None


def _place_liked(lowered: str, plan: Interest | None) -> int | None:
    """ "More like the second one"; and "the second one sounds good, anything else like it?", where "it"
    is the pick the interest pointed at: a place never read past, so never ignored."""
    if (place := reference_ordinal(lowered)) is not None:
        return place
    return plan.ordinal if plan is not None and asks_like_it(lowered) else None


_FILM_NOUNS = word_set("movie movies film films flick flicks one ones")


def _why_titles(text: str, lowered: str, lookup: CatalogLookup) -> list[str]:
    targets = list(_WHY_TARGET.finditer(lowered))
    if not targets:
        return []
    return [m.movie_id for m in titles_after(text, targets[-1].end(), lookup)]


def _feedback(
    text: str, lowered: str, understood: Understood, lookup: CatalogLookup, ordinal: int | None
) -> Classified | None:
    """A verdict or a "seen it" about named titles, a position in the list, or "it"."""
    if each := stars_each(text, lowered, lookup):  # "I rated Heat 4 and The Matrix 3": each film its own stars
        rated = each.verdicts
        kept = [t for t, verdict, _ in rated if verdict not in ("unkept", "unknown")]  # "the matrix 11", "blorfzap 3"
        unknown = tuple(t for t, verdict, _ in rated if verdict == "unknown")
        rated = tuple(v for v in rated if v[1] != "unknown")
        return Classified(verdicts_intent(rated), titles=kept, stars_said=True, verdicts=rated, unknown=unknown,
                          worded=each.worded)  # fmt: skip
    rating = stars_in(lowered, lookup)
    if rating is not None and asks_for_a_rating(lowered, understood, ordinal):
        rating = None
    # "Alien was great" is a verdict on the film, though "alien" alone would ask for sci-fi
    plain = not has_filters(understood) or _ONLY_A_VERDICT.match(lowered) is not None or a_title_then(text, lookup)
    plain = plain or (bool(understood.like_titles) and praised_then_asked(text, lookup))  # "heat was great, more?"
    praised = praised_after_naming(text, lowered, understood, lookup)  # "Heat and Ronin were both great"
    plain = plain or praised
    plain = plain or (ordinal is not None and judged_by_place(lowered))  # "the first one was great, any newer?"
    plain = plain or _judged_then_wished(text, lookup)  # "Heat was great, and more comedies"
    judged = titles_blanked(lowered, [*understood.like_titles, *understood.exclude_titles], lookup)
    judged = asked_if_seen_blanked(judged)  # "have you ever seen Jaws": not the user's viewing
    verdict = next(
        (
            (m, intent, stars)
            for pattern, intent, stars, adjective in SENTIMENTS
            if plain or not adjective
            for m in pattern.finditer(judged)
            if _users_own(judged, m, intent) and not said_of_a_genre(judged, m, stars)
        ),
        None,
    )
    # "I used to like Saw (2003) movies": the title, not the verb; "I saw Saw" still says seen
    seen = None if NOT_SEEN.search(lowered) else SEEN.search(judged) or _seen_twice(asked_if_seen_blanked(lowered))
    anchor = verdict[0] if verdict else seen
    titles = outside_stars(understood.like_titles, lowered, lookup)
    titles += [t for t in understood.exclude_titles if t not in titles]
    if not titles and not of_a_genre(lowered, anchor) and (anchor is not None or rating is not None):
        titles = outside_stars(named_titles(text, lowered, anchor, lookup), lowered, lookup)  # not Three
    titles = films_judged(text, lowered, anchor, titles, lookup)  # "heat slaps", not Never Again by "never again"
    titles = [t for t in titles if not unproven_word_title(text, t, lookup)]  # "love is great": not Love (2015)
    refused_only = titles and set(titles) <= set(understood.exclude_titles) and not DISMISS.search(lowered)
    if refused_only and (understood.genres or understood.any_genres):
        return None  # "sci-fi, but not a fan of Star Wars": a request with a film refused, not "not heat again"
    every = not titles and ordinal is None and bool(_EVERY.search(lowered))
    # "that" of a relative clause points at no film: "I love movies that make you think"
    has_referent = (bool(titles) or ordinal is not None or every
                    or bool(REFERENT.search(_RELATIVE_THAT.sub(r"\1", _GROUP_MEMBERS.sub(" ", lowered)))))  # fmt: skip
    dismissal = DISMISS.search(lowered)
    judging = verdict is not None or (dismissal is not None and seen is not None)  # "seen #1, skip #2"
    mixed = mixed_verdicts(text, lowered, titles, lookup, ordinal_in) if judging and not praised else None
    # "I loved the first one, the second sounds dumb": each its own, not the first set aside
    apart = mixed is not None and len({v for v, _ in mixed.values()}) > 1
    if dismissal and not SEEN.search(lowered) and not apart:  # "not interested in titanic, any comedies?": Titanic
        named = dismissed_titles(text, lowered, dismissal, understood, titles, lookup)
        if named or (named is not None and (ordinal is not None or every or _THAT_FILM.search(lowered))):
            return Classified("dismissed", ordinal=ordinal, titles=named, every=every)
    if mixed:
        named = {t: v for t, (v, _) in mixed.items() if isinstance(t, str)}
        # "I really like Heat (1995) I didn't care for that": a verdict on no film it can tell, said so
        unplaced = unplaced_verdict(lowered, named, lookup) if len(named) == len(mixed) else ""
        return Classified(next(iter(mixed.values()))[0], titles=list(named), unplaced=unplaced,
                          verdicts=tuple((t, v, stars or None) for t, (v, stars) in mixed.items()))  # fmt: skip
    if verdict is not None and rating is None and genre_verdict_apart(lowered, verdict[0], titles, lookup):
        return None  # "I don't really like horror but Aliens (1986) ...": Aliens is not refused with horror
    if verdict is not None and (has_referent or rating is not None):
        _, intent, stars = verdict
        return Classified(intent, ordinal=ordinal, titles=titles, rating=rating or stars, stars_said=rating is not None,
                          every=every)  # fmt: skip
    if rating is not None:
        intent = "liked" if rating >= 3 else "disliked"
        return Classified(intent, ordinal=ordinal, titles=titles, rating=rating, stars_said=True, every=every)
    if verdict is None and seen is not None and (apart := judged_after_seen(text, lowered, titles, lookup)):
        return apart  # "I watched Heat. Fargo was awful": Heat watched, Fargo disliked
    if seen is not None and has_referent:
        compared = compared_only(titles, lowered, lookup)  # "watched a comedy, kinda like Heat": not Heat
        if compared and len(compared) == len(titles):
            return None
        titles = [t for t in titles if t not in compared]
        return Classified(seen_intent(lowered, seen.start()), ordinal=ordinal, titles=titles, every=every)
    if verdict is not None and not titles and understood.unknown_titles and not has_filters(understood):
        return Classified(verdict[1], unknown=tuple(understood.unknown_titles))  # "Girls Trip (2017) was great"
    if anchor is not None and rating is None and (typed := typed_title(text, anchor.end(), lookup)):
        words = typed.lower().split()  # "seen teh godfathr", not "seen a lot of movies"
        near = anchor is seen and words[0] not in STOPWORDS and not _FILM_NOUNS & set(words)
        match = lookup.resolve_title(typed)  # looked up once: for a near title, and for "I loved LOL"
        if typed[:1].isupper() or (near and match is not None):
            intent = verdict[1] if verdict else "seen"
            if match is not None and same_title(typed, match.title):  # a title the readers took for a word
                return Classified(intent, titles=[match.movie_id])
            return Classified(intent, unknown=(typed,))  # said to be unknown, not taken for a request
    return None


def _seen_twice(lowered: str) -> re.Match[str] | None:
    found = list(SEEN.finditer(lowered))
    return found[0] if len(found) > 1 else None


def _users_own(lowered: str, m: re.Match[str], intent: str) -> bool:
    return users_verdict(lowered, m.start(), doubted_too=intent == "liked")


def _refines(lowered: str, u: Understood) -> bool:
    """Adjusts the last request: relative ("older"), negative ("less violent") or partial ("in French")."""
    if u.modifiers:
        return True
    if not has_filters(u):
        return False
    return not states_subject(lowered, u)


def _chatter(words: list[str], understood: Understood) -> bool:
    """Pleasantries only, or a greeting that says no taste: "Hi I like comedies" tells a taste to go by."""
    if all(w in SMALLTALK for w in words):
        return True
    taste = understood.soft_genres or understood.soft_people or understood.soft_year_min or understood.soft_year_max
    return words[0] in GREETINGS and not taste


def _emoji_only(lowered: str, has_previous: bool) -> Classified:
    if has_previous and ("👍" in lowered or "❤" in lowered or "😍" in lowered):
        return Classified("liked", rating=5.0 if "❤" in lowered or "😍" in lowered else 4.0)
    if has_previous and "👎" in lowered:
        return Classified("disliked", rating=1.0)
    if "?" in lowered:
        return Classified("help")
    if rating := stars_in(lowered):
        return Classified("liked" if rating >= 3 else "disliked", rating=rating, stars_said=True)
    return Classified("smalltalk")

"""Tell what kind of turn a chat message is: a request, a follow-up, feedback, or chatter.

The dialogue must know this before it reads filters: "more like the second one" continues the
last list, "I loved Heat" is a rating to store, while "I loved Heat, anything similar?" is a new
request that happens to name a reference title. Rules are checked from the most specific turn to
the least, and anything unrecognised is a request, because answering with movies is the safe
default for a recommender.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass, field
from typing import Literal

from agent.understanding.corrections import HOLD_ON, UNDO, asked_politely, interest_in, unrated_in, unwatched_in
from agent.understanding.dismissals import DISMISSED_TAIL, dismissed_titles, request_beside
from agent.understanding.fact_questions import (
    AMONG_TAIL,
    AMONG_THE_PICKS,
    COLLECTION,
    FACT_QUESTIONS,
    Fact,
    films_compared,
    other_year,
    superlative_asked,
)
from agent.understanding.help_topics import ACCOUNT_QUESTIONS, GREETINGS, OUTSIDE, RESTART, SMALLTALK, only_pleasantries
from agent.understanding.my_history import my_history_question, why_not_titles
from agent.understanding.new_subject import states_subject
from agent.understanding.opening_title import film_named_first, praised_then_asked, well_known_title
from agent.understanding.pointed_verdicts import judged_by_place, on_picks
from agent.understanding.pointing import chosen_pick, pick_asked_about, picks_rejected
from agent.understanding.rated_asks import request_after
from agent.understanding.reader import understand
from agent.understanding.request import CatalogLookup, Understood, has_filters
from agent.understanding.sequels import film_or_unknown, series_asked
from agent.understanding.stars import asks_for_a_rating, outside_stars, rated_seen_list, stars_in
from agent.understanding.stars_each import asks_after, stars_each, verdicts_intent
from agent.understanding.text import PANNED, PRAISED, STOPWORDS, Scan, normalise_message, tokens_of, word_set
from agent.understanding.title_lists import judged_titles_after, titles_after
from agent.understanding.titles import explained
from agent.understanding.unseen import said_unseen
from agent.understanding.verdict_titles import named_titles, with_title_year
from agent.understanding.verdicts import (
    DISMISS,
    NOT_SEEN,
    SEEN,
    SENTIMENTS,
    a_title_then,
    films_judged,
    genre_verdict_apart,
    mixed_verdicts,
    of_a_genre,
    thanked_for,
    titles_blanked,
    unasked,
)
from agent.understanding.versions import same_title
from agent.understanding.whose_verdict import seen_intent, users_verdict
from store.catalog import TitleMatch
from store.movie import TITLE_MATCH_SCORE

Intent = Literal["recommend", "refine", "more", "why", "facts", "seen", "liked", "disliked", "dismissed", "help",
                 "smalltalk", "interested", "unwatched", "unrated", "undo", "unseen"]  # fmt: skip


@dataclass
class Classified:
    intent: Intent
    ordinal: int | None = None  # 0-based position in the last list; -1 is the last one
    titles: list[str] = field(default_factory=list)  # catalog ids the feedback or question is about
    rating: float | None = None  # stars, 0.5-5
    stars_said: bool = False  # the message gave the stars ("a 4", "⭐⭐⭐"), not only a verdict ("great")
    every: bool = False  # about every film of the last list ("seen all of those")
    # each film's own verdict where they differ ("loved Amelie, hated Titanic"): (id or place, verdict, stars)
    verdicts: tuple[tuple[str | int, str, float | None], ...] = ()
    worded: tuple[str, ...] = ()  # films of those whose stars stand for a word ("loved" in "loved heat and jaws 5")
    positions: tuple[int, ...] = ()  # about several places in it ("the first two", "the first and third")
    facts: tuple[Fact, ...] = ()  # what a question asks of a film ("is it long?": runtime)
    # a verdict said with a request for more ("seen it, others?", "hated that one, anything else?")
    feedback: Classified | None = None
    unknown: tuple[str, ...] = ()  # films a question names that the catalog lacks, as typed ("Dune (2021)")
    with_sequels: tuple[str, ...] = ()  # films said seen with their later films ("the matrix and its sequels")


_NTH = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
        "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
        "twentieth")  # fmt: skip
_ORDINAL_WORDS = {
    **{word: n for n, word in enumerate(_NTH)},
    "top": 0, "last": -1, "final": -1, "bottom": -1, "penultimate": -2, "second to last": -2, "second last": -2,
}  # fmt: skip
_ORDINAL = re.compile(
    r"#\s*(?P<hash>\d{1,2})\b"
    r"|\b(?:number|no\.|option|pick|suggestion)\s*#?\s*(?P<num>\d{1,2})\b"
    r"|(?:\b(?P<word>second[\s-]+(?:to[\s-]+)?last|penultimate|first|second|third|fourth|fifth|sixth|seventh"
    r"|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
    r"|nineteenth|twentieth|last|final|bottom|top(?=\s+(?:one|pick|suggestion)))\b"
    r"|(?<!on the )(?<!by the )(?<!until the )(?<!till the )(?<!since the )\b(?P<nth>[1-9]\d?)(?:st|nd|rd|th)\b)"
    # "the 13th one", up to the 50 picks an answer can hold; "on the 14th" is a date
    r"(?!\s+(?:year|years|decade|night|week|time|few|couple|century|anniversary|birthday|grade|of\s+july"
    r"|\d(?!(?:\.5)?\s*(?:stars?|/))"
    r"|world|half|season|episode|chapter|act\b|date|day|kiss|impression|place|amendment|person|wave|contact))"
)

# "the first two", "the last two": several places at once ("the first and third" are listed ordinals)
_FIRST_N = re.compile(
    r"\b(?P<end>first|top|last)\s+(?P<n>two|three|2|3)\b(?!\s*(?:years?|decades?|nights?|weeks?|times?)\b)"
)
_BETWEEN_ORDINALS = re.compile(r"(?:\s+ones?)?\s*(?:,|and|&)\s*(?:the\s+)?")

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
_IN_THE_COLLECTION = re.compile(rf"\s+(?:in|on) (?:your|the) {COLLECTION}\b.*$|\s+(?:at all|yet)\b.*$")
# what a question says after the film it names: "what's X about", "when did X come out", "is X long"
_ASKED_TAIL = re.compile(
    r"\s+(?:about|(?:come|came) out|made|released|from|(?:too |very |really |pretty |that )?(?:long|short)"
    r"|(?:a |an )?(?:animated|animation|cartoon|anime|comedy|funny|horror|scary|romantic|romance|thriller|documentary"
    r"|musical|western|sci ?fi|science fiction|violent|gory|dark|sad|for kids|kid friendly|family friendly)"
    r"|in english|subtitled|dubbed|in a foreign language"
    r"|(?:any |that |very |really )?good|worth (?:it|watching|seeing))\s*$",
    re.IGNORECASE,
)
_NO_FILM = word_set("you yourself u me myself us him her them") | {
    "the director", "the cast", "the actors", "the actor", "the plot", "the ending"}  # fmt: skip
_HOW_MANY = re.compile(
    r"^\W*how many\b(?! more| of (?:these|them|those))"
    r"(?![^?.!]*\b(?:minutes|mins|hours|stars|votes|times|oscars?|awards?)\b)"
)
_REPEAT = re.compile(
    r"\bwhat (?:did|were|was) (?:you |those |they |these )?(?:just |again )?(?:recommend|suggest|pick|show)\w*\W*$"
    r"|\bwhat did you (?:just )?(?:recommend|suggest)\w*(?: (?:again|me|to me))?\W*$"
    r"|^\W*what were (?:those|they|these|the (?:picks|movies|films|titles))(?: again)?\W*$"
    r"|\b(?:repeat|show me|give me|list|remind me of|say) (?:the|that|your|those) (?:list|picks|suggestions"
    r"|recommendations|titles|movies|films) again\b|\b(?:can|could) you (?:repeat|say) (?:that|the list|those)\b"
    r"|^\W*(?:repeat|remind me)(?: (?:that|them|the list|please))?\W*$|\brepeat the list\b"
)
_QUESTION_REFERENT = re.compile(r"\b(?:it|that|this|the (?:movie|film))\b")
# ... unless the message also asks for films: "who directed Heat? something like it", "is there one that's short?"
_WANTS_PICKS = re.compile(
    r"\b(?:something|anything|recommend\w*|suggest\w*|similar|give me|show me|another|others?|else|more like"
    r"|(?:i|we) (?:want|need)|movies|films|(?:is|are) there|any|ones? that)\b"
)

# What a verdict is about when no title is named: "loved it", "great pick", "hated that one".
_REFERENT = re.compile(  # "I didn't like the movie with James McAvoy": a pick, pointed at by a person
    r"\b(?:it|that|this|them|those|these|both|all of them|pick|choice|suggestion|rec|recommendation|one"
    r"|the (?:movie|film) (?:with|by|starring|from))\b"
)
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
# A message that asks for something is a request even when it also gives feedback.
_ASKS = re.compile(
    r"\?|\b(?:something|anything|recommend\w*|suggest\w*|similar|what else|what next|what now|what should"
    r"|give me|show me|find me|any (?:ideas|suggestions|recs)|other|another|else|more like"
    r"|(?:i|we) (?:want|need|fancy)(?! to (?:watch|see) (?:it|that|this|that one|this one) again)|looking for"
    r"|(?:^|[,.;!?]\s*)(?:need|want|fancy)\s+(?:a|an|some|something)"  # "..., need a romance we can both watch"
    r"|in the mood for|up for)\b"
    r"|\b(?:more|movies?|films?|stuff|ones?)\s+like\b"
)
# "I've seen Heat. Thrillers from the 90s please": a sentence of its own that asks, beside the verdict's
_ASKS_POLITELY = re.compile(r"(?:^|[.!?;]\s*)(?P<ask>[^.!?;]*\b(?:please|pls|plz)\b[^.!?;]*)")
_MORE = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|cool|nice|thanks|great|hmm+|and|yes|yeah|sure|alright|got it)\W+)*"
    r"(?:more|another|others|other ones|next|again|keep going|go on|continue)\b"
    r"|\b(?:more like|another (?:one|like)|show me more|give me more|any more|anymore|more options"
    r"|more suggestions|more please|more of (?:that|those|these|the same)|what else|something else"
    r"|anything else|next one|different ones|other ones|other options|others|similar to"
    r"|none of (?:these|those|them)|not (?:these|those)(?: ones)?|(?:seen|watched) (?:them|those|these) all"
    r"|(?:\d+|one|two|three|four|five|a few|a couple|some) more)\b"
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
    if (thanks := _THANKS_FIRST.match(normalise_message(text))) and len(text) == len(normalise_message(text)):
        text, understood = " " * thanks.end() + text[thanks.end() :], None  # "thanks! heat was great": the verdict
    classified = _classify(text, lookup, has_previous=has_previous, understood=understood)
    about_picks = classified.intent in ("why", "facts", "seen", "liked", "disliked") and not classified.titles
    if about_picks and (positions := _positions(normalise_message(text))):
        return dataclasses.replace(classified, ordinal=None, positions=positions)
    if has_previous and classified.intent == "seen" and classified.every and not classified.titles:
        return Classified("more", feedback=classified)  # "already seen all of those": noted, and others shown
    return classified


# "thanks!", "thx for the recs yesterday,": thanks before what the message goes on to say
_THANKS_FIRST = re.compile(
    r"^\W*(?:thanks|thank\s+you|thx|ty|cheers)(?:\s+(?:so|very)\s+much)?(?:\s+(?:for|4)\s+(?:the|your|all\s+the)"
    r"\s+(?:recs|recommendations?|suggestions?|picks|help)(?:\s+(?:yesterday|earlier|last\s+night|btw))?)?"
    r"\s*[,.!:;-]+\s*(?=\w)"
)


def _positions(lowered: str) -> tuple[int, ...]:
    """ "The first two" -> (0, 1), "the last two" -> (-2, -1), "the first and third" -> (0, 2); () for one place."""
    if m := _FIRST_N.search(lowered):
        n = {"two": 2, "three": 3}.get(m["n"]) or int(m["n"])
        return tuple(range(-n, 0)) if m["end"] == "last" else tuple(range(n))
    found = list(_ORDINAL.finditer(lowered))
    listed = [found[0]] if found else []
    for before, after in itertools.pairwise(found):
        if not _BETWEEN_ORDINALS.fullmatch(lowered, before.end(), after.start()):
            break
        listed.append(after)
    places = tuple(dict.fromkeys(p for m in listed if (p := _ordinal(m.group())) is not None))
    return places if len(places) > 1 else ()


def _classify(text: str, lookup: CatalogLookup, *, has_previous: bool, understood: Understood | None) -> Classified:
    lowered = normalise_message(text)
    words = _WORD.findall(lowered)
    if not words:
        return _emoji_only(lowered, has_previous)
    ordinal = _ordinal(lowered)
    if mine := my_history_question(lowered):  # "how many movies have I watched?": the profile's, not help
        return Classified("facts", facts=(mine,))
    if asked := why_not_titles(text, lowered, lookup):  # "why not Saving Private Ryan?"
        return Classified("facts", titles=asked[0], facts=("why_not",), unknown=() if asked[0] else (asked[1],))
    if _HELP.match(lowered) or RESTART.match(lowered) or OUTSIDE.search(lowered):
        return Classified("help")
    if only_pleasantries(lowered):  # "thanks, have a good night!" rates no film called The Night
        return Classified("smalltalk")
    if UNDO.match(lowered):
        return Classified("undo")
    if has_previous and (chosen := chosen_pick(lowered, _ordinal)) is not None:  # "perfect, the third one"
        return Classified("interested", ordinal=chosen)
    if has_previous and picks_rejected(lowered):  # "these suck": other films, and no verdict on films not seen
        return Classified("more")
    if not SEEN.search(lowered) and (place := pick_asked_about(lowered, _ordinal)) is not None:
        return Classified("facts", ordinal=place, facts=("about",))  # "the second one?": that film, in brief
    if not _ASKS.search(asked_politely(lowered)) and (unrated := unrated_in(text, lowered, lookup, _ordinal)):
        return Classified("unrated", ordinal=unrated.ordinal, titles=unrated.titles)  # "forget my rating for heat"
    if not _ASKS.search(asked_politely(lowered)) and (unseen := unwatched_in(text, lowered, lookup, _ordinal)):
        return Classified("unwatched", ordinal=unseen.ordinal, titles=unseen.titles)
    if _WHY.search(lowered):
        return Classified("why", ordinal=ordinal, titles=_why_titles(text, lowered, lookup))
    if series := series_asked(lowered, lookup):  # "the dark knight sequels", "what comes after alien?": no theme
        return Classified(
            "facts", facts=(series[0],), ordinal=None if series[1] else ordinal, **film_or_unknown(series[1])
        )
    if fact := _fact_question(text, lowered, lookup, ordinal, has_previous):
        return fact
    understood = understood or understand(text, lookup)
    if listed := rated_seen_list(text, lookup, has_previous=has_previous):  # "seen heat, totoro and 3": each item
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
    if plan := interest_in(text, lowered, lookup, _ordinal):  # "#6 looks fun, seen #7 too": no verdict on #6
        said = understand(plan.text, lookup)
        feedback = _feedback(plan.text, plan.lowered, said, lookup, _ordinal(plan.lowered))
        if feedback is None and not asks:  # "never heard of Dracula Untold (2014) that sounds good": that film
            named = understood.like_titles if plan.ordinal is None and len(understood.like_titles) == 1 else []
            return Classified("interested", ordinal=plan.ordinal, titles=plan.titles or named)
        if feedback and not (feedback.titles or feedback.positions or feedback.every) and feedback.ordinal is None:
            feedback = dataclasses.replace(feedback, ordinal=plan.ordinal, titles=plan.titles)  # "looks great, seen it"
    else:
        feedback = _feedback(text, lowered, understood, lookup, ordinal)
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
    if not asks and feedback and not (has_filters(understood, titles=False) and _asks_apart(text, lookup)):
        return feedback  # "I've seen Heat. Thrillers from the 90s please" asks too (and Heat is noted in passing)
    if not asks and feedback is None and thanked_for(lowered) and understood.like_titles:  # no wish for more
        return Classified("interested", titles=list(understood.like_titles))
    if not asks and feedback is None and (unseen := said_unseen(text, lowered, understood)):  # "I never saw Heat"
        return Classified("unseen", titles=unseen[0], unknown=unseen[1])
    more = _MORE.search(lowered) or _LIKE_A_PICK.search(lowered)
    if has_previous and more and not has_filters(understood) and not understood.like_titles:
        return Classified("more", ordinal=reference_ordinal(lowered), feedback=feedback)
    if has_previous and _refines(lowered, understood):  # "like the second one but from the 2010s"
        return Classified("refine", ordinal=reference_ordinal(lowered), feedback=on_picks(feedback, has_previous))
    if not asks and not has_filters(understood) and not understood.like_titles and _chatter(words):
        return Classified("smalltalk")
    if feedback and feedback.intent == "liked" and feedback.titles and feedback.titles == understood.like_titles:
        return Classified("recommend", feedback=feedback)  # "heat was great, more like that": kept, and the reference
    return Classified("recommend", feedback=on_picks(feedback, has_previous))  # "hated #1, any 80s ones?"


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
    return any(_describes_films(clause, lookup) for clause in _CLAUSE.split(text))


_CLAUSE = re.compile(r",\s*|\s+but\s+")
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


def _ordinal(lowered: str) -> int | None:
    m = _ORDINAL.search(lowered)
    if m is None:
        return None
    if m["word"]:
        return _ORDINAL_WORDS[" ".join(m["word"].replace("-", " ").split())]
    number = int(m["hash"] or m["num"] or m["nth"])
    return number - 1 if number >= 1 else None


def reference_ordinal(lowered: str) -> int | None:
    """ "More like the second one" points at a suggestion; "seen the first, what else" does not."""
    m = _LIKE_WHICH.search(lowered)
    return _ordinal(lowered[m.end() :]) if m else None


def _fact_question(
    text: str, lowered: str, lookup: CatalogLookup, ordinal: int | None, has_previous: bool
) -> Classified | None:
    """A question about a film: the pick it points at ("the third one", "it") or a film it names."""
    if _HOW_MANY.search(lowered):  # "how many Kubrick films do you have?": the catalog's count
        return Classified("facts", facts=("count",))
    if _REPEAT.search(lowered):  # "what did you just recommend?", "can you repeat the list?"
        return Classified("facts", every=True, facts=("list",))
    if has_previous and (word := superlative_asked(lowered)):  # "which of these is the shortest?"
        return Classified("facts", every=True, facts=(word,))
    if compared := films_compared(lowered, lookup):  # "is pulp fiction better than heat?": their ratings
        return Classified("facts", titles=[m.movie_id for m in compared[0]], facts=(compared[1],))
    if among := _among_the_picks(text, lowered, lookup):  # "was heat in any of those?" asks for no film
        return among
    if _WANTS_PICKS.search(lowered.replace("any good", "good")):  # "is it any good?" wants no picks
        return None
    facts: list[Fact] = []
    found: list[TitleMatch] = []
    asked_about = None  # where the film asked about is named
    for fact, pattern in FACT_QUESTIONS:
        if m := pattern.search(lowered):
            facts.append(fact)
            if not found and ordinal is None:
                asked_about = m.end() if asked_about is None else asked_about
                # "what did I think of alien?": what follows asks of a film, not of the theme
                found = judged_titles_after(text, m.end(), lookup, exact=True, named=fact == "mine")[0]
    if not facts:
        return None
    if not found and (named := _NAMED_FIRST.search(lowered)):  # the film named wins over a "first" in it
        found = titles_after(text, named.end(), lookup, exact=True)  # "What about Heat? Is that any good?"
    if not found and ordinal is None and (opened := film_named_first(text, lookup)):  # "inception, who's in it?"
        found = [opened]
    if found:
        missing = other_year(text, found[0], lookup)
        return Classified("facts", titles=[t.movie_id for t in found], facts=tuple(facts),
                          unknown=(missing,) if missing else ())  # fmt: skip
    if has_previous and (ordinal is not None or _QUESTION_REFERENT.search(lowered)):
        return Classified("facts", ordinal=ordinal, facts=tuple(facts))
    typed = _typed_title(text, asked_about, lookup) if asked_about is not None else None
    if typed and (match := lookup.resolve_title(typed)) is not None and match.score >= TITLE_MATCH_SCORE:
        return Classified("facts", titles=[match.movie_id], facts=tuple(facts))  # "how long is godfather part 2"
    return Classified("facts", facts=tuple(facts), unknown=(typed,)) if typed else None


def _among_the_picks(text: str, lowered: str, lookup: CatalogLookup) -> Classified | None:
    """ "Was heat in any of those?", "did you suggest the godfather?": whether a film the catalog
    has, named whole, was among the picks given; not when no such film is named ("did you suggest any comedies?")."""
    if (asked := AMONG_THE_PICKS.search(lowered)) is None:
        return None
    said = AMONG_TAIL.sub("", text) if len(text) == len(lowered) else AMONG_TAIL.sub("", lowered)
    found = titles_after(said, asked.end(), lookup, exact=True)
    typed = said[asked.end() :].strip(" ?!.\"'")
    match = None if found or not typed else lookup.resolve_title(typed)  # "the usual suspects", a phrase too
    whole, words = match is not None and same_title(typed, match.title), list(tokens_of(typed))
    if match is not None and (whole or match.score >= 100) and (not explained(words) or (whole and len(words) > 1)):
        found = [match]  # "did you suggest horror?" names no film called #Horror
    return Classified("facts", titles=[m.movie_id for m in found], facts=("among",)) if found else None


_NAMED_FIRST = re.compile(r"\b(?:what|how) about\b|\bheard of\b|\bthoughts on\b")


def _typed_title(text: str, start: int, lookup: CatalogLookup) -> str | None:
    """What a question names that no catalog title matched ("who directed Oppenheimer?"), if it
    reads as a title at all: not "it", not a kind of film ("do you have any horror?")."""
    typed = Scan(text).original[start:]  # as cased as it was typed, at the offsets of the lowered text
    typed = re.split(r"[?!.]", typed, maxsplit=1)[0]
    typed = _ASKED_TAIL.sub("", _IN_THE_COLLECTION.sub("", typed)).strip(" \"'“”‘’,")
    typed = with_title_year(typed, text)  # "Zorblax (2016)": its year is the film's, not a filter
    typed = re.sub(r"^(?:the (?:movie|film)|(?:a )?(?:movie|film)) (?:called |named )?", "", typed, flags=re.I)
    words = typed.split()
    if not words or len(words) > 8 or _REFERENT.search(typed.lower()) or _ORDINAL.search(typed.lower()):
        return None
    if typed.lower() in _NO_FILM:  # "who made you?", "tell me about the director"
        return None
    understood = understand(typed, lookup)
    if has_filters(understood) or understood.min_rating or understood.year_min or understood.count:
        return typed if well_known_title(typed, lookup) else None  # "is alien scary?" asks of Alien
    return typed


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
    plain = plain or (ordinal is not None and judged_by_place(lowered))  # "the first one was great, any newer?"
    judged = titles_blanked(lowered, [*understood.like_titles, *understood.exclude_titles], lookup)
    verdict = next(
        (
            (m, intent, stars)
            for pattern, intent, stars, adjective in SENTIMENTS
            if plain or not adjective
            for m in pattern.finditer(judged)
            if _users_own(judged, m, intent)
        ),
        None,
    )
    # "I used to like Saw (2003) movies": the title, not the verb; "I saw Saw" still says seen
    seen = None if NOT_SEEN.search(lowered) else SEEN.search(judged) or _seen_twice(lowered)
    anchor = verdict[0] if verdict else seen
    titles = outside_stars(understood.like_titles, lowered, lookup)
    titles += [t for t in understood.exclude_titles if t not in titles]
    if not titles and not of_a_genre(lowered, anchor) and (anchor is not None or rating is not None):
        titles = outside_stars(named_titles(text, lowered, anchor, lookup), lowered, lookup)  # not Three
    titles = films_judged(text, lowered, anchor, titles, lookup)  # "heat slaps", not Never Again by "never again"
    refused_only = titles and set(titles) <= set(understood.exclude_titles) and not DISMISS.search(lowered)
    if refused_only and (understood.genres or understood.any_genres):
        return None  # "sci-fi, but not a fan of Star Wars": a request with a film refused, not "not heat again"
    every = not titles and ordinal is None and bool(_EVERY.search(lowered))
    # "that" of a relative clause points at no film: "I love movies that make you think"
    has_referent = (bool(titles) or ordinal is not None or every
                    or bool(_REFERENT.search(_RELATIVE_THAT.sub(r"\1", _GROUP_MEMBERS.sub(" ", lowered)))))  # fmt: skip
    dismissal = DISMISS.search(lowered)
    if dismissal and not SEEN.search(lowered):  # "not interested in titanic, any comedies?": Titanic
        named = dismissed_titles(text, lowered, dismissal, understood, titles, lookup)
        if named or (named is not None and (ordinal is not None or every or _THAT_FILM.search(lowered))):
            return Classified("dismissed", ordinal=ordinal, titles=named, every=every)
    if verdict is not None and (mixed := mixed_verdicts(text, lowered, titles, lookup, _ordinal)):
        return Classified(next(iter(mixed.values()))[0], titles=[t for t in mixed if isinstance(t, str)],
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
    if seen is not None and has_referent:
        return Classified(seen_intent(lowered, seen.start()), ordinal=ordinal, titles=titles, every=every)
    if verdict is not None and not titles and understood.unknown_titles and not has_filters(understood):
        return Classified(verdict[1], unknown=tuple(understood.unknown_titles))  # "Girls Trip (2017) was great"
    if anchor is not None and rating is None and (typed := _typed_title(text, anchor.end(), lookup)):
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


def _chatter(words: list[str]) -> bool:
    return all(w in SMALLTALK for w in words) or words[0] in GREETINGS


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

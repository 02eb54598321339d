"""Pass 3b: surnames said alone ("something by Kubrick", "Spielberg movies from the 80s"), read as the
one prominent person who carries them here, or said to be several people's (store.surnames)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from agent.prose import prose_list
from agent.understanding.meaning import extend_unique, taken_to_mean
from agent.understanding.numbers import bounds_in_time
from agent.understanding.people import DUO_NAMES, closest_person
from agent.understanding.phrases import MAX_PHRASE, PHRASEBOOK
from agent.understanding.request import Understood
from agent.understanding.role_cues import cued_role, said_by
from agent.understanding.text import STOPWORDS, Scan, Tok, word_set
from store.movie import ascii_fold
from store.surnames import PARTICLES, SHARED_NAMED, Carrier, SharedSurname, Surname, dominates

# Surnames that are everyday words: said alone they need a capital, a place inside the sentence and
# a cue ("by Stone", "a Hill film"), since "stone cold", "black comedy" or "in the woods" mean no one.
COMMON_WORD_SURNAMES = word_set(
    """
    stone black lee wood woods hill king young white green brown gray grey hunt fox bell hall park rock
    cage law reed rose may long short day night moon price love gold star page pine frost bush moss
    bacon bean bird bloom brand bridges buck butler carpenter cook cooper crystal cube field fisher
    foster freeman gable hammer hand hardy heard house hunter lean lord miles moore murray powers
    rich fields banks case chase cross lane mills miller knight noble north west wells wise ward
    baker walker turner taylor marsh hope joy lake page rush sharp short sweet swift wall waters
    winter summers spring hart ball church craven glover pike ice candy woo
    gunn cash bates barber bishop bond dean duke earl fry grant hay holly jewel mars
    """
)
BEFORE_A_PERSON = word_set("by with starring featuring from directed director actor actress")
# "but no tarantino", "anything but Jackson": a refusal names a person only when the name ends there
# ("but not harry potter" refuses no Deborah Harry)
REFUSING = word_set("no not but except without")
AFTER_A_PERSON = word_set("film films movie movies flick flicks picture pictures classic classics joint")
# "a nolan thriller", "tarantino westerns", "a spielberg sci-fi": a kind of film after a name is a cue
# as "film" is ("a political thriller" names no one: no prominent person is surnamed Political)
_KIND_AFTER = AFTER_A_PERSON | word_set(
    "thriller thrillers western westerns comedy comedies drama dramas horror horrors musical musicals "
    "romance romances mystery mysteries fantasy documentary documentaries cartoon cartoons sci scifi "
    "epic epics noir biopic biopics satire satires romcom romcoms action adventure adventures war"
)
_SENTENCE_END = frozenset(".!?;:")
# "watch with megan", "movie night with leo", "a date with sarah": company, not a cast
_COMPANY = word_set("watch watching watched night date time go see hang chill out")


def in_company(toks: list[Tok], first: int) -> bool:
    """The name toks[first] starts is someone watching along ("to watch with leo tonight"), not a credit."""
    return first >= 2 and toks[first - 1].text == "with" and toks[first - 2].text in _COMPANY


# "spielberg instead", "only carell", "what about tarantino": a name with only the words that make a
# message a follow-up is a name said alone
_FOLLOW_UP_WORDS = word_set("instead only just then now please pls ok okay maybe rather perhaps what how about")


def said_alone(words: list[Tok], start: int, end: int) -> bool:
    """Whether text[start:end] is all the message says, but for the words of a follow-up."""
    return all(start <= w.start < end or w.text in _FOLLOW_UP_WORDS for w in words)


_JOINING = word_set("or and either")


def _among_names(words: list[Tok], toks: list[Tok], first: int, scan: Scan, *surnames: Mapping[str, object]) -> bool:
    """Whether the surname is one of several said alone ("spielberg or nolan", "fincher or scott", where
    several carry Scott) or joined to a person just named ("directed by nolan or fincher"), and so is
    said as a person as the others are."""
    if first >= 2 and toks[first - 1].text in _JOINING and any(end == toks[first - 2].end for _, end in scan.named):
        return True
    said = [w for w in words if w.text not in _JOINING and w.text not in _FOLLOW_UP_WORDS]
    return (
        len(said) >= 2
        and len(said) < len(words)
        and all(any(ascii_fold(w.text) in index for index in surnames) for w in said)
    )


def read_surnames(
    scan: Scan,
    surnames: Mapping[str, Surname],
    out: Understood,
    people: Mapping[str, str] | None = None,
    shared: Mapping[str, SharedSurname] | None = None,
) -> None:
    """A surname alone names the one prominent person who carries it in the catalog (store.surnames);
    everyday words among them ("Stone", "Hill") need capitalisation, position and a cue. One that
    several could be meant by ("Washington movies") is said to be, with who they are."""
    if not surnames:
        return
    toks = scan.tokens()
    words = [t for t in toks if t.is_word]
    for i, tok in enumerate(toks):
        if not tok.is_word:
            continue
        possessive = tok.text.endswith("'s")
        key = ascii_fold(tok.text[:-2] if possessive else tok.text)
        before = toks[i - 1].text if i > 0 and toks[i - 1].is_word else ""
        pair = f"{before} {key}" if before else ""
        if before in PARTICLES and pair not in surnames and f"{before}{key}" in surnames:
            pair = f"{before}{key}"  # "di caprio movies": DiCaprio's surname typed as two words
        found = surnames.get(pair) or surnames.get(key)
        first = i - 1 if pair in surnames else i  # "with de niro": the cue comes before the particle
        if found is None and shared:
            # "by del Toro": the particle is part of the surname several people carry
            said_from, said = (i - 1, pair) if pair in shared else (i, key)
            alone = said_alone(words, toks[said_from].start, tok.end)
            among = _among_names(words, toks, said_from, scan, surnames, shared)  # "fincher or scott"
            _say_whose(scan, toks, i, said, shared, out, possessive=possessive, alone=alone or among,
                       among=among, first=said_from)  # fmt: skip
            continue
        if found is not None and _short_first_name(toks, i + 1, surnames):
            continue  # "leo dicaprio": "leo" is his first name, not Melissa Leo
        if found is not None and people and _someone_else_misspelt(toks, i, found, people):
            continue  # "jim carey movies" is Jim Carrey misspelt, not Mariah Carey
        if found is not None and first == i and _short_first_name(toks, i, surnames):
            first = i - 1  # "with leo dicaprio": him, by the short form of his first name
        elif found is None or not _said_as_a_person(scan, toks, i, key, found, possessive,
                                                    said_alone(words, toks[first].start, tok.end)
                                                    or _among_names(words, toks, first, scan, surnames,
                                                                    shared or {}),
                                                    first=first):  # fmt: skip
            continue
        if len(found.carriers) > 1:  # "something by Mann": Leslie Mann acts, Michael Mann directs
            _name_a_carrier(scan, toks, first, i, key, found.carriers, out)
        else:
            _take(scan, toks, first, i, found.name, out)


def _take(scan: Scan, toks: list[Tok], first: int, i: int, name: str, out: Understood) -> None:
    """toks[first:i + 1], the surname as said, names `name`."""
    start, end = toks[first].start, toks[i].end
    extend_unique(out.people, [name])
    scan.take(start, end)
    scan.named[start, end] = name


WHOSE_SURNAME = '"{said}" could be {names}; if you meant one of them, say the whole name and I\'ll go by it.'
_WHOSE_TAIL = WHOSE_SURNAME.split("{names}")[1]


def asked_whose(caveats: list[str]) -> bool:
    """Whether a surname several people carry was read ("del toro"): a name was found, if not whose."""
    return any(caveat.endswith(_WHOSE_TAIL) for caveat in caveats)


def _say_whose(scan: Scan, toks: list[Tok], i: int, key: str, shared: Mapping[str, SharedSurname],
               out: Understood, *, possessive: bool, alone: bool, first: int, among: bool = False) -> None:  # fmt: skip
    """A surname said of a person that several people here carry: a caveat naming them, and no one
    chosen (the word stays in the search), unless the role asked settles it ("directed by del toro" is
    Guillermo, "with del toro" Benicio). toks[first:i + 1] is the surname as said ("del toro")."""
    carriers = shared.get(key)
    if carriers is None or any(name in out.people or name in out.exclude_people for name in carriers.names):
        return
    before = toks[first - 1].text if first > 0 else ""
    after = toks[i + 1].text if i + 1 < len(toks) else ""
    refused = before in REFUSING and (i + 1 >= len(toks) or not toks[i + 1].is_word)  # "anything but Jackson"
    cued = possessive or before in BEFORE_A_PERSON or after in _KIND_AFTER or refused or among  # not "in Washington"
    cued = cued or (not carriers.common_word and _dated_after(scan, toks, i, before))  # "Washington from the 90s"
    if not cued or not _said_as_a_person(scan, toks, i, key, Surname(carriers.names[0], carriers.common_word),
                                         possessive, alone, first=first):  # fmt: skip
        return
    names = list(carriers.names)
    if {ascii_fold(name).casefold() for name in names[:2]} in DUO_NAMES:  # "a Coen film": the brothers'
        _take(scan, toks, first, i, names[0], out)
        return
    if carriers.carriers:
        _name_a_carrier(scan, toks, first, i, key, carriers.carriers, out)
    else:
        said = " ".join(word.capitalize() for word in key.split())
        extend_unique(out.caveats, [WHOSE_SURNAME.format(said=said, names=prose_list(names, "or"))])


# "by" asks for a director, but loosely ("a movie by Tom Hanks"): the one carrier who directs is taken
# over a better-known actor only when well known too, as "by Mann" is Michael Mann's, not Leslie Mann's
PROMINENT_SHARE = 10  # a carrier with a tenth of the votes of the best-known one is someone the name may mean
_ROLE_MIN_FILMS = 2  # credited so on this many films to be someone who directs (or acts) here


def _name_a_carrier(scan: Scan, toks: list[Tok], first: int, i: int, key: str, carriers: tuple[Carrier, ...],
                    out: Understood) -> None:  # fmt: skip
    """The surname toks[first:i + 1] several people here carry names the one the words around it
    mean: the one credited in the role asked ("by del toro", "with del toro"), else the one who clearly
    dominates (twice the films and votes of each other). The answer says whom it took and whom else
    it could have meant; when no one is clear, it names them and takes no one."""
    before = scan.lowered[: toks[first].start]
    strict = cued_role(before) if not _WITH.search(before) else None  # "directed by", "starring"
    role = strict or cued_role(before) or ("directing" if said_by(before) else None)
    chosen, pool = choose_carrier(carriers, role)
    if chosen is None:
        said = " ".join(word.capitalize() for word in key.split())
        names = [c.name for c in pool[:SHARED_NAMED]]
        extend_unique(out.caveats, [WHOSE_SURNAME.format(said=said, names=prose_list(names, "or"))])
        return
    _take(scan, toks, first, i, chosen.name, out)
    # the others it could have meant, if well known: those the role leaves in ("by Coppola": Sofia
    # Coppola too), and after a loose cue or none, anyone ("with Jackson": Peter Jackson)
    top = max(carriers, key=lambda c: c.votes)
    others = [c for c in (pool if strict else carriers) if c is not chosen and _prominent(c, top)]
    others.sort(key=lambda c: c.votes, reverse=True)
    typed = scan.original[toks[first].start : toks[i].end].removesuffix("'s")  # "Mann's films": "Mann"
    if others:
        names = prose_list([c.name for c in others[:2]], "or")
        extend_unique(out.caveats, [OTHERS_TOO.format(typed=typed, name=chosen.name, others=names)])
    elif chosen is not choose_carrier(carriers, None)[0]:  # "directed by del toro": the role settled it
        extend_unique(out.caveats, [taken_to_mean(typed, chosen.name)])


_WITH = re.compile(r"\bwith[ ,:]*$")  # "something with Tarantino" may mean his films, as a bare "by" may


OTHERS_TOO = 'I took "{typed}" to mean {name}; for {others}, say the whole name.'


def _prominent(carrier: Carrier, top: Carrier) -> bool:
    return carrier.votes * PROMINENT_SHARE >= top.votes


def choose_carrier(carriers: tuple[Carrier, ...], role: str | None) -> tuple[Carrier | None, list[Carrier]]:
    """(the one of `carriers` a surname means in `role`, or None; the ones it could mean). In a role,
    those credited in it who are well known are the choice, the most credited so first; no one
    credited in it leaves them all ("movies by Hanks" are Tom Hanks's in any role)."""
    top = max(carriers, key=lambda c: c.votes)
    pool = list(carriers)
    if role:
        in_role = [c for c in carriers if c.credited(role) >= _ROLE_MIN_FILMS and _prominent(c, top)]
        if in_role:
            pool = sorted(in_role, key=lambda c: (c.credited(role), c.votes), reverse=True)
        else:
            role = None
    if len(pool) == 1 or all(dominates(pool[0], other, role) for other in pool[1:]):
        return pool[0], pool
    return None, pool


def _first_name_of(scan: Scan, toks: list[Tok], i: int) -> bool:
    """A capitalised word after it, in the same run of words, that is no function word."""
    if i + 1 >= len(toks) or not toks[i + 1].is_word or scan.text[toks[i].end : toks[i + 1].start] != " ":
        return False
    after = toks[i + 1]
    named = after.text[:1].isalpha()  # "Scorsese 90s": a decade is no one's surname
    return named and scan.capitalised(after) and after.text not in STOPWORDS and after.text not in AFTER_A_PERSON


def _another_first_name(scan: Scan, toks: list[Tok], i: int, key: str, surname: Surname) -> bool:
    """A capitalised name right before the surname, in the same run of words, that is not this
    person's first name nor a short form of it (and not capitalised only for opening the sentence)."""
    if i < 1 or not toks[i - 1].is_word or scan.text[toks[i - 1].end : toks[i].start] != " ":
        return False
    before = toks[i - 1]
    opens_sentence = i == 1 or toks[i - 2].text in _SENTENCE_END
    name = ascii_fold(surname.name).casefold()
    own = name.split()[0]
    return (
        before.text.isalpha()  # "8 Hitchcock films" names him
        and scan.capitalised(before)
        and not opens_sentence
        and not name.endswith(f"{ascii_fold(before.text).casefold()} {key}")  # "De Niro" is his
        and before.text not in STOPWORDS
        and before.text not in BEFORE_A_PERSON
        and ascii_fold(before.text).casefold() not in PARTICLES  # "Di Caprio", "De Niro"
        and ascii_fold(before.text).casefold()[:3] != own[:3]  # "Angie Jolie", "Leo DiCaprio": her, him
    )


def _someone_else_misspelt(toks: list[Tok], i: int, found: Surname, people: Mapping[str, str]) -> bool:
    """A first name right before the surname that, with it, is a letter or two from another person's
    full name ("jim carey": Jim Carrey), so the misspelling reader names that person instead."""
    if i < 1 or not toks[i - 1].is_word or toks[i - 1].end + 1 != toks[i].start:
        return False
    first = ascii_fold(toks[i - 1].text).casefold()
    if first in STOPWORDS or first in BEFORE_A_PERSON or len(first) < 2:
        return False
    pair = f"{first} {ascii_fold(toks[i].text).casefold()}"
    if pair in people:
        return False
    near = closest_person(pair, people)
    return near is not None and near != found.name


def _short_first_name(toks: list[Tok], i: int, surnames: Mapping[str, Surname]) -> bool:
    """The word before toks[i], in the same run of words, is the first name or a short form of it
    ("leo", "sam", "arnie") of the prominent person whose surname toks[i] is."""
    if not 0 < i < len(toks) or not toks[i].is_word or not toks[i - 1].is_word or toks[i - 1].end + 1 != toks[i].start:
        return False
    surname, said = surnames.get(ascii_fold(toks[i].text)), ascii_fold(toks[i - 1].text).casefold()
    if surname is None or len(said) < 3 or " " not in surname.name:
        return False
    return ascii_fold(surname.name).casefold().split()[0][:3] == said[:3]


# "set in Washington in the 90s", "about Jackson in the 60s": a place, dated
_PLACING = word_set("in at about to near around of into across through inside outside")


def _dated_after(scan: Scan, toks: list[Tok], i: int, before: str) -> bool:
    """Years right after the surname ("Spielberg from the 80s"), which say it is someone's films
    unless a word before it makes it a place."""
    return before not in _PLACING and bounds_in_time(scan.text, toks[i].end)


def _said_as_a_person(scan: Scan, toks: list[Tok], i: int, key: str, surname: Surname, possessive: bool,
                      alone: bool, *, first: int) -> bool:  # fmt: skip
    if in_company(toks, first):
        return False  # "a drama to watch with leo tonight" is no Melissa Leo film
    before = toks[first - 1].text if first > 0 else ""
    after = toks[i + 1].text if i + 1 < len(toks) else ""
    name_ends = i + 1 >= len(toks) or not toks[i + 1].is_word or after in STOPWORDS
    # "Kurosawa films", "a nolan thriller", and with a kind of film between: "de niro crime movies",
    # "kurosawa samurai films"
    films_after = after in _KIND_AFTER or (i + 2 < len(toks) and toks[i + 2].text in AFTER_A_PERSON)
    earlier = toks[first - 2].text if first >= 2 else ""
    refusing = before in REFUSING or (before == "more" and earlier in REFUSING)
    both = before in ("both", "either") and earlier in BEFORE_A_PERSON  # "with both pacino and de niro"
    cued = possessive or before in BEFORE_A_PERSON or both or films_after or (refusing and name_ends)  # "no more nolan"
    capital = scan.has_case and scan.capitalised(toks[i])
    opens_sentence = first == 0 or before in _SENTENCE_END
    common = surname.common_word or key in COMMON_WORD_SURNAMES or key in STOPWORDS or (key,) in PHRASEBOOK
    # "Spielberg from the 80s", "nolan after 2010": years right after a name only a person carries are
    # that person's films then; "Stone from the 80s" stays a word, as "stone" may mean a thing
    cued = cued or (not common and _dated_after(scan, toks, i, before))
    if capital and not possessive and _first_name_of(scan, toks, i):
        return False  # "Nicholas Cage": the name is someone else's first name
    if capital and _another_first_name(scan, toks, i, key, surname):
        return False  # "Jason Segal" is not Peter Segal, "Stefania Owen" not Clive Owen
    if any(tuple(t.text for t in toks[i : i + n]) in PHRASEBOOK for n in range(2, MAX_PHRASE + 1)):
        return False  # "nothing from warner bros" refuses the studio, not David Warner
    place = PHRASEBOOK.get((key,))
    if place is not None and (place.countries or place.languages) and not possessive:
        return False  # "a film from France" is French, not Cécile de France's
    if common:
        return capital and cued and not opens_sentence
    return alone or cued or (capital and not opens_sentence)

"""Pass 2: people, by full name, from the catalog's people index."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from rapidfuzz import process
from rapidfuzz.distance import OSA

from agent.prose import prose_list
from agent.understanding.meaning import extend_unique, taken_to_mean
from agent.understanding.numbers import bounds_in_time
from agent.understanding.phrases import MAX_PHRASE, PHRASEBOOK
from agent.understanding.request import Understood
from agent.understanding.role_cues import cued_role
from agent.understanding.text import GAP, STOPWORDS, Scan, Tok, sentence_span, word_set
from store.movie import ascii_fold
from store.surnames import PARTICLES, SHARED_NAMED, SharedSurname, Surname

# --- pass 2: people ----------------------------------------------------------------------------

_NAME_SPAN = re.compile(r"[^\W\d_]+(?:[ .'-]+[^\W\d_]+)*\.?")


_FOLDED_CACHE: dict[int, tuple[Mapping[str, str], dict[str, str]]] = {}


class People:
    """The catalog's people index, also reachable without accents ("penelope cruz").

    The accent-free aliases are built once per index object (one pass over its names), not
    per request; an index the catalog rebuilds is a new object and gets new aliases.
    """

    def __init__(self, index: Mapping[str, str]):
        self.index = index
        cached = _FOLDED_CACHE.get(id(index))
        if cached is None or cached[0] is not index:
            aliases: dict[str, str] = {}
            for key, name in index.items():
                # a name in another script folds to nothing, which would be every such name
                if not key.isascii() and _has_letters(folded := ascii_fold(key)):
                    aliases.setdefault(folded, name)
            if len(_FOLDED_CACHE) >= 8:
                _FOLDED_CACHE.clear()
            cached = _FOLDED_CACHE[id(index)] = (index, aliases)
        self.aliases = cached[1]

    def get(self, key: str) -> str | None:
        key = key[:-2] if key.endswith("'s") else key
        if (duo := _DUOS.get(key.casefold().removeprefix("the "))) is not None:  # "the Coen brothers"
            return next((self.index[n] for n in duo if n in self.index), None)
        name = self.index.get(key) or self.aliases.get(key)
        if name is None and (joined := _PARTICLE_APART.sub(r"\1", key)) != key:  # "leonardo di caprio"
            name = self.index.get(joined) or self.aliases.get(joined)
        if name is None and not key.isascii():
            folded = ascii_fold(key)
            name = self.index.get(key.casefold()) or (self.aliases.get(folded) if _has_letters(folded) else None)
        return name


_PARTICLE_APART = re.compile(rf"(?<= )({'|'.join(sorted(PARTICLES))}) (?=\w+$)", re.IGNORECASE)


# directing siblings named together, as the one of them every film of theirs credits
_DUOS = {
    alias: names
    for aliases, names in (
        (("coen brothers", "coens", "coen bros"), ("joel coen", "ethan coen")),
        (("wachowskis", "wachowski sisters", "wachowski brothers"), ("lana wachowski", "lilly wachowski")),
        (("russo brothers", "russos"), ("anthony russo", "joe russo")),
        (("safdie brothers", "safdies"), ("josh safdie", "benny safdie")),
        (("farrelly brothers", "farrellys"), ("peter farrelly", "bobby farrelly")),
        (("dardenne brothers", "dardennes"), ("jean-pierre dardenne", "luc dardenne")),
        (("duplass brothers", "duplasses"), ("jay duplass", "mark duplass")),
        (("hughes brothers",), ("albert hughes", "allen hughes")),
    )
    for alias in aliases
}

_DUO_NAMES = [set(names) for names in _DUOS.values()]


def _has_letters(text: str) -> bool:
    return any(c.isalnum() for c in text)


def read_people(scan: Scan, people: People, out: Understood) -> None:
    """Full names only: surnames alone ("Stone", "Black") collide with too many ordinary words."""
    toks = scan.tokens()
    i = 0
    while i < len(toks):
        for n in range(min(6, len(toks) - i), 1, -1):
            first, last = toks[i], toks[i + n - 1]
            if not (first.is_word and last.is_word):
                continue
            raw = scan.text[first.start : last.end]
            if not _NAME_SPAN.fullmatch(raw):
                continue
            name = people.get(" ".join(raw.split()))
            if name:
                extend_unique(out.people, [name])
                scan.take(first.start, last.end)
                scan.named[first.start, last.end] = name
                i += n
                break
        else:
            i += 1


# "Hacksaw Ridge (2016) by Mel Gibson", "Windtalkers, starring Nicolas Cage": a credit right after a
# film the reader already took (its span is GAP by then) says who made that film
_CREDIT_CUE = re.compile(
    r"(?:\b(?:directed|played|produced|written|made|done|acted) +by|\bby|\bwith|\bstarring|\bfeaturing)[ ,]*$"
)
_AFTER_A_TITLE = re.compile(rf"{GAP}[ ,()\d]*$")  # not \s: GAP itself is a whitespace character


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


_BETWEEN_NAMES = re.compile(r" *(?:,|&|and)? *")
_MOVIE_THEN_TITLE = re.compile(rf" +(?:movie|film|flick)s? *[-:,]? *{GAP}")
_LIKE_A_TITLE = re.compile(r" +(?:movie|film|flick)s? *[-:,]? *(?:like|as|such|similar|than)\b", re.IGNORECASE)


def _names_the_next_title(scan: Scan, end: int) -> bool:
    """A person followed, maybe through more names, by "movie" and a title read before: "the
    Bruce Willis movie Death Wish", both of "the Tom Cruise Nicole Kidman movie - Far and Away"."""
    spans = {start: stop for start, stop in scan.named}
    position = end
    for start in sorted(s for s in spans if s >= end):
        if not _BETWEEN_NAMES.fullmatch(scan.text[position:start]):
            break
        position = spans[start]
    # "Bruce Willis films like Die Hard" asks for him: "like" went with the title it cues; so does
    # "any Nolan film besides Inception", whose title was refused, and "after Inception", a year bound
    movie = _MOVIE_THEN_TITLE.match(scan.text, position)
    if movie is None or any(a <= movie.end() - 1 < b for a, b in (*scan.negated, *scan.aside)):
        return False
    return not _LIKE_A_TITLE.match(scan.original, position)


def soften_credits(scan: Scan, out: Understood) -> None:
    """Pass 3c, once every title is read: a person named only as the credit of a film named just
    before ("Lincoln (2012) directed by Steven Spielberg") or right after ("the Bruce Willis movie
    Death Wish") is said of that film, not asked for; after a person it is a second name ("a film
    by Spike Lee with Denzel Washington")."""
    ends = {end for _, end in scan.named}

    def said_of_a_film(start: int, end: int) -> bool:
        cue = _CREDIT_CUE.search(scan.text, 0, start)
        taken = cue and cue.end() == start and _AFTER_A_TITLE.search(scan.text, 0, cue.start())
        return bool(taken and taken.start() + 1 not in ends) or _names_the_next_title(scan, end)

    _lean_people_said(scan, out, said_of_a_film)


# "written by Charlie Kaufman", "scored by Hans Zimmer": credits the catalog does not record
_UNRECORDED_CREDIT = re.compile(
    r"\b(?:written|scripted|scored|composed|produced|penned|shot)\s+by\s*$"
    r"|\b(?:music|score|soundtrack|screenplay|script|cinematography)\s+(?:is\s+)?by\s*$"
)
UNRECORDED_CREDITS = "My catalog records only directors and leading actors, so I couldn't go by {names} for that."


def lean_unrecorded_credits(scan: Scan, out: Understood) -> None:
    """A person named as a writer, composer or producer is no credit the catalog can check: they
    lean the picks rather than filter them, and the answer says so."""
    leaned = []
    for (start, _), name in scan.named.items():
        if _UNRECORDED_CREDIT.search(scan.text, max(0, start - 30), start) and name in out.people:
            out.people.remove(name)
            extend_unique(out.soft_people, [name])
            leaned.append(name)
    if leaned and not out.caveats:  # "music by X" has said so already
        extend_unique(out.caveats, [UNRECORDED_CREDITS.format(names=" and ".join(leaned))])


def _lean_people_said(scan: Scan, out: Understood, said_of_the_film: Callable[[int, int], bool]) -> None:
    """The people every mention of whom is said of a film rather than asked for lean the ranking:
    "Al Pacino was great in Heat. I want more Al Pacino" still asks for him."""
    said, asked = set(), set()
    for (start, end), name in scan.named.items():
        (said if said_of_the_film(start, end) else asked).add(name)
    for name in said - asked:
        if name in out.people:
            out.people.remove(name)
            extend_unique(out.soft_people, [name])


# "Is Jim Carrey in that?", "Isn't that with Tom Hanks?", "Is that by Oliver Stone?": a question about
# the film being talked about names its credits; it asks for no one
_ABOUT_THE_FILM = re.compile(r"\b(?:that|it|this|the +one|those|them|they|these)\b")
_ASKS_FOR_MORE = re.compile(
    r"\b(?:any|anything|another|other|others|more|recommend|suggest|suggestions?|how +about|what +about|know +of"
    r"|is +there|are +there|like +(?:that|this|it))\b"
)


def about_the_film(scan: Scan, start: int, end: int) -> bool:
    """Whether text[start:end] sits in a question about the film being talked about ("Is it
    romantic at all?", "Is Jim Carrey in that?") rather than one asking for films."""
    opening, closing = sentence_span(scan.original, start, end)
    if scan.original[closing : closing + 1] != "?":
        return False
    sentence = scan.original[opening:closing].lower()
    return bool(_ABOUT_THE_FILM.search(sentence)) and not _ASKS_FOR_MORE.search(sentence)


# "Leo was looking pretty good in it", "Michael Bay has done a great job": the person as the subject
# of a remark, in a sentence that asks for nothing
_REMARK_AFTER = re.compile(r" +(?:was|is|has|had|did|does|played|plays|looked|looks|were|are)\b")
_ASKS_AT_ALL = re.compile(r"\b(?:want|looking +for|like +to +see|show +me|give +me|please|need)\b|\?")


# "Tony Jaa is great", "keanu is the best!!": praise of the person alone, a taste as "I love Tony Jaa" is
# and in slang ("tony jaa is the GOAT", "keanu is goated", "denzel is a legend"), never a film of that name
_PRAISED_ALONE = re.compile(
    r" +(?:is|'s|are)(?: +(?:so|really|just|pretty|truly|such|a|an|the|my|all-time|all +time|absolute|literally))*"
    r" +(?P<word>great|awesome|amazing|best|fantastic|brilliant|incredible|legendary|legend|underrated|fire|dope"
    r"|cool|good|favou?rite|fave?|king|queen|goat|goated|g\.o\.a\.t|greatest|man|boss|beast|icon|iconic|genius"
    r"|god|elite|peak|unmatched|top +tier|mvp)"
    r"(?: +(?:actor|actress|director|ever|imo|tbh|honestly|lol|lmao|fr|period|of +all +time))*[ !.]*$"
)


def set_aside_praise(scan: Scan) -> None:
    """ "tony jaa is the GOAT": the praise that follows a person a message opens with is no title
    (Goat, Legend, The King), so no later pass reads one there."""
    for start, end in list(scan.named):
        if not scan.text[:start].strip(" .!,") and (praise := _PRAISED_ALONE.match(scan.text, end)):
            scan.take(praise.start("word"), praise.end("word"), aside=True)


def remarked_on(scan: Scan, start: int, end: int) -> bool:
    if not _REMARK_AFTER.match(scan.text, end):
        return False
    if not scan.text[:start].strip(" .!,") and _PRAISED_ALONE.match(scan.lowered, end):  # its praise set aside
        return False
    opening, closing = sentence_span(scan.original, start, end)
    sentence = scan.original[opening : closing + 1].lower()
    return not _ASKS_FOR_MORE.search(sentence) and not _ASKS_AT_ALL.search(sentence)


def soften_credit_questions(scan: Scan, out: Understood) -> None:
    """Pass 3c': a person named in a question about the film at hand, or remarked on, leans the
    ranking and filters nothing."""
    _lean_people_said(scan, out, lambda start, end: about_the_film(scan, start, end) or remarked_on(scan, start, end))


# "nothing with Adam Sandler", "no Tom Cruise", "I'm not a fan of Kevin Hart", "I don't like Tom
# Cruise", "anything but Nolan": a refusal right before the name, in the same clause
_REFUSED_BEFORE = re.compile(
    r"(?:\b(?:no|nothing|none|not|never)(?: +more)?(?: +(?:of|with|by|starring|featuring|from))?"  # "no more nolan"
    r"|\bwithout|\banything +but|\bexcept(?: +for)?|\bother +than"
    r"|\b(?:don'?t|do +not|doesn'?t|didn'?t|never)(?: +really)? +(?:like|love|enjoy|want|care +for"
    r"|show +me|suggest|recommend|give +me)"
    r"(?: +(?:anything|movies|films|stuff)(?: +(?:with|by))?)?"
    r"|\b(?:hate[sd]?|dislike[sd]?|despise[sd]?|loathe[sd]?|(?:can'?t|cannot) +stand)"
    r"(?: +(?:anything|movies|films)(?: +(?:with|by))?)?"
    r"|\bnot +(?:really +)?(?:a +|much +of +a +|the +)?(?:big +|huge +|great +)?fan +of"
    r"|\b(?:sick|tired) +of) *$"
)
# "I'm not a big Spacey fan": the refusal wraps the name
_NOT_A_FAN = re.compile(r"\bnot +(?:a +|much +of +a +)?(?:big +|huge +|great +)?$")
_FAN_AFTER = re.compile(r" *fan\b")
_OR_ALSO = re.compile(r"[ .,;]*(?:or|nor)?[ .,;]*")  # "... not a Spacey fan. Or Kevin Hart.", "no Hanks or Ryan"
# "not tom hanks, tom cruise": the one name after the comma ends the message, and is wanted instead
# ("without brad pitt, morgan freeman" refuses both)
_INSTEAD_TO_END = re.compile(r"(?:\s*\b(?:instead|please|pls|plz|then|thanks)\b)*[\s.!?]*", re.IGNORECASE)


def refuse_people(scan: Scan, out: Understood) -> None:
    """Pass 3d: people the message refuses are excluded, never asked for; a name right after
    one refused ("Or Kevin Hart.") is refused too."""
    refused, last_end, first_cue = [], None, ""
    for (start, end), name in sorted(scan.named.items()):
        before = scan.text[:start]
        fan = _FAN_AFTER.match(scan.text, end)
        cue = _REFUSED_BEFORE.search(before)
        also = last_end is not None and _OR_ALSO.fullmatch(scan.text, last_end, start)
        instead = also and not also.group().strip(" .,;") and first_cue == "not"
        no = (
            bool(cue)
            or bool(_NOT_A_FAN.search(before) and fan)
            or bool(also and not (instead and _INSTEAD_TO_END.fullmatch(scan.text, end)))
        )
        first_cue = cue.group().strip().lower() if cue else first_cue if no else ""
        last_end = (fan.end() if fan else end) if no else None
        if no:
            refused.append(name)
            scan.take(cue.start() if cue else start, last_end, negated=True)  # "without" is no search word
    for name in refused:
        for said in (out.people, out.soft_people):
            if name in said:
                said.remove(name)
        extend_unique(out.exclude_people, [name])


# --- pass 3b: surnames alone ("something by Kubrick", "Spielberg movies from the 80s") -----------

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


def _among_names(words: list[Tok], toks: list[Tok], first: int, scan: Scan, surnames: Mapping[str, Surname]) -> bool:
    """Whether the surname is one of several said alone ("spielberg or nolan") or joined to a person
    just named ("directed by nolan or fincher"), and so is said as a person as the others are."""
    if first >= 2 and toks[first - 1].text in _JOINING and any(end == toks[first - 2].end for _, end in scan.named):
        return True
    said = [w for w in words if w.text not in _JOINING and w.text not in _FOLLOW_UP_WORDS]
    return len(said) >= 2 and len(said) < len(words) and all(ascii_fold(w.text) in surnames for w in said)


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
            _say_whose(scan, toks, i, said, shared, out, possessive=possessive, alone=alone, first=said_from)
            continue
        if found is not None and _short_first_name(toks, i + 1, surnames):
            continue  # "leo dicaprio": "leo" is his first name, not Melissa Leo
        if found is not None and people and _someone_else_misspelt(toks, i, found, people):
            continue  # "jim carey movies" is Jim Carrey misspelt, not Mariah Carey
        if found is not None and first == i and _short_first_name(toks, i, surnames):
            first = i - 1  # "with leo dicaprio": him, by the short form of his first name
        elif found is None or not _said_as_a_person(scan, toks, i, key, found, possessive,
                                                    said_alone(words, toks[first].start, tok.end)
                                                    or _among_names(words, toks, first, scan, surnames),
                                                    first=first):  # fmt: skip
            continue
        start = toks[first].start
        extend_unique(out.people, [found.name])
        scan.take(start, tok.end)
        scan.named[start, tok.end] = found.name


WHOSE_SURNAME = '"{said}" could be {names}; if you meant one of them, say the whole name and I\'ll go by it.'
_WHOSE_TAIL = WHOSE_SURNAME.split("{names}")[1]


def asked_whose(caveats: list[str]) -> bool:
    """Whether a surname several people carry was read ("del toro"): a name was found, if not whose."""
    return any(caveat.endswith(_WHOSE_TAIL) for caveat in caveats)


def _say_whose(scan: Scan, toks: list[Tok], i: int, key: str, shared: Mapping[str, SharedSurname],
               out: Understood, *, possessive: bool, alone: bool, first: int) -> None:  # fmt: skip
    """A surname said of a person that several people here carry: a caveat naming them, and no one
    chosen (the word stays in the search), unless the role asked settles it ("directed by del toro" is
    Guillermo, "with del toro" Benicio). toks[first:i + 1] is the surname as said ("del toro")."""
    carriers = shared.get(key)
    if carriers is None or any(name in out.people or name in out.exclude_people for name in carriers.names):
        return
    before = toks[first - 1].text if first > 0 else ""
    after = toks[i + 1].text if i + 1 < len(toks) else ""
    refused = before in REFUSING and (i + 1 >= len(toks) or not toks[i + 1].is_word)  # "anything but Jackson"
    cued = possessive or before in BEFORE_A_PERSON or after in _KIND_AFTER or refused  # not "set in Washington"
    cued = cued or (not carriers.common_word and _dated_after(scan, toks, i, before))  # "Washington from the 90s"
    if not cued or not _said_as_a_person(scan, toks, i, key, Surname(carriers.names[0], carriers.common_word),
                                         possessive, alone, first=first):  # fmt: skip
        return
    names = list(carriers.names)
    if {ascii_fold(name).casefold() for name in names[:2]} in _DUO_NAMES:  # "a Coen film": the brothers'
        extend_unique(out.people, [names[0]])
        scan.take(toks[first].start, toks[i].end)
        scan.named[toks[first].start, toks[i].end] = names[0]
        return
    said = " ".join(word.capitalize() for word in key.split())
    role = cued_role(scan.lowered[: toks[first].start])
    every = len(names) < SHARED_NAMED  # the list is cut at SHARED_NAMED: one more may be the one in that role
    if role and every and (chosen := _the_one_in_role(carriers, role)):
        extend_unique(out.people, [chosen])
        extend_unique(out.caveats, [taken_to_mean(scan.original[toks[first].start : toks[i].end], chosen)])
        scan.take(toks[first].start, toks[i].end)
        scan.named[toks[first].start, toks[i].end] = chosen
        return
    extend_unique(out.caveats, [WHOSE_SURNAME.format(said=said, names=prose_list(names, "or"))])


def _the_one_in_role(carriers: SharedSurname, role: str) -> str | None:
    """The one of the people carrying a surname credited mostly in `role` ("directing" or "acting"), as
    the catalog counted them once (store.surnames; every film was read each time); None when not one."""
    mostly = [name for name, credited in zip(carriers.names, carriers.roles, strict=False) if credited == role]
    return mostly[0] if len(mostly) == 1 else None


_BY_INITIAL: list[tuple[Mapping[str, str], dict[str, tuple[list[str], list[str]]]]] = []  # per people index


def closest_person(typed: str, people: Mapping[str, str]) -> str | None:
    """The one person, of everyone credited, whose full name is nearest `typed`, within reach."""
    buckets = next((b for index, b in _BY_INITIAL if index is people), None)
    if buckets is None:
        buckets = {}
        for key, name in people.items():
            if " " in key:
                folded = ascii_fold(key)
                keys, names = buckets.setdefault(folded[0], ([], []))
                keys.append(folded)
                names.append(name)
        _BY_INITIAL[:] = [*_BY_INITIAL[-3:], (people, buckets)]
    reach = 1 if len(typed) < 9 else 2
    keys, names = buckets.get(typed[0], ((), ()))
    hits: dict[int, set[str]] = {}  # the nearest wins: "jim carey" is Jim Carrey, not Jim Carter
    # one pass in C over the names of that initial (a loop in Python took 5-10 ms a message)
    for key, distance, index in process.extract(typed, keys, scorer=OSA.distance, score_cutoff=reach, limit=None):
        if _misspelt_alike(typed, key):
            hits.setdefault(int(distance), set()).add(names[index])
    nearest = hits[min(hits)] if hits else set()
    return nearest.pop() if len(nearest) == 1 else None


def _misspelt_alike(typed: str, key: str) -> bool:
    """A name typed wrong in both its words keeps both initials ("scarlet johanson"): "Mark Twain", a
    person the catalog lacks, is no misspelt Mack Swain."""
    said, name = typed.split(), key.split()
    if said[0] == name[0] or said[-1] == name[-1]:
        return True
    return said[0][0] == name[0][0] and said[-1][0] == name[-1][0]


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

"""Pass 2: people, by full name, from the catalog's people index."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from rapidfuzz import process
from rapidfuzz.distance import OSA

from agent.understanding.meaning import extend_unique
from agent.understanding.request import Understood
from agent.understanding.text import GAP, Scan, sentence_span
from store.movie import ascii_fold
from store.surnames import PARTICLES

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

DUO_NAMES = [set(names) for names in _DUOS.values()]


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

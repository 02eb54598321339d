"""How a span of a message is read as a title: where a title may start and end, how sure a match
must be after each kind of cue, and sequel numbers apart from stars. agent.understanding.message_titles
finds the spans ("like Se7en or Fight Club", "not Titanic", "Star Wars marathon tonight")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from agent.understanding.meaning import extend_unique
from agent.understanding.people import People
from agent.understanding.phrases import MAX_PHRASE, PHRASEBOOK
from agent.understanding.request import CatalogLookup
from agent.understanding.text import (
    GAP,
    HARD_STOPS,
    NUMBERISH,
    STOPWORDS,
    TITLE_CONNECTORS,
    TITLE_CONTINUES,
    TITLE_SEPARATORS,
    Scan,
    Tok,
    abbreviated,
    may_end_title_before,
    word_set,
)
from agent.understanding.title_cues import (
    BARE,
    STRONG,
)
from agent.understanding.title_years import nearest_of_title, year_apart
from agent.understanding.versions import same_title, typed_whole
from store.catalog import TitleMatch
from store.movie import PART_WORDS, TITLE_MATCH_SCORE, leading_article, number_value, same_sequel

BARE_TITLE_SCORE = 92.0  # an un-cued Title Cased phrase needs more confidence


MAX_TITLE_TOKENS = 10
MAX_TITLE_CANDIDATES = 5


# --- pass 1 and 3: titles ----------------------------------------------------------------------

NEGATING_TITLE_CUES = frozenset({("no",), ("not",)})
_LEADING_ARTICLES = frozenset({"a", "an", "some", "any"})
_FILLER_TAIL = word_set("movie movies film films flick flicks one ones stuff 's")
_AGAIN = word_set("again anymore")  # "not alien again": the film, which was shown
_KIND_OF_FILM = word_set("movie movies film films flick flicks stuff kind sort type style vibe vibes one ones")


@dataclass
class Candidate:
    start: int  # token index
    end: int  # token index, exclusive
    text: str  # as typed
    words: list[str]
    title_cased: bool
    goes_on: bool  # the text past it reads like more of a title ("Pride" and Prejudice)
    sequel: str = ""  # a sequel number typed right after it ("Frozen" 2, "Dune" Part Two)
    sequel_end: int = 0  # token index just past that number
    reach: tuple[int, int, int] = (0, 0, 0)  # where the title starts and ends, and its sequel number ends
    stars: bool = False  # that number may be stars instead ("rated Heat 4"): see TitleReader.best
    then: Tok | None = None  # the token after it (and its sequel number), None at the end

    @property
    def ends_a_phrase(self) -> bool:
        """Nothing after it makes it part of a longer phrase: "like alien", "alien, jaws" and "not alien
        again", not "alien movies" or "alien invasion"."""
        then = self.then
        return (then is None or not then.is_word or (then.text in STOPWORDS and then.text not in _KIND_OF_FILM)
                or then.text in _AGAIN)  # fmt: skip

    @property
    def numbers_only(self) -> bool:
        """ "Like 1917": digits carry no case, so after a strong cue they may still be a title."""
        return all(NUMBERISH.fullmatch(w) for w in self.words)

    @property
    def plain_words(self) -> bool:
        """Only stopwords or filter phrases ("a comedy", "scary movie", "the 90s")."""
        return all(w in STOPWORDS or NUMBERISH.fullmatch(w) for w in self.words) or explained(self.words)


_FILLER = word_set(
    "a an the some any something anything movie movies film films flick flicks one ones stuff "
    "in from of with by for and or to at on"
)


def explained(words: list[str]) -> bool:
    """Whether the phrasebook accounts for every word, as it does for filter talk but not titles."""
    i = 0
    while i < len(words):
        if words[i] in _FILLER or words[i] in STOPWORDS or NUMBERISH.fullmatch(words[i]):
            i += 1
            continue
        for n in range(min(MAX_PHRASE, len(words) - i), 0, -1):
            if tuple(words[i : i + n]) in PHRASEBOOK:
                i += n
                break
        else:
            return False
    return True


class _Pick(NamedTuple):
    match: TitleMatch
    cand: Candidate
    exact: bool  # the span is the title itself, not a near miss


class TitleReader:
    """Resolves candidate spans against the catalog, remembering answers within one message."""

    def __init__(self, scan: Scan, lookup: CatalogLookup, people: People):
        self.scan = scan
        self.lookup = lookup
        self.people = people
        self._cache: dict[str, TitleMatch | None] = {}
        self.missing: list[tuple[int, int, int]] = []  # "Frozen 2": a catalog title, a sequel it lacks
        self.taken_years: dict[str, str] = {}  # "Ghost (1998)" read as Ghost (1990): its id, the title typed
        self.years_lacked: list[str] = []  # "XXX (2016)" where the catalog has xXx (2002) only

    def candidate(self, toks: list[Tok], start: int, end: int, *, backward: bool = False) -> Candidate:
        span = toks[start:end]
        part = end - 1 if span[-1].text in PART_WORDS else end  # "Kill Bill Vol" . 2
        sequel_end = end if backward else max(end, self._sequel_end(toks, part))
        return Candidate(
            start=start,
            end=end,
            text=self.scan.original[span[0].start : span[-1].end],
            words=[t.text for t in span if t.is_word],
            title_cased=self.scan.title_cased(span),
            goes_on=self._goes_on_back(toks, start) if backward else self._goes_on(toks, end, 1),
            sequel=self.scan.original[toks[end].start : toks[sequel_end - 1].end] if sequel_end > end else "",
            sequel_end=sequel_end,
            reach=(span[0].start, span[-1].end, toks[sequel_end - 1].end),
            stars=(
                sequel_end == end + 1
                and toks[end].text in _STAR_DIGITS
                and not _graded(toks, sequel_end)
                and self._rated(toks, start)
            ),
            then=toks[sequel_end] if sequel_end < len(toks) and not backward else None,
        )

    @staticmethod
    def _rated(toks: list[Tok], start: int) -> bool:
        """Whether a rating verb governs the title that starts at toks[start] ("I rated Heat")."""
        k = start - 1
        while k >= 0 and toks[k].text in _BEFORE_RATED_TITLE:
            k -= 1
        return k >= 0 and toks[k].text in _RATING_VERBS

    def _sequel_end(self, toks: list[Tok], k: int) -> int:
        """Past the sequel number that starts at toks[k] ("2", "II", "Part 2", "Vol. 3"), or k.

        Not a year ("Heat 1995" is Heat), not stars or a count ("Heat 4 stars", "Heat 4/5",
        "Frozen 2 times"), and not a lone "I" ("like Heat I guess").
        """
        j = k
        named = j < len(toks) and toks[j].text in PART_WORDS
        if named:
            j += 2 if j + 1 < len(toks) and toks[j + 1].text == "." else 1
        if j >= len(toks) or (value := number_value(toks[j].text, named=named)) is None:
            return k
        word = toks[j].text
        lone_letter = len(word) == 1 and not word.isdigit()  # "V" may be Roman, "i" is the pronoun
        if not named and (value >= 100 or (lone_letter and (word == "i" or not self.scan.capitalised(toks[j])))):
            return k
        after = toks[j + 1] if j + 1 < len(toks) else None
        if after is not None and (after.text in _NOT_SEQUEL_AFTER or (after.text == "." and after.start == toks[j].end
                                                                      and j + 2 < len(toks)
                                                                      and toks[j + 2].text.isdigit())):  # fmt: skip
            return k
        return j + 1

    def _goes_on(self, toks: list[Tok], k: int, step: int) -> bool:
        if not 0 <= k < len(toks):
            return False
        text = toks[k].text
        if text in (",", ":"):  # "The Good, the Bad and the Ugly", but not "Titanic, something else"
            after = k + step
            return (
                0 <= after < len(toks)
                and toks[after].is_word
                and (self.scan.capitalised(toks[after]) or not self.scan.has_case or toks[after].text == "the")
            )
        return text in TITLE_CONTINUES or bool(NUMBERISH.fullmatch(text))

    @staticmethod
    def _goes_on_back(toks: list[Tok], start: int) -> bool:
        """ "mission impossible type": before "Impossible" the title may go on to "Mission: Impossible"."""
        before = toks[start - 1] if start > 0 else None
        return before is not None and (before.is_word or before.text in (":", "&")) and (
            before.text not in STOPWORDS or before.text in TITLE_CONNECTORS)  # fmt: skip

    def is_person(self, cand: Candidate) -> bool:
        words = cand.text.lower().split()
        while words and words[-1] in _FILLER_TAIL:
            words.pop()
        return len(words) >= 2 and self.people.get(" ".join(words)) is not None

    def resolve(self, cand: Candidate) -> TitleMatch | None:
        if cand.text not in self._cache:
            self._cache[cand.text] = self.lookup.resolve_title(cand.text)
        return self._cache[cand.text]

    def best(
        self, cands: list[Candidate], strength: str, *, named: bool = False
    ) -> tuple[TitleMatch, Candidate] | None:
        """The most convincing candidate: an exact title wins (the longest), then the best score.

        A number after a title is its sequel's ("loved Frozen 2" is no Frozen), except a 1-5 after
        a rating verb: "I rated Heat 4" rates Heat, for the catalog holds no "Heat 4"; "I rated
        Toy Story 3" names Toy Story 3, the longer exact title, since the catalog holds it.

        Candidates come shortest first; growth stops at an exact title unless the text goes on
        the way titles do ("Pride" and Prejudice), which keeps fuzzy catalog calls rare. With
        `named`, a well-known title that is also filter talk ("alien") is the film (see read_list).
        """
        accepted: list[_Pick] = []
        missed: Candidate | None = None
        dated = None  # a title typed with a year no film of that title has, nor one near it
        begun = False  # an exact title was found, and a longer one begins with it ("10", "10 things i hate...")
        for cand in cands:
            if not cand.words or self.is_person(cand):
                if cand.words:
                    return None  # "like Christopher Nolan films": a person, not a title
                continue
            if not _worth_resolving(cand, strength, named=named) and not (begun and self.lookup.titled(cand.text)):
                continue
            match = self.resolve(cand)
            if match is not None and (year := year_apart(self.scan, cand.then, match)):  # "Ghost (1998)"
                lacked = f"{cand.text} ({year})" if same_title(cand.text, match.title) else None
                match = nearest_of_title(self.lookup, cand.text, year, match, self.taken_years)
                dated = dated or (lacked if match is None else None)  # "XXX (2016)": not xXx (2002)
            if match is None or not _acceptable(cand, match, strength, named=named):
                continue
            if cand.sequel and not same_sequel(f"{cand.text} {cand.sequel}", match.title) and not cand.stars:
                missed = missed or cand  # "Frozen 2" is not Frozen, and not in the catalog either
                continue
            exact = typed_whole(cand.text, match)
            pick = _Pick(match, cand, exact)
            accepted.append(pick)
            if pick.exact and not cand.goes_on:
                if not self._longer_title_begun(cand, cands):
                    break
                begun = True
        if not accepted:
            extend_unique(self.years_lacked, [dated] if dated else [])
            if missed is not None and missed.reach not in self.missing:
                self.missing.append(missed.reach)
            return None
        exact = [p for p in accepted if p.exact]
        if exact:
            chosen = max(exact, key=lambda p: len(p.cand.words))
        else:
            chosen = max(accepted, key=lambda p: (p.match.score, -len(p.cand.words)))
        # "Heat 1995" names the same film as "Heat": take the year along rather than as a filter
        best_id, best_score = chosen.match.movie_id, chosen.match.score
        same = [p for p in accepted if p.match.movie_id == best_id and p.match.score >= best_score]
        chosen = max(same, key=lambda p: len(p.cand.words))
        return chosen.match, chosen.cand

    def _longer_title_begun(self, cand: Candidate, cands: list[Candidate]) -> bool:
        """A longer span from the same start begins a catalog title: "10" is a film, and so is "10
        Things I Hate About You", which a message naming the second goes on to type (a prefix lookup,
        no fuzzy scan)."""
        longer = [c for c in cands if c.start == cand.start and c.end > cand.end]
        return bool(longer) and bool(self.lookup.titled(longer[0].text))

    def read_list(self, toks: list[Tok], j: int, strength: str, *, named: bool = False) -> tuple[list[TitleMatch], int]:
        """Titles listed from toks[j] on ("Heat, Ronin or The Town"); also where the list ended.

        A well-known title that is also filter talk ("alien") is the film where the cue says a film
        follows (`named`: "movies like alien") or the list has a title that is nothing else ("alien,
        jaws and the shining"); such words alone stay filter talk ("i like alien and ghost stuff")."""
        found: list[TitleMatch] = []
        doubted = 0  # films of the list read only as films of a list
        start = j
        end = j
        while j < len(toks):
            cands = self.forward(toks, j)
            picked = self.best(cands, strength)
            listed = picked is None and (picked := self.best(cands, strength, named=True)) is not None
            if picked is None:
                # "like Frozen 2 or Heat": a sequel the catalog lacks is noted, and the list goes on
                missed = next((c for c in cands if c.reach in self.missing), None)
                if missed is None:
                    break
                end = j = missed.sequel_end
            else:
                match, cand = picked
                if match.movie_id not in [m.movie_id for m in found]:
                    found.append(match)
                    doubted += listed and not named
                end = j = cand.end
            while j < len(toks) and toks[j].text in TITLE_SEPARATORS:
                j += 1
            if j == end or j == len(toks) or not (self._may_start_title(toks[j]) or self._whole_title_at(toks, j)):
                break
        if found and doubted == len(found):
            return [], start
        return found, end

    def _whole_title_at(self, toks: list[Tok], j: int) -> bool:
        """ "loved heat and get out": a title opening with an everyday word goes on the list when the
        words up to the list's next break are that title, whole."""
        k = j
        while k < len(toks) and toks[k].is_word and toks[k].text not in TITLE_SEPARATORS | HARD_STOPS:
            k += 1
        typed = " ".join(t.text for t in toks[j:k])
        if not 1 < k - j <= MAX_TITLE_TOKENS or not self.lookup.titled(typed):  # cheap: no fuzzy lookup
            return False
        match = self.lookup.resolve_title(typed)
        return match is not None and same_title(typed, match.title)

    def _may_start_title(self, tok: Tok) -> bool:
        """After "Heat, ..." a list goes on with "Ronin" or "The Town", not with "something else"."""
        if not tok.is_word:
            return False
        return tok.text not in STOPWORDS or tok.text in TITLE_CONNECTORS or self.scan.capitalised(tok)

    def forward(self, toks: list[Tok], j: int) -> list[Candidate]:
        """Spans starting at toks[j] that end where a title plausibly ends."""
        ends: list[int] = []
        k = j
        while k < len(toks) and k - j < MAX_TITLE_TOKENS:
            tok = toks[k]
            part_number = k > j and toks[k - 1].text in PART_WORDS and self._sequel_end(toks, k - 1) > k
            if GAP in tok.text or (tok.text in HARD_STOPS and not part_number and not abbreviated(toks, k, j)):
                break  # "Kill Bill Vol. 2" and "Mr. Holland's Opus" go on
            if k > j and (may_end_title_before(tok) or self._sequel_end(toks, k) > k or grade_follows(toks, k)
                          or self._case_ends_before(toks, k)):  # fmt: skip
                ends.append(k)  # before "from", "Frozen" II, "rate Heat" a 4, or "Heat" back then
            if k > j and self._sequel_end(toks, k) == k + 1:  # "gave Toy Story 3 a 4": or with its number
                ends.append(k + 1)
            k += 1
        if k > j and (not ends or ends[-1] != k):
            ends.append(k)
        ends = sorted({e for e in ends if toks[e - 1].is_word})
        # past the first few, a span is tried only when it begins a catalog title ("10 Things I Hate About You")
        kept = ends[:MAX_TITLE_CANDIDATES]
        kept += [
            e
            for e in ends[MAX_TITLE_CANDIDATES:]
            if self.lookup.titled(self.scan.original[toks[j].start : toks[e - 1].end])
        ]
        return [self.candidate(toks, j, e) for e in kept]

    def _case_ends_before(self, toks: list[Tok], k: int) -> bool:
        """In a message with capitals, a capitalised word before a lowercase one that is no title's
        connector may end a title ("we watched Heat back in the 90s")."""
        tok, before = toks[k], toks[k - 1]
        return (
            self.scan.has_case
            and tok.is_word
            and before.is_word
            and not self.scan.capitalised(tok)
            and self.scan.capitalised(before)
            and tok.text not in TITLE_CONNECTORS
        )

    def backward(self, toks: list[Tok], j: int) -> list[Candidate]:
        """Spans ending just before toks[j] ("a Fargo-style story", "Heat meets Ronin")."""
        cands = []
        for start in range(j - 1, max(-1, j - 1 - MAX_TITLE_CANDIDATES), -1):
            tok = toks[start]
            if not tok.is_word and tok.text not in (":", "&"):
                break
            if tok.text in STOPWORDS and tok.text not in TITLE_CONNECTORS:
                break
            if tok.is_word:
                cands.append(self.candidate(toks, start, j, backward=True))
        return cands


# "I rated Heat 4", "gave Heat 4", "I'd also rate Heat 4": a 1-5 there may be stars, not a sequel.
_RATING_VERBS = word_set("rate rated rates rating give gave gives giving score scored scores scoring")
_BEFORE_RATED_TITLE = word_set("also just only finally even for")  # "my rating for Heat 4"
_STAR_DIGITS = frozenset("12345")

# After a number these make it stars, a count or a length, not a sequel's ("Heat 4 stars").
_NOT_SEQUEL_AFTER = word_set(
    "/ % stars star out times time x hours hour hrs hr minutes minute mins min years year yrs "
    "of films movies flicks ones more people kids"
)


def _graded(toks: list[Tok], k: int) -> bool:
    """Stars at toks[k] ("gave Toy Story 4 a 4", "rated Toy Story 4 5 stars"): the number before is the film's."""
    return k < len(toks) and (toks[k].text.isdigit() or grade_follows(toks, k))


def grade_follows(toks: list[Tok], k: int) -> bool:
    """ "I'd rate Heat a 4", "gave Heat an 8/10": the article starts a grade, not more of the title."""
    return toks[k].text in ("a", "an") and k + 1 < len(toks) and toks[k + 1].text.isdigit()


def _worth_resolving(cand: Candidate, strength: str, *, named: bool = False) -> bool:
    """Skip catalog calls for spans that are plainly filter talk ("a comedy", "the 90s")."""
    if cand.title_cased or not cand.plain_words or (strength == STRONG and cand.numbers_only):
        return True
    if named and cand.ends_a_phrase and cand.words[0] not in _LEADING_ARTICLES and a_subject(cand.words):
        return True  # "like alien": a theme, or the film
    if cand.words[0] in _LEADING_ARTICLES or strength != STRONG or len(cand.words) < 2:
        return False
    return not all(w in STOPWORDS or NUMBERISH.fullmatch(w) for w in cand.words)


def _acceptable(cand: Candidate, match: TitleMatch, strength: str, *, named: bool = False) -> bool:
    """How sure we must be depends on the cue: after "like" a fuzzy match will do."""
    if match.score < TITLE_MATCH_SCORE:
        return False
    exact = typed_whole(cand.text, match)
    if cand.plain_words:  # "Scary Movie" is a title only when typed as one
        if not exact or cand.words[0] in _LEADING_ARTICLES:
            return False
        if strength == BARE:  # "Alien" is a theme, "Alien 3" a film
            return len(cand.words) >= 2 or (cand.title_cased and bool(cand.sequel))
        if named and match.well_known and cand.ends_a_phrase and a_subject(cand.words):
            # "movies like alien": the film, as "like heat", if typed as titled ("like the witch", not "like witch")
            return leading_article(cand.text) == leading_article(match.title)
        return cand.title_cased or (strength == STRONG and (len(cand.words) >= 2 or cand.numbers_only))
    if strength == STRONG:
        return True
    if strength == BARE:
        return exact or (len(cand.words) >= 2 and match.score >= BARE_TITLE_SCORE)
    return exact or cand.title_cased


def a_subject(words: list[str]) -> bool:
    """Filter talk that is what a film is about ("alien", "ghost", "the witch"), as a title may be; not a
    place, a language, a mood or a kind of pick ("brazil", "epic", "unknown"), which "like" also takes."""
    effect = PHRASEBOOK.get(tuple(w for w in words if w not in STOPWORDS))
    return effect is not None and bool(effect.keywords) and not (effect.countries or effect.languages)

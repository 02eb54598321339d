"""Read a chat message as a movie request: genres, moods, years, runtime, people, reference titles.

No language model sits on moviebot's request path, so this is a small rule-based reader. It
works in passes from the most specific evidence to the least, and every pass blanks out what it
explained so that later, vaguer rules cannot re-read it:

1. reference titles after cues ("like Se7en or Fight Club", "not Titanic"), resolved against the
   catalog, so "war" in "Star Wars" or "no" in "No Country for Old Men" is never a filter;
2. people, by full name, from the catalog's people index;
3. bare Title-Cased mentions ("Star Wars marathon tonight");
4. numbers: years and decades, runtimes, ratings, counts;
5. one walk over the remaining words that looks each phrase up in the module-level tables
   below, with negations ("no horror", "not too long") applied to the phrases that follow them.

Whatever nothing explained becomes the query for semantic search.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple, Protocol

from rapidfuzz.distance import OSA

from store.catalog import TitleMatch
from store.movie import ascii_fold, normalise_title
from store.vocab import COUNTRIES, GENRES, LANGUAGES, MOODS

MIN_TITLE_SCORE = 85.0  # below this a fuzzy title match is more often wrong than right
BARE_TITLE_SCORE = 92.0  # an un-cued Title Cased phrase needs more confidence
MAX_COUNT = 10
MAX_TITLE_TOKENS = 10
MAX_TITLE_CANDIDATES = 5


# --- what callers see --------------------------------------------------------------------------


class CatalogLookup(Protocol):
    """The two questions understanding asks the catalog; the store implements them."""

    def resolve_title(self, text: str) -> TitleMatch | None:
        """Fuzzy resolution of a title as a user typed it ("the dark night" -> The Dark Knight)."""
        ...

    def people_index(self) -> Mapping[str, str]:
        """Lower-cased name -> canonical name for every director and actor in the catalog.

        Accent-folded aliases ("penelope cruz") should be keys too: users rarely type accents.
        """
        ...


@dataclass
class Understood:
    """What a request asks for; every field optional so requests combine.

    Follow-ups ("something older", "no horror though") merge onto earlier requests, so a field
    the message does not mention stays empty rather than defaulting to anything.
    """

    genres: list[str] = field(default_factory=list)  # GENRES entries wanted
    exclude_genres: list[str] = field(default_factory=list)  # "no horror", "nothing animated"
    moods: list[str] = field(default_factory=list)  # MOODS entries wanted
    exclude_moods: list[str] = field(default_factory=list)  # "not too violent", "less grim"
    keywords: list[str] = field(default_factory=list)  # themes in plain words ("heist", "time travel")
    year_min: int | None = None
    year_max: int | None = None
    min_runtime: int | None = None
    max_runtime: int | None = None  # "under 2 hours" -> 120, "short" -> 100
    min_rating: float | None = None  # "highly rated" -> 7.5, "best" -> 8.0
    hidden_gem: bool = False  # prefer few votes
    popular: bool = False  # prefer many votes
    people: list[str] = field(default_factory=list)  # canonical catalog names
    like_titles: list[str] = field(default_factory=list)  # catalog ids of reference titles
    exclude_titles: list[str] = field(default_factory=list)  # catalog ids explicitly refused
    unknown_titles: list[str] = field(default_factory=list)  # "like Zorblax Returns": named, not in the catalog
    languages: list[str] = field(default_factory=list)  # ISO 639-1
    countries: list[str] = field(default_factory=list)  # ISO 3166-1 alpha-2
    count: int | None = None  # how many suggestions were asked for
    modifiers: list[str] = field(default_factory=list)  # relative follow-ups ("older", "funnier")
    query: str = ""  # what no filter explained, for semantic search

    def is_open(self) -> bool:
        """True when nothing says what the movie should be about, so ranking falls back to taste."""
        return not (
            self.genres
            or self.moods
            or self.keywords
            or self.people
            or self.like_titles
            or self.languages
            or self.countries
        )

    def to_contract(self, titles: Callable[[str], str]) -> dict:
        """The hard filters in the shape the retrieval contract names, reference titles displayed."""
        return contract(dataclasses.asdict(self), titles)


def contract(request: Mapping, titles: Callable[[str], str | None]) -> dict:
    """The `understood` object of the JSON contract, from a request (an Understood as a dict,
    or one merged over a conversation); `titles` displays a reference title, None leaves it out."""
    shown = [titles(movie_id) for movie_id in request.get("like_titles") or []]
    return {
        "genres": list(request.get("genres") or []),
        "exclude_genres": list(request.get("exclude_genres") or []),
        "year_min": request.get("year_min"),
        "year_max": request.get("year_max"),
        "min_runtime": request.get("min_runtime"),
        "max_runtime": request.get("max_runtime"),
        "min_rating": request.get("min_rating"),
        "people": list(request.get("people") or []),
        "like_titles": [t for t in shown if t is not None],
        "languages": list(request.get("languages") or []),
        "count": request.get("count"),
    }


# --- what a phrase means -----------------------------------------------------------------------

YearSpan = tuple[int | None, int | None]


@dataclass(frozen=True)
class _Effect:
    """What one phrase adds to an Understood; `negated` is what it means after "no"/"not"."""

    genres: tuple[str, ...] = ()
    moods: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    exclude_genres: tuple[str, ...] = ()
    exclude_moods: tuple[str, ...] = ()
    modifiers: tuple[str, ...] = ()
    years: Callable[[int], YearSpan] | None = None  # of today's year
    runtime: tuple[int | None, int | None] | None = None
    min_rating: float | None = None
    hidden_gem: bool = False
    popular: bool = False
    negated: _Effect | None = None
    only_negated: bool = False  # "long" alone means nothing ("after a long day"); "not too long" does

    @property
    def soft(self) -> bool:
        """Moods and themes stay in the semantic query: they describe the film, not a filter."""
        return bool(self.moods or self.keywords)

    def when_negated(self) -> _Effect:
        """ "No horror" drops the genre, "nothing scary" the mood; "no zombies" cannot be filtered."""
        if self.negated is not None:
            return self.negated
        if self.moods:
            return _Effect(exclude_moods=self.moods)
        if self.genres and not self.keywords:
            return _Effect(exclude_genres=self.genres)
        return _Effect()


def _g(*genres: str, **more) -> _Effect:
    return _Effect(genres=genres, **more)


def _m(*moods: str, **more) -> _Effect:
    return _Effect(moods=moods, **more)


def _k(keyword: str, *genres: str, **more) -> _Effect:
    return _Effect(genres=genres, keywords=(keyword,), **more)


def _last_years(n: int) -> Callable[[int], YearSpan]:
    return lambda today: (today - n, None)


def _since(year: int) -> Callable[[int], YearSpan]:
    return lambda today: (year, None)


def _until(year: int) -> Callable[[int], YearSpan]:
    return lambda today: (None, year)


_GENRE_PHRASES: dict[str, _Effect] = {
    "action | shoot em up | shoot-em-up | explosions | car chases | car chase": _g("action"),
    "action packed | non stop action | fast paced | adrenaline | adrenaline rush": _g(
        "action", moods=("action-packed",)
    ),
    "adventure | adventures": _g("adventure"),
    "adventurous": _m("adventurous"),
    "animation | animated | cartoon | cartoons | cartoony | 🎨": _g("animation"),
    "anime | studio ghibli | ghibli": _g("animation", languages=("ja",)),
    "pixar | disney animation": _g("animation", "family"),
    "stop motion | claymation": _k("stop motion", "animation"),
    "biography | biographies | biopic | biopics | biographical": _g("biography"),
    "comedy | comedies | comedic | humor | humour | humorous": _g("comedy"),
    "funny | hilarious | laugh | laughs | make me laugh | laugh out loud | 😂 | 🤣 | 😆": _g(
        "comedy", moods=("funny",)
    ),
    "rom com | rom coms | romcom | romcoms | romantic comedy | romantic comedies | chick flick": _g(
        "romance", "comedy", negated=_Effect(exclude_genres=("romance",))
    ),
    "dark comedy | black comedy | dark comedies | black comedies": _g("comedy", moods=("dark",)),
    "satire | satires | satirical": _g("comedy", moods=("satirical",)),
    "parody | parodies | spoof | spoofs": _k("parody", "comedy"),
    "mockumentary | mockumentaries": _k("mockumentary", "comedy"),
    "stand up | standup | stand up comedy": _k("stand-up", "comedy"),
    "crime | gangster | gangsters | mob | mobster | mobsters": _g("crime"),
    "mafia": _k("mafia", "crime"),
    "heist | heists | caper | capers | bank robbery | robbery": _k("heist", "crime"),
    "con artist | con artists | con man | con men | grifter | grifters": _k("con artist", "crime"),
    "cartel | cartels | drug dealer | drug dealers | drugs": _k("drugs", "crime"),
    "cop | cops | police": _k("police", "crime"),
    "true crime": _k("true crime", "crime"),
    "neo noir": _k("neo-noir", "crime"),
    "documentary | documentaries | doc | docs | docu | non fiction | nonfiction": _g("documentary"),
    "nature documentary | nature documentaries | nature doc | nature docs": _k("nature", "documentary"),
    "drama | dramas | dramatic | melodrama | character study": _g("drama"),
    "family drama | family dramas": _k("family", "drama"),
    "courtroom | courtroom drama | legal drama | lawyer | lawyers": _k("courtroom", "drama"),
    "family | families | kids | kid | children | childrens | children's | kiddy | kiddie | childish": _g("family"),
    "for the whole family | family movie night | family night | my kids | the kids": _g("family"),
    "family friendly | kid friendly | child friendly | kids friendly | suitable for kids": _g(
        "family", moods=("family-friendly",)
    ),
    "fantasy | fantasies | sword and sorcery": _g("fantasy"),
    "magic | magical | wizard | wizards | wizardry": _k("magic", "fantasy"),
    "dragon | dragons": _k("dragons", "fantasy"),
    "fairy tale | fairy tales | fairytale | fairytales": _k("fairy tale", "fantasy"),
    "mythology | myths | greek mythology": _k("mythology", "fantasy"),
    "witch | witches | witchcraft": _k("witches", "fantasy"),
    "noir | film noir | noirs": _g("film-noir"),
    "history | historical | historic": _g("history"),
    "period piece | period pieces | period drama | period dramas | costume drama | costume dramas": _g(
        "history", "drama"
    ),
    "medieval | middle ages": _k("medieval", "history"),
    "vikings | viking": _k("vikings", "history"),
    "cold war": _k("cold war", "history"),
    "horror | horrors | horror flick | 🧟": _g("horror"),
    "scary | spooky | creepy | frightening | terrifying | scare me | 👻 | 🎃 | 😱 | 💀": _g("horror", moods=("scary",)),
    "slasher | slashers": _k("slasher", "horror"),
    "zombie | zombies": _k("zombies", "horror"),
    "vampire | vampires": _k("vampires", "horror"),
    "werewolf | werewolves": _k("werewolves", "horror"),
    "ghost | ghosts | ghost story | ghost stories": _k("ghosts", "horror"),
    "haunted | haunted house | haunted houses | haunting": _k("haunted house", "horror"),
    "possession | exorcism | exorcisms | demon | demons | demonic": _k("possession", "horror"),
    "found footage": _k("found footage", "horror"),
    "folk horror": _k("folk horror", "horror"),
    "body horror": _k("body horror", "horror"),
    "psychological horror": _k("psychological", "horror"),
    "monster | monsters | creature feature | creature features | monster movie": _k("monster", "horror"),
    "halloween": _k("halloween", "horror"),
    "splatter | gorefest": _g("horror", moods=("violent",)),
    "j horror": _g("horror", languages=("ja",)),
    "k horror": _g("horror", languages=("ko",)),
    "music | musician | musicians | band | bands | concert | concerts": _g("music"),
    "jazz": _k("jazz", "music"),
    "rock and roll | rock n roll | rock music": _k("rock", "music"),
    "hip hop | rap": _k("hip hop", "music"),
    "musical | musicals | singing | song and dance | broadway": _g("musical"),
    "mystery | mysteries | whodunit | whodunits | whodunnit | whodunnits | who done it": _g("mystery"),
    "murder mystery | murder mysteries": _k("murder", "mystery"),
    "detective | detectives | sleuth": _k("detective", "mystery"),
    "romance | romances | love story | love stories | falling in love | ❤ | 💕 | 😍": _g("romance"),
    "romantic": _g("romance", moods=("romantic",)),
    "date night": _g("romance", moods=("romantic",), negated=_Effect(exclude_genres=("romance",))),
    "love triangle": _k("love triangle", "romance"),
    "sci fi | scifi | science fiction | syfy | 🚀 | 🛸 | 👽": _g("sci-fi"),
    "futuristic | the future": _g("sci-fi"),
    "space | outer space | space opera | space operas | astronaut | astronauts | spaceship": _k("space", "sci-fi"),
    "alien | aliens | alien invasion | extraterrestrial | extraterrestrials": _k("aliens", "sci-fi"),
    "robot | robots | androids | android": _k("robots", "sci-fi"),
    "ai | artificial intelligence": _k("artificial intelligence", "sci-fi"),
    "time travel | time traveling | time travelling | time-travel": _k("time travel", "sci-fi"),
    "time loop | time loops": _k("time loop", "sci-fi"),
    "dystopia | dystopian | dystopias": _k("dystopia", "sci-fi"),
    "cyberpunk": _k("cyberpunk", "sci-fi"),
    "post apocalyptic | apocalypse | apocalyptic | end of the world": _k("post-apocalyptic", "sci-fi"),
    "superhero | superheroes | super hero | super heroes | marvel | mcu | comic book | comic books": _k(
        "superhero", "action"
    ),
    "martial arts | kung fu | karate": _k("martial arts", "action"),
    "samurai": _k("samurai", "action"),
    "ninja | ninjas": _k("ninja", "action"),
    "disaster | disasters | natural disaster": _k("disaster", "action"),
    "pirate | pirates | swashbuckler | swashbuckling": _k("pirates", "adventure"),
    "treasure | treasure hunt": _k("treasure hunt", "adventure"),
    "dinosaur | dinosaurs | 🦖": _k("dinosaurs", "adventure"),
    "sport | sports": _g("sport"),
    "boxing": _k("boxing", "sport"),
    "football | soccer": _k("football", "sport"),
    "basketball": _k("basketball", "sport"),
    "baseball": _k("baseball", "sport"),
    "racing | car racing": _k("racing", "sport"),
    "thriller | thrillers": _g("thriller"),
    "suspense | suspenseful | edge of my seat | edge of your seat | edge of the seat": _g("thriller", moods=("tense",)),
    "psychological thriller | psychological thrillers | psychological": _k("psychological", "thriller"),
    "spy | spies | espionage | secret agent | secret agents": _k("spy", "thriller"),
    "conspiracy | conspiracies": _k("conspiracy", "thriller"),
    "political thriller | political thrillers": _k("politics", "thriller"),
    "serial killer | serial killers": _k("serial killer", "thriller"),
    "hitman | hitmen | assassin | assassins": _k("hitman", "action"),
    "war | war movie | war film | war flick | wartime | military | soldiers": _g("war"),
    "world war ii | world war 2 | ww2 | wwii | second world war": _k("world war ii", "war"),
    "world war i | world war 1 | ww1 | wwi | first world war": _k("world war i", "war"),
    "vietnam war": _k("vietnam war", "war"),
    "anti war": _k("anti-war", "war"),
    "western | westerns | wild west | the old west | gunslinger | gunslingers | 🤠": _g("western"),
    "cowboy | cowboys": _k("cowboys", "western"),
    "spaghetti western | spaghetti westerns": _k("spaghetti western", "western"),
}

_THEME_PHRASES: dict[str, _Effect] = {
    "revenge | vengeance | revenge story": _k("revenge"),
    "survival": _k("survival"),
    "prison | prison break | jail": _k("prison"),
    "road trip | road movie | road movies": _k("road trip"),
    "coming of age": _k("coming of age"),
    "high school": _k("high school"),
    "teen | teens | teenage | teenager | teenagers": _k("teen"),
    "christmas | xmas | holiday season": _k("christmas"),
    "true story | based on a true story | true stories | real events | based on real events": _k(
        "based on a true story"
    ),
    "based on a book | book adaptation | based on a novel": _k("based on novel"),
    "cult | cult classic | cult classics | cult film | cult movie": _k("cult"),
    "indie | independent": _k("indie"),
    "arthouse | art house": _k("arthouse"),
    "underdog | underdogs": _k("underdog"),
    "friendship": _k("friendship"),
    "dogs | dog": _k("dog"),
    "sharks | shark": _k("shark"),
    "politics | political": _k("politics"),
    "journalism | journalist | journalists": _k("journalism"),
    "lgbt | lgbtq | queer": _k("lgbt"),
    "dance | dancing": _k("dance"),
    "food | cooking | chef": _k("food"),
    "twist ending | plot twist | plot twists | twist | twists": _k("plot twist", moods=("mind-bending",)),
}

_MOOD_PHRASES: dict[str, _Effect] = {
    "dark | darkly": _m("dark"),
    "grim | grimdark": _m("dark", "bleak"),
    "bleak | depressing | nihilistic": _m("bleak"),
    "gritty | raw | realistic": _m("gritty"),
    "violent | violence | gore | gory | bloody | brutal": _m("violent"),
    "tense | nail biting | nail biter | gripping": _m("tense"),
    "intense | harrowing": _m("intense"),
    "disturbing | unsettling | messed up | twisted": _m("disturbing"),
    "witty | clever | smart dialogue": _m("witty"),
    "quirky | offbeat | weird | quirky indie": _m("quirky"),
    "absurd | absurdist | silly": _m("absurd"),
    "feel good | feelgood | happy | cheerful | cheer me up | pick me up | happy ending": _m("feel-good"),
    "wholesome": _m("feel-good", "heartwarming"),
    "heartwarming | heart warming | touching | sweet": _m("heartwarming"),
    "uplifting | hopeful": _m("uplifting"),
    "inspiring | inspirational | motivational | motivating": _m("inspiring"),
    "melancholic | melancholy | sad": _m("melancholic"),
    "bittersweet": _m("bittersweet"),
    "nostalgic | nostalgia": _m("nostalgic"),
    "thought provoking | makes you think | make me think | philosophical | cerebral | deep": _m("thought-provoking"),
    "mind bending | mindbending | mind blowing | mind fuck | mindfuck | twisty | puzzling": _m("mind-bending"),
    "keeps you guessing | keep me guessing": _m("mind-bending"),
    "surreal | dreamlike | trippy | lynchian": _m("surreal"),
    "epic | epics | sweeping | grand scale": _m("epic"),
    "whimsical | charming": _m("whimsical"),
    "slow burn | slow burner | slow burning | slow paced | slow": _m("slow-burn"),
    "atmospheric | moody | atmosphere": _m("atmospheric"),
    "stylish | stylized | stylised | visually stunning | beautifully shot | gorgeous": _m("stylish"),
    "emotional | tearjerker | tearjerkers | tear jerker | tear jerkers | make me cry | moving | 😭 | 😢": _m(
        "emotional"
    ),
    "to tears | crying | a good cry": _m("emotional"),
    "light | lighthearted | light hearted | cozy | cosy | breezy | easy watch | easy to watch": _m("light"),
    "fun | chill | relaxing | comfort movie | comfort watch | popcorn | turn my brain off | mindless": _m("light"),
    "heavy": _Effect(only_negated=True, negated=_Effect(exclude_moods=("dark", "bleak", "disturbing"))),
    "serious": _Effect(only_negated=True, negated=_Effect(moods=("light",))),
    "cheesy | predictable | boring | cliche | cliched | sappy | corny": _Effect(only_negated=True),
    "sex | nudity | sex scenes | swearing": _Effect(only_negated=True, negated=_m("family-friendly")),
}

_ERA_PHRASES: dict[str, _Effect] = {
    "recent | recently released | new release | new releases | newest | latest | brand new": _Effect(
        years=_last_years(5)
    ),
    "new movie | new movies | new film | new films | new ones | new stuff": _Effect(years=_last_years(5)),
    "modern | contemporary": _Effect(years=_since(2000)),
    "modern classic | modern classics | instant classic": _Effect(years=_since(2000), min_rating=7.5),
    "classic | classics | oldie | oldies | old school | old timey | golden age | vintage": _Effect(
        years=_until(1979), negated=_Effect(years=_since(1980))
    ),
    "old movie | old movies | old film | old films | old ones | old stuff | old flicks": _Effect(
        years=_until(1979), negated=_Effect(years=_since(1980))
    ),
    "old": _Effect(years=_until(1979), negated=_Effect(years=lambda today: (today - 30, None))),
    "black and white | b&w | black & white": _Effect(years=_until(1965)),
    "silent film | silent films | silent movie | silent movies | silent era": _Effect(years=_until(1929)),
}

# Set phrases that look like negations or filters but are neither.
_IDIOMS: dict[str, _Effect] = {
    "long day | long week | long weekend | long time | long story | long ago | so long": _Effect(),
    "as long as | how long | all day long | before long | long shot": _Effect(),
    "old friend | old friends | old man | old men | old lady | old woman": _Effect(),
    "old favourite | old favourites | old favorite | old favorites": _Effect(),
    "why not | not sure | not only | if not | or not | no idea | no preference | not bad": _Effect(),
    "no matter | whatever": _Effect(),
    "doesn't matter | don't mind | dont mind | don't care | dont care | no worries | no problem": _Effect(),
}

_LENGTH_PHRASES: dict[str, _Effect] = {
    "short | shortish | quick watch | quick one | quick movie | brief": _Effect(
        runtime=(None, 100), negated=_Effect(runtime=(90, None))
    ),
    "long": _Effect(runtime=(150, None), negated=_Effect(runtime=(None, 130))),
    "long movie | long movies | long film | long films | long one | long ones | lengthy": _Effect(
        runtime=(150, None), negated=_Effect(runtime=(None, 130))
    ),
    "epic length | something long | really long | very long | super long | long runtime": _Effect(
        runtime=(150, None), negated=_Effect(runtime=(None, 130))
    ),
}

_QUALITY_PHRASES: dict[str, _Effect] = {
    "highly rated | high rated | well rated | top rated | critically acclaimed | acclaimed": _Effect(min_rating=7.5),
    "award winning | oscar winning | oscar winner | oscar winners | award winners | must see": _Effect(min_rating=7.5),
    "great reviews | good reviews | well reviewed | masterpiece | masterpieces | praised": _Effect(min_rating=7.5),
    "best | the best | greatest | all time great | all time greats | top notch | finest": _Effect(min_rating=8.0),
    "highest rated | best rated | best ever | of all time": _Effect(min_rating=8.0),
    "decent | watchable | solid": _Effect(min_rating=6.5),
    "best friend | best friends | best bet | my best": _Effect(),
    "hidden gem | hidden gems | underrated | under rated | lesser known | little known | obscure": _Effect(
        hidden_gem=True, negated=_Effect(popular=True)
    ),
    "under the radar | overlooked | deep cut | deep cuts | off the beaten path | gem | gems": _Effect(
        hidden_gem=True, negated=_Effect(popular=True)
    ),
    "not well known | unknown | forgotten": _Effect(hidden_gem=True, negated=_Effect(popular=True)),
    "popular | blockbuster | blockbusters | crowd pleaser | crowd pleasers | mainstream": _Effect(
        popular=True, negated=_Effect(hidden_gem=True)
    ),
    "well known | famous | big budget | box office hit | box office hits | everyone has seen": _Effect(
        popular=True, negated=_Effect(hidden_gem=True)
    ),
}

_MODIFIER_PHRASES: dict[str, _Effect] = {
    "older | earlier | older ones | less recent | from further back | more classic": _Effect(modifiers=("older",)),
    "newer | more recent | more modern | newer ones | fresher": _Effect(modifiers=("newer",)),
    "shorter | less long | not as long | quicker": _Effect(modifiers=("shorter",)),
    "longer | more epic": _Effect(modifiers=("longer",)),
    "lighter | less serious | less heavy | more lighthearted | more light hearted | happier": _Effect(
        modifiers=("lighter",)
    ),
    "cheerier | more upbeat | more fun | lighter ones": _Effect(modifiers=("lighter",)),
    "darker | more serious | grittier | edgier | heavier | bleaker | darker ones": _Effect(modifiers=("darker",)),
    "funnier | more funny | more comedic | more humor | more humour | sillier | more laughs": _Effect(
        modifiers=("funnier",)
    ),
    "scarier | more scary | creepier | more frightening | more terrifying | spookier": _Effect(modifiers=("scarier",)),
    "more popular | more mainstream | better known | more famous | more well known": _Effect(
        modifiers=("more_popular",)
    ),
    "more obscure | less known | less popular | less mainstream | more underground | more niche": _Effect(
        modifiers=("less_known",)
    ),
    "less famous | deeper cut | deeper cuts | more indie | lesser seen": _Effect(modifiers=("less_known",)),
}

# Words that name a country better than a language, and names people use that vocab lacks.
_LOCALE_OVERRIDES: dict[str, _Effect] = {
    "irish": _Effect(countries=("IE",)),
    "mandarin": _Effect(languages=("zh",)),
    "farsi": _Effect(languages=("fa",)),
    "flemish": _Effect(languages=("nl",)),
    "bollywood": _Effect(countries=("IN",)),
    "hollywood": _Effect(countries=("US",)),
    "nollywood": _Effect(countries=("NG",)),
    "aussie": _Effect(countries=("AU",)),
    "usa | america | the states": _Effect(countries=("US",)),
    "uk | britain | great britain | england | english countryside": _Effect(countries=("GB",)),
    "korea": _Effect(countries=("KR",)),
    "scandinavian | nordic": _Effect(countries=("SE", "DK", "NO", "FI", "IS")),
    "latin american": _Effect(countries=("AR", "BR", "MX", "CL", "CO")),
    "k drama | kdrama | k dramas | kdramas": _Effect(genres=("drama",), languages=("ko",)),
    "english subtitles | english subs | with subtitles | subtitled | dubbed": _Effect(),
    "subtitles | subs | reading subtitles": _Effect(only_negated=True, negated=_Effect(languages=("en",))),
    "foreign | foreign language | international | world cinema": _Effect(
        only_negated=True, negated=_Effect(languages=("en",))
    ),
}

# Country names that are everyday words too.
_AMBIGUOUS_COUNTRY_NAMES = frozenset({"turkey", "chile"})


def _locale_phrases() -> dict[str, _Effect]:
    """Language names and country adjectives from the shared vocabulary.

    A word that names a language is read as the language ("French films" -> fr); the other
    adjectives name countries ("British comedy" -> GB).
    """
    table: dict[str, _Effect] = {}
    for code, name in LANGUAGES.items():
        if code != "xx":
            table[name.lower()] = _Effect(languages=(code,))
    for code, (name, adjective) in COUNTRIES.items():
        for word in (adjective.lower(), name.lower()):
            if word not in table and word not in _AMBIGUOUS_COUNTRY_NAMES:
                table[word] = _Effect(countries=(code,))
    for phrases, effect in _LOCALE_OVERRIDES.items():
        for phrase in _alternatives(phrases):
            table[phrase] = effect
    return table


def _words(text: str) -> frozenset[str]:
    """A word table written as prose-like text, one entry per whitespace-separated word."""
    return frozenset(text.split())


def _alternatives(text: str) -> list[str]:
    """Phrases written "a | b c | d", as every table in this module spells them."""
    return [phrase.strip() for phrase in text.split("|") if phrase.strip()]


# --- reading the text --------------------------------------------------------------------------

_GAP = "\x1f"  # what consumed text is overwritten with: a non-word that breaks every pattern
_TOKEN = re.compile(r"\x1f+|[^\W_]+(?:'[^\W_]+)*|[^\w\s'\-]")
_TYPOGRAPHY = str.maketrans(
    {"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "}
    | {"\ufe0f": None, "\u200d": None}  # emoji variation selector and joiner: "❤️" reads as "❤"
)


class _Tok(NamedTuple):
    text: str  # lower-cased, or a run of _GAP
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()


_YEAR_IN_PARENS = re.compile(r"\((1[89]\d\d|20\d\d)\)")


def normalise_message(text: str) -> str:
    """The lower-cased, typographically normalised text every offset in this module refers to."""
    return _Scan(text).text


def _tokens_of(text: str) -> tuple[str, ...]:
    return tuple(m.group() for m in _TOKEN.finditer(text.lower()))


class _Scan:
    """The message being read: lower-cased text whose explained spans are blanked out.

    Blanking keeps every offset valid, so the original casing is always at hand to tell a
    Title Cased film from ordinary words.
    """

    def __init__(self, text: str):
        original = unicodedata.normalize("NFC", text).translate(_TYPOGRAPHY)
        # "Heat (1995)" reads as "Heat 1995", a title with its year; same length keeps offsets
        self.title_years = [m.span(1) for m in _YEAR_IN_PARENS.finditer(original)]
        self.original = _YEAR_IN_PARENS.sub(r" \1 ", original)
        lowered = self.original.lower()
        if len(lowered) != len(self.original):  # "İ" lower-cases to two characters
            lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in self.original)
        self.text = lowered
        self.negated: list[tuple[int, int]] = []
        self.kept: set[int] = set()  # starts of tokens that are mood or theme words, never filler
        self.has_case = any(c.islower() for c in self.original) and any(c.isupper() for c in self.original)
        self._tokens: list[_Tok] | None = None

    def take(self, start: int, end: int, *, negated: bool = False) -> None:
        self.text = self.text[:start] + _GAP * (end - start) + self.text[end:]
        self._tokens = None
        if negated:
            self.negated.append((start, end))

    def tokens(self) -> list[_Tok]:
        if self._tokens is None:
            self._tokens = [_Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(self.text)]
        return self._tokens

    def capitalised(self, tok: _Tok) -> bool:
        first = self.original[tok.start]
        return first.isupper() or first.isdigit()

    def title_cased(self, toks: list[_Tok]) -> bool:
        """Every word but small connectors starts with a capital, as titles are written."""
        if not self.has_case:
            return False
        words = [t for t in toks if t.is_word]
        return bool(words) and all(
            self.capitalised(t) or (i > 0 and t.text in _TITLE_CONNECTORS) for i, t in enumerate(words)
        )


_STOPWORDS = _words(
    """
    a an the and or but nor of to in on at for from with by about as into than then so if is are was
    were be been being am it its it's this that these those there here what what's which who whom how
    when where why i i'm im i've ive i'd id i'll me my mine we we're us our you you're your he she they
    them their some any anything something someone somethin everything nothing all each every one ones
    another other others more most less least very really just only also too quite pretty kinda sorta
    maybe perhaps please pls plz thanks thank thx ty hi hey hello yo ok okay well like likes want wants
    wanted wanna need needs looking look find give gimme show recommend recommendation recommendations
    rec recs suggest suggestion suggestions tell help get got can could would should will shall may
    might must do does did don't dont doesn't didn't have has had having watch watching watched see
    seeing seen saw movie movies film films flick flicks cinema stuff thing things kind sort type
    tonight today tomorrow now weekend time good great nice cool awesome amazing lol
    haha idk yes yeah yep no not sure mood feel feeling vibe vibes similar same style whatever else
    worth actually around enjoy enjoyed love loved liked hate hated idea ideas option options pick
    picks choice choices list couple few several first second third fourth fifth last latter former
    previous next starring featuring directed director actor actress cast made wife husband girlfriend
    boyfriend partner friends family's lets let's u ur bot moviebot watchlist alone
    together someone's whether either neither rather instead though although however ever
    between after before since until till under over above below within onwards top least already
    haven't havent hasn't isn't isnt wasn't aren't won't can't cant couldn't wouldn't shouldn't that's
    thats there's
    """
)

# Small words a title may keep lower-case inside ("No Country for Old Men").
_TITLE_CONNECTORS = _words(
    "of the a an and or in on to for at with from by de la le du des da del vs is it my me no not as"
)

# Where a list of titles after "like" certainly ends.
_HARD_STOPS = _words(
    '. ! ? ; ( ) [ ] " but though although however except please pls plz thanks thank thx lol '
    "haha instead because since if so unless whereas"
)
# Where a title may end ("Heat with Al Pacino", "Heat and Ronin", "Heat from the 90s").
_SOFT_STOPS = _words(
    ", : & / and or nor with from that which who in set under over less more for by starring featuring "
    "without not no plus meets vs than about where when one ones movie movies film films flick flicks "
    "stuff style type kind vibes vibe esque series franchise trilogy only just also too as at on to is like "
    "was are were it its made directed released after before during around between any anything "
    "something some etc then maybe"
)
_TITLE_SEPARATORS = _words(", & / and or nor plus meets vs also even maybe")
# Words after which a title often goes on ("Pride and Prejudice", "Once Upon a Time in the West").
_TITLE_CONTINUES = _words("and & of in on to for at the a")


# --- the phrasebook ----------------------------------------------------------------------------


def _phrasebook(tables: Iterable[dict[str, _Effect]]) -> dict[tuple[str, ...], _Effect]:
    """Every phrase as a token tuple, so lookups are dict hits rather than regex scans."""
    book: dict[tuple[str, ...], _Effect] = {}
    for table in tables:
        for phrases, effect in table.items():
            for phrase in _alternatives(phrases):
                key = _tokens_of(phrase)
                if key in book and book[key] is not effect:
                    raise ValueError(f"phrase {phrase!r} is defined twice")
                book[key] = effect
    return book


_PHRASEBOOK = _phrasebook(
    (
        _GENRE_PHRASES,
        _THEME_PHRASES,
        _MOOD_PHRASES,
        _ERA_PHRASES,
        _LENGTH_PHRASES,
        _QUALITY_PHRASES,
        _MODIFIER_PHRASES,
        _IDIOMS,
        _locale_phrases(),
    )
)
_MAX_PHRASE = max(len(key) for key in _PHRASEBOOK)

_NEGATION_CUES: frozenset[tuple[str, ...]] = frozenset(
    _tokens_of(cue)
    for cue in _alternatives(
        "no | not | nothing | none | without | avoid | avoiding | skip | less | never | non | minus | "
        "don't want | dont want | do not want | don't like | dont like | do not like | don't need | "
        "not into | not really into | not a fan of | no more | anything but | not in the mood for | "
        "hate | i hate | sick of | tired of | can't stand | cant stand | rather not | except | excluding | "
        "isn't | isnt | wasn't | aren't | shouldn't be | nor | zero | free of | other than"
    )
)
_MAX_CUE = max(len(cue) for cue in _NEGATION_CUES)
_QUALIFIERS = _words(
    "too very overly so that super really a an any anything something much more the of in for kind "
    "type sort all at with involving including ones one scenes scene lot lots mood movies films stuff"
)
_INTENSIFIERS = _words("too very overly so that super really much")
_LIST_SEPARATORS = _words(", or and nor / & neither")

_NUMBERISH = re.compile(r"\d+(?:s|'s|st|nd|rd|th)?|#")


def _typo_targets() -> dict[str, list[str]]:
    """Single-word phrases of six letters or more, by first letter: short words collide too
    easily ("light"/"night", "crime"/"prime") to be guessed at."""
    targets: dict[str, list[str]] = {}
    for key in _PHRASEBOOK:
        if len(key) == 1 and len(key[0]) >= 6 and key[0].isalpha():
            targets.setdefault(key[0][0], []).append(key[0])
    return targets


# Typo repair: same first letter, one edit (two from nine letters up).
_TYPO_TARGETS = _typo_targets()
# Real words one edit away from a vocabulary word ("thrilled" is not "thriller").
_NOT_TYPOS = _words(
    "thrilled violet eastern trench finish indiana fighter mastery auction comely classical hunted "
    "raging poison watches policy concept hungry columbia knight slashed"
)


@lru_cache(maxsize=4096)
def _typo(word: str) -> str | None:
    """The vocabulary word `word` is a likely misspelling of ("horor" -> "horror"), if any."""
    if len(word) < 5 or not word.isalpha() or word in _STOPWORDS or word in _NOT_TYPOS:
        return None
    limit = 2 if len(word) >= 9 else 1
    best, best_distance = None, limit + 1
    for target in _TYPO_TARGETS.get(word[0], ()):
        if abs(len(target) - len(word)) > limit:
            continue
        distance = OSA.distance(word, target, score_cutoff=limit)
        if distance < best_distance:
            best, best_distance = target, distance
    return best


def _phrase_at(toks: list[_Tok], i: int) -> tuple[int, _Effect] | None:
    """The longest phrase starting at toks[i], or a single misspelt vocabulary word."""
    for n in range(min(_MAX_PHRASE, len(toks) - i), 0, -1):
        effect = _PHRASEBOOK.get(tuple(t.text for t in toks[i : i + n]))
        if effect is not None:
            return i + n, effect
    if toks[i].is_word:
        corrected = _typo(toks[i].text)
        if corrected is not None:
            return i + 1, _PHRASEBOOK[(corrected,)]
    return None


def _cue_at(toks: list[_Tok], i: int) -> int | None:
    for n in range(min(_MAX_CUE, len(toks) - i), 0, -1):
        if tuple(t.text for t in toks[i : i + n]) in _NEGATION_CUES:
            return i + n
    return None


# --- applying meaning --------------------------------------------------------------------------


def _extend(target: list[str], values: Iterable[str]) -> None:
    for value in values:
        if value not in target:
            target.append(value)


def _narrowed(low: int | None, high: int | None, new_low: int | None, new_high: int | None) -> tuple:
    """A range narrowed by another: the higher floor and the lower ceiling, None meaning open."""
    low = new_low if low is None else low if new_low is None else max(low, new_low)
    high = new_high if high is None else high if new_high is None else min(high, new_high)
    return low, high


class _Reading:
    """An Understood being filled in, plus which filters numbers already fixed."""

    def __init__(self, today_year: int):
        self.result = Understood()
        self.today = today_year
        self.explicit_years = False
        self.explicit_runtime = False
        self.explicit_rating = False

    def apply(self, effect: _Effect) -> None:
        out = self.result
        _extend(out.genres, effect.genres)
        _extend(out.moods, effect.moods)
        _extend(out.keywords, effect.keywords)
        _extend(out.languages, effect.languages)
        _extend(out.countries, effect.countries)
        _extend(out.exclude_genres, effect.exclude_genres)
        _extend(out.exclude_moods, effect.exclude_moods)
        _extend(out.modifiers, effect.modifiers)
        out.hidden_gem |= effect.hidden_gem
        out.popular |= effect.popular
        # A vague "recent" or "short" yields to numbers the user typed.
        if effect.years is not None and not self.explicit_years:
            self.bound_years(*effect.years(self.today))
        if effect.runtime is not None and not self.explicit_runtime:
            self.bound_runtime(*effect.runtime)
        if effect.min_rating is not None and not self.explicit_rating:
            out.min_rating = max(out.min_rating or 0.0, effect.min_rating)

    def bound_years(self, low: int | None, high: int | None) -> None:
        out = self.result
        out.year_min, out.year_max = _narrowed(out.year_min, out.year_max, low, high)

    def bound_runtime(self, low: int | None, high: int | None) -> None:
        out = self.result
        out.min_runtime, out.max_runtime = _narrowed(out.min_runtime, out.max_runtime, low, high)


# --- pass 1 and 3: titles ----------------------------------------------------------------------

# How much a cue vouches for the title after it: "like" a lot, "I like" less (it is also how
# people state tastes), "not"/"except" little; a bare Title Cased phrase has no cue at all.
_STRONG, _WEAK, _STRICT, _BARE = "strong", "weak", "strict", "bare"
_NOT_A_CUE, _SUFFIX, _INFIX = "not a cue", "suffix", "infix"  # "I'd like"; "X-style"; "X meets Y"

# Cue -> how a title after it is read. "like" is a reference unless it is the verb ("I'd like").
_TITLE_CUES: dict[tuple[str, ...], str] = {
    _tokens_of(cue): kind
    for kinds, kind in (
        (
            "like | similar to | similar as | in the vein of | in the style of | along the lines of | "
            "reminiscent of | same vibe as | same vibes as | comparable to | akin to | a la | à la | "
            "fans of | fan of | for fans of | if i liked | if i loved | if i enjoyed | if you liked | "
            "if you loved | since i liked | since i loved | because i liked | because i loved | loved | "
            "liked | enjoyed | adored | really enjoyed | just watched | just saw | just finished | "
            "more like | kind of like | sort of like",
            _STRONG,
        ),
        (
            "i like | i love | we like | we love | i really like | i really love | you like | i do like | "
            "what about | how about | do you have | have you got | got any | is there",
            _WEAK,
        ),
        (
            "nothing like | not like | unlike | nothing similar to | anything but | except | except for | "
            "other than | apart from | besides | excluding | but not | no more | not | no | hated | "
            "disliked | didn't like | did not like | didn't enjoy | don't like | dont like | "
            "don't want | dont want | not a fan of",
            _STRICT,
        ),
        (
            "i'd like | id like | we'd like | you'd like | would like | would you like | feel like | "
            "feels like | looks like | look like | sounds like | seems like | was like | is like | be like",
            _NOT_A_CUE,
        ),
        ("style | esque | vibes | vibe | inspired | type", _SUFFIX),
        ("meets | crossed with", _INFIX),
    )
    for cue in _alternatives(kinds)
}
_MAX_TITLE_CUE = max(len(cue) for cue in _TITLE_CUES)
_NEGATING_TITLE_CUES = frozenset({("no",), ("not",)})
_LEADING_ARTICLES = frozenset({"a", "an", "some", "any"})
_FILLER_TAIL = _words("movie movies film films flick flicks one ones stuff 's")


@dataclass
class _Candidate:
    start: int  # token index
    end: int  # token index, exclusive
    text: str  # as typed
    words: list[str]
    title_cased: bool
    goes_on: bool  # the text past it reads like more of a title ("Pride" and Prejudice)

    @property
    def numbers_only(self) -> bool:
        """ "Like 1917": digits carry no case, so after a strong cue they may still be a title."""
        return all(_NUMBERISH.fullmatch(w) for w in self.words)

    @property
    def plain_words(self) -> bool:
        """Only stopwords or filter phrases ("a comedy", "scary movie", "the 90s")."""
        return all(w in _STOPWORDS or _NUMBERISH.fullmatch(w) for w in self.words) or _explained(self.words)


_FILLER = _words(
    "a an the some any something anything movie movies film films flick flicks one ones stuff "
    "in from of with by for and or to at on"
)


def _explained(words: list[str]) -> bool:
    """Whether the phrasebook accounts for every word, as it does for filter talk but not titles."""
    i = 0
    while i < len(words):
        if words[i] in _FILLER or words[i] in _STOPWORDS or _NUMBERISH.fullmatch(words[i]):
            i += 1
            continue
        for n in range(min(_MAX_PHRASE, len(words) - i), 0, -1):
            if tuple(words[i : i + n]) in _PHRASEBOOK:
                i += n
                break
        else:
            return False
    return True


class _Pick(NamedTuple):
    match: TitleMatch
    cand: _Candidate
    exact: bool  # the span is the title itself, not a near miss


class _TitleReader:
    """Resolves candidate spans against the catalog, remembering answers within one message."""

    def __init__(self, scan: _Scan, lookup: CatalogLookup, people: _People):
        self.scan = scan
        self.lookup = lookup
        self.people = people
        self._cache: dict[str, TitleMatch | None] = {}

    def candidate(self, toks: list[_Tok], start: int, end: int, *, backward: bool = False) -> _Candidate:
        span = toks[start:end]
        return _Candidate(
            start=start,
            end=end,
            text=self.scan.original[span[0].start : span[-1].end],
            words=[t.text for t in span if t.is_word],
            title_cased=self.scan.title_cased(span),
            goes_on=self._goes_on(toks, start - 1 if backward else end, -1 if backward else 1),
        )

    def _goes_on(self, toks: list[_Tok], k: int, step: int) -> bool:
        if not 0 <= k < len(toks):
            return False
        text = toks[k].text
        if text in (",", ":"):  # "The Good, the Bad and the Ugly", but not "Titanic, something else"
            after = k + step
            return (
                0 <= after < len(toks)
                and toks[after].is_word
                and (self.scan.capitalised(toks[after]) or not self.scan.has_case)
            )
        return text in _TITLE_CONTINUES or bool(_NUMBERISH.fullmatch(text))

    def is_person(self, cand: _Candidate) -> bool:
        words = cand.text.lower().split()
        while words and words[-1] in _FILLER_TAIL:
            words.pop()
        return len(words) >= 2 and self.people.get(" ".join(words)) is not None

    def resolve(self, cand: _Candidate) -> TitleMatch | None:
        if cand.text not in self._cache:
            self._cache[cand.text] = self.lookup.resolve_title(cand.text)
        return self._cache[cand.text]

    def best(self, cands: list[_Candidate], strength: str) -> tuple[TitleMatch, _Candidate] | None:
        """The most convincing candidate: an exact title wins (the longest), then the best score.

        Candidates come shortest first; growth stops at an exact title unless the text goes on
        the way titles do ("Pride" and Prejudice), which keeps fuzzy catalog calls rare.
        """
        accepted: list[_Pick] = []
        for cand in cands:
            if not cand.words or self.is_person(cand):
                if cand.words:
                    return None  # "like Christopher Nolan films": a person, not a title
                continue
            if not _worth_resolving(cand, strength):
                continue
            match = self.resolve(cand)
            if match is None or not _acceptable(cand, match, strength):
                continue
            exact = _same_title(cand.text, match.title) or _same_title(cand.text, f"{match.title} {match.year}")
            pick = _Pick(match, cand, exact)
            accepted.append(pick)
            if pick.exact and not cand.goes_on:
                break
        if not accepted:
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

    def read_list(self, toks: list[_Tok], j: int, strength: str) -> tuple[list[TitleMatch], int]:
        """Titles listed from toks[j] on ("Heat, Ronin or The Town"); also where the list ended."""
        found: list[TitleMatch] = []
        end = j
        while j < len(toks):
            picked = self.best(self.forward(toks, j), strength)
            if picked is None:
                break
            match, cand = picked
            if match.movie_id not in [m.movie_id for m in found]:
                found.append(match)
            end = j = cand.end
            while j < len(toks) and toks[j].text in _TITLE_SEPARATORS:
                j += 1
            if j == end or j == len(toks) or not self._may_start_title(toks[j]):
                break
        return found, end

    def _may_start_title(self, tok: _Tok) -> bool:
        """After "Heat, ..." a list goes on with "Ronin" or "The Town", not with "something else"."""
        if not tok.is_word:
            return False
        return tok.text not in _STOPWORDS or tok.text in _TITLE_CONNECTORS or self.scan.capitalised(tok)

    def forward(self, toks: list[_Tok], j: int) -> list[_Candidate]:
        """Spans starting at toks[j] that end where a title plausibly ends."""
        ends: list[int] = []
        k = j
        while k < len(toks) and k - j < MAX_TITLE_TOKENS:
            tok = toks[k]
            if _GAP in tok.text or tok.text in _HARD_STOPS:
                break
            if k > j and _may_end_before(tok):
                ends.append(k)
            k += 1
        if k > j and (not ends or ends[-1] != k):
            ends.append(k)
        ends = [e for e in ends if toks[e - 1].is_word]
        return [self.candidate(toks, j, e) for e in ends[:MAX_TITLE_CANDIDATES]]

    def backward(self, toks: list[_Tok], j: int) -> list[_Candidate]:
        """Spans ending just before toks[j] ("a Fargo-style story", "Heat meets Ronin")."""
        cands = []
        for start in range(j - 1, max(-1, j - 1 - MAX_TITLE_CANDIDATES), -1):
            tok = toks[start]
            if not tok.is_word and tok.text not in (":", "&"):
                break
            if tok.text in _STOPWORDS and tok.text not in _TITLE_CONNECTORS:
                break
            if tok.is_word:
                cands.append(self.candidate(toks, start, j, backward=True))
        return cands


def _may_end_before(tok: _Tok) -> bool:
    """A title typed after "like" may stop before this token ("Zodiac what else", "Heat from")."""
    text = tok.text
    return (
        text in _SOFT_STOPS
        or (text in _STOPWORDS and text not in _TITLE_CONNECTORS)
        or bool(_NUMBERISH.fullmatch(text))
    )


def _same_title(typed: str, title: str) -> bool:
    return normalise_title(typed).replace(" ", "") == normalise_title(title).replace(" ", "")


def _worth_resolving(cand: _Candidate, strength: str) -> bool:
    """Skip catalog calls for spans that are plainly filter talk ("a comedy", "the 90s")."""
    if cand.title_cased or not cand.plain_words or (strength == _STRONG and cand.numbers_only):
        return True
    if cand.words[0] in _LEADING_ARTICLES or strength != _STRONG or len(cand.words) < 2:
        return False
    return not all(w in _STOPWORDS or _NUMBERISH.fullmatch(w) for w in cand.words)


def _acceptable(cand: _Candidate, match: TitleMatch, strength: str) -> bool:
    """How sure we must be depends on the cue: after "like" a fuzzy match will do."""
    if match.score < MIN_TITLE_SCORE:
        return False
    exact = _same_title(cand.text, match.title)
    if cand.plain_words:  # "Scary Movie" is a title only when typed as one
        if not exact or cand.words[0] in _LEADING_ARTICLES:
            return False
        if strength == _BARE:
            return len(cand.words) >= 2
        return cand.title_cased or (strength == _STRONG and (len(cand.words) >= 2 or cand.numbers_only))
    if strength == _STRONG:
        return True
    if strength == _BARE:
        return exact or (len(cand.words) >= 2 and match.score >= BARE_TITLE_SCORE)
    return exact or cand.title_cased


def _cued_titles(scan: _Scan, reader: _TitleReader, out: Understood) -> list[tuple[int, int]]:
    """Titles introduced by a cue: "like X", "X meets Y", "X-style", "not X". Returns the
    spans of Title Cased names after "like" that are no catalog title, for `_unknown_titles`."""
    unknown: list[tuple[int, int]] = []
    toks = scan.tokens()
    i = 0
    while i < len(toks):
        kind, after = None, i + 1
        for n in range(min(_MAX_TITLE_CUE, len(toks) - i), 0, -1):
            key = tuple(t.text for t in toks[i : i + n])
            if key in _TITLE_CUES:
                kind, after = _TITLE_CUES[key], i + n
                break
        if kind in (_STRONG, _WEAK):
            matches, end = reader.read_list(toks, after, kind)
            if matches:
                _extend(out.like_titles, [m.movie_id for m in matches])
                scan.take(toks[i].start, toks[end - 1].end)
                after = end
            elif kind == _STRONG and (named := _named_after(scan, toks, after)):
                unknown.append(named)
        elif kind == _STRICT:
            after = _refused_titles(scan, reader, out, toks, i, after)
        elif kind == _SUFFIX:
            picked = reader.best(reader.backward(toks, i), _STRONG)
            if picked:
                _extend(out.like_titles, [picked[0].movie_id])
                scan.take(toks[picked[1].start].start, toks[after - 1].end)
        elif kind == _INFIX:
            picked = reader.best(reader.backward(toks, i), _STRONG)
            matches, end = reader.read_list(toks, after, _STRONG)
            if picked:
                matches.insert(0, picked[0])
            if matches:
                _extend(out.like_titles, [m.movie_id for m in matches])
                first = picked[1].start if picked else i
                scan.take(toks[first].start, toks[max(end, after) - 1].end)
                after = max(end, after)
        i = after
    return unknown


def _named_after(scan: _Scan, toks: list[_Tok], j: int) -> tuple[int, int] | None:
    """The Title Cased run that starts right at toks[j] ("like Zorblax Returns, but..."), as a span."""
    if not scan.has_case:
        return None  # in all-lower or ALL-CAPS text no word looks more like a title than the next
    run = next(((a, b) for a, b in _capitalised_runs(scan, toks) if a == j), None)
    if run is None or toks[run[0]].text.isdigit():
        return None
    return toks[run[0]].start, toks[run[1] - 1].end


def _unknown_titles(scan: _Scan, spans: list[tuple[int, int]], out: Understood) -> None:
    """Names after "like" that no later pass explained: not a person, a genre, a mood or a year."""
    for start, end in spans:
        words = _tokens_of(scan.original[start:end])
        if _GAP in scan.text[start:end] or _explained(words):
            continue
        if any(start <= kept < end for kept in scan.kept):
            continue
        _extend(out.unknown_titles, [scan.original[start:end]])


def _refused_titles(scan: _Scan, reader: _TitleReader, out: Understood, toks: list[_Tok], i: int, after: int) -> int:
    """After "not"/"except": a refused title, unless the cue word starts the title itself."""
    cue = tuple(t.text for t in toks[i:after])
    if after < len(toks) and toks[after].text in _INTENSIFIERS and not reader.scan.capitalised(toks[after]):
        return after  # "not too cheesy": a degree, not a title
    starts_title = reader.scan.capitalised(toks[i]) or not reader.scan.has_case
    if cue in _NEGATING_TITLE_CUES and starts_title:  # "No Country for Old Men" is not a refusal
        whole = reader.best(reader.forward(toks, i), _STRICT)
        if whole and _same_title(whole[1].text, whole[0].title):
            _extend(out.like_titles, [whole[0].movie_id])
            scan.take(toks[i].start, toks[whole[1].end - 1].end)
            return whole[1].end
    matches, end = reader.read_list(toks, after, _STRICT)
    if not matches:
        return after
    _extend(out.exclude_titles, [m.movie_id for m in matches])
    scan.take(toks[i].start, toks[end - 1].end, negated=True)
    return end


def _bare_titles(scan: _Scan, reader: _TitleReader, out: Understood) -> None:
    """Title Cased runs with no cue ("Star Wars marathon tonight"), held to a higher bar.

    A lone capitalised word counts only when it is the whole message ("Psycho") or looks like
    no ordinary word ("Se7en", "Amélie"): "Big", "Friday" or "Drive" are capitalised for emphasis
    far more often than they are meant as films.
    """
    toks = scan.tokens()
    words = [t for t in toks if t.is_word]
    whole_message = len(words) == 1
    if not scan.has_case or (len(words) >= 4 and sum(map(scan.capitalised, words)) >= 0.85 * len(words)):
        return  # Title Case Or ALL CAPS messages say nothing about which words are titles
    for start, end in _capitalised_runs(scan, toks)[:4]:
        cands = [
            c
            for c in _run_candidates(reader, toks, start, end)
            if len(c.words) > 1 or whole_message or _unusual(c.text)
        ]
        picked = reader.best(cands, _BARE)
        if picked:
            _extend(out.like_titles, [picked[0].movie_id])
            scan.take(toks[picked[1].start].start, toks[picked[1].end - 1].end)


def _run_candidates(reader: _TitleReader, toks: list[_Tok], start: int, end: int) -> list[_Candidate]:
    """ "Looking for a Modern Times": the run from its first content word, then all of it."""
    first = next((k for k in range(start, end) if toks[k].is_word and toks[k].text not in _STOPWORDS), start)
    spans = [(first, end), (start, end)] if first != start else [(start, end)]
    for a, b in list(spans):
        if b - a > 1 and _NUMBERISH.fullmatch(toks[b - 1].text):  # "Heat 4 stars"
            spans.append((a, b - 1))
    return [reader.candidate(toks, a, b) for a, b in sorted(spans, key=lambda span: span[1] - span[0])]


def _unusual(word: str) -> bool:
    return any(c.isdigit() for c in word) or not word.isascii() or any(c.isupper() for c in word[1:])


_PRONOUN_I = frozenset({"i", "i'm", "i've", "i'd", "i'll"})


def _capitalised_runs(scan: _Scan, toks: list[_Tok]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    start = None
    last_cap = None
    for k, tok in enumerate(toks):
        capital = tok.is_word and scan.capitalised(tok) and tok.text not in _PRONOUN_I
        if capital and (start is not None or not tok.text[0].isdigit()):  # "the 90s" starts no title
            start = k if start is None else start
            last_cap = k
        elif start is not None and (tok.text == ":" or (tok.is_word and tok.text in _TITLE_CONNECTORS)):
            continue
        else:
            if start is not None:
                runs.append((start, last_cap + 1))
            start = None
    if start is not None:
        runs.append((start, last_cap + 1))
    return runs


# --- pass 2: people ----------------------------------------------------------------------------

_NAME_SPAN = re.compile(r"[^\W\d_]+(?:[ .'-]+[^\W\d_]+)*\.?")


_FOLDED_CACHE: dict[int, tuple[Mapping[str, str], dict[str, str]]] = {}


class _People:
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
                if not key.isascii():
                    aliases.setdefault(ascii_fold(key), name)
            if len(_FOLDED_CACHE) >= 8:
                _FOLDED_CACHE.clear()
            cached = _FOLDED_CACHE[id(index)] = (index, aliases)
        self.aliases = cached[1]

    def get(self, key: str) -> str | None:
        key = key[:-2] if key.endswith("'s") else key
        name = self.index.get(key) or self.aliases.get(key)
        if name is None and not key.isascii():
            name = self.index.get(key.casefold()) or self.aliases.get(ascii_fold(key))
        return name


def _people(scan: _Scan, people: _People, out: Understood) -> None:
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
                _extend(out.people, [name])
                scan.take(first.start, last.end)
                i += n
                break
        else:
            i += 1


# --- pass 4: numbers ---------------------------------------------------------------------------

_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "single": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "dozen": 12,
    "a dozen": 12,
}
_NUMBER = r"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|a\s+dozen"


def _number(word: str) -> int:
    word = " ".join(word.split())
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


_KID_AGE = re.compile(
    rf"(?<![\w.])(?P<age>{_NUMBER})[\s-]*(?:years?|yrs?|y)[\s-]*olds?(?!\w)|\b(?:toddlers?|preschoolers?)\b"
)


def _kid_ages(scan: _Scan, out: Understood) -> None:
    """ "For my 8 year old" asks for a family film, and its number is neither a year nor a count."""
    for m in list(_KID_AGE.finditer(scan.text)):
        if m["age"] is None or _number(m["age"]) <= 13:
            _extend(out.genres, ["family"])
        scan.take(m.start(), m.end())


_WORD_DECADES = {
    "twenties": 1920,
    "thirties": 1930,
    "forties": 1940,
    "fifties": 1950,
    "sixties": 1960,
    "seventies": 1970,
    "eighties": 1980,
    "nineties": 1990,
    "noughties": 2000,
    "aughts": 2000,
}
_TIME_POINT = re.compile(
    r"""(?<![\w.])
    (?:(?P<part>early|mid|late)[\s-]*)?
    (?:
        '?(?P<decade>(?:1[89]|20)?\d0)'?s
      | (?:nineteen[\s-]+)?
        (?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|noughties|aughts)
      | (?P<year>(?:1[89]|20)\d\d)
    )(?![\w+])""",
    re.X,
)
_JOINER = re.compile(r"\s*(?:-|to|and|or|through|thru|until|till|&|/|,)\s*(?:the\s+)?")
_YEAR_OPS_BEFORE: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(r"(?<!\w)" + pattern + r"\s*(?:the\s+)?$"), op)
    for pattern, op in (
        (r"(?:not|nothing|no)\s+(?:older|earlier)\s+than", "since"),
        (r"(?:not|nothing|no)\s+(?:newer|later|more\s+recent)\s+than", "until"),
        (r"(?:since|starting(?:\s+(?:in|from))?|as\s+of)", "since"),
        (r"(?:after|post|newer\s+than|later\s+than|more\s+recent\s+than)[\s-]*", "after"),
        (r"(?:before|pre|older\s+than|earlier\s+than|prior\s+to)[\s-]*", "before"),
        (r"(?:until|till|up\s+to|through|no\s+later\s+than)", "until"),
        (r"(?:around|circa|about|ca\.?)", "around"),
    )
)
_YEAR_OPS_AFTER: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(r"\s*" + pattern + r"(?!\w)"), op)
    for pattern, op in (
        (
            r"(?:onwards?|on(?=\s*(?:$|[,.!?]))|and\s+(?:later|after|up|newer|beyond)|or\s+(?:later|newer|after)|\+)",
            "since",
        ),
        (r"(?:and|or)\s+(?:earlier|before|older)", "until"),
    )
)
_RELATIVE_YEARS = re.compile(
    r"(?:(?:from|in|of|over)\s+)?(?:the\s+)?(?:last|past)\s+"
    r"(?:(?P<n>\d{1,2}|two|three|four|five|ten|twenty|few|couple(?:\s+of)?)\s+years?|(?P<decade>decade))"
    r"|(?P<this>this|last)\s+(?P<unit>year|decade)"
)


def _point_span(m: re.Match[str], today: int) -> YearSpan | None:
    if m["year"]:
        year = int(m["year"])
        return (year, year) if 1874 <= year <= today + 2 else None
    if m["word"]:
        start = _WORD_DECADES[m["word"]]
    else:
        digits = int(m["decade"])
        start = digits if digits >= 100 else (2000 + digits if digits < 20 else 1900 + digits)
    low, high = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get(m["part"] or "", (0, 9))
    return start + low, start + high


def _years(scan: _Scan, reading: _Reading) -> None:
    """Decades, years and ranges: exact spans unite ("80s or 90s"), open bounds intersect."""
    text = scan.text
    points = [(m, span) for m in _TIME_POINT.finditer(text) if (span := _point_span(m, reading.today))]
    spans: list[tuple[int, int, YearSpan]] = []
    for m, span in points:  # join "1990 to 2000", "80s and 90s", "60s-70s"
        if spans and _JOINER.fullmatch(text[spans[-1][1] : m.start()]):
            start, _, (low, _) = spans[-1]
            spans[-1] = (start, m.end(), (low, span[1]))
        else:
            spans.append((m.start(), m.end(), span))
    united: list[YearSpan] = []
    for start, end, (low, high) in spans:
        op, start, end = _year_operator(text, start, end)
        bounds = {
            None: None,
            "since": (low, None),
            "after": (high + 1, None),
            "before": (None, low - 1),
            "until": (None, high),
            "around": (low - 3, high + 3),
        }[op]
        if bounds is None:
            united.append((low, high))
        elif op == "around":
            united.append(bounds)
        else:
            reading.bound_years(*bounds)
        scan.take(start, end)
        reading.explicit_years = True
    if united:
        reading.bound_years(min(s[0] for s in united), max(s[1] for s in united))
    for m in _RELATIVE_YEARS.finditer(scan.text):
        reading.explicit_years = True
        if m["this"]:
            span = _relative_calendar(m["this"], m["unit"], reading.today)
        elif m["decade"]:
            span = (reading.today - 10, None)
        else:
            n = m["n"].split()[0]
            span = (reading.today - (5 if n == "few" else 2 if n == "couple" else _number(n)), None)
        reading.bound_years(*span)
        scan.take(m.start(), m.end())


def _year_operator(text: str, start: int, end: int) -> tuple[str | None, int, int]:
    """The "since"/"before"/"onwards" around a year span, and the span widened to cover it."""
    before = text[max(0, start - 40) : start]
    for pattern, op in _YEAR_OPS_BEFORE:
        if hit := pattern.search(before):
            return op, start - len(hit.group()), end
    for pattern, op in _YEAR_OPS_AFTER:
        if hit := pattern.match(text, end):
            return op, start, hit.end()
    return None, start, end


def _relative_calendar(which: str, unit: str, today: int) -> YearSpan:
    if unit == "year":
        year = today if which == "this" else today - 1
        return year, year
    decade = today // 10 * 10
    return (decade, None) if which == "this" else (decade - 10, decade - 1)


_DURATION = re.compile(
    r"""(?<![\w.])(?:
        (?P<hm_h>\d)\s*(?:h|hrs?|hours?)\s*(?:and\s+)?(?P<hm_m>\d{1,2})\s*(?:m|mins?|minutes?)?
      | (?P<colon_h>\d):(?P<colon_m>[0-5]\d)
      | (?P<halfhour>half\s+an\s+hour)
      | (?P<h>\d+(?:\.\d+)?|an?|one|two|three|four)(?P<h_half>\s+and\s+a\s+half)?
        \s*(?:h|hrs?|hours?)(?P<half>\s+and\s+a\s+half)?
      | (?P<m>\d{2,3})\s*(?:m|mins?|minutes?)
    )(?!\w)""",
    re.X,
)
_RUNTIME_BEFORE: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(r"(?<!\w)(?:" + pattern + r")\s*$"), op)
    for pattern, op in (
        (
            r"under|less\s+than|shorter\s+than|no\s+longer\s+than|not\s+longer\s+than|no\s+more\s+than|"
            r"not\s+more\s+than|not\s+over|at\s+most|max(?:imum)?(?:\s+of)?|below|within|up\s+to|"
            r"fewer\s+than|tops|<",
            "max",
        ),
        (
            r"over|more\s+than|longer\s+than|at\s+least|min(?:imum)?(?:\s+of)?|above|>|no\s+shorter\s+than|"
            r"not\s+shorter\s+than",
            "min",
        ),
        (r"around|about|roughly|approximately|approx\.?|~", "around"),
    )
)
_RUNTIME_AFTER: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\s*(?:or\s+(?:less|shorter|under|so)|max(?:imum)?|tops|at\s+most)(?!\w)"), "max"),
    (re.compile(r"\s*(?:or\s+(?:more|longer|over)|plus|\+|at\s+least|minimum)(?!\w)"), "min"),
)


def _minutes(m: re.Match[str]) -> int:
    if m["hm_h"]:
        return int(m["hm_h"]) * 60 + int(m["hm_m"])
    if m["colon_h"]:
        return int(m["colon_h"]) * 60 + int(m["colon_m"])
    if m["halfhour"]:
        return 30
    if m["h"]:
        word = m["h"]
        hours = float(word) if word[0].isdigit() else _NUMBER_WORDS[word]
        return round((hours + (0.5 if m["h_half"] or m["half"] else 0)) * 60)
    return int(m["m"])


def _runtime(scan: _Scan, reading: _Reading) -> None:
    """ "Under 2 hours", "90 minutes or less", "at least 2h", "around 100 min"; bare means at most."""
    for m in list(_DURATION.finditer(scan.text)):
        minutes = _minutes(m)
        if not 20 <= minutes <= 400:
            continue
        start, end = m.start(), m.end()
        before = scan.text[max(0, start - 25) : start]
        op = "max"
        for pattern, candidate in _RUNTIME_BEFORE:
            if hit := pattern.search(before):
                op, start = candidate, start - len(hit.group())
                break
        else:
            for pattern, candidate in _RUNTIME_AFTER:
                if hit := pattern.match(scan.text, end):
                    op, end = candidate, hit.end()
                    break
        bounds = {"max": (None, minutes), "min": (minutes, None), "around": (minutes - 15, minutes + 15)}[op]
        reading.bound_runtime(*bounds)
        reading.explicit_runtime = True
        scan.take(start, end)


_RATING = re.compile(
    r"""(?:
        (?:rated|rating|ratings|score|scored|imdb|rotten\s+tomatoes|metacritic)\s*(?:of|is|on\s+imdb)?\s*
        (?:above|over|at\s+least|higher\s+than|more\s+than|better\s+than|>=?)?\s*
        (?P<a>10|\d(?:\.\d)?)(?!\d)(?:\s*/\s*10)?\s*(?:\+|or\s+(?:more|higher|above|better))?
      | (?:(?:at\s+least|above|over)\s+)?(?P<b>10|\d(?:\.\d)?)\s*(?:\+|or\s+(?:more|higher|above|better))?\s*
        (?:/\s*10\s*)?(?:(?:on|at|in)\s+)?(?:imdb|rating|rated)
      | (?:at\s+least|above|over)\s+(?P<c>10|\d(?:\.\d)?)\s*/\s*10
    )(?!\w)""",
    re.X,
)


def _rating(scan: _Scan, reading: _Reading) -> None:
    for m in list(_RATING.finditer(scan.text)):
        value = float(m["a"] or m["b"] or m["c"])
        if 1 <= value <= 10:
            out = reading.result
            out.min_rating = max(out.min_rating or 0.0, value)
            reading.explicit_rating = True
            scan.take(m.start(), m.end())


_COUNT_NOUNS = (
    r"movies|films|flicks|picks|options|recommendations|recs|suggestions|titles|ideas|ones|choices|more|"
    r"documentaries|docs|comedies|dramas|thrillers|westerns|musicals|cartoons|classics|gems|horrors|"
    r"romances|mysteries|animes|things|shows"
)
_COUNTS: tuple[re.Pattern[str], ...] = (
    re.compile(
        rf"(?:give|show|recommend|suggest|list|find|get|need|want|pick|name|send)\s+(?:me\s+|us\s+)?"
        rf"(?:like\s+|about\s+|around\s+|maybe\s+|just\s+|only\s+)?(?P<n>{_NUMBER})(?!\w)(?!\s*(?:stars?|%|/))"
    ),
    re.compile(rf"\btop\s+(?P<n>{_NUMBER})(?!\w)"),
    re.compile(
        r"(?<!for\s)(?<!as\s)\b(?P<n>a\s+couple(?:\s+of)?|couple\s+of|a\s+few|one\s+or\s+two|two\s+or\s+three|"
        r"several|a\s+handful(?:\s+of)?|a\s+bunch(?:\s+of)?|a\s+dozen|a\s+pair\s+of)\b"
        r"(?!\s+(?:of\s+)?(?:hours?|minutes?|years?|days?|decades?))"
    ),
    re.compile(rf"(?<![\w.#])(?<!my\s)(?P<n>{_NUMBER})\s+(?:[^\W\d_][\w'-]*\s+){{0,3}}?(?:{_COUNT_NOUNS})(?!\w)"),
)
_PHRASE_COUNTS = {"several": 5, "handful": 5, "bunch": 5, "dozen": 12, "pair": 2, "couple": 2, "few": 3}
_SINGLE = re.compile(
    r"(?<![\w'])(?:one|1|a\s+single|single|just\s+one|only\s+one)\s+(?:[^\W\d_][\w'-]*\s+){0,3}?"
    r"(?:movie|film|flick|documentary)(?![\w'])"
)


def _count_value(phrase: str) -> int:
    words = phrase.split()
    if "or" in words:  # "one or two": the larger
        return _number(words[-1])
    for word in words:
        if word in _PHRASE_COUNTS:
            return _PHRASE_COUNTS[word]
    return _number(phrase)


def _count(scan: _Scan, reading: _Reading) -> None:
    """ "Give me 3", "top five", "a couple", "just one movie"; never more than MAX_COUNT.

    "A movie" is how people ask for a recommendation, not a count: it sets none.
    """
    out = reading.result
    for pattern in _COUNTS:
        m = pattern.search(scan.text)
        if m is None:
            continue
        out.count = max(1, min(MAX_COUNT, _count_value(m["n"])))
        scan.take(m.start("n"), m.end("n"))
        return
    if _SINGLE.search(scan.text):
        out.count = 1


# --- pass 5: the phrase walk -------------------------------------------------------------------


def _walk(scan: _Scan, reading: _Reading) -> None:
    """Look every remaining phrase up; a negation cue turns the phrases after it into exclusions."""
    toks = scan.tokens()
    i = 0
    while i < len(toks):
        hit = _phrase_at(toks, i)
        cue_end = _cue_at(toks, i)
        if cue_end is not None and (hit is None or cue_end >= hit[0]):
            i = _negation(scan, reading, toks, i, cue_end)
            continue
        if hit is None:
            i += 1
            continue
        end, effect = hit
        if not effect.only_negated:
            reading.apply(effect)
            if effect.soft:
                scan.kept.update(t.start for t in toks[i:end])
            else:
                scan.take(toks[i].start, toks[end - 1].end)
        i = end


def _negation(scan: _Scan, reading: _Reading, toks: list[_Tok], i: int, cue_end: int) -> int:
    """ "No horror or gore", "nothing too long", "not a fan of musicals"; returns where to go on."""
    j, k, last, intensified = cue_end, cue_end, None, False
    while j < len(toks):
        k = j
        while k < len(toks) and k - j < 3 and toks[k].text in _QUALIFIERS and not _phrase_at(toks, k):
            intensified |= toks[k].text in _INTENSIFIERS
            k += 1
        hit = _phrase_at(toks, k) if k < len(toks) else None
        if hit is None:
            break
        end, effect = hit
        reading.apply(effect.when_negated())
        last = end
        if end < len(toks) and toks[end].text in _LIST_SEPARATORS:
            j = end + 1
            continue
        break
    if last is not None:
        scan.take(toks[i].start, toks[last - 1].end, negated=True)
        return last
    if k < len(toks) and toks[k].is_word and (intensified or toks[k].text not in _STOPWORDS):
        # "not too cheesy", "but not Nolan": nothing to filter, but kept out of the query
        scan.take(toks[i].start, toks[k].end, negated=True)
        return k + 1
    return cue_end


# --- the query ---------------------------------------------------------------------------------


_NEVER_QUERIED = _words("movie movies film films flick flicks stuff something anything")


def _query(scan: _Scan) -> str:
    """What is left, in phrases, trimmed of filler ("a heist movie in Paris" -> "heist in Paris")."""
    phrases: list[str] = []
    current: list[_Tok] = []
    for tok in [*scan.tokens(), None]:
        if tok is not None and tok.text in _NEVER_QUERIED:
            continue
        if tok is not None and tok.is_word:
            current.append(tok)
            continue
        while current and current[0].text in _STOPWORDS and current[0].start not in scan.kept:
            current.pop(0)
        while current and current[-1].text in _STOPWORDS and current[-1].start not in scan.kept:
            current.pop()
        if current:
            phrases.append(_join(scan.original, current))
        current = []
    if phrases:
        return ", ".join(phrases)
    # Everything became a filter: fall back to the content words, minus what was refused.
    words = []
    for m in _TOKEN.finditer(scan.original.lower()):
        word = m.group()
        refused = any(start <= m.start() < end for start, end in scan.negated)
        if word[0].isalpha() and word not in _STOPWORDS and not refused:
            words.append(scan.original[m.start() : m.end()])
    return " ".join(words)


def _join(original: str, toks: list[_Tok]) -> str:
    """The words as typed, keeping "feel-good" whole where nothing was dropped in between."""
    text = original[toks[0].start : toks[0].end]
    for previous, tok in itertools.pairwise(toks):
        between = original[previous.end : tok.start]
        text += (between if between in ("-", "'") else " ") + original[tok.start : tok.end]
    return text


# --- entry points ------------------------------------------------------------------------------


def understand(text: str, lookup: CatalogLookup, *, today_year: int = 2026) -> Understood:
    """Read one message; fields it does not mention stay empty so a follow-up can merge onto it."""
    scan = _Scan(text)
    reading = _Reading(today_year)
    out = reading.result
    people = _People(lookup.people_index())
    reader = _TitleReader(scan, lookup, people)
    unknown = _cued_titles(scan, reader, out)
    _people(scan, people, out)
    _bare_titles(scan, reader, out)
    for start, end in scan.title_years:  # "(1995)" a title did not take is still a title's year
        scan.take(start, end)
    _kid_ages(scan, out)
    _years(scan, reading)
    _runtime(scan, reading)
    _rating(scan, reading)
    _count(scan, reading)
    _walk(scan, reading)
    _unknown_titles(scan, unknown, out)
    out.query = _query(scan)
    return out


def titles_after(text: str, offset: int, lookup: CatalogLookup) -> list[TitleMatch]:
    """Titles listed from `offset` (into normalise_message(text)) on, read as after "like"."""
    scan = _Scan(text)
    toks = scan.tokens()
    j = next((k for k, t in enumerate(toks) if t.start >= offset), len(toks))
    reader = _TitleReader(scan, lookup, _People(lookup.people_index()))
    return reader.read_list(toks, j, _STRONG)[0]


def vocabulary_errors() -> list[str]:
    """Table entries outside the shared vocabularies; empty when the tables are sound."""
    errors = []
    for key, effect in _PHRASEBOOK.items():
        for e in (effect, effect.negated) if effect.negated else (effect,):
            for genre in (*e.genres, *e.exclude_genres):
                if genre not in GENRES:
                    errors.append(f"{' '.join(key)!r}: genre {genre!r}")
            for mood in (*e.moods, *e.exclude_moods):
                if mood not in MOODS:
                    errors.append(f"{' '.join(key)!r}: mood {mood!r}")
            errors += [f"{' '.join(key)!r}: language {c!r}" for c in e.languages if c not in LANGUAGES]
            errors += [f"{' '.join(key)!r}: country {c!r}" for c in e.countries if c not in COUNTRIES]
    return errors

"""What a phrase means: the tables of genre, theme, mood, era and length phrases (quality phrases are
agent.understanding.quality_phrases, locale phrases agent.understanding.locale_phrases), and the
phrasebook every phrase is looked up in."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from agent.understanding.effect import Effect, YearSpan
from agent.understanding.locale_phrases import cannot_refuse_country, locale_phrases
from agent.understanding.quality_phrases import QUALITY_PHRASES
from agent.understanding.text import alternatives, tokens_of
from store.vocab import COUNTRIES, GENRES, LANGUAGES, MOODS

COLOUR = "My catalog doesn't record whether a film is in colour, so I couldn't go by it."
BLACK_AND_WHITE = "My catalog doesn't record which films are in black and white, so some of these may be in colour."
SILENT = "My catalog doesn't record which films are silent, so I went by the years before sound came (up to 1929)."
NOT_SILENT = "My catalog doesn't record which films are silent, so I left out the years before sound came (up to 1929)."
NOT_BLACK_AND_WHITE = "My catalog doesn't record which films are in black and white, so some of these may be."
TRUE_STORY = "based on true story"  # the tag TMDB gives films "based on a true story"
JUMP_SCARES = "My catalog doesn't record which films have jump scares, so I couldn't {went}."
AGE_RATINGS = "My catalog doesn't record age ratings (PG-13, R and the like), so I couldn't go by them."
TOLD_BY_THEMES = "My catalog notes {device} only where a film's themes say so, so I can't promise one."


def _studio(name: str, *genres: str, **refused) -> Effect:
    """A studio's films (a catalog that records no studios reads the kind of film it makes instead:
    agent.understanding.studios); `genres` are those the phrase says too ("hammer horror")."""
    return Effect(studios=(name,), genres=genres, aside=True,
                  negated=Effect(exclude_studios=(name,), aside=True, **refused))  # fmt: skip


COMIC_TAKEN = 'I took "comic" to mean comic-book films; if you meant no comedies, say "no comedies".'


def _cannot_judge(word: str) -> Effect:
    """ "a comedy that isn't cheesy": no data tells it, and the answer says so instead of ignoring it."""
    caveat = f"I can't tell which films are {word}, so I couldn't leave them out."
    return Effect(only_negated=True, negated=Effect(aside=True, caveat=caveat))


def _g(*genres: str, **more) -> Effect:
    return Effect(genres=genres, **more)


def _m(*moods: str, **more) -> Effect:
    return Effect(moods=moods, **more)


def _k(keyword: str, *genres: str, **more) -> Effect:
    return Effect(genres=genres, keywords=(keyword,), **more)


def _last_years(n: int) -> Callable[[int], YearSpan]:
    return lambda today: (today - n, None)


def _since(year: int) -> Callable[[int], YearSpan]:
    return lambda today: (year, None)


def _until(year: int) -> Callable[[int], YearSpan]:
    return lambda today: (None, year)


_GENRE_PHRASES: dict[str, Effect] = {
    "action | shoot em up | shoot-em-up | explosions | car chases | car chase": _g("action"),
    "action packed | non stop action | fast paced | adrenaline | adrenaline rush": _g(
        "action", moods=("action-packed",)
    ),
    "adventure | adventures": _g("adventure"),
    "adventurous": _m("adventurous"),
    "animation | animated | cartoon | cartoons | cartoony | 🎨": _g("animation"),
    "anime": _g("animation", languages=("ja",)),
    # "anime, not ghibli" refuses the studio's films, not animation; its directors' too, as the
    # studio of a film is recorded only where TMDB gave it
    "studio ghibli | ghibli": _studio(
        "Studio Ghibli", exclude_people=("Hayao Miyazaki", "Isao Takahata"), exclude_keywords=("studio ghibli",)
    ),
    # a studio's films where the catalog records studios, else their kind of film, and the answer says so
    "pixar | disney pixar": _studio("Pixar"),
    "disney animation | walt disney animation": _studio("Walt Disney Animation", "animation"),
    "disney | walt disney | disney movie | disney movies": _studio("Disney"),
    "dreamworks": _studio("DreamWorks"),
    "dreamworks animation": _studio("DreamWorks Animation", "animation"),
    "illumination": _studio("Illumination"),
    "laika": _studio("Laika"),
    "aardman": _studio("Aardman"),
    "blumhouse": _studio("Blumhouse"),
    "hammer horror": _studio("Hammer", "horror"),
    "hammer films": _studio("Hammer"),
    "a24 | a 24": _studio("A24"),
    "miramax": _studio("Miramax"),
    "lionsgate": _studio("Lionsgate"),
    "warner bros | warner brothers": _studio("Warner Bros."),
    "focus features": _studio("Focus Features"),
    "searchlight | fox searchlight": _studio("Searchlight"),
    "amblin": _studio("Amblin"),
    "lucasfilm": _studio("Lucasfilm"),
    "new line cinema": _studio("New Line Cinema"),
    "studiocanal": _studio("StudioCanal"),
    "stop motion | claymation": _k("stop motion", "animation"),
    "biography | biographies | biopic | biopics | biographical": _g("biography"),
    "comedy | comedies | comedic | humor | humour | humorous": _g("comedy"),
    "funny | hilarious | laugh | laughs | make me laugh | laugh out loud | 😂 | 🤣 | 😆": _g(
        "comedy", moods=("funny",)
    ),
    "rom com | rom coms | romcom | romcoms | romantic comedy | romantic comedies | chick flick": _g(
        "romance", "comedy", negated=Effect(exclude_genres=("romance",))
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
    # how the speaker feels is no tone asked for: "I'm sad and want something uplifting"
    "i'm sad | im sad | i am sad | i feel sad | feeling sad | i'm down | feeling down | i'm depressed | "
    "im depressed | feeling depressed | i'm feeling sad | i'm feeling down": Effect(aside=True),
    # when the speaker saw films, not who a film is for: "westerns I loved as a kid"
    "as a kid | as kids | as a child | as children | when i was a kid | when we were kids | when i was little": Effect(
        aside=True
    ),
    "for adults | for grown ups | for grownups | for a grown up | adult animation | adults only": Effect(
        exclude_genres=("family",)
    ),
    "for adults and kids | for kids and adults | for adults and children | for children and adults | "
    "for grown ups and kids | for kids and grown ups": _g("family"),
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
    "scariest | creepiest": _g("horror", moods=("scary",)),  # "scariest movie u know?"
    "slasher | slashers": _k("slasher", "horror"),
    "zombie | zombies": _k("zombies", "horror"),
    "sequel | sequels": _k("sequel"),  # "action from the 80s but no sequels": a theme TMDB tags
    "remake | remakes": _k("remake"),
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
    # an occasion, not words to search for: "first date" found Date Movie (3.6) by its title
    "date night | date nights | for a date night | first date | first dates | for a date | on a date | date movie "
    "| date movies | date flick | date flicks | date film | date films": _g(
        "romance", moods=("romantic",), aside=True, negated=Effect(exclude_genres=("romance",))
    ),
    "love triangle": _k("love triangle", "romance"),
    "sci fi | scifi | science fiction | syfy | sci fy | scify | scfi | sci fiction | 🚀 | 🛸 | 👽": _g("sci-fi"),
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
    "marvel | mcu": _k("marvel", "action"),
    "superhero | superheroes | super hero | super heroes": _k("superhero", "action"),
    # refused, a comic-book film is any drawn from comics (store.themes), superhero or not
    "comic book | comic books | comic book movie | comic book movies | comic book film | comic book films": _k(
        "superhero", "action", negated=Effect(exclude_keywords=("comic book",))
    ),
    # "not a comic movie", "nothing comic": comic-book films, as a refusal most often means (a comedy is more often
    # called funny), with the reading said; alone "comic" asks for nothing
    "comic | comics | comic movie | comic movies | comic film | comic films": Effect(
        only_negated=True, negated=Effect(exclude_keywords=("comic book",), caveat=COMIC_TAKEN)
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

_THEME_PHRASES: dict[str, Effect] = {
    "revenge | vengeance | revenge story": _k("revenge"),
    "survival": _k("survival"),
    "prison | prison break | jail": _k("prison"),
    "road trip | road movie | road movies": _k("road trip"),
    "coming of age": _k("coming of age"),
    "high school": _k("high school"),
    "teen | teens | teenage | teenager | teenagers": _k("teen"),
    "christmas | xmas | holiday season": _k("christmas"),
    # the tag TMDB gives such films (51 of 11,008; its "based on a true story" 2): required, and said
    "true story | based on a true story | true stories | real events | based on real events | based on true events | "
    "inspired by a true story | inspired by true events | real life story | "
    "real life stories": Effect(require_keywords=(TRUE_STORY,), aside=True),
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
    # how a story is told, not its tone: only the films whose themes say so can be vouched for
    "twist ending | twist endings | plot twist | plot twists | twist | twists | surprise ending": _k(
        "twist", caveat=TOLD_BY_THEMES.format(device="a twist ending")
    ),
    "unreliable narrator | unreliable narrators": _k(
        "unreliable narrator", caveat=TOLD_BY_THEMES.format(device="an unreliable narrator")
    ),
    "open ending | open endings | ambiguous ending | ambiguous endings | open ended ending": Effect(
        aside=True, caveat="My catalog doesn't record which films have an open ending, so I couldn't go by it."
    ),
}

_MOOD_PHRASES: dict[str, Effect] = {
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
    "thought provoking | makes you think | make you think | makes me think | make me think | philosophical": _m(
        "thought-provoking"
    ),
    "cerebral | deep | smart": _m("thought-provoking"),
    "mind bending | mindbending | mind blowing | mind fuck | mindfuck | twisty | puzzling": _m("mind-bending"),
    "keeps you guessing | keep me guessing | confusing | convoluted | hard to follow": _m("mind-bending"),
    "surreal | dreamlike | trippy | lynchian | watch high | watching high | while high | when high | high af | "
    "while stoned | when stoned | watch stoned | watching stoned": _m("surreal"),  # not Crank: High Voltage
    "epic | epics | sweeping | grand scale": _m("epic"),
    "whimsical | charming": _m("whimsical"),
    "slow burn | slow burner | slow burning | slow paced | slow": _m("slow-burn"),
    "atmospheric | moody | atmosphere": _m("atmospheric"),
    "stylish | stylized | stylised | visually stunning | beautifully shot | gorgeous": _m("stylish"),
    "emotional | tearjerker | tearjerkers | tear jerker | tear jerkers | make me cry | moving | 😭 | 😢": _m(
        "emotional"
    ),
    "to tears | crying | a good cry | want to cry | wanna cry | need to cry | makes you cry | makes me cry": _m(
        "emotional"
    ),
    "light | lighthearted | light hearted | cozy | cosy | breezy | easy watch | easy to watch": _m("light"),
    "fun | chill | relaxing | comfort movie | comfort watch | popcorn | turn my brain off | mindless": _m("light"),
    "heavy": Effect(only_negated=True, negated=Effect(exclude_moods=("dark", "bleak", "disturbing"))),
    "serious": Effect(only_negated=True, negated=Effect(moods=("light",))),
    "cheesy | corny | sappy": _cannot_judge("cheesy"),
    "predictable | cliche | cliched": _cannot_judge("predictable"),
    "boring": _cannot_judge("boring"),
    # no data tells which films have them: never a theme to search for ("scares" matched Zombieland)
    "jump scare free | jumpscare free | free of jump scares | free of jumpscares": Effect(
        aside=True, caveat=JUMP_SCARES.format(went="leave them out")
    ),
    "jump scare | jump scares | jumpscare | jumpscares | jump scary | cheap scares": Effect(
        aside=True,
        caveat=JUMP_SCARES.format(went="go by them"),
        negated=Effect(aside=True, caveat=JUMP_SCARES.format(went="leave them out")),
    ),
    # "a scary movie that is rated PG-13", "nothing rated R": no catalog field records them, so it is said
    "rated pg 13 | rated pg13 | pg 13 | pg13 | rated pg | pg | rated g | rated r | r rated | rated nc 17 | nc 17 | "
    "mpaa rating | age rating": Effect(aside=True, caveat=AGE_RATINGS, negated=Effect(aside=True, caveat=AGE_RATINGS)),
    # greetings, not a wish for a happy film ("Happy new year Do you know of any good comedies?")
    "happy new year | happy holidays | happy thanksgiving | happy halloween | happy easter | happy friday | "
    "happy weekend | happy monday | happy birthday": Effect(aside=True),
    "sex | nudity | sex scenes | swearing": Effect(only_negated=True, negated=_m("family-friendly")),
}

RECENT = Effect(years=_last_years(5))  # "recent", "new releases": the last five years

_ERA_PHRASES: dict[str, Effect] = {
    "recent | recently released | new release | new releases | newest | latest | brand new": RECENT,
    "new movie | new movies | new film | new films | new ones | new stuff": Effect(years=_last_years(5)),
    # "any good current movies?", "what's new in horror", "anything out now": the newest films; "new" alone is read
    # before a genre only (agent.understanding.negation), never in "new york" or a title
    "current movies | current films | current ones | current stuff | currently out | out now | out right now": (RECENT),
    "anything new | what's new | whats new | what is new | newly released | just released | just came out": RECENT,
    # "something new" is as often new to the speaker as newly made: no era, and no search for the word "new"
    # (which found The New Guy)
    "something new": Effect(aside=True),
    # "a comedy, old or new", "any era": no era, and no search for the words
    "old or new | new or old | old or recent | classic or modern | modern or classic | classic or new | old or modern"
    " | any era | any decade | all eras | whatever era | from any era | from any decade": Effect(aside=True),
    "modern | contemporary": Effect(years=_since(2000)),
    "modern classic | modern classics | instant classic": Effect(years=_since(2000), min_rating=7.5),
    "classic | classics | oldie | oldies | old school | old timey | golden age | vintage": Effect(
        years=_until(1979), negated=Effect(years=_since(1980))
    ),
    "old movie | old movies | old film | old films | old ones | old stuff | old flicks": Effect(
        years=_until(1979), negated=Effect(years=_since(1980))
    ),
    "old": Effect(years=_until(1979), negated=Effect(years=lambda today: (today - 30, None))),
    "black and white | b&w | black & white": Effect(  # older films stand in for it, and the answer says so
        years=_until(1965), caveat=BLACK_AND_WHITE, negated=Effect(aside=True, caveat=NOT_BLACK_AND_WHITE)
    ),
    # "outside Hollywood" refuses a country, which the filters cannot: said, never asked for
    # "us" alone is a pronoun ("recommend us a comedy"), and "about the US" a theme: only "from the US" is the country
    "from the us | made in the us": Effect(countries=("US",), negated=cannot_refuse_country("United States")),
    "outside hollywood | outside of hollywood | outside the us | outside the usa | outside america": (
        cannot_refuse_country("United States")
    ),
    # the catalog does not record colour: said, never guessed from the year
    "in color | in colour | color film | colour film | color films | colour films | in technicolor": Effect(
        aside=True, caveat=COLOUR, negated=Effect(aside=True, caveat=COLOUR)
    ),
    "silent film | silent films | silent movie | silent movies | silent era": Effect(
        years=_until(1929), caveat=SILENT, negated=Effect(years=_since(1930), caveat=NOT_SILENT)
    ),
    "pre war | prewar | pre ww2 | pre wwii | before the war": Effect(years=_until(1938), aside=True),  # not war films
    "post war | postwar": Effect(years=lambda today: (1945, 1960), aside=True),
}

# Set phrases that look like negations or filters but are neither.
_IDIOMS: dict[str, Effect] = {
    "long day | long week | long weekend | long time | long story | long ago | so long": Effect(),
    "very long time | really long time | such a long time | so long ago | how old | so old now": Effect(),
    "as long as | how long | all day long | before long | long shot": Effect(),
    "old friend | old friends | old man | old men | old lady | old woman": Effect(),
    "getting older | get older | got older | growing older | grow older | grew older": Effect(),  # the user's age
    "old fashioned | good old fashioned": Effect(),  # a style ("a good old fashioned action movie"), no era
    "old favourite | old favourites | old favorite | old favorites": Effect(),
    "why not | not sure | not only | if not | or not | no idea | no preference | not bad": Effect(),
    "no matter | whatever": Effect(),
    "doesn't matter | don't mind | dont mind | don't care | dont care | no worries | no problem": Effect(),
}

_LENGTH_PHRASES: dict[str, Effect] = {
    "short | shortish | quick watch | quick one | quick movie | brief": Effect(
        runtime=(None, 100), negated=Effect(runtime=(90, None))
    ),
    "long": Effect(runtime=(150, None), negated=Effect(runtime=(None, 130))),
    "long movie | long movies | long film | long films | long one | long ones | lengthy": Effect(
        runtime=(150, None), negated=Effect(runtime=(None, 130))
    ),
    "epic length | something long | really long | very long | super long | long runtime": Effect(
        runtime=(150, None), negated=Effect(runtime=(None, 130))
    ),
}

_MODIFIERS: dict[str, Effect] = {
    "older | earlier | older ones | less recent | from further back | more classic": Effect(modifiers=("older",)),
    "newer | more recent | more modern | newer ones | fresher | not as old | not so old": Effect(modifiers=("newer",)),
    "not as new | not as recent | not so new | not so recent": Effect(modifiers=("older",)),  # "not as old" read "old"
    "shorter | less long | not as long | quicker": Effect(modifiers=("shorter",)),
    "longer | more epic": Effect(modifiers=("longer",)),
    "lighter | less serious | less heavy | more lighthearted | more light hearted | happier": Effect(
        modifiers=("lighter",)
    ),
    "cheerier | more upbeat | more fun | lighter ones": Effect(modifiers=("lighter",)),
    "darker | more serious | grittier | edgier | heavier | bleaker | darker ones": Effect(modifiers=("darker",)),
    "funnier | more funny | more comedic | more humor | more humour | sillier | more laughs": Effect(
        modifiers=("funnier",)
    ),
    "scarier | more scary | creepier | more frightening | more terrifying | spookier": Effect(modifiers=("scarier",)),
    "more romantic | more romance | more romcom | more love story": Effect(modifiers=("more_romantic",)),
    "more popular | more mainstream | better known | more famous | more well known": Effect(
        modifiers=("more_popular",)
    ),
    "more obscure | less known | less popular | less mainstream | more underground | more niche": Effect(
        modifiers=("less_known",)
    ),
    "less famous | deeper cut | deeper cuts | more indie | lesser seen": Effect(modifiers=("less_known",)),
    # the people the last request named, refused: "not him, someone else", "enough of her"
    "not him | not her | not them | someone else | somebody else | a different actor"
    " | a different actress | a different director | other actors | other directors | without him | without her"
    " | no more of him | no more of her | enough of him | enough of her | anyone but him | anyone but her"
    " | not that director | not that actor | not that actress | not that guy | not by that director | not by him"
    " | not by her | not from that director | no more from that director | nothing by that director"
    " | other than him | other than her | no not him | no not her": Effect(modifiers=("other_people",)),
    # "back to the comedies": no words of a title to search for ("Back to the Future")
    "back to | go back to | return to": Effect(aside=True),
    "forget that | forget it | scratch that | never mind | nevermind | start over": Effect(aside=True),
    # like the films just shown: "not that director, but same vibe"
    "same vibe | similar vibe | same vibes | same feel | same style | same tone | in the same vein": Effect(
        modifiers=("like_shown",)
    ),
}
# said of the films just shown, never words to search for ("funnier" is no Funny Games)
_MODIFIER_PHRASES = {phrases: replace(effect, aside=True) for phrases, effect in _MODIFIERS.items()}

# --- the phrasebook ----------------------------------------------------------------------------


def _phrasebook(tables: Iterable[dict[str, Effect]]) -> dict[tuple[str, ...], Effect]:
    """Every phrase as a token tuple, so lookups are dict hits rather than regex scans."""
    book: dict[tuple[str, ...], Effect] = {}
    for table in tables:
        for phrases, effect in table.items():
            for phrase in alternatives(phrases):
                key = tokens_of(phrase)
                if key in book and book[key] is not effect:
                    raise ValueError(f"phrase {phrase!r} is defined twice")
                book[key] = effect
    return book


PHRASEBOOK = _phrasebook(
    (
        _GENRE_PHRASES,
        _THEME_PHRASES,
        _MOOD_PHRASES,
        _ERA_PHRASES,
        _LENGTH_PHRASES,
        QUALITY_PHRASES,
        _MODIFIER_PHRASES,
        _IDIOMS,
        locale_phrases(),
    )
)
MAX_PHRASE = max(len(key) for key in PHRASEBOOK)


def vocabulary_errors() -> list[str]:
    """Table entries outside the shared vocabularies; empty when the tables are sound."""
    errors = []
    for key, effect in PHRASEBOOK.items():
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

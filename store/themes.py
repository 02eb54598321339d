"""What a refused theme covers, and whether a film is about it.

"No aliens" has to keep out E.T. the Extra-Terrestrial, whose keywords say "extraterrestrial
technology" and "flying saucer", and Galaxy Quest, whose overview says "an alien spacecraft":
a refused theme is matched in its forms and near synonyms, against the keywords, the title
and the overview. The reply's "nothing about "aliens"" then says what was checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_KINDRED: dict[str, tuple[str, ...]] = {
    "alien": ("alien", "extraterrestrial", "extra terrestrial", "ufo", "flying saucer", "martian"),
    "extraterrestrial": ("alien", "extraterrestrial", "extra terrestrial", "ufo", "flying saucer"),
    "ufo": ("ufo", "flying saucer", "alien abduction"),
    "dragon": ("dragon", "wyvern", "dragonslayer"),
    "magic": ("magic", "magical", "magician", "wizard", "wizardry", "witch", "witchcraft", "sorcerer",
              "sorceress", "sorcery", "warlock", "spell", "enchanted", "enchantress", "fairy", "fairy tale",
              "curse", "cursed"),
    "magical": ("magic", "magical", "wizard", "witch", "sorcerer", "sorceress", "sorcery", "enchanted", "fairy"),
    "wizard": ("wizard", "wizardry", "sorcerer", "warlock"),
    "witch": ("witch", "witchcraft", "witchhunt", "coven"),
    "vampire": ("vampire", "dracula", "vampirism"),
    "zombie": ("zombie", "undead", "living dead"),
    "ghost": ("ghost", "haunted", "haunting", "poltergeist"),
    "spider": ("spider", "tarantula", "arachnid"),
    "shark": ("shark",),
    "clown": ("clown",),
    "robot": ("robot", "android", "cyborg", "droid"),
    # "no superhero movies" kept Guardians of the Galaxy (tagged "marvel comic" only) and Big Hero 6 ("teen
    # superheroes", whose plural the singular of "superhero" misses)
    "superhero": ("superhero", "superheroes", "superheroine", "super hero", "marvel comic", "dc comics",
                  "marvel cinematic universe"),
    # "no comic-book movies": the superhero films, and the rest drawn from comics (Sin City, Snowpiercer)
    "comic book": ("comic book", "based on comic", "graphic novel", "superhero", "superheroes", "superheroine",
                   "super hero", "marvel comic", "dc comics", "dark horse comics", "marvel cinematic universe"),
}  # fmt: skip


def singular(word: str) -> str:
    """ "aliens" -> "alien", "witches" -> "witch", "boss" stays: the plural a theme and a film share."""
    if len(word) > 4 and word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def words_of(text: str) -> tuple[str, ...]:
    """The words of a text in order, each singular: the units a theme is matched on."""
    return tuple(singular(w) for w in re.findall(r"[^\W_]+", text.casefold()))


def forms(theme: str) -> tuple[tuple[str, ...], ...]:
    """The word sequences a refused theme covers: itself, and its kindred when it is a theme we know."""
    own = words_of(theme)
    kin = _KINDRED.get(" ".join(own), ())
    return tuple(dict.fromkeys([own, *(words_of(k) for k in kin)])) if own else ()


def holds(words: tuple[str, ...], form: tuple[str, ...]) -> bool:
    """Whether the form's words come one after another in `words`."""
    n = len(form)
    return any(words[i : i + n] == form for i in range(len(words) - n + 1) if words[i] == form[0])


def is_about(keywords: Iterable[str], title: str, overview: str, theme: str) -> bool:
    """Whether a film is about a refused theme: a keyword holds every word of one of its forms, or
    the title or the overview says one of them."""
    theme_forms = forms(theme)
    if any(set(form) <= set(words_of(keyword)) for keyword in keywords for form in theme_forms):
        return True
    text = words_of(f"{title} . {overview}")
    return any(holds(text, form) for form in theme_forms)

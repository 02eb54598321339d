"""Phrases that name a language or a country: from the shared vocabulary (store.vocab), with the
words that name a country better than a language and phrases only a sentence uses."""

from __future__ import annotations

from agent.understanding.effect import Effect
from agent.understanding.text import alternatives
from store.vocab import COUNTRIES, COUNTRY_ALIASES, LANGUAGE_ALIASES, LANGUAGES


def cannot_refuse_country(name: str) -> Effect:
    """Filters can ask for a country but not refuse one: "nothing from France" says so
    (agent.understanding.meaning.say_countries_not_refused)."""
    return Effect(aside=True, country_not_refused=name)


# Words that name a country better than a language, and phrases only a sentence uses
# (the everyday names of languages and countries are store.vocab's aliases).
_LOCALE_OVERRIDES: dict[str, Effect] = {
    "irish": Effect(countries=("IE",)),
    "nollywood": Effect(countries=("NG",)),
    "bollywood": Effect(languages=("hi",)),  # Hindi cinema, not any film an Indian company co-produced
    "english countryside": Effect(countries=("GB",)),
    "scandinavian | nordic": Effect(countries=("SE", "DK", "NO", "FI", "IS")),
    "latin american": Effect(countries=("AR", "BR", "MX", "CL", "CO")),
    "k drama | kdrama | k dramas | kdramas": Effect(genres=("drama",), languages=("ko",)),
    "english subtitles | english subs | dubbed": Effect(),
    # foreign ones welcome, not asked for alone: "classic cinema, even foreign"
    "even foreign | including foreign | foreign too | foreign or not | or foreign | and foreign": Effect(aside=True),
    # "foreign films", "subtitled", "non-English": not in English; refused, they ask for English
    "with subtitles | subtitled | subtitles | subs | reading subtitles | foreign | foreign language | "
    "international | world cinema | in any language but english | any language but english | "
    "any language except english | not in english | non english": Effect(
        exclude_languages=("en",), negated=Effect(languages=("en",)), aside=True
    ),
}

# Country names that are everyday words too.
_AMBIGUOUS_COUNTRY_NAMES = frozenset({"turkey", "chile"})


def locale_phrases() -> dict[str, Effect]:
    """Language names and country adjectives from the shared vocabulary.

    A word that names a language is read as the language ("French films" -> fr); the other
    adjectives name countries ("British comedy" -> GB).
    """
    table: dict[str, Effect] = {}
    for code, name in LANGUAGES.items():
        if code != "xx":
            table[name.lower()] = Effect(languages=(code,))
    for code, (name, adjective) in COUNTRIES.items():
        for word in (adjective.lower(), name.lower()):
            if word not in table and word not in _AMBIGUOUS_COUNTRY_NAMES:
                table[word] = Effect(countries=(code,), negated=cannot_refuse_country(name))
    for alias, code in LANGUAGE_ALIASES.items():
        table.setdefault(alias, Effect(languages=(code,)))
    for alias, code in COUNTRY_ALIASES.items():
        table.setdefault(alias, Effect(countries=(code,), negated=cannot_refuse_country(COUNTRIES[code][0])))
    for phrases, effect in _LOCALE_OVERRIDES.items():
        for phrase in alternatives(phrases):
            table[phrase] = effect
    return table

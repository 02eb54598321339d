"""The controlled vocabularies every part of moviebot shares.

Sources name genres in their own ways ("Science Fiction", "Sci-Fi", "sci-fi",
"Children"); everything is mapped onto one vocabulary at ingest time so that a
filter, a profile affinity and a request all speak the same words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

GENRES: tuple[str, ...] = (
    "action",
    "adventure",
    "animation",
    "biography",
    "comedy",
    "crime",
    "documentary",
    "drama",
    "family",
    "fantasy",
    "film-noir",
    "history",
    "horror",
    "music",
    "musical",
    "mystery",
    "romance",
    "sci-fi",
    "sport",
    "thriller",
    "war",
    "western",
)

# How data sets spell genres, lower-cased; values are GENRES entries.
GENRE_ALIASES: dict[str, str] = {
    "science fiction": "sci-fi",
    "sci fi": "sci-fi",
    "scifi": "sci-fi",
    "scify": "sci-fi",
    "sci fy": "sci-fi",
    "film noir": "film-noir",
    "noir": "film-noir",
    "children": "family",
    "kids": "family",
    "animated": "animation",
    "biopic": "biography",
    "biographical": "biography",
    "sports": "sport",
    "historical": "history",
    "romantic": "romance",
    "musicals": "musical",
    "documentaries": "documentary",
    "doc": "documentary",
    "docs": "documentary",
    "docu": "documentary",
    "science-fiction": "sci-fi",
    "sf": "sci-fi",
    "cartoon": "animation",
    "anime": "animation",
    "bio": "biography",
    "suspense": "thriller",
    "whodunit": "mystery",
    "detective": "mystery",
    "cowboy": "western",
    "spaghetti western": "western",
    "family friendly": "family",
    "kid": "family",
    "tv movie": "",
    "foreign": "",
    "imax": "",
    "(no genres listed)": "",
    "short": "",
    "news": "documentary",
    "reality-tv": "",
    "talk-show": "",
    "game-show": "",
    "adult": "",
}

MOODS: tuple[str, ...] = (
    "dark",
    "gritty",
    "bleak",
    "violent",
    "tense",
    "scary",
    "disturbing",
    "funny",
    "witty",
    "quirky",
    "absurd",
    "satirical",
    "feel-good",
    "heartwarming",
    "uplifting",
    "inspiring",
    "romantic",
    "melancholic",
    "bittersweet",
    "nostalgic",
    "thought-provoking",
    "mind-bending",
    "surreal",
    "epic",
    "action-packed",
    "adventurous",
    "whimsical",
    "slow-burn",
    "atmospheric",
    "stylish",
    "emotional",
    "family-friendly",
    "light",
    "intense",
)

# ISO 639-1 code -> English name, for the languages people ask for by name.
LANGUAGES: dict[str, str] = {
    "en": "English",
    "fr": "French",
    "de": "German",
    "it": "Italian",
    "es": "Spanish",
    "pt": "Portuguese",
    "ja": "Japanese",
    "ko": "Korean",
    "zh": "Chinese",
    "cn": "Cantonese",
    "hi": "Hindi",
    "ta": "Tamil",
    "te": "Telugu",
    "ru": "Russian",
    "sv": "Swedish",
    "da": "Danish",
    "no": "Norwegian",
    "fi": "Finnish",
    "nl": "Dutch",
    "pl": "Polish",
    "cs": "Czech",
    "hu": "Hungarian",
    "el": "Greek",
    "tr": "Turkish",
    "fa": "Persian",
    "ar": "Arabic",
    "he": "Hebrew",
    "th": "Thai",
    "id": "Indonesian",
    "ro": "Romanian",
    "is": "Icelandic",
    "ga": "Irish",
    "bn": "Bengali",
    "ur": "Urdu",
    "ml": "Malayalam",
    "mr": "Marathi",
    "vi": "Vietnamese",
    "xx": "No language",
    "nb": "Norwegian Bokmål",
    "af": "Afrikaans",
    "ky": "Kyrgyz",
    "sl": "Slovenian",
    "ps": "Pashto",
    "uk": "Ukrainian",
    "hr": "Croatian",
    "sr": "Serbian",
    "sk": "Slovak",
    "ka": "Georgian",
    "kn": "Kannada",
    "pa": "Punjabi",
    "tl": "Tagalog",
    "ms": "Malay",
    "et": "Estonian",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "bg": "Bulgarian",
    "ca": "Catalan",
    "eu": "Basque",
    "la": "Latin",
    "sw": "Swahili",
    "wo": "Wolof",
    "am": "Amharic",
    "km": "Khmer",
    "ne": "Nepali",
    "mn": "Mongolian",
    "ku": "Kurdish",
    "yi": "Yiddish",
}

# ISO 3166-1 alpha-2 code -> English name, with the adjective people use.
COUNTRIES: dict[str, tuple[str, str]] = {
    "US": ("United States", "American"),
    "GB": ("United Kingdom", "British"),
    "FR": ("France", "French"),
    "DE": ("Germany", "German"),
    "IT": ("Italy", "Italian"),
    "ES": ("Spain", "Spanish"),
    "JP": ("Japan", "Japanese"),
    "KR": ("South Korea", "Korean"),
    "CN": ("China", "Chinese"),
    "HK": ("Hong Kong", "Hong Kong"),
    "TW": ("Taiwan", "Taiwanese"),
    "IN": ("India", "Indian"),
    "RU": ("Russia", "Russian"),
    "SU": ("Soviet Union", "Soviet"),
    "SE": ("Sweden", "Swedish"),
    "DK": ("Denmark", "Danish"),
    "NO": ("Norway", "Norwegian"),
    "FI": ("Finland", "Finnish"),
    "NL": ("Netherlands", "Dutch"),
    "BE": ("Belgium", "Belgian"),
    "PL": ("Poland", "Polish"),
    "CZ": ("Czech Republic", "Czech"),
    "HU": ("Hungary", "Hungarian"),
    "AT": ("Austria", "Austrian"),
    "CH": ("Switzerland", "Swiss"),
    "IE": ("Ireland", "Irish"),
    "IR": ("Iran", "Iranian"),
    "IL": ("Israel", "Israeli"),
    "TR": ("Turkey", "Turkish"),
    "GR": ("Greece", "Greek"),
    "BR": ("Brazil", "Brazilian"),
    "AR": ("Argentina", "Argentinian"),
    "MX": ("Mexico", "Mexican"),
    "CA": ("Canada", "Canadian"),
    "AU": ("Australia", "Australian"),
    "NZ": ("New Zealand", "New Zealand"),
    "ZA": ("South Africa", "South African"),
    "TH": ("Thailand", "Thai"),
    "ID": ("Indonesia", "Indonesian"),
    "LB": ("Lebanon", "Lebanese"),
    "SN": ("Senegal", "Senegalese"),
    "EG": ("Egypt", "Egyptian"),
    "RO": ("Romania", "Romanian"),
    "IS": ("Iceland", "Icelandic"),
    "PT": ("Portugal", "Portuguese"),
    "CL": ("Chile", "Chilean"),
    "CO": ("Colombia", "Colombian"),
    "TN": ("Tunisia", "Tunisian"),
    "DZ": ("Algeria", "Algerian"),
    "NG": ("Nigeria", "Nigerian"),
    "AE": ("United Arab Emirates", "Emirati"),
    "BG": ("Bulgaria", "Bulgarian"),
    "BS": ("Bahamas", "Bahamian"),
    "JM": ("Jamaica", "Jamaican"),
    "MY": ("Malaysia", "Malaysian"),
    "LU": ("Luxembourg", "Luxembourgish"),
    "PH": ("Philippines", "Filipino"),
    "MT": ("Malta", "Maltese"),
    "PE": ("Peru", "Peruvian"),
    "BA": ("Bosnia and Herzegovina", "Bosnian"),
    "SG": ("Singapore", "Singaporean"),
    "PK": ("Pakistan", "Pakistani"),
    "SI": ("Slovenia", "Slovenian"),
    "MA": ("Morocco", "Moroccan"),
    "KE": ("Kenya", "Kenyan"),
    "CY": ("Cyprus", "Cypriot"),
    "AF": ("Afghanistan", "Afghan"),
    "HR": ("Croatia", "Croatian"),
    "RS": ("Serbia", "Serbian"),
    "UA": ("Ukraine", "Ukrainian"),
    "VN": ("Vietnam", "Vietnamese"),
    "PS": ("Palestine", "Palestinian"),
    "SK": ("Slovakia", "Slovak"),
    "EE": ("Estonia", "Estonian"),
    "LT": ("Lithuania", "Lithuanian"),
    "LV": ("Latvia", "Latvian"),
    "GE": ("Georgia", "Georgian"),
    "CU": ("Cuba", "Cuban"),
    "UY": ("Uruguay", "Uruguayan"),
    "VE": ("Venezuela", "Venezuelan"),
}


# Names people and other data sets give languages, folded to ASCII lower case; values are LANGUAGES codes.
LANGUAGE_ALIASES: dict[str, str] = {
    "mandarin": "zh",
    "chinese mandarin": "zh",
    "farsi": "fa",
    "flemish": "nl",
    "castilian": "es",
    "brazilian portuguese": "pt",
    "bokmal": "nb",
    "filipino": "tl",
    "francais": "fr",
    "deutsch": "de",
    "espanol": "es",
    "italiano": "it",
    "portugues": "pt",
    "nihongo": "ja",
    "hangul": "ko",
}

# Names people give countries that COUNTRIES lacks, folded to ASCII lower case; values are codes.
COUNTRY_ALIASES: dict[str, str] = {
    "usa": "US",
    "u s": "US",
    "u s a": "US",
    "america": "US",
    "the states": "US",
    "united states of america": "US",
    "hollywood": "US",
    "uk": "GB",
    "u k": "GB",
    "britain": "GB",
    "great britain": "GB",
    "england": "GB",
    "english": "GB",
    "scotland": "GB",
    "scottish": "GB",
    "wales": "GB",
    "welsh": "GB",
    "korea": "KR",
    "south korean": "KR",
    "republic of korea": "KR",
    "holland": "NL",
    "the netherlands": "NL",
    "ussr": "SU",
    "russian federation": "RU",
    "czechia": "CZ",
    "persia": "IR",
    "persian": "IR",
    "uae": "AE",
    "bollywood": "IN",
    "aussie": "AU",
    "kiwi": "NZ",
    "west germany": "DE",
}


def _key(text: str) -> str:
    """How a typed name is compared: accents dropped, lower case, one space between words."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9\-]+", " ", folded).split())


@lru_cache(maxsize=4096)
def normalise_genre(name: str) -> str | None:
    """Map a genre as a data set or a person names it onto GENRES ("Sci-Fi", "science
    fiction", "Westerns", "horror movies"); None when it has no equivalent."""
    key = _key(name)
    key = re.sub(r" (films?|movies?|flicks?)$", "", key)
    singular = re.sub(r"ies$", "y", key) if key.endswith("ies") else re.sub(r"(?<![su])s$", "", key)
    for candidate in dict.fromkeys((key, singular)):
        for form in (candidate, candidate.replace("-", " "), candidate.replace(" ", "-")):
            if form in GENRES:
                return form
            if form in GENRE_ALIASES:
                return GENRE_ALIASES[form] or None
    return None


def language_code(text: str) -> str | None:
    """The ISO 639-1 code for a language as typed: "fr", "FR", "French", "français", "Mandarin"."""
    key = _key(text)
    if key in LANGUAGES:
        return key
    return _LANGUAGE_NAMES.get(key) or LANGUAGE_ALIASES.get(key)


def country_code(text: str) -> str | None:
    """The ISO 3166 code for a country as typed: "kr", "Korea", "South Korea", "Korean", "UK"."""
    key = _key(text)
    if key.upper() in COUNTRIES:
        return key.upper()
    return _COUNTRY_NAMES.get(key) or COUNTRY_ALIASES.get(key)


def parse_genre(text: str) -> str:
    """normalise_genre for an option a person typed; ValueError says what would work."""
    genre = normalise_genre(text)
    if genre is None:
        raise ValueError(f"{text!r} is not a genre moviebot knows; genres: {', '.join(GENRES)}")
    return genre


def parse_language(text: str) -> str:
    code = language_code(text)
    if code is None:
        raise ValueError(f"{text!r} is not a language moviebot knows; give a name (French) or a code (fr)")
    return code


def parse_country(text: str) -> str:
    code = country_code(text)
    if code is None:
        raise ValueError(f"{text!r} is not a country moviebot knows; give a name (South Korea, Korean) or a code (KR)")
    return code


def normalise_genres(names: list[str] | tuple[str, ...]) -> list[str]:
    """Map and de-duplicate, keeping the source's order."""
    seen: list[str] = []
    for name in names:
        genre = normalise_genre(name)
        if genre and genre not in seen:
            seen.append(genre)
    return seen


_LANGUAGE_NAMES = {_key(name): code for code, name in LANGUAGES.items()}
_COUNTRY_NAMES = {_key(word): code for code, names in COUNTRIES.items() for word in names}

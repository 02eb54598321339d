"""The controlled vocabularies every part of moviebot shares.

Sources name genres in their own ways ("Science Fiction", "Sci-Fi", "sci-fi",
"Children"); everything is mapped onto one vocabulary at ingest time so that a
filter, a profile affinity and a request all speak the same words.
"""

from __future__ import annotations

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
}


def normalise_genre(name: str) -> str | None:
    """Map a data set's genre name onto GENRES; None when it has no equivalent."""
    key = name.strip().lower()
    if key in GENRES:
        return key
    mapped = GENRE_ALIASES.get(key)
    if mapped is None:
        mapped = GENRE_ALIASES.get(key.replace("-", " "))
    return mapped or None


def normalise_genres(names: list[str] | tuple[str, ...]) -> list[str]:
    """Map and de-duplicate, keeping the source's order."""
    seen: list[str] = []
    for name in names:
        genre = normalise_genre(name)
        if genre and genre not in seen:
            seen.append(genre)
    return seen

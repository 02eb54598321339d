"""A wish about tone on a catalog that labels none (TMDB 5000 and MovieLens label no film's
tone): the genres that tone mostly comes in lean the picks, and words that describe it join the
query text, so "something sad" finds dramas whose synopses read sad rather than the most
popular films of any kind. Nothing is promised: the reply still says the catalog can't tell
tone (agent.nodes.understand.TONE_UNLABELLED), and a leaning genre is never called asked for.
"""

from __future__ import annotations

from agent.understanding.request import Request

# the genres a tone is mostly found in; a tone that comes in any genre ("stylish") leans none
GENRES_OF_TONE: dict[str, tuple[str, ...]] = {
    "dark": ("crime", "thriller"),
    "gritty": ("crime", "drama"),
    "bleak": ("drama",),
    "violent": ("action", "crime"),
    "tense": ("thriller",),
    "intense": ("thriller", "drama"),
    "disturbing": ("horror", "thriller"),
    "witty": ("comedy",),
    "quirky": ("comedy",),
    "absurd": ("comedy",),
    "satirical": ("comedy",),
    "feel-good": ("comedy", "family"),
    "heartwarming": ("drama", "family"),
    "uplifting": ("drama",),
    "inspiring": ("drama", "biography"),
    "emotional": ("drama", "romance"),
    "melancholic": ("drama",),
    "bittersweet": ("drama", "romance"),
    "thought-provoking": ("drama",),
    "mind-bending": ("sci-fi", "mystery", "thriller"),
    "surreal": ("fantasy",),
    "epic": ("adventure", "history", "war"),
    "whimsical": ("fantasy", "family"),
    "slow-burn": ("drama", "thriller"),
    "atmospheric": ("mystery",),
    "light": ("comedy",),
    "adventurous": ("adventure",),
    "family-friendly": ("family",),
}
# how synopses say it: one word is a thin query, and "melancholic" alone finds Melancholia by its title
WORDS_OF_TONE: dict[str, str] = {
    "dark": "dark sinister",
    "bleak": "bleak despair",
    "emotional": "emotional heartbreaking loss love tragedy",
    "melancholic": "sad grief loss loneliness",
    "bittersweet": "bittersweet love loss",
    "heartwarming": "heartwarming friendship family love",
    "uplifting": "uplifting hope triumph",
    "inspiring": "inspiring true story overcomes",
    "feel-good": "feel-good friendship fun",
    "light": "fun lighthearted comedy",
    "tense": "tense suspense danger",
    "mind-bending": "mind-bending reality memory dream",
    "thought-provoking": "thought-provoking questions",
}


def lean_to_tones(request: Request, moods: list[str]) -> None:
    """The genres of `moods`, the tones just asked for, added to `request` as soft genres (not a
    refused one)."""
    refused = set(request.get("exclude_genres") or [])
    genres = [g for mood in moods for g in GENRES_OF_TONE.get(mood, ()) if g not in refused]
    if genres:
        request["soft_genres"] = list(dict.fromkeys([*(request.get("soft_genres") or []), *genres]))


def tone_words(moods: list[str]) -> str:
    """What the indexes search for these tones on a catalog that labels none."""
    return " ".join(WORDS_OF_TONE.get(mood, mood) for mood in moods)

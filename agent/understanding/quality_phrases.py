"""What a phrase says of a film's standing: how well rated ("highly rated", "good"), how well known
("hidden gems", "popular"), and what of it the catalog cannot tell (awards, streaming, who scored or
leads it). One of the tables agent.understanding.phrases builds its phrasebook from."""

from __future__ import annotations

from agent.understanding.effect import Effect

AWARDS = "My catalog doesn't record awards, so I went by rating instead."
STREAMING = "I can't see what is streaming where, so these come from my whole catalog."
MUSIC = "My catalog doesn't record who wrote a film's music, so I couldn't go by it."
FEMALE_LEAD = "My catalog doesn't record which films have a female lead, so I couldn't go by it."

QUALITY_PHRASES: dict[str, Effect] = {
    "highly rated | high rated | well rated | top rated": Effect(min_rating=7.5),
    # "any good sci fi from the 2010s with high ratings"
    "high ratings | high rating | good ratings | great ratings | rated highly | high scores | top ratings": Effect(
        min_rating=7.5
    ),
    "must see": Effect(min_rating=7.5),
    # the catalog records no awards: a rating floor stands in, and the answer says so
    "award winning | oscar winning | oscar winner | oscar winners | award winners | oscar nominated | academy award | "
    "academy award winning | golden globe | palme d or | bafta winning | best picture | best picture winner | "
    "best picture winners | best picture winning | best picture nominees | oscars | academy awards | won an oscar "
    "| won oscars | won best picture": Effect(min_rating=7.5, caveat=AWARDS),
    # who made a film is in no credit the catalog keeps, but TMDB tags films directed by women
    "directed by women | directed by a woman | directed by female directors | by women directors | "
    "by female directors | by a female director | by a woman director | women directors | female directors | "
    "female director | woman director | by a woman | by women | made by women | female filmmakers | "
    "women filmmakers": Effect(require_keywords=("woman director",), aside=True),
    # nor where a film streams: nothing to search for ("netflix" matched a MovieLens tag)
    "on netflix | netflix | on prime | on prime video | on amazon prime | amazon prime | prime video | on hulu | "
    "hulu | disney plus | on hbo | hbo max | "
    "on max | apple tv | paramount plus | on peacock | streaming | to stream | streamable | streaming service": Effect(
        aside=True, caveat=STREAMING
    ),
    # nor who wrote the music: "scored by Hans Zimmer" asks for no music films
    "scored by | music by | composed by | soundtrack by | score by | a score by | soundtrack from": Effect(
        aside=True, caveat=MUSIC
    ),
    # nor who leads a film: TMDB tags too few films "female protagonist" (17 of 11,008) to go by
    "strong female lead | strong female leads | female lead | female leads | female led | female protagonist | "
    "female protagonists | strong female protagonist | strong female protagonists | strong female character | "
    "strong female characters | female hero | female heroes | strong heroine | strong heroines | woman led | "
    "women led | led by a woman | led by women | strong woman lead | strong women leads": Effect(
        aside=True, caveat=FEMALE_LEAD, negated=Effect(aside=True, caveat=FEMALE_LEAD)
    ),
    "masterpiece | masterpieces": Effect(min_rating=7.5),
    "best | the best | greatest | all time great | all time greats | top notch | finest": Effect(min_rating=8.0),
    "highest rated | best rated | best ever | of all time": Effect(min_rating=8.0),
    # "any decent documentaries?", "critically acclaimed dramas": well-rated films first, and no floor:
    # a floor left out films rated under it or not at all ("a good thriller" is agent.understanding.quality_words)
    "decent | watchable | solid | critically acclaimed | acclaimed | great reviews | good reviews | well reviewed | "
    "praised": Effect(quality=True),
    "best friend | best friends | best bet | my best": Effect(),
    "favorite of all time | favourite of all time | favorite movie of all time | favourite movie of all time": Effect(),
    "hidden gem | hidden gems | underrated | under rated | lesser known | little known | obscure": Effect(
        hidden_gem=True, negated=Effect(popular=True)
    ),
    "under the radar | overlooked | deep cut | deep cuts | off the beaten path | gem | gems": Effect(
        hidden_gem=True, negated=Effect(popular=True)
    ),
    "not well known | unknown | forgotten": Effect(hidden_gem=True, negated=Effect(popular=True)),
    # a wish for films the person has not come across: "a Hitchcock film I might not know"
    "might not know | may not know | might not have seen | may not have seen | might not have heard of | "
    "may not have heard of | probably don't know | probably haven't seen | probably haven't heard of | "
    "less obvious | non obvious | nothing obvious": Effect(hidden_gem=True),
    "obvious | obvious ones | obvious choices | usual suspects": Effect(popular=True, negated=Effect(hidden_gem=True)),
    "popular | blockbuster | blockbusters | crowd pleaser | crowd pleasers | mainstream": Effect(
        popular=True, negated=Effect(hidden_gem=True)
    ),
    "well known | famous | big budget | box office hit | box office hits | everyone has seen": Effect(
        popular=True, negated=Effect(hidden_gem=True)
    ),
    # a film for a group that everyone will like is a crowd-pleaser: popular and well liked
    "everyone will like | everyone will enjoy | everyone will love | everybody will like | everybody will enjoy | "
    "everyone can enjoy | everybody can enjoy | something for everyone | we'll all like | we'll all enjoy | "
    "we will all like | we will all enjoy | we can all enjoy | we can all agree on | all of us will like | "
    "all of us will enjoy | all of us can enjoy | crowd pleasing | safe bet | safe pick | safe choice | "
    "widely liked | universally liked | well liked | loved by everyone | everyone loves | people love | "
    "most people like | most people love | people generally like": Effect(
        popular=True, negated=Effect(hidden_gem=True)
    ),
}

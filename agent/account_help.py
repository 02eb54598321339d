"""What "what do you know about me?" or "forget everything about me" is told, in the words of the
front end the user is on.

The chat's help named /forget and `moviebot user forget` to everyone, so someone talking to the HTTP
API was pointed at commands it does not have. The user key's platform ("http:acme:ana") says which
front end they are on; an API user is told the endpoints instead.
"""

from __future__ import annotations

import re

ACCOUNT_HELP = (
    "I keep your ratings, what you've watched and the picks you reacted to. /profile shows the taste I see in "
    "them, /watched lists and edits what you've seen, and /forget deletes everything I keep about you "
    "(in the terminal: moviebot profile, moviebot watched list, moviebot user forget). To rate a pick, tell me "
    '"loved the second one" or "4 stars for Heat" (on Discord and Slack, a 👍 or 👎 reaction works too); '
    '"I\'ve seen Heat" marks it seen, and /watched remove Heat (moviebot watched remove Heat) takes it off.'
)
API_ACCOUNT_HELP = (
    "I keep your ratings, what you've watched and the picks you reacted to. Over this API, GET "
    "/v1/users/{user}/profile shows the taste I see in them, GET /v1/users/{user}/watched lists what you've seen "
    '(POST it {"movie", "stars"} to add one, DELETE /v1/users/{user}/watched/{movie_id} takes one off), GET '
    "/v1/users/{user}/export gives everything I keep about you, POST /v1/users/{user}/import takes that file back "
    "(or a Letterboxd or IMDb export), and DELETE /v1/users/{user} deletes it all. To rate a pick, tell me "
    '"loved the second one" or "4 stars for Heat", or POST /v1/feedback; "I\'ve seen Heat" marks it seen.'
)

# /export as each chat platform has it; the terminal's `moviebot user export` is for whoever runs moviebot.
EXPORT_HELP = {
    "discord": " /export gives you all of it as a file, which /import takes back.",
    "slack": " /export sends you all of it as a file in our direct messages; send that file, or your Letterboxd or "
    "IMDb history, back to me there to import it.",
}


# "how do I export my data?", "can I import my letterboxd": the answer to the question asked comes first, in
# the words of the front end the user is on; the help after it says what else there is
_EXPORT = re.compile(r"\b(?:export|download|back ?up|copy of)\b")
_IMPORT = re.compile(r"\b(?:import|upload|letterboxd|imdb|bring in|sync)\b")
EXPORT_ANSWER = "In the terminal, moviebot user export prints everything I keep about you as JSON."
IMPORT_ANSWERS = {
    "discord": "/import takes a Letterboxd or IMDb export, or a file /export gave you.",
    "slack": "Send me your Letterboxd or IMDb export, or a file /export gave you, in our direct messages and I'll "
    "import it (/import says how).",
    "http": "POST /v1/users/{user}/import takes a Letterboxd or IMDb export, or what GET .../export gave.",
}
IMPORT_ANSWER = "In the terminal, moviebot import FILE --user NAME brings in a Letterboxd or IMDb export."


def account_help(user: str | None, asked: str = "") -> str:
    """The account help for the front end of this user key: the endpoints for "http:..." users,
    the commands of Discord, Slack and the terminal otherwise, and /export on Discord and Slack; an
    export or import asked about is answered first."""
    platform = str(user or "").partition(":")[0]
    kept = API_ACCOUNT_HELP if platform == "http" else ACCOUNT_HELP + EXPORT_HELP.get(platform, "")
    lowered = asked.casefold()
    first = []
    if _IMPORT.search(lowered):
        first.append(IMPORT_ANSWERS.get(platform, IMPORT_ANSWER))
    elif _EXPORT.search(lowered) and platform not in ("http", *EXPORT_HELP):
        first.append(EXPORT_ANSWER)
    return " ".join([*first, kept])

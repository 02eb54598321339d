"""How moviebot's answers look on Slack: Block Kit built by pure functions, within Slack's limits.

Everything the bot sends goes through `escape`: Slack reads `<...>` as mentions and links
(`<!channel>`, `<!here>`, `<!everyone>`, `<!subteam^…>`, `<@U…>`), so a film title or a request
quoting one is shown as typed and pings nobody; a bare "@here" gets an invisible word joiner so
no client turns it into a broadcast either. Text is cut to 3,000 characters a block and 50
blocks a message instead of being rejected by the API.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence

from agent.profile import as_given
from agent.service_types import forgotten
from bot import listing
from bot.listing import bullet_lines, split_message, watched_on

TEXT_LIMIT = 3000  # a section's text
BLOCK_LIMIT = 50  # blocks in a message
HOME_BLOCK_LIMIT = 100  # blocks in a Home tab view
FALLBACK_LIMIT = 3000  # the notification text beside the blocks (Slack allows 40,000; nobody reads that much)
BUTTON_TEXT_LIMIT = 75
BUTTON_VALUE_LIMIT = 2000
ACTION_ELEMENTS_LIMIT = 25
ALT_TEXT_LIMIT = 2000
IMAGE_URL_LIMIT = 3000
WATCHED_PAGE_SIZE = 10

# The reactions the bot pre-adds, in order, by Slack name; their meaning is the service's.
REACTION_NAMES = ("+1", "-1", "white_check_mark", "see_no_evil", "one", "two", "three", "four", "five")
REACTION_HINT = (
    ":+1: like · :-1: not for me · :white_check_mark: seen it · :see_no_evil: not interested · :one:–:five: stars"
)

_BROADCAST = re.compile(r"@(channel|here|everyone)\b", re.IGNORECASE)
_DANGLING_ENTITY = re.compile(r"&[a-z]{0,4}$")


def escape(text: object) -> str:
    """User, catalog or model text, shown literally: no mentions, no links, no broadcasts."""
    escaped = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _BROADCAST.sub("@\u2060\\1", escaped)


# mrkdwn has no escape for its formatting characters: in a title or a name they become look-alikes
# that nothing reads as markup, so "M*A*S*H" inside a bold heading is not cut into bold pieces
_LOOK_ALIKES = str.maketrans({"*": "\u2217", "_": "\uff3f", "~": "\u223c", "`": "\u02cb"})


def literal(text: object) -> str:
    """`escape`, and no formatting either: for titles, names and explanations inside mrkdwn."""
    return escape(text).translate(_LOOK_ALIKES)


def clip(text: str, limit: int) -> str:
    """bot.listing.clip, never cutting halfway through an escaped `&amp;`."""
    return listing.clip(text, limit, dangling=_DANGLING_ENTITY)


def mrkdwn(text: str) -> dict:
    return {"type": "mrkdwn", "text": clip(text, TEXT_LIMIT)}


def plain(text: str, limit: int = TEXT_LIMIT) -> dict:
    return {"type": "plain_text", "text": clip(escape(text), limit), "emoji": True}


def section(text: str) -> dict:
    """A section of already-escaped mrkdwn."""
    return {"type": "section", "text": mrkdwn(text)}


def fit(blocks: Sequence[dict], limit: int = BLOCK_LIMIT) -> list[dict]:
    """At most `limit` blocks; when some are cut the last one says how many."""
    blocks = list(blocks)
    if len(blocks) <= limit:
        return blocks
    dropped = len(blocks) - limit + 1
    return [*blocks[: limit - 1], {"type": "context", "elements": [mrkdwn(f"… and {dropped} more not shown")]}]


def text_message(text: str) -> dict:
    """A plain answer as a message: escaped, in sections of at most 3,000 characters."""
    return mrkdwn_message(escape(text.strip() or "…"))


def mrkdwn_message(escaped: str) -> dict:
    """Already-escaped mrkdwn as a message, in sections of at most 3,000 characters."""
    sections = [section(chunk) for chunk in split_message(escaped, TEXT_LIMIT)]
    return {"text": clip(escaped, FALLBACK_LIMIT), "blocks": fit(sections)}


def movie_label(title: str, year: int | None) -> str:
    return f"{title} ({year})" if year else title


def runtime_text(minutes: int) -> str:
    hours, rest = divmod(int(minutes), 60)
    return f"{hours} h {rest:02d} min" if hours else f"{rest} min"


def poster_accessory(url: object, label: str) -> dict | None:
    """The poster as an image accessory, for an http(s) URL Slack will accept."""
    if not isinstance(url, str) or not url.startswith(("https://", "http://")) or len(url) > IMAGE_URL_LIMIT:
        return None
    if any(c.isspace() or c in "<>|" for c in url):
        return None
    return {"type": "image", "image_url": url, "alt_text": clip(escape(f"Poster of {label}"), ALT_TEXT_LIMIT)}


def pick_message(pick: dict, *, position: int | None = None, hint: bool = True) -> dict:
    """One recommendation as one message (text + blocks), so a reaction on it means this film:
    title, year, genres, runtime and the explanation, the poster beside them."""
    label = movie_label(pick.get("title") or "?", pick.get("year"))
    heading = f"*{position}. {literal(label)}*" if position is not None else f"*{literal(label)}*"
    facts = []
    if pick.get("genres"):
        facts.append(", ".join(escape(g[:1].upper() + g[1:]) for g in pick["genres"]))
    if pick.get("runtime"):
        facts.append(runtime_text(pick["runtime"]))
    if pick.get("directors"):
        facts.append("dir. " + ", ".join(literal(d) for d in pick["directors"][:2]))
    lines = [heading]
    if facts:
        lines.append(" · ".join(facts))
    head = "\n".join(lines)
    explanation = literal(pick.get("explanation") or "").strip()
    if explanation:
        room = TEXT_LIMIT - len(head) - 1
        head = f"{head}\n{clip(explanation, room)}"
    block = {"type": "section", "text": mrkdwn(head)}
    poster = poster_accessory(pick.get("poster_url"), label)
    if poster:
        block["accessory"] = poster
    blocks = [block]
    if hint:
        blocks.append({"type": "context", "elements": [mrkdwn(REACTION_HINT)]})
    return {"text": clip(escape(label), FALLBACK_LIMIT), "blocks": blocks}


RATE_IN_WORDS = (
    'To rate one of these, reply in words ("loved the 12th one", "seen the 3rd") or use `/rate <title> <stars>`.'
)
REACTED_TO_SEVERAL = (
    "A reaction on a message of several picks can't say which film it's for, so I didn't count it. " + RATE_IN_WORDS
)


def picks_message(picks: Sequence[dict], *, first: int) -> dict:
    """Several picks in one message, numbered on from `first`, for an answer too long to post a
    message (and nine reactions) per film: a reaction here could not say which film it meant,
    so the hint says how to rate them in words."""
    messages = [pick_message(pick, position=n, hint=False) for n, pick in enumerate(picks, first)]
    blocks = [message["blocks"][0] for message in messages]
    blocks.append({"type": "context", "elements": [mrkdwn(RATE_IN_WORDS)]})
    text = ", ".join(f"{n}. {message['text']}" for n, message in enumerate(messages, first))
    return {"text": clip(text, FALLBACK_LIMIT), "blocks": fit(blocks)}


def button(text: str, action_id: str, value: str, *, style: str | None = None) -> dict:
    element = {
        "type": "button",
        "text": plain(text, BUTTON_TEXT_LIMIT),
        "action_id": action_id,
        "value": value[:BUTTON_VALUE_LIMIT],
    }
    if style:
        element["style"] = style
    return element


def actions(elements: Iterable[dict], block_id: str | None = None) -> dict:
    block = {"type": "actions", "elements": list(elements)[:ACTION_ELEMENTS_LIMIT]}
    if block_id:
        block["block_id"] = block_id
    return block


# -- lists, choices and confirmations -------------------------------------------------------

CHOICE_ACTION = "title_choice"
WATCHED_PAGE_ACTION = "watched_page"
FORGET_CONFIRM_ACTION = "forget_confirm"
FORGET_CANCEL_ACTION = "forget_cancel"


def stars_text(stars: float | None, reaction: str = "") -> str:
    """ "4.5/5", or 👍 or 👎 for a reaction's stars (none the user gave)."""
    return "" if stars is None else as_given(stars, reaction)


def watched_page(items: Sequence, page: int, *, page_size: int = WATCHED_PAGE_SIZE) -> dict:
    """One page of the watched list (newest first) with Newer/Older buttons; `items` are the
    service's WatchedItems (label, stars, at)."""
    if not items:
        return text_message(  # as Discord's: the other ways a film gets on the list, an import among them
            "You haven't marked anything as watched yet. Use `/watched add <title>`, react :white_check_mark: "
            "on a pick, or send me your Letterboxd or IMDb history in a direct message (`/import` says how)."
        )
    pages = max(1, -(-len(items) // page_size))
    page = min(max(page, 0), pages - 1)
    shown = items[page * page_size : (page + 1) * page_size]
    lines = []
    for item in shown:
        reaction = getattr(item, "reaction", "")
        rated = f" · {stars_text(item.stars, reaction)}" if getattr(item, "stars", None) is not None else ""
        lines.append(f"• {literal(item.label)}{rated}{watched_on(item)}")
    total = len(items)
    title = f"*Your watched films* ({total}) · page {page + 1} of {pages}"
    blocks = [section(title), section("\n".join(lines))]
    nav = []
    if page > 0:
        nav.append(button("◀ Newer", f"{WATCHED_PAGE_ACTION}_newer", str(page - 1)))
    if page < pages - 1:
        nav.append(button("Older ▶", f"{WATCHED_PAGE_ACTION}_older", str(page + 1)))
    if nav:
        blocks.append(actions(nav, block_id="watched_pages"))
    return {"text": f"Your watched films ({total}), page {page + 1} of {pages}", "blocks": blocks}


def title_choices(prompt: str, choices: Sequence, request: dict) -> dict:
    """Buttons for an ambiguous title: each carries the chosen id and the pending request
    (what to do with the film), so the click can finish it."""
    buttons = []
    for n, choice in enumerate(choices[:ACTION_ELEMENTS_LIMIT]):
        value = json.dumps({**request, "movie": choice.movie_id}, separators=(",", ":"))
        buttons.append(button(choice.label, f"{CHOICE_ACTION}_{n}", value))
    return {"text": clip(escape(prompt), FALLBACK_LIMIT), "blocks": [section(escape(prompt)), actions(buttons)]}


def forget_confirmation() -> dict:
    text = (
        "This deletes everything moviebot knows about you: ratings, your watched list, likes, "
        "suggestions shown and conversations. It cannot be undone."
    )
    return {
        "text": "Delete all your moviebot data?",
        "blocks": [
            section(f"*Delete all your moviebot data?*\n{text}"),
            actions(
                [
                    button("Delete everything", FORGET_CONFIRM_ACTION, "forget", style="danger"),
                    button("Cancel", FORGET_CANCEL_ACTION, "cancel"),
                ],
                block_id="forget",
            ),
        ],
    }


def forgotten_message(counts: dict[str, int]) -> dict:
    detail = forgotten(counts)
    if not detail:  # not "Done: I deleted everything I knew about you (there was nothing stored)", which said both
        return text_message("I had nothing stored about you, so there was nothing to delete.")
    return text_message(f"Done: I deleted everything I knew about you ({detail}).")


def import_message(lines: Sequence[str], skipped: Sequence[str], *, heading: str = "", more: int = 0,
                   footer: str = "") -> dict:  # fmt: skip
    """An import report: what was imported, then the rows skipped (file, line, title, why), each as
    typed in the file and shown literally, then `footer` ("Nothing was imported.")."""
    blocks = [section(escape("\n".join(lines)))]
    if skipped:
        listed = bullet_lines(map(literal, skipped), TEXT_LIMIT - 200)
        tail = f"\n… and {more} more." if more else ""
        blocks.append(section(f"*{escape(heading)}*\n{listed}{tail}"))
    if footer:
        blocks.append({"type": "context", "elements": [mrkdwn(escape(footer))]})
    fallback = " ".join([*lines, heading if skipped else "", footer]).strip()
    return {"text": clip(escape(fallback), FALLBACK_LIMIT), "blocks": fit(blocks)}


def movienight_message(pick: dict, names: Sequence[str], reasons: Sequence[tuple[str, str]], *, hint: bool) -> dict:
    """One group pick: who it is for, the film, and a reason for each person."""
    message = pick_message(pick, hint=hint)
    people = ", ".join(literal(n) for n in names[:-1]) + f" and {literal(names[-1])}" if len(names) > 1 else ""
    why = bullet_lines([f"*{literal(name)}*: {literal(reason)}" for name, reason in reasons], TEXT_LIMIT - 40)
    blocks = [section(f"*Movie night for {people}*"), message["blocks"][0]]
    if why:
        blocks.append(section(f"*Why it works for each of you*\n{why}"))
    blocks.extend(message["blocks"][1:])
    return {"text": f"Movie night: {message['text']}", "blocks": blocks}


def profile_message(summary, note: str = "") -> dict:
    """/profile: the taste summary, counts and recent films (a ProfileSummary), plus a note."""
    blocks = profile_blocks(summary)
    if note:
        blocks.append({"type": "context", "elements": [mrkdwn(escape(note))]})
    return {"text": "Your movie taste", "blocks": fit(blocks)}


def _knows_nothing(summary) -> bool:
    return summary.is_empty and not summary.watched


def profile_blocks(summary) -> list[dict]:
    if _knows_nothing(summary):
        return [section(
            "*Your movie taste*\nI don't know your taste yet. Ask me for a film, react to my picks, "
            "tell me what you've seen with `/watched add <title>` or `/rate <title> <stars>`, or send me your "
            "Letterboxd or IMDb history in a direct message (`/import` says how)."
        )]  # fmt: skip
    # literal: "*batteries not included" and "Bat*21" in "Liked: ..." turned the words between into bold
    blocks = [section(f"*Your movie taste*\n{literal(summary.summary)}")]
    counts = f"Rated {summary.rated} · Watched {summary.watched} · Not interested {summary.dismissed}"
    blocks.append({"type": "context", "elements": [mrkdwn(counts)]})
    if summary.recent_watched:
        recent = bullet_lines((literal(label) for label in summary.recent_watched), TEXT_LIMIT)
        blocks.append(section("*Recently watched*\n" + recent))
    return blocks


HOME_IMPORT = ("to import your Letterboxd or IMDb history (or the file `/export` gave you), share the file with me "
               "in a direct message")  # fmt: skip


def home_view(summary, watched: Sequence) -> dict:
    """The App Home tab: the taste summary, the latest films on the watched list with the rating
    each has, the watched count, and how to import a history (only an empty profile said it). Headed
    "Rated recently", the list claimed an order it does not have: it goes by when each film was watched,
    and a film rated today but watched years ago came last."""
    blocks = [{"type": "header", "text": plain("moviebot", 150)}, *profile_blocks(summary)]
    rated = [item for item in watched if getattr(item, "stars", None) is not None][:10]
    if rated:
        lines = (f"{literal(item.label)} · {stars_text(item.stars, getattr(item, 'reaction', ''))}" for item in rated)
        blocks.append(section("*Your ratings, latest watched first*\n" + bullet_lines(lines, TEXT_LIMIT)))
    hint = (f"{len(watched)} film{'s' if len(watched) != 1 else ''} on your watched list · mention me or send me a "
            "message for picks, react to rate them")  # fmt: skip
    if not _knows_nothing(summary):  # the empty profile above already says how to import
        hint += f" · {HOME_IMPORT}"
    blocks.append({"type": "context", "elements": [mrkdwn(hint)]})
    return {"type": "home", "blocks": fit(blocks, HOME_BLOCK_LIMIT)}


FORBIDDEN = re.compile(r"<!(channel|here|everyone|subteam\^)|<@[UW]", re.IGNORECASE)


def pings_in(payload: object) -> list[str]:
    """Every mention or broadcast in a payload about to be sent (for tests and a last check)."""
    return [m.group(0) for m in FORBIDDEN.finditer(json.dumps(payload, ensure_ascii=False))]

"""What a model writes is untrusted text: one sanitiser for all of it before it leaves the agent.

A model can be wrong, or steered by what it read, into writing pings ("@everyone", "<@123>",
Slack's "<!channel>"), links, or films that exist nowhere ("a spiritual sequel to "Zorblax
Returns" (1987)"). Discord escapes mentions when it renders, but the terminal, Slack and HTTP
clients would show them, so every platform's mention syntax is stripped here, once, and so is
any link the film's own data does not contain. A title reference the user could not have
brought up (anything quoted with a capital, or Title Cased with a year) makes the whole text
untrustworthy: `references` finds them so the caller can fall back to the template.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from agent.understanding.text import STOPWORDS, word_set
from store.movie import normalise_title

# Discord <@123> <@!123> <@&123> <#123> </cmd:123>; Slack <@U123|name> <!channel> <!here>
# <!everyone> <!subteam^S123|@team> <#C123|general>; and the bare words both platforms expand.
_MENTION = re.compile(
    r"<(?:@[!&]?|#|/[^\s<>:]+:)[\w^|.\- ]*>"
    r"|<![\w^|.@\- ]*>"
    r"|(?<![\w@])@(?:everyone|here|channel)\b",
    re.IGNORECASE,
)
# Slack's <https://x|label>, markdown's [label](https://x), and bare http(s)/www links.
_SLACK_LINK = re.compile(r"<((?:https?|ftp|mailto):[^|>\s]+)(?:\|([^>]*))?>", re.IGNORECASE)
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\(\s*((?:https?|ftp|mailto):[^)\s]+)\s*\)", re.IGNORECASE)
_BARE_LINK = re.compile(r"(?:(?:https?|ftp)://|www\.)[^\s<>()\"]+", re.IGNORECASE)
_SPACES = re.compile(r"[ \t]{2,}")
_DANGLING = re.compile(r"\s+([,.;:!?])")


def own_links(movie) -> list[str]:
    """The links a film's own data holds: its poster, and any URL in its synopsis."""
    return [link for link in (movie.poster_url, *_BARE_LINK.findall(movie.overview or "")) if link]


def sanitise(text: str, *, links: Iterable[str] = ()) -> str:
    """`text` without mention syntax of any platform and without links other than `links`
    (the film's own: its poster, a URL in its data); the label of a dropped link stays."""
    allowed = {link.rstrip("/.,") for link in links if link}

    def keep_or_label(url: str, label: str | None) -> str:
        return url if url.rstrip("/.,") in allowed else (label or "")

    text = _MENTION.sub("", text or "")
    text = _SLACK_LINK.sub(lambda m: keep_or_label(m[1], m[2]), text)
    text = _MARKDOWN_LINK.sub(lambda m: keep_or_label(m[2], m[1]) if m[1] else keep_or_label(m[2], ""), text)
    text = _BARE_LINK.sub(lambda m: keep_or_label(m[0].rstrip(".,;:!?"), "") + m[0][len(m[0].rstrip(".,;:!?")):],
                          text)  # fmt: skip
    text = _MENTION.sub("", text)  # a mention split by a link ("<@ http://x 123>") is whole again
    text = _DANGLING.sub(r"\1", _SPACES.sub(" ", text))
    return text.strip()


# A title reference: a quoted span with a capital in it, or a Title Cased run with a year after it.
_QUOTED = re.compile(r"[\"“”«»*_‘’]([^\"“”«»*_‘’\n]{2,100}?)[\"“”«»*_‘’]|(?<!\w)'([^'\n]{2,100}?)'(?!\w)")
_WITH_YEAR = re.compile(
    r"((?:[A-Z0-9][\w'’:\-.&!?,]*\s+(?:(?:of|the|a|an|and|in|on|to|for|at|with|from|&|vs\.?)\s+)*)*"
    r"[A-Z0-9][\w'’:\-.&!?]*)\s*[(\[,]?\s*((?:1[89]|20)\d\d)\b\)?"
)


_NOT_TITLES = STOPWORDS | word_set("released made filmed shot out since year circa")
_MAX_TITLE_WORDS = 10


def references(text: str, is_title: Callable[[str], bool] = lambda key: False) -> list[str]:
    """Every span of `text` that reads as a film title: quoted ones that hold a capital letter,
    and Title Cased runs followed by a year ("Zorblax Returns (1987)").

    A number is a year only when it is no title's own: `is_title` (a normalised title -> whether
    the catalog has it) makes "Blade Runner 2049", "Kubrick's 2001: A Space Odyssey" and "Sam
    Mendes's 1917" references to those films, not to a "Blade Runner" of 2049.
    """
    quoted = [(m[1] or m[2]).strip() for m in _QUOTED.finditer(text)]
    found = [q for q in quoted if any(c.isupper() for c in q)]
    for m in _WITH_YEAR.finditer(text):
        words = m[1].strip()
        # "In 1995", "The 1995 film", "Released 1995": words any sentence starts with name no film
        if all(w.lower().strip(",.:!?") in _NOT_TITLES for w in words.split()):
            continue
        found.append(_numbered_title(words, m[2], text[m.start(2) :], is_title) or words)
    return found


def _numbered_title(before: str, number: str, rest: str, is_title: Callable[[str], bool]) -> str | None:
    """The catalog title the number belongs to: the longest one it ends ("Blade Runner 2049")
    or starts ("2001: A Space Odyssey", "1917"), if any."""
    words = before.split()
    for start in range(len(words)):
        title = " ".join([*words[start:], number])
        if is_title(normalise_title(title)):
            return title
    after = rest.split()[:_MAX_TITLE_WORDS]
    for end in range(len(after), 0, -1):
        title = " ".join(after[:end]).strip(" ,;:!?\"'.")
        if is_title(normalise_title(title)):
            return title
    return None


def unknown_references(
    text: str, known_titles: Iterable[str], is_title: Callable[[str], bool] = lambda key: False
) -> list[str]:
    """The title references in `text` that name none of `known_titles` (the pick, the other
    picks, the user's own references and history). A reference counts as known when it, or the
    words it ends with ("Like Heat" -> "Heat"), is one of them; `is_title` as for `references`."""
    known = {normalise_title(t) for t in known_titles if t}
    unknown = []
    for reference in references(text, is_title):
        words = reference.split()
        tails = {normalise_title(" ".join(words[i:])) for i in range(len(words))}
        if not tails & known:
            unknown.append(reference)
    return unknown

"""Block Kit rendering: what a Slack user sees, within Slack's limits, with nothing that pings."""

from __future__ import annotations

import json
from dataclasses import dataclass

from bot.slack.blocks import (
    BLOCK_LIMIT,
    TEXT_LIMIT,
    clip,
    escape,
    forget_confirmation,
    home_view,
    movienight_message,
    pick_message,
    pings_in,
    profile_message,
    text_message,
    title_choices,
    watched_page,
)

HEAT = {
    "id": "heat-1995",
    "title": "Heat",
    "year": 1995,
    "genres": ["crime", "drama"],
    "runtime": 170,
    "directors": ["Michael Mann"],
    "poster_url": "https://image.tmdb.org/t/p/w342/heat.jpg",
    "explanation": "A slow-burn heist duel, like the Se7en you loved.",
    "suggestion_id": 7,
}

HOSTILE = (
    "<!channel> <!here> <!everyone> <!subteam^S123|devs> <@U123> <#C1|general> <https://evil.example|click> & @here"
)


def texts(payload) -> str:
    return json.dumps(payload, ensure_ascii=False)


def test_a_title_with_markup_characters_is_shown_whole_inside_the_bold_heading():
    mash = {**HEAT, "title": "M*A*S*H", "year": 1970, "directors": ["Robert_Altman"], "explanation": "Like M*A*S*H."}
    text = pick_message(mash, position=1)["blocks"][0]["text"]["text"]
    heading = text.splitlines()[0]
    assert heading == "*1. M\u2217A\u2217S\u2217H (1970)*"  # the only asterisks left are the bold's own
    assert "Robert\uff3fAltman" in text and "Like M\u2217A\u2217S\u2217H." in text
    assert "`/watched add" in text_message("use `/watched add <title>`")["text"]  # our own markup stays


def test_a_pick_is_one_section_with_its_facts_and_the_poster_beside_them():
    message = pick_message(HEAT, position=2)
    section, hint = message["blocks"]
    text = section["text"]["text"]
    assert section["type"] == "section" and section["text"]["type"] == "mrkdwn"
    assert text.splitlines()[0] == "*2. Heat (1995)*"
    assert "Crime, Drama" in text and "2 h 50 min" in text and "Michael Mann" in text
    assert "slow-burn heist duel" in text
    assert section["accessory"] == {
        "type": "image",
        "image_url": HEAT["poster_url"],
        "alt_text": "Poster of Heat (1995)",
    }
    assert ":five:" in hint["elements"][0]["text"] and ":see_no_evil:" in hint["elements"][0]["text"]
    assert message["text"] == "Heat (1995)"


def test_a_pick_without_a_usable_poster_has_no_image():
    for url in (None, "", "ftp://x/y.jpg", "javascript:alert(1)", "https://x/a b.jpg", "https://x/" + "a" * 3000):
        message = pick_message({**HEAT, "poster_url": url})
        assert "accessory" not in message["blocks"][0]


def test_hostile_text_anywhere_is_shown_literally_and_pings_nobody():
    pick = {**HEAT, "title": HOSTILE, "genres": [HOSTILE], "directors": [HOSTILE], "explanation": HOSTILE}
    for payload in (
        pick_message(pick),
        text_message(HOSTILE),
        movienight_message(pick, [HOSTILE, "b"], [(HOSTILE, HOSTILE)], hint=True),
    ):
        assert pings_in(payload) == []
        assert "&lt;!channel&gt;" in texts(payload) and "&amp;" in texts(payload)
    assert escape("@here and @channel") == "@\u2060here and @\u2060channel"


def test_the_detector_catches_what_slack_would_turn_into_a_ping():
    assert pings_in({"text": "hi <!here>"}) == ["<!here"]
    assert pings_in({"blocks": [{"text": "<@U42>"}]}) == ["<@U"]
    assert pings_in({"text": "&lt;!here&gt;"}) == []


def test_long_text_is_cut_to_slacks_limits_and_says_so():
    long = "word " * 5000
    message = pick_message({**HEAT, "explanation": long})
    assert len(message["blocks"][0]["text"]["text"]) <= TEXT_LIMIT
    assert message["blocks"][0]["text"]["text"].endswith("…")
    answer = text_message("\n".join(f"line {n} " + "x" * 200 for n in range(2000)))
    assert len(answer["blocks"]) == BLOCK_LIMIT
    assert all(len(b["text"]["text"]) <= TEXT_LIMIT for b in answer["blocks"] if b["type"] == "section")
    assert "more not shown" in answer["blocks"][-1]["elements"][0]["text"]


def test_a_cut_never_leaves_half_an_escape():
    text = escape("a" * 95 + "&&&&&&")
    cut = clip(text, 100)
    assert cut.endswith("…") and not cut[:-1].rstrip("&amp;").endswith("&")
    assert "&am…" not in cut and "&a…" not in cut and "&…" not in cut


@dataclass
class Item:
    label: str
    stars: float | None = None
    reaction: str = ""
    at: str | None = None


def test_the_watched_list_shows_the_day_each_film_was_seen():
    """Before: '• Heat (1995) · 4/5' with no day, though `/watched add Heat 2024-05-31` took one."""
    items = [Item("Heat (1995)", 4.0, at="2024-05-31T00:00:00.000000+00:00"), Item("Se7en (1995)")]
    assert watched_page(items, 0)["blocks"][1]["text"]["text"].splitlines() == [
        "• Heat (1995) · 4/5 · 2024-05-31", "• Se7en (1995)",
    ]  # fmt: skip


def test_a_thumbs_up_on_the_watched_list_is_no_star_rating():
    """A 👍 is stored as 4.5 stars for ranking; the watched list and App Home showed "Heat (1995) · 4.5/5"."""
    items = [Item("Heat (1995)", 4.5, "like"), Item("Alien (1979)", 1.5, "dislike"), Item("Se7en (1995)", 4.5)]
    assert watched_page(items, 0)["blocks"][1]["text"]["text"].splitlines() == [
        "• Heat (1995) · 👍", "• Alien (1979) · 👎", "• Se7en (1995) · 4.5/5",
    ]  # fmt: skip


def test_the_watched_list_pages_with_buttons():
    items = [Item(f"Film {n} (2000)", 4.0 if n % 2 else None) for n in range(23)]
    first = watched_page(items, 0)
    shown = first["blocks"][1]["text"]["text"].splitlines()
    assert shown[0] == "• Film 0 (2000)" and shown[1] == "• Film 1 (2000) · 4/5" and len(shown) == 10
    assert "page 1 of 3" in first["blocks"][0]["text"]["text"] and "(23)" in first["blocks"][0]["text"]["text"]
    [older] = first["blocks"][2]["elements"]
    assert older["value"] == "1" and older["action_id"] == "watched_page_older"
    last = watched_page(items, 2)
    [newer] = last["blocks"][2]["elements"]
    assert newer["value"] == "1" and "page 3 of 3" in last["blocks"][0]["text"]["text"]
    assert watched_page(items, 99)["blocks"][0] == last["blocks"][0]  # a stale page number lands on the last page
    empty = watched_page([], 0)["text"]  # said as Discord says it, the import and the ✅ reaction named
    assert empty.startswith("You haven't marked anything as watched yet.") and "`/import` says how" in empty
    assert ":white_check_mark:" in empty


@dataclass
class Choice:
    movie_id: str
    label: str


def test_ambiguous_titles_become_buttons_that_carry_the_pending_request():
    message = title_choices("Which Heat?", [Choice("heat-1995", "Heat (1995)"), Choice("heat-1986", "Heat (1986)")],
                            {"op": "rate", "stars": 4.0})  # fmt: skip
    buttons = message["blocks"][1]["elements"]
    assert [b["text"]["text"] for b in buttons] == ["Heat (1995)", "Heat (1986)"]
    assert json.loads(buttons[1]["value"]) == {"op": "rate", "stars": 4.0, "movie": "heat-1986"}
    assert len({b["action_id"] for b in buttons}) == 2


def test_forget_asks_with_a_danger_button_and_a_cancel():
    buttons = forget_confirmation()["blocks"][1]["elements"]
    styles = [(b["action_id"], b.get("style")) for b in buttons]
    assert styles == [("forget_confirm", "danger"), ("forget_cancel", None)]


@dataclass
class Summary:
    summary: str = "You like tense crime films from the 90s."
    rated: int = 3
    watched: int = 5
    dismissed: int = 1
    recent_watched: tuple = ("Heat (1995)",)
    is_empty: bool = False


def test_the_home_tab_shows_taste_recent_ratings_and_the_watched_count():
    view = home_view(Summary(), [Item("Heat (1995)", 5.0), Item("Se7en (1995)"), Item("Alien (1979)", 4.5)])
    text = texts(view)
    assert view["type"] == "home"
    assert "tense crime films" in text and "Heat (1995) · 5/5" in text and "Alien (1979) · 4.5/5" in text
    assert "Se7en (1995) ·" not in text and "3 films on your watched list" in text
    assert "Your ratings, latest watched first" in text  # in watched order: it was headed "Rated recently"
    assert "Rated recently" not in text
    empty = home_view(Summary(is_empty=True, watched=0, rated=0), [])
    assert "don't know your taste yet" in texts(empty) and "0 films" in texts(empty)
    assert "`/import` says how" in texts(empty)  # Discord's empty profile named /import; Slack's had none
    assert texts(empty).count("Letterboxd or IMDb history") == 1  # said once, not twice


def test_the_home_tab_says_how_to_import_a_history_once_the_user_has_one_too():
    """Only the empty profile said how to import; the Home tab of anyone who had rated a film never did,
    though every other help text names importing a history."""
    text = texts(home_view(Summary(), [Item("Heat (1995)", 5.0)]))
    assert "import your Letterboxd or IMDb history (or the file `/export` gave you)" in text
    assert "share the file with me in a direct message" in text


def test_titles_in_the_taste_summary_are_not_read_as_formatting():
    """Before: "Liked: *batteries not included (1987) (5/5), Bat*21 (1988) (4/5)" showed the words
    between the two stars in bold and the stars gone, in /profile and the Home tab."""
    summary = Summary(summary="Liked: *batteries not included (1987) (5/5), Bat*21 (1988) (4/5), Le_Mans (1971)")
    for payload in (profile_message(summary), home_view(summary, [])):
        [text] = [b["text"]["text"] for b in payload["blocks"] if "Liked" in b.get("text", {}).get("text", "")]
        assert "*Your movie taste*" in text
        liked = text.split("\n", 1)[1]
        assert "*" not in liked and "_" not in liked and "batteries not included" in liked

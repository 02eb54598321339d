"""Slack listeners called directly with fake ack/respond/client over a real MovieService:
what the user sees, and that the layer only translates into service calls."""

from __future__ import annotations

import json

import pytest

from agent.service import build_service
from bot.slack.blocks import REACTION_NAMES, pings_in
from bot.slack.deps import SlackDeps
from bot.slack.listeners import actions, commands, events, messages
from bot.slack.talk import SORRY, request_text
from store.profiles import LIKE_STARS, ProfileStore
from tests.unit.test_slack_harness import (
    ANA,
    BEN,
    BOT_USER,
    CHANNEL,
    CY,
    TEAM,
    Ack,
    FakeClient,
    InlineExecutor,
    Respond,
    block_action,
    command,
    key,
    mention,
    message,
    reaction,
)

pytest_plugins = ("tests.unit.test_slack_harness",)


def posted_picks(client: FakeClient) -> list[dict]:
    return [m for m in client.of("chat_postMessage") if len(m.get("blocks") or []) == 2]


def pick_keys(client: FakeClient) -> list[str]:
    return [f"{m['channel']}:{ts}" for m, ts in zip(client.of("chat_postMessage"), _timestamps(client), strict=True)
            if len(m.get("blocks") or []) == 2]  # fmt: skip


def _timestamps(client: FakeClient) -> list[str]:
    return [f"1700000000.{n:06d}" for n in range(1, len(client.of("chat_postMessage")) + 1)]


def run_command(handler, payload: dict, client, context) -> tuple[Ack, Respond]:
    ack, respond = Ack(), Respond()
    handler(ack=ack, command=payload, respond=respond, client=client, context=context)
    assert len(ack.calls) == 1
    return ack, respond


def click(handler, payload: dict, client, context) -> Respond:
    ack, respond = Ack(), Respond()
    handler(ack=ack, body=payload, respond=respond, client=client, context=context)
    assert len(ack.calls) == 1
    return respond


def shown(respond: Respond) -> str:
    return json.dumps(respond.last, ensure_ascii=False)


# -- conversation ----------------------------------------------------------------------------


def test_a_mention_is_answered_in_its_thread_one_message_per_pick_with_reactions(deps, client, context):
    events.app_mention(mention("a crime thriller from the 90s", ts="1699990000.000100"), client, context)
    posts = client.of("chat_postMessage")
    assert all(p["thread_ts"] == "1699990000.000100" and p["channel"] == CHANNEL for p in posts)
    intro, *picks = posts
    assert "1990s crime thriller" in intro["text"]
    assert len(picks) == 3
    for pick in picks:
        heading = pick["blocks"][0]["text"]["text"].splitlines()
        assert "Crime" in heading[1]
        assert 1990 <= int(heading[0].rsplit("(", 1)[1][:4]) <= 1999
    reactions = client.of("reactions_add")
    assert [r["name"] for r in reactions] == list(REACTION_NAMES) * 3
    for n, key_ in enumerate(pick_keys(client)):
        suggestion = deps.service.profiles.suggestion_by_message("slack", key_)
        assert suggestion is not None and suggestion["user"] == key(ANA)
        assert {r["timestamp"] for r in reactions[n * 9 : n * 9 + 9]} == {key_.split(":")[1]}


def test_an_empty_mention_gets_the_help_as_on_discord(client, context):
    """An empty mention got three picks under a bare "Here are 3 picks:" (Discord answers with the help)."""
    events.app_mention(mention("", ts="1699990000.000200"), client, context)
    posts = client.of("chat_postMessage")
    assert len(posts) == 1 and posts[0]["text"].startswith("Tell me what you're in the mood for")
    assert not client.of("reactions_add")


def test_mentions_and_slack_markup_are_not_part_of_the_request():
    text = f"<@{BOT_USER}> something like <https://x.example|Heat> for <@{BEN}|ben> &amp; <!here> me"
    assert request_text(text) == "something like Heat for & me"


def test_formatting_marks_and_links_read_as_the_plain_text_would():
    assert request_text("a film like *Heat* or _Alien_, not ~Jaws~ or `Se7en`") == (
        "a film like Heat or Alien, not Jaws or Se7en"
    )
    assert (
        request_text("M*A*S*H or snake_case_words, Ocean's *Eleven*") == "M*A*S*H or snake_case_words, Ocean's Eleven"
    )
    assert request_text("like <https://www.imdb.com/title/tt0113277/> not <https://example.com/x_y>") == (
        "like https://www.imdb.com/title/tt0113277/ not"
    )


def test_a_film_named_in_bold_is_read_as_the_plain_title_is(client, context):
    events.app_mention(mention("a film like *Heat*", ts="1699990000.000100"), client, context)
    intro = client.of("chat_postMessage")[0]
    assert intro["text"] == "Here are 3 picks: like Heat."


def test_a_colleague_mentioned_in_a_request_does_not_change_what_is_asked(deps, client, context):
    deps.names[key("U0NOLAN")] = "Nolan"  # a colleague the bot has met: "@Nolan" asked for Christopher Nolan
    events.app_mention(mention("a thriller for <@U0NOLAN> and me", ts="1699990000.000100"), client, context)
    intro = client.of("chat_postMessage")[0]
    assert intro["text"] == "Here are 3 picks: thriller films."


def test_a_repeated_mention_delivery_is_answered_once(client, context):
    event = mention("a comedy", ts="1699990000.000300")
    events.app_mention(event, client, context)
    count = len(client.calls)
    events.app_mention(event, client, context)
    messages.message({**event, "type": "message", "channel_type": "channel"}, client, context)
    assert len(client.calls) == count


def test_follow_ups_in_its_thread_continue_the_conversation_without_a_mention(client, context):
    events.app_mention(mention("a crime thriller from the 90s", ts="1699990000.000100"), client, context)
    first = {p["text"] for p in posted_picks(client)}
    client.calls.clear()
    messages.message(message("more", ts="1699990000.000400", thread_ts="1699990000.000100"), client, context)
    second = posted_picks(client)
    assert second and all(p["thread_ts"] == "1699990000.000100" for p in second)
    assert not first & {p["text"] for p in second}  # "more" means other films


def test_a_follow_up_also_sent_to_the_channel_is_answered_in_the_thread(client, context):
    events.app_mention(mention("a crime thriller from the 90s", ts="1699990000.000100"), client, context)
    client.calls.clear()
    broadcast = {**message("more", ts="1699990000.000400", thread_ts="1699990000.000100"),
                 "subtype": "thread_broadcast"}  # fmt: skip
    messages.message(broadcast, client, context)
    assert len(posted_picks(client)) == 3 and all(p["thread_ts"] == "1699990000.000100" for p in posted_picks(client))


def test_other_apps_mentioning_it_get_no_answer(client, context):
    events.app_mention({**mention("a comedy", ts="1699990000.000100"), "bot_id": "B0OTHER"}, client, context)
    events.app_mention({**mention("a comedy", ts="1699990000.000200"), "subtype": "bot_message"}, client, context)
    assert client.calls == []


def test_channel_messages_outside_its_threads_are_left_alone(client, context):
    messages.message(message("a comedy please", ts="1699990000.000500"), client, context)
    messages.message({**message("hi", ts="1699990000.000700"), "subtype": "channel_join"}, client, context)
    messages.message({**message("hi", ts="1699990000.000800", channel_type="im"), "bot_id": "B1"}, client, context)
    assert client.calls == []
    for ts in ("1699990000.000600", "1699990000.000601"):  # a thread it has no part in: looked up once
        messages.message(message("a comedy", ts=ts, thread_ts="1699990000.000001"), client, context)
    assert [name for name, _ in client.calls] == ["conversations_replies"]


def test_after_a_restart_it_still_follows_up_in_threads_it_answered_in(deps, client, context, slack_service):
    events.app_mention(mention("a crime thriller from the 90s", ts="1699990000.000100"), client, context)
    restarted = SlackDeps(slack_service, work=InlineExecutor(), bot_user_id=BOT_USER)
    context = {"moviebot": restarted, "team_id": TEAM}
    before = len(client.of("chat_postMessage"))
    messages.message(message("more", ts="1699990000.000400", thread_ts="1699990000.000100"), client, context)
    assert [c["ts"] for c in client.of("conversations_replies")] == ["1699990000.000100"]
    assert len(client.of("chat_postMessage")) > before


def test_a_direct_message_is_answered_in_the_conversation_not_a_thread(client, context):
    messages.message(message("a feel-good comedy", channel="D0ANA", channel_type="im", ts="1699990000.000900"),
                     client, context)  # fmt: skip
    posts = client.of("chat_postMessage")
    assert len(posts) == 4 and all(p["channel"] == "D0ANA" and "thread_ts" not in p for p in posts)


def test_a_direct_message_written_in_a_thread_is_answered_there(client, context):
    messages.message(message("more", channel="D0ANA", channel_type="im", ts="1699990000.000950",
                             thread_ts="1699990000.000900"), client, context)  # fmt: skip
    posts = client.of("chat_postMessage")
    assert posts and all(p["thread_ts"] == "1699990000.000900" for p in posts)


def test_a_thread_under_one_of_its_own_messages_is_followed_after_a_restart(client, context):
    messages.message(message("more", ts="1699990000.001000", thread_ts="1699990000.000002", parent_user_id=BOT_USER),
                     client, context)  # fmt: skip
    assert client.of("chat_postMessage")


def test_a_failure_gets_an_apology_in_the_thread_not_silence(deps, client, context, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(deps.service, "chat", broken)
    events.app_mention(mention("a comedy", ts="1699990000.001100"), client, context)
    [apology] = client.of("chat_postMessage")
    assert apology["text"] == SORRY and apology["thread_ts"] == "1699990000.001100"


def test_hostile_requests_ping_nobody(client, context):
    events.app_mention(mention("<!channel> <!here> @everyone <@U0BEN> a heist film", ts="1699990000.001200"),
                       client, context)  # fmt: skip
    assert client.of("chat_postMessage")
    assert pings_in(json.loads(client.payloads())) == []


# -- reactions -------------------------------------------------------------------------------


def test_reactions_rate_undo_and_ignore_repeats_through_the_service(deps, client, context):
    events.app_mention(mention("a crime thriller from the 90s", ts="1699990000.000100"), client, context)
    first, second, third = pick_keys(client)
    movie = deps.service.profiles.suggestion_by_message("slack", first)["movie_id"]
    profiles = deps.service.profiles

    five = reaction("five", first, user=BEN, event_ts="1700000100.000001")
    events.reaction_added(five, client, context)
    events.reaction_added(five, client, context)  # Slack retried the delivery
    assert profiles.rating(key(BEN), movie) == 5.0 and profiles.has_watched(key(BEN), movie)
    assert len([e for e in profiles.feedback_events(key(BEN)) if e["kind"] == "stars"]) == 1

    undo = reaction("five", first, user=BEN, added=False, event_ts="1700000100.000002")
    events.reaction_removed(undo, client, context)
    assert profiles.rating(key(BEN), movie) is None and not profiles.has_watched(key(BEN), movie)

    dismissed = deps.service.profiles.suggestion_by_message("slack", second)["movie_id"]
    events.reaction_added(reaction("see_no_evil", second, event_ts="1700000100.000003"), client, context)
    assert dismissed in profiles.dismissed(key(ANA))
    seen = deps.service.profiles.suggestion_by_message("slack", third)["movie_id"]
    events.reaction_added(reaction("white_check_mark", third, event_ts="1700000100.000004"), client, context)
    assert profiles.has_watched(key(ANA), seen) and profiles.rating(key(ANA), seen) is None


def test_other_reactions_and_other_messages_change_nothing(deps, client, context):
    events.app_mention(mention("a comedy", ts="1699990000.000100"), client, context)
    [first, *_] = pick_keys(client)
    events.reaction_added(reaction("popcorn", first, event_ts="1700000100.000001"), client, context)
    events.reaction_added(reaction("+1", f"{CHANNEL}:1600000000.000001", event_ts="1700000100.000002"), client, context)
    events.reaction_added({**reaction("+1", first, event_ts="1700000100.000003"), "item": {"type": "file"}},
                          client, context)  # fmt: skip
    elsewhere = {**reaction("+1", f"{CHANNEL}:1600000000.000009", user=CY, event_ts="1700000100.000004"),
                 "item_user": BEN}  # fmt: skip
    events.reaction_added(elsewhere, client, context)
    assert deps.service.profiles.feedback_events() == []
    assert [c["user"] for c in client.of("users_info")] == [ANA]  # reactors elsewhere are not looked up
    assert deps.service.members("slack", TEAM) == [key(ANA)]  # nobody else was registered


def test_a_removal_delivered_before_its_add_ends_off(deps, client, context):
    events.app_mention(mention("a comedy", ts="1699990000.000100"), client, context)
    [first, *_] = pick_keys(client)
    movie = deps.service.profiles.suggestion_by_message("slack", first)["movie_id"]
    events.reaction_removed(reaction("+1", first, user=CY, added=False, event_ts="1700000200.000002"), client, context)
    events.reaction_added(reaction("+1", first, user=CY, event_ts="1700000200.000001"), client, context)
    assert deps.service.profiles.rating(key(CY), movie) is None


def test_a_re_add_whose_removal_overtook_the_first_add_ends_on(deps, client, context):
    events.app_mention(mention("a comedy", ts="1699990000.000100"), client, context)
    [first, *_] = pick_keys(client)
    movie = deps.service.profiles.suggestion_by_message("slack", first)["movie_id"]
    add, remove, again = (reaction("four", first, user=CY, added=step != 1, event_ts=f"1700000300.00000{step}")
                          for step in range(3))  # fmt: skip
    events.reaction_removed(remove, client, context)
    events.reaction_added(again, client, context)
    events.reaction_added(add, client, context)
    assert deps.service.profiles.rating(key(CY), movie) == 4.0 and deps.service.profiles.has_watched(key(CY), movie)


def test_a_like_holds_while_either_of_ones_thumbs_is_on(deps, client, context):
    """:+1: and :+1::skin-tone-3: are two reactions on Slack: removing one undid the like while
    the other still showed under the pick."""
    events.app_mention(mention("a comedy", ts="1699990000.000100"), client, context)
    [first, *_] = pick_keys(client)
    movie = deps.service.profiles.suggestion_by_message("slack", first)["movie_id"]
    steps = [("+1", True), ("+1::skin-tone-3", True), ("+1", False)]
    for n, (name, added) in enumerate(steps):
        handler = events.reaction_added if added else events.reaction_removed
        handler(reaction(name, first, added=added, event_ts=f"1700000400.00000{n}"), client, context)
    assert deps.service.profiles.rating(key(ANA), movie) == LIKE_STARS
    events.reaction_removed(reaction("+1::skin-tone-3", first, added=False, event_ts="1700000400.000009"), client,
                            context)  # fmt: skip
    assert deps.service.profiles.rating(key(ANA), movie) is None


# -- commands --------------------------------------------------------------------------------


def test_rate_answers_only_the_caller_and_marks_the_film_watched(deps, client, context):
    _, respond = run_command(commands.rate, command("/rate", "Se7en 4.5"), client, context)
    assert respond.last["response_type"] == "ephemeral"
    assert "Rated Se7en (1995) 4.5/5 and marked it watched." in respond.last["text"]  # as Discord says it
    assert deps.service.profiles.rating(key(ANA), "se7en-1995") == 4.5
    assert deps.service.profiles.has_watched(key(ANA), "se7en-1995")
    assert client.of("chat_postMessage") == []


def test_an_ambiguous_title_offers_buttons_and_the_click_finishes_the_rating(catalog, tmp_path, client):
    profiles = ProfileStore(tmp_path / "sample.sqlite")
    deps = SlackDeps(build_service(catalog, profiles), work=InlineExecutor(), bot_user_id=BOT_USER)
    context = {"moviebot": deps, "team_id": TEAM}
    _, respond = run_command(commands.rate, command("/rate", "Heat 4"), client, context)
    buttons = respond.last["blocks"][1]["elements"]
    labels = [b["text"]["text"] for b in buttons]
    assert "Heat (1995)" in labels and "Heat (1986)" in labels
    chosen = next(b for b in buttons if b["text"]["text"] == "Heat (1986)")
    clicked = click(actions.title_choice, block_action(chosen["action_id"], chosen["value"]), client, context)
    assert clicked.last["replace_original"] is True and "Rated Heat (1986) 4/5" in clicked.last["text"]
    assert deps.service.profiles.rating(key(ANA), "heat-1986") == 4.0
    assert deps.service.profiles.rating(key(ANA), "heat-1995") is None
    profiles.close()


def test_rate_without_stars_or_with_bad_stars_explains_itself(deps, client, context):
    _, respond = run_command(commands.rate, command("/rate", "Heat 1995"), client, context)
    assert respond.last["text"].startswith("How many stars for Heat (1995)?")
    _, respond = run_command(commands.rate, command("/rate", "Se7en 7"), client, context)
    assert "0.5 to 5" in respond.last["text"]
    _, respond = run_command(commands.rate, command("/rate", "Heat 1995 -1"), client, context)
    assert "0.5 to 5" in respond.last["text"] and "Usage" not in respond.last["text"]
    _, respond = run_command(commands.rate, command("/rate", "Zzyzx Qwerty Nonexistent 4"), client, context)
    assert respond.last["text"] == "No film called 'Zzyzx Qwerty Nonexistent' in the catalog."
    # the film's own number is no rating: this rated Toy Story (1995) 3/5
    _, respond = run_command(commands.rate, command("/rate", "Toy Story 3"), client, context)
    assert respond.last["text"].startswith("Toy Story 3 (2010) ends in its number: give its stars after it")
    assert deps.service.profiles.ratings(key(ANA)) == {}
    run_command(commands.rate, command("/rate", "Toy Story 3 4"), client, context)
    assert deps.service.profiles.ratings(key(ANA)) == {"toy-story-3-2010": 4.0}


def test_rate_with_a_title_alone_asks_how_many_stars(deps, client, context):
    """ "/rate The Dark Knight" answered only the usage, as if the film had not been understood."""
    _, respond = run_command(commands.rate, command("/rate", "The Dark Knight"), client, context)
    assert respond.last["text"] == (
        "How many stars for The Dark Knight (2008)? Give them after the title, 0.5 to 5 as 4.5, 4 stars, four, "
        "★★★★, ★★★½ or 8/10, e.g. `/rate The Dark Knight 4`."
    )
    _, respond = run_command(commands.rate, command("/rate", "Zzyzx Qwerty"), client, context)  # no such film
    assert respond.last["text"].startswith("Usage: `/rate")
    assert deps.service.profiles.ratings(key(ANA)) == {}


@pytest.mark.parametrize("typed, number", [("Heat 1995 11", "11"), ("Heat 12", "12"), ("Se7en 40", "40")])
def test_rate_with_a_number_past_5_says_stars_go_from_half_to_5(deps, client, context, typed, number):
    """Before: "/rate Heat 1995 11" answered only the usage text, as if no stars were typed."""
    _, respond = run_command(commands.rate, command("/rate", typed), client, context)
    said = respond.last["text"]
    assert said.startswith(f"“{number}” is no rating for {typed.removesuffix(' ' + number)}: ")
    assert "from 0.5 to 5" in said and "Usage" not in said
    assert deps.service.profiles.ratings(key(ANA)) == {}


def test_rate_with_a_film_ending_in_its_number_and_no_stars_says_so(deps, client, context):
    """ "/rate Ocean's 11" was the usage text; "/rate Heat 1995" (a year, no stars) asks for the stars."""
    _, respond = run_command(commands.rate, command("/rate", "Apollo 13"), client, context)
    assert respond.last["text"].startswith("Apollo 13 (1995) ends in its number: give its stars after it")
    _, respond = run_command(commands.rate, command("/rate", "Heat 1995"), client, context)
    assert respond.last["text"].startswith("How many stars for Heat (1995)?")


def test_rate_and_watched_add_read_stars_out_of_5_or_10_and_refuse_a_grade_past_its_scale(deps, client, context):
    """Before: "/rate Se7en 8/10" answered the usage, and "/rate Se7en 6/5" refused "6" as stars."""
    _, respond = run_command(commands.rate, command("/rate", "Se7en 8/10"), client, context)
    assert "Rated Se7en (1995) 4/5 and marked it watched." in respond.last["text"]
    _, respond = run_command(commands.watched, command("/watched", "add Heat 1995 7/10"), client, context)
    assert "rated 3.5/5" in respond.last["text"]
    _, respond = run_command(commands.rate, command("/rate", "Alien 6/5"), client, context)
    assert "6/5 is more than the whole scale" in respond.last["text"]
    _, respond = run_command(commands.rate, command("/rate", "Alien 11/10"), client, context)  # was the usage
    assert "11/10 is more than the whole scale" in respond.last["text"]
    assert deps.service.profiles.ratings(key(ANA)) == {"se7en-1995": 4.0, "heat-1995": 3.5}


def test_rate_and_watched_read_an_ampersand_as_slack_sends_it(deps, client, context):
    _, respond = run_command(commands.rate, command("/rate", "Roger &amp; Me 4"), client, context)
    assert respond.last["text"].startswith("Rated Roger &amp; Me (1989) 4/5")  # Slack shows "Roger & Me"
    _, respond = run_command(commands.watched, command("/watched", "add Planes, Trains &amp; Automobiles"),
                             client, context)  # fmt: skip
    assert "Planes, Trains &amp; Automobiles (1987)" in respond.last["text"] and "as watched" in respond.last["text"]
    assert deps.service.profiles.has_watched(key(ANA), "planes-trains-automobiles-1987")


def test_watched_add_list_page_and_remove(deps, client, context):
    for title in ("Se7en", "Heat 1995 4 stars", "The Dark Knight", "Alien", "Fargo", "Goodfellas", "Jaws",
                  "Casablanca", "Psycho", "Vertigo", "Rocky", "Amélie"):  # fmt: skip
        _, respond = run_command(commands.watched, command("/watched", f"add {title}"), client, context)
        assert "as watched" in respond.last["text"], respond.last
    assert deps.service.profiles.rating(key(ANA), "heat-1995") == 4.0
    _, respond = run_command(commands.watched, command("/watched", "list"), client, context)
    assert respond.last["response_type"] == "ephemeral"
    assert "(12)" in respond.last["text"] and "page 1 of 2" in respond.last["text"]
    older = respond.last["blocks"][2]["elements"][0]
    page = click(actions.watched_page_click, block_action(older["action_id"], older["value"]), client, context)
    assert "page 2 of 2" in page.last["text"] and "Se7en (1995)" in shown(page)  # the oldest, on the last page
    _, respond = run_command(commands.watched, command("/watched", "remove Se7en"), client, context)
    assert respond.last["text"] == "Took Se7en (1995) off your watched list."
    _, respond = run_command(commands.watched, command("/watched", "remove Se7en"), client, context)
    assert respond.last["text"] == "Se7en (1995) wasn't on your watched list."
    _, respond = run_command(commands.watched, command("/watched", "nonsense"), client, context)
    assert "Usage" in respond.last["text"]


def test_forget_asks_first_and_deletes_only_after_the_button(deps, client, context):
    run_command(commands.rate, command("/rate", "Se7en 4"), client, context)
    ack = Ack()
    commands.forget(ack=ack, command=command("/forget"))
    [(_, asked)] = ack.calls
    assert asked["response_type"] == "ephemeral" and "cannot be undone" in json.dumps(asked)
    assert deps.service.profiles.rating(key(ANA), "se7en-1995") == 4.0
    cancel = Respond()
    actions.forget_cancel(ack=Ack(), respond=cancel, context=context)
    assert cancel.last["text"] == "Nothing was deleted."
    assert deps.service.profiles.rating(key(ANA), "se7en-1995") == 4.0
    done = click(actions.forget_confirm, block_action("forget_confirm", "forget"), client, context)
    assert done.last["text"].startswith("Done: I deleted everything I knew about you (1 rating, 1 watched film")
    assert deps.service.profiles.ratings(key(ANA)) == {}


def test_profile_summary_is_private_and_the_chart_goes_to_direct_messages(deps, client, context):
    run_command(commands.rate, command("/rate", "Se7en 5"), client, context)
    _, respond = run_command(commands.profile, command("/profile"), client, context)
    assert respond.last["response_type"] == "ephemeral"
    assert "Rated 1" in shown(respond) and "Your taste chart is in our direct messages." in shown(respond)
    [dm_note] = client.of("chat_postMessage")
    [upload] = client.of("files_upload_v2")
    assert dm_note["channel"] == ANA and upload["channel"] == "D0ANA" and upload["content"].startswith(b"\x89PNG")


def test_export_sends_everything_kept_to_direct_messages(deps, client, context):
    """Before: Slack had /forget ('deletes all your data') but no way to get that data first."""
    run_command(commands.rate, command("/rate", "Se7en 4.5"), client, context)
    run_command(commands.rate, command("/rate", "Heat 1995 2", user=BEN), client, context)
    _, respond = run_command(commands.export, command("/export"), client, context)
    assert respond.last["response_type"] == "ephemeral"
    assert "(1 rating, 1 watched film) is in our direct messages, as moviebot-export.json" in shown(respond)
    assert "Send that file back to me in a direct message to bring back" in shown(respond)  # as Discord says
    [upload] = client.of("files_upload_v2")
    assert upload["channel"] == "D0ANA" and upload["filename"] == "moviebot-export.json"
    stored = json.loads(upload["content"])
    assert [(r["user"], r["movie_id"], r["stars"]) for r in stored["ratings"]] == [(key(ANA), "se7en-1995", 4.5)]


def test_export_of_nothing_uploads_nothing_and_a_failed_upload_says_so(deps, context):
    client = FakeClient(failures={"files_upload_v2": "dropped"})
    _, respond = run_command(commands.export, command("/export", user=CY), client, context)
    assert respond.last["text"] == "I have nothing stored about you, so there is nothing to export."
    assert client.of("files_upload_v2") == [] and not deps.service.profiles.export_user(key(CY))["user"]
    run_command(commands.rate, command("/rate", "Se7en 4.5"), client, context)
    _, respond = run_command(commands.export, command("/export"), client, context)
    assert "I couldn't upload your data" in shown(respond) and "went wrong" not in shown(respond)


def test_profile_whose_chart_upload_drops_still_shows_the_summary(deps, context):
    """A dropped connection while uploading the chart replaced the whole /profile answer with
    "Sorry, something went wrong"."""
    client = FakeClient(failures={"files_upload_v2": "dropped"})
    run_command(commands.rate, command("/rate", "Se7en 5"), client, context)
    _, respond = run_command(commands.profile, command("/profile"), client, context)
    assert "Rated 1" in shown(respond) and "I couldn't upload your taste chart." in shown(respond)
    assert "went wrong" not in shown(respond)


def test_profile_with_nothing_known_says_how_to_start(client, context):
    _, respond = run_command(commands.profile, command("/profile", user=CY), client, context)
    assert "don't know your taste yet" in shown(respond)
    assert client.of("files_upload_v2") == []


def test_recommend_posts_picks_in_a_thread_under_its_own_message(deps, client, context):
    _, respond = run_command(commands.recommend, command("/recommend", "a 90s crime thriller"), client, context)
    head, *picks = client.of("chat_postMessage")
    assert head["channel"] == CHANNEL and "thread_ts" not in head
    [update] = client.of("chat_update")
    assert update["ts"] == "1700000000.000001" and "For Ana" in update["text"]
    assert "90s crime thriller" in update["text"]
    assert len(picks) == 3 and all(p["thread_ts"] == "1700000000.000001" for p in picks)
    assert respond.calls == []


def test_a_failed_name_lookup_is_tried_again_a_minute_later_not_on_every_message(context, monkeypatch):
    """A failed users.info named the user "someone" until a restart; then, once fixed, a workspace
    without the users:read scope made one users.info call per message."""
    import bot.slack.deps as slack_deps

    now = [1000.0]
    monkeypatch.setattr(slack_deps.time, "monotonic", lambda: now[0])
    client = FakeClient(failures={"users_info": ["ratelimited"]})
    for text in ("a comedy", "a western"):
        run_command(commands.recommend, command("/recommend", text), client, context)
    now[0] += slack_deps.RENAME_AFTER
    run_command(commands.recommend, command("/recommend", "a thriller"), client, context)
    heads = [p["text"] for p in client.of("chat_postMessage") if "thread_ts" not in p]
    assert heads == ["Looking for films for someone…"] * 2 + ["Looking for films for Ana…"]
    assert len(client.of("users_info")) == 2


def test_recommend_help_is_shown_to_the_caller_alone(client, context):
    _, respond = run_command(commands.recommend, command("/recommend", "help"), client, context)
    assert respond.last["response_type"] == "ephemeral" and "Tell me" in respond.last["text"]
    assert len(client.of("chat_postMessage")) == 1  # the "Looking for films…" it took back
    assert client.of("chat_delete") == [{"channel": CHANNEL, "ts": "1700000000.000001"}]
    assert client.of("chat_update") == []


def test_recommend_where_it_cannot_post_says_how_to_fix_it(client, context):
    blocked = FakeClient(failures={"chat_postMessage": "not_in_channel"})
    _, respond = run_command(commands.recommend, command("/recommend"), blocked, context)
    assert "/invite" in respond.last["text"] and respond.last["response_type"] == "ephemeral"


@pytest.mark.parametrize("failure", ["ratelimited", "dropped"])
def test_recommend_whose_head_cannot_be_updated_still_posts_the_picks_in_its_thread(context, failure):
    """Slack refusing the edit of "Looking for films for Ana…" (rate limited, a dropped connection)
    left that line as the whole answer: the picks, logged as shown, never appeared."""
    client = FakeClient(failures={"chat_update": failure})
    _, respond = run_command(commands.recommend, command("/recommend", "a 90s crime thriller"), client, context)
    head, intro, *picks = client.of("chat_postMessage")
    assert head["text"] == "Looking for films for Ana…"
    assert intro["thread_ts"] == "1700000000.000001" and "picks" in intro["text"]
    assert len(picks) == 3 and all(p["thread_ts"] == "1700000000.000001" for p in picks)
    assert client.of("reactions_add") and respond.calls == []


def test_recommend_that_can_post_nothing_more_tells_the_caller_privately(context):
    client = FakeClient(failures={"chat_update": "dropped", "chat_postMessage": [None, "dropped", "dropped"]})
    _, respond = run_command(commands.recommend, command("/recommend", "a 90s crime thriller"), client, context)
    assert respond.last["response_type"] == "ephemeral"
    assert "couldn't post my picks (Slack could not be reached)" in respond.last["text"]


@pytest.mark.parametrize("failures", [["ratelimited"], ["dropped", "dropped"]])
def test_recommend_whose_first_pick_cannot_be_posted_says_so_in_place_of_the_picks_announced(context, failures):
    """The head was turned into "*For Ana*: Here are three picks…", then posting the first pick failed:
    the channel kept a header announcing picks that never came (the apology, if any, hidden in its thread)."""
    client = FakeClient(failures={"chat_postMessage": [None, *failures]})
    _, respond = run_command(commands.recommend, command("/recommend", "a 90s crime thriller"), client, context)
    announced, head = client.of("chat_update")
    assert announced["ts"] == head["ts"] == "1700000000.000001" and "picks" in announced["text"]
    reason = "Slack said: ratelimited" if failures == ["ratelimited"] else "Slack could not be reached"
    assert head["text"] == (f"*For Ana*: “a 90s crime thriller”\nI couldn't post my picks ({reason}). "
                            "Please ask again in a moment.")  # fmt: skip
    assert [p for p in client.of("chat_postMessage") if "couldn" in p["text"]] == []  # not told twice
    assert respond.calls == []
    assert context["moviebot"].service.export(key(ANA))["suggestions"] == []  # withdrawn: never shown


def test_recommend_whose_head_refuses_the_news_too_tells_the_caller_privately(context):
    client = FakeClient(failures={"chat_postMessage": [None, "dropped"], "chat_update": [None, "dropped"]})
    _, respond = run_command(commands.recommend, command("/recommend", "a 90s crime thriller"), client, context)
    assert len(client.of("chat_update")) == 2
    assert respond.last["response_type"] == "ephemeral"
    assert "couldn't post my picks (Slack could not be reached)" in respond.last["text"]


def test_movienight_posts_one_unseen_film_with_a_reason_for_each_by_name(deps, client, context):
    run_command(commands.rate, command("/rate", "Se7en 5", user=BEN), client, context)
    run_command(commands.rate, command("/rate", "Heat 1995 5", user=CY), client, context)
    client.calls.clear()
    run_command(commands.movienight, command("/movienight", f"<@{BEN}|ben> <@{CY}|cy> something tense"),
                client, context)  # fmt: skip
    [post] = client.of("chat_postMessage")
    text = json.dumps(post["blocks"], ensure_ascii=False)
    assert post["channel"] == CHANNEL and "Movie night for Ana, Ben and Cy" in text
    for name in ("*Ana*", "*Ben*", "*Cy*"):
        assert name in text
    assert pings_in(post) == []
    title = post["text"].removeprefix("Movie night: ")
    assert title not in ("Se7en (1995)", "Heat (1995)")


def test_movienight_needs_someone_else(client, context):
    _, respond = run_command(commands.movienight, command("/movienight", "@ben"), client, context)
    assert "Name the others with @" in respond.last["text"]


def test_the_home_tab_is_published_when_opened(deps, client, context):
    run_command(commands.rate, command("/rate", "Se7en 4.5"), client, context)
    events.app_home_opened({"type": "app_home_opened", "user": ANA, "channel": "D0ANA", "tab": "home"},
                           client, context)  # fmt: skip
    [publish] = client.of("views_publish")
    assert publish["user_id"] == ANA and publish["view"]["type"] == "home"
    assert "Se7en (1995) · 4.5/5" in json.dumps(publish["view"], ensure_ascii=False)
    events.app_home_opened({"type": "app_home_opened", "user": ANA, "tab": "messages"}, client, context)
    assert len(client.of("views_publish")) == 1


def test_watched_add_with_a_bare_number_after_the_title_says_how_to_give_stars(deps, client, context):
    """Before: "/watched add Se7en 5" answered only "No film called 'Se7en 5' in the catalog; did you
    mean: Se7en (1995)?", and "Heat 1995 4.5" (as /rate takes it) only that no such film exists."""
    _, respond = run_command(commands.watched, command("/watched", "add Se7en 5"), client, context)
    assert respond.last["text"].startswith("No film called 'Se7en 5' in the catalog")
    assert "If 5 is your rating, write `/watched add Se7en 5 stars` or `/rate Se7en 5`." in respond.last["text"]
    _, respond = run_command(commands.watched, command("/watched", "add Heat 1995 4.5"), client, context)
    assert "If 4.5 is your rating, write `/watched add Heat 1995 4.5 stars`" in respond.last["text"]
    _, respond = run_command(commands.watched, command("/watched", "add Zzyzx Road 1995"), client, context)
    assert "rating" not in respond.last["text"]  # a year is no rating
    assert deps.service.profiles.watched(key(ANA)) == []


@pytest.mark.parametrize("said", ["add Rocky 6", "add Zzyzx Road 0", "add Zzyzx Road 4.3"])
def test_watched_add_gives_no_stars_hint_for_a_number_no_rating_takes(deps, client, context, said):
    """ "/watched add Rocky 6" advised "write `/watched add Rocky 6 stars`", which is then refused
    (stars go from 0.5 to 5 in steps of 0.5)."""
    _, respond = run_command(commands.watched, command("/watched", said), client, context)
    assert "stars`" not in respond.last["text"] and "rating" not in respond.last["text"]


def test_forgetting_someone_nothing_is_known_about_says_so_plainly(client, context):
    """Before: "Done: I deleted everything I knew about you (there was nothing stored).", both at once."""
    done = click(actions.forget_confirm, block_action("forget_confirm", "forget", user=CY), client, context)
    assert done.last["text"] == "I had nothing stored about you, so there was nothing to delete."


@pytest.mark.parametrize(("typed", "stars"), [("Heat 1995 ★★★★", 4.0), ("Heat 1995 four", 4.0),
                                              ("Heat 1995 three and a half stars", 3.5), ("Heat 1995 ★★★½", 3.5),
                                              ("Heat 1995 :star::star:", 2.0)])  # fmt: skip
def test_rate_reads_stars_drawn_or_in_words_as_the_cli_does(deps, client, context, typed, stars):
    """Before: "/rate Heat ★★★★" and "/rate Heat four" answered the usage text."""
    _, respond = run_command(commands.rate, command("/rate", typed), client, context)
    assert f"Rated Heat (1995) {stars:g}/5 and marked it watched." in respond.last["text"]
    assert deps.service.profiles.rating(key(ANA), "heat-1995") == stars


def test_watched_add_reads_drawn_stars_and_the_usage_says_which_forms_work(deps, client, context):
    _, respond = run_command(commands.watched, command("/watched", "add Se7en ★★★★"), client, context)
    assert "rated 4/5" in respond.last["text"] and deps.service.profiles.rating(key(ANA), "se7en-1995") == 4.0
    _, respond = run_command(commands.rate, command("/rate", "Heat 1995"), client, context)
    assert "four" in respond.last["text"] and "★★★★" in respond.last["text"] and "8/10" in respond.last["text"]


def test_watched_list_with_a_page_number_shows_that_page_or_says_how_many_there_are(deps, client, context):
    """Before: "/watched list 2" showed the first page, as if no number had been given."""
    for title in ("Se7en", "Heat 1995", "The Dark Knight", "Alien", "Fargo", "Goodfellas", "Jaws", "Casablanca",
                  "Psycho", "Vertigo", "Rocky", "Amélie"):  # fmt: skip
        run_command(commands.watched, command("/watched", f"add {title}"), client, context)
    _, respond = run_command(commands.watched, command("/watched", "list 2"), client, context)
    assert "page 2 of 2" in respond.last["text"] and "Se7en (1995)" in shown(respond)
    _, respond = run_command(commands.watched, command("/watched", "list 3"), client, context)
    assert respond.last["text"] == "There is no page 3: your watched list has only 2 pages (12 films)."
    _, respond = run_command(commands.watched, command("/watched", "list two"), client, context)
    assert "takes a page number, like `/watched list 2`" in respond.last["text"]


def test_watched_add_takes_the_day_it_was_watched_and_refuses_a_bad_one(deps, client, context):
    """Before: only the CLI could say the day; "/watched add Se7en 2024-05-01" answered "No film called
    'Se7en 2024-05-01'"."""
    _, respond = run_command(commands.watched, command("/watched", "add Se7en 2024-05-01"), client, context)
    assert respond.last["text"] == "Marked Se7en (1995) as watched on 2024-05-01."
    _, respond = run_command(commands.watched, command("/watched", "add Alien ★★★★ on 2024-05-02"), client, context)
    assert respond.last["text"] == "Marked Alien (1979) as watched on 2024-05-02, rated 4/5."
    days = {item.movie_id: item.at[:10] for item in deps.service.watched_list(key(ANA))}
    assert days == {"se7en-1995": "2024-05-01", "alien-1979": "2024-05-02"}
    _, respond = run_command(commands.watched, command("/watched", "add Heat 2024-13-01"), client, context)
    assert respond.last["text"] == "The day it was watched must be a date like 2024-05-31, got '2024-13-01'."
    _, respond = run_command(commands.watched, command("/watched", "add Heat 2999-01-01"), client, context)
    assert respond.last["text"] == "2999-01-01 has not come yet: give the day you watched it."  # not "which Heat?"
    assert len(deps.service.watched_list(key(ANA))) == 2


@pytest.mark.parametrize("text", ["@ben", f"<@{BEN}|ben>", f"<@{BEN}>"])
def test_profile_of_someone_else_is_refused_plainly_not_answered_with_ones_own(deps, client, context, text):
    """Before: "/profile @ben" showed the caller's own profile, as if it were Ben's."""
    run_command(commands.rate, command("/rate", "Se7en 5"), client, context)
    _, respond = run_command(commands.profile, command("/profile", text), client, context)
    said = respond.last["text"]
    assert said.startswith("I show each person only their own profile, so not ") and "`/profile` alone" in said
    assert ("@ben's" in said) == ("ben" in text)
    assert "Rated" not in shown(respond) and client.of("files_upload_v2") == []
    _, respond = run_command(commands.profile, command("/profile", f"<@{ANA}|ana>"), client, context)  # oneself
    assert "Rated 1" in shown(respond)

"""A small catalog runs dry (issue 16 §4): films shown lately are held back, but when no fresh
film fits, the ones shown longest ago come back before the bot says there is nothing; and
answers no person is known to read (batch lines, API calls) hold nothing back unless asked to."""

from __future__ import annotations

import pytest

from agent.deps import AgentConfig
from agent.service import build_service


def service_for(catalog, profiles, **config):
    return build_service(catalog, profiles, config=AgentConfig(explore=False, **config))


def test_a_user_shown_everything_still_gets_answers_oldest_shown_first(catalog, profiles):
    service = service_for(catalog, profiles)

    def ask(channel: str) -> tuple[list[str], str, list[dict]]:
        # a new conversation each time, as a new Discord thread would be
        turn = service.chat("cli:ana", "recommend me 3 films", channel=channel)
        return [r["id"] for r in turn.recommendations], turn.reply, turn.recommendations

    last_shown: dict[str, int] = {}  # film -> the turn that last showed it

    def longest_ago(ids) -> list[str]:  # shown longest ago first, the best rated first within one answer
        return sorted(ids, key=lambda i: (last_shown[i], -catalog.movies[i].rating))

    for n in range(3):
        ids, _, _ = ask(f"c{n}")
        assert len(ids) == 3 and not set(ids) & set(last_shown)
        last_shown.update(dict.fromkeys(ids, n))
    left = set(catalog.movies) - set(last_shown)
    ids, _, _ = ask("c3")  # the catalog's last fresh films, then those shown longest ago
    assert set(ids[: len(left)]) == left and ids[len(left) :] == longest_ago(last_shown)[: 3 - len(left)]
    last_shown.update(dict.fromkeys(ids, 3))
    ids, reply, recs = ask("c4")  # every film has been shown: the longest ago come back
    assert ids == longest_ago(last_shown)[:3]
    assert reply.startswith("I've shown you every film of mine that fits all of that lately, so here they are")
    assert all(r["explanation"].startswith("Suggested to you before, on ") for r in recs)
    assert all(r["relaxed"] is False for r in recs)


def test_the_last_fresh_films_come_first_and_the_reply_says_which_are_repeats(catalog, profiles):
    service = service_for(catalog, profiles)
    first = [r["id"] for r in service.chat("cli:bo", "give me 8 films", channel="a").recommendations]
    turn = service.chat("cli:bo", "give me 4 films", channel="b")
    ids = [r["id"] for r in turn.recommendations]
    left = set(catalog.movies) - set(first)
    best_first = sorted(first, key=lambda i: -catalog.movies[i].rating)  # all shown at once
    assert len(left) == 2 and set(ids[:2]) == left and ids[2:] == best_first[:2]
    assert turn.reply.startswith(
        "Only 2 films you haven't been shown lately fit all of that (you asked for 4); "
        "the other 2 are films I showed you before."
    )


def test_a_film_shown_before_never_breaks_the_request(catalog, profiles):
    service = service_for(catalog, profiles)
    service.chat("cli:cy", "a comedy", channel="a", k=10)  # every comedy, shown
    turn = service.chat("cli:cy", "a comedy", channel="b")
    assert turn.recommendations and all("comedy" in r["genres"] for r in turn.recommendations)
    assert "loosened" not in turn.reply


def unattended_picks(service, user: str, k: int) -> list[str]:
    """What a batch line gets: no memory, no person known to read it."""
    turn = service.chat(user, "a crime film", k=k, unattended=True, remember=False, always_recommend=True)
    return [r["id"] for r in turn.recommendations]


def test_batch_and_api_answers_do_not_count_as_shown_by_default(catalog, profiles):
    service = service_for(catalog, profiles)
    once = unattended_picks(service, "cli:di", 3)
    twice = unattended_picks(service, "cli:di", 3)
    assert once == twice
    api = [r["id"] for r in service.recommend("cli:di", text="a crime film", k=3).recommendations]
    assert api == once and profiles.recently_shown("cli:di") == set()
    assert len(profiles.suggestions("cli:di")) == 9  # still logged: feedback can name them


def test_counting_them_as_shown_is_an_option(catalog, profiles):
    service = service_for(catalog, profiles, unattended_shown=True)
    once = unattended_picks(service, "cli:ed", 2)
    twice = unattended_picks(service, "cli:ed", 2)
    assert not set(once) & set(twice)
    assert profiles.recently_shown("cli:ed") == set(once) | set(twice)


def test_the_option_is_read_from_the_environment_once():
    from bot.settings import Settings, SettingsError

    assert Settings.from_env({}).unattended_shown is False
    assert Settings.from_env({"MOVIEBOT_UNATTENDED_SHOWN": "yes"}).unattended_shown is True
    with pytest.raises(SettingsError, match="MOVIEBOT_UNATTENDED_SHOWN"):
        Settings.from_env({"MOVIEBOT_UNATTENDED_SHOWN": "maybe"})


def test_exploration_can_be_turned_off_for_repeatable_answers(data_dir):
    """The same request gave different picks to different users and across calls, over HTTP too,
    with no way to stop it: MOVIEBOT_EXPLORE=0 turns the re-ranker's exploration off."""
    from bot.runtime import open_runtime
    from bot.settings import Settings, SettingsError

    assert Settings.from_env({}).explore is True
    with pytest.raises(SettingsError, match="MOVIEBOT_EXPLORE"):
        Settings.from_env({"MOVIEBOT_EXPLORE": "sometimes"})
    for said, explores in (("0", False), ("yes", True)):
        runtime = open_runtime(Settings.from_env({"MOVIEBOT_HOME": str(data_dir), "MOVIEBOT_EXPLORE": said}))
        try:
            assert runtime.deps.config.explore is explores
        finally:
            runtime.close()
    runtime = open_runtime(Settings.from_env({"MOVIEBOT_HOME": str(data_dir)}), config=AgentConfig(explore=False))
    try:
        assert runtime.deps.config.explore is False  # an evaluation's own setting stands
    finally:
        runtime.close()

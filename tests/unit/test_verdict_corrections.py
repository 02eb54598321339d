"""Interest is no verdict, slang verdicts count, and history is corrected as asked, in chat."""

from __future__ import annotations

from tests.unit.test_graph import make_bot


def watched(profiles, user):
    return {r["movie_id"] for r in profiles.watched(user)}


def test_wanting_to_watch_a_pick_records_nothing_and_says_so(starter, profiles):
    bot = make_bot(starter, profiles)
    picks = bot.ask("give me 7 comedies from the 80s", user="cli:ana")["recommendations"]
    second = starter.movies[picks[1]["id"]]
    for said in ("the second one sounds good", "2nd one seems good", "the second one sounds great, will watch tonight",
                 "ok ill watch the second one", "ooh the second one looks interesting"):  # fmt: skip
        answer = bot.ask(said, user="cli:ana")
        assert answer["reply"] == f"Enjoy {second.label}! Tell me how you liked it once you've seen it.", said
        assert answer["recommendations"] == [] and not answer.get("recorded")
    assert watched(profiles, "cli:ana") == set() and profiles.ratings("cli:ana") == {}
    listed = bot.ask("adding the 3rd to my watchlist", user="cli:ana")["reply"]
    assert listed.startswith("I keep no watchlist") and starter.movies[picks[2]["id"]].label in listed
    both = bot.ask("#6 looks fun, seen #7 too", user="cli:ana")
    assert watched(profiles, "cli:ana") == {picks[6]["id"]} and profiles.ratings("cli:ana") == {}
    assert starter.movies[picks[6]["id"]].label in both["reply"]


def test_the_film_picked_is_what_seen_it_or_loved_it_means_next(starter, profiles):
    """ "the 2nd one looks good" ... "seen it actually" answered "Which one do you mean?" though
    the user had just pointed at one film."""
    bot = make_bot(starter, profiles)
    picks = bot.ask("give me 5 comedies", user="cli:di")["recommendations"]
    second, third = (starter.movies[p["id"]] for p in picks[1:3])
    bot.ask("the 2nd one looks good", user="cli:di")
    seen = bot.ask("seen it actually", user="cli:di")
    assert second.label in seen["reply"] and "Which one" not in seen["reply"]
    assert watched(profiles, "cli:di") == {second.id}
    bot.ask("ok ill watch the third one", user="cli:di")
    loved = bot.ask("loved it, 5 stars", user="cli:di")
    assert third.label in loved["reply"] and profiles.rating("cli:di", third.id) == 5.0


def test_slang_verdicts_are_recorded_and_the_film_is_not_suggested_back(starter, profiles):
    bot = make_bot(starter, profiles)
    said_and_stored = (
        ("seven was overrated imo", "se7en-1995", 2.0),
        ("casino was mid", "casino-1995", 2.0),
        ("heat slaps", "heat-1995", 5.0),
        ("interstellar? never again lol", "interstellar-2014", 1.0),
        ("dunkirk: 4.5", "dunkirk-2017", 4.5),
    )
    for said, movie_id, stars in said_and_stored:
        answer = bot.ask(said, user="cli:bo")
        assert answer["recommendations"] == [], said
        assert starter.movies[movie_id].label in answer["reply"]
        assert profiles.rating("cli:bo", movie_id) == stars, said
    assert "wasn't for you" in bot.ask("titanic was mid", user="cli:bo")["reply"]
    assert profiles.rating("cli:bo", "heat-1995") == 5.0
    assert profiles.rating("cli:bo", "titanic-1997") == 2.0
    unknown = bot.ask("tenet was like 2 stars", user="cli:bo")["reply"]
    assert (
        unknown
        == "I couldn't find “tenet” in my catalog (a typo, or too new or obscure?), so I haven't noted anything."
    )


def test_history_is_corrected_undone_and_re_rated(starter, profiles):
    bot = make_bot(starter, profiles)
    bot.ask("heat 5/5", user="cli:cy")
    rerated = bot.ask("actually make that 3 stars", user="cli:cy")
    assert profiles.rating("cli:cy", "heat-1995") == 3.0 and "Heat (1995)" in rerated["reply"]
    again = bot.ask("no wait, heat is a 4", user="cli:cy")
    assert profiles.rating("cli:cy", "heat-1995") == 4.0 and again["recommendations"] == []
    undone = bot.ask("undo that", user="cli:cy")
    assert undone["reply"] == "Undone. I've taken back what I noted for Heat (1995). Heat (1995) is back to 3/5."
    assert profiles.rating("cli:cy", "heat-1995") == 3.0  # as it was before the 4
    forgot = bot.ask("forget that i watched heat", user="cli:cy")
    assert forgot["reply"] == "Done: I've taken Heat (1995) (and your 3/5) off your watched films."
    assert "heat-1995" not in watched(profiles, "cli:cy") and profiles.rating("cli:cy", "heat-1995") is None
    bot.ask("seen casino", user="cli:cy")
    mistaken = bot.ask("actually i haven't seen casino, my bad", user="cli:cy")
    assert "Casino (1995)" in mistaken["reply"] and "casino-1995" not in watched(profiles, "cli:cy")
    bot.ask("seen dunkirk", user="cli:cy")
    bot.ask("I didn't mean that, i never watched dunkirk", user="cli:cy")
    assert "dunkirk-2017" not in watched(profiles, "cli:cy")
    back = bot.ask("undo that", user="cli:cy")  # the removal undone
    assert back["reply"] == "Undone. Dunkirk (2017) is back on your watched films."
    assert "dunkirk-2017" in watched(profiles, "cli:cy")
    nothing = bot.ask("undo that", user="cli:cy")
    assert nothing["reply"].startswith("I noted nothing in your last message")


def test_a_film_is_taken_off_the_watched_list_however_the_edit_is_worded(starter, profiles):
    """ "Remove it from my watched list" after "I watched Heat" took nothing off and answered with
    the help about where the watched list is kept."""
    bot = make_bot(starter, profiles)
    for said in ("remove it from my watched list", "take heat off my watched list", "remove heat from my watched list",
                 "unmark heat", "delete that from my history", "forget that i watched it"):  # fmt: skip
        bot.ask("i watched heat", user="cli:di")
        assert "heat-1995" in watched(profiles, "cli:di")
        answer = bot.ask(said, user="cli:di")
        assert answer["reply"] == "Done: I've taken Heat (1995) off your watched films.", said
        assert "heat-1995" not in watched(profiles, "cli:di"), said
    picks = bot.ask("give me 3 comedies", user="cli:di")["recommendations"]
    first = starter.movies[picks[0]["id"]]
    bot.ask("seen the first one", user="cli:di")
    answer = bot.ask("remove the first one from my list", user="cli:di")
    assert answer["reply"] == f"Done: I've taken {first.label} off your watched films."
    assert first.id not in watched(profiles, "cli:di")


def test_undoing_a_removal_puts_the_film_back_with_its_stars(starter, profiles):
    """ "Undo that" after "forget that i watched heat" said nothing was noted, and Heat stayed off."""
    bot = make_bot(starter, profiles)
    bot.ask("heat was a 4", user="cli:ed")
    assert bot.ask("forget that i watched heat", user="cli:ed")["reply"].startswith("Done: I've taken Heat (1995)")
    undone = bot.ask("undo that", user="cli:ed")
    assert undone["reply"] == "Undone. Heat (1995) is back on your watched films, with your 4/5."
    assert "heat-1995" in watched(profiles, "cli:ed") and profiles.rating("cli:ed", "heat-1995") == 4.0
    bot.ask("seen casino", user="cli:ed")
    bot.ask("actually i haven't seen casino, my bad", user="cli:ed")
    assert bot.ask("undo", user="cli:ed")["reply"] == "Undone. Casino (1995) is back on your watched films."
    assert "casino-1995" in watched(profiles, "cli:ed") and profiles.rating("cli:ed", "casino-1995") is None


def test_a_thumbs_up_taken_off_with_the_film_is_named_as_a_thumbs_up(starter, profiles):
    """ "forget that i watched heat" after a 👍 on it said "(and your 4.5/5)", stars never given."""
    bot = make_bot(starter, profiles)
    profiles.record_feedback(suggestion_id=None, user="cli:ed", movie_id="heat-1995", kind="like", value=None,
                             added=True, event_id="f1")  # fmt: skip
    profiles.add_watched("cli:ed", "heat-1995")
    forgot = bot.ask("forget that i watched heat", user="cli:ed")
    assert forgot["reply"] == "Done: I've taken Heat (1995) (and your 👍) off your watched films."
    undone = bot.ask("undo that", user="cli:ed")
    assert undone["reply"] == "Undone. Heat (1995) is back on your watched films, with your 👍."


def test_a_verdict_said_without_a_number_is_said_back_as_said_never_as_stars(starter, profiles):
    """ "I liked Heat" was stored as 4 stars from "chat", and replies said them as if typed: "like
    Heat, which you liked (4/5)", "You've rated ...: Heat (1995) at 4/5"; a number said stays one."""
    bot = make_bot(starter, profiles)
    for said in ("I liked Heat", "I loved Alien", "I hated Titanic", "the matrix is a 4"):
        bot.ask(said, user="cli:fa")
    assert profiles.rating("cli:fa", "heat-1995") == 4.0  # the stars ranking goes by are the same
    assert profiles.reactions("cli:fa") == {"heat-1995": "liked", "alien-1979": "loved", "titanic-1997": "disliked"}
    like = bot.ask("something like heat", user="cli:fa")["reply"]
    assert "like Heat, which you liked;" in like and "which you liked (" not in like
    rated = bot.ask("what have i rated?", user="cli:fa")["reply"]
    assert "The Matrix (1999) at 4/5" in rated and "Heat (1995) “liked”" in rated and "Alien (1979) “loved”" in rated
    assert "Titanic (1997) “disliked”" in rated and "Heat (1995) at" not in rated
    forgot = bot.ask("forget that i watched heat", user="cli:fa")
    assert forgot["reply"] == "Done: I've taken Heat (1995) (and your “liked”) off your watched films."
    bot.ask("undo that", user="cli:fa")
    assert profiles.reactions("cli:fa")["heat-1995"] == "liked"
    profiles.rate("cli:fa", "se7en-1995", 4.5, source="chat")  # a row from before: its stars stay stars
    assert "Se7en (1995) at 4.5/5" in bot.ask("what have i rated?", user="cli:fa")["reply"]


def test_a_number_no_rating_can_be_is_named_and_nothing_is_kept_for_it(starter, profiles):
    """ "I rated Heat 4 and The Matrix 11" noted Heat and said nothing of The Matrix; "I'd give se7en
    -3" kept 3 stars."""
    bot = make_bot(starter, profiles)
    both = bot.ask("I rated Heat 4 and The Matrix 11", user="cli:gu")["reply"]
    assert "11 isn't a rating I can keep: say 1 to 5 stars, or out of 10." in both
    assert profiles.ratings("cli:gu") == {"heat-1995": 4.0} and watched(profiles, "cli:gu") == {"heat-1995"}
    minus = bot.ask("I'd give se7en -3", user="cli:gu")["reply"]
    assert "-3 isn't a rating I can keep" in minus and profiles.rating("cli:gu", "se7en-1995") is None
    assert "a rating I can keep" not in bot.ask("I rated toy story 3 a 4", user="cli:gu")["reply"]


def test_undoing_a_forget_puts_back_the_days_the_film_was_seen_and_rated(starter, profiles):
    """Before: "forget that i watched heat" then "undo that" put Heat back as watched and rated today,
    though it was seen on 2024-03-01 and rated on 2024-03-02; an undated rating came back dated today."""
    profiles.add_watched("cli:di", "heat-1995", source="import:letterboxd", at="2024-03-01T00:00:00+00:00")
    profiles.rate("cli:di", "heat-1995", 4.0, source="cli", at="2024-03-02T00:00:00+00:00")
    profiles.add_watched("cli:di", "alien-1979", source="import:imdb", at="2024-01-05T00:00:00+00:00")
    profiles.bulk_rate([("cli:di", "alien-1979", 5.0, None)], source="import:imdb", keep_undated=True)
    bot = make_bot(starter, profiles)
    for film in ("heat", "alien"):
        bot.ask(f"forget that i watched {film}", user="cli:di")
        assert bot.ask("undo that", user="cli:di")["reply"].startswith("Undone.")
    [alien, heat] = sorted(profiles.export_user("cli:di")["ratings"], key=lambda r: r["movie_id"])
    assert (heat["stars"], heat["source"], heat["rated_at"][:10]) == (4.0, "cli", "2024-03-02")
    assert (alien["stars"], alien["rated_at"]) == (5.0, None)
    days = {r["movie_id"]: r["watched_at"][:10] for r in profiles.watched("cli:di")}
    assert days == {"heat-1995": "2024-03-01", "alien-1979": "2024-01-05"}


def test_a_rating_alone_is_removed_and_the_film_stays_seen(starter, profiles):
    """ "remove my rating of heat" and "forget my rating for the first one" answered sport films ("rating"
    read as "racing"), the rating kept: the stars go, the film stays watched, and "undo that" restores them."""
    bot = make_bot(starter, profiles)
    bot.ask("heat was a 4", user="cli:ro")
    removed = bot.ask("remove my rating of heat", user="cli:ro")
    assert removed["recommendations"] == []
    assert removed["reply"] == "Done: I've removed your 4/5 for Heat (1995). Heat (1995) stays on your watched films."
    assert profiles.rating("cli:ro", "heat-1995") is None and "heat-1995" in watched(profiles, "cli:ro")
    assert bot.ask("undo that", user="cli:ro")["reply"].endswith("Heat (1995) is back to 4/5.")
    assert profiles.rating("cli:ro", "heat-1995") == 4.0
    assert bot.ask("forget my rating for casino", user="cli:ro")["reply"] == (
        "You haven't rated Casino (1995), so there was no rating to remove."
    )
    picks = bot.ask("a heist movie", user="cli:ro")["recommendations"]
    bot.ask("the first one was meh", user="cli:ro")
    assert bot.ask("forget my rating for the first one", user="cli:ro")["reply"].startswith(
        f"Done: I've removed your “disliked” for {starter.movies[picks[0]['id']].label}"
    )
    assert "/forget" in bot.ask("clear all my ratings", user="cli:ro")["reply"]  # how, rather than a guess

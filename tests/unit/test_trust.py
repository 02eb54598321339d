"""Issue 15 on the fast path (starter catalog, fake embedder): a model's false "as you asked" never
reaches the user, a fresh subject starts afresh, nonsense is admitted, facts in passing are stored."""

from __future__ import annotations

from agent.factcheck import check, outside_clause, relaxation_note
from agent.llm import StructuredLLM
from agent.understanding.passing import facts_in_passing
from tests.fakes import FakeChatModel
from tests.unit.test_graph import ids, make_bot

UNDERSTOOD_90S_CRIME = {"intent": "recommend", "genres": ["crime"], "year_min": 1990, "year_max": 1999}


def test_a_models_false_as_you_asked_is_dropped_and_the_rest_kept(starter, profiles):
    model = FakeChatModel()
    bot = make_bot(starter, profiles, llm=StructuredLLM(model, initial_wait=0.0))
    model.queue(UNDERSTOOD_90S_CRIME, {"explanations": []})
    picked = ids(bot.ask("a 90s crime film", user="cli:kim"))
    lies = [{"id": m, "text": "A 1970s French western, as you asked. Tense and well made."} for m in picked]
    model.queue(UNDERSTOOD_90S_CRIME, {"explanations": lies})
    result = bot.ask("a 90s crime film", user="cli:kim2")
    assert ids(result) == picked
    for rec in result["recommendations"]:
        assert rec["explanation"] == "Tense and well made."


def test_check_names_what_a_pick_misses_and_by_how_much(starter):
    breathless = starter.movies["the-400-blows-1959"]
    request = {"year_min": 1960, "year_max": 1969, "languages": ["fr"]}
    assert outside_clause(breathless, request) == "from 1959, just outside the 1960s you asked for"
    text = check("A 1960s French film, as you asked; rated 8.1.", breathless, request)
    assert text == "From 1959, just outside the 1960s you asked for. Rated 8.1."
    note = relaxation_note([breathless, starter.movies["breathless-1960"]], request)
    assert note.startswith("Nothing matched everything, so I loosened the years (picks from 1959, outside the 1960s)")
    assert note.endswith("1 of 2 are outside what you asked.")


def test_what_the_catalog_does_not_know_of_a_pick_is_never_said_to_miss_the_request(starter):
    """ "of unknown length, not the runtime you asked for" was said of a 42-minute film asked "under 60"."""
    from dataclasses import replace

    unknown = replace(starter.movies["heat-1995"], runtime=None, year=None, language=None, country=None)
    said = outside_clause(unknown, {"max_runtime": 60, "year_min": 1990, "year_max": 1999, "languages": ["fr"],
                                    "countries": ["FR"]})  # fmt: skip
    assert "of unknown length, so maybe not the runtime you asked for" in said
    assert "of unknown year, so maybe not from the 1990s you asked for" in said
    assert "in an unknown language, so maybe not the French you asked for" in said
    assert "made in an unknown country, so maybe not the country you asked for" in said


def test_a_pick_rated_by_a_handful_of_people_is_outside_a_rating_floor_and_says_why(starter):
    from dataclasses import replace

    few = replace(starter.movies["heat-1995"], rating=9.0, votes=3)
    request = {"min_rating": 8.0}
    assert outside_clause(few, request) == "rated 9.0 by only 3 people, under the 8 you asked for"
    note = relaxation_note([few, starter.movies["breathless-1960"]], request)
    assert "loosened the rating floor (down to 7.8, some rated by too few people to count)" in note, note
    unrated = replace(starter.movies["heat-1995"], rating=None, votes=None)
    assert "loosened the rating floor (some unrated)" in relaxation_note([unrated], request)


def test_a_runtime_loosened_to_films_of_unknown_length_says_so(starter):
    """ "I loosened ... the runtime (up to 0 minutes)" was said of picks whose length the catalog lacks."""
    from dataclasses import replace

    unknown = replace(starter.movies["heat-1995"], runtime=None)
    request = {"max_runtime": 119}
    assert "loosened the runtime (to films of unknown length)" in relaxation_note([unknown], request)
    long = starter.movies["heat-1995"]  # 170 minutes
    note = relaxation_note([long, unknown], request)
    assert f"loosened the runtime (up to {long.runtime} minutes, some of unknown length)" in note, note


def test_a_new_subject_starts_fresh_and_a_modifier_follows_on(starter, profiles):
    bot = make_bot(starter, profiles)
    bot.ask("any good documentaries?", user="cli:fresh")
    fresh = bot.ask("French films from the 1960s", user="cli:fresh")
    assert fresh["understood"]["genres"] == [] and fresh["understood"]["languages"] == ["fr"]
    assert "documentary" not in fresh["reply"]
    older = bot.ask("something older", user="cli:fresh")
    assert older["understood"]["year_max"] == min(starter.movies[i].year for i in ids(fresh)) - 1
    assert older["understood"]["year_min"] is None and older["understood"]["languages"] == ["fr"]


def test_nonsense_is_admitted_not_answered(starter, profiles):
    bot = make_bot(starter, profiles)
    result = bot.ask("asdf qwerty zxcv blorp", user="cli:mash")
    assert result["intent"] == "unclear" and result["recommendations"] == []
    assert "didn't catch" in result["reply"] and result["reply"].count("•") == 2
    assert bot.ask("recommend me something", user="cli:mash")["recommendations"]


def test_facts_in_passing_are_read_apart_and_stored(starter, profiles):
    heard = facts_in_passing(
        "We already watched Inception last week, and we really liked Before Sunrise. I haven't seen Heat.", starter
    )
    assert heard.seen == ["inception-2010"] and heard.liked == {"before-sunrise-1995": 4.0}
    bot = make_bot(starter, profiles)
    result = bot.ask("We've seen Inception and loved Amélie, anything for tonight?", user="cli:pass")
    assert result["recorded"]["likes"] == ["amelie-2001"]
    assert "inception-2010" in result["recorded"]["watched"]
    assert result["reply"].startswith("Noted: you've seen Inception (2010); you loved Amélie (2001).")
    assert profiles.rating("cli:pass", "amelie-2001") == 5.0
    assert "inception-2010" not in ids(result)


def test_every_way_people_say_they_have_seen_a_film_is_heard(starter, profiles):
    """ "just finished watching Gravity, what next?" answered Gravity first, and stored nothing."""
    for text, seen in [
        ("just finished watching Inception, what next?", ["inception-2010"]),
        ("we've both seen titanic and la la land already lol, any ideas?", ["titanic-1997", "la-la-land-2016"]),
        ("watched heat last night lol, any ideas?", ["heat-1995"]),
        ("watched heat yesterday, any ideas?", ["heat-1995"]),  # "heat yesterday" was no title: nothing heard
        ("we havent seen titanic", []),
    ]:
        assert facts_in_passing(text, starter).seen == seen, text
    result = make_bot(starter, profiles).ask("just finished watching Inception, what next?", user="cli:gra")
    assert result["reply"].startswith("Noted: you've seen Inception (2010).") and "inception-2010" not in ids(result)
    assert profiles.has_watched("cli:gra", "inception-2010")


def test_a_film_seen_and_panned_in_passing_is_stored_as_disliked(starter, profiles):
    heard = facts_in_passing("I just watched Inception and hated it, and we loved Amélie", starter)
    assert (heard.seen, heard.disliked, heard.liked) == ([], {"inception-2010": 1.0}, {"amelie-2001": 5.0})
    bot = make_bot(starter, profiles)
    result = bot.ask("We saw Heat, it was so boring. Anything for tonight?", user="cli:panned")
    assert result["reply"].startswith("Noted: Heat (1995) wasn't for you.")
    assert profiles.rating("cli:panned", "heat-1995") <= 2 and "heat-1995" in result["recorded"]["watched"]
    assert ", like Heat" not in result["reply"] and "picks: like Heat" not in result["reply"]


def test_a_film_hated_or_seen_beside_a_request_is_stored_and_never_suggested_again(starter, profiles):
    """ "I hated Titanic. Recommend a romance" stored nothing, and "a romance from 1997 then" answered Titanic;
    "I've seen Heat. Thrillers from the 90s please" only noted Heat and dropped the request."""
    assert facts_in_passing("I watched Alien yesterday. Any sci-fi horror?", starter).seen == ["alien-1979"]
    assert facts_in_passing("my wife hated Titanic, a romance please", starter).disliked == {}
    loved = facts_in_passing("I've seen Alien and loved it, anything similar?", starter)  # "it" is Alien
    assert loved.liked == {"alien-1979": 5.0} and loved.seen == []
    assert facts_in_passing("I saw Alien, my wife loved it. anything?", starter).liked == {}  # hers, not theirs
    bot = make_bot(starter, profiles)
    hated = bot.ask("I hated Titanic. Recommend a romance", user="cli:hate")
    assert hated["reply"].startswith("Noted: Titanic (1997) wasn't for you.") and hated["recommendations"]
    assert profiles.rating("cli:hate", "titanic-1997") <= 2
    later = bot.ask("a romance from 1997 then", user="cli:hate")
    assert later["recommendations"] and "titanic-1997" not in ids(later)
    both = bot.ask("I've seen Heat. Thrillers from the 90s please", user="cli:seen")
    assert both["reply"].startswith("Noted: you've seen Heat (1995).") and profiles.has_watched("cli:seen", "heat-1995")
    picks = [starter.movies[i] for i in ids(both)]
    assert picks and all(1990 <= m.year <= 1999 and "thriller" in m.genres for m in picks)
    assert "heat-1995" not in ids(both)
    # a request said in a clause of its own beside the seen films, or with "need a": answered too
    clause = bot.ask("tom hanks drama thats not too long, I've already seen Forrest Gump", user="cli:clause")
    assert clause["reply"].startswith("Noted: you've seen Forrest Gump (1994).") and clause["recommendations"]
    assert all("Tom Hanks" in starter.movies[i].cast for i in ids(clause)) and "forrest-gump-1994" not in ids(clause)
    needed = bot.ask("my gf loves musicals but I hate them, need a romance we can both watch", user="cli:need")
    assert needed["recommendations"] and needed["understood"]["genres"] == ["romance"]
    assert not any("musical" in starter.movies[i].genres for i in ids(needed))
    for remark in ("We watched Alien tonight, scary as hell", "I loved Heat, a great crime film, please remember that",
                   "Seen Heat, great crime film from the 90s",
                   "I've seen Forrest Gump, the tom hanks drama from 1994"):  # fmt: skip
        said = bot.ask(remark, user="cli:remark")
        assert said["recommendations"] == [] and said["intent"] in ("seen", "liked"), remark


def test_a_request_in_another_language_says_what_may_have_been_missed(starter, profiles):
    """ "quiero una película de terror" got Inception and The Dark Knight, said as if understood."""
    from agent.understanding.passing import in_another_language

    bot = make_bot(starter, profiles)
    for text in (
        "quiero una película de terror",
        "какой-нибудь фильм про войну",
        "une comédie française des années 90",
    ):
        said = bot.ask(text, user="cli:lang")
        assert "only understand English" in said["reply"], text  # with picks or without
    for text in ("a comedy like Amélie", "something with Penélope Cruz please", "a French film with subtitles"):
        assert not in_another_language(text), text
    english = bot.ask("a comedy like Amélie", user="cli:lang2")
    assert "only understand English" not in english["reply"]


def test_a_runtime_nobody_asked_for_is_not_vouched_for_as_asked():
    from agent.factcheck import check
    from store.movie import Movie

    film = Movie(id="despicable-me-2010", title="Despicable Me", year=2010, genres=["animation", "comedy"],
                 runtime=95)  # fmt: skip
    assert "as you asked" not in check("It runs 95 minutes, as you asked; a fine pick.", film, {}).lower()
    assert "as you asked" in check("It runs 95 minutes, as you asked.", film, {"max_runtime": 100}).lower()


def test_a_series_refused_by_its_name_is_never_suggested(starter, profiles):
    """ "fantasy epic but not lord of the rings or harry potter" answered three Harry Potter films,
    and said only "not The Lord of the Rings": no film is called "Harry Potter", only its films."""
    bot = make_bot(starter, profiles)
    for text, refused in (("a fantasy adventure but not lord of the rings or harry potter",
                           ("Harry Potter", "The Lord of the Rings")),
                          ("fantasy, nothing harry potter", ("Harry Potter",))):  # fmt: skip
        result = bot.ask(text, user="cli:wiz", k=10)
        titles = [starter.movies[i].title for i in ids(result)]
        assert titles and not any(t.startswith(refused) for t in titles), titles
        assert "Harry Potter and the Goblet of Fire" in result["reply"].split("\n")[0]  # what was refused is said
    said = bot.ask("a fantasy adventure but not lord of the rings", user="cli:ring", k=10)
    assert "not the Lord of the Rings films" in said["reply"].split("\n")[0]
    liked = bot.ask("something like Heat or harry potter", user="cli:fan")  # a reference list refuses nothing
    assert not liked["understood"].get("exclude_titles")

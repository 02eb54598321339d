"""The recommender graph end to end on the starter catalog, with a fast fake embedder."""

from __future__ import annotations

import datetime as dt

import pytest

from agent.deps import AgentConfig, Deps
from agent.llm import StructuredLLM
from agent.prose import prose_list
from agent.recommender import Recommender, sqlite_checkpointer, thread_id
from tests.fakes import FakeChatModel


def make_bot(catalog, profiles, *, llm=None, checkpointer=None, explore=False) -> Recommender:
    deps = Deps(
        catalog=catalog,
        profiles=profiles,
        llm=llm,
        config=AgentConfig(explore=explore),
        clock=lambda: dt.datetime(2026, 11, 24, tzinfo=dt.UTC),
    )
    return Recommender(deps, checkpointer)


def ids(result) -> list[str]:
    return [r["id"] for r in result["recommendations"]]


def movies(catalog, result):
    return [catalog.movies[i] for i in ids(result)]


def test_a_request_gets_three_explained_picks_that_honour_it(starter, profiles):
    bot = make_bot(starter, profiles)
    result = bot.ask("a crime thriller from the 90s", user="cli:ana")
    picks = movies(starter, result)
    assert len(picks) == 3
    assert all("crime" in m.genres and 1990 <= m.year <= 1999 for m in picks)
    for rec in result["recommendations"]:
        assert rec["explanation"] and rec["title"] in result["reply"]
        assert "1990s" in rec["explanation"] and "as you asked" in rec["explanation"]
    assert {"crime", "thriller"} <= set(result["understood"]["genres"])
    assert (result["understood"]["year_min"], result["understood"]["year_max"]) == (1990, 1999)


def test_reference_titles_anchor_the_search_and_are_never_suggested(starter, profiles):
    bot = make_bot(starter, profiles)
    result = bot.ask("something like Se7en", user="cli:ana")
    assert "se7en-1995" not in ids(result)
    assert result["understood"]["like_titles"] == ["Se7en (1995)"]
    assert any("like Se7en" in r["explanation"] for r in result["recommendations"])


def test_a_title_not_in_the_catalog_is_named_once_and_the_rest_still_answered(starter, profiles):
    bot = make_bot(starter, profiles)
    result = bot.ask("something like Zorblax Returns, from the 90s", user="cli:ana")
    assert result["reply"].startswith("I couldn't find “Zorblax Returns” in my catalog")
    assert len(ids(result)) == 3 and all(1990 <= m.year <= 1999 for m in movies(starter, result))
    follow_up = bot.ask("more", user="cli:ana")
    assert "Zorblax" not in follow_up["reply"] and len(ids(follow_up)) == 3


def test_count_negation_and_language(starter, profiles):
    bot = make_bot(starter, profiles)
    result = bot.ask("give me 5 Japanese films, no animation", user="cli:ana")
    picks = movies(starter, result)
    assert len(picks) == 5
    assert all(m.language == "ja" and "animation" not in m.genres for m in picks)


def test_more_never_repeats_and_older_goes_back_in_time(starter, profiles):
    bot = make_bot(starter, profiles)
    first = bot.ask("a feel-good comedy", user="cli:ben")
    second = bot.ask("more", user="cli:ben")
    assert set(ids(first)).isdisjoint(ids(second)) and len(ids(second)) == 3
    older = bot.ask("something older", user="cli:ben")
    earliest_shown = min(m.year for m in movies(starter, second))
    assert all(m.year < earliest_shown for m in movies(starter, older))
    assert all("comedy" in m.genres for m in movies(starter, older))


def test_another_like_the_second_one(starter, profiles):
    bot = make_bot(starter, profiles)
    first = bot.ask("heist movies", user="cli:cy")
    second_pick = first["recommendations"][1]
    follow = bot.ask("another like the second one", user="cli:cy")
    assert follow["understood"]["like_titles"] == [f"{second_pick['title']} ({second_pick['year']})"]
    assert second_pick["id"] not in ids(follow)
    # ... and with a change: the reference is kept, not dropped
    first = bot.ask("sci-fi movies from the 80s", user="cli:cy")
    second_pick = first["recommendations"][1]
    changed = bot.ask("like the second one but from the 2010s", user="cli:cy")
    assert changed["understood"]["like_titles"] == [f"{second_pick['title']} ({second_pick['year']})"]
    assert all(2010 <= starter.movies[i].year <= 2019 for i in ids(changed))


def test_why_answers_from_the_recorded_facts(starter, profiles):
    bot = make_bot(starter, profiles)
    first = bot.ask("90s crime thriller", user="cli:dee")
    why = bot.ask("why the second one?", user="cli:dee")
    second = first["recommendations"][1]
    assert why["intent"] == "why" and why["recommendations"] == []
    assert second["title"] in why["reply"] and "1990s" in why["reply"]


def test_why_a_place_past_the_end_of_the_list_asks_which_one(starter, profiles):
    bot = make_bot(starter, profiles)
    first = bot.ask("90s crime thriller", user="cli:fif")
    why = bot.ask("why the fifth one?", user="cli:fif")
    assert why["reply"].startswith("I only suggested 3 films just now; which one do you mean?")
    assert first["recommendations"][0]["title"] not in why["reply"]


def test_start_over_puts_the_last_request_aside_and_forget_that_is_no_account_question(starter, profiles):
    bot = make_bot(starter, profiles)
    bot.ask("a horror film from the 80s", user="cli:new")
    reset = bot.ask("start over", user="cli:new")
    assert reset["reply"].startswith("Clean slate") and reset["recommendations"] == []
    comedy = movies(starter, bot.ask("a comedy", user="cli:new"))
    assert comedy and all("horror" not in m.genres and "comedy" in m.genres for m in comedy)
    for said in ("let's start over please", "ok forget it, start over", "forget everything we talked about"):
        bot.ask("a horror film from the 80s", user="cli:new")
        assert bot.ask(said, user="cli:new")["reply"].startswith("Clean slate"), said
    cage = bot.ask("forget all that, something with Nicolas Cage", user="cli:new")
    assert cage["recommendations"] and cage["understood"]["people"] == ["Nicolas Cage"]
    assert "delete" not in cage["reply"]


def test_the_pick_just_explained_is_what_that_one_means_next(starter, profiles):
    bot = make_bot(starter, profiles)
    first = bot.ask("a heist movie from the 2000s", user="cli:dan")
    second = first["recommendations"][1]
    why = bot.ask("the second one, why?", user="cli:dan")  # a "why" that ends the message
    assert why["intent"] == "why" and why["reply"].startswith(second["title"])
    seen = bot.ask("not that one, I saw it as a kid", user="cli:dan")
    assert second["title"] in seen["reply"] and profiles.has_watched("cli:dan", second["id"])
    assert [r["movie_id"] for r in profiles.watched("cli:dan")] == [second["id"]]
    bot.ask("more", user="cli:dan")  # new picks: "that one" could be any of them again
    unclear = bot.ask("seen that one", user="cli:dan")
    assert unclear["reply"] == 'Which one do you mean? Name it, or say "the second one".'


def test_a_pick_can_be_pointed_at_by_its_director(starter, profiles):
    bot = make_bot(starter, profiles)
    picks = movies(starter, bot.ask("a crime thriller from the 90s", user="cli:ivy"))
    second = picks[1]
    director = second.directors[0]
    assert not any(director in m.directors or director in m.cast for m in (picks[0], picks[2]))
    seen = bot.ask(f"I've seen the {director} one", user="cli:ivy")
    assert second.label in seen["reply"]
    assert [r["movie_id"] for r in profiles.watched("cli:ivy")] == [second.id]
    why = bot.ask(f"why the {director} one?", user="cli:ivy")
    assert why["reply"].startswith(second.label) and picks[0].label not in why["reply"]
    assert "Hayao Miyazaki" in starter.people_index().values()
    nobody = bot.ask("why the Hayao Miyazaki one?", user="cli:ivy")
    assert nobody["reply"] == "None of my last picks is by or with Hayao Miyazaki."
    unclear = bot.ask("I've seen the Hayao Miyazaki one", user="cli:ivy")
    assert unclear["reply"].startswith("None of my last picks is by or with Hayao Miyazaki. Which one do you mean?")
    assert [r["movie_id"] for r in profiles.watched("cli:ivy")] == [second.id]


def test_a_question_about_a_film_is_answered_from_the_catalog(starter, profiles):
    bot = make_bot(starter, profiles)
    first = bot.ask("something like Inception", user="cli:fox")
    third = starter.movies[first["recommendations"][2]["id"]]
    long = bot.ask("ok the third one sounds good, is it long?", user="cli:fox")
    assert long["intent"] == "facts" and long["recommendations"] == []  # not a request for long films
    assert long["reply"].startswith(f"{third.label} runs {third.runtime} minutes")
    who = bot.ask("who directed it?", user="cli:fox")
    assert who["reply"].startswith(f"{third.label} was directed by ")
    assert all(d in who["reply"] for d in third.directors)
    heat = bot.ask("what's Heat about?", user="cli:fox")  # a film never suggested
    assert heat["reply"] == f"Heat (1995): {starter.movies['heat-1995'].overview}"
    assert bot.ask("when did it come out?", user="cli:fox")["reply"] == "Heat came out in 1995."
    kind = bot.ask("is it scary?", user="cli:fox")  # not a request for scary films: no, and what the catalog says
    heat_genres = starter.movies["heat-1995"].genres
    assert kind["intent"] == "facts" and kind["reply"].startswith("No: Heat (1995) isn't listed as horror; it is ")
    assert all(g in kind["reply"] for g in heat_genres)
    bot.ask("seen it", user="cli:fox")
    assert profiles.has_watched("cli:fox", "heat-1995") and not profiles.has_watched("cli:fox", third.id)
    asked_first = bot.ask("what's Heat about?", user="cli:owl")  # a film asked about before any picks
    assert bot.ask("is it in English?", user="cli:owl")["reply"] == "Heat (1995) is in English."
    assert asked_first["intent"] == "facts"
    unclear = bot.ask("who is in it?", user="cli:newcomer")
    assert unclear["intent"] != "facts"  # no film shown or named: not a question about one
    named_first = bot.ask("heat, who's in it?", user="cli:ivy")  # the film named, then asked about: not picks
    assert named_first["recommendations"] == [] and named_first["reply"].startswith("Heat (1995) stars ")
    assert bot.ask("heat, but shorter", user="cli:ivy")["recommendations"]  # named, then films asked for


def test_the_first_two_are_both_rated_and_the_last_two_both_explained(starter, profiles):
    bot = make_bot(starter, profiles)
    picks = bot.ask("a feel-good movie", user="cli:two")["recommendations"]
    bot.ask("the first two were great", user="cli:two")
    assert set(profiles.ratings("cli:two")) == {picks[0]["id"], picks[1]["id"]}
    why = bot.ask("why the last two?", user="cli:two")["reply"]
    assert picks[1]["title"] in why and picks[2]["title"] in why and picks[0]["title"] not in why


def test_why_that_one_after_several_picks_asks_which(starter, profiles):
    """ "Why that one?" after three picks explained all three, as if the user had asked about them all."""
    bot = make_bot(starter, profiles)
    picks = bot.ask("a comedy", user="cli:wy")["recommendations"]
    titles = [starter.movies[p["id"]].title for p in picks]
    assert len(titles) == 3
    which = bot.ask("why that one?", user="cli:wy")
    assert which["reply"] == f'Which one: {titles[0]}, {titles[1]} or {titles[2]}? Say e.g. "why the second one?"'
    assert all(t in bot.ask("why these?", user="cli:wy")["reply"] for t in titles)
    assert all(t in bot.ask("why those picks?", user="cli:wy")["reply"] for t in titles)
    second = bot.ask("why the second one?", user="cli:wy")["reply"]
    assert second.startswith(picks[1]["title"]) and picks[0]["title"] not in second
    again = bot.ask("why that one?", user="cli:wy")["reply"]  # the one just asked about
    assert again.startswith(picks[1]["title"]) and picks[2]["title"] not in again
    one = bot.ask("give me one comedy", user="cli:wy")["recommendations"]
    assert len(one) == 1 and bot.ask("why that one?", user="cli:wy")["reply"].startswith(one[0]["title"])


def test_an_open_year_bound_is_said_after_what_was_asked(starter, profiles):
    """Not "up to 1999, films, feel-good": the bound follows the films it bounds."""
    bot = make_bot(starter, profiles)
    assert bot.ask("feel-good films before 2000", user="cli:yo")["intro"] == "Here are 3 picks: up to 1999, feel-good."
    assert bot.ask("French films up to 1970", user="cli:yu")["intro"] == "Here are 3 picks: French films, up to 1970."


def test_seen_all_of_those_marks_every_pick_watched(starter, profiles):
    bot = make_bot(starter, profiles)
    first = bot.ask("something like Inception", user="cli:ann")
    said = bot.ask("I have seen all of those", user="cli:ann")
    shown = [r["id"] for r in first["recommendations"]]
    assert len(shown) == 3 and all(profiles.has_watched("cli:ann", m) for m in shown)
    labels = [f"{r['title']} ({r['year']})" for r in first["recommendations"]]
    assert said["reply"].startswith(f"Noted: you've seen {labels[0]}, {labels[1]} and {labels[2]}."), said["reply"]
    assert len(said["recommendations"]) == 3 and not set(shown) & {r["id"] for r in said["recommendations"]}
    unclear = bot.ask("loved them both", user="cli:ann")  # "both" of three: which two?
    assert unclear["reply"].startswith("Which one do you mean?") and not profiles.ratings("cli:ann")


def test_seen_in_chat_is_remembered_and_never_suggested(starter, profiles):
    bot = make_bot(starter, profiles)
    first = bot.ask("heist movies", user="cli:eve")
    top = first["recommendations"][0]
    said = bot.ask("I've seen the first one", user="cli:eve")
    assert top["title"] in said["reply"]
    assert profiles.has_watched("cli:eve", top["id"])
    fresh_thread = bot.ask("heist movies", user="cli:eve", channel="elsewhere")
    assert top["id"] not in ids(fresh_thread)


def test_loved_a_title_becomes_a_rating(starter, profiles):
    bot = make_bot(starter, profiles)
    bot.ask("I loved Heat", user="cli:fay")
    assert profiles.rating("cli:fay", "heat-1995") == 5.0
    bot.ask("I did not like Titanic", user="cli:fay")
    assert profiles.rating("cli:fay", "titanic-1997") == 2.0


def test_help_smalltalk_empty_and_huge_messages(starter, profiles):
    bot = make_bot(starter, profiles)
    assert "something like Se7en" in bot.ask("help", user="cli:gus")["reply"]
    assert bot.ask("thanks!", user="cli:gus")["recommendations"] == []
    assert "something like" in bot.ask("   ", user="cli:gus")["reply"]
    huge = bot.ask("a sci-fi film about space " * 2000, user="cli:gus")
    assert huge["recommendations"] and all("sci-fi" in starter.movies[r["id"]].genres for r in huge["recommendations"])


def test_unsatisfiable_request_loosens_and_says_so(starter, profiles):
    bot = make_bot(starter, profiles)
    result = bot.ask("a western from the 2020s under 80 minutes", user="cli:hal")
    assert result["recommendations"]
    assert "loosened" in result["reply"]


def test_conversation_memory_survives_a_restart(starter, profiles, tmp_path):
    path = tmp_path / "conversations.sqlite"
    first = make_bot(starter, profiles, checkpointer=sqlite_checkpointer(path)).ask("a scary movie", user="cli:ivy")
    restarted = make_bot(starter, profiles, checkpointer=sqlite_checkpointer(path))
    more = restarted.ask("more", user="cli:ivy")
    assert more["intent"] == "more"
    assert set(ids(first)).isdisjoint(ids(more))
    assert all("horror" in starter.movies[i].genres for i in ids(more))


def test_threads_are_per_user_and_channel(starter, profiles):
    bot = make_bot(starter, profiles)
    bot.ask("a scary movie", user="cli:jo", channel="a")
    other = bot.ask("more", user="cli:kim", channel="a")
    assert "horror" not in other["understood"]["genres"]


# -- with a chat model ---------------------------------------------------------------------

UNDERSTOOD = {
    "intent": "recommend",
    "genres": ["crime"],
    "like_titles": ["Heat"],
    "year_min": 1990,
    "year_max": 1999,
    "query": "tense cat and mouse between cops and robbers",
}


def test_llm_path_uses_at_most_two_calls_and_grounded_explanations(starter, profiles):
    model = FakeChatModel()
    llm = StructuredLLM(model, initial_wait=0.0)
    bot = make_bot(starter, profiles, llm=llm)
    model.queue(UNDERSTOOD, {"explanations": []})
    result = bot.ask("cops and robbers like Heat, 90s", user="cli:lee")
    assert llm.calls == 2
    assert result["understood"]["like_titles"] == ["Heat (1995)"]
    assert all(1990 <= starter.movies[i].year <= 1999 and "crime" in starter.movies[i].genres for i in ids(result))
    assert all(r["explanation"] for r in result["recommendations"])  # templates filled the gaps
    explain_prompt = model.prompts[1][-1].content
    for rec in result["recommendations"]:
        assert rec["id"] in explain_prompt


def test_llm_explanations_naming_unknown_titles_are_replaced(starter, profiles):
    model = FakeChatModel()
    bot = make_bot(starter, profiles, llm=StructuredLLM(model, initial_wait=0.0))
    model.queue(UNDERSTOOD, {"explanations": []})
    picked = ids(bot.ask("cops and robbers like Heat, 90s", user="cli:max"))
    model.queue(
        UNDERSTOOD,
        {
            "explanations": [
                {"id": picked[0], "text": "A taut crime story in the spirit of Heat, which you asked about."},
                {"id": picked[1], "text": "Better than The Godfather and Titanic combined."},
            ]
        },
    )
    result = bot.ask("cops and robbers like Heat, 90s", user="cli:max2")
    assert ids(result) == picked
    texts = {r["id"]: r["explanation"] for r in result["recommendations"]}
    assert texts[picked[0]].startswith("A taut crime story")
    assert "Godfather" not in texts[picked[1]] and "as you asked" in texts[picked[1]]


def test_llm_garbage_falls_back_to_rules_silently(starter, profiles):
    model = FakeChatModel()
    llm = StructuredLLM(model, initial_wait=0.0)
    bot = make_bot(starter, profiles, llm=llm)
    model.queue("this is not json at all", '{"explanations": 42}')
    result = bot.ask("a 90s crime thriller", user="cli:ned")
    assert len(result["recommendations"]) == 3
    assert all("crime" in starter.movies[i].genres for i in ids(result))
    assert "sorry" not in result["reply"].lower() and "error" not in result["reply"].lower()


def test_with_a_model_a_question_about_a_film_is_still_answered_from_the_catalog(starter, profiles):
    """Only the rules know which facts a question asks: the model's intent neither hides nor invents one."""
    model = FakeChatModel()
    bot = make_bot(starter, profiles, llm=StructuredLLM(model, initial_wait=0.0))
    model.queue('{"intent": "recommend", "like_titles": ["Heat"]}')
    said = bot.ask("who directed Heat?", user="cli:oz")
    assert said["reply"] == "Heat (1995) was directed by Michael Mann." and said["recommendations"] == []
    model.queue('{"intent": "facts", "genres": ["crime"]}', "not json")  # the reading, then the explanations
    asked = bot.ask("a crime film", user="cli:oz")
    assert asked["intent"] == "recommend" and len(asked["recommendations"]) == 3


def test_with_a_model_a_theme_refused_stays_refused(starter, profiles):
    model = FakeChatModel()
    bot = make_bot(starter, profiles, llm=StructuredLLM(model, initial_wait=0.0))
    model.queue('{"intent": "recommend", "genres": ["action"], "keywords": ["superhero"]}', "not json")
    said = bot.ask("an action movie, no superheroes", user="cli:pat")
    assert said["understood"]["exclude_keywords"] == ["superhero"] and len(said["recommendations"]) == 3
    assert not any("superhero" in starter.movies[i].keywords for i in ids(said))


def test_with_a_model_what_it_leaves_out_or_makes_up_does_not_change_the_request(starter, profiles):
    """An empty reading ({"intent": "recommend"}) dropped every constraint silently; a model's Spielberg
    the user never named was "whom you asked for"; its "recommend" turned "why the first one?" into picks."""
    model = FakeChatModel()
    bot = make_bot(starter, profiles, llm=StructuredLLM(model, initial_wait=0.0))
    model.queue('{"intent": "recommend"}', "not json")
    said = bot.ask("a 90s crime thriller under 2 hours", user="cli:lm")
    asked = said["understood"]
    assert {"crime", "thriller"} <= set(asked["genres"]) and (asked["year_min"], asked["year_max"]) == (1990, 1999)
    assert asked["max_runtime"] == 119  # "under 2 hours"
    assert all(1990 <= m.year <= 1999 and m.runtime < 120 for m in movies(starter, said))
    model.queue('{"intent": "recommend", "genres": ["comedy"], "people": ["Steven Spielberg"]}', "not json")
    assert bot.ask("a comedy", user="cli:lm2")["understood"]["people"] == []
    model.queue("not json", "not json")
    first = movies(starter, bot.ask("a heist film", user="cli:lm3"))
    model.queue('{"intent": "recommend", "genres": ["comedy"]}', "not json")
    why = bot.ask("why the first one?", user="cli:lm3")
    assert why["recommendations"] == [] and why["reply"].startswith(first[0].label), why["reply"]


def test_a_message_about_the_film_itself_starts_afresh_one_that_does_not_follows_on(starter, profiles):
    """A request saying nothing about the film itself (is_open) leans on the last one; one that does starts afresh."""
    bot = make_bot(starter, profiles)
    bot.ask("a crime thriller from the 90s", user="cli:dee")
    again = bot.ask("recommend me something", user="cli:dee")
    assert {"crime", "thriller"} <= set(again["understood"]["genres"])
    assert (again["understood"]["year_min"], again["understood"]["year_max"]) == (1990, 1999)
    dark = bot.ask("something dark", user="cli:dee")
    assert dark["understood"]["genres"] == [] and dark["understood"]["year_min"] is None


def test_any_with_a_person_narrows_the_films_just_asked_for(starter, profiles):
    """ "any with Harrison Ford?" means any of the 90s crime thrillers asked for; "anything with ..." asks anew."""
    bot = make_bot(starter, profiles)
    bot.ask("a crime thriller from the 90s", user="cli:ivy")
    narrowed = bot.ask("any with Harrison Ford?", user="cli:ivy")
    understood = narrowed["understood"]
    assert understood["people"] == ["Harrison Ford"] and {"crime", "thriller"} <= set(understood["genres"])
    assert (understood["year_min"], understood["year_max"]) == (1990, 1999)
    assert ids(narrowed)[0] == "the-fugitive-1993"
    # a card showing its first genres shows the ones asked for
    assert narrowed["recommendations"][0]["genres"][:2] == ["crime", "thriller"]
    afresh = bot.ask("anything with Harrison Ford", user="cli:ivy")
    assert afresh["understood"]["genres"] == [] and afresh["understood"]["year_min"] is None


def test_what_the_catalog_cannot_tell_is_said_once_and_what_stands_in_is_named(starter, profiles):
    """No awards or streaming data: the answer says so, a rating floor stands in for "oscar winning"."""
    bot = make_bot(starter, profiles)
    oscars = bot.ask("an oscar winning drama", user="cli:kim")
    assert oscars["reply"].startswith("My catalog doesn't record awards, so I went by rating instead. Here are 3 picks")
    assert "drama films, rated 7.5+." in oscars["intro"]
    assert all(r["rating"] >= 7.5 and "drama" in r["genres"] for r in oscars["recommendations"])
    older = bot.ask("something older", user="cli:kim")
    assert "awards" not in older["reply"] and older["understood"]["min_rating"] == 7.5
    # "black and white classics" answered Snow White "up to 1965" and said nothing of colour
    classics = bot.ask("black and white classics", user="cli:kim")
    assert classics["reply"].startswith(
        "My catalog doesn't record which films are in black and white, so some of these may be in colour. Here are"
    )
    assert all(r["year"] <= 1965 for r in classics["recommendations"])
    streaming = bot.ask("a comedy on netflix", user="cli:lee")
    assert streaming["intro"].startswith("I can't see what is streaming where")
    assert len(streaming["recommendations"]) == 3
    # with a model that reads no rating floor, the rules' floor still stands in, as the answer says
    model = FakeChatModel()
    llm_bot = make_bot(starter, profiles, llm=StructuredLLM(model, initial_wait=0.0))
    model.queue('{"intent": "recommend", "genres": ["drama"]}', "not json")
    said = llm_bot.ask("an oscar winner, a drama", user="cli:max")
    assert said["understood"]["min_rating"] == 7.5 and said["reply"].startswith("My catalog doesn't record awards")


def test_a_title_named_after_a_film_of_that_title_was_shown_means_the_one_shown(starter, profiles):
    """ "seen the ring" after Ring (1998) was suggested marks that film, not the better-known The Ring (2002)."""
    bot = make_bot(starter, profiles)
    shown = bot.ask("japanese horror films from the 90s", user="cli:ray")
    assert "ring-1998" in ids(shown)
    said = bot.ask("seen the ring", user="cli:ray")
    assert said["reply"].startswith("Got it: Ring (1998) marked as watched")
    assert profiles.has_watched("cli:ray", "ring-1998") and not profiles.has_watched("cli:ray", "the-ring-2002")


def test_a_verdict_said_with_more_is_stored_or_said_to_be_unclear(starter, profiles):
    """ "hated that one, others?" stores the dislike of the film spoken of and leaves it out; "seen it,
    others?" with three picks and none spoken of says it noted nothing, and still answers."""
    bot = make_bot(starter, profiles)
    first = bot.ask("a crime thriller from the 90s", user="cli:sam")
    unsure = bot.ask("seen it, others?", user="cli:sam")
    assert unsure["reply"].startswith("I couldn't tell which film you meant, so I noted nothing")
    assert len(unsure["recommendations"]) == 3 and not any(profiles.has_watched("cli:sam", i) for i in ids(first))
    second = ids(unsure)[1]
    bot.ask("why the second one?", user="cli:sam")
    hated = bot.ask("not that one, i hated it. others?", user="cli:sam")
    label = starter.movies[second].label
    assert hated["reply"].startswith(f"Noted: {label} wasn't for you.") and second not in ids(hated)
    assert set(profiles.ratings("cli:sam")) == {second} and len(hated["recommendations"]) == 3
    seen = bot.ask("seen the first one, what else?", user="cli:sam")
    assert profiles.has_watched("cli:sam", ids(hated)[0]) and ids(hated)[0] not in ids(seen)


def test_follow_ups_keep_what_they_do_not_change(starter, profiles):
    """ "dramas only" keeps the actor asked for, "in Italian instead" replaces French, and "like The Matrix
    but older" means older than The Matrix (with no picks shown yet it meant nothing)."""
    bot = make_bot(starter, profiles)
    bot.ask("anything with Cate Blanchett", user="cli:tia")
    dramas = bot.ask("dramas only", user="cli:tia")
    assert dramas["understood"]["people"] == ["Cate Blanchett"] and dramas["understood"]["genres"] == ["drama"]
    bot.ask("a French romance", user="cli:una")
    italian = bot.ask("in Italian instead", user="cli:una")
    assert italian["understood"]["languages"] == ["it"]
    older = bot.ask("something like The Matrix but older", user="cli:val")
    assert older["understood"]["year_max"] == 1998 and all(r["year"] <= 1998 for r in older["recommendations"])


def test_a_narrowed_request_whose_only_fit_was_just_shown_says_so_before_loosening(starter, profiles):
    bot = make_bot(starter, profiles)
    first = bot.ask("japanese horror films from the 90s", user="cli:wes")
    assert "ring-1998" in ids(first)
    narrowed = bot.ask("from 1998 only", user="cli:wes")
    assert (narrowed["understood"]["year_min"], narrowed["understood"]["year_max"]) == (1998, 1998)
    intro = narrowed["intro"]  # what fits and what gave are said before the picks, never under "Here are"
    assert intro.startswith("Ring (1998) fits 1998 Japanese horror films, and I suggested it above. Nothing else did")
    assert intro.index("so I loosened the years") < intro.index("Here is 1 pick; it is outside what you asked.")
    assert "ring-1998" not in ids(narrowed) and all(r["relaxed"] for r in narrowed["recommendations"])


def test_the_first_line_names_the_country_asked_for(starter, profiles):
    said = make_bot(starter, profiles).ask("british comedies", user="cli:xia")
    assert said["intro"].startswith("Here are 3 picks: British comedy films")
    assert all(starter.movies[i].country == "GB" for i in ids(said))


def test_the_first_line_offers_languages_and_countries_as_the_alternatives_they_are(starter, profiles):
    said = make_bot(starter, profiles).ask("french or japanese films", user="cli:xia")
    assert said["intro"].startswith("Here are 3 picks: French or Japanese films")
    assert {starter.movies[i].language for i in ids(said)} <= {"fr", "ja"}
    either = make_bot(starter, profiles).ask("spanish or mexican films", user="cli:xib")
    assert either["intro"].startswith("Here are 3 picks: Spanish or Mexican films")
    assert {starter.movies[i].country for i in ids(either)} <= {"ES", "MX"}
    assert {starter.movies[i].country for i in ids(either)} != {"MX"}  # Spain's films count too


def test_a_film_refused_refuses_its_series(starter, profiles):
    """ "nothing star wars" refused no film at all, and "not star wars" only the 1977 one: Star Wars came first."""
    star_wars = starter.series_of("star-wars-1977")
    assert {"star-wars-1977", "the-empire-strikes-back-1980", "return-of-the-jedi-1983"} <= star_wars
    assert starter.series_of("heat-1995") == {"heat-1995"}
    bot = make_bot(starter, profiles)
    said = bot.ask("a space adventure, nothing star wars", user="cli:yan")
    assert said["intro"].endswith("not Star Wars.") and len(said["recommendations"]) == 3
    more = bot.ask("more", user="cli:yan")
    assert not star_wars & {*ids(said), *ids(more)}


def test_a_name_typed_without_its_initials_dots_is_that_person(starter, profiles):
    said = make_bot(starter, profiles).ask("any with samuel l jackson", user="cli:zed")
    assert said["understood"]["people"] == ["Samuel L. Jackson"]
    assert all("Samuel L. Jackson" in starter.movies[i].cast for i in ids(said))


def test_films_directed_by_women_go_by_the_catalog_tag_and_say_so_when_none_has_it(starter, profiles):
    """The starter catalog tags no film "woman director": every pick is marked outside the request."""
    said = make_bot(starter, profiles).ask("a horror film directed by a woman", user="cli:amy")
    assert said["understood"]["require_keywords"] == ["woman director"] and said["understood"]["genres"] == ["horror"]
    assert 'so I loosened the tag "woman director"' in said["intro"]
    assert all(r["relaxed"] and r["outside"] == ["themes"] for r in said["recommendations"])
    said_of_each = 'Not tagged "woman director", which you asked for'
    assert all(r["explanation"].startswith(said_of_each) for r in said["recommendations"])


def test_a_language_refused_is_in_no_pick_and_asked_for_again_it_is_back(starter, profiles):
    """ "a movie in any language but english" answered "English films", each "An English film, as you asked"."""
    bot = make_bot(starter, profiles)
    foreign = bot.ask("a movie in any language but english", user="cli:bea")
    assert foreign["understood"]["exclude_languages"] == ["en"] and foreign["intro"].endswith("not in English.")
    assert len(foreign["recommendations"]) == 3
    assert all(starter.movies[i].language not in (None, "en") for i in ids(foreign))
    english = bot.ask("in english actually", user="cli:bea")
    assert english["understood"]["languages"] == ["en"] and english["understood"]["exclude_languages"] == []


def test_questions_about_the_bot_and_what_it_keeps_are_answered_not_taken_as_requests(starter, profiles):
    from agent.account_help import ACCOUNT_HELP

    bot = make_bot(starter, profiles)
    bot.ask("a western", user="cli:cal")
    for text in ("what do you know about me?", "how do I rate a movie?", "forget everything about me"):
        said = bot.ask(text, user="cli:cal")
        assert said["reply"] == ACCOUNT_HELP and said["recommendations"] == [], text
    assert "/forget deletes everything" in ACCOUNT_HELP and profiles.ratings("cli:cal") == {}
    assert "/export" not in ACCOUNT_HELP  # the terminal has none
    on_discord = bot.ask("what do you know about me?", user="discord:42")["reply"]
    assert on_discord.startswith(ACCOUNT_HELP) and "/export gives you all of it as a file" in on_discord
    on_slack = bot.ask("what do you know about me?", user="slack:T1:U2")["reply"]
    assert "/export sends you all of it as a file in our direct messages; send that file" in on_slack
    assert on_slack.endswith("back to me there to import it.")
    tv = bot.ask("can you recommend tv shows?", user="cli:cal")
    assert tv["reply"].startswith("I only know films, not TV series.") and tv["recommendations"] == []


def test_which_of_these_compares_the_picks_from_the_catalog(starter, profiles):
    """ "which of these has the best rating?" answered with new picks, not sci-fi ones."""
    bot = make_bot(starter, profiles)
    shown = movies(starter, bot.ask("a crime thriller from the 90s", user="cli:dot"))
    shortest = min(shown, key=lambda m: m.runtime)
    said = bot.ask("which one is shortest?", user="cli:dot")
    assert said["intent"] == "facts" and said["recommendations"] == []
    assert said["reply"] == f"Of these, {shortest.label} is the shortest, at {shortest.runtime} minutes."
    best = bot.ask("which of these has the best rating?", user="cli:dot")["reply"]
    top = max(m.rating for m in shown)
    assert best.startswith("Of these, ") and f"the best rated, at {top:.1f} from " in best


def test_a_conversation_starts_over_and_goes_back_to_an_earlier_subject(starter, profiles):
    """ "actually forget that, I want a horror" kept the 1990s; "back to the comedies" searched
    "back" (Back to the Future) and lost the era."""
    bot = make_bot(starter, profiles)
    bot.ask("a comedy from the 90s", user="cli:back")
    horror = bot.ask("actually forget that, I want a horror", user="cli:back")
    assert horror["understood"]["genres"] == ["horror"] and horror["understood"]["year_min"] is None
    back = bot.ask("ok go back to the comedies", user="cli:back")
    assert (back["understood"]["genres"], back["understood"]["year_min"]) == (["comedy"], 1990)
    assert all("comedy" in m.genres and 1990 <= m.year <= 1999 for m in movies(starter, back))
    again = bot.ask("let's go back to the previous search", user="cli:back")
    assert again["understood"]["genres"] == ["horror"]
    newer = bot.ask("back to the comedies but from the 2000s", user="cli:back")["understood"]  # and what else it says
    assert (newer["genres"], newer["year_min"], newer["year_max"]) == (["comedy"], 2000, 2009)
    scratch = bot.ask("scratch that, make it 80s", user="cli:back")["understood"]  # no new subject: a follow-up
    assert (scratch["genres"], scratch["year_min"]) == (["comedy"], 1980)


def test_how_many_counts_the_films_that_fit_and_a_credit_question_is_answered(starter, profiles):
    """ "how many Stanley Kubrick films do you have?" answered with three picks and no count."""
    bot = make_bot(starter, profiles)
    kubrick = sum("Stanley Kubrick" in m.directors + m.cast for m in starter.movies.values())
    said = bot.ask("how many Stanley Kubrick films do you have?", user="cli:count")
    assert said["recommendations"] == []
    assert said["reply"] == f"My catalog has {kubrick} films that fit: directed by Stanley Kubrick."
    westerns = sum("western" in m.genres and 1960 <= m.year <= 1969 for m in starter.movies.values())
    assert bot.ask("how many westerns from the 60s?", user="cli:count")["reply"].startswith(
        f"My catalog has {westerns} films that fit: 1960s western films."
    )
    directed = bot.ask("did Kubrick direct The Shining?", user="cli:count")
    assert directed["reply"] == "The Shining (1980) was directed by Stanley Kubrick."


def test_a_question_about_a_film_the_catalog_lacks_says_so_instead_of_giving_picks(starter, profiles):
    """ "who directed Oppenheimer?" and "is Oppenheimer in your catalog?" answered with three random picks
    on a catalog without it."""
    bot = make_bot(starter, profiles)
    heat = starter.movies["heat-1995"]
    have = bot.ask("do you have Heat?", user="cli:opp")
    assert have["intent"] == "facts" and have["recommendations"] == []
    assert (
        have["reply"]
        == f"Yes, I have Heat (1995): {', '.join(heat.genres)}; {heat.runtime} min; directed by Michael Mann."
    )
    for text, cannot in [
        ("who directed Megalopolis?", "so I can't tell you who directed it."),
        ("is Megalopolis in your catalog?", "so I can't suggest it"),
        ("what's Megalopolis about?", "so I can't tell you what it is about."),
    ]:
        said = bot.ask(text, user="cli:opp")
        assert said["recommendations"] == [], text
        assert said["reply"].startswith("I couldn't find “Megalopolis” in my catalog") and cannot in said["reply"], text
    other_year = bot.ask("who directed Godzilla from 2014?", user="cli:opp")["reply"]
    assert other_year.startswith("I couldn't find “Godzilla (2014)” in my catalog")
    assert other_year.endswith("The one I have: Godzilla (1954) was directed by Ishirō Honda."), other_year


def test_a_question_about_credits_the_catalog_lacks_says_what_it_has_instead_of_giving_picks(starter, profiles):
    """ "who wrote Pulp Fiction?" got three films "like Pulp Fiction": the catalog records no writers."""
    bot = make_bot(starter, profiles)
    heat = starter.movies["heat-1995"]
    for text in [
        "who wrote Heat?",
        "who did the music for Heat",
        "who was the cinematographer of Heat?",
        "who composed the music for Heat?",
    ]:
        said = bot.ask(text, user="cli:crew")
        assert said["intent"] == "facts" and said["recommendations"] == [], text
        assert said["reply"].startswith("I only have films' directors and leading actors, not their writers"), text
        assert f"Heat (1995) was directed by Michael Mann and stars {heat.cast[0]}" in said["reply"], text
    missing = bot.ask("who wrote Megalopolis?", user="cli:crew")["reply"]
    assert missing.startswith("I couldn't find “Megalopolis” in my catalog"), missing


def test_a_title_with_an_abbreviation_or_an_old_style_second_title_is_the_film(starter, profiles):
    """ "something like Mr. Holland's Opus" said "I couldn't find “Mr”" and then suggested the film itself."""
    titled = {m.title: m for m in starter.movies.values()}
    for typed, title in [("Dr. Strangelove", "Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb"),
                         ("E.T. the Extra-Terrestrial", "E.T. the Extra-Terrestrial"),
                         ("Mr. Smith Goes to Washington", "Mr. Smith Goes to Washington")]:  # fmt: skip
        said = make_bot(starter, profiles).ask(f"something like {typed}", user=f"cli:abbr{len(typed)}")
        assert said["understood"]["like_titles"] == [titled[title].label], typed
        assert "couldn't find" not in said["reply"] and titled[title].id not in ids(said)
    assert starter.resolve_title("Dr. Strangelove").title.startswith("Dr. Strangelove or:")


def test_someone_elses_verdict_in_a_request_stores_nothing(starter, profiles):
    """ "my wife loved Heat, something similar?" stored Heat as the user's own 5/5."""
    bot = make_bot(starter, profiles)
    for text in ("my wife loved Heat, something similar?", "I wouldn't say I loved Inception, anything else?"):
        said = bot.ask(text, user="cli:wife")
        assert said["recommendations"] and not said["reply"].startswith("Noted"), text
    assert profiles.ratings("cli:wife") == {}


def test_an_imdb_link_is_the_film_it_links_to(starter, profiles):
    bot = make_bot(starter, profiles)
    shawshank = next(m for m in starter.movies.values() if m.imdb_id == "tt0111161")
    linked = bot.ask("https://www.imdb.com/title/tt0111161/", user="cli:imdb")
    assert linked["understood"]["like_titles"] == [shawshank.label] and shawshank.id not in ids(linked)
    missing = bot.ask("https://www.imdb.com/title/tt9999999/", user="cli:imdb2")
    assert missing["recommendations"] == [] and missing["reply"].startswith("I couldn't find “IMDb tt9999999”")


def test_slash_commands_typed_in_a_chat_get_help_or_are_the_request(starter, profiles):
    from agent.account_help import ACCOUNT_HELP

    bot = make_bot(starter, profiles)
    for text in ("/forget", "/watched", "/profile"):
        said = bot.ask(text, user="cli:slash")
        assert said["reply"] == ACCOUNT_HELP and said["recommendations"] == [], text
    asked = bot.ask("/recommend a western", user="cli:slash")
    assert asked["understood"]["genres"] == ["western"] and len(asked["recommendations"]) == 3


def test_a_message_cut_short_says_so(starter, profiles):
    long = "I want a thriller " + "that keeps me guessing until the end " * 60 + "and nothing before 2010 please"
    said = make_bot(starter, profiles).ask(long, user="cli:long")
    assert "Your message was long, so I read only its first 2,000 characters." in said["reply"]
    assert said["recommendations"] and said["understood"]["year_min"] is None  # the end went unread, and says so


def test_a_picks_place_asks_about_it_or_for_films_like_it(starter, profiles):
    """ "like the third one" gave more of the same request, "is the first one any good?" new picks."""
    bot = make_bot(starter, profiles)
    shown = movies(starter, bot.ask("a crime thriller from the 90s", user="cli:pos"))
    like = bot.ask("like the third one", user="cli:pos")
    assert like["understood"]["like_titles"] == [shown[2].label]
    first = movies(starter, like)[0]
    good = bot.ask("is the first one any good?", user="cli:pos")
    assert good["recommendations"] == []
    assert good["reply"].startswith(f"{first.label} is rated {first.rating:.1f}/10 from {first.votes:,} votes.")
    more = bot.ask("give me 3 more", user="cli:pos")
    assert len(more["recommendations"]) == 3 and "noted nothing" not in more["reply"]


def test_a_place_past_the_tenth_points_at_that_pick(starter, profiles):
    """With 25 picks, "why the 13th one?" explained the first and "seen the 11th one" asked which one."""
    bot = make_bot(starter, profiles)
    shown = movies(starter, bot.ask("give me 15 crime films", user="cli:far"))
    assert len(shown) == 15
    why = bot.ask("why the 13th one?", user="cli:far")
    assert why["reply"].startswith(shown[12].label), why["reply"]
    long = bot.ask("is the twelfth one long?", user="cli:far")
    assert long["reply"].startswith(f"{shown[11].label} runs"), long["reply"]
    seen = bot.ask("seen the 11th one", user="cli:far")
    assert shown[10].label in seen["reply"] and profiles.has_watched("cli:far", shown[10].id)


def test_one_message_with_different_verdicts_on_several_films_stores_each_its_own(starter, profiles):
    """ "I loved Amelie and hated Titanic" stored both as 1/5 and said "Amélie and Titanic wasn't for you"."""
    bot = make_bot(starter, profiles)
    said = bot.ask("I loved Amelie and hated Titanic", user="cli:two")
    assert said["reply"] == "Noted: you loved Amélie (2001); Titanic (1997) wasn't for you. I won't suggest them again."
    assert (profiles.rating("cli:two", "amelie-2001"), profiles.rating("cli:two", "titanic-1997")) == (5.0, 1.0)
    bot.ask("I enjoyed Pride and Prejudice but Heat was boring", user="cli:two")
    assert (profiles.rating("cli:two", "pride-prejudice-2005"), profiles.rating("cli:two", "heat-1995")) == (4.0, 2.0)
    bot.ask("I have seen Alien and loved Se7en", user="cli:two")
    assert profiles.rating("cli:two", "alien-1979") is None and profiles.has_watched("cli:two", "alien-1979")
    assert profiles.rating("cli:two", "se7en-1995") == 5.0
    shown = movies(starter, bot.ask("a crime thriller from the 90s", user="cli:two"))
    bot.ask("the first was great but the second was awful", user="cli:two")
    assert (profiles.rating("cli:two", shown[0].id), profiles.rating("cli:two", shown[1].id)) == (4.0, 1.0)
    both = bot.ask("I loved Fargo and Goodfellas", user="cli:two")  # one verdict for both, as before
    assert (profiles.rating("cli:two", "fargo-1996"), profiles.rating("cli:two", "goodfellas-1990")) == (5.0, 5.0)
    assert both["reply"].startswith("Great, I've noted that you loved")  # as "which you loved" says it later


@pytest.mark.parametrize(
    ("said", "stars", "reply"),
    [("I rated Heat 4 and The Matrix 3", {"heat-1995": 4.0, "the-matrix-1999": 3.0},
      "Noted: 4 out of 5 for Heat (1995) and 3 out of 5 for The Matrix (1999)."),
     ("heat 4, alien 5 and jaws 3", {"heat-1995": 4.0, "alien-1979": 5.0, "jaws-1975": 3.0},
      "Noted: 4 out of 5 for Heat (1995), 5 out of 5 for Alien (1979) and 3 out of 5 for Jaws (1975)."),
     ("I'd give heat a 4 and alien a 5", {"heat-1995": 4.0, "alien-1979": 5.0},
      "Noted: 4 out of 5 for Heat (1995) and 5 out of 5 for Alien (1979)."),
     ("rated the matrix 3 and inception 5/5", {"the-matrix-1999": 3.0, "inception-2010": 5.0},
      "Noted: 3 out of 5 for The Matrix (1999) and 5 out of 5 for Inception (2010)."),
     ("heat 8/10 and titanic 2/10", {"heat-1995": 4.0, "titanic-1997": 1.0},
      "Noted: 4 out of 5 for Heat (1995) and 1 out of 5 for Titanic (1997).")],
)  # fmt: skip
def test_several_films_each_with_its_own_stars_are_each_noted_with_them(starter, profiles, said, stars, reply):
    """ "I rated Heat 4 and The Matrix 3" noted 4 stars for Heat and nothing of The Matrix, and "heat 4,
    alien 5 and jaws 3" answered sci-fi films; each film now keeps its own stars, and the reply says each."""
    result = make_bot(starter, profiles).ask(said, user="cli:each")
    assert result["reply"].startswith(reply), result["reply"]
    assert {m: profiles.rating("cli:each", m) for m in stars} == stars and result["recommendations"] == []
    assert set(profiles.ratings("cli:each")) == set(stars) and not profiles.reactions("cli:each")  # stars, no 👍


def test_a_film_refused_by_name_or_place_is_never_suggested_again_nor_taken_as_a_reference(starter, profiles):
    """ "don't show me Notting Hill again" answered films like Notting Hill; "the second one looks boring,
    skip it" stored it as seen and disliked."""
    bot = make_bot(starter, profiles)
    shown = movies(starter, bot.ask("a romantic comedy", user="cli:no"))
    said = bot.ask("don't show me Notting Hill again", user="cli:no")
    assert said["reply"] == "Got it: I won't suggest Notting Hill (1999) again." and said["recommendations"] == []
    assert profiles.dismissed("cli:no") == {"notting-hill-1999"} and not profiles.has_watched(
        "cli:no", "notting-hill-1999"
    )
    bot.ask("the second one looks boring, skip it", user="cli:no")
    assert shown[1].id in profiles.dismissed("cli:no") and profiles.rating("cli:no", shown[1].id) is None
    assert not profiles.has_watched("cli:no", shown[1].id)
    more = bot.ask("I'm not interested in Pretty Woman, something else?", user="cli:no")
    assert more["reply"].startswith("Noted: I won't suggest Pretty Woman (1990) again.") and more["recommendations"]
    assert more["understood"]["like_titles"] == []
    assert more["intro"].endswith("not Pretty Woman.")  # refused, with its series, and not searched for
    refused = {"notting-hill-1999", "pretty-woman-1990", shown[1].id}
    assert not refused & {r["id"] for r in more["recommendations"]}
    for typed in ["don't show me inception again", "never suggest Heat again please", "don't show me Titanic anymore"]:
        said = bot.ask(typed, user="cli:no")  # a title the reader had not resolved was suggested back
        assert said["intent"] == "dismissed" and said["recommendations"] == [], typed
    assert {"inception-2010", "heat-1995", "titanic-1997"} <= profiles.dismissed("cli:no")
    for text in ["don't show me horror", "I'm not interested in musicals", "skip the horror, a comedy"]:
        assert bot.ask(text, user="cli:no")["recommendations"], text  # a genre refused is a request


def test_a_tv_series_is_said_to_be_one(starter, profiles):
    said = make_bot(starter, profiles).ask("something like Breaking Bad", user="cli:tv")["reply"]
    assert said.startswith("“Breaking Bad” is a TV series, and I only know films, so these leave it out.")
    assert "Breaking Dawn" not in said


def test_questions_about_the_last_answer_a_films_language_and_age_rating_and_ones_own_history(starter, profiles):
    """ "what did you just recommend?", "is the second one in French?", "is it rated R?" and "what did I
    rate Titanic?" each got three unrelated picks."""
    bot = make_bot(starter, profiles)
    shown = movies(starter, bot.ask("a romantic comedy", user="cli:qa"))
    for text in ["what did you just recommend?", "what were those again?", "can you repeat the list?"]:
        said = bot.ask(text, user="cli:qa")
        assert said["recommendations"] == [] and said["reply"] == f"I suggested {prose_list([m.label for m in shown])}."
    french = bot.ask("is the second one in French?", user="cli:qa")
    assert french["recommendations"] == [] and french["reply"].startswith(f"{shown[1].label} is in ")
    rated = bot.ask("is it rated R?", user="cli:qa")
    assert rated["reply"].startswith("My catalog doesn't record age ratings") and rated["recommendations"] == []
    assert bot.ask("what did I rate Titanic?", user="cli:qa")["reply"] == (
        "You haven't rated Titanic (1997) or marked it as seen."
    )
    bot.ask("4 stars for Titanic", user="cli:qa")
    assert bot.ask("what did I rate Titanic?", user="cli:qa")["reply"] == "You rated Titanic (1997) 4/5."


def test_a_disliked_films_series_is_not_suggested_unless_asked_for(starter, profiles):
    bot = make_bot(starter, profiles)
    bot.ask("I hated Toy Story", user="cli:ts")
    family = bot.ask("an animated family film", user="cli:ts", k=50)
    assert not {"toy-story-2-1999", "toy-story-3-2010"} & set(ids(family))
    asked = bot.ask("something like Toy Story 2", user="cli:ts")  # by name: its series is fair game
    assert asked["understood"]["like_titles"] == ["Toy Story 2 (1999)"] and asked["recommendations"]


def test_a_long_message_whose_request_comes_after_the_cut_says_it_was_cut(starter, profiles):
    said = make_bot(starter, profiles).ask("blah " * 500 + "I want a western from the 60s", user="cli:long")
    assert said["reply"].startswith("Your message was long, so I read only its first 2,000 characters, and I didn't")
    assert said["recommendations"] == []


def test_a_genre_the_catalog_lacks_is_looked_for_as_its_tag_and_said_so(catalog, profiles):
    """The sample catalog labels no film "sport": "a sports movie" answered "Not a sport film" three times."""
    said = make_bot(catalog, profiles).ask("a sports movie", user="cli:eve")
    assert said["understood"]["genres"] == [] and said["understood"]["require_keywords"] == ["sport"]
    assert said["reply"].startswith('My catalog has no "sport" genre, so I went by the tag instead.')


def test_warming_up_writes_nothing_and_changes_no_answer(starter, profiles):
    from agent.llm import StructuredLLM
    from tests.fakes import FakeChatModel

    cold = make_bot(starter, profiles).ask("a crime thriller from the 90s", user="cli:ana", channel="cold")
    llm = StructuredLLM(FakeChatModel())
    bot = make_bot(starter, profiles, llm=llm)
    users_before = profiles.users()
    bot.warm()
    assert profiles.users() == users_before and len(profiles.suggestions("cli:ana")) == 3
    assert llm.calls == 0  # a configured LLM is never called to warm up
    assert not list(bot.checkpointer.list(None))  # no conversation kept
    warm = make_bot(starter, profiles).ask("a crime thriller from the 90s", user="cli:bo", channel="warm")
    assert ids(warm) == ids(cold)


def test_a_film_named_with_its_director_is_a_reference_not_a_filter(starter, profiles):
    bot = make_bot(starter, profiles)
    result = bot.ask("I loved Heat (1995) directed by Michael Mann, what else would I like?", user="cli:mo")
    assert result["understood"]["people"] == [] and result["understood"]["like_titles"] == ["Heat (1995)"]
    assert not all("Michael Mann" in m.directors for m in movies(starter, result))
    assert "Michael Mann" not in result["reply"]  # nothing claims he was asked for
    asked = bot.ask("something directed by Michael Mann", user="cli:mo2")
    assert asked["understood"]["people"] == ["Michael Mann"]
    assert all("Michael Mann" in m.directors for m in movies(starter, asked))


def test_a_person_refused_is_in_none_of_the_picks_and_the_reply_says_so(starter, profiles):
    bot = make_bot(starter, profiles)
    asked = bot.ask("a comedy with Tom Hanks", user="cli:rex")
    assert any("Tom Hanks" in m.cast for m in movies(starter, asked))
    refused = bot.ask("a comedy, nothing with Tom Hanks", user="cli:rex2")
    assert refused["understood"]["people"] == [] and refused["understood"]["exclude_people"] == ["Tom Hanks"]
    picks = movies(starter, refused)
    assert picks and all("comedy" in m.genres and "Tom Hanks" not in (*m.cast, *m.directors) for m in picks)
    assert "nothing with Tom Hanks" in refused["reply"]


def test_not_that_director_but_same_vibe_refuses_him_and_takes_the_picks_as_references(starter, profiles):
    """It answered three more Nolan films, each "Directed by Christopher Nolan, as you asked"."""
    bot = make_bot(starter, profiles)
    shown = ids(bot.ask("a Christopher Nolan film", user="cli:vibe"))
    other = bot.ask("not that director, but same vibe", user="cli:vibe")
    assert other["understood"]["exclude_people"] == ["Christopher Nolan"] and other["understood"]["people"] == []
    assert other["understood"]["like_titles"] == [starter.movies[i].label for i in shown]
    assert all("Christopher Nolan" not in starter.movies[i].directors for i in ids(other))


def test_funnier_leans_to_comedy_and_is_no_word_to_search_for(starter, profiles):
    """ "something funnier" searched the word ("Funny Games") on a catalog that labels no tone."""
    bot = make_bot(starter, profiles)
    bot.ask("a drama from the 90s", user="cli:fun")
    bot.ask("something funnier", user="cli:fun")
    config = {"configurable": {"thread_id": thread_id("cli:fun", None)}}
    request = bot.graph.get_state(config).values["request"]
    assert "funnier" not in request["query"]
    assert "comedy" in request["soft_genres"] and request["moods"] == ["funny"]
    bot.ask("scarier", user="cli:fun")
    scarier = bot.graph.get_state(config).values["request"]  # the last lean gives way
    assert "comedy" not in scarier["soft_genres"] and "horror" in scarier["soft_genres"]
    assert scarier["moods"] == ["scary"]


def test_a_tone_no_pick_has_goes_unsaid_in_the_first_line():
    from agent.nodes.reply import intro_line

    request = {"genres": ["drama"], "moods": ["funny"]}
    assert intro_line(request, 3, None, picked_moods=set()) == "Here are 3 picks: drama films."
    assert intro_line(request, 3, None, picked_moods={"funny"}) == "Here are 3 picks: drama films, funny."


def test_a_little_known_reference_is_named_with_its_year():
    """ "like parasite" went by Parasite (1982), a horror film of 2 votes, and said "like Parasite",
    which reads as the 2019 film the catalog lacks."""
    from types import SimpleNamespace

    from agent.nodes.reply import reference_name
    from store.movie import Movie

    films = {m.id: m for m in (Movie("parasite-1982", "Parasite", 1982, votes=2),
                                Movie("heat-1995", "Heat", 1995, votes=6000))}  # fmt: skip
    catalog = SimpleNamespace(movies=films, ids_for_title=lambda title: [m for m in films if m.startswith(title)])
    deps = SimpleNamespace(catalog=catalog)
    assert reference_name("parasite-1982", deps) == "Parasite (1982)"
    assert reference_name("heat-1995", deps) == "Heat"


def test_not_him_refuses_the_person_just_asked_for_and_keeps_the_rest(starter, profiles):
    """ "not him, someone else" after Tom Hanks comedies answered with more Tom Hanks films."""
    bot = make_bot(starter, profiles)
    bot.ask("a comedy with Tom Hanks", user="cli:him")
    other = bot.ask("not him, someone else", user="cli:him")
    assert other["understood"]["people"] == [] and other["understood"]["exclude_people"] == ["Tom Hanks"]
    picks = movies(starter, other)
    assert picks and all("comedy" in m.genres and "Tom Hanks" not in (*m.cast, *m.directors) for m in picks)
    assert "nothing with Tom Hanks" in other["reply"]
    instead = bot.ask("not him, Jim Carrey instead", user="cli:him")["understood"]
    assert (instead["people"], instead["exclude_people"]) == (["Jim Carrey"], ["Tom Hanks"])


def test_people_offered_as_alternatives_are_each_enough_and_every_reason_names_the_one_in_it(starter, profiles):
    """ "something with tom hanks or meg ryan" answered only You've Got Mail, "with Tom Hanks and Meg Ryan"."""
    bot = make_bot(starter, profiles)
    result = bot.ask("12 films with tom hanks or meg ryan", user="cli:either")
    assert result["understood"]["people"] == [] and result["understood"]["any_people"] == ["Tom Hanks", "Meg Ryan"]
    picks = movies(starter, result)
    credited = [{*m.cast, *m.directors} for m in picks]
    assert len(picks) >= 10 and all({"Tom Hanks", "Meg Ryan"} & who for who in credited)
    assert any("Tom Hanks" not in who for who in credited) and any("Meg Ryan" not in who for who in credited)
    assert "with Tom Hanks or Meg Ryan" in result["reply"] and "fits all of that" not in result["reply"]
    for movie, who in zip(picks, credited, strict=True):
        line = next(line for line in result["reply"].splitlines() if movie.title in line)
        assert all((person in line) == (person in who) for person in ("Tom Hanks", "Meg Ryan")), line
    both = bot.ask("tom hanks and meg ryan", user="cli:both")
    assert both["understood"]["people"] == ["Tom Hanks", "Meg Ryan"] and both["understood"]["any_people"] == []


def test_alternatives_are_each_enough_and_every_reason_names_the_one_the_film_is(starter, profiles):
    bot = make_bot(starter, profiles)
    result = bot.ask("5 westerns or war films", user="cli:alt")
    assert result["understood"]["genres"] == [] and result["understood"]["any_genres"] == ["western", "war"]
    picks = movies(starter, result)
    assert len(picks) == 5 and all({"western", "war"} & set(m.genres) for m in picks)
    assert not all({"western", "war"} <= set(m.genres) for m in picks)  # not only films that are both
    assert "western or war films" in result["reply"]
    for rec, movie in zip(result["recommendations"], picks, strict=True):
        if "as you asked" in rec["explanation"]:
            reason = rec["explanation"].lower().split("as you asked")[0]  # not the synopsis ("pre-Civil War")
            said = [g for g in ("western", "war") if g in reason]
            assert said and all(g in movie.genres for g in said), rec["explanation"]


def test_a_taste_leans_the_picks_and_a_request_filters_them(starter, profiles):
    bot = make_bot(starter, profiles)
    taste = bot.ask("I love horror movies", user="cli:tia")
    assert taste["understood"]["genres"] == [] and "leaning to horror" in taste["reply"]
    assert all("horror" in m.genres for m in movies(starter, taste))  # leaning, on a catalog with many
    assert "as you asked" not in taste["reply"]
    asked = bot.ask("I love horror movies, any suggestions?", user="cli:tim")
    assert asked["understood"]["genres"] == ["horror"] and "horror films" in asked["reply"]
    assert all("horror" in m.genres for m in movies(starter, asked))


KONGS = [
    {"id": f"king-kong-{year}", "title": "King Kong", "year": year, "genres": ["adventure", "fantasy"],
     "votes": votes, "rating": rating, "overview": "A giant ape is taken from his island to New York."}
    for year, votes, rating in ((1933, 90000, 7.9), (1976, 30000, 5.9), (2005, 400000, 7.2))
] + [
    {"id": f"island-{n}", "title": f"Island Adventure {n}", "year": 1930 + 9 * n, "genres": ["adventure"],
     "votes": 1000 * n, "rating": 6.5, "overview": "Explorers find monsters on a lost island."}
    for n in range(1, 9)
]  # fmt: skip


@pytest.fixture
def kongs(tmp_path, embedder):
    from store.build import ingest
    from store.catalog import Catalog
    from store.home import DataDir
    from tests.conftest import write_jsonl

    home = DataDir(tmp_path / "home").ensure()
    ingest(home, embedder, [("jsonl", [write_jsonl(tmp_path / "kongs.jsonl", KONGS)])])
    catalog = Catalog(home.current_catalog(), embedder)
    yield catalog
    catalog.close()


@pytest.mark.parametrize(
    ("choice", "meant"),
    [("the 1933 one", "king-kong-1933"), ("no, I meant the original", "king-kong-1933"),
     ("the one from 1976", "king-kong-1976"), ("I meant the 1976 version", "king-kong-1976"),
     ("not the remake, the original", "king-kong-1933")],  # it refused films about "remake"
)  # fmt: skip
def test_which_film_of_a_title_is_meant_can_be_said_after(kongs, profiles, choice, meant):
    bot = make_bot(kongs, profiles)
    first = bot.ask("something like King Kong", user="cli:kim")
    assert first["understood"]["like_titles"] == ["King Kong (2005)"]
    assert "like King Kong (2005)" in first["reply"]  # which one it went by is plain
    chosen = bot.ask(choice, user="cli:kim")
    year = kongs.movies[meant].year
    assert chosen["understood"]["like_titles"] == [f"King Kong ({year})"]
    assert chosen["understood"].get("year_min") is None  # the year chose the film, not the films
    assert not chosen["understood"].get("exclude_keywords"), chosen["reply"]  # "not the remake" refuses no theme
    assert f"like King Kong ({year})" in chosen["reply"] and meant not in ids(chosen)
    assert any(kongs.movies[i].year != year for i in ids(chosen))


@pytest.mark.parametrize(
    ("said", "kept"),
    [("I've seen King Kong", {"watched": True, "stars": None}),
     ("loved King Kong", {"watched": True, "stars": 5.0}),
     ("I gave King Kong 2 stars", {"watched": True, "stars": 2.0})],
)  # fmt: skip
def test_a_film_noted_by_a_shared_title_says_so_and_moves_to_the_one_meant(kongs, profiles, said, kept):
    """ "I've seen King Kong" marked the 2005 film without a word on the others, and "I meant the 1933
    one" then asked for films of 1933 and left the 2005 one marked."""
    bot = make_bot(kongs, profiles)
    profiles.rate("cli:kim", "king-kong-1976", 3.0)  # held before: a correction must not take it away
    noted = bot.ask(said, user="cli:kim")
    assert "King Kong (2005)" in noted["reply"]
    assert "Other films are called King Kong too (1933, 1976): if you meant one of them, say which" in noted["reply"]
    moved = bot.ask("I meant the 1933 one", user="cli:kim")
    assert moved["recommendations"] == [] and "King Kong (1933)" in moved["reply"]
    assert "I've taken back what I noted for King Kong (2005)." in moved["reply"]
    assert "Other films" not in moved["reply"]
    watched = {w["movie_id"] for w in profiles.watched("cli:kim")}
    assert "king-kong-2005" not in watched and "king-kong-2005" not in profiles.ratings("cli:kim")
    assert ("king-kong-1933" in watched) is kept["watched"]
    assert profiles.rating("cli:kim", "king-kong-1933") == kept["stars"]
    assert profiles.rating("cli:kim", "king-kong-1976") == 3.0
    again = bot.ask("no, the one from 1976", user="cli:kim")  # and on again, the earlier rating kept
    assert "I've taken back what I noted for King Kong (1933)." in again["reply"]
    assert "king-kong-1933" not in profiles.ratings("cli:kim")
    assert profiles.rating("cli:kim", "king-kong-1976") == (kept["stars"] or 3.0)


def test_a_film_noted_with_its_year_gets_no_word_on_the_others(kongs, profiles):
    bot = make_bot(kongs, profiles)
    noted = bot.ask("I've seen King Kong (1976)", user="cli:kim")
    assert "King Kong (1976)" in noted["reply"] and "Other films" not in noted["reply"]
    later = bot.ask("something like Island Adventure 3", user="cli:kim")
    assert later["recommendations"]
    year = bot.ask("the 1933 one", user="cli:kim")  # the last turn stored nothing: a year, as before
    assert year["understood"]["year_min"] == 1933


@pytest.mark.parametrize(
    ("said", "meant"),
    [("something like King Kong but the original one", "king-kong-1933"),
     ("like king kong, the 1976 one", "king-kong-1976"), ("like King Kong, I mean the remake", "king-kong-2005")],
)  # fmt: skip
def test_which_film_of_a_title_can_be_said_after_it_in_the_same_message(kongs, profiles, said, meant):
    """ "like oceans eleven but the original one" went by the 2001 film."""
    result = make_bot(kongs, profiles).ask(said, user="cli:kim")
    year = kongs.movies[meant].year
    assert result["understood"]["like_titles"] == [f"King Kong ({year})"]
    assert result["understood"].get("year_min") is None and meant not in ids(result)


def test_a_year_after_a_reference_without_versions_is_still_a_year(kongs, profiles):
    bot = make_bot(kongs, profiles)
    bot.ask("something like Island Adventure 3", user="cli:kim")
    older = bot.ask("the 1933 one", user="cli:kim")
    assert older["understood"]["year_min"] == 1933


def _with_model(starter, profiles, *readings):
    model = FakeChatModel()
    model.queue(*readings)
    return make_bot(starter, profiles, llm=StructuredLLM(model, initial_wait=0.0)), model


def test_the_models_reading_never_stores_what_the_user_did_not_say(starter, profiles):
    """A model that reads "a comedy please" as a verdict on two films must not rate them."""
    bot, model = _with_model(starter, profiles, {"intent": "disliked", "mentioned_titles": ["Titanic", "Heat"]},
                             {"explanations": []})  # fmt: skip
    result = bot.ask("a comedy please", user="cli:uma")
    assert profiles.ratings("cli:uma") == {} and profiles.watched("cli:uma") == []
    assert len(ids(result)) == 3 and all("comedy" in starter.movies[i].genres for i in ids(result))
    # the user's own stars win over the model's, and the film is the one they named
    model.queue({"intent": "liked", "mentioned_titles": ["Heat"], "stars": 2})
    bot.ask("I rated Heat 5 stars", user="cli:uma")
    assert profiles.ratings("cli:uma") == {"heat-1995": 5.0}
    model.queue({"intent": "seen", "mentioned_titles": ["Titanic"]})
    bot.ask("I've seen Se7en", user="cli:uma")
    assert {w["movie_id"] for w in profiles.watched("cli:uma")} >= {"se7en-1995"}
    assert not profiles.has_watched("cli:uma", "titanic-1997")


def test_a_request_stays_a_request_whatever_the_model_calls_it(starter, profiles):
    bot, model = _with_model(starter, profiles, {"intent": "smalltalk"}, {"explanations": []})
    result = bot.ask("a western from the 60s", user="cli:val")
    assert ids(result) and all("western" in starter.movies[i].genres for i in ids(result))
    # a refusal the message never makes is not the model's to add; one it makes is kept
    model.queue({"intent": "recommend", "exclude_genres": ["western"], "like_titles": ["Titanic"]},
                {"explanations": []})  # fmt: skip
    result = bot.ask("a western from the 60s", user="cli:wes")
    assert result["understood"]["genres"] == ["western"] and not result["understood"].get("exclude_genres")
    assert not result["understood"].get("like_titles")
    model.queue({"intent": "recommend", "genres": ["comedy"], "exclude_genres": ["horror"]}, {"explanations": []})
    result = bot.ask("I'll pass on horror tonight, a comedy", user="cli:xia")
    assert result["understood"]["exclude_genres"] == ["horror"]


def test_words_that_begin_several_titles_lead_over_what_people_with_this_taste_like(starter, profiles):
    """ "batman films" from someone who loved Heat gave The Godfather and Forrest Gump: the films people
    who loved Heat also loved outweighed the only thing the request said."""
    for n in range(8):
        for film in ("heat-1995", "the-godfather-1972", "forrest-gump-1994", "the-matrix-1999", "se7en-1995"):
            profiles.rate(f"cli:fan{n}", film, 5.0)
    profiles.rate("cli:ana", "heat-1995", 5.0)
    bot = make_bot(starter, profiles)
    result = bot.ask("batman films", user="cli:ana")
    picked = [starter.movies[i] for i in ids(result)]
    assert all("batman" in f"{m.title} {m.overview}".lower() for m in picked), [m.title for m in picked]


def test_a_film_said_seen_that_the_catalog_lacks_is_said_to_be_unknown_and_nothing_is_stored(starter, profiles):
    bot = make_bot(starter, profiles)
    result = bot.ask("I've seen Teh Godfathr", user="cli:ted")
    assert result["recommendations"] == [] and profiles.watched("cli:ted") == []
    assert "Teh Godfathr" in result["reply"] and "haven't noted anything" in result["reply"]


def test_where_a_pick_streams_is_said_to_be_unknown_not_answered_with_picks(starter, profiles):
    bot = make_bot(starter, profiles)
    bot.ask("a crime thriller from the 90s", user="cli:sam")
    where = bot.ask("is the 2nd one on netflix?", user="cli:sam")
    assert where["recommendations"] == [] and "can't see what is streaming where" in where["reply"]


def test_a_model_may_mend_a_typed_title_and_its_stars_need_a_grade_said(starter, profiles):
    """The model's "Titanic" for "titanik" was thrown away; its stars for "I watched the first one" were stored."""
    bot, model = _with_model(starter, profiles, {"intent": "recommend", "like_titles": ["Titanic"]},
                             {"explanations": []})  # fmt: skip
    assert bot.ask("something like titanik", user="cli:yan")["understood"]["like_titles"] == ["Titanic (1997)"]
    model.queue({"intent": "seen", "ordinal": 0, "stars": 2})
    bot.ask("I watched the first one", user="cli:yan")
    assert profiles.ratings("cli:yan") == {}


def test_a_decade_said_with_older_is_that_decade(starter, profiles):
    """ "older pls, like 80s" after 90s comedies gave "up to 1993" and a 1959 film "as you asked"."""
    bot = make_bot(starter, profiles)
    bot.ask("a comedy from the 90s", user="cli:oli")
    older = bot.ask("older pls, like 80s", user="cli:oli")
    assert (older["understood"]["year_min"], older["understood"]["year_max"]) == (1980, 1989)
    assert ids(older) and all(1980 <= starter.movies[i].year <= 1989 for i in ids(older))


def test_a_length_said_with_shorter_is_that_length(starter, profiles):
    """ "shorter pls like 2h max" after a 3-hour request gave "up to 104 min", not the two hours said."""
    bot = make_bot(starter, profiles)
    bot.ask("got 3 hours to kill, give me an epic", user="cli:len2")
    shorter = bot.ask("shorter pls like 2h max", user="cli:len2")
    assert shorter["understood"]["max_runtime"] == 120 and "up to 120 min" in shorter["reply"]
    assert ids(shorter) and all(starter.movies[i].runtime <= 120 for i in ids(shorter))
    longer = bot.ask("longer, at least 150 min", user="cli:len2")
    assert longer["understood"]["min_runtime"] == 150


def test_longer_after_a_length_asked_moves_past_it_rather_than_contradict_it(starter, profiles):
    """ "comedy under 90 min" then "longer" asked for "at least 89 min, up to 89 min", then loosened the
    runtime and told the user each pick was "longer than you asked for"."""
    bot = make_bot(starter, profiles)
    short = bot.ask("a comedy under 90 min", user="cli:len")
    longest = max(starter.movies[i].runtime for i in ids(short))
    longer = bot.ask("longer", user="cli:len")
    assert longer["understood"]["min_runtime"] == longest + 1 and longer["understood"].get("max_runtime") is None
    assert all(starter.movies[i].runtime > longest for i in ids(longer)) and "loosened" not in longer["reply"]
    shorter = bot.ask("shorter", user="cli:len")
    assert shorter["understood"].get("min_runtime") is None
    assert all(starter.movies[i].runtime < min(starter.movies[j].runtime for j in ids(longer)) for i in ids(shorter))


def test_why_a_pick_of_an_earlier_answer_explains_that_pick(starter, profiles):
    """ "why?" replied to a pick of the answer before the last explained the first of the last answer;
    "why Titanic?" of a film never suggested explained another film."""
    bot = make_bot(starter, profiles)
    first = bot.ask("a crime thriller from the 90s", user="cli:why")
    bot.ask("more", user="cli:why")
    earlier = starter.movies[ids(first)[1]]
    bot.ask("a horror film from the 80s", user="cli:why")  # a new subject: the crime thriller was not for it
    why = bot.ask(f"why {earlier.label}?", user="cli:why")
    assert why["reply"].startswith(f"{earlier.label}: rated ")
    assert "as you asked" not in why["reply"] and "unlike what you asked" not in why["reply"]
    never = bot.ask("why Titanic?", user="cli:why")
    assert never["reply"] == "I haven't suggested Titanic (1997) in this conversation."


def test_a_pick_number_past_the_answer_says_how_many_were_suggested(starter, profiles):
    """ "is the second one in korean?" after a single pick got "Which one do you mean? ... say "the second one"."."""
    bot = make_bot(starter, profiles)
    one = bot.ask("a crime thriller from the 90s", user="cli:num", k=1)
    assert len(ids(one)) == 1
    label = starter.movies[ids(one)[0]].label
    for text in ("is the second one in korean?", "loved the 3rd one"):
        said = bot.ask(text, user="cli:num")
        assert said["reply"] == f'I only suggested one film just now, {label}: say "it" or its name to ask about it.'
    three = bot.ask("comedies", user="cli:num", k=3)
    assert len(ids(three)) == 3
    assert bot.ask("how long is the 5th one", user="cli:num")["reply"].startswith("I only suggested 3 films just now")


def test_a_film_the_conversation_went_by_is_never_suggested_back(starter, profiles):
    """ "something like whiplash" then "more like the first one" suggested Whiplash itself."""
    bot = make_bot(starter, profiles)
    for n, reference in enumerate(("Heat", "Whiplash", "Alien", "Toy Story", "The Godfather", "Amélie")):
        movie = starter.movies[starter.resolve_title(reference).movie_id]
        user = f"cli:ref{n}"
        assert movie.id not in ids(bot.ask(f"something like {reference}", user=user))
        for follow_up in ("more like the first one", "more like the second one", "more like the third one"):
            assert movie.id not in ids(bot.ask(follow_up, user=user)), (reference, follow_up)


def test_what_it_cannot_do_is_said_not_answered_with_picks(starter, profiles):
    """ "can you book me tickets for dune tonight?" answered with Dune (1984); "recommend me a good book"
    with The Book of Eli."""
    bot = make_bot(starter, profiles)
    for text in ("can you book me tickets for dune tonight?", "recommend me a good book"):
        said = bot.ask(text, user="cli:out")
        assert said["recommendations"] == [] and said["reply"].startswith("I can't book tickets"), text


def test_more_romantic_leans_the_request_it_follows(starter, profiles):
    """ "romance from the 2010s, no comedies" then "more romantic" dropped the decade and the refusal, and
    answered The Proposal (2009), a comedy."""
    bot = make_bot(starter, profiles)
    bot.ask("a romance from the 2000s, no comedies", user="cli:rom")
    more = bot.ask("more romantic", user="cli:rom")
    assert more["understood"]["year_min"] == 2000 and more["understood"]["exclude_genres"] == ["comedy"]
    picks = [starter.movies[i] for i in ids(more)]
    assert picks and all(2000 <= m.year <= 2009 and "comedy" not in m.genres for m in picks)


def test_a_favourite_typed_in_lower_case_is_the_reference_and_never_a_pick(starter, profiles):
    """ "das boot is my fav, something similar" answered Das Boot itself, and no "like Das Boot";
    "la haine was great, more like that" after a request like Se7en went on by Se7en."""
    bot = make_bot(starter, profiles)
    fav = bot.ask("das boot is my fav, something similar", user="cli:ida")
    assert "das-boot-1981" not in ids(fav) and len(ids(fav)) == 3
    assert fav["understood"]["like_titles"] == ["Das Boot (1981)"] and "like Das Boot" in fav["reply"]
    assert fav["reply"].startswith("Noted: you loved Das Boot (1981).")
    assert profiles.rating("cli:ida", "das-boot-1981") == 5
    first = bot.ask("something like se7en but less grim, from the 90s", user="cli:ida")
    assert first["understood"]["like_titles"] == ["Se7en (1995)"]
    that = bot.ask("la haine was great, more like that", user="cli:ida")
    assert that["understood"]["like_titles"] == ["La Haine (1995)"]
    assert "Se7en" not in that["reply"] and "la-haine-1995" not in ids(that)
    assert profiles.rating("cli:ida", "la-haine-1995") == 4  # as "I liked La Haine, more like that" would be


def test_whether_a_film_was_among_the_picks_is_answered_not_taken_for_a_request(starter, profiles):
    """ "was heat in any of those?" answered with a new list (Heat, The Heat, Body Heat)."""
    bot = make_bot(starter, profiles)
    assert bot.ask("is heat one of them?", user="cli:eve")["reply"] == (
        "I haven't suggested anything yet in this conversation."
    )
    shown = bot.ask("a crime thriller from the 90s", user="cli:eve")
    second = starter.movies[ids(shown)[1]]
    yes = bot.ask(f"was {second.title.lower()} in any of those?", user="cli:eve")
    assert (yes["reply"], yes["recommendations"]) == (f"Yes, {second.label} was number 2 of my last picks.", [])
    assert "the-godfather-1972" not in ids(shown)
    no = bot.ask("did you suggest the godfather?", user="cli:eve")
    labels = [starter.movies[i].label for i in ids(shown)]
    assert no["reply"] == (
        f"No, I haven't suggested The Godfather (1972) in this conversation. My last picks were {labels[0]}, "
        f'{labels[1]} and {labels[2]}. Say "something like The Godfather" for films like it.'
    )
    assert no["recommendations"] == []


def test_a_surname_said_as_a_follow_up_narrows_the_last_request_misspelt_or_not(starter, profiles):
    """ "a war film" then "speilberg instead" answered Inception, The Avengers and The Dark Knight: the war
    genre gone, the name unread, and nothing said of it."""
    bot = make_bot(starter, profiles)
    bot.ask("a war film", user="cli:wes")
    narrowed = bot.ask("speilberg instead", user="cli:wes")
    assert narrowed["understood"]["genres"] == ["war"] and narrowed["understood"]["people"] == ["Steven Spielberg"]
    assert narrowed["reply"].startswith('I took "speilberg" to mean Steven Spielberg. ')
    assert all("Steven Spielberg" in m.directors and "war" in m.genres for m in movies(starter, narrowed))


def test_a_follow_up_names_someone_by_part_of_a_name_said_before(starter, profiles):
    """ "sofia" after Coppola's films and "only carell" after Steve Carell or Paul Rudd answered popular
    picks with neither, and nothing said the name went unread."""
    bot = make_bot(starter, profiles)
    bot.ask("something by coppola", user="cli:sam")
    sofia = bot.ask("sofia", user="cli:sam")
    assert sofia["understood"]["people"] == ["Sofia Coppola"]
    assert sofia["reply"].startswith('I took "sofia" to mean Sofia Coppola.')
    assert movies(starter, sofia) and all("Sofia Coppola" in m.directors + m.cast for m in movies(starter, sofia))
    bot.ask("a comedy with steve carell or paul rudd", user="cli:sue")
    carell = bot.ask("only carell", user="cli:sue")
    assert carell["understood"]["people"] == ["Steve Carell"] and carell["understood"]["genres"] == ["comedy"]
    assert all("Steve Carell" in m.cast and "comedy" in m.genres for m in movies(starter, carell))
    assert "Rudd" not in carell["reply"]


def test_a_follow_up_nothing_in_which_was_understood_says_so_and_keeps_the_request(starter, profiles):
    """ "a war film" then "blorptastic instead" answered Inception, The Avengers and The Dark Knight as
    if they met a request; a first message that says nothing still gets "Sorry, I didn't catch that"."""
    bot = make_bot(starter, profiles)
    bot.ask("a war film", user="cli:zed")
    same = bot.ask("blorptastic instead", user="cli:zed")
    assert same["reply"].startswith('I didn\'t catch "blorptastic", so here is more of the same. Here are 3 picks: war')
    assert same["understood"]["genres"] == ["war"] and all("war" in m.genres for m in movies(starter, same))
    assert bot.ask("blorptastic", user="cli:new")["reply"].startswith("Sorry, I didn't catch that.")


def test_colour_asked_after_a_request_is_said_unknown_and_tho_is_filler(starter, profiles):
    """ "musicals" then "any in color tho" answered "I didn't catch "tho", so here is more of the same"."""
    bot = make_bot(starter, profiles)
    bot.ask("a war film", user="cli:ted")
    for said in ("any in color tho", "in colour though", "tho any in color?"):
        answer = bot.ask(said, user="cli:ted")
        assert "didn't catch" not in answer["reply"], said
        assert answer["reply"].startswith("My catalog doesn't record whether a film is in colour"), said
        assert all("war" in m.genres for m in movies(starter, answer)) and answer["recommendations"], said


def test_a_strong_female_lead_is_said_to_be_beyond_the_catalog_and_the_rest_answered(starter, profiles):
    """ "a movie with a strong female lead" answered three picks with no word on the wish: the catalog
    records no lead's gender (TMDB tags 17 films of 11,008 "female protagonist"), so it can't go by it."""
    bot = make_bot(starter, profiles)
    cannot = "My catalog doesn't record which films have a female lead, so I couldn't go by it."
    for user, said in (("cli:fl", "a movie with a strong female lead"), ("cli:fm", "a female-led action film"),
                       ("cli:fn", "sci-fi with a strong heroine from the 80s")):  # fmt: skip
        answer = bot.ask(said, user=user)
        # with nothing else asked, the header says what the picks went by (agent.nodes.taste_intro)
        head = " I don't know your taste yet, so here are 3 picks:" if "lead" in said else " Here are 3 picks: "
        assert answer["reply"].startswith(cannot + head), said
        assert len(answer["recommendations"]) == 3, said
    answer = bot.ask("sci-fi with a strong heroine from the 80s", user="cli:fo")
    assert all("sci-fi" in m.genres and 1980 <= m.year <= 1989 for m in movies(starter, answer))


def watched(profiles, user: str) -> set[str]:
    return {row["movie_id"] for row in profiles.watched(user)}


def test_every_film_of_a_seen_list_is_recorded_and_the_one_not_found_is_named(starter, profiles):
    """ "seen spirited away, zorblaxia and ponyo" recorded Spirited Away alone and said nothing of the rest."""
    bot = make_bot(starter, profiles)
    said = bot.ask("seen spirited away, zorblaxia and ponyo", user="cli:sen")
    assert watched(profiles, "cli:sen") == {"spirited-away-2001", "ponyo-2008"}
    assert "“zorblaxia”" in said["reply"] and said["recommendations"] == []


def test_a_seen_list_reads_titles_not_genres_nor_a_partial_title_lost(starter, profiles):
    """ "i've watched alien, jaws and the shining" answered with sci-fi picks ("alien" the genre)."""
    bot = make_bot(starter, profiles)
    said = bot.ask("i've watched alien, jaws and the shining", user="cli:ali")
    assert said["recommendations"] == []
    assert {"alien-1979", "jaws-1975", "the-shining-1980"} <= watched(profiles, "cli:ali")
    bot.ask("seen the thing", user="cli:ali")
    assert profiles.has_watched("cli:ali", "the-thing-1982")
    bot.ask("seen totoro and heat", user="cli:ali")  # totoro: the one film whose title holds it
    assert any("totoro" in m for m in watched(profiles, "cli:ali"))


def test_numbers_after_picks_are_places_in_the_last_answer(starter, profiles):
    """ "seen 1 and 3" searched for films called 1 and 3 and recorded nothing."""
    bot = make_bot(starter, profiles)
    shown = ids(bot.ask("a heist movie", user="cli:num"))
    said = bot.ask("seen 1 and 3", user="cli:num")
    assert said["recommendations"] == [] and watched(profiles, "cli:num") == {shown[0], shown[2]}
    bot.ask("watched 2", user="cli:num")
    assert watched(profiles, "cli:num") == set(shown)
    shown = ids(bot.ask("a romantic comedy", user="cli:all"))
    bot.ask("seen all 3 lol", user="cli:all")
    assert watched(profiles, "cli:all") == set(shown)
    bot.ask("a 90s thriller", user="cli:zero")
    bot.ask("seen 0, 1", user="cli:zero")  # no place 0: it marked the last pick (place -1) watched
    assert len(watched(profiles, "cli:zero")) <= 1


def test_a_film_seen_beside_a_request_is_recorded_and_the_request_answered(starter, profiles):
    """ "tarantino movies but not pulp fiction, seen it like 10 times" only marked Pulp Fiction watched."""
    bot = make_bot(starter, profiles)
    result = bot.ask("tarantino movies but not pulp fiction, seen it like 10 times", user="cli:qt")
    assert profiles.has_watched("cli:qt", "pulp-fiction-1994")
    picked = movies(starter, result)
    assert picked and all("Quentin Tarantino" in m.directors for m in picked)
    assert "pulp-fiction-1994" not in ids(result)
    more = bot.ask("more", user="cli:qt")
    picked = movies(starter, more)
    assert picked and all("Quentin Tarantino" in [*m.directors, *m.cast] for m in picked)
    result = bot.ask("already seen heat, want more quentin tarantino type stuff", user="cli:mm")
    assert profiles.has_watched("cli:mm", "heat-1995") and result["recommendations"]


def test_a_film_without_a_synopsis_or_director_is_told_what_the_catalog_does_record(starter, profiles, monkeypatch):
    """ "tell me about Heat" on a catalog with no synopsis of it answered "I have no synopsis of Heat
    (1995)." alone, and "who directed it?" without a director "I don't know who directed...", as if
    the bot had forgotten rather than the catalog not holding it."""
    import dataclasses

    heat = starter.movies["heat-1995"]
    monkeypatch.setitem(starter.movies, heat.id, dataclasses.replace(heat, overview="", directors=[]))
    bot = make_bot(starter, profiles)
    told = bot.ask("tell me about Heat", user="cli:oz")["reply"]
    assert told.startswith("My catalog has no synopsis of Heat (1995). What it records: ")
    assert ", ".join(heat.genres) in told and f"{heat.runtime} min" in told and heat.cast[0] in told
    assert "directed by" not in told
    directed = bot.ask("who directed Heat?", user="cli:oz")["reply"]
    assert directed == "My catalog doesn't record who directed Heat (1995)."
    assert bot.ask("what's Alien about?", user="cli:oz")["reply"].startswith("Alien (1979): ")


def test_tell_me_about_a_film_gives_its_facts_and_whole_synopsis(starter, profiles):
    """ "tell me about Alien" answered its synopsis alone, though "tell me about" asks for the film in
    brief: genres, runtime, director, cast and rating, then the premise."""
    alien = starter.movies["alien-1979"]
    told = make_bot(starter, profiles).ask("tell me about Alien", user="cli:tia")["reply"]
    assert told.startswith(f"Alien (1979): {', '.join(alien.genres)}; {alien.runtime} min; directed by Ridley Scott")
    assert told.endswith(alien.overview)


def test_an_api_user_asking_what_is_kept_is_told_the_endpoints_not_slash_commands(starter, profiles):
    """POST /v1/chat "forget everything about me" answered with /forget and `moviebot user forget`,
    neither of which an API user has."""
    bot = make_bot(starter, profiles)
    for text in ("forget everything about me", "what do you know about me?", "how do I rate a movie?"):
        said = bot.ask(text, user="http:acme:ana")["reply"]
        assert "DELETE /v1/users/{user} deletes it all" in said and "GET /v1/users/{user}/export" in said, text
        assert "/forget" not in said and "moviebot" not in said and "/watched remove" not in said, text
    terminal = bot.ask("forget everything about me", user="cli:ana")["reply"]
    assert "moviebot user forget" in terminal and "DELETE" not in terminal


def test_a_film_said_seen_that_the_catalog_lacks_is_said_beside_a_request(starter, profiles):
    """ "have seen Zorblax Returns already, something from the 90s?" gave 90s picks with Zorblax
    passed over in silence, where "I've seen Zorblax Returns" alone says it isn't in the catalog."""
    bot = make_bot(starter, profiles)
    result = bot.ask("have seen Zorblax Returns already, something from the 90s?", user="cli:seen-unknown")
    assert result["reply"].startswith("I couldn't find “Zorblax Returns” in my catalog")
    assert len(ids(result)) == 3 and all(1990 <= m.year <= 1999 for m in movies(starter, result))
    # a viewing of a person is no film: "I saw Tom Hanks in Big" names Big and Tom Hanks only
    said = bot.ask("I saw Tom Hanks in Big, anything else with him?", user="cli:seen-person")
    assert "couldn't find" not in said["reply"]

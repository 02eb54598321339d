"""The co-mention signal inside the recommender: a trained table changes what a request gets."""

from __future__ import annotations

import datetime as dt

import numpy as np

from agent import dialogue_text
from agent.deps import AgentConfig, Deps
from agent.dialogue_ranker import FEATURES, RANKER_KEY, TEXT_KEY, ConversationSignal, Ranker
from agent.recommender import Recommender
from store.comentions import CoMentions


def trained_table() -> CoMentions:
    """People who talk about Se7en go on to Paddington 2, a pairing no content signal would make."""
    table = CoMentions.build([["se7en-1995", "paddington-2-2017"]] * 30 + [["toy-story-1995"]] * 40)
    weights = np.zeros(len(FEATURES))
    weights[FEATURES.index("co_recent")] = 1.0
    table.set_meta(RANKER_KEY, Ranker(weights, np.zeros(len(FEATURES)), np.ones(len(FEATURES))).to_dict())
    return table


def ask(catalog, profiles, signal, message: str) -> list[str]:
    deps = Deps(catalog=catalog, profiles=profiles, conversations=signal, config=AgentConfig(explore=False),
                clock=lambda: dt.datetime(2026, 11, 24, tzinfo=dt.UTC))  # fmt: skip
    result = Recommender(deps).ask(message, user="cli:ana", k=5)
    return [r["id"] for r in result["recommendations"]]


def test_films_people_name_together_are_suggested(starter, profiles):
    signal = ConversationSignal.from_table(trained_table(), starter.movies)
    assert "paddington-2-2017" not in ask(starter, profiles, None, "something like Se7en")
    picks = ask(starter, profiles, signal, "something like Se7en")
    assert "paddington-2-2017" in picks and "se7en-1995" not in picks


def test_a_request_about_no_film_or_genre_is_not_steered(starter, profiles):
    signal = ConversationSignal.from_table(trained_table(), starter.movies)
    assert signal.scores([], genres=[]) == {}


def test_no_signal_without_a_table_or_with_weights_for_other_features(starter, tmp_path):
    assert ConversationSignal.from_table(None, starter.movies) is None
    table = trained_table()
    table.set_meta(RANKER_KEY, {"features": ["co_recent"], "weights": [1.0], "mean": [0.0], "scale": [1.0]})
    assert ConversationSignal.from_table(table, starter.movies) is None
    table.save(tmp_path / "comentions.sqlite")
    assert ConversationSignal.from_table(CoMentions.load(tmp_path / "comentions.sqlite"), starter.movies) is None
    trained_table().save(tmp_path / "comentions.sqlite")
    assert ConversationSignal.from_table(CoMentions.load(tmp_path / "comentions.sqlite"), starter.movies) is not None


def test_what_the_conversation_says_reaches_the_signal(starter, profiles):
    """A text model that learnt "grandma" leads to Paddington 2: a request that names no film
    and no genre gets it through the graph, and the same words without the model do not."""
    grandma = [dialogue_text.Turn([("a rainy sunday with grandma", 1)], ["paddington-2-2017"], n) for n in range(10)]
    crime = [dialogue_text.Turn([("a tense night of crime", 1)], ["se7en-1995"], n) for n in range(10, 20)]
    turns = grandma + crime
    table = CoMentions.build([["paddington-2-2017"], ["se7en-1995"]])
    weights = np.zeros(len(FEATURES))
    weights[FEATURES.index("text")] = 5.0
    table.set_meta(RANKER_KEY, Ranker(weights, np.zeros(len(FEATURES)), np.ones(len(FEATURES))).to_dict())
    table.blobs[TEXT_KEY] = dialogue_text.fit(turns).to_bytes()
    signal = ConversationSignal.from_table(table, starter.movies)
    message = "what should I watch with grandma on a rainy sunday?"
    assert "paddington-2-2017" not in ask(starter, profiles, None, message)
    assert "paddington-2-2017" in ask(starter, profiles, signal, message)

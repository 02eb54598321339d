"""Soft wishes move the picks by meaning as well as by mood labels (issue 15), on the real starter
catalog with the real embedder: a film nobody labelled grim but whose synopsis reads grim gives way."""

from __future__ import annotations

import datetime as dt

import pytest

import agent.nodes.rank
import agent.wishes
from agent.deps import Deps
from agent.recommender import Recommender
from store.profiles import ProfileStore

pytestmark = pytest.mark.slow
NOW = dt.datetime(2026, 12, 4, 12, tzinfo=dt.UTC)


def picks(catalog, message: str) -> list[str]:
    profiles = ProfileStore(None)
    try:
        result = Recommender(Deps(catalog=catalog, profiles=profiles, clock=lambda: NOW)).ask(message, user="cli:w")
    finally:
        profiles.close()
    return [r["id"] for r in result["recommendations"]]


def test_less_grim_war_films_leave_out_one_that_only_reads_grim(real_starter, monkeypatch):
    # The Hurt Locker is labelled tense, intense and gritty: the labels let it through "less grim"
    hurt_locker = real_starter.movies["the-hurt-locker-2008"]
    assert not {"dark", "bleak", "disturbing", "violent"} & set(hurt_locker.moods)
    chosen = picks(real_starter, "a war film, less grim")
    assert hurt_locker.id not in chosen and len(chosen) == 3
    with monkeypatch.context() as patch:
        patch.setattr(agent.wishes, "WISH_WEIGHT", 0.0)
        assert hurt_locker.id in picks(real_starter, "a war film, less grim")  # labels alone keep it


def test_like_se7en_but_less_grim_keeps_the_lighter_crime_films_first(real_starter):
    chosen = picks(real_starter, "something like Se7en but less grim")
    assert chosen[0] == "the-usual-suspects-1995" and "l-a-confidential-1997" in chosen
    assert not {"misery-1990", "from-dusk-till-dawn-1996"} & set(chosen)


def test_a_wish_is_embedded_at_most_once_per_turn_and_not_at_all_without_one(real_starter, monkeypatch):
    calls = []
    embed = real_starter.embedder.embed_documents

    def counted(texts):
        calls.append(list(texts))
        return embed(texts)

    monkeypatch.setattr(real_starter.embedder, "embed_documents", counted)
    profiles = ProfileStore(None)
    bot = Recommender(Deps(catalog=real_starter, profiles=profiles, clock=lambda: NOW))
    bot.ask("a war film", user="cli:once")
    assert calls == []
    bot.ask("a war film, less grim", user="cli:once")
    assert calls == [["a bleak, dark, disturbing, violent film"]]
    wishes = []
    vectors = agent.nodes.rank.wish_vectors
    monkeypatch.setattr(agent.nodes.rank, "wish_vectors", lambda e, r, c: wishes.append(r) or vectors(e, r, c))
    bot.ask("more", user="cli:once")
    assert wishes[0]["exclude_moods"] and len(calls) == 1  # the same wish, remembered
    profiles.close()

"""The request read beside a dismissal ("don't show me Heat again, any comedies from the last
5 years?") counts its years from today, as every other message does, not from a fixed year."""

from __future__ import annotations

import datetime as dt

from agent.deps import AgentConfig, Deps
from agent.recommender import Recommender


def test_years_beside_a_dismissal_count_from_today(starter, profiles):
    deps = Deps(catalog=starter, profiles=profiles, llm=None, config=AgentConfig(),
                clock=lambda: dt.datetime(2031, 3, 1, tzinfo=dt.UTC))  # fmt: skip
    bot = Recommender(deps, None)
    bot.ask("a crime thriller from the 90s", user="cli:today")
    answer = bot.ask("don't show me heat again, any comedies from the last 5 years?", user="cli:today")
    assert answer["understood"]["year_min"] == 2026

"""How a model's reading and the rules' combine: the rules fill what the model left out, never
against what the model refused or resolved."""

from agent.understanding.llm_reader import _rules_fill_in
from agent.understanding.request import Understood


def test_what_the_model_left_out_is_filled_from_the_rules():
    rules = Understood(genres=["crime"], year_min=1990, year_max=1999, max_runtime=119, people=["Al Pacino"])
    filled = _rules_fill_in(Understood(), rules)
    assert (filled.genres, filled.year_min, filled.year_max, filled.max_runtime) == (["crime"], 1990, 1999, 119)
    assert filled.people == ["Al Pacino"]
    model = Understood(year_max=1985)  # the model's own bounds are a pair: no rules' year_min beside it
    assert (_rules_fill_in(model, rules).year_min, _rules_fill_in(model, rules).year_max) == (None, 1985)


def test_the_models_refusals_and_resolved_titles_win_over_a_rules_misreading():
    """ "I'll pass on horror tonight": the rules read horror as asked for, the model as refused."""
    refused = _rules_fill_in(Understood(exclude_genres=["horror"]), Understood(genres=["horror"]))
    assert refused.genres == [] and refused.exclude_genres == ["horror"]
    resolved = _rules_fill_in(Understood(like_titles=["barry-lyndon-1975"]), Understood(unknown_titles=["Barry"]))
    assert resolved.unknown_titles == []

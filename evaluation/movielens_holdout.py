"""The MovieLens evaluation with settings chosen on other users: `--protocol users-holdout`.

The users are split in two halves by a fixed hash of their id. Every setting is chosen on
the tuning half's validation ratings only: moviebot's collaborative model (EASE's lambda,
the neutral star that signs a rating, how much the latest ratings count), item-kNN's
neighbour count and the EASE baseline's lambda. The validation split is the `earlier` one
(each user's latest 20% dropped, the latest 20% of the rest held out), so the films a
reporting user rated in the test period are in no model fitted for tuning, and no
reporting user's answer is scored while choosing. The figures are then those of the
reporting half on the usual time-ordered 80/20 split, with the models fitted on every
user's history as in the default protocol.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field, replace

from agent.collaborative import DEFAULT_SETTINGS, CollaborativeSettings
from evaluation.cf_baselines import Ease, ItemKNN, Popularity
from evaluation.movielens import (
    LAMBDAS,
    K,
    MovieLensReport,
    Prepared,
    Progress,
    sample_users,
    score_users,
)

SALT = "moviebot users-holdout"
NEIGHBOURS: tuple[int | None, ...] = (10, 20, 50, 100, 200, None)  # item-kNN's choices; None: no cut
# moviebot's choices, tried one at a time from the product's defaults (a coordinate search):
# each stage keeps the best of the previous one and varies one setting
STAGES: tuple[tuple[str, tuple], ...] = (
    ("lam", LAMBDAS),
    (
        "recency",
        tuple(
            dict.fromkeys(
                (
                    (10.0, 1.0),
                    (10.0, 0.3),
                    (5.0, 0.1),
                    (3.0, 0.05),
                    (DEFAULT_SETTINGS.recent, DEFAULT_SETTINGS.old_weight),
                )
            )
        ),
    ),  # (decay, old weight)
    ("neutral", (2.5, 3.0, 3.5)),
)

# builds a recommender over a profile store with these collaborative settings
Recommenders = Callable[[Prepared, CollaborativeSettings], object]


def is_tuning_user(user: Hashable) -> bool:
    """Half the users, by a hash of their id that no run, seed or sample changes."""
    return hashlib.sha256(f"{SALT}:{user}".encode()).digest()[0] % 2 == 0


def halves(users: Iterable[str]) -> tuple[list[str], list[str]]:
    """The tuning users and the reporting users, in the order given."""
    users = list(users)
    return [u for u in users if is_tuning_user(u)], [u for u in users if not is_tuning_user(u)]


def with_choice(settings: CollaborativeSettings, stage: str, value) -> CollaborativeSettings:
    if stage == "recency":
        return replace(settings, recent=value[0], old_weight=value[1])
    return replace(settings, **{stage: value})


@dataclass
class Choice:
    """One setting chosen on the tuning users: each candidate's validation NDCG@k."""

    method: str
    tried: dict[str, float]
    chosen: str


@dataclass
class HoldoutReport:
    report: MovieLensReport  # the reporting users' figures
    tuning_users: int  # scored while choosing
    reporting_users: int  # scored in the report (after --users)
    choices: list[Choice] = field(default_factory=list)
    settings: CollaborativeSettings = DEFAULT_SETTINGS  # moviebot's, as chosen
    defaults_chosen: bool = True  # the product's defaults were the tuning users' choice

    def to_dict(self) -> dict:
        return {
            **self.report.to_dict(),
            "protocol": "users-holdout",
            "tuning_users": self.tuning_users,
            "reporting_users": self.reporting_users,
            "moviebot_settings": self.settings.describe(),
            "defaults_chosen": self.defaults_chosen,
            "choices": [{"method": c.method, "chosen": c.chosen, "validation_ndcg": c.tried} for c in self.choices],
        }


def _mean_ndcg(report: MovieLensReport, name: str) -> float:
    return round(report.method(name).mean_ndcg, 4)


def evaluate_holdout(
    recommenders: Recommenders,
    validation: Prepared,
    test: Prepared,
    *,
    users: int | None = None,
    tuning: int | None = None,
    seed: int = 0,
    k: int = K,
    stages: tuple[tuple[str, tuple], ...] = STAGES,
    lambdas: tuple[float, ...] = LAMBDAS,
    neighbours: tuple[int | None, ...] = NEIGHBOURS,
    progress: Progress | None = None,
) -> HoldoutReport:
    """Choose on `validation` (the `earlier` split) scored on tuning users only, then report
    on `test` (the `latest` split) for the reporting users. `users` and `tuning` sample
    each half (None: all of it)."""
    tuners = sample_users(halves(validation.split.evaluable)[0], tuning, seed)
    eligible = halves(test.split.evaluable)[1]
    reporters = sample_users(eligible, users, seed)
    history = validation.split.history
    choices: list[Choice] = []

    def choose(method: str, options: dict[str, object], build: Callable[[object], object]) -> object:
        found = score_users(None, validation, tuners, [build(o) for o in options.values()],
                            eligible=tuners, k=k).methods  # fmt: skip
        tried = {label: round(m.mean_ndcg, 4) for label, m in zip(options, found, strict=True)}
        best = max(options, key=lambda label: tried[label])  # the first listed wins a tie
        choices.append(Choice(method, tried, best))
        return options[best]

    def renamed(model, name: str):
        model.name = name
        return model

    lam = choose("EASE lambda", {f"{lam:g}": lam for lam in lambdas},
                 lambda lam: renamed(Ease(history, lam), f"EASE {lam:g}"))  # fmt: skip
    cut = choose("item-kNN neighbours", {str(n or "all"): n for n in neighbours},
                 lambda n: renamed(ItemKNN(history, neighbours=n), f"kNN {n}"))  # fmt: skip

    settings = DEFAULT_SETTINGS
    scored: dict[CollaborativeSettings, float] = {}
    for stage, values in stages:
        options = {_label(stage, v): with_choice(settings, stage, v) for v in values}
        for candidate in options.values():
            if candidate not in scored:
                run = score_users(recommenders(validation, candidate), validation, tuners, [], eligible=tuners,
                                  k=k, progress=progress)  # fmt: skip
                scored[candidate] = _mean_ndcg(run, "moviebot")
        tried = {label: scored[s] for label, s in options.items()}
        best = max(options, key=lambda label: (tried[label], options[label] == settings))  # a tie keeps the current
        choices.append(Choice(f"moviebot {stage}", tried, best))
        settings = options[best]

    test_history = test.split.history
    baselines = [
        Popularity(test_history),
        ItemKNN(test_history, neighbours=50),
        ItemKNN(test_history, neighbours=None),
    ]
    if cut not in (50, None):
        baselines.append(renamed(ItemKNN(test_history, neighbours=cut), f"item-kNN {cut}nn (chosen)"))
    baselines.append(Ease(test_history, lam))
    report = score_users(recommenders(test, settings), test, reporters, baselines, eligible=eligible, k=k,
                         progress=progress)  # fmt: skip
    report.ease_lambda = lam
    report.split = "users-holdout"
    if settings != DEFAULT_SETTINGS:  # what the product's current defaults would have scored, beside it
        current = score_users(recommenders(test, DEFAULT_SETTINGS), test, reporters, [], eligible=eligible, k=k,
                              progress=progress, name="moviebot (product defaults)")  # fmt: skip
        report.methods.insert(1, current.methods[0])
    return HoldoutReport(report, len(tuners), len(reporters), choices, settings, settings == DEFAULT_SETTINGS)


def _label(stage: str, value) -> str:
    if stage == "recency":
        recent, old = value
        return "none" if old >= 1.0 else f"{recent:g}/{old:g}"
    return f"{value:g}"

"""Off-policy evaluation of the learning re-ranker: would it have done better than the fixed one?

The exploring ranker logs, for every slot of every answer, the pick and the probability
it had of making it. A policy that would have made the same pick in that slot gets the
logged reward weighted by 1/propensity (inverse-propensity scoring); one that would have
picked differently gets nothing. Both policies are scored on the later half of the log;
the learned one learns from the earlier half only.

Two logs: a simulation on MovieLens (the real graph answers generic requests for users
whose held-out ratings say whether they liked a pick), or the reactions the bots logged.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from agent.bandit import Ranker
from agent.scoring import DIVERSITY, Candidate, max_similarity
from store.profiles import NO_FEEDBACK_REWARD, stars_reward

MIN_EVENTS = 100  # below this many evaluated slots an estimate is not worth reading
MIN_MATCHES = 10  # nor when a policy agrees with the log this rarely
REQUESTS = (
    "recommend me something", "a comedy", "a thriller", "a drama", "something scary", "an action movie",
    "a romantic film", "a science fiction film", "an animated film", "a crime film", "something feel-good",
    "a documentary",
)  # fmt: skip

Progress = Callable[[str, int], Callable[[int], None] | None]


def simulated_reward(stars: float | None) -> float:
    """The simulated user's reaction, on ProfileStore.rewards' scale."""
    if stars is None:
        return NO_FEEDBACK_REWARD
    return stars_reward(stars)


@dataclass
class Slot:
    """One logged decision: what was still on offer, what was already picked, what was
    picked here and with what probability, and what it earned."""

    user: str
    remaining: list[Candidate]  # the pool at this slot, the logged pick included
    previous: list[Candidate]  # picks already made in earlier slots of the same answer
    pick: Candidate
    propensity: float
    reward: float


Answer = list[Slot]


def greedy_pick(ranker: Ranker, user: str, slot: Slot) -> str:
    """The movie a ranker's greedy choice (exploration off) would put in this slot."""
    values = ranker.scores(user, slot.remaining)
    best = max(
        range(len(slot.remaining)),
        key=lambda i: (values[i] - DIVERSITY * max_similarity(slot.remaining[i], slot.previous), -i),
    )
    return slot.remaining[best].movie_id


@dataclass
class Estimate:
    policy: str
    ips: float  # mean over slots of 1[same pick] * reward / propensity
    snips: float  # the same, divided by the mean weight instead of the slot count
    matches: int  # slots where the policy would have made the logged pick
    events: int

    def to_dict(self) -> dict:
        return {"policy": self.policy, "ips": _finite(self.ips), "snips": _finite(self.snips),
                "matches": self.matches, "events": self.events}  # fmt: skip


def _finite(value: float) -> float | None:
    return round(value, 4) if math.isfinite(value) else None


def estimate(name: str, slots: Sequence[Slot], choose: Callable[[Slot], str]) -> Estimate:
    weighted = weights = 0.0
    matches = 0
    for slot in slots:
        if choose(slot) == slot.pick.movie_id:
            weight = 1.0 / slot.propensity
            weighted += weight * slot.reward
            weights += weight
            matches += 1
    n = len(slots)
    return Estimate(
        name,
        ips=weighted / n if n else math.nan,
        snips=weighted / weights if weights else math.nan,
        matches=matches,
        events=n,
    )


@dataclass
class BanditReport:
    mode: str
    answers: int
    learned_from: int  # slots in the earlier half
    events: int  # slots in the later half, where both policies are scored
    logging_reward: float  # mean reward the logging policy actually earned there
    fixed: Estimate
    learned: Estimate
    notes: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return self.learned.ips / self.fixed.ips if self.fixed.ips else math.nan

    @property
    def too_few(self) -> bool:
        return self.events < MIN_EVENTS or min(self.fixed.matches, self.learned.matches) < MIN_MATCHES

    def to_dict(self) -> dict:
        return {
            "mode": self.mode,
            "answers": self.answers,
            "learned_from": self.learned_from,
            "events": self.events,
            "logging_reward": _finite(self.logging_reward),
            "v_fixed": _finite(self.fixed.ips),
            "v_learned": _finite(self.learned.ips),
            "ratio": _finite(self.ratio),
            "snips_fixed": _finite(self.fixed.snips),
            "snips_learned": _finite(self.learned.snips),
            "matches_fixed": self.fixed.matches,
            "matches_learned": self.learned.matches,
            "too_few_events": self.too_few,
            "notes": self.notes,
        }


def compare(answers: Sequence[Answer], *, mode: str, notes: Sequence[str] = ()) -> BanditReport:
    """Learn from the earlier half of the answers, score both policies on the later half."""
    half = len(answers) // 2
    train = [slot for answer in answers[:half] for slot in answer]
    test = [slot for answer in answers[half:] for slot in answer]
    learned = Ranker(None, epsilon=0.0)
    for slot in train:
        learned.learn(slot.user, slot.pick.features, slot.reward)
    fixed = Ranker(None, epsilon=0.0)
    report = BanditReport(
        mode=mode,
        answers=len(answers),
        learned_from=len(train),
        events=len(test),
        logging_reward=sum(s.reward for s in test) / len(test) if test else math.nan,
        fixed=estimate("fixed", test, lambda slot: greedy_pick(fixed, slot.user, slot)),
        learned=estimate("learned", test, lambda slot: greedy_pick(learned, slot.user, slot)),
        notes=list(notes),
    )
    if report.too_few:
        report.notes.append(
            f"too few events for a trustworthy estimate: {report.events} scored slots "
            f"(want {MIN_EVENTS}+), {report.fixed.matches} fixed and {report.learned.matches} learned "
            f"matches (want {MIN_MATCHES}+ each)"
        )
    return report


def slots_of(user: str, pool: Sequence[Candidate], chosen: Sequence[tuple[Candidate, float]], rewards) -> Answer:
    """An answer's slots from the pool the ranker saw and its (pick, propensity) choices."""
    remaining = list(pool)
    answer: Answer = []
    previous: list[Candidate] = []
    for pick, propensity in chosen:
        answer.append(Slot(user, list(remaining), list(previous), pick, propensity, rewards(pick.movie_id)))
        remaining = [c for c in remaining if c is not pick]
        previous.append(pick)
    return answer


# -- simulation on MovieLens -------------------------------------------------------------


class RecordingRanker(Ranker):
    """The exploring ranker, keeping the pool and choices of its last answer."""

    last: tuple[list[Candidate], list[tuple[Candidate, float]]] | None = None

    def choose(self, user, candidates, count, *, explore=True):
        chosen = super().choose(user, candidates, count, explore=explore)
        self.last = (list(candidates), chosen)
        return chosen


def simulate(
    catalog,
    prepared,
    *,
    users: int = 50,
    rounds: int = 10,
    k: int = 10,
    epsilon: float = 0.3,
    seed: int = 0,
    clock=None,
    progress: Progress | None = None,
) -> list[Answer]:
    """Sampled MovieLens users ask the real graph for k films, `rounds` times each, with
    a different request each round; the exploring ranker chooses, and the user's held-out
    rating of each pick is its reward. Nothing a user was shown comes back in a later round."""
    from agent.deps import AgentConfig
    from agent.service import build_service
    from evaluation.movielens import sample_users

    split = prepared.split
    ranker = RecordingRanker(None, epsilon=epsilon, seed=seed)
    service = build_service(catalog, prepared.store, ranker=ranker, config=AgentConfig(explore=True), clock=clock)
    model = service.deps.collaborative()
    if model is not None:
        model.fit_now()  # fitted before the first answer, so no answer depends on a background thread's timing
    chosen_users = sample_users(split.evaluable, users, seed)
    order = random.Random(seed)
    advance = progress("answers", rounds * len(chosen_users)) if progress else None
    answers: list[Answer] = []
    for _ in range(rounds):
        for user in chosen_users:
            key = f"ml:{user}"
            text = order.choice(REQUESTS)
            ranker.last = None
            # the graph itself keeps the history, and what it showed in earlier rounds, out
            service.chat(key, text, k=k, remember=False)
            if ranker.last is not None:
                pool, picks = ranker.last
                heldout = split.heldout.get(user, {})
                answers.append(slots_of(key, pool, picks, lambda movie, h=heldout: simulated_reward(h.get(movie))))
            if advance:
                advance(1)
    return answers


# -- the bots' own log ---------------------------------------------------------------------


def logged_answers(profiles, catalog=None) -> tuple[list[Answer], int]:
    """Answers rebuilt from ProfileStore.rewards(): the suggestions of one reply share a user
    and a shown_at, in rank order. Returns them oldest first, and how many rewarded
    suggestions had to be left out for lack of a propensity.

    Only the shown picks were logged, not the whole pool, so a policy's choice for a slot
    is taken among the picks shown from that slot on: an approximation the report states.
    """
    rows = profiles.rewards()
    grouped: dict[tuple[str, str], list[dict]] = defaultdict(list)
    dropped = 0
    for row in rows:
        if not row.get("propensity") or row["propensity"] <= 0:
            dropped += 1
            continue
        grouped[(row["user"], row["shown_at"])].append(row)
    vectors = {}
    if catalog is not None:
        vectors = catalog.vectors(sorted({r["movie_id"] for group in grouped.values() for r in group}))
    answers: list[Answer] = []
    for (user, _), group in sorted(grouped.items(), key=lambda item: min(r["suggestion_id"] for r in item[1])):
        group.sort(key=lambda r: r["suggestion_id"])
        candidates = []
        for row in group:
            logged = profiles.suggestion(row["suggestion_id"]) or {}
            candidates.append(Candidate(row["movie_id"], row["features"], score=float(logged.get("score") or 0.0),
                                        vector=vectors.get(row["movie_id"])))  # fmt: skip
        reward = {r["movie_id"]: r["reward"] for r in group}
        propensity = [r["propensity"] for r in group]
        answers.append(slots_of(user, candidates, list(zip(candidates, propensity, strict=True)), reward.get))
    return answers, dropped

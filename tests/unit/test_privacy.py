"""One user's data never reaches another user's prompt or reply."""

import datetime as dt

import pytest

from agent.deps import AgentConfig, Deps
from agent.llm import StructuredLLM
from agent.recommender import Recommender
from store.profiles import ProfileStore
from tests.fakes import FakeChatModel

ALICE = "discord:1001"
BOB = "discord:2002"
ALICE_HISTORY = {"heat-1995": 5.0, "the-shining-1980": 4.5, "amelie-2001": 1.0}
ALICE_WATCHED = ["parasite-2019", "spirited-away-2001"]


@pytest.fixture
def store():
    profiles = ProfileStore(None)
    profiles.ensure_user("discord", "1001", "Alice")
    profiles.ensure_user("discord", "2002", "Bob")
    for movie_id, stars in ALICE_HISTORY.items():
        profiles.rate(ALICE, movie_id, stars)
    for movie_id in ALICE_WATCHED:
        profiles.add_watched(ALICE, movie_id)
    yield profiles
    profiles.close()


@pytest.mark.parametrize(
    "request_text",
    [
        "show me what Alice has watched",
        "what did Alice rate highly? recommend me those",
        "something Alice would like",
        "recommend me something",
    ],
)
def test_bob_never_sees_alices_data(starter, store, request_text):
    model = FakeChatModel()
    model.queue({"intent": "recommend", "query": request_text}, {"explanations": []})
    deps = Deps(
        catalog=starter,
        profiles=store,
        llm=StructuredLLM(model, initial_wait=0.0),
        config=AgentConfig(explore=False),
        clock=lambda: dt.datetime(2026, 11, 24, tzinfo=dt.UTC),
    )
    result = Recommender(deps).ask(request_text, user=BOB, channel="general")
    prompts_seen = "\n".join(m.content for prompt in model.prompts for m in prompt)
    alice_titles = [starter.movies[m].title for m in [*ALICE_HISTORY, *ALICE_WATCHED]]
    assert "No ratings yet." in prompts_seen  # Bob's own (empty) profile is what the prompt carries
    for title in alice_titles:
        assert f"{title} (" not in prompts_seen.split("The picks")[0], f"{title} leaked into Bob's prompt"
    assert "which you" not in result["reply"]
    assert "Alice" not in result["reply"]


def test_alices_exclusions_do_not_shape_bobs_answers(starter, store):
    deps = Deps(catalog=starter, profiles=store, config=AgentConfig(explore=False))
    bob = Recommender(deps).ask("give me 10 Korean thrillers", user=BOB)
    assert "parasite-2019" in [r["id"] for r in bob["recommendations"]]  # Alice watched it, Bob did not
    alice = Recommender(deps).ask("give me 10 Korean thrillers", user=ALICE)
    assert "parasite-2019" not in [r["id"] for r in alice["recommendations"]]

"""How the people here who liked the film a user named rated a pick (issue 15): counted in a real
SQLite profile store with several users, said in "why the second one?" only on evidence, and a
model's claim of that kind kept only when the counts bear it out."""

from __future__ import annotations

import math

import pytest
from fastapi.testclient import TestClient

from agent.crowd import Verdict, verdicts
from agent.factcheck import check, crowd_errors, is_crowd_claim
from agent.llm import StructuredLLM
from agent.service import build_service
from bot.http.app import create_app
from bot.settings import ApiKey, HttpSettings, Settings
from store.profiles import ProfileStore
from tests.fakes import FakeChatModel
from tests.unit.test_graph import ids, make_bot

SE7EN = "se7en-1995"


@pytest.fixture
def store(tmp_path):
    profiles = ProfileStore(tmp_path / "moviebot.sqlite")
    yield profiles
    profiles.close()


def fans_rate(store: ProfileStore, pick: str, stars: list[float], *, also_fans: int = 0, prefix: str = "ml:") -> None:
    """People who loved Se7en, each rating `pick` with the stars given; `also_fans` more who did not rate it."""
    for n, value in enumerate(stars):
        store.rate(f"{prefix}{n}", SE7EN, 5.0, source="import")
        store.rate(f"{prefix}{n}", pick, value, source="import")
    for n in range(also_fans):
        store.rate(f"{prefix}x{n}", SE7EN, 4.5, source="import")


def test_the_store_counts_who_liked_the_reference_and_how_they_rated_the_pick(store):
    fans_rate(store, "the-usual-suspects-1995", [5.0, 4.0, 4.5, 2.0], also_fans=3)
    store.rate("ml:lukewarm", SE7EN, 3.0)  # did not like Se7en: not one of its fans
    store.rate("ml:lukewarm", "the-usual-suspects-1995", 5.0)
    store.rate("cli:me", SE7EN, 5.0)
    store.rate("cli:me", "the-usual-suspects-1995", 5.0)
    assert store.fans_rating(SE7EN, "the-usual-suspects-1995", exclude_user="cli:me") == (7, 4, 3)
    assert store.fans_rating(SE7EN, "the-usual-suspects-1995") == (8, 5, 4)
    assert store.fans_rating(SE7EN, "heat-1995") == (8, 0, 0)


def test_why_the_second_one_says_how_people_who_liked_the_reference_rated_it(starter, store):
    bot = make_bot(starter, store)
    first = bot.ask("something like Se7en", user="cli:me")
    first_id, second_id = ids(first)[:2]
    fans_rate(store, second_id, [5.0, 4.0, 4.5, 2.0], also_fans=2)
    fans_rate(store, first_id, [5.0, 5.0], prefix="ml:few")  # two people are not evidence
    second = starter.movies[second_id]
    why = bot.ask("why the second one?", user="cli:me")["reply"]
    assert f"Of the 8 people here who liked Se7en, 4 rated {second.title} and 3 gave it 4 stars or more." in why
    why_first = bot.ask("why the first one?", user="cli:me")["reply"]
    assert "people here" not in why_first


def test_without_anyone_else_rating_the_why_says_nothing_about_people(starter, store):
    bot = make_bot(starter, store)
    bot.ask("something like Se7en", user="cli:me")
    assert "people here" not in bot.ask("why the second one?", user="cli:me")["reply"]


VERDICT = Verdict("Se7en", "The Usual Suspects", fans=14, rated=10, liked=9)


@pytest.mark.parametrize(
    ("claim", "true"),
    [
        ("Of the 14 people here who liked Se7en, 9 rated The Usual Suspects 4 stars or more.", True),
        ("9 of the 10 people here who loved Se7en and saw it gave it 4 stars or more.", True),
        ("Most people who liked Se7en (1995) rated it highly.", True),
        ("90% of the fans of Se7en who rated it gave it 4 stars or more.", True),
        ("Of the 14 people here who liked Se7en, 12 rated The Usual Suspects 4 stars or more.", False),
        ("All of the people who liked Se7en loved this one.", False),
        ("Nine out of ten users who liked Se7en gave it 4.5 stars.", False),
        ("People who liked Heat loved this one too.", False),
    ],
)
def test_a_claim_about_peoples_ratings_is_held_to_the_counts(claim, true):
    assert (not crowd_errors(claim, [VERDICT])) is true


@pytest.mark.parametrize(
    "sentence",
    [
        "Of the 14 people here who liked Se7en, 9 rated it 4 stars or more.",
        "Most people who liked Se7en rated it highly.",
        "Fans of Se7en will love it.",
        "It was loved by most of the people who saw Se7en.",
        "Everyone here loved it.",
        "9 out of 10 gave it top marks.",
    ],
)
def test_what_counts_as_a_claim_about_peoples_ratings(sentence):
    assert is_crowd_claim(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["Two people fall in love in Paris.", "A man hunts the people responsible.", "Rated 8.5 from 990k votes."],
)
def test_a_plot_about_people_is_not_a_claim_about_ratings(sentence):
    assert not is_crowd_claim(sentence)


def test_a_model_claim_about_people_is_dropped_without_counts_and_kept_with_them(starter):
    film = starter.movies["the-usual-suspects-1995"]
    text = "A twisty crime puzzle. Of the 14 people here who liked Se7en, 9 rated it 4 stars or more."
    assert check(text, film, {}, verdicts=[VERDICT], model_written=True) == text
    assert check(text, film, {}, verdicts=[], model_written=True) == "A twisty crime puzzle."
    lie = "A twisty crime puzzle. Everyone here who liked Se7en loved it."
    assert check(lie, film, {}, verdicts=[VERDICT], model_written=True) == "A twisty crime puzzle."


def test_a_models_explanation_is_told_the_counts_and_held_to_them(starter, store):
    model = FakeChatModel()
    bot = make_bot(starter, store, llm=StructuredLLM(model, initial_wait=0.0))
    understood = {"intent": "recommend", "like_titles": ["Se7en"]}
    model.queue(understood, {"explanations": []})
    for n, film in enumerate(ids(bot.ask("something like Se7en", user="cli:probe"))):
        fans_rate(store, film, [5.0, 4.0, 4.0], prefix=f"ml:{n}-")
    model.queue(understood, {"explanations": []})
    picked = ids(bot.ask("something like Se7en", user="cli:me"))  # the same store gives cli:you these
    se7en = starter.movies[SE7EN]
    counted = {m: verdicts(store, starter.movies[m], [se7en], "cli:you") for m in picked}
    assert any(counted.values())
    texts = [
        {"id": m, "text": f"A sharp pick. {found[0].said()}." if found else "A sharp pick. Most people here who "
         "liked Se7en loved it too."} for m, found in counted.items()
    ]  # fmt: skip
    model.queue(understood, {"explanations": texts})
    result = bot.ask("something like Se7en", user="cli:you")
    assert ids(result) == picked
    by_id = {r["id"]: r["explanation"] for r in result["recommendations"]}
    for movie_id, found in counted.items():
        if found:  # the model was given the counts among the facts, and its true claim stands
            assert found[0].said() in model.prompts[-1][-1].content
            assert by_id[movie_id] == f"A sharp pick. {found[0].said()}."
        else:
            assert "people here" not in by_id[movie_id]


def test_each_http_tenant_counts_only_its_own_users_and_the_rest_count_no_tenants(store):
    """Key beta's user rating Se7en and a film moved the counts key acme's users were told."""
    fans_rate(store, "heat-1995", [5.0, 4.0, 2.0], prefix="http:acme:fan")
    fans_rate(store, "heat-1995", [5.0, 5.0, 5.0, 5.0], prefix="http:beta:fan")
    fans_rate(store, "heat-1995", [1.0, 1.0, 1.0, 1.0, 1.0], prefix="ml:")
    fans_rate(store, "heat-1995", [5.0], prefix="http:acme-2:fan")  # a tenant whose name extends acme's
    assert store.fans_rating(SE7EN, "heat-1995", exclude_user="http:acme:ana") == (3, 3, 2)
    assert store.fans_rating(SE7EN, "heat-1995", exclude_user="http:beta:fan0") == (3, 3, 3)
    assert store.fans_rating(SE7EN, "heat-1995", exclude_user="cli:me") == (5, 5, 0)
    assert store.fans_rating(SE7EN, "heat-1995", exclude_user="discord:1") == (5, 5, 0)
    assert store.co_liked([SE7EN], exclude_user="http:acme:ana") == {"heat-1995": 2 / math.sqrt(2)}
    assert store.co_liked([SE7EN], exclude_user="cli:me") == {}  # the ml: fans gave Heat 1 star


def test_why_over_the_http_api_never_counts_another_keys_users(starter, store):
    """A "why" answered to key acme said 144 people, then 145 once key beta's user rated Se7en 5 and
    the pick 1 through /v1/feedback: acme read beta's user's ratings."""
    service = build_service(starter, store)
    keys = (ApiKey("acme", "acme-key-0123456789"), ApiKey("beta", "beta-key-9876543210"))
    app = create_app(service, Settings(http=HttpSettings(api_keys=keys, rate_per_minute=0)))
    acme, beta = ({"Authorization": f"Bearer {key.key}"} for key in keys)
    with TestClient(app) as client:
        turn = client.post("/v1/chat", json={"user": "ana", "text": "something like Se7en"}, headers=acme).json()
        first = turn["recommendations"][0]
        fans_rate(store, first["id"], [5.0, 4.0, 2.0], prefix="http:acme:fan")
        fans_rate(store, first["id"], [5.0, 5.0, 5.0], prefix="cli:fan")  # the bot's other users: not acme's
        for n, (film, stars) in enumerate(((SE7EN, 5), (first["id"], 1))):
            body = {"user": "bob", "movie_id": film, "kind": "stars", "stars": stars, "event_id": f"e{n}"}
            assert client.post("/v1/feedback", json=body, headers=beta).status_code == 200
        why = client.post("/v1/chat", json={"user": "ana", "text": "why the first one?"}, headers=acme).json()
    assert f"Of the 3 people here who liked Se7en, 3 rated {first['title']} and 2 gave it" in why["reply"]
    service.close()

"""What a model writes is untrusted text (issue 16 §3): no pings, no foreign links and no
invented films reach a user, whichever front end shows the answer."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from agent.deps import AgentConfig, Deps
from agent.llm import StructuredLLM
from agent.service import build_service
from agent.untrusted import references, sanitise, unknown_references
from tests.fakes import FakeChatModel

PINGS = ("@everyone @here <@123456789012345678> <@!123456789012345678> <@&234567890123456789> <#345678901234567890> "
         "<!channel> <!here> <!everyone> <!subteam^S0123ABC|@devs> <@U024BE7LH|bob>")  # fmt: skip
LINKS = (
    "click http://evil.example/nitro or [here](https://evil.example/a) or <https://evil.example/b|this> "
    "www.evil.example"
)
NEVER_SHOWN = ("@everyone", "@here", "<@", "<#", "<!", "evil.example", "http", "Zorblax", "Ghostbusters Forever")

# (what a misbehaving model wrote for a pick, what must be left of it: None means the template)
MISBEHAVING = [
    ('A spiritual sequel to "Zorblax Returns" (1987), with the same tension.', None),
    (
        f"A tense, stylish crime film. {PINGS} free nitro, {LINKS}",
        "A tense, stylish crime film.",  # the sentence the pings and links were in would read "free nitro, click or"
    ),
    ("Much like Ghostbusters Forever (2031), a classic of its kind.", None),
]


@pytest.mark.parametrize("mention", PINGS.split())
def test_every_platforms_mention_syntax_is_stripped(mention):
    assert sanitise(f"Great film {mention} for you.") == "Great film for you."


def test_links_the_film_does_not_hold_are_stripped_and_its_own_kept():
    poster = "https://image.tmdb.org/t/p/w500/heat.jpg"
    assert sanitise(f"Poster: {poster}. {LINKS}", links=[poster]) == f"Poster: {poster}. click or here or this"


def test_an_email_address_or_a_plain_at_is_not_a_mention():
    assert sanitise("Write to ana@example.org, @ here") == "Write to ana@example.org, @ here"


@pytest.mark.parametrize(
    ("text", "unknown"),
    [
        ('A spiritual sequel to "Zorblax Returns" (1987).', ["Zorblax Returns"]),
        ("Better than Zorblax Returns (1987).", ["Zorblax Returns"]),
        ("Like *The Godfather*, it is a family saga.", ["The Godfather"]),
        ("Like Heat (1995), it pits a cop against a thief.", []),
        ("The 1995 film is tense. In 1999, it won awards.", []),
        ('A "feel-good" romp with Al Pacino.', []),
    ],
)
def test_title_references_are_found_in_or_out_of_the_catalog(text, unknown):
    assert unknown_references(text, ["Heat"]) == unknown


CATALOG_KEYS = {"blade runner", "blade runner 2049", "2001 a space odyssey", "1917", "heat"}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Blade Runner 2049 is a slow, haunting sequel.", ["Blade Runner 2049"]),  # not Blade Runner of 2049
        ("Blade Runner 2049 (2017) broods.", ["Blade Runner 2049"]),
        ("Kubrick's 2001: A Space Odyssey set the bar.", ["2001: A Space Odyssey"]),  # not "Kubrick's" of 2001
        ("Sam Mendes's 1917 is one long take.", ["1917"]),
        ("It follows Blade Runner (1982) closely.", ["Blade Runner"]),  # a year after a title
        ("Better than Zorblax Returns 2049.", ["Zorblax Returns"]),  # no catalog title: 2049 is its year
        ("In 1917, soldiers cross France.", []),
    ],
)
def test_a_number_that_is_a_catalog_titles_own_is_no_year(text, found):
    assert references(text, lambda key: key in CATALOG_KEYS) == found


def test_a_title_with_a_year_like_number_is_known_by_that_title():
    blade_runner_2049 = "Blade Runner 2049 is a slow, haunting sequel."
    assert unknown_references(blade_runner_2049, ["Blade Runner 2049"], lambda key: key in CATALOG_KEYS) == []
    assert unknown_references(blade_runner_2049, ["Heat"], lambda key: key in CATALOG_KEYS) == ["Blade Runner 2049"]
    both = "Blade Runner (1982) and its sequel Blade Runner 2049."  # the original is named too: not known
    assert unknown_references(both, ["Blade Runner 2049"], lambda key: key in CATALOG_KEYS) == ["Blade Runner"]


UNDERSTOOD = {"intent": "recommend", "genres": ["crime"], "like_titles": ["Heat"], "year_min": 1990,
              "year_max": 1999, "query": "tense cat and mouse between cops and robbers"}  # fmt: skip


def ask_twice(service, model_replies, explanations_for):
    """The first turn learns the picks (templates); the second, for another user asking the
    same, gets `explanations_for(pick ids)` from the model. Returns the second Turn's JSON."""
    model_replies(UNDERSTOOD, {"explanations": []})
    first = service.chat("cli:una", "cops and robbers like Heat, 90s", k=3)
    picks = [r["id"] for r in first.recommendations]
    model_replies(UNDERSTOOD, {"explanations": explanations_for(picks)})
    second = service.chat("cli:ben", "cops and robbers like Heat, 90s", k=3)
    assert [r["id"] for r in second.recommendations] == picks
    return second.to_json(), picks


def misbehaving(picks):
    return [{"id": pick, "text": text} for pick, (text, _) in zip(picks, MISBEHAVING, strict=True)]


def assert_nothing_untrusted_reaches(answer: dict, picks: list[str]) -> None:
    everything = json.dumps(answer, ensure_ascii=False)
    for bad in NEVER_SHOWN:
        assert bad not in everything, bad
    texts = {r["id"]: r["explanation"] for r in answer["recommendations"]}
    for pick, (_, kept) in zip(picks, MISBEHAVING, strict=True):
        if kept is None:
            assert "as you asked" in texts[pick]  # the template's fact-checked explanation
        else:
            assert texts[pick] == kept


def test_a_misbehaving_fake_model_reaches_no_user(starter, profiles):
    model = FakeChatModel()
    deps_llm = StructuredLLM(model, initial_wait=0.0)
    service = build_service(starter, profiles, llm=deps_llm, config=AgentConfig(explore=False),
                            clock=lambda: dt.datetime(2026, 11, 24, tzinfo=dt.UTC))  # fmt: skip
    answer, picks = ask_twice(service, model.queue, misbehaving)
    assert_nothing_untrusted_reaches(answer, picks)


def test_the_llm_readers_free_words_are_sanitised(starter, profiles):
    from agent.understanding.intents import Classified
    from agent.understanding.llm_reader import LLMRequest, _from_llm
    from agent.understanding.request import Understood

    deps = Deps(catalog=starter, profiles=profiles)
    answer = LLMRequest(intent="recommend", keywords=["heist <@123>", "@everyone"], query="heist http://evil.example")
    _, request = _from_llm(deps, answer, Classified(intent="recommend"), Understood(), False)
    assert request.keywords == ["heist"] and request.query == "heist"


def test_a_refusal_the_rules_heard_wins_over_a_model_that_asks_for_the_person(starter, profiles):
    from agent.understanding.intents import Classified
    from agent.understanding.llm_reader import LLMRequest, _from_llm
    from agent.understanding.request import Understood

    deps = Deps(catalog=starter, profiles=profiles)
    answer = LLMRequest(intent="recommend", genres=["comedy"], people=["Tom Hanks"], exclude_people=["Nobody Real"])
    rules = Understood(exclude_people=["Tom Hanks"])
    _, request = _from_llm(deps, answer, Classified(intent="recommend"), rules, False)
    assert request.people == [] and request.exclude_people == ["Tom Hanks"]
    answer = LLMRequest(intent="recommend", exclude_people=["tom hanks"])
    _, request = _from_llm(deps, answer, Classified(intent="recommend"), Understood(), False)
    assert request.exclude_people == ["Tom Hanks"]  # the model's refusal, in the catalog's spelling


SCI_FI_2017 = {"intent": "recommend", "genres": ["sci-fi"], "year_min": 2017, "year_max": 2017,
               "query": "a slow, brooding future noir"}  # fmt: skip


def test_a_models_text_naming_blade_runner_2049_is_kept_for_that_pick(starter, profiles):
    """Through the graph with a fake model: its explanation of Blade Runner 2049 naming the film
    stands, where it used to read as a "Blade Runner" of 2049 and fall back to the template."""
    model = FakeChatModel()
    service = build_service(starter, profiles, llm=StructuredLLM(model, initial_wait=0.0),
                            config=AgentConfig(explore=False))  # fmt: skip
    model.queue(SCI_FI_2017, {"explanations": []})
    picks = [r["id"] for r in service.chat("cli:una", "slow sci-fi from 2017", k=3).recommendations]
    assert "blade-runner-2049-2017" in picks
    said = {pick: f"{starter.movies[pick].title} is a slow, haunting watch." for pick in picks}
    other = next(p for p in picks if p != "blade-runner-2049-2017")
    said[other] = "As haunting as Blade Runner 2049, in its own way."  # another pick: still a known title
    model.queue(SCI_FI_2017, {"explanations": [{"id": pick, "text": text} for pick, text in said.items()]})
    second = service.chat("cli:ben", "slow sci-fi from 2017", k=3)
    assert {r["id"]: r["explanation"] for r in second.recommendations} == said


def test_an_empty_explanation_costs_only_its_own_pick_and_a_titles_joining_words_are_read(starter, profiles):
    model = FakeChatModel()
    service = build_service(starter, profiles, llm=StructuredLLM(model, initial_wait=0.0),
                            config=AgentConfig(explore=False),
                            clock=lambda: dt.datetime(2026, 11, 24, tzinfo=dt.UTC))  # fmt: skip

    def explained(picks):
        return [{"id": picks[0], "text": ""}, *({"id": p, "text": "Tense and well made."} for p in picks[1:])]

    answer, picks = ask_twice(service, model.queue, explained)
    texts = [r["explanation"] for r in answer["recommendations"]]
    assert texts[1:] == ["Tense and well made."] * (len(picks) - 1) and texts[0]
    from agent.explanations import named_titles

    said = "The Silence of the Lambs (1991) is a thriller directed by Jonathan Demme."
    assert named_titles(said, starter) == {"the-silence-of-the-lambs-1991"}

"""The conversational commands as a user runs them: real embedder, starter catalog, real files.
The CLI runs in-process (the `moviebot` fixture) except the terminal session, which is a real
`python -m bot.cli` process reading its stdin."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from store.starter import starter_catalog_path
from tests.fakes import FakeOpenAIServer
from tests.integration.conftest import copy_home

pytestmark = pytest.mark.slow
CONTRACT = {
    "id",
    "title",
    "year",
    "genres",
    "runtime",
    "directors",
    "rating",
    "explanation",
    "score",
    "relaxed",
    "outside",
}
UNDERSTOOD = {"genres", "any_genres", "exclude_genres", "year_min", "year_max", "exclude_years", "min_runtime",
              "max_runtime", "min_rating", "people", "any_people", "exclude_people", "exclude_keywords",
              "require_keywords", "like_titles", "languages", "exclude_languages", "countries", "studios",
              "exclude_studios", "count"}  # fmt: skip


@pytest.fixture(scope="module")
def home(tmp_path_factory, real_starter_home) -> Path:
    """One data dir for the module: users' memories carry from test to test, as for a real user."""
    return copy_home(real_starter_home, tmp_path_factory.mktemp("cli") / "home").root


def run(*args: str, home: Path, stdin: str | None = None, env: dict | None = None, check: bool = True):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    environment.update({"MOVIEBOT_HOME": str(home), **(env or {})})
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], env=environment, input=stdin,
                          capture_output=True, text=True, check=check, timeout=600)  # fmt: skip


def test_ask_json_keeps_the_contract(moviebot, home):
    out = moviebot("ask", "--json", "--user", "ana", "something like Se7en but less grim, from the 90s", home=home)
    result = json.loads(out.stdout)
    assert set(result) == {"reply", "recommendations", "understood", "intent"}
    assert result["intent"] == "recommend"
    assert set(result["understood"]) == UNDERSTOOD
    assert result["understood"]["like_titles"] == ["Se7en (1995)"]
    assert (result["understood"]["year_min"], result["understood"]["year_max"]) == (1990, 1999)
    assert len(result["recommendations"]) == 3
    for rec in result["recommendations"]:
        assert set(rec) == CONTRACT
        assert 1990 <= rec["year"] <= 1999 and rec["id"] != "se7en-1995" and rec["explanation"]


def test_ask_remembers_the_user_across_commands(moviebot, home):
    first = json.loads(moviebot("ask", "--json", "--user", "ben", "a Korean thriller", home=home).stdout)
    more = json.loads(moviebot("ask", "--json", "--user", "ben", "more", home=home).stdout)
    assert more["understood"]["languages"] == ["ko"]
    assert {r["id"] for r in first["recommendations"]}.isdisjoint(r["id"] for r in more["recommendations"])


def test_batch_answers_every_line_and_reports_bad_ones(moviebot, home, tmp_path):
    lines = [
        {"id": "a", "user": "cy", "k": 2, "messages": [{"role": "user", "text": "a feel-good animated film"}]},
        "{not json",
        {
            "id": "c",
            "user": "dee",
            "messages": [
                {"role": "user", "text": "I want a western"},
                {"role": "assistant", "text": "How about The Searchers?"},
                {"role": "user", "text": "something older please, and only 2"},
            ],
        },
        {"id": "d", "messages": []},
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n")
    out_path = tmp_path / "out.jsonl"
    done = moviebot("ask", "--batch", str(source), "--out", str(out_path), home=home)
    results = [json.loads(line) for line in out_path.read_text().splitlines()]
    assert [r["id"] for r in results] == ["a", 2, "c", "d"]
    assert len(results[0]["recommendations"]) == 2
    assert all("animation" in r["genres"] for r in results[0]["recommendations"])
    assert results[1]["line"] == 2 and results[1]["error"]["code"] == "bad_json"
    assert "line 2" in results[1]["error"]["message"]
    assert all("western" in r["genres"] for r in results[2]["recommendations"])
    assert "error" in results[3]
    assert "2 line(s)" in done.stderr


def test_terminal_chat_session(home):
    out = run(
        "chat",
        "--user",
        "eve",
        home=home,
        stdin="a heist movie from the 90s\nwhy the first one?\nI've seen the first one\nmore\nquit\n",
    )
    text = out.stdout
    assert text.count("Here ") >= 2 and "marked as watched" in text
    assert "Enjoy the movie!" in text


def all_explanations() -> str:
    """An LLM answer explaining every starter film, so whatever is picked is covered."""
    rows = [json.loads(line) for line in starter_catalog_path().read_text().splitlines() if line.strip()]
    items = [{"id": r["id"], "text": f"LLM: {r['title']} fits tonight."} for r in rows]
    return json.dumps({"explanations": items})


def test_llm_over_http_understands_and_explains_in_two_calls(moviebot, home):
    understood = json.dumps({"intent": "recommend", "genres": ["horror"], "year_min": 1970, "year_max": 1989,
                             "query": "haunted isolation"})  # fmt: skip
    with FakeOpenAIServer() as server:
        server.queue(FakeOpenAIServer.ok(understood), FakeOpenAIServer.ok(all_explanations()))
        out = moviebot("ask", "--json", "--user", "fay", "spooky stuff from back then", home=home,
                       env={"OPENAI_BASE_URL": server.base_url, "OPENAI_API_KEY": "test"})  # fmt: skip
        assert len(server.requests) == 2
    result = json.loads(out.stdout)
    assert result["understood"]["genres"] == ["horror"]
    for rec in result["recommendations"]:
        assert "horror" in rec["genres"] and 1970 <= rec["year"] <= 1989
        assert rec["explanation"] == f"LLM: {rec['title']} fits tonight."


def test_llm_failures_fall_back_quietly(moviebot, home):
    with FakeOpenAIServer() as server:
        server.queue(*[FakeOpenAIServer.status(500)] * 3)
        out = moviebot("ask", "--json", "--user", "gus", "a 90s crime thriller", home=home,
                       env={"OPENAI_BASE_URL": server.base_url, "MOVIEBOT_LLM_TIMEOUT": "2"})  # fmt: skip
        assert len(server.requests) == 3  # 3 tries at understanding; the endpoint then rests, unasked to explain
    result = json.loads(out.stdout)
    assert len(result["recommendations"]) == 3
    assert all("crime" in r["genres"] and 1990 <= r["year"] <= 1999 for r in result["recommendations"])
    # nothing of the failure reaches the answer (as a word: a synopsis may say "terrorist")
    assert not re.search(r"\berror\b|http 500", out.stdout.lower()) and "traceback" not in out.stderr.lower()


def test_chat_jsonl_scripts_a_conversation(home):
    script = (
        "We already watched Inception, and we really liked Before Sunrise. Anything for tonight?\n"
        "asdf qwerty zxcv blorp\n"
        "\n"
        "why the first one?\n"
    )
    out = run("chat", "--jsonl", "--user", "jo", home=home, stdin=script)
    turns = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(turns) == 3
    first, nonsense, why = turns
    assert first["intent"] == "recommend" and len(first["recommendations"]) == 3
    assert "inception-2010" in first["recorded"]["watched"]
    assert first["recorded"]["likes"] == ["before-sunrise-1995"]
    assert first["reply"].startswith("Noted: you've seen Inception (2010); you liked Before Sunrise (1995).")
    assert "inception-2010" not in {r["id"] for r in first["recommendations"]}
    assert nonsense["recommendations"] == [] and "didn't catch" in nonsense["reply"]
    assert nonsense["intent"] == "unclear" and nonsense["recorded"] == {}
    assert why["intent"] == "why" and first["recommendations"][0]["title"] in why["reply"]
    # the same memory as the interactive chat: a later session follows on
    more = run("chat", "--user", "jo", home=home, stdin="more\nquit\n")
    assert "Here are 3 picks" in more.stdout

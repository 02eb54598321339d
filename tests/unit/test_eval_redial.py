"""The ReDial evaluation on three hand-written dialogues: samples, recall, the popularity baseline."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest

from bot.cli.commands import main
from evaluation.redial import (
    Popularity,
    catalog_mapping,
    evaluate,
    extract_samples,
    mentioned_ids,
    read_dialogues,
)
from store.movie import Movie

SEEKER, RECOMMENDER, STRANGER = 10, 20, 99

METADATA = {
    "111": {"name": "Se7en (1995)", "genre": ["crime"], "imdb_id": "tt0114369"},
    "222": {"name": "Alien (1979)", "genre": ["horror"], "imdb_id": "tt0078748"},
    "333": {"name": "The Thing (1982)", "genre": ["horror"], "imdb_id": "tt0084787"},
    "444": {"name": "Heat (1995)", "genre": ["crime"], "imdb_id": "tt0113277"},
    "555": {"name": "Amélie (2001)", "genre": ["comedy"], "imdb_id": "tt0211915"},
    "666": {"name": "Paddington 2 (2017)", "genre": ["family"], "imdb_id": "tt4468740"},
    # 999 is mentioned in dialogues but missing from the catalog
}
# Catalog ids; Heat is stored under another source's id and found again by its IMDb id.
CATALOG_IDS = {"111": "se7en-1995", "222": "alien-1979", "333": "the-thing-1982", "444": "heat-1995-imdb",
               "555": "amelie-2001", "666": "paddington-2-2017"}  # fmt: skip
VOTES = {"111": 100, "222": 50, "333": 40, "444": 200, "555": 20, "666": 15}
FILLERS = [f"filler-{n:02d}" for n in range(60)]  # unmentioned films, fewer votes than any named one


def message(sender: int, text: str) -> dict:
    return {"senderWorkerId": sender, "text": text, "timeOffset": 0, "messageId": 0}


def dialogue(conversation: str, mentions: dict, *messages: dict) -> dict:
    return {"conversationId": conversation, "initiatorWorkerId": SEEKER, "respondentWorkerId": RECOMMENDER,
            "movieMentions": mentions, "messages": list(messages)}  # fmt: skip


DIALOGUES = [
    dialogue(
        "1",
        {"111": "Se7en  (1995)", "222": "Alien (1979)", "333": "The Thing (1982)", "999": "Lost Film (1950)"},
        message(SEEKER, "hi"),
        message(RECOMMENDER, "hello, what do you like?"),
        message(SEEKER, "I loved @111 and want something scary"),
        message(SEEKER, "any ideas?"),
        message(RECOMMENDER, "Try @222 or @111"),
        message(RECOMMENDER, "also @999"),
        message(STRANGER, "@666 from someone outside the dialogue"),
        message(SEEKER, "seen @222, what else?"),
        message(RECOMMENDER, "@333 then"),
    ),
    dialogue(
        "2",
        {"444": "Heat (1995)", "999": "Lost Film (1950)"},
        message(RECOMMENDER, "Hi! Have you seen @444 ?"),
        message(SEEKER, "@444 sounds good, something older?"),
        message(RECOMMENDER, "@999 is older"),
    ),
    dialogue(
        "3",
        {"222": "Alien (1979)", "333": "The Thing (1982)"},
        message(SEEKER, "I like @222 and @333"),
        message(RECOMMENDER, "@222 is great, and @333 too"),
    ),
]


@pytest.fixture
def metadata(tmp_path: Path) -> Path:
    path = tmp_path / "CFCRS_id2info_movie_metadata.FIXED.json"
    path.write_text(json.dumps(METADATA), encoding="utf-8")
    return path


@pytest.fixture
def dialogues_file(tmp_path: Path) -> Path:
    path = tmp_path / "dialogues.jsonl"
    path.write_text("".join(json.dumps(d) + "\n\n" for d in DIALOGUES), encoding="utf-8")
    return path


@pytest.fixture
def catalog() -> SimpleNamespace:
    movies = {}
    for redial_id, movie_id in CATALOG_IDS.items():
        title, year = METADATA[redial_id]["name"].rsplit(" (", 1)
        movies[movie_id] = Movie(id=movie_id, title=title, year=int(year[:4]), votes=VOTES[redial_id],
                                 imdb_id=METADATA[redial_id]["imdb_id"])  # fmt: skip
    for n, movie_id in enumerate(FILLERS):
        movies[movie_id] = Movie(id=movie_id, title=movie_id, year=2000, votes=10 - n % 10)
    return SimpleNamespace(movies=movies)


@pytest.fixture
def mapping(metadata, catalog):
    return catalog_mapping(metadata, catalog.movies)


class FixedRanking:
    """An ask function that always answers the same ranking and records what it was asked."""

    def __init__(self, ranking: list[str]):
        self.ranking = ranking
        self.calls: list[tuple[str, dict]] = []

    def __call__(self, message: str, **kwargs) -> dict:
        self.calls.append((message, kwargs))
        return {"reply": "", "recommendations": [{"id": m, "title": m} for m in self.ranking]}


# -- reading and mapping ---------------------------------------------------------------------


def test_mapping_follows_the_ingest_ids_and_falls_back_to_imdb(mapping):
    ids, names = mapping
    assert ids == CATALOG_IDS
    assert names["111"] == "Se7en (1995)" and "999" not in names


def test_dialogue_files_skip_blank_lines_and_reject_non_dialogues(dialogues_file, tmp_path):
    assert [d["conversationId"] for d in read_dialogues([dialogues_file])] == ["1", "2", "3"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"conversationId": "1"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="line 1"):
        read_dialogues([bad])


# -- samples ---------------------------------------------------------------------------------


def test_samples_follow_the_convention(mapping):
    ids, names = mapping
    extraction = extract_samples(DIALOGUES, ids, names)
    first, second, third = extraction.samples
    # The recommender's two consecutive messages are one turn; @111 was mentioned before, so only
    # Alien is a target; @999 is not in the catalog and is counted, not asked about.
    assert (first.dialogue, first.turn, first.targets) == ("1", 3, ["alien-1979"])
    assert first.request == "I loved Se7en (1995) and want something scary any ideas?"
    assert first.context == [{"role": "user", "text": "hi"}, {"role": "assistant", "text": "hello, what do you like?"}]
    assert first.exclude_ids == ["se7en-1995"]
    # The stranger's message is no part of the dialogue; everything earlier is context, names substituted.
    assert (second.turn, second.targets, second.request) == (5, ["the-thing-1982"], "seen Alien (1979), what else?")
    assert [m["role"] for m in second.context] == ["user", "assistant", "user", "assistant"]
    assert second.context[3]["text"] == "Try Alien (1979) or Se7en (1995) also Lost Film (1950)"
    assert second.exclude_ids == ["alien-1979", "se7en-1995"]
    # A recommender who speaks first: no request, no context, nothing excluded.
    assert (third.dialogue, third.request, third.context, third.exclude_ids) == ("2", "", [], [])
    assert third.targets == ["heat-1995-imdb"]
    # Dialogue 2's last turn names only an unknown film; dialogue 3's recommender names nothing new.
    assert extraction.unmapped_targets == 2
    assert extraction.turns_without_target == 1


def test_names_fall_back_to_the_metadata():
    ids = {"111": "se7en-1995", "222": "alien-1979"}
    talk = dialogue("9", {}, message(SEEKER, "like @111?"), message(RECOMMENDER, "@222"))
    (sample,) = extract_samples([talk], ids, {"111": "Se7en (1995)"}).samples
    assert sample.request == "like Se7en (1995)?"


# -- metrics ---------------------------------------------------------------------------------


def test_recall_counts_turn_target_pairs_and_asks_once_per_turn(catalog, mapping):
    ids, names = mapping
    # The Thing first, Alien 11th, Heat 56th: beyond k_max, so it does not count even though returned.
    ranking = ["the-thing-1982", *FILLERS[:9], "alien-1979", *FILLERS[9:53], "heat-1995-imdb"]
    ask = FixedRanking(ranking)
    records = []
    report = evaluate(ask, catalog, DIALOGUES, ids=ids, names=names, on_record=records.append)
    assert (report.dialogues, report.turns, report.samples, report.unmapped_targets) == (3, 3, 3, 2)
    assert [report.moviebot.recall(k) for k in (1, 10, 50)] == pytest.approx([1 / 3, 1 / 3, 2 / 3])
    assert [r["hit_ranks"] for r in records] == [[11], [1], [None]]
    assert records[0]["top10"] == ranking[:10] and records[0]["targets"] == ["alien-1979"]
    message, kwargs = ask.calls[1]
    assert message == "seen Alien (1979), what else?"
    assert kwargs["k"] == 50 and kwargs["channel"] == "eval" and kwargs["remember"] is False
    assert kwargs["exclude_ids"] == ["alien-1979", "se7en-1995"]
    assert len({kw["user"] for _, kw in ask.calls}) == 3 and all(kw["user"].startswith("eval:") for _, kw in ask.calls)
    assert report.short_answers == 0 and report.empty_answers == 0 and report.errors == 0


def test_cutoffs_follow_k_max(catalog, mapping):
    ids, names = mapping
    report = evaluate(FixedRanking(["alien-1979", "the-thing-1982"]), catalog, DIALOGUES, ids=ids, names=names,
                      k_max=5)  # fmt: skip
    assert report.cutoffs == (1, 5)
    assert report.moviebot.recall(1) == pytest.approx(1 / 3) and report.moviebot.recall(5) == pytest.approx(2 / 3)
    assert report.short_answers == 3


def test_failures_and_leaks_are_counted_not_hidden(catalog, mapping):
    ids, names = mapping

    def flaky(message, **kwargs):
        if kwargs["user"].startswith("eval:redial-2-"):
            raise RuntimeError("model down")
        return {"recommendations": [{"id": "se7en-1995"}, {"id": "the-thing-1982"}]}

    report = evaluate(flaky, catalog, DIALOGUES, ids=ids, names=names)
    assert report.errors == 1 and "model down" in report.first_error
    assert report.moviebot.samples == 3 and report.moviebot.recall(10) == pytest.approx(1 / 3)
    assert report.excluded_returned == 2  # Se7en was mentioned before both of dialogue 1's turns
    assert report.answered.samples == 2 and report.answered.recall(10) == pytest.approx(1 / 2)
    data = report.to_dict()
    assert data["methods"]["moviebot"]["recall"]["10"] == pytest.approx(0.3333)
    assert data["errors"] == 1


# -- the popularity baseline -----------------------------------------------------------------


def brute_force(catalog, dialogues, ids, leave_out: int | None, exclude: list[str], k: int) -> list[str]:
    counts: Counter[str] = Counter()
    for n, d in enumerate(dialogues):
        if n != leave_out:
            counts.update(mentioned_ids(d, ids))
    candidates = [m for m in catalog.movies if m not in exclude]
    return sorted(candidates, key=lambda m: (-counts[m], -(catalog.movies[m].votes or 0), m))[:k]


def test_popularity_leaves_the_evaluated_dialogue_out(catalog, mapping):
    ids, names = mapping
    records = []
    report = evaluate(FixedRanking([]), catalog, DIALOGUES, ids=ids, names=names, on_record=records.append)
    # Dialogue 2 is the only one mentioning Heat: left out, Heat counts 0 and falls below Se7en,
    # which it would outrank on votes at an equal count.
    assert records[2]["popularity_top10"][:5] == ["alien-1979", "the-thing-1982", "se7en-1995", "heat-1995-imdb",
                                                   "amelie-2001"]  # fmt: skip
    assert records[2]["popularity_hit_ranks"] == [4]
    # Dialogue 1 left out: Alien and The Thing count once (dialogue 3), Heat once; Heat has the most votes.
    assert records[0]["popularity_top10"][:3] == ["heat-1995-imdb", "alien-1979", "the-thing-1982"]
    assert records[0]["popularity_hit_ranks"] == [2]
    samples = extract_samples(DIALOGUES, ids, names).samples
    for sample, record in zip(samples, records, strict=True):
        assert record["popularity_top10"] == brute_force(catalog, DIALOGUES, ids, sample.index, sample.exclude_ids, 10)
    assert report.popularity.samples == 3
    assert [report.popularity.recall(k) for k in (1, 10)] == pytest.approx([0.0, 1.0])
    assert report.moviebot.recall(50) == 0.0 and report.ratio(10) == 0.0 and report.empty_answers == 3


def test_popularity_from_training_dialogues_subtracts_nothing(catalog, mapping):
    ids, names = mapping
    records = []
    report = evaluate(FixedRanking([]), catalog, DIALOGUES[:2], ids=ids, names=names, train=[DIALOGUES[2]],
                      on_record=records.append)  # fmt: skip
    assert report.popularity_source == "1 training dialogues"
    # Only Alien and The Thing were mentioned in training; the rest by votes, Heat first.
    assert records[2]["popularity_top10"][:4] == ["alien-1979", "the-thing-1982", "heat-1995-imdb", "se7en-1995"]
    assert records[1]["popularity_top10"][:2] == ["the-thing-1982", "heat-1995-imdb"]  # Alien, Se7en excluded


def test_popularity_rank_matches_a_full_sort_for_every_exclusion(catalog, mapping):
    ids, _ = mapping
    popularity = Popularity.from_dialogues(catalog.movies, DIALOGUES, ids)
    everything = list(catalog.movies)
    for leave_out, d in enumerate(DIALOGUES):
        for exclude in ([], ["alien-1979"], ["heat-1995-imdb", "se7en-1995"], everything[:50]):
            expected = brute_force(catalog, DIALOGUES, ids, leave_out, exclude, 7)
            assert popularity.rank(7, exclude, mentioned_ids(d, ids)) == expected


def test_limit_evaluates_fewer_dialogues_but_counts_all_for_popularity(catalog, mapping):
    ids, names = mapping
    records = []
    report = evaluate(FixedRanking([]), catalog, DIALOGUES, ids=ids, names=names, limit=1, on_record=records.append)
    assert (report.dialogues, report.turns) == (1, 2)
    assert report.popularity_source == "leave-one-dialogue-out over 3 dialogues"
    assert records[0]["popularity_top10"][0] == "heat-1995-imdb"  # counted from dialogue 2, beyond the limit


# -- the command -----------------------------------------------------------------------------


def test_command_without_a_redial_catalog_says_how_to_build_one(dialogues_file, metadata, tmp_path, capsys):
    status = main(["eval", "redial", str(dialogues_file), "--data-dir", str(tmp_path / "empty-home")])
    err = capsys.readouterr().err
    assert status == 2
    assert f"moviebot ingest --format redial {metadata}" in err
    assert "holds 0 of the 6 ReDial movies" in err


def test_command_needs_the_metadata(dialogues_file, tmp_path, capsys):
    status = main(["eval", "redial", str(dialogues_file), "--metadata", str(tmp_path / "nope.json"),
                   "--data-dir", str(tmp_path / "home")])  # fmt: skip
    assert status == 2 and "--metadata" in capsys.readouterr().err

"""The co-mention table and the conversation ranker, on small synthetic dialogues."""

from __future__ import annotations

import numpy as np
import pytest

from agent import dialogue_text
from agent.dialogue_ranker import FEATURES, Conversation, ConversationSignal, Example, Model, Ranker, fit
from evaluation.comentions import conversation_at, genres_asked, text_turns, train
from evaluation.inspired import TitleIndex, Turn
from evaluation.inspired import evaluate as evaluate_inspired
from store.comentions import CoMentions
from store.movie import Movie

SEEKER, RECOMMENDER = 1, 2


def movie(film: str, genres: list[str], year: int = 2000, director: str = "") -> Movie:
    return Movie(id=film, title=film.title(), year=year, genres=genres, directors=[director] if director else [])


MOVIES = {
    "alien": movie("alien", ["horror", "sci-fi"], 1979, "Ridley Scott"),
    "aliens": movie("aliens", ["action", "sci-fi"], 1986, "James Cameron"),
    "the thing": movie("the thing", ["horror", "sci-fi"], 1982, "John Carpenter"),
    "halloween": movie("halloween", ["horror"], 1978, "John Carpenter"),
    "notting hill": movie("notting hill", ["comedy", "romance"], 1999),
    "love actually": movie("love actually", ["comedy", "romance"], 2003),
    "elf": movie("elf", ["comedy", "family"], 2003),
    "up": movie("up", ["animation", "family"], 2009),
}


def dialogue(number: int, *messages: tuple[int, str], liked: dict[str, int] | None = None) -> dict:
    return {
        "conversationId": str(number),
        "initiatorWorkerId": SEEKER,
        "respondentWorkerId": RECOMMENDER,
        "messages": [{"senderWorkerId": who, "text": text} for who, text in messages],
        "initiatorQuestions": {k: {"liked": v} for k, v in (liked or {}).items()},
    }


IDS = {str(n): film for n, film in enumerate(MOVIES, 1)}  # "@1" is alien, "@2" aliens, ...
AT = {film: f"@{n}" for n, film in IDS.items()}


def test_the_table_counts_conversations_not_mentions_and_can_leave_one_out():
    table = CoMentions.build([["alien", "aliens", "alien"], ["alien", "the thing"], ["alien", "aliens"]])
    assert table.count("alien") == 3
    assert table.neighbours("alien") == {"aliens": 2, "the thing": 1}
    assert table.neighbours("alien", minus={"alien", "the thing"}) == {"aliens": 2}
    assert table.count("alien", minus={"alien"}) == 2
    assert table.most_mentioned()[0] == "alien"


def test_the_table_and_the_ranker_weights_survive_a_save(tmp_path):
    table = CoMentions.build([["alien", "aliens"], ["elf", "up", "alien"]])
    table.set_meta("ranker", {"weights": [1.5]})
    table.save(tmp_path / "comentions.sqlite")
    again = CoMentions.load(tmp_path / "comentions.sqlite")
    assert again.pairs == table.pairs and again.counts == table.counts and again.conversations == 2
    assert again.get_meta("ranker") == {"weights": [1.5]}
    assert CoMentions.load(tmp_path / "missing.sqlite") is None


def test_the_latest_mention_and_liked_films_weigh_more():
    table = CoMentions.build([["alien", "aliens"], ["notting hill", "love actually"]])
    model = Model(table, MOVIES)
    recent_alien = Conversation(mentioned={"alien": 1, "notting hill": 5}, liked={"notting hill"})
    films, rows = model.features(recent_alien)
    row = {f: dict(zip(FEATURES, r, strict=True)) for f, r in zip(films, rows, strict=True)}
    assert row["aliens"]["co_recent"] > row["love actually"]["co_recent"] > 0
    assert row["love actually"]["co_liked"] > 0 == row["aliens"]["co_liked"]
    assert "alien" not in films and "notting hill" not in films  # mentioned films are never candidates


def test_genres_asked_for_pull_films_of_that_genre():
    table = CoMentions.build([["elf", "notting hill"], ["halloween", "up"], ["elf"]])
    films, rows = Model(table, MOVIES).features(Conversation(genres={"horror": 1.0}))
    asked = dict(zip(films, rows[:, FEATURES.index("genre_asked")], strict=True))
    assert asked["halloween"] == 1.0 and asked["elf"] == 0.0


def test_fitting_learns_that_co_mentioned_films_come_next():
    """Dialogues where the recommender's film is always one co-mentioned with the seeker's:
    the fitted ranker puts it first for a conversation it never saw."""
    pairs = [("alien", "aliens"), ("halloween", "the thing"), ("notting hill", "love actually"), ("up", "elf")]
    dialogues = []
    for n in range(40):
        first, second = pairs[n % len(pairs)]
        dialogues.append(
            dialogue(n, (SEEKER, f"I loved {AT[first]}"), (RECOMMENDER, f"then try {AT[second]}"), (SEEKER, "thanks"))
        )
    table, ranker, _, examples = train(dialogues, IDS, MOVIES, genres_asked)
    assert len(examples) == 40
    assert ranker.weights[FEATURES.index("co_recent")] > 0
    top = ranker.rank(Model(table, MOVIES), Conversation(mentioned={"halloween": 1}), 3)
    assert top[0][0] == "the thing"
    reloaded = Ranker.from_dict(ranker.to_dict())
    assert reloaded.rank(Model(table, MOVIES), Conversation(mentioned={"up": 1}), 1)[0][0] == "elf"


def test_a_ranker_fitted_on_other_features_is_not_used():
    saved = Ranker(np.ones(2), np.zeros(2), np.ones(2)).to_dict()
    assert Ranker.from_dict({**saved, "features": ["co_recent", "popularity"]}) is None
    assert Ranker.from_dict(saved) is None  # the right names, the wrong number of weights


def test_fitting_needs_a_turn_whose_film_is_a_candidate():
    with pytest.raises(ValueError):
        fit([Example([], np.zeros((0, len(FEATURES))), ["alien"])])


def test_a_conversation_is_read_with_ages_likes_and_genres():
    talk = dialogue(
        1,
        (SEEKER, f"any good scary movies? I liked {AT['alien']}"),
        (RECOMMENDER, f"have you seen {AT['halloween']}?"),
        (SEEKER, f"yes, did not like it. {AT['elf']} is more my thing"),
        (RECOMMENDER, f"then {AT['up']}"),
        liked={"1": 1, "4": 0},
    )
    conversation = conversation_at(talk, 3, IDS, genres_asked)  # before the last turn
    assert conversation.mentioned == {"alien": 3, "halloween": 2, "elf": 1}
    assert conversation.liked == {"alien"} and conversation.disliked == {"halloween"}
    assert set(conversation.genres) == {"horror"}
    assert conversation.genres["horror"] < 1.0  # asked two turns back


def test_inspired_titles_are_matched_by_title_and_year():
    index = TitleIndex(MOVIES)
    assert index.find("Alien (1979)") == "alien"
    assert index.find("Alien (1980)") == "alien"  # a year off, as sources disagree
    assert index.find("Alien (1990)") is None
    assert index.find("Elf") == "elf"
    assert index.find("Zorblax (2019)") is None


def test_inspired_turns_are_scored_with_earlier_films_excluded():
    table = CoMentions.build([["alien", "aliens"]] * 3 + [["elf"]] * 5)
    ranker = Ranker(np.eye(len(FEATURES))[FEATURES.index("co_recent")], np.zeros(len(FEATURES)), np.ones(len(FEATURES)))
    dialogues = {
        "d1": [
            Turn("user", "I liked Alien", ["Alien (1979)"]),
            Turn("assistant", "Try Aliens, or Zorblax", ["Aliens (1986)", "Zorblax (2019)"]),
            Turn("assistant", "or Alien again", ["Alien (1979)"]),
        ]
    }
    report = evaluate_inspired(dialogues, Model(table, MOVIES), ranker, genres_asked)
    assert report.turns == 1 and report.unmapped_targets == 1
    assert report.ranker.recall(1) == 1.0  # Aliens, the co-mentioned film
    assert report.popularity.recall(1) == 0.0  # popularity says Elf


def test_genres_are_read_from_what_the_seeker_says_with_names_in_it():
    assert genres_asked("Any good horror movies like the ones Kubrick made?") == ["horror"]
    # a taste is a soft genre for the recommender, and the ranker sees it as it does at run time
    assert genres_asked("I love westerns and war movies.") == ["western", "war"]


def talk_about(n: int, wish: str, film: str) -> dict:
    return dialogue(n, (SEEKER, wish), (RECOMMENDER, f"how about {AT[film]}?"), (SEEKER, "great, thanks"))


WISHES = [
    ("something scary for halloween night", "the thing"),
    ("a film my kids will enjoy on sunday", "up"),
    ("a romantic comedy for date night", "notting hill"),
]


def test_the_text_model_learns_which_words_lead_to_which_films():
    dialogues = [talk_about(n, *WISHES[n % 3]) for n in range(30)]
    model = dialogue_text.fit(text_turns(dialogues, IDS))
    for wish, film in WISHES:
        standing = model.standing([(wish.replace("night", "").upper(), 1)])  # case and a missing word do not matter
        assert max(standing, key=standing.get) == film
    assert model.standing([("nothing it ever heard of", 1)]) == {}
    mixed = model.standing([("scary", 3), ("no wait, my kids are here", 1)])
    assert mixed["up"] > mixed["the thing"]  # the latest message weighs most


def test_a_fold_model_never_learns_from_its_own_dialogues():
    dialogues = [talk_about(n, *WISHES[n % 3]) for n in range(30)]
    dialogues.append(talk_about(30, "anything with zorblax in it", "elf"))  # the only dialogue saying zorblax
    turns = text_turns(dialogues, IDS)
    folds = dialogue_text.fit_folds(turns)
    own = folds[30 % len(folds)]
    assert not own.scores([("zorblax", 1)]).any() and own.standing([("zorblax", 1)]) == {}
    standing = dialogue_text.fit(turns).standing([("zorblax", 1)])
    assert max(standing, key=standing.get) == "elf"
    assert standing["up"] == standing["notting hill"] < standing["elf"]  # no weight, no order between them


def test_training_saves_the_text_model_with_the_table(tmp_path):
    dialogues = [talk_about(n, *WISHES[n % 3]) for n in range(30)]
    table, ranker, text, _ = train(dialogues, IDS, MOVIES, genres_asked)
    table.save(tmp_path / "comentions.sqlite")
    signal = ConversationSignal.from_table(CoMentions.load(tmp_path / "comentions.sqlite"), MOVIES)
    assert signal.text is not None and signal.text.films == text.films
    wish = [("a film my kids will enjoy", 1)]
    assert signal.text.standing(wish) == pytest.approx(text.standing(wish))
    # With words alone (no film or genre named), the signal still has something to say.
    assert ranker.weights[FEATURES.index("text")] > 0
    scores = signal.scores([], messages=wish)
    assert max(scores, key=scores.get) == "up"


@pytest.mark.parametrize("first_new", ["text", "content"])
def test_weights_saved_before_a_feature_was_added_still_load(first_new):
    earlier = list(FEATURES[: FEATURES.index(first_new)])
    n = len(earlier)
    ranker = Ranker.from_dict({"features": earlier, "weights": [1.0] * n, "mean": [0.0] * n, "scale": [1.0] * n})
    assert ranker is not None and len(ranker.weights) == len(FEATURES)
    assert all(ranker.weights[i] == 0.0 for i in range(n, len(FEATURES)))
    assert ranker.weights[n - 1] == 1.0


# Unit vectors in a plane: "alien" and "the thing" point the same way, "elf" the other.
ANGLE = {"alien": 0.0, "the thing": 0.1, "aliens": 0.5, "halloween": 0.9, "elf": 3.0, "up": 2.9,
         "notting hill": 1.6, "love actually": 1.7}  # fmt: skip


def plane_vectors(films: list[str]) -> tuple[list[str], np.ndarray]:
    known = [f for f in films if f in ANGLE]
    return known, np.array([[np.cos(ANGLE[f]), np.sin(ANGLE[f])] for f in known]).reshape(len(known), 2)


def test_films_described_like_the_mentioned_ones_score_on_content():
    table = CoMentions.build([["alien", "aliens", "the thing", "halloween", "elf", "up", "notting hill"]])
    model = Model(table, MOVIES, plane_vectors)
    films, rows = model.features(Conversation(mentioned={"alien": 1}))
    content = dict(zip(films, rows[:, FEATURES.index("content")], strict=True))
    assert content["the thing"] == pytest.approx(np.cos(0.1))
    assert content["the thing"] > content["aliens"] > content["halloween"] > content["elf"]
    # The latest mention weighs most: after Elf, Up is closer than The Thing.
    films, rows = model.features(Conversation(mentioned={"elf": 1, "alien": 5}))
    content = dict(zip(films, rows[:, FEATURES.index("content")], strict=True))
    assert content["up"] > content["the thing"]
    # No vectors, or nothing mentioned yet: the feature is 0 for every film.
    for model_, conversation in ((Model(table, MOVIES), Conversation(mentioned={"alien": 1})),
                                 (model, Conversation(genres={"horror": 1.0}))):  # fmt: skip
        _, rows = model_.features(conversation)
        assert not rows[:, FEATURES.index("content")].any()


def test_fitting_learns_to_trust_content_when_people_name_similar_films():
    # 40 films round a circle; in each dialogue the seeker names one and the recommender the
    # next one round. No pair is named twice, so with its own dialogue left out the table has
    # never seen the pair: only the descriptions say which film comes next.
    films = {f"f{i}": movie(f"f{i}", ["drama"]) for i in range(40)}
    ids = {str(i): f"f{i}" for i in range(40)}

    def vectors(wanted: list[str]) -> tuple[list[str], np.ndarray]:
        known = [f for f in wanted if f in films]
        return known, np.array([[np.cos(int(f[1:]) / 6.4), np.sin(int(f[1:]) / 6.4)] for f in known]).reshape(-1, 2)

    dialogues = [dialogue(i, (SEEKER, f"I loved @{i}"), (RECOMMENDER, f"then try @{i + 1}")) for i in range(39)]
    _, ranker, _, examples = train(dialogues, ids, films, genres_asked, vectors=vectors)
    assert any(e.rows[:, FEATURES.index("content")].any() for e in examples)
    assert ranker.weights[FEATURES.index("content")] > 0
    alone = CoMentions.build([[film] for film in films])  # every film talked about, none together
    ranked = ranker.rank(Model(alone, films, vectors), Conversation(mentioned={"f20": 1}), 2)
    assert {film for film, _ in ranked} == {"f19", "f21"}


def test_a_damaged_text_model_leaves_the_ranker_working_without_words(tmp_path, caplog):
    dialogues = [talk_about(n, *WISHES[n % 3]) for n in range(30)]
    table, *_ = train(dialogues, IDS, MOVIES, genres_asked)
    table.blobs["text_model"] = table.blobs["text_model"][:1000]  # a copy cut short
    signal = ConversationSignal.from_table(table, MOVIES)
    assert signal is not None and signal.text is None
    assert "retrain with `moviebot train`" in caplog.text
    assert signal.scores(["the thing"], messages=[("a film my kids will enjoy", 1)])  # films still count

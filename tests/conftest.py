from __future__ import annotations

import json
from pathlib import Path

import pytest

from store.build import ingest
from store.catalog import Catalog
from store.home import DataDir
from tests.fakes import HashingEmbedder

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"

# A handful of real films with the fields filters and title resolution need.
SAMPLE_MOVIES = [
    {
        "id": "se7en-1995",
        "title": "Se7en",
        "year": 1995,
        "genres": ["crime", "mystery", "thriller"],
        "directors": ["David Fincher"],
        "cast": ["Brad Pitt", "Morgan Freeman", "Gwyneth Paltrow"],
        "runtime": 127,
        "language": "en",
        "country": "US",
        "rating": 8.6,
        "votes": 1800000,
        "keywords": ["serial killer", "detective", "seven deadly sins"],
        "moods": ["dark", "bleak", "tense"],
        "overview": "Two detectives in a rain-soaked city hunt a killer who stages murders after the deadly sins.",
    },
    {
        "id": "heat-1995",
        "title": "Heat",
        "year": 1995,
        "genres": ["action", "crime", "drama"],
        "directors": ["Michael Mann"],
        "cast": ["Al Pacino", "Robert De Niro", "Val Kilmer"],
        "runtime": 170,
        "language": "en",
        "country": "US",
        "rating": 8.3,
        "votes": 700000,
        "keywords": ["heist", "bank robbery", "cat and mouse"],
        "moods": ["tense", "stylish"],
        "overview": "A driven LA detective and a disciplined professional thief circle each other before a last heist.",
    },
    {
        "id": "heat-1986",
        "title": "Heat",
        "year": 1986,
        "genres": ["action", "crime", "thriller"],
        "directors": ["Dick Richards"],
        "cast": ["Burt Reynolds", "Karen Young", "Peter MacNicol"],
        "runtime": 101,
        "language": "en",
        "country": "US",
        "rating": 5.0,
        "votes": 5000,
        "keywords": ["las vegas", "bodyguard", "revenge"],
        "moods": ["violent", "gritty"],
        "overview": "A Las Vegas bodyguard with a gambling problem takes on a mobster's son to help a friend.",
    },
    {
        "id": "the-dark-knight-2008",
        "title": "The Dark Knight",
        "year": 2008,
        "genres": ["action", "crime", "drama"],
        "directors": ["Christopher Nolan"],
        "cast": ["Christian Bale", "Heath Ledger", "Aaron Eckhart"],
        "runtime": 152,
        "language": "en",
        "country": "US",
        "rating": 9.0,
        "votes": 2800000,
        "keywords": ["superhero", "joker", "vigilante"],
        "moods": ["dark", "intense", "epic"],
        "overview": "Batman faces the Joker, an anarchist criminal who pushes Gotham and its protectors to chaos.",
    },
    {
        "id": "spirited-away-2001",
        "title": "Spirited Away",
        "year": 2001,
        "genres": ["animation", "adventure", "family", "fantasy"],
        "directors": ["Hayao Miyazaki"],
        "cast": ["Rumi Hiiragi", "Miyu Irino", "Mari Natsuki"],
        "runtime": 125,
        "language": "ja",
        "country": "JP",
        "rating": 8.6,
        "votes": 850000,
        "keywords": ["spirit world", "bathhouse", "coming of age"],
        "moods": ["whimsical", "adventurous"],
        "overview": "A girl trapped in a bathhouse for spirits works to free her parents, who were turned into pigs.",
    },
    {
        "id": "parasite-2019",
        "title": "Parasite",
        "year": 2019,
        "genres": ["comedy", "drama", "thriller"],
        "directors": ["Bong Joon Ho"],
        "cast": ["Song Kang-ho", "Lee Sun-kyun", "Cho Yeo-jeong"],
        "runtime": 132,
        "language": "ko",
        "country": "KR",
        "rating": 8.5,
        "votes": 950000,
        "keywords": ["class divide", "con artists", "wealthy family"],
        "moods": ["dark", "satirical", "tense"],
        "overview": "A poor family schemes its way into jobs with a rich household until a basement secret surfaces.",
    },
    {
        "id": "amelie-2001",
        "title": "Amélie",
        "year": 2001,
        "genres": ["comedy", "romance"],
        "directors": ["Jean-Pierre Jeunet"],
        "cast": ["Audrey Tautou", "Mathieu Kassovitz"],
        "runtime": 122,
        "language": "fr",
        "country": "FR",
        "rating": 8.3,
        "votes": 780000,
        "keywords": ["paris", "shy woman", "good deeds"],
        "moods": ["whimsical", "feel-good", "romantic"],
        "overview": "A shy Parisian waitress secretly arranges small joys for the people around her.",
    },
    {
        "id": "the-shining-1980",
        "title": "The Shining",
        "year": 1980,
        "genres": ["drama", "horror"],
        "directors": ["Stanley Kubrick"],
        "cast": ["Jack Nicholson", "Shelley Duvall", "Danny Lloyd"],
        "runtime": 146,
        "language": "en",
        "country": "GB",
        "rating": 8.4,
        "votes": 1100000,
        "keywords": ["hotel", "isolation", "madness"],
        "moods": ["scary", "atmospheric", "disturbing"],
        "overview": "A writer caretaking an empty mountain hotel for the winter slides into violent madness.",
    },
    {
        "id": "paddington-2-2017",
        "title": "Paddington 2",
        "year": 2017,
        "genres": ["adventure", "comedy", "family"],
        "directors": ["Paul King"],
        "cast": ["Ben Whishaw", "Hugh Grant", "Sally Hawkins"],
        "runtime": 103,
        "language": "en",
        "country": "GB",
        "rating": 7.8,
        "votes": 90000,
        "keywords": ["bear", "prison", "pop-up book"],
        "moods": ["heartwarming", "funny", "feel-good"],
        "overview": "A polite bear wrongly jailed for stealing a pop-up book wins over his fellow inmates.",
    },
    {
        "id": "the-insider-1999",
        "title": "The Insider",
        "year": 1999,
        "genres": ["biography", "drama", "thriller"],
        "directors": ["Michael Mann"],
        "cast": ["Russell Crowe", "Al Pacino", "Christopher Plummer"],
        "runtime": 157,
        "language": "en",
        "country": "US",
        "rating": 7.8,
        "votes": 180000,
        "keywords": ["whistleblower", "tobacco industry", "journalism"],
        "moods": ["tense", "thought-provoking"],
        "overview": "A tobacco executive turned whistleblower and a TV producer fight to get his story on air.",
    },
]


@pytest.fixture
def embedder() -> HashingEmbedder:
    return HashingEmbedder()


@pytest.fixture
def sample_jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "sample.jsonl"
    path.write_text("\n".join(json.dumps(m) for m in SAMPLE_MOVIES) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def home(tmp_path: Path) -> DataDir:
    return DataDir(tmp_path / "home").ensure()


@pytest.fixture
def catalog(home: DataDir, embedder: HashingEmbedder, sample_jsonl: Path) -> Catalog:
    ingest(home, embedder, [("jsonl", [sample_jsonl])])
    cat = Catalog(home.current_catalog(), embedder)
    yield cat
    cat.close()


@pytest.fixture
def data_dir(catalog, home, monkeypatch) -> Path:
    """A data directory whose catalog (SAMPLE_MOVIES) is built, for the CLI run in-process: the
    recommender embeds with the fake, and no environment variable leaks in."""
    monkeypatch.setattr("bot.settings.Settings.embedder", lambda self: HashingEmbedder())
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "MOVIEBOT_HOME", "MOVIEBOT_EMBEDDING_MODEL"):
        monkeypatch.delenv(name, raising=False)
    return home.root


@pytest.fixture
def cli(data_dir, capsys):
    """`moviebot ARGV...` run in-process on data_dir: returns (exit status, stdout, stderr)."""
    from bot.cli.commands import main

    def run(*argv: str) -> tuple[int, str, str]:
        code = main([*argv, "--data-dir", str(data_dir)])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def profiles():
    """An in-memory profile store, closed after the test."""
    from store.profiles import ProfileStore

    store = ProfileStore(None)
    yield store
    store.close()


@pytest.fixture
def starter_bot(starter, profiles):
    """A recommender over the starter catalog and an in-memory profile store, on a fixed day, with no
    exploration: what a user would get, the same every run."""
    import datetime as dt

    from agent.deps import AgentConfig, Deps
    from agent.recommender import Recommender

    deps = Deps(catalog=starter, profiles=profiles, config=AgentConfig(explore=False),
                clock=lambda: dt.datetime(2026, 11, 24, tzinfo=dt.UTC))  # fmt: skip
    return Recommender(deps, None)


@pytest.fixture(scope="session")
def starter(tmp_path_factory) -> Catalog:
    """The shipped starter catalog, indexed once per run with the fast fake embedder."""
    from store.starter import starter_catalog_path

    home = DataDir(tmp_path_factory.mktemp("starter") / "home").ensure()
    embedder = HashingEmbedder()
    ingest(home, embedder, [("jsonl", [starter_catalog_path()])])
    catalog = Catalog(home.current_catalog(), embedder)
    yield catalog
    catalog.close()


@pytest.fixture(scope="session")
def toneless(tmp_path_factory) -> Catalog:
    """The starter catalog with no film's tone labelled, as TMDB 5000 and MovieLens label none."""
    from store.starter import starter_catalog_path

    lines = starter_catalog_path().read_text(encoding="utf-8").splitlines()
    films = [{**json.loads(line), "moods": []} for line in lines if line.strip()]
    catalog = catalog_of(tmp_path_factory.mktemp("toneless"), films)
    yield catalog
    catalog.close()


def starter_plus(folder: Path, films: list[dict]) -> Catalog:
    """The starter catalog with these films (the sample's dicts) beside it, indexed with the fast fake
    embedder; the caller closes it."""
    from store.starter import starter_catalog_path

    home = DataDir(folder / "home").ensure()
    embedder = HashingEmbedder()
    ingest(home, embedder, [("jsonl", [starter_catalog_path(), write_jsonl(folder / "more.jsonl", films)])])
    return Catalog(home.current_catalog(), embedder)


def catalog_of(folder: Path, films: list[dict]) -> Catalog:
    """A catalog of these films alone (the sample's dicts), indexed with the fast fake embedder; the
    caller closes it."""
    home = DataDir(folder / "home").ensure()
    embedder = HashingEmbedder()
    ingest(home, embedder, [("jsonl", [write_jsonl(folder / "films.jsonl", films)])])
    return Catalog(home.current_catalog(), embedder)


def write_jsonl(path: Path, movies: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(m) for m in movies) + "\n", encoding="utf-8")
    return path


def shared_file(*parts: str) -> Path:
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data set not found at {path}")
    return path


@pytest.fixture
def no_tiktoken(monkeypatch: pytest.MonkeyPatch) -> None:
    """Token counting would download encodings (no network here, nor behind a user's firewall):
    any use of tiktoken on these paths is a bug."""
    import tiktoken

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("tiktoken must not be used")

    for name in ("get_encoding", "encoding_for_model"):
        monkeypatch.setattr(tiktoken, name, refuse)

"""Requests honoured, and honesty when they can't be (issue 14 §2): negated years, surnames,
the partial answer that says how many films fit, and what a pick outside the request carries."""

from __future__ import annotations

import datetime as dt

import pytest

from agent.deps import AgentConfig, Deps
from agent.recommender import Recommender
from agent.understanding.reader import understand
from store.build import ingest
from store.catalog import Catalog
from store.filters import FilterIndex, Filters, matches, sql_where
from store.movie import Movie
from tests.conftest import write_jsonl
from tests.unit.test_understanding import LOOKUP


def make_bot(catalog, profiles, **config) -> Recommender:
    deps = Deps(catalog=catalog, profiles=profiles, config=AgentConfig(explore=False, **config),
                clock=lambda: dt.datetime(2026, 11, 24, tzinfo=dt.UTC))  # fmt: skip
    return Recommender(deps)


def picked(catalog, result) -> list[Movie]:
    return [catalog.movies[r["id"]] for r in result["recommendations"]]


# -- negated years ------------------------------------------------------------------------------

NEGATED_YEARS = [
    ("a western but not from the 60s, something newer than 1990", 1991, None, [[1960, 1969]]),
    ("not from the 60s", None, None, [[1960, 1969]]),
    ("nothing before 2000, a comedy", 2000, None, []),
    ("not older than 1980", 1980, None, []),
    ("nothing after 1995", None, 1995, []),
    ("a crime film, no 80s stuff", None, None, [[1980, 1989]]),
    ("I don't want anything from the 90s", None, None, [[1990, 1999]]),
    ("movies not in the 80s or 90s", None, None, [[1980, 1999]]),
    ("anything but the 2000s", None, None, [[2000, 2009]]),
    # still read as before
    ("from the 60s", 1960, 1969, []),
    ("before 1970", None, 1969, []),
    ("newer than 1990", 1991, None, []),
]


@pytest.mark.parametrize(("text", "low", "high", "refused"), NEGATED_YEARS)
def test_a_negated_decade_or_range_excludes_it(text, low, high, refused):
    u = understand(text, LOOKUP)
    assert (u.year_min, u.year_max, u.exclude_years) == (low, high, refused)


def test_refused_years_are_a_filter_every_index_honours():
    sixties = Movie(id="a", title="A", year=1966, genres=["western"])
    nineties = Movie(id="b", title="B", year=1992, genres=["western"])
    unknown = Movie(id="c", title="C", year=None, genres=["western"])
    filters = Filters.of(exclude_years=[[1960, 1969]])
    assert [m.id for m in (sixties, nineties, unknown) if matches(m, filters)] == ["b"]
    assert FilterIndex([sixties, nineties, unknown]).allowed(filters) == ["b"]
    clause, params = sql_where(filters)
    assert "NOT BETWEEN" in clause and params == [1960, 1969]


def test_a_western_not_from_the_60s_newer_than_1990_gets_no_60s_westerns(starter, profiles):
    result = make_bot(starter, profiles).ask(
        "a western but not from the 60s, something newer than 1990", user="cli:ana"
    )
    films = picked(starter, result)
    assert films and all("western" in m.genres and m.year > 1990 for m in films)
    assert result["understood"]["year_min"] == 1991 and result["understood"]["year_max"] is None
    assert result["understood"]["exclude_years"] == [[1960, 1969]]
    assert "loosened" not in result["reply"] and "1991-1969" not in result["reply"]


def test_a_loosened_range_never_lets_a_refused_decade_back_in(starter, profiles):
    # few westerns after 2015 in the starter catalog: the range loosens, the 60s stay out
    result = make_bot(starter, profiles).ask("give me 6 westerns newer than 2015, not from the 60s", user="cli:ana")
    films = picked(starter, result)
    assert films and all("western" in m.genres and not 1960 <= m.year <= 1969 for m in films)


# -- the honest partial answer ------------------------------------------------------------------


def test_fewer_fitting_films_than_asked_are_answered_and_counted(starter, profiles):
    # the starter catalog holds two 1990s documentaries
    result = make_bot(starter, profiles).ask("any good documentaries from the 90s?", user="cli:ana", k=5,
                                             always_recommend=True)  # fmt: skip
    films = picked(starter, result)
    assert len(films) == 2 and all("documentary" in m.genres and 1990 <= m.year <= 1999 for m in films)
    assert result["reply"].startswith("Only 2 films in my catalog fit all of that (you asked for 5).")
    assert all(r["relaxed"] is False and r["outside"] == [] for r in result["recommendations"])
    # a k given in a chat turn (moviebot ask --k 5) was asked for too
    chat = make_bot(starter, profiles).ask("any good documentaries from the 90s?", user="cli:bo", k=5)
    assert chat["reply"].startswith("Only 2 films in my catalog fit all of that (you asked for 5).")


def catalog_of(tmp_path, films: list[dict]):
    """A catalog of these films (the sample's dicts), indexed with the fast fake embedder."""
    import json

    from store.build import ingest
    from store.catalog import Catalog
    from store.home import DataDir
    from tests.fakes import HashingEmbedder

    source = tmp_path / "films.jsonl"
    source.write_text("\n".join(json.dumps(m) for m in films) + "\n", encoding="utf-8")
    home = DataDir(tmp_path / "home").ensure()
    ingest(home, HashingEmbedder(), [("jsonl", [source])])
    return Catalog(home.current_catalog(), HashingEmbedder())


def test_a_tone_asked_of_a_catalog_that_labels_none_is_said_to_be_unknown(tmp_path, profiles):
    """TMDB 5000 + MovieLens label no film's tone: "a crime film, nothing dark" said "not dark" of
    The Dark Knight."""
    from tests.conftest import SAMPLE_MOVIES

    catalog = catalog_of(tmp_path, [{**m, "moods": []} for m in SAMPLE_MOVIES])
    try:
        assert not catalog.labels_tone
        said = make_bot(catalog, profiles).ask("a crime film, nothing dark", user="cli:tone")
        assert said["reply"].startswith("My catalog doesn't label films' tone, so I can't promise one.")
        assert "not dark" not in said["reply"] and said["recommendations"]
        plain = make_bot(catalog, profiles).ask("a crime film", user="cli:plain")["reply"]
        assert "tone" not in plain
    finally:
        catalog.close()


def test_a_tone_on_a_catalog_that_labels_none_leans_to_the_genres_it_comes_in(tmp_path, profiles):
    """ "a feel-good film" on TMDB 5000 + MovieLens answered the most popular films of any kind (The
    Dark Knight, Se7en): the tone could not filter, and nothing else was read. Its genres lean now,
    and the reply says so, still promising no tone."""


def test_a_tone_that_is_its_genre_is_honoured_by_the_genre(tmp_path, profiles):
    """ "romantic dramas" answered "My catalog doesn't label films' tone, so I can't promise one. Here
    are 3 picks: romance drama films.": "romantic" is the romance genre, which every pick has."""
    from tests.conftest import SAMPLE_MOVIES

    catalog = catalog_of(tmp_path, [{**m, "moods": []} for m in SAMPLE_MOVIES])
    try:
        said = make_bot(catalog, profiles).ask("a feel-good film", user="cli:feel-good", k=3)
        assert said["reply"].startswith("My catalog doesn't label films' tone, so I can't promise one.")
        assert "leaning to comedy/family" in said["reply"]
        assert all({"comedy", "family"} & set(m.genres) for m in picked(catalog, said)), picked(catalog, said)
        assert "as you asked" not in said["reply"]  # a leaning genre was not asked for

        for said, genre in (("something romantic", "romance"), ("a romantic comedy", "romance"),
                            ("something funny", "comedy"), ("a scary movie", "horror")):  # fmt: skip
            answer = make_bot(catalog, profiles).ask(said, user="cli:romantic")
            assert "tone" not in answer["reply"], said
            assert answer["recommendations"] and all(genre in m.genres for m in picked(catalog, answer))
        for said in ("a dark comedy", "something feel-good", "I love romantic films"):  # the genre is no promise
            answer = make_bot(catalog, profiles).ask(said, user="cli:dark")
            assert answer["reply"].startswith("My catalog doesn't label films' tone, so I can't promise one."), said
    finally:
        catalog.close()


def test_a_refused_tone_that_is_a_genre_refuses_the_genre(tmp_path, profiles):
    """ "a comedy but not romantic" answered "My catalog doesn't label films' tone, so I can't promise
    one." and picked Forrest Gump and American Pie, romance films: a refused "romantic" refuses the
    romance genre, which the catalog labels, and the reply says so."""
    from tests.conftest import SAMPLE_MOVIES

    catalog = catalog_of(tmp_path, [{**m, "moods": []} for m in SAMPLE_MOVIES])
    try:
        for said, genre in (("a comedy but not romantic", "romance"), ("a comedy, nothing romantic", "romance"),
                            ("a drama, nothing funny", "comedy"), ("nothing scary", "horror")):  # fmt: skip
            answer = make_bot(catalog, profiles).ask(said, user="cli:not-romantic")
            assert "tone" not in answer["reply"] and f"no {genre}" in answer["reply"], said
            assert answer["recommendations"] and all(genre not in m.genres for m in picked(catalog, answer)), said
        # a degree, or the genre itself asked for: only the tone is refused, which no label can tell
        for said in ("a comedy, not too romantic", "a comedy but not funny", "a romantic comedy but not romantic"):
            answer = make_bot(catalog, profiles).ask(said, user="cli:too-romantic")
            assert answer["reply"].startswith("My catalog doesn't label films' tone, so I can't promise one."), said
            assert "no romance" not in answer["reply"] and "no comedy" not in answer["reply"], said
    finally:
        catalog.close()


@pytest.mark.parametrize("text", ["i want to cry", "a movie that makes you cry", "something that makes me cry"])
def test_wanting_to_cry_asks_for_an_emotional_film(text):
    """ "i want to cry" was read as nothing but its words, and found Boys Don't Cry, Cry Freedom and
    Never Cry Wolf by their titles."""
    assert understand(text, LOOKUP).moods == ["emotional"]


def test_tones_are_searched_in_words_that_describe_them_where_no_film_is_labelled():
    """ "something sad" searched the word "melancholic", and found Melancholia by its title."""
    from agent.nodes.retrieve import query_text

    assert query_text({"moods": ["melancholic"]}) == "melancholic"
    assert query_text({"moods": ["melancholic"]}, labels_tone=False) == "sad grief loss loneliness"


def test_the_count_of_fitting_films_says_how_many_have_nothing_recorded_to_fit_with(tmp_path, profiles):
    """ "Only 4 films by Hayao Miyazaki" on a catalog where 6,249 films have no credits: his others are
    among them, so the count is what the catalog knows, and the answer says so."""
    from tests.conftest import SAMPLE_MOVIES

    uncredited = [{"id": f"x-{n}", "title": f"Untold {n}", "year": 1990 + n, "genres": ["drama"]} for n in range(3)]
    catalog = catalog_of(tmp_path, [*SAMPLE_MOVIES, *uncredited])
    try:
        assert (catalog.unrecorded("cast"), catalog.unrecorded("language"), catalog.unrecorded("year")) == (3, 3, 0)
        said = make_bot(catalog, profiles).ask("give me 5 films by Michael Mann", user="cli:mann")["reply"]
        assert said.startswith(
            "Only 2 films in my catalog fit all of that (you asked for 5). (In my catalog 3 films have no cast or "
            "director recorded; some of them may fit too.)"
        ), said
        dramas = make_bot(catalog, profiles).ask("give me 5 dramas from 1990", user="cli:yr")["reply"]
        assert "recorded" not in dramas  # every film has a year
    finally:
        catalog.close()


def test_films_the_user_has_seen_are_counted_apart_from_the_catalog(starter, profiles):
    profiles.add_watched("cli:ana", "hoop-dreams-1994")
    result = make_bot(starter, profiles).ask("give me 5 documentaries from the 90s", user="cli:ana")
    assert [m.title for m in picked(starter, result)] == ["Buena Vista Social Club"]
    assert result["reply"].startswith(
        "Only 1 film that you haven't seen, ruled out or been shown lately fits all of that (you asked for 5); "
        "2 in my catalog do in all."
    )


def test_a_pick_outside_the_request_is_flagged_in_the_json_and_the_text(starter, profiles):
    # no western in the catalog is a documentary: the genres loosen, and every pick says so
    result = make_bot(starter, profiles).ask("a documentary western", user="cli:ana", k=3, always_recommend=True)
    assert result["recommendations"]
    for rec in result["recommendations"]:
        assert rec["relaxed"] is True and "genres" in rec["outside"]
        assert "you asked for" in rec["explanation"]
    assert "loosened" in result["reply"]


def test_a_batch_k_up_to_50_is_honoured(starter, profiles):
    result = make_bot(starter, profiles).ask("a drama", user="cli:ana", k=40, always_recommend=True)
    films = picked(starter, result)
    assert len(films) == 40 and all("drama" in m.genres for m in films)


# -- a batch line's k ---------------------------------------------------------------------------


@pytest.fixture
def service(starter, profiles):
    from agent.service import build_service

    svc = build_service(starter, profiles, clock=lambda: dt.datetime(2026, 11, 24, tzinfo=dt.UTC))
    yield svc
    svc.close()


def batch_line(service, item: dict, number: int = 1) -> dict:
    import json

    from bot.cli.conversation import _batch_line

    return _batch_line(service, json.dumps(item), number, None)


def test_a_batch_line_gets_the_k_it_asks_for_up_to_50(service):
    result = batch_line(service, {"id": "x", "k": 25, "messages": [{"role": "user", "text": "a drama"}]})
    assert result["id"] == "x" and len(result["recommendations"]) == 25
    assert all("drama" in r["genres"] and r["relaxed"] is False for r in result["recommendations"])


@pytest.mark.parametrize("k", [0, 51, -3, "abc", [1], 2.5, True])
def test_a_bad_k_is_an_error_on_that_line(service, k):
    result = batch_line(service, {"id": "y", "k": k, "messages": [{"role": "user", "text": "a drama"}]}, number=7)
    assert result == {"id": "y", "line": 7, "error": {"code": "bad_k", "message": result["error"]["message"]}}
    assert result["error"]["message"].startswith("line 7: k must be a whole number from 1 to 50")


def test_gibberish_alone_gets_no_made_up_picks_from_a_batch_line_or_a_structured_request(service):
    said = batch_line(service, {"id": "g", "k": 3, "messages": [{"role": "user", "text": "asdkjh qwpoeiru zxcmnb"}]})
    assert said["recommendations"] == [] and said["reply"].startswith("Sorry, I didn't catch that.")
    structured = service.recommend("http:acme:gib", text="asdkjh qwpoeiru zxcmnb", k=3)
    assert structured.recommendations == [] and structured.reply.startswith("Sorry, I didn't catch that.")
    filtered = service.recommend("http:acme:gib", text="asdkjh qwpoeiru", filters={"genres": ["drama"]}, k=3)
    assert len(filtered.recommendations) == 3  # the filters say what is wanted
    after = batch_line(
        service,
        {
            "id": "h",
            "messages": [
                {"role": "user", "text": "a 90s thriller"},
                {"role": "user", "text": "asdkjh qwpoeiru zxcmnb"},
            ],
        },
    )
    assert len(after["recommendations"]) == 3  # the conversation so far is what to answer


def test_documentaries_with_k_5_are_documentaries_or_marked(service):
    result = batch_line(service, {"id": "d", "k": 5, "messages": [{"role": "user", "text": "any good documentaries?"}]})
    assert len(result["recommendations"]) == 5
    assert all("documentary" in r["genres"] or r["relaxed"] for r in result["recommendations"])
    assert all("documentary" in r["genres"] for r in result["recommendations"])


# -- surnames -----------------------------------------------------------------------------------

SURNAMES = [
    ("something by Kubrick", ["Stanley Kubrick"]),
    ("something by kubrick", ["Stanley Kubrick"]),
    ("a Hitchcock film I might not know", ["Alfred Hitchcock"]),
    ("Spielberg movies from the 80s", ["Steven Spielberg"]),
    ("Kubrick's best", ["Stanley Kubrick"]),
    ("anything with De Niro", ["Robert De Niro"]),
    ("a romance starring Stone", ["Emma Stone"]),
    ("Nolan", ["Christopher Nolan"]),
    # a surname with a particle, typed as two words or the full name so
    ("di caprio movies", ["Leonardo DiCaprio"]),
    ("something with Di Caprio", ["Leonardo DiCaprio"]),
    ("films with leonardo di caprio", ["Leonardo DiCaprio"]),
    # everyday words, and surnames several prominent people share, name nobody
    ("a black comedy", []),
    ("set in the woods", []),
    ("stone cold thriller", []),
    ("Stone cold thriller", []),
    ("a thriller set on a hill", []),
    ("long movies please", []),
    ("Long movies please", []),
    ("a movie about a bird in a cage", []),
    ("a Lee film", []),  # Spike Lee, Ang Lee, Jason Lee...
    ("Jackson movies", []),  # Samuel L. Jackson and Peter Jackson
    ("Coen movies", ["Joel Coen"]),  # brothers who direct together: the one every film of theirs credits
    ("the Coen brothers", ["Joel Coen"]),
    # a kind of film after the surname cues it as "films" does
    ("a nolan thriller", ["Christopher Nolan"]),
    ("a spielberg sci-fi", ["Steven Spielberg"]),
    ("tarantino westerns", ["Quentin Tarantino"]),
    ("a political thriller", []),
    ("a space western", []),
    # a surname with only the words of a follow-up is said alone
    ("spielberg instead", ["Steven Spielberg"]),
    ("only carell", ["Steve Carell"]),
    ("what about tarantino", ["Quentin Tarantino"]),
]


@pytest.mark.parametrize(("text", "people"), SURNAMES)
def test_a_surname_alone_names_the_one_prominent_person_who_carries_it(starter, text, people):
    assert understand(text, starter).people == people


@pytest.mark.parametrize(
    ("text", "caveat", "people"),
    [("Jackson movies", '"Jackson" could be Samuel L. Jackson, Wilfred Jackson or Peter Jackson', []),
     ("anything but Wilson", '"Wilson" could be Owen Wilson, Patrick Wilson or Luke Wilson', []),
     ("movies set in Jackson", None, []), ("Coen movies", None, ["Joel Coen"])],
)  # fmt: skip
def test_a_surname_several_people_carry_is_said_to_be(starter, text, caveat, people):
    understood = understand(text, starter)
    assert understood.people == people and understood.exclude_people == []
    said = [c for c in understood.caveats if "could be" in c]
    assert said == ([f"{caveat}; if you meant one of them, say the whole name and I'll go by it."] if caveat else [])


MISSPELT = [
    ("something by scorcese", ["Martin Scorsese"], 'I took "scorcese" to mean Martin Scorsese.'),
    ("kubrik films", ["Stanley Kubrick"], 'I took "kubrik" to mean Stanley Kubrick.'),
    ("spielburg films from the 80s", ["Steven Spielberg"], 'I took "spielburg" to mean Steven Spielberg.'),
    ("films with brad pit", ["Brad Pitt"], 'I took "brad pit" to mean Brad Pitt.'),
    ("speilberg instead", ["Steven Spielberg"], 'I took "speilberg" to mean Steven Spielberg.'),
    ("kubrik", ["Stanley Kubrick"], 'I took "kubrik" to mean Stanley Kubrick.'),
    ("a movie with denzel washingon", ["Denzel Washington"], 'I took "denzel washingon" to mean Denzel Washington.'),
    # the nearest name wins: Jim Varney is two letters off, Jim Carrey one
    ("something with jim carey", ["Jim Carrey"], 'I took "jim carey" to mean Jim Carrey.'),
    # a short form of a first name before the surname is that person, not a surname of its own
    ("something with leo dicaprio", ["Leonardo DiCaprio"], None),
    ("arnie schwarzenegger films", ["Arnold Schwarzenegger"], None),
    # words a film uses are no misspelt names, and a word a letter off two names is neither
    ("alien films", [], None),
    ("a film about a pit bull", [], None),
    ("a heist film", [], None),
    # a kind of film misspelt is no person a letter off it
    ("animaton films", [], None),
    ("mystry movies", [], None),
    ("westen", [], None),
]


@pytest.mark.parametrize(("text", "people", "said"), MISSPELT)
def test_a_name_misspelt_as_people_type_it_is_that_person_and_said_so(starter, text, people, said):
    understood = understand(text, starter)
    assert understood.people == people
    assert understood.caveats == ([said] if said else [])


def test_a_surname_misspelt_as_a_synopsis_misspells_it_is_still_that_person(home, embedder, tmp_path):
    """One synopsis of the 11k catalog says "Remade by Steven Speilberg", so "speilberg" was a word a film
    uses and "something by speilberg" answered popular picks."""
    spielberg = {"genres": ["adventure"], "directors": ["Steven Spielberg"], "cast": [], "votes": 9000}
    films = [{**spielberg, "id": "jaws-1975", "title": "Jaws", "year": 1975, "overview": "A shark."},
             {**spielberg, "id": "hook-1991", "title": "Hook", "year": 1991, "overview": "Peter Pan grows up."},
             {"id": "a-guy-named-joe-1943", "title": "A Guy Named Joe", "year": 1943, "genres": ["war"],
              "directors": ["Victor Fleming"], "overview": "Remade by Steven Speilberg in 1989 as ALWAYS."},
             {"id": "a-rally-1950", "title": "The Rally", "year": 1950, "genres": ["drama"],
              "directors": ["Anne Other"], "overview": "A mystry writer at a rally of snipers."}]  # fmt: skip
    ingest(home, embedder, [("jsonl", [write_jsonl(tmp_path / "films.jsonl", films)])])
    catalog = Catalog(home.current_catalog(), embedder)
    try:
        understood = understand("something by speilberg", catalog)
        assert understood.people == ["Steven Spielberg"]
        assert understood.caveats == ['I took "speilberg" to mean Steven Spielberg.']
        assert understand("a guy named joe", catalog).people == []
    finally:
        catalog.close()


def test_spielberg_movies_from_the_80s_are_spielbergs(starter, profiles):
    result = make_bot(starter, profiles).ask("Spielberg movies from the 80s", user="cli:ana")
    films = picked(starter, result)
    assert films and all("Steven Spielberg" in m.directors + m.cast and 1980 <= m.year <= 1989 for m in films)
    assert "The Matrix" not in result["reply"] and "Back to the Future" not in result["reply"]


def test_a_runtime_band_nothing_fits_widens_on_both_sides(starter, profiles):
    """ "a 2 and a half hour war film from the 60s" loosened to 95-minute Dr. Strangelove first; The
    Great Escape (172 min) is nearer the length asked for."""
    said = make_bot(starter, profiles).ask("a 2 and a half hour war film from the 60s", user="cli:rt", k=1)
    assert [m.title for m in picked(starter, said)] == ["The Great Escape"]
    assert "I loosened the runtime (up to 172 minutes)" in said["reply"]


def test_a_year_range_nothing_fits_widens_to_the_nearest_films(starter, profiles):
    """ "something older" than 1960s French films answered with 2000s ones, the years dropped,
    though nearer ones were there: the range widens just enough for the nearest films to fit,
    and the reply says the years were loosened, and to which."""
    said = make_bot(starter, profiles).ask("a French film from the 40s", user="cli:yr", k=3)
    assert sorted(m.title for m in picked(starter, said)) == ["Grand Illusion", "Les Diaboliques", "Rififi"]
    assert "I loosened the years (picks from 1937 to 1955, outside the 1940s)" in said["reply"]
    later = make_bot(starter, profiles).ask("a Japanese horror film from after 2005", user="cli:yr2", k=3)
    assert sorted(m.year for m in picked(starter, later)) == [1997, 1998, 1999]  # not Godzilla (1954)
    assert "I loosened the years (picks from 1997 to 1999, outside 2006 or later)" in later["reply"]


def test_a_year_bound_alone_widens_too(starter, profiles):
    """A request with a lower year bound and no upper one at all (as a ReDial dialogue handed in whole
    reads) raised KeyError: 'year_max' where the years were widened, and the turn failed."""
    from agent.nodes.retrieve import _widen_years

    deps = make_bot(starter, profiles).deps
    request = {"year_min": 2006, "genres": ["horror"], "languages": ["ja"]}
    found = _widen_years(deps, request, "", set(), None, 3)
    assert found and request["year_min"] < 2006 and request["year_max"] is None


def test_a_count_beyond_what_an_answer_holds_is_said(starter, profiles):
    """ "give me 60 comedies" gave 50 and "0 comedies" one, and neither said so."""
    bot = make_bot(starter, profiles)
    many = bot.ask("give me 60 comedies", user="cli:many")
    assert len(many["recommendations"]) == 50
    assert many["reply"].startswith("You asked for 60, but I can give at most 50 at a time. Here are 50 picks")
    assert many["understood"]["count"] == 50  # as served, so it can be sent back as an API filter
    none = bot.ask("0 comedies", user="cli:none")
    assert len(none["recommendations"]) == 3
    assert none["reply"].startswith("You asked for 0, so I went with 3. Here are 3 picks")
    assert none["understood"]["count"] is None
    assert not bot.ask("give me 5 comedies", user="cli:five")["reply"].startswith("You asked")


def test_a_misspelt_full_name_is_not_the_surnames_other_owner():
    """ "jim carey movies" was Mariah Carey, the catalog's prominent Carey."""
    from agent.understanding.request import Understood
    from agent.understanding.surnames_alone import read_surnames
    from agent.understanding.text import Scan
    from store.surnames import Surname

    people = {"jim carrey": "Jim Carrey", "mariah carey": "Mariah Carey"}
    out = Understood()
    read_surnames(Scan("jim carey movies"), {"carey": Surname("Mariah Carey", False)}, out, people)
    assert out.people == []
    read_surnames(Scan("mariah carey movies"), {"carey": Surname("Mariah Carey", False)}, out, people)
    assert out.people == ["Mariah Carey"]

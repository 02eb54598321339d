"""`POST /v1/users/{user}/import`: an app sends a viewing history (or an export it got back) over the API,
through FastAPI's TestClient over the real service on the starter catalog. It had export and delete but
no import, so what GET .../export gave could not be sent back."""

from __future__ import annotations

import io
import zipfile

import pytest
from fastapi.testclient import TestClient

from agent.bandit import Ranker
from agent.service import build_service
from bot.http.app import create_app
from bot.settings import ApiKey, HttpSettings, Settings
from store.profiles import ProfileStore

ACME = {"Authorization": "Bearer acme-key-0123456789"}
BETA = {"Authorization": "Bearer beta-key-9876543210"}
KEYS = (ApiKey("acme", "acme-key-0123456789"), ApiKey("beta", "beta-key-9876543210"))
RATINGS = (
    "Date,Name,Year,Letterboxd URI,Rating\n"
    "2024-03-01,Heat,1995,https://boxd.it/a,4.5\n"
    "2024-03-02,Se7en,1995,https://boxd.it/b,4\n"
    "2024-03-03,A Film Nobody Made,1901,https://boxd.it/c,3\n"
)
CSV = {**ACME, "Content-Type": "text/csv"}
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"
MOVIELENS = "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n2,3,4.0,964981247\n"
NOTHING = "Nothing was imported."


def app_for(starter, tmp_path, **http):
    profiles = ProfileStore(tmp_path / "state.sqlite")
    service = build_service(starter, profiles, ranker=Ranker(profiles))
    settings = Settings(http=HttpSettings(**{"api_keys": KEYS, "rate_per_minute": 0, **http}))
    return create_app(service, settings), service, profiles


@pytest.fixture
def client(starter, tmp_path):
    app, service, profiles = app_for(starter, tmp_path)
    with TestClient(app) as client:
        yield client
    service.close()
    profiles.close()


def rated(client, user: str, headers=ACME) -> dict[str, float]:
    export = client.get(f"/v1/users/{user}/export", headers=headers)
    if export.status_code == 404:
        return {}
    return {row["movie_id"]: row["stars"] for row in export.json()["ratings"]}


def test_a_letterboxd_csv_sent_as_the_body_imports_and_reports_each_skipped_row(client):
    response = client.post("/v1/users/ana/import", content=RATINGS.encode(), headers=CSV)
    assert response.status_code == 200, response.text
    report = response.json()
    assert (report["format"], report["rows"], report["rated"], report["watched"]) == ("letterboxd", 3, 2, 2)
    assert report["skipped"] == [{"where": "export.csv:4", "line": 4, "title": "A Film Nobody Made", "year": 1901,
                                  "reason": "not in the catalog", "alternatives": []}]  # fmt: skip
    assert report["summary"][0] == "Imported from Letterboxd: 2 ratings and 2 watched films."
    assert rated(client, "ana") == {"heat-1995": 4.5, "se7en-1995": 4.0}
    watched = client.get("/v1/users/ana/watched", headers=ACME).json()
    assert {item["movie_id"] for item in watched} == {"heat-1995", "se7en-1995"}


def test_a_multipart_upload_imports_under_its_own_file_name(client):
    """`curl -F file=@ratings.csv`, the way most clients upload a file."""
    files = {"file": ("ratings.csv", RATINGS.encode(), "text/csv")}
    response = client.post("/v1/users/ana/import", files=files, headers=ACME)
    assert response.status_code == 200, response.text
    assert response.json()["rated"] == 2 and response.json()["skipped"][0]["where"] == "ratings.csv:4"
    assert rated(client, "ana") == {"heat-1995": 4.5, "se7en-1995": 4.0}


def test_a_letterboxd_zip_and_an_imdb_file_import(client):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("ratings.csv", RATINGS)
    zip_response = client.post("/v1/users/ana/import", content=archive.getvalue(),
                               headers={**ACME, "Content-Type": "application/zip"})  # fmt: skip
    assert zip_response.status_code == 200, zip_response.text
    assert zip_response.json()["rated"] == 2
    unnamed = client.post("/v1/users/ana/import", files={"file": ("letterboxd-export", archive.getvalue())},
                          headers=ACME)  # fmt: skip
    assert unnamed.status_code == 200, unnamed.text
    assert unnamed.json()["format"] == "letterboxd" and unnamed.json()["rows"] == 3  # read as the zip it is
    imdb = ("Const,Your Rating,Date Rated,Title,Year,Title Type\n"
            "tt0133093,9,2024-01-05,The Matrix,1999,Movie\n")  # fmt: skip
    response = client.post("/v1/users/bo/import?format=imdb", content=imdb.encode(), headers=CSV)
    assert response.status_code == 200, response.text
    assert response.json()["format"] == "imdb" and rated(client, "bo") == {"the-matrix-1999": 4.5}


def test_an_export_sent_back_imports_into_another_user_round_trip(client):
    client.post("/v1/users/ana/import", content=RATINGS.encode(), headers=CSV)
    client.post("/v1/users/ana/watched", json={"movie": "pulp-fiction-1994"}, headers=ACME)
    export = client.get("/v1/users/ana/export", headers=ACME)
    response = client.post("/v1/users/cy/import", content=export.content,
                           headers={**ACME, "Content-Type": "application/json"})  # fmt: skip
    assert response.status_code == 200, response.text
    assert response.json()["format"] == "moviebot" and response.json()["skipped"] == []
    assert rated(client, "cy") == rated(client, "ana")
    watched = {item["movie_id"] for item in client.get("/v1/users/cy/watched", headers=ACME).json()}
    assert watched == {"heat-1995", "se7en-1995", "pulp-fiction-1994"}


@pytest.mark.parametrize(
    ("body", "said"),
    [
        (PNG, "That file isn't a CSV export (it looks like a PNG image). Nothing was imported."),
        (PDF, "That file isn't a CSV export (it looks like a PDF document). Nothing was imported."),
        (
            b"\x00\x01\x02binary\x00" * 8,
            "That file isn't a CSV export (it looks like a binary file). Nothing was imported.",
        ),
    ],
)
def test_an_image_pdf_or_binary_file_is_a_422_saying_what_it_looks_like_as_discord_says(client, body, said):
    for sent in ({"content": body, "headers": {**ACME, "Content-Type": "application/octet-stream"}},
                 {"files": {"file": ("poster.png", body, "image/png")}, "headers": ACME}):  # fmt: skip
        response = client.post("/v1/users/ana/import", **sent)
        assert response.status_code == 422, response.text
        assert response.json() == {"error": "refused", "message": said}
    assert rated(client, "ana") == {}
    assert client.get("/v1/users/ana/export", headers=ACME).status_code == 404  # not even a user row


@pytest.mark.parametrize(
    ("sent", "said"),
    [
        (
            {"content": MOVIELENS.encode()},
            "That's a MovieLens ratings file: it holds many people's ratings, and the API can't tell which are yours.",
        ),
        ({"content": b"Film,Stars\nHeat,4\n"}, "export.csv: not a Letterboxd export file"),
        ({"content": b'{"not": "an export"}'}, "export.json: not a moviebot export"),
        ({"content": b""}, "The file is empty"),
        ({"content": b"\n  \n"}, "The file is empty"),
        ({"files": {"other": ("ratings.csv", RATINGS.encode(), "text/csv")}}, "The form has no part named 'file'"),
        (
            {"content": RATINGS.encode(), "headers": {"Content-Disposition": 'attachment; filename="watchlist.csv"'}},
            "this is the watchlist, films not seen yet",
        ),
        ({"content": RATINGS.encode(), "params": {"format": "moviebot"}}, "not a moviebot export"),
    ],
)
def test_every_refusal_is_a_422_that_says_why_and_imports_nothing(client, sent, said):
    headers = {**(ACME if "files" in sent else CSV), **sent.pop("headers", {})}
    response = client.post("/v1/users/ana/import", headers=headers, **sent)
    assert response.status_code == 422, response.text
    body = response.json()
    assert said in body["message"] and body["message"].endswith(NOTHING)
    assert "moviebot-import-" not in body["message"] and "/tmp" not in body["message"]  # no server folder
    assert client.get("/v1/users/ana/export", headers=ACME).status_code == 404


def test_a_file_of_another_format_than_the_one_named_is_refused_in_sentences(client):
    response = client.post("/v1/users/ana/import?format=imdb", content=RATINGS.encode(), headers=CSV)
    assert response.status_code == 422
    assert response.json()["message"] == (
        "export.csv: this looks like a Letterboxd file, not an IMDb ratings export (its columns: Date, Name, Year, "
        "Letterboxd URI, Rating). Nothing was imported."
    )


def test_a_format_the_api_does_not_offer_is_a_422_naming_it(client):
    response = client.post("/v1/users/ana/import?format=movielens", content=RATINGS.encode(), headers=CSV)
    assert response.status_code == 422 and response.json()["message"] == (
        "query.format: Input should be 'letterboxd', 'imdb' or 'moviebot'"
    )
    assert rated(client, "ana") == {}


def test_an_import_reaches_only_the_keys_own_user(client):
    assert client.post("/v1/users/ana/import", content=RATINGS.encode(), headers=CSV).status_code == 200
    assert rated(client, "ana", BETA) == {}  # beta's "ana" is another person
    assert client.post("/v1/users/acme:ana/import", content=RATINGS.encode(),
                       headers={**BETA, "Content-Type": "text/csv"}).status_code == 422  # fmt: skip
    assert rated(client, "ana") == {"heat-1995": 4.5, "se7en-1995": 4.0}


def test_without_a_valid_key_it_is_401_and_nothing_is_imported(client):
    for headers in ({"Content-Type": "text/csv"}, {"Authorization": "Bearer wrong-key-00000000", "Content-Type": "x"}):
        response = client.post("/v1/users/ana/import", content=RATINGS.encode(), headers=headers)
        assert response.status_code == 401 and response.json()["error"] == "unauthorized"
    assert rated(client, "ana") == {}


def test_a_history_longer_than_other_bodies_may_be_is_imported(starter, tmp_path):
    """A Letterboxd diary of a thousand films is over 100 KB: the import has a limit of its own, not the
    64 KiB every other body has (here 400 bytes, with a file of about 1.5 KB)."""
    app, service, profiles = app_for(starter, tmp_path, max_body_bytes=400)
    long = (RATINGS + "2024-03-04,Heat,1995,https://boxd.it/d,3\n" * 40).encode()
    assert len(long) > 1000
    with TestClient(app) as client:
        response = client.post("/v1/users/ana/import", content=long, headers=CSV)
        assert response.status_code == 200, response.text
        assert len(rated(client, "ana")) == 2  # Heat and Se7en
        chat = client.post("/v1/chat", json={"user": "ana", "conversation": "c", "text": "x" * 500}, headers=ACME)
        assert chat.status_code == 413 and chat.json()["message"] == "The request body is larger than 400 bytes."
    service.close()
    profiles.close()


def test_a_file_over_the_import_limit_is_a_json_413_and_nothing_is_imported(starter, tmp_path):
    app, service, profiles = app_for(starter, tmp_path, max_import_bytes=400)
    big = (RATINGS + "2024-03-04,Heat,1986,https://boxd.it/d,3\n" * 10).encode()
    with TestClient(app) as client:
        response = client.post("/v1/users/ana/import", content=big, headers=CSV)
        assert response.status_code == 413
        assert response.json() == {"error": "too_large", "message": "The request body is larger than 400 bytes."}
        form = client.post("/v1/users/ana/import", files={"file": ("ratings.csv", big, "text/csv")}, headers=ACME)
        chunked = client.post("/v1/users/ana/import", content=iter([big[:300], big[300:]]), headers=CSV)
        assert form.status_code == chunked.status_code == 413 and chunked.json()["error"] == "too_large"
        assert client.get("/v1/users/ana/export", headers=ACME).status_code == 404
        assert client.post("/v1/users/ana/import", content=RATINGS.encode(), headers=CSV).status_code == 200
    service.close()
    profiles.close()


def test_the_import_runs_in_the_worker_pool(client, monkeypatch):
    import threading

    import bot.http.users as users

    threads = []
    real = users.import_file

    def noted(*args):
        threads.append(threading.current_thread().name)
        return real(*args)

    monkeypatch.setattr(users, "import_file", noted)
    assert client.post("/v1/users/ana/import", content=RATINGS.encode(), headers=CSV).status_code == 200
    assert threads and threads[0].startswith("moviebot-http")


def test_the_openapi_document_and_docs_describe_the_import_its_body_and_errors(client):
    operation = client.get("/openapi.json").json()["paths"]["/v1/users/{user}/import"]["post"]
    assert {"text/csv", "application/json", "application/zip", "multipart/form-data"} <= set(
        operation["requestBody"]["content"]
    )
    assert {"200", "401", "413", "422"} <= set(operation["responses"])
    assert "image" in operation["responses"]["422"]["description"]
    assert [p["name"] for p in operation["parameters"]] == ["user", "format"]
    docs = client.get("/docs").text
    assert "<code>/v1/users/{user}/import</code>" in docs and "multipart/form-data" in docs and "text/csv" in docs


def test_the_chats_account_help_names_the_import_endpoint(client):
    """The API's account help named export and delete but no way to bring a history in."""
    reply = client.post("/v1/chat", json={"user": "ana", "text": "what do you know about me?"}, headers=ACME).json()
    assert "POST /v1/users/{user}/import takes that file back (or a Letterboxd or IMDb export)" in reply["reply"]

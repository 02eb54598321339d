"""/profile, /import and /forget: a user's own data, always answered only to them."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import discord

from bot.charts import profile_chart
from bot.discord.cogs.profile import ForgetConfirm
from store.history_import import detect_format
from tests.unit.test_discord_harness import DiscordWorld, press

pytest_plugins = ("tests.unit.test_discord_harness",)  # the world, starter_catalog and profile_store fixtures

PNG = b"\x89PNG\r\n\x1a\n"


def key(member) -> str:
    return f"discord:{member.id}"


def csv_bytes(header: tuple[str, ...], *rows: tuple) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode()


def attachment(world: DiscordWorld, filename: str, data: bytes) -> discord.Attachment:
    """A real Attachment; its download is served from memory instead of Discord's CDN."""
    url = f"https://cdn.discordapp.com/attachments/1/2/{filename}"
    files = getattr(world, "cdn", None) or {}
    world.cdn = files
    files[url] = data

    async def get_from_cdn(requested: str) -> bytes:
        return files[requested]

    world.bot.http.get_from_cdn = get_from_cdn
    return discord.Attachment(
        data={"id": "1300000000000000777", "filename": filename, "size": len(data), "url": url, "proxy_url": url},
        state=world.state,
    )


async def test_profile_summarises_taste_and_attaches_a_chart(starter_catalog, profile_store, tmp_path):
    world = await DiscordWorld(
        catalog=starter_catalog, profiles=profile_store, tmp_path=tmp_path, chart=profile_chart
    ).start()
    try:
        ana = world.member("ana")
        for movie_id, stars in (
            ("se7en-1995", 5.0),
            ("heat-1995", 4.5),
            ("the-dark-knight-2008", 4.0),
            ("the-notebook-2004", 1.0),
        ):
            profile_store.rate(key(ana), movie_id, stars)
        profile_store.add_watched(key(ana), "heat-1995")
        interaction = world.interaction(ana)
        cog = world.cog("Profile")
        await cog.profile.callback(cog, interaction)
        defer, answer = interaction.calls
        assert defer.kind == "defer" and interaction.ephemeral and answer.ephemeral
        [embed] = answer.embeds
        assert "Se7en (1995) (5/5)" in embed.description and "Favourite genres: crime" in embed.description
        assert "Favourite directors: David Fincher" in embed.description  # was "Directors they like", of "you"
        assert " they " not in embed.description
        fields = {f.name: f.value for f in embed.fields}
        assert fields["Rated"] == "4" and fields["Watched"] == "1" and "Heat (1995)" in fields["Recently watched"]
        file = answer.get("file")
        assert file.filename == "taste.png" and embed.image.url == "attachment://taste.png"
        assert file.fp.read().startswith(PNG)
        assert answer.allowed_mentions == {"parse": []}
    finally:
        await world.stop()


async def test_an_empty_profile_explains_how_to_start_and_draws_nothing(world):
    interaction = world.interaction(world.member("ana"))
    cog = world.cog("Profile")
    await cog.profile.callback(cog, interaction)
    answer = interaction.calls[-1]
    assert answer.ephemeral and answer.get("file") is None
    assert "/import" in answer.embeds[0].description


async def test_import_a_letterboxd_ratings_csv(world):
    ana = world.member("ana")
    data = csv_bytes(
        ("Date", "Name", "Year", "Letterboxd URI", "Rating"),
        ("2024-03-01", "Se7en", 1995, "https://boxd.it/a", 4.5),
        ("2024-03-02", "Heat", 1995, "https://boxd.it/b", 3),
        ("2024-03-03", "A Film Nobody Made", 2001, "https://boxd.it/c", 2),
    )
    interaction = world.interaction(ana)
    cog = world.cog("Profile")
    await cog.import_.callback(cog, interaction, file=attachment(world, "ratings.csv", data), source=None)
    assert interaction.ephemeral
    [answer] = interaction.answers()
    assert answer.kind == "edit_original_response"
    assert "Letterboxd: 2 ratings and 2 watched films" in answer.content
    assert "Skipped 1 of 3 rows" in answer.content and "A Film Nobody Made (2001): not in the catalog" in answer.content
    assert world.profiles.ratings(key(ana)) == {"se7en-1995": 4.5, "heat-1995": 3.0}
    assert world.profiles.has_watched(key(ana), "heat-1995")


async def test_import_an_imdb_export_is_detected_from_its_header(world):
    ana = world.member("ana")
    data = csv_bytes(
        ("Const", "Your Rating", "Date Rated", "Title", "Year"), ("tt0468569", 9, "2024-01-05", "The Dark Knight", 2008)
    )
    interaction = world.interaction(ana)
    cog = world.cog("Profile")
    await cog.import_.callback(cog, interaction, file=attachment(world, "ratings.csv", data), source=None)
    assert interaction.answers()[0].content.startswith("Imported from IMDb: 1 rating and 1 watched film.")
    assert world.profiles.ratings(key(ana)) == {"the-dark-knight-2008": 4.5}


async def test_import_a_letterboxd_export_zip(world):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "watched.csv",
            csv_bytes(("Date", "Name", "Year", "Letterboxd URI"), ("2024-01-01", "Amélie", 2001, "u")).decode(),
        )
    ana = world.member("ana")
    interaction = world.interaction(ana)
    cog = world.cog("Profile")
    await cog.import_.callback(
        cog, interaction, file=attachment(world, "letterboxd-ana.zip", buffer.getvalue()), source="letterboxd"
    )
    assert "0 ratings and 1 watched film." in interaction.answers()[0].content
    assert world.profiles.has_watched(key(ana), "amelie-2001")


async def test_an_unreadable_file_gets_a_friendly_reason_and_writes_nothing(world):
    ana = world.member("ana")
    interaction = world.interaction(ana)
    cog = world.cog("Profile")
    await cog.import_.callback(cog, interaction, file=attachment(world, "notes.csv", b"what,ever\n1,2\n"), source=None)
    [answer] = interaction.answers()
    assert answer.content.startswith("I couldn't read that file") and "not a Letterboxd export file" in answer.content
    assert "moviebot-import-" not in answer.content  # no server paths leak
    assert world.profiles.ratings(key(ana)) == {} and world.profiles.watched(key(ana)) == []


def test_format_detection(tmp_path):
    def written(name: str, data: bytes):
        path = tmp_path / name
        path.write_bytes(data)
        return path

    assert detect_format(written("x.zip", b"")) == "letterboxd"
    assert detect_format(written("ratings.csv", b'\xef\xbb\xbf"Const","Your Rating"\n')) == "imdb"
    assert detect_format(written("diary.csv", b"Date,Name,Year,Letterboxd URI,Rating\n")) == "letterboxd"


async def test_forget_asks_first_and_then_deletes_everything(world):
    ana, bob = world.member("ana"), world.member("bob")
    world.profiles.rate(key(ana), "se7en-1995", 5.0)
    world.profiles.add_watched(key(ana), "heat-1995")
    world.profiles.rate(key(bob), "se7en-1995", 2.0)
    world.ranker.learn(key(ana), {}, 1.0)
    interaction = world.interaction(ana)
    cog = world.cog("Profile")
    await cog.forget.callback(cog, interaction)
    [question] = interaction.calls
    assert question.ephemeral and "can't be undone" in question.content
    view: ForgetConfirm = question.view
    assert world.profiles.ratings(key(ana))  # nothing deleted before the confirmation
    assert not await press(view, view.confirm, world.interaction(bob, type=discord.InteractionType.component))
    assert world.profiles.ratings(key(ana))
    click = world.interaction(ana, type=discord.InteractionType.component)
    await press(view, view.confirm, click)
    [done] = click.calls
    assert done.kind == "edit_message" and done.content.startswith("Done") and done.get("view") is None
    assert (
        done.content == "Done: I deleted everything I knew about you (1 rating, 1 watched film)."
    )  # was "1 ratings, 1 memberships"
    assert world.profiles.ratings(key(ana)) == {} and world.profiles.watched(key(ana)) == []
    assert world.profiles.ratings(key(bob)) == {"se7en-1995": 2.0}
    assert world.ranker.user_model(key(ana)).n == 0  # the in-memory model is gone too
    world.ranker.save()
    assert world.profiles.load_model(f"user:{key(ana)}") is None


async def test_export_hands_over_what_forget_would_delete_as_a_file_import_takes_back(world):
    """Before: Discord had /forget but no /export; only the terminal and the HTTP API gave the data."""
    ana, bob = world.member("ana"), world.member("bob")
    world.profiles.rate(key(ana), "se7en-1995", 4.5)
    world.profiles.add_watched(key(ana), "heat-1995", at="2024-05-31")
    world.profiles.dismiss(key(ana), "the-shining-1980")
    world.profiles.rate(key(bob), "se7en-1995", 2.0)
    interaction = world.interaction(ana)
    cog = world.cog("Profile")
    await cog.export.callback(cog, interaction)
    defer, answer = interaction.calls
    assert defer.kind == "defer" and interaction.ephemeral and answer.ephemeral
    assert "(1 rating, 1 watched film, 1 dismissed film)" in answer.content and "/import" in answer.content
    file = answer.get("file")
    assert file.filename == "moviebot-export.json"
    data = file.fp.read()
    stored = json.loads(data)
    assert [r["movie_id"] for r in stored["ratings"]] == ["se7en-1995"] and stored["ratings"][0]["stars"] == 4.5
    assert {r["user"] for r in stored["ratings"]} == {key(ana)}  # bob's rating is not in it

    world.service.forget(key(ana))
    said = await import_answer(world, ana, "moviebot-export.json", data)
    assert said.startswith("Imported from moviebot"), said
    assert world.profiles.ratings(key(ana)) == {"se7en-1995": 4.5}
    assert world.profiles.watched_row(key(ana), "heat-1995")["watched_at"].startswith("2024-05-31")
    assert "the-shining-1980" in world.profiles.dismissed(key(ana))


async def test_export_of_nothing_says_so_rather_than_sending_an_empty_file(world):
    interaction = world.interaction(world.member("zoe"))
    cog = world.cog("Profile")
    await cog.export.callback(cog, interaction)
    answer = interaction.calls[-1]
    assert answer.content == "I have nothing stored about you, so there is nothing to export."
    assert answer.get("file") is None


async def test_forget_can_be_cancelled(world):
    ana = world.member("ana")
    world.profiles.rate(key(ana), "se7en-1995", 5.0)
    interaction = world.interaction(ana)
    cog = world.cog("Profile")
    await cog.forget.callback(cog, interaction)
    view = interaction.calls[0].view
    click = world.interaction(ana, type=discord.InteractionType.component)
    await press(view, view.cancel, click)
    assert click.calls[0].content == "Nothing was deleted."
    assert world.profiles.ratings(key(ana)) == {"se7en-1995": 5.0}


async def import_answer(world: DiscordWorld, member, filename: str, data: bytes) -> str:
    interaction = world.interaction(member)
    cog = world.cog("Profile")
    await cog.import_.callback(cog, interaction, file=attachment(world, filename, data), source=None)
    [answer] = interaction.answers()
    return answer.content


async def test_an_image_sent_to_import_is_named_not_echoed(world):
    """Before: the error quoted the PNG's header bytes back ("\\x89PNG...") as if a CSV header."""
    ana = world.member("ana")
    answer = await import_answer(world, ana, "poster.png", PNG + bytes(range(256)) * 4)
    assert answer == "That file isn't a CSV export (it looks like a PNG image). Nothing was imported."
    answer = await import_answer(world, ana, "ratings.csv", b"Name,\x00\x01\x02\xff\xfe binary")
    assert answer == "That file isn't a CSV export (it looks like a binary file). Nothing was imported."
    assert world.profiles.ratings(key(ana)) == {} and world.profiles.watched(key(ana)) == []


async def test_a_movielens_file_is_sent_to_the_cli_with_the_users_own_key(world):
    """Before: "say which userId to import", which /import has no way to take."""
    ana = world.member("ana")
    data = csv_bytes(("userId", "movieId", "rating", "timestamp"), (1, 1, 4.0, 964982703))
    answer = await import_answer(world, ana, "ratings.csv", data)
    assert "/import can't tell which are yours" in answer
    assert f"`moviebot import --user {key(ana)} --format movielens --movielens-user N ratings.csv`" in answer
    assert answer.endswith("Nothing was imported.") and world.profiles.ratings(key(ana)) == {}


async def test_an_import_that_stored_nothing_says_so_last(world):
    ana = world.member("ana")
    data = csv_bytes(("Date", "Name", "Year", "Letterboxd URI", "Rating"), ("2024-01-01", "No Such Film", 1999, "u", 3))
    answer = await import_answer(world, ana, "ratings.csv", data)
    assert "Skipped 1 of 1 row:" in answer and answer.endswith("\nNothing was imported.")
    answer = await import_answer(world, ana, "notes.csv", b"what,ever\n1,2\n")
    assert answer.startswith("I couldn't read that file") and answer.count("Nothing was imported.") == 1


async def test_an_import_of_watched_films_only_does_not_speak_of_ratings(world):
    """Before: a watched.csv (no ratings in it) was answered "...your ratings now shape my picks"."""
    data = csv_bytes(("Date", "Name", "Year", "Letterboxd URI"), ("2024-01-01", "Heat", 1995, "u"))
    answer = await import_answer(world, world.member("ana"), "watched.csv", data)
    assert answer == "Imported from Letterboxd: 0 ratings and 1 watched film.\nI won't suggest those again."


async def test_an_import_that_stored_nothing_does_not_open_with_imported(world):
    """Before: "Imported from Letterboxd: 0 ratings and 0 watched films." and, last, "Nothing was imported."."""
    ana = world.member("ana")
    data = csv_bytes(("Date", "Name", "Year", "Letterboxd URI", "Rating"), ("2024-01-01", "No Such Film", 1999, "u", 3),
                     ("2024-01-02", "Se7en", 1995, "u", 9))  # fmt: skip
    answer = await import_answer(world, ana, "ratings.csv", data)
    assert answer.startswith("None of the 2 rows in that Letterboxd file could be imported.\nSkipped 2 of 2 rows:")
    assert "Imported" not in answer and answer.endswith("\nNothing was imported.")
    answer = await import_answer(world, ana, "ratings.csv", b"Date,Name,Year,Letterboxd URI,Rating\n")
    assert answer == "That Letterboxd file has no films in it, only its header.\nNothing was imported."


async def test_a_skipped_row_says_which_line_of_the_file_it_is(world):
    """Before: "• ?: malformed line: a quote (\") is opened and never closed", with no line to look at."""
    data = (b'\xef\xbb\xbfDate,Name,Year,Letterboxd URI,Rating\n2024-01-02,Se7en,1995,u,4\n'
            b'2024-01-03,"Heat,1995,u,4\n2024-01-04,Nope Film,1995,u,3\n')  # fmt: skip
    answer = await import_answer(world, world.member("ana"), "ratings.csv", data)
    assert '• ratings.csv line 3: malformed line: a quote (") is opened and never closed' in answer
    assert "• ratings.csv line 4: Nope Film (1995): not in the catalog" in answer
    assert "moviebot-import-" not in answer and "?" not in answer


async def test_a_file_sent_as_the_wrong_source_says_which_source_to_choose(world):
    """Before: "this looks like a Letterboxd file, not an IMDb ratings export", and no word of how
    to import it (the CLI says "use --format letterboxd")."""
    data = csv_bytes(("Date", "Name", "Year", "Letterboxd URI", "Rating"), ("2024-03-01", "Se7en", 1995, "u", 2))
    interaction = world.interaction(world.member("ana"))
    cog = world.cog("Profile")
    await cog.import_.callback(cog, interaction, file=attachment(world, "ratings.csv", data), source="imdb")
    [answer] = interaction.answers()
    assert "this looks like a Letterboxd file, not an IMDb ratings export" in answer.content
    assert answer.content.endswith(
        "Run `/import` again with source `letterboxd`, or leave source out and I'll tell from the file."
        "\nNothing was imported."
    )
    assert answer.content.count("Nothing was imported.") == 1


async def test_an_export_of_dismissed_films_only_is_not_called_nothing_imported(world):
    """Before: a moviebot export holding only films never to suggest was imported, and answered
    "Imported ...: 0 ratings and 0 watched films. Nothing was imported."."""
    ana = world.member("ana")
    data = json.dumps({"ratings": [], "watched": [], "dismissed": [{"movie_id": "heat-1995"}]}).encode()
    answer = await import_answer(world, ana, "ana.json", data)
    assert answer == (
        "Imported from moviebot: 0 ratings and 0 watched films.\n"
        "1 film you asked never to see again stays off every answer."
    )
    assert "heat-1995" in world.profiles.dismissed(key(ana))


async def test_a_list_saved_as_unicode_text_is_not_called_binary(world):
    """Before: a spreadsheet's UTF-16 "Unicode text" was refused as "it looks like a binary file"."""
    ana = world.member("ana")
    data = "Date,Name,Year,Rating\n2024-03-01,Heat,1995,4.5\n".encode("utf-16")
    answer = await import_answer(world, ana, "my films.csv", data)
    assert answer.startswith("Imported from Letterboxd: 1 rating and 1 watched film.")
    assert world.profiles.ratings(key(ana)) == {"heat-1995": 4.5}


async def test_forgetting_someone_nothing_is_known_about_says_so_plainly(world):
    """Before: "Done: I deleted everything I knew about you (there was nothing stored).", both at once."""
    ana = world.member("ana")
    interaction = world.interaction(ana)
    cog = world.cog("Profile")
    await cog.forget.callback(cog, interaction)
    view = interaction.calls[0].view
    click = world.interaction(ana, type=discord.InteractionType.component)
    await press(view, view.confirm, click)
    assert click.calls[0].content == "I had nothing stored about you, so there was nothing to delete."


async def test_an_export_with_a_film_given_only_a_thumb_says_it_is_not_marked_watched(world):
    """Before: the 👍'd film came back watched, and "1 rating and 1 watched film" counted it so."""
    ana = world.member("ana")
    data = json.dumps({"ratings": [{"movie_id": "heat-1995", "stars": 4.5, "source": "feedback:like"}],
                       "watched": []}).encode()  # fmt: skip
    answer = await import_answer(world, ana, "ana.json", data)
    assert answer == (
        "Imported from moviebot: 1 rating and 0 watched films.\n"
        "1 film you gave only a 👍 or 👎 is rated, not marked watched.\n"
        "I won't suggest those again, and your ratings now shape my picks."
    )
    assert not world.profiles.has_watched(key(ana), "heat-1995")


async def test_a_moviebot_export_with_no_films_is_not_said_to_have_a_header(world):
    """Before: "That moviebot file has no films in it, only its header." of a JSON export, which has none."""
    ana = world.member("ana")
    data = json.dumps({"ratings": [], "watched": []}).encode()
    answer = await import_answer(world, ana, "ana.json", data)
    assert answer == "That moviebot export lists no films.\nNothing was imported."

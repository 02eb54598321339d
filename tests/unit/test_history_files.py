"""What Discord's /import and a file shared with the Slack app refuse, said in the same words."""

from __future__ import annotations

from bot.history_files import MAX_IMPORT_BYTES, not_an_export, too_big


def test_a_file_just_over_the_limit_is_not_said_to_be_the_limit():
    """Before: "That file is 25 MB; I take exports up to 25 MB." for a file one byte over."""
    assert too_big(MAX_IMPORT_BYTES) is None
    assert too_big(MAX_IMPORT_BYTES + 1) == "That file is 25.1 MB; I take exports up to 25 MB."
    assert too_big(30 * 1024 * 1024) == "That file is 30 MB; I take exports up to 25 MB."


def test_images_and_binary_files_are_named_never_echoed():
    assert not_an_export(b"%PDF-1.7\n" + bytes(40), "discord:1").startswith(
        "That file isn't a CSV export (it looks like a PDF document)."
    )
    assert "a binary file" in not_an_export(b"\x01\x00\x02" * 10, "discord:1")
    assert not_an_export(b"Date,Name,Year,Letterboxd URI\n", "discord:1") is None


def test_a_zip_named_otherwise_is_imported_as_the_zip_it_is(tmp_path):
    """A Letterboxd export attached as "letterboxd-export" was read as a CSV: "not a Letterboxd ratings.csv
    (its columns: PK...)", the archive's bytes in the message."""
    from bot.history_files import ZIP, import_file

    seen = []

    class Service:
        def import_history(self, user, path, source):
            seen.append((path.name, path.read_bytes()[:4]))

    import_file(Service(), "discord:1", "letterboxd-export", ZIP + b"rest", None)
    import_file(Service(), "discord:1", "ratings.csv", b"Date,Name,Year\n", None)
    assert seen == [("letterboxd-export.zip", ZIP), ("ratings.csv", b"Date")]


def test_a_file_imported_again_says_its_films_were_already_there():
    """Discord, Slack and the API said "None of the 2 rows in that Letterboxd file could be imported"
    of a file imported before, as if its rows were bad."""
    from bot.history_files import report_lines
    from store.history_import import ImportReport

    again = ImportReport(format="letterboxd", rows=2, already=2)
    assert report_lines(again) == [
        "Nothing new in that Letterboxd file: its 2 films were already on your list, rated the same."
    ]
    some = ImportReport(format="letterboxd", rows=3, rated=1, watched=1, already=2)
    assert "2 films were already on your list, rated the same: left as they were." in report_lines(some)


def test_a_dismissal_a_file_held_again_is_said_to_be_there_already():
    """A moviebot export imported again over Discord said "1 film you asked never to see again stays off
    every answer" as if new, or, once counted as there, nothing of it at all."""
    from bot.history_files import report_lines
    from store.history_import import ImportReport

    again = ImportReport(format="moviebot", rows=3, already=2, already_dismissed=1)
    assert report_lines(again) == [
        "Nothing new in that moviebot file: its 2 films were already on your list, rated the same, and 1 film you "
        "asked never to see again was already kept off every answer."
    ]
    some = ImportReport(format="moviebot", rows=3, rated=1, watched=1, already_dismissed=2)
    assert "2 films you asked never to see again were already kept off every answer." in report_lines(some)

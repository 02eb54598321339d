"""`moviebot rate | watched | profile | import | user`: a user's ratings and history from the
command line, through the service (so a rating marks the film watched here as everywhere)."""

from __future__ import annotations

import argparse
import re
import shlex
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from agent.service_types import ServiceError, forgotten
from agent.typed_stars import FORMS, stars_at_end, stars_typed
from agent.watched_said import added_said, since
from bot.cli.base import UserError, counted, emit_json, open_service, user_key
from bot.history_files import already_there, kept_off
from bot.settings import Settings

SHOWN_SKIPPED = 20
FORMAT_NAMES = {"letterboxd": "Letterboxd", "imdb": "IMDb", "movielens": "MovieLens", "moviebot": "moviebot"}


def register(sub, eval_sub, common: argparse.ArgumentParser) -> None:
    """rate, watched, profile, import and user."""
    from store.history_import import FORMATS

    def with_user(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
        parser.add_argument("--user", default="me", help='whose profile (default "me"; "discord:1234" for a bot user)')
        return parser

    p = with_user(sub.add_parser("rate", parents=[common], help="rate a film, 0.5 to 5 stars (marks it watched)"))
    p.add_argument(
        "words",
        nargs="+",
        metavar="WORD",
        help=f"one film's title in any number of words, then its stars (0.5 to 5: {FORMS}): Heat 1995 4.5",
    )
    p.set_defaults(run=cmd_rate)

    watched = sub.add_parser("watched", help="your watch history: add, remove, list")
    actions = watched.add_subparsers(dest="action", required=True)
    for action, text in (("add", "mark a film watched"), ("remove", "unmark a film"), ("list", "what you watched")):
        p = with_user(actions.add_parser(action, parents=[common], help=text))
        if action != "list":
            p.add_argument(
                "title",
                nargs="+",
                metavar="WORD",
                help="one film's title, in any number of words (add a year to pick between remakes)",
            )
        if action == "add":
            p.add_argument("--rating", help=f"stars to give it as well, 0.5 to 5: {FORMS}")
            p.add_argument("--date", help="the day you watched it, YYYY-MM-DD (a film already listed keeps its day "
                                          "unless you give one)")  # fmt: skip
        p.set_defaults(run=cmd_watched)

    p = with_user(sub.add_parser("profile", parents=[common], help="your taste as moviebot sees it"))
    p.add_argument("--chart", type=Path, metavar="PATH.png", help="also draw genre and decade affinities")
    p.set_defaults(run=cmd_profile)

    p = with_user(sub.add_parser("import", parents=[common], help="import ratings and history from elsewhere"))
    p.add_argument("--format", choices=FORMATS,
                   help="where the files were exported from (README: Your profile and history), told from the "
                        "first file when left out; a list of your own is letterboxd, with the header "
                        "Date,Name,Year,Rating")  # fmt: skip
    p.add_argument("paths", nargs="+", metavar="FILE", help="export files, folder (or Letterboxd zip)")
    p.add_argument("--movielens-user", metavar="N", help="the MovieLens userId to import as --user")
    p.add_argument("--all-users", action="store_true", help="MovieLens: every userId N becomes user PREFIX+N")
    p.add_argument("--user-prefix", metavar="P", help='with --all-users, e.g. "ml:" makes users ml:1, ml:2...')
    p.set_defaults(run=cmd_import)

    p = with_user(sub.add_parser("user", parents=[common], help="everything stored about a user: export or forget"))
    p.add_argument("action", choices=["export", "forget"], help="export: print it all as JSON; forget: delete it all")
    p.add_argument("--yes", action="store_true", help="forget without asking")
    p.set_defaults(run=cmd_user)


@contextmanager
def _service(args: argparse.Namespace, settings: Settings) -> Iterator:
    """The service without conversation memory or the learning re-ranker, which these commands never use."""
    app = open_service(args, settings, memory=False, learning=False)
    try:
        yield app.service
    finally:
        app.close()


def _movie_json(movie_id: str, service) -> dict:
    movie = service.catalog.movies[movie_id]
    return {"id": movie.id, "title": movie.title, "year": movie.year}


# -- rate and watched ----------------------------------------------------------------------------


def cmd_rate(args: argparse.Namespace, settings: Settings) -> int:
    words = " ".join(args.words).split()  # 'rate "Heat 1995 4"', quoted whole, was "give ... and then its stars"
    if len(words) < 2:
        raise UserError("give one film's title and then its stars, e.g. moviebot rate Heat 1995 4.5")
    title, stars = stars_at_end(" ".join(words)) or (" ".join(words[:-1]), words[-1])  # "Heat four stars"
    user = user_key(args.user)
    with _service(args, settings) as service:
        if film := service.numbered_film(" ".join(words)):  # "rate Toy Story 3" rated Toy Story 3 stars
            raise UserError(f"{film} ends in its number: give its stars after it, e.g. "
                            f"moviebot rate {' '.join(words)} 4")  # fmt: skip
        if film := _film_without_stars(service, " ".join(words), stars):
            raise UserError(f"how many stars for {film}? Give them after the title, e.g. "
                            f"moviebot rate {' '.join(words)} 4")  # fmt: skip
        rated = service.rate(user, title, stars)
        movie = _movie_json(rated.movie_id, service)
    if args.json:
        emit_json({"user": user, **movie, "stars": rated.stars, **_noted(rated.note)})
    else:
        print(" ".join(filter(None, [f"Rated {rated.label} {rated.stars:g}/5 for {user} and marked it watched.",
                                      rated.note])))  # fmt: skip
    return 0


def _film_without_stars(service, text: str, stars: str) -> str | None:
    """The film the whole of `text` names when its last word is no grade: `rate The Matrix` was
    answered "stars must be ..., got 'Matrix'", as if the title's last word were its stars."""
    if any(c.isdigit() or c in "★⭐½" for c in stars):
        return None
    try:
        stars_typed(stars)
        return None
    except ValueError:
        pass
    try:
        return service.resolve(text).label
    except ServiceError:
        return None


def _noted(note: str) -> dict:
    """The JSON's "note": which film a typed title was taken for, when another was likely meant."""
    return {"note": note} if note else {}


def cmd_watched(args: argparse.Namespace, settings: Settings) -> int:
    user = user_key(args.user)
    if args.action == "list":
        return _watched_list(args, settings, user)
    text = " ".join(args.title)
    with _service(args, settings) as service:
        if args.action == "add":
            done = service.watched_add(user, text, getattr(args, "rating", None), on=getattr(args, "date", None))
            movie_id, label, stars, note = done.movie_id, done.label, done.stars, done.note
        else:
            removed = service.watched_remove(user, text)
            movie_id, label, stars, note = removed.movie_id, removed.label, None, removed.note
            if not removed:
                raise UserError(" ".join(filter(None, [f"{label} is not in {user}'s watched list", note])))
        movie = _movie_json(movie_id, service)
    if args.json:
        listed = {"already_listed": done.was_listed, "watched_at": done.at} if args.action == "add" else {}
        emit_json({"user": user, "action": args.action, **movie, "stars": stars, **listed, **_noted(note)})
        return 0
    if args.action == "add" and done.was_listed and done.on is None:  # its day kept, and said
        given = getattr(args, "rating", None) is not None
        said = added_said(label, was_listed=True, before=done.before, on=None, stars=stars, given=given,
                          reaction=done.reaction, whose=f"{user}'s")  # fmt: skip
    elif args.action == "add":
        rated = f", rated {done.given}" if stars is not None else ""
        day = f" on {done.on.date().isoformat()}" if done.on is not None else ""
        was = f" (it was listed {since(done.before)})" if done.was_listed else ""
        said = f"Marked {label} as watched{day}{rated} for {user}{was}."
    elif removed.was_listed:
        dropped = f" and its {removed.dropped}" if removed.stars is not None else ""
        said = f"Removed {label}{dropped} from {user}'s watched list."
    else:
        said = f"{label} wasn't on {user}'s watched list; dropped its {removed.dropped}."
    print(" ".join(filter(None, [said, note])))
    return 0


def _watched_list(args: argparse.Namespace, settings: Settings, user: str) -> int:
    with _service(args, settings) as service:
        items = service.watched_list(user)
        titles = {item.movie_id: getattr(service.catalog.get(item.movie_id), "title", item.label) for item in items}
    if args.json:
        emit_json([
            {"id": item.movie_id, "title": titles[item.movie_id], "year": item.year, "watched_at": item.at,
             "source": item.source, "stars": item.stars}
            for item in items
        ])  # fmt: skip
        return 0
    if not items:
        print(f"Nothing in {user}'s watched list yet.")
        return 0
    for item in items:
        stars = f"  {item.given}" if item.stars is not None else ""
        print(f"{item.at[:10] if item.at else 'undated':<10}  {item.label}{stars}")
    print(f"{len(items)} watched.")
    return 0


# -- profile -------------------------------------------------------------------------------------


def cmd_profile(args: argparse.Namespace, settings: Settings) -> int:
    user = user_key(args.user)
    with _service(args, settings) as service:
        summary = service.profile(user)
        if args.chart is not None and summary.is_empty:  # as over HTTP: no empty picture passed off as a chart
            raise UserError(f"{user} has no ratings yet, so there is no chart to draw; {args.chart} was not written")
        chart = service.profile_chart(user) if args.chart is not None else None
    if args.chart is not None:
        if chart is None:
            raise UserError("cannot draw the chart: matplotlib is not installed")
        try:
            args.chart.write_bytes(chart)
        except OSError as exc:
            raise UserError(f"{args.chart}: cannot write the chart: {exc.strerror or exc}") from None
    genres = sorted(summary.genres.items(), key=lambda kv: (-kv[1], kv[0]))  # ties by name, as the summary
    decades = sorted(summary.decades.items(), key=lambda kv: -kv[1])
    if args.json:
        emit_json({
            "user": user, "rated": summary.rated, "watched": summary.watched, "dismissed": summary.dismissed,
            "summary": summary.summary,
            "genres": {g: round(a, 3) for g, a in genres},
            "decades": {str(d): round(a, 3) for d, a in decades},
            "chart": str(args.chart) if args.chart else None,
        })  # fmt: skip
        return 0
    print(f"{user}: {summary.rated} rated, {summary.watched} watched, {summary.dismissed} dismissed")
    print(summary.summary)
    if summary.is_empty:  # "No ratings yet." alone left a new user with nowhere to go
        who = f"--user {shlex.quote(args.user)}"
        print(f"Rate a film you've seen (moviebot rate {who} Heat 1995 4) or import your Letterboxd or IMDb "
              f"history (moviebot import {who} FILE), and your taste shows here.")  # fmt: skip
    if genres:
        print("Genre affinity: " + ", ".join(f"{g} {a:+.2f}" for g, a in _top_and_bottom(genres, 5, 2)))
    if decades:
        print("Decade affinity: " + ", ".join(f"{d}s {a:+.2f}" for d, a in _top_and_bottom(decades, 3, 2)))
    if args.chart is not None:
        print(f"Chart written to {args.chart}")
    return 0


def _top_and_bottom(items: list, top: int, bottom: int) -> list:
    """Best first; the least liked too when there are more than fit at the top (the same ones the
    summary's "Less keen on" names first, ties by name)."""
    if len(items) <= top + bottom:
        return items
    least = sorted(items[top:], key=lambda kv: (kv[1], kv[0]))[:bottom]
    return items[:top] + sorted(least, key=lambda kv: (-kv[1], kv[0]))


# -- import --------------------------------------------------------------------------------------


def cmd_import(args: argparse.Namespace, settings: Settings) -> int:
    from store.history_import import ForeignFile, SourceError, detect_format

    if args.format is None:  # told from the file, as Discord's /import does: it was "required: --format"
        try:
            args.format = detect_format(Path(args.paths[0]))
        except SourceError as exc:
            raise UserError(f"{exc}\nNothing was imported.") from None
    if args.format != "movielens" and (args.movielens_user or args.all_users):
        raise UserError("--movielens-user and --all-users go with --format movielens")
    if args.all_users and not args.user_prefix:
        raise UserError('--all-users needs --user-prefix, e.g. --user-prefix "ml:" makes users ml:1, ml:2...')
    if args.user_prefix and not args.all_users:
        raise UserError("--user-prefix goes with --all-users")
    if args.all_users and args.movielens_user:
        raise UserError("give either --movielens-user N or --all-users, not both")
    if args.format == "movielens" and not args.all_users and args.movielens_user is None:
        raise UserError(
            "a MovieLens ratings.csv holds many users: pick one with --movielens-user N (imported as --user), "
            "or import them all with --all-users --user-prefix P"
        )
    if args.user_prefix and not _makes_user_keys(args.user_prefix):
        raise UserError(
            f'--user-prefix must be a lower-case platform and a colon, e.g. "ml:", got {args.user_prefix!r}'
        )
    user = None if args.all_users else user_key(args.user)
    with _service(args, settings) as service:
        try:
            report = service.import_history(user, [Path(p) for p in args.paths], args.format,
                                            movielens_user=args.movielens_user, user_prefix=args.user_prefix,
                                            progress=_progress_line)  # fmt: skip
        except ServiceError as exc:
            foreign = exc.__cause__ if isinstance(exc.__cause__, ForeignFile) else None
            if foreign is not None and foreign.looks_like:  # another export than --format says
                raise UserError(f"{foreign}: use --format {foreign.looks_like}\nNothing was imported.") from None
            if foreign is not None and args.format != "letterboxd":  # a hand-made list: the command that imports it
                whose = f" --user {shlex.quote(args.user)}" if user is not None else ""
                files = " ".join(shlex.quote(p) for p in args.paths)
                raise UserError(
                    f"{exc.message}\nWith such a header: moviebot import{whose} --format letterboxd {files}"
                ) from None
            raise
        _report_import(args, user, report)  # before the stores close: a Ctrl-C then loses no word of it
    if report.rows and len(report.skipped) == report.rows:  # a script must not read "0 films" as done
        print("moviebot: nothing could be imported: every row was skipped (see above)", file=sys.stderr)
        return 1
    if not report.rows:  # "Imported ... 0 films (0 rated) from 0 rows." read as done
        print(f"moviebot: nothing was imported: {_no_rows(args)}", file=sys.stderr)
        return 1
    return 0


def _no_rows(args: argparse.Namespace) -> str:
    """Why an import read no rows at all: a moviebot export that lists no films, or files with their header alone."""
    names = [Path(p).name for p in args.paths]
    if args.format == "moviebot":
        return f"{', '.join(names)} {'lists' if len(names) == 1 else 'list'} no films"
    if len(names) == 1 and not Path(args.paths[0]).is_dir() and Path(args.paths[0]).suffix.lower() != ".zip":
        return f"{names[0]} has only its header, no rows"
    return f"the files in {', '.join(names)} have only their headers, no rows"


def _progress_line(said: str) -> None:
    """How far a long import has got, on stderr, so a pipe of --json output stays clean."""
    print(f"moviebot: import: {said}...", file=sys.stderr, flush=True)


def _report_import(args: argparse.Namespace, user: str | None, report) -> None:
    if args.json:
        emit_json(report.to_dict())
        return
    if not report.rows:  # nothing read: cmd_import says so, and "Imported" would not be true
        return
    if user is not None:
        done = f"for {user}: {counted(report.watched + report.rated_only, 'film')} ({report.rated:,} rated)"
    else:  # one entry per (user, film)
        done = f"for {counted(len(report.users), 'user')}: {report.watched:,} watched films, {report.rated:,} rated"
    films, were = counted(report.already, "film"), "was" if report.already == 1 else "were"
    new = report.watched or report.rated_only or report.dismissed or report.rated
    if (report.already or report.already_dismissed) and not new:
        whose = f" for {user}" if user is not None else ""
        there = already_there(report, "the list")
        print(f"Nothing new in that {FORMAT_NAMES[args.format]} history{whose}: {there}, so none was imported twice.")
    else:
        print(f"Imported {FORMAT_NAMES[args.format]} history {done} from {counted(report.rows, 'row')}.")
        if report.already:
            they = "it" if report.already == 1 else "they"
            print(f"{films} {were} already on the list, rated the same: left as {they} {were}.")
        if report.already_dismissed:
            print(f"{kept_off(report.already_dismissed).capitalize()}.")
    if report.rated_only:  # a 👍 alone never said the film was seen
        are = "is" if report.rated_only == 1 else "are"
        print(f"{counted(report.rated_only, 'film')} you gave only a 👍 or 👎 {are} rated, not marked watched.")
    if report.dismissed:
        stay = "stays" if report.dismissed == 1 else "stay"
        print(f"{counted(report.dismissed, 'film')} you asked never to see again {stay} off every answer.")
    if report.kept:
        print(f"Kept the rating you gave here of {counted(report.kept, 'film')}: the file's is older, or undated.")
    skipped = report.skipped
    if skipped:
        print(f"{counted(len(skipped), 'row')} not imported ({len(report.unmatched):,} not in the catalog, "
              f"{len(report.ambiguous):,} ambiguous, {len(report.invalid):,} invalid):")  # fmt: skip
        for row in skipped[:SHOWN_SKIPPED]:
            also = f" ({'; '.join(row.alternatives)})" if row.alternatives else ""
            print(f"  {row}{also}")
        if len(skipped) > SHOWN_SKIPPED:
            print(f"  ...and {len(skipped) - SHOWN_SKIPPED:,} more (--json lists them all)")
        if report.ambiguous:
            print(_ambiguous_hint(report.ambiguous, f" --user {args.user}" if user is not None else ""))


def _ambiguous_hint(ambiguous: list, whose: str) -> str:
    """How to add a film an ambiguous row left out, shown on the first of them: "Add the one you mean
    of an ambiguous row with: moviebot watched add ID or TITLE YEAR" was a template, not an example."""
    first = next((row for row in ambiguous if row.alternatives), None)
    if first is None:
        return f"Add the film you meant by an ambiguous row with: moviebot watched add{whose} TITLE YEAR"
    typed = re.sub(r"\s*\((\d{4})\)$", r" \1", first.alternatives[0])  # "Godzilla (1998)" -> "Godzilla 1998"
    return (f"Add the film you meant by an ambiguous row with its title and year, e.g. "
            f"moviebot watched add{whose} {typed} (or moviebot rate{whose} {typed} 4 to give its stars).")  # fmt: skip


def _makes_user_keys(prefix: str) -> bool:
    from store.profiles import split_user_key

    try:
        split_user_key(f"{prefix}1")
    except ValueError:
        return False
    return True


# -- user export / forget ------------------------------------------------------------------------


def cmd_user(args: argparse.Namespace, settings: Settings) -> int:
    user = user_key(args.user)
    if args.action == "export":
        app = open_service(args, settings, learning=False)  # with conversation memory: the export holds the chats
        try:
            stored = app.service.export(user)
        finally:
            app.close()
        if stored.get("user") is None and not any(v for v in stored.values() if isinstance(v, list)):
            # as GET /v1/users/{user}/export answers 404: an empty export, exit 0, hid a name typed wrong
            raise UserError(f"there is no user {user}: nothing is stored about them, so there is nothing to export")
        emit_json(stored)
        return 0
    if not args.yes:
        if not sys.stdin.isatty():
            raise UserError(f"forgetting {user} cannot be undone: add --yes to confirm")
        answer = input(f"Forget everything moviebot knows about {user}, conversations included? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing was deleted.")
            return 1
    app = open_service(args, settings)  # with conversation memory, which forgetting clears
    try:
        counts = app.service.forget(user)
    finally:
        app.close()
    if not any(counts.values()):  # as DELETE /v1/users/{user} answers 404: "Forgot cli:zoe: nothing" read as done
        raise UserError(f"there is no user {user}: nothing is stored about them, so nothing was deleted")
    if args.json:
        emit_json({"user": user, "deleted": counts})
    else:
        deleted = forgotten(counts) or "only their user record"  # seen, yet nothing rated or shown
        print(f"Forgot {user}: {deleted}; conversation memory cleared.")
    return 0

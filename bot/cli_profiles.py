"""`moviebot rate | watched | profile | import | user`: a user's ratings and history from the
command line. See bot.cli.FEATURE_MODULES.

These commands only read the catalog and write the profile store, so they open those two and
not the recommender (no graph, no embedding model); `user forget` is the exception, since the
recommender's hook is what deletes conversation memory.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.cli import UserError, command, emit_json, open_app, runtime, user_key
from bot.settings import Settings

SHOWN_SKIPPED = 20
MIN_TITLE_SCORE = 90.0
_TRAILING_YEAR = re.compile(r"[\s,]*\(?\b(18[89]\d|19\d\d|20\d\d)\)?\s*$")
FORMAT_NAMES = {"letterboxd": "Letterboxd", "imdb": "IMDb", "movielens": "MovieLens"}


def add_parsers(sub, eval_sub, common: argparse.ArgumentParser) -> None:
    """rate, watched, profile, import and user."""
    from store.history_import import FORMATS

    def with_user(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
        parser.add_argument("--user", default="me", help='whose profile (default "me"; "discord:1234" for a bot user)')
        return parser

    p = with_user(sub.add_parser("rate", parents=[common], help="rate a film, 0.5 to 5 stars"))
    p.add_argument("title_stars", nargs="+", metavar="TITLE STARS", help='e.g.  Heat 1995 4.5  or  "The Matrix" 5')

    watched = sub.add_parser("watched", help="your watch history: add, remove, list")
    actions = watched.add_subparsers(dest="action", required=True)
    for action, text in (("add", "mark a film watched"), ("remove", "unmark a film"), ("list", "what you watched")):
        p = with_user(actions.add_parser(action, parents=[common], help=text))
        if action != "list":
            p.add_argument("title", nargs="+", help="the film (add a year to pick between remakes)")
        if action == "add":
            p.add_argument("--rating", help="stars to give it as well, 0.5 to 5")

    p = with_user(sub.add_parser("profile", parents=[common], help="your taste as moviebot sees it"))
    p.add_argument("--chart", type=Path, metavar="PATH.png", help="also draw genre and decade affinities")

    p = with_user(sub.add_parser("import", parents=[common], help="import ratings and history from elsewhere"))
    p.add_argument("--format", required=True, choices=FORMATS)
    p.add_argument("paths", nargs="+", metavar="FILE", help="export files, folder (or Letterboxd zip)")
    p.add_argument("--movielens-user", metavar="N", help="the MovieLens userId to import as --user")
    p.add_argument("--all-users", action="store_true", help="MovieLens: every userId N becomes user PREFIX+N")
    p.add_argument("--user-prefix", metavar="P", help='with --all-users, e.g. "ml:" makes users ml:1, ml:2...')

    p = with_user(sub.add_parser("user", parents=[common], help="everything stored about a user: export or forget"))
    p.add_argument("action", choices=["export", "forget"])
    p.add_argument("--yes", action="store_true", help="forget without asking")


@contextmanager
def _history(args: argparse.Namespace, settings: Settings) -> Iterator[tuple]:
    """The catalog and the profile store, without the recommender."""
    from store.profiles import ProfileStore

    home, _, catalog = runtime(args, settings)
    profiles = ProfileStore(home.state_db_path)
    try:
        yield catalog, profiles
    finally:
        profiles.close()
        catalog.close()


def resolve(catalog, text: str):
    """The one film meant by a typed title, or a UserError that says what to type instead."""
    text = " ".join(text.split())
    if not text:
        raise UserError("which film? give its title")
    match = catalog.resolve_title(text)
    if match is None or match.score < MIN_TITLE_SCORE:
        close = [catalog.movies[match.movie_id].label] if match is not None else []
        for query in (text, _TRAILING_YEAR.sub("", text)):
            close += [m.label for m in catalog.suggest_titles(query, limit=5) if query.strip()]
        close = list(dict.fromkeys(close))[:5]
        hint = f"; did you mean: {'; '.join(close)}?" if close else ""
        raise UserError(f"no film called {text!r} in the catalog{hint}")
    if match.ambiguous:
        options = [catalog.movies[match.movie_id].label, *(label for _, label in match.alternatives)]
        example = catalog.movies[match.movie_id]
        raise UserError(f'{text!r} could be {", ".join(options)}; add the year, e.g. "{example.title} {example.year}"')
    return catalog.movies[match.movie_id]


def parse_stars(text: str | None) -> float | None:
    if text is None:
        return None
    from store.profiles import validate_stars

    try:
        return validate_stars(float(text))
    except ValueError:
        raise UserError(f"stars must be from 0.5 to 5 in steps of 0.5, got {text!r}") from None


def _movie_json(movie) -> dict:
    return {"id": movie.id, "title": movie.title, "year": movie.year}


# -- rate and watched ----------------------------------------------------------------------------


@command("rate")
def cmd_rate(args: argparse.Namespace, settings: Settings) -> int:
    if len(args.title_stars) < 2:
        raise UserError("give the title and then the stars, e.g. moviebot rate Heat 1995 4.5")
    *words, stars_text = args.title_stars
    stars = parse_stars(stars_text)
    user = user_key(args.user)
    with _history(args, settings) as (catalog, profiles):
        movie = resolve(catalog, " ".join(words))
        profiles.add_watched(user, movie.id, source="cli")
        profiles.rate(user, movie.id, stars, source="cli")
    if args.json:
        emit_json({"user": user, **_movie_json(movie), "stars": stars})
    else:
        print(f"Rated {movie.label} {stars:g}/5 for {user}.")
    return 0


@command("watched")
def cmd_watched(args: argparse.Namespace, settings: Settings) -> int:
    user = user_key(args.user)
    if args.action == "list":
        return _watched_list(args, settings, user)
    text = " ".join(args.title)
    stars = parse_stars(getattr(args, "rating", None))
    with _history(args, settings) as (catalog, profiles):
        movie = resolve(catalog, text)
        if args.action == "add":
            profiles.add_watched(user, movie.id, source="cli")
            if stars is not None:
                profiles.rate(user, movie.id, stars, source="cli")
        elif not profiles.remove_watched(user, movie.id):
            raise UserError(f"{movie.label} is not in {user}'s watched list")
    if args.json:
        emit_json({"user": user, "action": args.action, **_movie_json(movie), "stars": stars})
    elif args.action == "add":
        rated = f", rated {stars:g}/5" if stars is not None else ""
        print(f"Marked {movie.label} as watched{rated} for {user}.")
    else:
        print(f"Removed {movie.label} from {user}'s watched list.")
    return 0


def _watched_list(args: argparse.Namespace, settings: Settings, user: str) -> int:
    with _history(args, settings) as (catalog, profiles):
        ratings = profiles.ratings(user)
        items = []
        for row in profiles.watched(user):
            movie = catalog.get(row["movie_id"])
            items.append({
                "id": row["movie_id"], "title": movie.title if movie else row["movie_id"],
                "year": movie.year if movie else None, "watched_at": row["watched_at"], "source": row["source"],
                "stars": ratings.get(row["movie_id"]),
            })  # fmt: skip
    if args.json:
        emit_json(items)
        return 0
    if not items:
        print(f"Nothing in {user}'s watched list yet.")
        return 0
    for item in items:
        label = f"{item['title']} ({item['year']})" if item["year"] else item["title"]
        stars = f"  {item['stars']:g}/5" if item["stars"] is not None else ""
        print(f"{item['watched_at'][:10]}  {label}{stars}")
    print(f"{len(items)} watched.")
    return 0


# -- profile -------------------------------------------------------------------------------------


@command("profile")
def cmd_profile(args: argparse.Namespace, settings: Settings) -> int:
    from agent.profile import build_profile

    user = user_key(args.user)
    with _history(args, settings) as (catalog, profiles):
        ratings = profiles.ratings(user)
        profile = build_profile(user, ratings, profiles.excluded_ids(user), catalog, with_taste=False)
        counts = {"rated": len(ratings), "watched": len(profiles.watched(user)),
                  "dismissed": len(profiles.dismissed(user))}  # fmt: skip
        summary = profile.summary(catalog)
    genres = sorted(profile.genres.items(), key=lambda kv: -kv[1])
    decades = sorted(profile.decades.items(), key=lambda kv: -kv[1])
    if args.chart is not None:
        from bot.charts import profile_chart

        try:
            args.chart.write_bytes(profile_chart(profile))
        except OSError as exc:
            raise UserError(f"{args.chart}: cannot write the chart: {exc.strerror or exc}") from None
    if args.json:
        emit_json({
            "user": user, **counts, "summary": summary,
            "genres": {g: round(a, 3) for g, a in genres},
            "decades": {str(d): round(a, 3) for d, a in decades},
            "chart": str(args.chart) if args.chart else None,
        })  # fmt: skip
        return 0
    print(f"{user}: {counts['rated']} rated, {counts['watched']} watched, {counts['dismissed']} dismissed")
    print(summary)
    if genres:
        print("Genre affinity: " + ", ".join(f"{g} {a:+.2f}" for g, a in _top_and_bottom(genres, 5, 2)))
    if decades:
        print("Decade affinity: " + ", ".join(f"{d}s {a:+.2f}" for d, a in decades[:4]))
    if args.chart is not None:
        print(f"Chart written to {args.chart}")
    return 0


def _top_and_bottom(items: list, top: int, bottom: int) -> list:
    """Best first; the least liked too when there are more than fit at the top."""
    return items if len(items) <= top + bottom else items[:top] + items[-bottom:]


# -- import --------------------------------------------------------------------------------------


@command("import")
def cmd_import(args: argparse.Namespace, settings: Settings) -> int:
    from store.history_import import import_history, read_history
    from store.ingest.base import SourceError

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
    with _history(args, settings) as (catalog, profiles):
        try:
            rows = read_history(args.format, [Path(p) for p in args.paths], movielens_user=args.movielens_user)
            report = import_history(profiles, catalog, rows, user=user, user_prefix=args.user_prefix, fmt=args.format)
        except SourceError as exc:
            raise UserError(f"{exc}\nNothing was imported.") from exc
    if args.json:
        emit_json(report.to_dict())
        return 0
    who = user if user is not None else f"{len(report.users)} users"
    print(
        f"Imported {FORMAT_NAMES[args.format]} history for {who}: {report.watched} films "
        f"({report.rated} rated) from {report.rows} rows."
    )
    skipped = report.skipped
    if skipped:
        print(f"{len(skipped)} rows not imported ({len(report.unmatched)} not in the catalog, "
              f"{len(report.ambiguous)} ambiguous, {len(report.invalid)} invalid):")  # fmt: skip
        for row in skipped[:SHOWN_SKIPPED]:
            also = f" ({'; '.join(row.alternatives)})" if row.alternatives else ""
            print(f"  {row}{also}")
        if len(skipped) > SHOWN_SKIPPED:
            print(f"  ...and {len(skipped) - SHOWN_SKIPPED} more (--json lists them all)")
    return 0


def _makes_user_keys(prefix: str) -> bool:
    from store.profiles import split_user_key

    try:
        split_user_key(f"{prefix}1")
    except ValueError:
        return False
    return True


# -- user export / forget ------------------------------------------------------------------------


@command("user")
def cmd_user(args: argparse.Namespace, settings: Settings) -> int:
    user = user_key(args.user)
    if args.action == "export":
        from store.home import DataDir
        from store.profiles import ProfileStore

        with ProfileStore(DataDir(settings.home).ensure().state_db_path) as profiles:
            emit_json(profiles.export_user(user))
        return 0
    if not args.yes:
        if not sys.stdin.isatty():
            raise UserError(f"forgetting {user} cannot be undone: add --yes to confirm")
        answer = input(f"Forget everything moviebot knows about {user}, conversations included? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing was deleted.")
            return 1
    app = open_app(args, settings)  # its recommender registers the hook that deletes conversation memory
    try:
        counts = app.profiles.forget_user(user)
    finally:
        app.close()
    if args.json:
        emit_json({"user": user, "deleted": counts})
    else:
        deleted = ", ".join(f"{n} {table}" for table, n in counts.items() if n) or "no rows"
        print(f"Forgot {user}: {deleted}; conversation memory cleared.")
    return 0

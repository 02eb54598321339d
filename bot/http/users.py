"""/v1/users/{user}/...: watched films, the taste profile (JSON or a PNG chart), export, import, forget."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response, status

from agent.service import ServiceError
from bot.history_files import NOTHING_IMPORTED, import_file, not_an_export, report_lines, too_big, without_temp_dir
from bot.http.auth import PLATFORM, CurrentTenant, PathUser, Tenant
from bot.http.backend import ServiceBackend
from bot.http.errors import BODY_RESPONSES, ERROR_RESPONSES, NotFound, TooLarge
from bot.http.models import (
    Deleted,
    Error,
    Export,
    ImportReport,
    ProfileResponse,
    RatedResponse,
    SkippedRow,
    WatchedItem,
    WatchedRequest,
)
from bot.http.uploads import BadUpload, uploaded

router = APIRouter(prefix="/v1/users/{user}", tags=["users"], responses=ERROR_RESPONSES)


@router.get("/watched", response_model=list[WatchedItem], summary="Films the user has watched, newest first")
async def watched_list(user: PathUser, tenant: CurrentTenant, backend: ServiceBackend) -> list[WatchedItem]:
    items = await backend.run("watched_list", tenant.user_key(user))
    return [WatchedItem.model_validate(dataclasses.asdict(item)) for item in items]


@router.post(
    "/watched",
    response_model=RatedResponse,
    status_code=status.HTTP_201_CREATED,
    summary="Mark a film watched",
    responses=BODY_RESPONSES,
)
async def watched_add(
    user: PathUser, body: WatchedRequest, tenant: CurrentTenant, backend: ServiceBackend
) -> RatedResponse:
    """`movie` is a catalog id, "Title (Year)" or a title; an ambiguous title answers 422 with
    the `choices` to pick from, an unknown one 404."""
    rated = await backend.run_as(
        tenant, user, lambda service, key: service.watched_add(key, body.movie, stars=body.stars, on=body.on)
    )
    return RatedResponse.model_validate(dataclasses.asdict(rated))


@router.delete(
    "/watched/{movie_id}", status_code=status.HTTP_204_NO_CONTENT, summary="Take a film off the watched list"
)
async def watched_remove(user: PathUser, movie_id: str, tenant: CurrentTenant, backend: ServiceBackend) -> Response:
    """Takes the film off the list with the stars it shows; 404 when it is not on the list (a film
    only liked or disliked through /v1/feedback is not, and its like stays)."""
    if not await backend.run("watched_remove", tenant.user_key(user), movie_id, listed_only=True):
        raise NotFound(f"{movie_id!r} is not on {user}'s watched list.")
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/profile",
    response_model=ProfileResponse,
    summary="Taste profile",
    responses={200: {"content": {"image/png": {}}, "description": "JSON, or a PNG chart with Accept: image/png"}},
)
async def profile(user: PathUser, request: Request, tenant: CurrentTenant, backend: ServiceBackend):
    """With `Accept: image/png`, the chart of how the user rates each genre and decade (404 while
    they have rated nothing)."""
    key = tenant.user_key(user)
    if _prefers_png(request.headers.get("accept", "")):
        summary = await backend.run("profile", key)
        png = None if summary.is_empty else await backend.run("profile_chart", key, user)
        if png is None:
            raise NotFound(f"{user} has no ratings yet, so there is no chart to draw.")
        return Response(png, media_type="image/png")
    summary = await backend.run("profile", key)
    return ProfileResponse.model_validate(dataclasses.asdict(summary))  # its `user` (the internal key) is left out


def _prefers_png(accept: str) -> bool:
    """Whether an Accept header ranks image/png above JSON: "image/png;q=0, application/json" does not."""
    weights: dict[str, float] = {}
    for part in accept.split(","):
        kind, *params = (p.strip() for p in part.split(";"))
        q = next((p.partition("=")[2] for p in params if p.startswith("q=")), "1")
        try:
            weights[kind.lower()] = float(q)
        except ValueError:
            weights[kind.lower()] = 0.0
    png = weights.get("image/png", weights.get("image/*", 0.0))
    return png > 0 and png >= weights.get("application/json", 0.0)


@router.get("/export", response_model=Export, summary="Everything stored about the user")
async def export(user: PathUser, tenant: CurrentTenant, backend: ServiceBackend) -> Export:
    """Everything stored about the user; 404 when nothing is, as DELETE answers (it was a 200 with
    `"user": null` and empty lists, which a typo in the id could not be told from)."""
    stored = await backend.run("export", tenant.user_key(user))
    if stored.get("user") is None and not any(v for v in stored.values() if isinstance(v, list)):
        raise _nothing_stored(user)
    return Export.model_validate(stored)


IMPORT_BODY = {
    "required": True,
    "description": "The export file: the raw request body (`curl --data-binary @ratings.csv -H 'Content-Type: "
    "text/csv'`), or the part named `file` of a multipart/form-data form (`curl -F file=@ratings.csv`). Letterboxd's "
    "export .zip or its ratings.csv, watched.csv or diary.csv; IMDb's ratings.csv; or the JSON that "
    "GET /v1/users/{user}/export gives, sent back as it is. A raw body may name itself with `Content-Disposition: "
    'attachment; filename="diary.csv"`.',
    "content": {
        "text/csv": {"schema": {"type": "string", "format": "binary"}},
        "application/json": {"schema": {"$ref": "#/components/schemas/Export"}},
        "application/zip": {"schema": {"type": "string", "format": "binary"}},
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["file"],
                "properties": {"file": {"type": "string", "format": "binary"}},
            },
        },
    },
}
ImportFormat = Annotated[
    Literal["letterboxd", "imdb", "moviebot"] | None,
    Query(alias="format", description="The export's format; told from the file when left out."),
]
IMPORT_RESPONSES = {
    200: {"description": "The import report: what was written, and each row skipped with its line and why"},
    413: {"model": Error, "description": "The file is over the import limit (25 MB; the message says)"},
    422: {
        "model": Error,
        "description": "Nothing was imported: an empty body, an image, PDF or other binary file, a MovieLens "
        "file of many people, a file no export format reads (the message says why), or a `format` not offered",
    },
}


@router.post(
    "/import",
    response_model=ImportReport,
    summary="Import a viewing history: Letterboxd, IMDb or a moviebot export",
    openapi_extra={"requestBody": IMPORT_BODY},
    responses=IMPORT_RESPONSES,
)
async def import_history(
    user: PathUser, request: Request, tenant: CurrentTenant, backend: ServiceBackend,
    source: ImportFormat = None,
) -> ImportReport:  # fmt: skip
    """Ratings, watched films and (from a moviebot export) films never to suggest, added to what the user
    has; a rating they gave here since the file's date is kept. Films not in the catalog are skipped and
    listed with their line. Any refusal (413, 422) imports nothing."""
    filename, data = await uploaded(request)
    if refused := too_big(len(data)):
        raise TooLarge(f"{refused} {NOTHING_IMPORTED}")
    if refused := not_an_export(data, tenant.user_key(user), command="the API"):
        raise BadUpload(refused)
    try:
        report = await backend.call(_import_then_register, backend.service, tenant, user, filename, data, source)
    except ServiceError as exc:
        said = without_temp_dir(exc.message).removesuffix(NOTHING_IMPORTED).strip().replace("\n", " ")
        stop = "" if said.endswith((".", "?", "!")) else "."  # "(its columns: Date, Name) Nothing was" ran on
        raise BadUpload(f"{said}{stop} {NOTHING_IMPORTED}") from None
    return ImportReport(
        format=report.format, rows=report.rows, rated=report.rated, watched=report.watched,
        rated_only=report.rated_only, dismissed=report.dismissed, kept=report.kept,
        skipped=[_skipped(row) for row in report.skipped], summary=report_lines(report),
    )  # fmt: skip


def _import_then_register(service, tenant: Tenant, user: str, filename: str, data: bytes, source: str | None):
    """Blocking, one trip to the pool: the user is registered only once the file was read, so a file
    the service refuses leaves nothing behind, not even a user row for export to find."""
    report = import_file(service, tenant.user_key(user), filename, data, source)
    service.register(PLATFORM, tenant.platform_id(user), user, group=tenant.name)
    return report


def _skipped(row) -> SkippedRow:
    where = without_temp_dir(row.where)
    place = where.rpartition(":")[2]
    return SkippedRow(where=Path(where).name, line=int(place) if place.isdigit() else None, title=row.title,
                      year=row.year, reason=row.reason, alternatives=list(row.alternatives))  # fmt: skip


@router.delete("", response_model=Deleted, summary="Forget the user")
async def forget(user: PathUser, tenant: CurrentTenant, backend: ServiceBackend) -> Deleted:
    """Deletes the user's ratings, history, suggestions and conversations; 404 when nothing is
    stored for that user id (ids are case-sensitive: "Zoe" is not "zoe")."""
    deleted = await backend.run("forget", tenant.user_key(user))
    if not any(deleted.values()):
        raise _nothing_stored(user)
    return Deleted(deleted=deleted)


def _nothing_stored(user: str) -> NotFound:
    return NotFound(f"Nothing is stored for the user id {user!r} (user ids are case-sensitive).")

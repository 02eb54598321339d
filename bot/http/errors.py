"""Every error the API sends is JSON {"error": code, "message": text} with its status.

Handlers raise ApiError subclasses (HTTPExceptions); FastAPI's own errors (unknown route, bad
method, invalid body, oversized body) and the service's are rendered by the same handlers.
"""

from __future__ import annotations

import logging
import math

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from agent.service import AmbiguousTitle, EventConflict, InvalidInput, ServiceError, UnknownTitle
from bot.http.models import Error

log = logging.getLogger(__name__)

# What every /v1 route may answer besides success, in the OpenAPI document.
ERROR_RESPONSES = {
    status: {"model": Error, "description": description}
    for status, description in {
        401: "No API key, or not a valid one",
        404: "Unknown address, film or resource",
        405: "This address does not take that method",
        413: "Request body too large",
        422: "Invalid request (the message names the field), or an ambiguous title (with `choices`)",
        429: "Too many requests for this key, or without a valid key from this address; see Retry-After",
        500: 'An unexpected failure on the server (`"error": "internal"`); the request was not completed',
    }.items()
}
CONFLICT_RESPONSE = {409: {"model": Error, "description": "The event_id was already used for other feedback"}}
# What a route that reads a JSON body may answer besides.
BODY_RESPONSES = {400: {"model": Error, "description": "The body could not be read (not UTF-8)"}}


class ApiError(HTTPException):
    status = 400
    code = "bad_request"

    def __init__(self, message: str, *, headers: dict[str, str] | None = None, **extra):
        super().__init__(self.status, message, headers=headers)
        self.message = message
        self.extra = extra


class Unauthorized(ApiError):
    status = 401
    code = "unauthorized"

    def __init__(self, message: str):
        super().__init__(message, headers={"WWW-Authenticate": "Bearer"})


class NotFound(ApiError):
    status = 404
    code = "not_found"


class TooLarge(ApiError):
    status = 413
    code = "too_large"


class RateLimited(ApiError):
    status = 429
    code = "rate_limited"

    def __init__(self, wait: float, why: str = "Too many requests for this API key"):
        seconds = max(1, math.ceil(wait))
        super().__init__(f"{why}; retry in {seconds} s.", headers={"Retry-After": str(seconds)})


# Starlette's own HTTPExceptions carry only a status; these name them.
_CODES = {
    400: ("bad_request", "The request could not be read."),
    401: ("unauthorized", "A valid API key is required."),
    404: ("not_found", "There is nothing at this address."),
    405: ("method_not_allowed", "This address does not take that method."),
    406: ("not_acceptable", "This resource cannot be sent in the requested format."),
    415: ("unsupported_media_type", "Send JSON with Content-Type: application/json."),
}


def error_response(status: int, code: str, message: str, headers=None, **extra) -> JSONResponse:
    return JSONResponse({"error": code, "message": message, **extra}, status_code=status, headers=headers)


async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    if isinstance(exc, ApiError):
        return error_response(exc.status, exc.code, exc.message, exc.headers, **exc.extra)
    code, message = _CODES.get(exc.status_code, ("error", str(exc.detail)))
    return error_response(exc.status_code, code, message, getattr(exc, "headers", None))


WHOLE_BODY = "the body must be a JSON object, sent with Content-Type: application/json"
NOT_AN_OBJECT = {"model_attributes_type", "model_type", "dict_type"}


async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    """One sentence naming each bad field, e.g. "body.k: Input should be less than or equal to 50"."""
    problems = []
    for error in exc.errors():
        if tuple(error.get("loc", ())) == ("body",) and error.get("type") in NOT_AN_OBJECT:
            problems.append(WHOLE_BODY)
            continue
        if error.get("type") == "json_invalid":  # loc is ("body", offset): "1: JSON decode error" said nothing
            at = next((part for part in error.get("loc", ())[1:] if isinstance(part, int)), None)
            problems.append("the body is not valid JSON" + (f" (at character {at})" if at is not None else ""))
            continue
        where = ".".join(str(part) for part in error.get("loc", ()) if part != "body") or "body"
        problems.append(f"{where}: {error.get('msg', 'invalid').removeprefix('Value error, ')}")
    return error_response(422, "invalid_request", "; ".join(problems) or "The request is not valid.")


async def service_error(request: Request, exc: ServiceError) -> JSONResponse:
    if isinstance(exc, AmbiguousTitle):
        choices = [{"movie_id": c.movie_id, "label": c.label} for c in exc.choices]
        return error_response(422, "ambiguous_title", exc.message, choices=choices)
    if isinstance(exc, UnknownTitle):
        return error_response(404, "unknown_title", exc.message)
    if isinstance(exc, InvalidInput):
        return error_response(422, "invalid_request", exc.message)
    if isinstance(exc, EventConflict):
        return error_response(409, "event_conflict", exc.message)
    return error_response(422, "refused", exc.message)


async def unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    return error_response(500, "internal", "Something went wrong on our side; the request was not completed.")


def install(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(ServiceError, service_error)
    app.add_exception_handler(Exception, unexpected_error)

"""POST /v1/feedback: like, dislike, stars, watched or dismiss, idempotent by event_id."""

from __future__ import annotations

from fastapi import APIRouter

from agent.service import NotShown
from bot.http.auth import CurrentTenant
from bot.http.backend import ServiceBackend
from bot.http.errors import BODY_RESPONSES, CONFLICT_RESPONSE, ERROR_RESPONSES, NotFound
from bot.http.models import FeedbackRequest, FeedbackResponse

RESPONSES = {**ERROR_RESPONSES, **BODY_RESPONSES, **CONFLICT_RESPONSE}
router = APIRouter(prefix="/v1", tags=["feedback"], responses=RESPONSES)


@router.post("/feedback", response_model=FeedbackResponse, summary="Feedback on a film")
async def feedback(body: FeedbackRequest, tenant: CurrentTenant, backend: ServiceBackend) -> FeedbackResponse:
    """Stars mark the film watched; like and dislike do not. Sending the same `event_id` again
    answers `recorded: false` and changes nothing, so retries are safe. A `suggestion_id` must be
    one shown to this user: another's is answered 404, like one that does not exist."""

    def give(service, user: str):
        return service.feedback(
            user,
            body.movie_id,
            body.kind,
            stars=body.stars,
            event_id=f"{user}:{body.event_id}",  # one user's event ids never collide with another's
            suggestion_id=body.suggestion_id,
        )

    try:
        outcome = await backend.run_as(tenant, body.user, give)
    except NotShown as exc:  # named with the tenant's user name, never the internal user key
        raise NotFound(f"{body.user} was never shown suggestion {exc.suggestion_id}.") from None
    return FeedbackResponse(
        recorded=outcome.recorded,
        kind=outcome.kind,
        stars=outcome.stars,
        movie_id=outcome.movie_id,
        message=outcome.message,
    )

"""POST /v1/feedback: like, dislike, stars, watched or dismiss, idempotent by event_id."""

from __future__ import annotations

from fastapi import APIRouter

from bot.http.auth import CurrentTenant
from bot.http.backend import ServiceBackend
from bot.http.errors import ERROR_RESPONSES, NotFound
from bot.http.models import FeedbackRequest, FeedbackResponse

router = APIRouter(prefix="/v1", tags=["feedback"], responses=ERROR_RESPONSES)


@router.post("/feedback", response_model=FeedbackResponse, summary="Feedback on a film")
async def feedback(body: FeedbackRequest, tenant: CurrentTenant, backend: ServiceBackend) -> FeedbackResponse:
    """Stars mark the film watched; like and dislike do not. Sending the same `event_id` again
    answers `recorded: false` and changes nothing, so retries are safe."""

    def give(service, user: str):
        if body.suggestion_id is not None and not _shown_to(service, user, body.suggestion_id):
            raise NotFound(f"{body.user} was never shown suggestion {body.suggestion_id}.")
        return service.feedback(
            user,
            body.movie_id,
            body.kind,
            stars=body.stars,
            event_id=f"{user}:{body.event_id}",  # one user's event ids never collide with another's
            suggestion_id=body.suggestion_id,
        )

    outcome = await backend.run_as(tenant, body.user, give)
    return FeedbackResponse(
        recorded=outcome.recorded,
        kind=outcome.kind,
        stars=outcome.stars,
        movie_id=outcome.movie_id,
        message=outcome.message,
    )


def _shown_to(service, user: str, suggestion_id: int) -> bool:
    """Feedback may only point at the caller's own suggestions: another user's (another
    tenant's above all) is answered exactly like one that does not exist."""
    suggestion = service.profiles.suggestion(suggestion_id)
    return suggestion is not None and suggestion["user"] == user

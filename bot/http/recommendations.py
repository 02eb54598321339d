"""POST /v1/recommendations: a structured request, with no chat memory."""

from __future__ import annotations

from fastapi import APIRouter

from bot.http.auth import PLATFORM, CurrentTenant
from bot.http.backend import ServiceBackend
from bot.http.errors import BODY_RESPONSES, ERROR_RESPONSES
from bot.http.models import RecommendationsRequest, TurnResponse

router = APIRouter(prefix="/v1", tags=["recommendations"], responses={**ERROR_RESPONSES, **BODY_RESPONSES})


@router.post("/recommendations", response_model=TurnResponse, summary="Picks for a structured request")
async def recommend(body: RecommendationsRequest, tenant: CurrentTenant, backend: ServiceBackend) -> TurnResponse:
    """`filters` are hard constraints, by the names a turn's `understood` holds; `text` describes the
    rest, and leanings come only from it (a crowd-pleaser, hidden gems, a mood, a theme): send a chat
    turn's text beside its `understood` to keep them. Films the user has watched, disliked or dismissed
    are never suggested."""
    filters = body.filters.model_dump(exclude_defaults=True) if body.filters else None
    turn = await backend.run_as(
        tenant,
        body.user,
        lambda service, user: service.recommend(user, text=body.text, filters=filters, k=body.k, platform=PLATFORM),
    )
    return TurnResponse.of(turn)

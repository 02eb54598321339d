"""POST /v1/chat: one turn of a conversation, remembered per (user, conversation)."""

from __future__ import annotations

from fastapi import APIRouter

from bot.http.auth import PLATFORM, CurrentTenant
from bot.http.backend import ServiceBackend
from bot.http.errors import BODY_RESPONSES, ERROR_RESPONSES
from bot.http.models import ChatRequest, TurnResponse

router = APIRouter(prefix="/v1", tags=["chat"], responses={**ERROR_RESPONSES, **BODY_RESPONSES})


@router.post("/chat", response_model=TurnResponse, summary="One chat turn")
async def chat(body: ChatRequest, tenant: CurrentTenant, backend: ServiceBackend) -> TurnResponse:
    """Answers like `moviebot ask --json`. "more", "something older" or "why the second one?"
    build on the earlier turns of the same conversation; "I loved Heat" is remembered."""
    channel = f"{tenant.name}:{body.conversation}"
    turn = await backend.run_as(
        tenant, body.user, lambda service, user: service.chat(user, body.text, channel=channel, platform=PLATFORM)
    )
    return TurnResponse.of(turn)

"""Who is calling: every API key is its own tenant, and a tenant only ever sees its own users.

A key's users are `http:<tenant>:<user>`; user ids cannot contain ':' (models.NAME_PATTERN),
so no path or body can name another tenant's user. With no keys configured the API is open
to whoever can reach its loopback address, as the single tenant "local".
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Path, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from bot.http.errors import RateLimited, Unauthorized
from bot.http.models import NAME_PATTERN
from bot.ratelimit import Cooldown
from bot.settings import HttpSettings

PLATFORM = "http"
LOCAL_TENANT = "local"


@dataclass(frozen=True)
class Tenant:
    name: str

    def user_key(self, user: str) -> str:
        """The service's key for one of this tenant's users."""
        return f"{PLATFORM}:{self.platform_id(user)}"

    def platform_id(self, user: str) -> str:
        return f"{self.name}:{user}"


# Requests without a valid key, per client address: this many at once, then one every FAILED_PER seconds.
FAILED_BURST = 10
FAILED_PER = 6.0


class Gate:
    """Turns an Authorization header into a Tenant, and spends one of its rate-limit tokens.

    Each request without a valid key also spends one of its client address's FAILED_BURST tokens,
    whatever MOVIEBOT_HTTP_RATE says; an address out of them is answered 429 before its key is
    looked at, so a right key guessed then is not told apart from a wrong one: keys cannot be
    tried at full speed."""

    def __init__(self, settings: HttpSettings):
        self.tenants = {key.digest: Tenant(key.name) for key in settings.api_keys}
        rate = settings.rate_per_minute
        self.cooldown = Cooldown(burst=settings.burst, per=60.0 / rate) if rate else None
        self.failures = Cooldown(burst=FAILED_BURST, per=FAILED_PER)

    def admit(self, authorization: str | None, address: str = "") -> Tenant:
        if self.tenants and (wait := self.failures.waiting(address)):
            raise RateLimited(wait, "Too many requests without a valid API key from this address")
        try:
            tenant = self.identify(authorization)
        except Unauthorized:
            self.failures.retry_after(address)
            raise
        if self.cooldown and (wait := self.cooldown.retry_after(tenant.name)):
            raise RateLimited(wait)
        return tenant

    def identify(self, authorization: str | None) -> Tenant:
        if not self.tenants:
            return Tenant(LOCAL_TENANT)
        scheme, _, key = (authorization or "").partition(" ")
        if not authorization:
            raise Unauthorized("Send your API key as 'Authorization: Bearer <key>'.")
        if scheme.lower() != "bearer" or not key.strip():
            raise Unauthorized("The Authorization header must be 'Bearer <key>'.")
        tenant = self.tenants.get(hashlib.sha256(key.strip().encode()).digest())
        if tenant is None:
            raise Unauthorized("That API key is not valid.")
        return tenant


# declares `Authorization: Bearer <key>` in the OpenAPI document, so generated clients and Swagger UI
# send the key; the check itself is the gate's (auto_error off: its 401 says what was wrong)
_BEARER = HTTPBearer(auto_error=False, description="An API key from MOVIEBOT_API_KEYS (none needed on loopback "
                                                   "when no key is configured).")  # fmt: skip


async def tenant(
    request: Request, _: Annotated[HTTPAuthorizationCredentials | None, Security(_BEARER)] = None
) -> Tenant:
    """async, though it never waits: FastAPI runs a plain `def` dependency in a worker thread,
    a hop that cost more than the check itself."""
    address = request.client.host if request.client else ""
    return request.app.state.gate.admit(request.headers.get("authorization"), address)


CurrentTenant = Annotated[Tenant, Depends(tenant)]
_PATH_USER = "Your id for the person (scoped to your key; case-sensitive: 'Zoe' is not 'zoe')."
PathUser = Annotated[str, Path(pattern=NAME_PATTERN, description=_PATH_USER)]

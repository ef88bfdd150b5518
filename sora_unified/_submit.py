"""Submit safety: when a submit may be resent, and the error that hands an unknown outcome to the caller.

A submit is resent only when that cannot create a second task: the provider honours an idempotency key, or
the request provably never left (connection refused, connect/pool timeout), or the answer was a 429 (the
provider refused it). Otherwise it ends in `SubmitOutcomeUnknownError`, which keeps the start of an
unreadable answer (`raw`): a task id may be legible in it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import NamedTuple

import httpx

from sora_unified._errors import MalformedResponseError, SoraUnifiedError, SubmitOutcomeUnknownError
from sora_unified._spec import ProviderSpec

# How much of an unreadable submit answer SubmitOutcomeUnknownError keeps (a task id sits near the start).
RAW_SNIPPET = 2048


def never_sent(exc: httpx.RequestError) -> bool:
    """True when the request provably did not reach the provider, so resending cannot duplicate it.

    A request httpx refused to write (LocalProtocolError: an illegal header value; UnsupportedProtocol) never
    left the machine either. A DecodingError never qualifies: the provider answered, it is the body that could
    not be decoded.
    """
    return isinstance(
        exc,
        (
            httpx.ConnectError,
            httpx.ConnectTimeout,
            httpx.PoolTimeout,
            httpx.LocalProtocolError,
            httpx.UnsupportedProtocol,
        ),
    )


class SubmitGuard(NamedTuple):
    """What a submit's retry loop needs to decide on resending and to report an unknown outcome.

    `sent_at` is taken when the guard is built, just before the first attempt: the start of the window in
    which a task may have been created (status calls have no guard and never read the wall clock).
    """

    fingerprint: str
    client_reference: str | None
    idempotency_key: str | None
    sent_at: datetime

    @property
    def resend_safe(self) -> bool:
        """Resending is safe only with an idempotency key the provider honours."""
        return self.idempotency_key is not None


def outcome_unknown(
    spec: ProviderSpec,
    guard: SubmitGuard,
    reason: str,
    cause: SoraUnifiedError | None = None,
) -> SubmitOutcomeUnknownError:
    """The error for a submit that may have created a task (with the start of the body if it was unreadable)."""
    if guard.resend_safe:
        advice = f"submitting again with idempotency_key={guard.idempotency_key!r} is safe"
    else:
        advice = (
            f"it was not resent because {spec.id} documents no idempotency; look for a task created "
            "in the window before submitting again"
        )
    return SubmitOutcomeUnknownError(
        f"submit to {spec.id} may have created a task ({reason}); {advice}",
        fingerprint=guard.fingerprint,
        sent_at=guard.sent_at,
        gave_up_at=datetime.now(UTC),
        client_reference=guard.client_reference,
        idempotency_key=guard.idempotency_key,
        provider=spec.id,
        http_status=cause.http_status if cause else None,
        code=cause.code if cause else None,
        request_id=cause.request_id if cause else None,
        raw=cause.raw[:RAW_SNIPPET] if isinstance(cause, MalformedResponseError) else None,
    )

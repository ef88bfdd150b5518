"""Pure retry decisions shared by the sync and async call loops: what to retry, how long to wait, which error.

- Retried: HTTP 429 and 5xx, transport errors (no HTTP answer) and answers whose body httpx cannot decode
  (`httpx.DecodingError`, e.g. a corrupt gzip stream), up to `RetryPolicy.max_attempts`.
- Delay: the provider's `Retry-After` (seconds or HTTP-date, RFC 9110 10.2.3) or `retry-after-ms` when
  given and not above `max_retry_after` (a longer requested pause is not slept through: the error is
  raised with `retry_after` set); otherwise exponential backoff with jitter.
- A submit is resent only when that cannot create a second task: the provider supports an idempotency
  key, or the request provably never left (connection refused, connect/pool timeout), or the answer
  was a 429 (the provider refused it). Otherwise it ends in `SubmitOutcomeUnknownError`, which keeps the
  start of an unreadable 2xx body (`raw`): a task id may be legible in it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Literal, NamedTuple

import httpx

from sora_unified._errors import (
    AuthenticationError,
    InsufficientCreditsError,
    MalformedResponseError,
    NotFoundError,
    PermissionDeniedError,
    ProviderError,
    RateLimitError,
    SoraUnifiedError,
    SubmitOutcomeUnknownError,
    ValidationError,
)
from sora_unified._normalize import first_text
from sora_unified._redact import Redactor
from sora_unified._spec import ErrorKind, ProviderSpec, RawResponse

# How much of an unreadable submit answer SubmitOutcomeUnknownError keeps (a task id sits near the start).
RAW_SNIPPET = 2048


@dataclass(frozen=True)
class RetryPolicy:
    """Attempts and pauses for one call; `max_attempts` counts the first try."""

    max_attempts: int = 4
    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 120.0
    jitter: float = 0.25

    def backoff(self, retry_index: int, rand: float) -> float:
        """Delay before retry number `retry_index` (0-based): exponential, capped, reduced by 0..jitter."""
        base = min(self.max_delay, self.initial_delay * (2.0**retry_index))
        return base * (1.0 - self.jitter * rand)


GiveUp = Literal["retry_after", "attempts", "deadline"]


def retry_delay(policy: RetryPolicy, attempt: int, retry_after: float | None, rand: float) -> float:
    """The pause after failed attempt number `attempt` (1-based): the server's Retry-After, else backoff."""
    return retry_after if retry_after is not None else policy.backoff(attempt - 1, rand)


def give_up(
    policy: RetryPolicy, attempt: int, retry_after: float | None, delay: float, now: float, deadline: float | None
) -> GiveUp | None:
    """Why no retry follows attempt number `attempt`, or None to retry after `delay`.

    In the order the call loop checks them: a requested pause above `max_retry_after`, no attempt left, or a
    pause that would end past `deadline` (None: no deadline).
    """
    if retry_after is not None and retry_after > policy.max_retry_after:
        return "retry_after"
    if attempt >= policy.max_attempts:
        return "attempts"
    if deadline is not None and now + delay > deadline:
        return "deadline"
    return None


def is_retryable_status(status: int) -> bool:
    """429 and every 5xx."""
    return status == 429 or 500 <= status <= 599


def never_sent(exc: httpx.RequestError) -> bool:
    """True when the request provably did not reach the provider, so resending cannot duplicate it.

    A DecodingError never qualifies: the provider answered, it is the body that could not be decoded.
    """
    return isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout))


def header(headers: Mapping[str, str], name: str) -> str | None:
    """The value of header `name` (any case); httpx.Headers answers directly, other mappings are scanned."""
    if isinstance(headers, httpx.Headers):
        value: str | None = headers.get(name)
        return value
    wanted = name.lower()
    return next((value for key, value in headers.items() if key.lower() == wanted), None)


def parse_retry_after(headers: Mapping[str, str], now: datetime | None = None) -> float | None:
    """Seconds to wait from `retry-after-ms` or `Retry-After` (delta-seconds or HTTP-date); None if absent."""
    if isinstance(headers, httpx.Headers) and not any(key.lower().startswith(b"retry-after") for key, _ in headers.raw):
        return None  # the common case on every status call: one pass over the raw names, no per-name lookups
    millis = header(headers, "retry-after-ms")
    if millis is not None:
        try:
            return max(0.0, float(millis) / 1000.0)
        except ValueError:
            pass
    value = header(headers, "retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


_DEFAULT_KINDS: dict[int, ErrorKind] = {
    400: "validation",
    401: "authentication",
    402: "insufficient_credits",
    403: "permission_denied",
    404: "not_found",
    410: "not_found",
    422: "validation",
    429: "rate_limited",
}
_CLASSES: dict[ErrorKind, type[SoraUnifiedError]] = {
    "authentication": AuthenticationError,
    "permission_denied": PermissionDeniedError,
    "not_found": NotFoundError,
    "rate_limited": RateLimitError,
    "insufficient_credits": InsufficientCreditsError,
    "validation": ValidationError,
    "provider": ProviderError,
}


def request_id_of(spec: ProviderSpec, response: RawResponse, payload: object = None) -> str | None:
    """The provider's request id from the error body or a response header."""
    from_body = first_text(payload, spec.errors.request_id) if payload is not None else None
    if from_body:
        return from_body
    for name in spec.errors.request_id_headers:
        value = header(response.headers, name)
        if value is not None:
            return value
    return None


def error_from_response(spec: ProviderSpec, response: RawResponse, redactor: Redactor) -> SoraUnifiedError:
    """The typed error for a non-2xx answer: the provider code decides first, then the HTTP status."""
    try:
        payload: object = json.loads(response.content)
    except (UnicodeDecodeError, ValueError):
        payload = None
    code = first_text(payload, spec.errors.code) if isinstance(payload, dict) else None
    message = first_text(payload, spec.errors.message) if isinstance(payload, dict) else None
    if message is None:
        message = redactor.snippet(response.content, 300).strip() or "(empty body)"
    message = redactor.text(f"HTTP {response.status} from {spec.id}: {message}")
    kind = spec.errors.kinds.get(code) if code is not None else None
    kind = kind or _DEFAULT_KINDS.get(response.status, "provider")
    request_id = request_id_of(spec, response, payload)
    if kind == "rate_limited":
        return RateLimitError(
            message,
            retry_after=parse_retry_after(response.headers),
            provider=spec.id,
            http_status=response.status,
            code=code,
            request_id=request_id,
        )
    return _CLASSES[kind](message, provider=spec.id, http_status=response.status, code=code, request_id=request_id)


class DeadlineExceeded(Exception):
    """Internal: a retry would sleep past the caller's deadline; `cause` is the error that would be retried."""

    def __init__(self, cause: SoraUnifiedError) -> None:
        super().__init__(str(cause))
        self.cause = cause


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

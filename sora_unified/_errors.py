"""The one exception hierarchy of sora_unified.

    SoraUnifiedError                 provider, http_status, code (provider error code), request_id
    ├── ConfigurationError           unknown provider, no base URL, no usable API key (also a ValueError)
    ├── ValidationError              request rejected before sending (field, value, allowed, accepted_by)
    │                                or by the provider (HTTP 400/422); also a ValueError
    ├── AuthenticationError          missing or rejected API key (401)
    ├── PermissionDeniedError        key lacks a scope or permission (403)
    ├── NotFoundError                unknown task, or not owned by this key (404)
    ├── RateLimitError               429; retry_after in seconds when the provider said
    ├── InsufficientCreditsError     the account cannot pay for the task
    ├── ProviderError                5xx, conflicts and anything else the provider refused
    │   ├── ProviderConnectionError  no usable HTTP answer (refused, reset, timed out, undecodable body)
    │   └── DownloadError            the result file could not be fetched or was not a video
    ├── MalformedResponseError       a non-JSON or unexpected provider payload (raw body kept)
    ├── TaskFailedError              the task ended failed or canceled (task attached)
    ├── WaitTimeoutError             wait() reached its deadline (last task seen attached)
    └── SubmitOutcomeUnknownError    a submit may or may not have created a task; not resent (raw kept)

Every message is built from provider data with the API key removed (see `_redact`). The end of this module
classifies a provider's non-2xx answer (`error_from_response`): the provider's code decides first (the
mapping's `errors.kinds`), then the HTTP status.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from sora_unified._headers import header, parse_retry_after
from sora_unified._payload import first_text

if TYPE_CHECKING:
    from sora_unified._models import VideoTask
    from sora_unified._redact import Redactor
    from sora_unified._spec import ErrorKind, ProviderSpec, RawResponse


class SoraUnifiedError(Exception):
    """Base class: every error says which provider, HTTP status, provider code and request id it comes from."""

    def __init__(
        self,
        message: str,
        *,
        provider: str | None = None,
        http_status: int | None = None,
        code: str | None = None,
        request_id: str | None = None,
    ) -> None:
        self.message = message
        self.provider = provider
        self.http_status = http_status
        self.code = code
        self.request_id = request_id
        super().__init__(message)

    def __str__(self) -> str:
        facts = [
            f"{name}={value}"
            for name, value in (
                ("provider", self.provider),
                ("http_status", self.http_status),
                ("code", self.code),
                ("request_id", self.request_id),
            )
            if value is not None
        ]
        return f"{self.message} [{' '.join(facts)}]" if facts else self.message


class ConfigurationError(SoraUnifiedError, ValueError):
    """The client is not set up to do what was asked: unknown provider, no base URL, no usable API key.

    `setting` names what to fix: "provider", "base_url" or "api_key" (None elsewhere). A missing key is
    raised by the first call that needs the provider, after the request was validated offline.
    """

    def __init__(self, message: str, *, setting: str | None = None, provider: str | None = None) -> None:
        super().__init__(message, provider=provider)
        self.setting = setting


class ValidationError(SoraUnifiedError, ValueError):
    """A request a provider cannot serve. Raised before sending when the check is local.

    `field`, `value` and `allowed` (for this provider and model) are set for local checks;
    `accepted_by` lists "provider/model" pairs that would accept the value.
    """

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        value: object = None,
        allowed: Sequence[object] = (),
        accepted_by: Sequence[str] = (),
        provider: str | None = None,
        http_status: int | None = None,
        code: str | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(message, provider=provider, http_status=http_status, code=code, request_id=request_id)
        self.field = field
        self.value = value
        self.allowed = tuple(allowed)
        self.accepted_by = tuple(accepted_by)


class AuthenticationError(SoraUnifiedError):
    """The API key is missing, invalid, revoked or expired."""


class PermissionDeniedError(SoraUnifiedError):
    """The key is valid but not allowed to do this."""


class NotFoundError(SoraUnifiedError):
    """The task (or file) does not exist for this key."""


class RateLimitError(SoraUnifiedError):
    """Too many requests; `retry_after` is the provider's requested pause in seconds, if any."""

    def __init__(
        self,
        message: str,
        *,
        retry_after: float | None = None,
        provider: str | None = None,
        http_status: int | None = None,
        code: str | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(message, provider=provider, http_status=http_status, code=code, request_id=request_id)
        self.retry_after = retry_after


class InsufficientCreditsError(SoraUnifiedError):
    """The account balance cannot cover the task."""


class ProviderError(SoraUnifiedError):
    """The provider failed or refused in a way no narrower class describes."""


class ProviderConnectionError(ProviderError):
    """No usable HTTP response: none arrived, or its body could not be decoded (after retries where safe)."""


class DownloadError(ProviderError):
    """The result file could not be downloaded, or what came back was not the video."""


class MalformedResponseError(SoraUnifiedError):
    """The provider answered with something that is not the documented JSON; `raw` is the body (redacted)."""

    def __init__(
        self,
        message: str,
        *,
        raw: bytes,
        provider: str | None = None,
        http_status: int | None = None,
        code: str | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(message, provider=provider, http_status=http_status, code=code, request_id=request_id)
        self.raw = raw


class TaskFailedError(SoraUnifiedError):
    """The task ended `failed` or `canceled`; the normalized task is in `task`."""

    def __init__(self, task: VideoTask) -> None:
        detail = ""
        if task.error is not None:
            detail = ": " + " ".join(part for part in (task.error.code, task.error.message) if part)
        super().__init__(
            f"task {task.id} ended {task.status.value}{detail}",
            provider=task.provider,
            code=task.error.code if task.error is not None else None,
        )
        self.task = task


class WaitTimeoutError(SoraUnifiedError, TimeoutError):
    """wait() reached its deadline; `task` is the last state seen (None if no poll succeeded)."""

    def __init__(self, message: str, *, task: VideoTask | None, timeout: float, provider: str | None = None) -> None:
        super().__init__(message, provider=provider)
        self.task = task
        self.timeout = timeout


class SubmitOutcomeUnknownError(SoraUnifiedError):
    """A submit was sent but no definite answer came back, and resending could create a second task.

    To reconcile, look for a task created between `sent_at` and `gave_up_at` whose request matches
    `fingerprint` (sha256 of the canonical JSON body) or carries `client_reference`. Where the provider
    supports idempotency, submitting again with `idempotency_key` is safe. When the provider answered 2xx
    with a body that could not be read, `raw` holds its start (redacted): the task id may be legible there.
    """

    def __init__(
        self,
        message: str,
        *,
        fingerprint: str,
        sent_at: datetime,
        gave_up_at: datetime,
        client_reference: str | None = None,
        idempotency_key: str | None = None,
        provider: str | None = None,
        http_status: int | None = None,
        code: str | None = None,
        request_id: str | None = None,
        raw: bytes | None = None,
    ) -> None:
        super().__init__(message, provider=provider, http_status=http_status, code=code, request_id=request_id)
        self.fingerprint = fingerprint
        self.sent_at = sent_at
        self.gave_up_at = gave_up_at
        self.client_reference = client_reference
        self.idempotency_key = idempotency_key
        self.raw = raw


# --- Classification: which error a provider's non-2xx answer is -------------------------------------------


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


# The most of a provider's message an error shows, and of a code or request id.
MESSAGE_LIMIT = 500
FIELD_LIMIT = 200


def _field(redactor: Redactor, value: str | None) -> str | None:
    """A short provider-controlled field (code, request id), redacted, then cut."""
    if value is None:
        return None
    text = redactor.text(value[: 4 * FIELD_LIMIT])
    return text[:FIELD_LIMIT]


def error_from_response(spec: ProviderSpec, response: RawResponse, redactor: Redactor) -> SoraUnifiedError:
    """The typed error for a non-2xx answer: the provider code decides first, then the HTTP status."""
    try:
        payload: object = json.loads(response.content)
    except (ValueError, RecursionError):  # not JSON, or nested too deep to read
        payload = None
    code = first_text(payload, spec.errors.code) if isinstance(payload, dict) else None
    message = first_text(payload, spec.errors.message) if isinstance(payload, dict) else None
    if message is None:
        message = redactor.snippet(response.content, MESSAGE_LIMIT).strip() or "(empty body)"
    # Every string a provider controls is redacted (some echo the key they refused) and cut: a 100 MB
    # message must not become a 100 MB exception.
    message = redactor.text(f"HTTP {response.status} from {spec.id}: {message[: 4 * MESSAGE_LIMIT]}")
    message = message[:MESSAGE_LIMIT] + ("..." if len(message) > MESSAGE_LIMIT else "")
    kind = spec.errors.kinds.get(code) if code is not None else None
    kind = kind or _DEFAULT_KINDS.get(response.status, "provider")
    code = _field(redactor, code)
    request_id = _field(redactor, request_id_of(spec, response, payload))
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

# Generated from specs/*.yaml and specs/mappings/ by `make generate`: do not edit.
"""The async retry loop around one provider call (rendered from `_call.py.jinja`, as is its sync twin).

`call` sends through a generated-client function, returns the first 2xx answer and turns anything else
into the typed error; the decisions (what is retryable, Retry-After, backoff, submit safety) are pure
functions in `_retry`. `Runtime` carries the injectable clock, sleep and random source (tests use fakes).
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx

from sora_unified._errors import ProviderConnectionError, SoraUnifiedError
from sora_unified._redact import Redactor
from sora_unified._retry import (
    DeadlineExceeded,
    RetryPolicy,
    SubmitGuard,
    error_from_response,
    is_retryable_status,
    never_sent,
    outcome_unknown,
    parse_retry_after,
)
from sora_unified._spec import ProviderSpec, RawResponse

logger = logging.getLogger("sora_unified")
Sleep = Callable[[float], Awaitable[None]]
Send = Callable[[], Awaitable[RawResponse]]


async def _real_sleep(seconds: float) -> None:
    import asyncio

    await asyncio.sleep(seconds)


@dataclass
class Runtime:
    """The clock, sleep and randomness one client uses, plus what every call needs to know."""

    spec: ProviderSpec
    redactor: Redactor
    policy: RetryPolicy = field(default_factory=RetryPolicy)
    clock: Callable[[], float] = time.monotonic
    sleep: Sleep = _real_sleep
    rand: Callable[[], float] = random.random


def _fits(rt: Runtime, deadline: float | None, delay: float) -> bool:
    return deadline is None or rt.clock() + delay <= deadline


async def call(
    rt: Runtime, send: Send, *, what: str, deadline: float | None = None, submit: SubmitGuard | None = None
) -> RawResponse:
    """Send with retries; the first 2xx RawResponse, or the typed error."""
    spec = rt.spec
    sent_at = datetime.now(UTC)
    maybe_sent = False  # some attempt may have reached the provider (matters for submits)
    attempt = 0
    while True:
        attempt += 1
        last: SoraUnifiedError
        retry_after: float | None = None
        try:
            response = await send()
        except httpx.TransportError as exc:
            reached = not never_sent(exc)
            maybe_sent = maybe_sent or reached
            if submit is not None and reached and not submit.resend_safe:
                raise outcome_unknown(spec, submit, sent_at, f"{type(exc).__name__} after sending") from exc
            last = ProviderConnectionError(
                f"no answer from {spec.id} to {what} after {attempt} attempt(s): {type(exc).__name__}",
                provider=spec.id,
            )
            last.__cause__ = exc
        else:
            if 200 <= response.status < 300:
                return response
            last = error_from_response(spec, response, rt.redactor)
            if not is_retryable_status(response.status):
                raise last
            if response.status != 429:
                maybe_sent = True
                if submit is not None and not submit.resend_safe:
                    raise outcome_unknown(spec, submit, sent_at, f"HTTP {response.status}", last) from last
            retry_after = parse_retry_after(response.headers)
            if retry_after is not None and retry_after > rt.policy.max_retry_after:
                if submit is not None and maybe_sent:
                    raise outcome_unknown(spec, submit, sent_at, "asked to wait too long", last) from last
                raise last
        delay = retry_after if retry_after is not None else rt.policy.backoff(attempt - 1, rt.rand())
        if attempt >= rt.policy.max_attempts or not _fits(rt, deadline, delay):
            if submit is not None and maybe_sent:
                raise outcome_unknown(spec, submit, sent_at, f"gave up after {attempt} attempt(s)", last) from last
            if attempt < rt.policy.max_attempts:
                raise DeadlineExceeded(last) from last
            raise last
        logger.info("%s: %s failed (%s); retry %d in %.2fs", spec.id, what, last.message, attempt, delay)
        await rt.sleep(delay)

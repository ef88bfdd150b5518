"""The retry loop around one provider call; one source for both flavors (see generator/_unasync.py).

`call` sends one request built by the generated client, parses the first 2xx answer with the caller's
`parse` (the body is read once, there) and turns anything else into the typed error; the decisions (what is
retryable, Retry-After, backoff, submit safety) are pure functions in `_retry`. A 2xx whose body cannot be
read (`MalformedResponseError` from `parse`, given the provider's request id here) is retried like a 5xx
where resending is safe, and is an unknown outcome for a submit without idempotency (the task may exist).
`Runtime` carries the injectable clock, sleep and random source (tests use fakes) and the client's request
counters.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

import httpx

from sora_unified._concurrency import AsyncGate, AsyncSleep, async_sleep
from sora_unified._errors import (
    MalformedResponseError,
    ProviderConnectionError,
    SoraUnifiedError,
    error_from_response,
    request_id_of,
)
from sora_unified._headers import parse_retry_after
from sora_unified._redact import Redactor
from sora_unified._retry import DeadlineExceeded, RetryPolicy, give_up, is_retryable_status, retry_delay
from sora_unified._spec import ProviderSpec, RawResponse
from sora_unified._stats import CallKind, Counters
from sora_unified._submit import SubmitGuard, never_sent, outcome_unknown

logger = logging.getLogger("sora_unified")
T = TypeVar("T")
_WHAT: dict[CallKind, str] = {"submit": "submit", "status": "status", "upload": "reference upload"}
Sleep = AsyncSleep
Send = Callable[[], Awaitable[RawResponse]]
_real_sleep: Sleep = async_sleep


class Runtime:
    """The clock, sleep and randomness one client uses, plus what every call needs to know."""

    __slots__ = ("clock", "counters", "gate", "policy", "rand", "redactor", "sleep", "spec")

    def __init__(
        self,
        spec: ProviderSpec,
        redactor: Redactor,
        policy: RetryPolicy | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Sleep = _real_sleep,
        rand: Callable[[], float] = random.random,
        max_in_flight: int | None = None,
    ) -> None:
        self.spec = spec
        self.redactor = redactor
        self.policy = policy or RetryPolicy()
        self.clock = clock
        self.sleep = sleep
        self.rand = rand
        self.counters = Counters()
        # One gate per client, as wide as its connection pool (None: unbounded pool, no gate).
        self.gate = AsyncGate(max_in_flight)


async def _send(rt: Runtime, send: Send) -> RawResponse:
    # At most max_connections requests inside httpx at once (see `_concurrency.AsyncGate`).
    async with rt.gate:
        return await send()


async def call(
    rt: Runtime,
    send: Send,
    parse: Callable[[RawResponse], T],
    *,
    kind: CallKind,
    deadline: float | None = None,
    submit: SubmitGuard | None = None,
) -> T:
    """Send with retries; `parse` of the first readable 2xx answer, or the typed error."""
    spec = rt.spec
    what = _WHAT[kind]
    maybe_sent = False  # some attempt may have reached the provider (matters for submits)
    attempt = 0
    while True:
        attempt += 1
        last: SoraUnifiedError
        retry_after: float | None = None
        rt.counters.sent(kind, attempt)
        try:
            response = await _send(rt, send)
        except httpx.RequestError as exc:
            # A TransportError (no answer) or a DecodingError (an answer whose body httpx could not decode, e.g.
            # corrupt gzip: the provider did act); never_sent() says which of them provably never arrived.
            reached = not never_sent(exc)
            maybe_sent = maybe_sent or reached
            if submit is not None and reached and not submit.resend_safe:
                raise outcome_unknown(spec, submit, f"{type(exc).__name__} after sending") from exc
            answer = "no answer" if isinstance(exc, httpx.TransportError) else "an undecodable answer"
            last = ProviderConnectionError(
                f"{answer} from {spec.id} to {what} after {attempt} attempt(s): {type(exc).__name__}",
                provider=spec.id,
            )
            last.__cause__ = exc
        else:
            if 200 <= response.status < 300:
                try:
                    return parse(response)
                except MalformedResponseError as exc:
                    # The provider acted but its answer is lost (cut JSON, an HTML page): for a submit the task
                    # may exist, so only an idempotent submit is resent; a status call is safe to repeat. The
                    # request id (header per mapping) is looked up here, off the hot path, for every kind.
                    exc.request_id = request_id_of(spec, response)
                    maybe_sent = True
                    if submit is not None and not submit.resend_safe:
                        reason = f"HTTP {response.status} with an unreadable body"
                        raise outcome_unknown(spec, submit, reason, exc) from exc
                    last = exc
            else:
                last = error_from_response(spec, response, rt.redactor)
                if not is_retryable_status(response.status):
                    raise last
                if response.status != 429:
                    maybe_sent = True
                    if submit is not None and not submit.resend_safe:
                        raise outcome_unknown(spec, submit, f"HTTP {response.status}", last) from last
                retry_after = parse_retry_after(response.headers)
                if retry_after is not None and retry_after > rt.policy.max_retry_after:
                    if submit is not None and maybe_sent:
                        raise outcome_unknown(spec, submit, "asked to wait too long", last) from last
                    raise last
        delay = retry_delay(rt.policy, attempt, retry_after, rt.rand())
        now = rt.clock() if deadline is not None else 0.0  # the clock is read only under a deadline
        why = give_up(rt.policy, attempt, retry_after, delay, now, deadline)
        if why is not None:
            if submit is not None and maybe_sent:
                raise outcome_unknown(spec, submit, f"gave up after {attempt} attempt(s)", last) from last
            if why == "deadline":
                raise DeadlineExceeded(last) from last
            raise last
        logger.info("%s: %s failed (%s); retry %d in %.2fs", spec.id, what, last.message, attempt, delay)
        await rt.sleep(delay)

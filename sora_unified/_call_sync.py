# Derived from sora_unified/_call_async.py by `make generate` (generator/_unasync.py): do not edit.
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
from collections.abc import Callable
from typing import TypeVar

import httpx

from sora_unified._concurrency import SyncGate, SyncSleep, sync_sleep
from sora_unified._errors import (
    MalformedResponseError,
    ProviderConnectionError,
    SoraUnifiedError,
    error_from_response,
    request_id_of,
)
from sora_unified._headers import parse_retry_after
from sora_unified._http import DEFAULT_MAX_RESPONSE_BYTES, KEEP_BYTES, RequestLimits, ResponseTooLarge
from sora_unified._redact import Redactor
from sora_unified._retry import (
    DeadlineExceeded,
    RetryPolicy,
    give_up,
    is_retryable_status,
    pause_refused,
    retry_delay,
)
from sora_unified._spec import ProviderSpec, RawResponse
from sora_unified._stats import CallKind, Counters
from sora_unified._submit import SubmitGuard, never_sent, outcome_unknown

logger = logging.getLogger("sora_unified")
T = TypeVar("T")
_WHAT: dict[CallKind, str] = {"submit": "submit", "status": "status", "upload": "reference upload"}
Sleep = SyncSleep
Send = Callable[[RequestLimits], RawResponse]
# What a parse may raise on a hostile body besides MalformedResponseError: 100k-deep JSON (RecursionError), a
# number too large for a float (OverflowError), odd encodings (UnicodeError, a ValueError) ...
_PARSE_FAILURES = (RecursionError, ArithmeticError, ValueError, TypeError)
_real_sleep: Sleep = sync_sleep


class Runtime:
    """The clock, sleep and randomness one client uses, plus what every call needs to know."""

    __slots__ = (
        "clock",
        "counters",
        "gate",
        "host",
        "max_response_bytes",
        "policy",
        "rand",
        "redactor",
        "sleep",
        "spec",
        "timeout",
    )

    def __init__(
        self,
        spec: ProviderSpec,
        redactor: Redactor,
        policy: RetryPolicy | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Sleep = _real_sleep,
        rand: Callable[[], float] = random.random,
        max_in_flight: int | None = None,
        timeout: float = 60.0,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        host: str = "",
    ) -> None:
        self.spec = spec
        self.host = host  # the API's host, named in connection errors
        self.timeout = timeout  # seconds for one whole request (connect to last byte), cut to any deadline
        self.max_response_bytes = max_response_bytes
        self.redactor = redactor
        self.policy = policy or RetryPolicy()
        self.clock = clock
        self.sleep = sleep
        self.rand = rand
        self.counters = Counters()
        # One gate per client, as wide as its connection pool (None: unbounded pool, no gate).
        self.gate = SyncGate(max_in_flight)


def _now(rt: Runtime, deadline: float | None) -> float:
    # The clock is read only under a deadline (the pure decisions ignore `now` without one).
    return 0.0 if deadline is None else rt.clock()


def _deadline_error(rt: Runtime, what: str) -> SoraUnifiedError:
    return ProviderConnectionError(f"no time left for the {what} call to {rt.spec.id}", provider=rt.spec.id)


def _send(rt: Runtime, send: Send, deadline: float | None) -> RawResponse:
    # At most max_connections requests inside httpx at once (see `_concurrency.SyncGate`). The limits are
    # taken once the gate is passed: the request's own time starts when it can be sent.
    with rt.gate:
        time_left = None if deadline is None else deadline - rt.clock()
        limits = RequestLimits.build(timeout=rt.timeout, time_left=time_left, max_bytes=rt.max_response_bytes)
        return send(limits)


def _unreadable(rt: Runtime, response: RawResponse, exc: Exception) -> MalformedResponseError:
    """A 2xx answer whose body could not be turned into a result, as the typed error (start of the body kept)."""
    if isinstance(exc, MalformedResponseError):
        error = exc
    else:
        error = MalformedResponseError(
            f"unreadable answer from {rt.spec.id} ({type(exc).__name__})",
            raw=rt.redactor.head(response.content, KEEP_BYTES),
            provider=rt.spec.id,
            http_status=response.status,
        )
    error.request_id = rt.redactor.optional(request_id_of(rt.spec, response))
    return error


def call(
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
    last_error: SoraUnifiedError | None = None
    attempt = 0
    while True:
        attempt += 1
        last: SoraUnifiedError
        retry_after: float | None = None
        if deadline is not None and rt.clock() >= deadline:
            raise DeadlineExceeded(last_error or _deadline_error(rt, what))
        rt.counters.sent(kind, attempt)
        try:
            response = _send(rt, send, deadline)
        except ResponseTooLarge as exc:
            if 400 <= exc.status < 500 and exc.status != 429:
                # A refusal, however long: classified from the start of its body, not resent.
                raise error_from_response(spec, RawResponse(exc.status, {}, exc.head), rt.redactor) from None
            # The provider answered, at a length no task payload has: unreadable, like a cut body.
            maybe_sent = True
            last = MalformedResponseError(
                f"answer from {spec.id} to {what} larger than {exc.limit} bytes (HTTP {exc.status})",
                raw=rt.redactor.head(exc.head, KEEP_BYTES),
                provider=spec.id,
                http_status=exc.status,
            )
            if submit is not None and not submit.resend_safe:
                raise outcome_unknown(spec, submit, "an answer over the size limit", last) from None
        except httpx.RequestError as exc:
            # A TransportError (no answer) or a DecodingError (an answer whose body httpx could not decode, e.g.
            # corrupt gzip: the provider did act); never_sent() says which of them provably never arrived.
            reached = not never_sent(exc)
            maybe_sent = maybe_sent or reached
            if submit is not None and reached and not submit.resend_safe:
                unknown = outcome_unknown(spec, submit, f"{type(exc).__name__} after sending")
                # h11 quotes a server's malformed bytes (which may echo the Authorization header) in its errors.
                raise unknown from (None if rt.redactor.leaks(exc) else exc)
            answer = "no answer" if isinstance(exc, httpx.TransportError) else "an undecodable answer"
            last = ProviderConnectionError(
                f"{answer} from {spec.id} at {rt.host} to {what} after {attempt} attempt(s): {type(exc).__name__}",
                provider=spec.id,
            )
            # The cause is kept for debugging unless its text carries a secret (httpx quotes header values).
            last.__cause__ = None if rt.redactor.leaks(exc) else exc
            if isinstance(exc, httpx.LocalProtocolError | httpx.UnsupportedProtocol):
                raise last from None  # the request cannot be written: sending it again fails the same way
        else:
            if 200 <= response.status < 300:
                try:
                    return parse(response)
                except SoraUnifiedError as exc:
                    if not isinstance(exc, MalformedResponseError):
                        raise
                    unreadable = _unreadable(rt, response, exc)
                except _PARSE_FAILURES as exc:
                    unreadable = _unreadable(rt, response, exc)
                # The provider acted but its answer is lost (cut JSON, an HTML page, 100k-deep nesting): for a
                # submit the task may exist, so only an idempotent submit is resent; a status call is safe to
                # repeat. The request id (header per mapping) is looked up here, off the hot path.
                maybe_sent = True
                if submit is not None and not submit.resend_safe:
                    reason = f"HTTP {response.status} with an unreadable body"
                    raise outcome_unknown(spec, submit, reason, unreadable) from None
                last = unreadable
            elif submit is not None and not submit.resend_safe and not 400 <= response.status < 500:
                # After a POST, a 3xx (303 See Other usually points at the created task), a 5xx or a code no
                # registry lists (520-527, 999) says nothing definite: the task may exist. Only a 4xx is a refusal.
                last = error_from_response(spec, response, rt.redactor)
                raise outcome_unknown(spec, submit, f"HTTP {response.status}", last) from None
            else:
                last = error_from_response(spec, response, rt.redactor)
                if not is_retryable_status(response.status):
                    raise last
                if response.status != 429:
                    maybe_sent = True
                retry_after = parse_retry_after(response.headers)
                # A requested pause that fits the caller's deadline is honoured; without a deadline, only up to
                # `max_retry_after` (a longer one is the caller's decision: the error carries `retry_after`).
                refused = pause_refused(rt.policy, retry_after, _now(rt, deadline), deadline)
                if refused is not None:
                    if submit is not None and maybe_sent:
                        raise outcome_unknown(spec, submit, "asked to wait too long", last) from None
                    if refused == "deadline":
                        raise DeadlineExceeded(last) from None
                    raise last
        last_error = last
        delay = retry_delay(rt.policy, attempt, retry_after, rt.rand())
        # The pause was accepted above: the attempts and the deadline decide (as for downloads, `_retry.give_up`).
        why = give_up(rt.policy, attempt, None, delay, _now(rt, deadline), deadline)
        if why is not None:
            if submit is not None and maybe_sent:
                raise outcome_unknown(spec, submit, f"gave up after {attempt} attempt(s)", last) from None
            if why == "deadline":
                raise DeadlineExceeded(last) from None
            raise last
        logger.info("%s: %s failed (%s); retry %d in %.2fs", spec.id, what, last.message, attempt, delay)
        rt.sleep(delay)

"""Pure retry decisions shared by the sync and async call loops and the download: what to retry, how long to wait.

- Retried: HTTP 429 and 5xx, transport errors (no HTTP answer) and answers whose body httpx cannot decode
  (`httpx.DecodingError`, e.g. a corrupt gzip stream), up to `RetryPolicy.max_attempts`.
- Delay: the provider's `Retry-After` (seconds or HTTP-date, RFC 9110 10.2.3) or `retry-after-ms` when
  given (`_headers.parse_retry_after`) and not above `max_retry_after` (a longer requested pause is not
  slept through: the error is raised with `retry_after` set); otherwise exponential backoff with jitter.
- When to stop: `give_up` (a requested pause refused by `pause_refused`, no attempt left, past the deadline),
  with the pause from `retry_delay`; the call loop and the download ask the same functions.
- Which error an answer is: `_errors.error_from_response`; whether a submit may be resent: `_submit`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sora_unified._errors import SoraUnifiedError


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
        base = min(self.max_delay, self.initial_delay * (2.0 ** min(retry_index, 64)))  # 2.0**1024 overflows
        return base * (1.0 - self.jitter * rand)


GiveUp = Literal["retry_after", "attempts", "deadline"]


def retry_delay(policy: RetryPolicy, attempt: int, retry_after: float | None, rand: float) -> float:
    """The pause after failed attempt number `attempt` (1-based): the server's Retry-After, else backoff."""
    return retry_after if retry_after is not None else policy.backoff(attempt - 1, rand)


def pause_refused(policy: RetryPolicy, retry_after: float | None, now: float, deadline: float | None) -> GiveUp | None:
    """Why a requested pause is not slept through, or None: it would end past `deadline` ("deadline"), or, with no
    deadline, it is above `max_retry_after` ("retry_after": the caller decides, the error carries the pause)."""
    if retry_after is None:
        return None
    if deadline is None:
        return "retry_after" if retry_after > policy.max_retry_after else None
    return "deadline" if now + retry_after > deadline else None


def give_up(
    policy: RetryPolicy, attempt: int, retry_after: float | None, delay: float, now: float, deadline: float | None
) -> GiveUp | None:
    """Why no retry follows attempt number `attempt`, or None to retry after `delay`.

    In the order the call loop checks them: a requested pause refused (`pause_refused`), no attempt left, or a
    pause that would end past `deadline` (None: no deadline; `now` is then not read).
    """
    refused = pause_refused(policy, retry_after, now, deadline)
    if refused is not None:
        return refused
    if attempt >= policy.max_attempts:
        return "attempts"
    if deadline is not None and now + delay > deadline:
        return "deadline"
    return None


def is_retryable_status(status: int) -> bool:
    """429 and every 5xx."""
    return status == 429 or 500 <= status <= 599


class DeadlineExceeded(Exception):
    """Internal: a retry would sleep past the caller's deadline; `cause` is the error that would be retried."""

    def __init__(self, cause: SoraUnifiedError) -> None:
        super().__init__(str(cause))
        self.cause = cause

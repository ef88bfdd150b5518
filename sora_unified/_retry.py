"""Pure retry decisions shared by the sync and async call loops and the download: what to retry, how long to wait.

- Retried: HTTP 429 and 5xx, transport errors (no HTTP answer) and answers whose body httpx cannot decode
  (`httpx.DecodingError`, e.g. a corrupt gzip stream), up to `RetryPolicy.max_attempts`.
- Delay: the provider's `Retry-After` (seconds or HTTP-date, RFC 9110 10.2.3) or `retry-after-ms` when
  given (`_headers.parse_retry_after`) and not above `max_retry_after` (a longer requested pause is not
  slept through: the error is raised with `retry_after` set); otherwise exponential backoff with jitter.
- Which error an answer is: `_errors.error_from_response`; whether a submit may be resent: `_submit`.
"""

from __future__ import annotations

from dataclasses import dataclass

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


def is_retryable_status(status: int) -> bool:
    """429 and every 5xx."""
    return status == 429 or 500 <= status <= 599


class DeadlineExceeded(Exception):
    """Internal: a retry would sleep past the caller's deadline; `cause` is the error that would be retried."""

    def __init__(self, cause: SoraUnifiedError) -> None:
        super().__init__(str(cause))
        self.cause = cause

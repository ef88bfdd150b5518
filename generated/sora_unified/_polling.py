# Generated from specs/*.yaml and specs/mappings/ by `make generate`: do not edit.
"""Pure polling schedule for `wait`: the provider's documented interval window, backoff and jitter.

Poll n (0-based) waits `min_interval * backoff_factor**n`, capped at `max_interval`, spread by +-20 %
jitter but never outside the documented window [min_interval, max_interval], so many clients polling
at once do not hit the provider in lockstep. A `Retry-After` on a status answer lengthens the pause.
"""

from __future__ import annotations

from sora_unified._capabilities import PollingGuidance

JITTER = 0.2


def poll_delay(guidance: PollingGuidance, poll_index: int, rand: float, retry_after: float | None = None) -> float:
    """Seconds to sleep before the next status call."""
    base = min(guidance.max_interval, guidance.min_interval * guidance.backoff_factor ** max(0, poll_index))
    low = max(guidance.min_interval, base * (1.0 - JITTER))
    high = min(guidance.max_interval, base * (1.0 + JITTER))
    delay = low + (high - low) * rand
    if retry_after is not None:
        delay = max(delay, retry_after)
    return delay


def initial_delay(guidance: PollingGuidance, rand: float) -> float:
    """Seconds to wait after a submit before the first status call (+0..20 % jitter)."""
    return guidance.initial_delay * (1.0 + JITTER * rand)

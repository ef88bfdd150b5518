"""Pure polling schedule for `wait`: the provider's documented interval window, backoff, jitter, and a cap that
keeps the detection delay proportional to the task's age.

Poll n (0-based) aims at `min_interval * backoff_factor**n`, but never more than `elapsed_fraction` (a mapping
value, 0.15 for every provider today) of the time elapsed since the wait began (the submit, when `wait`
follows it), and never outside the documented window [min_interval, max_interval]. A task is seen on average
half a pause after it finishes, so capping the pause at 15 % of the elapsed time keeps that delay near 7.5 %
of the task's duration for short tasks, while long tasks still slow down to `max_interval` (Rivya's "slow down
for long video jobs"). Jitter of +-10 % around the aim, clipped to the window, keeps clients that started
together from polling in lockstep. A `Retry-After` on a status answer, or a poll-hint header the mapping names
(`polling.hint_headers`, e.g. OpenAI's `openai-poll-after-ms`), lengthens the pause. The figures behind
these numbers are recorded in each mapping's polling decision (`make bench`, section polling).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from sora_unified._capabilities import PollingGuidance
from sora_unified._headers import header
from sora_unified._spec import PollHint

# Jitter of the first poll after a submit (0..+20 %: Rivya's "wait 2-3 seconds" is 2.5 s + 0..0.5 s).
INITIAL_JITTER = 0.2
# Jitter of every later pause, around its aim and clipped to the documented window.
JITTER = 0.1


def _grown(start: float, factor: float, steps: int) -> float:
    """`start * factor**steps` without overflow: past ~1000 steps any factor above 1 has left every window."""
    if factor <= 1.0 or steps <= 0:
        return start * (factor ** max(0, min(steps, 1000)))
    return start * factor ** min(steps, 1000) if steps * math.log(factor) < 700 else math.inf


def poll_delay(
    guidance: PollingGuidance,
    poll_index: int,
    rand: float,
    retry_after: float | None = None,
    elapsed: float | None = None,
) -> float:
    """Seconds to sleep before the next status call; `elapsed` is the time since the wait began, if known."""
    aim = min(guidance.max_interval, _grown(guidance.min_interval, guidance.backoff_factor, poll_index))
    if elapsed is not None:
        aim = min(aim, max(guidance.min_interval, guidance.elapsed_fraction * elapsed))
    low = max(guidance.min_interval, aim * (1.0 - JITTER))
    high = min(guidance.max_interval, aim * (1.0 + JITTER))
    delay = low + (high - low) * rand
    if retry_after is not None:
        delay = max(delay, retry_after)
    return delay


def initial_delay(guidance: PollingGuidance, rand: float) -> float:
    """Seconds to wait after a submit before the first status call (+0..20 % jitter)."""
    return guidance.initial_delay * (1.0 + INITIAL_JITTER * rand)


def poll_hint(hints: tuple[PollHint, ...], headers: Mapping[str, str]) -> float | None:
    """Seconds asked for by the first provider poll-hint header present (e.g. openai-poll-after-ms), or None."""
    for hint in hints:
        value = header(headers, hint.header)
        if value is not None:
            try:
                return max(0.0, float(value) * hint.seconds_per_unit)
            except ValueError:
                continue
    return None

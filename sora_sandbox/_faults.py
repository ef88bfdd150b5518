"""Choosing faults: scripted ones first (deterministic tests), then a seeded random draw (soak runs).

A `Fault` is fully decided when drawn (status code, Retry-After form, before/after commit), so the
transport code only carries it out.
"""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass
from email.utils import formatdate

from sora_sandbox._config import APPLICABLE, EndpointKind, FaultConfig, FaultKind, ScriptedFault


@dataclass(frozen=True)
class Fault:
    """A fault decided for one request."""

    kind: FaultKind
    status: int = 0
    retry_after: str = ""
    after_commit: bool = False
    slow_s: float = 0.0


class FaultPlan:
    """Thread-safe fault source for the whole sandbox."""

    def __init__(self, config: FaultConfig) -> None:
        self._lock = threading.Lock()
        self.configure(config)

    def configure(self, config: FaultConfig) -> None:
        """Replace the settings; the RNG restarts from the new seed so a run is reproducible."""
        with self._lock:
            self.config = config
            self._rng = random.Random(config.seed)
            self._script = list(config.script)

    def push(self, faults: list[ScriptedFault]) -> None:
        """Queue faults for the next matching requests."""
        with self._lock:
            self._script.extend(faults)

    def pending(self) -> int:
        """How many scripted faults are still queued."""
        with self._lock:
            return len(self._script)

    def draw(self, provider: str, endpoint: EndpointKind) -> Fault | None:
        """The fault for this request, or None."""
        with self._lock:
            for i, scripted in enumerate(self._script):
                if scripted.matches(provider, endpoint) and scripted.kind in APPLICABLE[endpoint]:
                    del self._script[i]
                    return self._decide(scripted, endpoint)
            cfg = self.config
            rate = cfg.rate_for(provider, endpoint)
            if rate <= 0 or self._rng.random() >= rate:
                return None
            kinds = sorted(cfg.kinds & APPLICABLE[endpoint])
            if not kinds:
                return None
            return self._decide(ScriptedFault(kind=self._rng.choice(kinds)), endpoint)

    def _decide(self, scripted: ScriptedFault, endpoint: EndpointKind) -> Fault:
        cfg = self.config
        kind = scripted.kind
        if kind is FaultKind.RATE_LIMITED:
            form = scripted.retry_after or self._rng.choice(["seconds", "http-date"])
            # RFC 9110 10.2.3: Retry-After is delay-seconds or an HTTP-date; clients must handle both.
            value = (
                str(cfg.retry_after_s)
                if form == "seconds"
                else formatdate(self._now() + cfg.retry_after_s, usegmt=True)
            )
            return Fault(kind, status=429, retry_after=value)
        if kind is FaultKind.SERVER_ERROR:
            status = scripted.status or self._rng.choice([500, 502, 503])
            return Fault(kind, status=status, after_commit=self._after_commit(scripted, endpoint))
        if kind is FaultKind.RESET:
            return Fault(kind, after_commit=self._after_commit(scripted, endpoint))
        if kind is FaultKind.SLOW:
            return Fault(kind, slow_s=cfg.slow_s)
        return Fault(kind)

    def _after_commit(self, scripted: ScriptedFault, endpoint: EndpointKind) -> bool:
        wanted = self.config.after_commit if scripted.after_commit is None else scripted.after_commit
        return wanted and endpoint is EndpointKind.CREATE

    @staticmethod
    def _now() -> float:
        return time.time()

"""Configuration of a sandbox run: clock, keys, credits and fault injection.

`SandboxConfig` is what `run_sandbox` and `python -m sora_sandbox` take; `FaultConfig` is the part that can be
changed while the sandbox runs (`SandboxHandle.set_faults` or `PUT /_sandbox/faults`).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

# A wheel carries the specs inside this package (pyproject: hatch `force-include` of specs/); a checkout
# (or an editable install) reads them from the repository, next to this package.
_PACKAGED_SPECS_DIR = Path(__file__).resolve().parent / "_specs_data"
# Installed from the wheel: the specs shipped beside the package; in the repository: specs/.
DEFAULT_SPECS_DIR = (
    _PACKAGED_SPECS_DIR if _PACKAGED_SPECS_DIR.is_dir() else Path(__file__).resolve().parents[1] / "specs"
)


class FaultKind(enum.StrEnum):
    """What can go wrong on one request; which kinds apply depends on the endpoint kind."""

    RATE_LIMITED = "rate_limited"  # 429 + Retry-After (seconds or HTTP-date)
    SERVER_ERROR = "server_error"  # 500, 502 (HTML from a "proxy") or 503
    RESET = "reset"  # TCP reset, no response at all (downloads: reset after part of the body)
    SLOW = "slow"  # the answer comes after FaultConfig.slow_s
    TRUNCATED = "truncated"  # JSON cut short (Content-Length matches); downloads: body cut, connection closed
    NON_JSON = "non_json"  # 200 with an HTML body
    UNKNOWN_STATUS = "unknown_status"  # a task payload with an undocumented status value ("rendering")
    TASK_FAILED = "task_failed"  # the create succeeds, the task ends failed


class EndpointKind(enum.StrEnum):
    """Fault rates are set per endpoint kind: POST operations create, GET operations read, media downloads."""

    CREATE = "create"
    STATUS = "status"
    DOWNLOAD = "download"


APPLICABLE: Mapping[EndpointKind, frozenset[FaultKind]] = {
    EndpointKind.CREATE: frozenset(FaultKind) - {FaultKind.UNKNOWN_STATUS},
    EndpointKind.STATUS: frozenset(FaultKind) - {FaultKind.TASK_FAILED},
    EndpointKind.DOWNLOAD: frozenset(
        {FaultKind.RATE_LIMITED, FaultKind.SERVER_ERROR, FaultKind.RESET, FaultKind.SLOW, FaultKind.TRUNCATED}
    ),
}


@dataclass(frozen=True)
class ScriptedFault:
    """One fault to inject on the next matching request (deterministic, for tests)."""

    kind: FaultKind
    provider: str | None = None
    endpoint: EndpointKind | None = None
    status: int | None = None  # SERVER_ERROR: 500, 502 or 503
    retry_after: str | None = None  # RATE_LIMITED: "seconds" or "http-date"
    after_commit: bool | None = None  # CREATE + SERVER_ERROR/RESET: create the task first, then lose the answer

    def matches(self, provider: str, endpoint: EndpointKind) -> bool:
        """True when this fault is meant for that provider and endpoint kind."""
        return self.provider in (None, provider) and self.endpoint in (None, endpoint)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ScriptedFault:
        """Build from the control API's JSON."""
        endpoint = data.get("endpoint")
        return cls(
            kind=FaultKind(data["kind"]),
            provider=data.get("provider"),
            endpoint=EndpointKind(endpoint) if endpoint else None,
            status=data.get("status"),
            retry_after=data.get("retry_after"),
            after_commit=data.get("after_commit"),
        )


@dataclass(frozen=True)
class FaultConfig:
    """Random faults: each request draws one with probability `rate` (or a per-target override) from `kinds`.

    `rates` keys are `"<provider>/<endpoint kind>"`, `"<provider>/*"` or `"*/<endpoint kind>"`; the most
    specific wins. `after_commit` makes a drawn SERVER_ERROR/RESET on a create happen after the task exists.
    """

    rate: float = 0.0
    seed: int = 0
    kinds: frozenset[FaultKind] = frozenset(FaultKind)
    rates: Mapping[str, float] = field(default_factory=dict)
    after_commit: bool = False
    retry_after_s: int = 1
    slow_s: float = 2.0
    script: tuple[ScriptedFault, ...] = ()

    def rate_for(self, provider: str, endpoint: EndpointKind) -> float:
        """The fault probability for one provider and endpoint kind."""
        for key in (f"{provider}/{endpoint}", f"{provider}/*", f"*/{endpoint}"):
            if key in self.rates:
                return self.rates[key]
        return self.rate

    def to_json(self) -> dict[str, Any]:
        """JSON form for `GET /_sandbox/faults`."""
        return {
            "rate": self.rate,
            "seed": self.seed,
            "kinds": sorted(self.kinds),
            "rates": dict(self.rates),
            "after_commit": self.after_commit,
            "retry_after_s": self.retry_after_s,
            "slow_s": self.slow_s,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> FaultConfig:
        """Build from the control API's JSON; unknown settings raise ValueError."""
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown fault settings: {sorted(unknown)}")
        args: dict[str, Any] = dict(data)
        if "kinds" in args:
            args["kinds"] = frozenset(FaultKind(k) for k in args["kinds"])
        if "script" in args:
            args["script"] = tuple(ScriptedFault.from_json(s) for s in args["script"])
        return cls(**args)


@dataclass(frozen=True)
class SandboxConfig:
    """Everything a sandbox run needs; the defaults serve `make sandbox` at a human pace.

    Tasks stay `queued_s` then run `running_s` simulated seconds; `time_scale` simulated seconds pass
    per real second (100 makes a 10 s task take 0.1 s). `keys` maps a provider id to its accepted
    bearer keys (missing providers get the provider's default key). A prompt containing `fail_marker`
    makes the task fail.
    """

    specs_dir: Path = DEFAULT_SPECS_DIR
    time_scale: float = 1.0
    queued_s: float = 2.0
    running_s: float = 8.0
    keys: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    initial_credits: int = 100_000
    fail_marker: str = "[sandbox:fail]"
    faults: FaultConfig = field(default_factory=FaultConfig)
    video_fps: int = 2
    video_long_side: int = 128
    video_short_side: int = 72
    validate_responses: bool = True

    def real_seconds(self, simulated: float) -> float:
        """How long `simulated` seconds of task time last on the wall clock."""
        return simulated / self.time_scale

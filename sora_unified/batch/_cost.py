"""What a batch would cost before anything is paid: jobs and video seconds per provider, and credits.

A job without `seconds` gets the duration the provider's mapping sends for its model (GlobalAiOpc: 8 s);
where the provider chooses on its own (the field is optional and the default is not in the capability
data), the job is counted in `default_duration_jobs` instead of being guessed. Credits are given per task
by the caller, keyed `"provider/model id"` (Rivya bills a fixed `base_credits` per task: its spec's model
card), since the rendered provider data does not carry prices; a provider with any job of unknown price
reports `credits=None`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sora_unified._registry import PROVIDERS
from sora_unified.batch._jobs import BatchJob


@dataclass(frozen=True)
class ProviderCost:
    """One provider's share of a batch."""

    provider: str
    jobs: int
    seconds: int  # total video seconds of the jobs whose duration is known
    default_duration_jobs: int  # jobs left to the provider's own default duration
    credits: int | None  # None: no price known for this provider

    def to_json(self) -> dict[str, object]:
        """JSON-ready."""
        return {
            "provider": self.provider,
            "jobs": self.jobs,
            "seconds": self.seconds,
            "default_duration_jobs": self.default_duration_jobs,
            "credits": self.credits,
        }


def model_id(job: BatchJob) -> str:
    """The provider's id of the model the job asks for (its default when none)."""
    spec, _ = PROVIDERS[job.provider]
    caps = spec.info().model(job.request.model or spec.default_model)
    return job.request.model or spec.default_model if caps is None else caps.id


def _seconds(job: BatchJob) -> int | None:
    if job.request.seconds is not None:
        return job.request.seconds
    spec, _ = PROVIDERS[job.provider]
    wanted = model_id(job)
    for model in spec.models:
        if model.id == wanted:
            value = model.defaults.get("seconds")
            return value if isinstance(value, int) else None
    return None


def estimate(jobs: Sequence[BatchJob], credits_per_task: Mapping[str, int] | None = None) -> tuple[ProviderCost, ...]:
    """Per provider (sorted): jobs, video seconds, jobs at the provider's default duration, credits.

    `credits_per_task` maps "provider/model id" to the credits one task costs.
    """
    prices = credits_per_task or {}
    rows: list[ProviderCost] = []
    for provider in sorted({job.provider for job in jobs}):
        mine = [job for job in jobs if job.provider == provider]
        durations = [_seconds(job) for job in mine]
        each = [prices.get(f"{provider}/{model_id(job)}") for job in mine]
        rows.append(
            ProviderCost(
                provider=provider,
                jobs=len(mine),
                seconds=sum(d for d in durations if d is not None),
                default_duration_jobs=sum(d is None for d in durations),
                credits=None if None in each else sum(p for p in each if p is not None),
            )
        )
    return tuple(rows)

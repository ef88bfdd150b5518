"""`python -m sora_sandbox.soak --tasks N --fault-rate F` (`make soak`): N tasks through sora_unified, random faults.

Tasks go round-robin to every provider the layer discovers, through `AsyncVideoClient` with bounded concurrency
and the sandbox's sped-up clock (`ScaledTime`). Each logical submit gets its own API key, so the sandbox's
per-key task counter tells exactly how many tasks one submit made (`DEFINITIONS` of lost and duplicate).
Two fault profiles (both run by default):

- `default`: random faults at rate F on every status and download call of every provider and on Rivya-style
  creates (an Idempotency-Key makes a resend safe; server errors and resets there happen after the task is
  committed). Creates of providers without idempotency only get 429 + Retry-After (refused, so safe to resend).
- `ambiguous-creates`: the same, plus 5xx, resets and slow answers on those non-idempotent creates. Their outcome
  is unknown, the layer must not resend them: expect 0 duplicates, every such create surfaced as
  SubmitOutcomeUnknownError, and the tasks committed behind them counted as lost.

The sandbox's random faults cannot choose fault kinds per provider (`FaultConfig.kinds` is global), so faults on
non-idempotent creates are scripted: before each such submit the soak draws, at rate F, one fault for the next
create of that provider. TASK_FAILED is left out: a failed task is a result, not a transport fault (the e2e
tests cover it). The layer retries unreadable status answers itself; when a call still ends in a typed error the
soak resumes the wait, as a caller would, and counts such caller-level resumes separately. Retries made by the
layer are read from each client's `stats` (`ClientStats.retries`, `.download_retries`).
Fault draws are seeded, but which request meets which draw depends on the order concurrent requests arrive,
so figures vary a little from run to run.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from sora_sandbox._config import EndpointKind, FaultConfig, FaultKind, SandboxConfig, ScriptedFault
from sora_sandbox.clocks import ScaledTime
from sora_sandbox.demo import probe
from sora_sandbox.server import SandboxHandle, run_sandbox
from sora_sandbox.testing import accepted_request, default_model
from sora_unified import (
    AsyncVideoClient,
    DownloadError,
    MalformedResponseError,
    ProviderConnectionError,
    ProviderError,
    ProviderInfo,
    RateLimitError,
    RetryPolicy,
    SubmitOutcomeUnknownError,
    TaskFailedError,
    VideoClient,
    VideoRequest,
    VideoTask,
)

PROFILES = ("default", "ambiguous-creates")
RANDOM_KINDS = frozenset(FaultKind) - {FaultKind.TASK_FAILED}
# Scripted create faults for providers without idempotency, per profile.
SCRIPTED_KINDS = {
    "default": (FaultKind.RATE_LIMITED,),
    "ambiguous-creates": (FaultKind.RATE_LIMITED, FaultKind.SERVER_ERROR, FaultKind.RESET, FaultKind.SLOW),
}
CALLER_ATTEMPTS = 5  # how often the soak itself re-calls submit/wait/download after a typed error
WAIT_TIMEOUT_S = 3600.0  # simulated


@dataclass(frozen=True)
class SoakConfig:
    """One soak run."""

    tasks: int = 300
    fault_rate: float = 0.2
    profile: str = "default"
    concurrency: int = 50
    seed: int = 1
    scale: float = 100.0  # simulated seconds per real second, in the sandbox and the clients
    timeout_s: float = 1.0  # per HTTP request, real seconds
    slow_s: float = 1.5  # a slow fault answers after this long, real seconds (past timeout_s)
    retry: RetryPolicy = field(default_factory=lambda: RetryPolicy(max_attempts=8))


@dataclass
class TaskOutcome:
    """What happened to one logical submit."""

    provider: str
    api_key: str
    task_id: str | None = None
    completed: bool = False
    failed: bool = False
    unknown_outcomes: int = 0
    malformed_submits: int = 0
    resubmits: int = 0
    wait_resumes: int = 0
    download_calls: int = 0
    layer_retries: int = 0  # submit/status retries made by the client (`ClientStats.retries`)
    download_retries: int = 0  # `ClientStats.download_retries`
    error: str | None = None


@dataclass
class SoakReport:
    """Figures of one run (see the module docstring for the definitions)."""

    profile: str
    tasks: int
    fault_rate: float
    completed: int
    failed: int
    lost: int
    duplicates: int
    unknown_outcomes: int
    malformed_submits: int
    layer_retries: int
    download_retries: int
    caller_resubmits: int
    caller_resumes: int
    requests: int
    faults: Counter[str]
    errors: Counter[str]
    wall_s: float

    def lines(self) -> list[str]:
        """The printed report."""
        by_endpoint: Counter[str] = Counter()
        by_kind: Counter[str] = Counter()
        for key, count in self.faults.items():  # "<provider>/<endpoint kind>/<fault kind>"
            _, endpoint, kind = key.split("/")
            by_endpoint[endpoint] += count
            by_kind[kind] += count
        out = [
            f"soak profile {self.profile!r}: {self.tasks} tasks, fault rate {self.fault_rate:g}",
            f"  tasks completed            {self.completed} / {self.tasks} (downloaded and decoded)",
            f"  tasks lost                 {self.lost}",
            f"  duplicate creates          {self.duplicates}",
            f"  submit outcome unknown     {self.unknown_outcomes} (SubmitOutcomeUnknownError raised)",
            f"  unreadable create answers  {self.malformed_submits} (MalformedResponseError on submit)",
            f"  retries made by the layer  {self.layer_retries + self.download_retries}"
            f" ({self.layer_retries} submit/status, {self.download_retries} download)",
            f"  caller re-calls            {self.caller_resubmits} resubmits (same Idempotency-Key, or after a"
            f" refusal), {self.caller_resumes} wait/download resumes after a typed error",
            f"  sandbox HTTP requests      {self.requests}",
            f"  faults injected            {sum(self.faults.values())} ("
            + ", ".join(f"{kind} {n}" for kind, n in sorted(by_endpoint.items()))
            + ")",
            "                             " + ", ".join(f"{kind} {n}" for kind, n in sorted(by_kind.items())),
            f"  tasks failed               {self.failed}",
            f"  wall time                  {self.wall_s:.1f} s",
        ]
        out.extend(f"  error: {message} x{count}" for message, count in self.errors.most_common(5))
        return out


DEFINITIONS = [
    "lost      = a task the sandbox created whose id the caller never received",
    "duplicate = more than one sandbox task for one logical submit (tasks beyond the first)",
]


def request_for(info: ProviderInfo, index: int) -> VideoRequest:
    """The default model's first duration, orientations alternating (few distinct videos: the media cache hits)."""
    orientations = default_model(info).orientations
    return accepted_request(info, "soak", orientations[index % len(orientations)] if orientations else None)


class Soak:
    """One run: the sandbox handle, the clients' settings and the random draws of scripted faults."""

    def __init__(self, config: SoakConfig, sandbox: SandboxHandle, out_dir: Path) -> None:
        self.config = config
        self.sandbox = sandbox
        self.out_dir = out_dir
        self.time = ScaledTime(config.scale)
        self.rng = random.Random(config.seed)
        self.semaphore = asyncio.Semaphore(config.concurrency)

    def client(self, provider: str, api_key: str) -> AsyncVideoClient:
        """A client on the sandbox (plain HTTP: no TLS context, which costs ~40 ms per client)."""
        return AsyncVideoClient(
            provider,
            api_key=api_key,
            base_url=self.sandbox.base_url,
            timeout=self.config.timeout_s,
            retry=self.config.retry,
            transport=httpx.AsyncHTTPTransport(verify=False),
            clock=self.time.clock,
            sleep=self.time.async_sleep,
        )

    def script_create_fault(self, provider: str) -> None:
        """At rate F, one fault for the next create of a provider without idempotency."""
        if self.rng.random() >= self.config.fault_rate:
            return
        kind = self.rng.choice(SCRIPTED_KINDS[self.config.profile])
        after_commit = self.rng.random() < 0.5 if kind in (FaultKind.SERVER_ERROR, FaultKind.RESET) else None
        self.sandbox.script_faults([ScriptedFault(kind, provider, EndpointKind.CREATE, after_commit=after_commit)])

    async def run_one(self, index: int, info: ProviderInfo, api_key: str) -> TaskOutcome:
        """Submit, wait and download one task; every typed error is recorded, none escapes."""
        outcome = TaskOutcome(info.id, api_key)
        async with self.semaphore, self.client(info.id, api_key) as client:
            request = request_for(info, index)
            try:
                task = await self.submit(client, info, request, index, outcome)
                if task is not None:
                    outcome.task_id = task.id
                    await self.finish(client, task, request, index, outcome)
            except TaskFailedError:
                outcome.failed = True
            except Exception as exc:  # counted in the report: a soak must finish and say what went wrong
                outcome.error = f"{type(exc).__name__}: {exc}"
            stats = client.stats
            outcome.layer_retries, outcome.download_retries = stats.retries, stats.download_retries
        return outcome

    async def submit(
        self, client: AsyncVideoClient, info: ProviderInfo, request: VideoRequest, index: int, outcome: TaskOutcome
    ) -> VideoTask | None:
        """Submit; resubmit only when that cannot duplicate (same Idempotency-Key, or the create was refused)."""
        key = f"soak-{self.config.seed}-{index}" if info.idempotent_submit else None
        for attempt in range(CALLER_ATTEMPTS):
            if key is None:
                self.script_create_fault(info.id)
            if attempt:
                outcome.resubmits += 1
            try:
                return await client.submit(request, idempotency_key=key)
            except SubmitOutcomeUnknownError:
                outcome.unknown_outcomes += 1
                if key is None:
                    return None
            except MalformedResponseError:
                outcome.malformed_submits += 1
                if key is None:
                    return None
            except (RateLimitError, ProviderConnectionError):
                pass  # refused or never sent (the layer raises SubmitOutcomeUnknownError otherwise)
        return None

    async def finish(
        self, client: AsyncVideoClient, task: VideoTask, request: VideoRequest, index: int, outcome: TaskOutcome
    ) -> None:
        """Wait and download, resuming after typed errors as a caller would; check the file's duration with PyAV."""
        done: VideoTask | None = None
        for attempt in range(CALLER_ATTEMPTS):
            outcome.wait_resumes += 1 if attempt else 0
            try:
                done = await client.wait(task, timeout=WAIT_TIMEOUT_S)
                break
            except (MalformedResponseError, RateLimitError, ProviderError):
                continue
        if done is None:
            raise RuntimeError(f"wait gave up {CALLER_ATTEMPTS} times")
        destination = self.out_dir / f"{task.provider}-{index}.mp4"
        for attempt in range(CALLER_ATTEMPTS):
            outcome.wait_resumes += 1 if attempt else 0
            outcome.download_calls += 1
            try:
                path = await client.download(done, destination)
            except DownloadError:
                continue
            facts = await asyncio.to_thread(probe, path)
            outcome.completed = facts.frames > 0 and round(facts.duration_s) == request.seconds
            path.unlink()
            return
        raise RuntimeError(f"download gave up {CALLER_ATTEMPTS} times")

    async def run_all(self, keys: list[tuple[ProviderInfo, str]]) -> list[TaskOutcome]:
        """Every task at once, `concurrency` at a time."""
        jobs = [self.run_one(index, info, key) for index, (info, key) in enumerate(keys)]
        return list(await asyncio.gather(*jobs))


def _sandbox_config(
    config: SoakConfig, keys: list[tuple[ProviderInfo, str]], infos: list[ProviderInfo]
) -> SandboxConfig:
    idempotent = {info.id for info in infos if info.idempotent_submit}
    rates = {f"{info.id}/{EndpointKind.CREATE}": 0.0 for info in infos if info.id not in idempotent}
    per_provider: dict[str, list[str]] = {info.id: [] for info in infos}
    for info, key in keys:
        per_provider[info.id].append(key)
    return SandboxConfig(
        time_scale=config.scale,
        # ~45 simulated seconds per task: several polls each (Rivya polls every 5-10 s, GlobalAiOpc 30-60 s),
        # so status calls get their share of faults.
        queued_s=5.0,
        running_s=40.0,
        keys={provider: tuple(provider_keys) for provider, provider_keys in per_provider.items()},
        faults=FaultConfig(
            rate=config.fault_rate,
            seed=config.seed,
            kinds=RANDOM_KINDS,
            rates=rates,
            after_commit=True,
            slow_s=config.slow_s,
        ),
    )


def run_soak(config: SoakConfig) -> SoakReport:
    """Start a sandbox, run the soak, read the sandbox's counters, stop it; the figures."""
    infos = list(VideoClient.providers())
    keys = [(infos[i % len(infos)], f"soak-{infos[i % len(infos)].id}-{i:05d}") for i in range(config.tasks)]
    with run_sandbox(_sandbox_config(config, keys, infos)) as sandbox, tempfile.TemporaryDirectory() as out:
        soak = Soak(config, sandbox, Path(out))
        started = time.monotonic()
        outcomes = asyncio.run(soak.run_all(keys))
        wall = time.monotonic() - started
        time.sleep(config.slow_s + 0.2)  # slow creates still running server-side may yet commit a task
        stats = sandbox.stats()
    return summarize(config, outcomes, stats, wall)


def summarize(config: SoakConfig, outcomes: list[TaskOutcome], stats: dict[str, Any], wall: float) -> SoakReport:
    """Join the caller's outcomes with the sandbox's per-key task counts (`SandboxHandle.stats()`)."""
    created: dict[str, int] = stats["tasks_created"]
    requests: dict[str, int] = stats["requests"]
    lost = duplicates = 0
    for outcome in outcomes:
        made = created.get(f"{outcome.provider}/{outcome.api_key}", 0)
        received = 1 if outcome.task_id is not None else 0
        lost += max(0, made - received)
        duplicates += max(0, made - 1)
    errors = Counter(o.error for o in outcomes if o.error is not None)
    return SoakReport(
        profile=config.profile,
        tasks=config.tasks,
        fault_rate=config.fault_rate,
        completed=sum(o.completed for o in outcomes),
        failed=sum(o.failed for o in outcomes),
        lost=lost,
        duplicates=duplicates,
        unknown_outcomes=sum(o.unknown_outcomes for o in outcomes),
        malformed_submits=sum(o.malformed_submits for o in outcomes),
        layer_retries=sum(o.layer_retries for o in outcomes),
        download_retries=sum(o.download_retries for o in outcomes),
        caller_resubmits=sum(o.resubmits for o in outcomes),
        caller_resumes=sum(o.wait_resumes for o in outcomes),
        requests=sum(requests.values()),
        faults=Counter(stats["faults"]),
        errors=errors,
        wall_s=wall,
    )


def main(argv: list[str] | None = None) -> int:
    """Run the chosen profiles and print their reports; 1 when the default profile misses its target."""
    parser = argparse.ArgumentParser(prog="python -m sora_sandbox.soak", description=__doc__.split("\n\n")[0])
    parser.add_argument("--tasks", type=int, default=300, help="logical submits (default 300)")
    parser.add_argument("--fault-rate", type=float, default=0.2, help="fault probability per call (default 0.2)")
    parser.add_argument("--concurrency", type=int, default=50, help="tasks in flight at once (default 50)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the fault draws")
    parser.add_argument("--profile", choices=[*PROFILES, "both"], default="both", help="fault profile (default both)")
    parser.add_argument("--ambiguous-creates", action="store_true", help="same as --profile ambiguous-creates")
    args = parser.parse_args(argv)
    profiles = PROFILES if args.profile == "both" else (args.profile,)
    if args.ambiguous_creates:
        profiles = ("ambiguous-creates",)
    print(*DEFINITIONS, sep="\n")
    status = 0
    for profile in profiles:
        config = SoakConfig(args.tasks, args.fault_rate, profile, args.concurrency, args.seed)
        report = run_soak(config)
        print(*report.lines(), sep="\n", flush=True)
        if profile == "default" and (report.completed, report.lost, report.duplicates) != (config.tasks, 0, 0):
            status = 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())

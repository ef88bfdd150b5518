"""The batch flow on `AsyncVideoClient`: submit, wait and download every job, journalled, resumable.

`BatchRunner.run` first reconciles the JOBS file with the journal (a job whose request changed is refused,
jobs already finished are skipped, in-flight tasks are polled again, a submit interrupted on a provider
without idempotency becomes `unknown`), then runs the rest with at most `concurrency` jobs in flight per
provider. A `RateLimitError` that survives the client's own retries pauses that provider only (`_Throttle`).
Every state change is committed to the journal before the next network call (see `_journal`), and reported
to `on_event` for a display.

A provider without idempotency gets one submit on the wire at a time: a crash (SIGKILL, power loss) can then
leave at most one job per such provider `unknown`, instead of every submit that was in flight; submits are
short next to the tasks they start, so this costs little. Waits and downloads keep the full concurrency.

Cancelling `run` (Ctrl-C, SIGTERM) stops cleanly: submits already on the wire are let finish (shielded) so
their task ids reach the journal; everything else stops where it is and resumes on the next run.
"""

from __future__ import annotations

import asyncio
import hashlib
import math
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from uuid import uuid4

from sora_unified._async_client import AsyncVideoClient
from sora_unified._errors import (
    AuthenticationError,
    ConfigurationError,
    InsufficientCreditsError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    SoraUnifiedError,
    SubmitOutcomeUnknownError,
    ValidationError,
    WaitTimeoutError,
)
from sora_unified._models import TaskStatus, VideoTask
from sora_unified.batch._jobs import BatchJob
from sora_unified.batch._journal import JobState, Journal, JournalEntry, JournalError

ClientFactory = Callable[[str], AsyncVideoClient]
Sleep = Callable[[float], Awaitable[None]]
# Refusals: nothing was created, and resending unchanged will be refused again (fix, then rerun).
_REFUSED = (ValidationError, AuthenticationError, PermissionDeniedError, InsufficientCreditsError, ConfigurationError)

# The longest pause a 429 may impose on one provider of a batch (a longer Retry-After is cut to it).
MAX_PAUSE = 600.0


@dataclass(frozen=True)
class BatchOptions:
    """How a batch runs. `wait_timeout` is per task, in the clients' clock; `attempts` bounds re-calls per step."""

    out_dir: Path
    concurrency: int = 4
    wait_timeout: float = 3600.0
    resubmit_unknown: bool = False
    attempts: int = 5
    backoff: float = 5.0  # seconds before re-calling after a transient error (doubles per attempt)


STARTING = "journal"  # BatchEvent.detail of the events that describe the journal as a run starts


@dataclass(frozen=True)
class BatchEvent:
    """A job changed state (for displays); `ref` is "provider:id" once known."""

    job_id: str
    provider: str
    state: JobState
    ref: str | None = None
    detail: str | None = None


@dataclass(frozen=True)
class BatchReport:
    """The journal after a run: every job's entry, counts per state and per provider."""

    entries: tuple[JournalEntry, ...]
    interrupted: bool = False
    slowdowns: Mapping[str, int] = field(default_factory=dict)  # per provider: pauses after a 429 (this run)

    @property
    def counts(self) -> Counter[str]:
        """Jobs per state."""
        return Counter(entry.state.value for entry in self.entries)

    def by_provider(self) -> dict[str, Counter[str]]:
        """Jobs per state for each provider."""
        out: dict[str, Counter[str]] = {}
        for entry in self.entries:
            out.setdefault(entry.provider, Counter())[entry.state.value] += 1
        return out

    @property
    def ok(self) -> bool:
        """True when every job succeeded."""
        return not self.interrupted and all(entry.state is JobState.SUCCEEDED for entry in self.entries)

    def to_json(self) -> dict[str, object]:
        """JSON-ready: counts, per provider, and one object per job."""
        return {
            "ok": self.ok,
            "interrupted": self.interrupted,
            "counts": dict(self.counts),
            "slowdowns": dict(self.slowdowns),
            "providers": {p: dict(c) for p, c in sorted(self.by_provider().items())},
            "jobs": [_entry_json(entry) for entry in self.entries],
        }


def _entry_json(entry: JournalEntry) -> dict[str, object]:
    return {
        "id": entry.job_id,
        "line": entry.line,
        "provider": entry.provider,
        "state": entry.state.value,
        "ref": entry.ref,
        "task_status": entry.task_status,
        "idempotency_key": entry.idempotency_key,
        "submits": entry.submits,
        "reconcile": entry.reconcile,
        "error": entry.error,
        "path": entry.path,
        "bytes": entry.size,
        "sha256": entry.sha256,
    }


def _error(exc: BaseException) -> dict[str, object]:
    return {"type": type(exc).__name__, "message": str(exc)}


def reconcile_data(exc: SubmitOutcomeUnknownError) -> dict[str, object]:
    """What an unknown submit leaves to reconcile it by (raw: the start of an unreadable answer)."""
    return {
        "fingerprint": exc.fingerprint,
        "sent_at": exc.sent_at.isoformat(),
        "gave_up_at": exc.gave_up_at.isoformat(),
        "client_reference": exc.client_reference,
        "idempotency_key": exc.idempotency_key,
        "raw": None if exc.raw is None else exc.raw.decode("utf-8", "replace"),
        "message": str(exc),
    }


class _Throttle:
    """Per provider: after a 429 that outlived the client's retries, no new call before `not_before`."""

    def __init__(self, clock: Callable[[], float], sleep: Sleep) -> None:
        self._clock = clock
        self._sleep = sleep
        self.not_before = 0.0
        self.slowdowns = 0

    async def ready(self) -> None:
        while (pause := self.not_before - self._clock()) > 0:
            await self._sleep(pause)

    def penalize(self, seconds: float) -> None:
        # A provider's requested pause, bounded: a hostile or broken Retry-After must not stall the batch forever.
        self.slowdowns += 1
        pause = seconds if math.isfinite(seconds) else MAX_PAUSE
        self.not_before = max(self.not_before, self._clock() + min(max(0.0, pause), MAX_PAUSE))


@dataclass
class _Provider:
    client: AsyncVideoClient
    gate: asyncio.Semaphore  # jobs in flight
    submits: asyncio.Semaphore  # submits on the wire: one where the provider has no idempotency (see run)
    throttle: _Throttle
    idempotent: bool


@dataclass
class BatchRunner:
    """Runs `jobs` into `options.out_dir` with the journal `journal`; clients come from `clients(provider)`.

    `clock` and `sleep` are the clients' (a fast clock in tests); `on_event` sees every state change.
    """

    jobs: Sequence[BatchJob]
    journal: Journal
    options: BatchOptions
    clients: ClientFactory
    on_event: Callable[[BatchEvent], None] | None = None
    clock: Callable[[], float] = time.monotonic
    sleep: Sleep = asyncio.sleep
    _providers: dict[str, _Provider] = field(default_factory=dict, init=False)
    _shielded: set[asyncio.Future[object]] = field(default_factory=set, init=False)
    _slowdowns: dict[str, int] = field(default_factory=dict, init=False)

    # ------------------------------------------------------------------ setup
    def prepare(self) -> list[tuple[BatchJob, JournalEntry]]:
        """Reconcile the jobs with the journal; the jobs that still have work to do (no network call)."""
        known = self.journal.entries()
        changed = [job.id for job in self.jobs if job.id in known and known[job.id].fingerprint != job.fingerprint]
        if changed:
            raise JournalError(
                f"{len(changed)} job(s) changed since the journal recorded them ({', '.join(changed[:5])}): "
                "give changed lines new ids, or use another output directory"
            )
        self.journal.add_jobs(
            (job.id, job.line, job.provider, job.request_json(), job.fingerprint)
            for job in self.jobs
            if job.id not in known
        )
        entries = self.journal.entries()
        idempotent = {info.id: info.idempotent_submit for info in AsyncVideoClient.providers()}
        todo: list[tuple[BatchJob, JournalEntry]] = []
        for job in self.jobs:
            entry = entries[job.id]
            if entry.state is JobState.SUCCEEDED and self._file_intact(entry):
                self._remove_partials(job)
                continue
            if entry.state is JobState.SUCCEEDED:  # the file was removed or changed since: fetch it again
                self.journal.record_status(job.id, JobState.DOWNLOADING, "succeeded", {"message": "file missing"})
            elif entry.state is JobState.FAILED:
                self._remove_partials(job)
                continue
            elif entry.state is JobState.UNKNOWN:
                if not self.options.resubmit_unknown:
                    self._remove_partials(job)
                    continue
                self.journal.reset_for_resubmit(job.id)
            elif entry.state is JobState.SUBMITTING and not idempotent.get(job.provider, False):
                # Interrupted while a submit was maybe on the wire, and no idempotency to resend it safely.
                reconcile = {
                    "fingerprint": job.fingerprint,
                    "sent_at": entry.sent_at,
                    "message": "the run stopped while this submit was in flight; look for a task created after"
                    " sent_at with this prompt before resubmitting",
                }
                self.journal.record_unknown(job.id, reconcile, None)
                self._emit(job, JobState.UNKNOWN, None, "interrupted submit")
                if not self.options.resubmit_unknown:
                    self._remove_partials(job)
                    continue
                self.journal.reset_for_resubmit(job.id)
            todo.append((job, self.journal.entry(job.id)))
        return todo

    def _remove_partials(self, job: BatchJob) -> None:
        # A job that will not download again: the partial file a killed run left (and its resume record) goes.
        # A job that will download keeps it: the download resumes it with Range (`_destination`).
        # Exact names (a glob would also match another job's file whose name starts with this one).
        for name in (f".{job.file_name}.download.part", f".{job.file_name}.download.part.json"):
            (self.options.out_dir / name).unlink(missing_ok=True)

    @staticmethod
    def _file_intact(entry: JournalEntry) -> bool:
        if entry.path is None:
            return False
        path = Path(entry.path)
        return path.is_file() and path.stat().st_size == entry.size

    def _provider(self, name: str) -> _Provider:
        if name not in self._providers:
            client = self.clients(name)
            idempotent = client.info.idempotent_submit
            self._providers[name] = _Provider(
                client=client,
                gate=asyncio.Semaphore(self.options.concurrency),
                submits=asyncio.Semaphore(self.options.concurrency if idempotent else 1),
                throttle=_Throttle(self.clock, self.sleep),
                idempotent=idempotent,
            )
        return self._providers[name]

    def _emit(self, job: BatchJob, state: JobState, ref: str | None, detail: str | None = None) -> None:
        if self.on_event is not None:
            self.on_event(BatchEvent(job.id, job.provider, state, ref, detail))

    # ------------------------------------------------------------------ the run
    async def run(self) -> BatchReport:
        """Run every job that has work left; the journal's final picture. Cancelling stops cleanly."""
        todo = self.prepare()
        for entry in self.report().entries:  # the starting picture, for displays
            if self.on_event is not None:
                self.on_event(BatchEvent(entry.job_id, entry.provider, entry.state, entry.ref, STARTING))
        jobs = [asyncio.ensure_future(self._run_job(job, entry)) for job, entry in todo]
        try:
            await asyncio.gather(*jobs)
        except BaseException:
            # Cancelled, or one job failed unexpectedly: stop the others before the clients close under them,
            # and let submits already on the wire answer so their task ids are journalled.
            for job in jobs:
                job.cancel()
            await asyncio.gather(*jobs, return_exceptions=True)
            if self._shielded:
                await asyncio.wait(self._shielded)
            raise
        finally:
            for name, provider in self._providers.items():
                self._slowdowns[name] = provider.throttle.slowdowns
                await provider.client.aclose()
            self._providers.clear()
        return self.report()

    def report(self, interrupted: bool = False) -> BatchReport:
        """The journal as it stands, in file order."""
        entries = self.journal.entries()
        ordered = tuple(entries[job.id] for job in self.jobs if job.id in entries)
        slowdowns = {name: p.throttle.slowdowns for name, p in self._providers.items()} | dict(self._slowdowns)
        return BatchReport(entries=ordered, interrupted=interrupted, slowdowns=slowdowns)

    async def _run_job(self, job: BatchJob, entry: JournalEntry) -> None:
        provider = self._provider(job.provider)
        async with provider.gate:
            state, task_id = entry.state, entry.task_id
            task: VideoTask | str | None = task_id
            if state in (JobState.PENDING, JobState.SUBMITTING):
                submitted = await self._submit(job, entry, provider)
                if submitted is None:
                    return
                task, state = submitted, JobState.WAITING
            assert task is not None
            if state is JobState.WAITING:
                finished = await self._wait(job, task, provider)
                if finished is None:
                    return
                task, state = finished, JobState.DOWNLOADING
            if state is JobState.DOWNLOADING:
                await self._download(job, task, provider)

    async def _pause(self, attempt: int) -> None:
        await self.sleep(self.options.backoff * 2**attempt)

    async def _submit(self, job: BatchJob, entry: JournalEntry, provider: _Provider) -> VideoTask | None:
        key = entry.idempotency_key
        if key is None and provider.idempotent:
            key = f"sora-batch-{uuid4().hex}"  # committed with the intent, reused by every resend
        for attempt in range(self.options.attempts):
            await provider.throttle.ready()
            async with provider.submits:
                self.journal.record_intent(job.id, key)
                self._emit(job, JobState.SUBMITTING, None)
                # Shielded: once on the wire, a submit is let finish even when the run is cancelled.
                future: asyncio.Future[object] = asyncio.ensure_future(self._send(job, key, provider))
                self._shielded.add(future)
                future.add_done_callback(self._shielded.discard)
                outcome = await asyncio.shield(future)
            if isinstance(outcome, VideoTask):
                return outcome
            if outcome is None:
                return None
            assert isinstance(outcome, SoraUnifiedError)
            if isinstance(outcome, RateLimitError):
                provider.throttle.penalize(outcome.retry_after or self.options.backoff * 2**attempt)
            else:
                await self._pause(attempt)
        return None

    async def _send(self, job: BatchJob, key: str | None, provider: _Provider) -> object:
        """One submit and its journal entry: the task, None (final for this run), or a retryable error."""
        try:
            task = await provider.client.submit(job.request, idempotency_key=key)
        except SubmitOutcomeUnknownError as exc:
            if key is not None:  # resending with the same key is safe
                self.journal.record_error(job.id, JobState.SUBMITTING, _error(exc))
                return exc
            self.journal.record_unknown(job.id, reconcile_data(exc), exc.gave_up_at.isoformat())
            self._emit(job, JobState.UNKNOWN, None, str(exc))
            return None
        except _REFUSED as exc:
            self.journal.record_error(job.id, JobState.PENDING, _error(exc))
            self._emit(job, JobState.PENDING, None, f"refused: {exc}")
            return None
        except SoraUnifiedError as exc:
            # Never sent, or refused with a definite answer (the client raises SubmitOutcomeUnknownError otherwise).
            self.journal.record_error(job.id, JobState.PENDING if key is None else JobState.SUBMITTING, _error(exc))
            return exc
        self.journal.record_task(job.id, task.id, task.status.value)
        self._emit(job, JobState.WAITING, str(task.ref), task.status.value)
        return task

    async def _wait(self, job: BatchJob, task: VideoTask | str, provider: _Provider) -> VideoTask | None:
        client = provider.client
        ref = f"{job.provider}:{task if isinstance(task, str) else task.id}"
        seen: list[TaskStatus] = []

        def update(current: VideoTask) -> None:
            if seen[-1:] != [current.status]:
                seen.append(current.status)
                if not current.is_terminal:
                    self.journal.record_status(job.id, JobState.WAITING, current.status.value, None)
                    self._emit(job, JobState.WAITING, ref, current.status.value)

        for attempt in range(self.options.attempts):
            await provider.throttle.ready()
            try:
                final = await client.wait(
                    task, timeout=self.options.wait_timeout, on_update=update, raise_on_failure=False
                )
            except WaitTimeoutError as exc:
                self.journal.record_error(job.id, JobState.WAITING, _error(exc))
                self._emit(job, JobState.WAITING, ref, "wait timed out: rerun to keep waiting")
                return None
            except (NotFoundError, AuthenticationError, PermissionDeniedError, ConfigurationError) as exc:
                self.journal.record_error(job.id, JobState.WAITING, _error(exc))
                self._emit(job, JobState.WAITING, ref, str(exc))
                return None
            except RateLimitError as exc:
                provider.throttle.penalize(exc.retry_after or self.options.backoff * 2**attempt)
                continue
            except SoraUnifiedError as exc:
                self.journal.record_error(job.id, JobState.WAITING, _error(exc))
                await self._pause(attempt)
                continue
            if final.status is TaskStatus.SUCCEEDED:
                self.journal.record_status(job.id, JobState.DOWNLOADING, final.status.value, None)
                self._emit(job, JobState.DOWNLOADING, ref)
                return final
            error = None if final.error is None else {"code": final.error.code, "message": final.error.message}
            self.journal.record_status(job.id, JobState.FAILED, final.status.value, error)
            self._emit(job, JobState.FAILED, ref, final.status.value)
            return None
        return None

    async def _download(self, job: BatchJob, task: VideoTask | str, provider: _Provider) -> None:
        destination = self.options.out_dir / job.file_name
        ref = f"{job.provider}:{task if isinstance(task, str) else task.id}"
        for attempt in range(self.options.attempts):
            await provider.throttle.ready()
            try:
                path = await provider.client.download(task, destination)
            except RateLimitError as exc:
                provider.throttle.penalize(exc.retry_after or self.options.backoff * 2**attempt)
                continue
            except SoraUnifiedError as exc:
                self.journal.record_error(job.id, JobState.DOWNLOADING, _error(exc))
                if isinstance(exc, NotFoundError | AuthenticationError | PermissionDeniedError):
                    break
                await self._pause(attempt)
                if isinstance(task, VideoTask):
                    task = task.id  # fetch a fresh status (a new signed URL) on the next attempt
                continue
            size, digest = await asyncio.to_thread(_digest, path)
            self.journal.record_file(job.id, str(path), size, digest)
            self._emit(job, JobState.SUCCEEDED, ref, str(path))
            return
        self._emit(job, JobState.DOWNLOADING, ref, "download failed: rerun to try again")


def _digest(path: Path) -> tuple[int, str]:
    with path.open("rb") as fh:
        digest = hashlib.file_digest(fh, "sha256").hexdigest()
    return path.stat().st_size, digest

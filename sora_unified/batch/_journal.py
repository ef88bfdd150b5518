"""The batch journal: one SQLite file (stdlib sqlite3, WAL) that makes a batch crash-safe and resumable.

Write order per job, each step its own committed transaction before the next network call:

1. `record_intent`: state `submitting`, the request fingerprint and (where the provider has one) the
   idempotency key, committed *before* the submit is sent;
2. `record_task`: the task id, right after the answer (state `waiting`);
3. `record_status`: every status change seen while waiting (`waiting`, then `downloading` or `failed`);
4. `record_file`: the downloaded file's path, size and sha256 (state `succeeded`).

A job found in `submitting` on a rerun was maybe sent: it is resent only with its idempotency key; without
one it becomes `unknown` (`record_unknown`, with the reconciliation data) and is resent only when the caller
asks (`--resubmit-unknown`). `synchronous=FULL`: a commit is on disk before the request it protects is sent,
so even a power loss cannot turn a sent submit into an unsent one.

Schema version 1 (`PRAGMA user_version`; `meta` holds it too, for readers that do not know the pragma)::

    meta(key TEXT PRIMARY KEY, value TEXT)            schema_version, created_at
    jobs(job_id TEXT PRIMARY KEY,                     the line's id (or line-<n>)
         line INTEGER, provider TEXT,
         request TEXT,                                VideoRequest fields as JSON (None fields omitted)
         fingerprint TEXT,                            sha256 of provider + request
         idempotency_key TEXT,                        NULL where the provider has no idempotency
         state TEXT,                                  pending | submitting | waiting | downloading |
                                                      succeeded | failed | unknown
         task_id TEXT, task_status TEXT,              the provider's task and its last status
         submits INTEGER,                             submits sent (intents committed)
         sent_at TEXT, gave_up_at TEXT,               ISO 8601 UTC: the window of an unknown submit
         reconcile TEXT,                              JSON: what SubmitOutcomeUnknownError carried
         error TEXT,                                  JSON {type, message} of the last error, or NULL
         path TEXT, size INTEGER, sha256 TEXT,        the downloaded video
         updated_at TEXT)
    events(seq INTEGER PRIMARY KEY AUTOINCREMENT, job_id TEXT, at TEXT, state TEXT, detail TEXT)
"""

from __future__ import annotations

import enum
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

SCHEMA_VERSION = 1
DEFAULT_NAME = "journal.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS jobs (
    job_id TEXT PRIMARY KEY,
    line INTEGER NOT NULL,
    provider TEXT NOT NULL,
    request TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    idempotency_key TEXT,
    state TEXT NOT NULL,
    task_id TEXT,
    task_status TEXT,
    submits INTEGER NOT NULL DEFAULT 0,
    sent_at TEXT,
    gave_up_at TEXT,
    reconcile TEXT,
    error TEXT,
    path TEXT,
    size INTEGER,
    sha256 TEXT,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    job_id TEXT NOT NULL,
    at TEXT NOT NULL,
    state TEXT NOT NULL,
    detail TEXT
);
"""


class JobState(enum.StrEnum):
    """Where a job is; `succeeded`, `failed` and `unknown` are final for a run."""

    PENDING = "pending"  # recorded, nothing sent
    SUBMITTING = "submitting"  # intent committed: the submit may have been sent
    WAITING = "waiting"  # task id known, not finished
    DOWNLOADING = "downloading"  # the task succeeded, the file is not saved yet
    SUCCEEDED = "succeeded"  # the file is saved (path, size, sha256)
    FAILED = "failed"  # the task ended failed or canceled
    UNKNOWN = "unknown"  # the submit's outcome is unknown and the provider has no idempotency

    @property
    def is_final(self) -> bool:
        """True when a rerun leaves the job alone (unknown: unless asked to resubmit)."""
        return self in (JobState.SUCCEEDED, JobState.FAILED, JobState.UNKNOWN)


@dataclass(frozen=True)
class JournalEntry:
    """One row of `jobs`."""

    job_id: str
    line: int
    provider: str
    request: dict[str, object]
    fingerprint: str
    idempotency_key: str | None
    state: JobState
    task_id: str | None
    task_status: str | None
    submits: int
    sent_at: str | None
    gave_up_at: str | None
    reconcile: dict[str, object] | None
    error: dict[str, object] | None
    path: str | None
    size: int | None
    sha256: str | None

    @property
    def ref(self) -> str | None:
        """ "provider:id" once the task id is known."""
        return None if self.task_id is None else f"{self.provider}:{self.task_id}"


class JournalError(Exception):
    """The journal cannot be used as it is (another schema version, or a job that changed)."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _loads(text: str | None) -> dict[str, object] | None:
    return None if text is None else dict(json.loads(text))


class Journal:
    """The SQLite journal of one batch (one output directory); every `record_*` is one committed transaction."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._db = sqlite3.connect(self.path, isolation_level=None, timeout=30.0)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
        if version not in (0, SCHEMA_VERSION):
            self._db.close()
            raise JournalError(f"{self.path} has journal schema {version}; this version reads {SCHEMA_VERSION}")
        if version == 0:
            self._db.executescript(_SCHEMA)  # idempotent (IF NOT EXISTS); executescript commits on its own
            with self._transaction():
                self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
                for key, value in (("schema_version", str(SCHEMA_VERSION)), ("created_at", _now())):
                    self._db.execute("INSERT OR IGNORE INTO meta VALUES (?, ?)", (key, value))

    def close(self) -> None:
        """Close the database (everything is committed already)."""
        self._db.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _transaction(self) -> _Tx:
        return _Tx(self._db)

    def _update(self, job_id: str, state: JobState, detail: str | None = None, **columns: object) -> None:
        now = _now()
        sets = ", ".join(f"{name} = ?" for name in ("state", *columns, "updated_at"))
        with self._transaction():
            self._db.execute(f"UPDATE jobs SET {sets} WHERE job_id = ?", (state.value, *columns.values(), now, job_id))
            self._db.execute(
                "INSERT INTO events (job_id, at, state, detail) VALUES (?, ?, ?, ?)", (job_id, now, state.value, detail)
            )

    # ------------------------------------------------------------------ reading
    def entries(self, job_id: str | None = None) -> dict[str, JournalEntry]:
        """Every job the journal knows (or just `job_id`), by id."""
        columns = (
            "SELECT job_id, line, provider, request, fingerprint, idempotency_key, state, task_id, task_status,"
            " submits, sent_at, gave_up_at, reconcile, error, path, size, sha256 FROM jobs"
        )
        if job_id is None:
            rows = self._db.execute(columns + " ORDER BY line")
        else:
            rows = self._db.execute(columns + " WHERE job_id = ?", (job_id,))
        out: dict[str, JournalEntry] = {}
        for row in rows:
            out[row[0]] = JournalEntry(
                job_id=row[0],
                line=row[1],
                provider=row[2],
                request=dict(json.loads(row[3])),
                fingerprint=row[4],
                idempotency_key=row[5],
                state=JobState(row[6]),
                task_id=row[7],
                task_status=row[8],
                submits=row[9],
                sent_at=row[10],
                gave_up_at=row[11],
                reconcile=_loads(row[12]),
                error=_loads(row[13]),
                path=row[14],
                size=row[15],
                sha256=row[16],
            )
        return out

    def entry(self, job_id: str) -> JournalEntry:
        """One job (KeyError when unknown)."""
        return self.entries(job_id)[job_id]

    def events(self, job_id: str | None = None) -> Iterator[tuple[str, str, str, str | None]]:
        """(job_id, at, state, detail) in the order they were committed."""
        if job_id is None:
            yield from self._db.execute("SELECT job_id, at, state, detail FROM events ORDER BY seq")
        else:
            yield from self._db.execute(
                "SELECT job_id, at, state, detail FROM events WHERE job_id = ? ORDER BY seq", (job_id,)
            )

    # ------------------------------------------------------------------ writing
    def add_job(self, job_id: str, line: int, provider: str, request: Mapping[str, object], fingerprint: str) -> None:
        """Record a job as `pending` (nothing sent); a job already known is left as it is."""
        self.add_jobs([(job_id, line, provider, request, fingerprint)])

    def add_jobs(self, jobs: Iterable[tuple[str, int, str, Mapping[str, object], str]]) -> None:
        """`add_job` for many (job_id, line, provider, request, fingerprint), in one transaction."""
        now = _now()
        with self._transaction():
            for job_id, line, provider, request, fingerprint in jobs:
                inserted = self._db.execute(
                    "INSERT OR IGNORE INTO jobs (job_id, line, provider, request, fingerprint, state, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (job_id, line, provider, json.dumps(dict(request), sort_keys=True), fingerprint, "pending", now),
                ).rowcount
                if inserted:
                    self._db.execute(
                        "INSERT INTO events (job_id, at, state, detail) VALUES (?, ?, 'pending', NULL)", (job_id, now)
                    )

    def record_intent(self, job_id: str, idempotency_key: str | None) -> None:
        """Committed before the submit is sent: from here on the task may exist."""
        now = _now()
        with self._transaction():
            self._db.execute(
                "UPDATE jobs SET state = 'submitting', idempotency_key = ?, submits = submits + 1, sent_at = ?,"
                " error = NULL, reconcile = NULL, updated_at = ? WHERE job_id = ?",
                (idempotency_key, now, now, job_id),
            )
            self._db.execute(
                "INSERT INTO events (job_id, at, state, detail) VALUES (?, ?, 'submitting', ?)",
                (job_id, now, idempotency_key),
            )

    def record_task(self, job_id: str, task_id: str, status: str) -> None:
        """The task id, right after the submit's answer."""
        self._update(job_id, JobState.WAITING, task_id, task_id=task_id, task_status=status, error=None)

    def record_status(self, job_id: str, state: JobState, status: str, error: Mapping[str, object] | None) -> None:
        """A status change of the task (`waiting`, `downloading` or `failed`)."""
        detail = status if error is None else f"{status}: {json.dumps(dict(error), sort_keys=True)}"
        self._update(
            job_id, state, detail, task_status=status, error=None if error is None else json.dumps(dict(error))
        )

    def record_file(self, job_id: str, path: str, size: int, sha256: str) -> None:
        """The downloaded video: the job succeeded."""
        self._update(job_id, JobState.SUCCEEDED, path, path=path, size=size, sha256=sha256, error=None)

    def record_unknown(self, job_id: str, reconcile: Mapping[str, object], gave_up_at: str | None) -> None:
        """The submit's outcome is unknown and cannot be resent safely: keep what reconciles it."""
        data = json.dumps(dict(reconcile), sort_keys=True)
        self._update(job_id, JobState.UNKNOWN, data, reconcile=data, gave_up_at=gave_up_at)

    def record_error(self, job_id: str, state: JobState, error: Mapping[str, object]) -> None:
        """An error that leaves the job resumable in `state` (e.g. `pending` after a refused submit)."""
        data = json.dumps(dict(error), sort_keys=True)
        self._update(job_id, state, data, error=data)

    def reset_for_resubmit(self, job_id: str) -> None:
        """An unknown job the caller asked to resend: back to `pending` (its reconciliation data kept in events)."""
        self._update(job_id, JobState.PENDING, "resubmit-unknown")


class _Tx:
    """BEGIN IMMEDIATE ... COMMIT (ROLLBACK on error) on a connection in autocommit mode."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> sqlite3.Connection:
        self._db.execute("BEGIN IMMEDIATE")
        return self._db

    def __exit__(self, exc_type: type[BaseException] | None, *rest: object) -> None:
        self._db.execute("ROLLBACK" if exc_type is not None else "COMMIT")

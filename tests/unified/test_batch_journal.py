"""The batch journal: schema version, write order, events, and refusal of another schema."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sora_unified.batch import SCHEMA_VERSION, JobState, Journal, JournalError


def test_new_journal_is_wal_with_the_schema_version(tmp_path: Path) -> None:
    """A new journal uses WAL and records its schema version in user_version and meta."""
    path = tmp_path / "journal.sqlite"
    Journal(path).close()
    with sqlite3.connect(path) as db:
        mode = db.execute("PRAGMA journal_mode").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
    assert ("wal", SCHEMA_VERSION, str(SCHEMA_VERSION)) == (mode, version, meta["schema_version"])


def test_another_schema_version_is_refused(tmp_path: Path) -> None:
    """A journal written by a future version is not read (nor changed)."""
    path = tmp_path / "journal.sqlite"
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    with pytest.raises(JournalError, match="schema"):
        Journal(path)


def test_a_job_goes_through_its_states_with_one_event_each(tmp_path: Path) -> None:
    """pending, submitting (key kept), waiting (task id), downloading, succeeded (file facts); events in order."""
    with Journal(tmp_path / "j.sqlite") as journal:
        journal.add_job("a", 1, "rivya", {"prompt": "x"}, "f" * 64)
        journal.add_job("a", 1, "rivya", {"prompt": "x"}, "f" * 64)  # a rerun adds nothing
        journal.record_intent("a", "key-1")
        journal.record_task("a", "task_1", "queued")
        journal.record_status("a", JobState.DOWNLOADING, "succeeded", None)
        journal.record_file("a", str(tmp_path / "a.mp4"), 10, "0" * 64)
        entry = journal.entry("a")
        states = [state for _, _, state, _ in journal.events("a")]
    assert ["pending", "submitting", "waiting", "downloading", "succeeded"] == states
    facts = (entry.state, entry.idempotency_key, entry.ref, entry.submits, entry.size)
    assert (JobState.SUCCEEDED, "key-1", "rivya:task_1", 1, 10) == facts


def test_unknown_keeps_its_reconciliation_data_across_reopening(tmp_path: Path) -> None:
    """An unknown outcome's data is committed: a new connection reads it back."""
    path = tmp_path / "j.sqlite"
    with Journal(path) as journal:
        journal.add_job("a", 1, "globalaiopc", {"prompt": "x"}, "f" * 64)
        journal.record_intent("a", None)
        journal.record_unknown("a", {"fingerprint": "abc", "sent_at": "t0"}, "t1")
    with Journal(path) as journal:
        entry = journal.entry("a")
    assert (JobState.UNKNOWN, {"fingerprint": "abc", "sent_at": "t0"}, "t1") == (
        entry.state,
        entry.reconcile,
        entry.gave_up_at,
    )

"""Request counters of one client, readable as `client.stats` (a `ClientStats` snapshot).

The retry loop (`_call_*`) and the download loop count every HTTP request they send, so monitoring and
the soak (`sora_sandbox/soak.py`) read how much work the layer did, retries included, without parsing logs.
Counters are plain integers bumped from the client's own calls (one event loop, or the GIL for threads).
"""

from __future__ import annotations

from typing import Literal, NamedTuple

CallKind = Literal["submit", "status", "upload"]


class ClientStats(NamedTuple):
    """What one client has sent so far; every figure counts HTTP requests, first attempts and retries alike.

    - `submits`: create requests (a resend of the same submit, with the same Idempotency-Key, counts again);
    - `status_calls`: status requests (`get`, every poll of `wait`, retries included);
    - `uploads`: reference-file uploads; `downloads`: result-file requests;
    - `retries`: how many of the submit, status and upload requests were retries (the first try is not);
    - `download_retries`: how many download requests were retries.
    """

    submits: int = 0
    status_calls: int = 0
    uploads: int = 0
    downloads: int = 0
    retries: int = 0
    download_retries: int = 0


class Counters:
    """The mutable counters behind `ClientStats` (internal: the client exposes snapshots only)."""

    __slots__ = ("download_retries", "downloads", "retries", "status_calls", "submits", "uploads")

    def __init__(self) -> None:
        self.submits = 0
        self.status_calls = 0
        self.uploads = 0
        self.downloads = 0
        self.retries = 0
        self.download_retries = 0

    def sent(self, kind: CallKind, attempt: int) -> None:
        """One request of `kind` went out; `attempt` is 1 for the first try."""
        if kind == "status":
            self.status_calls += 1
        elif kind == "submit":
            self.submits += 1
        else:
            self.uploads += 1
        if attempt > 1:
            self.retries += 1

    def snapshot(self) -> ClientStats:
        """The figures now, as an immutable value."""
        return ClientStats(
            submits=self.submits,
            status_calls=self.status_calls,
            uploads=self.uploads,
            downloads=self.downloads,
            retries=self.retries,
            download_retries=self.download_retries,
        )

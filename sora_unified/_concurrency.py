"""The few primitives where the async and sync flavors differ, each written twice side by side.

The async modules (`_call_async`, `_download_async`, `_async_client`) are the one source of the call loop,
the download and the client; `generator/_unasync.py` derives their sync twins by a token rewrite (as
httpcore's `scripts/unasync.py` does). Whatever a token rewrite cannot express lives here, as a pair whose
names differ only by `async_`/`sync_` or `Async`/`Sync`: sleeping, the in-flight gate, handing a blocking
call to a thread, calling a user callback that may be a coroutine function, and the type of a streamed response.
"""

from __future__ import annotations

import asyncio
import inspect
import threading
import time
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager, AbstractContextManager
from types import TracebackType
from typing import TypeVar

import httpx

T = TypeVar("T")

AsyncSleep = Callable[[float], Awaitable[None]]
SyncSleep = Callable[[float], None]
# What `httpx.AsyncClient.stream(...)` / `httpx.Client.stream(...)` return: a response whose body is read in chunks.
AsyncResponseStream = AbstractAsyncContextManager[httpx.Response]
SyncResponseStream = AbstractContextManager[httpx.Response]


async def async_sleep(seconds: float) -> None:
    """Sleep without blocking the event loop."""
    await asyncio.sleep(seconds)


sync_sleep: SyncSleep = time.sleep


async def async_to_thread(func: Callable[..., T], *args: object) -> T:
    """Run a blocking call (an fsync, a rename) in a worker thread so the event loop keeps serving other tasks."""
    return await asyncio.to_thread(func, *args)


def sync_to_thread(func: Callable[..., T], *args: object) -> T:
    """The sync flavor blocks its own thread anyway: call directly."""
    return func(*args)


async def async_notify(callback: Callable[[T], object], value: T) -> None:
    """Call a user callback; await its result when it is awaitable (an `async def` callback)."""
    result = callback(value)
    if inspect.isawaitable(result):
        await result


def sync_notify(callback: Callable[[T], object], value: T) -> None:
    """Call a user callback."""
    callback(value)


class AsyncGate:
    """At most `limit` requests inside httpx at once (None: no limit).

    With hundreds of tasks queued in httpcore's pool, every pool event rescans the queue and the client spends
    its CPU there (encode/httpcore#1035). Only a send holds the gate; a backoff sleep never does.
    """

    __slots__ = ("_semaphore",)

    def __init__(self, limit: int | None) -> None:
        self._semaphore = asyncio.Semaphore(limit) if limit else None

    async def __aenter__(self) -> None:
        if self._semaphore is not None:
            await self._semaphore.acquire()

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._semaphore is not None:
            self._semaphore.release()


class SyncGate:
    """At most `limit` threads inside httpx at once through one client (None: no limit)."""

    __slots__ = ("_semaphore",)

    def __init__(self, limit: int | None) -> None:
        self._semaphore = threading.BoundedSemaphore(limit) if limit else None

    def __enter__(self) -> None:
        if self._semaphore is not None:
            self._semaphore.acquire()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._semaphore is not None:
            self._semaphore.release()

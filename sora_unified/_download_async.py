"""Download of a result video; one source for both flavors (see generator/_unasync.py).

The file is streamed into a temporary file in the destination's directory and renamed over the
destination with `os.replace` only once complete and checked (status 200, a video content type, the
announced Content-Length, not empty, within `max_bytes`). Any failure or interruption removes the
temporary file, so the destination is either the whole video or untouched. Result URLs are not in the
specs (they are signed CDN links), so this is the one place httpx is used directly, through a client
that never carries the API key. Interruptions (transport errors, and bodies httpx cannot decode) and 429/5xx
answers are retried; every attempt rewrites the temporary file from the start.

In the async flavor the waits for the disk (`os.fsync`, the final `os.replace`) run in a worker thread so
the event loop keeps serving other tasks; chunk writes go to the page cache and stay inline, and so does the
cleanup of the temporary file, which must run even when the task is being cancelled.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

import httpx

from sora_unified._call_async import Runtime
from sora_unified._concurrency import async_to_thread
from sora_unified._errors import DownloadError
from sora_unified._headers import parse_retry_after
from sora_unified._retry import is_retryable_status

CHUNK = 1 << 16


class _Retryable(Exception):
    def __init__(self, error: DownloadError, retry_after: float | None = None) -> None:
        super().__init__(str(error))
        self.error = error
        self.retry_after = retry_after


def _content_type_ok(content_type: str | None, allowed: tuple[str, ...]) -> bool:
    if not content_type:
        return True  # some CDNs send none; the size checks still apply
    media = content_type.split(";", 1)[0].strip().lower()
    return any(media.startswith(option) if option.endswith("/") else media == option for option in allowed)


async def _fetch_once(rt: Runtime, http: httpx.AsyncClient, url: str, out: Path, max_bytes: int | None) -> None:
    provider = rt.spec.id
    async with http.stream("GET", url) as response:
        if response.status_code != 200:
            error = DownloadError(
                f"download answered HTTP {response.status_code}", provider=provider, http_status=response.status_code
            )
            if is_retryable_status(response.status_code):
                raise _Retryable(error, parse_retry_after(response.headers))
            raise error
        content_type = response.headers.get("content-type")
        if not _content_type_ok(content_type, rt.spec.download_content_types):
            raise DownloadError(f"download is {content_type!r}, not a video", provider=provider, http_status=200)
        announced = response.headers.get("content-length")
        expected = int(announced) if announced and announced.isdigit() else None
        if expected is not None and max_bytes is not None and expected > max_bytes:
            raise DownloadError(f"download announces {expected} bytes, above max_bytes={max_bytes}", provider=provider)
        written = 0
        with out.open("wb") as fh:
            async for chunk in response.aiter_bytes(CHUNK):
                written += len(chunk)
                if max_bytes is not None and written > max_bytes:
                    raise DownloadError(f"download exceeds max_bytes={max_bytes}", provider=provider)
                fh.write(chunk)
            fh.flush()
            await async_to_thread(os.fsync, fh.fileno())
    if expected is not None and written != expected:
        raise _Retryable(DownloadError(f"download truncated: {written} of {expected} bytes", provider=provider))
    if written == 0:
        raise DownloadError("download is empty", provider=provider)


async def download(
    rt: Runtime,
    http: httpx.AsyncClient,
    url: str,
    destination: str | os.PathLike[str],
    *,
    max_bytes: int | None = None,
) -> Path:
    """Stream `url` to `destination` atomically; the final path."""
    target = Path(destination)
    fd, temp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    os.close(fd)
    temp = Path(temp_name)
    try:
        attempt = 0
        while True:
            attempt += 1
            rt.counters.downloads += 1
            if attempt > 1:
                rt.counters.download_retries += 1
            try:
                await _fetch_once(rt, http, url, temp, max_bytes)
                break
            except (_Retryable, httpx.RequestError) as exc:
                cause = None if isinstance(exc, _Retryable) else exc
                if isinstance(exc, _Retryable):
                    error, retry_after = exc.error, exc.retry_after
                else:
                    error = DownloadError(f"download interrupted: {type(exc).__name__}", provider=rt.spec.id)
                    retry_after = None
                too_long = retry_after is not None and retry_after > rt.policy.max_retry_after
                if too_long or attempt >= rt.policy.max_attempts:
                    raise error from cause
                await rt.sleep(retry_after if retry_after is not None else rt.policy.backoff(attempt - 1, rt.rand()))
        await async_to_thread(os.replace, temp, target)
        return target
    finally:
        # Interrupted, failed or (after os.replace) already gone: never leave a partial file behind.
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()

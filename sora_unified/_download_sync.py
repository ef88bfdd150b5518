# Derived from sora_unified/_download_async.py by `make generate` (generator/_unasync.py): do not edit.
"""Download of a result video; one source for both flavors (see generator/_unasync.py).

The destination is checked and its `.part` file opened before the first request (`_destination`). The body is
streamed into that file and renamed over the destination with `os.replace` only once complete and checked
(status 200/206, a video content type, the announced size, not empty, within `max_bytes`), so the destination is
either the whole video or untouched; a failure removes the `.part` file, a kill leaves it to be resumed.

Limits against hostile servers:
- only absolute http(s) URLs, at most `MAX_REDIRECTS` redirects, each target checked the same way;
- one overall deadline (`timeout`, retries included) and a stall timeout (`stall_timeout`: the longest wait for
  the next bytes, never above the client's own `timeout`); every request's connect/read/write/pool timeouts are
  capped by the time left, and the deadline is checked after every chunk, so a server that drips bytes forever
  ends in `DownloadTimeoutError`;
- `Accept-Encoding: identity`; a server that encodes anyway has its size checked on the bytes on the wire;
- after a dropped connection, a stall or a short body the next attempt asks for the rest (`Range`, with
  `If-Range` when the server gave a validator) and keeps the bytes only when the 206 continues exactly where
  they end, for the same total; anything else starts over.

Retries follow the client's `RetryPolicy` through the same pure decisions as API calls (`_retry.retry_delay`,
`_retry.give_up`): 429/5xx and interruptions are retried with Retry-After (when it fits the deadline) or backoff,
up to `max_attempts`, never past the deadline. The result URL is fetched with a client that never carries the API
key; where the mapping declares a content operation, the first request goes through the provider's authenticated
session and every redirect from it through the keyless client.

In the async flavor the waits for the disk (`os.fsync`, the final `os.replace`: `Destination.commit`) run in a
worker thread so the event loop keeps serving other tasks; chunk writes go to the page cache and stay inline, and
so does the cleanup of the `.part` file, which must run even when the task is being cancelled.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path

import httpx

from sora_unified._call_sync import Runtime
from sora_unified._concurrency import SyncResponseStream, sync_to_thread
from sora_unified._destination import Destination
from sora_unified._errors import DownloadError, DownloadTimeoutError
from sora_unified._headers import parse_retry_after
from sora_unified._retry import give_up, is_retryable_status, retry_delay

MAX_REDIRECTS = 10
DOWNLOAD_TIMEOUT = 3600.0  # seconds for the whole download, retries included
STALL_TIMEOUT = 60.0  # seconds without a byte before an attempt is abandoned (and resumed)
_REDIRECTS = (301, 302, 303, 307, 308)
_CONTENT_RANGE = re.compile(r"^bytes (\d+)-(\d+)/(\d+)$")
# Opens the first request of an attempt with these extra headers and timeouts (a URL, or the API's operation).
Opener = Callable[[Mapping[str, str], httpx.Timeout], SyncResponseStream]


class _Retryable(Exception):
    def __init__(self, error: DownloadError, retry_after: float | None = None) -> None:
        super().__init__(str(error))
        self.error = error
        self.retry_after = retry_after


class _Limits:
    """One download's deadline and stall timeout on the runtime's clock."""

    __slots__ = ("deadline", "rt", "stall", "timeout")

    def __init__(self, rt: Runtime, timeout: float, stall: float, deadline: float | None) -> None:
        self.rt, self.timeout, self.stall = rt, timeout, stall
        self.deadline = rt.clock() + timeout if deadline is None else deadline

    def check(self) -> None:
        if self.rt.clock() > self.deadline:
            raise DownloadTimeoutError(
                f"download not finished within {self.timeout:.4g}s", timeout=self.timeout, provider=self.rt.spec.id
            )

    def request_timeout(self, base: httpx.Timeout) -> httpx.Timeout:
        """The client's timeouts, the read timeout lowered to the stall timeout, all capped by the time left."""
        self.check()
        left = max(self.deadline - self.rt.clock(), 0.001)

        def cap(value: float | None) -> float:
            return left if value is None else min(value, left)

        read = self.stall if base.read is None else min(base.read, self.stall)
        return httpx.Timeout(connect=cap(base.connect), read=cap(read), write=cap(base.write), pool=cap(base.pool))


def checked_url(url: str, provider: str) -> httpx.URL:
    """`url` when it is an absolute http(s) URL; DownloadError (never retried) otherwise. The URL is not echoed."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise DownloadError("download URL is not a valid URL", provider=provider) from exc
    if parsed.scheme not in ("http", "https") or not parsed.host:
        kind = f"a {parsed.scheme}: URL" if parsed.scheme else "a relative URL"
        raise DownloadError(f"refusing to download {kind}; only absolute http(s) URLs", provider=provider)
    return parsed


def _content_type_ok(content_type: str | None, allowed: tuple[str, ...]) -> bool:
    if not content_type:
        return True  # some CDNs send none; the size checks still apply
    media = content_type.split(";", 1)[0].strip().lower()
    return any(media.startswith(option) if option.endswith("/") else media == option for option in allowed)


def _length(headers: httpx.Headers) -> int | None:
    announced = headers.get("content-length")
    return int(announced) if announced and announced.isdigit() else None


def _validator(headers: httpx.Headers) -> str | None:
    etag = headers.get("etag")
    if etag and not etag.startswith("W/"):
        return str(etag)  # If-Range needs a strong validator (RFC 9110 13.1.5)
    modified = headers.get("last-modified")
    return str(modified) if modified else None


def _continues(response: httpx.Response, dest: Destination) -> int | None:
    """The total size when a 206 continues exactly where the `.part` file ends, for the same total; else None."""
    match = _CONTENT_RANGE.match(response.headers.get("content-range", "").strip())
    if match is None:
        return None
    first, last, total = (int(group) for group in match.groups())
    if first != dest.resume.offset or last != total - 1 or total != dest.resume.total:
        return None
    return total


def _resume_headers(dest: Destination) -> dict[str, str]:
    headers = {"Accept-Encoding": "identity"}
    if dest.resume.offset and dest.resume.total:
        headers["Range"] = f"bytes={dest.resume.offset}-"
        if dest.resume.validator:
            headers["If-Range"] = dest.resume.validator
    return headers


def _receive(rt: Runtime, response: httpx.Response, dest: Destination, limits: _Limits, max_bytes: int | None) -> None:
    provider = rt.spec.id
    status = response.status_code
    asked_range = "Range" in response.request.headers
    if status == 416 and asked_range:
        dest.restart()  # the server no longer has those bytes: start over at once
        raise _Retryable(DownloadError("download range not satisfiable", provider=provider, http_status=416), 0.0)
    if status not in (200, 206) or (status == 206 and not asked_range):
        error = DownloadError(f"download answered HTTP {status}", provider=provider, http_status=status)
        if is_retryable_status(status):
            raise _Retryable(error, parse_retry_after(response.headers))
        raise error
    content_type = response.headers.get("content-type")
    if not _content_type_ok(content_type, rt.spec.download_content_types):
        raise DownloadError(f"download is {content_type!r}, not a video", provider=provider, http_status=status)
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    identity = encoding in ("", "identity")
    on_wire = _length(response.headers)
    total: int | None
    if status == 206:
        total = _continues(response, dest)
        if total is None or not identity:
            dest.restart()
            raise _Retryable(DownloadError("download range does not continue the file", provider=provider), 0.0)
    else:
        dest.restart()
        total = on_wire if identity else None
        if total is not None:
            dest.record(total, _validator(response.headers))
    if total is not None and max_bytes is not None and total > max_bytes:
        raise DownloadError(f"download announces {total} bytes, above max_bytes={max_bytes}", provider=provider)
    # No chunk size: each chunk is written as the network read delivered it (httpx decodes an encoded body).
    # h11 refuses a body longer than its Content-Length, but a 206 sent without one (chunked) could still run past
    # the total of its Content-Range.
    overrun = total if identity and total is not None else None
    for chunk in response.iter_bytes():
        dest.write(chunk)
        if max_bytes is not None and dest.resume.offset > max_bytes:
            raise DownloadError(f"download exceeds max_bytes={max_bytes}", provider=provider)
        if overrun is not None and dest.resume.offset > overrun:
            dest.restart()  # a body running past the total it announced (Content-Range) is not this file
            raise _Retryable(DownloadError(f"download longer than its {overrun} bytes", provider=provider))
        limits.check()
    if identity and total is not None and dest.resume.offset != total:
        message = f"download truncated: {dest.resume.offset} of {total} bytes"
        raise _Retryable(DownloadError(message, provider=provider))
    if not identity and on_wire is not None and response.num_bytes_downloaded != on_wire:
        dest.restart()  # an encoded body cannot be resumed by byte offset
        message = f"download truncated: {response.num_bytes_downloaded} of {on_wire} bytes on the wire"
        raise _Retryable(DownloadError(message, provider=provider))
    if dest.resume.offset == 0:
        raise DownloadError("download is empty", provider=provider)


def _url_opener(http: httpx.Client, url: httpx.URL) -> Opener:
    def first(headers: Mapping[str, str], request_timeout: httpx.Timeout) -> SyncResponseStream:
        return http.stream("GET", url, headers=headers, timeout=request_timeout)

    return first


def _attempt(
    rt: Runtime, http: httpx.Client, first: Opener, dest: Destination, limits: _Limits, max_bytes: int | None
) -> None:
    """One attempt: the first request, then at most MAX_REDIRECTS redirects through the keyless client."""
    headers = _resume_headers(dest)
    stream = first(headers, limits.request_timeout(http.timeout))
    for hop in range(MAX_REDIRECTS + 1):
        with stream as response:
            location = response.headers.get("location") if response.status_code in _REDIRECTS else None
            if location is None:
                _receive(rt, response, dest, limits, max_bytes)
                return
            if hop == MAX_REDIRECTS:
                raise DownloadError(f"download redirected more than {MAX_REDIRECTS} times", provider=rt.spec.id)
            try:
                target = response.url.join(location)
            except httpx.InvalidURL as exc:
                raise DownloadError("download redirected to an invalid URL", provider=rt.spec.id) from exc
            checked = checked_url(str(target), rt.spec.id)
        stream = http.stream("GET", checked, headers=headers, timeout=limits.request_timeout(http.timeout))


def download(
    rt: Runtime,
    http: httpx.Client,
    source: str | Opener,
    destination: str | os.PathLike[str],
    *,
    max_bytes: int | None = None,
    timeout: float,
    stall_timeout: float,
    deadline: float | None = None,
) -> Path:
    """Stream `source` (a result URL, or an opener of the API's content operation) to `destination`; the path.

    `deadline` (on the runtime's clock) defaults to `timeout` seconds from now; a caller that spent some of the
    time already (a status call, a URL refresh) passes its own, and `timeout` only names the limit in errors.
    """
    provider = rt.spec.id
    first = _url_opener(http, checked_url(source, provider)) if isinstance(source, str) else source
    limits = _Limits(rt, timeout, stall_timeout, deadline)
    dest = Destination.open(destination, provider)
    try:
        attempt = 0
        while True:
            attempt += 1
            rt.counters.downloads += 1
            if attempt > 1:
                rt.counters.download_retries += 1
            try:
                _attempt(rt, http, first, dest, limits, max_bytes)
                break
            except (_Retryable, httpx.TransportError, httpx.DecodingError) as exc:
                if isinstance(exc, _Retryable):
                    error, retry_after, cause = exc.error, exc.retry_after, None
                else:
                    message = f"download interrupted: {type(exc).__name__}"
                    error, retry_after, cause = DownloadError(message, provider=provider), None, exc
                    if isinstance(exc, httpx.DecodingError):
                        dest.restart()  # decoded bytes cannot be resumed by offset
                delay = retry_delay(rt.policy, attempt, retry_after, rt.rand())
                why = give_up(rt.policy, attempt, retry_after, delay, rt.clock(), limits.deadline)
                if why == "deadline":
                    raise DownloadTimeoutError(
                        f"download not finished within {timeout:.4g}s ({error.message})",
                        timeout=timeout,
                        provider=provider,
                    ) from error
                if why is not None:
                    # httpx/h11 quote the server's bytes in their messages: a cause showing the key is dropped.
                    raise error from (None if cause is not None and rt.redactor.leaks(cause) else cause)
                rt.sleep(delay)
        sync_to_thread(dest.commit)
        return dest.target
    finally:
        # Failed, interrupted or (after os.replace) already renamed: never leave a partial file behind.
        dest.discard()

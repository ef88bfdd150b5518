# Derived from sora_unified/_async_client.py by `make generate` (generator/_unasync.py): do not edit.
"""The client: submit, get, wait and download for any provider; one source for both flavors (generator/_unasync.py).

The client validates a request against the provider's capability table, builds the body from the
mapping, and sends every provider call through the provider's generated client (created once, so
connections are reused) inside the retry loop of `_call_sync`. Status payloads are normalized by
`_normalize` from the one read of the body; `wait` follows the provider's documented polling window under one
deadline. `stats` counts the requests sent (see `_stats`).
"""

from __future__ import annotations

import os
import random as _random
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from uuid import uuid4

import httpx

from sora_unified._body import ResolvedReference, build_body, fingerprint
from sora_unified._call_sync import Runtime, Sleep, _real_sleep, call
from sora_unified._capabilities import ProviderInfo
from sora_unified._concurrency import SyncResponseStream, sync_notify
from sora_unified._download_sync import DOWNLOAD_TIMEOUT, STALL_TIMEOUT, Opener
from sora_unified._download_sync import download as _download
from sora_unified._errors import (
    ConfigurationError,
    DownloadError,
    DownloadTimeoutError,
    MalformedResponseError,
    TaskFailedError,
    ValidationError,
    WaitTimeoutError,
)
from sora_unified._headers import parse_retry_after
from sora_unified._http import DEFAULT_MAX_RESPONSE_BYTES, KEEP_BYTES
from sora_unified._inputs import check_api_key, check_idempotency_key, check_request, check_seconds, check_task_id
from sora_unified._models import TaskRef, TaskStatus, VideoRequest, VideoTask
from sora_unified._normalize import parse_json_object, task_from_payload
from sora_unified._payload import first_text
from sora_unified._polling import initial_delay, poll_delay, poll_hint
from sora_unified._redact import Redactor
from sora_unified._registry import PROVIDERS, all_specs, providers
from sora_unified._retry import DeadlineExceeded, RetryPolicy
from sora_unified._spec import ModelSpec, ProviderSession, RawResponse, ReferenceUpload
from sora_unified._stats import ClientStats
from sora_unified._submit import SubmitGuard
from sora_unified._validation import check_local_reference, is_url, validate_request

TaskLike = str | TaskRef | VideoTask
# URL-expiry answers worth one refresh of the task (a new signed URL) before giving up.
_EXPIRED = (401, 403, 404, 410)
# httpx's default pool, written out so that the client's in-flight gate is exactly as wide.
LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)


def _changed(before: VideoTask | None, after: VideoTask) -> bool:
    if before is None:
        return True
    fields = ("status", "provider_status", "progress", "video_url", "error")
    return any(getattr(before, name) != getattr(after, name) for name in fields)


class VideoClient:
    """One provider's video tasks: `submit`, `get`, `wait`, `download`.

    `api_key`/`base_url` default to the provider's environment variables (e.g. RIVYA_API_KEY) and the
    spec's server. `timeout` bounds each HTTP request; `retry`, `transport`, `clock`, `sleep` and `random`
    are for tuning and tests (e.g. `httpx.MockTransport` and a fake clock).
    """

    def __init__(
        self,
        provider: str,
        api_key: str | None = None,
        base_url: str | None = None,
        *,
        timeout: float = 60.0,
        retry: RetryPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] | None = None,
        sleep: Sleep | None = None,
        random: Callable[[], float] | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        if not isinstance(provider, str) or provider not in PROVIDERS:
            known = ", ".join(sorted(PROVIDERS))
            raise ConfigurationError(f"unknown provider {provider!r}; known: {known}", setting="provider")
        spec, make_session = PROVIDERS[provider]
        check_seconds("timeout", timeout)
        if api_key is not None:
            key: str | None = check_api_key(api_key, "api_key=")
        else:
            from_env = os.environ.get(spec.api_key_env)
            key = check_api_key(from_env, spec.api_key_env) if from_env else None
        url = base_url or os.environ.get(spec.base_url_env) or spec.default_base_url
        if not url:
            raise ConfigurationError(
                f"{provider} needs a base URL: pass base_url= or set {spec.base_url_env}", setting="base_url"
            )
        self._spec = spec
        self._base_url = url
        self._rt = Runtime(
            spec=spec,
            redactor=Redactor(*(k for k in (key, api_key) if k)),
            policy=retry or RetryPolicy(),
            clock=clock or time.monotonic,
            sleep=sleep or _real_sleep,
            rand=random or _random.random,
            max_in_flight=LIMITS.max_connections,
            timeout=timeout,
            max_response_bytes=max_response_bytes,
            host=httpx.URL(url).host,
        )
        httpx_args: dict[str, object] = {"limits": LIMITS}
        if transport is not None:
            httpx_args["transport"] = transport
        # Without a key the client still validates requests offline; the first call that needs the provider
        # raises ConfigurationError naming the environment variable (`_provider_session`).
        self._session = (
            make_session(base_url=url, token=key, timeout=timeout, httpx_args=httpx_args) if key is not None else None
        )
        # Result files live on CDNs: a separate client that never carries the API key. Redirects are followed by
        # `_download_sync` itself (bounded, http(s) only).
        self._files = httpx.Client(transport=transport, timeout=httpx.Timeout(timeout), follow_redirects=False)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(provider={self._spec.id!r}, base_url={self._base_url!r})"

    @staticmethod
    def providers() -> tuple[ProviderInfo, ...]:
        """Every provider with its models and their allowed values, as read from the specs."""
        return providers()

    @property
    def provider(self) -> str:
        """The provider id this client talks to."""
        return self._spec.id

    @property
    def info(self) -> ProviderInfo:
        """This provider's capabilities and polling guidance."""
        return self._spec.info()

    @property
    def stats(self) -> ClientStats:
        """Requests sent so far (submits, status calls, uploads, downloads) and how many were retries."""
        return self._rt.counters.snapshot()

    def submit(self, request: VideoRequest, *, idempotency_key: str | None = None) -> VideoTask:
        """Validate, upload a local reference if needed, and create the task (one task, even on retries).

        Everything that can be judged offline is checked before the API key is looked at.
        """
        spec = self._spec
        model = validate_request(spec, check_request(request), all_specs())
        idempotency_key = check_idempotency_key(idempotency_key)
        if idempotency_key is not None and spec.idempotency_header is None:
            raise ValidationError(
                f"{spec.id} documents no idempotency key",
                field="idempotency_key",
                value=idempotency_key,
                provider=spec.id,
            )
        session = self._provider_session()
        reference: ResolvedReference | None = None
        if request.reference_image is not None:
            if is_url(request.reference_image):
                reference = ResolvedReference(url=str(request.reference_image))
            else:
                reference = self._upload(model, request.reference_image)
        key: str | None = None
        if spec.idempotency_header is not None:
            # Generated once per submit and reused by every retry of it.
            key = idempotency_key or f"sora-unified-{uuid4().hex}"
        client_reference = key if spec.client_request_id_path is not None else None
        body = build_body(spec, model, request, reference, client_reference)
        guard = SubmitGuard(
            fingerprint=fingerprint(body),
            client_reference=client_reference,
            idempotency_key=key,
            sent_at=datetime.now(UTC),
        )
        redactor = self._rt.redactor

        def parse(response: RawResponse) -> VideoTask:
            payload = parse_json_object(spec, response.status, response.content, redactor)
            return task_from_payload(
                spec, payload, http_status=response.status, redactor=redactor, fallback_model=model.id
            )

        return call(self._rt, lambda limits: session.submit_sync(body, key, limits), parse, kind="submit", submit=guard)

    def get(self, task: TaskLike) -> VideoTask:
        """One status call."""
        task_id, model = self._identify(task)
        current, _ = self._poll(task_id, model, None)
        return current

    def wait(
        self,
        task: TaskLike,
        *,
        timeout: float = 1800.0,
        on_update: Callable[[VideoTask], object] | None = None,
        raise_on_failure: bool = True,
    ) -> VideoTask:
        """Poll until the task is terminal or `timeout` seconds have passed (one deadline for everything).

        `on_update` is called with every change of status, progress, URL or error. A failed or canceled
        task raises TaskFailedError unless `raise_on_failure=False`; the deadline raises WaitTimeoutError.
        """
        rt = self._rt
        timeout = check_seconds("timeout", timeout, allow_zero=True)
        if on_update is not None and not callable(on_update):
            raise ValidationError("on_update must be callable or None", field="on_update", value=repr(on_update))
        task_id, model = self._identify(task)
        started = rt.clock()
        deadline = started + timeout
        last = task if isinstance(task, VideoTask) else None
        if last is not None and not last.is_terminal:
            # A task we just saw (e.g. from submit): give it the provider's documented head start.
            rt.sleep(min(initial_delay(self._spec.polling, rt.rand()), max(0.0, deadline - rt.clock())))
        polls = 0
        while last is None or not last.is_terminal:
            try:
                current, retry_after = self._poll(task_id, model, deadline)
            except DeadlineExceeded as exc:
                raise WaitTimeoutError(
                    f"task {task_id} not finished within {timeout}s ({exc.cause.message})",
                    task=last,
                    timeout=timeout,
                    provider=self._spec.id,
                ) from exc.cause
            if _changed(last, current) and on_update is not None:
                sync_notify(on_update, current)
            last = current
            if current.is_terminal:
                break
            remaining = deadline - rt.clock()
            if remaining <= 0:
                raise WaitTimeoutError(
                    f"task {task_id} still {current.status.value} after {timeout}s",
                    task=current,
                    timeout=timeout,
                    provider=self._spec.id,
                )
            pause = poll_delay(self._spec.polling, polls, rt.rand(), retry_after, elapsed=rt.clock() - started)
            rt.sleep(min(pause, remaining))
            polls += 1
        if raise_on_failure and last.status in (TaskStatus.FAILED, TaskStatus.CANCELED):
            raise TaskFailedError(last)
        return last

    def download(
        self,
        task: TaskLike,
        destination: str | os.PathLike[str],
        *,
        max_bytes: int | None = None,
        timeout: float = DOWNLOAD_TIMEOUT,
        stall_timeout: float = STALL_TIMEOUT,
    ) -> Path:
        """Stream the result video of a succeeded task to `destination` (atomically, resuming a killed one); the path.

        `timeout` bounds the whole download, retries and a URL refresh included (DownloadTimeoutError);
        `stall_timeout` is the longest wait for the next bytes (and at most the client's `timeout`) before the attempt
        is retried from where it stopped.
        """
        rt = self._rt
        timeout = check_seconds("timeout", timeout)
        stall_timeout = check_seconds("stall_timeout", stall_timeout)
        if max_bytes is not None and (isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0):
            raise ValidationError(
                f"max_bytes must be a positive int or None, got {max_bytes!r}", field="max_bytes", value=repr(max_bytes)
            )
        if not isinstance(destination, str | os.PathLike):
            raise ValidationError(
                f"destination must be a path (str or os.PathLike), got {type(destination).__name__}",
                field="destination",
                value=repr(destination),
            )
        deadline = rt.clock() + timeout
        current = task if isinstance(task, VideoTask) else self._status_within(task, deadline, timeout)
        self._identify(current)
        # A keyless client cannot tell (the session holds the mapping's choice): it tries the task's URL.
        through_api = self._session is not None and self._session.content_operation is not None
        for refreshed in (False, True):
            if current.status is not TaskStatus.SUCCEEDED or not (through_api or current.video_url):
                raise DownloadError(
                    f"task {current.id} is {current.status.value} and has no video to download yet",
                    provider=self._spec.id,
                )
            source = self._content(current.id) if through_api else current.video_url
            assert source is not None  # checked above
            try:
                return _download(
                    rt,
                    self._files,
                    source,
                    destination,
                    max_bytes=max_bytes,
                    timeout=timeout,
                    stall_timeout=stall_timeout,
                    deadline=deadline,
                )
            except DownloadError as exc:
                if refreshed or through_api or exc.http_status not in _EXPIRED:
                    raise
            # The signed URL may have expired: ask the provider for a fresh one, once.
            current = self._status_within(current.id, deadline, timeout)
        raise AssertionError("unreachable")  # pragma: no cover

    def _status_within(self, task: TaskLike, deadline: float, timeout: float) -> VideoTask:
        """One status call of a download, bounded by the download's deadline (DownloadTimeoutError past it)."""
        task_id, model = self._identify(task)
        try:
            current, _ = self._poll(task_id, model, deadline)
        except DeadlineExceeded as exc:
            raise DownloadTimeoutError(
                f"download not finished within {timeout:.4g}s ({exc.cause.message})",
                timeout=timeout,
                provider=self._spec.id,
            ) from None
        return current

    def _content(self, task_id: str) -> Opener:
        # The mapping's content operation, sent by the provider's authenticated session; redirects from it are
        # followed by the keyless client (`_download_sync`), so the key never leaves the API's own request.
        def first(headers: Mapping[str, str], request_timeout: httpx.Timeout) -> SyncResponseStream:
            return self._provider_session().content_sync(task_id, headers=headers, timeout=request_timeout)

        return first

    def close(self) -> None:
        """Close the HTTP connections."""
        if self._session is not None:
            self._session.close_sync()
        self._files.close()

    def __enter__(self) -> VideoClient:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _provider_session(self) -> ProviderSession:
        """The adapter onto the generated client; ConfigurationError when no key was given or found."""
        if self._session is None:
            env = self._spec.api_key_env
            raise ConfigurationError(
                f"no API key for {self._spec.id}: pass api_key= or set {env}", setting="api_key", provider=self._spec.id
            )
        return self._session

    def _identify(self, task: TaskLike) -> tuple[str, str | None]:
        given: object = task  # a caller may ignore the types: anything else is refused by check_task_id
        if not isinstance(given, TaskRef | VideoTask):
            return check_task_id(given), None
        if given.provider != self._spec.id:
            raise ConfigurationError(f"task {given.id} belongs to {given.provider}, not {self._spec.id}")
        return check_task_id(given.id), given.model if isinstance(given, VideoTask) else None

    def _poll(self, task_id: str, model: str | None, deadline: float | None) -> tuple[VideoTask, float | None]:
        spec, rt = self._spec, self._rt
        session = self._provider_session()

        def parse(response: RawResponse) -> tuple[VideoTask, float | None]:
            # The one read of the body: JSON, then the mapping (the generated models are not built for it).
            payload = parse_json_object(spec, response.status, response.content, rt.redactor)
            task = task_from_payload(
                spec,
                payload,
                http_status=response.status,
                redactor=rt.redactor,
                fallback_id=task_id,
                fallback_model=model,
            )
            # Retry-After first; a provider's own poll hint (polling.hint_headers in the mapping) otherwise.
            retry_after = parse_retry_after(response.headers)
            return task, retry_after if retry_after is not None else poll_hint(spec.poll_hints, response.headers)

        return call(rt, lambda limits: session.get_sync(task_id, limits), parse, kind="status", deadline=deadline)

    def _upload(self, model: ModelSpec, reference: str | os.PathLike[str]) -> ResolvedReference:
        spec, rt = self._spec, self._rt
        session = self._provider_session()
        local = check_local_reference(spec, model, reference)
        rule = spec.reference
        # validate_request checked accepts_file, which a mapping sets only with a Files API (url path and kind)
        assert rule is not None and rule.upload_url_path is not None and rule.upload_kind is not None
        try:
            content = local.path.read_bytes()
        except OSError as exc:
            raise ValidationError(
                f"reference_image {str(local.path)!r} cannot be read: {exc.strerror or type(exc).__name__}",
                field="reference_image",
                value=str(local.path),
                provider=spec.id,
            ) from None
        upload = ReferenceUpload(
            content=content,
            file_name=local.path.name,
            mime_type=local.mime_type,
            kind=rule.upload_kind,
            model=model.id,
        )
        upload_url_path = rule.upload_url_path

        def parse(response: RawResponse) -> str:
            payload = parse_json_object(spec, response.status, response.content, rt.redactor)
            url = first_text(payload, (upload_url_path,))
            if url is None:
                raise MalformedResponseError(
                    f"{spec.id} upload response has no file url",
                    raw=rt.redactor.head(response.content, KEEP_BYTES),
                    provider=spec.id,
                    http_status=response.status,
                )
            return url

        # A repeated upload only stores the file twice (nothing billable), so it is retried like a status call.
        url = call(rt, lambda limits: session.upload_sync(upload, limits), parse, kind="upload")
        return ResolvedReference(url=url, name=local.path.name, mime_type=local.mime_type)

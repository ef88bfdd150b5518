"""Internal description of a provider, rendered from its mapping, and the session protocol adapters implement.

A `ProviderSpec` is plain data: how each `VideoRequest` field lands in the provider body, where the
normalized task fields are in a response, the status synonym table and the error envelope. The generic
engines (`_body`, `_normalize`, `_validation`, `_retry.error_from_response`) read it; no
provider-specific Python exists.

Internal records here (and in `_body`, `_retry`, `_validation`, `_stats`) are `NamedTuple`s, not frozen
dataclasses: each frozen dataclass execs generated methods when its module is imported (~0.5-1 ms apiece on
the benchmark machine), and these records need nothing a tuple does not give (immutable, compared by value).
Public value types (`VideoRequest`, `VideoTask`, `ProviderInfo`, ...) stay dataclasses.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import AbstractAsyncContextManager, AbstractContextManager
from typing import TYPE_CHECKING, Literal, NamedTuple, Protocol

from sora_unified._capabilities import ModelCapabilities, PollingGuidance, ProviderInfo
from sora_unified._models import TaskStatus

if TYPE_CHECKING:
    import httpx

    from sora_unified._http import RequestLimits

FieldPath = tuple[str | int, ...]
Transform = Literal["identity", "string", "map"]
TimestampUnit = Literal["iso8601", "unix_s", "unix_ms"]
ErrorKind = Literal[
    "authentication", "permission_denied", "not_found", "rate_limited", "insufficient_credits", "validation", "provider"
]


class FieldRule(NamedTuple):
    """Where one VideoRequest field goes in the body and how its value is written there."""

    field: str
    to: FieldPath
    transform: Transform
    # canonical key ("10", "true", "landscape") -> provider value; only for transform == "map"
    values: Mapping[str, object]


class ComputedRule(NamedTuple):
    """A provider field computed from several VideoRequest fields through a table (OpenAI's size).

    `table` maps the canonical keys of `inputs`, in order (`("portrait", "standard")`), to the provider value.
    """

    to: FieldPath
    inputs: tuple[str, ...]
    table: Mapping[tuple[str, ...], object]


class PollHint(NamedTuple):
    """An answer header asking for a pause before the next status call, and the seconds one unit is worth."""

    header: str
    seconds_per_unit: float


class ReferenceRule(NamedTuple):
    """Where the reference image goes: `item` is a template whose "{url}"/"{name}"/"{mime_type}" are filled."""

    to: FieldPath
    item: object
    as_list: bool
    when_absent: object
    has_when_absent: bool
    upload_url_path: FieldPath | None
    upload_kind: str | None


class TimestampPath(NamedTuple):
    """A response path and the unit its value is written in."""

    path: FieldPath
    unit: TimestampUnit


class ResponseRule(NamedTuple):
    """Candidate paths for each normalized field (the first present non-null value wins)."""

    id: tuple[FieldPath, ...]
    status: tuple[FieldPath, ...]
    model: tuple[FieldPath, ...]
    progress: tuple[FieldPath, ...]
    video_url: tuple[FieldPath, ...]
    error_code: tuple[FieldPath, ...]
    error_message: tuple[FieldPath, ...]
    created_at: tuple[TimestampPath, ...]
    updated_at: tuple[TimestampPath, ...]


class ErrorRule(NamedTuple):
    """The provider's HTTP error envelope and which provider codes mean which error class."""

    code: tuple[FieldPath, ...]
    message: tuple[FieldPath, ...]
    request_id: tuple[FieldPath, ...]
    request_id_headers: tuple[str, ...]
    kinds: Mapping[str, ErrorKind]


class ModelSpec(NamedTuple):
    """A model: its capabilities (whose id is what the provider is sent) and defaults for fields left None."""

    capabilities: ModelCapabilities
    # only where the spec requires a field and documents no default (see the mapping's decisions)
    defaults: Mapping[str, object]

    @property
    def id(self) -> str:
        """The model id as the provider writes it (kept once, in the capabilities)."""
        return self.capabilities.id


class ProviderSpec(NamedTuple):
    """Everything the generic engines need to know about one provider."""

    id: str
    display_name: str
    docs: tuple[str, ...]
    api_key_env: str
    base_url_env: str
    default_base_url: str | None
    default_model: str
    models: tuple[ModelSpec, ...]
    model_path: FieldPath
    prompt_path: FieldPath
    fields: tuple[FieldRule, ...]
    reference: ReferenceRule | None
    constants: tuple[tuple[FieldPath, object], ...]
    statuses: Mapping[str, TaskStatus]
    response: ResponseRule
    errors: ErrorRule
    polling: PollingGuidance
    idempotency_header: str | None
    client_request_id_path: FieldPath | None
    download_content_types: tuple[str, ...]
    computed: tuple[ComputedRule, ...] = ()
    poll_hints: tuple[PollHint, ...] = ()

    def info(self) -> ProviderInfo:
        """The public view of this provider."""
        return ProviderInfo(
            id=self.id,
            display_name=self.display_name,
            docs=self.docs,
            api_key_env=self.api_key_env,
            base_url_env=self.base_url_env,
            default_base_url=self.default_base_url,
            default_model=self.default_model,
            models=tuple(model.capabilities for model in self.models),
            polling=self.polling,
            idempotent_submit=self.idempotency_header is not None,
        )


class RawResponse(NamedTuple):
    """An HTTP answer as received: the generated client made the call, we normalize from the bytes."""

    status: int
    headers: Mapping[str, str]
    content: bytes


class ReferenceUpload(NamedTuple):
    """A local reference file about to be uploaded through a provider's Files API."""

    content: bytes
    file_name: str
    mime_type: str
    kind: str
    model: str


class ProviderSession(Protocol):
    """What a rendered adapter offers: each provider call through its generated client, sync and async.

    `limits` (a `sora_unified._http.RequestLimits`) bounds the exchange: its deadline and the answer's size.
    """

    def submit_sync(
        self, body: Mapping[str, object], idempotency_key: str | None, limits: RequestLimits
    ) -> RawResponse: ...

    async def submit_async(
        self, body: Mapping[str, object], idempotency_key: str | None, limits: RequestLimits
    ) -> RawResponse: ...

    def get_sync(self, task_id: str, limits: RequestLimits) -> RawResponse: ...

    async def get_async(self, task_id: str, limits: RequestLimits) -> RawResponse: ...

    def upload_sync(self, upload: ReferenceUpload, limits: RequestLimits) -> RawResponse: ...

    async def upload_async(self, upload: ReferenceUpload, limits: RequestLimits) -> RawResponse: ...

    # The mapping's `download.operation` id when the result is fetched through the API (with the key), else None.
    content_operation: str | None

    def content_sync(
        self, task_id: str, *, headers: Mapping[str, str], timeout: httpx.Timeout
    ) -> AbstractContextManager[httpx.Response]: ...

    def content_async(
        self, task_id: str, *, headers: Mapping[str, str], timeout: httpx.Timeout
    ) -> AbstractAsyncContextManager[httpx.Response]: ...

    def close_sync(self) -> None: ...

    async def close_async(self) -> None: ...


class SessionFactory(Protocol):
    """Builds a session around one generated client (created once, connections reused)."""

    def __call__(
        self, *, base_url: str, token: str, timeout: float, httpx_args: dict[str, object]
    ) -> ProviderSession: ...

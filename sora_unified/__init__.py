"""sora_unified: one request, one task model, submit / wait / download across every video provider.

    from sora_unified import VideoClient, VideoRequest

    client = VideoClient("rivya")            # key from RIVYA_API_KEY
    task = client.submit(VideoRequest(prompt="...", seconds=10, orientation="landscape"))
    task = client.wait(task, timeout=900, on_update=print)
    path = client.download(task, "out.mp4")

The runtime is generic: which providers exist, and their capabilities, is the data `make generate` renders
from `specs/<provider>.yaml` and `specs/mappings/<provider>.yaml` into `sora_providers`; see
`VideoClient.providers()`.

`VideoClient`, `AsyncVideoClient` and `providers` are imported on first use (PEP 562): a program that uses
one flavor does not pay for importing the other (each pulls its own call loop, download and adapters).
"""

from __future__ import annotations

from importlib import import_module as _import_module
from typing import TYPE_CHECKING

from sora_unified._capabilities import (
    ModelCapabilities,
    PollingGuidance,
    ProviderInfo,
    ReferenceImageLimits,
)
from sora_unified._errors import (
    AuthenticationError,
    ConfigurationError,
    DownloadError,
    InsufficientCreditsError,
    MalformedResponseError,
    NotFoundError,
    PermissionDeniedError,
    ProviderConnectionError,
    ProviderError,
    RateLimitError,
    SoraUnifiedError,
    SubmitOutcomeUnknownError,
    TaskFailedError,
    ValidationError,
    WaitTimeoutError,
)
from sora_unified._models import (
    Orientation,
    Quality,
    TaskError,
    TaskRef,
    TaskStatus,
    VideoRequest,
    VideoTask,
)
from sora_unified._retry import RetryPolicy
from sora_unified._stats import ClientStats

if TYPE_CHECKING:
    from sora_unified._async_client import AsyncVideoClient
    from sora_unified._registry import providers
    from sora_unified._sync_client import VideoClient

# Relative to this package, so the lazy imports also resolve where the package is vendored under a prefix.
_LAZY = {
    "AsyncVideoClient": "._async_client",
    "VideoClient": "._sync_client",
    "providers": "._registry",
}


def __getattr__(name: str) -> object:
    """Import a lazily exported name on first access, then keep it as a module attribute."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_import_module(module, __package__), name)
    globals()[name] = value
    return value


__all__ = [
    "AsyncVideoClient",
    "AuthenticationError",
    "ClientStats",
    "ConfigurationError",
    "DownloadError",
    "InsufficientCreditsError",
    "MalformedResponseError",
    "ModelCapabilities",
    "NotFoundError",
    "Orientation",
    "PermissionDeniedError",
    "PollingGuidance",
    "ProviderConnectionError",
    "ProviderError",
    "ProviderInfo",
    "Quality",
    "RateLimitError",
    "ReferenceImageLimits",
    "RetryPolicy",
    "SoraUnifiedError",
    "SubmitOutcomeUnknownError",
    "TaskError",
    "TaskFailedError",
    "TaskRef",
    "TaskStatus",
    "ValidationError",
    "VideoClient",
    "VideoRequest",
    "VideoTask",
    "WaitTimeoutError",
    "providers",
]

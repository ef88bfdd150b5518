# Generated from specs/*.yaml and specs/mappings/ by `make generate`: do not edit.
"""The providers discovered at generate time (one per `specs/<provider>.yaml` with a mapping).

A provider's data module is imported eagerly (it is small, plain data); its session module, which imports
the generated client package, only when a client for that provider is created.
"""

from __future__ import annotations

from collections.abc import Mapping

from sora_unified._capabilities import ProviderInfo
from sora_unified._providers.globalaiopc import SPEC as _globalaiopc_spec
from sora_unified._providers.rivya import SPEC as _rivya_spec
from sora_unified._providers.unifiedvideo import SPEC as _unifiedvideo_spec
from sora_unified._spec import ProviderSession, ProviderSpec, SessionFactory


def _globalaiopc_session(
    *, base_url: str, token: str, timeout: float, httpx_args: dict[str, object]
) -> ProviderSession:
    from sora_unified._providers.globalaiopc_session import Session

    return Session(base_url=base_url, token=token, timeout=timeout, httpx_args=httpx_args)


def _rivya_session(*, base_url: str, token: str, timeout: float, httpx_args: dict[str, object]) -> ProviderSession:
    from sora_unified._providers.rivya_session import Session

    return Session(base_url=base_url, token=token, timeout=timeout, httpx_args=httpx_args)


def _unifiedvideo_session(
    *, base_url: str, token: str, timeout: float, httpx_args: dict[str, object]
) -> ProviderSession:
    from sora_unified._providers.unifiedvideo_session import Session

    return Session(base_url=base_url, token=token, timeout=timeout, httpx_args=httpx_args)


PROVIDERS: Mapping[str, tuple[ProviderSpec, SessionFactory]] = {
    "globalaiopc": (_globalaiopc_spec, _globalaiopc_session),
    "rivya": (_rivya_spec, _rivya_session),
    "unifiedvideo": (_unifiedvideo_spec, _unifiedvideo_session),
}


def all_specs() -> tuple[ProviderSpec, ...]:
    """Every provider's spec, in id order (used to say which providers would accept a value)."""
    return tuple(spec for spec, _ in PROVIDERS.values())


def providers() -> tuple[ProviderInfo, ...]:
    """Every provider with its models and their allowed values, as read from the specs."""
    return tuple(spec.info() for spec in all_specs())

# Generated from specs/*.yaml and specs/mappings/*.yaml through generator/templates/layer/__init__.py.jinja by `make generate`: do not edit.
"""The providers of this tree: `globalaiopc`, `openaivideos`, `rivya`, `unifiedvideo` (one per `specs/<provider>.yaml` with a mapping).

The thin rendered part of the normalizing layer: each provider's record (`<id>.py`, plain data read from
its spec through its mapping) and its adapter onto the generated client (`<id>_session.py`). The runtime,
`sora_unified`, reads `PROVIDERS`. A provider's record is imported eagerly (small, plain data); its
adapter, which imports the generated client package, only when a client for that provider is created.
"""

from __future__ import annotations

from collections.abc import Mapping as _Mapping

from sora_unified._spec import ProviderSession as _ProviderSession
from sora_unified._spec import ProviderSpec as _ProviderSpec
from sora_unified._spec import SessionFactory as _SessionFactory

from sora_providers.globalaiopc import SPEC as _globalaiopc_spec
from sora_providers.openaivideos import SPEC as _openaivideos_spec
from sora_providers.rivya import SPEC as _rivya_spec
from sora_providers.unifiedvideo import SPEC as _unifiedvideo_spec


def _globalaiopc_session(
    *, base_url: str, token: str, timeout: float, httpx_args: dict[str, object]
) -> _ProviderSession:
    from sora_providers.globalaiopc_session import Session

    return Session(base_url=base_url, token=token, timeout=timeout, httpx_args=httpx_args)


def _openaivideos_session(
    *, base_url: str, token: str, timeout: float, httpx_args: dict[str, object]
) -> _ProviderSession:
    from sora_providers.openaivideos_session import Session

    return Session(base_url=base_url, token=token, timeout=timeout, httpx_args=httpx_args)


def _rivya_session(*, base_url: str, token: str, timeout: float, httpx_args: dict[str, object]) -> _ProviderSession:
    from sora_providers.rivya_session import Session

    return Session(base_url=base_url, token=token, timeout=timeout, httpx_args=httpx_args)


def _unifiedvideo_session(
    *, base_url: str, token: str, timeout: float, httpx_args: dict[str, object]
) -> _ProviderSession:
    from sora_providers.unifiedvideo_session import Session

    return Session(base_url=base_url, token=token, timeout=timeout, httpx_args=httpx_args)


PROVIDERS: _Mapping[str, tuple[_ProviderSpec, _SessionFactory]] = {
    "globalaiopc": (_globalaiopc_spec, _globalaiopc_session),
    "openaivideos": (_openaivideos_spec, _openaivideos_session),
    "rivya": (_rivya_spec, _rivya_session),
    "unifiedvideo": (_unifiedvideo_spec, _unifiedvideo_session),
}

__all__ = ["PROVIDERS"]

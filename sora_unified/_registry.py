"""The providers this installation knows: the rendered `sora_providers` package, read once on first use.

The runtime is generic; which providers exist, and everything about each, is the data `make generate` renders
from `specs/<provider>.yaml` and `specs/mappings/<provider>.yaml` into `sora_providers`.
"""

from __future__ import annotations

from collections.abc import Mapping

from sora_providers import PROVIDERS as _PROVIDERS
from sora_unified._capabilities import ProviderInfo
from sora_unified._spec import ProviderSpec, SessionFactory

PROVIDERS: Mapping[str, tuple[ProviderSpec, SessionFactory]] = _PROVIDERS


def all_specs() -> tuple[ProviderSpec, ...]:
    """Every provider's record, in id order (used to say which providers would accept a value)."""
    return tuple(spec for spec, _ in PROVIDERS.values())


def providers() -> tuple[ProviderInfo, ...]:
    """Every provider with its models and their allowed values, as read from the specs."""
    return tuple(spec.info() for spec in all_specs())

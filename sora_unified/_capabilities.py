"""Public capability data: what each provider and model accepts, resolved from the specs at generate time.

Every value here was read from a provider spec through a JSON pointer named in
`specs/mappings/<provider>.yaml`; nothing is retyped in Python. `VideoClient.providers()` returns them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sora_unified._models import Orientation, Quality


@dataclass(frozen=True)
class ReferenceImageLimits:
    """How a model takes a reference image: as a URL, as an uploaded file, and the file limits."""

    max_count: int
    accepts_url: bool
    accepts_file: bool
    max_bytes: int | None
    mime_types: tuple[str, ...]


@dataclass(frozen=True)
class ModelCapabilities:
    """Allowed request values for one model of one provider (empty tuple: the field cannot be set)."""

    id: str
    aliases: tuple[str, ...]
    durations: tuple[int, ...]
    orientations: tuple[Orientation, ...]
    qualities: tuple[Quality, ...]
    watermark: tuple[bool, ...]
    prompt_max_length: int | None
    reference_image: ReferenceImageLimits | None


@dataclass(frozen=True)
class PollingGuidance:
    """The provider's polling advice in seconds: first poll after `initial_delay`, then `min..max` interval.

    No pause aims above `elapsed_fraction` of the time waited so far (see `_polling`).
    """

    initial_delay: float
    min_interval: float
    max_interval: float
    backoff_factor: float
    elapsed_fraction: float


@dataclass(frozen=True)
class ProviderInfo:
    """One provider: identity, configuration, models and behaviour that the normalizing layer relies on."""

    id: str
    display_name: str
    docs: tuple[str, ...]
    api_key_env: str
    base_url_env: str
    default_base_url: str | None
    default_model: str
    models: tuple[ModelCapabilities, ...]
    polling: PollingGuidance
    idempotent_submit: bool

    def model(self, name: str) -> ModelCapabilities | None:
        """The model with this id or alias, or None."""
        for caps in self.models:
            if name == caps.id or name in caps.aliases:
                return caps
        return None

"""Check a `VideoRequest` against one provider model before anything is sent.

A value the model cannot take raises `ValidationError` naming the field, the value, the values this
provider and model allow, and every provider/model pair that would accept it. Nothing is rounded or
dropped. A local reference file is checked for size and type (by its signature, as Rivya does) against
the limits the spec declares (`x-max-bytes`, `x-mime-types`) before any upload.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

from sora_unified._capabilities import ModelCapabilities
from sora_unified._errors import ValidationError
from sora_unified._models import VideoRequest
from sora_unified._spec import ModelSpec, ProviderSpec

# Magic numbers of the image types providers document; the extension is not trusted.
_SIGNATURES: tuple[tuple[str, Callable[[bytes], bool]], ...] = (
    ("image/jpeg", lambda head: head.startswith(b"\xff\xd8\xff")),
    ("image/png", lambda head: head.startswith(b"\x89PNG\r\n\x1a\n")),
    ("image/webp", lambda head: head[:4] == b"RIFF" and head[8:12] == b"WEBP"),
    ("image/gif", lambda head: head[:6] in (b"GIF87a", b"GIF89a")),
)


class LocalReference(NamedTuple):
    """A local reference file that passed the checks."""

    path: Path
    size: int
    mime_type: str


def sniff_mime(head: bytes) -> str | None:
    """The image MIME type from the first bytes of a file, or None."""
    for mime, matches in _SIGNATURES:
        if matches(head):
            return mime
    return None


def is_url(reference: str | os.PathLike[str]) -> bool:
    """True for http(s) URLs; anything else is a local path."""
    return isinstance(reference, str) and reference.lower().startswith(("http://", "https://"))


def find_model(spec: ProviderSpec, requested: str | None) -> ModelSpec | None:
    """The model by id or alias (default model when None), matched by the public `ProviderInfo.model`."""
    caps = spec.info().model(requested or spec.default_model)
    return next((model for model in spec.models if model.capabilities is caps), None)


def _field_checks(request: VideoRequest) -> list[tuple[str, object, Callable[[ModelCapabilities], Sequence[object]]]]:
    checks: list[tuple[str, object, Callable[[ModelCapabilities], Sequence[object]]]] = []
    if request.seconds is not None:
        checks.append(("seconds", request.seconds, lambda caps: caps.durations))
    if request.orientation is not None:
        checks.append(("orientation", request.orientation, lambda caps: caps.orientations))
    if request.quality is not None:
        checks.append(("quality", request.quality, lambda caps: caps.qualities))
    if request.watermark is not None:
        checks.append(("watermark", request.watermark, lambda caps: caps.watermark))
    return checks


def _reference_kind_ok(caps: ModelCapabilities, url: bool) -> bool:
    limits = caps.reference_image
    return limits is not None and (limits.accepts_url if url else limits.accepts_file)


def _accepted_by(all_specs: Sequence[ProviderSpec], ok: Callable[[ModelCapabilities], bool]) -> list[str]:
    return [f"{spec.id}/{model.id}" for spec in all_specs for model in spec.models if ok(model.capabilities)]


def _strict_in(value: object, allowed: Sequence[object]) -> bool:
    # True == 1 in Python: a bool must never pass for a duration, nor 1 for a watermark flag.
    return any(type(value) is type(option) and value == option for option in allowed)


def _accepts(
    allowed_of: Callable[[ModelCapabilities], Sequence[object]], value: object
) -> Callable[[ModelCapabilities], bool]:
    return lambda caps: _strict_in(value, allowed_of(caps))


def validate_request(spec: ProviderSpec, request: VideoRequest, all_specs: Sequence[ProviderSpec]) -> ModelSpec:
    """The model to use, or ValidationError for the first field this provider/model cannot take."""
    where = f"{spec.id}"
    model = find_model(spec, request.model)
    if model is None:
        names = [m.id for m in spec.models] + [a for m in spec.models for a in m.capabilities.aliases]
        raise ValidationError(
            f"model={request.model!r} is not offered by {where} (allowed: {', '.join(names)})",
            field="model",
            value=request.model,
            allowed=names,
            accepted_by=_accepted_by(all_specs, lambda caps: request.model in (caps.id, *caps.aliases)),
            provider=spec.id,
        )
    caps = model.capabilities
    where = f"{spec.id} model {model.id}"
    if not request.prompt.strip():
        raise ValidationError("prompt must not be empty", field="prompt", value=request.prompt, provider=spec.id)
    if caps.prompt_max_length is not None and len(request.prompt) > caps.prompt_max_length:
        raise ValidationError(
            f"prompt has {len(request.prompt)} characters; {where} allows at most {caps.prompt_max_length}",
            field="prompt",
            value=f"<{len(request.prompt)} characters>",
            allowed=[f"<= {caps.prompt_max_length} characters"],
            accepted_by=_accepted_by(
                all_specs, lambda c: c.prompt_max_length is None or len(request.prompt) <= c.prompt_max_length
            ),
            provider=spec.id,
        )
    for name, value, allowed_of in _field_checks(request):
        allowed = allowed_of(caps)
        if not _strict_in(value, allowed):
            accepted = _accepted_by(all_specs, _accepts(allowed_of, value))
            shown = ", ".join(map(repr, allowed)) if allowed else "none: this field cannot be set"
            raise ValidationError(
                f"{name}={value!r} is not supported by {where} (allowed: {shown}); "
                f"accepted by: {', '.join(accepted) or 'no provider'}",
                field=name,
                value=value,
                allowed=allowed,
                accepted_by=accepted,
                provider=spec.id,
            )
    if request.reference_image is not None:
        url = is_url(request.reference_image)
        if not _reference_kind_ok(caps, url):
            kind = "a reference image URL" if url else "a local reference file"
            accepted = _accepted_by(all_specs, lambda c: _reference_kind_ok(c, url))
            raise ValidationError(
                f"{where} does not take {kind}; accepted by: {', '.join(accepted) or 'no provider'}",
                field="reference_image",
                value=str(request.reference_image),
                accepted_by=accepted,
                provider=spec.id,
            )
    return model


def check_local_reference(spec: ProviderSpec, model: ModelSpec, reference: str | os.PathLike[str]) -> LocalReference:
    """Size and type of a local reference file against the model's limits, before any upload."""
    limits = model.capabilities.reference_image
    path = Path(reference)
    if limits is None or not path.is_file():
        raise ValidationError(
            f"reference_image {str(path)!r} is not a readable file",
            field="reference_image",
            value=str(path),
            provider=spec.id,
        )
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:  # unreadable (permissions), or gone since: a local problem with this field
        raise ValidationError(
            f"reference_image {str(path)!r} cannot be read: {exc.strerror or type(exc).__name__}",
            field="reference_image",
            value=str(path),
            provider=spec.id,
        ) from None
    if limits.max_bytes is not None and size > limits.max_bytes:
        raise ValidationError(
            f"reference_image is {size} bytes; {spec.id} model {model.id} allows at most {limits.max_bytes}",
            field="reference_image",
            value=str(path),
            allowed=[f"<= {limits.max_bytes} bytes"],
            provider=spec.id,
        )
    mime = sniff_mime(head)
    if mime is None or (limits.mime_types and mime not in limits.mime_types):
        raise ValidationError(
            f"reference_image type {mime or 'unknown'} is not accepted by {spec.id} model {model.id}",
            field="reference_image",
            value=str(path),
            allowed=limits.mime_types,
            provider=spec.id,
        )
    return LocalReference(path=path, size=size, mime_type=mime)
